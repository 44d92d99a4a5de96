"""The fast path of the figure scan: plain numbers, percentages, years and amounts decided in a few steps.

Most numbers in news are plain ("1,250 passengers", "12%", "in 2004", "$857m"); :func:`plain_figure`
recognises them without the general machinery of :mod:`tui.figures_scan` and returns None whenever
anything could be special, so that the general path decides with the same result. The cheapest
tests come first, and what depends only on one word (the number, the word before, the word after)
is remembered, because the same words recur all through a long text.
"""

from __future__ import annotations

import re

from tui.figures_atoms import SUFFIX_WORDS
from tui.figures_context import HEDGE_LAST, LOWER_DESIGNATORS, hedge, year_context
from tui.figures_lexicon import CAPITAL_BEFORE_OK, CURRENCY_PREFIX, MONTHS, NOT_APPROX
from tui.figures_numbers import to_number

_PLAIN_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR"}
_PLAIN_END = {"", ",", ";", ")", "!", "?", ".", "\"", "”", "’", "'"}
_NOT_PLAIN_AFTER = {"to", "and", "or", "odd", "plus", "am", "pm", "a.m", "p.m", "gmt", "bst", "utc"}
_NOT_PLAIN_BEFORE = {"between", "from", *LOWER_DESIGNATORS}
_MULT_SUFFIXES = {"m": 1e6, "m ": 1e6, "m,": 1e6, "m.": 1e6, "m;": 1e6, "bn": 1e9}
_STRIP_AFTER = ".,;:)!?\"'”’"
_LINK_WORDS = frozenset({"to", "and", "or"})
PLAIN, LINKED, STRICT_PLAIN = 1, 2, 3  # what the word after a number allows (see _after_kind)
_READ_OTHERWISE = re.compile(r"x|odd\b|[ap](?:\.m\.|m\b)")  # see _after_kind
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_MEMO_LIMIT = 50_000  # entries per memo; a memo is cleared when full so that a long session stays small

_LOOSE = (False, True)  # see _before_kind
_MISSING = object()
_values: dict[str, float | None] = {}
_before: dict[str, tuple[bool, bool] | None] = {}
_after: dict[str, int] = {}


def _value(text: str) -> float | None:
    """The value of a digit run with plain grouping, or None for phone numbers, long ids, odd groupings."""
    if not text[0].isdigit() or text[0] == "0" and len(text) > 1 or len(text) > 12 \
            or "," in text and any(len(group) != 3 for group in text.split(",")[1:]) or text.count(".") > 1:
        return None
    return float(text.replace(",", ""))


def _before_kind(word: str) -> tuple[bool, bool] | None:
    """What a word before a number makes of it: None when the number may not be plain, else whether the
    word may end a hedge ("nearly", "more than") and whether it is a loose word (see below).

    Plain are a lower-case word that is no range opener or designator; and, loose, a capitalised word
    that the designation test lets through ("In 2004", "About 40"), unless a month, whose number may be
    a date, or a word ending in a comma ("in Lower Wend, 59%"), which names no number and hedges none.
    After a loose word a number is plain only where the general path would read it the same way: its
    digits (:func:`_general_digits`) and the word after it (not STRICT_PLAIN, see :func:`_after_kind`).
    """
    if word[-1:] == "," and word[:-1].isalpha():
        return _LOOSE
    loose = word[:1].isupper() and word[1:].islower() and word.isalpha()
    if loose:
        word = word.lower()
        if word not in CAPITAL_BEFORE_OK or word in MONTHS:
            return None
    elif not (word.isalpha() and word.islower()):
        return None
    if word in _NOT_PLAIN_BEFORE:
        return None
    return word in HEDGE_LAST, loose


def _general_digits(text: str) -> bool:
    """True when the general path reads the digit run as one number too: not "1234,567" or "1.234,567",
    which it reads as 1234 and 1.234 (after a lower-case word this path keeps its own reading)."""
    return "," not in text or _GROUPED.fullmatch(text) is not None


def _after_kind(word: str) -> int:
    """PLAIN when a word after a number leaves it plain (lower case, no unit, multiplier or range word),
    LINKED for "to", "and", "or" (a range or list may follow), else 0; STRICT_PLAIN for a word that the
    general path reads as more than a word (" odd’s", a trailing hedge; " x 10^6", scientific notation;
    " a.m.’s", a time), which leaves the number plain only after a lower-case word (this path's own
    reading there)."""
    if word in _LINK_WORDS:
        return LINKED
    bare = word.lower().strip(_STRIP_AFTER)
    if not (word[0].islower() and bare not in SUFFIX_WORDS and bare not in _NOT_PLAIN_AFTER):
        return 0
    return STRICT_PLAIN if _READ_OTHERWISE.match(word) else PLAIN


def _remember(memo: dict, key: str, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _plain_after(s: str, stop: int, money: bool) -> int:
    """PLAIN for the end of the sentence, plain punctuation, or a lower-case word that is no unit or range
    word; LINKED for "to", "and" or "or"; else 0."""
    c = s[stop:stop + 1]
    if c == " ":
        following = s[stop + 1:stop + 16].split(None, 1)
        if not following:
            return 0
        word = following[0]
        kind = _after.get(word)
        return _remember(_after, word, _after_kind(word)) if kind is None else kind
    if money and c == ")":
        return 0  # "($99.99)" may be an accounting negative
    return PLAIN if c in _PLAIN_END and not (c == "." and s[stop + 1:stop + 2].isalnum()) else 0


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
    after = _plain_after(s, stop, symbol is not None)
    if not after:
        return None
    value = _values.get(text, _MISSING)
    if value is _MISSING:
        value = _remember(_values, text, _value(text))
    if value is None:
        return None
    start = p - 1 if symbol else p
    approx = qualifier = None
    hedges = False
    if start:
        if s[start - 1] != " ":
            return None
        word = s[s.rfind(" ", 0, start - 1) + 1:start - 1]
        before = _before.get(word, _MISSING)
        if before is _MISSING:
            before = _remember(_before, word, _before_kind(word))
        if before is None:
            return None
        hedges, loose = before
        if loose and (after == STRICT_PLAIN or not _general_digits(text)):
            return None
        if hedges and after != LINKED:
            approx, hedge_start = hedge(s, start)
            if approx in NOT_APPROX:
                approx, qualifier = None, approx
            elif approx:
                start = hedge_start
    if after == LINKED:
        return _linked(s, start, stop, end, text, value * mult, symbol, percent, mult, hedges)
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


def _linked(s: str, start: int, stop: int, end: int, text: str, value: float, symbol: str | None,
            percent: bool, mult: float, hedges: bool) -> dict | None:
    """The raw figure of a plain number followed by "to", "and" or "or", which may open a range ("12,000
    to 15,000") or a list: the general path's atom, made without its tests, which a plain number passes.

    It still needs :func:`tui.figures_scan.extend` (hedge, range, kind), so it is marked ``linked``, with
    whether the word before it may end a hedge (``hedges``).
    Returns None for what the general path must see: a leading zero (phones, times), grouping the
    general parser reads otherwise ("1234,567"), and "3 and 4 June" (a list of days).
    """
    if text[0] == "0" or "," in text and text.index(",") > 3 \
            or end - (start + (1 if symbol else 0)) <= 2 and s.startswith(" and", stop):
        return None
    return {"start": start, "end": stop, "value": value,
            "kind": "money" if symbol else "percent" if percent else "count",
            "unit": CURRENCY_PREFIX[symbol] if symbol else "%" if percent else None,
            "plain": text, "mult": mult, "linked": hedges}
