"""Benchmark closeread on book-size texts (issue 8) and print one table.

Usage: ``python bench/run.py [--sizes 0.1,1,3] [--skip-ui] [--json OUT]``

Measured in one run, on this machine:

* analysis time per size (load + sentences + figures + quotes + sources +
  summary) on one core, best of N fresh processes on N different texts, plus
  the ``closeread analyze`` command; the growth per MB from 1 MB to the largest
  size, and the time ratio for a doubling (largest size against half of it);
* first paint of ``closeread BIG.md`` against a blank Textual app, in a real
  terminal (a private tmux server, polling ``capture-pane``);
* key latency (next paragraph, page, end/start, note editor) while the
  analysis runs and after it;
* the reader's peak resident memory; the time of ``closeread brief``.

A part that cannot run (no tmux, reader or brief not there yet) prints why
and the rest goes on; the script exits 0 unless its own arguments are wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shlex
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from blank_app import MARKER as BLANK_MARKER  # noqa: E402
from figures_speed import news_text  # noqa: E402
from gen_text import add_notes, first_marker, generate  # noqa: E402
from tui.compiled import PURE_ENV, build_description, compiled_count  # noqa: E402
from timing import Timing, pin_to_one_core, run_timed, time_analyses  # noqa: E402
from tmux_screen import (Terminal, TmuxError, TreeMemory, peak_rss_mb, private_socket,  # noqa: E402
                         process_tree)

BIN = Path(sys.executable).parent
KEYS = (("j", "next paragraph (j)"), ("Space", "page down (space)"),
        ("G", "end (G)"), ("g", "start (g)"), ("a", "open note editor (a)"),
        ("Escape", "close note editor (esc)"))


@dataclass
class Row:
    """One line of the result table."""

    part: str
    measure: str
    value: str
    target: str = ""
    verdict: str = ""


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISSED")


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def write_text(size: float, seed: int, folder: Path) -> Path:
    """Generate one text; a file already holding the same text is left alone."""
    path = folder / f"bench-{size:g}MB-seed{seed}.md"
    text = generate(size, seed)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        # notes of an older text would be orphans: start again
        path.with_name(path.name + ".notes.toml").unlink(missing_ok=True)
    return path


def analysis_rows(folder: Path, sizes: list[float], seed: int, repeat: int) -> list[Row]:
    """Analysis time per size (best of ``repeat`` texts), the CLI's time, and the growth."""
    all_sizes = sorted({*sizes, max(sizes) / 2})
    texts: dict = {size: [write_text(size, seed + run, folder) for run in range(repeat)]
                   for size in all_sizes}
    news = write_news(folder)
    if news is not None:
        texts[NEWS] = [news] * repeat  # one text: the runs are fresh processes, no cache carries over
    warm_up = write_text(0.02, seed + 10_000, folder)
    previous = pin_to_one_core()
    try:
        # Where the analysis is compiled, pure Python runs take turns with the compiled ones.
        pure_too = ({}, {PURE_ENV: "1"}) if compiled_count() else ({},)
        both = time_analyses(warm_up, texts, {size: pure_too if size in sizes and size >= 1 else ({},)
                                              for size in texts})
        timings = {size: found[0] for size, found in both.items()}
        pure = {size: found[1] for size, found in both.items() if len(found) > 1 and size in sizes}
        cli = {size: run_timed([str(BIN / "closeread"), "analyze", str(texts[size][0]), "--json"])
               for size in sizes}
    finally:
        if previous:
            os.sched_setaffinity(0, previous)
    failed = next((t for t in timings.values() if isinstance(t, str)), None)
    if failed:
        return [Row("analysis", "load + analyze", f"failed: {failed}")]
    stages = {size: timings[size][1] for size in all_sizes}
    rows = [Row("analysis", f"{size:g} MB load + analyze (best of {repeat})", str(timings[size][0]),
                *size_target(size, timings[size][0].cpu)) for size in all_sizes]
    rows += [Row("analysis", f"{size:g} MB CPU per stage", stage_list(stages[size]))
             for size in sizes if size >= 1]
    if NEWS in timings:
        news_timing, news_stages = timings[NEWS]
        rows += [Row("analysis", f"1 MB of real news, {NEWS_SOURCE} (best of {repeat})", str(news_timing),
                     *size_target(1, news_timing.cpu)),
                 Row("analysis", "1 MB of real news, CPU per stage", stage_list(news_stages))]
    timings = {size: timings[size][0] for size in all_sizes}
    rows += [Row("analysis", f"{size:g} MB load + analyze, pure Python ({PURE_ENV}=1)",
                 str(timing[0]) if not isinstance(timing, str) else f"failed: {timing}")
             for size, timing in pure.items()]
    for size, (timing, rss, status, error) in sorted(cli.items()):
        value = f"{timing}, {rss:.0f} MB peak" if status == 0 else f"failed: {error}"
        rows.append(Row("analysis", f"{size:g} MB `closeread analyze --json`", value))
    return rows + growth_rows(timings, max(sizes))


