"""Quoted sources: direct quotations with their speakers, and the sources a text cites.

The pipeline, in reading order: find the quotation pieces of each paragraph
(:mod:`tui.quotes_spans`), record the names outside quotations
(:mod:`tui.quotes_entities`), find each quotation's attribution
(:mod:`tui.quotes_attrib`), resolve pronouns and references to the names
recorded before them, and tell real quotations from scare-quoted terms and
titles. Sources come from :mod:`tui.sources`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tui import quotes_attrib as attrib
from tui.document import Paragraph
from tui.gc_pause import cyclic_gc_paused
from tui.quotes_attrib import Attribution
from tui.quotes_entities import NAME_RE, Entity, classify, learn_genders, scan_names, texts_naming_genders
from tui.quotes_kinds import quote_kind
from tui.quotes_spans import Piece, find_pieces
from tui.quotes_tracker import Tracker
from tui.sources import extract_sources

# How far back (in characters) a pronoun looks for the one it stands for.
WINDOW = 6000
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}
_FIRST_PERSON = {"i", "we", "me", "us"}
# Heads of references that stand for an organisation named before ("the agency added").
_ORG_HEADS = {"agency", "ministry", "department", "company", "campaign", "committee", "group", "organization",
              "organisation", "board", "commission", "government", "administration", "office", "court", "council",
              "party", "union", "firm", "bank", "network", "newspaper", "paper", "outlet", "magazine", "station",
              "institute", "foundation", "center", "centre", "service", "bureau", "university", "team"}
_OUTLET_HEADS = {"newspaper", "paper", "outlet", "magazine", "station", "network"}
_OUTLET_KEYS = re.compile(r"\b(?:times|post|news|journal|tribune|herald|gazette|press|daily|magazine|cnn|nbc|abc|"
                          r"cbs|fox|msnbc|npr|reuters|bloomberg|politico|ap|bbc|guardian|wire|usa today)\b")
_LEADING_STOP = re.compile(r"^(?:With|And|But|So|In|On|At|As|For|From|After|Before|When|While|Then)\s+")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def _context_after(text: str, piece: Piece, nxt: Piece | None) -> str:
    stop = nxt.open_at if nxt else len(text)
    return text[piece.close_at + 1:stop] if piece.closed else ""


def _context_before(text: str, piece: Piece, prev: Piece | None) -> str:
    return text[(prev.close_at + 1) if prev else 0:piece.open_at]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans (quotations) blanked out, offsets unchanged."""
    if not spans:
        return text
    parts, low = [], 0
    for start, end in spans:
        parts.append(text[low:start])
        parts.append(" " * (end - start))
        low = end
    parts.append(text[low:])
    return "".join(parts)


def _chains(pieces: list[list[Piece]], texts: list[str]) -> list[list[Piece]]:
    """Pieces grouped into quotations: a quotation that runs over paragraphs is one chain."""
    chains: list[list[Piece]] = []
    for row in pieces:
        for piece in row:
            if piece.continued and chains and chains[-1][-1].continues \
                    and not attrib.label(texts[piece.paragraph][piece.start:piece.end]):
                chains[-1].append(piece)
            else:
                chains.append([piece])
    return chains


