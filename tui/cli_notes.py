"""``closeread notes PATH`` lists notes; ``closeread note PATH ...`` adds, edits, deletes, attaches.

Problems (missing text, paragraph out of range, corrupt sidecar, no writable
place) print one line on stderr and exit 1; inconsistent options exit 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Callable

from tui.notes_storage import REVIEW_STATUSES

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``notes`` and ``note`` subcommands; each sets ``func`` to a callable(args) -> int."""
    notes = subparsers.add_parser("notes", help="list the notes of a text (orphans last)")
    notes.add_argument("path", help="the text whose notes to list")
    notes.add_argument("--json", action="store_true", help="print one JSON object")
    notes.set_defaults(func=run_notes)

    note = subparsers.add_parser(
        "note", help="add, edit, delete or re-attach a note, or set a paragraph's review status",
        epilog="Examples: note a.md --paragraph 3 --text 'check this' --tag figures; "
               "note a.md --edit ID --text 'new text'; note a.md --attach ID --paragraph 5; "
               "note a.md --paragraph 3 --status verified")
    note.add_argument("path", help="the text the note belongs to")
    note.add_argument("--paragraph", type=int, metavar="N", help="paragraph index from 0, as in `closeread analyze --json` (the reader and briefs show it as ¶ N+1)")
    note.add_argument("--text", metavar="TEXT", help="the note text (`-` reads standard input)")
    note.add_argument("--tag", action="append", default=None, metavar="T", help="a tag (repeatable; with --edit the tags given replace the old ones)")
    note.add_argument("--status", choices=REVIEW_STATUSES, help="the paragraph's review status")
    action = note.add_mutually_exclusive_group()
    action.add_argument("--edit", metavar="ID", help="change the text (--text) and/or tags (--tag) of a note")
    action.add_argument("--delete", metavar="ID", help="delete a note")
    action.add_argument("--attach", metavar="ID", help="attach a note (an orphan) to --paragraph N")
    note.set_defaults(func=run_note)


def fail(message: str, status: int = 1) -> int:
    """Print one line on stderr and return ``status``."""
    print(f"closeread: {message}", file=sys.stderr)
    return status


def open_store(path: str):
    """Load the text and its notes; raises LoadError for a text that cannot be read."""
    from tui.loader import load_document
    from tui.notes import NotesStore

    store = NotesStore.open(path, load_document(path))
    if store.location_message:
        print(f"closeread: {store.location_message}", file=sys.stderr)
    return store


def run_notes(args: argparse.Namespace) -> int:
    """``closeread notes PATH [--json]``."""
    from tui.loader import LoadError

    try:
        store = open_store(args.path)
    except LoadError as error:
        return fail(str(error))
    if store.unreadable:
        return fail(store.problem)
    if args.json:
        sys.stdout.write(json.dumps(store.to_json(), ensure_ascii=False) + "\n")
    else:
        print_notes(store)
    return 0


def print_notes(store) -> None:
    """Plain listing: one header line per note, then its text indented."""
    if not store.notes:
        print(f"no notes for {store.text_path}")
    for note in store.notes:
        where = _where(note.paragraph) if note.paragraph is not None else "orphan"
        tags = " ".join(f"#{tag}" for tag in note.tags)
        header = f"{where:<18} {note.id}  {note.anchor_status:<6}  {store.review_of_note(note):<9}  {tags}"
        print(_printable(header.rstrip()))
        if note.paragraph is None:
            print(_printable(f"        (was attached to: {note.quote[:70]!r})"))
        for line in note.text.splitlines() or [""]:
            print(_printable(f"        {line}"))


def _where(index: int) -> str:
    """A paragraph as people see it (from 1) with the index that ``--paragraph`` takes."""
    return f"¶ {index + 1} (index {index})"


def _printable(text: str) -> str:
    """Control characters shown as escapes, so a note cannot drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def run_note(args: argparse.Namespace) -> int:
    """``closeread note PATH ...``: dispatch to one action."""
    action = _choose_action(args)
    if isinstance(action, str):
        return fail(action, 2)
    from tui.loader import LoadError
    from tui.notes import NotesError

    try:
        if args.text == "-":
            args.text = sys.stdin.read()
        store = open_store(args.path)
        print(action(store, args))
    except (LoadError, NotesError) as error:
        return fail(str(error))
    if store.last_save is not None and store.last_save.conflict_path is not None:
        print(f"closeread: {store.last_save.message}", file=sys.stderr)
    return 0


def _choose_action(args: argparse.Namespace) -> Callable | str:
    """The action function for the options given, or a usage message."""
    if args.edit:
        if args.text is None and args.tag is None:
            return "--edit needs --text and/or --tag"
        return _edit
    if args.delete:
        return _delete
    if args.attach:
        return _attach if args.paragraph is not None else "--attach needs --paragraph N"
    if args.paragraph is None:
        return "give --paragraph N with --text and/or --status (or --edit/--delete/--attach ID)"
    if args.text is not None:
        return _add
    if args.status is not None:
        return _review
    return "give --text TEXT to add a note or --status S to set the review status"


def _add(store, args: argparse.Namespace) -> str:
    note = store.add(args.paragraph, args.text, args.tag or ())
    line = f"added note {note.id} to {_where(args.paragraph)}"
    if args.status:
        store.set_review(args.paragraph, args.status)
        line += f"; review status {args.status}"
    return line


def _edit(store, args: argparse.Namespace) -> str:
    note = store.edit(args.edit, args.text, args.tag)
    return f"note {note.id}: {_saved(store)}"


def _delete(store, args: argparse.Namespace) -> str:
    note = store.delete(args.delete)
    return f"deleted note {note.id}"


def _attach(store, args: argparse.Namespace) -> str:
    note = store.attach(args.attach, args.paragraph)
    return f"note {note.id} attached to {_where(args.paragraph)}"


def _review(store, args: argparse.Namespace) -> str:
    store.set_review(args.paragraph, args.status)
    return f"{_where(args.paragraph)}: review status {args.status}"


def _saved(store) -> str:
    last = store.last_save
    return "unchanged" if last is None or not last.written else "saved"
