"""Running the analysis in a child process (and the in-process fallback)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui import analysis_cache, analysis_runner
from tui.analysis import analyze
from tui.analysis_runner import (AnalysisFailed, AnalysisRun, DocumentEvent, DoneEvent, FailedEvent,
                                  ProgressEvent)
from tui.loader import document_from_text, load_document

TEXT = """# Valley rail line to reopen after two years of repairs

By Tomas Reyes | 12 June 2025

The rail line through the valley will reopen on 1 September, the transport ministry said on Friday, after repairs that cost €46m and took 26 months.

"The trains will be quicker than before the floods," said Hanna Ilves, the minister. "We rebuilt 14 bridges."

About 9,500 people used the line each day before it closed, according to figures from the regional council.

## Fares

Season tickets will cost 10% less for the first year, the operator said. The Valley Courier reported that two stations will stay shut.
"""

WAIT = 60  # generous: a loaded machine may start a child slowly


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(analysis_cache.CACHE_ENV, str(directory))
    monkeypatch.delenv(analysis_runner.INLINE_ENV, raising=False)
    return directory


@pytest.fixture
def text_file(tmp_path) -> Path:
    path = tmp_path / "rail.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def collect(run: AnalysisRun) -> list:
    deadline = time.monotonic() + WAIT
    events = []
    for event in run.events():
        events.append(event)
        assert time.monotonic() < deadline, "the run did not finish"
    return events


def gone(pid: int) -> bool:
    """True when no live process has ``pid`` (a zombie left for init to reap counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def wait_until_gone(pid: int, seconds: float = WAIT) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if gone(pid):
            return True
        time.sleep(0.05)
    return False


def long_text(tmp_path: Path, copies: int = 300) -> Path:
    """A text whose analysis takes seconds, for runs that must still be going when looked at."""
    path = tmp_path / "long.md"
    path.write_text("\n".join(TEXT.replace("valley", f"valley {n}") for n in range(copies)), encoding="utf-8")
    return path


def start_parent(tmp_path: Path, script_text: str, path: Path) -> tuple[subprocess.Popen, int]:
    """A parent process running ``script_text`` on ``path``, and the pid of its analysis child."""
    script = tmp_path / "parent.py"
    script.write_text(script_text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    parent = subprocess.Popen([sys.executable, str(script), str(path), load_document(str(path)).content_hash],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    return parent, int(parent.stdout.readline())


def test_child_gives_the_same_document_and_analysis_as_in_process(text_file):
    document = load_document(str(text_file))
    run = AnalysisRun.start(str(text_file), document.content_hash, send_document=True)
    assert run.mode == "process"
    events = collect(run)
    assert isinstance(events[-1], DoneEvent)
    assert events[-1].analysis == analyze(document)
    assert not events[-1].cached
    sent = [event.document for event in events if isinstance(event, DocumentEvent)]
    assert sent == [document]
    seeds = [event.notes_seed for event in events if isinstance(event, DocumentEvent)]
    assert seeds[0].hashes_for(document) is not None  # the notes open without re-hashing the text
    progress = [event for event in events if isinstance(event, ProgressEvent)]
    assert [event.stage for event in progress][-4:] == ["figures", "quotes", "summary", "done"]
    fractions = [event.fraction for event in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert wait_until_gone(run.pid)


def test_second_run_comes_from_the_cache(text_file):
    document = load_document(str(text_file))
    first = collect(AnalysisRun.start(str(text_file), document.content_hash, 2))
    assert not any(isinstance(event, DocumentEvent) for event in first)  # only when asked for
    second = collect(AnalysisRun.start(str(text_file), document.content_hash, 2, send_document=True))
    assert second[-1].cached and second[-1].analysis == first[-1].analysis
    assert any(isinstance(event, DocumentEvent) and event.document == document for event in second)
    text_file.write_text("replaced", encoding="utf-8")  # a cache hit never reads the file
    third = collect(AnalysisRun.start(str(text_file), document.content_hash, 2))
    assert third[-1].cached and third[-1].analysis == first[-1].analysis


def test_changed_file_fails_clearly(text_file):
    old_hash = load_document(str(text_file)).content_hash
    text_file.write_text(TEXT.replace("46m", "48m"), encoding="utf-8")
    events = collect(AnalysisRun.start(str(text_file), old_hash))
    assert isinstance(events[-1], FailedEvent)
    assert "changed on disk" in events[-1].message


def test_missing_file_fails_with_the_loader_message(tmp_path):
    run = AnalysisRun.start(str(tmp_path / "nowhere.md"), "0" * 64)
    with pytest.raises(AnalysisFailed, match="nowhere.md"):
        run.wait(WAIT)


def test_cancel_stops_the_child(text_file):
    run = AnalysisRun.start(str(text_file), "0" * 64)
    pid = run.pid
    run.cancel()
    assert gone(pid)  # terminated and reaped before cancel() returned
    assert run.finished and list(run.events()) == [] and run.poll() == []


def test_poll_never_blocks_and_ends_with_done(text_file):
    document = load_document(str(text_file))
    run = AnalysisRun.start(str(text_file), document.content_hash)
    events, deadline = [], time.monotonic() + WAIT
    while not run.finished and time.monotonic() < deadline:
        events.extend(run.poll())
        time.sleep(0.02)
    assert isinstance(events[-1], DoneEvent)
    assert events[-1].analysis == analyze(document)


def test_inline_fallback_when_no_process_can_start(text_file, monkeypatch):
    def refuse(self):
        raise OSError("no processes here")

    monkeypatch.setattr(AnalysisRun, "_start_process", refuse)
    document = load_document(str(text_file))
    run = AnalysisRun.start(str(text_file), document.content_hash, document=document)
    assert run.mode == "inline" and run.pid is None
    assert run.wait(WAIT) == analyze(document)


def test_inline_mode_by_environment(text_file, monkeypatch):
    monkeypatch.setenv(analysis_runner.INLINE_ENV, "1")
    document = load_document(str(text_file))
    run = AnalysisRun.start(str(text_file), document.content_hash)
    events = collect(run)
    assert run.mode == "inline"
    assert isinstance(events[-1], DoneEvent) and events[-1].analysis == analyze(document)


def test_killed_child_is_reported(text_file):
    run = AnalysisRun.start(str(text_file), "0" * 64)
    os.kill(run.pid, signal.SIGKILL)
    with pytest.raises(AnalysisFailed, match="ended unexpectedly"):
        run.wait(WAIT)


PARENT_SCRIPT = """
import os, sys
from tui.analysis_runner import AnalysisRun
if __name__ == "__main__":
    run = AnalysisRun.start(sys.argv[1], sys.argv[2])
    print(run.pid, flush=True)
    sys.stdin.readline()
    os._exit(0)  # dies without cancelling, as a killed reader would
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_child_exits_when_its_parent_dies(tmp_path, cache_dir):
    # A text long enough that its analysis (seconds) outlasts the parent by far.
    path = long_text(tmp_path)
    parent, child_pid = start_parent(tmp_path, PARENT_SCRIPT, path)
    parent.stdin.write("\n")
    parent.stdin.flush()
    parent.wait(WAIT)
    assert wait_until_gone(child_pid)
    # It stopped early rather than finishing its work: nothing was cached.
    assert not list(cache_dir.glob("*" + analysis_cache.SUFFIX))



def test_standard_input_is_analysed_inline_from_the_document_given():
    document = document_from_text(TEXT, "-")
    run = AnalysisRun.start("-", document.content_hash, document=document)
    assert run.mode == "inline"
    assert run.wait(WAIT) == analyze(document)
    with pytest.raises(AnalysisFailed, match="standard input"):
        AnalysisRun.start("-", "1" * 64).wait(WAIT)


def test_inline_run_refuses_a_document_of_another_text(monkeypatch):
    monkeypatch.setenv(analysis_runner.INLINE_ENV, "1")
    document = document_from_text(TEXT, "rail.md")
    with pytest.raises(AnalysisFailed, match="changed on disk"):
        AnalysisRun.start("rail.md", "2" * 64, document=document).wait(WAIT)


def test_events_end_and_cancel_when_asked_to_stop(text_file):
    run = AnalysisRun.start(str(text_file), "0" * 64)
    pid = run.pid
    assert list(run.events(should_stop=lambda: True)) == []
    assert run.cancelled and gone(pid)


CAPTURED_STDERR_SCRIPT = """
import sys
from tui.analysis_runner import AnalysisRun


class Capture:  # what a running Textual app puts in sys.stderr: no file behind it
    def write(self, text):
        return len(text)

    def flush(self):
        pass

    def fileno(self):
        return -1


if __name__ == "__main__":
    sys.stderr = Capture()
    run = AnalysisRun.start(sys.argv[1], None, send_document=True)
    analysis = run.wait(60)
    print(run.mode, len(analysis.figures))
"""


def test_child_starts_while_stderr_is_captured(tmp_path, text_file):
    # Fresh interpreter: the resource tracker that the first child start launches is not running yet.
    script = tmp_path / "captured.py"
    script.write_text(CAPTURED_STDERR_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, str(script), str(text_file)], capture_output=True,
                          text=True, env=env, timeout=WAIT)
    mode, figures = done.stdout.split()
    assert mode == "process", done.stderr
    assert int(figures) > 0


def test_child_runs_in_its_own_session_at_lower_priority(tmp_path):
    # Its own session is its own scheduling group, so its CPU is not taken from the reader's.
    path = long_text(tmp_path)
    run = AnalysisRun.start(str(path), None, send_document=True)
    try:
        deadline = time.monotonic() + WAIT
        while os.getsid(run.pid) != run.pid and time.monotonic() < deadline:
            time.sleep(0.02)  # the child moves itself once it is up
        assert os.getsid(run.pid) == run.pid != os.getsid(0)
        assert os.getpriority(os.PRIO_PROCESS, run.pid) >= os.getpriority(os.PRIO_PROCESS, 0) + 1
    finally:
        run.cancel()


def process_state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as stream:
        return stream.read().rsplit(")", 1)[1].split()[0]


def wait_for_state(pid: int, wanted: set[str], seconds: float = WAIT) -> str:
    deadline = time.monotonic() + seconds
    state = process_state(pid)
    while state not in wanted and time.monotonic() < deadline:
        time.sleep(0.01)
        state = process_state(pid)
    return state


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_key_holds_the_child_still_until_the_keys_are_quiet(tmp_path):
    from tui.analysis_pause import GRACE_SECONDS, QUIET_SECONDS

    path = long_text(tmp_path)
    run = AnalysisRun.start(str(path), None, send_document=True)
    try:
        analysis_runner.input_came()
        assert wait_for_state(run.pid, {"T"}, 2) == "T"  # stopped
        time.sleep(QUIET_SECONDS)
        run.poll()  # the reader polls its run every 25 ms; that lets the child go on
        assert wait_for_state(run.pid, {"R", "S", "D"}, 2) != "T"
        first = analysis_runner.input_came()
        assert wait_for_state(run.pid, {"T"}, 2) == "T"
        latest = analysis_runner.input_came()
        analysis_runner.input_answered(first)  # a later key is still being answered: held
        assert process_state(run.pid) == "T"
        analysis_runner.input_answered(latest)  # its answer is drawn: it goes on at the next poll
        time.sleep(GRACE_SECONDS)
        run.poll()
        assert wait_for_state(run.pid, {"R", "S", "D"}, 2) != "T"
        analysis_runner.input_came()
        assert wait_for_state(run.pid, {"T"}, 2) == "T"
        started = time.monotonic()
        run.cancel()  # a stopped child is let go first, so it takes the SIGTERM at once
        assert gone(run.pid) and time.monotonic() - started < 1.5
    finally:
        run.cancel()


PAUSED_PARENT_SCRIPT = """
import os, sys, time
from tui.analysis_runner import AnalysisRun
if __name__ == "__main__":
    run = AnalysisRun.start(sys.argv[1], sys.argv[2])
    time.sleep(1.0)  # let the child set itself up
    run.input_came()
    print(run.pid, flush=True)
    sys.stdin.readline()
    os._exit(0)  # killed while the child is stopped
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or sys.platform != "linux", reason="needs Linux")
def test_a_child_stopped_when_its_parent_dies_goes_on_and_exits(tmp_path, cache_dir):
    path = long_text(tmp_path)
    parent, child_pid = start_parent(tmp_path, PAUSED_PARENT_SCRIPT, path)
    try:
        assert wait_for_state(child_pid, {"T"}, 5) == "T"
        parent.stdin.write("\n")
        parent.stdin.flush()
        parent.wait(WAIT)
        assert wait_until_gone(child_pid, 10)  # the kernel's SIGCONT, then its parent watch
    finally:
        if not gone(child_pid):
            os.kill(child_pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_polling_never_waits_on_a_child_held_still(tmp_path):
    # A child stopped in the middle of sending a part would leave a read waiting for the rest.
    import threading

    path = long_text(tmp_path, copies=1500)
    run = AnalysisRun.start(str(path), None, send_document=True)
    slowest = []

    def press_and_poll() -> None:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not run.finished:
            run.input_came()
            started = time.monotonic()
            run.poll(budget=0.004)
            slowest.append(time.monotonic() - started)
            time.sleep(0.03)  # keys held down: the child is stopped and let go again and again

    try:
        polling = threading.Thread(target=press_and_poll, daemon=True)
        polling.start()
        polling.join(15)
        assert not polling.is_alive(), "poll() waited on a stopped child"
        assert slowest and max(slowest) < 0.5
    finally:
        run.cancel()


def test_waiting_on_a_child_held_still_neither_spins_nor_hangs(text_file):
    from tui.analysis_pause import QUIET_SECONDS

    document = load_document(str(text_file))
    run = AnalysisRun.start(str(text_file), document.content_hash)
    try:
        run.input_came()
        wall, cpu = time.monotonic(), time.thread_time()
        analysis = run.wait(WAIT)
        assert analysis.figures  # let go once the keys were quiet, then finished
        assert time.monotonic() - wall >= QUIET_SECONDS * 0.9
        assert time.thread_time() - cpu < 0.1  # slept while the child was held, no busy loop
    finally:
        run.cancel()


def test_a_child_killed_while_held_is_reported_and_no_key_reaches_it_after(tmp_path):
    path = long_text(tmp_path)
    run = AnalysisRun.start(str(path), None, send_document=True)
    try:
        assert analysis_runner.input_came() is not None  # a run is under way: its child is held
        os.kill(run.pid, signal.SIGKILL)
        with pytest.raises(AnalysisFailed, match="ended unexpectedly"):
            run.wait(WAIT)
        assert analysis_runner.input_came() is None  # no run is left to hold still
    finally:
        run.cancel()
