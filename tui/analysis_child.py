"""The work of an analysis run: in the child process that :mod:`tui.analysis_runner` starts,
or in a thread of the reader when no process can start.

The child checks the analysis cache, else loads the file itself, checks that its content hash
is still the one the reader shows, analyses it in a scheduling group below the reader's and
caches the result. Events go back over a one-way pipe as pickled messages; a long list (a
book's paragraphs or figures) goes in parts, so that no single unpickling holds the parent's
GIL for long.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.analysis_cache import load_cached_by_hash, store_cached_by_hash
from tui.analysis_events import DocumentEvent, DoneEvent, Event, FailedEvent, ProgressEvent, RunRequest
from tui.document import Document

if TYPE_CHECKING:
    from tui.analysis import Analysis

CHILD_NICENESS = 5
CHILD_GROUP_NICENESS = 10  # the niceness of the child's own scheduling group (see _own_scheduling_group)
CHUNK_ITEMS = 500  # unpickling 500 figures takes ~1-2 ms of the parent's GIL
LOAD_SHARE = 0.2  # the share of the progress bar given to loading the file
_PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_DOCUMENT_FIELDS = ("path", "title", "author", "date", "content_hash", "encoding", "warnings")


# -- the work, shared by the child process and the inline thread -------------

def run_analysis(request: RunRequest, emit: Callable[[Event], None], document: Document | None = None) -> None:
    """Emit progress (and the document if asked), then one Done or Failed event (cache first)."""
    started = time.perf_counter()
    emit(ProgressEvent("cache", 0.0))
    known_hash = request.content_hash
    cached = load_cached_by_hash(known_hash, request.summary_sentences) if known_hash else None
    if cached is None or request.send_document:
        emit(ProgressEvent("loading", 0.0))
        if document is None:
            document = _load(request, emit)
        if document is None:
            return
        if known_hash is not None and document.content_hash != known_hash:
            emit(FailedEvent(f"{request.path} changed on disk since it was opened; reopen it to analyse it"))
            return
        if request.send_document:
            emit(DocumentEvent(document, _notes_seed(request.path, document)))
        if known_hash is None:  # the caller showed a preview: the whole text's hash is known only now
            cached = load_cached_by_hash(document.content_hash, request.summary_sentences)
    if cached is not None:
        emit(DoneEvent(cached, cached=True, stats={"child_seconds": time.perf_counter() - started}))
        return
    loaded = time.perf_counter()
    from tui.analysis import analyze  # noqa: PLC0415

    def progress(stage: str, fraction: float) -> None:
        emit(ProgressEvent(stage, LOAD_SHARE + (1 - LOAD_SHARE) * fraction))

    analysis = analyze(document, request.summary_sentences, progress)
    analysed = time.perf_counter()
    store_cached_by_hash(document.content_hash, request.summary_sentences, analysis)
    emit(DoneEvent(analysis, stats={"load_seconds": loaded - started, "analyze_seconds": analysed - loaded,
                                    "cache_store_seconds": time.perf_counter() - analysed}))


def _notes_seed(path: str, document: Document):
    """The notes seed of ``document``, or None (a problem is left for the store to report)."""
    from tui.notes_seed import prepare_seed  # noqa: PLC0415 - only a reader's long text needs it

    try:
        return prepare_seed(path, document)
    except Exception:  # noqa: BLE001 - the seed only saves work; the parent does it all without one
        return None


def _load(request: RunRequest, emit: Callable[[Event], None]) -> Document | None:
    """The document at the request's path; None (and a Failed event) when it cannot be read."""
    from tui.loader import LoadError, load_document  # noqa: PLC0415 - heavy, and only needed here

    if request.path == "-":
        emit(FailedEvent("standard input cannot be read again: pass its document to AnalysisRun.start"))
        return None
    try:
        return load_document(request.path)
    except LoadError as error:
        emit(FailedEvent(str(error)))
        return None


# -- the child process --------------------------------------------------------

