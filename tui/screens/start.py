"""The start screen: recent texts with progress and note counts, and the sample texts."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

import tui
from tui.state import ReadingState

SAMPLES_DIR = Path(tui.__file__).resolve().parent.parent / "sample_texts"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def sample_texts(directory: Path | None = None) -> list[Path]:
    """The bundled sample texts (none if the folder is absent)."""
    directory = directory or SAMPLES_DIR
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix.lower() in TEXT_SUFFIXES)


def recent_line(path: str, state: ReadingState) -> Content:
    """One recent text: title (or file name), progress and note count."""
    text_state = state.texts.get(path)
    name = Path(path).name
    title = (text_state.title if text_state and text_state.title else name)
    parts: list = [(title, "bold")]
    if text_state:
        notes = f"{text_state.notes} note{'s' if text_state.notes != 1 else ''}"
        parts += ["  ", (f"{text_state.percent}% read · {notes}", "dim")]
    parts += ["  ", (name if title != name else "", "dim italic")]
    missing = not Path(path).exists()
    if missing:
        parts += ["  ", ("(missing)", "italic dim")]
    return Content.assemble(*parts)


class StartScreen(Screen):
    """Pick a text to read."""

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False, id="start_down", tooltip="Next text"),
                Binding("k", "cursor_up", "Up", show=False, id="start_up", tooltip="Previous text")]

    class Open(Message):
        """Open ``path`` in the reader."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, state: ReadingState, samples: list[Path] | None = None) -> None:
        super().__init__(id="start")
        self.state = state
        self.samples = sample_texts() if samples is None else samples
        self._paths: list[str | None] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="start-box"):
            yield Label("closeread", id="start-title")
            yield Label("Open a text: Enter or click. Or run closeread PATH.", id="start-hint")
            yield OptionList(*self._options(), id="start-list")
        yield Footer()

    def _options(self) -> list[Option]:
        options: list[Option] = []
        self._paths = []
        recent = [p for p in self.state.recent]
        options.append(Option(Content.styled("Recent texts", "bold underline"), disabled=True))
        self._paths.append(None)
        if not recent:
            options.append(Option(Content.styled("none yet", "italic dim"), disabled=True))
            self._paths.append(None)
        for path in recent:
            options.append(Option(recent_line(path, self.state)))
            self._paths.append(path)
        options.append(Option(Content.styled("Sample texts", "bold underline"), disabled=True))
        self._paths.append(None)
        for path in self.samples:
            options.append(Option(Content.assemble((path.name, "bold"))))
            self._paths.append(str(path))
        return options

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.focus()
        first = next((i for i, path in enumerate(self._paths) if path), None)
        option_list.highlighted = first

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        path = self._paths[event.option_index]
        if path:
            self.post_message(self.Open(path))
