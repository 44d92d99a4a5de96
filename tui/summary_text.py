"""Words, stems and sentence filters for the extractive summarizer.

Everything here is linear in the text and uses the standard library only:
a word regex, a small stopword list, a light suffix-stripping stemmer and
general rules that tell boilerplate (bylines, time stamps, "Scroll down for
video", photo credits, captions) from sentences worth summarising.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]*[A-Za-z])?|\d(?:[\d,.]*\d)?")
_DIGIT = re.compile(r"\d")
# Word sets rather than regexes: a set lookup on words already split costs less than another scan.
QUANTITY_WORDS = frozenset("million millions billion billions trillion percent cent half third quarter dozen".split())
REPORTING_WORDS = frozenset("said says told according announced reported stated warned claimed added explained argued "
                            "insisted confirmed revealed admitted".split())

STOPWORDS = frozenset("""
a about above after again against all almost also although am among an and another any are around as at
back be became because become been before being below between both but by can cannot could did do does
doing done down during each either else enough even ever every few for from further get gets got had has
have having he her here hers herself him himself his how however i if in into is it its itself just last
least less let like made make many may me might more most much must my myself neither no nor not now of off
often on once one only or other others our ours ourselves out over own per perhaps quite rather really said
same says see seen several shall she should since so some still such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us very via
was we well were what whatever when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves mr mrs ms dr told say saying according also new year years
""".split())

# Longest suffixes first; a stem keeps at least three letters.
_SUFFIXES = ("ational", "ization", "fulness", "iveness", "ousness", "ations", "nesses", "ments", "ation",
             "ities", "ingly", "ement", "ness", "ment", "ings", "ity", "ies", "ing", "ers", "ied", "ive",
             "ous", "ful", "ed", "er", "ly", "es", "s")
_SUFFIXES_BY_LENGTH = tuple((length, frozenset(s for s in _SUFFIXES if len(s) == length))
                            for length in sorted({len(s) for s in _SUFFIXES}, reverse=True))

# Lines and fragments that newspapers wrap around an article (anchored at the start of the sentence).
_BOILERPLATE = re.compile(
    r"^(?:[Bb]y\s*[.:]?\s*(?:[A-Z][\w'’.-]*,?\s*(?:and\s+)?){1,5}[.]?$"
    r"|(?i:published|updated|last updated|posted)\s*(?::|(?i:at|on)?\s*\d{1,2}:\d{2})"
    r"|(?i:scroll down|click here|read more|see more|sign up|subscribe\b|follow (?:us|@)|share this|related:"
    r"|advertisement\s*$|all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©|\(?photo(?:graph)?s?\s*(?::|by\b|credit)"
    r"|\(?pictures?\s*:|images?\s+(?:copyright|source)|watch the video|video:|listen:|comments?\s*(?::|\(\d|$))"
    r"|\|)"
)
# The first two letters, lower-cased, of every way _BOILERPLATE can open: By, published, updated, last, posted,
# scroll, click, read, see, sign, subscribe, follow, share, related, advertisement, all rights, copyright,
# comments, (photo, photo, pictures, images, watch, video, listen; and "|" followed by anything. Non-ASCII
# letters always get the full match (case folding is wider there).
_BOILERPLATE_HEADS = frozenset("by pu up la po sc cl re se si su fo sh ad al co (p ph pi im wa vi li".split())
# Case-sensitive literals on purpose: an IGNORECASE alternation is several times slower on long texts.
_BOILERPLATE_ANYWHERE = re.compile(
    r"PUBLISHED\s*:|UPDATED\s*:|Last updated at|Follow @|@\w+ on Twitter|[Ss]croll (?:down|up) (?:for|to)"
    r"|CLICK HERE|Click here to|Getty Images|[Pp]hoto(?:graph)?s? (?:by|credit|courtesy)|Source: \w+$"
)
_BOILERPLATE_MARKS = re.compile(_BOILERPLATE_ANYWHERE.pattern.replace(r"Source: \w+$", r"Source: \w+"))
# Substrings of every _BOILERPLATE_MARKS match: a plain substring test is many times faster than the regex.
_MARK_LITERALS = ("PUBLISHED", "UPDATED", "Last updated at", "Follow @", " on Twitter", "croll ", "CLICK HERE",
                  "Click here to", "Getty Images", "hoto", "Source: ")
# "By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST ... ." before the text.
_LEADING_JUNK = re.compile(
    r"^(?:\s*(?:By\s*\.?\s*(?:[A-Z][\w'’.-]*\s*(?:and\s+)?){1,5}\.|(?:PUBLISHED|UPDATED)\s*:\s*\.?"
    r"|\d{1,2}:\d{2}\s*(?:[AP]M\s*)?(?:[A-Z]{2,4})?,?\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\s*\.?"
    r"|Last updated at [^.]*?\d{4}\s*\.?|\|\s*\.?|\.))+\s*"
)
# "(CNN) -- ", "LONDON, England (Reuters) -- ", "WASHINGTON (AP) — ", "PORT ELLERY, 3 March 2025 — "
_DATELINE = re.compile(r"^(?:(?:[A-Z][A-Za-z.,' ]{0,40})?\((?:CNN|AP|Reuters|AFP|PA|UPI)[^)]{0,20}\)\s*(?:--|—|–|-)"
                       r"|[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}(?:, [^.!?—–]{1,40}?)?\s+(?:--|—|–))\s*")
_DATELINE_SECOND = "ABCDEFGHIJKLMNOPQRSTUVWXYZ.'-"  # what can follow the first letter of a capitalised dateline
# "Campaign: Magic Johnson has ..." -- the label of a photo caption or pull quote.
_CAPTION_LABEL = re.compile(r"^(?![^:]*\b(?:said|says|told|added|wrote|asked|explained|warned|insists?)\b)"
                            r"[A-Z][\w'’-]*(?:\s[\w'’-]+){0,2}:\s+[A-Z]")
_CAPTION_CUE = re.compile(r"\((?:[Pp]ictured|left|right|centre|center|top|bottom|above|below|inset|file photo)\b"
                          r"|pictured (?:here|left|right|above|below|with|in|at|on)\b")
_RUNNING_WORD = re.compile(r"\b[a-z]{2,}\b")
_THREE_LOWER_WORDS = re.compile(r"\b[a-z]{2,}\b(?:.*?\b[a-z]{2,}\b){2}")
_TWO_LOWER_WORDS = re.compile(r"\b[a-z]{2,}\b.*?\b[a-z]{2,}\b")
# Opens with a quotation mark and closes one, with no closing mark in between followed by more words.
_WHOLLY_QUOTED = re.compile(r"^[\"“‘'][^\"”’]*[.!?…]?[\"”’']$")
_CLOSERS = "\"'”’)"
_SENTENCE_ENDS = (".", "!", "?")
_SENTENCE_END_CHARS = ".!?"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: lower case, possessive and one common suffix removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) <= 3 or w[0].isdigit() or w.endswith(("ss", "us", "is")):
        return w
    # The longest suffix that leaves three letters: one slice and one set lookup per suffix length.
    for length, suffixes in _SUFFIXES_BY_LENGTH:
        if len(w) - length >= 3 and w[-length:] in suffixes:
            suffix = w[-length:]
            w = w[:-length]
            if suffix in ("ies", "ied"):
                w += "y"
            elif len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # running -> run
            break
    return w


TERM_CHARS = 7
_TERMS: dict[str, str] = {}  # lower-case word -> stem, or "" for a word that carries no content
_TERMS_LIMIT = 200_000


def _term(word: str) -> str:
    # Stems cut to TERM_CHARS letters join more forms of a word ("president", "presidential").
    term = "" if len(word) < 2 or word in STOPWORDS else stem(word)[:TERM_CHARS]
    if len(_TERMS) < _TERMS_LIMIT:
        _TERMS[word] = term
    return term


def content_terms(text: str) -> list[str]:
    """Stems of the words of ``text`` that carry content (stopwords and 1-letter words dropped)."""
    return terms_of(lower_words(text))


def lower_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (numbers included)."""
    return _WORD.findall(text.lower())


