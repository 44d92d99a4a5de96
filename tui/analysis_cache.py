"""An on-disk cache of analyses, so that reopening a long text is instant.

An entry is keyed by the document's content hash, the analysis version (see
:func:`cache_version`) and the requested summary length. Entries are gzipped
JSON written atomically; an unreadable or corrupt entry counts as a miss and
never raises. The cache keeps at most :data:`MAX_ENTRIES` entries and
:data:`MAX_BYTES` bytes, dropping the least recently used first.

The directory is ``$CLOSEREAD_CACHE_DIR`` when set (tests), else
``platformdirs.user_cache_dir("closeread")/analysis``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from tui import __version__

if TYPE_CHECKING:  # tui.analysis imports every extractor (~0.3 s): loaded only when needed
    from tui.analysis import Analysis, Progress
    from tui.document import Document

# Bump when an extractor's output changes without a change of tui.__version__.
ANALYSIS_REVISION = "1"
ANALYSIS_VERSION = f"{__version__}+a{ANALYSIS_REVISION}"

CACHE_ENV = "CLOSEREAD_CACHE_DIR"
MAX_ENTRIES = 50
MAX_BYTES = 200 * 1024 * 1024
ENTRY_FORMAT = 1
SUFFIX = ".json.gz"
# Level 1 compresses an analysis ~4x, several times faster than the default level 9.
COMPRESSLEVEL = 1
_STALE_TEMP_SECONDS = 3600
# The core modules whose code decides an analysis; the reader's own modules are left out.
_NOT_ANALYSIS_CODE = frozenset({"app.py", "analysis_runner.py", "analysis_child.py", "analysis_events.py",
                                "analysis_cache.py"})

_code_digest: str | None = None


# -- dict form of an Analysis -----------------------------------------------

def analysis_to_dict(analysis: Analysis) -> dict:
    """A plain, JSON-ready dict of ``analysis`` (it shares its lists with the analysis)."""
    summary = analysis.summary
    return {
        "summary": {"sentences": summary.sentences,
                    "gists": [[index, text] for index, text in summary.gists.items()],
                    "sections": summary.sections},
        "figures": analysis.figures,
        "quotes": analysis.quotes,
        "sources": analysis.sources,
    }


def analysis_from_dict(data: dict) -> Analysis:
    """The Analysis that :func:`analysis_to_dict` made ``data`` from."""
    from tui.analysis import Analysis  # noqa: PLC0415 - see TYPE_CHECKING above
    from tui.summary import SummaryResult  # noqa: PLC0415

    summary = data["summary"]
    gists = summary["gists"]
    pairs = gists.items() if isinstance(gists, dict) else gists  # JSON objects key by str
    return Analysis(
        summary=SummaryResult(sentences=list(summary["sentences"]),
                              gists={int(index): text for index, text in pairs},
                              sections=list(summary["sections"])),
        figures=list(data["figures"]), quotes=list(data["quotes"]), sources=list(data["sources"]))


# -- keys and places --------------------------------------------------------

def cache_dir() -> Path:
    """Where analyses are cached (not created here)."""
    override = os.environ.get(CACHE_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir("closeread", appauthor=False)) / "analysis"


def code_digest() -> str:
    """A short hash of the core modules' source, so that a code change never serves a stale analysis."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.sha1()
        try:
            for path in sorted(Path(__file__).parent.glob("*.py")):
                if path.name not in _NOT_ANALYSIS_CODE:
                    digest.update(path.name.encode())
                    digest.update(path.read_bytes())
        except OSError:  # e.g. run from a zip: the version string alone decides
            return "nosrc"
        _code_digest = digest.hexdigest()[:12]
    return _code_digest


def cache_version() -> str:
    """The version an entry must carry to be used: ANALYSIS_VERSION plus the code digest."""
    return f"{ANALYSIS_VERSION}+{code_digest()}"


def entry_path(content_hash: str, summary_sentences: int | None) -> Path:
    """The file that holds (or would hold) the analysis for this key."""
    key = f"{content_hash}\0{cache_version()}\0{summary_sentences}"
    return cache_dir() / (hashlib.sha256(key.encode()).hexdigest()[:32] + SUFFIX)


# -- load and store ---------------------------------------------------------

def load_cached_by_hash(content_hash: str, summary_sentences: int | None) -> Analysis | None:
    """The cached analysis of the text with ``content_hash``, or None (missing, stale or corrupt)."""
    path = entry_path(content_hash, summary_sentences)
    try:
        with gzip.open(path, "rb") as stream:
            entry = json.loads(stream.read())
        if not _entry_matches(entry, content_hash, summary_sentences):
            return None
        analysis = analysis_from_dict(entry["analysis"])
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - any damage to an entry is a miss, never a crash
        _remove_quietly(path)
        return None
    _touch_quietly(path)
    return analysis


