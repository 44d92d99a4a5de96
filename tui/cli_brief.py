"""``closeread brief``. (Placeholder until the brief issue.)"""

from __future__ import annotations

import argparse


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``brief`` subcommand; it sets ``func`` to a callable(args) -> int."""
    brief = subparsers.add_parser("brief", help="write a Markdown brief of one or more texts")
    brief.add_argument("paths", nargs="+")
    brief.set_defaults(func=lambda args: 0)
