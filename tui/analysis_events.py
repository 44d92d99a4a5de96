"""What an analysis run is asked to do, and the events it sends back.

Shared by :mod:`tui.analysis_runner` (the parent's handle on a run) and
:mod:`tui.analysis_child` (the work, in a child process or a thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.document import Document

if TYPE_CHECKING:  # tui.analysis imports every extractor (~0.3 s): loaded once a result arrives
    from tui.analysis import Analysis


@dataclass(frozen=True)
class ProgressEvent:
    """The analysis reached ``stage``; ``fraction`` (0-1) of the whole run is done."""

    stage: str
    fraction: float


@dataclass(frozen=True)
class DoneEvent:
    """The analysis is ready; ``cached`` says it came from the cache; ``stats`` holds timings."""

    analysis: Analysis
    cached: bool = False
    stats: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FailedEvent:
    """The analysis could not be made; ``message`` is one line for the user."""

    message: str
    detail: str = ""


@dataclass(frozen=True)
class DocumentEvent:
    """The whole document, loaded by the child (only when asked for with ``send_document``).

    ``notes_seed`` (a :class:`tui.notes_seed.NotesSeed`) spares the parent the costly part of
    opening the text's notes; None when it could not be prepared.
    """

    document: Document
    notes_seed: object | None = None


Event = ProgressEvent | DocumentEvent | DoneEvent | FailedEvent


@dataclass(frozen=True)
class RunRequest:
    """What a run analyses; sent to the child process."""

    path: str
    content_hash: str | None  # None: not known yet (a preview is shown), take the file as it is
    summary_sentences: int | None
    parent_pid: int
    send_document: bool = False
