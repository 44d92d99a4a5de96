"""Shows the Markdown brief just written, and where it was written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown


class BriefScreen(ModalScreen[None]):
    """The brief as rendered Markdown, with its path."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="brief_close", tooltip="Close the brief")]

    def __init__(self, markdown: str, message: str) -> None:
        super().__init__(classes="dialog-screen")
        self.markdown, self.message = markdown, message

    def compose(self) -> ComposeResult:
        with Vertical(id="brief-dialog", classes="dialog"):
            yield Label(self.message, id="brief-title", markup=False)
            with VerticalScroll(id="brief-body"):
                yield Markdown(self.markdown, id="brief-markdown")
            yield Label("esc close", id="brief-footer")

    def on_mount(self) -> None:
        self.query_one("#brief-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
