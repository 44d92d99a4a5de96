"""The brief's content and options: order of sections, caps, paragraph numbers, determinism, several texts."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

from test_brief_support import (
    blocks_of, headings, html_blocks, inline_types, list_items, parse, plain, tables,
)
from tui.analysis import Analysis
from tui.brief import (
    BRIEF_MARKER, BriefInput, BriefOptions, is_brief_text, reading_minutes, reading_time, render_brief,
)
from tui.brief_blocks import Slugger
from tui.brief_model import BriefNote, BriefNotes, BriefReview, brief_notes, parse_sections
from tui.document import Document, Paragraph, paragraph_id
from tui.summary import SummaryResult

MADE = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def document(texts, title="Title", author=None, date=None, path="dir/sample.md") -> Document:
    paragraphs = [Paragraph(i, paragraph_id(t), "body", t, (t,)) for i, t in enumerate(texts)]
    return Document(path, title, author, date, paragraphs, "hash")


def analysis(sentences=(), figures=(), quotes=(), sources=()) -> Analysis:
    return Analysis(summary=SummaryResult(sentences=list(sentences)), figures=list(figures),
                    quotes=list(quotes), sources=list(sources))


def one(doc, result=None, notes=None, **options) -> str:
    return render_brief([BriefInput(doc, result, notes)], BriefOptions(**options))


def section_headings(markdown: str, level: int = 2) -> list[str]:
    return [text for lvl, text in headings(parse(markdown)) if lvl == level]


def test_the_brief_starts_with_its_marker_and_the_title():
    markdown = one(document(["p"]), analysis())
    assert markdown.startswith(BRIEF_MARKER + "\n\n# Title\n")
    assert is_brief_text(markdown) and is_brief_text("\ufeff" + markdown)
    assert not is_brief_text("# Title\n" + BRIEF_MARKER)
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_sections_come_in_the_issue_order_by_default_and_in_the_chosen_order():
    doc, result = document(["p"]), analysis()
    assert section_headings(one(doc, result)) == ["Summary", "Key figures", "Quoted sources", "Notes"]
    chosen = one(doc, result, sections=parse_sections("notes, quotes ,summary"))
    assert section_headings(chosen) == ["Notes", "Quoted sources", "Summary"]


def test_a_missing_analysis_is_said_once_and_notes_still_show():
    markdown = one(document(["p"]), None, {"notes": [{"paragraph": 0, "text": "n"}]})
    assert section_headings(markdown) == ["Notes"]
    assert markdown.count("The analysis is not ready") == 1


def test_parse_sections_rejects_unknown_names():
    with pytest.raises(ValueError, match="unknown section 'figs'"):
        parse_sections("summary,figs")
    with pytest.raises(ValueError):
        parse_sections(" , ")
    assert parse_sections("Summary,summary") == ("summary",)


def test_a_notes_only_brief_needs_no_analysis():
    markdown = one(document(["p"]), None, {"notes": [{"paragraph": 0, "text": "n"}]}, sections=("notes",))
    assert section_headings(markdown) == ["Notes"] and "analysis" not in markdown


def test_metadata_line_has_author_date_file_words_reading_time_and_made_at():
    doc = document(["word " * 231], author="Jo Li", date="2025-01-31")
    lines = one(doc, analysis(), made_at=MADE).splitlines()
    assert lines[4] == ("By Jo Li · 2025-01-31 · sample.md · 231 words · 2 min read · "
                        "brief made 2026-01-02 03:04 UTC")
    assert one(doc, analysis()).splitlines()[4] == "By Jo Li · 2025-01-31 · sample.md · 231 words · 2 min read"
    assert reading_minutes(0) == 0 and reading_minutes(1) == 1 and reading_minutes(230) == 1


def test_only_the_made_at_line_differs_between_timestamped_briefs():
    doc, result = document(["p one", "p two"]), analysis([{"text": "p one", "paragraph": 0}])
    first = one(doc, result, made_at=MADE)
    later = one(doc, result, made_at=datetime(2027, 5, 6, 7, 8, tzinfo=timezone.utc))
    differing = [(a, b) for a, b in zip(first.splitlines(), later.splitlines()) if a != b]
    assert len(differing) == 1 and "brief made" in differing[0][0]
    assert one(doc, result) == one(doc, result)


def test_paragraph_numbers_are_one_based():
    doc = document(["first", "second", "third"])
    result = analysis([{"text": "first", "paragraph": 0}],
                      [{"text": "3", "counts": "things", "paragraph": 2}])
    markdown = one(doc, result, notes={"notes": [{"paragraph": 1, "text": "n"}]})
    assert "first (¶ 1)" in list_items(parse(markdown))
    assert tables(parse(markdown))[0][1] == ["3", "things", "¶ 3"]
    assert "¶ 2" in section_headings(markdown, 3)


def test_a_long_summary_is_capped_evenly_with_a_note_of_what_was_left_out():
    sentences = [{"text": f"Sentence {i}.", "paragraph": i} for i in range(30)]
    markdown = one(document([f"p{i}" for i in range(30)]), analysis(sentences), max_summary=4)
    items = list_items(parse(markdown))
    assert items == ["Sentence 0. (¶ 1)", "Sentence 10. (¶ 11)", "Sentence 19. (¶ 20)", "Sentence 29. (¶ 30)"]
    assert "26 more summary sentences left out (showing 4 of 30, spread over the text)." in markdown


def test_figures_keep_the_analysis_ranking_and_are_capped():
    figures = [{"text": f"{n}", "counts": f"thing {n}", "paragraph": 0} for n in (9, 3, 7, 1)]
    markdown = one(document(["p"]), analysis(figures=figures), max_figures=3)
    rows = tables(parse(markdown))[0][1:]
    assert [row[0] for row in rows] == ["9", "3", "7"]
    assert "1 more figure left out (showing the top 3 of 4)." in markdown


def test_figure_with_several_paragraphs_lists_them_all_one_based():
    figures = [{"text": "5", "counts": None, "paragraph": 4, "paragraphs": [9, 4, 4, 0]}]
    rows = tables(parse(one(document(["p"] * 10), analysis(figures=figures))))[0]
    assert rows[1] == ["5", "—", "¶ 1, 5, 10"]


def test_quotes_are_grouped_by_speaker_unattributed_last_terms_left_out():
    quotes = [
        {"text": "Later words", "speaker": "Ann Lee", "cue": "said", "kind": "quote", "paragraph": 3},
        {"text": "Anonymous", "speaker": None, "cue": None, "kind": "quote", "paragraph": 0},
        {"text": "First words", "speaker": "Bo Ray", "cue": "told", "kind": "quote", "paragraph": 1},
        {"text": "Again", "speaker": "ann  lee", "cue": None, "kind": "quote", "paragraph": 2},
        {"text": "scare quote", "speaker": None, "cue": None, "kind": "term", "paragraph": 0},
    ]
    sources = [{"name": "Daily Post", "paragraph": 3}, {"name": "daily post", "paragraph": 1},
               {"name": "Audit", "paragraph": 0}]
    tokens = parse(one(document(["p"] * 4), analysis(quotes=quotes, sources=sources)))
    paragraphs = [plain(t) for t in tokens if t.type == "inline" and "strong_open" in inline_types(t)]
    assert paragraphs == ["Bo Ray · 1 quotation", "Ann Lee · 2 quotations", "Unattributed · 1 quotation",
                              "Cited outlets and documents"]
    assert list_items(tokens) == ["“First words” (told, ¶ 2)", "“Again” (¶ 3)", "“Later words” (said, ¶ 4)",
                                  "“Anonymous” (¶ 1)", "Audit (¶ 1)", "Daily Post (¶ 2, 4)"]


def test_quotes_are_capped_spread_over_the_text_with_a_note():
    quotes = [{"text": f"q{i}", "speaker": "S", "kind": "quote", "paragraph": i} for i in range(5)]
    markdown = one(document(["p"] * 5), analysis(quotes=quotes), max_quotes=2)
    assert list_items(parse(markdown)) == ["“q0” (¶ 1)", "“q4” (¶ 5)"]
    assert "3 more quotations left out (showing 2 of 5, spread over the text)." in markdown


def test_sources_are_capped_to_the_most_cited_in_text_order():
    sources = [{"name": "Once", "paragraph": 0}, {"name": "Often", "paragraph": 1},
               {"name": "Often", "paragraph": 2}, {"name": "Twice", "paragraphs": [3, 4]}]
    markdown = one(document(["p"] * 5), analysis(sources=sources), max_sources=2)
    assert list_items(parse(markdown)) == ["Often (¶ 2, 3)", "Twice (¶ 4, 5)"]
    assert "1 more source left out (showing the 2 cited in most paragraphs)." in markdown


def test_reading_time_of_a_book_is_in_hours():
    assert reading_time(230 * 45) == "45 min read"
    assert reading_time(230 * 60) == "1 h read"
    assert reading_time(513_113) == "37 h 11 min read"


def test_empty_sections_say_so():
    markdown = one(document(["p"]), analysis())
    for line in ("*No summary: the text is too short or has no sentences to pick.*", "*No figures found.*",
                 "*No quotations found.*", "*No notes or review marks yet.*"):
        assert line in markdown


def test_notes_section_in_text_order_with_status_excerpt_notes_and_tally():
    doc = document(["zero " * 100, "one", "two", "three"])
    notes = BriefNotes(
        notes=[BriefNote("late", ("t",), 3), BriefNote("early", (), 0), BriefNote("lost", (), None, "old words")],
        reviews=[BriefReview("verified", 0), BriefReview("check", 2), BriefReview("disputed", None, "gone")])
    tokens = parse(one(doc, None, notes, sections=("notes",)))
    assert [h for h in headings(tokens) if h[0] == 3] == [
        (3, "¶ 1 · verified"), (3, "¶ 3 · to check"), (3, "¶ 4"), (3, "Orphaned notes"), (3, "Review tally")]
    quotes = blocks_of(tokens, "blockquote_open")
    assert len(quotes[0][0]) <= 200 and quotes[0][0].endswith("…")
    assert quotes[1:] == [["two"], ["three"], ["old words"], ["gone"]]
    assert list_items(tokens) == ["early", "late — tags: t", "lost", "Review mark: disputed",
                                  "Verified: 1", "To check: 1"]


def test_no_tally_without_review_statuses():
    markdown = one(document(["p"]), None, {"notes": [{"paragraph": 0, "text": "n"}]}, sections=("notes",))
    assert "Review tally" not in markdown


def test_notes_json_of_the_store_is_read_with_its_status_words():
    data = {"path": "x", "notes": [
        {"id": "a", "paragraph": 0, "anchor": "ok", "review": "to-check", "tags": ["#x", " "], "text": "t",
         "quote": "q"},
        {"id": "b", "paragraph": None, "anchor": "orphan", "review": "none", "tags": [], "text": "o",
         "quote": "gone"}],
        "reviews": [{"paragraph": 1, "anchor": "ok", "status": "none", "quote": "q"},
                    {"paragraph": 0, "anchor": "ok", "status": "to-check", "quote": "q"}]}
    notes = brief_notes(data)
    assert notes.notes[0] == BriefNote("t", ("x",), 0, "q", "check")
    assert notes.notes[1].paragraph is None and notes.notes[1].review is None
    assert notes.reviews == [BriefReview("check", 0, "q")]

    class Store:
        def to_json(self):
            return data
    assert brief_notes(Store()) == notes
    with pytest.raises(TypeError):
        brief_notes(42)


def test_notes_pointing_past_the_text_count_as_orphans():
    markdown = one(document(["p"]), None, {"notes": [{"paragraph": 7, "text": "n", "quote": "q"}]},
                   sections=("notes",))
    assert "Orphaned notes" in section_headings(markdown, 3)


def test_several_texts_make_one_brief_with_contents_linking_to_each_text():
    docs = [document(["a"], title="Same title", path="a.md"), document(["b"], title="Same title", path="b.md"),
            document(["c"], title="Summary", path="c.txt")]
    entries = [BriefInput(d, analysis(), None) for d in docs]
    markdown = render_brief(entries, BriefOptions(made_at=MADE))
    tokens = parse(markdown)
    assert html_blocks(tokens) == [BRIEF_MARKER]
    assert headings(tokens)[:2] == [(1, "Reading brief"), (2, "Contents")]
    assert section_headings(markdown, 2)[1:] == ["Same title", "Same title", "Summary"]
    assert markdown.splitlines()[4] == "3 texts · 3 words · 1 min read · brief made 2026-01-02 03:04 UTC"
    links = [t.attrs["href"] for t in tokens[tokens.index(next(t for t in tokens if t.type == "ordered_list_open")):]
             for t in (t.children or ()) if t.type == "link_open"]
    # GitHub numbers repeated anchors in document order: texts 1 and 2 each have a "Summary" section.
    slugger = Slugger()
    expected = [slugger.slug(text) for _, text in headings(tokens)]
    assert links == ["#same-title", "#same-title-1", "#summary-2"]
    assert set(link[1:] for link in links) <= set(expected)
    assert "brief made" not in "\n".join(markdown.splitlines()[5:])


def test_render_brief_needs_a_text():
    with pytest.raises(ValueError):
        render_brief([], BriefOptions())


def test_github_slugs():
    slugger = Slugger()
    assert slugger.slug("Harbour works: $4.2 billion & counting") == "harbour-works-42-billion--counting"
    assert slugger.slug("¶ 7 · disputed") == "-7--disputed"
    assert [slugger.slug("Notes") for _ in range(3)] == ["notes", "notes-1", "notes-2"]


def test_rendering_is_linear_and_fast_on_a_huge_text():
    texts = [f"Paragraph {i} says something about {i * 7} boats and `code` | pipes." for i in range(20_000)]
    doc = document(texts)  # about 1.3 MB of text
    result = analysis([{"text": t, "paragraph": i} for i, t in enumerate(texts[:500])],
                      [{"text": str(i), "counts": "boats", "paragraph": i} for i in range(5000)],
                      [{"text": t, "speaker": f"S{i % 50}", "kind": "quote", "paragraph": i}
                       for i, t in enumerate(texts[:5000])],
                      [{"name": f"Outlet {i % 300}", "paragraph": i} for i in range(5000)])
    notes = {"notes": [{"paragraph": i, "text": f"note {i} #x", "tags": ["a"]} for i in range(0, 20_000, 4)],
             "reviews": [{"paragraph": i, "status": "verified"} for i in range(0, 20_000, 2)]}
    start = time.process_time()  # CPU time: other processes on a busy machine do not count
    markdown = one(doc, result, notes)
    elapsed = time.process_time() - start
    assert elapsed < 1.0, f"rendering took {elapsed:.2f} s of CPU"
    assert "Verified: 10,000" in markdown


def test_core_brief_modules_never_import_textual():
    code = ("import sys, tui.brief, tui.brief_write, tui.cli_brief; "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