def stage_list(stages: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds:.2f}" for name, seconds in stages.items())


# The generated texts are denser in figures than news; where ../shared/data is present (development
# data, read in place and never copied into the repository), 1 MB of real articles is timed beside them.
NEWS = "news"
NEWS_SOURCE = "BBC and PolNeAR dev articles joined"


def write_news(folder: Path) -> Path | None:
    """1 MB of real news in ``folder``, or None without the development data."""
    text = news_text(1_000_000)
    if text is None:
        return None
    path = folder / "news-1MB.md"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def size_target(size: float, seconds: float) -> tuple[str, str]:
    """The issue's limit for a size (1 s per MB for 1 and 3 MB), if it has one."""
    if size not in (1, 3):
        return "", ""
    return f"cpu < {size:g} s", verdict(seconds < size)


def growth_rows(timings: dict[float, Timing], largest: float) -> list[Row]:
    """Growth of the CPU time: per MB from 1 MB to the largest size, and for a doubling."""
    totals = {size: timing.cpu for size, timing in timings.items()}
    rows = []
    if 1 in totals and largest > 1:
        per_mb = (totals[largest] / largest) / totals[1]
        rows.append(Row("analysis", f"time per MB, {largest:g} MB / 1 MB", f"{per_mb:.2f}x"))
    half = largest / 2
    if half in totals:
        ratio = totals[largest] / totals[half]
        rows.append(Row("analysis", f"doubling {half:g} -> {largest:g} MB", f"{ratio:.2f}x",
                        "<= 2.2x", verdict(ratio <= 2.2)))
    return rows


def clean_env(home: Path, session: str) -> dict[str, str]:
    """Environment of one terminal session: our venv first, its own empty config/state/cache.

    A fresh home per session means no session starts from what an earlier one saved
    (a reading position, a cached analysis).
    """
    env = {"PATH": f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}"}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / session / name.lower())
    return env


def first_paint(term: Terminal, command: str, marker: str, home: Path,
                tag: str) -> float | None:
    """Seconds from starting ``command`` until ``marker`` is on screen."""
    env = clean_env(home, tag)
    start = time.perf_counter()
    term.start(tag, command, env)
    shown = term.wait_for_text(tag, marker, timeout=60)
    seconds = None if shown is None else time.perf_counter() - start
    if seconds is None:
        print(f"  {tag}: {marker!r} never appeared; the screen ends: {term.screen_tail(tag)}")
    term.stop(tag)
    return seconds


# Issue 8 sets its absolute limits on a machine where "a blank Textual 8 app paints in about 0.27 s":
# this run's blank paint against it tells how fast the machine runs now (its speed drifts by 2x).
REFERENCE_BLANK_PAINT = 0.27


