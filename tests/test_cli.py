"""The command line: help, version, the analyze contract and bad input, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tui

REPO = Path(__file__).resolve().parent.parent
CORE_EXEMPT = {"app", "themes"}


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          input=stdin, cwd=REPO, timeout=120)


def test_help_lists_every_subcommand():
    result = run("--help")
    assert result.returncode == 0
    for command in ("read", "analyze", "brief", "notes", "note"):
        assert f"    {command}" in result.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0 and tui.__version__ in result.stdout


def test_version_names_the_build(monkeypatch):
    monkeypatch.setenv("CLOSEREAD_PURE_PYTHON", "1")
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"closeread {tui.__version__}, pure Python"


def test_analyze_json_contract_fields(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A title\n\nBy Jo Li\n\nFirst sentence here. Second one.\n", encoding="utf-8")
    result = run("analyze", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"schema", "path", "title", "author", "date", "paragraphs", "summary", "figures", "quotes",
            "sources"} <= set(data)
    assert data["schema"] == 1 and data["path"] == str(path) and data["title"] == "A title"
    paragraph = data["paragraphs"][2]
    assert set(paragraph) >= {"index", "id", "kind", "text", "sentences"}
    assert paragraph["sentences"] == ["First sentence here.", "Second one."]


def test_analyze_several_paths_gives_json_lines_in_order(tmp_path):
    paths = []
    for name in ("b.txt", "a.md"):
        (tmp_path / name).write_text(f"Title {name}\n\nText of {name}.\n", encoding="utf-8")
        paths.append(str(tmp_path / name))
    result = run("analyze", *paths, "--json")
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["path"] for line in lines] == paths


def test_analyze_reads_standard_input():
    result = run("analyze", "-", "--json", stdin="Title\n\nFrom standard input.\n")
    assert result.returncode == 0
    assert json.loads(result.stdout)["paragraphs"][1]["text"] == "From standard input."


def test_plain_analyze_output_names_the_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Readable title\n\nBody text. More of it.\n", encoding="utf-8")
    result = run("analyze", str(path))
    assert result.returncode == 0 and "Readable title" in result.stdout


@pytest.mark.parametrize("make", ["missing", "directory", "binary", "empty", "blank"])
def test_bad_input_gives_one_line_and_status_1(tmp_path, make):
    path = tmp_path / "x.txt"
    if make == "directory":
        path.mkdir()
    elif make == "binary":
        path.write_bytes(b"\x00\x01\x02binary")
    elif make == "empty":
        path.write_bytes(b"")
    elif make == "blank":
        path.write_text("   \n\n ")
    for args in (("analyze", str(path), "--json"), (str(path),)):
        result = run(*args)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_bad_usage_exits_2():
    assert run("analyze", "--summary-sentences", "zero", "x.txt").returncode == 2


def test_core_modules_do_not_import_textual():
    core = sorted(p.stem for p in (REPO / "tui").glob("*.py") if p.stem not in CORE_EXEMPT | {"__main__"})
    code = ("import sys\n" + "".join(f"import tui.{name}\n" for name in core if name != "__init__")
            + "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
