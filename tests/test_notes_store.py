"""The notes store: saving, refusing, merging, falling back; never losing a note."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tui import notes_location, notes_storage
from tui.document import Document, Paragraph, paragraph_id
from tui.notes import BadParagraph, BadValue, NotesStore, ReadOnlyNotes, UnknownNote

TEXTS = [
    "The harbour report",
    "The council voted on Tuesday to close the old harbour to lorries after a long dispute.",
    "Fishermen said the decision would cost them about a third of their income each winter.",
    "The mayor promised a review of the traffic plan before the summer season begins.",
]


def make_document(texts: list[str], path: str = "article.md") -> Document:
    paragraphs = [Paragraph(i, paragraph_id(t), "body", t, (t,)) for i, t in enumerate(texts)]
    return Document(path, texts[0], None, None, paragraphs, str(hash(tuple(texts))))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLOSEREAD_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("CLOSEREAD_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def text_path(tmp_path) -> Path:
    path = tmp_path / "docs" / "article.md"
    path.parent.mkdir()
    path.write_text("\n\n".join(TEXTS), encoding="utf-8")
    return path


def open_store(path: Path, texts: list[str] = TEXTS, **kwargs) -> NotesStore:
    return NotesStore.open(str(path), make_document(texts, str(path)), **kwargs)


def test_sidecar_keeps_the_extension(tmp_path):
    assert notes_location.primary_path(tmp_path / "report.md").name == "report.md.notes.toml"
    assert notes_location.primary_path(tmp_path / "report.txt").name == "report.txt.notes.toml"


def test_add_saves_a_readable_sidecar(text_path):
    store = open_store(text_path)
    note = store.add(2, "Check the 'third' figure", ["figures", "check"])
    store.set_review(2, "to-check")
    data = tomllib.loads(store.sidecar_path.read_text(encoding="utf-8"))
    assert store.sidecar_path == text_path.with_name("article.md.notes.toml")
    assert data["format"] == 1
    assert data["document"]["path"] == str(text_path)
    assert data["notes"][0]["id"] == note.id and len(note.id) == 8
    assert data["notes"][0]["anchor"]["index"] == 2
    assert data["notes"][0]["created"].utcoffset() is not None
    assert data["reviews"][0]["status"] == "to-check"
    again = open_store(text_path)
    assert [(n.id, n.paragraph, n.anchor_status, n.tags) for n in again.notes] == [
        (note.id, 2, "ok", ("figures", "check"))
    ]
    assert again.review_of(2) == "to-check" and again.review_of(1) == "none"


def test_edit_delete_and_cycle(text_path):
    store = open_store(text_path)
    first = store.add(1, "first")
    second = store.add(3, "second", ["x"])
    store.edit(first.id, "first, edited", ["a", "a", " b "])
    store.delete(second.id)
    assert [s for s in (store.cycle_review(1), store.cycle_review(1), store.cycle_review(1))] == [
        "to-check", "verified", "disputed"
    ]
    assert store.cycle_review(1) == "none"
    again = open_store(text_path)
    assert [(n.text, n.tags) for n in again.notes] == [("first, edited", ("a", "b"))]
    assert again.reviews == []
    with pytest.raises(UnknownNote):
        again.delete(second.id)


def test_unchanged_note_does_not_rewrite_the_file(text_path):
    store = open_store(text_path)
    note = store.add(1, "same text", ["t"])
    before = os.stat(store.sidecar_path)
    os.utime(store.sidecar_path, ns=(1, 1))  # any rewrite would change this
    store.edit(note.id, "same text", ["t"])
    store.set_review(1, "none")
    result = store.save()
    assert not result.written
    assert os.stat(store.sidecar_path).st_mtime_ns == 1
    assert os.stat(store.sidecar_path).st_ino == before.st_ino


def test_bad_input_is_refused_with_one_line(text_path):
    store = open_store(text_path)
    with pytest.raises(BadParagraph, match="out of range"):
        store.add(4, "x")
    with pytest.raises(BadParagraph):
        store.add(-1, "x")
    with pytest.raises(BadValue, match="empty"):
        store.add(1, "  \n")
    with pytest.raises(BadValue):
        store.set_review(1, "maybe")
    with pytest.raises(BadValue, match="surrogates"):
        store.add(1, "bad \udc80 text")
    assert not store.sidecar_path.exists()


@pytest.mark.parametrize(
    "content, expected",
    [
        (b'format = 1\n[[notes]]\nid = "a"\ntext = "unterminated\n', "line 4"),
        (b"format = 99\n", "format 99 is newer"),
        (b'title = "no format"\n', "no format number"),
        (b'format = 1\n[[notes]]\nid = "a"\ntext = "x"\n\n[[notes]]\nid = "a"\ntext = "y"\n', "line 6"),
        (b'format = 1\n[[notes]]\nid = "a"\ntext = 5\n', "'text' must be a string"),
        (b"format = 1\n\xff\xfe\n", "not valid UTF-8"),
    ],
)
def test_bad_sidecar_is_never_overwritten(text_path, content, expected):
    sidecar = text_path.with_name("article.md.notes.toml")
    sidecar.write_bytes(content)
    store = open_store(text_path)
    assert store.read_only and store.unreadable
    assert expected in store.problem and str(sidecar) in store.problem
    with pytest.raises(ReadOnlyNotes):
        store.add(1, "lost?")
    with pytest.raises(ReadOnlyNotes):
        store.save()
    assert sidecar.read_bytes() == content


def test_sidecar_that_is_a_directory(text_path):
    text_path.with_name("article.md.notes.toml").mkdir()
    store = open_store(text_path)
    assert store.read_only and "is a directory" in store.problem
    with pytest.raises(ReadOnlyNotes):
        store.set_review(1, "verified")


def test_read_only_folder_falls_back_to_the_data_dir(text_path, tmp_path, monkeypatch):
    folder = text_path.parent
    monkeypatch.setattr(notes_location, "is_writable_dir", lambda d: Path(d) != folder and Path(d).is_dir())
    store = open_store(text_path)
    assert store.sidecar_path.is_relative_to(tmp_path / "data")
    assert "not writable" in store.location_message and str(store.sidecar_path) in store.location_message
    note = store.add(1, "kept elsewhere")
    assert not text_path.with_name("article.md.notes.toml").exists()
    assert [n.id for n in open_store(text_path).notes] == [note.id]
    other = tmp_path / "docs" / "article.txt"
    assert notes_location.fallback_path(other) != notes_location.fallback_path(text_path)


def test_read_only_folder_seeds_from_an_existing_sidecar(text_path, monkeypatch):
    first = open_store(text_path).add(1, "written while writable")
    folder = text_path.parent
    monkeypatch.setattr(notes_location, "is_writable_dir", lambda d: Path(d) != folder and Path(d).is_dir())
    store = open_store(text_path)
    assert [n.id for n in store.notes] == [first.id]
    store.add(2, "second")
    assert {n.text for n in open_store(text_path).notes} == {"written while writable", "second"}


def test_no_writable_place_at_all(text_path, monkeypatch):
    monkeypatch.setattr(notes_location, "is_writable_dir", lambda d: False)
    store = open_store(text_path)
    assert store.read_only and "cannot save notes" in store.problem
    with pytest.raises(ReadOnlyNotes, match="not writable"):
        store.add(1, "nowhere to go")


def test_failed_write_switches_to_the_fallback(text_path, monkeypatch):
    folder = text_path.parent
    real_write = notes_storage.atomic_write

    def refuse_in_folder(path, data):
        if Path(path).parent == folder:
            raise PermissionError(13, "Permission denied")
        real_write(path, data)

    monkeypatch.setattr("tui.notes_writer.atomic_write", refuse_in_folder)
    store = open_store(text_path)
    store.add(1, "saved anyway")
    assert store.sidecar_path.parent != folder and store.sidecar_path.exists()
    assert "not writable" in store.last_save.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores permission bits")
def test_read_only_folder_by_permission_bits(text_path):
    text_path.parent.chmod(0o555)
    try:
        store = open_store(text_path)
        store.add(1, "falls back")
        assert not store.sidecar_path.is_relative_to(text_path.parent)
    finally:
        text_path.parent.chmod(0o755)


def test_two_stores_adding_are_merged(text_path):
    one, two = open_store(text_path), open_store(text_path)
    a = one.add(1, "from one")
    b = two.add(2, "from two")
    assert two.last_save.merged
    assert {n.id for n in open_store(text_path).notes} == {a.id, b.id}
    assert {n.id for n in two.notes} == {a.id, b.id}


def test_conflicting_edits_keep_both_versions(text_path):
    note = open_store(text_path).add(1, "original")
    one, two = open_store(text_path), open_store(text_path)
    one.edit(note.id, "edited by one")
    two.edit(note.id, "edited by two")
    result = two.last_save
    assert result.conflict_path is not None and "conflict" in result.conflict_path.name
    assert result.conflict_path.name.startswith("article.md.notes.conflict-")
    assert "both kept" in result.message
    assert [n.text for n in open_store(text_path).notes] == ["edited by two"]
    other = tomllib.loads(result.conflict_path.read_text(encoding="utf-8"))
    assert other["notes"][0]["text"] == "edited by one"


def test_edit_beats_a_deletion_elsewhere(text_path):
    note = open_store(text_path).add(1, "original")
    one, two = open_store(text_path), open_store(text_path)
    one.edit(note.id, "kept edit")
    two.delete(note.id)
    assert [n.text for n in open_store(text_path).notes] == ["kept edit"]


def test_sidecar_broken_by_an_editor_is_not_overwritten(text_path):
    store = open_store(text_path)
    store.add(1, "mine")
    store.sidecar_path.write_text("format = 1\n[[notes]\n", encoding="utf-8")
    with pytest.raises(ReadOnlyNotes, match="line 2"):
        store.add(2, "also mine")
    assert store.sidecar_path.read_text(encoding="utf-8") == "format = 1\n[[notes]\n"
    unsaved = store._saver.unsaved_path
    assert {n["text"] for n in tomllib.loads(unsaved.read_text(encoding="utf-8"))["notes"]} == {"mine", "also mine"}


def test_deleted_sidecar_is_rewritten_whole(text_path):
    store = open_store(text_path)
    store.add(1, "one")
    store.sidecar_path.unlink()
    store.add(2, "two")
    assert {n.text for n in open_store(text_path).notes} == {"one", "two"}


def test_orphan_is_kept_shown_and_reattached(text_path):
    store = open_store(text_path)
    note = store.add(3, "about the mayor")
    store.set_review(3, "disputed")
    edited = TEXTS[:3] + ["A completely different closing paragraph about the weather tomorrow."]
    again = open_store(text_path, edited)
    orphan = again.notes[-1]
    assert (orphan.id, orphan.paragraph, orphan.anchor_status) == (note.id, None, "orphan")
    shown = again.to_json()
    assert shown["notes"][-1]["paragraph"] is None and shown["notes"][-1]["anchor"] == "orphan"
    assert shown["notes"][-1]["review"] == "disputed" and "mayor" in shown["notes"][-1]["quote"]
    again.add(1, "a new note")  # saving keeps the orphan
    kept = open_store(text_path, edited)
    assert note.id in {n.id for n in kept.orphans()}
    kept.attach(note.id, 3)
    assert [(n.id, n.paragraph) for n in open_store(text_path, edited).notes_for(3)] == [(note.id, 3)]


def test_reanchor_follows_a_reloaded_text(text_path):
    store = open_store(text_path)
    note = store.add(2, "income")
    moved = [TEXTS[0], "A new paragraph inserted before the others, about boats.", *TEXTS[1:]]
    store.reanchor(make_document(moved, str(text_path)))
    assert (store.notes[0].paragraph, store.notes[0].anchor_status) == (3, "moved")
    store.edit(note.id, "income, checked")
    assert open_store(text_path, moved).notes[0].anchor_status == "ok"


def test_json_shape(text_path):
    store = open_store(text_path)
    store.add(1, "x", ["t"])
    shown = store.to_json()
    assert set(shown) >= {"path", "sidecar", "notes", "reviews"}
    assert set(shown["notes"][0]) >= {"id", "paragraph", "anchor", "review", "tags", "text", "created", "updated", "quote"}
    assert shown["notes"][0]["created"].endswith(("+00:00", "Z")) or "+" in shown["notes"][0]["created"] or "-" in shown["notes"][0]["created"][19:]


def test_standard_input_has_no_sidecar():
    store = NotesStore.open("-", make_document(TEXTS, "-"))
    assert store.read_only
    with pytest.raises(ReadOnlyNotes, match="standard input"):
        store.add(1, "x")


def test_reload_picks_up_another_writer(text_path):
    reader, writer = open_store(text_path), open_store(text_path)
    assert not reader.reload_if_changed()
    note = writer.add(1, "written elsewhere")
    assert reader.reload_if_changed()
    assert [n.id for n in reader.notes] == [note.id]
    assert not reader.reload_if_changed()


def test_fallback_sidecar_stays_in_use_when_the_folder_becomes_writable(text_path, monkeypatch):
    folder = text_path.parent
    with monkeypatch.context() as patch:
        patch.setattr(notes_location, "is_writable_dir", lambda d: Path(d) != folder and Path(d).is_dir())
        note = open_store(text_path).add(1, "written while read-only")
    store = open_store(text_path)
    assert [n.id for n in store.notes] == [note.id] and "kept in" in store.location_message


def test_a_held_lock_times_out_with_a_message(text_path):
    import fcntl

    store = open_store(text_path)
    holder = os.open(text_path.parent, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        with pytest.raises(notes_storage.SidecarError, match="locked by another"):
            with notes_storage.locked(text_path.parent, timeout=0.05):
                pass
    finally:
        os.close(holder)
    store.add(1, "saved once the lock is free")
