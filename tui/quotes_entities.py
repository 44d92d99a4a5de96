"""A light-weight named-entity finder and the mention tracker that resolves "he", "she" and "it".

Names are runs of capitalised words; titles ("Sen.", "President", "Mr.") are
stripped, organisation words ("Department", "Times", "Party") make a run an
organisation, places are dropped. The tracker remembers every mention in
reading order, maps surnames to the full name seen last, learns genders from
titles, first names and the pronouns that follow a lone name, and resolves a
pronoun to the nearest fitting subject or speaker before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from tui.quotes_lexicon import (CAP_STOP, FEMALE_NAMES, MALE_NAMES, NON_PERSONS, ORG_WORDS, OUTLETS, PLACES,
                                SOCIAL, TITLES)
from tui.reporting_verbs import FORMS

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Govs?|Gen|Lt|Col|Sgt|Capt|Rev|St|Jr|Sr|Prof|Adm|Maj|Cmdr|Atty|Supt|Pres|Ft|Mt)\."
_TOKEN = rf"(?:{_ABBR}|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w’'\-]*\w|[A-Z])"
_CONNECT = r"(?:(?:de|van|von|der|den|bin|al|da|del|la|le|di|du|dos)\s+)?"
NAME = rf"(?<![\w’'\-])(?=[A-Z]){_TOKEN}(?:[ \u00a0]+{_CONNECT}{_TOKEN}){{0,5}}"
NAME_RE = re.compile(NAME)
# One pass finds names and subject pronouns; the lookahead lets the engine skip most positions fast.
# A lone capitalised stop word ("The", "Monday") is skipped inside the engine, where it costs least.
_LONE_STOP = "|".join(sorted({w.capitalize() for w in CAP_STOP if w.isalpha() and w not in ("he", "she")},
                             key=len, reverse=True))
_NAME_OR_PRONOUN = re.compile(
    rf"(?<![\w’'\-])(?=[A-Zhs])(?!(?:{_LONE_STOP})\b(?![ \u00a0]+[A-Z]))"
    rf"(?:(?P<pron>(?:[Hh]e|[Ss]he)\b)|{_TOKEN}(?:[ \u00a0]+{_CONNECT}{_TOKEN}){{0,5}})")
_ORG_TAIL = re.compile(r"\s+(?:of|on|for|of\s+the|for\s+the|on\s+the)\s+")
_NEXT_WORD = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_AUXILIARIES = frozenset("has had have is was were are will would could can may might should must did does do "
                         "also then later never not".split())
_IRREGULAR_PAST = frozenset("""made went took gave got came knew saw became began left felt kept held brought ran met
paid sent spent stood lost won led heard meant set sat let found built bought caught fought taught sought drove
rose fell grew threw chose spoke wore broke forgot hid shook stole struck swore understood wrote""".split())
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
_NOT_VERBS = frozenset("is as has was its this his us thus bus news plus status less unless".split())
_INTRO_TAIL = re.compile(r"(?:^|[.!?:;][\"”’]?\s+)(?:But|And|So|Yet|Still|Now|Then|Also|However|Meanwhile|"
                         r"Later|Instead|Earlier),?$")
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
        rest = [w for w in lowered[i + 1:] if w not in _SUFFIX]
        if lowered[i] in TITLES and rest and lowered[i + 1] not in TITLES \
                and not any(w in ORG_WORDS for w in rest):
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


_POS = attrgetter("pos")
# In characters of distance: what being no subject, or of unknown gender, costs a candidate antecedent.
ROLE_PENALTY = 600
GENDER_PENALTY = 150
MAX_CANDIDATES = 40
_PRONOUN_HINTS = (" he ", " she ", "He ", "She ", "himself", "herself", " he,", " she,")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


@dataclass(slots=True)
class Mention:
    pos: int
    key: str
    kind: str
    role: int  # 0 other, 1 subject, 2 speaker


class Tracker:
    """Mentions in reading order, with what is known of each entity."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.names: dict[str, str] = {}
        self.genders: dict[str, str] = {}
        self.votes: dict[str, list[int]] = {}
        self.persons: set[str] = set()
        self.surnames: dict[str, list[str]] = {}

    def add(self, entity: Entity, pos: int, role: int) -> str:
        """Record a mention; returns the name to show for it (the fullest form seen so far)."""
        key = entity.key
        if entity.kind == "person":
            key = self._person_key(entity)
            if key not in self.names or len(entity.name) > len(self.names[key]):
                self.names[key] = entity.name
            if entity.gender:
                self.genders.setdefault(key, entity.gender)
            if entity.weak and key not in self.persons and role < 1:
                return self.names[key]
            self.persons.add(key)
        else:
            self.names.setdefault(key, entity.name)
        self._insert(Mention(pos, key, entity.kind, role))
        return self.names[key]

    def _person_key(self, entity: Entity) -> str:
        """Full names are their own key; a lone surname joins the latest full name of that gender."""
        words = entity.key.split()
        surname = words[-1]
        if len(words) > 1:
            keys = self.surnames.setdefault(surname, [])
            if entity.key in keys:
                keys.remove(entity.key)
            keys.append(entity.key)
            return entity.key
        for key in reversed(self.surnames.get(surname, [])):
            known = self.gender(key)
            if not entity.gender or not known or known == entity.gender:
                return key
        return entity.key

    def _insert(self, mention: Mention) -> None:
        """Keep mentions in text order (a speaker found after the names of its paragraph goes back in)."""
        if not self.mentions or self.mentions[-1].pos <= mention.pos:
            self.mentions.append(mention)
        else:
            insort(self.mentions, mention, key=_POS)

    def earlier(self, pos: int) -> Iterator[Mention]:
        """Mentions before ``pos``, nearest first."""
        index = bisect_left(self.mentions, pos, key=_POS)
        for i in range(index - 1, -1, -1):
            yield self.mentions[i]

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def gender(self, key: str) -> str:
        known = self.genders.get(key)
        if known is not None:
            return known
        votes = self.votes.get(key)
        if votes is None or votes[0] == votes[1]:
            return ""
        return "m" if votes[0] > votes[1] else "f"

    def learn_gender(self, key: str, male: int, female: int) -> None:
        votes = self.votes.setdefault(key, [0, 0])
        votes[0] += male
        votes[1] += female

    def resolve(self, pronoun: str, pos: int, window: int) -> str | None:
        """The name a pronoun stands for: the nearest fitting subject or speaker before ``pos``."""
        key = self._antecedent(pronoun.lower(), pos, window)[0]
        return self.names[key] if key else None

    def refer(self, pronoun: str, pos: int, window: int, role: int = 1) -> str | None:
        """Resolve a pronoun and record it as a mention of what it stands for (a chain of "he"s)."""
        word = pronoun.lower()
        key, rival = self._antecedent(word, pos, window)
        if key is None:
            return None
        if word in ("he", "she") and not self.gender(key) and not rival:
            # What "she" was taken to mean tells the gender of a name no list knows, when no one else
            # known to fit was in reach.
            self.learn_gender(key, int(word == "he"), int(word == "she"))
        kind = "person" if key in self.persons else "org"
        self._insert(Mention(pos, key, kind, role))
        return self.names[key]

    def _antecedent(self, word: str, pos: int, window: int) -> tuple[str | None, bool]:
        """Key of the best candidate (nearest first, subjects and speakers before other mentions, a known
        matching gender before an unknown one), and whether another candidate of known fitting gender was
        in reach (no farther than the best one's score). At most ``MAX_CANDIDATES`` mentions are looked
        at, so that a long text stays linear."""
        want = "org" if word in ("it", "its", "they", "them", "their") else "person"
        gender = _PRONOUN_GENDER.get(word, "")
        best, best_score, known_keys = None, None, set()
        mentions, persons = self.mentions, self.persons
        index = bisect_left(mentions, pos, key=_POS)
        for i in range(index - 1, max(-1, index - 1 - MAX_CANDIDATES), -1):
            mention = mentions[i]
            distance = pos - mention.pos
            if distance > window or (best_score is not None and distance > best_score):
                break
            if mention.kind != want or (want == "person" and mention.key not in persons):
                continue
            known = self.gender(mention.key) if want == "person" else ""
            if gender and known and known != gender:
                continue
            if known:
                known_keys.add(mention.key)
            score = distance + (0 if mention.role >= 1 else ROLE_PENALTY) + \
                (GENDER_PENALTY if gender and not known else 0)
            if best_score is None or score < best_score:
                best, best_score = mention.key, score
        return best, bool(known_keys - {best})

    def nearest_org(self, head: str, pos: int, window: int) -> str | None:
        """The nearest organisation before ``pos`` whose name holds ``head`` ("agency")."""
        for mention in self.earlier(pos):
            if mention.pos < pos - window:
                break
            if mention.kind == "org" and head in mention.key.split():
                return self.names[mention.key]
        return None


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
            pronoun = m.group("pron")
            if pronoun:
                if _followed_by_verb(text, end):
                    found.append((start, end, pronoun.lower(), 1))
                continue
            if start - last_org_end < 12 and org_tail(text, last_org_end, start):
                continue  # "Commission on Presidential Debates": the tail of the organisation before
            surface = m.group()
            entity = classify(surface, text[max(0, start - 4):start] == "the ")
            if entity is None:
                continue
            if entity.kind == "org":
                last_org_end = end
            if surface[-2:] in ("’s", "'s"):
                role = 0  # a possessive is no subject
            else:
                role = 1 if _followed_by_verb(text, end) or _starts_clause(text, start) or _after_verb(text, start) \
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


def _followed_by_verb(text: str, end: int) -> bool:
    """Whether the word after a name looks like its verb ("Smith said", "Smith has", "Smith walked")."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    word = m.group(1)
    return word in _AUXILIARIES or word in FORMS or word in _IRREGULAR_PAST or word.endswith("ed") or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _NOT_VERBS)


def _after_verb(text: str, start: int) -> bool:
    """Whether a reporting verb stands right before a name (", noted NBC's Jane Doe")."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return m is not None and m.group(1) in FORMS


def _starts_clause(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its sentence (after an optional "But", "And" ...)."""
    prefix = text[max(0, start - 24):start].rstrip()
    if not prefix:
        return start < 24
    if prefix[-1] in ".!?:;\"”":
        return True
    return _INTRO_TAIL.search(prefix) is not None


def learn_genders(tracker: Tracker, text: str, names: list[tuple[int, int, Entity | str, int]]) -> None:
    """Vote a gender for a person who is the only one named in a sentence that then says he or she."""
    if not any(word in text for word in _PRONOUN_HINTS):
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
