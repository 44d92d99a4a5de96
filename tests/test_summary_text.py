"""Words, stems, boilerplate rules and the linear-time centrality of the summarizer."""

from __future__ import annotations

import pytest

from tui.summary_rank import centroid_similarity, dot, lexrank, normalise, sentence_frequencies, term_vectors
from tui.summary_text import (clean_sentence, content_terms, is_boilerplate, is_caption_like, is_labelled_caption,
                              looks_like_sentence, stem)


@pytest.mark.parametrize(("word", "expected"), [
    ("companies", "company"), ("running", "run"), ("runs", "run"), ("cats", "cat"), ("stopped", "stop"),
    ("business", "business"), ("bus", "bus"), ("council's", "council"), ("2,000", "2,000"),
])
def test_stem(word, expected):
    assert stem(word) == expected


def test_content_terms_drop_stopwords_and_fold_inflections():
    assert content_terms("The councils said they were running the ferries") == ["council", "run", "ferry"]


@pytest.mark.parametrize("text", [
    "PUBLISHED: .", "UPDATED: . 15:36 EST, 25 October 2013 .", "Scroll down for video .", "CLICK HERE for more news",
    "Follow @cityreporter on Twitter", "Last updated at 3:31 PM on 19th July 2011", "By Jane Doe",
    "Photographs by Ola Berg for the Courier.", "Sign up for our newsletter", "| .", "Share this article",
    "By John Smith and Ann Lee", "Updated at 12:30 GMT", "Comments (12)", "Photo: Ola Berg", "Copyright 2014 Reuters",
])
def test_boilerplate(text):
    assert is_boilerplate(text)


@pytest.mark.parametrize("text", [
    "The council said the ferry would run again in May.",
    "By the end of the year, 300 homes had been connected to the network.",
    "Prices were updated on Monday after the review.",
    "By then it was over.", "Created in 1990, the fund has grown.", "Published in 2004, the report found gaps.",
    "Comments by the minister were criticised.", "Photographs of the crash site showed damage.",
    "Copyright law is changing fast.", "Advertisement spending rose.", "Subscribers rose by 5%.",
])
def test_running_text_is_not_boilerplate(text):
    assert not is_boilerplate(text)


@pytest.mark.parametrize(("raw", "clean"), [
    ("By . Daily Mail Reporter . PUBLISHED: . 01:15 EST, 30 November 2013 . | . UPDATED: . 01:23 EST, "
     "30 November 2013 . The bridge reopened on Friday.", "The bridge reopened on Friday."),
    ("(CNN) -- The bridge reopened on Friday.", "The bridge reopened on Friday."),
    ("OSLO, Norway (Reuters) -- The bridge reopened on Friday.", "The bridge reopened on Friday."),
    ("PORT ELLERY, 3 March 2025 — The bridge reopened.", "The bridge reopened."),
    ("NASA said — at last — that the launch was on.", "NASA said — at last — that the launch was on."),
    ("Last updated at 1:25 AM on 3rd August 2011 . The bridge reopened.", "The bridge reopened."),
    ("The bridge reopened on Friday.", "The bridge reopened on Friday."),
])
def test_clean_sentence_strips_agency_furniture_and_datelines(raw, clean):
    assert clean_sentence(raw) == clean


def test_captions():
    assert is_labelled_caption("Grand opening: The mayor cuts the ribbon at the new library .")
    assert not is_labelled_caption("He said: The library will open on Monday.")
    assert is_caption_like("The mayor (pictured) cut the ribbon at noon.")
    assert not is_caption_like("The mayor cut the ribbon at noon on Saturday.")


@pytest.mark.parametrize(("text", "expected"), [
    ("The ferry will run again in May after repairs.", True),
    ("14:11 EST, 25 October 2013 .", False),
    ("Associated Press Reporter Staff Writer .", False),
    ("The ferry will run again in May after repairs", False),
    ("It ran.", False),
])
def test_looks_like_sentence(text, expected):
    assert looks_like_sentence(text) is expected


