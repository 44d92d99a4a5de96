"""Loading a file (or standard input) into a :class:`~tui.document.Document`.

Every problem with the input becomes a :class:`LoadError` carrying one line
for the user; nothing here lets a traceback through for bad input.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
import sys
from pathlib import Path

from tui.blocks import RawBlock, markdown_blocks, split_front_matter, text_blocks
from tui.document import Document, Paragraph, paragraph_id
from tui.gc_pause import cyclic_gc_paused
from tui.repair import classify, rejoin_splits, unstack_lines
from tui.sentences import split_sentences
from tui.textclean import decode, looks_binary, sanitise

MAX_BYTES = 50 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


class LoadError(Exception):
    """A text could not be loaded; ``str(error)`` is one line naming the file and the problem."""


def read_bytes(path: str) -> bytes:
    """The raw bytes of ``path`` (``-`` is standard input), or a LoadError saying why not."""
    if path == "-":
        return _read_stdin()
    _checked_size(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror or error})") from None


def _checked_size(path: str) -> int:
    """The size of a regular, not too large file at ``path``, or a LoadError saying what is wrong."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{path}: is a directory, not a text file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"{path}: not a regular file")
    if info.st_size > MAX_BYTES:
        raise LoadError(f"{path}: too large ({info.st_size / 1048576:.0f} MB; the limit is 50 MB)")
    return info.st_size


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError("-: no standard input to read")
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise LoadError("-: standard input is too large (the limit is 50 MB)")
    return data


def decode_text(path: str, data: bytes) -> tuple[str, str, list[str]]:
    """Sanitised text, encoding and warnings for the bytes of ``path``."""
    if looks_binary(data):
        raise LoadError(f"{path}: looks like a binary file (it holds NUL bytes), not a text")
    text, encoding, warning = decode(data)
    text = sanitise(text)
    if not text.strip():
        raise LoadError(f"{path}: is empty" if not data.strip() else f"{path}: holds no readable text")
    return text, encoding, [f"{path}: {warning}"] if warning else []


def is_markdown(path: str, text: str) -> bool:
    """Markdown by extension; standard input is Markdown when it opens with a heading."""
    if path == "-":
        return text.lstrip().startswith("# ")
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def document_from_text(text: str, path: str = "<text>", markdown: bool | None = None,
                       encoding: str = "utf-8", warnings: list[str] | None = None,
                       sanitised: bool = False) -> Document:
    """Build a Document from decoded text; ``sanitised`` says the text already went through sanitise()."""
    text = text if sanitised else sanitise(text)
    markdown = is_markdown(path, text) if markdown is None else markdown
    front_matter: dict[str, str] = {}
    with cyclic_gc_paused():  # a book's blocks and paragraphs: 5-10% of the time in the collector
        if markdown:
            front_matter, body = split_front_matter(text)
            blocks = markdown_blocks(body)
        else:
            blocks = text_blocks(text)
        blocks = rejoin_splits(unstack_lines(blocks))
        kinds, meta = classify(blocks, front_matter)
        paragraphs = build_paragraphs(blocks, kinds)
    return Document(path=path, title=meta.title, author=meta.author, date=meta.date, paragraphs=paragraphs,
                    content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    encoding=encoding, warnings=list(warnings or []))


def build_paragraphs(blocks: list[RawBlock], kinds: list[str]) -> list[Paragraph]:
    """Paragraphs with stable ids; a repeated text gets a numbered id so ids stay unique."""
    seen: dict[str, int] = {}
    paragraphs = []
    for index, (block, kind) in enumerate(zip(blocks, kinds)):
        base = paragraph_id(block.text)
        seen[base] = seen.get(base, 0) + 1
        pid = base if seen[base] == 1 else f"{base}-{seen[base]}"
        sentences = (block.text,) if kind in ("title", "heading", "byline") else tuple(split_sentences(block.text))
        paragraphs.append(Paragraph(index, pid, kind, block.text, sentences or (block.text,), block.level))
    return paragraphs


def read_text(path: str) -> tuple[str, str, list[str]]:
    """Sanitised text, encoding and warnings of ``path``; raises LoadError on bad input."""
    return decode_text(path, read_bytes(path))


def preview_document(text: str, path: str, limit: int = 24_000) -> Document:
    """A Document of the first ``limit`` characters of a sanitised text, cut at a paragraph break.

    The reader paints this at once for a long text while the whole text is split in the
    background; its paragraphs carry the same indices as the first ones of the full document.
    """
    if len(text) <= limit:
        return document_from_text(text, path, sanitised=True)
    cut = text.rfind("\n\n", 0, limit)
    return document_from_text(text[:cut if cut > 0 else limit], path, sanitised=True)


def load_document(path: str) -> Document:
    """Read, decode, sanitise and split ``path`` into a Document; raises LoadError on bad input."""
    text, encoding, warnings = read_text(path)
    document = document_from_text(text, path, encoding=encoding, warnings=warnings, sanitised=True)
    if not document.paragraphs:
        raise LoadError(f"{path}: holds no readable text")
    return document


def preflight(path: str, sample: int = 262_144) -> None:
    """Check cheaply that ``path`` can be opened as a text before the reader starts (raises LoadError).

    Only the first ``sample`` bytes are read: the reader reads the whole file itself, and
    reading a book twice before the first paint would show.
    """
    size = _checked_size(path)
    if size <= sample:
        decode_text(path, read_bytes(path))
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(sample)
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror or error})") from None
    if looks_binary(head):
        raise LoadError(f"{path}: looks like a binary file (it holds NUL bytes), not a text")


def read_head(path: str, limit: int) -> tuple[str, str, list[str]] | None:
    """Sanitised text of roughly the first ``limit`` bytes of ``path``, cut at a line end.

    For the reader's first paint of a long file; None when the file is short enough to
    read whole, or is UTF-16 (whose line ends a byte cut could split).
    """
    if path == "-" or _checked_size(path) <= limit:
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(limit)
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror or error})") from None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    cut = head.rfind(b"\n\n")
    head = head[:cut] if cut > 0 else head[:head.rfind(b"\n") + 1] or head
    return decode_text(path, head)
