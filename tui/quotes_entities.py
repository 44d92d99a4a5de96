"""A light-weight named-entity finder for quote speakers and sources.

Names are runs of capitalised words; titles ("Sen.", "President", "Mr.") are
stripped, organisation words ("Department", "Times", "Party") make a run an
organisation, places are dropped. Each name comes with its role in the
sentence (subject or not), which :mod:`tui.quotes_tracker` uses to resolve
pronouns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from tui.quotes_lexicon import (CAP_STOP, FEMALE_NAMES, MALE_NAMES, NON_PERSONS, ORG_WORDS, OUTLETS, PLACES,
                                SOCIAL, TITLES)
from tui.reporting_verbs import FORMS, trie_pattern

if TYPE_CHECKING:
    from tui.quotes_tracker import Tracker

_ABBREVIATIONS = ("Mr Mrs Ms Dr Sen Sens Rep Reps Gov Govs Gen Lt Col Sgt Capt Rev St Jr Sr Prof Adm Maj Cmdr Atty "
                  "Supt Pres Ft Mt").split()
_ABBR = rf"(?:{'|'.join(_ABBREVIATIONS)})\."
_TOKEN = rf"(?:{_ABBR}|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w’'\-]*\w|[A-Z])"
_CONNECT = r"(?:(?:de|van|von|der|den|bin|al|da|del|la|le|di|du|dos)\s+)?"
NAME = rf"(?<![\w’'\-])(?=[A-Z]){_TOKEN}(?:[ \u00a0]+{_CONNECT}{_TOKEN}){{0,5}}"
NAME_RE = re.compile(NAME)


def _behind_one_of(words: list[str]) -> str:
    """A pattern that holds where the text just before is one of ``words`` (a lookbehind needs one width,
    so there is one per length)."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "(?:" + "|".join(f"(?<={'|'.join(group)})" for _, group in sorted(by_length.items())) + ")"


