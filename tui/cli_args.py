"""Argument types shared by the ``closeread`` subcommands."""

from __future__ import annotations

import argparse


def positive_int(value: str) -> int:
    """argparse type for a count of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number
