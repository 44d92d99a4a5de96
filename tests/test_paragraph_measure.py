"""The paragraph view's idle measuring: held heights above the view, and a scrollbar drawn only when it changes."""

from __future__ import annotations

import pytest

from reader_helpers import wait_until_settled
from tui.app import ReaderApp
from tui.widgets.layout import LineTable
from tui.widgets.paragraph_view import ParagraphView

SIZE = (120, 36)

pytestmark = pytest.mark.usefixtures("fixed_reader_analysis")


def test_held_heights_are_skipped_then_set_together():
    table = LineTable(4)
    table.reset([2, 2, 2, 2])
    table.hold(0, 5)
    table.hold(1, 2)
    assert table.held == 2 and table.total == 8  # held, not set
    assert table.next_inexact(0) == 2  # a held height is not measured again
    assert table.set_height(1, 3) and table.held == 1  # a rendered height wins over a held one
    assert table.apply_held() and table.heights == [5, 3, 2, 2] and table.total == 12
    assert table.held == 0 and table.exact[0] and table.next_inexact(0) == 2


def test_a_height_is_not_held_once_exact_and_reset_drops_what_is_held():
    table = LineTable(2)
    table.reset([2, 2])
    table.set_height(0, 4)
    table.hold(0, 9)
    assert table.held == 0 and table.heights[0] == 4
    table.hold(1, 7)
    table.reset([3, 3])
    assert table.held == 0 and table.next_inexact(0) == 0 and not table.apply_held()


def wordy_text(paragraphs: int = 1500) -> str:
    """Paragraphs of long words, which wrap to more lines than their length suggests."""
    words = "internationalisation counterrevolutionaries telecommunications"
    body = "\n\n".join(f"Paragraph {i}: " + " ".join([words] * (2 + i % 7)) for i in range(paragraphs))
    return "# Long words\n\n" + body + "\n"


def measure_to_the_end(view: ParagraphView, scroll_positions: list[float]) -> None:
    """Run the idle measuring by hand (no await, so the view's own timer cannot run meanwhile)."""
    for _ in range(len(view.table) // 50 + 10):
        view._measure_some()
        scroll_positions.append(view.scroll_y)
        if view.table.next_inexact(0) is None and not view.table.held:
            return


def wordy_reader(tmp_path) -> ReaderApp:
    path = tmp_path / "wordy.md"
    path.write_text(wordy_text(), encoding="utf-8")
    return ReaderApp(str(path))


async def view_when_settled(app: ReaderApp, pilot, at_end: bool = False) -> ParagraphView:
    """The reader's paragraph view once the text is in; ``at_end``: on the last paragraph, every
    height a guess again (as after a change of width), so that the test measures them by hand."""
    await wait_until_settled(app, pilot)
    await wait_until_settled(app, pilot)
    view = app.screen.query_one(ParagraphView)
    if at_end:
        await pilot.press("G")
        await pilot.pause()
        view._relayout()
    return view


async def test_measuring_above_the_view_moves_the_text_once_and_keeps_it_in_place(tmp_path):
    app = wordy_reader(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await view_when_settled(app, pilot, at_end=True)
        table = view.table
        top = table.paragraph_at(round(view.scroll_y))
        inside = round(view.scroll_y) - table.top(top)
        start = view.scroll_y
        positions: list[float] = []
        measure_to_the_end(view, positions)
        assert table.next_inexact(0) is None and table.held == 0 and all(table.exact)
        assert positions[:-1] == [start] * (len(positions) - 1)  # still while the heights were held
        assert positions[-1] != start  # then moved once, as the heights above changed
        assert table.paragraph_at(round(view.scroll_y)) == top
        assert round(view.scroll_y) - table.top(top) == inside


async def test_a_held_paragraph_scrolled_into_view_is_measured_when_drawn(tmp_path):
    app = wordy_reader(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await view_when_settled(app, pilot, at_end=True)
        view._idle_from = 0
        view._measure_some()  # holds the first batch: they are above the view
        assert view.table.held
        await pilot.press("g")
        await pilot.pause()
        assert view.table.exact[0]
        assert view.table.heights[0] == len(view._strips(0, view.cursor == 0))


async def test_the_scrollbar_is_drawn_again_only_when_the_length_changes_enough(tmp_path):
    app = wordy_reader(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await view_when_settled(app, pilot)
        drawn = view._bar_size
        assert drawn is not None and drawn.height == view.table.total
        last = len(view.table) - 1
        view.table.set_height(last, view.table.heights[last] + 1)
        view._update_virtual_size()
        assert view.virtual_size.height == drawn.height + 1  # scrolling knows the true length
        assert view._bar_size == drawn  # but the bar, which would not move, is not drawn
        view.table.set_height(last, view.table.heights[last] + drawn.height // 100)
        view._update_virtual_size()
        assert view._bar_size is not None and view._bar_size.height == view.table.total
