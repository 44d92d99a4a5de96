"""The notes sidecar on disk: reading it strictly, writing it atomically, locking it.

Everything here works on plain records (dicts as read from TOML, validated);
:mod:`tui.notes` turns them into notes and paragraphs. Where it lives is
:mod:`tui.notes_location`; merging two versions is :mod:`tui.notes_merge`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import tomllib
from time import monotonic, sleep
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Iterator

import tomli_w

FORMAT = 1
REVIEW_STATUSES = ("none", "to-check", "verified", "disputed")
LOCK_TIMEOUT = 10.0  # seconds to wait for another closeread saving the same folder
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")

try:  # POSIX only; elsewhere saves are unlocked (the merge still runs)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


class SidecarError(Exception):
    """The sidecar cannot be used; ``str(error)`` is one line naming the file (and line)."""


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class Signature:
    """What the sidecar on disk looked like: to notice that someone else changed it."""

    mtime_ns: int
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class DiskState:
    """The sidecar as found on disk: its bytes and signature (both None when absent)."""

    raw: bytes | None
    signature: Signature | None


def read_disk(path: Path) -> DiskState:
    """Read the sidecar's bytes; a missing file is an empty state, other problems a SidecarError."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            raw = handle.read()
    except FileNotFoundError:
        return DiskState(None, None)
    except IsADirectoryError:
        raise SidecarError(f"{path}: is a directory, not a notes file") from None
    except OSError as error:
        raise SidecarError(f"{path}: cannot read ({error.strerror or error})") from None
    return DiskState(raw, Signature(info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest()))


def empty_records() -> dict[str, Any]:
    """The records of a text without notes."""
    return {"format": FORMAT, "document": {}, "notes": [], "reviews": []}


