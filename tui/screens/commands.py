"""Reader commands for the command palette (``ctrl+p`` or ``:``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand

from tui.screens.dialogs import GotoScreen
from tui.widgets.side_panes import PANES


def reader_commands(app: App, reader) -> Iterable[SystemCommand]:
    """The commands that make sense while a text is open."""
    yield SystemCommand("Go to paragraph…", "Focus a paragraph by its number",
                        partial(ask_paragraph, app, reader))
    yield SystemCommand("Export brief", "Write the Markdown brief beside the text and show it",
                        reader.action_brief)
    yield SystemCommand("Show/hide panes", "Show or hide the side panes", reader.action_toggle_panes)
    for name, title in PANES.items():
        shown = reader.config.panes.get(name, True)
        verb = "Hide" if shown else "Show"
        yield SystemCommand(f"{verb} the {title} pane", f"{verb} one side pane",
                            partial(reader.set_pane_visible, name, not shown))
    yield SystemCommand("Theme…", "Choose a colour theme (remembered)", app.action_change_theme)
    yield SystemCommand("Orphaned notes", "Notes whose paragraph is no longer in the text",
                        reader.show_orphans)
    yield SystemCommand("Search", "Search the text (/)", reader.action_search)


def ask_paragraph(app: App, reader) -> None:
    """Ask for a paragraph number and focus that paragraph."""

    def chosen(index: int | None) -> None:
        if index is not None:
            reader.view.move_cursor(index, top=True)
            reader.view.focus()

    app.push_screen(GotoScreen(len(reader.document.paragraphs)), chosen)
