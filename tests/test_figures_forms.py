"""Key figures: every written form the extractor must read, and what it must not take for a figure."""

from __future__ import annotations

import pytest

from tui.document import Paragraph
from tui.figures import extract_figures
from tui.sentences import split_sentences


def figures(*texts: str) -> list[dict]:
    return extract_figures([Paragraph(index=i, id=str(i), kind="body", text=t, sentences=tuple(split_sentences(t)))
                            for i, t in enumerate(texts)])


def figure(text: str, surface: str) -> dict:
    found = figures(text)
    matching = [f for f in found if f["text"] == surface]
    assert matching, f"no figure {surface!r} in {[f['text'] for f in found]}"
    return matching[0]


def values(text: str) -> list:
    return sorted((f["value"] for f in figures(text)), key=str)


@pytest.mark.parametrize("text, surface, value, kind", [
    ("The harbour handled 1,234,567 containers last season.", "1,234,567", 1234567, "count"),
    ("Average rainfall was 12.75 millimetres.", "12.75 millimetres", 12.75, "measure"),
    ("The new pier cost £600m to build.", "£600m", 600_000_000, "money"),
    ("Investors put $3bn into the scheme.", "$3bn", 3_000_000_000, "money"),
    ("The region lost 1.2 million residents.", "1.2 million", 1_200_000, "count"),
    ("The album sold 5m copies in a year.", "5m", 5_000_000, "count"),
    ("She set a record in the 100m final.", "100m", 100, "measure"),
    ("Turnout was 46% this time.", "46%", 46, "percent"),
    ("Turnout was 46 percent this time.", "46 percent", 46, "percent"),
    ("Prices rose 2.5 per cent over the winter.", "2.5 per cent", 2.5, "percent"),
    ("The trail is 12 km long.", "12 km", 12, "measure"),
    ("Inland it reached 40C on Friday.", "40C", 40, "measure"),
    ("The council hired sixty-five wardens.", "sixty-five", 65, "count"),
    ("The bakery sold a dozen loaves before noon.", "a dozen", 12, "count"),
    ("She finished 21st out of the whole field.", "21st", 21, "ordinal"),
    ("The club finished third-largest by income.", "third", 3, "ordinal"),
])
def test_forms_value_and_kind(text, surface, value, kind):
    fig = figure(text, surface)
    assert fig["value"] == value
    assert fig["kind"] == kind


def test_spelled_small_number_counts():
    fig = figure("The jury heard from nine witnesses.", "nine")
    assert fig["value"] == 9 and fig["counts"] == "witnesses"


@pytest.mark.parametrize("text, surface, value, upper", [
    ("The region needs another 30,000 to 35,000 teachers.", "30,000 to 35,000", 30000, 35000),
    ("The repairs will take between 10 and 12 weeks.", "10 and 12 weeks", 10, 12),
    ("Each crossing takes 10-12 minutes.", "10-12 minutes", 10, 12),
    ("Tickets cost $3bn-$4bn in total.", "$3bn-$4bn", 3_000_000_000, 4_000_000_000),
    ("The sale should raise 1.2 to 1.5 million euros.", "1.2 to 1.5 million euros", 1_200_000, 1_500_000),
])
def test_ranges_have_an_upper_bound(text, surface, value, upper):
    fig = figure(text, surface)
    assert (fig["value"], fig["upper"]) == (value, upper)


def test_change_from_to_is_two_figures_not_a_range():
    found = figures("Fares went from £4 to £5 in March 2024.")
    money = sorted(f["value"] for f in found if f["kind"] == "money")
    assert money == [4, 5]
    assert all(f["upper"] is None for f in found)


@pytest.mark.parametrize("hedge", ["nearly", "about", "more than", "up to", "at least"])
def test_approximations_are_kept(hedge):
    fig = figure(f"The storm damaged {hedge} 400 homes along the coast.", f"{hedge} 400")
    assert fig["value"] == 400
    assert fig["approx"] == hedge
    assert fig["counts"] == "homes"


def test_another_is_not_an_approximation():
    fig = figure("The region needs another 30,000 to 35,000 teachers.", "30,000 to 35,000")
    assert fig["approx"] is None


@pytest.mark.parametrize("text, surface, value", [
    ("Dozens of volunteers cleared the beach.", "Dozens", 12),
    ("Hundreds of thousands of people marched.", "Hundreds of thousands", 100_000),
    ("Thousands lined the streets.", "Thousands", 1000),
])
def test_vague_magnitudes(text, surface, value):
    fig = figure(text, surface)
    assert fig["value"] == value
    assert fig["approx"] == surface.lower()


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The fine was $250 in the end.", "$250", 250, "USD"),
    ("A ticket now costs £12.50 each way.", "£12.50", 12.5, "GBP"),
    ("The grant is worth €40,000 a year.", "€40,000", 40000, "EUR"),
    ("The bond raised 7.5bn euros on Monday.", "7.5bn euros", 7_500_000_000, "EUR"),
    ("A loaf costs 95p at the corner shop.", "95p", 95, "GBp"),
])
def test_money_has_its_currency(text, surface, value, unit):
    fig = figure(text, surface)
    assert (fig["value"], fig["kind"], fig["unit"]) == (value, "money", unit)


