"""The note and review records of :mod:`tui.notes`, their errors and their TOML records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

from tui.notes_anchor import Anchor


class NotesError(Exception):
    """A notes operation was refused; ``str(error)`` is one line for the user."""


class ReadOnlyNotes(NotesError):
    """The notes cannot be saved (corrupt or unknown sidecar, no writable location)."""


class UnknownNote(NotesError):
    """No note has the given id."""


class BadParagraph(NotesError):
    """A paragraph number is out of range."""


class BadValue(NotesError):
    """A note text, tag or review status cannot be used."""


@dataclass(slots=True)
class Note:
    """One note: its text and tags, its stored anchor and where that anchor points now."""

    id: str
    text: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime
    anchor: Anchor
    paragraph: int | None = None
    anchor_status: str = "orphan"

    @property
    def quote(self) -> str:
        """The start of the paragraph the note was attached to."""
        return self.anchor.quote

    @property
    def is_orphan(self) -> bool:
        return self.paragraph is None


@dataclass(slots=True)
class Review:
    """The review status of one paragraph, anchored like a note."""

    status: str
    updated: datetime
    anchor: Anchor
    paragraph: int | None = None
    anchor_status: str = "orphan"


def now() -> datetime:
    """The current local time with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def note_order(note: Note) -> tuple:
    """Sort key: by paragraph, then creation time; orphans last."""
    return (note.paragraph is None, note.paragraph or 0, note.created, note.id)


def checked_text(text: str, what: str = "the note text") -> str:
    """``text`` if it can be saved as a note, else BadValue."""
    if not isinstance(text, str) or not text.strip():
        raise BadValue(f"{what} is empty")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue(f"{what} has characters that cannot be saved (lone surrogates)") from None
    return text


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, without empty ones and duplicates, in the order given."""
    if isinstance(tags, str):
        tags = [tags]
    cleaned = [checked_text(t, "a tag").strip() for t in tags if isinstance(t, str) and t.strip()]
    return tuple(dict.fromkeys(cleaned))


def anchor_from(record: dict[str, Any]) -> Anchor:
    return Anchor(record["index"], record["hash"], record["quote"], record["prefix"], record["suffix"])


def anchor_record(anchor: Anchor) -> dict[str, Any]:
    return {
        "index": anchor.index, "hash": anchor.hash, "quote": anchor.quote,
        "prefix": anchor.prefix, "suffix": anchor.suffix,
    }


def note_from(record: dict[str, Any]) -> Note:
    return Note(record["id"], record["text"], tuple(record["tags"]), record["created"], record["updated"],
                anchor_from(record["anchor"]))


def review_from(record: dict[str, Any]) -> Review:
    return Review(record["status"], record["updated"], anchor_from(record["anchor"]))


def note_record(note: Note, anchor: Anchor) -> dict[str, Any]:
    return {
        "id": note.id, "text": note.text, "tags": list(note.tags),
        "created": note.created, "updated": note.updated, "anchor": anchor_record(anchor),
    }


def review_record(review: Review, anchor: Anchor) -> dict[str, Any]:
    return {"status": review.status, "updated": review.updated, "anchor": anchor_record(anchor)}
