"""Pausing Python's cyclic garbage collector around work that builds no reference cycles, and
moving the reader's collections into the pauses between keys (:class:`IdleCollector`).

Loading and analysing a book make millions of small dicts, lists and strings that reference
counting frees on its own. Left running, the collector's full passes rescan everything still
alive again and again, which makes long texts superlinear (a fifth of the summary's time once;
5-10% of the CPU time of loading a 3 MB text, timed in-process).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector paused (as it was before afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The reader's collections: Python's collector runs its older generations when allocations pile up,
# and they pile up while a key is answered (a screen's worth of new lines): a pass over the young
# generations took 3-10 ms and one over everything 9-15 ms on a book, inside the answer to a key.
# The reader runs those passes in the pauses between keys instead.
IDLE_SECONDS = 0.25  # no input for this long: the young generations are collected
FULL_IDLE_SECONDS = 1.0  # and after this long, everything (what the text has not frozen)
FULL_AFTER_PASSES = 10  # or after this many young passes, even in a short pause
YOUNG_LIMIT = 50_000  # more young objects than this (a load just ended): left to the collector
# Thresholds while the reader runs: the first stays Python's. The second waits far longer than
# Python's 10, as the pauses collect the young generations; the third (Python's 10) is doubled,
# beyond FULL_AFTER_PASSES, so that a full pass comes in a key's answer only when the keys come
# without a pause (a held key), and the garbage of a long stretch of keys is still collected.
READER_THRESHOLDS = (700, 100, 20)

_long_lived_frozen = False


def freeze_long_lived() -> None:
    """Move everything alive now (a loaded text, its analysis) out of the collector's reach for
    good, and let :class:`IdleCollector` run full collections, which no longer walk it."""
    global _long_lived_frozen
    gc.freeze()
    _long_lived_frozen = True


class IdleCollector:
    """Runs the cyclic collector's older generations while no key comes, not in a key's answer.

    ``input_came`` on each key or click, ``tick`` every tenth of a second or so. Nothing is
    collected while someone has paused the collector (a load, an arriving analysis).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._saved_thresholds: tuple[int, ...] | None = None

    def begin(self) -> None:
        self._saved_thresholds = gc.get_threshold()
        gc.set_threshold(*READER_THRESHOLDS)

    def end(self) -> None:
        if self._saved_thresholds is not None:
            gc.set_threshold(*self._saved_thresholds)
            self._saved_thresholds = None

    def input_came(self) -> None:
        self._last_input = self._clock()

    def tick(self) -> int | None:
        """Collect what is due now; returns the generation collected, or None."""
        if not gc.isenabled():
            return None
        idle = self._clock() - self._last_input
        young, older_passes, full_due = gc.get_count()
        if idle < IDLE_SECONDS or young > YOUNG_LIMIT:
            return None
        if older_passes:
            gc.collect(1)
            return 1
        if full_due and _long_lived_frozen and (idle >= FULL_IDLE_SECONDS or full_due >= FULL_AFTER_PASSES):
            gc.collect(2)
            return 2
        return None
