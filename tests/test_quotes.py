"""Quotations and their speakers: each attribution pattern of news English, on texts written for these tests."""

from __future__ import annotations

import time

import pytest

from tui.document import Paragraph
from tui.quotes import extract_quotes

from work_count import calls


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, id=str(i), kind="body", text=t, sentences=(t,)) for i, t in enumerate(texts)]


def quotes_of(*texts: str) -> list[dict]:
    return extract_quotes(paragraphs(*texts))[0]


def only(*texts: str) -> dict:
    found = [q for q in quotes_of(*texts) if q["kind"] == "quote"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, speaker, cue", [
    ('“The bridge will reopen in May,” Maria Lopez said.', "Maria Lopez", "said"),
    ('"The bridge will reopen in May," said Maria Lopez, the city engineer.', "Maria Lopez", "said"),
    ('Maria Lopez said: "The bridge will reopen in May."', "Maria Lopez", "said"),
    ('Maria Lopez said that "the bridge will reopen in May at the latest."', "Maria Lopez", "said"),
    ('Maria Lopez told reporters, "The bridge will reopen in May."', "Maria Lopez", "told"),
    ('Maria Lopez wrote on Bluesky: "The bridge will reopen in May."', "Maria Lopez", "wrote"),
    ('Maria Lopez declared that "the bridge will reopen in May, whatever it costs."', "Maria Lopez", "declared"),
    ('"The bridge will reopen in May," read a statement from the Transport Agency.', "Transport Agency", "read"),
    ('According to Maria Lopez, "the bridge will reopen in May and not a day later."', "Maria Lopez",
     "according to"),
    ('"The bridge will reopen in May," Sen. Tom Walker (D-Ore.), who chairs the committee, told the paper.',
     "Tom Walker", "told"),
])
def test_attribution_patterns(text: str, speaker: str, cue: str) -> None:
    quote = only(text)
    assert quote["speaker"] == speaker
    assert quote["cue"] == cue
    assert quote["text"].startswith(("The bridge", "the bridge"))


def test_quote_text_is_exactly_inside_the_marks() -> None:
    quote = only('“We will not give up on this town,” the mayor said.')
    assert quote["text"] == "We will not give up on this town,"
    assert quote["speaker"] == "the mayor"


def test_pronoun_resolves_to_the_person_named_before() -> None:
    quote = only("Anna Berg, the governor, visited the flooded valley on Sunday.",
                 "“We will rebuild every house,” she said.")
    assert quote["speaker"] == "Anna Berg"
    assert quote["speaker_resolved_from"] == "she"
    assert quote["paragraph"] == 1


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    quote = only("Mr. Tom Walker met Anna Berg on Monday to discuss the budget.",
                 "“The numbers do not add up,” she said.")
    assert quote["speaker"] == "Anna Berg"


def test_surname_maps_to_the_full_name_seen_before() -> None:
    quote = only("Maria Lopez runs the city's transport office.",
                 "“We need more buses,” Lopez said.")
    assert quote["speaker"] == "Maria Lopez"


def test_it_resolves_to_an_organisation() -> None:
    quote = only("The Water Agency published its annual figures on Tuesday.",
                 "“Consumption fell for the third year running,” it said.")
    assert quote["speaker"] == "Water Agency"
    assert quote["speaker_resolved_from"] == "it"


def test_reference_to_the_agency_resolves_to_the_named_agency() -> None:
    quote = only("The Water Agency published its annual figures on Tuesday.",
                 "“Consumption fell for the third year running,” the agency added.")
    assert quote["speaker"] == "Water Agency"
    assert quote["speaker_resolved_from"] == "the agency"


def test_unattributed_quote_gets_no_speaker() -> None:
    quote = only("The station was closed for repairs all week.",
                 "“Nobody knows when the trains will run again, and nobody is saying.”")
    assert quote["speaker"] is None
    assert quote["cue"] is None


def test_broken_quote_gives_two_pieces_with_one_speaker() -> None:
    found = quotes_of('"We will," Maria Lopez said, "continue to fight for the bridge."')
    assert [q["text"] for q in found] == ["We will,", "continue to fight for the bridge."]
    assert [q["speaker"] for q in found] == ["Maria Lopez", "Maria Lopez"]
    assert found[0]["kind"] == "quote"


