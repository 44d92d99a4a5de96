"""The summarizer: interface, N, order, exclusions, redundancy, sections, gists, stability."""

from __future__ import annotations

import copy

import pytest

from tui.document import Document, Paragraph, paragraph_id
from tui.sentences import split_sentences
from tui.summary import (SummaryResult, Summarizer, available_summarizers, default_sentence_count,
                         get_summarizer, register_summarizer, summarize)
from tui.summary_extractive import GIST_CHARS, ExtractiveSummarizer

ARTICLE = [
    ("title", "Millbrook library reopens after flood repairs"),
    ("byline", "By Ada Quint, Staff Reporter"),
    ("body", "The Millbrook public library reopened on Monday after a flood closed the building for eight months. "
             "Repairs to the library cost the town council 2.4 million pounds, "
             "according to the council's budget office."),
    ("body", "Water from the river reached the ground floor of the library in March. "
             "Staff moved about 12,000 books to the upper floor before the water arrived. "
             "The children's section lost carpets, shelves and two reading rooms."),
    ("boilerplate", "Sign up for our newsletter to get the latest Millbrook news every morning."),
    ("body", "Head librarian Nora Vale said the library would open longer hours to make up for the closure. "
             "She said visitors had asked for the library to reopen as soon as the repairs were finished. "
             "The council said the new floor was raised to protect the library from future floods."),
    ("quote", "We never thought the water would come this far."),
    ("body", "Local schools will bring pupils to the library again from next week. "
             "A reading festival planned for the summer will go ahead in the library garden. "
             "The library is open from nine in the morning until eight in the evening on weekdays."),
]


def make_doc(parts: list[tuple[str, str]], path: str = "<test>") -> Document:
    """A document from (kind, text) pairs, split into sentences like the loader does."""
    paragraphs = [Paragraph(i, paragraph_id(text), kind, text, tuple(split_sentences(text)),
                            1 if kind == "heading" else 0)
                  for i, (kind, text) in enumerate(parts)]
    title = next((t for k, t in parts if k == "title"), None)
    return Document(path, title, None, None, paragraphs, "hash")


def sentence_texts(result: SummaryResult) -> list[str]:
    return [s["text"] for s in result.sentences]


# ---------------------------------------------------------------- interface


def test_default_backend_is_extractive_and_follows_the_protocol():
    backend = get_summarizer()
    assert isinstance(backend, ExtractiveSummarizer)
    assert isinstance(backend, Summarizer)
    assert "extractive" in available_summarizers()


def test_unknown_backend_names_the_known_ones():
    with pytest.raises(KeyError, match="extractive"):
        get_summarizer("no-such-backend")


def test_another_backend_can_be_registered_without_touching_callers():
    class FirstSentence:
        name = "first"

        def summarize(self, document, sentences=None):
            body = document.paragraphs_of_kind("body")[0]
            return SummaryResult(sentences=[{"text": body.sentences[0], "paragraph": body.index}])

    register_summarizer("first", FirstSentence)
    result = get_summarizer("first").summarize(make_doc(ARTICLE), 3)
    assert result.sentences == [{"text": make_doc(ARTICLE).paragraphs[2].sentences[0], "paragraph": 2}]


# ---------------------------------------------------------------- count and order


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_the_requested_number_of_sentences_is_returned(n):
    assert len(summarize(make_doc(ARTICLE), n).sentences) == n


def test_zero_sentences_gives_an_empty_summary():
    assert summarize(make_doc(ARTICLE), 0).sentences == []


def test_no_more_sentences_than_the_text_has():
    doc = make_doc([("title", "Short"), ("body", "Only one sentence in this little text stands here alone.")])
    assert sentence_texts(summarize(doc, 10)) == ["Only one sentence in this little text stands here alone."]


def test_empty_document_gives_an_empty_result():
    result = summarize(make_doc([]), 5)
    assert (result.sentences, result.gists, result.sections) == ([], {}, [])


def test_sentences_come_in_reading_order_and_from_their_paragraph():
    doc = make_doc(ARTICLE)
    result = summarize(doc, 6)
    positions = []
    for item in result.sentences:
        paragraph = doc.paragraphs[item["paragraph"]]
        assert item["text"] in paragraph.text
        positions.append((item["paragraph"], paragraph.text.index(item["text"])))
    assert positions == sorted(positions)


