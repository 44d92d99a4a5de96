"""Speed of tui.quotes.extract_quotes (quotes and sources) per MB, on synthetic and on real news text.

    .venv/bin/python bench/quotes_speed.py [--size BYTES] [--repeat N] [--budget S_PER_MB]
    .venv/bin/python bench/quotes_speed.py --linearity

Measured as bench/figures_speed.py measures figures (CPU time, best of N, per MB, with the ratio to a
quarter of the text), and exits 1 over the budget (0.25 s per MB); then, for reference, a quote-rich
text generated below (half its sentences hold a quotation).

``--linearity`` times the news text at 1, 2 and 4 whole copies of the articles instead. A cut that is
not a whole number of copies holds a different mix of articles: the first 0.8 MB lacks the quote-dense
end of the set, so that 1.6 MB holds 2.1 times its quotations, and its time grows as much.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures_speed import NEWS, best_time, run  # noqa: E402

from tui.document import Paragraph  # noqa: E402
from tui.loader import document_from_text  # noqa: E402
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


def _one_copy() -> str | None:
    """The news articles joined once, as :func:`figures_speed.news_text` joins them before repeating them."""
    files = [f for folder, pattern in NEWS if folder.is_dir() for f in sorted(folder.glob(pattern))]
    return "\n\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files) if files else None


def linearity(repeat: int = 5) -> None:
    """Seconds per MB and quotations per MB of the news text at 1, 2 and 4 whole copies of the articles."""
    one = _one_copy()
    if one is None:
        print("no news articles to time")
        return
    previous = None
    for copies in (1, 2, 4):
        text = one * copies
        paragraphs = document_from_text(text, path="news").paragraphs
        seconds = best_time(extract_quotes, paragraphs, repeat)
        mb = len(text.encode("utf-8")) / 1e6
        per_mb = len(extract_quotes(paragraphs)[0]) / mb
        growth = f"  x{seconds / previous:.2f} for twice the text" if previous else ""
        print(f"news x{copies} {mb:.2f} MB  {seconds:.3f} s  {seconds / mb:.3f} s/MB  {per_mb:.0f} quotes/MB{growth}")
        previous = seconds


def main(argv: list[str] | None = None) -> int:
    """Synthetic and news text (as bench/figures_speed.py measures figures), then the quote-rich text above."""
    if argv is None:
        argv = sys.argv[1:]
    if "--linearity" in argv:
        linearity()
        return 0
    status = run(extract_quotes, argv, __doc__.splitlines()[0])
    texts = make_text(1_000_000)
    paragraphs = [Paragraph(index=i, id=str(i), kind="body", text=t, sentences=tuple(split_sentences(t)))
                  for i, t in enumerate(texts)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    seconds = best_time(extract_quotes, paragraphs, 3)
    print(f"{'quote-rich':10} {mb:.2f} MB  {seconds:.3f} s  {seconds / mb:.3f} s/MB  (for reference)")
    return status


if __name__ == "__main__":
    sys.exit(main())
