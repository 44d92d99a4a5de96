"""What a figure counts: the noun phrase after it, the thing it is set for, or what the sentence refers back to."""

from __future__ import annotations

import re

from tui.figures_cues import (
    AGENT_VERBS, BE, CIRCUMSTANCE, CLAUSE_WORDS, COMPARATIVES, DETERMINERS, HEAD_NOUNS, LEFT_SKIP, PRONOUNS,
    PURPOSE_VERBS, REQUEST_VERBS, TIME_DEICTIC, TIME_NOUNS, VALUATION_WORDS,
)
from tui.figures_lexicon import IRREGULAR_PLURALS, STOP, VERBS
from tui.figures_numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS

_TOKEN = re.compile(r"[\d$£€¥][\w.,%$£€¥'’]*|[A-Z](?:\.[A-Z])+\.?|[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\S")
_PARENS = re.compile(r"\s*\([^()]{0,40}\)")
_OF = re.compile(r"\s+(?:worth\s+)?of(?:\s+(?:the|its|their|his|her|our|all|those|these|them))?(?=\s)", re.I)
_GROW_NOUNS = {"rise", "fall", "increase", "drop", "cut", "stake", "share", "jump", "decline", "growth",
               "reduction", "hike", "gain", "slump", "fine", "investment", "loan", "bid", "deal", "stake",
               "contract", "payment", "budget", "bill", "loss", "profit", "surplus", "deficit", "debt",
               "majority", "lead", "turnout", "slice"}
_BACK_CUE = re.compile(
    r"\b(?:of\s+(?:which|whom|them|these|those)|there\s+(?:have|has|had)\s+been|there\s+(?:are|were|is|was)"
    r"|(?:total|number|figure|tally|toll|count)\s+(?:is|was|has|had|now|stands|stood|rose|fell|reached|of))\b", re.I)
_BACK_CUE_WORDS = ("which", "whom", "them", "these", "those", "there", "total", "number", "figure", "tally",
                   "toll", "count")  # one of them is in every match of _BACK_CUE
# Characters that re.IGNORECASE matches with an ASCII letter but lower() does not turn into it: "İ", "ı", "ſ",
# the Kelvin sign. In a text without them, a cue word is in the lower-cased text wherever _BACK_CUE matches.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_NO_COUNT_KINDS = {"date", "year"}
_FROM_ON = re.compile(r"\s+(from|on)(?:\s+(?:the|a|its|their|last))?(?=\s)")
# Verbs of change that name what a percentage or amount measures when no noun does: "would rise by 2%".
_CHANGE_NOUNS = {"rise": "rise", "rose": "rise", "risen": "rise", "rising": "rise", "rises": "rise", "fell": "fall",
                 "fall": "fall", "fallen": "fall", "falling": "fall", "falls": "fall", "increased": "increase",
                 "increase": "increase", "cut": "cut", "grew": "growth", "grow": "growth", "jumped": "jump",
                 "dropped": "drop", "climbed": "climb", "slipped": "slip", "declined": "decline",
                 "decreased": "decrease", "raised": "rise", "reduced": "reduction"}
_SUBJECT = re.compile(
    r"(?:(?:The|A|An|Its|Their|His|Her|Our)\s+)?((?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)"
    r"(?:\s+(?:for|in|of)\s+\S+)?\s+(?:was|were|is|are|has|have|had|rose|fell|grew|jumped|climbed|dropped|"
    r"slipped|increased|decreased|reached|stood|totalled|came|will|would|could|cost|costs|hit|amounted)\b")
_FIGURE_START = set("0123456789$£€¥")
_TO_VERB = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+to\s+([a-z]+)\b(?:\s+([A-Za-z]+))?")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)?\s+(?:(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"own|new|main|biggest|largest|oldest)\s+)?(?=[a-z])")
_COMPOUND = re.compile(r"-[a-z]+[a-rt-z]\s+[a-z]")  # a singular word after the hyphen, a word after it
_LOWER_NOUN = re.compile(r"\s+([a-z][a-z-]*[a-z])\b(?:\s+([a-z][a-z-]*[a-z])\b)?")
_BARE_SUBJECT = re.compile(r"\s+(?:were|was|are|is|had|have|has|will|would|could|did|died|remain|remained|"
                          r"survived|escaped|suffered|needed|required|received)\b")
