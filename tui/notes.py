"""Per-paragraph notes and review statuses, kept in a TOML sidecar that never loses a note.

Public API (all messages are one line)::

    store = NotesStore.open(text_path, document)   # loads, re-anchors; never raises for a bad sidecar
    store.read_only, store.problem                 # True + message when the sidecar is corrupt/unusable
    store.unreadable                               # True when the sidecar could not be read at all
    store.sidecar_path, store.location_message     # where notes live; message when in the data dir
    store.notes                                    # list[Note], by paragraph, orphans last
    store.notes_for(i), store.orphans()            # notes of paragraph i / notes without a paragraph
    store.review_of(i)                             # "none" | "to-check" | "verified" | "disputed"
    store.reviews                                  # list[Review] (orphaned reviews have paragraph None)
    store.add(i, text, tags=()) -> Note            # every mutation saves at once (autosave=True)
    store.edit(note_id, text=None, tags=None) -> Note
    store.delete(note_id) -> Note
    store.attach(note_id, i) -> Note               # re-attach an orphan (or move a note)
    store.set_review(i, status) -> str
    store.cycle_review(i) -> str                   # none -> to-check -> verified -> disputed -> none
    store.save() -> SaveResult                     # atomic; merges with other writers; .message
    store.last_save                                # SaveResult of the latest save (or None)
    store.reanchor(new_document)                   # after the text was reloaded
    store.reload_if_changed() -> bool              # pick up another program's edit of the sidecar
    store.to_json() -> dict                        # the ``closeread notes --json`` shape

Mutations raise a :class:`NotesError` subclass with a one-line message: ``ReadOnlyNotes``
(corrupt sidecar, no writable place), ``UnknownNote``, ``BadParagraph``, ``BadValue``.
A refused save leaves the change in memory, so the caller may retry after the user fixes
the file. A save that merged another process's changes rebuilds the Note objects: read
``store.notes`` again rather than keeping Note objects across saves. ``Note.paragraph`` is the paragraph's current index (None for an orphan) and
``Note.anchor_status`` is ``ok``, ``moved``, ``fuzzy`` or ``orphan``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from tui.document import Document
from tui.notes_anchor import Anchor, Reanchorer
from tui.notes_model import (
    BadParagraph,
    BadValue,
    Note,
    NotesError,
    ReadOnlyNotes,
    Review,
    UnknownNote,
    checked_text,
    clean_tags,
    note_from,
    note_order,
    note_record,
    now,
    review_from,
    review_record,
)
from tui.notes_location import Location, choose_location
from tui.notes_storage import FORMAT, REVIEW_STATUSES, SidecarError, empty_records, parse, read_disk
from tui.notes_writer import SaveResult, Saver

if TYPE_CHECKING:
    from tui.notes_seed import NotesSeed

__all__ = [
    "REVIEW_STATUSES", "NotesStore", "Note", "Review", "SaveResult",
    "NotesError", "ReadOnlyNotes", "UnknownNote", "BadParagraph", "BadValue",
]


@dataclass
class NotesStore:
    """The notes of one text; see the module docstring for the API."""

    text_path: str
    document: Document
    location: Location
    autosave: bool = True
    problem: str | None = None
    last_save: SaveResult | None = None
    _notes: dict[str, Note] = field(default_factory=dict)
    _reviews: list[Review] = field(default_factory=list)
    _anchors: Reanchorer | None = None
    _saver: Saver | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, text_path: str, document: Document, *, autosave: bool = True,
             seed: NotesSeed | None = None) -> NotesStore:
        """Load the notes of ``text_path`` and re-anchor them on ``document``.

        ``seed`` (see :mod:`tui.notes_seed`) holds work done elsewhere; what of it no
        longer matches the sidecar or the document is ignored.
        """
        if text_path == "-":
            store = cls(text_path, document, Location(Path("-"), writable=False), autosave)
            store.problem = "notes need a file: standard input has no place for them"
            store._load(empty_records())
            return store
        location = choose_location(text_path)
        store = cls(text_path, document, location, autosave)
        if not location.writable:
            store.problem = location.message
        try:
            disk = read_disk(location.seed or location.path)
            records = seed.records_for(disk) if seed is not None else None
            if records is None:
                records = parse(disk.raw, location.seed or location.path)
        except SidecarError as error:
            store.problem = f"{error} (notes are read-only until it is fixed or moved)"
            store._load(empty_records())
            return store
        if location.seed is not None:
            disk = read_disk(location.path)  # the fallback file does not exist yet
        store._saver = Saver(location.path, records, disk, location.message, fallback=location.fallback)
        store._load(records, seed.hashes_for(document) if seed is not None else None)
        return store

    def _load(self, records: dict[str, Any], hashes: list[str] | None = None) -> None:
        known = records.get("document", {}).get("paragraphs", [])
        self._anchors = Reanchorer([p.text for p in self.document.paragraphs],
                                   known if isinstance(known, list) else [], hashes)
        self._notes = {r["id"]: note_from(r) for r in records["notes"]}
        self._reviews = [review_from(r) for r in records["reviews"]]
        self._locate_all()

    def _locate_all(self) -> None:
        items = [*self._notes.values(), *self._reviews]
        for item, match in zip(items, self._anchors.locate_all([item.anchor for item in items])):
            item.paragraph, item.anchor_status = match.paragraph, match.status

    # ------------------------------------------------------------------ reading

    @property
    def read_only(self) -> bool:
        """True when saving is refused (see :attr:`problem`)."""
        return self._saver is None or self.problem is not None

    @property
    def unreadable(self) -> bool:
        """True when the sidecar could not be read at all (corrupt, unknown format, a directory)."""
        return self._saver is None

    @property
    def sidecar_path(self) -> Path:
        return self._saver.path if self._saver else self.location.path

    @property
    def location_message(self) -> str:
        """Where the notes are, when that is not beside the text (else empty)."""
        return self._saver.location_message if self._saver else self.location.message

    @property
    def notes(self) -> list[Note]:
        """All notes: by paragraph, then creation time; orphans last."""
        return sorted(self._notes.values(), key=note_order)

    def notes_for(self, paragraph: int) -> list[Note]:
        """The notes of ``paragraph``, oldest first."""
        return sorted((n for n in self._notes.values() if n.paragraph == paragraph), key=note_order)

    def orphans(self) -> list[Note]:
        return [n for n in self.notes if n.paragraph is None]

    def note(self, note_id: str) -> Note:
        """The note with ``note_id`` (a unique prefix is enough), or UnknownNote."""
        if note_id in self._notes:
            return self._notes[note_id]
        found = [n for key, n in self._notes.items() if note_id and key.startswith(note_id)]
        if len(found) != 1:
            raise UnknownNote(f"no note with id {note_id!r} in {self.sidecar_path}")
        return found[0]

    @property
    def reviews(self) -> list[Review]:
        return sorted(self._reviews, key=lambda r: (r.paragraph is None, r.paragraph or 0))

    def review_of(self, paragraph: int) -> str:
        """The review status of ``paragraph`` (``none`` when never reviewed)."""
        found = [r for r in self._reviews if r.paragraph == paragraph]
        return max(found, key=lambda r: r.updated).status if found else "none"

    def review_of_note(self, note: Note) -> str:
        if note.paragraph is not None:
            return self.review_of(note.paragraph)
        found = [r for r in self._reviews if r.paragraph is None and r.anchor.hash == note.anchor.hash]
        return found[-1].status if found else "none"

    # ------------------------------------------------------------------ changing

    def add(self, paragraph: int, text: str, tags: Iterable[str] = ()) -> Note:
        """Add a note to ``paragraph``, then save."""
        self._check_writable()
        anchor = self._anchor_of(paragraph)
        stamp = now()
        note = Note(self._new_id(), checked_text(text), clean_tags(tags), stamp, stamp, anchor, paragraph, "ok")
        self._notes[note.id] = note
        self._changed(note_ids={note.id})
        return note

    def edit(self, note_id: str, text: str | None = None, tags: Iterable[str] | None = None) -> Note:
        """Change a note's text and/or tags, then save; no change means no write."""
        self._check_writable()
        note = self.note(note_id)
        new_text = note.text if text is None else checked_text(text)
        new_tags = note.tags if tags is None else clean_tags(tags)
        if (new_text, new_tags) == (note.text, note.tags):
            return note
        note.text, note.tags, note.updated = new_text, new_tags, now()
        self._changed(note_ids={note.id})
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note, then save."""
        self._check_writable()
        note = self._notes.pop(self.note(note_id).id)
        self._changed(note_ids={note.id})
        return note

    def attach(self, note_id: str, paragraph: int) -> Note:
        """Attach a note (usually an orphan) to ``paragraph``, then save."""
        self._check_writable()
        note = self.note(note_id)
        anchor = self._anchor_of(paragraph)
        if note.paragraph == paragraph and note.anchor_status == "ok":
            return note
        note.anchor, note.paragraph, note.anchor_status, note.updated = anchor, paragraph, "ok", now()
        self._changed(note_ids={note.id})
        return note

    def set_review(self, paragraph: int, status: str) -> str:
        """Set the review status of ``paragraph`` (``none`` clears it), then save."""
        self._check_writable()
        if status not in REVIEW_STATUSES:
            raise BadValue(f"unknown review status {status!r} (use {', '.join(REVIEW_STATUSES)})")
        anchor = self._anchor_of(paragraph)
        if self.review_of(paragraph) == status:
            return status
        replaced = {r.anchor.hash for r in self._reviews if r.paragraph == paragraph}
        self._reviews = [r for r in self._reviews if r.paragraph != paragraph]
        if status != "none":
            self._reviews.append(Review(status, now(), anchor, paragraph, "ok"))
        # Stored anchors of replaced reviews count too, so a merge does not bring them back.
        self._changed(review_keys=replaced | {anchor.hash})
        return status

    def cycle_review(self, paragraph: int) -> str:
        """Move ``paragraph`` to the next review status, then save."""
        current = REVIEW_STATUSES.index(self.review_of(paragraph))
        return self.set_review(paragraph, REVIEW_STATUSES[(current + 1) % len(REVIEW_STATUSES)])

    def reanchor(self, document: Document) -> None:
        """Follow the notes onto a reloaded version of the text."""
        old_hashes = self._anchors.hashes if self._anchors else []
        for item in [*self._notes.values(), *self._reviews]:
            if item.paragraph is not None:
                item.anchor = self._anchors.anchor(item.paragraph)
        self.document = document
        self._anchors = Reanchorer([p.text for p in document.paragraphs], old_hashes)
        self._locate_all()

    def reload_if_changed(self) -> bool:
        """Re-read the sidecar if another program changed it and we have no unsaved change."""
        if self._saver is None or self._saver.dirty_notes or self._saver.dirty_reviews:
            return False
        records = self._saver.changed_on_disk()
        if records is None:
            return False
        self._load(records)
        return True

    def save(self) -> SaveResult:
        """Write the notes atomically (see :class:`tui.notes_writer.Saver`)."""
        self._check_writable()
        try:
            self.last_save = self._saver.save(self)
        except SidecarError as error:
            raise ReadOnlyNotes(str(error)) from None
        except OSError as error:
            raise ReadOnlyNotes(f"cannot save notes to {self.sidecar_path}: {error.strerror or error}") from None
        return self.last_save

    # ------------------------------------------------------------------ internals

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyNotes(self.problem or f"notes of {self.text_path} are read-only")

    def _anchor_of(self, paragraph: int) -> Anchor:
        count = len(self.document.paragraphs)
        if not isinstance(paragraph, int) or not 0 <= paragraph < count:
            last = f"0-{count - 1}" if count else "none"
            raise BadParagraph(f"paragraph {paragraph} is out of range ({self.text_path} has paragraphs {last})")
        return self._anchors.anchor(paragraph)

    def _new_id(self) -> str:
        while True:
            candidate = secrets.token_hex(4)
            if candidate not in self._notes:
                return candidate

    def _changed(self, note_ids: set[str] = frozenset(), review_keys: set[str] = frozenset()) -> None:
        self._saver.mark_dirty(note_ids, review_keys)
        if self.autosave:
            self.save()

    def replace_records(self, records: dict[str, Any]) -> None:
        """Adopt merged records (called by the saver after another process's changes)."""
        self._load(records)

    @property
    def records(self) -> dict[str, Any]:
        """The sidecar records for the current state, anchors refreshed on the current text."""
        document = {
            "path": str(Path(self.text_path).absolute()),
            "title": self.document.title or "",
            "content_hash": self.document.content_hash,
            "paragraphs": list(self._anchors.hashes),
        }
        notes = sorted(self._notes.values(), key=lambda n: (n.created, n.id))
        reviews = sorted(self._reviews, key=lambda r: (r.updated, r.anchor.hash))
        return {
            "format": FORMAT,
            "document": document,
            "notes": [note_record(n, self._fresh(n)) for n in notes],
            "reviews": [review_record(r, self._fresh(r)) for r in reviews],
        }

    def _fresh(self, item: Note | Review) -> Anchor:
        return item.anchor if item.paragraph is None else self._anchors.anchor(item.paragraph)

    def to_json(self) -> dict[str, Any]:
        """The ``closeread notes --json`` object."""
        from tui.notes_json import store_json

        return store_json(self)
