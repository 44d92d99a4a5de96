"""Reloading the text when it changes on disk, and re-anchoring its notes."""

from __future__ import annotations

import os

from textual import work

from tui.gc_pause import freeze_long_lived
from tui.loader import LoadError, load_document
from tui.screens.loading import full_document
from tui.widgets.messages import StoreOpened, TextReloaded

CHECK_SECONDS = 1.0


def file_signature(path: str) -> tuple[int, int] | None:
    """Modification time and size of ``path`` (``None`` if it cannot be read)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


class WatchMixin:
    """File watching of :class:`tui.screens.reader.ReaderScreen`."""

    _signature: tuple[int, int] | None = None

    def start_watching(self) -> None:
        """Check the text file every second (cheap: one ``stat``)."""
        if self.document.path in ("-", "") or self.document.path.startswith("<"):
            return
        self._signature = file_signature(self.document.path)
        self.set_interval(CHECK_SECONDS, self.check_file, name="watch text file")

    def check_file(self) -> None:
        """Reload the text if its file changed since it was loaded."""
        if self.store is None:
            return  # still splitting a long text; look again once it is loaded
        signature = file_signature(self.document.path)
        if signature is None or signature == self._signature:
            return
        self._signature = signature
        self._reload(self.document.path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reload", description="reload the text")
    def _reload(self, path: str) -> None:
        try:
            document = load_document(path)
        except LoadError as error:
            self.app.call_from_thread(self.notify, f"The text changed but cannot be read: {error}",
                                      severity="error")
            return
        self.post_message(TextReloaded(document))

    def load_rest(self, text: str | None, encoding: str, warnings: list[str]) -> None:
        """Split the whole of a long text in a thread; the preview is shown meanwhile."""
        self._show_busy("loading the text…")
        self._split(self.document.path, text, encoding, warnings)

    @work(thread=True, exclusive=True, exit_on_error=False, group="split", description="split the whole text")
    def _split(self, path: str, text: str | None, encoding: str, warnings: list[str]) -> None:
        try:
            document = full_document(path, text, encoding, warnings)
        except LoadError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        # Anchoring many notes on a book takes a while: do it here, not on the UI thread.
        from tui.notes import NotesStore

        store = NotesStore.open(path, document)
        self.post_message(TextReloaded(document, after_preview=True, store=store))

    def on_text_reloaded(self, message: TextReloaded) -> None:
        document = message.document
        if document.content_hash == self.document.content_hash:
            return
        if message.after_preview:
            self.store = message.store
            self._show_whole_text(document)
            self.refresh_notes()
            self._report_store_problem()
            self.start_analysis()
            return
        self._adopt(document)
        orphans = len(self.store.orphans())
        tail = f"; {orphans} note(s) orphaned" if orphans else ""
        self.notify(f"The text changed on disk: reloaded, notes re-anchored{tail}.",
                    title="Reloaded", timeout=6)

    def adopt_full_text(self, document, notes_seed=None) -> None:
        """Show the whole of a long text sent by the analysis run; its notes open in a thread."""
        if document.content_hash == self.document.content_hash:
            return
        self._show_whole_text(document)
        self._show_busy("analysing…")
        self._open_store(document, notes_seed)

    def _show_whole_text(self, document) -> None:
        """Put the whole text in place of its preview, on the same paragraph unless the reader moved."""
        moved = self.view.cursor != min(self.restore_to, len(self.document.paragraphs) - 1)
        self._show_document(document)
        freeze_long_lived()  # the whole text stays loaded: spare the collector from walking it
        if not moved:
            self.view.move_cursor(min(self.restore_to, len(document.paragraphs) - 1), top=True)

    def _show_document(self, document) -> None:
        """Show ``document``'s paragraphs (and search matches) in place of the current ones."""
        self.document = document
        self.view.set_paragraphs(document.paragraphs)
        self.view.move_cursor(self.view.cursor)
        self.query_one("#header").set_document(document, self.view.cursor)
        if self.search_query:
            self.run_search(self.search_query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="split", description="open the notes")
    def _open_store(self, document, notes_seed=None) -> None:
        # Anchoring many notes on a book takes a while: do it here, not on the UI thread
        # (with the analysis child's seed, most of that work is already done).
        from tui.notes import NotesStore

        store = NotesStore.open(document.path, document, seed=notes_seed)
        self.post_message(StoreOpened(document, store))

    def on_store_opened(self, message: StoreOpened) -> None:
        if message.document is not self.document:
            return  # the text was replaced meanwhile
        self.store = message.store
        self.refresh_notes()
        self._report_store_problem()

    def _adopt(self, document) -> None:
        """Show ``document`` instead of the current one, notes re-anchored, analysis restarted."""
        if self.store.document is not document:
            self.store.reanchor(document)
        self._show_document(document)
        self.refresh_notes()
        self.start_analysis()
