"""A one-line key hint bar: the reader's main keys, drawn once.

Textual's ``Footer`` rebuilds its widgets whenever focus moves or a screen
returns, which costs tens of milliseconds each time; the reader's shown keys
do not change while it runs, so a plain line is enough and much cheaper.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import ActiveBinding, Binding
from textual.content import Content
from textual.widgets import Static


def hints_content(active: dict[str, ActiveBinding], key_display: Callable[[Binding], str]) -> Content:
    """``key description`` pairs of the shown bindings, in binding order, one per action."""
    parts: list = []
    seen: set[str] = set()
    for item in active.values():
        binding = item.binding
        if not binding.show or binding.action in seen:
            continue
        seen.add(binding.action)
        parts += [(f" {key_display(binding)} ", "bold $accent"), (binding.description, ""), " "]
    return Content.assemble(*parts)


class KeyHints(Static):
    """The bottom line of the reader: its main keys."""

    def __init__(self) -> None:
        super().__init__(id="key-hints")

    def show_for(self, screen) -> None:
        """Show the keys bound on ``screen`` (and the app) that are marked ``show``."""
        content = hints_content(screen.active_bindings, self.app.get_key_display)
        palette = Content.assemble((" ctrl+p ", "bold $accent"), ("commands", ""))
        self.update(Content.assemble(content, " ", palette), layout=False)
