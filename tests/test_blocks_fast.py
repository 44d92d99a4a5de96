"""The direct reading of plain Markdown chunks gives exactly markdown-it's blocks."""

from __future__ import annotations

import random

import pytest

import tui.blocks as blocks
from tui.blocks_fast import markdown_segments

WORDS = ["river", "Council", "*said*", "**more**", "[ref]", "[a link](http://example.org)", "`x = 1`",
         "4.5%", "U.K.", "—", "“quoted”", "&amp;", "<http://a.example>", "snake_case", "~~gone~~",
         "12", "3.", "#", ">", "-", "|", ":", "\\*", "é", "’"]
LINE_STARTS = ["The", "A", "*By", "_Note", "2024", "“We", "Page", "7", "- 7 -", "**Bold**", "1)", "٣."]
HEADING_ENDS = ["", " #", "  ", "\t#"]
CONTINUATIONS = ["more", "- item", "# heading", "> quoted", "===", "---", "1. one", "2) two",
                 "| a |", "```", "*em* text", "plain"]


def words(rng: random.Random, most: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, most)))


def paragraph(rng: random.Random) -> str:
    lines = [f"{rng.choice(LINE_STARTS)} {words(rng, 6)}"]
    for _ in range(rng.choice([0, 0, 1, 2])):
        indent = rng.choice(["", "  ", "    ", "\t"])
        lines.append(f"{indent}{rng.choice(CONTINUATIONS)} {words(rng, 3)}")
    return "\n".join(lines)


def chunk(rng: random.Random) -> str:
    """One Markdown chunk of a random kind, plain ones most often."""
    roll = rng.random()
    if roll < 0.3:
        return paragraph(rng)
    if roll < 0.4:
        return f"{rng.choice(['#', '##', '###', '#######'])} {words(rng, 4)}{rng.choice(HEADING_ENDS)}"
    if roll < 0.55:
        marker = rng.choice(["- ", "* ", "+ ", "1. ", "2) ", "10. ", "-  "])
        return "\n".join(rng.choice([marker, marker, "  - ", "    "]) + words(rng, 4)
                         for _ in range(rng.randint(1, 4)))
    if roll < 0.7:
        lines = [rng.choice(["> ", "> ", ">", "> > ", ""]) + words(rng, 4) for _ in range(rng.randint(1, 5))]
        return "\n".join(lines).strip("\n") or "> x"
    if roll < 0.75:
        return f"    {words(rng, 3)}\n    {words(rng, 2)}"
    if roll < 0.8:
        return f"| a | b |\n|---|---|\n| {words(rng, 1)} | {words(rng, 1)} |"
    if roll < 0.85:
        return "[ref]: http://example.com" + rng.choice(["", ' "title"'])
    if roll < 0.88:
        return rng.choice(["```", "~~~"]) + "\n" + words(rng, 3) + rng.choice(["\n```", ""])
    if roll < 0.92:
        return rng.choice(["---", "***", "* * *"])
    return "  " + paragraph(rng)


def text(rng: random.Random) -> str:
    separators = ["\n\n", "\n\n", "\n\n\n", "\n  \n", "\n"]
    made = "".join(chunk(rng) + rng.choice(separators) for _ in range(rng.randint(1, 10)))
    return made.replace("`", "'").replace("~", "-") if rng.random() < 0.3 else made


def through_markdown_it_only(source: str, monkeypatch) -> list[tuple]:
    with monkeypatch.context() as patch:
        patch.setattr(blocks, "markdown_segments", lambda whole: [whole])
        return [(b.kind, b.text, b.level, b.after_page_break) for b in blocks.markdown_blocks(source)]


@pytest.mark.parametrize("seed", range(4))
def test_direct_reading_matches_markdown_it(seed, monkeypatch):
    rng = random.Random(seed)
    fast_segments = 0
    for _ in range(250):
        source = text(rng)
        fast_segments += sum(isinstance(segment, list) for segment in markdown_segments(source))
        got = [(b.kind, b.text, b.level, b.after_page_break) for b in blocks.markdown_blocks(source)]
        assert got == through_markdown_it_only(source, monkeypatch), source
    assert fast_segments > 100  # the direct path was taken, so the comparison means something


def test_a_code_fence_sends_the_rest_to_markdown_it():
    source = "Plain paragraph.\n\n```\n# not a heading\n\nstill code\n```\n\nAfter the fence."
    segments = markdown_segments(source)
    assert isinstance(segments[0], list) and segments[0][0].content == "Plain paragraph."
    assert isinstance(segments[-1], str) and "still code" in segments[-1]
