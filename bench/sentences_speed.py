"""Speed (and, when ../shared/data is present, accuracy) of tui.sentences.split_sentences.

    .venv/bin/python bench/sentences_speed.py [--size BYTES] [--repeat N]

Times the splitter over ~1 MB of news-like prose generated here from templates, and
over the .txt/.md files of sample_texts/ repeated to ~1 MB when there are any.
Prints characters per second.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.sentences import split_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SAMPLES = ROOT / "sample_texts"
TARGET_CHARS_PER_SECOND = 2_350_000

_PEOPLE = ["Sen. Maria Alvarez", "Gov. Tom Reilly", "Dr. Priya Natarajan", "Mr. Okafor", "Gen. Lena Hart",
           "Rep. John Q. Public", "the U.S. ambassador", "Mrs. Chen", "Prof. Alan R. Whitby", "a spokeswoman"]
_ORGS = ["Northwind Inc.", "Globex Corp.", "the U.N. agency", "Acme Ltd.", "the E.U. commission", "City Hall",
         "the U.S. Treasury", "Harbor & Co."]
_VERBS = ["said", "told reporters", "wrote in a statement", "added", "warned", "argued"]
_TEMPLATES = [
    "{person} {verb} that {org} would cut {n}% of its staff by Jan. {day}.",
    "\"We are not going to back down,\" {person} {verb}.",
    "\"Is this the end of the road?\" {person} asked on Friday.",
    "Shares of {org} rose {d}% to ${price} at 10 a.m. on Tuesday.",
    "The meeting ended at 5 p.m. Officials left without comment.",
    "{person} met {person2} in Washington, D.C., on Feb. {day}, according to the AP.",
    "The report, published by {org}, runs to {n} pages (see p. {day}, No. {n}).",
    "Inflation was {d} per cent in Dec. {year}, the highest since {year2}.",
    "Prices rose... and then they fell again, {person} {verb}.",
    "{person} testified before the committee for about {n} minutes.",
    "The vote was {n}-{day}, e.g. a narrow margin, i.e. not a landslide.",
    "Critics called the plan \"reckless.\" Supporters disagreed.",
    "Details are at https://example.org/news/{n}.html. More will follow.",
    "About {n},000 people live in St. Louis, Mo., near the river.",
    "The ruling cited Smith v. Jones, a case from {year}.",
    "Nobody knew what would happen next!",
]


def generate(size: int, seed: int = 7) -> str:
    """News-like paragraphs of about `size` characters, built from templates."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size:
        sentences = [_fill(rng.choice(_TEMPLATES), rng) for _ in range(rng.randint(2, 6))]
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def _fill(template: str, rng: random.Random) -> str:
    person, person2 = rng.sample(_PEOPLE, 2)
    return template.format(
        person=person, person2=person2, verb=rng.choice(_VERBS), org=rng.choice(_ORGS),
        n=rng.randint(2, 999), day=rng.randint(1, 28), d=f"{rng.uniform(0.1, 9.9):.1f}",
        price=f"{rng.uniform(5, 500):.2f}", year=rng.randint(1990, 2025), year2=rng.randint(1950, 1989))


def sources(size: int) -> list[tuple[str, str]]:
    """(origin, text) pairs to time: generated prose, plus sample_texts/ when it holds enough text."""
    texts = [("generated news-like prose", generate(size))]
    files = sorted(p for p in SAMPLES.glob("**/*") if p.suffix in {".txt", ".md"} and p.is_file())
    sample = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    if len(sample) >= 5_000:
        repeats = max(1, size // len(sample))
        texts.append((f"{len(files)} files in sample_texts (x{repeats})", "\n\n".join([sample] * repeats)))
    return texts


def paragraphs(text: str) -> list[str]:
    """Paragraphs split on blank lines, hard-wrapped lines joined (as the loader does)."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def time_it(paras: list[str], repeat: int) -> float:
    """Best wall time of `repeat` passes of the splitter over all paragraphs."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for para in paras:
            split_sentences(para)
        best = min(best, time.perf_counter() - began)
    return best


def _norm(sentence: str) -> str:
    return " ".join(sentence.split())


def accuracy() -> None:
    """Pass counts on the pysbd golden rules and the news cases, when the shared data is present."""
    golden_path = DATA / "pysbd-golden-rules" / "english_golden_rules.json"
    news_path = DATA / "seg-news-cases.json"
    if not golden_path.exists() or not news_path.exists():
        print(f"accuracy: skipped ({DATA} not found)")
        return
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    failing = [c["id"] for c in golden if not _passes(c["text"], c["expected"])]
    print(f"golden rules: {len(golden) - len(failing)}/{len(golden)} pass; failing: {failing or '-'}")
    news = json.loads(news_path.read_text(encoding="utf-8"))
    missed = sum(not _passes(c["text"], c["expected"]) for c in news)
    print(f"news cases: {len(news) - missed}/{len(news)} pass")


def _passes(text: str, expected: list[str]) -> bool:
    got = [_norm(s) for para in paragraphs(text) for s in split_sentences(para) if _norm(s)]
    return got == [_norm(s) for s in expected]


def report_speed(origin: str, text: str, repeat: int) -> None:
    """Time the splitter over `text` and print characters per second against the target."""
    paras = paragraphs(text)
    chars = sum(len(p) for p in paras)
    seconds = time_it(paras, repeat)
    sentences = sum(len(split_sentences(p)) for p in paras)
    rate = chars / seconds
    verdict = "meets" if rate >= TARGET_CHARS_PER_SECOND else "BELOW"
    print(f"{origin}: {chars:,} chars, {len(paras):,} paragraphs, {sentences:,} sentences")
    print(f"  speed: {rate:,.0f} chars/s (best of {repeat}: {seconds * 1000:.1f} ms) - "
          f"{verdict} the target of {TARGET_CHARS_PER_SECOND:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text to time")
    parser.add_argument("--repeat", type=int, default=5, help="passes; the best one counts")
    args = parser.parse_args()
    for origin, text in sources(args.size):
        report_speed(origin, text, args.repeat)
    accuracy()


if __name__ == "__main__":
    main()