_FOR_PREP = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+(?:for|per)(?:\s+(?:a|an|the|its|their|each|every))?(?=\s)")
_IN_PREP = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+(?:in|on)(?:\s+(?:a|an|the|its|their|new))?(?=\s)")


def _after_preposition(s: str, pos: int, prep: re.Pattern) -> str | None:
    m = prep.match(s, pos)
    return right_phrase(s, m.end(), "measure") if m else None
_NUMBER_WORDS = {*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, "dozen", "bn", "m", "pence", "p", "pounds", "dollars",
                 "euros", "cents", "per", "cent", "percent"}


def is_plural(word: str) -> bool:
    """A rough plural test without a tagger: "passengers", "people", not "bus" or "crisis"."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    if len(word) >= 3 and word[-1] == "s" and word[:-1].isupper():
        return True  # "MPs", "CEOs"
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def _is_content(word: str) -> bool:
    low = word.lower()
    return (word[0].isalpha() and low not in STOP and low not in VERBS and low not in COMPARATIVES
            and low not in _NUMBER_WORDS and not (low.endswith("ly") and len(low) > 4))


_CONTENT: dict[str, bool] = {}  # the test above, remembered per word: words recur all through a text


def _content(word: str) -> bool:
    """Whether a word can be part of what a figure counts: no function word, verb, comparative or number."""
    known = _CONTENT.get(word)
    if known is None:
        if len(_CONTENT) > 50_000:
            _CONTENT.clear()
        known = _CONTENT[word] = _is_content(word)
    return known


def right_phrase(s: str, pos: int, kind: str) -> str | None:
    """The noun phrase right after a figure: "212 stranded passengers", "46% of voters", "$3bn tax claim"."""
    if s[pos:pos + 1] in ("-", ")"):
        pos += 1
    paren = _PARENS.match(s, pos) if s.find("(", pos) >= 0 else None  # most sentences have no bracket
    if paren:
        pos = paren.end()
    if kind in ("count", "percent", "money", "other", "measure"):
        of = _OF.match(s, pos)
        if of:
            pos = of.end()
    words: list[str] = []
    last_end = pos
    for match in _TOKEN.finditer(s, pos, pos + 80):  # the loop stops after a word or two
        tok = match.group()
        if not (_content(tok) or tok.lower() in _GROW_NOUNS and not words) \
                or (tok[0].isupper() and words and not words[-1][0].isupper()):
            if tok.lower() in ("of", "in", "on", "for") and words and words[-1].lower() in _GROW_NOUNS:
                words.append(tok)
                continue
            break
        words.append(tok)
        last_end = match.end()
        if is_plural(tok) and not (len(words) > 1 and words[-2].lower() in ("of", "in", "on", "for")) \
                or len(words) >= 4:
            break
    if words and words[0][0].isupper():
        owned = _after_name(s, last_end, kind, words)
        if owned:
            return owned
    while words and (words[-1].lower() in ("of", "in", "on", "for") or
                     len(words) > 1 and words[-1].lower().endswith(("ed", "ing", "ly"))):
        words.pop()
    if len(words) == 1 and words[0].islower() and words[0].endswith("ed"):
        return None  # "80% owned by": a verb, not a noun
    return " ".join(words) or None


def _after_name(s: str, end: int, kind: str, words: list[str]) -> str | None:
    """The phrase after a name that only qualifies it: "three of Strait Lines' five ferries" -> "ferries",
    "all five Harbour Lines vessels" -> "Harbour Lines vessels"."""
    owner = _POSSESSIVE.match(s, end) if s[end:end + 1] in "'’" or words[-1].endswith(("'s", "’s")) else None
    if owner:
        return right_phrase(s, owner.end(), kind)
    if not all(w[0].isupper() for w in words):
        return None
    noun = _LOWER_NOUN.match(s, end)
    if noun is None or not _content(noun.group(1)):
        return None
    if is_plural(noun.group(1)):
        return f"{' '.join(words)} {noun.group(1)}"
    second = noun.group(2)
    if second and _content(second) and is_plural(second):
        return f"{' '.join(words)} {noun.group(1)} {second}"  # "Las Vegas style resorts"
    return None


def left_phrase(s: str, start: int, kind: str) -> str | None:
    """The noun phrase a figure is set for, before it: "raise the retirement age to 67" -> "retirement age"."""
    window = s[max(0, start - 80):start]
    last = _last_token(window)
    if last is None or not _skipped_left(last, kind):
        return None  # most figures: the word before is no verb or preposition that sets a figure for a phrase
    tokens = _TOKEN.findall(window)
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and (_skipped_left(tokens[i], kind)
                      or skipped and tokens[i][0] in _FIGURE_START
                      or skipped and tokens[i].lower() in ("in", "during") and tokens[i + 1][0].isdigit()):
        i, skipped = i - 1, skipped + 1  # "the gap narrowed by", "revenue dipped", "sales in 2003 up 25% at"
    if not skipped:
        return None
    change = next((_CHANGE_NOUNS[t.lower()] for t in tokens[i + 1:] if t.lower() in _CHANGE_NOUNS), None)
    if i > 0 and tokens[i] == "," and not VALUATION_WORDS.isdisjoint(t.lower() for t in tokens[i + 1:]):
        i -= 1  # "its ferry business, valued at about £600m": the value of the phrase before the comma
    words, i = _phrase_before(tokens, i)
    if i > 0 and len(words) == 1 and words[0].lower() in TIME_NOUNS and tokens[i].lower() in TIME_DEICTIC:
        words, i = _phrase_before(tokens, i - 1)  # "numbers last summer were 12% higher": past the time
    if len(words) == 1 and i >= 0 and tokens[i].lower() in PRONOUNS:
        return None  # "which it forecast to be 6.5%": after a pronoun the word is a verb, not a noun
    if kind == "money" and words and (_asked_for(tokens, i, skipped) or _paid_by(tokens, i)):
        return None  # "asked the government for €45m", "the firm agreed to pay $40m": not what the money is
    if not words and change and kind in ("percent", "money"):
        return change  # "fees would rise by no more than 2%" -> "rise"
    j = i
    while j > 0 and words and tokens[j][0].isupper():
        j -= 1  # past the rest of a name: "US media giant TimeWarner"
    while j > 0 and words and tokens[j].islower() and (tokens[j].endswith(("ed", "ing")) and len(tokens[j]) > 4
                                                      or tokens[j] in ("new", "old", "other")):
        j -= 1  # past an adjective: "in the unheated passenger lounge", "pay for new mothers"
    if j > 0 and words and tokens[j].lower() in ("the", "a", "an", "its", "their") and words[0][0].islower():
        j -= 1  # "sales at the regional carrier rose 8%": the head is before "at the"
    if words and j > 0 and tokens[j].lower() in ("at", "of", "in", "on", "for"):
        noun = tokens[j - 1].lower() in HEAD_NOUNS  # "pay" in "maternity pay for new mothers", not a verb
        head, _ = _phrase_before(tokens, j - 2 if noun else j - 1)
        if noun:
            head.append(tokens[j - 1])
        if head and head[-1][0].islower():
            return " ".join(head)  # "profits at US media giant TimeWarner jumped 76%" -> "profits"
    return " ".join(words) or None


def _skipped_left(token: str, kind: str) -> bool:
    """Whether :func:`left_phrase` walks left past ``token``: a verb or preposition between a figure and
    the phrase it is set for ("rose", "to", "narrowed"), "for" only before money."""
    low = token.lower()
    return low in LEFT_SKIP and (kind == "money" or low != "for") \
        or token.islower() and token.endswith("ed") and len(token) > 4


def _last_token(text: str) -> str | None:
    """The last of ``_TOKEN.findall(text)``, found in the last whitespace-separated chunk only: no token
    spans whitespace, so the tokens of a chunk are the same alone as in the whole text."""
    chunks = text.rsplit(None, 1)
    return _TOKEN.findall(chunks[-1])[-1] if chunks else None


def _asked_for(tokens: list[str], i: int, skipped: int) -> bool:
    """True when the phrase ending before token ``i + 1`` is the object of a request for money: "asked
    the regional government for €45m", "sued the bank for $2m"."""
    if "for" not in (t.lower() for t in tokens[i + 1:]):
        return False
    while i > 0 and tokens[i].lower() in ("the", "a", "an", "its", "their", "his", "her"):
        i -= 1
    return i >= 0 and tokens[i].lower() in REQUEST_VERBS


