"""Themes of the reader: TOML files in ``themes/`` loaded as Textual themes.

A theme file names the theme, says whether it is dark, gives the colours and
the reader's own ``variables`` (figure, quote, note and search highlights)::

    name = "closeread-dark"
    dark = true
    [colors]
    primary = "#7aa2f7"
    background = "#16181d"
    [variables]
    figure-highlight = "#f0c674"

A broken file is reported and skipped; the built-in themes always remain.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.theme import Theme

import tui

THEMES_DIR = Path(tui.__file__).resolve().parent.parent / "themes"
COLOR_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent",
                "foreground", "background", "surface", "panel", "boost")

# The reader's own theme variables; a theme may set any of them.
HIGHLIGHT_VARIABLES = (
    "figure-highlight", "figure-highlight-background",
    "quote-highlight", "quote-highlight-background",
    "note-highlight", "search-highlight", "search-highlight-background",
)


def theme_from_toml(text: str, source: str = "<theme>") -> Theme:
    """A Textual theme from the text of a theme file; ``ValueError`` says what is wrong."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: not valid TOML ({error})") from None
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{source}: a theme needs a 'name'")
    colors = raw.get("colors", {})
    variables = raw.get("variables", {})
    if not isinstance(colors, dict) or not isinstance(variables, dict):
        raise ValueError(f"{source}: 'colors' and 'variables' must be tables")
    unknown = sorted(set(colors) - set(COLOR_FIELDS))
    if unknown:
        raise ValueError(f"{source}: unknown colour(s) {', '.join(unknown)}")
    if "primary" not in colors:
        raise ValueError(f"{source}: 'colors.primary' is required")
    theme = Theme(name=name.strip(), dark=bool(raw.get("dark", True)),
                  variables={k: str(v) for k, v in variables.items()},
                  **{k: str(v) for k, v in colors.items()})
    _check_colours(theme, source)
    return theme


def _check_colours(theme: Theme, source: str) -> None:
    # Building the colour system parses every colour, so a typo fails here, not at paint time.
    try:
        theme.to_color_system().generate()
    except Exception as error:  # noqa: BLE001 - textual raises several kinds here
        raise ValueError(f"{source}: bad colour ({error})") from None


def load_themes(directory: Path | None = None) -> tuple[list[Theme], list[str]]:
    """Every theme in ``directory`` (default ``themes/``), and a message per broken file."""
    directory = directory or THEMES_DIR
    if not directory.is_dir():
        return [], []
    themes, problems = [], []
    for path in sorted(directory.glob("*.toml")):
        try:
            themes.append(theme_from_toml(path.read_text(encoding="utf-8"), path.name))
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"theme {path.name} skipped: {error}")
        except ValueError as error:
            problems.append(f"theme {error} - skipped")
    return themes, problems


def highlight_defaults(variables: dict[str, str]) -> dict[str, str]:
    """Highlight colours for themes that do not set them, taken from their colour system."""
    return {
        "figure-highlight": variables.get("text-warning", "#d7a400"),
        "figure-highlight-background": variables.get("warning-muted", "#4a3b00"),
        "quote-highlight": variables.get("text-success", "#5faf5f"),
        "quote-highlight-background": variables.get("success-muted", "#1f3b1f"),
        "note-highlight": variables.get("text-accent", "#d787ff"),
        "search-highlight": variables.get("foreground", "#ffffff"),
        "search-highlight-background": variables.get("accent-muted", "#5f00af"),
    }
