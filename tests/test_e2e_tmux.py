"""End to end: the installed ``closeread`` in a real terminal (tmux), keys in, files out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader_helpers import copy_sample

CLOSEREAD = Path(sys.executable).parent / "closeread"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or not CLOSEREAD.exists(),
                                reason="needs tmux and the installed closeread command")


class Tmux:
    """A private tmux server (own socket), so the user's sessions are never touched."""

    def __init__(self) -> None:
        # One socket per test: the server the test before killed may still be exiting.
        self.socket = f"closeread-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "reader")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "reader", key)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 40.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")

    def dead(self) -> bool:
        return self.run("display-message", "-p", "-t", "reader", "#{pane_dead}").strip() == "1"

    def kill(self) -> None:
        self.run("kill-server")


@pytest.fixture
def tmux():
    terminal = Tmux()
    yield terminal
    terminal.kill()


def test_write_a_note_in_a_real_terminal(tmp_path, tmux, isolated_dirs):
    text = copy_sample(tmp_path)
    env = {"CLOSEREAD_CONFIG_DIR": isolated_dirs["config"], "CLOSEREAD_STATE_DIR": isolated_dirs["state"],
           "CLOSEREAD_DATA_DIR": isolated_dirs["data"],
           "CLOSEREAD_CACHE_DIR": isolated_dirs["cache"], "TERM": "xterm-256color",
           # Python reads the size from these first; the test runner may have set them.
           "COLUMNS": "160", "LINES": "48"}
    env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    tmux.run("new-session", "-d", "-s", "reader", "-x", "160", "-y", "48", *env_args,
             f"{CLOSEREAD} {text}")
    tmux.run("set-option", "-t", "reader", "remain-on-exit", "on")
    screen = tmux.wait_for("Town library opens late")
    assert "¶ 1 of" in screen
    # The side panes mount just after the first paint of the paragraphs, so wait for them too.
    screen = tmux.wait_for("Key figures")
    assert "Summary" in screen and "Key figures" in screen and "Notes" in screen
    tmux.keys("j", "j")
    tmux.wait_for("¶ 3 of")
    tmux.keys("a")
    tmux.wait_for("Note on ¶3")
    tmux.run("send-keys", "-t", "reader", "-l", "Ask the council for the petition count.")
    tmux.keys("C-s")
    tmux.wait_for("Ask the council for the petition")  # shown in the notes pane
    tmux.keys("q")
    deadline = time.monotonic() + 30
    while not tmux.dead() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tmux.dead(), tmux.screen()
    sidecar = text.with_name(text.name + ".notes.toml")
    saved = sidecar.read_text(encoding="utf-8")
    assert 'text = "Ask the council for the petition count."' in saved
    assert "index = 2" in saved
    state = (isolated_dirs["state"] / "reading.json").read_text(encoding="utf-8")
    assert '"paragraph": 2' in state


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def command_line(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_a_long_text_is_loaded_and_analysed_by_a_child_process(tmp_path, tmux, isolated_dirs):
    # Textual replaces sys.stderr in a real terminal (not in headless tests), which once made
    # every process start fail and the analysis fall back to a thread of the reader.
    text = tmp_path / "long.md"
    text.write_text("# A long record\n\n" + "\n\n".join(
        f"Paragraph {i}: the ferry carried {i * 3} people across the strait on a calm morning, "
        f"and the harbour master counted every one of them." for i in range(2500)) + "\n", encoding="utf-8")
    env = {"CLOSEREAD_CONFIG_DIR": isolated_dirs["config"], "CLOSEREAD_STATE_DIR": isolated_dirs["state"],
           "CLOSEREAD_DATA_DIR": isolated_dirs["data"], "CLOSEREAD_CACHE_DIR": isolated_dirs["cache"],
           "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "48"}
    env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    tmux.run("new-session", "-d", "-s", "reader", "-x", "160", "-y", "48", *env_args, f"{CLOSEREAD} {text}")
    tmux.wait_for("A long record")
    reader = int(tmux.run("display-message", "-p", "-t", "reader", "#{pane_pid}").strip())
    deadline = time.monotonic() + 40
    spawned = []
    while not spawned and time.monotonic() < deadline:
        spawned = [pid for pid in children_of(reader) if "multiprocessing.spawn" in command_line(pid)]
        time.sleep(0.05)
    assert spawned, f"no analysis process under the reader; screen:\n{tmux.screen()}"
    assert "¶ 1 of 2501" in tmux.wait_for("of 2501")  # the whole text, sent by the child
    deadline = time.monotonic() + 60
    while "analysing" in tmux.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    screen = tmux.screen()
    assert "analysing" not in screen and "failed" not in screen, screen