def store_cached_by_hash(content_hash: str, summary_sentences: int | None, analysis: Analysis) -> bool:
    """Cache ``analysis`` for this key; False (never an exception) when it could not be written."""
    entry = {"format": ENTRY_FORMAT, "version": cache_version(), "content_hash": content_hash,
             "summary_sentences": summary_sentences, "created": time.time(),
             "analysis": analysis_to_dict(analysis)}
    path = entry_path(content_hash, summary_sentences)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = gzip.compress(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                             compresslevel=COMPRESSLEVEL, mtime=0)
        _write_atomically(path, data)
    except (OSError, TypeError, ValueError):
        return False
    prune()
    return True


def load_cached(document: Document, summary_sentences: int | None = None) -> Analysis | None:
    """The cached analysis of ``document``, or None."""
    return load_cached_by_hash(document.content_hash, summary_sentences)


def store_cached(document: Document, summary_sentences: int | None, analysis: Analysis) -> bool:
    """Cache the analysis of ``document``; False when it could not be written."""
    return store_cached_by_hash(document.content_hash, summary_sentences, analysis)


def analyze_cached(document: Document, summary_sentences: int | None = None,
                   progress: Progress | None = None, parallel: bool = False) -> Analysis:
    """The analysis of ``document`` from the cache, else computed by tui.analysis.analyze and cached."""
    analysis, stored = analyze_then_store(document, summary_sentences, progress, parallel)
    stored()
    return analysis


def analyze_then_store(document: Document, summary_sentences: int | None = None,
                       progress: Progress | None = None,
                       parallel: bool = False) -> tuple[Analysis, Callable[[], bool]]:
    """As :func:`analyze_cached`, plus a call that returns once a computed analysis is cached.

    With ``parallel`` a forked child writes the cache meanwhile (see :mod:`tui.analysis_fork`), so the
    caller can go on with the analysis (a brief renders it) and wait only at the end.
    """
    cached = load_cached(document, summary_sentences)
    if cached is not None:
        if progress is not None:
            progress("done", 1.0)
        return cached, _already_stored
    from tui.analysis import analyze  # noqa: PLC0415 - see TYPE_CHECKING above

    analysis = analyze(document, summary_sentences, progress, parallel)
    if not parallel:
        stored = store_cached(document, summary_sentences, analysis)
        return analysis, lambda: stored
    from tui.analysis_fork import ForkedCall  # noqa: PLC0415

    storing = ForkedCall(lambda: store_cached(document, summary_sentences, analysis))
    return analysis, storing.result


def _already_stored() -> bool:
    return True


def _entry_matches(entry: object, content_hash: str, summary_sentences: int | None) -> bool:
    return (isinstance(entry, dict) and entry.get("format") == ENTRY_FORMAT
            and entry.get("version") == cache_version() and entry.get("content_hash") == content_hash
            and entry.get("summary_sentences") == summary_sentences)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=SUFFIX + ".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(Path(temp))
        raise


# -- bounds -----------------------------------------------------------------

def prune(max_entries: int | None = None, max_bytes: int | None = None) -> int:
    """Drop the least recently used entries beyond the bounds (and stale temp files); how many went."""
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    directory = cache_dir()
    try:
        names = os.listdir(directory)
    except OSError:
        return 0
    entries, removed, now = [], 0, time.time()
    for name in names:
        path = directory / name
        try:
            stat = path.stat()
        except OSError:
            continue
        if name.startswith(".tmp-"):  # left behind by a writer that died
            if now - stat.st_mtime > _STALE_TEMP_SECONDS:
                removed += _remove_quietly(path)
        elif name.endswith(SUFFIX):
            entries.append((stat.st_mtime, stat.st_size, path))
    entries.sort(reverse=True)  # most recently used first
    kept = kept_bytes = 0
    for _mtime, size, path in entries:
        if kept < max_entries and kept_bytes + size <= max_bytes:
            kept, kept_bytes = kept + 1, kept_bytes + size
        else:
            removed += _remove_quietly(path)
    return removed


def clear() -> int:
    """Remove every cached analysis; how many went."""
    return prune(max_entries=0, max_bytes=0)


def _remove_quietly(path: Path) -> int:
    try:
        path.unlink()
    except OSError:
        return 0
    return 1


def _touch_quietly(path: Path) -> None:
    # The modification time marks the last use, which pruning goes by.
    try:
        os.utime(path)
    except OSError:
        pass