def test_nested_single_quotes_stay_inside() -> None:
    quote = only("“He told me, ‘Go home now,’ and I went home,” said Maria Lopez.")
    assert quote["text"] == "He told me, ‘Go home now,’ and I went home,"
    assert quote["speaker"] == "Maria Lopez"


def test_nested_curly_inside_straight_quotes() -> None:
    quote = only('Maria Lopez said: "The sign said “closed for winter” in big letters."')
    assert quote["text"] == "The sign said “closed for winter” in big letters."


def test_quote_over_paragraphs_is_one_quote() -> None:
    found = quotes_of("Maria Lopez said:",
                      "“The first thing we did was count the boats.",
                      "“Then we counted the people who still had a boat.”")
    assert len(found) == 1
    quote = found[0]
    assert quote["paragraphs"] == [1, 2]
    assert quote["paragraph"] == 1
    assert quote["speaker"] == "Maria Lopez"
    assert quote["text"].startswith("The first thing") and quote["text"].endswith("had a boat.")


def test_following_quote_paragraph_keeps_the_speaker() -> None:
    found = quotes_of("“We need more buses,” Maria Lopez said.",
                      "“And we need them before the winter comes back.”")
    assert [q["speaker"] for q in found] == ["Maria Lopez", "Maria Lopez"]


def test_second_quote_in_the_paragraph_keeps_the_speaker() -> None:
    found = quotes_of("“We need more buses,” Maria Lopez said. “And we need them soon, before winter.”")
    assert [q["speaker"] for q in found] == ["Maria Lopez", "Maria Lopez"]


@pytest.mark.parametrize("text, kind", [
    ("Critics call the plan “progress” in name only.", "term"),
    ('The minister blamed "human error" for the outage.', "term"),
    ('The city faces "rolling blackouts" this winter.', "term"),
    ('She wrote in an article titled, "Why the Bridge Still Matters to Us All."', "title"),
    ('The report, called "Water for Every Town", came out in June.', "title"),
    ('"The bridge is safe," Maria Lopez said on "Morning Harbour Report" this week.', "title"),
    ('In an interview on WXYZ\'s "Face the Town," Maria Lopez said the bridge was safe.', "title"),
    ("The plan offers “a fair and open process” to every town.", "term"),
])
def test_terms_and_titles(text: str, kind: str) -> None:
    found = quotes_of(text)
    assert found[-1]["kind"] == kind


def test_a_short_quote_with_its_own_cue_is_a_quote() -> None:
    quote = quotes_of("“You winning?” she asked, and Anna Berg laughed.")[0]
    assert quote["kind"] == "quote"


def test_term_records_who_is_quoted() -> None:
    term = quotes_of('Maria Lopez said the delay was "a disgrace".')[0]
    assert term["kind"] == "term"
    assert term["speaker"] == "Maria Lopez"


def test_title_records_who_is_quoted() -> None:
    title = quotes_of('Maria Lopez wrote an essay titled "Why Ferries Matter".')[0]
    assert title["kind"] == "title"
    assert title["speaker"] == "Maria Lopez"


def test_transcript_label_names_the_speaker() -> None:
    found = quotes_of('"HOST: Will the bridge open in May?', '"LOPEZ: It will open in May, I promise you that.')
    assert [q["speaker"] for q in found] == ["HOST", "LOPEZ"]


def test_dash_signature_names_the_speaker() -> None:
    quote = only("“The best town to grow up in, and the worst to leave.” ― Maria Lopez")
    assert quote["speaker"] == "Maria Lopez"


def test_participle_cue_takes_the_sentence_subject() -> None:
    quote = only("At the rally, Tom Walker attacked the plan, saying, “It will cost every family dearly.”")
    assert quote["speaker"] == "Tom Walker"


def test_fields_of_the_contract() -> None:
    quote = only("“We will rebuild every house,” Anna Berg said.")
    assert set(quote) >= {"text", "speaker", "cue", "kind", "paragraph", "paragraphs", "speaker_resolved_from"}


