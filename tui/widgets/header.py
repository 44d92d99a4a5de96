"""The reader's header line: title, author, date and reading progress."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.document import Document


def progress_text(index: int, total: int) -> str:
    """``¶ 12 of 140 · 8%`` for paragraph ``index`` (from 0)."""
    if not total:
        return "empty text"
    percent = round(100 * (index + 1) / total)
    return f"¶ {index + 1} of {total} · {percent}%"


def title_parts(document: Document) -> list:
    """Title (bold), author and date, as Content parts."""
    title = document.title or document.path.rsplit("/", 1)[-1]
    parts: list = [(title, "bold")]
    for extra in (document.author, document.date):
        if extra:
            parts += ["  ·  ", extra]
    return parts


class ReaderHeader(Static):
    """One line: what is being read on the left, where the reader is on the right."""

    def __init__(self, document: Document) -> None:
        super().__init__(id="header")
        self.document = document
        self.index = 0
        self.extra = ""

    def on_mount(self) -> None:
        self.show(0)

    def set_document(self, document: Document, index: int) -> None:
        """Show another document (a long text's whole, after its preview) at paragraph ``index``."""
        self.document = document
        if self.is_mounted:
            self.show(index)

    def show(self, index: int, extra: str | None = None) -> None:
        """Show paragraph ``index`` as the position; ``extra`` (e.g. search state) goes before it."""
        self.index = index
        if extra is not None:
            self.extra = extra
        right = progress_text(index, len(self.document.paragraphs))
        if self.extra:
            right = f"{self.extra}   {right}"
        left = Content.assemble(*title_parts(self.document))
        width = self.content_region.width or 120
        room = max(1, width - len(right) - 2)
        left = left.truncate(room, ellipsis=True)
        gap = " " * max(1, width - left.cell_length - len(right))
        self.update(Content.assemble(left, gap, (right, "bold")), layout=False)

    def on_resize(self) -> None:
        self.show(self.index)
