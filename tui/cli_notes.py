"""``closeread notes`` and ``closeread note``. (Placeholder until the notes issue.)"""

from __future__ import annotations

import argparse


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``notes`` and ``note`` subcommands; each sets ``func`` to a callable(args) -> int."""
    notes = subparsers.add_parser("notes", help="list the notes of a text")
    notes.add_argument("path")
    notes.add_argument("--json", action="store_true")
    notes.set_defaults(func=lambda args: 0)
