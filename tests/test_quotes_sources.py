"""Cited sources (outlets, organisations, documents, social media), on texts written for these tests."""

from __future__ import annotations

import pytest

from tui.document import Paragraph
from tui.quotes import extract_quotes
from tui.sources import extract_sources


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, id=str(i), kind="body", text=t, sentences=(t,)) for i, t in enumerate(texts)]


def sources_of(*texts: str) -> dict[str, dict]:
    return {s["name"]: s for s in extract_quotes(paragraphs(*texts))[1]}


@pytest.mark.parametrize("text, name, kind", [
    ("A Reuters report published March 3 said the plant would close.", "Reuters", "outlet"),
    ("The *Financial Times* reported that the talks had stalled.", "Financial Times", "outlet"),
    ("The mayor said on its Facebook page that the park would reopen.", "Facebook", "social"),
    ("She wrote on Bluesky that the vote was delayed.", "Bluesky", "social"),
    ("According to the AP, turnout was the highest in years.", "AP", "outlet"),
    ("The number of cases rose again, the health ministry reported.", "the health ministry", "organisation"),
    ("The Department of Justice said on Monday that it would appeal.", "Department of Justice", "organisation"),
    ("Costs doubled, according to the report.", "the report", "document"),
    ("Maria Lopez told The Daily Ledger that she would resign.", "Daily Ledger", "outlet"),
    ("Maria Lopez told the Daily Ledger on Thursday that she would resign.", "Daily Ledger", "outlet"),
    ("The ferry was cancelled, a statement from the Harbour Authority said.", "Harbour Authority", "organisation"),
])
def test_source_patterns(text: str, name: str, kind: str) -> None:
    found = sources_of(text)
    assert name in found, found
    assert found[name]["kind"] == kind
    assert found[name]["paragraph"] == 0
    assert found[name]["text"]


def test_a_source_lists_every_paragraph_that_cites_it() -> None:
    found = sources_of("Reuters reported the closure first.", "The weather was fine.",
                       "According to Reuters, the plant had lost money for years.")
    assert found["Reuters"]["paragraphs"] == [0, 2]
    assert found["Reuters"]["paragraph"] == 0


def test_a_cited_person_is_no_source() -> None:
    assert sources_of("According to Maria Lopez, the bridge will reopen in May.") == {}


def test_phrase_is_the_citing_words() -> None:
    found = sources_of("A Reuters report published March 3 said the plant would close.")
    assert found["Reuters"]["text"] == "A Reuters report published March 3"


def test_sources_without_precomputed_names() -> None:
    found = {s["name"] for s in extract_sources(paragraphs("The Associated Press reported the result."))}
    assert found == {"Associated Press"}


def test_no_sources_in_plain_text() -> None:
    assert sources_of("The river rose overnight and the town woke up to flooded streets.") == {}


def test_boilerplate_cites_nothing() -> None:
    texts = [Paragraph(index=0, id="0", kind="body", text="The ferry ran late again.", sentences=()),
             Paragraph(index=1, id="1", kind="boilerplate", text='Follow us on Twitter: "News you need."',
                       sentences=())]
    quotes, sources = extract_quotes(texts)
    assert quotes == [] and sources == []


def test_a_lowercase_source_opening_its_sentence() -> None:
    found = sources_of("The city council said on Monday that the ferry would run again.")
    assert found["the city council"]["kind"] == "organisation"


def test_a_bare_document_word_is_no_cited_source() -> None:
    from tui.document import Paragraph
    from tui.sources import extract_sources

    text = ("The route carries 30,000 passengers a month, according to figures the company filed last year. "
            "Crime fell, according to police, and according to data from the Office for National Statistics.")
    names = [source["name"] for source in extract_sources([Paragraph(0, "p", "body", text, (text,))])]
    assert "figures" not in names and "police" in names
