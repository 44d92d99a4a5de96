"""Timing work in child processes: CPU time, wall time and peak memory.

Analysis timings run in a fresh Python process each (no cache carries over
between runs); commands run under a small launcher that reports the child's
CPU time and peak RSS.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pin_to_one_core() -> set[int] | None:
    """Run on one CPU from now on; returns the previous set, to restore."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    return before


@dataclass
class Timing:
    """Wall-clock and CPU seconds of one piece of work."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"cpu {self.cpu:.2f} s, wall {self.wall:.2f} s"


# Each timing runs in a fresh process on a text it has not seen, after a warm-up
# on another text: caches inside the analysis cannot carry over between runs.
# The progress callback of analyze() marks where each stage starts (CPU clock).
TIMER = """
import json, sys, time
from tui.analysis import analyze
from tui.loader import load_document
analyze(load_document(sys.argv[1]))
marks = [("load", time.process_time())]
wall, cpu = time.perf_counter(), time.process_time()
document = load_document(sys.argv[2])
analyze(document, progress=lambda stage, fraction: marks.append((stage, time.process_time())))
marks.append(("end", time.process_time()))
stages = {a: round(t2 - t1, 3) for (a, t1), (_, t2) in zip(marks, marks[1:]) if a != "done"}
print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu, stages]))
"""


def time_analyses(warm_up: Path, texts: dict[float, list[Path]],
                  variants: dict[float, tuple[dict[str, str], ...]]) -> dict[float, list[tuple[Timing, dict] | str]]:
    """Per size and per variant (environment added to the timed processes): the best load + analyze
    time over the size's ``texts`` and the fastest run's CPU per stage, or an error.

    The runs go in rounds, each timing one text of every size in every variant. This machine's
    speed drifts over minutes; in rounds, a slow spell costs every size one run, where timing one
    size after another could cost one size all its runs (and the growth ratio its meaning).
    """
    runs: dict[float, list[list]] = {size: [[] for _ in variants[size]] for size in texts}
    errors: dict[float, list[str | None]] = {size: [None for _ in variants[size]] for size in texts}
    for round_index in range(max(len(found) for found in texts.values())):
        for size, size_texts in texts.items():
            if round_index >= len(size_texts):
                continue
            for index, env in enumerate(variants[size]):
                result = _time_once(warm_up, size_texts[round_index], env)
                if isinstance(result, str):
                    errors[size][index] = result
                else:
                    runs[size][index].append(result)
    return {size: [error or _best(found) for error, found in zip(errors[size], runs[size])]
            for size in texts}


def _time_once(warm_up: Path, text: Path, env: dict[str, str]) -> tuple[Timing, dict] | str:
    done = subprocess.run([sys.executable, "-c", TIMER, str(warm_up), str(text)],
                          capture_output=True, text=True, errors="replace", cwd=REPO,
                          env={**os.environ, **env})
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or ["failed"])[-1]
    wall, cpu, stages = json.loads(done.stdout.strip().splitlines()[-1])
    return Timing(wall, cpu), stages


def _best(runs: list[tuple[Timing, dict]]) -> tuple[Timing, dict]:
    best = min(runs, key=lambda run: run[0].cpu)
    return Timing(min(r.wall for r, _ in runs), best[0].cpu), best[1]


# Peak RSS is read by a small launcher process: a child forked straight from this
# (large) process would report this process's peak as its own.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    cpu = usage.ru_utime + usage.ru_stime
    out.write(f"{seconds} {cpu} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_timed(command: list[str], env: dict[str, str] | None = None) -> tuple[Timing, float, int, str]:
    """Time, peak RSS (MB), exit status and last stderr line of one command (``env`` added)."""
    with tempfile.TemporaryDirectory(prefix="closeread-bench-run-") as folder:
        report = Path(folder) / "report"
        done = subprocess.run([sys.executable, "-c", LAUNCHER, str(report), *command],
                              capture_output=True, text=True, errors="replace",
                              env={**os.environ, **(env or {})})
        if not report.exists():
            tail = done.stderr.strip().splitlines()[-1:] or ["launcher failed"]
            return Timing(0.0, 0.0), 0.0, done.returncode or 1, tail[0]
        wall, cpu, rss_kb, status = report.read_text().split()
    lines = done.stderr.strip().splitlines()
    return (Timing(float(wall), float(cpu)), int(rss_kb) / 1024, int(status),
            (lines[-1] if lines else ""))
