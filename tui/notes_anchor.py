"""Anchoring notes to paragraphs, and finding them again after the text is edited.

The anchor follows the W3C Web Annotation model (a TextQuoteSelector plus a
position hint) and Hypothesis's re-anchoring order, with one deliberate change:
a fuzzy match must reach a **minimum similarity** of the quote itself, so a note
whose paragraph was deleted becomes an orphan instead of latching on to
unrelated text.

Order on load: exact hash at the stored index (``ok``), exact hash elsewhere
(``moved``), fuzzy quote + context match (``fuzzy``), else ``orphan``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Iterable, Sequence

from tui.document import normalise_for_id

QUOTE_CHARS = 160  # "short quote": the paragraph's opening, cut at a word boundary
CONTEXT_CHARS = 32  # characters of context kept before and after the quote
SEPARATOR = "\n"  # paragraphs are joined by this to form the text stream

# Weights of the fuzzy score: the quote decides, the context breaks near-ties.
QUOTE_WEIGHT = 0.8
CONTEXT_WEIGHT = 0.1
# Minimum quote similarity; short quotes need more because chance overlap is high.
MIN_SIMILARITY = 0.75
MIN_SIMILARITY_SHORT = 0.88
SHORT_QUOTE = 40
# Cheap word-overlap gate before the costly character comparison.
MIN_WORD_OVERLAP = 0.3
RARE_WORDS = 8  # a light rewording cannot change all of a quote's rarest words

STATUSES = ("ok", "moved", "fuzzy", "orphan")

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note or review belongs: a position hint, a hash and a text quote with context."""

    index: int
    hash: str
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """The result of re-anchoring one anchor: a paragraph index (None for orphans) and a status."""

    paragraph: int | None
    status: str
    score: float = 0.0


def text_hash(text: str) -> str:
    """Hash of a paragraph's normalised text (case, spacing and quote style do not count)."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


def paragraph_hashes(texts: Sequence[str]) -> list[str]:
    """The :func:`text_hash` of each text, in order."""
    return [text_hash(text) for text in texts]


def quote_of(text: str, limit: int = QUOTE_CHARS) -> str:
    """The opening of ``text``, at most ``limit`` characters, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit + 1)
    return text[: cut if cut > 0 else limit]


