"""Escaping of user-written and text-derived strings for Markdown briefs.

Every string that comes from a text, an analysis or a note goes through
:func:`escape_inline` before it reaches a brief, so that it shows literally on
GitHub, in Obsidian and in any CommonMark renderer: it cannot open a heading,
a list, a block quote, a table row, a link, an image, a code span, raw HTML,
emphasis, math, an Obsidian tag, highlight, comment or block id. Strings are
first folded onto one line (:func:`one_line`) because a line break is where
block structure starts; a brief never needs the user's line breaks.
"""

from __future__ import annotations

import re

# Python's own line terminators (str.splitlines) plus spaces and tabs; other
# Unicode spaces such as NBSP are kept because they carry meaning ("10 km").
_BREAKING_SPACE = re.compile(r"[ \t\n\r\v\f\x1c-\x1f\x85\u2028\u2029]+")
# Remaining control characters render as nothing or as garbage: drop them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")

# Characters with inline meaning anywhere on a line:
#   \ ` * _ [ ] < | ~ $   CommonMark, GFM tables/strikethrough, GitHub/Obsidian math
#   & before an entity    "&amp;" must stay five characters
#   # and ^ after a space  Obsidian tags and block ids, ATX closing sequences
#   == and %%             Obsidian highlight and comment
_INLINE_SPECIAL = re.compile(
    r"[\\`*_\[\]<|~$]"
    r"|&(?=#?[0-9A-Za-z]+;)"
    r"|(?<!\S)[#^]"
    r"|=(?==)|(?<==)="
    r"|%(?=%)|(?<=%)%"
)
# Constructs that only count at the start of a line: block quotes, list markers
# ("- ", "+ ", "1. ", "2) ") and thematic breaks ("---"). "-5%" and "1.8 m" stay as they are.
_LINE_START = re.compile(r"^(?:>|[-+](?=[ \t-]|$)|(\d{1,9})[.)](?=[ \t]|$))")

ELLIPSIS = "…"


def one_line(text: object) -> str:
    """``text`` as one line: runs of line breaks, tabs and spaces become one space; control characters go."""
    if text is None:
        return ""
    # Controls go first so that the spaces on either side of one fold into one.
    cleaned = _CONTROL.sub("", str(text))
    return _BREAKING_SPACE.sub(" ", cleaned).strip()


def _escape_line_start(match: re.Match[str]) -> str:
    digits = match.group(1)
    if digits is not None:
        return digits + "\\" + match.group(0)[len(digits):]
    return "\\" + match.group(0)


def escape_inline(text: object) -> str:
    """``text`` folded onto one line and escaped so it renders literally wherever it is placed."""
    escaped = _INLINE_SPECIAL.sub(r"\\\g<0>", one_line(text))
    return _LINE_START.sub(_escape_line_start, escaped, count=1)


def shorten(text: object, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters with an ellipsis."""
    line = one_line(text)
    if limit <= 0 or len(line) <= limit:
        return line
    cut = line[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    # Cut at the last space unless that would drop most of the text (one huge word).
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def escape_short(text: object, limit: int) -> str:
    """:func:`shorten` then :func:`escape_inline`: cut first so no escape is ever split."""
    return escape_inline(shorten(text, limit))


def table_row(cells: list[str]) -> str:
    """One GFM table row of already-escaped cells (an empty cell shows as a dash)."""
    return "| " + " | ".join(cell if cell else "—" for cell in cells) + " |"


def blockquote(escaped_line: str, indent: str = "") -> str:
    """An already-escaped line as a one-line block quote, optionally indented inside a list item."""
    return f"{indent}> {escaped_line}" if escaped_line else f"{indent}>"


def bold(escaped_text: str) -> str:
    """Strong emphasis around already-escaped text."""
    return f"**{escaped_text}**" if escaped_text else ""
