"""Tests of the rule-based sentence splitter, one family of rules at a time."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def check(text: str, *expected: str) -> None:
    assert split_sentences(text) == list(expected)


# ---------------------------------------------------------------- plain boundaries

@pytest.mark.parametrize("text, expected", [
    ("The river rose. Boats were tied up.", ["The river rose.", "Boats were tied up."]),
    ("Who paid for it? Nobody knows.", ["Who paid for it?", "Nobody knows."]),
    ("It worked! Everyone cheered.", ["It worked!", "Everyone cheered."]),
    ("Really?! Yes, really.", ["Really?!", "Yes, really."]),
    ("Wait!! Come back.", ["Wait!!", "Come back."]),
    ("The vote was 12 to 3. 40 members abstained.", ["The vote was 12 to 3.", "40 members abstained."]),
    ("  Leading and trailing space.   Kept out.  ", ["Leading and trailing space.", "Kept out."]),
])
def test_terminal_punctuation(text, expected):
    assert split_sentences(text) == expected


def test_no_split_before_lower_case():
    check("She works at Bingo! in the sales team.", "She works at Bingo! in the sales team.")
    check("The plan failed. but nobody said so.", "The plan failed. but nobody said so.")


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences("   ") == []


def test_single_sentence_without_final_mark():
    check("A heading without a period", "A heading without a period")


# ---------------------------------------------------------------- abbreviations

@pytest.mark.parametrize("text", [
    "Gen. Rosa Mendes inspected the troops.",
    "Sen. Tom Barker and Rep. Ana Ruiz met Gov. Lee Park.",
    "Dr. Kim and Mrs. Osei spoke to Mr. Hale and Ms. Grant.",
    "They met at St. Andrew's Hall near Mt. Kenya.",
    "The case Doe v. Roe and the bout Ali vs. Frazier were cited.",
    "Bring fruit, e.g. Apples, or bread, i.e. Anything filling.",
    "Shares of Larkspur Inc. rose after Tern Corp. Chief Executive Ida Vance spoke.",
    "Harbor Ltd. Directors approved the plan.",
])
def test_abbreviations_inside_a_sentence(text):
    check(text, text)


def test_ambiguous_abbreviation_ends_sentence_before_an_opener():
    check("They sold the mill to Pell & Co. It closed in a year.",
          "They sold the mill to Pell & Co.", "It closed in a year.")
    check("The deal went to Larkspur Inc. The rivals objected.",
          "The deal went to Larkspur Inc.", "The rivals objected.")
    check("Ask Sam and co. They will know.", "Ask Sam and co.", "They will know.")


def test_lower_case_title_word_is_an_ordinary_word():
    check("He met a sales rep. She was late.", "He met a sales rep.", "She was late.")


def test_acronyms_with_periods():
    check("The U.S. Navy sent a ship. It arrived late.", "The U.S. Navy sent a ship.", "It arrived late.")
    check("Aid was flown to the U.S. The first plane landed.",
          "Aid was flown to the U.S.", "The first plane landed.")
    check("She has lived in the U.K. for ten years.", "She has lived in the U.K. for ten years.")
    check("The U.N. General Assembly voted.", "The U.N. General Assembly voted.")
    check("He moved to Austin, Tex., in May.", "He moved to Austin, Tex., in May.")
    check("A U.S.-led team won. It was close.", "A U.S.-led team won.", "It was close.")


def test_clock_times():
    check("The polls close at 8 p.m. on Tuesday.", "The polls close at 8 p.m. on Tuesday.")
    check("The bus left at 7 a.m. Passengers were angry.", "The bus left at 7 a.m.", "Passengers were angry.")
    check("By 9 a.m. Dr. Hale was at work.", "By 9 a.m. Dr. Hale was at work.")
    check("Doors open at 6 p.m. Eastern on Friday.", "Doors open at 6 p.m. Eastern on Friday.")
    check("They marched until 1 a.m. Sunday in the rain.", "They marched until 1 a.m. Sunday in the rain.")
    check("Coverage starts at 8 p.m. E.T. on cable.", "Coverage starts at 8 p.m. E.T. on cable.")
    check("We close at 5 p.m. The shop reopens at 9 a.m.", "We close at 5 p.m.", "The shop reopens at 9 a.m.")


def test_abbreviations_before_numbers():
    check("The vote is on Feb. 9 in Leeds. It may slip.", "The vote is on Feb. 9 in Leeds.", "It may slip.")
    check("See p. 12 and pp. 30-34 of No. 7.", "See p. 12 and pp. 30-34 of No. 7.")
    check("Sales fell in Nov. 2021, the firm said.", "Sales fell in Nov. 2021, the firm said.")
    check("He was asked yes or no. Rivals said no. Voters agreed.",
          "He was asked yes or no.", "Rivals said no.", "Voters agreed.")


def test_month_at_sentence_end():
    check("The law takes effect in Sept. The rules follow.", "The law takes effect in Sept.", "The rules follow.")


# ---------------------------------------------------------------- initials

@pytest.mark.parametrize("text", [
    "The novels of C. S. Lewis sold well.",
    "J. R. R. Tolkien wrote in Oxford.",
    "Harry S. Truman and Franklin D. Roosevelt were presidents.",
    "P.D. James and E.L. Doctorow were on the list.",
])
def test_initials(text):
    check(text, text)


def test_pronoun_i_ends_a_sentence_before_an_opener():
    check("Nobody saw it but I. Did you?", "Nobody saw it but I.", "Did you?")
    check("Ask Edward I. Marsh about it.", "Ask Edward I. Marsh about it.")


# ---------------------------------------------------------------- numbers, URLs, e-mails

def test_decimals_money_and_percentages():
    check("Growth was 3.5% in 2023. Debt rose to $1.2bn.", "Growth was 3.5% in 2023.", "Debt rose to $1.2bn.")
    check("It costs $19.99. That is cheap.", "It costs $19.99.", "That is cheap.")
    check("Version 2.0.1 ships today.", "Version 2.0.1 ships today.")


def test_urls_and_emails():
    check("Write to press.office@example.org. We reply fast.", "Write to press.office@example.org.", "We reply fast.")
    check("Read https://news.example.net/a/b.html?id=3. Then comment.",
          "Read https://news.example.net/a/b.html?id=3.", "Then comment.")
    check("The site example.co.uk is down.", "The site example.co.uk is down.")


# ---------------------------------------------------------------- ellipses

def test_ellipsis_before_lower_case_continues():
    check("It was good... but not great.", "It was good... but not great.")
    check("It was good… but not great.", "It was good… but not great.")


def test_ellipsis_before_capital_ends():
    check("I never said that... She walked away.", "I never said that...", "She walked away.")


def test_spaced_ellipsis():
    check("The crowd waited . . . Then the doors opened.", "The crowd waited . . . Then the doors opened.")
    check("He stopped there . . . . After that he left.", "He stopped there . . . .", "After that he left.")
    check("It ended. . . . Later came another.", "It ended.", ". . . Later came another.")


def test_bracketed_ellipsis():
    check('"The plan [...] failed" (Report 4).', '"The plan [...] failed" (Report 4).')


# ---------------------------------------------------------------- quotations and brackets

def test_quotations_ending_sentences():
    check('"We will rebuild," the mayor said. "Soon."', '"We will rebuild," the mayor said.', '"Soon."')
    check("“The bridge is safe,” Okoro said. Engineers agreed.",
          "“The bridge is safe,” Okoro said.", "Engineers agreed.")
    check('He called it "a disgrace." Nobody replied.', 'He called it "a disgrace."', "Nobody replied.")
    check('"We will vote on Friday." "We never lose."', '"We will vote on Friday."', '"We never lose."')
    check("‘It is over.’ The crowd left.", "‘It is over.’", "The crowd left.")


def test_quotation_inside_sentence():
    check('"Are we there yet?" she asked.', '"Are we there yet?" she asked.')
    check('"Run!" yelled the guard.', '"Run!" yelled the guard.')
    check('"Why now?" Mayor Ida Lee asked. Nobody knew.', '"Why now?" Mayor Ida Lee asked.', "Nobody knew.")
    check('“Halt!” Officer Diaz shouted at them.', '“Halt!” Officer Diaz shouted at them.')
    check('"Why now?" Critics say the timing is odd.', '"Why now?"', "Critics say the timing is odd.")
    check("He said, 'That is fine.' and left.", "He said, 'That is fine.' and left.")
    check("''It works,'' he said. ''Mostly.''", "''It works,'' he said.", "''Mostly.''")


def test_parentheses():
    check("She taught music (She had trained in Vienna.) at the school.",
          "She taught music (She had trained in Vienna.) at the school.")
    check("He left early. (He was ill.) The rest stayed.", "He left early.", "(He was ill.)", "The rest stayed.")
    check("Rep. Ana Ruiz (D-Calif.) voted no.", "Rep. Ana Ruiz (D-Calif.) voted no.")


def test_dash_after_period_continues():
    check("SPRINGFIELD, Ill. - The plant closed.", "SPRINGFIELD, Ill. - The plant closed.")


# ---------------------------------------------------------------- lists inside a line

@pytest.mark.parametrize("text, expected", [
    ("1. Buy bread 2. Walk the dog 3. Call home", ["1. Buy bread", "2. Walk the dog", "3. Call home"]),
    ("1) Buy bread. 2) Walk the dog.", ["1) Buy bread.", "2) Walk the dog."]),
    ("1.) Buy bread 2.) Walk the dog", ["1.) Buy bread", "2.) Walk the dog"]),
    ("(1) Buy bread (2) Walk the dog", ["(1) Buy bread", "(2) Walk the dog"]),
    ("a. Buy bread b. Walk the dog", ["a. Buy bread", "b. Walk the dog"]),
    ("• 3. Buy bread • 4. Walk the dog", ["• 3. Buy bread", "• 4. Walk the dog"]),
    ("• Buy bread • Walk the dog", ["• Buy bread", "• Walk the dog"]),
])
def test_numbered_and_bulleted_lists(text, expected):
    assert split_sentences(text) == expected


def test_list_numbers_only_count_at_paragraph_start():
    check("We counted 2. Then 3. Nobody came.", "We counted 2.", "Then 3.", "Nobody came.")
    check("It ended 3-1. 40,000 fans saw it.", "It ended 3-1.", "40,000 fans saw it.")
    check("Take route 1. The road is 2. Lanes wide.", "Take route 1.", "The road is 2.", "Lanes wide.")


# ---------------------------------------------------------------- invariants and speed

_PIECES = st.sampled_from(["The", "dog", "ran", ".", "!", "?", "...", " ", "  ", "U.S.", "Mr.", '"', "“", "”",
                           "(", ")", "3.5", "a.m.", "1.", "•", "Inc.", "I", "e.g.", ",", "\u00a0", "J.", "—"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_splitting_keeps_every_character(text):
    sentences = split_sentences(text)
    assert "".join("".join(s.split()) for s in sentences) == "".join(text.split())
    assert all(s and s == s.strip() for s in sentences)


def test_linear_time_on_a_large_paragraph():
    unit = ("Sen. Ada Wells said the U.S. plan (worth $4.5bn) starts at 9 a.m. on Jan. 5. "
            '"It is late," she said. Critics... disagreed! Why? ')
    text = unit * 4000  # about 500 KB in one paragraph
    began = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - began < 1.0
    assert len(sentences) == 4 * 4000


# ---------------------------------------------------------------- shared evaluation data (skipped when absent)

def _passes(case: dict) -> bool:
    paragraphs = [" ".join(block.split()) for block in case["text"].split("\n\n") if block.strip()]
    got = [" ".join(s.split()) for p in paragraphs for s in split_sentences(p)]
    return got == [" ".join(s.split()) for s in case["expected"]]


@pytest.mark.skipif(not (DATA / "pysbd-golden-rules").exists(), reason="shared data not present")
def test_pysbd_golden_rules_at_least_47_of_48():
    cases = json.loads((DATA / "pysbd-golden-rules" / "english_golden_rules.json").read_text(encoding="utf-8"))
    assert sum(map(_passes, cases)) >= 47


@pytest.mark.skipif(not (DATA / "seg-news-cases.json").exists(), reason="shared data not present")
def test_news_cases_nearly_all_pass():
    cases = json.loads((DATA / "seg-news-cases.json").read_text(encoding="utf-8"))
    assert sum(map(_passes, cases)) >= len(cases) - 1
