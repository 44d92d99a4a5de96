"""Helpers shared by the brief tests: parsing a brief with markdown-it-py and fixed analyses.

(No tests here; pytest collects the module and finds none.)
"""

from __future__ import annotations

import json
from pathlib import Path

from markdown_it import MarkdownIt

from tui.analysis import Analysis
from tui.summary import SummaryResult

GOLDEN = Path(__file__).resolve().parent / "golden"

# CommonMark plus the GFM pieces GitHub renders (tables, strikethrough).
_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def parse(markdown: str):
    """The block-level token stream of ``markdown``."""
    return _PARSER.parse(markdown)


def plain(inline_token) -> str:
    """The text a reader sees in an inline token (escapes resolved, markup dropped)."""
    parts = []
    for child in inline_token.children or ():
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def inline_types(inline_token) -> list[str]:
    """The types of an inline token's children (to spot links, HTML, code, emphasis)."""
    return [child.type for child in inline_token.children or ()]


def headings(tokens) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((int(token.tag[1]), plain(tokens[i + 1])))
    return found


def tables(tokens) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    result: list[list[list[str]]] = []
    row: list[str] | None = None
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            result.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(plain(tokens[i + 1]) if tokens[i + 1].type == "inline" else "")
        elif token.type == "tr_close":
            result[-1].append(row)
    return result


def blocks_of(tokens, open_type: str) -> list[list[str]]:
    """For each block of ``open_type`` (e.g. ``blockquote_open``), the texts of its inline tokens."""
    result = []
    depth = 0
    close_type = open_type.replace("_open", "_close")
    for token in tokens:
        if token.type == open_type:
            if depth == 0:
                result.append([])
            depth += 1
        elif token.type == close_type:
            depth -= 1
        elif depth and token.type == "inline":
            result[-1].append(plain(token))
    return result


def list_items(tokens) -> list[str]:
    """The first line of text of every list item, in order (nested items included)."""
    items = []
    for i, token in enumerate(tokens):
        if token.type == "list_item_open":
            for later in tokens[i + 1:]:
                if later.type == "inline":
                    items.append(plain(later))
                    break
    return items


def html_blocks(tokens) -> list[str]:
    return [t.content.strip() for t in tokens if t.type == "html_block"]


def inline_tokens(tokens):
    return [t for t in tokens if t.type == "inline"]


def load_analysis(path: Path) -> Analysis:
    """A fixed Analysis from a JSON fixture (so golden briefs do not move with the extractors)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Analysis(summary=SummaryResult(sentences=data["summary"]), figures=data["figures"],
                    quotes=data["quotes"], sources=data["sources"])
