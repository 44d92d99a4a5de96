"""Search in the reader: ``/`` opens the search bar, ``n``/``N`` go from match to match."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from textual.binding import Binding
from textual.widgets import Input


def compile_search(query: str) -> re.Pattern[str] | None:
    """A case-insensitive literal pattern for ``query`` (``None`` for an empty query)."""
    query = query.strip()
    return re.compile(re.escape(query), re.IGNORECASE) if query else None


def matching_paragraphs(texts: list[str], pattern: re.Pattern[str]) -> list[int]:
    """Indexes of the paragraphs in which ``pattern`` occurs."""
    search = pattern.search
    return [i for i, text in enumerate(texts) if search(text)]


class SearchBar(Input):
    """The search input, docked at the bottom and shown only while searching."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False, id="search_cancel",
                        tooltip="Close the search bar")]

    def __init__(self) -> None:
        super().__init__(placeholder="Search the text (Enter to find, Esc to close)", id="search-bar")

    def action_cancel(self) -> None:
        self.screen.close_search()


class SearchMixin:
    """Search actions of :class:`tui.screens.reader.ReaderScreen`."""

    search_query: str = ""
    matches: list[int] = []

    def action_search(self) -> None:
        if not self.side_ready:
            return  # the bar is mounted with the side panes, just after the first paint
        bar = self.query_one(SearchBar)
        bar.add_class("-open")
        bar.value = self.search_query
        bar.focus()

    def close_search(self) -> bool:
        """Hide the search bar if open (the highlights stay); True if it was open."""
        bar = self.query_one(SearchBar) if self.side_ready else None
        if bar is None or not bar.has_class("-open"):
            return False
        bar.remove_class("-open")
        self.view.focus()
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not isinstance(event.input, SearchBar):
            return
        event.stop()
        self.run_search(event.value)
        self.close_search()

    def run_search(self, query: str) -> None:
        """Highlight ``query`` and focus the first matching paragraph from the cursor on."""
        self.search_query = query.strip()
        pattern = compile_search(query)
        self.view.set_search(pattern)
        if pattern is None:
            self.matches = []
            self._show_search_state()
            return
        self.matches = matching_paragraphs([p.text for p in self.document.paragraphs], pattern)
        if not self.matches:
            self.notify(f"No match for “{self.search_query}”.", severity="warning")
            self._show_search_state()
            return
        position = bisect_left(self.matches, self.view.cursor) % len(self.matches)
        self.view.move_cursor(self.matches[position])
        self._show_search_state()

    def _show_search_state(self) -> None:
        if not self.search_query:
            extra = ""
        elif not self.matches:
            extra = f"/{self.search_query}: no match"
        else:
            count = len(self.matches)
            extra = f"/{self.search_query}: {count} paragraph{'s' if count != 1 else ''}"
        self.query_one("#header").show(self.view.cursor, extra=extra)

    def action_next_match(self) -> None:
        self._step_match(+1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, direction: int) -> None:
        if not self.matches:
            self.notify("No search yet: press / to search." if not self.search_query
                        else f"No match for “{self.search_query}”.", severity="warning")
            return
        cursor = self.view.cursor
        if direction > 0:
            position = bisect_right(self.matches, cursor) % len(self.matches)
        else:
            position = (bisect_left(self.matches, cursor) - 1) % len(self.matches)
        self.view.move_cursor(self.matches[position])
