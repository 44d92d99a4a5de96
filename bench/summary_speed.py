"""Speed of the summarizer (tui.summary.summarize) on book-size texts, and its growth.

    .venv/bin/python bench/summary_speed.py [--sizes 0.5,1,3] [--repeat 3] [--file PATH ...]

Texts come from bench/gen_text.py (deterministic synthetic Markdown: articles,
sections, lists, quotes) and from any --file given, repeated to each size.
The document is loaded first; only ``summarize`` is timed (best of --repeat;
CPU seconds of this one-threaded process, which a busy machine disturbs less
than wall time; wall time is shown too). Targets: 1 MB < 1 s, 3 MB < 3 s, and
time per MB roughly constant.
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

from tui.loader import document_from_text  # noqa: E402
from tui.summary import summarize  # noqa: E402

TARGET_SECONDS_PER_MB = 1.0


def repeated(text: str, size_mb: float) -> str:
    """``text`` repeated (paragraph-separated) to about ``size_mb`` megabytes."""
    target = int(size_mb * 1_000_000)
    copies = max(1, target // max(len(text.encode("utf-8")), 1) + 1)
    return "\n\n".join([text] * copies)[:target]


def time_summary(text: str, markdown: bool, repeat: int) -> tuple[float, float, int, int]:
    """Best CPU and wall times of ``summarize`` over ``repeat`` runs, paragraph count, summary length."""
    document = document_from_text(text, path="bench.md" if markdown else "bench.txt", markdown=markdown)
    best_cpu = best_wall = float("inf")
    result = None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = summarize(document)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall, len(document.paragraphs), len(result.sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,3", help="sizes in MB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", action="append", default=[], help="also time this text, repeated to each size")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    sources = [("synthetic", None, True)] + [(f, Path(f).read_text(encoding="utf-8"), f.endswith(".md"))
                                             for f in args.file]
    ok = True
    print(f"{'text':<28} {'MB':>5} {'paragraphs':>10} {'cpu s':>7} {'wall s':>7} {'cpu s/MB':>8} {'sentences':>9}")
    for name, text, markdown in sources:
        per_mb = []
        for size in sizes:
            body = generate(size) if text is None else repeated(text, size)
            mb = len(body.encode("utf-8")) / 1_000_000
            seconds, wall, paragraphs, count = time_summary(body, markdown, args.repeat)
            per_mb.append(seconds / mb)
            ok &= seconds / mb < TARGET_SECONDS_PER_MB
            print(f"{Path(name).name[:28]:<28} {mb:5.2f} {paragraphs:10d} {seconds:7.3f} {wall:7.3f} "
                  f"{seconds / mb:8.3f} {count:9d}")
        print(f"{'':<28} growth (s/MB largest / smallest): {per_mb[-1] / per_mb[0]:.2f}")
    print("OK: under 1 s per MB" if ok else "SLOW: over 1 s per MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
