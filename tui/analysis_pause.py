"""Hold a background analysis process still while the reader answers a key.

On a two-core machine the analysis process keeps one core busy, and a key then took longer to
answer even though the reader had the other core to itself: with a busy loop beside it (at the
analysis's low priority, or even in the idle scheduling class), next paragraph went from 16-17
to 20-23 ms at the median and opening the note editor from 37-52 to 62-92 ms at the 95th
percentile (``bench``-style timings in tmux, eight presses of each key). Priorities cannot help:
the cores share more than the scheduler's time. So the reader stops the process (SIGSTOP) when
a key comes and lets it go on (SIGCONT) :data:`GRACE_SECONDS` after the key's answer has been
drawn (the app tells it), time for the terminal to show it, or at the latest once no key has come
for :data:`QUIET_SECONDS`.

A reader pressing keys without a break does not starve the analysis: a pause ends after
:data:`MAX_PAUSE_SECONDS` at most, and the process then runs at least :data:`MIN_RUN_SECONDS`
before it is paused again. The child asks the kernel for a SIGCONT when the reader dies (see
:func:`tui.analysis_child.continue_when_orphaned`), so it is never left stopped.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable

QUIET_SECONDS = 0.12  # in case the app never says that a key was answered
GRACE_SECONDS = 0.03  # the drawn answer is still to be written out and shown by the terminal
MAX_PAUSE_SECONDS = 0.5
MIN_RUN_SECONDS = 0.25

CAN_PAUSE = hasattr(signal, "SIGSTOP") and hasattr(signal, "SIGCONT")


class Pauser:
    """Stops and continues one process as keys come (``input_came``) and time passes (``tick``)."""

    def __init__(self, pid: int, clock: Callable[[], float] = time.monotonic,
                 send: Callable[[int, int], None] = os.kill) -> None:
        self.pid = pid
        self._clock, self._send = clock, send
        self._paused_since: float | None = None
        self._answered_at: float | None = None  # when the latest key's answer was drawn
        self._last_input = float("-inf")
        self._no_pause_until = float("-inf")

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    def input_came(self) -> None:
        """A key came: stop the process, unless it was held long just now."""
        now = self._clock()
        self._last_input = now
        self._answered_at = None
        if self._paused_since is None and now >= self._no_pause_until and self._signal(signal.SIGSTOP):
            self._paused_since = now

    def answered(self) -> None:
        """The latest key's answer has been drawn: the process may go on after a grace (see tick)."""
        if self._paused_since is not None and self._answered_at is None:
            self._answered_at = self._clock()

    def tick(self) -> None:
        """Let the process go on once the latest key's answer is shown or the keys are quiet, or once
        it has been held long enough."""
        if self._paused_since is None:
            return
        now = self._clock()
        answered = self._answered_at is not None and now - self._answered_at >= GRACE_SECONDS
        if answered or now - self._last_input >= QUIET_SECONDS:
            self.resume()
        elif now - self._paused_since >= MAX_PAUSE_SECONDS:
            self.resume()
            self._no_pause_until = now + MIN_RUN_SECONDS

    def resume(self) -> None:
        """Let the process go on now (before it is cancelled, and when the run ends)."""
        if self._paused_since is not None:
            self._paused_since = self._answered_at = None
            self._signal(signal.SIGCONT)

    def _signal(self, number: int) -> bool:
        try:
            self._send(self.pid, number)
        except OSError:  # gone already, or not ours
            return False
        return True