def paint_rows(term: Terminal, big: Path, home: Path, runs: int) -> list[Row]:
    """Median first paint of a blank Textual app and of closeread, interleaved."""
    reader = f"{shlex.quote(str(BIN / 'closeread'))} {shlex.quote(str(big))}"
    blank = f"{shlex.quote(sys.executable)} {shlex.quote(str(BENCH / 'blank_app.py'))}"
    marker = first_marker(big.read_text(encoding="utf-8"))
    blanks, reads = [], []
    for run in range(runs):
        blanks.append(first_paint(term, blank, BLANK_MARKER, home, f"blank{run}"))
        reads.append(first_paint(term, reader, marker, home, f"paint{run}"))
    blanks, reads = [b for b in blanks if b], [r for r in reads if r]
    rows = []
    if blanks:
        blank_median = statistics.median(blanks)
        rows.append(Row("first paint", f"blank Textual app (median of {len(blanks)})",
                        f"{blank_median:.3f} s = {blank_median / REFERENCE_BLANK_PAINT:.2f}x the issue's "
                        f"{REFERENCE_BLANK_PAINT} s (above 1: a slow spell, limits nearer)"))
    if not reads:
        return rows + [Row("first paint", f"closeread {big.name}", "failed (see above)")]
    value = statistics.median(reads)
    ratio = value / statistics.median(blanks) if blanks else None
    rows.append(Row("first paint", f"closeread {big.name} (median of {len(reads)})",
                    f"{value:.3f} s" + (f" = {ratio:.2f}x blank" if ratio else ""),
                    "<= 2x blank", verdict(ratio <= 2 if ratio else None)))
    return rows


def latency_row(label: str, samples: list[float | None], targeted: bool = True) -> Row:
    """p50/p95 of one key's latencies; a missing response counts as a miss."""
    got = [s for s in samples if s is not None]
    if not got:
        return Row("keys", label, "no screen change", "p95 <= 50 ms", "MISSED")
    if not targeted:
        return Row("keys", label, latency_text(got, len(samples)))
    p95 = percentile(got, 0.95) * 1000
    return Row("keys", label, latency_text(got, len(samples)), "p95 <= 50 ms",
               verdict(p95 <= 50 and len(got) == len(samples)))


def latency_text(got: list[float], asked: int) -> str:
    """``p50 .. ms, p95 .. ms, max .. ms (n=..)`` of the latencies that came.

    The slowest is shown too: with fewer than 20 samples the p95 (nearest rank) is the slowest.
    """
    p50, p95 = percentile(got, 0.5) * 1000, percentile(got, 0.95) * 1000
    missing = asked - len(got)
    return f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(got) * 1000:.0f} ms (n={len(got)}" + (
        f", {missing} no change)" if missing else ")")


def wait_for_analysis(term: Terminal, busy_text: str, painted_at: float) -> Row:
    """Wait until the reader no longer shows ``busy_text``, then until its screen is still."""
    _, seen = term.wait_while_text("keys", busy_text, timeout=180)
    term.wait_until_quiet("keys", quiet_for=1.0, timeout=30)
    how = f"{busy_text!r} gone, screen still" if seen else "screen still"
    return Row("keys", "analysis done, after first paint",
               f"{time.perf_counter() - painted_at:.1f} s ({how})")


def press_keys(term: Terminal, rounds: int, busy_text: str | None = None,
               name: str = "keys") -> dict:
    """Latencies of each key in :data:`KEYS`, ``rounds`` times; with ``busy_text``, only while shown."""
    samples: dict[str, list[float | None]] = {key: [] for key, _ in KEYS}
    for _ in range(rounds):
        if busy_text and not term.shows_any(name, busy_text):
            break
        for key, _label in KEYS:
            # an open editor may blink its cursor (every 0.5 s): wait longer than that
            quiet = 0.7 if key == "Escape" else 0.4
            samples[key].append(term.key_latency(name, key, quiet=quiet))
    return samples


