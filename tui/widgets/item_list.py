"""A list of side-pane items, each pointing at a paragraph.

An ``OptionList`` (virtual: only visible options are rendered) that knows the
paragraph of each item, marks the items of the focused paragraph, and is
capped so a book's thousands of figures never make a huge list. A long list
is filled in steps, one per refresh: the option list wraps every option it is
given to measure its height, which for hundreds of items at once would hold
up the keys for most of a frame. Items given as functions are made in their
step too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

Item = tuple[Content | str, int | None]  # a prompt and its paragraph

MAX_ITEMS = 400
ITEMS_PER_STEP = 40  # about 4 ms of wrapping: a list fills in steps that keys can pass between


class ItemList(OptionList):
    """Items that jump to paragraphs; items of the focused paragraph stand out."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list_down",
                tooltip="Highlight the next item"),
        Binding("k", "cursor_up", "Up", show=False, id="list_up",
                tooltip="Highlight the previous item"),
        Binding("g", "first", "First", show=False, id="list_first",
                tooltip="Highlight the first item"),
        Binding("G", "last", "Last", show=False, id="list_last",
                tooltip="Highlight the last item"),
    ]

    COMPONENT_CLASSES = {"item-list--current"}

    class Jump(Message):
        """An item was chosen: focus its paragraph (``None`` if it has none)."""

        def __init__(self, item_list: ItemList, paragraph: int | None) -> None:
            super().__init__()
            self.item_list = item_list
            self.paragraph = paragraph

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._paragraph_of: list[int | None] = []
        self._first_of: dict[int, int] = {}
        self._waiting: list = []  # items (and the closing line) not added yet (see _add_waiting)
        self.current_paragraph: int | None = None

    def set_items(self, items: Sequence[Item | Callable[[], Item]],
                  empty: str = "Nothing here.", total: int | None = None) -> int:
        """Show ``(prompt, paragraph)`` items, capped; returns how many there are in all.

        ``total`` is how many there are when ``items`` holds only the first of them
        (building a prompt for each of a book's thousands of figures would stall the UI).
        An item may be given as a function that makes it: it is called when its step comes.
        """
        shown = items[:MAX_ITEMS]
        total = max(len(items), total or 0)
        self._paragraph_of, self._first_of = [], {}
        last: list[Option] = []
        if total > len(shown):
            last.append(Option(Content.styled(f"… and {total - len(shown)} more", "italic"), disabled=True))
        elif not shown:
            last.append(Option(Content.styled(empty, "italic"), disabled=True))
        self._waiting = [*shown, *last]
        self.set_options(self._next_options())
        if self._waiting:
            self.call_after_refresh(self._add_waiting, self._waiting)
        return total

    def _next_options(self) -> list[Option]:
        """The options of the next step's items, which are made now; their paragraphs are noted."""
        step, self._waiting = self._waiting[:ITEMS_PER_STEP], self._waiting[ITEMS_PER_STEP:]
        options = []
        for item in step:
            if isinstance(item, Option):  # the closing line: no paragraph
                options.append(item)
                self._paragraph_of.append(None)
                continue
            prompt, paragraph = item() if callable(item) else item
            if paragraph is not None:
                self._first_of.setdefault(paragraph, len(self._paragraph_of))
            self._paragraph_of.append(paragraph)
            options.append(Option(prompt))
        return options

    def _add_waiting(self, waiting: list) -> None:
        """Add the next step of options, unless set_items has replaced the list since."""
        if waiting is not self._waiting:
            return
        if not self.is_mounted:  # removed meanwhile: nothing left to fill
            self._waiting = []
            return
        self.add_options(self._next_options())
        if self._waiting:
            self.call_after_refresh(self._add_waiting, self._waiting)

    @property
    def filling(self) -> bool:
        """Whether options are still being added in steps."""
        return bool(self._waiting)

    def paragraph_of(self, position: int) -> int | None:
        """The paragraph of the item at ``position``."""
        if 0 <= position < len(self._paragraph_of):
            return self._paragraph_of[position]
        return None

    def set_current(self, paragraph: int | None) -> None:
        """Mark the items of ``paragraph``, and bring the first into view."""
        if paragraph == self.current_paragraph:
            return
        previous, self.current_paragraph = self.current_paragraph, paragraph
        if previous in self._first_of or paragraph in self._first_of or previous is None:
            self.refresh()  # only when a marked item appears or disappears
        first = self._first_of.get(paragraph) if paragraph is not None else None
        if first is not None and not self.has_focus and self.is_mounted:
            self._scroll_to_option(first)

    def _scroll_to_option(self, position: int) -> None:
        line = self._index_to_line.get(position)
        if line is None:
            return
        bottom = line + self._heights.get(position, 1)
        if line < self.scroll_y or bottom > self.scroll_y + self.scrollable_content_region.height:
            self.scroll_to(y=max(0, line - 1), animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(self, self.paragraph_of(event.option_index)))

    def render_line(self, y: int) -> Strip:
        line_number = self.scroll_offset.y + y
        try:
            position, _ = self._lines[line_number]
        except IndexError:
            return super().render_line(y)
        current = self.current_paragraph
        if (current is None or self._paragraph_of[position] != current
                or self.highlighted == position or self.options[position].disabled):
            return super().render_line(y)
        style = self.get_visual_style("option-list--option", "item-list--current")
        strips = self._get_option_render(self.options[position], style)
        return strips[line_number - self._index_to_line[position]]
