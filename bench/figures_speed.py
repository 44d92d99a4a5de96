"""Speed of tui.figures.extract_figures per MB of text, on synthetic and on real news text.

    .venv/bin/python bench/figures_speed.py [--size BYTES] [--repeat N] [--budget S_PER_MB]

Two texts of about ``--size`` characters: synthetic news Markdown from bench/gen_text.py (denser in
figures than news), and real news, the BBC and PolNeAR dev articles in ../shared/data joined (and
repeated up to the size) when that folder is present. Paragraphs are made by the loader first (not
timed). Reports the CPU time (``time.process_time``, so that other work on a busy machine does not
count) of the best of ``--repeat`` runs, per MB, and the ratio to a quarter of the text, which is
about 4 when the time grows linearly. Exits 1 when a text takes more than the budget (0.25 s per MB).
This is where speed is measured: the tests only check that the work grows linearly.
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

DATA = ROOT.parent / "shared" / "data"
NEWS = (DATA / "bbc-summary-dev" / "News Articles", "*/*.txt"), (DATA / "polnear-dev" / "text", "*.txt")
BUDGET_SECONDS_PER_MB = 0.25


def news_text(size: int) -> str | None:
    """BBC and PolNeAR dev articles joined (blank line between) and repeated to ``size`` characters, or None."""
    files = [f for folder, pattern in NEWS if folder.is_dir() for f in sorted(folder.glob(pattern))]
    if not files:
        return None
    one = "\n\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    return (one * (size // len(one) + 1))[:size]


def best_time(function, paragraphs, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs (CPU time, not wall time, so that a busy machine does not skew it)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        function(paragraphs)
        best = min(best, time.process_time() - started)
    return best


def measure(function, name: str, text: str, repeat: int) -> float:
    """Print and return the seconds per MB of ``function`` over ``text`` (and the linearity ratio)."""
    doc = document_from_text(text, path=name)
    seconds = best_time(function, doc.paragraphs, repeat)
    quarter = document_from_text(text[: len(text) // 4], path=name)
    q_seconds = best_time(function, quarter.paragraphs, repeat)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{name:10} {mb:.2f} MB  {seconds:.3f} s  {seconds / mb:.3f} s/MB  "
          f"(1/4 size: {q_seconds:.3f} s, ratio {seconds / max(q_seconds, 1e-9):.1f})")
    return seconds / mb


def run(function, argv: list[str] | None, description: str) -> int:
    """Measure ``function`` on both texts; exit status 1 when either is over budget."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per text; the best is reported")
    parser.add_argument("--budget", type=float, default=BUDGET_SECONDS_PER_MB, help="seconds per MB allowed")
    args = parser.parse_args(argv)
    worst = measure(function, "synthetic", generate(args.size / 1e6), args.repeat)
    text = news_text(args.size)
    if text:
        worst = max(worst, measure(function, "news", text, args.repeat))
    verdict = "OK" if worst < args.budget else "TOO SLOW"
    print(f"worst {worst:.3f} s/MB (budget {args.budget} s/MB): {verdict}")
    return 0 if worst < args.budget else 1


def main(argv: list[str] | None = None) -> int:
    return run(extract_figures, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