def parse(raw: bytes | None, path: Path) -> dict[str, Any]:
    """Parse and validate sidecar bytes into records, or raise a SidecarError with the line."""
    if raw is None:
        return empty_records()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SidecarError(f"{path}: line {line}: not valid UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SidecarError(_toml_error_message(path, str(error))) from None
    return _validate(data, path, text)


def _toml_error_message(path: Path, message: str) -> str:
    found = _TOML_POSITION.search(message)
    if not found:
        return f"{path}: {message}"
    return f"{path}: line {found.group(1)}: {_TOML_POSITION.sub('', message)}"


def _validate(data: dict[str, Any], path: Path, text: str) -> dict[str, Any]:
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SidecarError(f"{path}: line {_line_of(text, 'format')}: no format number; not a closeread notes file")
    if version != FORMAT:
        newer = "newer than" if version > FORMAT else "unknown to"
        raise SidecarError(f"{path}: format {version} is {newer} this closeread (it reads format {FORMAT})")
    document = data.get("document", {})
    if not isinstance(document, dict):
        raise SidecarError(f"{path}: line {_line_of(text, 'document')}: 'document' must be a table")
    notes = [_note(item, path, text, n) for n, item in enumerate(_table_list(data, "notes", path, text))]
    reviews = [_review(item, path, text, n) for n, item in enumerate(_table_list(data, "reviews", path, text))]
    _check_unique_ids(notes, path, text)
    hashes = data.get("paragraphs", {}).get("hashes", []) if isinstance(data.get("paragraphs"), dict) else []
    document = {**document, "paragraphs": [h for h in hashes if isinstance(h, str)]} if hashes else document
    return {"format": FORMAT, "document": document, "notes": notes, "reviews": reviews}


def _table_list(data: dict[str, Any], key: str, path: Path, text: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise SidecarError(f"{path}: line {_line_of(text, key)}: '{key}' must be an array of tables ([[{key}]])")
    return value


class _Where:
    """The '<file>: line N: note K' prefix of an error, worked out only when an error is raised."""

    def __init__(self, path: Path, text: str, table: str, number: int) -> None:
        self.path, self.text, self.table, self.number = path, text, table, number

    def __str__(self) -> str:
        line = _line_of_table(self.text, self.table, self.number)
        return f"{self.path}: line {line}: {self.table[:-1]} {self.number + 1}"


def _note(item: Any, path: Path, text: str, number: int) -> dict[str, Any]:
    where = _Where(path, text, "notes", number)
    if not isinstance(item, dict):
        raise SidecarError(f"{where}: not a table")
    note_id, body = item.get("id"), item.get("text")
    if not isinstance(note_id, str) or not note_id:
        raise SidecarError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(body, str):
        raise SidecarError(f"{where}: 'text' must be a string")
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise SidecarError(f"{where}: 'tags' must be a list of strings")
    created = _timestamp(item.get("created"), where, "created")
    return {
        "id": note_id,
        "text": body,
        "tags": list(tags),
        "created": created,
        "updated": _timestamp(item.get("updated", created), where, "updated"),
        "anchor": _anchor(item.get("anchor", {}), where),
    }


def _review(item: Any, path: Path, text: str, number: int) -> dict[str, Any]:
    where = _Where(path, text, "reviews", number)
    if not isinstance(item, dict):
        raise SidecarError(f"{where}: not a table")
    status = item.get("status")
    if status not in REVIEW_STATUSES:
        raise SidecarError(f"{where}: 'status' must be one of {', '.join(REVIEW_STATUSES)}")
    return {
        "status": status,
        "updated": _timestamp(item.get("updated"), where, "updated"),
        "anchor": _anchor(item.get("anchor", {}), where),
    }


def _anchor(item: Any, where: _Where) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise SidecarError(f"{where}: 'anchor' must be a table")
    index = item.get("index", -1)
    if not isinstance(index, int) or isinstance(index, bool):
        raise SidecarError(f"{where}: anchor 'index' must be an integer")
    anchor: dict[str, Any] = {"index": index}
    for key in ("hash", "quote", "prefix", "suffix"):
        value = item.get(key, "")
        if not isinstance(value, str):
            raise SidecarError(f"{where}: anchor '{key}' must be a string")
        anchor[key] = value
    return anchor


def _timestamp(value: Any, where: _Where | None, key: str) -> datetime:
    """A timezone-aware datetime from a TOML datetime, date or ISO 8601 string."""
    if value is None:
        return datetime.fromtimestamp(0).astimezone()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise SidecarError(f"{where}: '{key}' is not an ISO 8601 time") from None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if not isinstance(value, datetime):
        raise SidecarError(f"{where}: '{key}' is not a time")
    return value if value.tzinfo else value.astimezone()


def _check_unique_ids(notes: list[dict[str, Any]], path: Path, text: str) -> None:
    seen: set[str] = set()
    for number, note in enumerate(notes):
        if note["id"] in seen:
            line = _line_of_table(text, "notes", number)
            raise SidecarError(f"{path}: line {line}: note id {note['id']!r} is used twice")
        seen.add(note["id"])


def _line_of(text: str, key: str) -> int:
    found = re.search(rf"^[ \t]*\[?[ \t]*{re.escape(key)}\b", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _line_of_table(text: str, key: str, number: int) -> int:
    """The line of the ``number``-th ``[[key]]`` header (best effort: 1 when not found)."""
    headers = list(re.finditer(rf"^[ \t]*\[\[[ \t]*{re.escape(key)}[ \t]*\]\]", text, re.MULTILINE))
    if number < len(headers):
        return text.count("\n", 0, headers[number].start()) + 1
    return _line_of(text, key)


# --------------------------------------------------------------------------- writing


def dump(records: dict[str, Any]) -> bytes:
    """Serialise records to TOML bytes; multi-line strings only when they read back exactly."""
    data = _ordered(records)
    for multiline in (True, False):
        text = tomli_w.dumps(data, multiline_strings=multiline)
        if tomllib.loads(text) == data:
            return text.encode("utf-8")
    raise SidecarError("internal error: the notes do not survive a TOML round trip; not saved")


def _ordered(records: dict[str, Any]) -> dict[str, Any]:
    """Records in the on-disk order: format, document, notes, reviews, then the paragraph hashes.

    The hashes (of every paragraph when last saved; they keep re-anchoring from
    choosing an unchanged paragraph) go last so a person reads the notes first.
    """
    document = dict(records.get("document", {}))
    hashes = document.pop("paragraphs", [])
    data: dict[str, Any] = {"format": FORMAT, "document": document}
    if records.get("notes"):
        data["notes"] = records["notes"]
    if records.get("reviews"):
        data["reviews"] = records["reviews"]
    if hashes:
        data["paragraphs"] = {"hashes": hashes}
    return data


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, whole."""
    mode = _mode_of(path)
    temporary = path.with_name(f".{path.name}.tmp-{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_directory(path.parent)


def _mode_of(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666  # os.open applies the umask


def fsync_directory(directory: Path) -> None:
    """Flush a directory entry change to disk (a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files left by a killed save (call only while holding the lock)."""
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f".{glob_escape(path.name)}.tmp-*"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def glob_escape(name: str) -> str:
    """``name`` with glob metacharacters escaped."""
    return re.sub(r"([*?\[])", r"[\1]", name)


@contextlib.contextmanager
def locked(directory: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` for one check-merge-write cycle.

    Gives up with a SidecarError after ``timeout`` seconds rather than hang the
    reader behind a stuck process. Filesystems without locks are used unlocked.
    """
    descriptor = None
    if fcntl is not None:
        with contextlib.suppress(OSError):
            descriptor = os.open(directory, os.O_RDONLY)
    try:
        if descriptor is not None:
            _acquire(descriptor, directory, timeout)
        yield
    finally:
        if descriptor is not None:
            os.close(descriptor)  # closing releases the lock


def _acquire(descriptor: int, directory: Path, timeout: float) -> None:
    deadline = monotonic() + timeout
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if monotonic() > deadline:
                raise SidecarError(f"{directory}: notes are locked by another closeread process; not saved") from None
            sleep(0.005)
        except OSError as error:
            if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                return
            raise


def is_permission_problem(error: OSError) -> bool:
    """Whether a failed write means 'this place is not writable' (so try the fallback)."""
    return isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