def child_main(conn, request: RunRequest) -> None:
    """Entry point of the child: run the analysis and send its events to the parent."""
    _silence_output()
    _lower_priority()
    continue_when_orphaned()
    _exit_with_parent(request.parent_pid)
    sender = _ChildSender(conn)
    try:
        run_analysis(request, sender.emit)
    except BaseException as error:  # noqa: BLE001 - every failure must reach the parent
        sender.emit(FailedEvent(f"analysis failed: {type(error).__name__}: {error}", traceback.format_exc()))
    finally:
        conn.close()


class _ChildSender:
    """Turns events into pickled messages on the pipe; a result goes in parts."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def send(self, message: tuple) -> None:
        self.conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def emit(self, event: Event) -> None:
        if isinstance(event, ProgressEvent):
            self.send(("progress", event.stage, event.fraction))
        elif isinstance(event, FailedEvent):
            self.send(("failed", event.message, event.detail))
        elif isinstance(event, DocumentEvent):
            self.send_document(event.document, event.notes_seed)
        else:
            self.send_result(event)

    def send_parts(self, name: str, items: list) -> None:
        for start in range(0, len(items), CHUNK_ITEMS):
            self.send(("part", name, items[start:start + CHUNK_ITEMS]))

    def send_document(self, document: Document, notes_seed=None) -> None:
        self.send_parts("paragraphs", document.paragraphs)
        self.send(("document", {name: getattr(document, name) for name in _DOCUMENT_FIELDS}, notes_seed))

    def send_result(self, event: DoneEvent) -> None:
        started = time.perf_counter()
        for name, items in _result_lists(event.analysis).items():
            self.send_parts(name, items)
        stats = dict(event.stats, send_seconds=time.perf_counter() - started, child_max_rss_mb=_max_rss_mb())
        self.send(("done", event.cached, stats))


def _result_lists(analysis: Analysis) -> dict[str, list]:
    summary = analysis.summary
    return {"figures": analysis.figures, "quotes": analysis.quotes, "sources": analysis.sources,
            "sentences": summary.sentences, "gists": list(summary.gists.items()), "sections": summary.sections}


def _silence_output() -> None:
    # A stray print or warning from the child must not draw over the reader's screen.
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        pass


def _lower_priority() -> None:
    try:
        os.nice(CHILD_NICENESS)
    except (AttributeError, OSError):  # not on this platform, or not allowed
        pass
    _own_scheduling_group()


def _own_scheduling_group() -> None:
    """Leave the reader's scheduling group, and rank the new one below it.

    Linux schedules each session as one group (autogroup) and niceness only ranks processes
    inside their group: in the reader's session the child's CPU came out of the reader's own
    share, so a key pressed during the analysis waited for it. In a session of its own, whose
    group's niceness is raised (any process may raise its own), the child takes what the
    reader, the terminal and everything else leave idle.
    """
    try:
        os.setsid()
        with open("/proc/self/autogroup", "w", encoding="ascii") as group:
            group.write(str(CHILD_GROUP_NICENESS))
    except (AttributeError, OSError):  # not Linux, no autogroup, or already a session leader
        pass


def continue_when_orphaned() -> bool:
    """Have the kernel send this process a SIGCONT when the thread that started it ends (Linux).

    The reader stops this process while it answers a key (:mod:`tui.analysis_pause`); were the
    reader killed meanwhile, nothing would ever let it go on. Continued, it sees that its parent
    is gone and exits (:func:`_exit_with_parent`). A SIGCONT that comes for another reason does
    nothing. Returns whether the kernel took the request.
    """
    try:
        import ctypes  # noqa: PLC0415 - only the child needs it

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGCONT), 0, 0, 0) == 0
    except (AttributeError, OSError, ValueError):  # not Linux, or no prctl
        return False


def _exit_with_parent(parent_pid: int) -> None:
    """Exit as soon as the parent is gone (it may be killed without cancelling the run)."""
    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)
            time.sleep(_PARENT_CHECK_SECONDS)

    threading.Thread(target=watch, name="closeread-parent-watch", daemon=True).start()


def _max_rss_mb() -> float | None:
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
