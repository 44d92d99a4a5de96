"""Snapshots of the reader's screens (pytest-textual-snapshot); look at each before accepting.

Update with ``pytest tests/test_snapshots.py --snapshot-update`` and review the SVGs in
``tests/__snapshots__/``. The analysis is fixed (see ``reader_helpers``) so extractor work
elsewhere never changes these pictures.
"""

from __future__ import annotations

import pytest

from reader_helpers import wait_until_settled
from tui.app import ReaderApp


pytestmark = pytest.mark.usefixtures("fixed_reader_analysis")


async def settled(pilot) -> None:
    await wait_until_settled(pilot.app, pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


class TestMainScreen:
    @pytest.mark.parametrize("theme", ["closeread-dark", "closeread-light"])
    def test_wide(self, snap_compare, text, theme):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("j", "j")
            await pilot.pause()

        assert snap_compare(ReaderApp(str(text), theme=theme), terminal_size=(160, 48),
                            run_before=run_before)

    @pytest.mark.parametrize("theme", ["closeread-dark", "closeread-light"])
    def test_narrow(self, snap_compare, text, theme):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("j", "j")
            await pilot.pause()

        assert snap_compare(ReaderApp(str(text), theme=theme), terminal_size=(90, 30),
                            run_before=run_before)

    def test_search_highlights(self, snap_compare, text):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("slash", *"library", "enter")
            await pilot.pause()

        assert snap_compare(ReaderApp(str(text)), terminal_size=(120, 36), run_before=run_before)


class TestDialogs:
    def test_help(self, snap_compare, text):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(ReaderApp(str(text)), terminal_size=(120, 36), run_before=run_before)

    def test_note_editor(self, snap_compare, text):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("j", "j", "a", *"Ask for the petition count.")
            await pilot.pause()

        assert snap_compare(ReaderApp(str(text)), terminal_size=(120, 36), run_before=run_before)

    def test_too_small(self, snap_compare, text):
        assert snap_compare(ReaderApp(str(text)), terminal_size=(50, 12))
