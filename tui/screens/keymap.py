"""The binding ids that ``[keys]`` in config.toml may remap."""

from __future__ import annotations


def known_binding_ids() -> set[str]:
    """Every binding id of the reader's app, screens and widgets."""
    from tui.app import ReaderApp
    from tui.screens.dialogs import ConfirmScreen, GotoScreen
    from tui.screens.help import HelpScreen
    from tui.screens.note_editor import NoteEditor
    from tui.screens.reader import ReaderScreen
    from tui.screens.reader_search import SearchBar
    from tui.screens.start import StartScreen
    from tui.widgets.item_list import ItemList
    from tui.widgets.paragraph_view import ParagraphView

    owners = (ReaderApp, ReaderScreen, ParagraphView, ItemList, SearchBar, NoteEditor,
              ConfirmScreen, GotoScreen, HelpScreen, StartScreen)
    return {b.id for owner in owners for b in owner.BINDINGS if getattr(b, "id", None)}
