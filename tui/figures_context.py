"""The left context of a number: is it part of a name, is it hedged, which word dates a year.

Helpers of :mod:`tui.figures_scan`; nothing here builds figures.
"""

from __future__ import annotations

import re

from tui.figures_lexicon import APPROX_BEFORE, CAPITAL_BEFORE_OK

APPROX_SET = {a.lower() for a in APPROX_BEFORE}
HEDGE_LAST = {a.split()[-1] for a in APPROX_SET}
_NAME_SPLIT = re.compile(r"[-–—/]")
_YEAR_WORDS = {"in", "since", "by", "until", "till", "from", "before", "after", "during", "of", "the", "through",
               "to", "early", "late", "mid", "around", "circa", "pre", "post", "spring", "summer", "autumn",
               "winter", "for", "between", "and"}
LOWER_DESIGNATORS = {"section", "article", "clause", "chapter", "paragraph", "rule", "flight", "route", "platform",
                     "channel", "room", "page", "phase", "version", "model", "type", "junction", "gate", "bus"}
_HYPHEN_PREFIX_OK = {"mid", "pre", "post", "early", "late", "over", "under", "top", "non", "around", "about",
                     "circa", "then", "sub", "near", "the"}


def is_title_case(sentence: str) -> bool:
    """True for headline-style Title Case, where capitals say nothing about names."""
    if sentence.rstrip("\"'”’)").endswith("."):
        return False  # headlines do not end with a full stop; a sentence listing titles does
    words = [w for w in sentence.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


class Sentence:
    """One sentence being scanned, with its title-case test computed only when needed."""

    __slots__ = ("s", "_title")

    def __init__(self, s: str) -> None:
        self.s = s
        self._title: bool | None = None

    @property
    def title_case(self) -> bool:
        if self._title is None:
            self._title = is_title_case(self.s)
        return self._title


def is_designation(sent: Sentence, start: int) -> bool:
    """True when the number at ``start`` is part of a name: "A380", "F-16", "Boeing 737", "Expo 2030"."""
    s = sent.s
    prev = s[start - 1] if start else ""
    if not prev:
        return False
    if prev.isalpha() or prev in "_^#":
        return True
    if prev in ".)" and start >= 2 and s[start - 2].isalpha():
        return True  # a footnote after a word ("as reported.3"), or "No.5"
    if prev in "-‐−+/" and start >= 2:
        before = s[start - 2]
        if before.isdigit() or before == "^":
            return True
        if before.isalpha():
            word = s[max(0, start - 30):start - 1].rsplit(None, 1)[-1].rsplit("-", 1)[-1]
            return not (word.islower() and word in _HYPHEN_PREFIX_OK)
        return False
    if prev in " \xa0":
        left = s[max(0, start - 40):start - 1]
        if not left or left[-1].isspace():
            return False
        token = left.rsplit(None, 1)[-1]
        kind = _WORD_BEFORE.get(token)
        if kind is None:
            if len(_WORD_BEFORE) > 50_000:
                _WORD_BEFORE.clear()
            kind = _WORD_BEFORE[token] = _word_before(token)
        return kind == _DESIGNATOR or kind == _NAME_WORD and not sent.title_case
    return False


_DESIGNATOR, _NAME_WORD, _OTHER = 1, 2, 3
_WORD_BEFORE: dict[str, int] = {}  # what a word before a number makes of it, remembered per word


def _word_before(token: str) -> int:
    """_DESIGNATOR for "section", "flight"; _NAME_WORD for a capitalised word that may name the number
    ("Boeing 737", unless Title Case); else _OTHER."""
    word = _NAME_SPLIT.split(token)[-1]
    if word in LOWER_DESIGNATORS:
        return _DESIGNATOR  # "section 404", "flight 93"
    if word[:1].isupper() and word.replace("&", "").isalpha() and word.lower() not in CAPITAL_BEFORE_OK:
        return _NAME_WORD
    return _OTHER

def hedge(s: str, start: int) -> tuple[str | None, int]:
    """The approximation word(s) right before ``start`` ("nearly", "more than", "up to") and where they begin."""
    if start < 3 or s[start - 1] not in " \xa0":
        return None, start
    space = s.rfind(" ", max(0, start - 20), start - 1)
    if s[space + 1:start - 1].lower() not in HEDGE_LAST:
        return None, start
    left = s[max(0, start - 32):start]
    words = left.split()
    lowered = left.lower()
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:]).lower()
            if phrase in APPROX_SET:
                at = lowered.rfind(phrase)
                if at >= 0:
                    return phrase, start - len(left) + at
    return None, start

def year_context(s: str, fig: dict) -> None:
    """Show a year with the word that sets it in time ("in 2004", "the 2019", "mid-1990s"), so that the
    surface of a year names its use rather than any "2004" in the text (such as one in "Euro 2004")."""
    start = fig["start"]
    if start < 3 or s[start - 1] not in " -":
        return
    space = s.rfind(" ", max(0, start - 12), start - 1)
    word = s[space + 1:start - 1]
    if word.lower() in _YEAR_WORDS and (s[start - 1] == " " or word.lower() in _HYPHEN_PREFIX_OK):
        fig["start"] = space + 1
