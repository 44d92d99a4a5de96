"""What a quotation is: a real quotation, a term (a scare-quoted label) or the title of a work."""

from __future__ import annotations

import re

from tui.quotes_attrib import Attribution

# Words right before a quotation that make it the title of a work ("an article titled", "the book").
_TITLE_VERBS = frozenset("""titled entitled headlined called named dubbed labeled labelled branded nicknamed
billed""".split())
_TITLE_NOUNS = frozenset("""headline slogan motto theme hashtag article book op-ed column essay film documentary
song album show movie series episode poem novel play memoir bill act program programme podcast chapter
broadcast commentary editorial segment""".split())
_TITLE_PREPOSITIONS = frozenset({"on", "of", "in", "at", "from"})
_WORDS = re.compile(r"[\w’'\-]+")
_TITLE_CASE_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "is", "vs"}


def _is_title_case(words: list[str]) -> bool:
    """Every word but the small ones capitalised: "Face the Nation", "One Hundred Years of Solitude"."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    big = [w for w in words if w.lower() not in _TITLE_CASE_SMALL]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big)


def _is_sentence(text: str, words: list[str]) -> bool:
    """A short quotation that is a whole sentence ("I absolutely do.", "You winning?"), not a label."""
    return text[:1].isupper() and text.rstrip("’'")[-1:] in ".!?" and not _is_title_case(words) and len(words) > 1


def _titled(last: list[str]) -> bool:
    """Whether the words before a quotation name it a title: "titled," "the book", "an episode of"."""
    word = last[-1].lower()
    if word.rstrip(",:") in _TITLE_VERBS:
        return True
    if word in _TITLE_NOUNS:
        return True  # "his book “The Art of the Deal”" (a comma would make it a quotation from the book)
    return len(last) == 2 and last[0].lower() in _TITLE_NOUNS and word == "of"


def quote_kind(text: str, before_text: str, found: Attribution | None) -> str:
    """quote, term (a few words used as a label or scare quote) or title."""
    count = len(text.split(None, 16))
    lead = before_text[-40:].rstrip()
    last = lead.split()[-2:]
    if last and _titled(last):
        return "title" if count <= 15 else "quote"
    words = _WORDS.findall(text) if count <= 8 else []
    title_case = _is_title_case(words)
    if title_case and last and (last[-1] in _TITLE_PREPOSITIONS or last[-1].endswith(("’s", "'s"))):
        return "title"  # on CBS's "Face the Nation", in "Barack Obama Election Day"
    direct = found is not None and found.how in ("after", "label", "colon") or (
        found is not None and found.how == "before" and found.adjacent and lead[-1:] in (":", ","))
    if count <= 3 and not direct and not _is_sentence(text, words):
        return "term"
    if found is None and count <= 5 and text[:1].islower():
        return "term"  # an unattributed fragment inside a sentence: a scare quote
    if not direct and title_case and text[-1:] not in ".!?,":
        return "title"
    return "quote"
