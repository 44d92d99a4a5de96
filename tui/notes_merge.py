"""Three-way merge of sidecar records, for when another process saved while we were editing.

``base`` is what we loaded, ``theirs`` what is on disk now, ``ours`` what we
want to write. Only the notes and reviews we changed ("dirty") can override
theirs; everything else is taken from theirs. A note changed on both sides is a
conflict: ours wins in the merged records and the caller keeps theirs in a copy.
A change is never resolved by dropping an edit: an edit beats a deletion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

Record = dict[str, Any]


@dataclass(slots=True)
class MergeResult:
    """Merged records plus the ids of notes (and anchors of reviews) changed on both sides."""

    records: Record
    conflicts: list[str] = field(default_factory=list)


def note_key(note: Record) -> str:
    return note["id"]


def review_key(review: Record) -> str:
    return review["anchor"]["hash"]


def _note_content(note: Record | None) -> tuple | None:
    if note is None:
        return None
    # Not the anchor: re-anchoring elsewhere is no edit (attaching changes ``updated``).
    return (note["text"], tuple(note["tags"]), note["created"], note["updated"])


def _review_content(review: Record | None) -> tuple | None:
    return None if review is None else (review["status"], review["updated"])


def merge(base: Record, ours: Record, theirs: Record, dirty_notes: set[str], dirty_reviews: set[str]) -> MergeResult:
    """Merge ``ours`` into ``theirs`` given ``base``; see the module docstring for the rules."""
    result = MergeResult(records=dict(theirs))
    result.records["notes"] = _merge_list(
        base["notes"], ours["notes"], theirs["notes"], dirty_notes, note_key, _note_content, result.conflicts
    )
    result.records["reviews"] = _merge_list(
        base["reviews"], ours["reviews"], theirs["reviews"], dirty_reviews, review_key, _review_content,
        result.conflicts,
    )
    return result


def _merge_list(
    base: list[Record],
    ours: list[Record],
    theirs: list[Record],
    dirty: set[str],
    key: Callable[[Record], str],
    content: Callable[[Record | None], tuple | None],
    conflicts: list[str],
) -> list[Record]:
    base_by, ours_by = {key(r): r for r in base}, {key(r): r for r in ours}
    merged = {key(r): r for r in theirs}
    for item_key in sorted(dirty):
        choice, conflict = _resolve(base_by.get(item_key), ours_by.get(item_key), merged.get(item_key), content)
        if conflict:
            conflicts.append(item_key)
        if choice is None:
            merged.pop(item_key, None)
        else:
            merged[item_key] = choice
    return list(merged.values())


def _resolve(
    base: Record | None, ours: Record | None, theirs: Record | None, content: Callable[[Record | None], tuple | None]
) -> tuple[Record | None, bool]:
    """The record to keep for one changed key, and whether both sides changed it differently."""
    if content(theirs) == content(base) or content(theirs) == content(ours):
        return ours, False
    if ours is None:
        return theirs, True  # we deleted what they edited: keep their edit
    return ours, theirs is not None
