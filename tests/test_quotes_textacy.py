"""The English direct-quotation cases from textacy's tests (read from ../shared/data; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.document import Paragraph
from tui.quotes import extract_quotes

CASES = Path(__file__).resolve().parents[2] / "shared" / "data" / "textacy-quotes" / "direct_quotations_cases.json"
PRONOUNS = {"he", "she", "it", "they", "i", "we"}


def _cases() -> list[dict]:
    if not CASES.exists():
        return []
    return [c for c in json.loads(CASES.read_text(encoding="utf-8")) if c.get("lang", "en") == "en"]


def _quotes(text: str) -> list[dict]:
    texts = [t for t in text.split("\n") if t.strip()]
    paragraphs = [Paragraph(index=i, id=str(i), kind="body", text=t, sentences=(t,)) for i, t in enumerate(texts)]
    return extract_quotes(paragraphs)[0]


@pytest.mark.skipif(not CASES.exists(), reason="shared textacy cases not present")
@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
def test_textacy_case(case: dict) -> None:
    found = [q for q in _quotes(case["text"]) if q["kind"] == "quote"]
    expected = case.get("expected")
    if expected == []:
        assert found == []
        return
    if expected:
        for item in expected:
            content = item["content"].strip("\"“”")
            match = [q for q in found if content.strip(",") in q["text"] or q["text"].strip(",") in content]
            assert match, (content, found)
            speaker = item["speaker"][-1]
            if speaker.lower() not in PRONOUNS:
                assert speaker in (match[0]["speaker"] or ""), (speaker, match[0])
        return
    tokens = [t for t in case.get("expected_speaker_tokens", []) if t.lower() not in PRONOUNS]
    if tokens:
        assert any(tokens[-1] in (q["speaker"] or "") for q in found), (tokens, found)