def wait_until_busy(term: Terminal, name: str, busy_text: str) -> None:
    """Wait (up to 5 s) until the reader says it is busy: its side panes, which say so, are
    mounted just after the first paint, and keys pressed before would count as idle."""
    term.wait_for_any(name, busy_text, timeout=5)


def busy_samples(term: Terminal, big: Path, home: Path, presses: int, busy_text: str,
                 readers: int) -> dict:
    """Key latencies while the analysis runs, from ``readers`` fresh readers (one gives few)."""
    command = f"{shlex.quote(str(BIN / 'closeread'))} {shlex.quote(str(big))}"
    marker = first_marker(big.read_text(encoding="utf-8"))
    samples: dict[str, list[float | None]] = {key: [] for key, _ in KEYS}
    for number in range(readers):
        name = f"busy{number}"
        term.start(name, command, clean_env(home, name))
        if term.wait_for_text(name, marker, timeout=60) is not None:
            wait_until_busy(term, name, busy_text)
            for key, got in press_keys(term, presses, busy_text, name).items():
                samples[key] += got
        term.send(name, "q")
        term.stop(name)
    return samples


def latency_rows(samples: dict, when: str) -> list[Row]:
    """One row per key that was pressed at all."""
    # Textual holds a lone Escape for ESCDELAY (100 ms): the issue sets no target for it
    return [latency_row(f"{label}, {when}", samples[key], targeted=key != "Escape")
            for key, label in KEYS if samples[key]]


def memory_row(term: Terminal, big: Path, sampled: dict[int, float]) -> Row:
    """The reader's peak RSS: its processes' peaks added up (the reader and its analysis
    child, sampled while they ran), as if every peak came at the same moment."""
    live = {pid: peak for pid in process_tree(term.pane_pid("keys")) if (peak := peak_rss_mb(pid))}
    peaks = {**sampled, **{pid: max(peak, sampled.get(pid, 0.0)) for pid, peak in live.items()}}
    if not peaks:
        return Row("memory", f"reader peak RSS on {big.name}", "unknown", "< 400 MB", verdict(None))
    total = sum(peaks.values())
    parts = " + ".join(f"{peak:.0f}" for peak in sorted(peaks.values(), reverse=True))
    return Row("memory", f"reader peak RSS on {big.name} (its processes, added)",
               f"{total:.0f} MB ({parts})", "< 400 MB", verdict(total < 400))


def key_rows(term: Terminal, big: Path, home: Path, presses: int,
             busy_text: str, busy_readers: int = 0) -> list[Row]:
    """Key latencies on the big text while the analysis runs and after; then peak RSS.

    ``busy_readers`` more readers are started first, only for keys while the analysis runs.
    """
    extra = busy_samples(term, big, home, presses, busy_text, busy_readers) if busy_readers else {}
    command = f"{shlex.quote(str(BIN / 'closeread'))} {shlex.quote(str(big))}"
    marker = first_marker(big.read_text(encoding="utf-8"))
    term.start("keys", command, clean_env(home, "keys"))
    if term.wait_for_text("keys", marker, timeout=60) is None:
        print(f"  keys: the reader did not open; the screen ends: {term.screen_tail('keys')}")
        term.stop("keys")
        return [Row("keys", "reader", "did not open; keys not measured")]
    painted_at = time.perf_counter()
    memory = TreeMemory(term.pane_pid("keys"))
    wait_until_busy(term, "keys", busy_text)
    samples = press_keys(term, presses, busy_text)
    for key, got in extra.items():
        samples[key] = got + samples[key]
    rows = latency_rows(samples, "analysis running")
    if not rows:
        print(f"  keys: {busy_text!r} was not on screen after first paint: no keys during analysis")
    rows.append(wait_for_analysis(term, busy_text, painted_at))
    rows += latency_rows(press_keys(term, presses), "after analysis")
    if term.pane_dead("keys"):
        print(f"  keys: the reader exited; the screen ends: {term.screen_tail('keys')}")
    rows.append(memory_row(term, big, memory.stop()))
    term.send("keys", "q")
    term.stop("keys")
    return rows


