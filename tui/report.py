"""The human-readable ``closeread analyze`` output, printed with rich."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tui.analysis import Analysis
from tui.document import PARAGRAPH_KINDS, Document


def _shown(index: int | None) -> str:
    """Paragraph numbers are shown to people from 1."""
    return "" if index is None else f"¶ {index + 1}"


def _metadata_table(document: Document) -> Table:
    table = Table.grid(padding=(0, 2))
    kinds = Counter(p.kind for p in document.paragraphs)
    counted = ", ".join(f"{kinds[k]} {k}" for k in PARAGRAPH_KINDS if kinds[k])
    for label, value in (("author", document.author), ("date", document.date), ("file", document.path),
                         ("words", f"{document.words:,}"),
                         ("paragraphs", f"{len(document.paragraphs)} ({counted})")):
        table.add_row(f"[dim]{label}[/]", escape(str(value or "—")))
    return table


def _rows_table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table | str:
    if not rows:
        return f"[bold]{title}[/] [dim](none)[/]"
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=True, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table


def print_report(document: Document, analysis: Analysis, console: Console | None = None) -> None:
    """Print the title, metadata, paragraph counts and each analysis section as a table."""
    console = console or Console()
    console.rule(f"[bold]{escape(document.title or document.path)}")
    console.print(_metadata_table(document))
    summary = [(_shown(s["paragraph"]), s["text"]) for s in analysis.summary.sentences]
    console.print(_rows_table("Summary", ("¶", "sentence"), summary))
    gists = [(_shown(i), text) for i, text in sorted(analysis.summary.gists.items())]
    if gists:
        console.print(_rows_table("Paragraph gists", ("¶", "gist"), gists))
    figures = [(f["text"], f.get("counts") or "", f["kind"], _shown(f["paragraph"])) for f in analysis.figures]
    console.print(_rows_table("Key figures", ("figure", "counts", "kind", "¶"), figures))
    quotes = [(q.get("speaker") or "—", q["text"], q["kind"], _shown(q["paragraph"])) for q in analysis.quotes]
    console.print(_rows_table("Quoted sources", ("speaker", "quotation", "kind", "¶"), quotes))
    sources = [(s["name"], s["text"], _shown(s["paragraph"])) for s in analysis.sources]
    console.print(_rows_table("Cited sources", ("source", "phrase", "¶"), sources))
