"""Measure how often notes find their paragraph again after random edits of a text.

Each trial anchors a note on every paragraph, applies random edits (insert a
paragraph from another text, delete, move, lightly reword: a word replaced,
dropped or added per ~12 words, or a comma for short paragraphs), re-anchors,
and counts for the notes whose paragraph survived: re-attached correctly,
orphaned, attached to a wrong paragraph (must be 0).

Usage: .venv/bin/python bench/reanchor_share.py [--trials N] [--seed S] [--annotate F] [--reword-every N]
Texts: the BBC and PolNeAR dev articles in ../shared/data when present, else
synthetic paragraphs of pseudo-words.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.document import normalise_for_id  # noqa: E402
from tui.notes_anchor import Reanchorer, TextStream, make_anchor, text_hash  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
OPERATIONS = ("insert", "delete", "move", "reword")


def real_texts(limit: int = 400) -> list[list[str]]:
    """Paragraph lists of the dev articles (empty when the data is absent)."""
    from tui.loader import document_from_text

    files = sorted((DATA / "bbc-summary-dev" / "News Articles").glob("*/*.txt"))
    files += sorted((DATA / "polnear-dev" / "text").glob("*"))
    texts = []
    for path in files[:limit]:
        paragraphs = [p.text for p in document_from_text(path.read_text(encoding="utf-8", errors="replace")).paragraphs]
        if len(paragraphs) >= 3:
            texts.append(paragraphs)
    return texts


def synthetic_texts(rng: random.Random, count: int = 300) -> list[list[str]]:
    """Texts of random pseudo-word paragraphs."""
    def paragraph() -> str:
        words = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) for _ in range(rng.randint(4, 70))]
        return " ".join(words).capitalize() + "."
    return [[paragraph() for _ in range(rng.randint(3, 30))] for _ in range(count)]


def reword(text: str, vocabulary: list[str], rng: random.Random, every: int = 12) -> str:
    """A light edit of one paragraph: one word changed per ``every`` words."""
    words = text.split(" ")
    if len(words) < 12:
        words[rng.randrange(len(words))] += ","
        return " ".join(words)
    for _ in range(max(1, len(words) // every)):
        position, change = rng.randrange(len(words)), rng.choice(("replace", "drop", "add"))
        if change == "replace":
            words[position] = rng.choice(vocabulary)
        elif change == "drop" and len(words) > 1:
            del words[position]
        else:
            words.insert(position, rng.choice(vocabulary))
    return " ".join(words)


def trial(paragraphs: list[str], other: list[str], rng: random.Random, edits: int,
          annotate: float = 1.0, every: int = 12) -> tuple[int, int, int]:
    """One edited version of one text: (correct, orphaned survivors, wrong)."""
    vocabulary = " ".join(paragraphs).split()
    stream = TextStream(paragraphs)
    annotated = [i for i in range(len(paragraphs)) if rng.random() < annotate]
    anchors = [make_anchor(stream, i) for i in annotated]
    current: list[tuple[int | None, str]] = list(enumerate(paragraphs))
    for _ in range(edits):
        operation, i = rng.choice(OPERATIONS), rng.randrange(len(current))
        if operation == "insert":
            current.insert(rng.randrange(len(current) + 1), (None, rng.choice(other)))
        elif operation == "delete" and len(current) > 1:
            del current[i]
        elif operation == "move":
            item = current.pop(i)
            current.insert(rng.randrange(len(current) + 1), item)
        elif operation == "reword":
            current[i] = (current[i][0], reword(current[i][1], vocabulary, rng, every))
    finder = Reanchorer([t for _, t in current], [text_hash(t) for t in paragraphs])
    surviving = {identity for identity, _ in current}
    correct = orphaned = wrong = 0
    for identity, match in zip(annotated, finder.locate_all(anchors)):
        if match.paragraph is None:
            orphaned += identity in surviving
        elif _same(current[match.paragraph], identity, paragraphs):
            correct += 1
        else:
            wrong += 1
    return correct, orphaned, wrong


def _same(found: tuple[int | None, str], identity: int, paragraphs: list[str]) -> bool:
    """Whether ``found`` is the note's paragraph, or was an identical twin of it (indistinguishable)."""
    found_identity, found_text = found
    original = paragraphs[found_identity] if found_identity is not None else found_text
    return found_identity == identity or normalise_for_id(original) == normalise_for_id(paragraphs[identity])


def measure(texts: list[list[str]], trials: int, rng: random.Random, annotate: float = 1.0,
            every: int = 12) -> tuple[int, int, int, float]:
    """Totals over ``trials`` edited texts: (correct, orphaned, wrong, seconds)."""
    totals = [0, 0, 0]
    start = time.perf_counter()
    for _ in range(trials):
        paragraphs, other = rng.sample(texts, 2)  # inserts come from another text
        for k, value in enumerate(trial(paragraphs, other, rng, rng.randint(1, 8), annotate, every)):
            totals[k] += value
    return totals[0], totals[1], totals[2], time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--annotate", type=float, default=1.0, help="share of paragraphs with a note")
    parser.add_argument("--reword-every", type=int, default=12, help="one word changed per N words")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sets = {"synthetic": synthetic_texts(rng)}
    real = real_texts()
    if real:
        sets["news (shared dev data)"] = real
    for name, texts in sets.items():
        correct, orphaned, wrong, seconds = measure(texts, args.trials, rng, args.annotate, args.reword_every)
        survivors = correct + orphaned + wrong
        print(f"{name}: {args.trials} edited texts, {survivors} notes whose paragraph survived: "
              f"re-attached correctly {correct} ({correct / survivors:.2%}), orphaned {orphaned}, "
              f"wrong {wrong} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
