"""The extractive summarizer, the default backend of :mod:`tui.summary`.

It takes whole sentences from body and list paragraphs (never the title,
byline, headings, boilerplate or pull quotes), ranks them with
:mod:`tui.summary_score`, and returns them in reading order with the index of
their paragraph. It also gives a gist per body paragraph and, for a document
with headings, a summary per section.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter

from tui.document import Document, Paragraph
from tui.gc_pause import cyclic_gc_paused
from tui.summary import SummaryResult, default_sentence_count
from tui.summary_rank import TermSpace, normalise
from tui.summary_score import (DEFAULT_WEIGHTS, Candidate, Weights, collect_candidates, rank_document,
                               score_candidates, select, static_factors)
from tui.summary_text import clean_sentence, content_terms, shared_lexicon

GIST_CHARS = 120
SECTION_POOL = 0  # a section's summary draws on its best 4 k sentences (see select), however long the section
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[-–—]\s")


class ExtractiveSummarizer:
    """Sentence extraction by centrality, position, title overlap, figures and sources, with MMR."""

    name = "extractive"

    def __init__(self, weights: Weights = DEFAULT_WEIGHTS) -> None:
        self.weights = weights

    def summarize(self, document: Document, sentences: int | None = None) -> SummaryResult:
        """A summary of ``sentences`` sentences (default: :func:`default_sentence_count`)."""
        with cyclic_gc_paused():
            return self._summarize(document, sentences)

    def _summarize(self, document: Document, sentences: int | None) -> SummaryResult:
        k = default_sentence_count(document) if sentences is None else max(0, sentences)
        lexicon = shared_lexicon()  # each distinct piece of text is worked out once
        cands = collect_candidates(document, lexicon=lexicon)
        if len(cands) < k:  # a text of short sentences: admit them rather than return too few
            cands = max(cands, collect_candidates(document, strict=False, lexicon=lexicon), key=len)
        static = static_factors(cands, self.weights)
        space, scores = rank_document(cands, document_title(document), k, self.weights, static)
        texts = [c.text for c in cands]
        chosen = select(scores, space.vector, k, self.weights, texts)
        return SummaryResult(sentences=[as_item(cands[i]) for i in chosen],
                             gists=paragraph_gists(document, cands, scores),
                             sections=self.section_summaries(document, cands, space, static))

    def section_summaries(self, document: Document, cands: list[Candidate], space: TermSpace,
                          static: tuple[list[float], list[float]] | None = None) -> list[dict]:
        """A short summary per headed section; empty when the document has no headings.

        Sections reuse the document's sentence vectors and static factors; only centrality and heading
        overlap are worked out per section, and only the best few of a section compete for its summary.
        """
        priors, multipliers = static_factors(cands, self.weights) if static is None else static
        out = []
        for heading, members in sections(document, cands):
            if not members:
                continue
            start, end = members.start, members.stop  # a section's candidates are consecutive: slices suffice
            sub_cands = cands[start:end]
            heading_vec = normalise({t: 1.0 for t in content_terms(heading.text)})
            k = section_sentence_count(sum(c.words for c in sub_cands))
            sub_static = priors[start:end], multipliers[start:end]
            sub_scores = score_candidates(sub_cands, space, members, heading_vec, k, self.weights, sub_static)
            picked = select(sub_scores, lambda j, start=start: space.vector(start + j), k, self.weights,
                            [c.text for c in sub_cands], pool=SECTION_POOL)
            out.append({"heading": heading.text, "paragraph": heading.index,
                        "sentences": [as_item(sub_cands[i]) for i in picked]})
        return out


def as_item(cand: Candidate) -> dict:
    return {"text": cand.text, "paragraph": cand.paragraph}


def document_title(document: Document) -> str | None:
    """The title from the metadata, else from the first title paragraph."""
    if document.title:
        return document.title
    titles = document.paragraphs_of_kind("title")
    return titles[0].text if titles else None


def section_level(headings: list[Paragraph]) -> int:
    """The level that divides the text: the highest (smallest number) used by two headings or more.

    A book with chapters and subsections gets a summary per chapter; a single
    heading level, however deep, gives a summary per heading.
    """
    levels = Counter(max(h.level, 1) for h in headings)
    repeated = [level for level, count in levels.items() if count >= 2]
    return min(repeated) if repeated else max(levels)


def sections(document: Document, cands: list[Candidate]) -> list[tuple[Paragraph, range]]:
    """(heading paragraph, range of candidate indices) per section heading, in order; nothing without headings.

    Deeper headings belong to the section around them.
    """
    headings = document.paragraphs_of_kind("heading")
    if not headings:
        return []
    level = section_level(headings)
    headings = [h for h in headings if max(h.level, 1) <= level]
    # Candidates are in reading order: each section's start is the first candidate at or after its heading.
    # Sentences before the first heading belong to the document summary only.
    paragraphs = [c.paragraph for c in cands]
    starts = [bisect_left(paragraphs, h.index) for h in headings]
    return [(heading, range(start, end)) for heading, start, end in zip(headings, starts, [*starts[1:], len(cands)])]


def section_sentence_count(words: int) -> int:
    """1 sentence for a short section, up to 5 for a long one."""
    if words <= 400:
        return 1 if words <= 150 else 2
    return min(5, round(2 + math.log2(words / 400)))


def paragraph_gists(document: Document, cands: list[Candidate], scores: list[float]) -> dict[int, str]:
    """One short line per body paragraph: its best sentence, trimmed at a clause or word boundary."""
    best: dict[int, int] = {}
    for i, cand in enumerate(cands):
        j = best.get(cand.paragraph)
        if j is None or scores[i] > scores[j]:
            best[cand.paragraph] = i
    gists = {}
    for paragraph in document.paragraphs:
        if paragraph.kind != "body":
            continue
        if paragraph.index in best:
            text = cands[best[paragraph.index]].text
        else:
            text = clean_sentence(paragraph.sentences[0] if paragraph.sentences else paragraph.text)
        if text:
            gists[paragraph.index] = trim_gist(text)
    return gists


def trim_gist(text: str, limit: int = GIST_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, preferably at a clause end, with an ellipsis."""
    if len(text) <= limit and text.isprintable() and "  " not in text and text.strip(" ") == text:
        return text  # already single-spaced (printable text has no blank but the space): nothing to do
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = -1
    for clause_end in _CLAUSE_END.finditer(head, limit // 2):  # the last clause end in the second half
        cut = clause_end.start()
    if cut < 0:
        cut = head.rfind(" ")
    if cut < limit // 3:
        cut = limit - 1
    return head[:cut].rstrip(" ,;:-–—") + "…"
