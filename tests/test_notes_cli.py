"""``closeread notes`` and ``closeread note``: output, JSON shape, exit statuses."""

from __future__ import annotations

import io
import json

import pytest

from tui import cli_notes, notes_location
from tui.cli import main

TEXT = """# Harbour closes to lorries

The council voted on Tuesday to close the old harbour to lorries after a long dispute.

Fishermen said the decision would cost them about a third of their income each winter.

The mayor promised a review of the traffic plan before the summer season begins.
"""


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLOSEREAD_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def article(tmp_path) -> str:
    path = tmp_path / "article.md"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def listing(capsys, path: str) -> dict:
    status, out, _ = run(capsys, "notes", path, "--json")
    assert status == 0
    return json.loads(out)


def test_add_list_edit_delete(capsys, article):
    status, out, err = run(capsys, "note", article, "--paragraph", "2", "--text", "Which third?",
                           "--tag", "figures", "--tag", "check", "--status", "to-check")
    assert status == 0 and out.startswith("added note ") and err == ""
    shown = listing(capsys, article)
    assert shown["path"] == article and shown["sidecar"].endswith("article.md.notes.toml")
    [note] = shown["notes"]
    assert (note["paragraph"], note["anchor"], note["review"], note["tags"], note["text"]) == (
        2, "ok", "to-check", ["figures", "check"], "Which third?")
    assert run(capsys, "note", article, "--edit", note["id"], "--text", "Which third? Ask.")[0] == 0
    assert listing(capsys, article)["notes"][0]["text"] == "Which third? Ask."
    status, out, _ = run(capsys, "notes", article)
    assert "¶ 3 (index 2)" in out and "#figures" in out and "Which third? Ask." in out
    assert run(capsys, "note", article, "--delete", note["id"])[0] == 0
    assert listing(capsys, article)["notes"] == []


def test_review_status_alone(capsys, article):
    assert run(capsys, "note", article, "--paragraph", "1", "--status", "verified")[0] == 0
    shown = listing(capsys, article)
    assert shown["notes"] == [] and shown["reviews"][0]["status"] == "verified"
    assert shown["reviews"][0]["paragraph"] == 1


def test_text_from_standard_input(capsys, article, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("line one\nline \"two\"\n"))
    assert run(capsys, "note", article, "--paragraph", "3", "--text", "-")[0] == 0
    assert listing(capsys, article)["notes"][0]["text"] == "line one\nline \"two\"\n"


def test_orphans_are_listed_last_and_can_be_attached(capsys, article, tmp_path):
    run(capsys, "note", article, "--paragraph", "3", "--text", "about the mayor")
    run(capsys, "note", article, "--paragraph", "1", "--text", "about the vote")
    (tmp_path / "article.md").write_text(TEXT.replace(
        "The mayor promised a review of the traffic plan before the summer season begins.",
        "An unrelated closing line about tomorrow's weather forecast for the coast."), encoding="utf-8")
    notes = listing(capsys, article)["notes"]
    assert [(n["text"], n["paragraph"], n["anchor"]) for n in notes] == [
        ("about the vote", 1, "ok"), ("about the mayor", None, "orphan")]
    status, out, _ = run(capsys, "notes", article)
    assert out.index("about the vote") < out.index("orphan") and "was attached to" in out
    assert run(capsys, "note", article, "--attach", notes[1]["id"], "--paragraph", "3")[0] == 0
    assert listing(capsys, article)["notes"][1]["paragraph"] == 3


@pytest.mark.parametrize(
    "argv, message",
    [
        (["notes", "missing.md"], "no such file"),
        (["note", "missing.md", "--paragraph", "1", "--text", "x"], "no such file"),
        (["note", "{a}", "--paragraph", "9", "--text", "x"], "out of range"),
        (["note", "{a}", "--paragraph", "-1", "--status", "verified"], "out of range"),
        (["note", "{a}", "--edit", "deadbeef", "--text", "x"], "no note with id"),
        (["note", "{a}", "--paragraph", "1", "--text", "   "], "empty"),
    ],
)
def test_errors_exit_1_with_one_line(capsys, article, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *[a.replace("{a}", article) for a in argv])
    assert status == 1 and out == ""
    assert message in err and err.count("\n") == 1 and err.startswith("closeread: ")


def test_corrupt_sidecar_exits_1_and_is_untouched(capsys, article):
    sidecar = article + ".notes.toml"
    with open(sidecar, "w", encoding="utf-8") as handle:
        handle.write("format = 1\n[[notes]\n")
    for argv in (["notes", article], ["notes", article, "--json"], ["note", article, "--paragraph", "1", "--text", "x"]):
        status, out, err = run(capsys, *argv)
        assert status == 1 and "line 2" in err and err.count("\n") == 1
    assert open(sidecar, encoding="utf-8").read() == "format = 1\n[[notes]\n"


def test_no_writable_place_exits_1(capsys, article, monkeypatch):
    monkeypatch.setattr(notes_location, "is_writable_dir", lambda d: False)
    status, _, err = run(capsys, "note", article, "--paragraph", "1", "--text", "x")
    assert status == 1 and "not writable" in err


def test_fallback_location_is_announced(capsys, article, tmp_path, monkeypatch):
    folder = tmp_path
    monkeypatch.setattr(notes_location, "is_writable_dir", lambda d: d != folder and d.is_dir())
    status, out, err = run(capsys, "note", article, "--paragraph", "1", "--text", "x")
    assert status == 0 and "notes are kept in" in err and str(tmp_path / "data") in err


def test_usage_errors_exit_2(capsys, article):
    assert run(capsys, "note", article)[0] == 2
    assert run(capsys, "note", article, "--attach", "abc")[0] == 2
    assert run(capsys, "note", article, "--edit", "abc")[0] == 2


def test_control_characters_are_not_sent_to_the_terminal(capsys, article):
    run(capsys, "note", article, "--paragraph", "1", "--text", "red \x1b[31m alert")
    _, out, _ = run(capsys, "notes", article)
    assert "\x1b" not in out and "\\x1b" in out
    assert cli_notes._printable("a\tb") == "a\tb"
