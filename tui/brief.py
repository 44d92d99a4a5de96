"""The Markdown brief: what a reader hands on to a colleague, an editor or a notes vault.

:func:`render_brief` is pure: the same documents, analyses, notes and options
give byte-identical Markdown (the "made at" time is part of the options and
can be left out). Sections, in order: summary, key figures, quoted sources,
notes (with orphaned notes and the review tally). Several texts make one brief
with a contents list. Every brief starts with :data:`BRIEF_MARKER` so that a
closeread brief can be told from any other file before it is overwritten.
No Textual import here: the reader and ``closeread brief`` both call this.
"""

from __future__ import annotations

import math
import os
from datetime import datetime, timezone

from tui.brief_blocks import Blocks
from tui.brief_model import (
    SECTIONS,
    WORDS_PER_MINUTE,
    BriefInput,
    BriefNotes,
    BriefOptions,
    brief_notes,
    parse_sections,
)
from tui.brief_notes import add_notes
from tui.brief_sections import add_figures, add_quotes, add_summary
from tui.markdown_escape import escape_inline, one_line

BRIEF_MARKER = "<!-- closeread brief v1 -->"
BRIEF_MARKER_PREFIX = "<!-- closeread brief"
MULTI_TITLE = "Reading brief"

__all__ = [
    "BRIEF_MARKER", "SECTIONS", "BriefInput", "BriefNotes", "BriefOptions",
    "brief_notes", "parse_sections", "render_brief", "is_brief_text", "reading_minutes", "reading_time",
]


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at about :data:`WORDS_PER_MINUTE` words a minute (at least 1)."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def is_brief_text(text: str) -> bool:
    """Whether ``text`` (a file's opening) is a closeread brief: it starts with the marker."""
    return text.lstrip("\ufeff").startswith(BRIEF_MARKER_PREFIX)


def made_at_text(made_at: datetime) -> str:
    """``2026-11-28 08:30 UTC``: the brief's time in UTC to the minute (naive times count as local)."""
    return made_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def source_name(path: str) -> str:
    """The file name shown for ``path`` (never the folder, so briefs diff across machines)."""
    if path in ("-", ""):
        return "standard input"
    if path.startswith("<") and path.endswith(">"):
        return path
    return os.path.basename(path.rstrip("/\\")) or path


def document_title(document) -> str:
    """The title shown for a document: its own, else its file name without extension."""
    title = one_line(document.title)
    if title:
        return title
    stem = os.path.splitext(source_name(document.path))[0]
    return one_line(stem) or "Untitled text"


def reading_time(words: int) -> str:
    """``6 min read``, or ``37 h 11 min read`` for a book."""
    minutes = reading_minutes(words)
    if minutes < 60:
        return f"{minutes} min read"
    hours, minutes = divmod(minutes, 60)
    return f"{hours:,} h {minutes} min read" if minutes else f"{hours:,} h read"


def _words_and_time(words: int) -> list[str]:
    return [f"{words:,} word{'s' if words != 1 else ''}", reading_time(words)]


def metadata_line(document, made_at: datetime | None) -> str:
    """Author, date, file name, word count, reading time and (when given) when the brief was made."""
    parts = []
    if one_line(document.author):
        parts.append("By " + one_line(document.author))
    if one_line(document.date):
        parts.append(one_line(document.date))
    parts.append(source_name(document.path))
    parts.extend(_words_and_time(document.words))
    if made_at is not None:
        parts.append("brief made " + made_at_text(made_at))
    return " · ".join(escape_inline(part) for part in parts)


def _add_text(out: Blocks, entry: BriefInput, level: int, options: BriefOptions,
              made_at: datetime | None) -> int:
    """One text's heading, metadata line and sections; returns the heading's number (see Blocks)."""
    document = entry.document
    number = out.heading(level, document_title(document))
    out.add(metadata_line(document, made_at))
    analysis = entry.analysis
    if analysis is None and any(name != "notes" for name in options.sections):
        out.note("The analysis is not ready: summary, key figures and quoted sources are left out.")
    for name in options.sections:
        if name == "notes":
            add_notes(out, level + 1, document, brief_notes(entry.notes), options)
        elif analysis is None:
            continue
        elif name == "summary":
            add_summary(out, level + 1, analysis.summary.sentences, options)
        elif name == "figures":
            add_figures(out, level + 1, analysis.figures, options)
        elif name == "quotes":
            add_quotes(out, level + 1, analysis.quotes, analysis.sources, options)
    return number


def _render_single(entry: BriefInput, options: BriefOptions) -> str:
    out = Blocks()
    out.add(BRIEF_MARKER)
    _add_text(out, entry, 1, options, options.made_at)
    return out.text()


def _contents_line(number: int, entry: BriefInput, anchor: str) -> str:
    title = escape_inline(document_title(entry.document))
    return f"{number}. [{title}](#{anchor}) — {escape_inline(source_name(entry.document.path))}"


def _render_many(entries: list[BriefInput], options: BriefOptions) -> str:
    out = Blocks()
    out.add(BRIEF_MARKER)
    out.heading(1, MULTI_TITLE)
    words = sum(entry.document.words for entry in entries)
    parts = [f"{len(entries)} texts", *_words_and_time(words)]
    if options.made_at is not None:
        parts.append("brief made " + made_at_text(options.made_at))
    out.add(" · ".join(parts))
    out.heading(2, "Contents")
    contents = out.placeholder()
    numbers = [_add_text(out, entry, 2, options, None) for entry in entries]
    anchors = out.anchors()
    out.fill(contents, "\n".join(_contents_line(i, entry, anchors[number])
                                 for i, (entry, number) in enumerate(zip(entries, numbers), start=1)))
    return out.text()


def render_brief(entries: list[BriefInput], options: BriefOptions | None = None) -> str:
    """The Markdown brief of one or more texts (one text: its title is the top heading)."""
    options = options or BriefOptions()
    if not entries:
        raise ValueError("a brief needs at least one text")
    if len(entries) == 1:
        return _render_single(entries[0], options)
    return _render_many(list(entries), options)
