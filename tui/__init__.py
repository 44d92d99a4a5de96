"""closeread: a keyboard-driven reading and review app for the terminal.

The package splits into a core (loading, analysis, notes, briefs: plain Python,
never importing Textual) and a thin Textual reader in ``tui.app``,
``tui.screens`` and ``tui.widgets``.
"""

__version__ = "0.1.0"

from tui.compiled import install_guard

install_guard()
