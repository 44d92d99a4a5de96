"""Who said a quotation: the attribution patterns of news English around one quote.

Each function looks at the text just after or just before a quotation and
returns an :class:`Attribution` (the speaker phrase as written and the cue)
or None. Resolving pronouns and surnames is left to the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.quotes_entities import NAME, classify
from tui.reporting_verbs import ALTERNATION, WEAK_BEFORE, lemma_of

_VERB = rf"(?:{ALTERNATION})"
_PRONOUN = r"(?:he|she|it|they|we|I|He|She|It|They|We)"
_MODIFIER = r"(?:(?:[a-z]+ly|has|had|have|would|will|also|later|then|once|previously|did|had\s+been|was|were|" \
            r"is|are|once|again|simply|just|even|further|quickly|had\s+earlier|earlier|often|always|never|now|" \
            r"still|repeatedly|first|famously|reportedly|publicly|privately)\s+){0,2}"
_WORD = r"[\w’'\-.&/]+"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Mm]y|[Oo]ur|[Yy]our|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|" \
              r"[Mm]any|[Bb]oth|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
_NP = rf"(?:{_DETERMINER}\s+(?:{_WORD}\s+){{0,6}}?{_WORD})"
_PAREN = r"(?:\s*\([^()]{1,30}\))?"
# "Richmond police", "White House officials", "campaign spokesman": a name and the group or role it qualifies
_NAMED_GROUP = rf"(?:{NAME}\s+(?:[a-z][\w\-]+\s+){{0,2}}(?:police|officials|spokesman|spokeswoman|spokesperson|"\
               rf"aides?|advisers?|advisors?|officers?|lawyers?|attorneys?|prosecutors?|investigators?|staff|"\
               rf"sources?|representatives?|leaders?|executives?|analysts?|economists?|researchers?|"\
               rf"scientists?|experts?|supporters?|critics?|voters?|residents?|workers?|members?))"
_OWNED = rf"(?:{NAME}[’']s\s+(?:{_WORD}\s+){{0,4}}?[a-z]{_WORD})"
_APPOSITIVE = r"(?P<app>(?:,[^,\"“”]{1,140}){1,3},)?"
_LEAD = r"^[\s,;—–\-]*"
# How far before its verb a speaker phrase may start (a name with a short appositive fits).
_SPEAKER_REACH = 100
_PAST_AS_BASE = {"read", "put"}  # "the statement read": a past tense that looks like the base form
_RELATIVE = {"who", "which", "that", "whom", "whose", "and", "or", "but"}
_PLURAL_SUBJECTS = {"they", "we", "i", "you", "people", "officials", "critics", "supporters", "protesters",
                    "democrats", "republicans", "experts", "analysts", "others", "residents", "voters"}

# "…," he said / "…," Sen. Jane Doe (D-Va.), a leading critic, said / "…," a spokesman said
_AFTER_SPEAKER_VERB = re.compile(
    rf"{_LEAD}(?P<spk>{_PRONOUN}|{_OWNED}|(?:{_WORD}\s+){{0,5}}?{NAME}{_PAREN}|{_NAMED_GROUP}|{_NP}){_APPOSITIVE}"
    rf"\s+{_MODIFIER}(?P<cue>{_VERB})\b")
# "…," said Jane Doe, the agency's director / "…," said a spokesman for the agency
_AFTER_VERB_SPEAKER = re.compile(
    rf"{_LEAD}(?:{_MODIFIER})(?P<cue>{_VERB})\s+(?P<spk>(?:{_WORD}\s+){{0,6}}?{NAME}|{_NP}|{_PRONOUN})")
# "…" ― Jane Doe (a signature after a dash)
_AFTER_DASH = re.compile(rf"^\s*[―—–]\s*(?P<spk>{NAME})")
# "…," read a statement from the agency / "…," according to the ministry
_AFTER_STATEMENT = re.compile(
    rf"{_LEAD}(?:(?P<cue>reads?|said|says|stated|states)\s+(?:a|the|an)\s+(?:joint\s+|brief\s+|written\s+)?"
    rf"(?:statement|release|press\s+release|post|letter|note|tweet|message|email|memo|report|notice)\s+"
    rf"(?:from|by|issued\s+by|released\s+by|signed\s+by|posted\s+by)|(?P<cue2>according)\s+to)\s+"
    rf"(?P<spk>[^,.;:!?\"“”()]{{1,100}})")
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?P<spk>[^,.;:!?\"“”()]{{1,100}})", re.IGNORECASE)
# Jane Doe said: / he told reporters, / the agency wrote on Facebook that
_CUE_WORD = re.compile(rf"\b{_VERB}\b")
_SPEAKER_END = re.compile(
    rf"(?P<spk>{_PRONOUN}|{_OWNED}|(?:{_WORD}\s+){{0,5}}?{NAME}{_PAREN}|{_NAMED_GROUP}|{_NP}){_APPOSITIVE}\s+"
    rf"{_MODIFIER}$")
# Said Jane Doe: / Added the spokesman,
_INVERTED = re.compile(rf"(?:^|[.!?]\s+)(?P<cue>[A-Z][a-z]+)\s+(?P<spk>{NAME}|{_NP})\s*[:,]\s*$")
# the subject of a sentence whose quotation follows a participle ("Trump attacked her, saying, ...")
_SUBJECT = re.compile(rf"(?P<pron>\b(?:He|She|They|he|she|they)\b)|{NAME}")
_REST_OK = re.compile(r"\s*(?:(?:to|on|in|at|during|after|before|with|via|from|for|of|about|,)\b[^:]{0,100}?|"
                      rf"(?:{NAME}|reporters|journalists|supporters|the\s+\w+(?:\s+\w+)?|him|her|them|us|me)"
                      r"(?:\s+(?:on|in|at|during|after|of|about)\b[^:]{0,80}?)?)?\s*(?:[:,]|,?\s*that)?\s*$")
_LABEL = re.compile(r"^(?P<spk>(?:[A-Z][A-Z.’'\-]+)(?:\s+[A-Z][A-Z.’'\-]+){0,2}):\s")
_INTRODUCES = re.compile(r"(?:[:,]|\bthat)\s*$")
_SENTENCE_CUT = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_TRAILING = re.compile(r"\s+(?:to|in|on|at|who|as|after|before|during|when|while|and|but|from|with|said|says)\b.*$")


@dataclass(slots=True)
class Attribution:
    """A speaker phrase as written, its reporting verb, and how it was found."""

    speaker: str
    cue: str | None
    how: str  # after | before | according | label | colon
    adjacent: bool = True  # the cue sits right next to the quotation
    appositive: str = ""  # ", Theresa May," between the speaker phrase and the verb


def _clean(phrase: str) -> str:
    return " ".join(phrase.split()).strip(" ,;:—–-")


def after(text: str, quote_text: str) -> Attribution | None:
    """Attribution in the words right after a closing quote mark."""
    if not text:
        return None
    m = _AFTER_DASH.match(text)
    if m:
        return Attribution(m.group("spk"), None, "after")
    stripped = text.lstrip()
    ending = quote_text.rstrip("’'")[-1:]
    if not (stripped[:1] in ",—–-" or ending in ",?!—–-…" or stripped[:1].islower()):
        return None
    m = _AFTER_STATEMENT.match(text)
    if m:
        return Attribution(_TRAILING.sub("", _clean(m.group("spk"))), m.group("cue") or m.group("cue2"), "after")
    m = _AFTER_VERB_SPEAKER.match(text)
    if m and not m.group("cue").endswith("ing") and not m.group("spk").lower().startswith(("that ", "this ")):
        return Attribution(_clean(m.group("spk")), _clean(m.group("cue")), "after")
    m = _AFTER_SPEAKER_VERB.match(text)
    if m and _plausible(m.group("spk"), m.group("cue")):
        return Attribution(_clean(m.group("spk")), _clean(m.group("cue")), "after", True, m.group("app") or "")
    return None


def _plausible(speaker: str, cue: str) -> bool:
    """A speaker phrase with its verb: no relative pronoun at the end ("an architect who said"), and a
    bare verb ("comment", "claim") only after a plural subject, as it is most often a noun."""
    words = speaker.split()
    if not words or words[-1].lower() in _RELATIVE:
        return False
    if lemma_of(cue) == cue.lower() and " " not in cue and cue.lower() not in _PAST_AS_BASE:
        return words[-1].lower() in _PLURAL_SUBJECTS or (words[-1][:1].isupper() and words[-1].endswith("s")
                                                         and len(words) > 1 and words[-2].lower() == "and")
    return True


def before(text: str) -> Attribution | None:
    """Attribution in the words of the same sentence before an opening quote mark."""
    tail = text[-240:]
    cut = None
    for cut in _SENTENCE_CUT.finditer(tail):
        pass
    if cut is not None:
        tail = tail[cut.end():]
    for cm in reversed(list(_CUE_WORD.finditer(tail))):
        cue_end = cm.end()
        rest = tail[cue_end:]
        if len(rest) > 150:
            break
        cue = _clean(cm.group())
        if cue.lower() in WEAK_BEFORE and not _INTRODUCES.search(rest):
            continue
        if cue.endswith("ing") and tail[:cm.start()].rstrip().endswith(","):
            subject = _subject(tail[:cm.start()])
            if subject:
                return Attribution(subject, cue, "before", _REST_OK.match(rest) is not None)
            continue
        sm = _SPEAKER_END.search(tail, max(0, cm.start() - _SPEAKER_REACH), cm.start())
        if sm and _plausible(sm.group("spk"), cue):
            return Attribution(_clean(sm.group("spk")), cue, "before", _REST_OK.match(rest) is not None,
                               sm.group("app") or "")
    m = _INVERTED.search(tail) if tail.rstrip()[-1:] in (":", ",") else None
    if m and lemma_of(m.group("cue")):
        return Attribution(_clean(m.group("spk")), m.group("cue").lower(), "before")
    m = _ACCORDING.search(tail) if "ccording" in tail else None
    if m:
        return Attribution(_TRAILING.sub("", _clean(m.group("spk"))), "according to", "according", False)
    return None


def _subject(text: str) -> str | None:
    """The first pronoun or name of a clause that may be its subject."""
    for m in _SUBJECT.finditer(text):
        if m.group("pron") or classify(m.group()) is not None:
            return m.group()
    return None


def label(quote_text: str) -> Attribution | None:
    """A transcript label opening the quotation ("SMITH: We will ...")."""
    m = _LABEL.match(quote_text)
    return Attribution(m.group("spk"), None, "label") if m else None


def colon_intro(previous_paragraph: str) -> Attribution | None:
    """A paragraph that ends with "X said:" introduces a block quotation in the next one."""
    if not previous_paragraph.rstrip().endswith(":"):
        return None
    found = before(previous_paragraph.rstrip()[:-1].rstrip() + ":")
    if found:
        found.how = "colon"
    return found
