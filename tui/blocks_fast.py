"""Reading the plainest chunks of a Markdown text without markdown-it's block parser.

Most chunks of a long Markdown text (runs of lines between blank lines) are an ordinary
paragraph, an ATX heading, a list of one-line items or a block quote of plain paragraphs,
and markdown-it spends most of a book's load time trying every block rule on each of them.
Those chunks are recognised here with cheap checks that err on the safe side; every other
chunk goes to markdown-it, together with its slow neighbours, as one run of the original
source.  The blocks come out exactly as markdown-it would make them.

Splitting at a blank line is safe because no block started before a blank line takes in
a line at the left margin after it, except a fenced code block (a list may go on with an
item there, which reads the same either way).  So a chunk is only read here when the
chunk after it starts at the margin, and never once the text has shown a code fence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of lines holding something besides spaces and tabs (markdown-it's blank lines hold only those).
_CHUNK = re.compile(r"^[ \t]*[^ \t\n].*(?:\n[ \t]*[^ \t\n].*)*", re.M)
# Characters that may open a block other than a paragraph, or end a paragraph
# (setext underline, table delimiter row); "<" and "[" for HTML and link definitions.
_BLOCK_OPENERS = frozenset("#>-*+_=`~|:[<")
_ORDERED_MARKER = re.compile(r"\d+[.)]")
_HEADING = re.compile(r"#{1,6}[ \t]")
# A bullet or ordered list marker and the one space after it.
_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)]) ")  # ASCII digits only, as markdown-it
_FENCES = ("```", "~~~")


@dataclass(slots=True)
class FastBlock:
    """A block read without markdown-it: its kind ("paragraph", "heading", "item" or "quote"),
    the content markdown-it would give its inline token, and its heading level or depth."""

    kind: str
    content: str
    level: int = 0


def markdown_segments(text: str) -> list[list[FastBlock] | str]:
    """The text as consecutive segments: lists of blocks read here, and Markdown source for markdown-it.

    Every source segment starts at the left margin of a line after a blank line (or at the
    start of the text), so markdown-it reads it as it would read it inside the whole text.
    """
    try:
        from markdown_it.common.utils import mdTrim  # markdown-it's own trim, for identical content
    except ImportError:  # markdown-it-py 3 trims with str.strip
        mdTrim = str.strip  # noqa: N806

    if "\r" in text or "\0" in text:  # markdown-it normalises these first: leave it all to it
        return [text]
    fence_at = _first_fence(text)
    chunks = list(_CHUNK.finditer(text))
    segments: list[list[FastBlock] | str] = []
    slow_start = None
    for index, chunk in enumerate(chunks):
        after = chunks[index + 1].start() if index + 1 < len(chunks) else None
        fast = None
        if chunk.end() < fence_at and (after is None or text[after] not in " \t"):
            fast = read_chunk(chunk.group(), mdTrim)
        if fast is None:
            slow_start = chunk.start() if slow_start is None else slow_start
            continue
        if slow_start is not None:
            segments.append(text[slow_start:chunks[index - 1].end()])
            slow_start = None
        if segments and isinstance(segments[-1], list):
            segments[-1].extend(fast)
        else:
            segments.append(fast)
    if slow_start is not None:
        segments.append(text[slow_start:chunks[-1].end()])
    return segments


def _first_fence(text: str) -> int:
    """Where the first possible code fence starts; the end of the text when there is none."""
    found = [at for at in (text.find(fence) for fence in _FENCES) if at >= 0]
    return min(found, default=len(text) + 1)


def read_chunk(chunk: str, trim) -> list[FastBlock] | None:
    """The blocks of a chunk when it is plainly a heading, a paragraph, a list or a quote, else None."""
    lines = chunk.split("\n")
    first = lines[0]
    if len(lines) == 1 and _HEADING.match(first):
        return [_heading(first, trim)]
    if _LIST_MARKER.match(first):
        return _list_items(lines, trim)
    if first.startswith(">"):
        return _quote(lines, trim)
    if _is_paragraph(lines):
        return [FastBlock("paragraph", trim(chunk))]
    return None


def _is_paragraph(lines: list[str]) -> bool:
    return _opens_paragraph(lines[0]) and all(_continues_paragraph(line) for line in lines[1:])


def _list_items(lines: list[str], trim) -> list[FastBlock] | None:
    """A list whose items are one line each, with nothing but a paragraph in them."""
    items = []
    for line in lines:
        marker = _LIST_MARKER.match(line)
        if marker is None or not _opens_paragraph(line[marker.end():]):
            return None
        items.append(FastBlock("item", trim(line[marker.end():]), 1))
    return items


def _quote(lines: list[str], trim) -> list[FastBlock] | None:
    """A block quote of plain paragraphs, every line marked with "> " (or a lone ">" between paragraphs)."""
    inner = []
    for line in lines:
        if line != ">" and not (line.startswith("> ") and line[2:3] not in ("", " ", "\t")):
            return None
        inner.append(line[2:])
    paragraphs: list[list[str]] = [[]]
    for line in inner:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if not paragraphs or not all(_is_paragraph(paragraph) for paragraph in paragraphs):
        return None
    return [FastBlock("quote", trim("\n".join(paragraph)), 1) for paragraph in paragraphs]


def _opens_paragraph(line: str) -> bool:
    """True when a line at the margin can only start a paragraph."""
    head = line[:1]
    if not head or head in " \t" or _ORDERED_MARKER.match(line):
        return False
    if head not in _BLOCK_OPENERS:
        return True
    # "*By a reporter*" or "_Note_": emphasis, neither a bullet nor a thematic break.
    return head in "*_" and line[1:2] not in ("", " ", "\t") and line.strip(head + " \t") != ""


def _continues_paragraph(line: str) -> bool:
    """True when a line after the first of a paragraph cannot end it (whatever its indent)."""
    rest = line.lstrip(" \t")
    head = rest[:1]
    return head not in _BLOCK_OPENERS and not _ORDERED_MARKER.match(rest)


def _heading(line: str, trim) -> FastBlock:
    """An ATX heading as markdown-it's heading rule reads it, closing hashes dropped."""
    level = len(line) - len(line.lstrip("#"))
    end = max(len(line.rstrip(" \t")), level)
    closing = end
    while closing > level and line[closing - 1] == "#":
        closing -= 1
    if closing > level and line[closing - 1] in " \t":
        end = closing
    return FastBlock("heading", trim(line[level:end]), level)
