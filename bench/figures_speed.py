"""Speed of tui.figures.extract_figures over about 1 MB of text.

    .venv/bin/python bench/figures_speed.py [--size BYTES] [--repeat N]

Times the extractor over synthetic news Markdown from bench/gen_text.py, and over the BBC
articles in ../shared/data repeated to the same size when that folder is present. Paragraphs
are made by the loader first (not timed). CPU time of the best run. Prints MB/s and the per-MB time; the budget is
well under 0.5 s per MB on one core. Also checks that the time grows linearly (1/4 size vs full).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gen_text import generate  # noqa: E402

from tui.figures import extract_figures  # noqa: E402
from tui.loader import document_from_text  # noqa: E402

BBC = ROOT.parent / "shared" / "data" / "bbc-summary-dev" / "News Articles"
BUDGET_SECONDS_PER_MB = 0.5


def bbc_text(size: int) -> str | None:
    """BBC dev articles joined (blank line between) and repeated to ``size`` characters, or None."""
    files = sorted(BBC.glob("*/*.txt")) if BBC.is_dir() else []
    if not files:
        return None
    one = "\n\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    return (one * (size // len(one) + 1))[:size]


def best_time(paragraphs, repeat: int) -> tuple[float, int]:
    """Best CPU time of ``repeat`` runs (CPU time, not wall time, so that a busy machine does not skew it)."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        started = time.process_time()
        count = len(extract_figures(paragraphs))
        best = min(best, time.process_time() - started)
    return best, count


def measure(name: str, text: str, repeat: int) -> float:
    doc = document_from_text(text, path=name)
    seconds, count = best_time(doc.paragraphs, repeat)
    quarter = document_from_text(text[: len(text) // 4], path=name)
    q_seconds, _ = best_time(quarter.paragraphs, repeat)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{name:10} {mb:.2f} MB  {seconds:.3f} s  {mb / seconds:.2f} MB/s  {seconds / mb:.3f} s/MB  "
          f"{count} figures  (1/4 size: {q_seconds:.3f} s, ratio {seconds / max(q_seconds, 1e-9):.1f})")
    return seconds / mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per text; the best is reported")
    args = parser.parse_args(argv)
    worst = measure("synthetic", generate(args.size / 1e6), args.repeat)
    text = bbc_text(args.size)
    if text:
        worst = max(worst, measure("bbc", text, args.repeat))
    verdict = "OK" if worst < BUDGET_SECONDS_PER_MB else "TOO SLOW"
    print(f"worst {worst:.3f} s/MB (budget {BUDGET_SECONDS_PER_MB} s/MB): {verdict}")
    return 0 if worst < BUDGET_SECONDS_PER_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
