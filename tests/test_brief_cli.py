"""``closeread brief``: standard output or -o FILE, sections, notes, several texts, bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_brief_support import GOLDEN, headings, parse
from tui import analysis_cache, analysis_fork, cli_brief
from tui.analysis_fork import may_fork
from tui.brief import BRIEF_MARKER
from tui.cli import main
from tui.loader import load_document
from tui.notes import NotesStore

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def texts(tmp_path, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    for name in ("harbour.md", "river.txt"):
        shutil.copyfile(GOLDEN / name, tmp_path / name)
    return tmp_path / "harbour.md", tmp_path / "river.txt"


def brief(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["brief", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_brief_prints_to_stdout_with_the_time_it_was_made(texts, capsys):
    status, out, err = brief(capsys, str(texts[0]))
    assert status == 0 and err == ""
    assert out.startswith(BRIEF_MARKER) and "brief made " in out
    assert [h for h in headings(parse(out)) if h[0] <= 2] == [
        (1, "Harbour works: $4.2 billion & counting"), (2, "Summary"), (2, "Key figures"),
        (2, "Quoted sources"), (2, "Notes")]


def test_no_timestamp_makes_briefs_byte_identical(texts, capsys):
    first = brief(capsys, str(texts[0]), "--no-timestamp")[1]
    second = brief(capsys, str(texts[0]), "--no-timestamp")[1]
    assert first == second and "brief made" not in first


def test_notes_made_with_the_notes_api_appear_and_no_sidecar_is_created_by_a_brief(texts, capsys):
    river = texts[1]
    status, out, _ = brief(capsys, str(river), "--notes-only", "--no-timestamp")
    assert status == 0 and "No notes or review marks yet." in out
    assert sorted(p.name for p in river.parent.iterdir() if p.is_file()) == ["harbour.md", "river.txt"]
    store = NotesStore.open(str(river), load_document(str(river)))
    store.add(3, "Who ordered the gates opened?", tags=["follow-up"])
    store.set_review(3, "to-check")
    status, out, _ = brief(capsys, str(river), "--notes-only", "--no-timestamp")
    assert [h for h in headings(parse(out))] == [
        (1, "Flood defences on the Ress"), (2, "Notes"), (3, "¶ 4 · to check"), (3, "Review tally")]
    assert "- Who ordered the gates opened? — *tags: follow-up*" in out


def test_sections_option_chooses_and_orders(texts, capsys):
    out = brief(capsys, str(texts[1]), "--sections", "quotes,summary", "--no-timestamp")[1]
    assert [h[1] for h in headings(parse(out)) if h[0] == 2] == ["Quoted sources", "Summary"]


def test_output_file_is_written_and_replaced_only_when_it_is_a_brief(texts, capsys, tmp_path):
    week = tmp_path / "week.md"
    status, out, err = brief(capsys, str(texts[0]), str(texts[1]), "-o", str(week))
    assert status == 0 and out == "" and err.strip() == f"closeread: brief written to {week}"
    content = week.read_text(encoding="utf-8")
    assert headings(parse(content))[:4] == [(1, "Reading brief"), (2, "Contents"),
                                            (2, "Harbour works: $4.2 billion & counting"), (3, "Summary")]
    assert "2. [Flood defences on the Ress](#flood-defences-on-the-ress) — river.txt" in content
    assert brief(capsys, str(texts[1]), "-o", str(week))[0] == 0  # its own brief: replaced

    mine = tmp_path / "mine.md"
    mine.write_text("my notes\n", encoding="utf-8")
    status, _, err = brief(capsys, str(texts[1]), "-o", str(mine))
    assert status == 1 and err.count("\n") == 1 and "not a closeread brief" in err
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert brief(capsys, str(texts[1]), "-o", str(mine), "--force")[0] == 0
    assert mine.read_text(encoding="utf-8").startswith(BRIEF_MARKER)


def test_bad_paths_give_one_line_and_exit_1_without_a_brief(texts, capsys, tmp_path):
    week = tmp_path / "week.md"
    status, out, err = brief(capsys, str(texts[0]), str(tmp_path / "missing.md"), "-o", str(week))
    assert status == 1 and out == "" and not week.exists()
    assert err.count("\n") == 1 and "missing.md" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert brief(capsys, str(empty))[0] == 1
    assert brief(capsys, str(tmp_path))[0] == 1


def test_unwritable_output_is_one_line(texts, capsys, tmp_path):
    status, _, err = brief(capsys, str(texts[1]), "-o", str(tmp_path / "no" / "such" / "dir.md"))
    assert status == 1 and err.count("\n") == 1


def test_bad_usage_exits_2(texts, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["brief", str(texts[0]), "--sections", "summary,figs"])
    assert stop.value.code == 2 and "unknown section 'figs'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["brief", str(texts[0]), "--sections", "notes", "--notes-only"])


def test_the_console_script_reads_standard_input(texts):
    env = {**os.environ, "CLOSEREAD_DATA_DIR": str(texts[0].parent / "data")}
    result = subprocess.run([sys.executable, "-m", "tui", "brief", "-", "--no-timestamp",
                             "--summary-sentences", "2"],
                            input=(GOLDEN / "river.txt").read_text(encoding="utf-8"), capture_output=True,
                            text=True, cwd=REPO, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "# Flood defences on the Ress" in result.stdout and "standard input" in result.stdout


def test_summary_sentences_asked_for_are_not_capped(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Boat number {i} sailed {i + 3} miles before noon on day {i}."
                                  for i in range(40)) + "\n", encoding="utf-8")
    out = brief(capsys, str(path), "--sections", "summary", "--summary-sentences", "20", "--no-timestamp")[1]
    items = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(items) == 20 and "left out" not in out


@pytest.mark.skipif(not may_fork(), reason="forking is offered on Linux with two cores")
def test_a_parallel_brief_has_cached_its_analyses_when_it_returns(texts, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(analysis_fork, "MIN_CHARS", 1)  # the long-text path, on short texts
    monkeypatch.setenv(analysis_cache.CACHE_ENV, str(tmp_path / "cache"))
    real_store = analysis_cache.store_cached

    def slow_store(*args):  # in the forked child: the brief is written long before
        time.sleep(0.5)
        return real_store(*args)

    monkeypatch.setattr(analysis_cache, "store_cached", slow_store)
    status, out, _ = brief(capsys, *map(str, texts), "--no-timestamp")
    assert status == 0 and out.startswith(BRIEF_MARKER)
    for path in texts:
        assert analysis_cache.load_cached(load_document(str(path))) is not None, path


@pytest.mark.skipif(not may_fork(), reason="forking is offered on Linux with two cores")
def test_a_long_texts_notes_are_read_in_a_child_and_the_brief_is_the_same(texts, tmp_path, capsys, monkeypatch):
    path = texts[0]
    store = NotesStore.open(str(path), load_document(str(path)))
    store.add(2, "Check the *cost* against the budget")
    store.cycle_review(4)
    monkeypatch.setenv(analysis_cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv("CLOSEREAD_WORKERS", "1")
    one_process = brief(capsys, str(path), "--no-timestamp")[1]
    monkeypatch.delenv("CLOSEREAD_WORKERS")
    monkeypatch.setattr(analysis_fork, "MIN_CHARS", 1)  # the long-text path, on a short text
    readers = []
    real_load = cli_brief._load_notes
    monkeypatch.setattr(cli_brief, "_load_notes", lambda *args: (readers.append(os.getpid()), real_load(*args))[1])
    forked = brief(capsys, str(path), "--no-timestamp")[1]
    assert forked == one_process and "Check the \\*cost\\* against the budget" in forked
    assert readers == []  # the notes were not read in this process (the child's list is its own)
