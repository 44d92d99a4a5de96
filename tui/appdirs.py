"""Where closeread keeps its own files: data, state and config directories.

The locations come from platformdirs. Each can be overridden by an environment
variable (``CLOSEREAD_DATA_DIR``, ``CLOSEREAD_STATE_DIR``, ``CLOSEREAD_CONFIG_DIR``)
so that tests and unusual setups can isolate them. The directories are not
created here; callers create them when they first write (see :func:`ensure_dir`).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "closeread"

DATA_ENV = "CLOSEREAD_DATA_DIR"
STATE_ENV = "CLOSEREAD_STATE_DIR"
CONFIG_ENV = "CLOSEREAD_CONFIG_DIR"


def _override(env_name: str) -> Path | None:
    value = os.environ.get(env_name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The user's data directory for closeread (fallback notes sidecars live here)."""
    return _override(DATA_ENV) or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """The user's state directory for closeread (reading positions, UI state)."""
    return _override(STATE_ENV) or Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's config directory for closeread (settings, themes)."""
    return _override(CONFIG_ENV) or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
