"""Golden briefs of the sample texts in tests/golden, with notes made through the notes API.

The analyses are fixed JSON fixtures so the briefs do not move when the
extractors improve; the documents come from the real loader and the notes
from a real NotesStore. To accept a deliberate change of the brief's layout:
``CLOSEREAD_UPDATE_GOLDEN=1 pytest tests/test_brief_golden.py`` and review the diff.
"""

from __future__ import annotations

import itertools
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from test_brief_support import GOLDEN, headings, load_analysis, parse, tables
from tui.brief import BriefInput, BriefOptions, render_brief
from tui.loader import load_document
from tui.notes import NotesStore

UPDATE = os.environ.get("CLOSEREAD_UPDATE_GOLDEN") == "1"
# A paragraph that an earlier draft of harbour.md had; a note on it becomes an orphan.
CUT_PARAGRAPH = ("An earlier draft claimed the harbour would handle twice as much cargo by 2030, "
                 "a figure the authority later withdrew.")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch, tmp_path):
    """Notes get increasing, fixed times (their order must not hang on the wall clock)."""
    ticks = itertools.count()
    start = datetime(2025, 3, 15, 9, 0, tzinfo=timezone.utc)
    monkeypatch.setattr("tui.notes.now", lambda: start + timedelta(minutes=next(ticks)))
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))


def copy_sample(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copyfile(GOLDEN / name, target)
    return target


def harbour_with_notes(folder: Path) -> BriefInput:
    """harbour.md with notes on three paragraphs, review marks, and one orphaned note."""
    path = copy_sample("harbour.md", folder)
    final_text = path.read_text(encoding="utf-8")
    path.write_text(final_text + "\n" + CUT_PARAGRAPH + "\n", encoding="utf-8")
    draft = load_document(str(path))
    store = NotesStore.open(str(path), draft)
    store.add(len(draft.paragraphs) - 1, "Ask the authority why this was withdrawn.", tags=["follow-up"])
    path.write_text(final_text, encoding="utf-8")
    document = load_document(str(path))
    store = NotesStore.open(str(path), document)
    store.add(1, "Check the 40% against the 2023 plan | table on p. 12.", tags=["figures", "to verify"])
    store.set_review(1, "verified")
    store.add(4, "Spring 2027 is new: last year's plan said 2026.")
    store.add(4, "Ortiz's second quote is a boast, not a fact.", tags=["tone"])
    store.add(5, "#harbour is the ward's name, not a tag; `audit` <script>alert(1)</script> [x](y)",
              tags=["quote", "#ward"])
    store.set_review(5, "disputed")
    store.set_review(7, "to-check")
    return BriefInput(document, load_analysis(GOLDEN / "harbour.analysis.json"), store)


def river_plain(folder: Path) -> BriefInput:
    document = load_document(str(copy_sample("river.txt", folder)))
    return BriefInput(document, load_analysis(GOLDEN / "river.analysis.json"), NotesStore.open(
        str(folder / "river.txt"), document))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def test_harbour_brief_matches_golden(tmp_path):
    text = render_brief([harbour_with_notes(tmp_path)], BriefOptions())
    check_golden("harbour.brief.md", text)
    tokens = parse(text)
    assert [h for h in headings(tokens) if h[0] <= 2] == [
        (1, "Harbour works: $4.2 billion & counting"), (2, "Summary"), (2, "Key figures"),
        (2, "Quoted sources"), (2, "Notes")]
    assert [h[1] for h in headings(tokens) if h[0] == 3] == [
        "¶ 2 · verified", "¶ 5", "¶ 6 · disputed", "¶ 8 · to check", "Orphaned notes", "Review tally"]
    [figures] = tables(tokens)
    assert figures[4] == ["14 million tonnes", "cargo | handled each year", "¶ 8"]


def test_notes_only_brief_matches_golden(tmp_path):
    text = render_brief([harbour_with_notes(tmp_path)], BriefOptions(sections=("notes",)))
    check_golden("harbour.notes.brief.md", text)


def test_multi_text_brief_matches_golden(tmp_path):
    entries = [harbour_with_notes(tmp_path), river_plain(tmp_path)]
    text = render_brief(entries, BriefOptions(made_at=datetime(2025, 3, 16, 8, 30, tzinfo=timezone.utc)))
    check_golden("week.brief.md", text)


def test_golden_briefs_are_byte_identical_across_runs(tmp_path):
    first = render_brief([harbour_with_notes(tmp_path / "a")], BriefOptions())
    second = render_brief([harbour_with_notes(tmp_path / "b")], BriefOptions())
    assert first == second


@pytest.fixture(autouse=True)
def _folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
