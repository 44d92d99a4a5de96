"""Scoring and selection for the extractive summarizer.

Score = centrality in the sentence similarity graph (see :mod:`tui.summary_rank`) blended with what
matters in news and reports: an early position, overlap with the title,
figures and named sources, and a sensible length. Selection is greedy with
maximal marginal relevance, so near-duplicate sentences never both appear.
Everything is linear in the length of the document.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from dataclasses import dataclass

from tui.document import Document, Paragraph
from tui.summary_rank import TermSpace, Vector, lexrank, normalise, scaled
from tui.summary_select import LazyPool
from tui.summary_text import (_SENTENCE_END_CHARS, _THREE_LOWER_WORDS, _TWO_LOWER_WORDS, Lexicon,
                              clean_sentence, content_terms, ends_like_sentence, has_boilerplate_marks, has_caption_cues, is_boilerplate,
                              is_caption_like, is_labelled_caption, is_pull_quote, texts_with_marks)

SUMMARY_KINDS = ("body", "list")
LEAD_SPAN = 80  # sentences: about a long news article
_OPENING_QUOTES = "\"“‘'"
_DANGLING_FIRST = frozenset("BASYOHITMF")  # the first letters of the words _DANGLING looks for
_DANGLING = re.compile(r"(?:But|And|So|Yet|Or|However|Also|Instead|Still|This|These|That|Those|It|Its|They|Their"
                       r"|Them|He|She|His|Her|Such|Then|Thus|Meanwhile|Moreover|Furthermore)\b(?!-)")
# A name of two capitalised words or more, not at the start of a sentence. The capital comes first
# and the look-behinds after it, so that the regex engine can skip quickly to the next capital.
_NAME = re.compile(r"[A-Z](?<!^.)(?<![.!?]\s.)(?<=\b.)[a-z]+(?:\s+[A-Z][a-z]+)+")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts; the defaults suit news, reports and books alike."""

    centrality: float = 1.0
    position: float = 0.5
    title: float = 0.25
    figures: float = 0.08
    sources: float = 0.05
    quoted: float = 0.3  # share of the score a sentence opening with a quotation loses in a short summary
    dangling: float = 0.3  # share lost by a sentence that opens with a pronoun or connective ("But it ...")
    redundancy: float = 0.7  # MMR trade-off: share of the score kept against similarity to chosen sentences
    duplicate: float = 0.6  # cosine above which a sentence counts as a near-duplicate of one chosen
    ideal_words: float = 22.0
    idf_offset: float = 4.0  # mild: log(4 + n/df); 0 gives plain term frequency
    long_summary: float = 0.5  # share of the sentences at which lead signals (position, title, quotes) and MMR fade out
    lexrank: bool = False  # True: LexRank's PageRank scores; False: its degree centrality (ranks as well, cheaper)


DEFAULT_WEIGHTS = Weights()


@dataclass(slots=True)
class Candidate:
    """A sentence that may enter the summary."""

    paragraph: int
    text: str
    terms: list[str]
    words: int
    penalty: float  # multiplies the score: < 1 for caption-like sentences and list items
    figure: bool  # holds a number or a quantity word
    source: bool  # names someone who says or reports something
    opens_quote: bool  # opens with a quotation mark
    dangling: bool  # opens with a pronoun or connective that points outside the sentence
    order: int = 0  # position among the candidates of its section (the text before a first heading is one)
    span: int = 1  # number of candidates in its section


