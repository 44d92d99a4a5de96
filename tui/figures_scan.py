"""Find the figures of one sentence: numbers with their currency, multiplier, unit, range and hedge.

:func:`scan_sentence` returns raw figures (no "what it counts" yet) in text order. Dates, times,
phone numbers, URLs and designations ("Boeing 737", "F-16", "Expo 2030") are recognised here.
Sentences without a digit or a number word are dismissed with set operations, which keeps the
scan well inside its time budget on long texts.
"""

from __future__ import annotations

import re
from operator import itemgetter

from tui.figures_atoms import (
    A_UNIT_WORDS, DIGIT_ATOM, DIGIT_PREFIX, ORDINAL_TRIGGERS, WORD_ATOM, WORD_BACKOFF,
    a_unit_figures, digit_figure, word_figures,
)
from tui.figures_context import Sentence, hedge, is_designation, year_context
from tui.figures_dates import MASK_AT, MASK_BEFORE_CAPITAL, URLS, date_at
from tui.figures_lexicon import (
    APPROX_AFTER, CURRENCY_PREFIX, NOT_APPROX, VAGUE, alternation,
)
from tui.figures_numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS, to_number
from tui.figures_plain import plain_figure

_WORD_TRIGGERS = {*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, "dozen", *VAGUE, *ORDINAL_TRIGGERS} - {"tens"}
_NON_LETTERS = re.compile(r"[^a-z]+")
_ANY_TRIGGER_BYTES = frozenset(word.encode() for word in _WORD_TRIGGERS | A_UNIT_WORDS)
# Bytes a-z kept, A-Z lowered, all else a space.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))
_NONE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
# A digit run ("1,250.5") or a vulgar fraction. Written to start with one character class so that the
# regex engine skips to the next candidate character in C rather than trying the pattern at every position.
# That class is cheap to test, a bitmap for Latin-1 and one range past it; the lookbehind then keeps only
# digits and fractions. A class of \d and the fractions costs a Unicode category test and a dozen
# comparisons at every character of a sentence.
_CANDIDATE = r"[0-9½¼¾\u0100-\U0010ffff](?<=[\d½⅓⅔¼¾⅕⅛⅜⅝⅞⅙⅚])"
_DIGIT_RUN = re.compile(rf"{_CANDIDATE}(?:(?<=\d)\d*(?:[.,]\d+)*)?")
# In ASCII text \d is [0-9], cheaper still.
_ASCII_DIGIT_RUN = re.compile(r"[0-9](?:(?<=\d)\d*(?:[.,]\d+)*)?")
_ALPHA = re.compile(r"[A-Za-z]+")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LIST_MARKER = re.compile(r"\s*\(?\d{1,2}[.)]\s")
_RANGE_SEP = re.compile(r"(?:-\s*)?\s*(?:to|–|—|-|‒)\s*(?=[-−$£€¥₹\d.])")
_BETWEEN_AND = re.compile(r"\s+(?:and|to)\s+(?=[-−$£€¥₹\d.])")
_CURRENCY_SIGNS = set("$£€¥₹₩₽")
_RANGE_STARTS = (" to ", " and ", " - ", " – ", "-")
# "40-plus" is a hedge, "£5m plus interest" is not.
_APPROX_AFTER_STARTS = tuple(f"{sep}{word.split()[0]}" for sep in " -" for word in APPROX_AFTER
                             if (sep, word) != (" ", "plus"))
