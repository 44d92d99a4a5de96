"""Opening a text for the reader: paint a preview of a long text at once, split the rest later."""

from __future__ import annotations

from dataclasses import dataclass

from tui.document import Document
from tui.loader import LoadError, document_from_text, preview_document, read_text

PREVIEW_CHARS = 60_000  # texts longer than this are shown from a preview first


@dataclass
class Opened:
    """A text ready to show: its document, and the whole text when that is only a preview."""

    document: Document
    pending: tuple[str, str, list[str]] | None = None  # (text, encoding, warnings)

    @property
    def is_preview(self) -> bool:
        return self.pending is not None


def open_text(path: str) -> Opened:
    """Read ``path``; a long text gives a preview document and the text to split later."""
    text, encoding, warnings = read_text(path)
    if len(text) > PREVIEW_CHARS:
        preview = preview_document(text, path)
        if preview.paragraphs:
            preview.warnings = list(warnings)
            return Opened(preview, (text, encoding, warnings))
    return Opened(full_document(path, text, encoding, warnings))


def full_document(path: str, text: str, encoding: str, warnings: list[str]) -> Document:
    """The whole document of an already read text; LoadError if nothing is readable."""
    document = document_from_text(text, path, encoding=encoding, warnings=warnings, sanitised=True)
    if not document.paragraphs:
        raise LoadError(f"{path}: holds no readable text")
    return document
