"""The analysis of a document and the ``closeread analyze --json`` contract.

:func:`analyze` runs every extractor once; :func:`to_contract` turns a
document and its analysis into the contract's JSON object. Fields may be
added to the contract, never renamed or dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tui.document import Document
from tui.gc_pause import cyclic_gc_paused
from tui.summary import SummaryResult

SCHEMA_VERSION = 1

Progress = Callable[[str, float], None]
# In a parallel analysis, the share of the text whose figures are found here; a child finds the rest's,
# while two more find the quotes and the summary. The figures are the longest stage (about 40% of the
# work on a book); halved, no part keeps a core busy long after the others are done.
FIGURES_HERE = 0.5


@dataclass
class Analysis:
    """What closeread drew out of a document."""

    summary: SummaryResult = field(default_factory=SummaryResult)
    figures: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)


def _no_progress(stage: str, fraction: float) -> None:
    return None


def analyze(document: Document, summary_sentences: int | None = None,
            progress: Progress | None = None, parallel: bool = False) -> Analysis:
    """Run every extractor over ``document``; ``progress(stage, fraction)`` reports each step.

    With ``parallel`` a long text's quotes, its summary and the figures of its second half each run
    in a forked child while the figures of its first half are found here (see
    :mod:`tui.analysis_fork`); the analysis is the same either way.
    """
    progress = progress or _no_progress
    # Imported here so that holding an Analysis (the reader does) never loads the extractors.
    from tui.figures import extract_figures
    from tui.quotes import extract_quotes
    from tui.summary import summarize

    # The extractors make millions of short-lived objects and no garbage cycles worth
    # collecting midway; the collector's passes over a book's live objects cost 2-3%.
    with cyclic_gc_paused():
        if parallel and is_long(document):
            from tui.analysis_fork import ForkedCall
            from tui.figures import figure_occurrences, figures_from_occurrences, sentence_before

            paragraphs = document.paragraphs
            cut = _cut_at(paragraphs, FIGURES_HERE)
            quoting = ForkedCall(lambda: extract_quotes(paragraphs))
            summarizing = ForkedCall(lambda: summarize(document, summary_sentences))
            scanning = ForkedCall(lambda: figure_occurrences(paragraphs[cut:], sentence_before(paragraphs, cut)))
            progress("figures", 0.0)
            found = figure_occurrences(paragraphs[:cut])
            figures = figures_from_occurrences(found + scanning.result())
            progress("quotes", 0.5)
            quotes, sources = quoting.result()
            summary = summarizing.result()
        else:
            progress("figures", 0.0)
            figures = extract_figures(document.paragraphs)
            progress("quotes", 0.35)
            quotes, sources = extract_quotes(document.paragraphs)
            progress("summary", 0.7)
            summary = summarize(document, summary_sentences)
        progress("done", 1.0)
    return Analysis(summary=summary, figures=figures, quotes=quotes, sources=sources)


def _cut_at(paragraphs, share: float) -> int:
    """The index of the first paragraph after ``share`` of the text's characters."""
    total = sum(len(paragraph.text) for paragraph in paragraphs)
    reached = 0
    for index, paragraph in enumerate(paragraphs):
        if reached >= total * share:
            return index
        reached += len(paragraph.text)
    return len(paragraphs)


def is_long(document: Document) -> bool:
    """Whether ``document`` is long enough for its analysis to be spread over forked processes."""
    from tui.analysis_fork import MIN_CHARS

    total = 0
    for paragraph in document.paragraphs:
        total += len(paragraph.text)
        if total >= MIN_CHARS:
            return True
    return False


def paragraph_to_contract(paragraph) -> dict:
    return {"index": paragraph.index, "id": paragraph.id, "kind": paragraph.kind,
            "text": paragraph.text, "sentences": list(paragraph.sentences)}


def to_contract(document: Document, analysis: Analysis) -> dict:
    """The analyze contract object (schema 1) for one document."""
    return {
        "schema": SCHEMA_VERSION,
        "path": document.path,
        "title": document.title,
        "author": document.author,
        "date": document.date,
        "paragraphs": [paragraph_to_contract(p) for p in document.paragraphs],
        "summary": analysis.summary.sentences,
        "figures": analysis.figures,
        "quotes": analysis.quotes,
        "sources": analysis.sources,
        "gists": [{"paragraph": i, "text": t} for i, t in sorted(analysis.summary.gists.items())],
        "sections": analysis.summary.sections,
    }
