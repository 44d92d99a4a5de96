"""Reading state: where the reader was in each text, and the recent texts.

Kept as one JSON file in the user's state directory (never the cache
directory, which cleaners empty). Texts are keyed by their absolute path.
A damaged state file is treated as empty: losing a reading position must
never stop the reader.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tui.appdirs import ensure_dir, state_dir

STATE_NAME = "reading.json"
MAX_RECENT = 20


@dataclass
class TextState:
    """What the reader remembers about one text.

    Attributes:
        paragraph: The focused paragraph when last closed.
        read: Paragraphs seen, as sorted ``[start, end]`` inclusive ranges.
        total: Paragraph count of the text when last opened.
        title: The text's title, for the start screen.
        notes: Number of notes on the text when last closed.
    """

    paragraph: int = 0
    read: list[list[int]] = field(default_factory=list)
    total: int = 0
    title: str | None = None
    notes: int = 0

    @property
    def read_count(self) -> int:
        return sum(end - start + 1 for start, end in self.read)

    @property
    def percent(self) -> int:
        return round(100 * self.read_count / self.total) if self.total else 0

    def mark_read(self, first: int, last: int) -> None:
        """Add the paragraphs ``first..last`` (inclusive) to the read ranges."""
        self.read = merge_ranges(self.read + [[first, last]])


def merge_ranges(ranges: list[list[int]]) -> list[list[int]]:
    """Sorted, merged inclusive ranges (touching ranges are joined)."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def state_path() -> Path:
    """Where the reading state lives."""
    return state_dir() / STATE_NAME


def text_key(path: str | Path) -> str:
    """The key of a text in the state file: its absolute path."""
    return str(Path(path).expanduser().resolve())


def _text_state(raw: object) -> TextState | None:
    if not isinstance(raw, dict):
        return None
    try:
        read = merge_ranges([[int(a), int(b)] for a, b in raw.get("read", [])])
        return TextState(paragraph=int(raw.get("paragraph", 0)), read=read,
                         total=int(raw.get("total", 0)), title=raw.get("title"),
                         notes=int(raw.get("notes", 0)))
    except (TypeError, ValueError):
        return None


class ReadingState:
    """All texts' reading state, loaded from and saved to the state file."""

    def __init__(self, texts: dict[str, TextState] | None = None,
                 recent: list[str] | None = None, path: Path | None = None) -> None:
        self.texts = texts or {}
        self.recent = recent or []
        self.path = path or state_path()

    @classmethod
    def load(cls, path: Path | None = None) -> ReadingState:
        """Read the state file; a missing or damaged one gives an empty state."""
        path = path or state_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path=path)
        if not isinstance(raw, dict):
            return cls(path=path)
        texts = {}
        for key, value in (raw.get("texts") or {}).items():
            if (state := _text_state(value)) is not None:
                texts[key] = state
        recent = [r for r in raw.get("recent") or [] if isinstance(r, str)]
        return cls(texts, recent[:MAX_RECENT], path)

    def get(self, path: str | Path) -> TextState:
        """The state of one text (a fresh one if it was never opened)."""
        return self.texts.setdefault(text_key(path), TextState())

    def touch(self, path: str | Path) -> None:
        """Put a text at the front of the recent list."""
        key = text_key(path)
        self.recent = [key] + [r for r in self.recent if r != key][: MAX_RECENT - 1]

    def to_json(self) -> dict:
        texts = {key: {"paragraph": s.paragraph, "read": s.read, "total": s.total,
                       "title": s.title, "notes": s.notes} for key, s in self.texts.items()}
        return {"schema": 1, "recent": self.recent, "texts": texts}

    def save(self) -> str | None:
        """Write the state file atomically; returns a message if it failed."""
        try:
            ensure_dir(self.path.parent)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".reading-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.to_json(), out, ensure_ascii=False)
            os.replace(temp, self.path)
        except OSError as error:
            return f"cannot save the reading position ({error})"
        return None
