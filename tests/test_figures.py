"""Key figures: what each figure counts, merging of repeats, ranking, the contract, and scale."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.document import Paragraph
from tui.figures import extract_figures, figure_occurrences, figures_from_occurrences, sentence_before

from work_count import calls
from tui.sentences import split_sentences

QUANTULUM = Path(__file__).resolve().parents[2] / "shared" / "data" / "quantulum3-tests"
CONTRACT = ("text", "value", "upper", "kind", "counts", "paragraph")


def paragraphs(*texts: str, kinds: tuple[str, ...] | None = None) -> list[Paragraph]:
    return [Paragraph(index=i, id=str(i), kind=kinds[i] if kinds else "body", text=t,
                      sentences=tuple(split_sentences(t))) for i, t in enumerate(texts)]


def figures(*texts: str, kinds: tuple[str, ...] | None = None) -> list[dict]:
    return extract_figures(paragraphs(*texts, kinds=kinds))


def by_value(found: list[dict], value) -> dict:
    matching = [f for f in found if f["value"] == value]
    assert matching, f"no figure {value!r} in {[(f['text'], f['value']) for f in found]}"
    return matching[0]


def test_counts_the_noun_after_the_number():
    fig = by_value(figures("Coastguards reached a ferry carrying 212 stranded passengers at dawn."), 212)
    assert fig["counts"] == "stranded passengers"


def test_counts_after_a_range():
    fig = by_value(figures("The region needs another 30,000 to 35,000 teachers by 2030."), 30000)
    assert (fig["upper"], fig["counts"]) == (35000, "teachers")


def test_counts_what_the_sentence_refers_back_to():
    found = figures("The treaty allows snap inspections of any nuclear site. "
                    "Of which there have been nearly 40 since the treaty was signed.")
    fig = by_value(found, 40)
    assert fig["approx"] == "nearly"
    assert "inspections" in fig["counts"]


def test_figures_found_in_parts_are_those_of_the_whole():
    # A parallel analysis finds the figures of a long text's two halves in two processes.
    texts = ("The treaty allows snap inspections of any nuclear site.",
             "Of which there have been nearly 40 since the treaty was signed in 2015.",
             "Inspectors visited 12 sites on 9 April, and 3 more in May.",
             "Each visit costs about $40,000.")
    whole = paragraphs(*texts)
    expected = extract_figures(whole)
    assert "inspections" in by_value(expected, 40)["counts"]  # told by the paragraph before
    for cut in range(len(whole) + 1):
        found = figure_occurrences(whole[:cut]) + figure_occurrences(whole[cut:], sentence_before(whole, cut))
        assert figures_from_occurrences(found) == expected, cut


def test_sentence_before_skips_what_the_scan_skips():
    found = paragraphs("First one. Last one.", "Skipped boilerplate.", "After.",
                       kinds=("body", "boilerplate", "body"))
    assert sentence_before(found, 2) == "Last one."
    assert sentence_before(found, 0) is None


def test_counts_back_reference_within_the_sentence():
    fig = by_value(figures("Monitors carried out surprise visits, of which there have been about 25 this year."), 25)
    assert fig["counts"] == "surprise visits"


def test_counts_what_a_figure_is_set_for():
    fig = by_value(figures("Ministers want to raise the retirement age to 67 within a decade."), 67)
    assert fig["counts"] == "retirement age"


@pytest.mark.parametrize("text, value, counts", [
    ("Only 46% of voters turned out.", 46, "voters"),
    ("Unemployment fell to 5.2% in June.", 5.2, "unemployment"),
    ("The council approved a £4m loan for the harbour.", 4_000_000, "loan"),
    ("The owners paid a $900m (£700m) penalty.", 700_000_000, "penalty"),
    ("Quarterly sales at the regional carrier rose 8% to $2.1bn.", 2_100_000_000, "sales"),
    ("Visitors will pay £15 for a day pass.", 15, "day pass"),
    ("The inspectors interviewed 45 and 50 staff on two sites.", 45, "staff"),
    ("The trust set aside a fund of £2m for flood defences.", 2_000_000, "fund for flood defences"),
    ("Ticket sales were up 12% on the year.", 12, "ticket sales"),
    ("Prices were mixed, but up 12% on the year.", 12, "rise on year"),
    ("Rents could fall by as much as 8% next spring.", 8, "rents"),
    ("Ministers expect that it will fall by up to 8% next spring.", 8, "fall"),
    ("The quay handles 3 million tonnes of grain a year.", 3_000_000, "grain"),
])
def test_counts_money_and_percent(text, value, counts):
    assert by_value(figures(text), value)["counts"] == counts


def test_dates_and_years_count_nothing():
    found = figures("The 2019 reform took effect on 1 April 2020.")
    assert all(f["counts"] is None for f in found if f["kind"] in ("date", "year"))


def test_repeated_figures_are_merged_with_every_paragraph():
    found = figures("The storm cut power to 12,000 homes.", "Engineers worked through the night.",
                    "By Friday all 12,000 homes were reconnected.")
    homes = [f for f in found if f["value"] == 12000]
    assert len(homes) == 1
    assert homes[0]["paragraph"] == 0
    assert homes[0]["paragraphs"] == [0, 2]


def test_ranking_puts_money_and_counts_above_dates_and_years():
    found = figures("In 2021 and again on 4 May 2022 the board met.",
                    "It approved a $40m budget to hire 350 nurses.")
    order = [f["kind"] for f in found]
    assert set(order[:2]) == {"money", "count"}
    assert order.index("date") > order.index("count")
    assert order.index("year") > order.index("money")


def test_ranking_rewards_repetition():
    found = figures("The plan needs 300 engineers and 75 drivers.", "Recruiting 75 drivers is hard.",
                    "Without 75 drivers the trams stop.")
    assert found[0]["value"] == 75


def test_contract_fields_and_extras():
    fig = figures("Nearly 40 boats were damaged.")[0]
    for key in CONTRACT:
        assert key in fig
    assert fig["kind"] in ("count", "percent", "money", "measure", "date", "year", "ordinal", "other")
    assert (fig["paragraphs"], fig["approx"], fig["unit"]) == ([0], "nearly", None)
    assert fig["sentence"] == "Nearly 40 boats were damaged."
    json.dumps(fig)


def test_byline_and_boilerplate_are_skipped_but_titles_count():
    found = figures("Ferry with 212 passengers sinks", "By Ann Lee, 3 June 2024", "Tap 5 times to subscribe.",
                    "Rescuers saved 180 people.", kinds=("title", "byline", "boilerplate", "body"))
    assert sorted(f["value"] for f in found) == [180, 212]


def test_values_are_ints_when_whole():
    fig = by_value(figures("The site covers 1.5 million square metres."), 1_500_000)
    assert isinstance(fig["value"], int)


@pytest.mark.skipif(not (QUANTULUM / "quantities.json").exists(), reason="shared quantulum3 data not present")
def test_quantulum_gold_values_recall():
    cases = json.loads((QUANTULUM / "quantities.json").read_text(encoding="utf-8"))
    gold = found = 0
    for case in cases:
        got = [v for f in figures(case["req"]) for v in (f["value"], f["upper"]) if isinstance(v, (int, float))]
        for r in case["res"]:
            ok = {r["value"]} | ({r["value"] - r["uncertainty"], r["value"] + r["uncertainty"]}
                                 if r.get("uncertainty") else set())
            gold += 1
            found += any(math.isclose(v, g, rel_tol=1e-6) for v in got for g in ok)
    assert found / gold >= 0.95
    for text in json.loads((QUANTULUM / "errors.json").read_text(encoding="utf-8")):
        figures(text)


def test_work_grows_linearly_with_the_text():
    # Speed itself is measured by bench/figures_speed.py; a test counts work, which cannot flake.
    unit = ("The harbour board said on 3 March 2024 that 1,250 passengers were delayed, up 12% on 2023, "
            "and that repairs to the 40m pier would cost about £2.5m. Two of the three ferries, some "
            "forty-five staff and a third of the fleet were idle; see www.example.org or call 020 7946 0000. ")
    small = paragraphs(*[unit * 3] * 25)
    large = paragraphs(*[unit * 3] * 100)
    extract_figures(small)  # warms the per-word memories, as any earlier text would
    small_calls, large_calls = calls(extract_figures, small), calls(extract_figures, large)
    assert large_calls < 4.4 * small_calls  # four times the text: about four times the work, never sixteen


def test_a_long_figure_dense_paragraph_is_no_quadratic_trap():
    # A guard against quadratic blow-up only (the bound is generous on any machine): one 200 KB paragraph.
    text = "Between 1,000 and 2,000 (or 3,000) people paid $4.5m, 12% more than the 2,400 in 2023; " * 2200
    started = time.process_time()
    found = extract_figures(paragraphs(text))
    assert found and time.process_time() - started < 20


_PIECES = ["1", "0", "12", "3,000", "2.5", "½", "$", "£", "€", "-", "–", "/", "%", "m", "bn", "km", " ", " ",
           " to ",
           " and ", "between ", "nearly ", "March", "May", "2024", "pm", "(", ")", "[", "]", ".", ",", "e",
           "x", "^", "one", "two", "hundred", "a", "dozen", "of", "thousands", "Boeing", "F-", "th", "s", "'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_any_mix_of_number_pieces_gives_well_formed_figures(pieces):
    text = "".join(pieces)
    for fig in figures(text):
        assert isinstance(fig["value"], (int, float, str)) and not isinstance(fig["value"], bool)
        assert fig["upper"] is None or isinstance(fig["upper"], (int, float))
        assert fig["text"] and fig["text"] in text
        json.dumps(fig)


@pytest.mark.parametrize("text, value", [
    ("The new chair, Ines Holm, 47, starts in May.", 47),
    ("The designer, who died in Leeds aged 88, left no will.", 88),
])
def test_ages_count_age(text, value):
    assert by_value(figures(text), value)["counts"] == "age"


def test_numbered_sections_and_pages_are_names():
    assert figures("Auditors cited section 404 and page 12 of the act.") == []


def test_day_lists_are_one_date():
    found = figures("The auction runs on 22 and 23 June.")
    assert [(f["text"], f["kind"]) for f in found] == [("22 and 23 June", "date")]
