"""Splitting a sanitised text into raw blocks: Markdown through markdown-it-py, plain text by blank lines.

A block is a paragraph before repair: its kind as the markup says it
(heading, list, quote, body), its plain text on one line, and a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from functools import cache

_BULLET = re.compile(r"^\s*(?:[-*+•‣◦]|\d{1,3}[.)])\s+")
_PAGE_MARKER = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}|\f)\s*$", re.I)
_SPACES = re.compile(r"[ \t]+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass(slots=True)
class RawBlock:
    """A paragraph as the markup gives it, before repair."""

    kind: str
    text: str
    level: int = 0
    after_page_break: bool = False
    lines: tuple[str, ...] = ()  # the source lines of a plain-text block, for header and footer repair


def squash(text: str) -> str:
    """One line with single spaces."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def join_wrapped(lines: list[str]) -> str:
    """Join hard-wrapped lines; a word hyphenated at a line end keeps its hyphen but no space."""
    out = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return squash(out)


# ---------------------------------------------------------------- plain text

def text_blocks(text: str) -> list[RawBlock]:
    """Blocks of a plain text: split on blank lines and page markers; bullet lines become list items."""
    blocks: list[RawBlock] = []
    page_break = False
    for chunk in re.split(r"\n[ \t]*\n|\f", text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and _PAGE_MARKER.match(lines[0]) and blocks:
            page_break = True
            continue
        if "\f" in chunk:
            page_break = True
        new = _chunk_blocks(lines)
        if new and page_break:
            new[0].after_page_break = True
            page_break = False
        blocks.extend(new)
    return blocks


def _chunk_blocks(lines: list[str]) -> list[RawBlock]:
    if len(lines) > 1 and all(_BULLET.match(line) for line in lines):
        return [RawBlock("list", squash(_BULLET.sub("", line, count=1)), 1) for line in lines]
    heading = _MD_HEADING.match(lines[0])
    if len(lines) == 1 and heading:
        return [RawBlock("heading", squash(heading.group(2)), len(heading.group(1)))]
    return [RawBlock("body", join_wrapped(lines), lines=tuple(line.strip() for line in lines))]


# ---------------------------------------------------------------- Markdown

@cache
def _parsers():
    """(full parser, block-only parser), built on first use: plain texts never pay for markdown-it.

    Block structure comes first; inline markup is parsed only where a block holds a markup
    character, which is what keeps a book-length Markdown file quick to open.
    """
    from markdown_it import MarkdownIt

    full = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    blocks_only = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]).disable(
        ["inline", "text_join"])
    return full, blocks_only


_INLINE_MARKUP = re.compile(r"[*_`\\[\]<>&!~]")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` YAML front matter (title, author, date) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().isidentifier():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end():]


def inline_text(token, env: dict | None = None) -> str:
    """Plain text of an inline token: emphasis and link markup dropped, breaks become spaces."""
    if not token.children:
        if not _INLINE_MARKUP.search(token.content):
            return squash(token.content)
        token = _parsers()[0].parseInline(token.content, env if env is not None else {})[0]
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return squash("".join(parts))


def markdown_blocks(text: str) -> list[RawBlock]:
    """Blocks of a Markdown text: headings, paragraphs, list items, block quotes, code and table rows."""
    blocks: list[RawBlock] = []
    list_depth = quote_depth = 0
    heading_level = 0
    page_break = False
    env: dict = {}
    table_header: list[str] = []
    tokens = _parsers()[1].parse(text, env)
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "hr":
            page_break = True
        elif kind == "inline" and tokens[index - 1].type in ("paragraph_open", "heading_open"):
            block = _inline_block(inline_text(token, env), heading_level, list_depth, quote_depth)
            heading_level = 0
            if block.kind == "body" and blocks and _PAGE_MARKER.match(block.text):
                page_break = True
            elif block.text:
                block.after_page_break, page_break = page_break, False
                blocks.append(block)
        elif kind in ("fence", "code_block"):
            blocks.extend(RawBlock("body", squash(line)) for line in token.content.splitlines() if line.strip())
        elif kind == "tr_open" and tokens[index - 1].type == "thead_open":
            table_header = _table_cells(tokens, index, env)
        elif kind == "tr_open":
            blocks.append(RawBlock("list", _table_row(table_header, _table_cells(tokens, index, env)), 1))
    return [b for b in blocks if b.text]


def _inline_block(text: str, heading_level: int, list_depth: int, quote_depth: int) -> RawBlock:
    if heading_level:
        return RawBlock("heading", text, heading_level)
    if list_depth:
        return RawBlock("list", text, list_depth)
    if quote_depth:
        return RawBlock("quote", text, quote_depth)
    return RawBlock("body", text)


def _table_cells(tokens, start: int, env: dict) -> list[str]:
    cells = []
    for token in tokens[start + 1:]:
        if token.type == "tr_close":
            break
        if token.type == "inline":
            cells.append(inline_text(token, env))
    return cells


def _table_row(header: list[str], cells: list[str]) -> str:
    """A table row read out as a sentence: "Source: Leakage; Share: 60%"."""
    pairs = [f"{name}: {cell}" if name else cell for name, cell in zip(header + [""] * len(cells), cells) if cell]
    return "; ".join(pairs)
