"""The ``closeread notes --json`` shape of a notes store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.notes import Note, NotesStore, Review


def store_json(store: NotesStore) -> dict[str, Any]:
    """The JSON object for a store: path, sidecar, notes (orphans last) and reviews."""
    return {
        "path": store.text_path,
        "sidecar": str(store.sidecar_path),
        "read_only": store.read_only,
        "problem": store.problem,
        "location": store.location_message or None,
        "notes": [note_json(store, note) for note in store.notes],
        "reviews": [review_json(review) for review in store.reviews],
    }


def note_json(store: NotesStore, note: Note) -> dict[str, Any]:
    """One note as JSON; ``paragraph`` is its current index, None for an orphan."""
    return {
        "id": note.id,
        "paragraph": note.paragraph,
        "anchor": note.anchor_status,
        "review": store.review_of_note(note),
        "tags": list(note.tags),
        "text": note.text,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
        "quote": note.quote,
    }


def review_json(review: Review) -> dict[str, Any]:
    """One paragraph review as JSON."""
    return {
        "paragraph": review.paragraph,
        "anchor": review.anchor_status,
        "status": review.status,
        "updated": review.updated.isoformat(),
        "quote": review.anchor.quote,
    }
