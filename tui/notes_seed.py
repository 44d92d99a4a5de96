"""The costly part of opening a text's notes, prepared in another process.

On a book, opening the notes means parsing a sidecar that lists every paragraph's
hash and hashing every paragraph of the text: a few hundred milliseconds of CPU.
The reader's analysis child, which loads the whole text anyway, prepares both
(:func:`prepare_seed`) and sends them along; :meth:`tui.notes.NotesStore.open`
uses them only where they still match what it finds, so a stale seed costs
nothing but the work it was meant to save.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.document import Document
from tui.notes_anchor import paragraph_hashes
from tui.notes_location import choose_location
from tui.notes_storage import DiskState, SidecarError, parse, read_disk


@dataclass(frozen=True)
class NotesSeed:
    """Paragraph hashes of a document, and the sidecar records parsed from bytes with ``sidecar_sha256``."""

    content_hash: str
    hashes: list[str]
    sidecar_sha256: str | None = None
    records: dict[str, Any] | None = None

    def records_for(self, disk: DiskState) -> dict[str, Any] | None:
        """The parsed records if ``disk`` holds the bytes they were parsed from, else None."""
        if self.records is None or disk.signature is None or disk.signature.sha256 != self.sidecar_sha256:
            return None
        return self.records

    def hashes_for(self, document: Document) -> list[str] | None:
        """The paragraph hashes if they are ``document``'s, else None."""
        ok = document.content_hash == self.content_hash and len(self.hashes) == len(document.paragraphs)
        return self.hashes if ok else None


def prepare_seed(text_path: str, document: Document) -> NotesSeed:
    """Hash ``document``'s paragraphs and parse the sidecar of ``text_path`` (if readable)."""
    hashes = paragraph_hashes([p.text for p in document.paragraphs])
    location = choose_location(text_path)
    try:
        disk = read_disk(location.seed or location.path)
        if disk.signature is None:  # no sidecar yet
            return NotesSeed(document.content_hash, hashes)
        records = parse(disk.raw, location.seed or location.path)
    except SidecarError:  # the store reports it when it opens the sidecar itself
        return NotesSeed(document.content_hash, hashes)
    return NotesSeed(document.content_hash, hashes, disk.signature.sha256, records)
