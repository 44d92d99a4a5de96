"""The document model shared by every part of closeread.

A :class:`Document` is the metadata of a text plus its ordered paragraphs.
Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

PARAGRAPH_KINDS = ("title", "byline", "heading", "body", "list", "quote", "boilerplate")

_QUOTE_FOLD = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-"))


def normalise_for_id(text: str) -> str:
    """Text folded so that cosmetic edits (case, spacing, quote style) keep the same id."""
    if text.isascii():
        return _single_spaced(text.casefold())
    folded = unicodedata.normalize("NFKC", text).casefold()
    for fancy, plain in _QUOTE_FOLD:  # str.replace is far quicker than str.translate here
        folded = folded.replace(fancy, plain)
    return _single_spaced(folded)


def _single_spaced(text: str) -> str:
    """Runs of white space as single spaces, none at the ends."""
    # Paragraph texts mostly are already; checking is quicker than splitting and joining.
    # (The only printable white space is the plain space.)
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def paragraph_id(text: str) -> str:
    """A stable id of a paragraph: a short hash of its normalised text."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a text, in reading order.

    Attributes:
        index: Position in the document, from 0.
        id: Stable id derived from the normalised text (see :func:`paragraph_id`).
        kind: One of :data:`PARAGRAPH_KINDS`.
        text: Plain text, markup removed, on one line.
        sentences: The text split into sentences.
        level: Heading level (1-6) for headings, nesting depth for list items, else 0.
    """

    index: int
    id: str
    kind: str
    text: str
    sentences: tuple[str, ...]
    level: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Document:
    """A loaded text: where it came from, its metadata and its paragraphs.

    Attributes:
        path: The path as given by the user (``-`` for standard input).
        title, author, date: Metadata found in the text; ``date`` is ``YYYY-MM-DD``.
        paragraphs: Ordered paragraphs.
        content_hash: SHA-256 of the decoded, normalised text.
        encoding: The encoding the bytes were decoded with.
        warnings: One-line messages for the user (e.g. a fallback decoding).
    """

    path: str
    title: str | None
    author: str | None
    date: str | None
    paragraphs: list[Paragraph]
    content_hash: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)

    def paragraphs_of_kind(self, *kinds: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind in kinds]
