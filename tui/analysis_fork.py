"""Run one stage of an analysis in a forked process, so that a long text's analysis uses two cores.

``closeread analyze`` and ``closeread brief`` wait for the whole analysis of a text: on a book, running
the quotes, the summary and the figures of the text's second half each in a child while the figures of
its first half run here cuts that wait by about half. The reader never does this: its analysis already
runs in a child process, and the other core is the interface's.

The child is forked, so it shares the loaded document without copying or pickling it; only its result
comes back. Whatever goes wrong with the child (no fork on this system, the child dies, its result
does not arrive), :meth:`ForkedCall.result` computes the value here instead: a failed fork costs time,
never an answer.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

# Below this many characters of text, forking and sending the result back cost more than they save.
MIN_CHARS = 200_000
# CLOSEREAD_WORKERS=1 keeps every analysis in one process (for measuring one core).
WORKERS_ENV = "CLOSEREAD_WORKERS"

T = TypeVar("T")


def may_fork() -> bool:
    """Whether the CLI may spread one text's analysis over processes: two cores, fork, and no
    CLOSEREAD_WORKERS=1."""
    if os.environ.get(WORKERS_ENV, "").strip() == "1":
        return False
    # Fork is safe on Linux for a process without threads, which the CLI is; elsewhere (macOS system
    # libraries, Windows) it is not offered.
    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2
            and "fork" in multiprocessing.get_all_start_methods())


class ForkedCall(Generic[T]):
    """``call()`` started in a forked child; :meth:`result` waits for its value."""

    def __init__(self, call: Callable[[], T]) -> None:
        self._call = call
        self._process = None
        self._receive = None
        try:
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run_child, args=(send, call), daemon=True)
            self._process.start()
            send.close()
        except (OSError, ValueError):
            self._process = None

    def result(self) -> T:
        """The child's value; computed here when the child could not give it."""
        if self._process is None:
            return self._call()
        try:
            ok, value = self._receive.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            ok, value = False, None
        finally:
            self._receive.close()
            self._process.join()
        return value if ok else self._call()


def _run_child(send, call: Callable[[], object]) -> None:
    try:
        reply = (True, call())
    except BaseException:  # noqa: BLE001 - the parent computes the value itself
        reply = (False, None)
    try:
        send.send(reply)
    except (OSError, pickle.PicklingError):
        pass
    finally:
        send.close()
