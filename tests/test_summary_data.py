"""Regression guard on the shared development data (skipped when it or rouge-score is absent).

The full measurement is bench/eval_summary.sh; this checks a small slice in-process in a few seconds.
"""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import pytest

from tui.loader import document_from_text
from tui.summary import summarize

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
BBC = DATA / "bbc-summary-dev"
CNNDM = DATA / "cnndm-dev.csv"

rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
pytestmark = pytest.mark.skipif(not BBC.is_dir() or not CNNDM.is_file(), reason="shared data absent")


def reference_sentences(text: str) -> int:
    """Sentences of a BBC reference summary, whose sentences are glued without spaces ("bn.For")."""
    return max(1, sum(text.count(mark) for mark in ".!?") - text.count("..") * 2)


def scorer():
    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def test_bbc_slice_stays_well_above_the_lead_baseline():
    rouge, ours = scorer(), []
    for category in ("business", "politics", "tech"):
        for i in range(1, 9):
            article = (BBC / "News Articles" / category / f"{i:03d}.txt").read_text(encoding="utf-8")
            reference = (BBC / "Summaries" / category / f"{i:03d}.txt").read_text(encoding="utf-8")
            result = summarize(document_from_text(article), reference_sentences(reference))
            hypothesis = " ".join(s["text"] for s in result.sentences)
            ours.append(rouge.score(reference, hypothesis)["rouge2"].fmeasure)
    assert statistics.mean(ours) > 0.62  # Lead-k scores about 0.51 on the whole set


def test_cnndm_slice_beats_lead_three_and_skips_agency_boilerplate():
    rouge, ours, lead = scorer(), [], []
    with CNNDM.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:25]
    for row in rows:
        document = document_from_text(row["article"])
        reference = " ".join(row["highlights"].split("\n"))
        texts = [s["text"] for s in summarize(document, 3).sentences]
        assert not any("PUBLISHED:" in t or "UPDATED:" in t or t.startswith("By .") for t in texts)
        first = [s for p in document.paragraphs if p.kind == "body" for s in p.sentences][:3]
        ours.append(rouge.score(reference, " ".join(texts))["rouge1"].fmeasure)
        lead.append(rouge.score(reference, " ".join(first))["rouge1"].fmeasure)
    assert statistics.mean(ours) > statistics.mean(lead) + 0.02