def ui_rows(big: Path, args: argparse.Namespace) -> list[Row]:
    """First paint, keys and memory of the reader in a private tmux server."""
    if not (BIN / "closeread").exists():
        return [Row("reader", "closeread", f"skipped: {BIN / 'closeread'} not installed")]
    try:
        term = Terminal(private_socket(), nice=args.nice, poller=args.poller)
        print(f"terminal read through: {'one control-mode tmux client' if term.control else 'a tmux process per look'}")
    except (TmuxError, OSError) as error:
        return [Row("reader", "terminal", f"skipped: {error}")]
    try:
        with tempfile.TemporaryDirectory(prefix="closeread-bench-") as home, lower_own_priority(args.poll_nice):
            rows = paint_rows(term, big, Path(home), args.paint_runs)
            return rows + key_rows(term, big, Path(home), args.presses, args.busy_text,
                                   args.busy_readers)
    except TmuxError as error:
        return [Row("reader", "terminal", f"failed: {error}")]
    finally:
        term.close()


@contextlib.contextmanager
def lower_own_priority(nice: int):
    """Run the block with this script (the poller) below the terminal and the apps it times.

    The key timings poll ``tmux capture-pane`` every few milliseconds: through the control-mode
    client a fraction of a core, with ``--poller spawn`` most of one; a user's terminal does
    nothing of the kind. Linux schedules each session as a
    group (autogroup), so the poller's niceness only counts through its group's: the group
    gets ``nice`` for the block and its old value back after, which only root may do: the
    group is the whole shell session's, so for other users it is left alone. The tmux server
    starts its own session, so the apps keep their niceness.
    """
    group = Path("/proc/self/autogroup")
    if os.geteuid() != 0:
        nice = 0
    try:
        before = group.read_text().split()[-1]
        if nice > 0:
            group.write_text(str(nice))
        print(f"poller priority: {group.read_text().strip()}")
    except (OSError, IndexError) as error:
        before = None
        print(f"poller priority: unchanged ({getattr(error, 'strerror', None) or error})")
    try:
        yield
    finally:
        if before is not None and nice > 0:
            try:
                group.write_text(before)
            except OSError:
                pass


def brief_rows(big: Path) -> list[Row]:
    """The time of ``closeread brief BIG.md -o OUT``: with no cached analysis, then with one.

    A first run gets an empty cache folder, so it analyses the text as on a first use, with the
    quotes, the summary and half the figures in forked children (two cores) and then in one process
    (``CLOSEREAD_WORKERS=1``); the last run finds the analysis the first one cached, as after
    reading the text in the reader. The target is for the time a user waits: wall clock.
    """
    rows = []
    runs = (("first time", "cache", {}), ("first time, one process", "cache-1", {"CLOSEREAD_WORKERS": "1"}),
            ("with the cached analysis", "cache", {}))
    with tempfile.TemporaryDirectory(prefix="closeread-brief-") as folder:
        for when, cache_name, extra in runs:
            cache = str(Path(folder) / cache_name)
            env = {"XDG_CACHE_HOME": cache, "CLOSEREAD_CACHE_DIR": cache, **extra}
            out = Path(folder) / "brief.md"
            out.unlink(missing_ok=True)
            timing, rss, status, error = run_timed(
                [str(BIN / "closeread"), "brief", str(big), "-o", str(out)], env)
            if status != 0 or not out.exists() or out.stat().st_size == 0:
                return rows + [Row("brief", f"closeread brief {big.name}, {when}",
                                   f"failed (exit {status}): {error or 'no output file'}")]
            row = Row("brief", f"closeread brief {big.name}, {when}", f"{timing}, {rss:.0f} MB peak")
            if abs(big.stat().st_size / 1e6 - 3) < 0.1:  # the target is for the 3 MB text
                row.target, row.verdict = "wall < 3 s", verdict(timing.wall < 3)
            rows.append(row)
    return rows


