"""Key figures: numbers in the text with what they count, merged across paragraphs and ranked by salience.

Modules: :mod:`tui.figures_scan` finds the figures of a sentence (ranges, hedges, kinds) with
:mod:`tui.figures_atoms` (one number: currency, multiplier, unit), :mod:`tui.figures_dates` (dates and
never-figures such as times and phone numbers), :mod:`tui.figures_context` (names, hedges),
:mod:`tui.figures_numbers` (digits and spelled-out numbers) and :mod:`tui.figures_lexicon` (word lists);
:mod:`tui.figures_counts` says what a figure counts (with the word lists of :mod:`tui.figures_cues`).
This module walks the paragraphs, merges repeats and ranks. Everything is linear in the length of the text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tui.document import Paragraph
from tui.figures_counts import is_elliptical, what_it_counts
from tui.figures_lexicon import DURATION_UNITS
from tui.figures_scan import number_words_in, scan_sentence
from tui.gc_pause import cyclic_gc_paused

SKIPPED_KINDS = {"boilerplate", "byline"}
_KIND_WEIGHT = {"money": 6.0, "percent": 5.0, "count": 4.5, "measure": 3.5, "date": 2.0, "year": 1.5,
                "other": 1.0, "ordinal": 1.0}
_COUNTS_TRIES = 3  # later occurrences tried when the first one does not say what the figure counts
_EXTRAS = ("qualifier", "score", "year_inferred")
_UNKNOWN = object()
_NO_COUNTS = ("date", "year")  # kinds that never count anything (see figures_counts.what_it_counts)


def extract_figures(paragraphs: Sequence[Paragraph]) -> list[dict]:
    """Figures of the analyze contract, ranked by salience (see the module docstring)."""
    return figures_from_occurrences(figure_occurrences(paragraphs))


def figures_from_occurrences(found: list[dict]) -> list[dict]:
    """The ranked figures of ``found``: occurrences from :func:`figure_occurrences`, in reading order.

    A long text's occurrences may be found in parts and their lists concatenated in order (see
    :func:`sentence_before`): the figures are the same.
    """
    with cyclic_gc_paused():
        _resolve_years(found)
        merged = _merge(found)
        for fig in merged:
            _fill_counts(fig)
        return _rank(merged)


def figure_occurrences(paragraphs: Sequence[Paragraph], previous: str | None = None) -> list[dict]:
    """Every figure occurrence in reading order, with its paragraph and sentence (and the one before it).

    ``previous`` is the sentence before the first paragraph, for a part of a text that does not
    start at its beginning.
    """
    with cyclic_gc_paused():
        return _occurrences(paragraphs, previous)


def sentence_before(paragraphs: Sequence[Paragraph], index: int) -> str | None:
    """The sentence :func:`figure_occurrences` takes as the one before ``paragraphs[index]``."""
    for paragraph in reversed(paragraphs[:index]):
        if paragraph.kind not in SKIPPED_KINDS:
            return (paragraph.sentences or (paragraph.text,))[-1]
    return None


def _occurrences(paragraphs: Sequence[Paragraph], previous: str | None) -> list[dict]:
    found: list[dict] = []
    for paragraph in paragraphs:
        if paragraph.kind in SKIPPED_KINDS:
            continue
        sentences = paragraph.sentences or (paragraph.text,)
        words = number_words_in(" ".join(sentences))
        heading = paragraph.kind in ("title", "heading")
        index = paragraph.index
        list_start = True
        for sentence in sentences:
            figures = scan_sentence(sentence, list_start, words)
            if figures:
                prior = None  # the last count before a figure in its sentence, for "40 people ..., and three were"
                for fig in figures:
                    if prior is not None:
                        fig["prior"] = prior
                    if fig["kind"] == "count":
                        prior = fig
                    fig["previous"] = previous
                    fig["paragraph"] = index
                    fig["sentence"] = sentence
                    fig["heading"] = heading
                found.extend(figures)
            previous = sentence
            list_start = False
    return found


def _resolve_years(found: list[dict]) -> None:
    """Give a day-and-month date ("9 April") the nearest year stated before it, else the first one after."""
    last = next((year for year in map(_year_of, found) if year), None)
    if last is None:
        return
    for fig in found:
        kind = fig["kind"]
        if kind == "year":
            if isinstance(fig["value"], int) and fig["value"]:
                last = fig["value"]
        elif kind == "date":
            value = str(fig["value"])
            if value.startswith("--"):
                fig["value"] = f"{last}{value[1:]}"
                fig["year_inferred"] = True
            elif int(value[:4]):
                last = int(value[:4])


def _year_of(fig: dict) -> int | None:
    """The year a year or dated figure states, if any."""
    if fig["kind"] == "year" and isinstance(fig["value"], int):
        return fig["value"]
    if fig["kind"] == "date" and not str(fig["value"]).startswith("--"):
        return int(str(fig["value"])[:4])
    return None


def _merge(found: list[dict]) -> list[dict]:
    """One figure per (kind, value, upper, unit), listing every paragraph it occurs in.

    A small count ("two tugs", "two children") is the same figure only when it counts the
    same thing: small numbers recur in a text with many referents.
    """
    merged: dict[tuple, dict] = {}
    for fig in found:
        kind = fig["kind"]
        key = kind, fig["value"], fig["upper"], fig["unit"]
        if (kind == "count" or kind == "other") and _is_small_count(fig):
            counts = _counts_of(fig)
            key = (*key, counts.casefold() if counts else fig["paragraph"])
        first = merged.get(key)
        if first is None:
            fig["paragraphs"] = [fig["paragraph"]]
            fig["occurrences"] = 1
            fig["others"] = []
            merged[key] = fig
            continue
        first["occurrences"] += 1
        if fig["paragraph"] != first["paragraphs"][-1]:
            first["paragraphs"].append(fig["paragraph"])
        if len(first["others"]) < _COUNTS_TRIES:
            first["others"].append(fig)
        if fig["heading"]:
            first["heading"] = True
    return list(merged.values())


def _is_small_count(fig: dict) -> bool:
    value = fig["value"]
    return fig["kind"] in ("count", "other") and isinstance(value, (int, float)) and abs(value) < 100


def _fill_counts(fig: dict) -> None:
    """What a merged figure counts: from its first occurrence, else from a later one that says."""
    if fig["kind"] in _NO_COUNTS:
        fig["counts"] = None  # a date or year counts nothing, and neither does a figure linked to it
        return
    for occurrence in (fig, *fig["others"]):
        fig["counts"] = _counts_of(occurrence)
        if fig["counts"]:
            break


def _counts_of(fig: dict) -> str | None:
    """What one occurrence counts, worked out once: a small count asks when merged and again when filled."""
    known = fig.get("counts_of", _UNKNOWN)
    if known is _UNKNOWN:
        known = fig["counts_of"] = _occurrence_counts(fig)
    return known


def _occurrence_counts(fig: dict) -> str | None:
    lead = fig.get("leads")
    while lead is not None and lead.get("leads") is not None:
        lead = lead["leads"]
    counts = what_it_counts(lead, fig["sentence"], fig["previous"]) if lead else None
    counts = counts or what_it_counts(fig, fig["sentence"], fig["previous"])
    if counts is None and fig.get("follows"):
        return what_it_counts(fig["follows"], fig["sentence"], fig["previous"])  # "$900m (£479m) loan"
    prior = fig.get("prior")
    if counts is None and prior is not None and is_elliptical(fig, fig["sentence"]):
        return what_it_counts(prior, prior["sentence"], prior["previous"])  # "40 people ..., and three were"
    return counts


def salience(fig: dict) -> float:
    """Counts and money of what the text is about rank above dates; repeats and headlines rank higher."""
    score = _KIND_WEIGHT.get(fig["kind"], 1.0)
    if fig["kind"] in ("count", "other") and not fig["counts"]:
        score -= 1.5
    if fig.get("vague"):
        score -= 1.5
    if fig["kind"] == "measure" and fig["unit"] in DURATION_UNITS:
        score -= 2.5  # "nine hours", "three months": how long, seldom the figure a story is about
    if fig["kind"] == "count" and isinstance(fig["value"], (int, float)) and abs(fig["value"]) < 10:
        score -= 1.0
    score += math.log2(fig["occurrences"]) + (1.0 if fig["heading"] else 0.0)
    return score + 1.0 / (1.0 + fig["paragraph"] / 4)


def _rank(figures: list[dict]) -> list[dict]:
    ranked = sorted(figures, key=lambda f: (-salience(f), f["paragraph"], f["start"]))
    return [_public(f) for f in ranked]


def _public(fig: dict) -> dict:
    """The contract fields plus this extractor's extras, in a stable order."""
    out = {"text": fig["sentence"][fig["start"]:fig["end"]], "value": fig["value"], "upper": fig["upper"],
           "kind": fig["kind"], "counts": fig["counts"], "paragraph": fig["paragraph"], "paragraphs": fig["paragraphs"],
           "approx": fig["approx"], "unit": fig["unit"], "sentence": fig["sentence"]}
    for extra in _EXTRAS:
        if extra in fig and fig[extra]:
            out[extra] = fig[extra]
    if fig.get("vague"):
        out["vague"] = True
    return out
