"""Splitting a sanitised text into raw blocks: Markdown through markdown-it-py (its plainest
chunks read directly, see :mod:`tui.blocks_fast`), plain text by blank lines.

A block is a paragraph before repair: its kind as the markup says it
(heading, list, quote, body), its plain text on one line, and a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from functools import cache

from tui.blocks_fast import FastBlock, markdown_segments

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
    text = text.replace("\n", " ")
    if "  " in text or "\t" in text:  # the substitution is slow, and most texts need none
        text = _SPACES.sub(" ", text)
    return text.strip()


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
# A whole block in one emphasis ("*By A. Writer*", "**Note**") with no other markup inside;
# it opens and closes on a letter or digit, so the delimiters can only be emphasis.
_EMPHASISED = re.compile(r"(\*\*?|__?)([^\W_](?:[^*_`\\\[\]<>&!~\n]*[^\W_])?)\1")
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
        return markup_text(token.content, env)
    return _children_text(token.children)


def markup_text(content: str, env: dict | None = None) -> str:
    """Plain text of a block's inline Markdown source (``env`` holds the text's link definitions)."""
    if not _INLINE_MARKUP.search(content):
        return squash(content)
    emphasised = _EMPHASISED.fullmatch(content)
    if emphasised:  # a byline in italics, say: markdown-it would give just the words
        return squash(emphasised.group(2))
    return _children_text(_parsers()[0].parseInline(content, env if env is not None else {})[0].children)


def _children_text(children) -> str:
    parts = []
    for child in children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return squash("".join(parts))


def markdown_blocks(text: str) -> list[RawBlock]:
    """Blocks of a Markdown text: headings, paragraphs, list items, block quotes, code and table rows.

    Plain chunks are read directly (see :mod:`tui.blocks_fast`); the rest goes through
    markdown-it.  Every segment is parsed before any inline text is read, because a link
    definition anywhere in the text applies to links before it.
    """
    reader = _MarkdownReader()
    parser = _parsers()[1]
    segments = markdown_segments(text)
    tokens = {index: parser.parse(segment, reader.env)
              for index, segment in enumerate(segments) if isinstance(segment, str)}
    for index, segment in enumerate(segments):
        if isinstance(segment, str):
            reader.read_tokens(tokens[index])
        else:
            reader.read_fast(segment)
    return [b for b in reader.blocks if b.text]


class _MarkdownReader:
    """Turns markdown-it tokens and fast blocks, in text order, into raw blocks."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.env: dict = {}
        self.page_break = False

    def add_inline(self, text: str, heading_level: int, list_depth: int, quote_depth: int) -> None:
        """A paragraph, heading or list item; a lone page number only marks a page break."""
        block = _inline_block(text, heading_level, list_depth, quote_depth)
        if block.kind == "body" and self.blocks and _PAGE_MARKER.match(block.text):
            self.page_break = True
        elif block.text:
            block.after_page_break, self.page_break = self.page_break, False
            self.blocks.append(block)

    def read_fast(self, fast_blocks: list[FastBlock]) -> None:
        for fast in fast_blocks:
            text = markup_text(fast.content, self.env)
            if fast.kind == "heading":
                self.add_inline(text, fast.level, 0, 0)
            elif fast.kind == "quote":
                self.add_inline(text, 0, 0, fast.level)
            else:
                self.add_inline(text, 0, fast.level, 0)  # a list item's depth; a paragraph's level is 0

    def read_tokens(self, tokens) -> None:
        list_depth = quote_depth = 0
        heading_level = 0
        table_header: list[str] = []
        env = self.env
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
                self.page_break = True
            elif kind == "inline" and tokens[index - 1].type in ("paragraph_open", "heading_open"):
                self.add_inline(inline_text(token, env), heading_level, list_depth, quote_depth)
                heading_level = 0
            elif kind in ("fence", "code_block"):
                self.blocks.extend(RawBlock("body", squash(line)) for line in token.content.splitlines()
                                   if line.strip())
            elif kind == "tr_open" and tokens[index - 1].type == "thead_open":
                table_header = _table_cells(tokens, index, env)
            elif kind == "tr_open":
                self.blocks.append(RawBlock("list", _table_row(table_header, _table_cells(tokens, index, env)), 1))


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