def print_table(rows: list[Row]) -> None:
    headers = Row("part", "measure", "value", "target", "verdict")
    widths = [max(len(getattr(r, f)) for r in [headers, *rows]) for f in asdict(headers)]
    for row in [headers, None, *rows]:
        cells = ["-" * w for w in widths] if row is None else list(asdict(row).values())
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip())


def machine_line() -> str:
    """CPU, core count, Python version and load: a loaded machine gives slower numbers."""
    load = ", load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    return f"{cpu}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}{load}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,3", help="text sizes in MB (default 0.1,1,3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="analysis runs per size, in rounds (best kept)")
    parser.add_argument("--paint-runs", type=int, default=3, help="first-paint runs of each app")
    parser.add_argument("--presses", type=int, default=20, help="presses of each key")
    parser.add_argument("--busy-readers", type=int, default=9,
                        help="extra fresh readers for keys while the analysis runs (each gives about "
                             "two presses of each key; 9 make about 20, the fewest whose p95 is not "
                             "simply the slowest)")
    parser.add_argument("--notes", type=int, default=100, help="notes attached to the big text")
    parser.add_argument("--busy-text", default="analysing|loading the text",
                        help="what the reader shows while it loads and analyses, alternatives "
                             "separated by | (default: analysing|loading the text)")
    parser.add_argument("--poll-nice", type=int, default=0,
                        help="niceness of this script's scheduling group (autogroup) while it polls the "
                             "terminal (root only; default 0: unchanged), to keep its tight capture-pane "
                             "loop from taking the CPU of the apps it times")
    parser.add_argument("--poller", choices=("control", "spawn"), default="control",
                        help="how the terminal is read: through one tmux client in control mode "
                             "(default; about 0.9 ms of CPU per look) or a tmux process per look "
                             "(spawn; about 3.5 ms, most of a core while polling)")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness of the terminal and the apps in it (e.g. -10 on a busy machine)")
    parser.add_argument("--skip-ui", action="store_true", help="no terminal measurements")
    parser.add_argument("--skip-analysis", action="store_true", help="no analysis timings")
    parser.add_argument("--workdir", type=Path, help="where to keep the generated texts")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({float(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes!r}")
    if not args.sizes or min(args.sizes) <= 0:
        parser.error("--sizes: give positive sizes")
    return args


def compile_package() -> str:
    """Write the bytecode of ``tui`` now, as its first start does on a user's machine.

    Where PYTHONDONTWRITEBYTECODE is set (it is on the development machines) closeread
    would otherwise compile its modules from source at every start, and so would the
    analysis child, while the blank Textual app finds Textual's bytecode installed.
    """
    import compileall  # noqa: PLC0415

    ok = compileall.compile_dir(str(BENCH.parent / "tui"), quiet=1)
    return "bytecode of tui written" if ok else "bytecode of tui: some modules failed to compile"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = args.workdir or Path(tempfile.gettempdir()) / "closeread-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    largest = max(args.sizes)
    print(f"closeread benchmark on {machine_line()}")
    print(compile_package())
    print(f"closeread: {build_description()}")
    big = write_text(largest, args.seed, workdir)
    print(f"texts in {workdir}; the big one: {big.name}, {big.stat().st_size:,} bytes")
    if args.notes:
        print(add_notes(big, args.notes))
    rows = [] if args.skip_analysis else analysis_rows(workdir, args.sizes, args.seed, args.repeat)
    if not args.skip_ui:
        rows += ui_rows(big, args)
    rows += brief_rows(big)
    print(f"\nfinished on {machine_line()}\n")
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
