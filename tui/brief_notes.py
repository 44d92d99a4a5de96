"""The notes section of a brief: annotated paragraphs, orphaned notes, the review tally."""

from __future__ import annotations

from collections import Counter

from tui.brief_blocks import Blocks, paragraph_ref
from tui.brief_model import STATUS_LABELS, BriefNote, BriefNotes, BriefOptions, status_label
from tui.document import Document
from tui.markdown_escape import blockquote, escape_inline, escape_short

ORPHAN_QUOTE_CHARS = 300


def _tags_suffix(tags: tuple[str, ...]) -> str:
    if not tags:
        return ""
    return " — *tags: " + ", ".join(escape_inline(tag) for tag in tags) + "*"


def note_line(note: BriefNote) -> str:
    """A note's text (escaped, on one line) followed by its tags."""
    text = escape_inline(note.text) or "*(no text)*"
    return text + _tags_suffix(note.tags)


def _statuses(notes: BriefNotes, paragraph_count: int) -> dict[int, str]:
    """The review status of each paragraph: its review mark, else the latest status a note carries."""
    statuses: dict[int, str] = {}
    for note in notes.notes:
        if note.review and note.paragraph is not None and 0 <= note.paragraph < paragraph_count:
            statuses[note.paragraph] = note.review
    for review in notes.reviews:
        if review.paragraph is not None and 0 <= review.paragraph < paragraph_count:
            statuses[review.paragraph] = review.status
    return statuses


def _split_notes(notes: BriefNotes, paragraph_count: int) -> tuple[dict[int, list[BriefNote]], list[BriefNote]]:
    """Notes by paragraph index, and the orphans (no paragraph, or one the text no longer has)."""
    placed: dict[int, list[BriefNote]] = {}
    orphans: list[BriefNote] = []
    for note in notes.notes:
        if note.paragraph is not None and 0 <= note.paragraph < paragraph_count:
            placed.setdefault(note.paragraph, []).append(note)
        else:
            orphans.append(note)
    return placed, orphans


def add_notes(out: Blocks, level: int, document: Document, notes: BriefNotes,
              options: BriefOptions) -> None:
    """Every annotated or reviewed paragraph in text order, then orphaned notes, then the tally."""
    out.heading(level, "Notes")
    count = len(document.paragraphs)
    placed, orphans = _split_notes(notes, count)
    statuses = _statuses(notes, count)
    orphan_reviews = [r for r in notes.reviews if r.paragraph is None or not 0 <= r.paragraph < count]
    if not placed and not statuses and not orphans and not orphan_reviews:
        out.note("No notes or review marks yet.")
        return
    for index in sorted(placed.keys() | statuses.keys()):
        _add_paragraph(out, level + 1, document, index, placed.get(index, []),
                       statuses.get(index), options)
    if orphans or orphan_reviews:
        _add_orphans(out, level + 1, orphans, orphan_reviews)
    if statuses:
        _add_tally(out, level + 1, statuses)


def _add_paragraph(out: Blocks, level: int, document: Document, index: int,
                   notes: list[BriefNote], status: str | None, options: BriefOptions) -> None:
    title = paragraph_ref(index) + (f" · {status_label(status)}" if status else "")
    out.heading(level, title)
    out.add(blockquote(escape_short(document.paragraphs[index].text, options.excerpt_chars)))
    out.bullets(note_line(note) for note in notes)


def _orphan_item(line: str, quote: str) -> str:
    excerpt = escape_short(quote, ORPHAN_QUOTE_CHARS)
    if not excerpt:
        return f"- {line}"
    # The block quote is indented to the list item's content so it stays inside the item.
    return f"- {line}\n\n{blockquote(excerpt, indent='  ')}"


def _add_orphans(out: Blocks, level: int, orphans: list[BriefNote], reviews: list) -> None:
    out.heading(level, "Orphaned notes")
    out.note("These no longer match a paragraph of the text; each shows the passage it was attached to.")
    items = [_orphan_item(note_line(note), note.quote) for note in orphans]
    items.extend(_orphan_item(f"Review mark: *{escape_inline(status_label(r.status))}*", r.quote)
                 for r in reviews)
    out.add("\n\n".join(items))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _add_tally(out: Blocks, level: int, statuses: dict[int, str]) -> None:
    out.heading(level, "Review tally")
    counts = Counter(statuses.values())
    order = [s for s in STATUS_LABELS if s in counts] + sorted(s for s in counts if s not in STATUS_LABELS)
    total = sum(counts.values())
    lines = [f"{escape_inline(_capitalised(status_label(s)))}: {counts[s]:,}" for s in order]
    out.bullets(lines)
    out.add(f"{total:,} of the text's paragraphs {'has' if total == 1 else 'have'} a review status.")

