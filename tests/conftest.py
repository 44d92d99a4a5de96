"""Shared test setup: every test gets its own config, state and data directories."""

from __future__ import annotations

import pytest

from tui.appdirs import CONFIG_ENV, DATA_ENV, STATE_ENV


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    """Point closeread's config/state/data/cache directories at fresh temporary folders."""
    root = tmp_path_factory.mktemp("closeread-home")
    dirs = {name: root / name for name in ("config", "state", "data", "cache")}
    for path in dirs.values():
        path.mkdir()
    monkeypatch.setenv(CONFIG_ENV, str(dirs["config"]))
    monkeypatch.setenv(STATE_ENV, str(dirs["state"]))
    monkeypatch.setenv(DATA_ENV, str(dirs["data"]))
    monkeypatch.setenv("CLOSEREAD_CACHE_DIR", str(dirs["cache"]))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return dirs


@pytest.fixture
def fixed_reader_analysis(monkeypatch):
    """The reader analyses in-process with a fixed analysis, so UI tests never depend on the extractors."""
    from reader_helpers import fixed_analysis

    monkeypatch.setattr("tui.screens.reader_analysis.analyze", fixed_analysis)
    monkeypatch.setattr("tui.screens.reader_analysis.USE_ANALYSIS_PROCESS", False)


@pytest.fixture
def text(tmp_path):
    """A copy of the reader's sample text in a temporary folder."""
    from reader_helpers import copy_sample

    return copy_sample(tmp_path)


class Clock:
    """A clock that moves only when a test sets ``now``."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()
