"""Escaping: user and text strings in a brief render literally and never break its structure.

Each property renders a brief around generated strings, parses it with
markdown-it-py (CommonMark + GFM tables) and checks the structure: headings,
table rows and cells, block quotes, list items, and that the text a reader
sees is exactly the string that went in.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_brief_support import (
    blocks_of, headings, html_blocks, inline_tokens, inline_types, list_items, parse, plain, tables,
)
from tui.analysis import Analysis
from tui.brief import BRIEF_MARKER, BriefInput, BriefOptions, render_brief
from tui.document import Document, Paragraph, paragraph_id
from tui.markdown_escape import escape_inline, escape_short, one_line, shorten
from tui.summary import SummaryResult

MARKDOWN_CHARS = list("#|`<>[]()!*_~$=%^&;:-+.\\/\"'{}0123456789 \n\t\r") + ["aB", "x", "é", "\u00a0", "——"]
# Strings rich in Markdown punctuation, plus arbitrary Unicode.
tricky = st.one_of(
    st.lists(st.sampled_from(MARKDOWN_CHARS), max_size=60).map("".join),
    st.text(max_size=80),
)
# Inline markup a literal string must never produce.
FORBIDDEN_INLINE = {"link_open", "image", "html_inline", "code_inline", "em_open", "strong_open", "s_open"}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def document(texts: list[str], title: str | None = "A title") -> Document:
    paragraphs = [Paragraph(i, paragraph_id(t), "body", t, (t,)) for i, t in enumerate(texts)]
    return Document("sample.md", title, None, None, paragraphs, "hash")


def notes_only(doc: Document, notes: dict) -> str:
    return render_brief([BriefInput(doc, None, notes)], BriefOptions(sections=("notes",)))


@pytest.mark.parametrize("text", [
    "a | b", "# heading", "`code`", "<script>alert(1)</script>", "[x](y)", "![img](src)",
    "*em* _em_ **strong**", "- item", "+ item", "> quote", "1. one", "2024) two", "---", "===",
    "~~gone~~", "$x^2$", "==mark==", "%%hidden%%", "#tag", "see ^block", "&amp; &#35;", "\\",
    "<http://example.com>", "[^1]", "[[Wiki link]]", "```", "    indented", "trailing\\",
])
def test_escape_inline_renders_literally(text):
    tokens = parse(escape_inline(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert plain(tokens[1]) == one_line(text)
    assert not FORBIDDEN_INLINE & set(inline_types(tokens[1]))


@pytest.mark.parametrize("text, expected", [
    ("#harbour ward", r"\#harbour ward"), ("C# code", "C# code"), ("==x==", r"\=\=x\=\="),
    ("%%c%%", r"\%\%c\%\%"), ("a ^id", r"a \^id"), ("AT&T", "AT&T"), ("&amp;", r"\&amp;"),
    ("2024. A year", r"2024\. A year"), ("U.S. data", "U.S. data"), ("$5", r"\$5"),
])
def test_escape_inline_obsidian_and_readability(text, expected):
    assert escape_inline(text) == expected


def test_one_line_folds_breaks_and_drops_controls():
    assert one_line("a\r\nb\u2028c\x00d\x1b[0m\t e") == "a b cd[0m e"
    assert one_line(None) == ""
    assert one_line("0\r\x1b\x850") == "0 0"  # found by hypothesis: a control between two breaks
    assert one_line("10\u00a0km") == "10\u00a0km"  # a no-break space stays


def test_shorten_cuts_at_a_word_and_never_splits_an_escape():
    assert shorten("one two three four", 12) == "one two…"
    assert len(shorten("x" * 500, 40)) == 40
    assert escape_short("ab|" * 50, 10).endswith("…") and "\\…" not in escape_short("|" * 50, 10)


@SETTINGS
@given(text=tricky, tags=st.lists(tricky, max_size=3))
def test_any_note_stays_one_literal_list_item(text, tags):
    doc = document(["First paragraph.", "Second paragraph, with a note."])
    md = notes_only(doc, {"notes": [{"paragraph": 1, "text": text, "tags": tags}], "reviews": []})
    tokens = parse(md)
    assert headings(tokens) == [(1, "A title"), (2, "Notes"), (3, "¶ 2")]
    assert html_blocks(tokens) == [BRIEF_MARKER]
    assert blocks_of(tokens, "blockquote_open") == [["Second paragraph, with a note."]]
    items = list_items(tokens)
    assert len(items) == 1
    shown_tags = [t for t in (one_line(tag).lstrip("#").strip() for tag in tags) if t]
    expected = one_line(text) or "(no text)"
    if shown_tags:
        expected += " — tags: " + ", ".join(shown_tags)
    assert items[0] == expected
    for inline in inline_tokens(tokens):
        assert not {"link_open", "image", "html_inline", "code_inline", "strong_open", "s_open"} & set(inline_types(inline))
    assert_no_obsidian_markup(next(line for line in md.splitlines() if line.startswith("- "))[2:])


def assert_no_obsidian_markup(raw: str) -> None:
    """No highlight, comment, math, wiki link, tag or block id survives outside a backslash escape."""
    unescaped = re.sub(r"\\.", "\x00", raw)
    assert not re.search(r"==|%%|\$|[][]|(?<!\S)[#^]", unescaped), raw


@SETTINGS
@given(excerpt=tricky.filter(lambda s: one_line(s)), orphan_quote=tricky)
def test_any_paragraph_excerpt_and_orphan_quote_stay_block_quotes(excerpt, orphan_quote):
    doc = document([excerpt])
    notes = {"notes": [{"paragraph": None, "text": "lost note", "quote": orphan_quote}],
             "reviews": [{"paragraph": 0, "status": "disputed"}]}
    tokens = parse(notes_only(doc, notes))
    assert [h[1] for h in headings(tokens)] == ["A title", "Notes", "¶ 1 · disputed", "Orphaned notes",
                                                 "Review tally"]
    quotes = blocks_of(tokens, "blockquote_open")
    assert quotes[0] == [shorten(excerpt, 200)]
    assert quotes[1:] == ([[shorten(orphan_quote, 300)]] if one_line(orphan_quote) else [])


@SETTINGS
@given(rows=st.lists(st.tuples(tricky, tricky), min_size=1, max_size=5))
def test_any_figure_text_keeps_the_table_shape(rows):
    figures = [{"text": text, "counts": counts, "paragraph": 0} for text, counts in rows]
    kept = [f for f in figures if one_line(f["text"])]
    analysis = Analysis(summary=SummaryResult(), figures=figures)
    md = render_brief([BriefInput(document(["p"]), analysis, None)], BriefOptions(sections=("figures",)))
    found = tables(parse(md))
    if not kept:
        assert found == []
        return
    assert len(found) == 1
    table = found[0]
    assert table[0] == ["Figure", "What it counts", "Paragraph"]
    assert len(table) == len(kept) + 1
    for figure, row in zip(kept, table[1:]):
        assert row == [shorten(figure["text"], 60), shorten(figure["counts"], 100) or "—", "¶ 1"]


@SETTINGS
@given(title=tricky, speaker=tricky, quote=tricky.filter(lambda s: one_line(s)))
def test_any_title_and_speaker_render_literally(title, speaker, quote):
    analysis = Analysis(quotes=[{"text": quote, "speaker": speaker, "cue": "said", "kind": "quote",
                                 "paragraph": 0}])
    doc = document(["p"], title=title)
    tokens = parse(render_brief([BriefInput(doc, analysis, None)], BriefOptions(sections=("quotes",))))
    assert headings(tokens) == [(1, one_line(title) or "sample"), (2, "Quoted sources")]
    texts = [plain(t) for t in inline_tokens(tokens)]
    name = shorten(speaker, 80) or "Unattributed"
    assert f"{name} · 1 quotation" in texts
    assert f"“{shorten(quote, 400)}” (said, ¶ 1)" in list_items(tokens)


def test_a_very_long_line_neither_breaks_the_table_nor_the_notes():
    long = "word|" * 4000 + "`<b>`" + "#x " * 2000
    analysis = Analysis(figures=[{"text": long, "counts": long, "paragraph": 0}])
    doc = document(["Paragraph " + long])
    md = render_brief([BriefInput(doc, analysis, {"notes": [{"paragraph": 0, "text": long}]})],
                      BriefOptions(sections=("figures", "notes")))
    tokens = parse(md)
    [table] = tables(tokens)
    assert len(table) == 2 and all(len(row) == 3 for row in table)
    assert max(len(line) for line in md.splitlines() if line.startswith("|")) < 400
    assert list_items(tokens) == [one_line(long)]


def test_no_unescaped_obsidian_syntax_in_user_text():
    text = "==hi== %%c%% #tag ^block [[link]] $m$"
    md = notes_only(document(["p"]), {"notes": [{"paragraph": 0, "text": text}]})
    assert_no_obsidian_markup(next(line for line in md.splitlines() if line.startswith("- "))[2:])


@pytest.mark.parametrize("text, expected", [
    ("1.8 metres", "1.8 metres"), ("-5% on the year", "-5% on the year"), ("1.", r"1\."),
    ("- item", r"\- item"), ("---", r"\---"), ("+", r"\+"), ("> q", r"\> q"), ("3) three", r"3\) three"),
])
def test_line_start_escapes_only_what_would_start_a_block(text, expected):
    assert escape_inline(text) == expected
