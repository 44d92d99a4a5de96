"""Messages the reader's workers post; progress floods collapse (``can_replace``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from tui.document import Document

if TYPE_CHECKING:
    from tui.analysis import Analysis


class AnalysisProgress(Message):
    """The analysis reached ``stage`` (``fraction`` done, 0..1)."""

    def __init__(self, stage: str, fraction: float, generation: int) -> None:
        super().__init__()
        self.stage, self.fraction, self.generation = stage, fraction, generation

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


class AnalysisReady(Message):
    """The analysis of document ``generation`` is complete."""

    def __init__(self, analysis: Analysis, generation: int) -> None:
        super().__init__()
        self.analysis, self.generation = analysis, generation


class TextReloaded(Message):
    """The text was loaded again: changed on disk, or split in full after a preview."""

    def __init__(self, document: Document, after_preview: bool = False, store=None) -> None:
        super().__init__()
        self.document, self.after_preview, self.store = document, after_preview, store


class StoreOpened(Message):
    """The notes of ``document`` were opened (in a thread) as ``store``."""

    def __init__(self, document: Document, store) -> None:
        super().__init__()
        self.document, self.store = document, store
