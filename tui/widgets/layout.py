"""Line layout of the paragraph pane: heights, offsets and fast wrap estimates.

Kept free of widgets so it can be tested alone. Heights start as cheap
estimates and are replaced by exact values as paragraphs are rendered or
measured in idle time; offsets are prefix sums, recomputed on demand.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

# Blank lines after each paragraph.
SEPARATOR_LINES = 1


def estimate_lines(text: str, width: int) -> int:
    """A quick guess of the wrapped line count (no per-word work)."""
    return estimate_lines_of_length(len(text), width)


def estimate_lines_of_length(length: int, width: int) -> int:
    """:func:`estimate_lines` of any text of ``length`` characters."""
    if width <= 1:
        return max(1, length)
    return max(1, -(-length // _usable(width)))


def estimated_heights(lengths: list[int], width: int) -> list[int]:
    """Each length's :func:`estimate_lines_of_length` plus the separator lines, in one pass
    (a book's ten thousand paragraphs in a few milliseconds, when its whole text arrives)."""
    if width <= 1:
        return [max(1, length) + SEPARATOR_LINES for length in lengths]
    usable = _usable(width)
    # ceil(length / usable), at least 1 line: written without calls, as this runs over every paragraph
    round_up, empty = usable - 1, 1 + SEPARATOR_LINES
    return [(length + round_up) // usable + SEPARATOR_LINES if length else empty for length in lengths]


def _usable(width: int) -> int:
    # Greedy word wrap wastes about half a word per line.
    return max(1, width - 4) if width > 12 else width


def wrap_lines(text: str, width: int) -> int:
    """The line count of ``text`` word-wrapped greedily at ``width`` cells.

    Matches Textual's wrapping for ordinary (single-width) text; wide
    characters are corrected when the paragraph is actually rendered.
    """
    if width <= 0:
        return 1
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used == 0:
            if size > width:
                extra, used = divmod(size, width)
                lines += extra - (1 if used == 0 else 0)
                used = used or width
            else:
                used = size
        elif used + 1 + size <= width:
            used += 1 + size
        else:
            lines += 1
            if size > width:
                extra, used = divmod(size, width)
                lines += extra - (1 if used == 0 else 0)
                used = used or width
            else:
                used = size
    return lines


class LineTable:
    """Heights of every paragraph and the first screen line of each.

    A height measured in idle time for a paragraph above the view may be *held* rather than set: set,
    it would move the text under the reader, and the view must scroll to keep it still, which repaints
    it. Held heights are set together by :meth:`apply_held`, with one scroll and one repaint.
    """

    def __init__(self, count: int) -> None:
        self.heights = [1 + SEPARATOR_LINES] * count
        self.exact = bytearray(count)
        self._measured = bytearray(count)  # exact, or its height is held
        self._held: dict[int, int] = {}
        self._offsets: list[int] | None = None

    def __len__(self) -> int:
        return len(self.heights)

    def reset(self, heights: list[int]) -> None:
        """Replace every height with an estimate (e.g. after a width change)."""
        self.heights = heights
        self.exact = bytearray(len(heights))
        self._measured = bytearray(len(heights))
        self._held.clear()
        self._offsets = None

    def set_height(self, index: int, height: int, exact: bool = True) -> bool:
        """Set one paragraph's height; True if it changed."""
        if exact:
            self.exact[index] = self._measured[index] = 1
            self._held.pop(index, None)
        if self.heights[index] == height:
            return False
        self.heights[index] = height
        self._offsets = None
        return True

    def hold(self, index: int, height: int) -> None:
        """Keep a measured height to set later with :meth:`apply_held` (see the class docstring)."""
        if not self.exact[index]:
            self._held[index] = height
            self._measured[index] = 1

    @property
    def held(self) -> int:
        """How many heights are held."""
        return len(self._held)

    def apply_held(self) -> bool:
        """Set every held height; True if any changed."""
        changed = False
        for index, height in self._held.items():
            self.exact[index] = 1
            if self.heights[index] != height:
                self.heights[index] = height
                changed = True
        self._held.clear()
        if changed:
            self._offsets = None
        return changed

    @property
    def offsets(self) -> list[int]:
        if self._offsets is None:
            self._offsets = list(accumulate(self.heights, initial=0))
        return self._offsets

    @property
    def total(self) -> int:
        return self.offsets[-1]

    def top(self, index: int) -> int:
        """The first line of paragraph ``index``."""
        return self.offsets[index]

    def paragraph_at(self, line: int) -> int:
        """The paragraph shown on ``line`` (clamped to the document)."""
        if not self.heights:
            return 0
        index = bisect_right(self.offsets, line) - 1
        return min(max(index, 0), len(self.heights) - 1)

    def next_inexact(self, start: int) -> int | None:
        """The first paragraph from ``start`` (wrapping) whose height is a guess and not held."""
        found = self._measured.find(0, start)
        if found < 0:
            found = self._measured.find(0, 0, start)
        return None if found < 0 else found
