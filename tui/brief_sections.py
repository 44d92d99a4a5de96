"""The analysis sections of a brief: summary, key figures, quoted sources.

Each function adds its blocks to a :class:`~tui.brief_blocks.Blocks` under a
heading of the given level. Every string from the analysis is escaped here;
long lists are capped with a remark saying what was left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.brief_blocks import Blocks, paragraph_ref, paragraph_refs
from tui.brief_model import BriefOptions
from tui.markdown_escape import bold, escape_short, one_line, table_row

SENTENCE_CHARS = 600  # a summary line longer than this is cut
QUOTE_CHARS = 400
FIGURE_CHARS = 60
COUNTS_CHARS = 100
NAME_CHARS = 80
UNATTRIBUTED = "Unattributed"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def spread(items: Sequence, limit: int) -> list:
    """At most ``limit`` of ``items``, spread evenly from first to last, in their order."""
    count = len(items)
    if limit <= 0 or count <= limit:
        return list(items)
    if limit == 1:
        return [items[0]]
    step = (count - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


def _paragraphs_of(item: dict) -> list[int]:
    """Every paragraph index of a figure or source (the ``paragraphs`` extra, else ``paragraph``)."""
    many = item.get("paragraphs")
    if isinstance(many, (list, tuple)) and many:
        return [i for i in many if isinstance(i, int) and not isinstance(i, bool)]
    one = item.get("paragraph")
    return [one] if isinstance(one, int) and not isinstance(one, bool) else []


def _index(item: dict) -> int | None:
    value = item.get("paragraph")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def add_summary(out: Blocks, level: int, sentences: Sequence[dict], options: BriefOptions) -> None:
    """The summary sentences in reading order, each followed by its paragraph number."""
    out.heading(level, "Summary")
    usable = [s for s in sentences if one_line(s.get("text"))]
    if not usable:
        out.note("No summary: the text is too short or has no sentences to pick.")
        return
    shown = spread(usable, options.max_summary)
    out.bullets(_summary_line(s) for s in shown)
    left_out = len(usable) - len(shown)
    if left_out:
        out.note(f"{_plural(left_out, 'more summary sentence')} left out "
                 f"(showing {len(shown)} of {len(usable):,}, spread over the text).")


def _summary_line(sentence: dict) -> str:
    text = escape_short(sentence.get("text"), SENTENCE_CHARS)
    ref = paragraph_ref(_index(sentence))
    return f"{text} ({ref})" if ref else text


def add_figures(out: Blocks, level: int, figures: Sequence[dict], options: BriefOptions) -> None:
    """The key figures as a table (figure, what it counts, paragraph), in the analysis's ranking."""
    out.heading(level, "Key figures")
    usable = [f for f in figures if one_line(f.get("text"))]
    if not usable:
        out.note("No figures found.")
        return
    shown = usable[: max(options.max_figures, 0)]
    rows = [table_row(["Figure", "What it counts", "Paragraph"]), "| --- | --- | --- |"]
    rows.extend(table_row([escape_short(f.get("text"), FIGURE_CHARS),
                           escape_short(f.get("counts"), COUNTS_CHARS),
                           paragraph_refs(_paragraphs_of(f))]) for f in shown)
    out.add("\n".join(rows))
    left_out = len(usable) - len(shown)
    if left_out:
        out.note(f"{_plural(left_out, 'more figure')} left out (showing the top {len(shown)} "
                 f"of {len(usable):,}).")


def _speaker_key(speaker: object) -> str:
    return one_line(speaker).casefold()


def _group_quotes(quotes: Sequence[dict]) -> list[tuple[str, list[dict]]]:
    """Quotes grouped by speaker, groups in order of first appearance, unattributed last."""
    groups: dict[str, list[dict]] = {}
    for quote in quotes:
        groups.setdefault(_speaker_key(quote.get("speaker")), []).append(quote)
    ordered = [(_display_name(group), group) for key, group in groups.items() if key]
    if "" in groups:
        ordered.append((UNATTRIBUTED, groups[""]))
    return ordered


def preferred_spelling(names: Sequence[str]) -> str:
    """The first of several spellings of a name that starts with a capital ("Ann Lee" over "ann lee")."""
    return next((name for name in names if name[:1].isupper()), names[0])


def _display_name(group: list[dict]) -> str:
    return preferred_spelling([one_line(quote.get("speaker")) for quote in group])


def _quote_line(quote: dict) -> str:
    text = escape_short(quote.get("text"), QUOTE_CHARS)
    details = [part for part in (escape_short(quote.get("cue"), 40), paragraph_ref(_index(quote))) if part]
    return f"“{text}”" + (f" ({', '.join(details)})" if details else "")


def _in_text_order(items: Sequence[dict]) -> list[dict]:
    # Stable sort: items without a paragraph keep their place at the end.
    return sorted(items, key=lambda item: (_index(item) is None, _index(item) or 0))


def add_quotes(out: Blocks, level: int, quotes: Sequence[dict], sources: Sequence[dict],
               options: BriefOptions) -> None:
    """Quotations grouped by speaker, then the cited outlets and documents."""
    out.heading(level, "Quoted sources")
    usable = [q for q in _in_text_order(quotes)
              if q.get("kind", "quote") == "quote" and one_line(q.get("text"))]
    shown = spread(usable, max(options.max_quotes, 0))
    if not shown:
        out.note("No quotations found.")
    for name, group in _group_quotes(shown):
        out.add(f"{bold(escape_short(name, NAME_CHARS))} · {_plural(len(group), 'quotation')}")
        out.bullets(_quote_line(q) for q in group)
    if len(usable) > len(shown):
        out.note(f"{_plural(len(usable) - len(shown), 'more quotation')} left out "
                 f"(showing {len(shown)} of {len(usable):,}, spread over the text).")
    _add_sources(out, sources, options)


def _merge_sources(sources: Sequence[dict]) -> list[tuple[str, list[int]]]:
    """Sources with the same name (case aside) merged, in order of first appearance."""
    names: dict[str, list[str]] = {}
    paragraphs: dict[str, list[int]] = {}
    for source in _in_text_order(sources):
        name = one_line(source.get("name"))
        if name:
            names.setdefault(name.casefold(), []).append(name)
            paragraphs.setdefault(name.casefold(), []).extend(_paragraphs_of(source))
    return [(preferred_spelling(spellings), paragraphs[key]) for key, spellings in names.items()]


def _add_sources(out: Blocks, sources: Sequence[dict], options: BriefOptions) -> None:
    merged = _merge_sources(sources)
    if not merged:
        return
    shown = _most_cited(merged, max(options.max_sources, 0))
    out.add(bold("Cited outlets and documents"))
    out.bullets(_source_line(name, refs) for name, refs in shown)
    if len(merged) > len(shown):
        out.note(f"{_plural(len(merged) - len(shown), 'more source')} left out "
                 f"(showing the {len(shown)} cited in most paragraphs).")


def _most_cited(merged: list[tuple[str, list[int]]], limit: int) -> list[tuple[str, list[int]]]:
    """The ``limit`` sources cited in most paragraphs, kept in order of first appearance."""
    if len(merged) <= limit:
        return merged
    ranked = sorted(range(len(merged)), key=lambda i: -len(set(merged[i][1])))
    return [merged[i] for i in sorted(ranked[:limit])]


def _source_line(name: str, paragraphs: list[int]) -> str:
    refs = paragraph_refs(paragraphs)
    text = escape_short(name, NAME_CHARS)
    return f"{text} ({refs})" if refs else text
