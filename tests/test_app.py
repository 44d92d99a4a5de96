"""Pilot tests of the reader: navigation, panes, search, notes, status, brief, layout."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from reader_helpers import wait_until_settled
from tui.app import ReaderApp
from tui.screens.brief_view import BriefScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.reader import ReaderScreen
from tui.widgets.item_list import ItemList
from tui.widgets.paragraph_view import ParagraphView

SIZE = (120, 36)


pytestmark = pytest.mark.usefixtures("fixed_reader_analysis")


async def settle(app, pilot) -> None:
    await wait_until_settled(app, pilot)


def reader(app) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


def cursor(app) -> int:
    return app.screen.query_one(ParagraphView).cursor


def index_of(app, fragment: str) -> int:
    return next(p.index for p in reader(app).document.paragraphs if fragment in p.text)


async def test_opens_on_first_paragraph_with_header(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert cursor(app) == 0
        header = str(screen.query_one("#header").render())
        assert "Town library" in header
        assert f"¶ 1 of {len(screen.document.paragraphs)}" in header
        assert isinstance(app.focused, ParagraphView)


async def test_keyboard_navigation(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        last = len(reader(app).document.paragraphs) - 1
        await pilot.press("j", "j", "down")
        assert cursor(app) == 3
        await pilot.press("k", "up")
        assert cursor(app) == 1
        await pilot.press("G")
        assert cursor(app) == last
        await pilot.press("g")
        assert cursor(app) == 0
        await pilot.press("end")
        assert cursor(app) == last
        await pilot.press("home")
        assert cursor(app) == 0


async def test_keys_hold_off_the_idle_collection(text):
    import gc

    from tui.gc_pause import IDLE_SECONDS, READER_THRESHOLDS

    before = gc.get_threshold()
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert gc.get_threshold() == READER_THRESHOLDS
        await pilot.press("j")
        gc.collect(0)  # a young pass, as while a key is answered: the older ones are due
        assert gc.get_count()[1] > 0
        assert app.idle_collector.tick() is None  # a key just came
        # The app's own ticks collect in the pause. Polled: an idle app may still allocate enough
        # for one more young pass right after a collection, which the next tick then collects.
        await pilot.pause(IDLE_SECONDS)
        for _ in range(20):
            if gc.get_count()[1] == 0:
                break
            await pilot.pause(0.05)
        assert gc.get_count()[1] == 0
    assert gc.get_threshold() == before


async def test_paging_moves_by_a_screen(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ParagraphView)
        await pilot.press("space")
        assert cursor(app) > 1
        assert view.scroll_y > 0
        after_page = cursor(app)
        await pilot.press("b")
        assert cursor(app) < after_page
        await pilot.press("pagedown")
        assert cursor(app) > 0


async def test_click_focuses_paragraph(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(ParagraphView)
        target = 3
        line = view.table.top(target) - round(view.scroll_y)
        await pilot.click(ParagraphView, offset=(10, line))
        assert cursor(app) == target


async def test_search_highlights_and_steps_through_matches(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"library")
        await pilot.press("enter")
        screen = reader(app)
        assert screen.matches and len(screen.matches) >= 2
        assert cursor(app) == screen.matches[0]
        assert "/library" in str(screen.query_one("#header").render())
        await pilot.press("n")
        assert cursor(app) == screen.matches[1]
        await pilot.press("N")
        assert cursor(app) == screen.matches[0]
        assert isinstance(app.focused, ParagraphView)


async def test_search_escape_closes_bar(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "x")
        await pilot.press("escape")
        assert not app.screen.query_one("#search-bar").has_class("-open")
        assert isinstance(app.focused, ParagraphView)


@pytest.mark.parametrize("pane, fragment", [
    ("figures", "£38,000"),
    ("quotes", "Now they will"),
    ("summary", "9pm on Thursdays"),
])
async def test_jump_from_each_pane(text, pane, fragment):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        items = app.screen.query_one(f"#list-{pane}", ItemList)
        items.focus()
        target = index_of(app, fragment)
        position = next(i for i in range(items.option_count) if items.paragraph_of(i) == target)
        items.highlighted = position
        await pilot.press("enter")
        await pilot.pause()
        assert cursor(app) == target
        await pilot.press("escape")
        assert isinstance(app.focused, ParagraphView)


async def test_tab_moves_between_panes(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, ItemList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ParagraphView)


async def test_focused_paragraph_items_stand_out(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        target = index_of(app, "£38,000")
        app.screen.query_one(ParagraphView).move_cursor(target)
        await pilot.pause()
        assert app.screen.query_one("#list-figures", ItemList).current_paragraph == target


async def test_write_edit_and_discard_note(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check the count")
        await pilot.press("ctrl+s")
        await pilot.pause()
        store = reader(app).store
        assert [n.text for n in store.notes_for(2)] == ["Check the count"]
        sidecar = store.sidecar_path
        assert "Check the count" in sidecar.read_text(encoding="utf-8")
        # Edit it.
        await pilot.press("a")
        await pilot.press(*" twice")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.text for n in store.notes_for(2)] == ["Check the count twice"]
        # Change it, then discard the change after being asked.
        await pilot.press("a")
        await pilot.press(*" and more")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert [n.text for n in store.notes_for(2)] == ["Check the count twice"]


async def test_escape_without_change_closes_editor_at_once(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a", "escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_keep_editing_after_escape(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a", "x", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "x"


async def test_empty_note_deletes(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = reader(app).store
        await pilot.press("a", "x", "ctrl+s")
        await pilot.pause()
        assert len(store.notes) == 1
        await pilot.press("a", "backspace", "ctrl+s")
        await pilot.pause()
        assert store.notes == []


async def test_status_cycles_and_is_saved(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = reader(app).store
        seen = []
        for _ in range(4):
            await pilot.press("s")
            seen.append(store.review_of(0))
        assert seen == ["to-check", "verified", "disputed", "none"]
        await pilot.press("s")
        assert 'status = "to-check"' in store.sidecar_path.read_text(encoding="utf-8")


async def test_gutter_marks_note_and_status(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a", "x", "ctrl+s")
        await pilot.pause()
        await pilot.press("s", "s")
        await pilot.pause()
        view = app.screen.query_one(ParagraphView)
        first_line = view.render_line(round(view.table.top(0) - view.scroll_y)).text
        assert "✎✓" in first_line


async def test_brief_is_written_and_shown(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await settle(app, pilot)
        assert isinstance(app.screen, BriefScreen)
        briefs = list(text.parent.glob("*.brief*.md"))
        assert briefs and "Town library" in briefs[0].read_text(encoding="utf-8")
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_help_lists_keys_of_focused_pane(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        names = [name for name, _ in app.screen.sections]
        assert names[0] == "Paragraphs"
        assert "Reader" in names
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_quit_key(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def timer_started(timer) -> bool:
    """Whether a Textual timer's loop (``Timer._run``) has passed its first wait for a resume: its
    first period then runs from that moment, and the tick after a later resume comes at once."""
    coroutine = timer._task.get_coro() if timer._task else None
    while coroutine is not None and coroutine.cr_code.co_name != "_run":
        coroutine = coroutine.cr_await
    return coroutine is not None and "start" in coroutine.cr_frame.f_locals


async def test_note_editor_is_made_ready_before_the_first_note(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)  # the editor was never left on top
        assert app.is_screen_installed(NoteEditor.NAME)
        editor = app.get_screen(NoteEditor.NAME)
        assert editor.query(TextArea)  # composed already, before any `a`
        # Its drawing timer has been started, with no `a` (it then ticks once, or is paused by a
        # layout first): the first `a` is drawn on its next tick, not a whole period later.
        for _ in range(50):
            if timer_started(editor._update_timer):
                break
            await pilot.pause(0.02)
        assert timer_started(editor._update_timer)
        assert app.screen.focused is screen.view
        await pilot.press("j", "a", *"ok", "ctrl+s")
        await pilot.pause()
        assert [n.text for n in screen.store.notes_for(1)] == ["ok"]


async def test_note_editor_takes_a_theme_chosen_while_it_was_closed(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        dark_background = editor.styles.background
        await pilot.press("escape")
        await pilot.pause()
        app.theme = "closeread-light"
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is editor
        assert editor.styles.background != dark_background
        assert editor.styles.background == app.current_theme.to_color_system().background
        again = editor.styles.background
        await pilot.press("escape", "a")  # no change since: the editor keeps its styles
        await pilot.pause()
        assert app.screen is editor and editor.styles.background == again