_APPROX_AFTER = re.compile(rf"(?:\s|-)({alternation(APPROX_AFTER)})\b")
_START = itemgetter("start")
Run = tuple[int, int, str]  # a digit run: where it starts and ends in its sentence, and its characters
# Currency codes that end in a capital, the only ones DIGIT_PREFIX finds before a space and the digits.
_UPPER_CODES = tuple(code for code in CURRENCY_PREFIX if code.isalpha() and code[-1].isupper())


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def number_words_in(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The number words and the "a gallon" units that occur in ``text`` (a paragraph), for
    :func:`scan_sentence`: one look at a paragraph costs less than one at each of its sentences."""
    # The words are the runs of a-z in the lower-cased text. Found on bytes (capitals lowered, every
    # other character turned into a space), they cost half what a regex over the text does. Lowering the
    # bytes rather than the text is the same but for the two characters that lower to ASCII letters.
    if "\u212a" in text or "\u0130" in text:  # the Kelvin sign lowers to "k", "İ" to "i" and a dot
        text = text.lower()
    letters = text.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    found = {word.decode() for word in _ANY_TRIGGER_BYTES.intersection(letters)}
    if not found:
        return _NONE
    return frozenset(found & _WORD_TRIGGERS), frozenset(found & A_UNIT_WORDS)


def _runs_in(s: str) -> list[Run]:
    """The digit runs of ``s``: found once, they also tell whether ``s`` has a digit at all."""
    return [(m.start(), m.end(), m.group()) for m in (_ASCII_DIGIT_RUN if s.isascii() else _DIGIT_RUN).finditer(s)]


def scan_sentence(s: str, list_start: bool = False,
                  words: tuple[frozenset[str], frozenset[str]] | None = None) -> list[dict]:
    """Raw figures of one sentence, in order: start/end offsets, value, upper, kind, unit, approx.

    ``words`` are the number words of the paragraph (see :func:`number_words_in`), when known.
    """
    runs = _runs_in(s)
    has_digit = bool(runs)
    low = None
    if words is None:
        found = _NON_LETTERS.split(s.lower())
        has_words = not _WORD_TRIGGERS.isdisjoint(found)
        has_a_unit = not A_UNIT_WORDS.isdisjoint(found)
    elif words is _NONE:
        has_words = has_a_unit = False
    else:
        # A word inside another ("one" in "someone") lets a pass run that then finds nothing.
        low = s.lower()
        has_words = any(w in low for w in words[0])
        has_a_unit = any(w in low for w in words[1])
    if not (has_digit or has_words or has_a_unit):
        return []
    sent = Sentence(s)
    figures: list[dict] = []
    taken: list[tuple[int, int]] = []
    if has_digit:
        _digit_pass(sent, runs, list_start, figures, taken)
        if has_words or has_a_unit:
            taken.extend([(f["start"], f["end"]) for f in figures])
    if has_words:
        _word_pass(sent, figures, taken, low, words and words[0])
    if has_a_unit:
        figures.extend(f for f in a_unit_figures(s) if not _overlaps(taken, f["start"], f["end"]))
    if len(figures) > 1:
        figures.sort(key=_START)
        for i in range(1, len(figures)):
            _link(s, figures[i - 1], figures[i])
    return figures


def _link(s: str, before: dict, fig: dict) -> None:
    """Tie "$900m (£479m)" (a conversion counts what the first amount counts) and "45 and 50 staff"
    (the first number of a list counts what the last one does)."""
    gap = s[before["end"]:fig["start"]]
    if fig["kind"] == "money" and before["kind"] == "money":
        if gap.strip() in ("(", "or", "/", "(or", ";"):
            fig["follows"] = before
    elif before["kind"] == fig["kind"] and gap in (" and ", " or ", ", "):
        before["leads"] = fig


def _digit_pass(sent: Sentence, runs: list[Run], list_start: bool, figures: list[dict],
                taken: list[tuple[int, int]]) -> None:
    """Dates, then numbers written with digits; masked spans (times, phones, URLs) are skipped."""
    s = sent.s
    if "://" in s or "www." in s or "@" in s:
        taken.extend(m.span() for m in URLS.finditer(s))
    if list_start:
        marker = _LIST_MARKER.match(s)
        if marker:
            taken.append(marker.span())
    consumed = 0
    for p, end, digits in runs:
        if p < consumed or taken and _overlaps(taken, p, end):
            continue
        # A word with a capital after the digits ("12 February", "1500 GMT") is never plain: skip the fast path.
        capital_after = s[end:end + 1] == " " and s[end + 1:end + 2].isupper()
        fig = None if capital_after else plain_figure(s, p, end, digits)
        if fig is not None:
            if "linked" in fig:
                _extend(sent, fig, may_hedge=fig.pop("linked"))
            figures.append(fig)
            consumed = fig["end"]
            continue
        mask = _mask_at(s, p, end)
        if mask:
            consumed = mask.end()
            continue
        date = date_at(s, p, end) if _maybe_date(s, p, end) else None
        if date:
            figures.append(date)
            consumed = date["end"]
            continue
        m = DIGIT_ATOM.match(s, _atom_start(s, p, consumed))
        if m is None or is_designation(sent, m.start()) or end - p > 12 and digits.isdigit():
            consumed = end
            continue
        fig = digit_figure(s, m)
        if fig is None:
            continue
        if fig.get("skip"):
            consumed = fig["end"]
            continue
        _extend(sent, fig)
        figures.append(fig)
        consumed = fig["end"]


def _maybe_date(s: str, p: int, end: int) -> bool:
    """Cheap test before the date patterns: "3 March", "2025-03-03", "3/4/2025", or a month name before."""
    c = s[end:end + 1]
    size = end - p
    return (c == "/" or size == 4 and c == "-" or size <= 2 and c in (" ", "-", "–", "s", "n", "r", "t")
            or size in (1, 2, 4) and p > 3 and s[p - 1] == " " and (s[p - 2].isalpha() or s[p - 2] == "."))


def _atom_start(s: str, p: int, consumed: int) -> int:
    """Where the digit atom of the run at ``p`` starts: at a currency, code or sign right before the
    digits ("$5", "-5", "US$5"), or a code and a space ("USD 5"); else at ``p``."""
    if not p:
        return p
    prev = s[p - 1]
    if prev in "-−" and p > 1 and s[p - 2].isalnum():
        return p  # "mid-2005", "F-16": a hyphen, not a minus
    left = max(consumed, p - 6)
    if prev in "$£€¥₹₩₽-−" or prev == " " and p > 1 and s.endswith(_UPPER_CODES, left, p - 1):
        prefix = DIGIT_PREFIX.search(s, left, p)
        return prefix.start() if prefix else p
    return p


def _mask_at(s: str, p: int, end: int) -> re.Match | None:
    """The masked span (phone, time, address) that starts at the digit run ``s[p:end]`` or just before it.

    Phones start with 0, + or (, times have ":" or am/pm, addresses a capital after a space. Where the
    run cannot start one, MASK_AT is not tried: a run is all the digits and separators there, so after
    "." or "-" only a phone written with dots ("555.123.4567") or "555-123-4567" may match, and before a
    capital without such dots only "1500 GMT" or an address (MASK_BEFORE_CAPITAL).
    """
    if s[p] == "0" or (p and s[p - 1] in "(+["):
        return MASK_AT.match(s, p) or (MASK_AT.match(s, p - 1) if p and s[p - 1] in "(+[" else None)
    c = s[end:end + 1]
    if c in (":", "a", "p"):
        return MASK_AT.match(s, p)
    if c == "." or c == "-":
        dotted = "." in s[p:end] or c == "-" and end - p == 3
        return MASK_AT.match(s, p) if dotted else None
    if c == " ":
        n = s[end + 1:end + 2]
        if n in ("a", "p"):
            return MASK_AT.match(s, p)
        if n.isupper():
            return (MASK_AT if "." in s[p:end] else MASK_BEFORE_CAPITAL).match(s, p)
    return None


def _trigger_spans(s: str, low: str | None, words: frozenset[str] | None) -> list[tuple[int, int]]:
    """Where the number words of ``s`` are, as whole words: found from the paragraph's own number
    words (``words``, ``low`` being ``s`` lower-cased) when known, else by looking at every word."""
    if words is None or low is None or len(low) != len(s) or "\u212a" in s:  # the Kelvin sign lowers to "k"
        return [m.span() for m in _ALPHA.finditer(s) if m.group().lower() in _WORD_TRIGGERS]
    spans = []
    size = len(s)
    for word in words:
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or s[i - 1] not in _ASCII_LETTERS) and (j == size or s[j] not in _ASCII_LETTERS) \
                    and s[i:j].isascii():
                spans.append((i, j))
            i = low.find(word, i + 1)
    spans.sort()
    return spans


def _word_pass(sent: Sentence, figures: list[dict], taken: list[tuple[int, int]], low: str | None = None,
               words: frozenset[str] | None = None) -> None:
    """Spelled-out numbers, vague magnitudes and ranking ordinals."""
    s = sent.s
    consumed = 0
    for p, end in _trigger_spans(s, low, words):
        if p < consumed or _overlaps(taken, p, end):
            continue
        back = WORD_BACKOFF.search(s, max(consumed, p - 16), p)
        m = WORD_ATOM.match(s, back.start()) if back else None
        if m is None or m.end() <= p:
            m = WORD_ATOM.match(s, p)
        if m is None:
            continue
        consumed = m.end()
        if (s[p].isupper() and m.start() > 0 and not sent.title_case) or is_designation(sent, m.start()):
            continue  # "Channel Five", "Formula One"
        for fig in word_figures(s, m):
            _extend(sent, fig)
            figures.append(fig)
            taken.append((fig["start"], fig["end"]))
            consumed = max(consumed, fig["end"])


def _extend(sent: Sentence, fig: dict, may_hedge: bool = True) -> None:
    """Grow a figure over its hedge, a range partner and trailing hedges; settle its kind.

    ``may_hedge`` is False when the word before the figure is known to end no hedge.
    """
    s = sent.s
    approx, hedge_start = hedge(s, fig["start"]) if may_hedge else (None, fig["start"])
    if approx in NOT_APPROX:
        fig["qualifier"] = approx  # "another 30,000", "only 10%": exact, and outside the surface
    elif approx and not fig.get("approx"):
        fig["approx"] = approx
        fig["start"] = hedge_start
    fig.setdefault("approx", None)
    fig["upper"] = None
    if fig.get("plain") and fig["plain"][:1].isdigit():
        _range(s, fig)
    after = _APPROX_AFTER.match(s, fig["end"]) if s.startswith(_APPROX_AFTER_STARTS, fig["end"]) else None
    if after and fig["approx"] is None:
        fig["approx"] = after.group(1)
        fig["end"] = after.end()
    if fig["approx"] in NOT_APPROX:
        fig["qualifier"] = fig["approx"]
        fig["approx"] = None
    _settle_kind(fig)
    if fig["kind"] == "year":
        year_context(s, fig)
    fig["value"] = to_number(fig["value"])
    if fig["upper"] is not None:
        fig["upper"] = to_number(fig["upper"])


def _range(s: str, fig: dict) -> None:
    """ "30,000 to 35,000", "between 10 and 12", "10-12", "$3bn-$4bn": fill ``upper``."""
    if fig["kind"] in ("date", "ordinal") or fig.get("vague"):
        return
    end = fig["end"]
    if s[end:end + 1] not in ("-", "–", "—", "‒") and not s.startswith(_RANGE_STARTS, end):
        return
    left = s[max(0, fig["start"] - 12):fig["start"]].lower().rstrip()
    if left.endswith("from"):
        return  # "from 44 to 50" is a change, two figures
    sep = (_BETWEEN_AND if left.endswith("between") else _RANGE_SEP).match(s, fig["end"])
    if sep and fig["kind"] != "money" and s[sep.end():sep.end() + 1] in _CURRENCY_SIGNS:
        return  # "rose 5% to $3bn": a change to an amount, not a range
    m = DIGIT_ATOM.match(s, sep.end()) if sep else None
    second = digit_figure(s, m) if m else None
    if not second or second.get("skip"):
        return
    hyphen = "to" not in sep.group(0) and "and" not in sep.group(0)
    v1, v2 = fig["value"], second["value"]
    if second["mult"] != 1 and fig["mult"] == 1 and v1 * second["mult"] < v2 * 1.0001:
        v1 *= second["mult"]  # "1.2 to 1.5 million"
    if hyphen and fig["kind"] == "count" and second["kind"] == "count" and _is_year_span(fig, second):
        fig.update(upper=_year_span_end(fig["value"], second["plain"]), kind="year", end=second["end"])
        return
    if v2 <= v1 and v1 >= 0 and v2 >= 0:
        if hyphen and fig["kind"] == "count" == second["kind"] and float(v1).is_integer() \
                and float(v2).is_integer() and v1 < 200:
            fig.update(kind="other", end=second["end"], score=f"{fig['plain']}-{second['plain']}")
        return
    if fig["kind"] != second["kind"] and fig["kind"] != "count":
        return
    if fig["kind"] == "count" and _is_year_span(fig, second) and len(second["plain"]) == 4:
        fig["kind"] = second["kind"] = "year"  # "between 1997 and 2002"
    if fig["kind"] == "count":
        fig["kind"], fig["unit"] = second["kind"], second["unit"]
    fig.update(value=v1, upper=v2, end=second["end"], unit=fig["unit"] or second["unit"])


def _is_year_span(first: dict, second: dict) -> bool:
    p1, p2 = first["plain"], second["plain"]
    return len(p1) == 4 and p1.isdigit() and 1000 <= int(p1) <= 2100 and len(p2) in (2, 4) and p2.isdigit()


def _year_span_end(start: float, plain: str) -> int:
    return int(plain) if len(plain) == 4 else int(start) // 100 * 100 + int(plain)


def _settle_kind(fig: dict) -> None:
    """Years and decades among plain counts: "in 2004", "the 2019 reform", "the 1960s"."""
    if fig["kind"] == "decade":
        value = int(fig["value"])
        fig["kind"], fig["value"] = "year", value if value >= 100 else 1900 + value
        return
    if fig["kind"] != "count" or fig.get("vague") or fig["mult"] != 1 or fig["approx"] or fig["upper"] is not None:
        return
    plain = fig.get("plain") or ""
    if len(plain) == 4 and plain.isdigit() and 1000 <= int(plain) <= 2100:
        fig["kind"] = "year"
