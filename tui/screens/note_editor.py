"""The note editor: a multi-line editor for the note on one paragraph."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tui.screens.dialogs import ConfirmScreen
from tui.widgets.pane_items import shorten


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text (``""`` deletes) or ``None`` if discarded."""

    NAME = "note-editor"  # installed once under this name and reused (see ReaderScreen._prepare_note_editor)
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note_save", tooltip="Save the note"),
        Binding("escape", "close", "Close", id="note_close",
                tooltip="Close; asks first if there are unsaved changes"),
    ]

    def __init__(self, paragraph_index: int, paragraph_text: str, text: str = "",
                 read_only: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.paragraph_index = paragraph_index
        self.paragraph_text = paragraph_text
        self.original = text
        self.read_only = read_only
        self._styled_for: object = None  # the app's count of style changes when last restyled
        self.note_id: str | None = None  # the note being edited; None for a new one
        self.waiting_for_notes = False  # opened before a long text's notes had loaded

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Label(self._title(), id="note-title")
            yield Label(shorten(self.paragraph_text, 900), id="note-quote", markup=False)
            editor = TextArea(self.original, id="note-text", soft_wrap=True,
                              read_only=bool(self.read_only), show_line_numbers=False)
            editor.cursor_blink = False
            yield editor
            yield Label(self._help(), id="note-help", markup=False)

    def _title(self) -> str:
        return f"Note on ¶{self.paragraph_index + 1}"

    def _help(self) -> str:
        if self.read_only:
            return f"Read-only: {self.read_only}"
        return "ctrl+s save · esc close · an empty note is deleted"

    def load(self, paragraph_index: int, paragraph_text: str, text: str = "",
             read_only: str | None = None, note_id: str | None = None) -> None:
        """Reuse this editor for another note (it stays installed, so it opens fast).

        ``note_id``: the note being edited, None for a new one. Loaded while shown (the notes of a
        long text arrive after the editor opened), the cursor goes to the end of the text.
        """
        self.paragraph_index, self.paragraph_text = paragraph_index, paragraph_text
        self.original, self.read_only, self.note_id = text, read_only, note_id
        if not self.is_mounted:
            return
        self.query_one("#note-title", Label).update(self._title())
        self.query_one("#note-quote", Label).update(shorten(paragraph_text, 900))
        self.query_one("#note-help", Label).update(self._help())
        editor = self.query_one(TextArea)
        editor.load_text(text)
        editor.read_only = bool(read_only)
        if self.app.screen is self:
            editor.move_cursor(editor.document.end)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every node of a pushed screen, in case the theme changed while it was off
        # the stack (4-8 ms of each `a` on a busy machine). The editor restyles only if it has.
        styled_for = getattr(self.app, "_css_update_count", object())
        if styled_for == self._styled_for:
            event.refresh_styles = False  # read by Screen._on_screen_resume, which runs after this
        self._styled_for = styled_for
        if self.app.screen is not self:  # pushed and popped at once, to be ready before it is needed
            return
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def changed(self) -> bool:
        return self.text.strip() != self.original.strip()

    def action_save(self) -> None:
        if self.read_only:
            self.notify(self.read_only, title="Note not saved", severity="error")
            return
        self.dismiss(self.text.strip() if self.changed else None)

    def action_close(self) -> None:
        if not self.changed or self.read_only:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard the changes to this note?", yes="Discard",
                                           no="Keep editing"), answered)
