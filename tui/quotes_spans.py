"""Where the quotations are: spans inside double quote marks, paragraph by paragraph.

Curly and straight double quotes are paired with a small stack, so that a
quotation nested inside another (in the other style) stays part of the outer
one; single quotes never open a quotation here, so they may nest freely. A
paragraph that opens a quotation without closing it runs to its end, and
continues into the next paragraph when that one opens with a quote mark (the
news convention for a quotation over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"[“”\"]")
_OPEN_CONTEXT = set(" \t\n\u00a0([{—–-/:")


@dataclass(slots=True)
class Piece:
    """The inside of one quotation in one paragraph: ``text[start:end]``.

    ``open_at`` and ``close_at`` are the offsets of the marks (``close_at`` is the
    paragraph length when the quotation stays open); ``closed`` says whether the
    quotation closed in this paragraph; ``continues`` whether it reopened in the next.
    """

    paragraph: int
    start: int
    end: int
    open_at: int
    close_at: int
    closed: bool
    order: int = 0  # position among the pieces of its paragraph
    continues: bool = False
    continued: bool = False


def _is_opener(text: str, i: int) -> bool:
    """A straight quote mark opens when it follows a space (or starts the text) and precedes a non-space."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPEN_CONTEXT and not after.isspace()


def _outer_spans(text: str) -> list[tuple[int, int, bool]]:
    """(open mark offset, close mark offset or len(text), closed?) of each top-level quotation."""
    spans: list[tuple[int, int, bool]] = []
    stack: list[str] = []
    start = 0
    for m in _MARK.finditer(text):
        i, mark = m.start(), m.group()
        if mark == "“":
            opening = True
        elif mark == "”":
            opening = False
        elif stack and stack[-1] == '"':
            opening = False  # straight quotes cannot nest in straight ones: this one closes
        elif stack:
            opening = _is_opener(text, i)
        else:
            opening = _is_opener(text, i) or (i + 1 < len(text) and not text[i + 1].isspace() and i == 0)
            if not opening:
                continue  # a stray closing mark outside any quotation
        if opening:
            if not stack:
                start = i
            stack.append('"' if mark == '"' else "“")
        elif stack:
            # A closing mark of either style closes the innermost quotation (typographers mix them up).
            stack.pop()
            if not stack:
                spans.append((start, i, True))
    if stack:
        spans.append((start, len(text), False))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_with_quote(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in "“\""


def find_pieces(texts: list[str]) -> list[list[Piece]]:
    """Quotation pieces of each paragraph text, with the links of quotations that run over paragraphs."""
    result: list[list[Piece]] = []
    for index, text in enumerate(texts):
        pieces: list[Piece] = []
        result.append(pieces)
        if '"' not in text and "“" not in text and "”" not in text:
            continue  # most paragraphs quote no one: three substring tests settle them
        for open_at, close_at, closed in _outer_spans(text):
            start, end = _trimmed(text, open_at + 1, close_at)
            if end > start:
                pieces.append(Piece(index, start, end, open_at, close_at, closed, len(pieces)))
    for index in range(len(result) - 1):
        pieces, following = result[index], result[index + 1]
        if pieces and not pieces[-1].closed and following and _opens_with_quote(texts[index + 1]) \
                and following[0].open_at == len(texts[index + 1]) - len(texts[index + 1].lstrip()):
            pieces[-1].continues = True
            following[0].continued = True
    return result
