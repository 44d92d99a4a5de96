"""Dates as figures, and the spans that are never figures (times of day, phones, URLs, addresses, footnotes)."""

from __future__ import annotations

import re

from tui.figures_lexicon import MONTHS, alternation

_MONTH = (rf"(?P<month>{alternation(m.capitalize() for m in MONTHS if len(m) > 4 or m == 'may')}"
          rf"|(?:{alternation(m.capitalize() for m in MONTHS if len(m) <= 4 and m != 'may')})\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
_DAY_JOIN = r"(?:\s?[-–]\s?|\s(?:and|&)\s)"  # "5-6 June", "22 and 23 June"

# Dates that start at a digit: "2025-03-03", "3 March 2025", "5-6 March", "3/4/2005".
DATES_AT_DIGIT = (
    re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    re.compile(rf"\b{_DAY}(?:{_DAY_JOIN}[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w-])"),
    re.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])"),
)
# Dates that start at a month name before the digits: "March 3", "March 3, 2025", "March 2025".
DATES_AT_MONTH = (
    re.compile(rf"{_MONTH}\s+{_DAY}(?:\s?[-–]\s?[0-3]?\d(?:st|nd|rd|th)?)?(?!\d|,\d)(?:,?\s+{_YEAR})?(?![\w-])"),
    re.compile(rf"{_MONTH}\s+(?:of\s+)?{_YEAR}(?![\w-])"),
)
_DAY_MONTH = DATES_AT_DIGIT[1:2]
MONTH_KEYS = set(MONTHS)

URLS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
# Never figures, matched where a digit run starts (or one character before it): phones, times, footnotes, addresses.
_CLOCK_TIME = r"(?<![\d.,])[0-2]\d[0-5]\d\s?(?:GMT|BST|UTC|hrs|hours\s+GMT)\b"  # "1500 GMT"
_ADDRESS = (r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Place|Square|Drive"
            r"|Boulevard|Blvd|Way|Terrace|Crescent|Close|Court|Gardens|Row|Hill|Walk)\b")  # street addresses
MASK_AT = re.compile(
    r"(?<![\w.])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?!\d)"  # international phone numbers
    r"|(?<![\w.])\(?0\d{2,5}\)?[\s.-]\d{3,4}[\s.-]?\d{3,4}(?![\d,])"  # national phone numbers
    r"|(?<![\w.])\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b|(?<![\w.,])\d{3}[.-]\d{3}[.-]\d{4}\b"  # US phone numbers
    r"|(?<![\d.,])\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)"  # times of day: "2pm", "9.30 a.m."
    r"|(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])(?:\s?(?:GMT|BST|UTC|EST|ET|PT|CET)\b)?"  # "10:30 GMT"
    rf"|{_CLOCK_TIME}"
    r"|(?<=[A-Za-z.,;:)\"”’])\[\d{1,3}\]"  # footnote markers "word[3]"
    rf"|{_ADDRESS}"
)
# The alternatives of MASK_AT that can match at digits (no leading 0) followed by a space and a capital:
# the others need a "+", "(", "0", ":" or "am" there. Tried alone, in the same order, they cost less.
MASK_BEFORE_CAPITAL = re.compile(rf"{_CLOCK_TIME}|{_ADDRESS}")

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def date_at(s: str, p: int, end: int) -> dict | None:
    """The date whose digits (``p`` to ``end``) start it ("3 March", "2025-03-03"), or follow its month name."""
    c = s[end:end + 1]
    if c in ("-", "/", "–") or end - p <= 2 and (c in ("s", "n", "r", "t") or s.startswith((" and ", " & "), end)
                                                  or c == " " and s[end + 1:end + 2].isupper()):
        # Only the day-month pattern can match unless the digits run into "-" (ISO) or "/" (3/4/2005).
        patterns = DATES_AT_DIGIT if c == "-" and end - p == 4 or c == "/" else _DAY_MONTH
        for pattern in patterns:
            m = pattern.match(s, p)
            if m:
                return date_figure(m)
    if p < 4 or not (s[p - 2].isalpha() or s[p - 2] == ".") or end - p not in (1, 2, 4):
        return None
    left = s[max(0, p - 12):p]
    words = left.split()
    if words and left[-1:] == " " and words[-1].rstrip(".").lower() in MONTH_KEYS and words[-1][0].isupper():
        start = p - len(left) + left.rfind(words[-1])
        for pattern in DATES_AT_MONTH:
            m = pattern.match(s, start)
            if m:
                return date_figure(m)
    return None


def date_figure(m: re.Match) -> dict | None:
    """A date figure from a date pattern match: value "YYYY-MM-DD", "YYYY-MM", or "--MM-DD" without a year."""
    surface = m.group()
    key = m.re.pattern, surface  # a pattern's own hash reads its whole compiled code: its text's is cached
    value = _VALUES.get(key, _MISSING)
    if value is _MISSING:
        if len(_VALUES) > 50_000:
            _VALUES.clear()
        value = _VALUES[key] = _date_value(m)  # the same dates recur all through a text
    if value is None:
        return None
    end = m.end()
    if surface.endswith(".") and not m.string[end:end + 2].strip()[:1].islower():
        end -= 1  # "on 9 Mar." at the end of a sentence: the full stop is the sentence's
    return {"start": m.start(), "end": end, "value": value, "upper": None, "kind": "date", "unit": None,
            "approx": None, "plain": surface, "mult": 1.0}


_MISSING = object()
_VALUES: dict = {}


def _date_value(m: re.Match) -> str | None:
    """The value of a date match, or None when it is no date (31 June, a bare "May")."""
    groups = m.groupdict()
    month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else int(groups["mnum"])
    day = int(groups["day"]) if groups.get("day") else None
    year = groups.get("year")
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= _DAYS_IN_MONTH[month - 1]):
        return None
    if groups.get("month") == "May" and day is None and year is None:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    if year:
        return f"{year}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"
