"""Sources a text cites: outlets, organisations, documents and social media.

"a Reuters report published March 3", "the Financial Times reported", "said on
its Facebook page", "she wrote on Bluesky", "according to the AP", "the health
ministry reported". People are speakers, not sources, so a cited person is left
out. Each source is listed once, with every paragraph that cites it.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from tui.document import Paragraph
from tui.quotes_entities import NAME, classify, scan_names
from tui.quotes_lexicon import CAP_STOP, OUTLETS, SOCIAL

_EMPH = r"[*_]{0,2}"
# A name, with the "of Energy" that completes an organisation's name.
_ORG_NAME = rf"(?:{NAME}(?:\s+(?:of|for|on)\s+(?:the\s+)?{NAME})?)"
_ORG_HEADS = r"(?:ministry|department|agency|office|bureau|commission|committee|council|court|police|government|" \
             r"administration|authority|authorities|company|firm|campaign|party|union|institute|foundation|" \
             r"service|board|regulator|newspaper|network|broadcaster|station|magazine|paper|outlet|agency)"
_ORG_PHRASE_REST = rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}{_ORG_HEADS}(?:\s+of\s+{NAME})?"
_ORG_PHRASE = rf"(?:[Tt]he{_ORG_PHRASE_REST})"
_DOC_HEADS = r"(?:report|article|story|investigation|analysis|poll|survey|study|editorial|op-ed|column|piece|" \
             r"interview|broadcast|review|document|documents|filing|filings|memo|statement|release|letter|" \
             r"records|data|figures|estimate|estimates|audit|ruling|transcript|video|post|tweet|podcast|documentary)"
_SOURCE_VERBS = r"(?:reported|reports|has\s+reported|had\s+reported|first\s+reported|has\s+learned|learned|" \
                r"revealed|reveals|published|publishes|found|finds|said|says|announced|announces|confirmed|" \
                r"confirms|estimated|estimates|stated|states|wrote|writes|noted|notes|disclosed|obtained)"
_PLATFORMS = ("Facebook", "Twitter", "X", "Bluesky", "Instagram", "YouTube", "TikTok", "Truth Social", "Threads",
              "LinkedIn", "Telegram", "Reddit", "Mastodon", "Substack", "Snapchat", "Weibo")
_SOCIAL_NAMES = "(?:" + "|".join(name.replace(" ", r"\s+") for name in _PLATFORMS) + ")"
# The first word of each platform's name: a match of _SOCIAL can only start where one of them is written.
_PLATFORM_STARTS = tuple(name.split()[0] for name in _PLATFORMS)

# Patterns that open with a literal ("ccording") let the regex engine skip ahead fast.
_ACCORDING = re.compile(rf"ccording\s+to\s+(?P<phrase>(?:the\s+|an?\s+)?{_EMPH}(?P<src>{_ORG_NAME}|"
                        rf"(?:[a-z][\w\-]*\s+){{0,3}}{_DOC_HEADS}\b(?:\s+(?:from|by|of)\s+(?:the\s+)?{NAME})?|"
                        rf"(?:[a-z][\w\-]*\s+){{0,2}}{_ORG_HEADS}\b){_EMPH})")
# Checked around each name the entity finder found: "<name> reported", "a <name> report", "told <name>".
_AFTER_NAME_VERB = re.compile(rf"{_EMPH}\s+{_SOURCE_VERBS}\b")
_AFTER_NAME_DOC = re.compile(rf"{_EMPH}\s+{_DOC_HEADS}\b(?:\s+(?:published|released|issued|dated|from|on|last)"
                             r"\s+[\w ,]{0,30}?\d{1,4})?")
_ORG_TAIL_NAME = re.compile(rf"\s+(?:of|for|on)\s+(?:the\s+)?(?P<tail>{NAME})")
_BEFORE_DOC = re.compile(r"(?:\b[Aa]n?|\b[Tt]he)\s+[*_]{0,2}$")
_THE_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?[*_]{0,2}$")
_ARTICLE = re.compile(r"(?:A|An|The)\s+")
_BEFORE_TOLD = re.compile(r"(?:\b(?:told|tells|said\s+to)|\bin\s+an?\s+(?:interview|op-ed|article|column|essay|"
                          r"appearance)\s+(?:with|for|in|on))\s+(?:[Tt]he\s+)?[*_]{0,2}$")
# "the health ministry said". The pattern opens on the "he" of "the", one character into the phrase: a
# literal lets the engine skip ahead fast, where the class [Tt] would stop it on every t. (A match cannot
# end on a "t", so the one before the next "he" is never inside it.)
_ORG_VERB = re.compile(rf"he(?<=[Tt]he){_ORG_PHRASE_REST}(?P<verb>\s+{_SOURCE_VERBS})\b")
# "from the ministry", "by Reuters": one pattern per word, as a pattern that opens with a fixed word lets
# the engine skip ahead fast, where "(?:from|by)" stops it on every f and b.
_DOC_SOURCE = rf"\s+(?P<src>(?:the\s+)?{_ORG_NAME}|{_ORG_PHRASE})"
_DOC_FROM, _DOC_BY = re.compile("from" + _DOC_SOURCE), re.compile("by" + _DOC_SOURCE)
_DOC_BEFORE = re.compile(rf"\b(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+)?{_DOC_HEADS}\s+"
                         r"(?:released\s+|issued\s+|published\s+)?$")
_SOCIAL = re.compile(rf"(?P<src>{_SOCIAL_NAMES})\b(?:\s+(?:page|account|feed|post|channel|profile|video|story))?")
_SOCIAL_BEFORE = re.compile(r"\b(?:on|to|via)\s+(?:(?:its|his|her|their|the|an?)\s+)?(?:official\s+)?$")
_OUTLET_WORDS = re.compile(r"\b(?:times|post|news|journal|tribune|herald|gazette|press|daily|magazine|review|"
                           r"radio|television|tv|channel|network|wire|report|chronicle|observer|telegraph|"
                           r"guardian|economist|examiner|inquirer|monitor|today|atlantic|newspaper|broadcaster|"
                           r"paper|outlet|station)\b")
_DOC_WORD = re.compile(rf"\b{_DOC_HEADS}$")
_DOC_ANYWHERE = re.compile(rf"\b{_DOC_HEADS}\b")
_LEAD_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _kind(name: str, key: str) -> str:
    if key in SOCIAL or key.replace(" ", "") in SOCIAL:
        return "social"
    if key in OUTLETS or _OUTLET_WORDS.search(key):
        return "outlet"
    if _DOC_WORD.search(key):
        return "document"
    return "organisation"


@lru_cache(maxsize=8192)
def _named(src: str) -> tuple[str, str] | None:
    """(name, kind) of a capitalised source, or None for a person or a non-name."""
    src = src.strip("*_ ")
    entity = classify(src)
    if entity is None:
        return None
    if entity.kind == "person":
        # An outlet named like a person ("Bloomberg") is still an outlet when the lexicon knows it.
        if entity.key in OUTLETS or entity.key in SOCIAL:
            return entity.name, _kind(entity.name, entity.key)
        return None
    return entity.name, _kind(entity.name, entity.key)


@lru_cache(maxsize=8192)
def _phrase(src: str) -> tuple[str, str]:
    """A lowercase source phrase ("the health ministry", "the report") as it is written."""
    name = " ".join(src.split())
    if name.startswith(("The ", "A ", "An ")):
        name = name[0].lower() + name[1:]  # "The city council" opened its sentence: "the city council"
    return name, "document" if _DOC_ANYWHERE.search(name) else _kind(name, _LEAD_THE.sub("", name.lower()))


@lru_cache(maxsize=8192)
def _source_key(name: str) -> str:
    """What names one source however it is written ("The Times" and "the Times" are one)."""
    return _LEAD_THE.sub("", name.lower())


def _around_names(text: str, names: list) -> list[tuple[str, str, str]]:
    """Sources among the names of a paragraph, by the words around them."""
    found = []
    for start, end, entity, _role in names:
        if isinstance(entity, str):
            continue
        if entity.kind == "person" and entity.key not in OUTLETS and entity.key not in SOCIAL:
            continue
        tail = _ORG_TAIL_NAME.match(text, end)
        if tail and all(w.lower().strip(".,") in CAP_STOP for w in tail.group("tail").split()):
            tail = None  # "Huffington Post on Thursday": a day, not the rest of the name
        full_end = tail.end() if tail and entity.kind == "org" else end
        name = text[start:full_end] if full_end != end else entity.name
        named = _named(name)
        if not named:
            continue
        head = text[max(0, start - 40):start]
        article = _ARTICLE.match(text, start, end)
        if article:  # the name run took a sentence-initial "A" or "The" with it
            head, start = head + article.group(), article.end()
        verb = _AFTER_NAME_VERB.match(text, full_end)
        doc = _AFTER_NAME_DOC.match(text, full_end)
        lead = _BEFORE_DOC.search(head) if doc else None
        if doc and lead:
            found.append((*named, head[lead.start():] + text[start:doc.end()]))
        elif verb:
            found.append((*named, head[_the_before(head):] + text[start:verb.end()]))
        else:
            told = _BEFORE_TOLD.search(head)
            if told:
                found.append((*named, head[told.start():] + text[start:full_end]))
    return found


def _the_before(head: str) -> int:
    """Where a "the" and emphasis marks that end ``head`` start, as :data:`_THE_BEFORE` finds them.

    The match can only start on the "the" that ends the text before its spaces and marks, or after
    it: the search starts there, instead of trying every position of the head.
    """
    end = len(head)
    while end and (head[end - 1].isspace() or head[end - 1] in "*_"):
        end -= 1
    return _THE_BEFORE.search(head, max(0, end - 3)).start()


_PUBLISHING = frozenset({"released", "issued", "published"})


def _doc_before(text: str, at: int) -> re.Match | None:
    """The document named right before ``at`` ("a report published by"), as :data:`_DOC_BEFORE` finds it.

    The pattern ends with the document word, so the last word (or the one before "released") is
    tested first: searching every position of the window costs far more, and most "by"s have no document.
    """
    if not at or not text[at - 1].isspace():
        return None
    words = text[max(0, at - 50):at].rsplit(None, 2)  # the last two words are all it needs
    if not words:
        return None
    head = words[-2] if words[-1] in _PUBLISHING and len(words) > 1 else words[-1]
    if not _DOC_WORD.search(head):
        return None
    return _DOC_BEFORE.search(text, max(0, at - 50), at)


def _from_or_by(text: str) -> Iterator[re.Match]:
    """The matches of both :data:`_DOC_FROM` and :data:`_DOC_BY` in text order, none inside another: what
    one pattern for "from" or "by" would find."""
    end = 0
    for m in heapq.merge(_DOC_FROM.finditer(text), _DOC_BY.finditer(text), key=re.Match.start):
        if m.start() >= end:
            end = m.end()
            yield m


def _social_mentions(text: str) -> Iterator[re.Match]:
    """The matches of :data:`_SOCIAL` in ``text``, as its ``finditer`` finds them.

    A platform's name is a literal, so ``str.find`` finds where a match may start far faster than the
    regex engine, which stops on every capital that opens one of the names ("The", "Mr").
    """
    starts = []
    for word in _PLATFORM_STARTS:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end and (m := _SOCIAL.match(text, at)) is not None:
            end = m.end()
            yield m


def _by_patterns(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(offset, name, kind, phrase) of the sources that the fixed patterns find in ``text``."""
    for m in _social_mentions(text):
        lead = _SOCIAL_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if lead:
            yield lead.start(), " ".join(m.group("src").split()), "social", text[lead.start():m.end()]
    for m in _ACCORDING.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in "Aa" or (m.start() > 1 and text[m.start() - 2].isalnum()):
            continue
        src = m.group("src")
        if m.group("phrase").strip("*_ ") == src.strip("*_ ") and " " not in src.strip() and _DOC_WORD.search(src):
            continue  # "according to figures": no one is named, so nothing is cited
        named = _named(src) if src[:1].isupper() else _phrase(m.group("phrase"))
        if named:
            yield m.start() - 1, *named, text[m.start() - 1:m.end()]
    for m in _ORG_VERB.finditer(text):
        start = m.start() - 1  # the "T" of "The"
        yield start, *_phrase(text[start:m.start("verb")]), text[start:m.end()]
    for m in _from_or_by(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        lead = _doc_before(text, m.start())
        if not lead:
            continue
        src = m.group("src")
        capitalised = src[:1].isupper() or (src.startswith("the ") and src[4:5].isupper())
        named = _named(_LEAD_THE.sub("", src)) if capitalised else _phrase(src)
        if named:
            yield lead.start(), *named, text[lead.start():m.end()]


def extract_sources(paragraphs: Sequence[Paragraph], names: Sequence[list] | None = None) -> list[dict]:
    """Cited sources, one per name in order of first citation, with every paragraph that cites it.

    ``names`` are the names of each paragraph as :func:`tui.quotes_entities.scan_names` finds them,
    when the caller has them already; else they are found here.
    """
    texts = ["" if p.kind == "boilerplate" else p.text for p in paragraphs]
    cited: list[list[tuple[str, str, str]]] = [
        _around_names(text, names[i] if names is not None else scan_names(text, [])) for i, text in enumerate(texts)]
    # The fixed patterns run once over the whole text (a NUL between paragraphs stops every match there):
    # one pass of the regex engine costs far less than one per paragraph.
    starts, total = [], 0
    for text in texts:
        starts.append(total)
        total += len(text) + 1
    for offset, name, kind, phrase in _by_patterns("\0".join(texts)):
        cited[bisect_right(starts, offset) - 1].append((name, kind, phrase))
    sources: dict[str, dict] = {}
    for paragraph, found in zip(paragraphs, cited):
        for name, kind, phrase in found:
            key = _source_key(name)
            entry = sources.get(key)
            if entry is None:
                sources[key] = {"name": name, "paragraph": paragraph.index, "text": " ".join(phrase.split()),
                                "paragraphs": [paragraph.index], "kind": kind}
            elif entry["paragraphs"][-1] != paragraph.index:
                entry["paragraphs"].append(paragraph.index)
    return list(sources.values())
