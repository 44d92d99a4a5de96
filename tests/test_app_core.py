"""Unit tests of the reader's plain parts: config, state, themes, line layout, search, items."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.config import Config, load_config, parse_config, save_setting
from tui.screens.reader_search import compile_search, matching_paragraphs
from tui.state import ReadingState, TextState, merge_ranges
from tui.themes import load_themes, theme_from_toml
from tui.widgets.layout import SEPARATOR_LINES, LineTable, estimate_lines, estimated_heights, wrap_lines
from tui.widgets.pane_items import figure_items, note_line, quote_items, shorten, source_items
from tui.widgets.paragraph_view import find_spans


def test_core_modules_do_not_import_textual():
    code = "import sys, tui.config, tui.state; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- config -----------------------------------------------------------------------


def test_missing_config_gives_defaults():
    config, problem = load_config()
    assert problem is None
    assert config == Config()


def test_config_reads_theme_panes_and_keys():
    config, problem = parse_config(
        'theme = "closeread-light"\n[panes]\nfigures = false\n[keys]\nquit = ["q", "ctrl+q"]\nnote = "e"\n')
    assert problem is None
    assert config.theme == "closeread-light"
    assert config.panes["figures"] is False and config.panes["summary"] is True
    assert config.keys == {"quit": "q,ctrl+q", "note": "e"}


@pytest.mark.parametrize("text, fragment", [
    ("theme = [", "not valid TOML"),
    ("theme = 3", "'theme'"),
    ("[panes]\nsidebar = true", "unknown pane"),
    ("[panes]\nnotes = 'yes'", "panes.notes"),
    ("keys = 3", "'keys'"),
    ("[keys]\nquit = 5", "keys.quit"),
])
def test_malformed_config_says_what_is_wrong(text, fragment):
    config, problem = parse_config(text)
    assert problem and fragment in problem
    assert isinstance(config, Config)


def test_save_setting_keeps_other_settings(isolated_dirs):
    path = isolated_dirs["config"] / "config.toml"
    path.write_text("[keys]\nquit = \"x\"\n", encoding="utf-8")
    assert save_setting("theme", "closeread-light") is None
    config, _ = load_config()
    assert config.theme == "closeread-light" and config.keys == {"quit": "x"}


def test_save_setting_never_overwrites_a_broken_file(isolated_dirs):
    path = isolated_dirs["config"] / "config.toml"
    path.write_text("theme = [", encoding="utf-8")
    assert "not valid TOML" in save_setting("theme", "x")
    assert path.read_text(encoding="utf-8") == "theme = ["


# -- state ------------------------------------------------------------------------


def test_state_round_trip(tmp_path):
    state = ReadingState.load()
    text = tmp_path / "a.txt"
    entry = state.get(text)
    entry.paragraph, entry.total, entry.title, entry.notes = 7, 20, "A", 2
    entry.mark_read(0, 4)
    entry.mark_read(5, 7)
    state.touch(text)
    assert state.save() is None
    again = ReadingState.load()
    restored = again.get(text)
    assert (restored.paragraph, restored.read, restored.total, restored.notes) == (7, [[0, 7]], 20, 2)
    assert restored.percent == 40
    assert again.recent == [str(text.resolve())]


def test_damaged_state_file_is_ignored(isolated_dirs):
    (isolated_dirs["state"] / "reading.json").write_text("{not json", encoding="utf-8")
    assert ReadingState.load().texts == {}


def test_recent_list_moves_text_to_front(tmp_path):
    state = ReadingState.load()
    for name in ("a", "b", "a"):
        state.touch(tmp_path / name)
    assert [p.rsplit("/", 1)[-1] for p in state.recent] == ["a", "b"]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10)), max_size=30))
def test_merge_ranges_covers_the_same_paragraphs(pairs):
    ranges = [[a, a + n] for a, n in pairs]
    merged = merge_ranges(ranges)
    covered = {i for a, b in ranges for i in range(a, b + 1)}
    assert {i for a, b in merged for i in range(a, b + 1)} == covered
    assert all(merged[k][1] + 1 < merged[k + 1][0] for k in range(len(merged) - 1))


def test_text_state_percent_of_empty_text():
    assert TextState().percent == 0


# -- themes -----------------------------------------------------------------------


def test_shipped_themes_load_with_highlights():
    themes, problems = load_themes()
    assert problems == []
    by_name = {t.name: t for t in themes}
    assert by_name["closeread-dark"].dark and not by_name["closeread-light"].dark
    for theme in by_name.values():
        assert {"figure-highlight", "quote-highlight", "note-highlight"} <= set(theme.variables)


@pytest.mark.parametrize("text, fragment", [
    ("name = ", "not valid TOML"),
    ("[colors]\nprimary = '#fff'", "needs a 'name'"),
    ("name = 'x'", "primary"),
    ("name = 'x'\n[colors]\nprimary = '#fff'\nsparkle = '#000'", "unknown colour"),
    ("name = 'x'\n[colors]\nprimary = 'not-a-colour'", "bad colour"),
])
def test_broken_theme_says_why(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        theme_from_toml(text, "t.toml")


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", ["closeread-dark", "closeread-light"])
def test_shipped_themes_have_good_contrast(name):
    theme = {t.name: t for t in load_themes()[0]}[name]
    v = theme.variables
    assert _contrast(theme.foreground, theme.background) >= 7
    assert _contrast(v["figure-highlight"], v["figure-highlight-background"]) >= 4.5
    assert _contrast(v["quote-highlight"], v["quote-highlight-background"]) >= 4.5
    assert _contrast(v["search-highlight"], v["search-highlight-background"]) >= 4.5
    assert _contrast(v["note-highlight"], theme.background) >= 4.5


# -- layout -----------------------------------------------------------------------


def test_line_table_offsets_and_lookup():
    table = LineTable(3)
    table.reset([2, 3, 4])
    assert table.offsets == [0, 2, 5, 9]
    assert [table.paragraph_at(y) for y in (0, 1, 2, 4, 5, 8, 99)] == [0, 0, 1, 1, 2, 2, 2]
    assert table.set_height(1, 5) and table.total == 11
    assert not table.set_height(1, 5)
    assert table.next_inexact(0) == 0 and table.next_inexact(2) == 2


def test_wrap_lines_matches_textual_for_ordinary_text():
    from textual.content import Content

    text = "The later opening will cost about £38,000 a year, mostly for two extra part-time staff."
    for width in (10, 17, 30, 60, 200):
        assert wrap_lines(text, width) == len(Content(text).wrap(width))


def test_estimate_is_cheap_and_positive():
    assert estimate_lines("", 80) == 1
    assert estimate_lines("x" * 1000, 80) >= 1000 // 80


@pytest.mark.parametrize("width", [0, 1, 5, 12, 13, 80])
def test_estimated_heights_are_the_estimates_plus_separators(width):
    lengths = [0, 1, 11, 79, 80, 81, 1000]
    expected = [estimate_lines("x" * length, width) + SEPARATOR_LINES for length in lengths]
    assert estimated_heights(lengths, width) == expected


# -- search and items ------------------------------------------------------------


def test_search_is_literal_and_case_insensitive():
    pattern = compile_search("a.b")
    assert matching_paragraphs(["A.B here", "axb", "none"], pattern) == [0]
    assert compile_search("   ") is None


def test_find_spans_takes_later_occurrences_for_repeats():
    spans = find_spans("12 and 12 again", [("12", "figure"), ("12", "figure"), ("zz", "quote")])
    assert spans == [(0, 2, "figure"), (7, 9, "figure")]


def test_item_formatting():
    assert shorten("one two three four", 9) == "one two…"
    figure = figure_items([{"text": "12%", "counts": "fall in visits", "paragraph": 4}])[0]
    assert figure[1] == 4 and "12% fall in visits  ¶5" == figure[0].plain
    quotes = quote_items([{"text": "Hi", "speaker": None, "kind": "quote", "paragraph": 0},
                          {"text": "term", "speaker": None, "kind": "term", "paragraph": 0}])
    assert [q[0].plain for q in quotes] == ["unattributed: “Hi”  ¶1"]
    sources = source_items([{"name": "Gazette", "paragraph": 2, "paragraphs": [2, 5]}])
    assert sources[0][1] is None and sources[1][0].plain == "Gazette  ¶3, ¶6"
    assert note_line("text", None, None, True).plain.startswith("⚠ orphan")


def test_display_length_is_the_length_of_the_display_text():
    from tui.document import Paragraph
    from tui.widgets.paragraph_view import ParagraphView

    for kind, level in [("body", 0), ("list", 1), ("list", 3), ("quote", 0), ("heading", 2)]:
        paragraph = Paragraph(0, "id", kind, "Some text of a paragraph.", ("Some text of a paragraph.",), level)
        assert ParagraphView._display_length(paragraph) == len(ParagraphView._display_text(paragraph))


class _RecordingItems:
    def set_items(self, items, empty="", total=None):
        self.items, self.total = items, total
        return max(len(items), total or 0)


class _RecordingPane:
    def __init__(self):
        self.items = _RecordingItems()

    def set_count(self, count):
        self.count = count


@pytest.mark.parametrize("quotations", [3, 399, 500])
def test_quotes_pane_gets_the_quotations_then_only_the_sources_that_fit(quotations):
    from types import SimpleNamespace

    from tui.analysis import Analysis
    from tui.screens.reader_analysis import AnalysisMixin
    from tui.widgets.item_list import MAX_ITEMS

    quotes = [{"quote": f"q{i}", "speaker": "A", "paragraph": i, "kind": "quote"} for i in range(quotations)]
    sources = [{"name": f"s{i}", "paragraph": i, "paragraphs": [i]} for i in range(300)]
    panes = {name: _RecordingPane() for name in ("summary", "figures", "quotes")}
    reader = SimpleNamespace(pane=panes.__getitem__)
    for fill in AnalysisMixin._pane_fills(reader, Analysis(quotes=quotes, sources=sources)):
        fill()
    shown = panes["quotes"].items
    assert len(shown.items) <= MAX_ITEMS + 1  # what fits, and no more is built
    assert shown.total == quotations + len(sources) + 1
    expected_sources = 0 if quotations >= MAX_ITEMS else min(len(sources), MAX_ITEMS - quotations)
    assert len(shown.items) == min(quotations, MAX_ITEMS) + (expected_sources + 1 if expected_sources else 0)
    assert panes["quotes"].count == f"{quotations} · 300 sources"


@pytest.mark.parametrize("per_step", [1, 3, 10_000])
def test_highlights_found_in_steps_are_those_of_one_pass(per_step):
    from tui.analysis import Analysis
    from tui.screens.reader_analysis import highlight_steps

    figures = [{"text": f"{i} km", "paragraph": i % 4} for i in range(7)] + [
        {"text": "", "paragraph": 1}, {"text": "9 ships", "paragraph": None}]
    quotes = [{"text": f"said {i}", "paragraph": i % 3} for i in range(5)]
    shown: list[dict] = []
    steps = highlight_steps(Analysis(figures=figures, quotes=quotes), shown.append, per_step=per_step)
    assert len(steps) == -(-len(figures) // per_step) - (-len(quotes) // per_step) + 1
    for step in steps[:-1]:
        step()
        assert not shown  # shown only by the last step, once all are found
    steps[-1]()
    assert shown == [{0: [("0 km", "figure"), ("4 km", "figure"), ("said 0", "quote"), ("said 3", "quote")],
                      1: [("1 km", "figure"), ("5 km", "figure"), ("said 1", "quote"), ("said 4", "quote")],
                      2: [("2 km", "figure"), ("6 km", "figure"), ("said 2", "quote")],
                      3: [("3 km", "figure")]}]
