"""Number parsing for the key-figures extractor: digits, multipliers and spelled-out numbers.

Nothing here knows about units or sentences; :mod:`tui.figures_scan` does.
"""

from __future__ import annotations

import re

# Unicode vulgar fractions, as seen in recipes and spec sheets.
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125, "⅜": 0.375,
          "⅝": 0.625, "⅞": 0.875, "⅙": 1 / 6, "⅚": 5 / 6}

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}
# Denominators of spelled fractions ("two thirds", "one sixth", "three halves").
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                  "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                  "tenth": 10, "tenths": 10}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000}

# Glued or spaced magnitude suffixes: "$3bn", "£600m", "5k", "1.2 million". Keys are matched exactly.
MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "M": 1e6, "millions": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9, "billions": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "T": 1e12,
}

_NUMBER_WORD_ALT = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, "dozen"], key=len, reverse=True))
# A run of number words, e.g. "twenty-one", "a hundred and two", "three million, two hundred & forty".
SPELLED = re.compile(
    rf"\b(?:(?:an?|half\s+a)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_NUMBER_WORD_ALT})"
    rf"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|[\s-]+)(?:{_NUMBER_WORD_ALT})\b)*"
    rf"(?:\s+and\s+a\s+half)?(?:\s+(?:thousand|million|billion|trillion))?\b",
    re.IGNORECASE,
)
_WORD_SPLIT = re.compile(r"[a-z]+")


def to_number(value: float) -> int | float:
    """An int when the value is whole (1.2 million -> 1200000), else a rounded float."""
    if type(value) is float:
        if value.is_integer() and -1e15 < value < 1e15:
            return int(value)
    elif type(value) is int and -10**15 < value < 10**15:
        return value
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    if value != value or value in (float("inf"), float("-inf")):
        return 0
    rounded = round(value)
    if abs(value - rounded) < 1e-9 * max(1.0, abs(value)) and abs(value) < 1e18:
        return int(rounded)
    return float(f"{value:.12g}")


def parse_digits(text: str) -> float:
    """The value of a digit string: "1,500,000", "10 000", "2.5", ".5", "4e14", "2.48×10−5", "½"."""
    text = text.replace("−", "-").replace("\u2009", "").replace("\xa0", "")
    if text and text[-1] in VULGAR:
        whole = text[:-1].strip()
        return (float(whole) if whole else 0.0) + VULGAR[text[-1]]
    if "×10" in text or "x10" in text:
        mantissa, _, exponent = text.replace("x10", "×10").partition("×10")
        return float(mantissa) * 10 ** float(exponent.lstrip("^") or 1)
    return float(text.replace(",", "").replace(" ", ""))


def parse_fraction(text: str) -> float | None:
    """The value of "1/4" or "2 1/2", or None when the denominator is zero."""
    whole, _, frac = text.rpartition(" ")
    numerator, _, denominator = frac.partition("/")
    if float(denominator) == 0:
        return None
    value = float(numerator) / float(denominator)
    return value + float(whole) if whole.strip() else value


def words_to_numbers(text: str) -> list[float]:
    """Values of a run of number words; several when the run lists numbers ("one, two and three")."""
    words = [w for w in _WORD_SPLIT.findall(text.lower()) if w != "and"]
    values: list[float] = []
    total = current = 0.0
    last = None  # kind of the previous word: "unit", "ten", "scale"
    started = False
    for i, word in enumerate(words):
        if word == "a":
            if i + 1 < len(words) and words[i + 1] == "half" and started:
                current += 0.5
            elif not started:
                current, started, last = 1.0, True, "article"
            continue
        if word == "half":
            if not started and (i == 0 or words[i - 1] != "a"):
                current, started, last = 0.5, True, "article"
            continue
        if word == "dozen":
            current = (current or 1.0) * 12
            started, last = True, "scale"
            continue
        if word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            started, last = True, "scale"
            continue
        small = UNITS_WORDS.get(word, TENS_WORDS.get(word))
        if small is None:
            continue
        kind = "ten" if word in TENS_WORDS else "unit"
        # A new number starts when two words cannot combine ("twenty thirty", "one, two").
        breaks = started and (last == "unit" or (last == "ten" and kind == "ten")
                              or (last == "scale" and not _can_follow_scale(total, current, small)))
        if breaks:
            values.append(total + current)
            total = current = 0.0
        current += small
        started, last = True, kind
    if started:
        values.append(total + current)
    return values


def _can_follow_scale(total: float, current: float, small: float) -> bool:
    """After "hundred"/"thousand", a smaller number continues the same value ("a hundred and two")."""
    if current and current % 100 == 0 and current < 1000:
        return small < 100
    return total > 0 or current >= 100


def spelled_value(text: str) -> list[float]:
    """Values of a spelled-out number phrase matched by :data:`SPELLED`."""
    lowered = text.lower()
    if lowered.startswith("half a"):
        return [0.5 * v for v in words_to_numbers(lowered[6:])]
    return words_to_numbers(lowered)
