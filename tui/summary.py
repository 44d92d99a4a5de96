"""Document summaries behind a small interface, so that other backends can be added later.

Callers use :func:`summarize` (the default backend) or pick one with
:func:`get_summarizer`. A backend is anything with a ``summarize(document,
sentences) -> SummaryResult`` method (the :class:`Summarizer` protocol);
:func:`register_summarizer` adds one. The extractive backend is the default:
offline, instant, linear in the length of the text, and it never invents
anything because every summary sentence is taken from the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from tui.document import Document
from tui.summary_text import word_count

DEFAULT_BACKEND = "extractive"


@dataclass
class SummaryResult:
    """A summary: sentences in reading order, a gist per body paragraph, and per-section summaries."""

    sentences: list[dict] = field(default_factory=list)  # [{"text", "paragraph"}] in reading order
    gists: dict[int, str] = field(default_factory=dict)  # paragraph index -> short line
    sections: list[dict] = field(default_factory=list)  # [{"heading", "paragraph", "sentences": [...]}]


@runtime_checkable
class Summarizer(Protocol):
    """What a summary backend offers."""

    name: str

    def summarize(self, document: Document, sentences: int | None = None) -> SummaryResult:
        """A summary of about ``sentences`` sentences (the backend's default when None)."""
        ...


_REGISTRY: dict[str, Callable[[], Summarizer]] = {}


def register_summarizer(name: str, factory: Callable[[], Summarizer]) -> None:
    """Make a backend available under ``name`` (a later registration replaces an earlier one)."""
    _REGISTRY[name] = factory


def available_summarizers() -> list[str]:
    """Names of the registered backends."""
    return sorted(_REGISTRY)


def get_summarizer(name: str = DEFAULT_BACKEND) -> Summarizer:
    """A new instance of the backend called ``name``; KeyError names the known ones."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown summarizer {name!r}; known: {', '.join(available_summarizers())}") from None
    return factory()


def default_sentence_count(document: Document) -> int:
    """About 5 sentences for an article, growing gently (logarithmically) up to 15 for a book."""
    words = 0
    for paragraph in document.paragraphs:
        if paragraph.kind in ("body", "list", "quote"):
            words += word_count(paragraph.text)
            if words >= _WORDS_FOR_MOST:  # the count can only stay at the top: no need to read on
                return 15
    if words <= 1200:
        return 5
    return min(15, round(5 + 1.6 * math.log2(words / 1200)))


# The fewest words that get 15 sentences: 5 + 1.6 log2(w / 1200) reaches 14.5 (rounded up to 15) here.
_WORDS_FOR_MOST = math.ceil(1200 * 2 ** (9.5 / 1.6))


def summarize(document: Document, sentences: int | None = None, backend: str = DEFAULT_BACKEND) -> SummaryResult:
    """Summarize ``document`` with ``backend`` (by default the extractive one)."""
    return get_summarizer(backend).summarize(document, sentences)


def _extractive() -> Summarizer:
    from tui.summary_extractive import ExtractiveSummarizer  # noqa: PLC0415 - avoids an import cycle

    return ExtractiveSummarizer()


register_summarizer(DEFAULT_BACKEND, _extractive)
