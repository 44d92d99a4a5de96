"""Key latency inside the reader, with and without the idle garbage collector, in turns.

    .venv/bin/python bench/key_log.py TEXT [--runs 3] [--rounds 20]

Runs the real reader on TEXT in a private tmux server, ``--runs`` times each way (the reader as
it is, then with :class:`tui.gc_pause.IdleCollector` switched off), waits for the analysis to
finish, then sends ``j G g a Escape`` ``--rounds`` times with pauses of 0.3-0.8 s. Inside the
reader a small hook logs the time from each key event to the next frame written to the terminal,
so the numbers leave out tmux and the terminal and show the reader's own share. Prints the
percentiles of both ways. ``bench/run.py`` measures what a user sees; this tells the collector's
part apart.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
KEYS = ("j", "G", "g", "a", "Escape")
ANALYSIS_SECONDS = 15  # a 3 MB text's analysis ends within this on the development machine


def run_reader(text: str, log: str, idle_collector: bool) -> None:
    """In the tmux pane: the reader with the key hook (``_display`` is Textual's private
    frame writer; a bench may lean on it, the app never does)."""
    from textual import events
    from textual.app import App

    import tui.gc_pause
    from tui.app import run_reader as run

    if not idle_collector:
        tui.gc_pause.IdleCollector.begin = lambda self: None
        tui.gc_pause.IdleCollector.tick = lambda self: None
    out = open(log, "w", buffering=1)  # noqa: SIM115 - open for the reader's whole life
    pending: list[float] = []
    on_event, display = App.on_event, App._display

    async def logged_event(self, event):
        if isinstance(event, events.Key) and not event.is_forwarded:
            pending.append(time.perf_counter())
        await on_event(self, event)

    def logged_display(self, screen, renderable):
        display(self, screen, renderable)
        if pending and renderable is not None:
            done = time.perf_counter()
            out.writelines(f"{1000 * (done - at):.2f}\n" for at in pending)
            pending.clear()

    App.on_event, App._display = logged_event, logged_display
    sys.exit(run(text))


def drive(text: Path, idle_collector: bool, rounds: int, socket: str) -> list[float]:
    """One reader session; the latencies of its keys in ms."""
    with tempfile.TemporaryDirectory(prefix="closeread-keylog-") as home:
        log = Path(home) / "keys.log"
        env = [f"-e{name}={home}/{name.lower()}" for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME",
                                                               "XDG_CACHE_HOME")]
        command = [sys.executable, str(Path(__file__).resolve()), "--reader", str(log),
                   "--with" if idle_collector else "--without", str(text)]
        subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "160", "-y", "48", *env,
                        " ".join(command)], check=True)
        time.sleep(ANALYSIS_SECONDS)
        for _ in range(rounds):
            for key in KEYS:
                subprocess.run(["tmux", "-L", socket, "send-keys", key], check=True)
                time.sleep(random.uniform(0.3, 0.8))
        subprocess.run(["tmux", "-L", socket, "send-keys", "q"], check=True)
        time.sleep(0.5)
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
        return [float(line) for line in log.read_text().split()]


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return (f"n={len(ordered)}  p50 {at(0.5):.1f}  p90 {at(0.9):.1f}  p95 {at(0.95):.1f}  "
            f"p99 {at(0.99):.1f}  max {ordered[-1]:.1f} ms")


def main() -> None:
    if sys.argv[1:2] == ["--reader"]:
        _, _, log, way, text = sys.argv
        run_reader(text, log, way == "--with")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    socket = f"closeread-keylog-{os.getpid()}"
    found: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.runs):
        for idle_collector in (True, False):
            found[idle_collector] += drive(args.text.resolve(), idle_collector, args.rounds, socket)
    print(f"{args.text.name}, {args.runs} runs each way in turns, {args.rounds} rounds of {' '.join(KEYS)}")
    print(f"idle collector on:  {percentiles(found[True])}")
    print(f"idle collector off: {percentiles(found[False])}")


if __name__ == "__main__":
    main()
