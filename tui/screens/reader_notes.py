"""The reader's notes: the editor, review statuses, gutter marks and the notes pane.

Every change goes through the notes store, which saves at once and refuses
to overwrite a sidecar changed elsewhere; its messages are shown as they are.
"""

from __future__ import annotations

from tui.widgets.pane_items import focused_notes_text, note_line
from tui.widgets.paragraph_view import Mark

# Why the note editor is read-only when opened before a long text's notes have loaded.
NOTES_LOADING = "the notes are still loading with the rest of the text…"


class NotesMixin:
    """Notes actions of :class:`tui.screens.reader.ReaderScreen`."""

    _note_editor = None  # the editor this reader last opened (it stays installed)

    def refresh_notes(self) -> None:
        """Gutter marks, the notes list and the focused paragraph's notes, from the store."""
        store = self.store
        if store is None:  # a long text's notes open with its full document
            if self.side_ready:
                self.pane("notes").set_count("loading…")
            return
        self._fill_waiting_editor()
        marks: dict[int, Mark] = {}
        for note in store.notes:
            if note.paragraph is not None:
                marks[note.paragraph] = Mark(True, "none")
        for review in store.reviews:
            if review.paragraph is not None:
                marks[review.paragraph] = Mark(review.paragraph in marks, store.review_of(review.paragraph))
        self.view.set_marks(marks)
        if not self.side_ready:
            return
        items = [(note_line(n.text, n.paragraph, self._status_of(n), n.is_orphan), n.paragraph)
                 for n in store.notes]
        pane = self.pane("notes")
        pane.items.set_items(items, "No notes yet. Press a to write one.")
        pane.set_count(self._notes_count())
        self.show_paragraph_notes(self.view.cursor)

    def _status_of(self, note) -> str | None:
        return self.store.review_of(note.paragraph) if note.paragraph is not None else None

    def _notes_count(self) -> str:
        store = self.store
        count = str(len(store.notes))
        orphans = len(store.orphans())
        if orphans:
            count += f" · {orphans} orphaned"
        if store.read_only:
            count += " · read-only"
        return count

    def show_paragraph_notes(self, index: int) -> None:
        """The notes pane's top part: notes and review status of paragraph ``index``."""
        if not self.side_ready or self.store is None:
            return
        texts = [note.text for note in self.store.notes_for(index)]
        status = self.store.review_of(index)
        self.pane("notes").set_focus_text(focused_notes_text(index, texts, status))

    def action_note(self) -> None:
        """Open the editor on the focused paragraph's note (a new one if it has none).

        While a long text's notes are still loading, the editor opens at once, read-only, and takes
        the paragraph's note when they arrive (see :meth:`refresh_notes`).
        """
        from tui.screens.note_editor import NoteEditor

        if not self.document.paragraphs:
            return
        index = self.view.cursor
        if not self.app.is_screen_installed(NoteEditor.NAME):
            self.app.install_screen(NoteEditor(0, ""), NoteEditor.NAME)
        editor = self._note_editor = self.app.get_screen(NoteEditor.NAME)
        if self.store is None:
            editor.load(index, self.document.paragraphs[index].text, read_only=NOTES_LOADING)
            editor.waiting_for_notes = True
        else:
            self._load_note(editor, index)

        def closed(text: str | None) -> None:
            editor.waiting_for_notes = False
            if text is not None:
                self._save_note(index, editor.note_id, text)

        self.app.push_screen(editor, closed)

    def _load_note(self, editor, index: int) -> None:
        """Put paragraph ``index``'s first note (or none) in the note editor."""
        notes = self.store.notes_for(index)
        note = notes[0] if notes else None
        editor.waiting_for_notes = False
        editor.load(index, self.document.paragraphs[index].text, note.text if note else "",
                    read_only=(self.store.problem or "notes are read-only") if self.store.read_only else None,
                    note_id=note.id if note else None)

    def _fill_waiting_editor(self) -> None:
        """Give the note editor, opened before the notes had loaded, its paragraph's note (even if
        another screen, such as the command palette, is on top of it now)."""
        editor = self._note_editor
        if self.store is not None and editor is not None and editor.waiting_for_notes:
            self._load_note(editor, editor.paragraph_index)

    def _save_note(self, index: int, note_id: str | None, text: str) -> None:
        from tui.notes import NotesError

        store = self.store
        try:
            if note_id and not text:
                store.delete(note_id)
                done = "Note deleted."
            elif note_id:
                store.edit(note_id, text=text)
                done = "Note saved."
            elif text:
                store.add(index, text)
                done = "Note saved."
            else:
                return
        except NotesError as error:
            self.notify(str(error), title="Note not saved", severity="error", timeout=10)
            self.refresh_notes()
            return
        self._report_save(done)
        self.refresh_notes()

    def _report_save(self, done: str | None) -> None:
        """Say what the store did; merges and conflicts are worth a longer look."""
        result = self.store.last_save
        if result is not None and (result.merged or result.conflict_path):
            self.notify(result.message, title="Notes", severity="warning", timeout=10)
        elif done:
            self.notify(done, timeout=3)

    def action_cycle_status(self) -> None:
        """Move the focused paragraph to the next review status."""
        from tui.notes import NotesError

        if not self.document.paragraphs or not self._notes_ready():
            return
        try:
            status = self.store.cycle_review(self.view.cursor)
        except NotesError as error:
            self.notify(str(error), title="Status not saved", severity="error", timeout=10)
            return
        self._report_save(None)
        self.refresh_notes()
        self.notify(f"¶{self.view.cursor + 1}: {status.replace('-', ' ')}", timeout=2)

    def _notes_ready(self) -> bool:
        if self.store is None:
            self.notify("The notes are still loading with the rest of the text.", severity="warning")
            return False
        return True

    def show_orphans(self) -> None:
        """Focus the notes pane on the orphaned notes."""
        if not self._notes_ready():
            return
        orphans = self.store.orphans()
        if not orphans:
            self.notify("No orphaned notes.")
            return
        self.focus_pane("notes")
        items = self.pane("notes").items
        items.highlighted = len(self.store.notes) - len(orphans)
        self.notify(f"{len(orphans)} orphaned note(s): their paragraph is no longer in the text.")
