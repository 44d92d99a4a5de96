"""The benchmark's terminal driver: a control-mode client reads the same screen as a tmux process."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
import uuid
from pathlib import Path

import pytest

SCREEN_PATH = Path(__file__).resolve().parent.parent / "bench" / "tmux_screen.py"
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


@pytest.fixture
def terminal():
    spec = importlib.util.spec_from_file_location("bench_tmux_screen", SCREEN_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # A socket of its own per test: a server killed by the test before may still be exiting
    # when the next one starts, and a command sent to it then fails.
    term = module.Terminal(f"closeread-bench-test-{os.getpid()}-{uuid.uuid4().hex[:8]}", width=60, height=10)
    yield term
    term.close()


def test_control_client_reads_what_a_tmux_process_reads(terminal):
    assert terminal.control is not None
    terminal.start("cat", "printf 'hello \\033[1mbold\\033[0m\\n'; cat")
    assert terminal.wait_for_text("cat", "hello", timeout=5) is not None
    through_control = terminal.capture("cat")
    control, terminal.control = terminal.control, None
    try:
        through_process = terminal.capture("cat")
    finally:
        terminal.control = control
    assert through_control == through_process
    assert "\x1b[1mbold" in through_control  # colours and attributes come through (-e)


def test_keys_and_queries_go_through_the_control_client(terminal):
    terminal.start("cat", "cat")
    terminal.send("cat", "typed")
    terminal.send("cat", "Enter")
    assert terminal.wait_for_text("cat", "typed", timeout=5) is not None
    assert terminal.pane_pid("cat") > 0 and not terminal.pane_dead("cat")
    terminal.send("cat", "C-d")
    deadline = time.monotonic() + 5
    while not terminal.pane_dead("cat") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert terminal.pane_dead("cat")


def test_a_failed_command_raises(terminal):
    with pytest.raises(Exception, match="capture-pane"):
        terminal.capture("no-such-session")
