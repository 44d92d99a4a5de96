"""Paragraph repair and metadata: what a careful reader does before reading.

Rejoins paragraphs split in mid-sentence, recognises the title, the byline
and the dateline, and marks the boilerplate at the end. Nothing is deleted:
every block keeps its text and gets a kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.blocks import RawBlock
from tui.dates import find_date

_CLOSING = ".!?…:;\"”’')]»"
_BYLINE = re.compile(r"^(?:by|words by|written by|reporting by|von|par)\s+(?P<who>[^|•·]+?)\s*(?:[|•·,;—–-]\s*(?P<rest>.*))?$", re.I)
_BYLINE_ROLE = re.compile(r",\s*(?:[A-Z][a-z]+\s+)*(?:correspondent|editor|reporter|writer|staff|columnist|in\s+[A-Z]\w+).*$", re.I)
_DATELINE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|date)\s*:?\s*", re.I)
_BOILERPLATE = re.compile(
    r"(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved|\bsubscribe\b|\bnewsletter\b|\bsign up\b|"
    r"\bshare (?:this|on)\b|\bfollow us\b|\bfollow @|\bcontact (?:us|the|our)\b|\bemail us\b|"
    r"\bread (?:more|the rest)\b|\bclick here\b|\bdownload (?:our|the) app\b|\bterms of (?:use|service)\b|"
    r"\bprivacy policy\b|\bcorrections?\s*:|\bthis (?:article|story) (?:was|has been) (?:updated|corrected)|"
    r"\breporting by\b|\bediting by\b|\badditional reporting\b|^tags?\s*:|^related\s*:|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+$)", re.I)
_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|da|di|la|le|bin|al-\w+))+$")


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    date: str | None = None


def words_of(text: str) -> int:
    return len(text.split())


def ends_open(text: str) -> bool:
    """True when a paragraph stops in mid-sentence (no closing punctuation)."""
    return bool(text) and text.rstrip()[-1] not in _CLOSING


def rejoin_splits(blocks: list[RawBlock]) -> list[RawBlock]:
    """Rejoin body paragraphs cut in mid-sentence: one ends open and the next begins in lower case."""
    out: list[RawBlock] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous and previous.kind == block.kind and block.kind in ("body", "quote", "list")
                and ends_open(previous.text) and _starts_lower(block.text)
                and (block.after_page_break or words_of(previous.text) >= 8)):
            joiner = "" if previous.text.endswith("-") and previous.text[-2:-1].isalpha() else " "
            previous.text = previous.text + joiner + block.text
            continue
        out.append(block)
    return out


def unstack_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """Split a title stacked on its byline, and a footer of stacked boilerplate lines, into one block a line."""
    out: list[RawBlock] = []
    last = len(blocks) - 1
    for position, block in enumerate(blocks):
        if len(block.lines) > 1 and position <= 1 and _byline_line(block.lines) is not None:
            out.extend(_split_header(block))
        elif len(block.lines) > 1 and position >= last - 2 and _stacked_boilerplate(block.lines):
            out.extend(RawBlock("body", line) for line in block.lines)
        else:
            out.append(block)
    return out


def _byline_line(lines: tuple[str, ...]) -> int | None:
    for number, line in enumerate(lines[1:4], start=1):
        if parse_byline(line) is not None:
            return number
    return None


def _split_header(block: RawBlock) -> list[RawBlock]:
    first = _byline_line(block.lines)
    parts = [RawBlock("body", " ".join(block.lines[:first]))]
    rest = block.lines[first:]
    while rest and parse_byline(rest[0]) is not None:
        parts.append(RawBlock("body", rest[0]))
        rest = rest[1:]
    if rest:
        parts.append(RawBlock("body", " ".join(rest), lines=rest))
    return parts


def _stacked_boilerplate(lines: tuple[str, ...]) -> bool:
    short = all(words_of(line) <= 15 for line in lines)
    return short and sum(map(is_boilerplate, lines)) * 2 >= len(lines)


def _starts_lower(text: str) -> bool:
    first = text.lstrip("\"“‘'([—–- ")[:1]
    return first.islower()


def is_boilerplate(text: str) -> bool:
    """A short contact, subscribe, share, copyright or similar line."""
    return words_of(text) <= 45 and bool(_BOILERPLATE.search(text))


def mark_boilerplate(kinds: list[str], blocks: list[RawBlock]) -> None:
    """Mark the run of boilerplate lines at the end of the text (short non-matching lines may sit inside it)."""
    index = len(blocks) - 1
    run_start = None
    while index > 0:
        text = blocks[index].text
        if is_boilerplate(text):
            run_start = index
        elif not (run_start is not None and words_of(text) <= 8 and not text.endswith((".", "?", "!"))):
            break
        index -= 1
    if run_start is None:
        return
    for i in range(run_start, len(blocks)):
        if kinds[i] in ("body", "list") and (is_boilerplate(blocks[i].text) or words_of(blocks[i].text) <= 8):
            kinds[i] = "boilerplate"


def looks_like_title(block: RawBlock, total: int) -> bool:
    if block.kind == "heading":
        return True
    text = block.text
    return (total > 1 and block.kind == "body" and words_of(text) <= 25 and len(text) <= 200
            and not text.endswith((",", ";")) and not _BYLINE.match(text))


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """(author, ISO date) of a byline or dateline paragraph, or None when it is neither."""
    if words_of(text) > 20:
        return None
    found = find_date(text)
    date = found[0] if found else None
    match = _BYLINE.match(text)
    if match:
        return _clean_author(match.group("who")), date
    if found:
        rest = (text[:found[1].start()] + text[found[1].end():]).strip(" ,|•·—–-")
        rest = _DATELINE_PREFIX.sub("", rest).strip(" ,|•·—–-")
        if not rest or words_of(rest) <= 4:
            author = rest if rest and _NAME.match(rest) else None
            return author, date
    return None


def _clean_author(who: str) -> str | None:
    who = _BYLINE_ROLE.sub("", who).strip(" ,.|")
    return who or None


def dateline_date(text: str) -> str | None:
    """A date at the very start of a body paragraph ("PORT ELLERY, 3 March 2025 — ...")."""
    found = find_date(text[:80])
    return found[0] if found and found[1].start() < 40 else None


def classify(blocks: list[RawBlock], front_matter: dict[str, str]) -> tuple[list[str], Metadata]:
    """Kinds for each block, and the document's metadata."""
    kinds = [block.kind for block in blocks]
    meta = Metadata(front_matter.get("title"), front_matter.get("author"), None)
    if front_matter.get("date"):
        found = find_date(front_matter["date"])
        meta.date = found[0] if found else None
    start = 0
    if not meta.title and blocks and looks_like_title(blocks[0], len(blocks)):
        kinds[0], meta.title, start = "title", blocks[0].text, 1
    for i in range(start, min(start + 4, len(blocks))):
        if blocks[i].kind != "body":
            break
        parsed = parse_byline(blocks[i].text)
        if parsed is None:
            break
        kinds[i] = "byline"
        meta.author = meta.author or parsed[0]
        meta.date = meta.date or parsed[1]
    if not meta.date:
        first_body = next((b for b, k in zip(blocks, kinds) if k == "body"), None)
        meta.date = dateline_date(first_body.text) if first_body else None
    mark_boilerplate(kinds, blocks)
    return kinds, meta
