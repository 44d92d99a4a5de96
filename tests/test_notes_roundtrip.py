"""Whatever a note says, it is read back exactly (property-based)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.document import Document, Paragraph, paragraph_id
from tui.notes import NotesStore

TEXTS = ["A title", "One paragraph about the budget.", "Another about the weather, and \"quotes\"."]

HOSTILE = [
    'a """ triple quote',
    "back\\slash \\u0041 not an escape",
    "crlf\r\nline\rcarriage",
    "nul\x00bell\x07esc\x1b[31mred\x7fdel\x85nel",
    "emoji 🧐 ZWJ 👩‍👩‍👧 and \u2028 line sep \ufeff bom",
    "ends with a newline\n",
    "\n\nstarts with blank lines",
    "'''single triple''' and ''' \"\"\"\"\"\" many",
    "[[notes]]\nid = \"fake\"\ntext = \"injected\"",
]


def make_document(path: str) -> Document:
    paragraphs = [Paragraph(i, paragraph_id(t), "body", t, (t,)) for i, t in enumerate(TEXTS)]
    return Document(path, TEXTS[0], None, None, paragraphs, "hash")


def expected_tags(tags: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


note_texts = st.text(min_size=1).filter(lambda t: t.strip()) | st.sampled_from(HOSTILE)
tag_lists = st.lists(st.text(max_size=20) | st.sampled_from(HOSTILE), max_size=5)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(note_texts, tag_lists, st.integers(0, len(TEXTS) - 1)), min_size=1, max_size=6))
@example([(text, [text], 1) for text in HOSTILE])
def test_notes_read_back_equal(entries):
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "article.md")
        Path(path).write_text("x", encoding="utf-8")
        store = NotesStore.open(path, make_document(path), autosave=False)
        written = [store.add(paragraph, text, tags) for text, tags, paragraph in entries]
        store.save()
        again = NotesStore.open(path, make_document(path))
        assert not again.read_only, again.problem
        by_id = {n.id: n for n in again.notes}
        for note, (text, tags, paragraph) in zip(written, entries):
            back = by_id[note.id]
            assert back.text == text
            assert back.tags == expected_tags(tags)
            assert (back.paragraph, back.anchor_status) == (paragraph, "ok")
            assert (back.created, back.updated) == (note.created, note.updated)


def test_very_long_note(tmp_path):
    path = str(tmp_path / "article.md")
    text = ("Long line with \"quotes\" and 🧐. " * 5000) + "\n" + "x" * 100_000
    store = NotesStore.open(path, make_document(path))
    note = store.add(2, text)
    assert NotesStore.open(path, make_document(path)).note(note.id).text == text


OPERATIONS = st.sampled_from(["insert", "delete", "move", "reword"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(OPERATIONS, st.integers(0, 99), st.integers(0, 99)), max_size=6),
       st.lists(st.integers(0, len(TEXTS) - 1), min_size=1, max_size=5))
def test_edits_of_the_text_never_drop_a_note(edits, paragraphs):
    """Re-anchor after random edits, save, reopen: every note and review is still there."""
    texts = list(TEXTS)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "article.md")
        store = NotesStore.open(path, make_document(path))
        ids = {store.add(p, f"note on {p}").id for p in paragraphs}
        store.set_review(paragraphs[0], "verified")
        for operation, a, b in edits:
            i = a % len(texts)
            if operation == "insert":
                texts.insert(b % (len(texts) + 1), f"Inserted paragraph {a} {b} on something new.")
            elif operation == "delete" and len(texts) > 1:
                del texts[i]
            elif operation == "move":
                texts.insert(b % len(texts), texts.pop(i))
            else:
                texts[i] = texts[i].replace("about", "on")
        edited = Document(path, None, None, None,
                          [Paragraph(i, paragraph_id(t), "body", t, (t,)) for i, t in enumerate(texts)], "edited")
        store.reanchor(edited)
        store.add(0, "one more")
        again = NotesStore.open(path, edited)
        assert ids <= {n.id for n in again.notes} and len(again.notes) == len(ids) + 1
        assert len(again.reviews) == 1