def _paid_by(tokens: list[str], i: int) -> bool:
    """True when the phrase ending before token ``i + 1`` pays, spends or raises the money (active voice):
    "the firm agreed to pay $40m", but not "the surcharge was raised from £2.50"."""
    before = ""
    for token in tokens[i + 1:]:
        word = token.lower()
        if word in AGENT_VERBS and before not in BE:
            return True
        before = word
    return False


def _phrase_before(tokens: list[str], i: int) -> tuple[list[str], int]:
    """Up to three content words ending at token ``i``, and the index of the token before them."""
    words: list[str] = []
    while i >= 0 and len(words) < 3 and _content(tokens[i]) and tokens[i].lower() not in LEFT_SKIP \
            and not (tokens[i][0].islower() and tokens[i].endswith(("ed", "ing"))) \
            and not (i and tokens[i - 1].lower() == "to"):  # "to avoid fees": a verb
        words.insert(0, tokens[i])
        i -= 1
    if words and i < 0 and words[0][0].isupper() and words[0][1:].islower() and words[0][-2:-1] not in "'’" \
            and not (len(words) > 1 and words[1][0].isupper()):
        words[0] = words[0].lower()  # a capital only because the sentence starts there, not "Allied Domecq"
    return words, i


def last_plural(text: str) -> str | None:
    """The last plural noun in ``text`` with one plain modifier: "...surprise inspections" -> that phrase."""
    tokens = _TOKEN.findall(text)
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok[0].isalpha() and tok[0].islower() and is_plural(tok) and _content(tok):
            prev = tokens[i - 1] if i else ""
            if prev and prev[0].isalpha() and prev.islower() and _content(prev) and not prev.endswith(
                    ("ed", "ing", "ly")) and not is_plural(prev):
                return f"{prev} {tok}"
            return tok
    return None


