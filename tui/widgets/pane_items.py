"""How analysis results and notes read as side-pane items.

Each function turns core data (plain dicts and the notes store's records)
into ``(Content, paragraph)`` pairs for an :class:`ItemList`.
"""

from __future__ import annotations

from textual.content import Content

from tui.widgets.item_list import Item

QUOTE_CHARS = 160
NOTE_CHARS = 120
STATUS_WORDS = {"to-check": "? to check", "verified": "✓ verified", "disputed": "✗ disputed"}


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis if longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def paragraph_label(index: int | None) -> str:
    """How paragraph ``index`` (from 0) is named on screen: ``¶12`` (from 1)."""
    return "" if index is None else f"¶{index + 1}"


def summary_item(sentence: dict) -> Item:
    """A summary sentence, pointing at its paragraph."""
    return (Content.assemble(shorten(sentence.get("text", ""), 400), "  ",
                             (paragraph_label(sentence.get("paragraph")), "dim")),
            sentence.get("paragraph"))


def summary_items(sentences: list[dict]) -> list[Item]:
    """Summary sentences, each pointing at its paragraph."""
    return [summary_item(sentence) for sentence in sentences]


def figure_item(figure: dict) -> Item:
    """A key figure: the figure in bold, what it counts, and its paragraph."""
    counts = figure.get("counts")
    parts: list = [(figure.get("text", ""), "bold")]
    if counts:
        parts += [" ", counts]
    elif figure.get("kind"):
        parts += [" ", (figure["kind"], "italic dim")]
    parts += ["  ", (paragraph_label(figure.get("paragraph")), "dim")]
    return Content.assemble(*parts), figure.get("paragraph")


def figure_items(figures: list[dict]) -> list[Item]:
    """Key figures: the figure in bold, what it counts, and its paragraph."""
    return [figure_item(figure) for figure in figures]


def is_quotation(quote: dict) -> bool:
    """Whether a quote is a quotation (not a scare quote or a title)."""
    return quote.get("kind", "quote") == "quote"


def quote_item(quote: dict) -> Item:
    """A quotation: speaker, quotation, paragraph."""
    speaker = quote.get("speaker") or "unattributed"
    text = shorten(quote.get("text", ""), QUOTE_CHARS)
    return (Content.assemble((speaker, "bold"), ": “", text, "”  ",
                             (paragraph_label(quote.get("paragraph")), "dim")),
            quote.get("paragraph"))


def quote_items(quotes: list[dict]) -> list[Item]:
    """Quotations (not scare quotes or titles): speaker, quotation, paragraph."""
    return [quote_item(quote) for quote in quotes if is_quotation(quote)]


def sources_heading() -> Item:
    """The line above the cited sources."""
    return Content.styled("Sources cited", "bold underline"), None


def source_item(source: dict) -> Item:
    """A cited source, with the paragraphs that cite it."""
    paragraphs = source.get("paragraphs") or [source.get("paragraph")]
    labels = ", ".join(paragraph_label(p) for p in paragraphs[:6] if p is not None)
    if len(paragraphs) > 6:
        labels += ", …"
    return (Content.assemble((source.get("name", ""), "bold"), "  ", (labels, "dim")),
            source.get("paragraph"))


def source_items(sources: list[dict]) -> list[Item]:
    """Cited sources, after a heading line, with the paragraphs that cite them."""
    if not sources:
        return []
    return [sources_heading(), *(source_item(source) for source in sources)]


def note_line(text: str, index: int | None, status: str | None, orphan: bool) -> Content:
    """One note as a list item: where it is, its review status and its first words."""
    where = ("⚠ orphan", "bold") if orphan else (paragraph_label(index), "bold")
    parts: list = [where, " "]
    if status and status in STATUS_WORDS:
        parts += [(STATUS_WORDS[status], "italic"), " "]
    parts.append(shorten(text, NOTE_CHARS) or "(empty)")
    return Content.assemble(*parts)


def focused_notes_text(index: int, texts: list[str], status: str) -> Content:
    """The notes pane's top part: the focused paragraph's notes and review status."""
    head = f"{paragraph_label(index)}"
    if status in STATUS_WORDS:
        head += f" · {STATUS_WORDS[status]}"
    if not texts:
        return Content.assemble((head, "bold"), "\nNo note. Press a to write one.")
    body = "\n".join(shorten(t, 600) for t in texts)
    return Content.assemble((head, "bold"), "\n", body)


def gist_text(index: int, gist: str | None, analysing: bool) -> Content:
    """The summary pane's top part: the gist of the focused paragraph."""
    label = (f"{paragraph_label(index)} in short", "bold")
    if gist:
        return Content.assemble(label, "\n", gist)
    if analysing:
        return Content.assemble(label, "\n", ("analysing…", "italic dim"))
    return Content.assemble(label, "\n", ("(no gist for this paragraph)", "italic dim"))