def brute_degree(vectors):
    return [sum(dot(v, w) for j, w in enumerate(vectors) if j != i) for i, v in enumerate(vectors)]


def test_degree_centrality_equals_the_all_pairs_sum():
    terms = [["ferry", "pier", "repair"], ["ferry", "winter", "timetable"], ["pier", "repair", "cost"],
             ["museum", "opening"], ["ferry", "pier", "cost", "repair"]]
    vectors = term_vectors(terms, None, 0.0)
    assert centroid_similarity(vectors) == pytest.approx(brute_degree(vectors))


def test_lexrank_sums_to_one_and_favours_the_central_sentence():
    terms = [["ferry", "pier", "repair"], ["ferry", "winter"], ["pier", "repair", "cost"],
             ["museum", "opening"], ["ferry", "pier", "cost", "repair"]]
    scores = lexrank(term_vectors(terms, None, 0.0))
    assert sum(scores) == pytest.approx(1.0)
    assert max(range(len(scores)), key=scores.__getitem__) == 4
    assert min(range(len(scores)), key=scores.__getitem__) == 3


def test_normalise_gives_unit_length_and_keeps_empty_vectors_empty():
    assert dot(normalise({"a": 3.0, "b": 4.0}), normalise({"a": 3.0, "b": 4.0})) == pytest.approx(1.0)
    assert normalise({}) == {}


# ---------------------------------------------------------------- fast paths agree with the plain definitions

TRICKY = ("The councils said they were running the ferries. “Council’s” state-owned (said) £2.5bn, 12-year-old "
          "U.S.-based _word O'Neill's 3.5. -5 — well-known co-operation half QUARTER Said, According to 2,000 x")


def test_the_lexicon_gives_the_terms_and_features_of_the_words():
    from tui.summary_text import QUANTITY_WORDS, REPORTING_WORDS, Lexicon, lower_words

    lexicon = Lexicon()
    for text in (TRICKY, TRICKY.lower(), "No figure here at all, only words.", "Ten people said so."):
        words = lower_words(text)
        figure = any(c.isdigit() for c in text) or not QUANTITY_WORDS.isdisjoint(words)
        assert lexicon.read(text.split()) == (content_terms(text), figure, not REPORTING_WORDS.isdisjoint(words))


def test_texts_with_marks_agrees_with_the_per_text_test():
    from tui.summary_text import has_boilerplate_marks, texts_with_marks

    texts = ["", "PUBLISHED: 10:00", "The harbour reopened.", "Follow @harbour", "photo", "Photo by Ola Berg",
             "£ Getty Images", "Source: Reuters", "Updated on Monday", "x" * 500 + " CLICK HERE"]
    assert texts_with_marks(texts) == [has_boilerplate_marks(t) for t in texts]


@pytest.mark.parametrize("text", ["", " ", "a", " a b ", "a  b", "a\tb\nc", "a\xa0b", "one two three", "x "])
def test_word_count_equals_splitting(text):
    from tui.summary_text import word_count

    assert word_count(text) == len(text.split())


def test_term_space_matches_the_dict_vectors():
    from tui.summary_rank import TermSpace

    terms = [["ferry", "pier", "repair", "pier"], ["ferry", "winter"], ["pier", "repair", "cost"], ["museum"], []]
    space = TermSpace(terms, 4.0)
    df = sentence_frequencies(terms)
    vectors = term_vectors(terms, df, 4.0)
    for i, vec in enumerate(vectors):
        assert space.vector(i) == pytest.approx(vec)
    assert space.centrality(range(len(terms))) == pytest.approx(centroid_similarity(vectors))
    title = normalise({"pier": 1.0, "cost": 1.0})
    assert space.similarity(range(len(terms)), title) == pytest.approx([dot(v, title) for v in vectors])
