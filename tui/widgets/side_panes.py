"""The side panes: Summary, Key figures, Quoted sources and Notes.

Each pane is a titled box with a count and an :class:`ItemList`; the
summary and notes panes also show something about the focused paragraph.
The panes only display what the core computed; formatting lives in
:mod:`tui.widgets.pane_items`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.widgets.item_list import ItemList

PANES = {
    "summary": "Summary",
    "figures": "Key figures",
    "quotes": "Quoted sources",
    "notes": "Notes",
}


class SidePane(Vertical):
    """One titled side pane; ``name`` is a key of :data:`PANES`."""

    def __init__(self, name: str) -> None:
        super().__init__(id=f"pane-{name}", classes="side-pane")
        self.pane_name = name
        self.border_title = PANES[name]

    def compose(self) -> ComposeResult:
        if self.pane_name in ("summary", "notes"):
            yield Static("", id=f"{self.pane_name}-focus", classes="pane-focus", markup=False)
        yield ItemList(id=f"list-{self.pane_name}")

    @property
    def items(self) -> ItemList:
        return self.query_one(ItemList)

    def set_count(self, count: int | str) -> None:
        """Show the item count (or a progress note) beside the title."""
        self.border_subtitle = str(count)

    def set_focus_text(self, text: Content | str) -> None:
        """The part about the focused paragraph (summary and notes panes)."""
        focus = self.query(".pane-focus")
        if focus:
            # A fixed height (see app.tcss) lets this skip a layout pass on every keypress.
            focus.first(Static).update(text, layout=False)
