"""Helpers for the reader's tests: a copy of a fixture text and a fixed analysis."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.analysis import Analysis, analyze
from tui.summary import SummaryResult

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "reader-sample.md"


def copy_sample(tmp_path: Path, name: str = "library.md") -> Path:
    """A private copy of the sample text (notes and briefs are written beside it)."""
    target = tmp_path / name
    shutil.copyfile(SAMPLE, target)
    return target


def fixed_analysis(document, summary_sentences=None, progress=lambda stage, fraction: None) -> Analysis:
    """A deterministic analysis of the sample text, independent of the extractors' progress."""
    if not any("1,840" in p.text for p in document.paragraphs):
        return analyze(document, summary_sentences, progress)
    progress("figures", 0.0)
    by_text = {p.text: p.index for p in document.paragraphs}

    def where(fragment: str) -> int:
        return next(i for text, i in by_text.items() if fragment in text)

    figures = [
        {"text": "1,840 residents", "value": 1840, "upper": None, "kind": "count",
         "counts": "residents who signed", "paragraph": where("1,840")},
        {"text": "£38,000", "value": 38000, "upper": None, "kind": "money",
         "counts": "yearly cost", "paragraph": where("£38,000")},
        {"text": "12%", "value": 12, "upper": None, "kind": "percent",
         "counts": "fall in visits", "paragraph": where("12%")},
    ]
    quotes = [
        {"text": "Now they will.", "speaker": "Priya Natarajan", "cue": "said", "kind": "quote",
         "paragraph": where("Now they will")},
        {"text": "We will look at the numbers again in a year,", "speaker": "Natarajan",
         "cue": "said", "kind": "quote", "paragraph": where("numbers again")},
    ]
    sources = [{"name": "Millbrook Gazette", "paragraph": where("Gazette"),
                "text": "the Millbrook Gazette, reported", "paragraphs": [where("Gazette")]}]
    summary = SummaryResult(
        sentences=[{"text": "The town library in Millbrook will stay open until 9pm on Thursdays "
                            "from June, the council said on Monday.", "paragraph": where("9pm on")}],
        gists={where("1,840"): "Library opens late on Thursdays after a petition."},
    )
    progress("done", 1.0)
    return Analysis(summary=summary, figures=figures, quotes=quotes, sources=sources)


async def wait_until_settled(app, pilot, rounds: int = 200) -> None:
    """Wait for the reader's workers, then until it has put every result on screen (it fills
    its panes in steps, one per refresh)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(rounds):
        if not getattr(app.screen, "settling", False):
            return
        await pilot.pause()
    raise AssertionError("the reader was still filling its panes")
