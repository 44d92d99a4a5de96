"""Writing a brief to disk without ever clobbering a file that is not a closeread brief.

The reader's ``B`` key calls :func:`write_brief_for_reader`: the brief goes to
``NAME.brief.md`` beside the text, or to ``<data dir>/briefs/`` when that folder
cannot be written. A file in the way that is not a closeread brief is kept;
the brief then goes to ``NAME.brief-1.md`` (or the next free number) and the
message says so.
"""

from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from tui import appdirs
from tui.brief import BRIEF_MARKER_PREFIX, BriefInput, BriefOptions, is_brief_text, render_brief

BRIEF_SUFFIX = ".brief.md"
MAX_ALTERNATIVES = 99  # NAME.brief-1.md … NAME.brief-99.md
_MARKER_BYTES = len(BRIEF_MARKER_PREFIX) + 8


class BriefWriteError(Exception):
    """A brief could not be written; the message is one line for the user."""


@dataclass(frozen=True)
class BriefWritten:
    """Where a brief went and the one line to tell the user."""

    path: Path
    message: str
    fallback: bool = False  # written to the data directory because the text's folder is read-only
    renamed: bool = False  # a file that is not a brief was in the way, so another name was used


def is_brief_file(path: Path) -> bool:
    """Whether ``path`` exists and starts with the closeread brief marker."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_MARKER_BYTES)
    except OSError:
        return False
    return is_brief_text(head.decode("utf-8", errors="replace"))


def may_overwrite(path: Path) -> bool:
    """Whether a brief may be written at ``path``: nothing is there, or a closeread brief is."""
    return not os.path.lexists(path) or (path.is_file() and is_brief_file(path))


def brief_name(text_path: str | os.PathLike) -> str:
    """``harbour.brief.md`` for ``harbour.md`` (``text.brief.md`` for standard input)."""
    stem = Path(text_path).stem if str(text_path) not in ("", "-") else "text"
    return (stem or "text") + BRIEF_SUFFIX


def free_brief_path(folder: Path, name: str) -> tuple[Path, bool]:
    """``folder/name`` if a brief may go there, else the first ``NAME.brief-N.md`` that may; and whether renamed."""
    first = folder / name
    if may_overwrite(first):
        return first, False
    stem = name[: -len(BRIEF_SUFFIX)]
    for number in range(1, MAX_ALTERNATIVES + 1):
        candidate = folder / f"{stem}.brief-{number}.md"
        if may_overwrite(candidate):
            return candidate, True
    raise BriefWriteError(f"{first}: in the way, and so are {stem}.brief-1.md to -{MAX_ALTERNATIVES}.md")


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temporary file, so a reader never sees half a brief."""
    handle, temporary = tempfile.mkstemp(prefix=".closeread-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _folder_is_writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _write_in(folder: Path, name: str, text: str, overwrite: bool) -> tuple[Path, bool]:
    path, renamed = (folder / name, False) if overwrite else free_brief_path(folder, name)
    write_text_atomically(path, text)
    return path, renamed


def _message(path: Path, name: str, fallback: bool, renamed: bool, text_folder: Path) -> str:
    where = f"Brief written to {path}"
    if fallback:
        where += f" ({text_folder} is read-only)"
    if renamed:
        where += f"; kept the existing {name}, which is not a closeread brief"
    return where


def _text_folder(text_path: str | os.PathLike) -> Path | None:
    # abspath, not resolve: a symlinked text gets its brief beside the link the user opened.
    return Path(os.path.abspath(text_path)).parent if str(text_path) not in ("", "-") else None


def brief_conflict(text_path: str | os.PathLike, data_dir: Path | None = None) -> Path | None:
    """The file in the way of the brief of ``text_path`` that is not a closeread brief, else None.

    The reader asks the user before passing ``overwrite=True`` when this is not None.
    """
    folder = _text_folder(text_path)
    if folder is None or not _folder_is_writable(folder):
        folder = (data_dir or appdirs.data_dir()) / "briefs"
    target = folder / brief_name(text_path)
    return None if may_overwrite(target) else target


def write_brief(text_path: str | os.PathLike, text: str, *, overwrite: bool = False,
                data_dir: Path | None = None) -> BriefWritten:
    """Write brief ``text`` beside ``text_path`` (or in the data directory) and say where.

    ``overwrite=True`` replaces a non-brief file of the same name (only after asking the user).
    """
    name = brief_name(text_path)
    folder = _text_folder(text_path)
    if folder is not None and _folder_is_writable(folder):
        try:
            path, renamed = _write_in(folder, name, text, overwrite)
            return BriefWritten(path, _message(path, name, False, renamed, folder), False, renamed)
        except PermissionError:
            pass  # access() can say yes on network or read-only mounts: fall back below
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EROFS):
                raise BriefWriteError(f"{folder / name}: cannot write ({error.strerror or error})") from None
    fallback_folder = appdirs.ensure_dir((data_dir or appdirs.data_dir()) / "briefs")
    try:
        path, renamed = _write_in(fallback_folder, name, text, overwrite)
    except OSError as error:
        raise BriefWriteError(f"{fallback_folder / name}: cannot write ({error.strerror or error})") from None
    text_folder = folder if folder is not None else Path.cwd()
    return BriefWritten(path, _message(path, name, folder is not None, renamed, text_folder),
                        folder is not None, renamed)


def write_brief_for_reader(text_path: str | os.PathLike, document, analysis, notes, *,
                           overwrite: bool = False, made_at: datetime | None = None,
                           options: BriefOptions | None = None,
                           data_dir: Path | None = None) -> BriefWritten:
    """Render the brief of one open text and write it as ``NAME.brief.md``: the reader's ``B`` key.

    ``notes`` is the notes store (or its JSON object, or None). The brief carries the
    time it was made (``made_at``, default now) unless ``options`` say otherwise.
    """
    if options is None:
        options = BriefOptions(made_at=made_at or datetime.now(timezone.utc))
    text = render_brief([BriefInput(document, analysis, notes)], options)
    return write_brief(text_path, text, overwrite=overwrite, data_dir=data_dir)
