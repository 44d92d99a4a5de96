"""Key figures: what a figure counts in the harder sentence shapes, and how durations rank."""

from __future__ import annotations

import pytest

from tui.document import Paragraph
from tui.figures import extract_figures
from tui.sentences import split_sentences


def figures(*texts: str, kinds: tuple[str, ...] | None = None) -> list[dict]:
    return extract_figures([Paragraph(index=i, id=str(i), kind=kinds[i] if kinds else "body", text=t,
                                      sentences=tuple(split_sentences(t))) for i, t in enumerate(texts)])


def counts(text: str, surface: str) -> str | None:
    found = [f for f in figures(text) if f["text"] == surface]
    assert found, f"no figure {surface!r} in {[f['text'] for f in figures(text)]}"
    return found[0]["counts"]


@pytest.mark.parametrize("text, surface, expected", [
    # the subject of a change, past a time adverbial between it and its verb
    ("Bus journeys last winter were 9% lower than a year before.", "9%", "bus journeys"),
    ("Ticket sales this year are 15% up on the last.", "15%", "ticket sales"),
    # "X was up N%": what rose, not merely that something did
    ("Revenue at the chain was up 6.1% in the spring.", "6.1%", "revenue"),
    ("Prices were mixed, but up 12% on the year.", "12%", "rise on year"),
    # the head noun before a participle adjective and a preposition
    ("Readings in the flooded pump room fell to 3C overnight.", "3C", "readings"),
    # the value of the phrase before a comma
    ("The council is selling its depot, valued at about £8m, to a developer.", "about £8m", "depot"),
    # an acronym plural is a plural
    ("Some 40 MPs signed the letter.", "Some 40", "MPs"),
    # a name at the start of a sentence keeps its capitals
    ("Lakeland Foods shares rose 3% on Monday.", "3%", "Lakeland Foods shares"),
])
def test_counts_the_subject_of_a_change(text, surface, expected):
    assert counts(text, surface) == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("The trust has asked the county council for £2m to rebuild the old bridge.", "£2m", "rebuild the old bridge"),
    ("The firm agreed to pay $40m to settle the claims.", "$40m", "settle the claims"),
    ("The school needs £300,000 to replace its leaking roof.", "£300,000", "replace its leaking roof"),
])
def test_money_counts_its_purpose(text, surface, expected):
    assert counts(text, surface) == expected


@pytest.mark.parametrize("text, surface", [
    ("The town asked the lottery fund for £2m.", "£2m"),   # the one asked is not what the money is
    ("The charity gave £5m to the hospital.", "£5m"),      # "to the": a recipient, not a purpose
    ("The estate left £1m to charity.", "£1m"),
])
def test_money_says_nothing_rather_than_something_wrong(text, surface):
    assert counts(text, surface) is None


@pytest.mark.parametrize("text, surface, expected", [
    ("Twelve climbers were rescued from the ridge, and two were flown to hospital.", "two", "climbers"),
    ("About 300 workers lost their jobs and 40 were redeployed.", "40", "workers"),
])
def test_a_bare_count_takes_the_noun_of_the_count_before_it(text, surface, expected):
    assert counts(text, surface) == expected


def test_a_bare_count_alone_in_its_sentence_counts_nothing():
    assert counts("After the storm, three were missing.", "three") is None


@pytest.mark.parametrize("text, surface, expected", [
    ("Two of Northgate Rail's nine trains were cancelled.", "Two", "trains"),
    ("Inspectors checked all six Harbour Line ferries on Friday.", "six", "Harbour Line ferries"),
])
def test_a_name_before_a_noun_only_qualifies_it(text, surface, expected):
    assert counts(text, surface) == expected


def test_durations_rank_below_counts_even_in_a_headline():
    found = figures("Rescue took six hours after lift failure",
                    "Engineers freed 14 passengers from a lift after six hours, the council said.",
                    kinds=("title", "body"))
    order = [f["text"] for f in found]
    assert order.index("14") < order.index("six hours")


def test_a_payer_is_not_what_money_counts_but_a_passive_subject_is():
    assert counts("The insurer will pay £12m once the court agrees.", "£12m") is None
    assert counts("The entry fee was raised from £3 to £5 a day.", "£3") == "entry fee"


@pytest.mark.parametrize("text, surface", [
    ("The mayor sent a two-line reply to the committee.", "two"),        # a compound modifier
    ("The vote became a four-way contest between the parties.", "four"),
    ("In late trading it reached $1.31, from $1.29 on Friday.", "$1.29"),      # a day is no thing counted
    ("Profits were $12m, against $9m year-earlier.", "$9m"),
    ("The village lies 40 kilometres north of the border.", "40 kilometres"),
    ("Carers are entitled to support for a year, followed by £60 a week.", "£60"),  # another clause
])
def test_circumstances_and_modifiers_count_nothing(text, surface):
    assert counts(text, surface) is None


@pytest.mark.parametrize("text, surface, expected", [
    ("The plant makes 5MW worth of electricity for the town.", "5MW", "electricity"),
    ("The council plans up to six Alpine style chalets near the lake.", "up to six", "Alpine style chalets"),
    ("Sick pay for new starters is to rise by £300 next year.", "£300", "sick pay"),
])
def test_counts_past_worth_names_and_adjectives(text, surface, expected):
    assert counts(text, surface) == expected


def test_a_year_between_the_subject_and_the_figure_is_skipped():
    text = "Exports are recovering, officials said, with coffee exports in 2022 up 8% at $2.5bn."
    assert counts(text, "$2.5bn") == "coffee exports"
    assert counts(text, "8%") == "coffee exports"


def test_a_verb_after_a_pronoun_is_not_what_a_figure_counts():
    assert counts("Inflation will ease, which they estimate to be about 2% by June.", "about 2%") is None


def test_a_name_then_a_plural_then_more_words():
    assert counts("Crews will inspect all four Bay Line boats by Friday.", "four") == "Bay Line boats"


def test_who_is_a_number_gives_an_age():
    assert counts("Her daughter, who is nine, wants to sail too.", "nine") == "age"
