"""Re-anchoring: after edits a note is on its own paragraph or an orphan, never on a wrong one."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.notes_anchor import Anchor, Reanchorer, make_anchor, quote_of, text_hash, TextStream

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def paragraph_text(seed: int) -> str:
    """A random paragraph of pseudo-words; different seeds give unrelated paragraphs."""
    rng = random.Random(seed)
    words = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) for _ in range(rng.randint(4, 70))]
    return " ".join(words).capitalize() + "."


def reword(text: str, rng: random.Random) -> str:
    """A light edit: a comma in a short paragraph, about one word in twelve replaced in a long one."""
    words = text.split(" ")
    if len(words) < 12:
        position = rng.randrange(len(words))
        words[position] += ","
        return " ".join(words)
    for _ in range(max(1, len(words) // 12)):
        words[rng.randrange(len(words))] = "".join(rng.choices(SYLLABLES, k=2))
    return " ".join(words)


def apply_edits(paragraphs: list[tuple[int, str]], edits, rng: random.Random) -> list[tuple[int | None, str]]:
    """Insert, delete, move and reword paragraphs; each keeps its identity (None for new ones)."""
    result: list[tuple[int | None, str]] = list(paragraphs)
    for operation, a, b in edits:
        i, j = a % len(result), b % (len(result) + 1)
        if operation == "insert":
            result.insert(j, (None, paragraph_text(10_000 + a)))
        elif operation == "delete" and len(result) > 1:
            del result[i]
        elif operation == "move":
            item = result.pop(i)
            result.insert(j % (len(result) + 1), item)
        elif operation == "reword":
            identity, text = result[i]
            result[i] = (identity, reword(text, rng))
    return result


def check(seeds: list[int], edits, annotated: list[bool], rng: random.Random) -> tuple[int, int, int]:
    """Re-anchor notes after the edits; return (correct, orphaned survivors, wrong)."""
    old = [(identity, paragraph_text(seed)) for identity, seed in enumerate(seeds)]
    old_texts = [text for _, text in old]
    stream = TextStream(old_texts)
    anchors = [(i, make_anchor(stream, i)) for i in range(len(old)) if annotated[i % len(annotated)]]
    new = apply_edits(old, edits, rng)
    finder = Reanchorer([text for _, text in new], [text_hash(t) for t in old_texts])
    matches = finder.locate_all([anchor for _, anchor in anchors])
    surviving = {identity for identity, _ in new}
    correct = orphaned = wrong = 0
    for (identity, _), match in zip(anchors, matches):
        if match.paragraph is None:
            orphaned += identity in surviving
        elif new[match.paragraph][0] == identity:
            correct += 1
        else:
            wrong += 1
    return correct, orphaned, wrong


edit_lists = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "move", "reword"]), st.integers(0, 10**6), st.integers(0, 10**6)),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 10**6), min_size=2, max_size=25, unique=True),
    edit_lists,
    st.lists(st.booleans(), min_size=1, max_size=25),
    st.integers(0, 2**32),
)
def test_never_attached_to_a_wrong_paragraph(seeds, edits, annotated, seed):
    _, _, wrong = check(seeds, edits, annotated, random.Random(seed))
    assert wrong == 0


def test_most_surviving_notes_are_reattached():
    """Measured share over fixed random scenarios (bench/reanchor_share.py prints it)."""
    rng = random.Random(1234)
    totals = [0, 0, 0]
    for _ in range(200):
        seeds = rng.sample(range(10**6), rng.randint(3, 30))
        edits = [(rng.choice(["insert", "delete", "move", "reword"]), rng.randrange(10**6), rng.randrange(10**6))
                 for _ in range(rng.randint(1, 8))]
        for k, value in enumerate(check(seeds, edits, [True], rng)):
            totals[k] += value
    correct, orphaned, wrong = totals
    print(f"\nre-anchoring: {correct}/{correct + orphaned + wrong} surviving notes re-attached correctly, "
          f"{orphaned} orphaned, {wrong} wrong")
    assert wrong == 0
    assert correct / (correct + orphaned) >= 0.95


def test_statuses():
    texts = ["Alpha paragraph about harbours and boats.", "Beta paragraph about trains and stations.",
             "Gamma paragraph about the long winter storms on the coast."]
    stream = TextStream(texts)
    anchors = [make_anchor(stream, i) for i in range(3)]
    edited = ["A new first paragraph on a new topic entirely.", texts[1], texts[0],
              "Gamma paragraph about the long winter storm on the coast."]
    finder = Reanchorer(edited, [text_hash(t) for t in texts])
    statuses = [(m.paragraph, m.status) for m in finder.locate_all(anchors)]
    assert statuses == [(2, "moved"), (1, "ok"), (3, "fuzzy")]
    assert Reanchorer(texts).locate(anchors[1]).status == "ok"


def test_deleted_paragraph_does_not_jump_to_an_unchanged_twin():
    texts = ["Shares of Acme rose 3% on Monday after strong results.",
             "Shares of Acme rose 4% on Monday after strong results."]
    anchor = make_anchor(TextStream(texts), 0)
    finder = Reanchorer(texts[1:], [text_hash(t) for t in texts])
    assert finder.locate(anchor).status == "orphan"


def test_competing_anchors_do_not_share_a_fuzzy_paragraph():
    texts = ["Shares of Acme rose 3% on Monday after strong results in the quarter.",
             "Shares of Acme rose 4% on Monday after strong results in the quarter."]
    anchors = [make_anchor(TextStream(texts), i) for i in range(2)]
    edited = ["Shares of Acme rose 4% on Monday after strong results in this quarter."]
    matches = Reanchorer(edited, [text_hash(t) for t in texts]).locate_all(anchors)
    assert [(m.paragraph, m.status) for m in matches] == [(None, "orphan"), (0, "fuzzy")]


def test_minimum_similarity_leaves_unrelated_text_alone():
    anchor = Anchor(0, "gone", "The minister resigned on Friday evening.", "", "")
    finder = Reanchorer(["The weather stayed dry for most of the week ahead."])
    assert finder.locate(anchor).status == "orphan"


def test_cosmetic_edits_keep_the_hash():
    assert text_hash("It’s  “fine”") == text_hash("it's \"FINE\"")


def test_quote_is_cut_at_a_word():
    long = "word " * 100
    assert len(quote_of(long)) <= 160 and quote_of(long).endswith("word")
