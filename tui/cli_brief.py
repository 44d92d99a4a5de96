"""``closeread brief``: a Markdown brief of one or more texts, on standard output or in a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from tui.cli_args import positive_int
from tui.brief_model import SECTIONS, parse_sections

EXIT_BAD_INPUT = 1


def _sections(value: str) -> tuple[str, ...]:
    try:
        return parse_sections(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``brief`` subcommand; it sets ``func`` to a callable(args) -> int."""
    brief = subparsers.add_parser(
        "brief", help="write a Markdown brief of one or more texts",
        description="Write a Markdown brief (summary, key figures, quoted sources, notes) of one "
                    "or more texts. Several texts make one brief with a contents list.",
        epilog="Paragraphs are numbered from 1, as in the reader (¶ 1 is the first paragraph). "
               "Example: closeread brief a.md b.md -o week.md --no-timestamp")
    brief.add_argument("paths", nargs="+", metavar="PATH", help="text files (`-` reads standard input)")
    brief.add_argument("-o", "--output", metavar="FILE",
                       help="write the brief to FILE (default: standard output); an existing FILE "
                            "is replaced only if it is a closeread brief")
    brief.add_argument("--force", action="store_true",
                       help="replace FILE even if it is not a closeread brief")
    which = brief.add_mutually_exclusive_group()
    which.add_argument("--sections", type=_sections, metavar="LIST",
                       help=f"sections to show, in this order (default: {','.join(SECTIONS)})")
    which.add_argument("--notes-only", action="store_true", help="only the notes and review marks")
    brief.add_argument("--no-timestamp", action="store_true",
                       help="leave out when the brief was made, so briefs can be diffed")
    brief.add_argument("--summary-sentences", type=positive_int, metavar="N",
                       help="sentences in each summary (default: about 5, more for long texts)")
    brief.set_defaults(func=run_brief)


def _error(message: str) -> int:
    print(f"closeread: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _load_notes(path: str, document):
    """The notes store of ``path`` (None for standard input or when there are no notes yet)."""
    if path == "-":
        return None
    try:
        from tui.notes import NotesStore
    except ImportError:
        return None
    store = NotesStore.open(path, document)
    if getattr(store, "unreadable", False):
        print(f"closeread: warning: {store.problem}; the brief of {path} has no notes", file=sys.stderr)
    return store


def build_entries(args: argparse.Namespace, sections: tuple[str, ...], stores: list[Callable[[], bool]]):
    """Load, analyse and gather the notes of every path; raises LoadError on the first bad one.

    An analysis computed here is being cached meanwhile: ``stores`` gets a call per text that waits
    until it is.
    """
    # A text already analysed (in the reader, or by an earlier brief) comes from the cache at once.
    from tui.analysis_cache import analyze_then_store
    from tui.analysis_fork import may_fork
    from tui.brief import BriefInput
    from tui.loader import load_document

    documents = [(path, load_document(path)) for path in args.paths]
    entries = []
    for path, document in documents:
        for warning in document.warnings:
            print(f"closeread: warning: {warning}", file=sys.stderr)
        analysing = any(name != "notes" for name in sections)
        notes = _notes_for_brief(path, document, may_fork() and analysing) if "notes" in sections else None
        analysis = None
        if analysing:
            analysis, stored = analyze_then_store(document, args.summary_sentences, parallel=may_fork())
            stores.append(stored)
        entries.append(BriefInput(document, analysis, notes() if notes else None))
    return entries


def _notes_for_brief(path: str, document, fork: bool) -> Callable[[], object]:
    """A call giving the notes of ``path`` for its brief. With ``fork``, a long text's notes are read
    and anchored in a forked child while its analysis runs (0.2 s for a book's notes, else spent
    between the analysis and the brief), and only the brief's view of them comes back."""
    from tui.analysis import is_long

    if not fork or path == "-" or not is_long(document):
        store = _load_notes(path, document)
        return lambda: store
    from tui.analysis_fork import ForkedCall
    from tui.brief_model import brief_notes

    return ForkedCall(lambda: brief_notes(_load_notes(path, document))).result


def _write_output(output: str, text: str, force: bool) -> int:
    from tui.brief_write import may_overwrite, write_text_atomically

    target = Path(output)
    if target.is_dir():
        return _error(f"{output}: is a directory")
    if not force and not may_overwrite(target):
        return _error(f"{output}: exists and is not a closeread brief; not replacing it (use --force)")
    try:
        write_text_atomically(target, text)
    except OSError as error:
        return _error(f"{output}: cannot write ({error.strerror or error})")
    print(f"closeread: brief written to {output}", file=sys.stderr)
    return 0


def run_brief(args: argparse.Namespace) -> int:
    """Run ``closeread brief``: exit 0, or 1 with one line on stderr for bad input."""
    from tui.loader import LoadError

    sections = ("notes",) if args.notes_only else (args.sections or SECTIONS)
    if args.paths.count("-") > 1:
        return _error("-: standard input can be read only once")
    stores: list[Callable[[], bool]] = []
    try:
        return _make_brief(args, sections, stores)
    except LoadError as error:
        return _error(str(error))
    finally:
        for stored in stores:  # the command ends once every analysis it made is cached
            stored()


def _make_brief(args: argparse.Namespace, sections: tuple[str, ...], stores: list[Callable[[], bool]]) -> int:
    from tui.brief import BriefOptions, render_brief

    entries = build_entries(args, sections, stores)
    made_at = None if args.no_timestamp else datetime.now(timezone.utc)
    options = BriefOptions(sections=sections, made_at=made_at)
    if args.summary_sentences:  # sentences asked for are never capped away
        options = replace(options, max_summary=max(options.max_summary, args.summary_sentences))
    text = render_brief(entries, options)
    if args.output and args.output != "-":
        return _write_output(args.output, text, args.force)
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0
