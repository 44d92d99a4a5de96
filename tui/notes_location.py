"""Where a text's notes sidecar lives: beside the text, else in the user's data directory.

``is_writable_dir`` is looked up at call time so tests can simulate a read-only
folder by monkeypatching it (root ignores permission bits).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.appdirs import data_dir

SUFFIX = ".notes.toml"
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a text's notes are kept.

    Attributes:
        path: The sidecar to read and write.
        fallback: True when ``path`` is in the user's data directory.
        seed: A read-only sidecar beside the text to start from, when falling back.
        message: One line for the user when not beside the text (else empty).
        writable: False when no writable place exists at all.
    """

    path: Path
    fallback: bool = False
    seed: Path | None = None
    message: str = ""
    writable: bool = True


def primary_path(text_path: str | os.PathLike[str]) -> Path:
    """The sidecar beside a text: ``article.md`` -> ``article.md.notes.toml``."""
    absolute = Path(os.path.abspath(text_path))
    sidecar = absolute.with_name(absolute.name + SUFFIX)
    # A symlinked sidecar (e.g. into a notes repository) is written through, not replaced.
    return Path(os.path.realpath(sidecar)) if sidecar.is_symlink() else sidecar


def fallback_path(text_path: str | os.PathLike[str]) -> Path:
    """The sidecar in the user's data directory, named after the text's absolute path."""
    real = os.path.realpath(text_path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    name = _UNSAFE_NAME.sub("_", os.path.basename(real))[:60] or "text"
    return data_dir() / "notes" / f"{name}-{digest}{SUFFIX}"


def is_writable_dir(directory: Path) -> bool:
    """Whether closeread may create files in ``directory`` (tests monkeypatch this)."""
    return directory.is_dir() and os.access(directory, os.W_OK | os.X_OK)


def choose_location(text_path: str | os.PathLike[str]) -> Location:
    """Beside the text when its folder is writable, else the user's data directory.

    A sidecar already in the data directory is kept using even when the folder
    has become writable: it holds every note written meanwhile.
    """
    primary = primary_path(text_path)
    if not is_writable_dir(primary.parent):
        return fallback_location(text_path, primary)
    fallback = fallback_path(text_path)
    if fallback.is_file():
        return Location(fallback, fallback=True, message=f"notes are kept in {fallback} (the text's folder was read-only)")
    return Location(primary)


def fallback_location(text_path: str | os.PathLike[str], primary: Path) -> Location:
    """The data-directory location used when ``primary``'s folder cannot be written."""
    fallback = fallback_path(text_path)
    try:
        fallback.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    seed = primary if primary.exists() and not fallback.exists() else None
    if not is_writable_dir(fallback.parent):
        return Location(
            primary,
            message=f"cannot save notes: {primary.parent} is not writable and {fallback.parent} cannot be created",
            writable=False,
        )
    message = f"notes are kept in {fallback} ({primary.parent} is not writable)"
    return Location(fallback, fallback=True, seed=seed, message=message)


def conflict_path(sidecar: Path, kind: str = "conflict") -> Path:
    """A free name beside ``sidecar`` for another version: ``a.md.notes.conflict-<time>.toml``."""
    stem = sidecar.name[: -len(".toml")] if sidecar.name.endswith(".toml") else sidecar.name
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    candidate = sidecar.with_name(f"{stem}.{kind}-{stamp}.toml")
    counter = 2
    while candidate.exists():
        candidate = sidecar.with_name(f"{stem}.{kind}-{stamp}-{counter}.toml")
        counter += 1
    return candidate
