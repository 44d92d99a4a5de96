"""Speed of quote and source extraction: generates about 1 MB of quote-rich news text and prints MB/s.

    python bench/quotes_speed.py [--mb 1.0] [--repeat 3] [--check 0.5]

With --check SECONDS the script exits 1 when 1 MB takes longer than that.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.document import Paragraph  # noqa: E402
from tui.quotes import extract_quotes  # noqa: E402
from tui.sentences import split_sentences  # noqa: E402

PEOPLE = ["Maria Lopez", "Sen. Tom Walker", "Gov. Anna Berg", "Dr. Sam Ortiz", "Mayor Lee Chen"]
ORGS = ["the health ministry", "the Transport Department", "the Daily Ledger", "the Water Agency"]
TEMPLATES = [
    '“We will keep the schools open through the winter,” {p} said on Tuesday.',
    '{p} told the Daily Ledger that the plan was “a step in the right direction for every family.”',
    '“The numbers do not add up,” she said, “and the council knows it.”',
    'According to {o}, the repairs will cost more than expected this year.',
    '{p} wrote on Bluesky: "Our office will publish the full report next week."',
    'The project, which critics call “a boondoggle,” has been delayed twice.',
    '"It is too early to say," said {p}, the agency\'s director. "We are still counting."',
    'In a statement, {o} said it "regrets the delay and will compensate the residents."',
    'A Reuters report published March 3 found that {o} had missed its targets.',
    'He added: "Nobody expected the bridge to close this early in the season."',
]
# Sentences without quotations: real news has about as many of these as quoted ones.
NARRATIVE = [
    'The council met on Monday to discuss the budget for 2025, which rose by 4.5 percent.',
    '{p} has led the department since 2019 and oversaw the reform of the bus network.',
    'Residents of the eastern district waited for more than three hours at the station.',
    'The bill passed the Senate by 61 votes to 38 after a long debate in the chamber.',
    'Officials from {o} visited the site on Friday, according to local reports.',
    'Prices of fuel and food have climbed sharply since the spring, and wages have not kept up.',
]


def make_text(target_bytes: int, seed: int = 7) -> list[str]:
    """Paragraphs of generated news text, about ``target_bytes`` long in total."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < target_bytes:
        sentences = [rng.choice(TEMPLATES if rng.random() < 0.5 else NARRATIVE).format(
            p=rng.choice(PEOPLE), o=rng.choice(ORGS)) for _ in range(rng.randint(1, 5))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return paragraphs


def python_speed() -> float:
    """Seconds of CPU a plain Python loop of five million additions takes: the machine's pace, for context."""
    start, total = time.process_time(), 0
    for i in range(5_000_000):
        total += i
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest counts")
    parser.add_argument("--check", type=float, default=None, help="fail when 1 MB takes longer (seconds)")
    args = parser.parse_args()
    texts = make_text(int(args.mb * 1_000_000))
    paragraphs = [Paragraph(index=i, id=str(i), kind="body", text=t, sentences=tuple(split_sentences(t)))
                  for i, t in enumerate(texts)]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    runs = []
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        quotes, sources = extract_quotes(paragraphs)
        runs.append((time.process_time() - cpu, time.perf_counter() - wall))
    cpu, wall = min(runs)  # the best run: the others pay for whatever else the machine is doing
    # CPU time is what one core spends; wall time also counts whatever else the machine is running.
    per_mb = cpu / size
    print(f"{size:.2f} MB, {len(paragraphs)} paragraphs: {len(quotes)} quotes, {len(sources)} sources "
          f"in {cpu:.3f} s CPU ({wall:.3f} s wall) = {size / cpu:.2f} MB/s ({per_mb:.3f} s per MB)")
    print(f"for context: a 5-million-step Python loop took {python_speed():.3f} s CPU on this machine now")
    if args.check is not None and per_mb > args.check:
        print(f"too slow: {per_mb:.3f} s per MB > {args.check} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
