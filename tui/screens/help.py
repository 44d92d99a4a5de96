"""Help: the keys of the focused pane, then those of the reader and the app."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

MOUSE_HELP = ("Click a paragraph to focus it · scroll with the wheel · "
              "click an item in a side pane to jump to its paragraph")


def section_name(node: object) -> str:
    """What a binding's owner is called in the help."""
    names = {"ParagraphView": "Paragraphs", "ItemList": "This pane", "ReaderScreen": "Reader",
             "StartScreen": "Start screen", "ReaderApp": "Everywhere"}
    return names.get(type(node).__name__, type(node).__name__)


def group_bindings(active: dict[str, ActiveBinding], key_display) -> list[tuple[str, list[tuple[str, str]]]]:
    """``[(section, [(keys, description)])]`` from the active bindings, focused pane first.

    Only closeread's own bindings (those with an id) are listed; Textual's generic
    ones (horizontal scrolling, copy) would be noise here.
    """
    sections: dict[str, dict[str, list]] = {}
    for key, item in active.items():
        binding: Binding = item.binding
        if binding.system or not binding.description or binding.id is None:
            continue
        rows = sections.setdefault(section_name(item.node), {})
        text = binding.tooltip or binding.description
        rows.setdefault(text, []).append(key_display(replace(binding, key=key, key_display=None)))
    order = ["This pane", "Paragraphs", "Reader", "Start screen", "Everywhere"]
    ordered = sorted(sections.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9)
    return [(name, [(" ".join(dict.fromkeys(keys)), text) for text, keys in rows.items()])
            for name, rows in ordered]


class HelpScreen(ModalScreen[None]):
    """The keys that work now, grouped by where they work."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help_close",
                        tooltip="Close the help")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], title: str) -> None:
        super().__init__(classes="dialog-screen")
        self.sections, self.title_text = sections, title

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(self.title_text, id="help-title")
            with VerticalScroll(id="help-body"):
                for name, rows in self.sections:
                    yield Static(self._table(name, rows), classes="help-section")
                yield Static(Content.assemble(("Mouse", "bold"), "\n", MOUSE_HELP), classes="help-section")
            yield Label("esc close", id="help-footer")

    @staticmethod
    def _table(name: str, rows: list[tuple[str, str]]) -> Content:
        width = max((len(keys) for keys, _ in rows), default=4) + 2
        lines = [Content.styled(name, "bold")]
        lines += [Content.assemble((keys.ljust(width), "bold $accent"), text) for keys, text in rows]
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
