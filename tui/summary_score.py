"""Scoring and selection for the extractive summarizer.

Score = LexRank centrality (see :mod:`tui.summary_rank`) blended with what
matters in news and reports: an early position, overlap with the title,
figures and named sources, and a sensible length. Selection is greedy with
maximal marginal relevance, so near-duplicate sentences never both appear.
Everything is linear in the length of the document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tui.document import Document, Paragraph
from tui.summary_rank import Vector, dot, lexrank, normalise, scaled, sentence_frequencies, tfisf_vectors
from tui.summary_text import (clean_sentence, content_terms, is_boilerplate, is_caption, looks_like_sentence,
                              word_count)

SUMMARY_KINDS = ("body", "list")
_FIGURE = re.compile(r"\d|\b(?:million|billion|trillion|per ?cent|percent|half|third|quarter|dozen)\b", re.I)
_SOURCE = re.compile(r"\b(?:said|says|told|according to|announced|reported|stated|warned|claimed|added|explained"
                     r"|argued|insisted|confirmed|revealed|admitted)\b", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts; the defaults suit news, reports and books alike."""

    centrality: float = 1.0
    position: float = 0.35
    title: float = 0.25
    figures: float = 0.08
    sources: float = 0.05
    redundancy: float = 0.7  # MMR trade-off: share of the score kept against similarity to chosen sentences
    duplicate: float = 0.6  # cosine above which a sentence counts as a near-duplicate of one chosen
    ideal_words: float = 22.0


DEFAULT_WEIGHTS = Weights()


@dataclass(slots=True)
class Candidate:
    """A sentence that may enter the summary."""

    paragraph: int
    text: str
    terms: list[str]
    words: int
    penalty: float  # multiplies the score: < 1 for caption-like sentences and list items


def collect_candidates(document: Document) -> list[Candidate]:
    """Sentences of body and list paragraphs, cleaned, minus boilerplate, captions and fragments."""
    out: list[Candidate] = []
    for paragraph in document.paragraphs:
        if paragraph.kind in SUMMARY_KINDS:
            out.extend(paragraph_candidates(paragraph))
    return out


def paragraph_candidates(paragraph: Paragraph) -> list[Candidate]:
    """The usable sentences of one paragraph."""
    out = []
    for sentence in paragraph.sentences or (paragraph.text,):
        text = clean_sentence(sentence)
        if not text or is_boilerplate(text) or not looks_like_sentence(text, 5):
            continue
        terms = content_terms(text)
        if len(terms) < 3:
            continue
        penalty = 0.4 if is_caption(text) else 1.0
        if paragraph.kind == "list":
            penalty *= 0.6
        out.append(Candidate(paragraph.index, text, terms, word_count(text), penalty))
    return out


def position_prior(order: int, total: int) -> float:
    """Early sentences matter more in news; the prior fades with absolute and relative position."""
    return 1.0 / math.sqrt(1.0 + order) * 0.5 + 0.5 * (1.0 - order / max(total, 1))


def length_factor(words: int, ideal: float) -> float:
    """1 near the ideal length, lower for fragments and for run-on sentences."""
    if words < ideal:
        return max(0.2, words / ideal) ** 0.5
    return 1.0 / (1.0 + 0.5 * max(0.0, words / ideal - 2.0))


def score_candidates(cands: list[Candidate], vectors: list[Vector], title_vec: Vector,
                     weights: Weights = DEFAULT_WEIGHTS) -> list[float]:
    """One score per candidate: centrality blended with position, title, figures and sources."""
    central = scaled(lexrank(vectors))
    n = len(cands)
    scores = []
    for i, (cand, vec) in enumerate(zip(cands, vectors)):
        score = (weights.centrality * central[i]
                 + weights.position * position_prior(i, n)
                 + weights.title * (dot(vec, title_vec) if title_vec else 0.0)
                 + weights.figures * bool(_FIGURE.search(cand.text))
                 + weights.sources * bool(_SOURCE.search(cand.text) and _NAME.search(cand.text)))
        scores.append(score * length_factor(cand.words, weights.ideal_words) * cand.penalty)
    return scores


def select(scores: list[float], vectors: list[Vector], k: int, weights: Weights = DEFAULT_WEIGHTS,
           pool: int = 400) -> list[int]:
    """Indices of up to ``k`` sentences by maximal marginal relevance, never two near-duplicates."""
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[: max(pool, 4 * k)]
    top = max((scores[i] for i in ranked), default=0.0) or 1.0
    chosen: list[int] = []
    nearest = {i: 0.0 for i in ranked}  # highest similarity to any chosen sentence
    while len(chosen) < k and nearest:
        best = max(nearest, key=lambda i: (weights.redundancy * scores[i] / top
                                           - (1 - weights.redundancy) * nearest[i], -i))
        chosen.append(best)
        del nearest[best]
        for i in list(nearest):
            sim = dot(vectors[i], vectors[best])
            if sim >= weights.duplicate:
                del nearest[i]
            elif sim > nearest[i]:
                nearest[i] = sim
    return sorted(chosen)


def rank_document(cands: list[Candidate], title: str | None,
                  weights: Weights = DEFAULT_WEIGHTS) -> tuple[list[Vector], list[float]]:
    """Vectors and scores of the candidates of one document."""
    term_lists = [c.terms for c in cands]
    df = sentence_frequencies(term_lists)
    vectors = tfisf_vectors(term_lists, df)
    title_vec = normalise({t: 1.0 for t in content_terms(title or "") if t in df})
    return vectors, score_candidates(cands, vectors, title_vec, weights)