def _rest_of(words: list[str]) -> str:
    """A pattern for the rest of ``words`` once their first letter is matched ("(?<=T)he(?:se|y)?")."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    rests = [f"(?<={re.escape(first)}){trie_pattern(rest)}" for first, rest in sorted(by_first.items())]
    return "(?:" + "|".join(rests) + ")"


# One pass finds names and subject pronouns. The pattern opens with a character class (the first letter
# of a name, "he" or "she"), so that the engine skips in C to those letters: an opening lookbehind would
# make it try every position. What follows is each alternative past that letter, which lookbehinds check.
# A name token past its capital: an abbreviation ("Mr."), initials ("J.D."), a word, or nothing.
# (The longest abbreviation has four letters.)
_TOKEN_REST = rf"(?:[a-z]{{1,3}}\.{_behind_one_of([a + '.' for a in _ABBREVIATIONS])}|\.(?:[A-Z]\.)*|[\w’'\-]*\w|)"
# A lone capitalised stop word ("The", "Monday") is skipped inside the engine, where it costs least.
# The stop words go in as a trie ("(?<=T)h(?:e(?:se|y)?|is|ose)"), so that the engine tries a few letters
# where a flat alternation would try every word.
_LONE_STOP_REST = _rest_of([w.capitalize() for w in CAP_STOP if w.isalpha() and w not in ("he", "she")])
_NAME_OR_PRONOUN = re.compile(
    r"[A-Zhs](?<![\w’'\-].)"
    # The empty group marks a pronoun, the whole match.
    r"(?:(?:(?<=[Hh])e|(?<=[Ss])he)\b(?P<pron>)"
    rf"|(?<=[A-Z])(?!{_LONE_STOP_REST}\b(?![ \u00a0]+[A-Z])){_TOKEN_REST}(?:[ \u00a0]+{_CONNECT}{_TOKEN}){{0,5}})"
    # The word after the name, past an adverb ("Smith quickly said"): caught here, it costs no second look.
    r"(?=\s+(?:[a-z]+ly\s+)?(?P<next>[a-z]+)\b)?")
_ORG_TAIL = re.compile(r"\s+(?:of|on|for|of\s+the|for\s+the|on\s+the)\s+")
_AUXILIARIES = frozenset("has had have is was were are will would could can may might should must did does do "
                         "also then later never not".split())
_IRREGULAR_PAST = frozenset("""made went took gave got came knew saw became began left felt kept held brought ran met
paid sent spent stood lost won led heard meant set sat let found built bought caught fought taught sought drove
rose fell grew threw chose spoke wore broke forgot hid shook stole struck swore understood wrote""".split())
_LOWERCASE = frozenset("abcdefghijklmnopqrstuvwxyz")
_NOT_VERBS = frozenset("is as has was its this his us thus bus news plus status less unless".split())
_INTRO_TAIL = re.compile(r"(?:^|[.!?:;][\"”’]?\s+)(?:But|And|So|Yet|Still|Now|Then|Also|However|Meanwhile|"
                         r"Later|Instead|Earlier),?$")
_INTRO_WORDS = frozenset("But And So Yet Still Now Then Also However Meanwhile Later Instead Earlier".split())
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
# Subject pronouns only: a possessive ("her campaign") points at someone else too often to teach a gender.
_MALE_PRONOUN = re.compile(r"\b(?:he|himself)\b", re.IGNORECASE)
_FEMALE_PRONOUN = re.compile(r"\b(?:she|herself)\b", re.IGNORECASE)
_PLACE_PREFIX = {"new", "north", "south", "east", "west", "retired", "u.s", "us"}
_STRONG_TITLES = {t for t, g in TITLES.items() if len(t) > 2 and t not in {"former", "state", "senior", "u.s"}}
_SUFFIX = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@dataclass(frozen=True, slots=True)
class Entity:
    """A name found in the text: ``name`` as it should be shown, ``key`` to group mentions of it."""

    name: str
    key: str
    kind: str  # person | org
    gender: str = ""
    weak: bool = False  # a lone capitalised word that may be no name at all


def _bare(word: str) -> str:
    return word.lower().rstrip(".,")


@lru_cache(maxsize=8192)
def classify(surface: str, after_the: bool = False) -> Entity | None:
    """The entity a run of capitalised words names, or None for places and non-names."""
    tokens = surface.split()
    owner = max((i for i, t in enumerate(tokens[:-1]) if t[-2:] in ("’s", "'s")), default=None) \
        if "’s" in surface or "'s" in surface else None
    if owner is not None:
        # "NBC's Dante Chinni" names Dante Chinni; "Brown's Budget" is a thing someone has.
        tokens = tokens[owner + 1:]
        if len(tokens) < 2:
            return None
    if tokens and tokens[-1][-2:] in ("’s", "'s"):
        tokens[-1] = tokens[-1][:-2]
    the = after_the
    while tokens and _bare(tokens[0]) in CAP_STOP:
        the = the or _bare(tokens[0]) == "the"
        tokens.pop(0)
    if not tokens:
        return None
    lowered = [_bare(t) for t in tokens]
    titled = _after_last_title(lowered)
    if titled is not None:
        # "Ohio Democratic Party Chairman David Pepper": the person after the title, not the party.
        gender, tokens, lowered = TITLES[lowered[titled - 1]], tokens[titled:], lowered[titled:]
        return _person(tokens, lowered, gender, weak=False)
    if any(w in ORG_WORDS or w in OUTLETS or w in SOCIAL for w in lowered) or (the and lowered[0] not in TITLES):
        name = " ".join(tokens)  # shown without the article: "Water Agency", "New York Times"
        return Entity(name, name.lower(), "org")
    if len(tokens) == 1 and tokens[0].isupper() and 2 <= len(tokens[0]) <= 6:
        return Entity(tokens[0], tokens[0].lower(), "org")
    return _person(tokens, lowered, "", weak=len(tokens) == 1)


def _after_last_title(lowered: list[str]) -> int | None:
    """Index just past the last title word that has a name after it, or None."""
    for i in range(len(lowered) - 2, -1, -1):
        if lowered[i] not in TITLES:
            continue
        rest = [w for w in lowered[i + 1:] if w not in _SUFFIX]
        if rest and lowered[i + 1] not in TITLES and not any(w in ORG_WORDS for w in rest):
            return i + 1 if i > 0 or lowered[i] in _STRONG_TITLES else None
    return None


def _person(tokens: list[str], lowered: list[str], gender: str, weak: bool) -> Entity | None:
    """A person from name words, with leading titles and places ("New Jersey Gov.") stripped."""
    titled = False
    while tokens and (lowered[0] in TITLES or (len(tokens) > 2 and (lowered[0] in PLACES or
                                                                     lowered[0] in _PLACE_PREFIX))):
        titled = titled or lowered[0] in TITLES
        gender = gender or TITLES.get(lowered[0], "")
        tokens, lowered = tokens[1:], lowered[1:]
    while len(tokens) > 1 and lowered[-1] in _SUFFIX:
        tokens, lowered = tokens[:-1], lowered[:-1]
    if not tokens or any(w in CAP_STOP or w in NON_PERSONS for w in lowered):
        return None
    # "Jordan" alone is a country, "Jim Jordan" and "Rep. Jordan" are people.
    placed = [w in PLACES or w in _PLACE_PREFIX for w in lowered]
    if not titled and (all(placed) or (placed[0] and placed[-1])):
        return None
    first_name = "m" if lowered[0] in MALE_NAMES else "f" if lowered[0] in FEMALE_NAMES else ""
    # A lone word is only weakly a name, unless it is a known first name ("Hillary", "Melanie").
    return Entity(" ".join(tokens), " ".join(lowered), "person", gender or first_name,
                  weak and len(tokens) == 1 and not first_name)


# Role of a lone word that is a subject only if it is known as a person already.
KNOWN_SUBJECT = -1
_PLURAL_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "ans", "ies")


def scan_names(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, Entity | str, int]]:
    """(start, end, entity, role) of the names in ``text`` outside the ``skip`` spans (quotations).

    A subject pronoun ("He said", "she added") comes as its lowercased word instead of an entity,
    so that the caller can resolve it in reading order and keep the chain of references going.
    """
    found: list[tuple[int, int, Entity | str, int]] = []
    last_org_end = -100
    finditer, org_tail = _NAME_OR_PRONOUN.finditer, _ORG_TAIL.fullmatch
    for low, high in _gaps(skip, len(text)):
        for m in finditer(text, low, high):
            start, end = m.span()
            pronoun, following = m.groups()  # the pattern's only groups: "pron" and "next"
            if pronoun is not None:  # the group is empty: the pronoun is the whole match
                if _IS_VERB[following]:
                    found.append((start, end, m.group().lower(), 1))
                continue
            if start - last_org_end < 12 and org_tail(text, last_org_end, start):
                continue  # "Commission on Presidential Debates": the tail of the organisation before
            surface = m.group()
            entity = classify(surface, start >= 4 and text.startswith("the ", start - 4))
            if entity is None:
                continue
            if entity.kind == "org":
                last_org_end = end
            if surface[-2:] in ("’s", "'s"):
                role = 0  # a possessive is no subject
            elif entity.weak:
                # A lone capitalised word opening a sentence ("Consumer spending rose", "Demonstrators
                # said") is too often no name: it is a subject only when known as a person already.
                plural = entity.key.endswith(_PLURAL_ENDINGS)
                if following in FORMS and not plural:
                    role = 1
                else:
                    opens = _starts_clause(text, start)
                    if _IS_VERB[following] or opens:
                        role = 1 if not plural and not opens else KNOWN_SUBJECT
                    else:
                        role = 0
            else:
                role = 1 if _IS_VERB[following] or _starts_clause(text, start) or _after_verb(text, start) \
                    else 0
            found.append((start, end, entity, role))
    return found


def _gaps(skip: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of a text between the ``skip`` spans."""
    gaps, low = [], 0
    for start, end in skip:
        if start > low:
            gaps.append((low, start))
        low = max(low, end)
    if low < length:
        gaps.append((low, length))
    return gaps