def terms_of(words: list[str]) -> list[str]:
    """The content stems of lower-cased ``words``; see :func:`content_terms`."""
    get = _TERMS.get
    out = []
    for word in words:
        term = get(word)
        if term is None:
            term = _term(word)
        if term:
            out.append(term)
    return out


# Signs that can wrap a word. None is a letter or digit, so a piece holds the same words as the piece
# stripped of them: _WORD matches never start or end with one.
_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?…*-–—/|_#~`"
_APOSTROPHES = str.maketrans("", "", "'’")


def _is_plain_word(piece: str) -> bool:
    """True for ASCII letters with at most inner apostrophes ("council's"): _WORD finds it whole, as one word."""
    bare = piece.translate(_APOSTROPHES) if "'" in piece or "’" in piece else piece
    return bare.isalpha() and bare.isascii() and piece[:1].isalpha() and piece[-1:].isalpha()


# An ASCII number, as _WORD finds it, perhaps after a currency sign and before "%" or a one-letter unit ("m"):
# its only word of two characters or more is the number itself.
_NUMBER_PIECE = re.compile(r"[£$€]?([0-9](?:[0-9,.]*[0-9])?)[%mk]?")


class Lexicon(dict):
    """Blank-separated pieces of text ("council's", "said.", "2,000") -> their content stems, each worked out once.

    Most pieces recur many times in a text, so one dict lookup per piece replaces a regex scan,
    lower-casing and stemming per word. A regex match never spans a blank, so the stems of a
    sentence's pieces are exactly :func:`content_terms` of the sentence. A piece maps to its one
    stem, to "" when it has none and, rarely, to a tuple of stems ("state-owned"). The lexicon
    also notes which pieces hold a figure (a digit or a quantity word) and which a reporting verb.
    """

    def __init__(self) -> None:
        super().__init__()
        self.figures: set[str] = set()
        self.reporting: set[str] = set()
        self.multiple: set[str] = set()  # pieces of more than one stem
        self.running: set[str] = set()  # pieces holding a lower-case word of two letters or more (running text)
        self.flagged: set[str] = set()  # all three together: one test clears most sentences

    def __missing__(self, piece: str) -> str | tuple[str, ...]:
        if _RUNNING_WORD.search(piece) is not None:
            self.running.add(piece)
        core = piece if piece.isalpha() else piece.strip(_EDGE)
        if core != piece:  # "said." and "(said" hold the same words as "said": work them out once
            terms = self[core]
            if core in self.flagged:
                self._flag(piece, core in self.figures, core in self.reporting, core in self.multiple)
        elif (piece.isascii() and piece.isalpha()) or _is_plain_word(piece):  # the piece is its own only word
            word = piece.lower()
            terms = _TERMS.get(word)
            if terms is None:
                terms = _term(word)
            if word in QUANTITY_WORDS or word in REPORTING_WORDS:
                self._flag(piece, word in QUANTITY_WORDS, word in REPORTING_WORDS, False)
        elif (number := _NUMBER_PIECE.fullmatch(piece)) is not None:  # "35,586", "29.4%", "£196m": one word, a figure
            word = number[1]
            terms = _TERMS.get(word)
            if terms is None:
                terms = _term(word)
            self._flag(piece, True, False, False)
        else:
            words = lower_words(piece)
            stems = terms_of(words)
            terms = tuple(stems) if len(stems) > 1 else stems[0] if stems else ""
            figure = _DIGIT.search(piece) is not None or not QUANTITY_WORDS.isdisjoint(words)
            reporting = not REPORTING_WORDS.isdisjoint(words)
            if figure or reporting or len(stems) > 1:
                self._flag(piece, figure, reporting, len(stems) > 1)
        self[piece] = terms
        return terms

    def _flag(self, piece: str, figure: bool, reporting: bool, multiple: bool) -> None:
        self.flagged.add(piece)
        if figure:
            self.figures.add(piece)
        if reporting:
            self.reporting.add(piece)
        if multiple:
            self.multiple.add(piece)

    def has_running_words(self, pieces: list[str], count: int) -> bool:
        """True when the first pieces (already looked up) hold ``count`` lower-case words; False means "not sure".

        Each such piece holds at least one word that :data:`_THREE_LOWER_WORDS` counts, so True is certain.
        """
        return sum(map(self.running.__contains__, pieces[:8])) >= count

    def terms(self, pieces: list[str]) -> list[str]:
        """The content stems of a text split on blanks, in order, repeats kept."""
        return self.read(pieces)[0]

    def read(self, pieces: list[str]) -> tuple[list[str], bool, bool]:
        """The content stems of a text split on blanks, and whether it holds a figure and a reporting verb."""
        found = list(filter(None, map(self.__getitem__, pieces)))
        flagged = self.flagged.intersection(pieces)  # one pass over the pieces; the tests below take the few hits
        if not flagged:  # no figure, no reporting verb, one stem a piece at most
            return found, False, False
        if not self.multiple.isdisjoint(flagged):
            found = [term for value in found for term in ((value,) if value.__class__ is str else value)]
        return found, not self.figures.isdisjoint(flagged), not self.reporting.isdisjoint(flagged)


