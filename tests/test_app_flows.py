"""Pilot tests of the reader's other flows: themes, layout, reload, read-only notes, state, start."""

from __future__ import annotations

import pytest

from reader_helpers import SAMPLE, wait_until_settled
from tui.app import ReaderApp
from tui.config import load_config
from tui.screens.commands import ask_paragraph
from tui.screens.dialogs import GotoScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.loading import open_text
from tui.screens.reader import ReaderScreen
from tui.screens.start import StartScreen
from tui.widgets.paragraph_view import ParagraphView

SIZE = (120, 36)


pytestmark = pytest.mark.usefixtures("fixed_reader_analysis")


async def settle(app, pilot) -> None:
    await wait_until_settled(app, pilot)


def cursor(app) -> int:
    return app.screen.query_one(ParagraphView).cursor


async def test_theme_switch_is_remembered(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "closeread-dark"
        app.theme = "closeread-light"
        await pilot.pause()
        assert not app.current_theme.dark
    config, problem = load_config()
    assert problem is None and config.theme == "closeread-light"


async def test_theme_from_command_line_is_remembered(text):
    app = ReaderApp(str(text), theme="textual-light")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light"
        # Built-in themes get highlight colours too.
        assert app.theme_variables["figure-highlight"]
    assert load_config()[0].theme == "textual-light"


async def test_unknown_theme_falls_back_with_message(text):
    app = ReaderApp(str(text), theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "closeread-dark"
        assert any("no-such-theme" in m for m in app.messages)


async def test_broken_theme_file_is_reported(text, tmp_path, monkeypatch):
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text("name = \n", encoding="utf-8")
    (themes / "fine.toml").write_text('name = "fine"\n[colors]\nprimary = "#336699"\n', encoding="utf-8")
    monkeypatch.setattr("tui.themes.THEMES_DIR", themes)
    app = ReaderApp(str(text), theme="fine")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "fine"
        assert any("broken.toml" in m for m in app.messages)


async def test_malformed_config_gives_defaults_and_message(text, isolated_dirs):
    (isolated_dirs["config"] / "config.toml").write_text("theme = [unclosed\n", encoding="utf-8")
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "closeread-dark"
        assert any("not valid TOML" in m for m in app.messages)


async def test_keys_are_remapped_from_config(text, isolated_dirs):
    (isolated_dirs["config"] / "config.toml").write_text(
        '[keys]\nnext_paragraph = "x"\n', encoding="utf-8")
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x", "x")
        assert cursor(app) == 2


async def test_hidden_pane_from_config(text, isolated_dirs):
    (isolated_dirs["config"] / "config.toml").write_text("[panes]\nfigures = false\n", encoding="utf-8")
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert not app.screen.query_one("#pane-figures").display
        assert app.screen.query_one("#pane-quotes").display


async def test_narrow_layout_has_one_tabbed_pane(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#side-tabs").display
        shown = [p.id for p in screen.query(".side-pane") if p.display]
        assert shown == ["pane-summary"]
        await pilot.press("tab")
        await pilot.pause()
        assert [p.id for p in screen.query(".side-pane") if p.display] == ["pane-summary"]
        await pilot.press("escape", "p")
        assert not screen.query_one("#side").display
        await pilot.press("p")
        assert screen.query_one("#side").display


async def test_too_small_terminal_asks_politely(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=(50, 12)) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#too-small").display
        assert not app.screen.query_one("#body").display


async def test_reload_when_text_changes_on_disk(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("j", "j", "a", "n", "ctrl+s")
        await pilot.pause()
        assert len(screen.store.notes_for(2)) == 1
        before = len(screen.document.paragraphs)
        original = text.read_text(encoding="utf-8")
        text.write_text("A new opening paragraph.\n\n" + original, encoding="utf-8")
        screen.check_file()
        await settle(app, pilot)
        assert len(screen.document.paragraphs) == before + 1
        assert len(screen.query_one(ParagraphView).paragraphs) == before + 1
        assert len(screen.store.notes_for(3)) == 1  # followed its paragraph


async def test_corrupt_sidecar_is_read_only(text):
    sidecar = text.with_name(text.name + ".notes.toml")
    sidecar.write_text("this is [not toml\n", encoding="utf-8")
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.store.read_only
        assert "read-only" in str(screen.query_one("#pane-notes").border_subtitle)
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.read_only
        await pilot.press("escape")
        await pilot.press("s")
        assert screen.store.review_of(0) == "none"
    assert sidecar.read_text(encoding="utf-8") == "this is [not toml\n"


async def test_reading_position_is_restored(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j", "j")
        await pilot.press("q")
    again = ReaderApp(str(text))
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert cursor(again) == 4


async def test_start_screen_lists_recent_and_opens(text):
    first = ReaderApp(str(text))
    async with first.run_test(size=SIZE) as pilot:
        await settle(first, pilot)
        await pilot.press("j", "q")
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert str(text.resolve()) in app.screen._paths
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert cursor(app) == 1


async def test_go_to_paragraph_command(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        ask_paragraph(app, app.screen)
        await pilot.pause()
        assert isinstance(app.screen, GotoScreen)
        await pilot.press("5", "enter")
        await pilot.pause()
        assert cursor(app) == 4


async def test_command_palette_offers_reader_commands(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Go to paragraph…", "Export brief", "Show/hide panes", "Theme…", "Orphaned notes"):
            assert wanted in titles
        await pilot.press("colon")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_bad_path_gets_message_not_crash(tmp_path):
    app = ReaderApp(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.open_text(str(tmp_path / "missing.txt"))
        assert isinstance(app.screen, StartScreen)


def test_sample_fixture_exists():
    assert SAMPLE.is_file()


async def test_no_color_is_honoured(text, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.no_color


async def test_hiding_a_pane_is_remembered(text):
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.set_pane_visible("quotes", False)
        await pilot.pause()
        assert not app.screen.query_one("#pane-quotes").display
    assert load_config()[0].panes["quotes"] is False


def long_text(paragraphs: int = 900) -> str:
    """A text well past the preview limit, each paragraph numbered so it can be found."""
    body = "\n\n".join(f"Paragraph {i}: the ferry carried {i * 3} people across the strait "
                       f"on a calm morning, and the harbour master counted every one of them."
                       for i in range(paragraphs))
    return "# A long record\n\n" + body + "\n"


async def test_long_text_shows_preview_then_whole_text(tmp_path):
    path = tmp_path / "long.md"
    path.write_text(long_text(), encoding="utf-8")
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        screen = app.screen
        assert len(screen.document.paragraphs) == 901
        assert len(screen.query_one(ParagraphView).paragraphs) == 901
        assert screen.store is not None and screen.analysis is not None
        await pilot.press("G")
        assert cursor(app) == 900
        await pilot.press("a", "x", "ctrl+s")
        await pilot.pause()
        assert len(screen.store.notes_for(900)) == 1
        await pilot.press("q")
    again = ReaderApp(str(path))
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        await settle(again, pilot)
        assert cursor(again) == 900
        assert again.screen.query_one(ParagraphView).table.exact[900]


async def test_paragraph_view_renders_only_what_is_visible(tmp_path):
    path = tmp_path / "long.md"
    path.write_text(long_text(3000), encoding="utf-8")
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        view = app.screen.query_one(ParagraphView)
        assert len(view.paragraphs) == 3001
        assert len(view._cache) < 100  # rendered strips: only the visible paragraphs
        assert not list(view.query("*"))  # no child widget per paragraph


async def test_unknown_binding_id_in_config_is_reported(text, isolated_dirs):
    (isolated_dirs["config"] / "config.toml").write_text('[keys]\nfly = "f"\n', encoding="utf-8")
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert any("fly" in m for m in app.messages)


@pytest.mark.parametrize("inline", ["1", "0"])
async def test_analysis_runner_fills_the_panes(text, monkeypatch, inline):
    """The real analysis, in a child process (or a thread when processes are unavailable)."""
    monkeypatch.setattr("tui.screens.reader_analysis.USE_ANALYSIS_PROCESS", True)
    monkeypatch.setenv("CLOSEREAD_ANALYSIS_INLINE", inline)
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for _ in range(300):
            await pilot.pause(0.05)
            if screen.analysis is not None:
                break
        assert screen.analysis is not None
        assert screen.analysis.figures  # the sample has figures the extractor finds
        await wait_until_settled(app, pilot)
        assert "analysing" not in str(screen.query_one("#pane-figures").border_subtitle)


@pytest.mark.parametrize("inline", ["1", "0"])
async def test_long_text_is_loaded_and_analysed_by_the_runner(tmp_path, monkeypatch, inline):
    """A long text: the preview first, then the whole text and its analysis from the run."""
    monkeypatch.setattr("tui.screens.reader_analysis.USE_ANALYSIS_PROCESS", True)
    monkeypatch.setenv("CLOSEREAD_ANALYSIS_INLINE", inline)
    path = tmp_path / "long.md"
    path.write_text(long_text(2500), encoding="utf-8")
    assert open_text(str(path)).is_preview  # a preview is painted first
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for _ in range(400):
            await pilot.pause(0.02)
            if len(screen.document.paragraphs) == 2501:
                break
        # The header counts the whole text as soon as it is here, not once it is analysed.
        assert "¶ 1 of 2501" in str(screen.query_one("#header").render())
        for _ in range(400):
            await pilot.pause(0.05)
            if screen.analysis is not None and screen.store is not None:
                break
        assert len(screen.document.paragraphs) == 2501
        assert len(screen.query_one(ParagraphView).paragraphs) == 2501
        assert screen.store is not None and screen.store.document is screen.document
        assert any(figure["paragraph"] > 2000 for figure in screen.analysis.figures)
        await pilot.press("G", "a", "x", "ctrl+s")
        await pilot.pause()
        assert len(screen.store.notes_for(2500)) == 1


async def test_whole_text_keeps_the_layout_of_its_preview(tmp_path, monkeypatch):
    path = tmp_path / "long.md"
    path.write_text(long_text(3000), encoding="utf-8")
    held = []  # the whole text is loaded only once the preview has been looked at
    for name in ("start_full_run", "load_rest"):
        real = getattr(ReaderScreen, name)
        monkeypatch.setattr(ReaderScreen, name,
                            lambda self, *args, real=real: held.append(lambda: real(self, *args)))
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        while not held:
            await pilot.pause()
        view = app.screen.query_one(ParagraphView)
        assert len(view.paragraphs) < 3001  # the preview is painted first
        gutter = view.gutter_width
        wrapped: list[int] = []
        content = view._content

        def counting_content(paragraph):
            if len(view.paragraphs) == 3001 and not view._highlights:  # whole text, not yet analysed
                wrapped.append(paragraph.index)
            return content(paragraph)

        view._content = counting_content
        held[0]()
        await settle(app, pilot)
        await settle(app, pilot)
        assert len(view.paragraphs) == 3001
        assert view.gutter_width == gutter  # sized for the whole text from the start
        shown = range(view.table.paragraph_at(round(view.scroll_y)),
                      view.table.paragraph_at(round(view.scroll_y) + view.size.height) + 1)
        assert not set(shown) & set(wrapped)  # the paragraphs on screen were not wrapped again


async def test_a_key_holds_the_analysis_still_and_a_mouse_move_does_not(text, monkeypatch):
    from textual import events

    import tui.analysis_runner as runner
    from tui.app import USER_INPUT

    came: list[str] = []
    answered: list[int] = []

    def input_came() -> int:
        came.append("input")
        return len(came)

    monkeypatch.setattr(runner, "input_came", input_came)
    monkeypatch.setattr(runner, "input_answered", answered.append)
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        came.clear()
        await pilot.press("j")
        assert came == ["input"]
        await pilot.press("k", "k")
        assert came == ["input"] * 3
        await pilot.pause()
        assert answered == [1, 2, 3]  # each key, once the screen was redrawn after it
    # Pilot hands mouse events to the screen, past the app: what counts is checked on its own.
    assert events.MouseDown in USER_INPUT and events.MouseScrollDown in USER_INPUT
    assert not any(issubclass(events.MouseMove, kind) for kind in USER_INPUT)


async def test_keys_reach_the_app_between_the_steps_of_a_result(text, monkeypatch):
    import asyncio
    import threading
    import time

    from textual import events

    import tui.analysis_runner as runner

    order: list[str] = []
    monkeypatch.setattr(runner, "input_came", lambda: order.append("key") or len(order))
    app = ReaderApp(str(text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen, loop = app.screen, asyncio.get_running_loop()

        def step() -> None:  # 2 ms of work that leaves nothing to redraw, as a highlight step
            until = time.perf_counter() + 0.002
            while time.perf_counter() < until:
                pass
            order.append("step")

        typing = threading.Event()

        def type_keys() -> None:  # what the terminal's input thread does, a key every 3 ms
            while not typing.wait(0.003):
                loop.call_soon_threadsafe(app.post_message, events.Key("x", None))

        keys = threading.Thread(target=type_keys, daemon=True)
        keys.start()
        try:
            screen._run_steps([step] * 30, screen.generation)
            while screen.settling:
                await pilot.pause(0.005)
        finally:
            typing.set()
            keys.join()
            await pilot.pause(0.05)  # the keys still queued, taken while the app is up
        steps_at = [i for i, what in enumerate(order) if what == "step"]
        keys_among_steps = order[steps_at[0]:steps_at[-1]].count("key")
        assert len(steps_at) == 30
        assert keys_among_steps >= 5  # the keys got their turns while the steps ran


async def test_note_editor_opens_before_a_long_texts_notes_and_takes_the_note_when_they_come(tmp_path, monkeypatch):
    import asyncio
    import threading

    from tui.loader import load_document
    from tui.notes import NotesStore

    path = tmp_path / "long.md"
    path.write_text(long_text(), encoding="utf-8")
    NotesStore.open(str(path), load_document(str(path))).add(1, "Check the ferry count")
    notes_may_open = threading.Event()
    open_store = NotesStore.open.__func__

    def open_later(cls, *args, **kwargs):
        notes_may_open.wait(10)
        return open_store(cls, *args, **kwargs)

    monkeypatch.setattr(NotesStore, "open", classmethod(open_later))
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # until the preview is on screen
            await pilot.pause()
            if isinstance(app.screen, ReaderScreen) and app.screen.side_ready:
                break
        screen = app.screen
        assert screen.store is None  # the notes wait for the whole text
        await pilot.press("j", "a", "x")
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.waiting_for_notes
        assert editor.read_only and editor.text == ""  # nothing typed before the note is known
        app.push_screen(GotoScreen(len(screen.document.paragraphs)))  # a screen on top when the notes come
        await pilot.pause()
        notes_may_open.set()
        for _ in range(200):
            await asyncio.sleep(0.01)
            if not editor.waiting_for_notes:
                break
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor and not editor.read_only
        assert editor.text == "Check the ferry count" and editor.paragraph_index == 1
        await pilot.press(*" twice", "ctrl+s")
        await pilot.pause()
        assert [n.text for n in screen.store.notes_for(1)] == ["Check the ferry count twice"]
