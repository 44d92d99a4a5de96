"""A blank Textual app: the floor that closeread's first paint is measured against.

It shows one line, :data:`MARKER`, and quits on ``q``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "closeread bench: blank app ready"


class BlankApp(App):
    """Nothing but a Static with the marker string."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    BlankApp().run()