LEXICON_LIMIT = 150_000  # pieces, some 15 MB; a fuller shared lexicon starts again empty
_SHARED_LEXICON: list[Lexicon] = []


def shared_lexicon() -> Lexicon:
    """The lexicon shared by the texts of this process: most of a text's pieces recur in the next one.

    Call it once per text: it starts afresh, between texts, when it has grown past :data:`LEXICON_LIMIT`.
    """
    if not _SHARED_LEXICON or len(_SHARED_LEXICON[0]) > LEXICON_LIMIT:
        _SHARED_LEXICON[:] = [Lexicon()]
    return _SHARED_LEXICON[0]


def word_count(text: str) -> int:
    """Number of blank-separated words (fast; punctuation-only tokens count too)."""
    # Most text is printable (so its only blank is the ASCII space) and single-spaced: counting spaces
    # then gives the same number as splitting, without making a string per word.
    if text.isprintable() and "  " not in text:
        return text.count(" ") + 1 - text.startswith(" ") - text.endswith(" ") if text.strip(" ") else 0
    return len(text.split())


def clean_sentence(text: str) -> str:
    """The sentence without leading agency boilerplate or a dateline such as "(CNN) -- "."""
    # Both patterns are anchored at the start: match() tries one position where sub() would scan them all,
    # and a look at the first characters spares most sentences even that.
    first = text[:1]
    if not first.isalpha() or first in "BPUL":  # junk opens with By, PUBLISHED, UPDATED, Last, a digit, | or .
        junk = _LEADING_JUNK.match(text)
        if junk is not None:
            text = text[junk.end():]
    if text[1:2] in _DATELINE_SECOND or "(" in text[:42]:  # "WASHINGTON --" or "... (Reuters) --"
        dateline = _DATELINE.match(text)
        if dateline is not None:
            text = text[dateline.end():]
    return text.strip()


