"""Counting the work a call does, for linear-growth tests that no machine load can skew."""

from __future__ import annotations

import sys


def calls(function, *args) -> int:
    """How many functions (Python and built-in) a call runs."""
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count
