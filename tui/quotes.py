"""Quoted sources: direct quotations with their speakers, and cited sources. (Placeholder until issue 3.)"""

from __future__ import annotations

from collections.abc import Sequence

from tui.document import Paragraph


def extract_quotes(paragraphs: Sequence[Paragraph]) -> tuple[list[dict], list[dict]]:
    """(quotes, sources) of the analyze contract."""
    return [], []
