"""Rule-based sentence splitting of one paragraph of plain text.

One precompiled regex finds every candidate boundary (a run of terminal
punctuation, optional closing quotes or brackets, then white space); cheap
checks on the word before and the token after decide.  Linear in the text.
"""

from __future__ import annotations

import re

from tui.sentences_rules import (
    AFTER_TIME_WORDS,
    AMBIGUOUS,
    FRONTED_TIME_MAX_WORDS,
    FRONTED_TIME_WORDS,
    NEVER_END,
    NUMBER_ABBREVIATIONS,
    REPORTING_VERBS,
    SENTENCE_STARTERS,
    TIME_ABBREVIATIONS,
    TITLES,
)

# A spaced ellipsis (". . ." or ". . . .") or a run of . ! ? …, then closers, then space.
# Runs may only start where no terminal mark precedes, and quantifiers are
# possessive or bounded, so long runs of dots cannot make the scan quadratic.
# (Matching the first mark before the look-behind lets the engine skip ahead to it fast.)
_CANDIDATE = re.compile(
    r"([.!?…](?<![.!?…][.!?…])(?:(?<=\.)(?:[ \u00a0]\.){2,3}|[.!?…]*+))([\"'”’»)\]]*+)\s+")
# The token after a candidate: opening punctuation, then a word (and its period) or one character.
_NEXT = re.compile(r"[\"'“‘«(\[]*(?:([^\W\d_]+)(\.?)|(\S))")
_SPEAKER_CUE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:%s)\b" % "|".join(REPORTING_VERBS))
_QUOTES = frozenset("\"'”’»")
_TOKEN = re.compile(r"\S{1,20}")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_MARKER_ONLY = re.compile(r"\s*[•⁃‣◦▪●*\-]?\s*\(?(?:\d{1,3}|[A-Za-z])")
_OPENERS = "([{\"'“”‘’«»"
_MARKER_MAX_CHARS = 8
_FRONTED_TIME_MAX_CHARS = 60
# Besides capitals and digits, what may open a sentence after a period (dashes and "…" may not).
_OTHER_OPENERS = frozenset("$£€¥#@&*")

# In-line lists: bullets always start an item; "1." / "a)" markers do when the paragraph opens with one.
_BULLETS = "•⁃‣◦▪●"
_BULLET = re.compile(r"\s+(?=[%s])" % _BULLETS)
_LIST_START = re.compile(r"\s*(?:[•⁃‣◦▪●]\s*)?(\(?)(?:(\d{1,3})|([a-z]))(\.\)|\)|\.)\s")


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph of plain text, in order, stripped."""
    sentences: list[str] = []
    for item in _list_items(text):
        sentences.extend(_split_item(item))
    return sentences


def _list_items(text: str) -> list[str]:
    """The paragraph cut before bullets and before the next numbers of an opening numbered list."""
    chunks = _BULLET.split(text) if _has_bullet(text) else [text]
    items: list[str] = []
    for chunk in chunks:
        items.extend(_numbered_items(chunk))
    return items


def _has_bullet(text: str) -> bool:
    """True when a bullet character occurs; far quicker than letting the split look for one."""
    return not text.isascii() and any(bullet in text for bullet in _BULLETS)


def _numbered_items(text: str) -> list[str]:
    """Cut a chunk that opens with "1." (or "1)", "1.)", "a.", "(a)") before " 2.", " 3." and so on."""
    head = _LIST_START.match(text)
    if head is None:
        return [text]
    paren, number, letter, sep = head.groups()
    ordinal = int(number) if number else ord(letter)
    render = str if number else chr
    items, start = [], 0
    while True:
        ordinal += 1
        at = text.find(f" {paren}{render(ordinal)}{sep} ", start)
        if at < 0:
            break
        items.append(text[start:at])
        start = at + 1
    items.append(text[start:])
    return items


def _split_item(text: str) -> list[str]:
    """Sentences of a text that holds no list markers after its start."""
    sentences, seg_start, scan_from = [], 0, 0
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        cut = _boundary(text, match, start, seg_start, scan_from)
        scan_from = match.end()
        if cut is not None:
            sentence = text[seg_start:cut].strip()
            if sentence:
                sentences.append(sentence)
            seg_start = cut
    last = text[seg_start:].strip()
    if last:
        sentences.append(last)
    return sentences


def _boundary(text: str, match: re.Match, start: int, seg_start: int, scan_from: int) -> int | None:
    """Where the sentence ends at this candidate, or None when it goes on."""
    term, closers = match.groups()
    after = _NEXT.match(text, match.end())
    if after is None:
        return None
    word, dot, other = after.groups()
    first = word[0] if word else other
    if term == ".":
        return _after_period(text, match, start, seg_start, scan_from, word, dot, first)
    if "?" in term or "!" in term:
        return _after_question(text, closers, match, first)
    return _after_ellipsis(text, term, closers, match, start, first)


def _after_question(text: str, closers: str, match: re.Match, first: str) -> int | None:
    """? and ! end a sentence before a capital or digit, unless a quotation's speaker follows."""
    if not (first.isupper() or first.isdigit()):
        return None
    if closers and closers[-1] in _QUOTES and _SPEAKER_CUE.match(text, match.end()):
        return None  # '"Why now?" Mayor Lee asked.'
    return match.end(2)