def collect_candidates(document: Document, strict: bool = True, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Sentences of body and list paragraphs, cleaned, minus boilerplate, captions and fragments.

    A text with no such sentence at all (a poem set as block quotes, say) falls back on its quotes.
    ``strict=False`` also admits short sentences (3 words, 1 content word), for texts made of them.
    """
    lexicon = Lexicon() if lexicon is None else lexicon
    min_words, min_terms = (5, 3) if strict else (3, 1)
    out: list[Candidate] = []
    starts = [0]  # where each section's candidates begin
    summed = document.paragraphs_of_kind(*SUMMARY_KINDS)
    marks = dict(zip(map(id, summed), texts_with_marks([p.text for p in summed])))
    for paragraph in document.paragraphs:
        if paragraph.kind == "heading" and len(out) > starts[-1]:
            starts.append(len(out))
        elif paragraph.kind in SUMMARY_KINDS and not is_pull_quote(paragraph.text):
            out.extend(paragraph_candidates(paragraph, min_words, min_terms, lexicon, marks[id(paragraph)]))
    if not out:
        for paragraph in document.paragraphs_of_kind("quote"):
            out.extend(paragraph_candidates(paragraph, min_words, min_terms, lexicon))
    number_within_sections(out, starts if out else [0])
    return out


def number_within_sections(cands: list[Candidate], starts: list[int]) -> None:
    """Set each candidate's order and span within its section, for the position prior."""
    bounds = [*starts, len(cands)]
    for start, end in zip(bounds, bounds[1:]):
        span = end - start
        for order, cand in enumerate(cands[start:end]):
            cand.order, cand.span = order, span


def paragraph_candidates(paragraph: Paragraph, min_words: int = 5, min_terms: int = 3,
                         lexicon: Lexicon | None = None, marks: bool | None = None) -> list[Candidate]:
    """The usable sentences of one paragraph (``marks``: :func:`has_boilerplate_marks` of it, when known).

    This loop runs for every sentence of a book, so it tests the cheap signs first (first and last
    characters, the paragraph's own marks) and splits each sentence once: its word count, terms and
    features all come from that one split.
    """
    lexicon = Lexicon() if lexicon is None else lexicon
    out = []
    ptext = paragraph.text
    scan = has_boilerplate_marks(ptext) if marks is None else marks
    cues = has_caption_cues(ptext)
    list_penalty = 0.6 if paragraph.kind == "list" else 1.0
    running_text, running_count = (_THREE_LOWER_WORDS, 3) if min_words >= 5 else (_TWO_LOWER_WORDS, 2)
    read, has_running_words = lexicon.read, lexicon.has_running_words
    for sentence in paragraph.sentences or (ptext,):
        text = clean_sentence(sentence)
        if not text or is_boilerplate(text, scan):
            continue
        spaced_stop = text.endswith(" .")  # a caption or heading run into the text
        label = text.find(":", 0, 60) > 0  # a caption label ("Opening day: ...") comes early
        if spaced_stop and label and is_labelled_caption(text):
            continue
        pieces = text.split()
        words = len(pieces)
        if words < min_words or (text[-1] not in _SENTENCE_END_CHARS and not ends_like_sentence(text)):
            continue
        terms, figure, reporting = read(pieces)
        # Running text: three lower-case words (two for short sentences), as the regex counts them, whose
        # "." does not cross a line break; the first pieces usually settle it without the regex.
        if len(terms) < min_terms or (not (has_running_words(pieces, running_count) and "\n" not in text)
                                      and running_text.search(text) is None):
            continue
        if (cues or label) and is_caption_like(text, cues):
            penalty = 0.4 * list_penalty
        else:
            penalty = 0.75 * list_penalty if spaced_stop else list_penalty
        source = reporting and _NAME.search(text) is not None
        dangling = text[0] in _DANGLING_FIRST and _DANGLING.match(text) is not None
        out.append(Candidate(paragraph.index, text, terms, words, penalty, figure, source,
                             text[0] in _OPENING_QUOTES, dangling))
    return out


def position_prior(order: int, total: int) -> float:
    """Early sentences matter more in news: the prior fades with position, over at most an article's length.

    Positions count from the start of a section, so in a long text with
    headings each chapter's opening gets the benefit, not only the first pages.
    """
    span = max(min(total, LEAD_SPAN), 1)
    return 0.5 / math.sqrt(1.0 + order) + 0.5 * max(0.0, 1.0 - order / span)


def length_factor(words: int, ideal: float) -> float:
    """1 near the ideal length, lower for fragments and for run-on sentences."""
    if words < ideal:
        return max(0.2, words / ideal) ** 0.5
    return 1.0 / (1.0 + 0.5 * max(0.0, words / ideal - 2.0))


def brevity(k: int, n: int, weights: Weights) -> float:
    """1 for a summary much shorter than the text, falling to 0 as it takes ``long_summary`` of the sentences.

    A short summary of a news story should favour the lead and avoid repeating
    itself; a summary that keeps half the sentences is about coverage instead.
    """
    return max(0.0, 1.0 - k / (max(n, 1) * weights.long_summary))


def static_factors(cands: Sequence[Candidate], weights: Weights = DEFAULT_WEIGHTS) -> tuple[list[float], list[float]]:
    """What each candidate's score owes to itself alone: its position prior, and its length factor times penalty.

    Worked out once and shared by the document and section scores.
    """
    ideal = weights.ideal_words
    lengths = {words: length_factor(words, ideal) for words in {c.words for c in cands}}  # few distinct lengths
    multipliers = [lengths[c.words] * c.penalty for c in cands]
    priors: list[float] = []
    while len(priors) < len(cands):  # section by section: the priors of a section depend on its length alone
        first = cands[len(priors)]
        priors.extend(section_priors(first.span)[first.order:])
    return priors, multipliers


@lru_cache(maxsize=4096)
def section_priors(span: int) -> tuple[float, ...]:
    """:func:`position_prior` of each position of a section of ``span`` candidates."""
    return tuple(position_prior(order, span) for order in range(span))


def score_candidates(cands: Sequence[Candidate], space: TermSpace, members: Sequence[int], query: Vector, k: int,
                     weights: Weights = DEFAULT_WEIGHTS,
                     static: tuple[Sequence[float], Sequence[float]] | None = None) -> list[float]:
    """One score per candidate: centrality blended with position, title, figures and sources.

    ``cands[j]`` is sentence ``members[j]`` of ``space``; ``query`` is the unit vector of the title or heading;
    ``static`` is :func:`static_factors` of ``cands`` when the caller has it.
    """
    central = scaled(lexrank(space.vectors(members)) if weights.lexrank else space.centrality(members))
    title_sims = space.similarity(members, query)
    priors, multipliers = static_factors(cands, weights) if static is None else static
    lead = brevity(k, len(cands), weights)  # the headline signals, position and title, fade for long summaries
    position = weights.position * lead
    title = weights.title * lead
    quoted = 1.0 - weights.quoted * lead  # a short summary reports what happened rather than quoting
    dangling = 1.0 - weights.dangling * lead  # out of context, "But it" points at nothing
    figures, sources, centrality = weights.figures, weights.sources, weights.centrality
    scores = []
    for cand, central_i, title_i, prior, multiplier in zip(cands, central, title_sims, priors, multipliers):
        score = (centrality * central_i + position * prior + title * title_i
                 + figures * cand.figure + sources * cand.source) * multiplier
        if cand.dangling:
            score *= dangling
        scores.append(score * quoted if cand.opens_quote else score)
    return scores


def select(scores: list[float], vector: Callable[[int], Vector], k: int, weights: Weights = DEFAULT_WEIGHTS,
           texts: list[str] | None = None, pool: int = 400) -> list[int]:
    """Indices of up to ``k`` sentences by maximal marginal relevance, never two near-duplicates.

    ``vector(i)`` gives sentence ``i``'s unit vector. Only the best ``max(pool, 4 k)`` distinct sentences
    (by ``texts``, when given) compete, which keeps the selection linear however long the document;
    when near-duplicates use them up, the next best come in.
    """
    ranked = distinct_by_score(scores, texts)
    if k <= 1:  # the first choice is always the best score: no similarity needed
        return [] if k < 1 else [i for i in islice(ranked, 1)]
    size = max(pool, 4 * k)
    top_score = max(scores, default=0.0)
    top = top_score if top_score > 0 else 1.0
    keep = 1.0 - (1.0 - weights.redundancy) * brevity(k, len(scores), weights)
    competing = LazyPool(vector, lambda i: keep * scores[i] / top, 1 - keep, weights.duplicate, gains_fall=keep >= 0)
    while len(competing.chosen) < k:
        best = competing.best()
        if best is None:  # the pool is used up (or not yet filled): bring in the next best sentences
            competing.fill(islice(ranked, size))
            best = competing.best()
            if best is None:
                break
        competing.choose(best)
    return sorted(competing.chosen)


def distinct_by_score(scores: list[float], texts: list[str] | None) -> Iterator[int]:
    """Indices by descending score (ties in reading order), the first of any repeated text only, lazily."""
    order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)  # stable: ties keep reading order
    if texts is None:
        yield from order
        return
    seen: set[str] = set()
    for i in order:
        key = texts[i]
        if key not in seen:
            seen.add(key)
            yield i


def rank_document(cands: list[Candidate], title: str | None, k: int, weights: Weights = DEFAULT_WEIGHTS,
                  static: tuple[Sequence[float], Sequence[float]] | None = None) -> tuple[TermSpace, list[float]]:
    """Vectors and scores of the candidates of one document (``static``: see :func:`score_candidates`)."""
    space = TermSpace([c.terms for c in cands], weights.idf_offset)
    title_vec = normalise({t: 1.0 for t in content_terms(title or "") if t in space.weight})
    return space, score_candidates(cands, space, range(len(cands)), title_vec, k, weights, static)
