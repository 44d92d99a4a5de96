"""Run the analysis of a text in a child process, so that the reader's UI keeps the GIL.

:meth:`AnalysisRun.start` spawns a child (the "spawn" start method: the parent
is a multi-threaded app, where fork is unsafe) that does the work of
:mod:`tui.analysis_child`: the cache, else loading and analysing the text.
Progress and the result come back over a one-way pipe as the events of
:mod:`tui.analysis_events`.

The parent reads events with :meth:`AnalysisRun.poll` (non-blocking, for the
UI thread) or :meth:`AnalysisRun.events` (blocking, for a thread worker). When
no process can be started, the run falls back to a thread in this process and
says so in :attr:`AnalysisRun.mode` ("process" or "inline").
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import multiprocessing
import os
import pickle
import queue
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from tui.analysis_cache import analysis_from_dict
from tui.analysis_child import child_main, run_analysis
from tui.analysis_events import (  # noqa: F401 - the events are part of this module's interface
    DocumentEvent, DoneEvent, Event, FailedEvent, ProgressEvent, RunRequest,
)
from tui.analysis_pause import CAN_PAUSE, Pauser
from tui.document import Document
from tui.gc_pause import freeze_long_lived

if TYPE_CHECKING:  # tui.analysis imports every extractor (~0.3 s): loaded once a result arrives
    from tui.analysis import Analysis

INLINE_ENV = "CLOSEREAD_ANALYSIS_INLINE"  # set to 1 to never start a process
_LIST_PARTS = ("paragraphs", "figures", "quotes", "sources", "sentences", "gists", "sections")

_live_runs: weakref.WeakSet[AnalysisRun] = weakref.WeakSet()


class AnalysisFailed(RuntimeError):
    """Raised by :meth:`AnalysisRun.wait` when the analysis failed or was cancelled."""


@contextlib.contextmanager
def _real_stderr() -> Iterator[None]:
    """Let ``sys.stderr`` be a real file while a child process starts.

    The first start also starts multiprocessing's resource tracker, which is handed
    ``sys.stderr.fileno()``. A running Textual app replaces ``sys.stderr`` with a capture
    whose fileno() is -1, so that start failed and every analysis in a terminal ran in a
    thread of the reader instead (tests, which run headless, did not show it). The null
    device stands in: nothing the tracker might say belongs on the reader's screen.
    """
    try:
        valid = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        valid = False
    if valid:
        yield
        return
    with open(os.devnull, "w", encoding="utf-8") as null, contextlib.redirect_stderr(null):
        yield


def _import_analysis_in_background() -> None:
    """Import tui.analysis (for its Analysis class) now, in a thread, not when the result arrives.

    Its import compiles every extractor's patterns (~0.3 s); done by ``poll()`` on the UI
    thread at the moment the result comes, it would freeze the screen for that long.
    """
    if "tui.analysis" not in sys.modules:
        threading.Thread(target=importlib.import_module, args=("tui.analysis",),
                         name="closeread-import-analysis", daemon=True).start()


# -- the parent's handle -------------------------------------------------------

class AnalysisRun:
    """One analysis under way; read its events with :meth:`poll` or :meth:`events`."""

    def __init__(self, request: RunRequest) -> None:
        self.request = request
        self.mode = "process"
        self.finished = False
        self.cancelled = False
        self.unpickle_seconds = 0.0  # the parent's time spent unpickling messages
        self._process = None
        self._conn = None
        self._queue: queue.Queue[Event] = queue.Queue()
        self._parts: dict[str, list] = {name: [] for name in _LIST_PARTS}
        self._lock = threading.Lock()
        self.freeze_result = False
        self._gc_paused = False
        self._pauser: Pauser | None = None  # holds the child still while the user's keys are answered
        self._pause_lock = threading.Lock()  # keys come on the UI thread; a run may end on another

    @classmethod
    def start(cls, path: str, content_hash: str | None, summary_sentences: int | None = None, *,
              document: Document | None = None, send_document: bool = False,
              freeze_result: bool = False) -> AnalysisRun:
        """Start analysing ``path``, which must still hold the text with ``content_hash``.

        ``document`` (the one the reader shows) saves loading the file again if the run
        has to fall back to a thread in this process. ``send_document`` makes the child send
        the whole document first (a DocumentEvent), sparing the parent splitting a long text.
        A ``content_hash`` of None takes the file as it is now (the caller shows only a
        preview of it); ``document`` is then ignored.
        ``freeze_result`` moves what is received out of the garbage collector's reach
        (``gc.freeze``), as a long-lived app wants.
        """
        run = cls(RunRequest(path, content_hash, summary_sentences, os.getpid(), send_document))
        run.freeze_result = freeze_result
        if content_hash is None:
            document = None
        # Standard input cannot be read again by a child: analyse the document given, here.
        if path != "-" and os.environ.get(INLINE_ENV, "").strip() in ("", "0"):
            try:
                run._start_process()
            except Exception:  # noqa: BLE001 - e.g. no semaphores or process limit: run inline
                run._close_conn()
                run._start_inline(document)
        else:
            run._start_inline(document)
        _live_runs.add(run)
        return run

    @property
    def pid(self) -> int | None:
        """The child's process id (None when inline)."""
        return self._process.pid if self._process is not None else None

    def _start_process(self) -> None:
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        self._conn = receiver
        process = context.Process(target=child_main, args=(sender, self.request),
                                  name="closeread-analysis", daemon=True)
        try:
            with _real_stderr():
                process.start()
        finally:
            sender.close()  # the parent keeps no write end, so a dead child reads as EOF
        self._process = process
        if CAN_PAUSE:
            self._pauser = Pauser(process.pid)
        _import_analysis_in_background()


    def _start_inline(self, document: Document | None) -> None:
        self.mode = "inline"

        def work() -> None:
            try:
                run_analysis(self.request, self._queue.put, document)
            except Exception as error:  # noqa: BLE001
                self._queue.put(FailedEvent(f"analysis failed: {type(error).__name__}: {error}",
                                            traceback.format_exc()))

        threading.Thread(target=work, name="closeread-analysis", daemon=True).start()

    # -- reading events --

    def poll(self, budget: float = 0.01) -> list[Event]:
        """Events that arrived, without blocking; stops after ``budget`` seconds of work (rest next time)."""
        events: list[Event] = []
        deadline = time.perf_counter() + budget
        while not self.finished and time.perf_counter() < deadline:
            event = self._next(0, deadline)
            if event is None:
                break
            events.append(event)
        return events

    def events(self, interval: float = 0.1, should_stop: Callable[[], bool] | None = None) -> Iterator[Event]:
        """Yield events as they come (blocking); ends after a Done or Failed event, or on cancel.

        ``should_stop`` is asked every ``interval`` seconds (e.g. ``lambda: worker.is_cancelled``);
        when it says yes the run is cancelled and the iteration ends.
        """
        while not self.finished:
            if should_stop is not None and should_stop():
                self.cancel()
                return
            event = self._next(interval)
            if event is not None:
                yield event

    def wait(self, timeout: float | None = None) -> Analysis:
        """Block until done and return the analysis; AnalysisFailed on failure, TimeoutError on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.finished:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise TimeoutError(f"analysis of {self.request.path} still running after {timeout} s")
            event = self._next(0.1 if left is None else min(0.1, left))
            if isinstance(event, DoneEvent):
                return event.analysis
            if isinstance(event, FailedEvent):
                raise AnalysisFailed(event.message)
        raise AnalysisFailed("analysis cancelled")

    def _next(self, timeout: float, deadline: float | None = None) -> Event | None:
        """The next event, waiting up to ``timeout`` seconds (and working until ``deadline``); None if none."""
        if self.cancelled:
            self.finished = True
            self._resume_gc(False)
            self._close_conn()
            return None
        held = False
        with self._pause_lock:
            if self._pauser is not None:
                self._pauser.tick()
                held = self._pauser.paused
        if held:
            # Nothing is read from a stopped child: stopped in the middle of writing a message,
            # it would leave recv_bytes() waiting for the rest, and the UI with it.
            if timeout > 0:  # a blocking reader (events(), wait()) waits a little, not in a busy loop
                time.sleep(min(timeout, 0.02))
            return None
        if self._process is None:
            event = self._next_inline(timeout)
        else:
            event = self._next_from_child(timeout, deadline)
        if isinstance(event, (DoneEvent, FailedEvent)):
            self._finish()
        elif isinstance(event, DocumentEvent):
            self._resume_gc(self.freeze_result)
        return event

    def _next_inline(self, timeout: float) -> Event | None:
        try:
            return self._queue.get(timeout=timeout) if timeout > 0 else self._queue.get_nowait()
        except queue.Empty:
            return None

    def _next_from_child(self, timeout: float, deadline: float | None) -> Event | None:
        while True:  # result parts are absorbed here; only whole events come out
            try:
                if not self._conn.poll(timeout):
                    return None
                data = self._conn.recv_bytes()
            except (EOFError, OSError, ValueError):
                return None if self.cancelled else self._child_vanished()
            started = time.perf_counter()
            message = pickle.loads(data)
            self.unpickle_seconds += time.perf_counter() - started
            event = self._event_of(message)
            if event is not None or (deadline is not None and time.perf_counter() > deadline):
                return event
            timeout = 0  # more parts are already on their way

    def _event_of(self, message: tuple) -> Event | None:
        kind = message[0]
        if kind == "progress":
            return ProgressEvent(message[1], message[2])
        if kind == "part":
            self._pause_gc()
            self._parts[message[1]].extend(message[2])
            return None
        if kind == "failed":
            return FailedEvent(message[1], message[2])
        if kind == "document":
            paragraphs, self._parts["paragraphs"] = self._parts["paragraphs"], []
            return DocumentEvent(Document(paragraphs=paragraphs, **message[1]), message[2])
        return self._done_event(cached=message[1], stats=message[2])  # kind == "done"

    def _done_event(self, cached: bool, stats: dict) -> DoneEvent:
        parts = self._parts
        analysis = analysis_from_dict({
            "summary": {"sentences": parts["sentences"], "gists": parts["gists"], "sections": parts["sections"]},
            "figures": parts["figures"], "quotes": parts["quotes"], "sources": parts["sources"]})
        self._parts = {name: [] for name in _LIST_PARTS}
        return DoneEvent(analysis, cached=cached, stats=dict(stats, parent_unpickle_seconds=self.unpickle_seconds))

    def _pause_gc(self) -> None:
        # The result is ~10^5-10^6 new objects: left to the collector, they set off full
        # collections of the whole heap (50-150 ms of held GIL on a book) while they arrive.
        if not self._gc_paused and not self.cancelled and gc.isenabled():
            gc.disable()
            self._gc_paused = True

    def _resume_gc(self, freeze: bool) -> None:
        if self._gc_paused:
            if freeze:
                freeze_long_lived()
            gc.enable()
            self._gc_paused = False

    def _child_vanished(self) -> FailedEvent:
        self._let_go()  # before the child is reaped: its pid may then go to another process
        self._process.join(1)
        code = self._process.exitcode
        return FailedEvent(f"the analysis process ended unexpectedly (exit code {code})")

    # -- ending --

    def input_came(self) -> None:
        """The user pressed a key: hold the child still while it is answered (see :mod:`tui.analysis_pause`)."""
        with self._pause_lock:
            if self._pauser is not None and not self.finished:
                self._pauser.input_came()

    def input_answered(self) -> None:
        """The last key's answer has been drawn: the child goes on at a poll soon after."""
        with self._pause_lock:
            if self._pauser is not None:
                self._pauser.answered()

    def cancel(self) -> None:
        """Stop the run: the child is terminated and reaped before this returns; no more events come."""
        with self._lock:
            self._let_go()
            self.cancelled = True
            self.finished = True
            self._resume_gc(False)
            _live_runs.discard(self)
            if self._process is not None:
                _stop(self._process)

    def _finish(self) -> None:
        with self._lock:
            self._let_go()
            self._resume_gc(self.freeze_result and not self.cancelled)
            self.finished = True
            _live_runs.discard(self)
            self._close_conn()
            if self._process is not None and not self.cancelled:
                _reap_soon(self._process)

    def _let_go(self) -> None:
        # A stopped child could neither finish nor take a SIGTERM: it goes on first.
        with self._pause_lock:
            pauser, self._pauser = self._pauser, None
            if pauser is not None:
                pauser.resume()

    def _close_conn(self) -> None:
        # Only the reading thread closes the pipe; cancel() may come from another thread.
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _stop(process) -> None:
    """Terminate ``process`` (then kill it if it lingers) and reap it."""
    if process.is_alive():
        process.terminate()
        process.join(2)
    if process.is_alive():
        process.kill()
    process.join(2)


def _reap_soon(process) -> None:
    """Reap a child that sent its last event, without blocking the caller (maybe the UI thread)."""
    def reap() -> None:
        process.join(5)  # it exits right after its last message
        _stop(process)

    threading.Thread(target=reap, name="closeread-analysis-reaper", daemon=True).start()


_inputs_seen = 0  # keys (and clicks) so far, to tell whether one is the latest


def input_came() -> int | None:
    """The user pressed a key: every run under way holds its child still while it is answered.

    Returns the key's number, for :func:`input_answered`; None when no run is under way.
    """
    global _inputs_seen
    runs = list(_live_runs)
    if not runs:
        return None
    _inputs_seen += 1
    for run in runs:
        run.input_came()
    return _inputs_seen


def input_answered(number: int) -> None:
    """The screen has been redrawn after key ``number``: unless another key came since, the runs'
    children go on shortly (see :mod:`tui.analysis_pause`)."""
    if number == _inputs_seen:
        for run in list(_live_runs):
            run.input_answered()


def cancel_all() -> None:
    """Cancel every run still going (called at exit)."""
    for run in list(_live_runs):
        run.cancel()


atexit.register(cancel_all)