class _Extractor:
    """The state of one pass over a document."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        # Boilerplate ("Follow us on Twitter") quotes no one and cites nothing.
        self.texts = ["" if p.kind == "boilerplate" else p.text for p in paragraphs]
        self.bases = []
        total = 0
        for text in self.texts:
            self.bases.append(total)
            total += len(text) + 2
        self.tracker = Tracker()
        self.pieces = find_pieces(self.texts)
        # The speaker of the last quotation of each paragraph, for the quotations without a cue after it.
        self.last_speaker: dict[int, str | None] = {}
        self.names: list[list] = []
        self.gendered = texts_naming_genders(self.texts)

    def run(self) -> list[dict]:
        quotes: list[dict] = []
        chains = _chains(self.pieces, self.texts)
        by_end: dict[int, list[list[Piece]]] = {}
        for chain in chains:
            by_end.setdefault(chain[-1].paragraph, []).append(chain)
        for index, text in enumerate(self.texts):
            self._record_names(index, text)
            for chain in by_end.get(index, []):
                quotes.append(self._quote(chain))
        quotes.sort(key=lambda q: (q["paragraph"], q["_start"]))
        for q in quotes:
            del q["_start"]
        return quotes

    def _record_names(self, index: int, text: str) -> None:
        skip = [(p.open_at, p.close_at + 1) for p in self.pieces[index]]
        names = scan_names(text, skip)
        self.names.append(names)
        base = self.bases[index]
        for start, _end, entity, role in names:
            if isinstance(entity, str):
                self.tracker.refer(entity, base + start, WINDOW)
            else:
                self.tracker.add(entity, base + start, role)
        if index in self.gendered:  # the blanked copy is made only when it may teach something
            learn_genders(self.tracker, _blank(text, skip), names)

    def _neighbours(self, piece: Piece) -> tuple[Piece | None, Piece | None]:
        row = self.pieces[piece.paragraph]
        at = piece.order
        return (row[at - 1] if at else None), (row[at + 1] if at + 1 < len(row) else None)

    def _attribution(self, chain: list[Piece]) -> tuple[Attribution | None, int, str]:
        """The attribution of a quotation, the position of its speaker phrase, and the text before it."""
        first, last = chain[0], chain[-1]
        first_text, last_text = self.texts[first.paragraph], self.texts[last.paragraph]
        prev, _ = self._neighbours(first)
        _, nxt = self._neighbours(last)
        before_text = _context_before(first_text, first, prev)
        found = attrib.label(first_text[first.start:first.end])
        if found:
            return found, self.bases[first.paragraph] + first.start, before_text
        found = attrib.after(_context_after(last_text, last, nxt), last_text[last.start:last.end])
        if found:
            return found, self.bases[last.paragraph] + last.close_at, before_text
        found = attrib.before(before_text)
        if found:
            return found, self.bases[first.paragraph] + first.open_at, before_text
        if not before_text.strip() and first.paragraph > 0:
            found = attrib.colon_intro(self.texts[first.paragraph - 1])
            if found:
                return found, self.bases[first.paragraph] - 2, before_text
        return None, self.bases[first.paragraph] + first.open_at, before_text

    def _quote(self, chain: list[Piece]) -> dict:
        first = chain[0]
        text = self._joined(chain)
        found, pos, before_text = self._attribution(chain)
        speaker, resolved_from, cue = None, None, None
        if found:
            speaker, resolved_from = self._speaker(found.speaker, pos, found.appositive)
            cue = found.cue
        else:
            speaker, cue = self._inherited(first)
        kind = quote_kind(text, before_text, found)
        for piece in chain:
            self.last_speaker[piece.paragraph] = speaker
        index = self.paragraphs
        return {"text": text, "speaker": speaker, "cue": cue, "kind": kind, "paragraph": index[first.paragraph].index,
                "paragraphs": sorted({index[p.paragraph].index for p in chain}),
                "speaker_resolved_from": resolved_from, "_start": first.start}

    def _joined(self, chain: list[Piece]) -> str:
        parts = []
        for piece in chain:
            text = self.texts[piece.paragraph]
            # A reopened paragraph keeps its opening mark so that the text is found as written.
            parts.append((text[piece.open_at] if parts else "") + text[piece.start:piece.end])
        return "\n\n".join(parts)

    def _inherited(self, piece: Piece) -> tuple[str | None, str | None]:
        """A quotation without a cue keeps the speaker of the one before it in the paragraph, or of the
        paragraph before when this one opens with the quotation (the news convention for long quotes)."""
        prev, _ = self._neighbours(piece)
        if prev is not None:
            return self.last_speaker.get(piece.paragraph), None
        text = self.texts[piece.paragraph]
        if piece.paragraph > 0 and not text[:piece.open_at].strip():
            got = self.last_speaker.get(piece.paragraph - 1)
            prev_text = self.texts[piece.paragraph - 1].rstrip()
            if got and prev_text[-1:] in ".\"”’" and self.pieces[piece.paragraph - 1]:
                return got, None
        return None, None

    def _speaker(self, phrase: str, pos: int, appositive: str = "") -> tuple[str | None, str | None]:
        """The name a speaker phrase stands for, and the pronoun or reference it was resolved from."""
        low = phrase.lower()
        if low in _PRONOUNS:
            return self.tracker.refer(low, pos, WINDOW, role=2), phrase
        if low in _FIRST_PERSON:
            return None, None
        phrase, person, org, described = _phrase_names(phrase)
        if person is None or person.weak:
            # "The Shadow Secretary for the Family, Theresa May, said": the name is in the appositive.
            named = _appositive_person(appositive)
            if named is not None:
                return self.tracker.add(named, pos, 2), None
        entity = person or org
        if entity is not None and not described:
            return self.tracker.add(entity, pos, 2), None
        # A description ("the New York businessman", "Richmond police") is shown as written.
        return self._reference(_LEADING_STOP.sub("", phrase), pos)

    def _reference(self, phrase: str, pos: int) -> tuple[str | None, str | None]:
        words = phrase.lower().split()
        head = words[-1] if words else ""
        if words and words[0] in ("the", "its") and head in _ORG_HEADS:
            if head in _OUTLET_HEADS:
                found = self._nearest_outlet(pos)
            else:
                found = self.tracker.nearest_org(head, pos, WINDOW)
            if found:
                return found, phrase
        return phrase, None

    def _nearest_outlet(self, pos: int) -> str | None:
        for mention in self.tracker.earlier(pos):
            if mention.pos < pos - WINDOW:
                break
            if mention.kind == "org" and _OUTLET_KEYS.search(mention.key):
                return self.tracker.name(mention.key)
        return None


# Speaker phrases come back again and again ("Smith", "a spokesman"): what they name is worked out once.
@lru_cache(maxsize=4096)
def _phrase_names(phrase: str) -> tuple[str, Entity | None, Entity | None, bool]:
    """A speaker phrase without its parentheses, the person it names (the last one), the organisation
    named before any person, and whether it ends as a description ("the New York businessman")."""
    person, org = None, None
    phrase = _PARENTHESES.sub("", phrase)
    for m in NAME_RE.finditer(phrase):
        if phrase[m.end():m.end() + 2] in ("’s", "'s") or m.group()[-2:] in ("’s", "'s"):
            continue  # "Obama's former strategist" is not Obama
        entity = classify(m.group(), phrase[max(0, m.start() - 4):m.start()].lower() == "the ")
        if entity is None:
            continue
        if entity.kind == "person":
            person = entity
        elif person is None:
            org = entity
    words = phrase.split()
    return phrase, person, org, len(words) > 1 and words[-1][:1].islower()


@lru_cache(maxsize=4096)
def _appositive_person(appositive: str) -> Entity | None:
    """The first person an appositive (", Theresa May,") names for sure, if any."""
    named = [e for e in map(classify, NAME_RE.findall(_PARENTHESES.sub("", appositive)))
             if e is not None and e.kind == "person" and not e.weak]
    return named[0] if named else None


def extract_quotes(paragraphs: Sequence[Paragraph]) -> tuple[list[dict], list[dict]]:
    """(quotes, sources) of the analyze contract, with the extra fields ``paragraphs`` and
    ``speaker_resolved_from`` on quotes and ``paragraphs`` and ``kind`` on sources."""
    with cyclic_gc_paused():
        extractor = _Extractor(paragraphs)
        quotes = extractor.run()
        return quotes, extract_sources(paragraphs, extractor.names)
