"""The closeread reader app: wiring only (screens and widgets live in their packages).

``run_reader(path, theme)`` is what ``closeread PATH [--theme NAME]`` calls.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.config import Config, DEFAULT_THEME, load_config, save_setting
from tui.gc_pause import IdleCollector
from tui.loader import LoadError
from tui.screens.loading import Opened, open_text
from tui.screens.reader import ReaderScreen
from tui.state import ReadingState
from tui.themes import highlight_defaults, load_themes

STATE_SAVE_SECONDS = 10
IDLE_TICK_SECONDS = 0.1  # how often the reader looks whether it may collect garbage (see gc_pause)
# Input that the reader answers at once: the analysis process holds still meanwhile (not on
# mouse moves, which come in streams without asking for anything).
USER_INPUT = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


class ReaderApp(App[int]):
    """closeread: read a text with its summary, figures, quotations and your notes."""

    CSS_PATH = "app.tcss"
    TITLE = "closeread"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit closeread (the position is remembered)"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show the keys of the focused pane"),
    ]

    def __init__(self, path: str | None = None, theme: str | None = None,
                 config: Config | None = None, opened: Opened | None = None) -> None:
        super().__init__()
        self.path = path
        self._opened = opened  # already read by run_reader, so the file is read once
        self.messages: list[str] = []
        if config is None:
            config, problem = load_config()
            self._note(problem)
        self.config = config
        self.reading_state = ReadingState.load()
        self._register_themes()
        self.theme = self._choose_theme(theme)
        self._save_theme_now = theme is not None and self.theme == theme
        self.idle_collector = IdleCollector()

    def _note(self, message: str | None) -> None:
        if message:
            self.messages.append(message)

    async def on_event(self, event: events.Event) -> None:
        user_input = isinstance(event, USER_INPUT)
        if user_input:
            self.idle_collector.input_came()
        # Loaded with the first analysis run; before that there is no run to hold still.
        runner = sys.modules.get("tui.analysis_runner") if user_input else None
        if runner is None or event.is_forwarded:
            await super().on_event(event)
            return
        number = runner.input_came()
        await super().on_event(event)
        if number is not None:  # an analysis is held: once the screen is redrawn, it may go on
            self.call_after_refresh(runner.input_answered, number)

    def _register_themes(self) -> None:
        themes, problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        for problem in problems:
            self._note(problem)

    def _choose_theme(self, requested: str | None) -> str:
        for name in (requested, self.config.theme, DEFAULT_THEME, "textual-dark"):
            if name and name in self.available_themes:
                return name
            if name and name == requested:
                self._note(f"unknown theme {name!r}; try one of: {', '.join(sorted(self.available_themes))}")
        return "textual-dark"

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        self.theme_variables = {**highlight_defaults(variables), **variables}
        return self.theme_variables

    def watch_theme(self, name: str) -> None:
        # Only choices made while running (or on the command line) are remembered.
        if getattr(self, "_theme_ready", False):
            self._note_problem(save_setting("theme", name))

    def _note_problem(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, severity="warning")

    def on_mount(self) -> None:
        self.idle_collector.begin()
        self.set_interval(IDLE_TICK_SECONDS, self.idle_collector.tick, name="idle collector")
        if self.config.keys:
            self.set_keymap(self.config.keys)
            self._check_keymap()
        if self._save_theme_now:
            self._note_problem(save_setting("theme", self.theme))
        self._theme_ready = True
        if self.path is None:
            from tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.reading_state))
        else:
            self.open_text(self.path, self._opened)
            self._opened = None
        for message in self.messages:
            self.notify(message, severity="warning", timeout=10)
        self.set_interval(STATE_SAVE_SECONDS, self.save_state, name="save reading state")

    def _check_keymap(self) -> None:
        """Say which ``[keys]`` entries of config.toml name no binding."""
        from tui.screens.keymap import known_binding_ids

        unknown = sorted(set(self.config.keys) - known_binding_ids())
        if unknown:
            self.messages.append(f"config.toml [keys]: no binding with id {', '.join(unknown)} (ignored)")

    def open_text(self, path: str, opened: Opened | None = None) -> bool:
        """Load ``path`` (unless already ``opened``) and show it; a bad file gets a message."""
        try:
            opened = opened or open_text(path)
        except LoadError as error:
            self.notify(str(error), title="Cannot open", severity="error", timeout=10)
            return False
        self.save_state()
        store = None  # a long text's notes are opened with its full document, in the background
        if not opened.is_preview:
            from tui.notes import NotesStore

            store = NotesStore.open(path, opened.document)
        text_state = self.reading_state.get(path)
        self.reading_state.touch(path)
        screen = ReaderScreen(opened.document, store, text_state, self.config, pending=opened.pending)
        if isinstance(self.screen, ReaderScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return True

    def on_start_screen_open(self, message) -> None:
        self.open_text(message.path)

    def reader(self) -> ReaderScreen | None:
        """The reader screen, if one is open."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    def save_state(self) -> None:
        """Remember the reading position of the open text."""
        reader = self.reader()
        if reader is None:
            return
        reader.remember_position()
        self._note_problem(self.reading_state.save())

    def on_unmount(self) -> None:
        self.idle_collector.end()

    async def action_quit(self) -> None:
        self.save_state()
        self.exit(0)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, group_bindings, section_name

        if isinstance(self.screen, HelpScreen):
            return
        focused = self.screen.focused
        where = section_name(focused) if focused else "closeread"
        where = "this pane" if where == "This pane" else where
        sections = group_bindings(self.screen.active_bindings, self.get_key_display)
        self.push_screen(HelpScreen(sections, f"Keys · {where}"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = self.reader()
        if reader is not None:
            from tui.screens.commands import reader_commands

            yield from reader_commands(self, reader)


def run_reader(path: str | None, theme: str | None = None) -> int:
    """Run the reader on ``path`` (the start screen if ``None``); returns the exit code."""
    opened = None
    if path is not None:
        try:
            opened = open_text(path)
        except LoadError as error:
            print(f"closeread: {error}", file=sys.stderr)
            return 2
    # Hand the interpreter lock back to the UI thread every 1 ms (default 5 ms) so keys
    # stay quick while the analysis thread runs.
    sys.setswitchinterval(0.001)
    app = ReaderApp(path, theme, opened=opened)
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)
