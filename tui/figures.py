"""Key figures: numbers in the text with what they count. (Placeholder until issue 3.)"""

from __future__ import annotations

from collections.abc import Sequence

from tui.document import Paragraph


def extract_figures(paragraphs: Sequence[Paragraph]) -> list[dict]:
    """Figures of the analyze contract, ranked by salience."""
    return []
