"""The fast path of the figure scan: plain numbers, percentages, years and amounts decided in a few steps.

Most numbers in news are plain ("1,250 passengers", "12%", "in 2004", "$857m"); :func:`plain_figure`
recognises them without the general machinery of :mod:`tui.figures_scan` and returns None whenever
anything could be special, so that the general path decides with the same result. The cheapest
tests come first, and what depends only on one word (the number, the word before, the word after)
is remembered, because the same words recur all through a long text.
"""

from __future__ import annotations

from tui.figures_atoms import SUFFIX_WORDS
from tui.figures_context import HEDGE_LAST, LOWER_DESIGNATORS, hedge, year_context
from tui.figures_lexicon import CURRENCY_PREFIX, NOT_APPROX
from tui.figures_numbers import to_number

_PLAIN_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR"}
_PLAIN_END = {"", ",", ";", ")", "!", "?", ".", "\"", "”", "’", "'"}
_NOT_PLAIN_AFTER = {"to", "and", "or", "odd", "plus", "am", "pm", "a.m", "p.m", "gmt", "bst", "utc"}
_NOT_PLAIN_BEFORE = {"between", "from", *LOWER_DESIGNATORS}
_MULT_SUFFIXES = {"m": 1e6, "m ": 1e6, "m,": 1e6, "m.": 1e6, "m;": 1e6, "bn": 1e9}
_STRIP_AFTER = ".,;:)!?\"'”’"
_MEMO_LIMIT = 50_000  # entries per memo; a memo is cleared when full so that a long session stays small

_MISSING = object()
_values: dict[str, float | None] = {}
_before: dict[str, str | None] = {}
_after: dict[str, bool] = {}


def _value(text: str) -> float | None:
    """The value of a digit run with plain grouping, or None for phone numbers, long ids, odd groupings."""
    if not text[0].isdigit() or text[0] == "0" and len(text) > 1 or len(text) > 12 \
            or "," in text and any(len(group) != 3 for group in text.split(",")[1:]) or text.count(".") > 1:
        return None
    return float(text.replace(",", ""))


def _before_kind(word: str) -> str | None:
    """ "plain" for a lower-case word that is no range opener or designator, "hedge" when it may end a
    hedge ("nearly", "more than"), else None."""
    if not (word.isalpha() and word.islower()) or word in _NOT_PLAIN_BEFORE:
        return None
    return "hedge" if word in HEDGE_LAST else "plain"


def _after_ok(word: str) -> bool:
    """Whether a word after a number leaves it plain: lower case, and no unit, multiplier or range word."""
    bare = word.lower().strip(_STRIP_AFTER)
    return word[0].islower() and bare not in SUFFIX_WORDS and bare not in _NOT_PLAIN_AFTER


def _remember(memo: dict, key: str, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _plain_after(s: str, stop: int, money: bool) -> bool:
    """The end of the sentence, plain punctuation, or a lower-case word that is no unit or range word."""
    c = s[stop:stop + 1]
    if c == " ":
        following = s[stop + 1:stop + 16].split(None, 1)
        if not following:
            return False
        word = following[0]
        ok = _after.get(word)
        return _remember(_after, word, _after_ok(word)) if ok is None else ok
    if money and c == ")":
        return False  # "($99.99)" may be an accounting negative
    return c in _PLAIN_END and not (c == "." and s[stop + 1:stop + 2].isalnum())


def plain_figure(s: str, p: int, end: int, text: str) -> dict | None:
    """The figure of the digit run ``text`` at ``s[p:end]`` when it is plain, else None (see the module)."""
    c = s[end:end + 1]
    symbol = s[p - 1] if p and s[p - 1] in _PLAIN_SYMBOLS else None
    stop, mult, percent = end, 1.0, False
    if c == "%" and not symbol:
        stop, percent = end + 1, True
    elif symbol and (c == "m" or c == "b"):
        mult = _MULT_SUFFIXES.get(s[end:end + 2], 0.0)
        if not mult:
            return None
        stop = end + (1 if c == "m" else 2)
    elif c.isalpha():
        return None
    if not _plain_after(s, stop, symbol is not None):
        return None
    value = _values.get(text, _MISSING)
    if value is _MISSING:
        value = _remember(_values, text, _value(text))
    if value is None:
        return None
    start = p - 1 if symbol else p
    approx = qualifier = None
    if start:
        if s[start - 1] != " ":
            return None
        word = s[s.rfind(" ", 0, start - 1) + 1:start - 1]
        before = _before.get(word, _MISSING)
        if before is _MISSING:
            before = _remember(_before, word, _before_kind(word))
        if before is None:
            return None
        if before == "hedge":
            approx, hedge_start = hedge(s, start)
            if approx in NOT_APPROX:
                approx, qualifier = None, approx
            elif approx:
                start = hedge_start
    value *= mult
    if symbol:
        fig = {"start": start, "end": stop, "value": to_number(value), "upper": None, "kind": "money",
               "unit": CURRENCY_PREFIX[symbol], "approx": approx, "plain": text, "mult": mult}
    elif percent:
        fig = {"start": start, "end": stop, "value": to_number(value), "upper": None, "kind": "percent",
               "unit": "%", "approx": approx, "plain": text, "mult": mult}
    elif not approx and len(text) == 4 and text.isdigit() and 1000 <= value <= 2100:
        fig = {"start": start, "end": stop, "value": int(value), "upper": None, "kind": "year", "unit": None,
               "approx": None, "plain": text, "mult": 1.0}
        year_context(s, fig)
    else:
        fig = {"start": start, "end": stop, "value": to_number(value), "upper": None, "kind": "count",
               "unit": None, "approx": approx, "plain": text, "mult": mult}
    if qualifier:
        fig["qualifier"] = qualifier
    return fig
