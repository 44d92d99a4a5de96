"""The reader: paragraphs on the left, summary, figures, quotes and notes on the right.

The screen wires the core to the widgets: it paints the paragraphs first, then
mounts the side panes and starts the analysis. The analysis, notes, search and
file watching live in mixins (:mod:`tui.screens.reader_analysis`,
:mod:`tui.screens.reader_notes`, :mod:`tui.screens.reader_search`,
:mod:`tui.screens.reader_watch`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static, Tab, Tabs

from tui.config import Config, save_setting
from tui.document import Document
from tui.screens import reader_analysis
from tui.screens.reader_analysis import AnalysisMixin
from tui.screens.reader_notes import NotesMixin
from tui.screens.reader_search import SearchBar, SearchMixin
from tui.screens.reader_watch import WatchMixin
from tui.state import TextState, merge_ranges
from tui.widgets.header import ReaderHeader
from tui.widgets.item_list import ItemList
from tui.widgets.key_hints import KeyHints
from tui.widgets.pane_items import gist_text
from tui.widgets.paragraph_view import ParagraphView
from tui.widgets.side_panes import PANES, SidePane

if TYPE_CHECKING:
    from tui.analysis import Analysis
    from tui.notes import NotesStore

TAB_TITLES = {"summary": "Summary", "figures": "Figures", "quotes": "Quotes", "notes": "Notes"}
FIRST_FRAME_GRACE = 0.05  # seconds
TOO_SMALL = "closeread needs a terminal of at least 60×15.\nPlease make this window larger."


class ReaderScreen(AnalysisMixin, NotesMixin, SearchMixin, WatchMixin, Screen):
    """Reads one document."""

    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (60, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (15, "-tall")]

    BINDINGS = [
        Binding("slash", "search", "Search", id="search", tooltip="Search the text"),
        Binding("n", "next_match", "Next match", show=False, id="next_match",
                tooltip="Focus the next paragraph that matches the search"),
        Binding("N", "previous_match", "Previous match", show=False, id="previous_match",
                tooltip="Focus the previous paragraph that matches the search"),
        Binding("a", "note", "Note", id="note", tooltip="Write or edit the note on the focused paragraph"),
        Binding("s", "cycle_status", "Status", id="cycle_status",
                tooltip="Cycle the review status: none, to check, verified, disputed"),
        Binding("B", "brief", "Brief", id="brief", tooltip="Write the Markdown brief and show it"),
        Binding("p", "toggle_panes", "Panes", id="toggle_panes",
                tooltip="Show or hide the side panes (one tabbed pane when narrow)"),
        Binding("enter", "jump", "Jump", show=False, id="jump",
                tooltip="Jump to the selected item's paragraph"),
        Binding("escape", "back", "Back", show=False, id="back", tooltip="Back to the paragraphs"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="focus_next",
                tooltip="Move to the next pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="focus_previous",
                tooltip="Move to the previous pane"),
        Binding("colon", "app.command_palette", "Commands", show=False, id="palette_colon",
                tooltip="Open the command palette"),
    ]

    def __init__(self, document: Document, store: NotesStore | None, text_state: TextState,
                 config: Config, pending: tuple[str, str, list[str]] | None = None) -> None:
        super().__init__(id="reader")
        self.pending = pending
        self.restore_to = text_state.paragraph
        self.document = document
        self.store = store
        self.text_state = text_state
        self.config = config
        self.analysis: Analysis | None = None
        self.generation = 0
        self.read_paragraphs: set[int] = set()
        self.side_hidden = not any(config.panes.values())
        self.side_ready = False  # the side panes are mounted after the first paint
        self._run = None  # the analysis run in a child process, while it lasts
        self._poll_timer = None
        self.busy_label: str | None = None  # what the analysis panes say while busy

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ReaderHeader(self.document)
        with Horizontal(id="body"):
            yield ParagraphView(self.document.paragraphs, id="paragraphs",
                                expected_count=self._expected_paragraphs())
            yield Vertical(id="side")
        yield Static(TOO_SMALL, id="too-small")

    def _expected_paragraphs(self) -> int:
        """For a long text's preview, about how many paragraphs the whole text has (from the
        file's size), so that the gutter is as wide now as it will be then and the paragraphs
        need no new wrapping when the whole text arrives; else 0."""
        paragraphs = self.document.paragraphs
        if self.pending is None or not paragraphs:
            return 0
        try:
            size = os.path.getsize(self.document.path)
        except (OSError, TypeError, ValueError):
            return 0
        shown = sum(len(paragraph.text) + 2 for paragraph in paragraphs)
        return round(len(paragraphs) * size / max(1, shown))

    @property
    def view(self) -> ParagraphView:
        return self.query_one(ParagraphView)

    def pane(self, name: str) -> SidePane:
        return self.query_one(f"#pane-{name}", SidePane)

    def on_mount(self) -> None:
        self.set_class(self.side_hidden, "-side-hidden")
        start = min(self.text_state.paragraph, max(0, len(self.document.paragraphs) - 1))
        self.view.move_cursor(start, top=True)
        self.view.focus()
        self.refresh_notes()
        # Everything else waits for the first paint: the paragraphs come first.
        self.call_after_refresh(self._after_refresh)

    def _after_refresh(self) -> None:
        if self.app.is_headless:
            self.call_later(self._after_first_paint)
        else:
            # The frame is written by Textual's output thread: give it a moment to reach the
            # terminal before mounting more widgets and starting the analysis take the CPU.
            self.set_timer(FIRST_FRAME_GRACE, self._after_first_paint)

    async def _after_first_paint(self) -> None:
        await self._mount_side()
        if self.pending is None:
            self.start_analysis()
        elif self.pending[0] is None and reader_analysis.USE_ANALYSIS_PROCESS:
            self.start_full_run()
            self.pending = None
        else:
            self.load_rest(*self.pending)
            self.pending = None
        self.start_watching()
        self._prewarm()
        self._report_store_problem()
        for warning in self.document.warnings:
            self.notify(warning, severity="warning")

    def _report_store_problem(self) -> None:
        if self.store is not None and self.store.problem:
            self.notify(self.store.problem, title="Notes are read-only", severity="error", timeout=8)

    async def _mount_side(self) -> None:
        """Mount the side panes, the search bar and the footer once the paragraphs are on screen."""
        tabs = Tabs(*[Tab(title, id=f"tab-{name}") for name, title in TAB_TITLES.items()],
                    id="side-tabs")
        tabs.can_focus = False
        await self.query_one("#side").mount(tabs, *[SidePane(name) for name in PANES])
        await self.mount(SearchBar(), before="#too-small")
        hints = KeyHints()
        await self.mount(hints)
        hints.show_for(self)
        self.side_ready = True
        self._apply_pane_visibility()
        self.refresh_notes()
        if self.analysis is not None:
            self._fill_analysis_panes(self.analysis)
        else:
            self._show_busy(self.busy_label or "analysing…")
        self._show_focus(self.view.cursor, force=True)

    @work(thread=True, exit_on_error=False, group="prewarm")
    def _prewarm(self) -> None:
        """Import what later keys and events need (note editor, brief view, a long text's notes
        seed) off the keypress path, then have the editor made ready on the UI thread."""
        import tui.notes_seed  # noqa: F401 - unpickled with a long text's whole (30 ms to import on a busy machine)
        import tui.screens.brief_view  # noqa: F401
        import tui.screens.note_editor  # noqa: F401

        self.app.call_from_thread(self._prepare_note_editor)

    def _prepare_note_editor(self) -> None:
        from tui.screens.note_editor import NoteEditor

        if self.app.is_screen_installed(NoteEditor.NAME) or self.app.screen is not self:
            return
        # Pushed and popped in one step, the editor is composed, styled and laid out now, while
        # nothing waits for it, not on the first `a` (about 30 ms less on a book). It is never the
        # current screen while a key could reach it, and it is never painted.
        self.app.install_screen(NoteEditor(0, ""), NoteEditor.NAME)
        self.app.push_screen(NoteEditor.NAME)
        self.app.pop_screen()
        # A screen is drawn on the ticks of its update timer (60 a second). A timer's first tick
        # comes a whole period after it first starts, so the first `a` waited 17 ms more than later
        # ones: started now, the timer spends its first period idle (it ticks once, drawing nothing as
        # the editor is not the current screen, unless a layout pauses it first; either way the tick
        # after the next resume comes at once).
        # On the 3 MB text while it was analysed, the first `a` of eight fresh readers took 17-73 ms
        # (median 47) without this, 17-30 ms (median 25) with it.
        update_timer = getattr(self.app.get_screen(NoteEditor.NAME), "_update_timer", None)
        if update_timer is not None:
            update_timer.resume()

    def _apply_pane_visibility(self) -> None:
        self.set_class(self.side_hidden, "-side-hidden")
        if not self.side_ready:
            return
        for name in PANES:
            self.pane(name).set_class(not self.config.panes.get(name, True), "-hidden-pane")
        self.set_class(self.side_hidden, "-side-hidden")

    def set_pane_visible(self, name: str, visible: bool) -> None:
        """Show or hide one side pane (wide layout); the choice is remembered in config.toml."""
        self.config.panes[name] = visible
        self.side_hidden = not any(self.config.panes.values())
        self._apply_pane_visibility()
        problem = save_setting("panes", dict(self.config.panes))
        if problem:
            self.notify(problem, severity="warning")

    # -- focus and cursor ------------------------------------------------------

    @on(ParagraphView.CursorMoved)
    def _cursor_moved(self, message: ParagraphView.CursorMoved) -> None:
        self._show_focus(message.index)

    def _show_focus(self, index: int, force: bool = False) -> None:
        self.query_one(ReaderHeader).show(index)
        self.text_state.paragraph = index
        self.read_paragraphs.add(index)
        if not self.side_ready:
            return
        self._show_gist(index)
        self.show_paragraph_notes(index)
        for name in ("summary", "figures", "quotes", "notes"):
            if force:
                self.pane(name).items.current_paragraph = None
            self.pane(name).items.set_current(index)

    def _show_gist(self, index: int) -> None:
        if not self.side_ready:
            return
        gist = self.analysis.summary.gists.get(index) if self.analysis else None
        self.pane("summary").set_focus_text(gist_text(index, gist, self.analysis is None))

    @on(ItemList.Jump)
    def _jump(self, message: ItemList.Jump) -> None:
        if message.paragraph is None:
            self.notify("This item has no paragraph in the text.", severity="warning")
            return
        self.view.move_cursor(message.paragraph)

    def action_jump(self) -> None:
        focused = self.focused
        if isinstance(focused, ItemList):
            focused.action_select()

    def action_back(self) -> None:
        if self.close_search():
            return
        self.view.focus()

    def action_toggle_panes(self) -> None:
        self.side_hidden = not self.side_hidden
        self.set_class(self.side_hidden, "-side-hidden")
        if self.side_hidden:
            self.view.focus()

    @on(Tabs.TabActivated, "#side-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        name = (event.tab.id or "tab-summary").removeprefix("tab-")
        for pane_name in PANES:
            self.pane(pane_name).set_class(pane_name == name, "-active-tab")

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, ItemList) and widget.id:
            name = widget.id.removeprefix("list-")
            tabs = self.query_one("#side-tabs", Tabs)
            if tabs.active != f"tab-{name}":
                tabs.active = f"tab-{name}"

    def focus_pane(self, name: str) -> None:
        """Show and focus one side pane (used by commands such as "Orphaned notes")."""
        if self.side_hidden:
            self.action_toggle_panes()
        if not self.config.panes.get(name, True):
            self.set_pane_visible(name, True)
        self.query_one("#side-tabs", Tabs).active = f"tab-{name}"
        self.pane(name).items.focus()

    # -- brief ----------------------------------------------------------------

    def action_brief(self) -> None:
        """Write the Markdown brief beside the text (in a thread) and show it."""
        if self.analysis is None:
            self.notify("The analysis is still running; try again in a moment.", severity="warning")
            return
        self._write_brief(self.document, self.analysis)

    @work(thread=True, exclusive=True, exit_on_error=False, group="brief", description="write the brief")
    def _write_brief(self, document: Document, analysis: Analysis) -> None:
        try:
            from tui.brief_write import BriefWriteError, write_brief_for_reader
        except ImportError:
            self.app.call_from_thread(self.notify, "Briefs are not available in this build.",
                                      severity="error")
            return
        try:
            written = write_brief_for_reader(document.path, document, analysis, self.store)
            markdown = written.path.read_text(encoding="utf-8")
        except (BriefWriteError, OSError) as error:
            self.app.call_from_thread(self.notify, str(error), title="Brief not written",
                                      severity="error", timeout=10)
            return
        from tui.screens.brief_view import BriefScreen

        self.app.call_from_thread(self.app.push_screen, BriefScreen(markdown, written.message))

    # -- state ----------------------------------------------------------------

    def remember_position(self) -> None:
        """Fold what was read into the text's state (saved by the app)."""
        fresh = [[index, index] for index in self.read_paragraphs]
        self.text_state.read = merge_ranges(self.text_state.read + fresh)
        self.read_paragraphs.clear()
        self.text_state.total = len(self.document.paragraphs)
        self.text_state.title = self.document.title
        if self.store is not None:
            self.text_state.notes = len(self.store.notes)
