"""Crash safety and concurrent writers: no torn sidecar, no lost note.

CLOSEREAD_CRASH_KILLS sets the number of SIGKILLs (default 60).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tui.document import Document, Paragraph, paragraph_id
from tui.notes import NotesStore

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

TEXTS = [f"Paragraph {i} of the test text, about topic number {i} and nothing else." for i in range(12)]
NOTES = 40
BODY = "a fairly long note body with \"quotes\", newlines\nand emoji 🧐 " * 8


def make_document(path: str) -> Document:
    paragraphs = [Paragraph(i, paragraph_id(t), "body", t, (t,)) for i, t in enumerate(TEXTS)]
    return Document(path, None, None, None, paragraphs, "hash")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def text_path(tmp_path) -> str:
    path = tmp_path / "article.md"
    path.write_text("\n\n".join(TEXTS), encoding="utf-8")
    return str(path)


def rewrite_forever(path: str, document: Document, ready: int) -> None:
    """Child process: rewrite every note with a new version number, save, repeat."""
    store = NotesStore.open(path, document, autosave=False)
    os.write(ready, b"x")  # from here on the child is saving, so that is where the kill lands
    version = int(store.notes[0].text.split(" ", 1)[0][1:])
    while True:
        version += 1
        for note in store.notes:
            store.edit(note.id, f"v{version} {BODY}")
        store.save()


def versions_on_disk(sidecar: Path) -> list[int]:
    data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    return [int(note["text"].split(" ", 1)[0][1:]) for note in data["notes"]]


def test_sigkill_while_saving_leaves_old_or_new(text_path):
    document = make_document(text_path)
    store = NotesStore.open(text_path, document, autosave=False)
    for i in range(NOTES):
        store.add(i % len(TEXTS), f"v0 {BODY}")
    store.save()
    sidecar = store.sidecar_path
    kills = int(os.environ.get("CLOSEREAD_CRASH_KILLS", "60"))
    rng = random.Random(99)
    mid_write = progressed = 0
    last = 0
    for round_number in range(kills):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child only ever dies by SIGKILL
            try:
                rewrite_forever(text_path, document, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        os.read(read_end, 1)
        os.close(read_end)
        # Mostly short random delays (a kill inside the first save); now and then a long one.
        time.sleep(0.2 if round_number % 20 == 19 else rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        mid_write += any(sidecar.parent.glob(f".{sidecar.name}.tmp-*"))
        versions = versions_on_disk(sidecar)  # must parse, whole
        assert len(versions) == NOTES and len(set(versions)) == 1
        assert versions[0] >= last
        progressed += versions[0] > last
        last = versions[0]
    print(f"\n{kills} kills while saving; sidecar parsed whole every time; "
          f"{mid_write} kills left a half-written temporary; {progressed} saves completed between kills")
    assert progressed > 0
    NotesStore.open(text_path, document).add(0, "after the crashes")
    assert not list(sidecar.parent.glob(f".{sidecar.name}.tmp-*"))  # leftovers cleaned by the next save


def add_notes(path: str, document: Document, worker: int, count: int, start_at: float) -> None:
    store = NotesStore.open(path, document)
    while time.time() < start_at:
        time.sleep(0.001)
    for k in range(count):
        store.add((worker + k) % len(TEXTS), f"worker {worker} note {k}")
        store.set_review((worker * 3 + k) % len(TEXTS), "verified")


def test_concurrent_writers_lose_nothing(text_path):
    document = make_document(text_path)
    workers, per_worker = 4, 12
    start_at = time.time() + 0.3
    children = []
    for worker in range(workers):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            code = 1
            try:
                add_notes(text_path, document, worker, per_worker, start_at)
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    statuses = [os.waitpid(pid, 0)[1] for pid in children]
    assert statuses == [0] * workers
    texts = {note.text for note in NotesStore.open(text_path, document).notes}
    assert texts == {f"worker {w} note {k}" for w in range(workers) for k in range(per_worker)}


def test_concurrent_command_line_writers(text_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    commands = [[sys.executable, "-m", "tui", "note", text_path, "--paragraph", str(k % 3), "--text", f"cli {k}"]
                for k in range(8)]
    processes = [subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    outputs = [p.communicate(timeout=60) for p in processes]
    assert [p.returncode for p in processes] == [0] * len(commands), outputs
    texts = {note.text for note in NotesStore.open(text_path, make_document(text_path)).notes}
    assert texts == {f"cli {k}" for k in range(8)}
