"""The Markdown blocks a brief is built of, collected in order and joined once.

:class:`Blocks` keeps every block as a string and every heading's GitHub anchor,
so the contents list of a multi-text brief can link to its texts. Paragraph
numbers shown to people are 1-based: ``¶ 1`` is the paragraph with index 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.markdown_escape import escape_inline, one_line

PILCROW = "¶"
MAX_REFS = 6  # paragraph numbers listed after a figure or source before "+N more"


def paragraph_number(index: int) -> int:
    """The number people see for the paragraph at ``index`` (counted from 1)."""
    return index + 1


def paragraph_ref(index: int | None) -> str:
    """``¶ 7`` for the paragraph at index 6; empty for ``None``."""
    return f"{PILCROW} {paragraph_number(index)}" if index is not None else ""


def paragraph_refs(indexes: Iterable[int]) -> str:
    """``¶ 3, 9, 12`` for several paragraphs (sorted, unique, at most :data:`MAX_REFS` then ``+N``)."""
    unique = sorted(set(indexes))
    if not unique:
        return ""
    shown = ", ".join(str(paragraph_number(i)) for i in unique[:MAX_REFS])
    more = len(unique) - MAX_REFS
    return f"{PILCROW} {shown}" + (f" +{more}" if more > 0 else "")


# GitHub drops everything but letters, digits, marks, "_", "-" and spaces from an anchor.
_NOT_SLUG = re.compile(r"[^\w\- \u0300-\u036f]")


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading of ``text`` before repeats are numbered."""
    return _NOT_SLUG.sub("", one_line(text).lower()).replace(" ", "-")


class Slugger:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = github_slug(text)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen.setdefault(slug, 0)
        return slug


class Blocks:
    """Markdown blocks in order; :meth:`text` joins them with blank lines.

    Headings are remembered so :meth:`anchors` can give their GitHub anchors; the
    anchors are worked out only when asked for (a multi-text brief's contents list).
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.heading_texts: list[str] = []

    def heading(self, level: int, text: str) -> int:
        """Add a heading of plain ``text`` (escaped here); return its number, for :meth:`anchors`."""
        level = min(max(level, 1), 6)
        self.blocks.append("#" * level + " " + escape_inline(text))
        self.heading_texts.append(text)
        return len(self.heading_texts) - 1

    def anchors(self) -> list[str]:
        """The GitHub anchor of every heading so far, in order (repeats numbered as GitHub does)."""
        slugger = Slugger()
        return [slugger.slug(text) for text in self.heading_texts]

    def add(self, block: str) -> None:
        """Add an already-rendered block (a paragraph, list, table or quote)."""
        if block:
            self.blocks.append(block)

    def placeholder(self) -> int:
        """Reserve a block to :meth:`fill` later (e.g. a contents list); returns its position."""
        self.blocks.append("")
        return len(self.blocks) - 1

    def fill(self, position: int, block: str) -> None:
        self.blocks[position] = block

    def bullets(self, items: Iterable[str]) -> None:
        """Add a bullet list of already-escaped items."""
        self.add("\n".join(f"- {item}" for item in items))

    def note(self, text: str) -> None:
        """Add an italic remark of plain ``text``, e.g. what a cap left out."""
        self.add(f"*{escape_inline(text)}*")

    def text(self) -> str:
        return "\n\n".join(block for block in self.blocks if block) + "\n"
