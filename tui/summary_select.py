"""The pool of sentences competing in the greedy MMR selection of :func:`tui.summary_score.select`.

A sentence's vector and its similarity to the chosen ones are worked out
only when it could still win: candidates come in by descending score, and a
candidate's marginal value (gain less redundancy) never exceeds its gain, so
once the next gain falls below the best value found, no later one can win.
Members whose gain falls well below the leaders' are never looked at, yet
the choices are exactly those of the eager version, which indexes every
member as its batch arrives: a member evaluated late gets the same
similarities, summed in the same order, as if it had been indexed on arrival.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Sequence

from tui.summary_rank import Vector, dot


class LazyPool:
    """Batches of candidates by descending score; only those that might win are evaluated.

    ``gain(i)`` is sentence ``i``'s share of the objective from its score, ``redundancy`` what a unit of
    similarity to a chosen sentence costs, ``duplicate`` the similarity at which a sentence drops out.
    Members are left unevaluated only when gains never increase along the batches and redundancy is not
    negative, so that no value exceeds its gain (with odd weights, every member is evaluated).
    """

    __slots__ = ("vector", "gain", "redundancy", "duplicate", "ordered", "chosen", "chosen_vectors", "pending",
                 "batch_start", "nearest", "gains", "index")

    def __init__(self, vector: Callable[[int], Vector], gain: Callable[[int], float], redundancy: float,
                 duplicate: float, gains_fall: bool = True) -> None:
        self.vector, self.gain, self.redundancy, self.duplicate = vector, gain, redundancy, duplicate
        self.ordered = gains_fall and redundancy >= 0
        self.chosen: list[int] = []
        self.chosen_vectors: list[Vector] = []
        self.pending: deque[int] = deque()  # members of the current batch not yet evaluated, best first
        self.batch_start = 0  # how many sentences were chosen when the current batch came in
        self.nearest: dict[int, float] = {}  # evaluated, still competing: highest similarity to a chosen one
        self.gains: dict[int, float] = {}
        self.index = PoolIndex()

    def fill(self, batch: Iterable[int]) -> None:
        """Bring in the next batch (only when no member of the previous one still competes)."""
        pending = self.pending
        pending.extend(batch)
        self.batch_start = len(self.chosen)
        if not pending:
            return
        # A member whose gain is within the largest possible redundancy of the first one's will most likely
        # be looked at: evaluated now, before any choice from this batch, it needs no late comparisons.
        reach = self.gain(pending[0]) - self.redundancy * self.duplicate if self.ordered else -math.inf
        while pending and self.gain(pending[0]) >= reach:
            self._take(pending.popleft())

    def best(self) -> int | None:
        """The competing sentence of highest marginal value (the earliest on a tie); None when none competes."""
        best, best_value = -1, -math.inf
        redundancy, gains = self.redundancy, self.gains
        for i, near in self.nearest.items():
            value = gains[i] - redundancy * near
            if value > best_value or (value == best_value and i < best):
                best, best_value = i, value
        pending = self.pending
        # A value is at most the gain, which only falls: once below the best value, no later member can win.
        while pending and (not self.ordered or self.gain(pending[0]) >= best_value):
            i = pending.popleft()
            if self._take(i):
                value = gains[i] - redundancy * self.nearest[i]
                if value > best_value or (value == best_value and i < best):
                    best, best_value = i, value
        return best if best >= 0 else None

    def _take(self, i: int) -> bool:
        """Evaluate pending member ``i``: True when it competes, False for a near-duplicate of a chosen one."""
        near = self._evaluate(i)
        if near is None:
            return False
        self.nearest[i], self.gains[i] = near, self.gain(i)
        return True

    def choose(self, best: int) -> None:
        """Take ``best`` into the summary; drop the near-duplicates of it, and note the others' similarity."""
        self.chosen.append(best)
        self.chosen_vectors.append(self.index.vectors[best])
        nearest, duplicate = self.nearest, self.duplicate
        del nearest[best]
        for i, sim in self.index.similarities(best).items():
            if i not in nearest:
                continue
            if sim >= duplicate:
                del nearest[i]
            elif sim > nearest[i]:
                nearest[i] = sim

    def _evaluate(self, i: int) -> float | None:
        """Index sentence ``i``; its highest similarity to the chosen ones, or None for a near-duplicate.

        Sentences chosen before its batch came in are compared with :func:`dot`, later ones by summing
        over the chosen sentence's terms, as :meth:`choose` does for the members indexed then.
        """
        vec = self.vector(i)
        before = self.chosen_vectors[:self.batch_start]
        near = self.index.add(i, vec, before)
        duplicate = self.duplicate
        if near >= duplicate:
            return None
        for chosen in self.chosen_vectors[self.batch_start:]:
            sim = similarity_in_order(chosen, vec)
            if sim >= duplicate:
                return None
            if sim > near:
                near = sim
        return near


def similarity_in_order(chosen: Vector, vec: Vector) -> float:
    """``chosen . vec`` summed over ``chosen``'s terms in order, as :meth:`PoolIndex.similarities` sums it."""
    total = 0.0
    get = vec.get
    for term, weight in chosen.items():
        other = get(term)
        if other is not None:
            total = total + weight * other
    return total


class PoolIndex:
    """Unit vectors of the sentences competing for selection, with an inverted index over their terms.

    The similarity of one sentence to all the others then touches only the sentences sharing a term with it.
    """

    __slots__ = ("vectors", "postings")

    def __init__(self) -> None:
        self.vectors: dict[int, Vector] = {}
        self.postings: dict[str, list[tuple[int, float]]] = {}

    def add(self, i: int, vec: Vector, chosen: Sequence[Vector]) -> float:
        """Index sentence ``i``; returns its highest similarity to the ``chosen`` vectors (0 when none)."""
        self.vectors[i] = vec
        postings = self.postings
        for term, weight in vec.items():
            entry = postings.get(term)
            if entry is None:
                postings[term] = [(i, weight)]
            else:
                entry.append((i, weight))
        return max((dot(vec, c) for c in chosen), default=0.0)

    def similarities(self, i: int) -> dict[int, float]:
        """Cosine similarity of sentence ``i`` to each indexed sentence that shares a term with it."""
        out: dict[int, float] = {}
        get, postings = out.get, self.postings
        for term, weight in self.vectors[i].items():
            for j, other in postings[term]:
                out[j] = get(j, 0.0) + weight * other
        return out
