"""The paragraph pane: every paragraph of the text, rendered only where visible.

A ``ScrollView`` with a line table (paragraph heights and offsets, see
:mod:`tui.widgets.layout`) and an LRU cache of rendered strips, as Textual's
``OptionList`` does for its options. Heights begin as estimates and become
exact when a paragraph is rendered or measured in idle time; the first
visible paragraph is kept in place when heights above it change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.document import Paragraph
from tui.widgets.layout import SEPARATOR_LINES, LineTable, estimated_heights, wrap_lines

STATUS_MARKS = {"to-check": "?", "verified": "✓", "disputed": "✗"}
NOTE_MARK = "✎"
IDLE_BATCH = 200  # paragraphs measured per idle tick (2-3 ms, so a key never waits long behind one)
# The scrollbar is drawn again when the text's length changed by more than 1/BAR_PRECISION since last
# drawn: about the length change that moves its thumb by an eighth of a cell on a 50-line screen.
BAR_PRECISION = 400
KIND_PREFIX = {"list": "• ", "quote": "│ "}


@dataclass(frozen=True)
class Mark:
    """What the gutter shows for one paragraph: a note mark and a review status."""

    note: bool = False
    status: str = "none"


def find_spans(text: str, needles: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Where each (surface text, kind) occurs in ``text``; repeats take later occurrences."""
    spans, searched_from = [], {}
    for needle, kind in needles:
        if not needle:
            continue
        start = text.find(needle, searched_from.get(needle, 0))
        if start < 0:
            start = text.find(needle)
        if start >= 0:
            searched_from[needle] = start + len(needle)
            spans.append((start, start + len(needle), kind))
    return spans