def back_reference(s: str, start: int, previous: str | None) -> str | None:
    """What an anaphoric figure counts: "..., of which there have been nearly 40" -> the noun before."""
    head = s[:start]
    low = head.lower()
    if not any(word in low for word in _BACK_CUE_WORDS) \
            and (head.isascii() or not any(c in head for c in _FOLDS_TO_ASCII)):
        return None  # no cue: cheaper to tell than _BACK_CUE's search
    cue = None
    for cue in _BACK_CUE.finditer(s, 0, start):
        pass
    if cue is None:
        return None
    return last_plural(s[:cue.start()]) or (last_plural(previous) if previous else None)


def what_it_counts(fig: dict, s: str, previous: str | None) -> str | None:
    """The ``counts`` field of a figure found in sentence ``s`` (``previous`` is the sentence before)."""
    kind = fig["kind"]
    if kind in _NO_COUNT_KINDS:
        return None
    if kind in ("count", "other") and s[fig["end"]:fig["end"] + 1] == "-" and _COMPOUND.match(s, fig["end"]):
        return None  # "a four-letter outburst", "three-party politics": a modifier, counting nothing
    phrase = _not_circumstance(right_phrase(s, fig["end"], kind))
    if phrase is None and kind in ("money", "percent"):
        phrase = _change(s, fig)
    if phrase is None and kind == "money":
        phrase = _money_for(s, fig)
    if phrase is None and kind != "ordinal":
        phrase = left_phrase(s, fig["start"], kind)
    if phrase is None and kind == "money":
        phrase = purpose(s, fig["end"])
    if phrase is None and kind == "money":
        phrase = _not_circumstance(_after_preposition(s, fig["end"], _IN_PREP))  # "$3bn in new contracts"
    if phrase is None and kind == "count" and _is_age(s, fig):
        phrase = "age"
    if phrase is None and kind in ("count", "other", "percent"):
        phrase = back_reference(s, fig["start"], previous)
    if phrase is None and kind in ("money", "percent"):
        phrase = subject_phrase(s, fig["start"])
        if phrase and kind == "money" and _paid_before(s, fig["start"]):
            return None
    return phrase


def _not_circumstance(phrase: str | None) -> str | None:
    """None for a phrase that only says when or where ("year-earlier", "Thursday", "north"), which a figure
    does not count; the phrase itself otherwise."""
    if phrase is None:
        return None
    low = phrase.lower()
    if " " not in low:
        return None if low in CIRCUMSTANCE else phrase
    return None if all(w in CIRCUMSTANCE for w in low.split()) else phrase


