"""The benchmark's text generator: deterministic, sized as asked, shaped like articles."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

GEN_PATH = Path(__file__).resolve().parent.parent / "bench" / "gen_text.py"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("bench_gen_text", GEN_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def text(gen) -> str:
    return gen.generate(0.1, seed=7)


def test_same_seed_gives_same_text(gen, text):
    assert gen.generate(0.1, seed=7) == text


def test_other_seed_gives_other_text(gen, text):
    assert gen.generate(0.1, seed=8) != text


@pytest.mark.parametrize("size_mb", [0.05, 0.2])
def test_size_is_close_to_the_request(gen, size_mb):
    size = len(gen.generate(size_mb).encode("utf-8"))
    assert size_mb * 1e6 <= size <= size_mb * 1e6 * 1.05


def test_has_headings_and_bylines(text):
    assert len(re.findall(r"^# ", text, re.M)) >= 10
    assert len(re.findall(r"^## ", text, re.M)) >= 20
    assert re.search(r"^\*By [A-Z][a-z]+ [A-Z][a-z]+ \u2014 \d{1,2} [A-Z][a-z]+ \d{4}\*$", text, re.M)


def test_has_quotes_of_both_styles(text):
    assert text.count("\u201c") >= 20
    assert len(re.findall(r'"[A-Z][^"]+"', text)) >= 20


def test_has_figures_of_several_kinds(text):
    assert re.search(r"\d+(\.\d)?%", text)
    assert re.search(r"[$\u00a3\u20ac]\d+(\.\d)?(m|bn)\b", text)
    assert re.search(r"\d{1,3},\d{3} to \d{1,3},\d{3}", text)
    assert re.search(r"\b\d+ (km|kg|tonnes|hectares|MW|litres)\b", text)


def test_has_lists_and_notes(text):
    assert re.search(r"^- ", text, re.M)
    assert re.search(r"^1\. Figures from", text, re.M)


def test_paragraphs_average_about_300_bytes(text):
    body = [b for b in text.split("\n\n") if b[:1].isalpha() or b[:1] in "\u201c\""]
    average = sum(len(b.encode("utf-8")) for b in body) / len(body)
    assert 250 <= average <= 450


def test_first_marker_is_the_start_of_the_first_body_paragraph(gen, text):
    marker = gen.first_marker(text)
    first_body = next(b for b in text.split("\n\n") if b[:1].isalpha())
    assert first_body.startswith(marker)
    assert len(marker.split()) == 4


def test_cli_writes_the_file(gen, tmp_path):
    out = tmp_path / "t.md"
    assert gen.main(["0.01", str(out), "--seed", "3"]) == 0
    assert out.read_text(encoding="utf-8") == gen.generate(0.01, seed=3)


@pytest.fixture(scope="module")
def screen_module():
    spec = importlib.util.spec_from_file_location("bench_tmux_screen", GEN_PATH.parent / "tmux_screen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_changed_rows_finds_differences_and_length_changes(screen_module):
    assert screen_module.changed_rows(["a", "b", "c"], ["a", "x", "c"]) == {1}
    assert screen_module.changed_rows(["a"], ["a", "b"]) == {1}
    assert screen_module.changed_rows(["a", "b"], ["a", "b"]) == set()


def test_process_tree_of_this_process_contains_itself(screen_module):
    import os

    assert os.getpid() in screen_module.process_tree(os.getpid())
    assert screen_module.peak_rss_mb(os.getpid()) > 1


@pytest.fixture(scope="module")
def run_module():
    spec = importlib.util.spec_from_file_location("bench_run", GEN_PATH.parent / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("bench_run", None)


def test_percentile_is_nearest_rank(run_module):
    values = [float(v) for v in range(20, 0, -1)]
    assert run_module.percentile(values, 0.95) == 19
    assert run_module.percentile(values, 0.5) == 10
    assert run_module.percentile([7.0], 0.95) == 7


def test_a_key_that_never_changes_the_screen_misses(run_module):
    assert run_module.latency_row("j", [0.01, None]).verdict == "MISSED"
    assert run_module.latency_row("j", [0.01, 0.02]).verdict == "ok"
    assert run_module.latency_row("esc", [0.2], targeted=False).verdict == ""


def test_real_news_text_is_written_once_or_skipped(run_module, tmp_path, monkeypatch):
    path = run_module.write_news(tmp_path)
    if path is None:  # no ../shared/data here: the bench leaves the real news out
        assert not list(tmp_path.iterdir())
    else:
        text = path.read_text(encoding="utf-8")
        assert len(text) == 1_000_000 and "\n\n" in text
        stamp = path.stat().st_mtime_ns
        assert run_module.write_news(tmp_path) == path and path.stat().st_mtime_ns == stamp
    monkeypatch.setattr(run_module, "news_text", lambda size: None)
    assert run_module.write_news(tmp_path / "elsewhere") is None


def test_key_log_percentiles_name_the_slow_tail():
    spec = importlib.util.spec_from_file_location("bench_key_log", GEN_PATH.parent / "key_log.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    line = module.percentiles([float(v) for v in range(1, 101)])
    assert line.startswith("n=100  p50 51.0  p90 91.0  p95 96.0") and line.endswith("max 100.0 ms")


def test_first_paint_rows_tell_the_machines_speed(run_module, tmp_path, monkeypatch):
    big = tmp_path / "big.md"
    big.write_text("# Title\n\nFirst words of the text.\n", encoding="utf-8")
    times = iter([0.54, 0.81])  # blank app, then closeread
    monkeypatch.setattr(run_module, "first_paint", lambda *args: next(times))
    blank, reader = run_module.paint_rows(None, big, tmp_path, runs=1)
    assert blank.value.startswith("0.540 s = 2.00x the issue's 0.27 s")
    assert reader.value == "0.810 s = 1.50x blank" and reader.verdict == "ok"
