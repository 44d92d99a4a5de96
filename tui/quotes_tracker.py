"""The mention tracker: resolves "he", "she", "it" and lone surnames to the names before them.

It remembers every mention in reading order, maps surnames to the full name
seen last, learns genders from titles, first names and the pronouns that
follow a lone name, and resolves a pronoun to the nearest fitting subject or
speaker before it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from tui.quotes_entities import KNOWN_SUBJECT, Entity
from tui.quotes_lexicon import SOCIAL

_POS = attrgetter("pos")
# In characters of distance: what being no subject, or of unknown gender, costs a candidate antecedent.
ROLE_PENALTY = 600
GENDER_PENALTY = 150
# A name of unknown kind that speaks ("Halvard Maritime said") may be the "it" that speaks next.
UNSURE_ORG_PENALTY = 200
MAX_CANDIDATES = 40
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
        kind = entity.kind
        if kind == "person":
            key = self._person_key(entity)
            name = self.names.get(key)
            if name is None or len(entity.name) > len(name):
                name = self.names[key] = entity.name
            if entity.gender:
                self.genders.setdefault(key, entity.gender)
            persons = self.persons
            if role == KNOWN_SUBJECT:
                role = 1 if key in persons else 0
            if entity.weak and key not in persons and role < 1:
                return name
            persons.add(key)
        else:
            key = entity.key
            name = self.names.setdefault(key, entity.name)
        self._insert(Mention(pos, key, kind, role))
        return name

    def _person_key(self, entity: Entity) -> str:
        """Full names are their own key; a lone surname joins the latest full name of that gender."""
        # Person keys are words joined by single spaces ("jane doe"): the surname is after the last one.
        _, space, surname = entity.key.rpartition(" ")
        if space:
            keys = self.surnames.get(surname)
            if keys is None:
                self.surnames[surname] = [entity.key]
            elif keys[-1] != entity.key:  # the latest already: nothing to move
                if entity.key in keys:
                    keys.remove(entity.key)
                keys.append(entity.key)
            return entity.key
        for key in reversed(self.surnames.get(surname, ())):
            known = self.gender(key)
            if not entity.gender or not known or known == entity.gender:
                return key
        return entity.key

    def _insert(self, mention: Mention) -> None:
        """Keep mentions in text order (a speaker found after the names of its paragraph goes back in)."""
        mentions, pos = self.mentions, mention.pos
        at = len(mentions)
        # A speaker goes back past the few names of its own paragraph at most: a walk from the end costs
        # less than a bisection that reads the position of a dozen mentions.
        while at and mentions[at - 1].pos > pos:
            at -= 1
        mentions.insert(at, mention)

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
            unsure = False
            if mention.kind != want:
                unsure = want == "org" and self._maybe_org(mention.key)
                if not unsure:
                    continue
            elif want == "person" and mention.key not in persons:
                continue
            elif want == "org" and mention.key in SOCIAL:
                continue  # "on its Facebook page": the medium, never the one who speaks
            known = self.gender(mention.key) if want == "person" else ""
            if gender and known and known != gender:
                continue
            if known:
                known_keys.add(mention.key)
            score = distance + (0 if mention.role >= 1 else ROLE_PENALTY) + \
                (GENDER_PENALTY if gender and not known else 0) + (UNSURE_ORG_PENALTY if unsure else 0)
            if best_score is None or score < best_score:
                best, best_score = mention.key, score
        return best, bool(known_keys - {best})

    def _maybe_org(self, key: str) -> bool:
        """A name taken for a person that nothing marks as one: no known gender, several words."""
        return key in self.persons and not self.gender(key) and " " in key

    def nearest_org(self, head: str, pos: int, window: int) -> str | None:
        """The nearest organisation before ``pos`` whose name holds ``head`` ("agency")."""
        for mention in self.earlier(pos):
            if mention.pos < pos - window:
                break
            if mention.kind == "org" and head in mention.key.split():
                return self.names[mention.key]
        return None
