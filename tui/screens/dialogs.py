"""Small modal dialogs: a yes/no question and "Go to paragraph…"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; ``y``/Enter answer yes, ``n``/Esc answer no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes", tooltip="Answer yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no", tooltip="Answer no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog-screen")
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class GotoScreen(ModalScreen[int | None]):
    """Ask for a paragraph number (from 1); dismisses with the index (from 0) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="goto_cancel", tooltip="Close without moving")]

    def __init__(self, count: int) -> None:
        super().__init__(classes="dialog-screen")
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Go to paragraph (1–{self.count})", classes="dialog-question")
            yield Input(placeholder="number", type="integer", id="goto-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            number = int(event.value)
        except ValueError:
            self.notify("Type a paragraph number.", severity="warning")
            return
        self.dismiss(min(max(number, 1), self.count) - 1)

    def action_cancel(self) -> None:
        self.dismiss(None)