def test_default_count_is_five_for_an_article_and_grows_gently_for_long_texts():
    assert default_sentence_count(make_doc(ARTICLE)) == 5
    sentence = "The committee met again on Tuesday to discuss the budget for the coming year in detail. "
    counts = []
    for words in (3_000, 30_000, 300_000):
        doc = make_doc([("body", sentence * (words // 16))])
        counts.append(default_sentence_count(doc))
    assert 5 < counts[0] < counts[1] < counts[2] <= 15


def test_default_count_is_used_when_none_is_given():
    body = [("body", f"Item {i} of the plan covers the harbour wall, the ferry slip and the new pier number {i}.")
            for i in range(40)]
    doc = make_doc(body)
    assert len(summarize(doc).sentences) == default_sentence_count(doc)


# ---------------------------------------------------------------- what is never a summary sentence


def test_title_byline_boilerplate_and_pull_quotes_are_never_chosen():
    doc = make_doc(ARTICLE)
    chosen_kinds = {doc.paragraphs[s["paragraph"]].kind for s in summarize(doc, 20).sentences}
    assert chosen_kinds == {"body"}


def test_headings_are_never_chosen_even_when_they_repeat_the_topic():
    parts = [("title", "Library flood repairs"), ("heading", "The library flood repairs and the library budget"),
             *ARTICLE[2:4], ("heading", "The library reopening and the library hours today"), *ARTICLE[5:6]]
    doc = make_doc(parts)
    for item in summarize(doc, 10).sentences:
        assert doc.paragraphs[item["paragraph"]].kind == "body"


def test_boilerplate_inside_body_text_is_skipped():
    text = ("By . Associated Press . PUBLISHED: . 14:11 EST, 3 March 2014 . | . UPDATED: . 15:20 EST, 3 March 2014 . "
            "The harbour ferry will stop running in winter because the pier needs urgent repairs, officials said. "
            "Scroll down for video . "
            "Follow @harbourtimes on Twitter for the latest updates on the ferry service. "
            "The ferry carried 40,000 passengers last year between the island and the mainland port. "
            "Photographs by Lena Strom for the Harbour Times show the damage to the old pier structure. "
            "Island residents said they would have to rely on a slower bus and bridge route to reach the town.")
    doc = make_doc([("body", text)])
    texts = sentence_texts(summarize(doc, 5))
    assert texts and all(not any(bad in t for bad in ("PUBLISHED", "UPDATED", "Scroll down", "Follow @",
                                                      "Photographs by", "Associated Press"))
                         for t in texts)
    assert texts[0].startswith("The harbour ferry will stop running")


def test_a_dateline_is_trimmed_from_the_sentence():
    doc = make_doc([("body", "(CNN) -- The city council approved the new tram line after a long debate on Tuesday. "
                             "The line will connect the station with the hospital and the university campus.")])
    assert sentence_texts(summarize(doc, 1)) == [
        "The city council approved the new tram line after a long debate on Tuesday."]


def test_photo_captions_lose_to_running_text():
    doc = make_doc([("body", "The mayor opened the new bridge over the river on Saturday morning with a ribbon. "
                             "Opening day: The mayor opened the new bridge over the river with her grandchildren . "
                             "The bridge took three years to build and cost the city 30 million dollars in total.")])
    assert all("Opening day:" not in t for t in sentence_texts(summarize(doc, 2)))


# ---------------------------------------------------------------- redundancy


def test_near_duplicate_sentences_never_both_appear():
    repeated = "The port authority confirmed that the new container terminal will open in the spring of next year."
    variant = "The port authority confirmed that the new container terminal will open in the spring of the next year."
    parts = [("title", "Container terminal to open in the spring"),
             ("body", repeated + " Dock workers welcomed the news after months of uncertainty about their jobs."),
             ("body", "Shipping lines have already booked berths for the first weeks of operation. " + variant),
             ("body", "The terminal was built on land reclaimed from the estuary over the last decade.")]
    texts = sentence_texts(summarize(make_doc(parts), 10))
    assert not (repeated in texts and variant in texts)
    assert repeated in texts or variant in texts


def test_exact_repeats_of_a_text_do_not_starve_the_summary():
    paragraphs = [("body", p[1]) for p in ARTICLE if p[0] == "body"] * 30
    texts = sentence_texts(summarize(make_doc(paragraphs), 5))
    assert len(texts) == 5 and len(set(texts)) == 5


# ---------------------------------------------------------------- sections


def test_a_document_with_headings_gets_a_summary_per_section():
    parts = [("title", "Annual report of the harbour trust"),
             ("body", "The harbour trust had a busy year with record numbers of visiting ships and passengers."),
             ("heading", "Finances"),
             ("body", "Income rose by 12 percent to 8.1 million pounds as cruise ships returned to the harbour. "
                      "Costs rose more slowly because the trust delayed the dredging programme by a year."),
             ("heading", "Safety"),
             ("body", "There were no serious accidents in the harbour during the year, the trust reported. "
                      "Two new pilot boats entered service in the autumn and replaced vessels built in 1984.")]
    doc = make_doc(parts)
    result = summarize(doc, 2)
    assert [(s["heading"], s["paragraph"]) for s in result.sections] == [("Finances", 2), ("Safety", 4)]
    for section, end in zip(result.sections, (4, len(parts))):
        assert section["sentences"]
        assert all(section["paragraph"] < s["paragraph"] < end for s in section["sentences"])


def test_a_document_without_headings_has_no_sections():
    assert summarize(make_doc(ARTICLE), 3).sections == []


# ---------------------------------------------------------------- gists


def test_every_body_paragraph_gets_one_short_gist_and_nothing_else_does():
    doc = make_doc(ARTICLE)
    gists = summarize(doc, 3).gists
    assert set(gists) == {p.index for p in doc.paragraphs if p.kind == "body"}
    for index, gist in gists.items():
        assert 0 < len(gist) <= GIST_CHARS
        assert gist.rstrip("…") in doc.paragraphs[index].text


def test_a_long_sentence_is_trimmed_at_a_clause_with_an_ellipsis():
    long_sentence = ("The regional transport board, which met for six hours on Thursday evening in the town hall, "
                     "approved a plan to double the number of buses between the villages and the market town by 2027.")
    doc = make_doc([("body", long_sentence)])
    gist = summarize(doc, 1).gists[0]
    assert gist.endswith("…") and len(gist) <= GIST_CHARS
    assert long_sentence.startswith(gist[:-1])
    assert not gist[:-1].endswith((",", " "))


# ---------------------------------------------------------------- stability


def test_the_same_input_gives_the_same_output():
    doc = make_doc(ARTICLE)
    first = summarize(doc, 4)
    second = summarize(copy.deepcopy(doc), 4)
    assert first == second


def test_a_pull_quote_set_as_its_own_body_paragraph_is_never_chosen():
    pull = "“The water came up to the second shelf of the library in less than an hour.”"
    parts = [*ARTICLE[:3], ("body", pull), *ARTICLE[3:]]
    doc = make_doc(parts)
    assert all(s["text"] not in pull for s in summarize(doc, 20).sentences)
    assert summarize(doc, 3).gists[3]  # it still has a gist: every body paragraph does


def test_a_text_made_only_of_block_quotes_still_gets_a_summary():
    doc = make_doc([("title", "Letters"),
                    ("quote", "The river rose quickly in the night and the town woke to flooded streets and cellars."),
                    ("quote", "By noon the water had gone down and people began to clear the mud from their homes.")])
    assert len(summarize(doc, 1).sentences) == 1


def test_sections_follow_the_level_that_divides_the_text():
    chapter = ("The crew rebuilt the pier over the winter while the ferry ran from the old slip instead. "
               "Engineers checked every pile and replaced the rotten ones with steel.")
    parts = [("title", "The pier"), ("heading", "Chapter one"), ("body", chapter), ("heading", "Details"),
             ("body", chapter.replace("pier", "wall")), ("heading", "Chapter two"),
             ("body", chapter.replace("crew", "team"))]
    doc = make_doc(parts)
    doc.paragraphs[3] = Paragraph(3, doc.paragraphs[3].id, "heading", "Details", ("Details",), 2)
    result = summarize(doc, 2)
    assert [s["heading"] for s in result.sections] == ["Chapter one", "Chapter two"]
    assert {s["paragraph"] for s in result.sections[0]["sentences"]} <= {2, 4}


def test_the_garbage_collector_is_left_as_it_was():
    import gc

    summarize(make_doc(ARTICLE), 2)
    assert gc.isenabled()
    gc.disable()
    try:
        summarize(make_doc(ARTICLE), 2)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_text_of_short_sentences_still_gets_the_sentences_asked_for():
    doc = make_doc([("title", "Notes"), ("body", "The storm came. Trees fell down. Roads were closed. Schools shut early.")])
    texts = sentence_texts(summarize(doc, 3))
    assert len(texts) == 3 and all(t in doc.paragraphs[1].text for t in texts)


WORDS = ["harbour", "ferry", "council", "said", "the", "pier", "budget", "rose", "by", "12%", "Mara", "Holm",
         "“we", "will", "open”", "(pictured)", "PUBLISHED:", "By", ".", "a", "new", "bridge", "in", "May", "—"]


def random_parts(draw_lists):
    kinds = ["title", "byline", "heading", "body", "body", "body", "list", "quote", "boilerplate"]
    return [(kinds[k], " ".join(words) + end) for k, words, end in draw_lists]


def test_invariants_hold_on_arbitrary_texts():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    paragraph = st.tuples(st.integers(0, 8), st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
                          st.sampled_from([".", "", "!", " .", "?”"]))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(paragraph, max_size=12), st.integers(0, 8))
    def check(paragraphs, n):
        parts = [p for p in random_parts(paragraphs) if p[1].strip()]
        doc = make_doc(parts)
        result = summarize(doc, n)
        assert len(result.sentences) <= n
        positions = []
        for item in result.sentences:
            paragraph = doc.paragraphs[item["paragraph"]]
            assert paragraph.kind in ("body", "list", "quote") and item["text"] in paragraph.text
            positions.append((item["paragraph"], paragraph.text.index(item["text"])))
        assert positions == sorted(positions)
        assert set(result.gists) <= {p.index for p in doc.paragraphs if p.kind == "body"}
        assert all(len(g) <= GIST_CHARS for g in result.gists.values())
        assert summarize(doc, n) == result

    check()