class TextStream:
    """The paragraphs of a document joined into one string, with each paragraph's offset."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.starts: list[int] = []
        offset = 0
        for text in self.texts:
            self.starts.append(offset)
            offset += len(text) + len(SEPARATOR)
        self.full = SEPARATOR.join(self.texts)

    def context(self, index: int, quote_length: int) -> tuple[str, str]:
        """The CONTEXT_CHARS before and after the quote of paragraph ``index``."""
        start = self.starts[index]
        end = start + quote_length
        return self.full[max(0, start - CONTEXT_CHARS) : start], self.full[end : end + CONTEXT_CHARS]


def make_anchor(stream: TextStream, index: int) -> Anchor:
    """The anchor of paragraph ``index`` of ``stream``."""
    text = stream.texts[index]
    quote = quote_of(text)
    prefix, suffix = stream.context(index, len(quote))
    return Anchor(index=index, hash=text_hash(text), quote=quote, prefix=prefix, suffix=suffix)


def similarity(a: str, b: str) -> float:
    """Similarity of two strings in [0, 1] after normalisation (difflib ratio)."""
    a, b = normalise_for_id(a), normalise_for_id(b)
    if a == b:  # the common case of an unchanged text, without difflib's quadratic work
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def min_similarity(quote: str) -> float:
    """The quote similarity a fuzzy match must reach."""
    return MIN_SIMILARITY_SHORT if len(quote) < SHORT_QUOTE else MIN_SIMILARITY


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(normalise_for_id(text)))


def _word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / max(len(a), len(b))


class Reanchorer:
    """Re-anchors many anchors against one document; build once per document version.

    ``known_hashes`` are the paragraph hashes of the document version the anchors
    were made against: a paragraph that existed unchanged there cannot be the
    edited form of another paragraph, so it is never a fuzzy candidate. ``hashes``
    are this document's own paragraph hashes, when already computed elsewhere.
    """

    def __init__(self, texts: Sequence[str], known_hashes: Iterable[str] = (),
                 hashes: list[str] | None = None) -> None:
        self.stream = TextStream(texts)
        self.hashes = hashes if hashes is not None else paragraph_hashes(self.stream.texts)
        self.by_hash: dict[str, list[int]] = {}
        for index, digest in enumerate(self.hashes):
            self.by_hash.setdefault(digest, []).append(index)
        known = set(known_hashes)
        self.candidates = [i for i, digest in enumerate(self.hashes) if digest not in known]
        self._windows: dict[int, tuple[str, frozenset[str]]] = {}
        self._postings: dict[str, list[int]] | None = None
        self._anchors: dict[int, Anchor] = {}

    def anchor(self, index: int) -> Anchor:
        """A fresh anchor for paragraph ``index`` of this document."""
        made = self._anchors.get(index)
        if made is None:
            made = self._anchors[index] = make_anchor(self.stream, index)
        return made

    def locate(self, anchor: Anchor) -> Match:
        """Find the paragraph ``anchor`` belongs to in this document."""
        return self.locate_all([anchor])[0]

    def locate_all(self, anchors: Sequence[Anchor]) -> list[Match]:
        """Re-anchor many anchors at once; two different paragraphs never share a fuzzy match.

        Exact hashes are placed first. Fuzzy candidates are then handed out best
        score first (position breaking near-ties); a paragraph already taken by an
        anchor of another paragraph is not offered again, so when a paragraph was
        deleted and a similar one edited, the weaker claimant becomes an orphan.
        """
        results: list[Match | None] = [None] * len(anchors)
        taken: dict[int, str] = {}
        pending: dict[str, list[int]] = {}
        for number, anchor in enumerate(anchors):
            exact = self.by_hash.get(anchor.hash)
            if exact:
                index = self._best_exact(anchor, exact)
                results[number] = Match(index, "ok" if index == anchor.index else "moved", 1.0)
                taken.setdefault(index, anchor.hash)
            else:
                pending.setdefault(anchor.hash, []).append(number)
        assigned = self._assign_fuzzy({h: anchors[numbers[0]] for h, numbers in pending.items()}, taken)
        for digest, numbers in pending.items():
            index, score = assigned.get(digest, (None, 0.0))
            for number in numbers:
                results[number] = Match(index, "fuzzy", score) if index is not None else Match(None, "orphan")
        return results  # type: ignore[return-value]

    def _assign_fuzzy(self, by_hash: dict[str, Anchor], taken: dict[int, str]) -> dict[str, tuple[int, float]]:
        offers = []
        for digest, anchor in by_hash.items():
            for score, index in self._fuzzy_candidates(anchor):
                offers.append((round(score, 2), -abs(index - anchor.index), digest, index, score))
        offers.sort(reverse=True)
        assigned: dict[str, tuple[int, float]] = {}
        for _, _, digest, index, score in offers:
            if digest not in assigned and index not in taken:
                assigned[digest] = (index, score)
                taken[index] = digest
        return assigned

    def _best_exact(self, anchor: Anchor, indices: list[int]) -> int:
        if len(indices) == 1:
            return indices[0]
        # Duplicated paragraphs: the context decides, then the position. A note still at
        # its own place with its own context cannot be beaten: no need to score the others.
        if anchor.index in indices and self._context_score(anchor, anchor.index) == 1.0:
            return anchor.index
        return max(indices, key=lambda i: (round(self._context_score(anchor, i), 2), -abs(i - anchor.index)))

    def _context_score(self, anchor: Anchor, index: int) -> float:
        quote_length = len(self._window(index)[0])
        prefix, suffix = self.stream.context(index, quote_length)
        return (similarity(anchor.prefix, prefix) + similarity(anchor.suffix, suffix)) / 2

    def _window(self, index: int) -> tuple[str, frozenset[str]]:
        cached = self._windows.get(index)
        if cached is None:
            window = quote_of(self.stream.texts[index])
            cached = self._windows[index] = (window, _words(window))
        return cached

    def _likely_candidates(self, quote_words: frozenset[str]) -> list[int]:
        """Candidates sharing one of the quote's rarest words (an index keeps this linear)."""
        if self._postings is None:
            self._postings = {}
            for index in self.candidates:
                for word in self._window(index)[1]:
                    self._postings.setdefault(word, []).append(index)
        postings = sorted((self._postings[w] for w in quote_words if w in self._postings), key=len)
        found: set[int] = set()
        for posting in postings[:RARE_WORDS]:
            found.update(posting)
        return sorted(found)

    def _fuzzy_candidates(self, anchor: Anchor) -> list[tuple[float, int]]:
        """(score, index) of every paragraph whose quote similarity reaches the minimum."""
        needed = min_similarity(anchor.quote)
        quote_words = _words(anchor.quote)
        normal_quote = normalise_for_id(anchor.quote)
        scored: list[tuple[float, int]] = []
        for index in self._likely_candidates(quote_words):
            window, words = self._window(index)
            if _word_overlap(quote_words, words) < MIN_WORD_OVERLAP:
                continue
            matcher = SequenceMatcher(None, normal_quote, normalise_for_id(window), autojunk=False)
            if matcher.quick_ratio() < needed:
                continue
            quote_score = matcher.ratio()
            if quote_score < needed:
                continue
            score = QUOTE_WEIGHT * quote_score + 2 * CONTEXT_WEIGHT * self._context_score(anchor, index)
            scored.append((score, index))
        return scored