def _looks_like_verb(word: str) -> bool:
    return word in _AUXILIARIES or word in FORMS or word in _IRREGULAR_PAST or word.endswith("ed") or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _NOT_VERBS)


class _VerbMemo(dict):
    """``memo[word]``: whether a word after a name looks like its verb ("said", "has", "walked"); None
    (no word) is none. The same few hundred words follow names again and again, and a lookup that hits
    costs less than a function call."""

    def __missing__(self, word: str | None) -> bool:
        if len(self) > 50_000:
            self.clear()
        verb = self[word] = word is not None and _looks_like_verb(word)
        return verb


_IS_VERB = _VerbMemo()


def _after_verb(text: str, start: int) -> bool:
    """Whether a reporting verb stands right before a name (", noted NBC's Jane Doe")."""
    if not start or not text[start - 1].isspace():
        return False  # a name right after a mark or a bracket
    # The lowercase letters right before the spaces, as "([a-z]+)\s+$" finds them in the last 16 characters:
    # a walk back over one word costs less than a search that tries every position of the window.
    window = text[max(0, start - 16):start].rstrip()
    at = len(window)
    while at and window[at - 1] in _LOWERCASE:
        at -= 1
    return window[at:] in FORMS


def _starts_clause(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its sentence (after an optional "But", "And" ...)."""
    low, end = max(0, start - 24), start
    while end > low and text[end - 1].isspace():  # the spaces before the name, most often one
        end -= 1
    if end == low:
        return start < 24
    if text[end - 1] in ".!?:;\"”":
        return True
    # The pattern needs one of its words as the last word (a comma may follow it): test that first.
    prefix = text[low:end]
    return prefix.rsplit(None, 1)[-1].rstrip(",") in _INTRO_WORDS and _INTRO_TAIL.search(prefix) is not None


# " he ", " she ", "She ", " he,", " she,", "herself" or "himself": all but "He " hold an "h". A pattern that
# opens with that letter lets the engine skip ahead fast, where a substring test for each would read the
# text seven times.
_GENDER_CUE = re.compile(r"h(?:e(?:(?<= he)[ ,]|(?<= she)[ ,]|(?<=She) |rself)|imself)")


def may_name_genders(text: str) -> bool:
    """Whether ``text`` holds a pronoun that :func:`learn_genders` could learn from."""
    return "He " in text or _GENDER_CUE.search(text) is not None


_CAPITAL_HE = re.compile("He ")


def texts_naming_genders(texts: list[str]) -> set[int]:
    """Indexes of the ``texts`` that :func:`may_name_genders` holds for, found in one pass of each cue over
    them all: a NUL between two texts stops every cue there, as the end of a text does."""
    joined = "\0".join(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))  # just past each text's NUL
    found: set[int] = set()
    for cue in (_CAPITAL_HE, _GENDER_CUE):  # two patterns that open with a literal: the engine skips fast
        at, search = 0, cue.search
        while (m := search(joined, at)) is not None:
            index = bisect_right(ends, m.start())
            found.add(index)
            at = ends[index]  # one cue is enough: on to the next text
    return found


def learn_genders(tracker: Tracker, text: str, names: list[tuple[int, int, Entity | str, int]]) -> None:
    """Vote a gender for a person who is the only one named in a sentence that then says he or she."""
    if not may_name_genders(text):
        return  # substring tests are far cheaper than walking the sentences
    people = [n for n in names if not isinstance(n[2], str) and n[2].kind == "person"]
    if all(tracker.genders.get(p[2].key) for p in people):
        return  # nobody whose gender is still to learn
    index = 0
    for sentence in _SENTENCE.finditer(text, people[0][0]):
        found = []
        while index < len(people) and people[index][0] < sentence.end():
            found.append(people[index])
            index += 1
        if found and len({p[2].key for p in found}) == 1 and not tracker.genders.get(found[0][2].key):
            tail = text[found[0][1]:sentence.end()]
            male, female = len(_MALE_PRONOUN.findall(tail)), len(_FEMALE_PRONOUN.findall(tail))
            if male != female:
                tracker.learn_gender(found[0][2].key, int(male > female), int(female > male))
        if index >= len(people):
            return