def _paid_before(s: str, start: int) -> bool:
    """True when a verb of paying stands just before the money: "the insurer will pay £12m"."""
    return _paid_by(_TOKEN.findall(s[max(0, start - 30):start])[-3:], -1)


def purpose(s: str, end: int) -> str | None:
    """What money is for, said with an infinitive after it: "€45m to replace two of its oldest ships" ->
    "replace two of its oldest ships". None unless the word after "to" is a verb (known, or followed by a
    determiner), so that "£5m to the council" and "£5m to charity" say nothing."""
    m = _TO_VERB.match(s, end) if s.startswith((" to ", " ("), end) else None
    if m is None:
        return None
    verb, following = m.group(1), (m.group(2) or "").lower()
    if verb in STOP or verb in _NUMBER_WORDS or not (verb in PURPOSE_VERBS or following in DETERMINERS):
        return None
    words = [verb]
    for match in _TOKEN.finditer(s, m.end(1), m.end(1) + 80):
        tok = match.group()
        if not tok[0].isalnum() or tok.lower() in CLAUSE_WORDS and len(words) > 1 or len(words) >= 7:
            break
        words.append(tok)
    while words and words[-1].lower() in STOP:
        words.pop()
    return " ".join(words) if len(words) > 1 else None


def is_elliptical(fig: dict, s: str) -> bool:
    """True for a bare count used as a subject, its noun left out because a count before it in the sentence
    said it: "40 people were checked, and three were taken to hospital"."""
    if fig["kind"] != "count" or fig.get("vague"):
        return False
    m = _BARE_SUBJECT.match(s, fig["end"])
    return m is not None and not s[max(0, fig["start"] - 4):fig["start"]].lower().endswith(("of ", "to "))


def _money_for(s: str, fig: dict) -> str | None:
    """ "a budget of $4.2bn for the north harbour" -> "budget for north harbour"; "£85 for a passport"."""
    purpose = _after_preposition(s, fig["end"], _FOR_PREP)
    if purpose is None:
        return None
    if not s[max(0, fig["start"] - 4):fig["start"]].lower().endswith("of "):
        return purpose
    head = left_phrase(s, fig["start"], "count")
    return f"{head} for {purpose}" if head else purpose


def _change(s: str, fig: dict) -> str | None:
    """ "up 40% from the 2023 plan" -> "rise from 2023 plan"; "profits rose by 5%" is left to the left phrase."""
    left = s[max(0, fig["start"] - 6):fig["start"]].lower()
    word = "rise" if left.endswith("up ") else "fall" if left.endswith("down ") else None
    if word is None:
        return None
    subject = left_phrase(s, fig["start"], fig["kind"])
    if subject:
        return subject  # "turnover was up 4.3%": what rose, rather than that something did
    since = _FROM_ON.match(s, fig["end"])
    base = right_phrase(s, since.end(), "measure") if since else None
    return f"{word} {since.group(1)} {base}" if base else word


def _is_age(s: str, fig: dict) -> bool:
    """ "Ann Lee, 35, said" and "died aged 94": a bare number that gives a person's age."""
    before = s[max(0, fig["start"] - 30):fig["start"]]
    after = s[fig["end"]:fig["end"] + 1]
    if before.endswith(("aged ", "age of ")):
        return True
    if before.endswith(("who is ", "who was ")) and after in (",", ".", ")", ";") and isinstance(fig["value"], int):
        return 0 < fig["value"] < 120  # "her son, who is six, ..."

    if not before.endswith(", ") or after not in (",", ")") or not isinstance(fig["value"], int):
        return False
    name = before[:-2].rsplit(None, 1)[-1] if before[:-2].strip() else ""
    return name[:1].isupper() and 0 < fig["value"] < 120


def subject_phrase(s: str, start: int) -> str | None:
    """The subject of the sentence when a money or percent figure is said of it: "Pre-tax profit for 2004
    was £15.4m" -> "pre-tax profit"."""
    m = _SUBJECT.match(s, 0, start)
    if not m or "," in s[m.end():start]:
        return None  # a comma between: the figure is in another clause, said of something else
    words = m.group(1).split()
    if not all(_content(w) for w in words) or any(w[0].isupper() for w in words[1:]):
        return None
    if m.start(1) == 0 and words[0][0].isupper() and words[0][1:].islower():
        words[0] = words[0].lower()  # capital only because the sentence starts there
    return " ".join(words)