class ParagraphView(ScrollView, can_focus=True):
    """The paragraphs of a document, one focused, with gutter marks and highlights."""

    BINDINGS = [
        Binding("down,j", "next_paragraph", "Next", show=False, id="next_paragraph",
                tooltip="Focus the next paragraph"),
        Binding("up,k", "previous_paragraph", "Previous", show=False, id="previous_paragraph",
                tooltip="Focus the previous paragraph"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page_down",
                tooltip="Move one screen down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="page_up",
                tooltip="Move one screen up"),
        Binding("home,g", "first", "First", show=False, id="first_paragraph",
                tooltip="Focus the first paragraph"),
        Binding("end,G", "last", "Last", show=False, id="last_paragraph",
                tooltip="Focus the last paragraph"),
    ]

    COMPONENT_CLASSES = {
        "paragraph--gutter", "paragraph--cursor", "paragraph--focused",
        "paragraph--title", "paragraph--heading", "paragraph--byline",
        "paragraph--boilerplate", "paragraph--quote", "paragraph--figure-span",
        "paragraph--quote-span", "paragraph--match", "paragraph--note-mark",
        "paragraph--status",
    }

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class CursorMoved(Message):
        """The focused paragraph changed."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ParagraphView.CursorMoved)

    def __init__(self, paragraphs: list[Paragraph] | None = None, *, id: str | None = None,
                 expected_count: int = 0) -> None:
        """``expected_count``: how many paragraphs the view will hold once a long text's preview is
        replaced by the whole; its gutter is made that wide from the start."""
        super().__init__(id=id)
        self.expected_count = expected_count
        self._paragraphs: list[Paragraph] = []
        self._table = LineTable(0)
        self._cache: LRUCache[tuple[int, bool], list[Strip]] = LRUCache(1024)
        self._highlights: dict[int, list[tuple[str, str]]] = {}
        self._marks: dict[int, Mark] = {}
        self._search: re.Pattern[str] | None = None
        self._text_width = 0
        self._idle_from = 0
        self._bar_size: Size | None = None  # the virtual size the scrollbar was last drawn for
        self.set_paragraphs(paragraphs or [])

    # -- data -----------------------------------------------------------------

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self._paragraphs

    @property
    def table(self) -> LineTable:
        return self._table

    def set_paragraphs(self, paragraphs: list[Paragraph]) -> None:
        """Show a (new) list of paragraphs, keeping the cursor where it can.

        Paragraphs that start the new list as they started the old one (a preview replaced by
        the whole text) keep their rendered lines and heights, when the width is the same: the
        screen need not be wrapped again (30 ms or more on the UI thread).
        """
        kept = self._same_start(paragraphs)
        old_table, old_width = self._table, self._text_width
        old_cache = {key: self._cache[key] for key in list(self._cache.keys()) if key[0] < kept}
        self._paragraphs = paragraphs
        self._table = LineTable(len(paragraphs))
        self._text_width = 0
        self._cache.clear()
        self.set_reactive(ParagraphView.cursor, min(self.cursor, max(0, len(paragraphs) - 1)))
        if self.is_mounted:
            self._relayout(lambda width: self._keep(kept, old_table, old_cache) if width == old_width else None)

    def _same_start(self, paragraphs: list[Paragraph]) -> int:
        """How many paragraphs ``paragraphs`` starts with that the view shows the same way now."""
        count = 0
        for old, new in zip(self._paragraphs, paragraphs):
            if (old.text, old.kind, old.level) != (new.text, new.kind, new.level):
                break
            count += 1
        return count

    def _keep(self, count: int, old_table: LineTable, old_cache: dict) -> None:
        """Take the heights and rendered lines of the first ``count`` paragraphs from before."""
        for index in range(count):
            if old_table.exact[index]:
                self._table.set_height(index, old_table.heights[index])
        for key, strips in old_cache.items():
            self._cache[key] = strips

    def set_highlights(self, highlights: dict[int, list[tuple[str, str]]]) -> None:
        """Surface texts to highlight per paragraph: ``{index: [(text, "figure"|"quote")]}``."""
        self._highlights = highlights
        self._invalidate()

    def set_marks(self, marks: dict[int, Mark]) -> None:
        """Gutter marks (note, review status) per paragraph index."""
        changed = set(marks) ^ set(self._marks)
        changed |= {i for i in marks if self._marks.get(i) != marks[i]}
        self._marks = dict(marks)
        for index in changed:
            self._discard(index)
        self.refresh()

    def set_search(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight the matches of ``pattern`` (``None`` clears the search)."""
        self._search = pattern
        self._invalidate()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _discard(self, index: int) -> None:
        self._cache.discard((index, True))
        self._cache.discard((index, False))

    # -- geometry -------------------------------------------------------------

    @property
    def gutter_width(self) -> int:
        return len(str(max(1, len(self._paragraphs), self.expected_count))) + 5

    def _width_for_text(self) -> int:
        return max(4, self.scrollable_content_region.width - self.gutter_width - 1)

    def _relayout(self, restore: Callable[[int], None] | None = None) -> None:
        """Re-estimate every height for the current width, keeping the view on the cursor.

        ``restore(width)`` may then put back what is still known at that width.
        """
        width = self._width_for_text()
        if not self.scrollable_content_region.width:
            return
        self._text_width = width
        self._cache.clear()
        # From lengths alone: building each paragraph's display text took most of the
        # 30-40 ms this costs on a book when its whole text arrives.
        display_length = self._display_length
        lengths = [display_length(p) if p.kind in KIND_PREFIX else len(p.text) for p in self._paragraphs]
        heights = estimated_heights(lengths, width)
        self._table.reset(heights)
        if restore is not None:
            restore(width)
        self._idle_from = self.cursor
        self._measure(self.cursor)
        self._update_virtual_size()
        self.scroll_to_cursor(animate=False)

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, self._table.total)
        if size != self.virtual_size:
            # Only this view and its scrollbar depend on its virtual size. Set as a reactive
            # (layout=True), every change laid out and painted the whole screen again: 30 ms
            # or more for each batch of heights measured in idle time on a book.
            self.set_reactive(ParagraphView.virtual_size, size)
            if self._bar_would_change(size):
                self._bar_size = size
                self._scroll_update(size)

    def _bar_would_change(self, size: Size) -> bool:
        """Whether the scrollbar must be drawn again for ``size``: a batch of heights measured in idle
        time changes a book's length by a few lines in ten thousands, which moves no part of the bar
        by an eighth of a cell (its finest step), yet each repaint of it cost 4-8 ms."""
        shown = self._bar_size
        if shown is None or shown.width != size.width:
            return True
        window = self.scrollable_content_region.height
        if min(shown.height, size.height) <= window:
            return True  # whether there is a scrollbar at all may change
        return abs(size.height - shown.height) * BAR_PRECISION > shown.height

    def _measure(self, index: int) -> bool:
        """Make one paragraph's height exact by rendering it; True if it changed."""
        if self._table.exact[index]:
            return False
        strips = self._strips(index, index == self.cursor)
        return self._table.set_height(index, len(strips))

    def _keep_top_in_place(self, change) -> None:
        """Run ``change`` (which may alter heights) without moving the visible text."""
        table = self._table
        top = table.paragraph_at(round(self.scroll_y))
        inside = round(self.scroll_y) - table.top(top)
        change()
        self._update_virtual_size()
        target = table.top(top) + min(inside, table.heights[top] - 1)
        if target != round(self.scroll_y):
            self.set_scroll(None, target)

    def _on_resize(self, event: events.Resize) -> None:
        if self._width_for_text() != self._text_width:
            self._relayout()

    def on_mount(self) -> None:
        self._relayout()
        self.set_interval(0.05, self._measure_some, name="measure paragraphs")

    def _measure_some(self) -> None:
        """Idle work: make a batch of estimated heights exact with the fast wrap.

        Heights above the view are held and set all at once at the end (see :class:`LineTable`):
        set batch by batch, each moved the text and repainted the whole view, 5-25 ms every 50 ms
        on a book read near its end.
        """
        table = self._table
        if not self._text_width:
            return
        start = table.next_inexact(self._idle_from)
        if start is None:
            if table.held:
                self._keep_top_in_place(table.apply_held)
            return
        end = min(len(table), start + IDLE_BATCH)
        top = table.paragraph_at(round(self.scroll_y))
        paragraphs, width, display_text = self._paragraphs, self._text_width, self._display_text
        for index in range(start, end):
            if not table.exact[index]:
                height = wrap_lines(display_text(paragraphs[index]), width) + SEPARATOR_LINES
                if index < top:
                    table.hold(index, height)
                else:
                    table.set_height(index, height)
        self._idle_from = end % max(1, len(table))
        self._update_virtual_size()

    def notify_style_update(self) -> None:
        self._cache.clear()
        super().notify_style_update()

    # -- rendering ------------------------------------------------------------

    @staticmethod
    def _prefix(paragraph: Paragraph) -> str:
        prefix = KIND_PREFIX.get(paragraph.kind, "")
        if paragraph.kind == "list" and paragraph.level > 1:
            prefix = "  " * (paragraph.level - 1) + prefix
        return prefix

    @classmethod
    def _display_length(cls, paragraph: Paragraph) -> int:
        """``len(_display_text(paragraph))``, without building the text."""
        return len(cls._prefix(paragraph)) + len(paragraph.text)

    @classmethod
    def _display_text(cls, paragraph: Paragraph) -> str:
        return cls._prefix(paragraph) + paragraph.text

    def _content(self, paragraph: Paragraph) -> Content:
        text = self._display_text(paragraph)
        shift = len(text) - len(paragraph.text)
        spans = []
        kind_class = {"title": "paragraph--title", "heading": "paragraph--heading",
                      "byline": "paragraph--byline", "boilerplate": "paragraph--boilerplate",
                      "quote": "paragraph--quote"}.get(paragraph.kind)
        if kind_class:
            spans.append(Span(0, len(text), self.get_visual_style(kind_class)))
        styles = {"figure": self.get_visual_style("paragraph--figure-span"),
                  "quote": self.get_visual_style("paragraph--quote-span")}
        for start, end, kind in find_spans(paragraph.text, self._highlights.get(paragraph.index, [])):
            spans.append(Span(start + shift, end + shift, styles[kind]))
        if self._search is not None:
            match_style = self.get_visual_style("paragraph--match")
            spans.extend(Span(m.start() + shift, m.end() + shift, match_style)
                         for m in self._search.finditer(paragraph.text) if m.end() > m.start())
        return Content(text, spans)

    def _gutter(self, paragraph: Paragraph, focused: bool, first: bool) -> list[Segment]:
        digits = self.gutter_width - 5
        gutter = self.get_visual_style("paragraph--gutter").rich_style
        bar = self.get_visual_style("paragraph--cursor").rich_style
        mark = self._marks.get(paragraph.index, Mark())
        if not first:
            return [Segment("▌" if focused else " ", bar), Segment(" " * (digits + 4), gutter)]
        note_style = self.get_visual_style("paragraph--note-mark").rich_style
        status_style = self.get_visual_style("paragraph--status").rich_style
        return [
            Segment("▌" if focused else " ", bar),
            Segment(f"{paragraph.index + 1:>{digits}} ", gutter),
            Segment(NOTE_MARK if mark.note else " ", note_style),
            Segment(STATUS_MARKS.get(mark.status, " "), status_style),
            Segment(" ", gutter),
        ]

    def _strips(self, index: int, focused: bool) -> list[Strip]:
        """The rendered lines of one paragraph (cached), separator line included."""
        key = (index, focused)
        if (strips := self._cache.get(key)) is not None:
            return strips
        paragraph = self._paragraphs[index]
        width = self.scrollable_content_region.width
        base = self.visual_style
        if focused:
            base = base + self.get_visual_style("paragraph--focused")
        lines = self._content(paragraph).wrap(self._text_width) or [Content("")]
        strips = []
        for number, line in enumerate(lines):
            segments = self._gutter(paragraph, focused, number == 0)
            segments += line.render_segments(base)
            strip = Strip(segments).extend_cell_length(width, base.rich_style)
            strips.append(strip.crop(0, width))
        blank = Strip([Segment(" " * width, self.visual_style.rich_style)], width)
        strips.extend([blank] * SEPARATOR_LINES)
        self._cache[key] = strips
        self._table.set_height(index, len(strips))
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._width_for_text() != self._text_width:
            self._relayout()
        self._settle_visible()
        return super().render_lines(crop)

    def _settle_visible(self) -> None:
        """Make the heights of the visible paragraphs exact before painting them."""
        if not self._paragraphs or not self._text_width:
            return
        table = self._table
        for _ in range(4):
            first = table.paragraph_at(round(self.scroll_y))
            last = table.paragraph_at(round(self.scroll_y) + self.size.height)
            changed = False
            for index in range(first, last + 1):
                changed |= self._measure(index)
            if not changed:
                break
        self._update_virtual_size()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        if not self._text_width or not self._paragraphs or line >= self._table.total:
            return Strip.blank(width, self.visual_style.rich_style)
        index = self._table.paragraph_at(line)
        strips = self._strips(index, index == self.cursor)
        offset = line - self._table.top(index)
        if 0 <= offset < len(strips):
            return strips[offset]
        return Strip.blank(width, self.visual_style.rich_style)

    # -- cursor ---------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._discard(old)
        self._discard(new)
        self.refresh()
        self.post_message(self.CursorMoved(new))

    def move_cursor(self, index: int, top: bool = False) -> None:
        """Focus paragraph ``index`` and scroll it into view."""
        if not self._paragraphs:
            return
        index = min(max(index, 0), len(self._paragraphs) - 1)
        self.cursor = index
        self.scroll_to_cursor(top=top)

    def scroll_to_cursor(self, top: bool = False, animate: bool = False) -> None:
        """Scroll so the focused paragraph is visible (with a little context)."""
        if not self._paragraphs or not self._text_width:
            return
        index = self.cursor
        self._keep_top_in_place(lambda: self._measure(index))
        table = self._table
        height = max(1, table.heights[index] - SEPARATOR_LINES)
        region = Region(0, table.top(index), self.scrollable_content_region.width, height)
        room = self.scrollable_content_region.height
        spacing = Spacing(2, 0, 2, 0) if height + 4 < room else Spacing()
        self.scroll_to_region(region, spacing=spacing, animate=animate, force=True,
                              top=top or height >= room, immediate=True)

    def action_next_paragraph(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_previous_paragraph(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._paragraphs) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll one screen and focus the first paragraph that starts on it."""
        if not self._paragraphs:
            return
        room = max(1, self.scrollable_content_region.height - 2)
        target = round(self.scroll_y) + direction * room
        target = min(max(0, target), max(0, self._table.total - self.size.height))
        self.set_scroll(None, target)
        self._settle_visible()
        index = self._table.paragraph_at(target)
        if self._table.top(index) < target and index + 1 < len(self._paragraphs):
            index += 1
        if direction < 0 and target == 0:
            index = 0
        if direction > 0 and target >= self._table.total - self.size.height:
            index = max(index, self.cursor)
        self.cursor = index
        self.scroll_to_cursor()

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._paragraphs:
            return
        self.focus()
        line = round(self.scroll_y) + offset.y
        if line < self._table.total:
            self.cursor = self._table.paragraph_at(line)
