"""One number at a time: its currency, sign, digits or words, multiplier and unit.

:mod:`tui.figures_scan` finds where numbers start and calls :func:`digit_figure` or
:func:`word_figures`; each returns a raw figure dict with start/end offsets into the sentence.
"""

from __future__ import annotations

import re

from tui.figures_lexicon import (
    CURRENCY_PREFIX, CURRENCY_SUFFIX, GLUED_UNITS, MEASURE_UNITS, VAGUE, alternation,
)
from tui.figures_numbers import (
    FRACTION_WORDS, MULTIPLIERS, ORDINAL_WORDS, SPELLED, VULGAR, parse_digits, parse_fraction, spelled_value,
)

_SYMBOLS = alternation(k for k in CURRENCY_PREFIX if not k[0].isalpha() or k.endswith("$"))
_CODES = alternation(k for k in CURRENCY_PREFIX if k[0].isalpha() and not k.endswith("$"))
_VULGAR = "".join(VULGAR)
_SPACED_GROUP_UNITS = alternation([*CURRENCY_SUFFIX, *MEASURE_UNITS])

# The currency and sign in front of a digit atom's digits.
DIGIT_PREFIX = re.compile(rf"(?:[-−](?=[\d.$£€¥₹]))?(?:(?:{_SYMBOLS})|\b(?:{_CODES})\s?)?[-−]?\.?\Z")
DIGIT_ATOM = re.compile(
    rf"(?P<sign>[-−](?=[\d.$£€¥₹]))?"
    rf"(?:(?P<cur>{_SYMBOLS})|\b(?P<code>{_CODES})\s?)?"
    rf"(?P<sign2>[-−])?"
    rf"(?P<num>\d{{1,3}}(?:\s\d{{3}})+(?=\s(?:{_SPACED_GROUP_UNITS})\b)"
    rf"|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+|[{_VULGAR}])"
    rf"(?P<vulgar>[{_VULGAR}])?"
)
ORDINAL_TRIGGERS = {w for w in ORDINAL_WORDS if w not in ("first", "second")}
WORD_ATOM = re.compile(
    rf"(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores(?=\s+of\b)"
    rf"|hundreds|thousands|millions|billions|(?:several|a\s+few)\s+(?:hundred|thousand|million|dozen))\b"
    rf"|(?P<words>{SPELLED.pattern})"
    rf"|(?P<ordword>{alternation(ORDINAL_TRIGGERS)})\b",
    re.IGNORECASE,
)
# Words before a trigger word that belong to the same atom: "a hundred", "half a million", "tens of thousands".
WORD_BACKOFF = re.compile(r"(?i:\b(?:an?|half\s+a|several|a\s+few|tens\s+of|hundreds\s+of))\s+\Z")

_SCIENTIFIC = re.compile(r"[eE][-+−]?\d+(?![\w])|\s?×\s?10\^?[-−+]?\d+|\s?x\s?10(?:\^[-−+]?|[-−])\d+"
                         r"|\s?[×x]\s?(\d+)\^(\d+)")
_FRACTION = re.compile(r"(\s\d{1,2})?/(\d+)(?![\d/])")
_GLUED = re.compile(r"([A-Za-z°º²³µ€$£/^][A-Za-z°º²³µ€$£/^\d]*[A-Za-z°º²³€$£]"
                    r"|[A-Za-z°º²³€$£])(?![\w])")
_HYPHEN_WORD = re.compile(r"-(?=[a-z])")
_MULT_GLUED = re.compile(r"(million|billion|trillion|thousand|bn|mn|mln|bln|tn|trn|[kKmMbBT])(?![A-Za-z])")
_MULT_SPACED = re.compile(r"[\s-](thousand|million|billion|trillion)s?\b"
                          r"|\s(bn|mn|m)\b(?!\s+(?:tall|high|long|wide|deep))")
_PERCENT = re.compile(r"\s?(%|per\s?cent\b|percentage\s+points?\b|pc\b)", re.I)
_CURRENCY_AFTER = re.compile(rf"\s?(?:US\s)?((?i:{alternation(w for w in CURRENCY_SUFFIX if len(w) > 1)}))(?![\w])"
                             rf"|(p|c|€|\$|£)(?![\w])")
