"""The costly part of opening a text's notes, prepared in another process.

On a book, opening the notes means parsing a sidecar that lists every paragraph's
hash and hashing every paragraph of the text: a few hundred milliseconds of CPU.
The reader's analysis child, which loads the whole text anyway, prepares both
(:func:`prepare_seed`) and sends them along; :meth:`tui.notes.NotesStore.open`
uses them only where they still match what it finds, so a stale seed costs
nothing but the work it was meant to save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from tui.document import Document
from tui.notes_anchor import paragraph_hashes
from tui.notes_location import choose_location
from tui.notes_storage import SidecarError, parse, read_disk


@dataclass(frozen=True)
class NotesSeed:
    """Paragraph hashes of a document and the sidecar records parsed from bytes with ``raw_digest``."""

    content_hash: str
    hashes: list[str]
    raw_digest: str | None = None
    records: dict[str, Any] | None = None

    def records_for(self, raw: bytes | None) -> dict[str, Any] | None:
        """The parsed records if ``raw`` are the bytes they were parsed from, else None."""
        if self.records is None or raw is None or digest(raw) != self.raw_digest:
            return None
        return self.records

    def hashes_for(self, document: Document) -> list[str] | None:
        """The paragraph hashes if they are ``document``'s, else None."""
        ok = document.content_hash == self.content_hash and len(self.hashes) == len(document.paragraphs)
        return self.hashes if ok else None


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def prepare_seed(text_path: str, document: Document) -> NotesSeed:
    """Hash ``document``'s paragraphs and parse the sidecar of ``text_path`` (if readable)."""
    hashes = paragraph_hashes([p.text for p in document.paragraphs])
    location = choose_location(text_path)
    try:
        raw = read_disk(location.seed or location.path).raw
        records = parse(raw, location.seed or location.path) if raw is not None else None
    except SidecarError:  # the store reports it when it opens the sidecar itself
        return NotesSeed(document.content_hash, hashes)
    return NotesSeed(document.content_hash, hashes, digest(raw) if raw is not None else None, records)