@pytest.mark.parametrize("text, surface, value", [
    ("The ferry sank on 3 March 2025 off the cape.", "3 March 2025", "2025-03-03"),
    ("The report, dated 2024-11-05, was leaked.", "2024-11-05", "2024-11-05"),
    ("Talks resumed on March 3, 2025, in Oslo.", "March 3, 2025", "2025-03-03"),
])
def test_full_dates(text, surface, value):
    fig = figure(text, surface)
    assert fig["value"] == value and fig["kind"] == "date"


def test_dates_without_a_year_take_the_year_stated_before():
    found = figures("The inquiry opened in 2023.", "Hearings began on March 3 and ended on 9 Mar.")
    dates = {f["text"]: f["value"] for f in found if f["kind"] == "date"}
    assert dates == {"March 3": "2023-03-03", "9 Mar": "2023-03-09"}


def test_dates_without_any_year_keep_month_and_day():
    assert figure("Hearings began on 9 April.", "9 April")["value"] == "--04-09"


def test_years_in_context_keep_the_word_that_dates_them():
    fig = figure("Critics blame the 2019 reform for the delays.", "the 2019")
    assert (fig["kind"], fig["value"], fig["counts"]) == ("year", 2019, None)
    assert figure("Prices peaked in the 1990s.", "the 1990s")["value"] == 1990
    assert figure("Work stopped in mid-2005 for a year.", "mid-2005")["value"] == 2005
    assert figure("Ridership recovered in 2022-23.", "in 2022-23")["upper"] == 2023


def test_year_inside_a_name_is_not_a_figure_but_the_same_year_in_use_is():
    found = figures("The city staged Euro 2004 matches and grew fast in 2004.")
    assert [f["text"] for f in found] == ["in 2004"]


def test_spelled_numbers_with_scales_and_fractions():
    assert figure("About two and a half million people voted.", "About two and a half million")["value"] == 2_500_000
    assert figure("The hall seats a hundred and twenty guests.", "a hundred and twenty")["value"] == 120
    assert figure("Two-thirds of members backed the plan.", "Two-thirds")["value"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("text, number", [
    ("The airline ordered ten more Boeing 737 jets.", 737),
    ("Two F-16 fighters escorted the plane.", 16),
    ("The A380 landed safely.", 380),
    ("Cases of COVID-19 fell sharply.", 19),
    ("The city hopes to host Expo 2030 on the waterfront.", 2030),
    ("Protesters gathered outside 10 Downing Street.", 10),
    ("For details call 0800 555 0199 before noon.", 555),
    ("Read the report at https://example.org/report-2024/page-7 today.", 7),
    ("The claim was disputed.[12] Nobody replied.", 12),
    ("The claim was widely reported.3 Nobody checked it.", 3),
    ("The meeting starts at 2pm sharp.", 2),
    ("The ferry left at 10:30 GMT.", 30),
    ("Fans queued for the new Xbox 360 console.", 360),
    ("The engine was fitted with a 4G modem.", 4),
])
def test_non_figures_are_not_emitted(text, number):
    assert all(number not in (f["value"], f["upper"]) for f in figures(text)), figures(text)


def test_list_numbering_is_not_a_figure():
    found = extract_figures([Paragraph(index=0, id="0", kind="list", text="3. Cut waiting lists by 20%.",
                                       sentences=("3. Cut waiting lists by 20%.",))])
    assert [f["value"] for f in found] == [20]


def test_title_case_headline_keeps_its_numbers():
    assert [f["value"] for f in figures("Ferry Carrying 212 Passengers Sinks Off Cape")] == [212]


def test_surface_keeps_hedge_currency_and_multiplier():
    fig = figure("The deal is worth nearly $3bn to the port.", "nearly $3bn")
    assert fig["value"] == 3_000_000_000 and fig["approx"] == "nearly" and fig["unit"] == "USD"


@pytest.mark.parametrize("text", ["", "7/0 items", "£12(", "(€5", "3 '4", "$", "1/0", "½", "-", "10e999 km",
                                  "9" * 400, "(((((1)))))", "x^2^3", "1e-", "£-", "5×10"])
def test_odd_inputs_do_not_raise(text):
    figures(text)


def test_day_ranges_and_abbreviated_months_are_dates():
    assert figure("The poll ran September 16-19 across the state.", "September 16-19")["value"] == "--09-16"
    assert figure("The show opens on Sept. 30 downtown.", "Sept. 30")["value"] == "--09-30"
    assert figure("The festival runs 5-6 June every year.", "5-6 June")["kind"] == "date"


def test_vague_money_and_idioms():
    fig = figure("The scheme cost millions of dollars in fees.", "millions of dollars")
    assert (fig["kind"], fig["unit"], fig["approx"]) == ("money", "USD", "millions")
    assert figures("Maybe one day the line will reopen.") == []


def test_long_digit_ids_are_not_figures():
    assert figures("The post id 783499116076687360 was removed.") == []


@pytest.mark.parametrize("text, surface, value", [
    ("The rival sprinter won the 400m race easily.", "400m", 400),
    ("Rescuers reached 60m people across the region.", "60m", 60_000_000),
    ("The company returned 136m euros to investors.", "136m euros", 136_000_000),
])
def test_m_is_million_or_metres_by_context(text, surface, value):
    assert figure(text, surface)["value"] == value


def test_glued_word_multiplier():
    assert figure("The chief executive left with £1.75million in shares.", "£1.75million")["value"] == 1_750_000


def test_a_vulgar_fraction_before_a_slash_is_no_crash():
    assert sorted(f["value"] for f in figures("Then add ½/2 cup of flour.")) == [0.5, 2]