_CURRENCY_FIRST = frozenset(c for w in CURRENCY_SUFFIX if len(w) > 1 for c in (w[0].lower(), w[0].upper()))
_UNIT_AFTER = re.compile(rf"(?:\s|-)?({alternation(MEASURE_UNITS)})(?![A-Za-z])")
_UNIT_POWER = re.compile(r"(?:\^?[23]|²|³|\s(?:cubed|squared))?"
                         r"(?:/(?:\w+)|\s+per\s+(?:hour|second|day|week|year|kg|cent))?")
_RANK_AFTER = re.compile(r"[\s-](?:place|largest|biggest|highest|lowest|consecutive|successive|straight|"
                         r"richest|poorest|most|best|worst|anniversary|term|time\s+in|round|seed)\b")
_DURATION_AFTER = re.compile(r"\s(?:years?|months?|weeks?|days?)\b")
_AGE = re.compile(r"-year-old\b|-years-old\b|\s+years?\s+old\b")
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)\b")
_FRACTION_WORD = re.compile(rf"[\s-]+({'|'.join(FRACTION_WORDS)})\b", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_METRE_CONTEXT = re.compile(r"\s*(?:-|\s)(?:final|race|hurdles|freestyle|relay|sprint|butterfly|backstroke|"
                            r"breaststroke|medley|dash|tall|high|long|wide|deep|away|above|below|metres|event|"
                            r"title|record|champion|run|swim|gold|silver|bronze)\b")
_MULTIPLIER_START = set("kKmMbBtT -")
_OF_MONEY = re.compile(r"\s+of\s+(dollars|pounds|euros|yen|yuan|rupees)\b", re.I)
_CAPITAL_NEXT = re.compile(r" [A-Z][a-z]")
_SPORT_CONTEXT = re.compile(r"\b(?:race|races|runners?|hurdles|sprint\w*|athlet\w+|indoors?|relay|freestyle|"
                            r"medal\w*|champion\w*|Olympic\w*|heats?|jump|vault|swim\w*|track)\b")
PLURALISH = re.compile(r"\s+(?:[a-z]+-)?[a-z]*(?:[^suio\s]s|people|children|men|women|staff|users|viewers)\b")
_PARENS_NEGATIVE = re.compile(r"(?i:\b(?:is|was|were|are|of|at)|:)\s*\(\Z")
A_UNIT_WORDS = {"gallon", "litre", "liter", "kilogram", "kilo", "tonne", "ton", "penny", "kibibyte", "kilobyte",
                "megabyte", "gigabyte", "gross", "barrel", "metre", "meter", "kilometre", "kilometer"}
_A_UNIT = re.compile(rf"\b(?:a|an)\s+({'|'.join(A_UNIT_WORDS)})(?=\s+(?:of|is|equals)\b|\s*[.!?;,)]|\s*$)", re.I)
_RATE_BEFORE = re.compile(r"[\d%]\S*\s*\Z")
# First words (lower-cased) of everything :func:`suffix` recognises after a space.
SUFFIX_WORDS = {w.lower().split()[0] for w in [*CURRENCY_SUFFIX, *MEASURE_UNITS, *MULTIPLIERS]} | {
    "per", "percent", "percentage", "pc", "bn", "mn", "m", "us", "years", "year", "cubed", "squared"}


def _parse_number(s: str, m: re.Match) -> tuple[float, int] | None:
    """The bare value of a digit atom and where it ends (scientific notation and fractions included)."""
    num, vulgar = m.group("num", "vulgar")
    end = m.end("num")
    try:
        value = float(num.replace(",", "")) if num[-1].isdigit() and " " not in num else parse_digits(num)
    except ValueError:
        return None
    if vulgar:
        value += VULGAR[vulgar]
        end = m.end("vulgar")
    c = s[end:end + 1]
    if not c or c not in "eE×x /" or c == " " and not (s[end + 1:end + 2].isdigit() or s[end + 1:end + 2] in "×x"):
        return value, end
    sci = _SCIENTIFIC.match(s, end) if c != "/" else None
    if sci:
        try:
            if sci.group(1):
                value *= float(sci.group(1)) ** min(float(sci.group(2)), 64)
            else:
                text = sci.group(0).replace(" ", "").replace("x", "×")
                value = parse_digits(num + text) if "×" in text else float(num + text.replace("−", "-"))
        except (ValueError, OverflowError):
            return None
        return value, sci.end()
    frac = _FRACTION.match(s, end) if num.isdigit() else None  # not "½/2", "2.5/3", "1,000/4"
    if frac:
        return _fraction(num, frac, value)
    return value, end


def _fraction(num: str, frac: re.Match, value: float) -> tuple[float, int] | None:
    """ "1/4", "2 1/2" as values; None for "9/11", "24/7" or "1/0", which are not fractions."""
    denominator = int(frac.group(2))
    numerator = int(frac.group(1)) if frac.group(1) else int(num)
    if denominator == 0 or numerator >= denominator or not (numerator == 1 or denominator in (2, 3, 4, 8, 16)):
        return None
    fraction = parse_fraction(f"{numerator}/{denominator}") or 0.0
    return (value + fraction if frac.group(1) else fraction), frac.end()


def _metres_not_million(s: str, pos: int, has_decimal: bool) -> bool:
    """A glued "m" without money: metres unless a plural noun follows ("5m copies")."""
    if _METRE_CONTEXT.match(s, pos) or not has_decimal and _SPORT_CONTEXT.search(s):
        return True
    return not (PLURALISH.match(s, pos) or _CURRENCY_AFTER.match(s, pos))


def _multiplier(s: str, pos: int, money: bool, num: str) -> re.Match | None:
    """ "bn", "m", "k", " million" after a number; a bare "m" is metres unless money or a plural follows."""
    m = _MULT_GLUED.match(s, pos)
    if m:
        tok = m.group(1)
        if tok == "m" and not money and _metres_not_million(s, m.end(), "." in num):
            m = None
        elif tok in ("b", "B", "T") and not money:
            m = None
    if not m:
        m = _MULT_SPACED.match(s, pos)
        if m and m.group(2) and not money and m.group(2) == "m":
            m = None
    return m


_PLAIN_WORDS: dict[str, bool] = {}  # the test below, remembered per word: the same words follow numbers again and again


def _plain_after(s: str, pos: int) -> bool:
    """True when nothing after ``pos`` can be a multiplier or unit: the common case, decided without regexes."""
    c = s[pos:pos + 1]
    if not c or c in ",;:)!?\"'”’":
        return True
    if c == "." and not s[pos + 1:pos + 2].isalpha():
        return True
    if c != " ":
        return False
    word = s[pos + 1:pos + 16].split(None, 1)
    if not word:
        return False
    plain = _PLAIN_WORDS.get(word[0])
    if plain is None:
        if len(_PLAIN_WORDS) > 50_000:
            _PLAIN_WORDS.clear()
        plain = _PLAIN_WORDS[word[0]] = word[0].lower().strip(".,;:)!?\"'”’") not in SUFFIX_WORDS \
            and word[0][:1] not in "%°º"
    return plain


def suffix(s: str, pos: int, money: bool, num: str) -> dict:
    """Multiplier, unit and kind after a number ending at ``pos``."""
    out = {"mult": 1.0, "unit": None, "kind": None, "end": pos}
    if _plain_after(s, pos):
        return out
    if s[pos:pos + 1] == "%":
        out.update(kind="percent", unit="%", end=pos + 1)
        return out
    m = _multiplier(s, pos, money, num) if s[pos:pos + 1] in _MULTIPLIER_START else None
    if m:
        word = next(g for g in m.groups() if g)
        out["mult"] = MULTIPLIERS.get(word, MULTIPLIERS.get(word.lower(), 1.0))
        pos = out["end"] = m.end()
        if _plain_after(s, pos):
            return out
    m = _PERCENT.match(s, pos)
    if m:
        out.update(kind="percent", unit="%", end=m.end())
        return out
    if money and _DURATION_AFTER.match(s, pos):
        return out  # "$639m year-earlier": a money figure, not a duration
    if _currency_after(s, pos, out):
        return out
    m = _AGE.match(s, pos)
    if m:
        out.update(kind="measure", unit="years old", end=m.end())
        return out
    m = _UNIT_AFTER.match(s, pos)
    if m and not (m.group(1) in ("degrees", "°") and money):
        unit = MEASURE_UNITS[m.group(1)]
        power_end = _UNIT_POWER.match(s, m.end()).end()
        power = s[m.end():power_end]
        out.update(kind="measure", unit=unit + (" " if power[:1].isspace() else "") + power.strip(), end=power_end)
        return out
    if _HYPHEN_WORD.match(s, pos):
        return out  # "a 40-page report": the number is part of an adjective
    m = _GLUED.match(s, pos)
    if m:
        out["end"] = m.end()
        out.update(_glued_kind(m.group(1), num))
    return out


def _may_be_currency(s: str, pos: int) -> bool:
    """Cheap test before _CURRENCY_AFTER: a currency sign, or (after one space at most) a character that
    starts a currency word in either case; any other non-ASCII character may fold to one."""
    c = s[pos:pos + 1]
    if c in ("p", "c", "€", "$", "£"):
        return True
    if c.isspace():
        c = s[pos + 1:pos + 2]
    return c in _CURRENCY_FIRST or not c.isascii()


def _currency_after(s: str, pos: int, out: dict) -> bool:
    m = _CURRENCY_AFTER.match(s, pos) if _may_be_currency(s, pos) else None
    if not m or (m.group(1) in ("pounds", "pound") and _OF_AFTER.match(s, m.end())):
        return False
    word = m.group(1) or m.group(2)
    if (m.group(2) or word == "p") and pos != m.start():
        return False  # "80 p" with a space is not pence
    out.update(kind="money", unit=CURRENCY_SUFFIX.get(word) or CURRENCY_SUFFIX.get(word.lower()) or word,
               end=m.end())
    return True


def _glued_kind(tok: str, num: str) -> dict:
    """What letters glued to a number make of it: "40C", "21st", "1960s", "4G" (a designation), "1cds"."""
    if tok in GLUED_UNITS:
        return {"kind": "measure", "unit": GLUED_UNITS[tok]}
    if _ORDINAL_SUFFIX.fullmatch(tok):
        return {"kind": "ordinal"}
    if tok in ("s", "'s") and len(num) in (2, 4):
        return {"kind": "decade"}
    if len(tok) == 1 and tok.isupper() or any(c.isdigit() for c in tok):
        return {"kind": "designation"}
    return {"kind": "measure", "unit": tok}


def digit_figure(s: str, m: re.Match) -> dict | None:
    """A figure from a DIGIT_ATOM match (with currency, multiplier, unit), or None when it is not one.

    A dict with "skip" set means the characters are consumed but are no figure ("9/11", "1/0").
    """
    start = m.start()
    sign1, cur, code, sign2, num = m.group("sign", "cur", "code", "sign2", "num")
    sign = sign1 or sign2
    if sign1 and start and (s[start - 1].isalnum() or s[start - 1] in ".,"):
        return None
    parsed = _parse_number(s, m)
    if parsed is None:
        return {"skip": True, "start": start, "end": m.end()}
    value, pos = parsed
    cur = cur or code
    money = bool(cur)
    after = suffix(s, pos, money, num)
    if after["kind"] == "designation" or after["kind"] == "ordinal" and _CAPITAL_NEXT.match(s, after["end"]):
        return {"skip": True, "start": start, "end": after["end"]}  # "4G", "20th Century Fox"
    value *= after["mult"]
    if sign:
        value = -value
    kind = "money" if money else after["kind"] or "count"
    unit = CURRENCY_PREFIX[cur.strip()] if money else after["unit"]
    if money and after["kind"] in ("percent", "measure"):
        unit = f"{unit}/{after['unit'].lstrip('/')}"
    if money and s[after["end"]:after["end"] + 1] == ")" and _PARENS_NEGATIVE.search(s, max(0, start - 8), start):
        value = -value  # accounting style: "revenue is ($99.99)"
    return {"start": start, "end": after["end"], "value": value, "kind": kind, "unit": unit,
            "plain": num, "mult": after["mult"]}


def word_figures(s: str, m: re.Match) -> list[dict]:
    """Figures from a WORD_ATOM match: spelled numbers, vague magnitudes, ranking ordinals."""
    if m.group("vague") is not None:
        return [_vague_figure(m)]
    if m.group("ordword") is not None:
        if not _RANK_AFTER.match(s, m.end()):
            return []  # "the fourth quarter" is no key figure; "fourth consecutive", "third-largest" are
        word = m.group("ordword")
        return [{"start": m.start(), "end": m.end(), "value": ORDINAL_WORDS[word.lower()], "kind": "ordinal",
                 "unit": None, "plain": word, "mult": 1.0}]
    return _spelled_figures(s, m)


def _spelled_figures(s: str, m: re.Match) -> list[dict]:
    """ "sixty-five", "a dozen", "two thirds", "one billion years"; a bare "one" only with a unit."""
    text = m.group("words")
    start, end = m.start(), m.end()
    values = spelled_value(text)
    if not values:
        return []
    frac = _FRACTION_WORD.match(s, end)
    if frac and frac.group(1).lower().startswith("quarter") and "-" not in frac.group(0) \
            and not _OF_AFTER.match(s, frac.end()):
        frac = None  # "the three quarters" are periods, "three quarters of" a share
    if frac and len(values) == 1 and values[0] < 10:
        values = [values[0] / FRACTION_WORDS[frac.group(1).lower()]]
        end = frac.end()
    lowered = text.lower()
    after = suffix(s, end, False, text)
    if after["kind"] in ("decade", "designation", "ordinal"):
        after = {"mult": 1.0, "unit": None, "kind": None, "end": end}
    if len(values) == 1 and lowered in ("one", "a", "an") and not frac \
            and after["kind"] not in ("measure", "money", "percent"):
        return []
    if lowered == "zero" and s[end:end + 1] == "-":
        return []  # "zero-hours contracts"
    if lowered == "one" and after["unit"] in ("days", "h", "weeks", "years", "min") and s[end:end + 1] == " ":
        return []  # "one day" is an idiom more often than a duration
    if len(values) > 1:
        return [{"start": start, "end": end, "value": v, "kind": "count", "unit": None, "plain": text,
                 "mult": 1.0} for v in values]
    return [{"start": start, "end": after["end"], "value": values[0] * after["mult"],
             "kind": after["kind"] or "count", "unit": after["unit"], "plain": text, "mult": after["mult"]}]


def _vague_figure(m: re.Match) -> dict:
    """ "hundreds of thousands" -> 100000, "dozens" -> 12: the magnitude, marked approximate by its words."""
    words = m.group("vague").lower().split()
    value = 1.0
    for w in words:
        value *= VAGUE.get(w) or {"hundred": 100, "thousand": 1000, "million": 1e6, "dozen": 12}.get(w, 1)
    fig = {"start": m.start(), "end": m.end(), "value": value, "kind": "count", "unit": None,
           "approx": " ".join(words), "vague": True, "plain": m.group(0), "mult": 1.0}
    money = _OF_MONEY.match(m.string, m.end())
    if money:  # "millions of dollars"
        fig.update(kind="money", unit=CURRENCY_SUFFIX[money.group(1).lower()], end=money.end())
    return fig


def a_unit_figures(s: str) -> list[dict]:
    """ "a gallon of beer", "a penny!": one of a unit, unless it is a rate ("80p a litre")."""
    out = []
    for m in _A_UNIT.finditer(s):
        if _RATE_BEFORE.search(s, max(0, m.start() - 12), m.start()):
            continue
        noun = m.group(1).lower()
        kind = "money" if noun == "penny" else "count" if noun == "gross" else "measure"
        out.append({"start": m.start(), "end": m.end(), "value": 1, "kind": kind, "approx": None, "upper": None,
                    "unit": "GBp" if noun == "penny" else noun, "plain": m.group(0), "mult": 1.0})
    return out