def _after_ellipsis(text: str, term: str, closers: str, match: re.Match, start: int, first: str) -> int | None:
    """Ellipses end a sentence only before a capital; spaced three-dot ellipses never do."""
    if not first.isupper():
        return None
    if start > 0 and text[start - 1] == "[" and closers.startswith("]"):
        return None  # "[...]" marks an omission inside a quotation
    if " " not in term and "\u00a0" not in term:
        return match.end(2)
    if term.count(".") < 4:
        return None
    attached = start > 0 and not text[start - 1].isspace()
    # "word. . . . Next": a period, then an ellipsis opening the next sentence.
    return start + 1 if attached else match.end(2)


def _after_period(text: str, match: re.Match, start: int, seg_start: int, scan_from: int,
                  word: str | None, dot: str, first: str) -> int | None:
    """Decide a single period from the word before it and the token after it."""
    if not (first.isupper() or first.isdigit() or first in _OTHER_OPENERS):
        return None
    if start - seg_start <= _MARKER_MAX_CHARS and _MARKER_ONLY.fullmatch(text, seg_start, start):
        return None  # "1. The first item": a list marker, not a sentence
    core = _word_before(text, start, scan_from)
    key = core.lower()
    if first.isdigit():
        return None if _is_abbreviation(core, key) else match.end(2)
    if key in NEVER_END or (key in TITLES and core.istitle()):
        return None
    starter = word is not None and word in SENTENCE_STARTERS and not (dot and len(word) == 1)
    if starter:
        return match.end(2)
    if key in TIME_ABBREVIATIONS:
        if _continues_time(text, match.end()) or _fronted_time(text, seg_start, start):
            return None
        return match.end(2)
    if key in AMBIGUOUS or (len(core) == 1 and core.isalpha()) or _ACRONYM.fullmatch(core):
        return None
    return match.end(2)


def _word_before(text: str, end: int, scan_from: int) -> str:
    """The token that ends at `end`, without opening quotes or brackets."""
    begin = max(text.rfind(" ", scan_from, end) + 1, scan_from)
    word = text[begin:end]
    if not word.isprintable():  # other white space (tab, no-break space) inside
        parts = word.split()
        word = parts[-1] if parts else ""
    return word.lstrip(_OPENERS)


def _is_abbreviation(core: str, key: str) -> bool:
    """True for a known abbreviation, a single letter or a dotted acronym ("No", "p", "U.S")."""
    if len(core) == 1:
        return core.isalpha()
    return (key in NUMBER_ABBREVIATIONS or key in AMBIGUOUS or key in NEVER_END or key in TITLES
            or _ACRONYM.fullmatch(core) is not None)


def _continues_time(text: str, at: int) -> bool:
    """True when the token at `at` qualifies a clock time: a time zone, a day or a month."""
    token = _TOKEN.match(text, at)
    return token is not None and token.group().strip(".,;:").replace(".", "") in AFTER_TIME_WORDS


def _fronted_time(text: str, seg_start: int, end: int) -> bool:
    """True when the sentence so far is a short opening time phrase such as "At 5 a.m."."""
    if end - seg_start > _FRONTED_TIME_MAX_CHARS:
        return False
    words = text[seg_start:end].split(None, FRONTED_TIME_MAX_WORDS)
    return 0 < len(words) <= FRONTED_TIME_MAX_WORDS and words[0].lower() in FRONTED_TIME_WORDS