def test_empty_and_quote_free_input() -> None:
    assert extract_quotes([]) == ([], [])
    assert quotes_of("Nothing is quoted here.", "") == []


def test_unbalanced_marks_do_not_crash() -> None:
    found = quotes_of('He said "this never ends', '" and then', "”", '“')
    assert isinstance(found, list)


@pytest.mark.parametrize("text, speaker", [
    ('“The ferry will run again,” the statement read.', "the statement"),
    ('"We live by the tides," my father often said.', "my father"),
    ('Said Maria Lopez: "The ferry will run again next week."', "Maria Lopez"),
    ('"The ferry will run again next week," Harbour police said on Friday.', "Harbour police"),
])
def test_more_speaker_forms(text: str, speaker: str) -> None:
    assert only(text)["speaker"] == speaker


def test_a_possessive_description_is_not_the_name_inside_it() -> None:
    quote = only("“That was a mistake,” Lopez's former chief of staff said.")
    assert quote["speaker"] == "Lopez's former chief of staff"


def test_gender_learned_from_an_earlier_sentence() -> None:
    found = quotes_of("Kim Ortiz runs the port. She said the ferry would run again.",
                      "Mr. Lee Chen, the mayor, disagreed.",
                      "“The port is not ready for ferries yet,” she said.")
    assert found[0]["speaker"] == "Kim Ortiz"


def test_one_long_paragraph_takes_linear_work() -> None:
    # Speed itself is measured by bench/quotes_speed.py; a test counts work, which cannot flake.
    sentence = '“The ferry will run again,” Maria Lopez said. He wrote on Bluesky: "We are done with it all." '
    small, large = paragraphs(sentence * 150), paragraphs(sentence * 600)
    extract_quotes(small)  # warms the caches, as any earlier text would
    small_calls = calls(extract_quotes, small)
    large_calls = calls(extract_quotes, large)
    assert len(extract_quotes(large)[0]) == 1200
    assert large_calls < 4.4 * small_calls  # four times the text: about four times the work, never sixteen


def test_many_paragraphs_take_linear_work() -> None:
    texts = ['“We will rebuild,” Anna Berg, the mayor, said on Monday. According to the Daily Ledger, '
             'the council has not agreed. She told Reuters the plan was “a step forward.”',
             'Officials from the Water Agency said the repairs, which critics call “a waste,” would '
             'take a year. A report published by the agency found 40 faults.']
    small, large = paragraphs(*texts * 50), paragraphs(*texts * 200)
    extract_quotes(small)
    assert calls(extract_quotes, large) < 4.4 * calls(extract_quotes, small)


def test_a_long_quote_dense_paragraph_is_no_quadratic_trap() -> None:
    # A guard against quadratic blow-up only (the bound is generous on any machine): one 200 KB paragraph.
    text = '“It will open,” said Jane Doe. He said “no” and “yes” to the Times, the agency said. ' * 2400
    start = time.process_time()
    found = extract_quotes(paragraphs(text))[0]
    assert found and time.process_time() - start < 20


def test_paragraph_numbers_are_the_paragraph_indices() -> None:
    shifted = [Paragraph(index=7, id="7", kind="body", text="“We will rebuild,” Anna Berg said.", sentences=())]
    assert extract_quotes(shifted)[0][0]["paragraph"] == 7


def test_name_in_the_appositive() -> None:
    quote = only('The minister for the Coast, Maria Lopez, said: "The ferry will run again next week."')
    assert quote["speaker"] == "Maria Lopez"


def test_it_never_resolves_to_the_platform_a_statement_was_posted_on() -> None:
    quote = only("The ferry's operator, Strait Lines, said in a statement on its Facebook page on Sunday "
                 "that it was sorry. It said the crew had \"acted exactly as trained and kept everyone calm\".")
    assert quote["speaker"] == "Strait Lines"


def test_it_may_resolve_to_a_company_name_that_looks_like_a_person() -> None:
    quote = only("Halvard Maritime said on its website that it would help. It said the board had "
                 "\"never been told about the problem at all\" before the sale.")
    assert quote["speaker"] == "Halvard Maritime"
