"""Opening a text for the reader: paint a preview of a long text at once, split the rest later."""

from __future__ import annotations

from dataclasses import dataclass

from tui.document import Document
from tui.loader import LoadError, document_from_text, preview_document, read_head, read_text

PREVIEW_CHARS = 60_000  # texts longer than this are shown from a preview first
HEAD_BYTES = 64_000  # a file longer than this is read whole only after the first paint


@dataclass
class Opened:
    """A text ready to show: its document, and what is still to read when that is only a preview.

    ``pending`` is (text, encoding, warnings) of the whole text, or (None, "", []) when the
    file itself is still to be read in the background.
    """

    document: Document
    pending: tuple[str | None, str, list[str]] | None = None

    @property
    def is_preview(self) -> bool:
        return self.pending is not None


def open_text(path: str) -> Opened:
    """Read ``path``; a long text gives a preview document and what is left to do later."""
    head = read_head(path, HEAD_BYTES)
    if head is not None:
        preview = preview_document(head[0], path)
        if preview.paragraphs:
            preview.warnings = list(head[2])
            return Opened(preview, (None, "", []))
    text, encoding, warnings = read_text(path)
    if len(text) > PREVIEW_CHARS:
        preview = preview_document(text, path)
        if preview.paragraphs:
            preview.warnings = list(warnings)
            return Opened(preview, (text, encoding, warnings))
    return Opened(full_document(path, text, encoding, warnings))


def full_document(path: str, text: str | None, encoding: str, warnings: list[str]) -> Document:
    """The whole document of ``path`` (read now when ``text`` is None); LoadError if nothing is readable."""
    if text is None:
        text, encoding, warnings = read_text(path)
    document = document_from_text(text, path, encoding=encoding, warnings=warnings, sanitised=True)
    if not document.paragraphs:
        raise LoadError(f"{path}: holds no readable text")
    return document
