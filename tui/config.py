"""The reader's settings: ``config.toml`` in the user's config directory.

The file holds the theme, which side panes are shown and key remapping by
binding id. A malformed file never stops the reader: :func:`load_config`
returns the defaults and a one-line message saying what was wrong.

Example::

    theme = "closeread-dark"

    [panes]
    summary = true
    figures = true
    quotes = true
    notes = true

    [keys]
    next_paragraph = "j,down"
    quit = "q,ctrl+q"
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui.appdirs import config_dir, ensure_dir

CONFIG_NAME = "config.toml"
PANE_NAMES = ("summary", "figures", "quotes", "notes")
DEFAULT_THEME = "closeread-dark"


def _default_panes() -> dict[str, bool]:
    return {name: True for name in PANE_NAMES}


@dataclass
class Config:
    """Settings of the reader.

    Attributes:
        theme: Name of the theme to use, or ``None`` for the default.
        panes: Visibility of each side pane, by name (see :data:`PANE_NAMES`).
        keys: Key remapping: binding id -> comma-separated keys.
    """

    theme: str | None = None
    panes: dict[str, bool] = field(default_factory=_default_panes)
    keys: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    """Where ``config.toml`` lives."""
    return config_dir() / CONFIG_NAME


def _read_theme(raw: dict, problems: list[str]) -> str | None:
    theme = raw.get("theme")
    if theme is None or (isinstance(theme, str) and theme.strip()):
        return theme.strip() if theme else None
    problems.append("'theme' must be a theme name")
    return None


def _read_panes(raw: dict, problems: list[str]) -> dict[str, bool]:
    panes = _default_panes()
    table = raw.get("panes", {})
    if not isinstance(table, dict):
        problems.append("'panes' must be a table")
        return panes
    for name, value in table.items():
        if name not in PANE_NAMES:
            problems.append(f"unknown pane {name!r} (known: {', '.join(PANE_NAMES)})")
        elif not isinstance(value, bool):
            problems.append(f"panes.{name} must be true or false")
        else:
            panes[name] = value
    return panes


def _read_keys(raw: dict, problems: list[str]) -> dict[str, str]:
    table = raw.get("keys", {})
    if not isinstance(table, dict):
        problems.append("'keys' must be a table of binding id = \"key,key\"")
        return {}
    keys = {}
    for binding_id, value in table.items():
        if isinstance(value, list) and all(isinstance(k, str) for k in value):
            value = ",".join(value)
        if isinstance(value, str) and value.strip():
            keys[binding_id] = value.replace(" ", "")
        else:
            problems.append(f"keys.{binding_id} must be a key name such as \"j,down\"")
    return keys


def parse_config(text: str) -> tuple[Config, str | None]:
    """Settings from the text of a config file, and a message if anything was wrong."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), f"config.toml is not valid TOML ({error}); using the defaults"
    problems: list[str] = []
    config = Config(theme=_read_theme(raw, problems), panes=_read_panes(raw, problems),
                    keys=_read_keys(raw, problems))
    message = None
    if problems:
        message = "config.toml: " + "; ".join(problems) + " (ignored)"
    return config, message


def load_config(path: Path | None = None) -> tuple[Config, str | None]:
    """Read the settings; a missing file gives the defaults, a broken one a message too."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), None
    except (OSError, UnicodeDecodeError) as error:
        return Config(), f"cannot read {path} ({error}); using the defaults"
    return parse_config(text)


def _write_atomically(path: Path, text: str) -> None:
    ensure_dir(path.parent)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_setting(key: str, value: object, path: Path | None = None) -> str | None:
    """Remember one top-level setting (or a table) in config.toml, keeping the rest.

    Returns a message when the file could not be updated (a broken file is
    never overwritten, so the user's edits are not lost).
    """
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return f"{path} is not valid TOML; the setting was not saved"
    raw[key] = value
    import tomli_w  # only needed when a setting changes; keeps start-up light

    try:
        _write_atomically(path, tomli_w.dumps(raw))
    except OSError as error:
        return f"cannot write {path} ({error})"
    return None
