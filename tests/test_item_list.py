"""The side panes' item list: capped, filled in steps, replaced cleanly mid-fill."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.item_list import ITEMS_PER_STEP, MAX_ITEMS, ItemList


class ListApp(App):
    def compose(self) -> ComposeResult:
        yield ItemList(id="items")


def items(count: int, start: int = 0) -> list[tuple[str, int]]:
    return [(f"item {number}", number) for number in range(start, start + count)]


async def filled(app: App, pilot) -> ItemList:
    item_list = app.query_one(ItemList)
    for _ in range(100):
        if not item_list.filling:
            break
        await pilot.pause()
    assert not item_list.filling
    return item_list


async def test_a_long_list_fills_in_steps_then_ends_with_the_rest():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        item_list = app.query_one(ItemList)
        assert item_list.set_items(items(130), total=500) == 500
        assert item_list.option_count == ITEMS_PER_STEP  # the rest comes after a refresh
        await filled(app, pilot)
        assert item_list.option_count == 131
        assert [item_list.paragraph_of(i) for i in (0, 129, 130)] == [0, 129, None]
        last = item_list.get_option_at_index(130)
        assert last.disabled and "370 more" in str(last.prompt)


async def test_the_cap_holds():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        item_list = app.query_one(ItemList)
        assert item_list.set_items(items(MAX_ITEMS + 50)) == MAX_ITEMS + 50
        await filled(app, pilot)
        assert item_list.option_count == MAX_ITEMS + 1


async def test_new_items_mid_fill_replace_the_old_ones():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        item_list = app.query_one(ItemList)
        item_list.set_items(items(300))
        item_list.set_items(items(5, start=1000))
        await filled(app, pilot)
        await pilot.pause()
        assert item_list.option_count == 5
        assert [item_list.paragraph_of(i) for i in range(5)] == list(range(1000, 1005))


async def test_an_empty_list_says_so():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        item_list = app.query_one(ItemList)
        assert item_list.set_items([], "Nothing found.") == 0
        await filled(app, pilot)
        assert item_list.option_count == 1
        assert "Nothing found." in str(item_list.get_option_at_index(0).prompt)


async def test_items_given_as_functions_are_made_step_by_step():
    made: list[int] = []

    def maker(number: int):
        def make() -> tuple[str, int]:
            made.append(number)
            return f"item {number}", number
        return make

    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        item_list = app.query_one(ItemList)
        assert item_list.set_items([maker(n) for n in range(100)], total=250) == 250
        assert made == list(range(ITEMS_PER_STEP))  # only the first step's items, so far
        await filled(app, pilot)
        assert made == list(range(100))
        assert item_list.option_count == 101
        assert [item_list.paragraph_of(i) for i in (0, 99, 100)] == [0, 99, None]
        assert "item 99" in str(item_list.get_option_at_index(99).prompt)
        assert "150 more" in str(item_list.get_option_at_index(100).prompt)
