"""Saving a sidecar without losing anyone's notes.

Each save holds a lock on the sidecar's folder, re-reads the sidecar, and
compares it (content hash; modification time and size are recorded too) with
the version this process loaded. Unchanged: write. Changed by someone else:
merge (see :mod:`tui.notes_merge`); a note changed on both sides keeps ours in
the sidecar and theirs in a ``.conflict-<time>.toml`` copy beside it. Changed
into something that does not parse: never overwritten; our version goes to a
``.unsaved-<time>.toml`` copy and the save is refused.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from tui.notes_location import conflict_path, fallback_location
from tui.notes_merge import merge, review_key
from tui.notes_storage import (
    DiskState,
    Signature,
    SidecarError,
    atomic_write,
    dump,
    empty_records,
    is_permission_problem,
    locked,
    parse,
    read_disk,
    remove_stale_temporaries,
)


class RecordsOwner(Protocol):
    """What the saver needs from the store: its records, and a way to adopt merged ones."""

    text_path: str

    @property
    def records(self) -> dict[str, Any]: ...

    def replace_records(self, records: dict[str, Any]) -> None: ...


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The outcome of one save, with one line for the user."""

    path: Path
    written: bool
    message: str
    merged: bool = False
    conflict_path: Path | None = None


@dataclass
class Saver:
    """Writes one sidecar; remembers the version on disk that the in-memory notes started from."""

    path: Path
    base: dict[str, Any]
    disk: DiskState
    location_message: str = ""
    dirty_notes: set[str] = field(default_factory=set)
    dirty_reviews: set[str] = field(default_factory=set)
    unsaved_path: Path | None = None
    fallback: bool = False

    def mark_dirty(self, note_ids: set[str], review_keys: set[str]) -> None:
        """Remember which notes and reviews this process changed since the last save."""
        self.dirty_notes |= set(note_ids)
        self.dirty_reviews |= set(review_keys)

    def changed_on_disk(self) -> dict[str, Any] | None:
        """The sidecar's records if another process changed it since we read or wrote it, else None."""
        try:
            disk = read_disk(self.path)
            if not _changed(disk, self.disk) or disk.raw is None:
                return None
            records = parse(disk.raw, self.path)
        except SidecarError:
            return None  # a broken file is reported when saving, and never overwritten
        self.base, self.disk = records, disk
        return records

    def save(self, owner: RecordsOwner) -> SaveResult:
        """Save ``owner``'s records; falls back to the data directory if the folder refuses writes."""
        try:
            return self._save(owner)
        except OSError as error:
            if self.fallback or not is_permission_problem(error):
                raise
        self._switch_to_fallback(owner)
        return self._save(owner)

    def _switch_to_fallback(self, owner: RecordsOwner) -> None:
        location = fallback_location(owner.text_path, self.path)
        if not location.writable:
            raise SidecarError(location.message)
        records = owner.records
        self.path, self.location_message, self.fallback = location.path, location.message, True
        self.base, self.disk = empty_records(), DiskState(None, None)
        # Everything we hold counts as our change, so a sidecar already there is merged, not trusted.
        self.mark_dirty({n["id"] for n in records["notes"]}, {review_key(r) for r in records["reviews"]})

    def _save(self, owner: RecordsOwner) -> SaveResult:
        with locked(self.path.parent):
            remove_stale_temporaries(self.path)
            disk = read_disk(self.path)
            records, merged, conflict = owner.records, False, None
            if _changed(disk, self.disk) and disk.raw is not None:
                theirs = self._parse_theirs(disk, records)
                result = merge(self.base, records, theirs, self.dirty_notes, self.dirty_reviews)
                owner.replace_records(result.records)
                records, merged = owner.records, True
                if result.conflicts:
                    conflict = conflict_path(self.path)
                    atomic_write(conflict, disk.raw)
            data = dump(records)
            written = disk.raw != data
            if written:
                atomic_write(self.path, data)
            self.disk = DiskState(data, _signature(self.path, data))
        self.base = records  # dump() checked that these read back equal from ``data``
        self.dirty_notes.clear()
        self.dirty_reviews.clear()
        return SaveResult(self.path, written, self._message(written, merged, conflict), merged, conflict)

    def _parse_theirs(self, disk: DiskState, records: dict[str, Any]) -> dict[str, Any]:
        try:
            return parse(disk.raw, self.path)
        except SidecarError as error:
            self.unsaved_path = self.unsaved_path or conflict_path(self.path, "unsaved")
            atomic_write(self.unsaved_path, dump(records))
            raise SidecarError(f"{error}; not overwritten, your notes are in {self.unsaved_path}") from None

    def _message(self, written: bool, merged: bool, conflict: Path | None) -> str:
        if conflict is not None:
            return f"notes were also changed elsewhere; both kept: yours in {self.path}, the other in {conflict}"
        if merged:
            return f"merged with notes saved elsewhere; saved to {self.path}"
        if not written:
            return f"no change; {self.path} not rewritten"
        suffix = f" ({self.location_message})" if self.fallback else ""
        return f"notes saved to {self.path}{suffix}"


def _changed(disk: DiskState, known: DiskState) -> bool:
    """Whether the sidecar's content differs from the version we started from."""
    if disk.signature is None or known.signature is None:
        return (disk.signature is None) != (known.signature is None)
    return disk.signature.sha256 != known.signature.sha256


def _signature(path: Path, data: bytes) -> Signature:
    info = os.stat(path)
    return Signature(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())
