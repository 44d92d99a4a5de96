"""What a brief is made from: inputs, options, and the notes in the shape the brief needs.

The notes come from the notes store as its JSON object (``NotesStore.to_json()``)
or as the store itself; :func:`brief_notes` reads either, so the brief does not
depend on how notes are stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from tui.document import Document
from tui.markdown_escape import one_line

SECTIONS = ("summary", "figures", "quotes", "notes")
WORDS_PER_MINUTE = 230

# Review statuses in the order the tally lists them, with the words people read.
STATUS_LABELS = {"verified": "verified", "disputed": "disputed", "check": "to check"}
_STATUS_ALIASES = {
    "to check": "check", "to-check": "check", "to_check": "check", "tocheck": "check",
    "needs check": "check", "unchecked": "check", "todo": "check",
    "ok": "verified", "confirmed": "verified", "wrong": "disputed",
}


@dataclass(frozen=True)
class BriefOptions:
    """How to render a brief.

    Attributes:
        sections: Which sections to show, in this order (names from :data:`SECTIONS`).
        made_at: When the brief was made; ``None`` leaves the time out (deterministic output).
        max_summary: Most summary sentences shown; the rest are counted in a note.
        max_figures: Most rows of the key-figures table.
        max_quotes: Most quotations shown per text.
        max_sources: Most cited outlets and documents shown per text.
        excerpt_chars: Length of the paragraph excerpt above its notes.
    """

    sections: tuple[str, ...] = SECTIONS
    made_at: datetime | None = None
    max_summary: int = 12
    max_figures: int = 15
    max_quotes: int = 40
    max_sources: int = 30
    excerpt_chars: int = 200


@dataclass(frozen=True)
class BriefNote:
    """One note as a brief shows it; ``paragraph`` is ``None`` for an orphaned note."""

    text: str
    tags: tuple[str, ...] = ()
    paragraph: int | None = None
    quote: str = ""
    review: str | None = None


@dataclass(frozen=True)
class BriefReview:
    """A review status of a paragraph; ``paragraph`` is ``None`` when the paragraph is gone."""

    status: str
    paragraph: int | None = None
    quote: str = ""


@dataclass
class BriefNotes:
    """The notes and review marks of one text."""

    notes: list[BriefNote] = field(default_factory=list)
    reviews: list[BriefReview] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.notes or self.reviews)


@dataclass
class BriefInput:
    """One text of a brief: its document, its analysis (``None`` for a notes-only brief) and its notes.

    ``notes`` may be a :class:`BriefNotes`, the notes store's JSON object, the store
    itself (anything with ``to_json()``), or ``None``.
    """

    document: Document
    analysis: object | None = None
    notes: object | None = None


def normalise_status(status: object) -> str | None:
    """A review status folded to ``verified``, ``disputed`` or ``check`` when it is one of those."""
    if status is None:
        return None
    text = " ".join(str(status).split()).casefold()
    if not text or text in ("none", "null", "clear", "unset"):
        return None
    return _STATUS_ALIASES.get(text, text)


def status_label(status: str) -> str:
    """The words shown for a normalised status ("to check" for ``check``)."""
    return STATUS_LABELS.get(status, status)


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(tag for tag in (one_line(t).lstrip("#").strip() for t in value) if tag)


def _quote_of(item: Mapping) -> str:
    """The quote a note or review was anchored to, at the top level or inside its anchor."""
    quote = item.get("quote")
    anchor = item.get("anchor")
    if not quote and isinstance(anchor, Mapping):
        quote = anchor.get("quote")
    return str(quote or "")


def _note_from(item: Mapping) -> BriefNote:
    return BriefNote(
        text=str(item.get("text") or ""),
        tags=_tags(item.get("tags")),
        paragraph=_as_int(item.get("paragraph")),
        quote=_quote_of(item),
        review=normalise_status(item.get("review")),
    )


def _review_from(item: Mapping) -> BriefReview | None:
    status = normalise_status(item.get("status"))
    if status is None:
        return None
    return BriefReview(status=status, paragraph=_as_int(item.get("paragraph")), quote=_quote_of(item))


def brief_notes(source: object) -> BriefNotes:
    """The notes of one text from a :class:`BriefNotes`, a notes store, its JSON object, or ``None``."""
    if source is None:
        return BriefNotes()
    if isinstance(source, BriefNotes):
        return source
    if not isinstance(source, Mapping) and hasattr(source, "to_json"):
        source = source.to_json()
    if not isinstance(source, Mapping):
        raise TypeError(f"cannot read notes from {type(source).__name__}")
    notes = [_note_from(item) for item in source.get("notes") or () if isinstance(item, Mapping)]
    reviews = [r for r in (_review_from(item) for item in source.get("reviews") or ()
                           if isinstance(item, Mapping)) if r is not None]
    return BriefNotes(notes=notes, reviews=reviews)


def parse_sections(value: str) -> tuple[str, ...]:
    """``"summary,figures"`` as a tuple of section names; raises ValueError naming an unknown one."""
    names: list[str] = []
    for raw in value.split(","):
        name = raw.strip().casefold()
        if not name:
            continue
        if name not in SECTIONS:
            raise ValueError(f"unknown section {raw.strip()!r} (choose from {', '.join(SECTIONS)})")
        if name not in names:
            names.append(name)
    if not names:
        raise ValueError(f"no sections given (choose from {', '.join(SECTIONS)})")
    return tuple(names)