def has_boilerplate_marks(text: str) -> bool:
    """True when ``text`` (a whole paragraph, say) holds anything :func:`is_boilerplate` finds mid-sentence.

    One scan of a paragraph spares a scan of each of its sentences: most paragraphs have none.
    """
    return any(map(text.__contains__, _MARK_LITERALS)) and _BOILERPLATE_MARKS.search(text) is not None


def texts_with_marks(texts: list[str]) -> list[bool]:
    """:func:`has_boilerplate_marks` of each text, with one scan of them all for the marks' literals.

    A substring test on a short text costs little, but with many paragraphs the fixed cost of each test
    is most of it; joined, the texts are scanned once per literal, and only those that hold one get the regex.
    """
    joined = "\n".join(texts)  # no literal holds a line break, so no hit spans two texts
    ends = list(accumulate(len(text) + 1 for text in texts))
    candidates = set()
    for literal in _MARK_LITERALS:
        at = joined.find(literal)
        while at >= 0:
            index = bisect_right(ends, at)
            candidates.add(index)
            at = joined.find(literal, ends[index])
    return [i in candidates and _BOILERPLATE_MARKS.search(text) is not None for i, text in enumerate(texts)]


def has_caption_cues(text: str) -> bool:
    """True when ``text`` holds a caption cue such as "(pictured)"; see :func:`is_caption_like`."""
    # Every cue holds "(" or "pictured": a substring test spares most texts the regex.
    return ("(" in text or "pictured" in text) and _CAPTION_CUE.search(text) is not None


