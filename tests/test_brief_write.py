"""Writing a brief for the reader's ``B`` key: beside the text, never over a file that is not a brief."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import tui.brief_write as brief_write
from test_brief_support import GOLDEN, load_analysis
from tui.brief import BRIEF_MARKER, BriefOptions
from tui.brief_write import BriefWriteError, brief_conflict, brief_name, is_brief_file, write_brief, write_brief_for_reader
from tui.loader import load_document
from tui.notes import NotesStore

MADE = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


@pytest.fixture
def text(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "texts" / "river.txt"
    path.parent.mkdir()
    path.write_text((GOLDEN / "river.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def press_b(path: Path, **kwargs):
    document = load_document(str(path))
    store = NotesStore.open(str(path), document)
    store.add(2, "Compare with the 1998 flood.", tags=["history"])
    return write_brief_for_reader(str(path), document, load_analysis(GOLDEN / "river.analysis.json"), store,
                                  made_at=MADE, **kwargs)


def test_brief_name():
    assert brief_name("a/harbour.md") == "harbour.brief.md"
    assert brief_name("notes.v2.txt") == "notes.v2.brief.md"
    assert brief_name("-") == "text.brief.md"


def test_b_writes_name_brief_md_beside_the_text_and_says_where(text):
    written = press_b(text)
    assert written.path == text.parent / "river.brief.md"
    assert written.message == f"Brief written to {written.path}"
    assert not written.fallback and not written.renamed
    content = written.path.read_text(encoding="utf-8")
    assert content.startswith(BRIEF_MARKER) and "brief made 2026-01-02 03:04 UTC" in content
    assert "- Compare with the 1998 flood. — *tags: history*" in content
    assert [p.name for p in text.parent.iterdir() if p.name.startswith(".closeread-")] == []


def test_b_replaces_its_own_earlier_brief(text):
    first = press_b(text)
    first.path.write_text(BRIEF_MARKER + "\n\nold brief\n", encoding="utf-8")
    again = press_b(text)
    assert again.path == first.path and "old brief" not in again.path.read_text(encoding="utf-8")


def test_b_never_overwrites_a_file_that_is_not_a_brief(text):
    mine = text.parent / "river.brief.md"
    mine.write_text("# My own hand-written brief\n", encoding="utf-8")
    written = press_b(text)
    assert written.path == text.parent / "river.brief-1.md" and written.renamed
    assert "kept the existing river.brief.md, which is not a closeread brief" in written.message
    assert mine.read_text(encoding="utf-8") == "# My own hand-written brief\n"
    assert press_b(text).path == written.path  # brief-1 is ours now: reused, not brief-2


def test_overwrite_after_asking_replaces_the_file(text):
    mine = text.parent / "river.brief.md"
    assert brief_conflict(text) is None
    mine.write_text("not a brief\n", encoding="utf-8")
    assert brief_conflict(text) == mine  # the reader asks before overwrite=True
    written = press_b(text, overwrite=True)
    assert written.path == mine and is_brief_file(mine)


def test_read_only_folder_falls_back_to_the_data_directory(text, tmp_path, monkeypatch):
    monkeypatch.setattr(brief_write, "_folder_is_writable", lambda folder: False)
    written = press_b(text)
    assert written.path == tmp_path / "data" / "briefs" / "river.brief.md"
    assert written.fallback and f"({text.parent} is read-only)" in written.message
    assert not (text.parent / "river.brief.md").exists()


def test_permission_error_while_writing_falls_back_too(text, tmp_path, monkeypatch):
    real = brief_write.write_text_atomically

    def refuse_beside_text(path, content):
        if path.parent == text.parent:
            raise PermissionError(13, "Permission denied")
        real(path, content)

    monkeypatch.setattr(brief_write, "write_text_atomically", refuse_beside_text)
    written = write_brief(text, "x", data_dir=tmp_path / "elsewhere")
    assert written.path == tmp_path / "elsewhere" / "briefs" / "river.brief.md" and written.fallback


def test_too_many_foreign_files_is_a_one_line_error(text, monkeypatch):
    monkeypatch.setattr(brief_write, "MAX_ALTERNATIVES", 2)
    for name in ("river.brief.md", "river.brief-1.md", "river.brief-2.md"):
        (text.parent / name).write_text("mine\n", encoding="utf-8")
    with pytest.raises(BriefWriteError, match="in the way"):
        write_brief(text, BRIEF_MARKER + "\n")


def test_options_are_passed_through(text):
    document = load_document(str(text))
    written = write_brief_for_reader(str(text), document, None, None, options=BriefOptions(sections=("notes",)))
    content = written.path.read_text(encoding="utf-8")
    assert "## Notes" in content and "## Summary" not in content and "brief made" not in content
