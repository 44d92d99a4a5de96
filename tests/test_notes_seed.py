"""A notes seed made elsewhere opens the same store, and a stale one is ignored."""

from __future__ import annotations

import pytest

from test_notes_store import TEXTS, make_document
from tui.notes import NotesStore
from tui.notes_anchor import paragraph_hashes
from tui.notes_seed import NotesSeed, prepare_seed


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLOSEREAD_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def text_path(tmp_path):
    path = tmp_path / "article.md"
    path.write_text("\n\n".join(TEXTS), encoding="utf-8")
    store = NotesStore.open(str(path), make_document(TEXTS, str(path)))
    store.add(1, "Check the vote count")
    store.add(3, "When is the review?")
    store.save()
    return path


def summary(store: NotesStore) -> list[tuple]:
    return sorted((note.paragraph, note.text, note.anchor_status) for note in store.notes)


def test_a_seed_opens_the_same_store(text_path):
    document = make_document(TEXTS, str(text_path))
    seed = prepare_seed(str(text_path), document)
    assert seed.hashes == paragraph_hashes(TEXTS) and seed.records is not None
    seeded = NotesStore.open(str(text_path), document, seed=seed)
    plain = NotesStore.open(str(text_path), document)
    assert summary(seeded) == summary(plain) == [(1, "Check the vote count", "ok"),
                                                 (3, "When is the review?", "ok")]
    seeded.add(2, "Ask the fishermen")
    seeded.save()  # a seeded store saves like any other
    assert "Ask the fishermen" in [n.text for n in NotesStore.open(str(text_path), document).notes]


def test_a_seed_from_before_the_sidecar_changed_is_not_used(text_path):
    document = make_document(TEXTS, str(text_path))
    seed = prepare_seed(str(text_path), document)
    other = NotesStore.open(str(text_path), document)
    other.add(0, "A title note")
    other.save()
    reopened = NotesStore.open(str(text_path), document, seed=seed)
    assert "A title note" in [note.text for note in reopened.notes]


def test_hashes_of_another_document_are_not_used(text_path):
    edited = [TEXTS[0], TEXTS[2], TEXTS[1], TEXTS[3]]  # two paragraphs swapped
    stale = NotesSeed("not this text", paragraph_hashes(TEXTS))
    store = NotesStore.open(str(text_path), make_document(edited, str(text_path)), seed=stale)
    assert [(n.text, n.paragraph) for n in sorted(store.notes, key=lambda n: n.text)] == [
        ("Check the vote count", 2), ("When is the review?", 3)]


def test_a_corrupt_sidecar_gives_no_records_and_stays_read_only(text_path):
    sidecar = text_path.with_name(text_path.name + ".notes.toml")
    sidecar.write_text("this is = = not toml", encoding="utf-8")
    document = make_document(TEXTS, str(text_path))
    seed = prepare_seed(str(text_path), document)
    assert seed.records is None
    store = NotesStore.open(str(text_path), document, seed=seed)
    assert store.read_only and store.problem
    assert sidecar.read_text(encoding="utf-8") == "this is = = not toml"
