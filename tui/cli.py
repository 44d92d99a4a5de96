"""The ``closeread`` command line.

``closeread PATH`` opens the reader; ``analyze``, ``brief``, ``notes`` and
``note`` expose the core to scripts. Bad input gets one line on stderr and
exit status 1; bad usage exits 2, as argparse does.
"""

from __future__ import annotations

import argparse
import json
import sys

from tui import __version__
from tui.compiled import build_description
from tui.cli_args import positive_int
from tui.loader import LoadError, load_document

SUBCOMMANDS = ("analyze", "brief", "notes", "note", "read")


class VersionAction(argparse.Action):
    """``--version``: the version and whether the analysis is compiled. The build is looked up only
    when asked for: it scans the package folder (about 1 ms), which every start would pay otherwise."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0,
                         help="show the version and the build, then exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"closeread {__version__}, {build_description()}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; for ``read`` alone the other subcommands' modules are not even imported,
    since the reader's first paint waits for every import."""
    parser = argparse.ArgumentParser(
        prog="closeread",
        description="Read a text closely in the terminal: paragraphs, summary, key figures, "
                    "quoted sources and your notes side by side. `closeread PATH` opens the reader.",
        epilog="Run `closeread COMMAND --help` for the options of a command.")
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    read = sub.add_parser("read", help="open a text in the reader (the default: `closeread PATH`)")
    read.add_argument("path", nargs="?", help="a .txt or .md file; without it, the start screen opens")
    read.add_argument("--theme", help="colour theme to use (remembered for next time)")
    read.set_defaults(func=run_read)
    analyze = sub.add_parser("analyze", help="analyse texts: paragraphs, summary, figures, quotes, sources")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="text files (`-` reads standard input)")
    analyze.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    analyze.add_argument("--summary-sentences", type=positive_int, metavar="N",
                         help="sentences in the summary (default: about 5, more for long texts)")
    analyze.set_defaults(func=run_analyze)
    if command != "read":
        from tui import cli_brief, cli_notes

        cli_brief.add_parsers(sub)
        cli_notes.add_parsers(sub)
    return parser


def normalise_argv(argv: list[str]) -> list[str]:
    """``closeread PATH [--theme T]`` and bare ``closeread`` mean ``closeread read ...``."""
    if not argv:
        return ["read"]
    first = argv[0]
    if first in SUBCOMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["read", *argv]


def run_read(args: argparse.Namespace) -> int:
    if args.path == "-":
        print("closeread: the reader needs a file; save standard input to a file first "
              "(`closeread analyze -` reads it)", file=sys.stderr)
        return 1
    if args.path is not None:
        from tui.loader import preflight
        preflight(args.path)
    from tui.app import run_reader
    return run_reader(args.path, theme=args.theme)


def run_analyze(args: argparse.Namespace) -> int:
    from tui.analysis import analyze, to_contract
    from tui.analysis_fork import may_fork
    parallel = may_fork()
    status = 0
    for path in args.paths:
        try:
            document = load_document(path)
        except LoadError as error:
            print(f"closeread: {error}", file=sys.stderr)
            status = 1
            continue
        for warning in document.warnings:
            print(f"closeread: warning: {warning}", file=sys.stderr)
        analysis = analyze(document, args.summary_sentences, parallel=parallel)
        if args.json:
            sys.stdout.write(json.dumps(to_contract(document, analysis), ensure_ascii=False) + "\n")
        else:
            from tui.report import print_report
            print_report(document, analysis)
    sys.stdout.flush()
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``closeread`` console script; returns the exit status."""
    argv = normalise_argv(list(sys.argv[1:] if argv is None else argv))
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser(argv[0]).parse_args(argv)
    try:
        return args.func(args)
    except LoadError as error:
        print(f"closeread: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