def is_boilerplate(text: str, scan: bool = True) -> bool:
    """True for bylines, time stamps, calls to action, photo credits and similar furniture.

    ``scan=False`` skips the mid-sentence markers, for a sentence of a paragraph known to have none.
    """
    stripped = text.strip()
    if not stripped:
        return True
    head = stripped[:2]
    # The anchored patterns open with one of a few pairs of letters (in either case): most sentences are spared them.
    if ((not head.isascii() or head.lower() in _BOILERPLATE_HEADS or head[0] == "|")
            and _BOILERPLATE.match(stripped)):
        return True
    return scan and _BOILERPLATE_ANYWHERE.search(stripped) is not None


def is_labelled_caption(text: str) -> bool:
    """True for a photo caption or pull quote run into the text: "Opening day: The mayor ... ." (space, stop)."""
    stripped = text.strip()
    return stripped.endswith(" .") and stripped.find(":", 0, 60) > 0 and _CAPTION_LABEL.match(stripped) is not None


def is_caption_like(text: str, cues: bool = True) -> bool:
    """True for what reads rather like a caption: "(pictured)", "pictured here", a short "Label: ..." line.

    ``cues=False`` skips the search for cues, for a sentence of a paragraph known to have none.
    """
    stripped = text.strip()
    if cues and _CAPTION_CUE.search(stripped):
        return True
    # A caption label is at most three words long, so its colon comes early.
    return (stripped.find(":", 0, 60) > 0 and _CAPTION_LABEL.match(stripped) is not None
            and word_count(stripped) < 25)


def is_pull_quote(paragraph_text: str) -> bool:
    """True for a short paragraph that is nothing but a quotation, with no one named as saying it."""
    stripped = paragraph_text.strip()
    return _WHOLLY_QUOTED.match(stripped) is not None and word_count(stripped) < 30


def is_fragment_join(text: str) -> bool:
    """True when a space precedes the final full stop: a caption or heading run into the text."""
    return text.rstrip().endswith(" .")


def looks_like_sentence(text: str, min_words: int = 5, words: int | None = None) -> bool:
    """True when ``text`` has enough words, some of them lower-case running text, and ends like a sentence.

    Time stamps ("14:11 EST, 25 October 2013 .") and name lines ("Associated Press .") fail.
    ``words`` is the :func:`word_count` of ``text`` when the caller has it already.
    """
    if (word_count(text) if words is None else words) < min_words or not ends_like_sentence(text):
        return False
    running_text = _THREE_LOWER_WORDS if min_words >= 5 else _TWO_LOWER_WORDS
    return running_text.search(text) is not None


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with a full stop, question or exclamation mark, perhaps inside quotes or brackets."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS
