"""Sentence vectors and centrality for the extractive summarizer, in linear time.

Sentences are sparse TF-ISF vectors (term frequency times inverse sentence
frequency). Centrality is continuous LexRank (PageRank over the cosine
similarity graph of all sentences), computed without ever forming the graph:
because similarity is a dot product, ``sum_j S_ij x_j = v_i . (sum_j x_j v_j)
- x_i``, so each power iteration costs one pass over the vectors. The cost is
linear in the length of the text, however long it is.
"""

from __future__ import annotations

import math
from collections import Counter
from operator import mul
from collections.abc import Sequence

Vector = dict[str, float]

_DAMPING = 0.85


def sentence_frequencies(term_lists: Sequence[Sequence[str]]) -> Counter:
    """How many sentences each term occurs in."""
    df: Counter = Counter()
    for terms in term_lists:
        df.update(set(terms))
    return df


def term_vectors(term_lists: Sequence[Sequence[str]], df: Counter | None = None,
                 idf_offset: float = 0.0) -> list[Vector]:
    """Unit-length term-frequency vectors, weighted by ``log(idf_offset + n / df)`` when an offset is given.

    Plain term frequency ranks best on news (sentences that use the document's
    recurring words are its core); an inverse sentence frequency weight keeps
    very common words from swamping long texts.
    """
    n = max(len(term_lists), 1)
    weight = ({t: math.log(idf_offset + n / f) for t, f in df.items()} if idf_offset and df is not None
              else None)
    vectors = []
    for terms in term_lists:
        counts = Counter(terms)
        if weight is not None:
            vec = {t: tf * weight[t] for t, tf in counts.items()}
        else:
            vec = {t: float(tf) for t, tf in counts.items()}
        vectors.append(normalise(vec))
    return vectors


def normalise(vec: Vector) -> Vector:
    """The vector scaled to unit length (empty stays empty)."""
    values = vec.values()
    norm = math.sqrt(sum(map(mul, values, values)))
    return {t: w / norm for t, w in vec.items()} if norm else {}


def dot(a: Vector, b: Vector) -> float:
    """Dot product of two sparse vectors, iterating over the shorter."""
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def weighted_sum(vectors: Sequence[Vector], weights: Sequence[float]) -> Vector:
    """``sum_i weights[i] * vectors[i]`` as one sparse vector."""
    total: Vector = {}
    get = total.get
    for vec, weight in zip(vectors, weights):
        if weight:
            for term, w in vec.items():
                total[term] = get(term, 0.0) + w * weight
    return total


def dot_with_total(vec: Vector, total: Vector) -> float:
    """Dot product with a vector that holds every term of ``vec`` (a sum that includes it)."""
    return sum(map(mul, vec.values(), map(total.__getitem__, vec)))


def centroid_similarity(vectors: Sequence[Vector]) -> list[float]:
    """Degree centrality: each sentence's summed cosine similarity to all the others."""
    total = weighted_sum(vectors, [1.0] * len(vectors))
    return [max(dot_with_total(v, total) - (1.0 if v else 0.0), 0.0) for v in vectors]


def lexrank(vectors: Sequence[Vector], iterations: int = 12) -> list[float]:
    """Continuous LexRank scores (summing to 1) over the full cosine graph, in linear time."""
    n = len(vectors)
    if n == 0:
        return []
    degree = centroid_similarity(vectors)
    scores = [1.0 / n] * n
    for _ in range(iterations):
        spread = [s / d if d > 1e-9 else 0.0 for s, d in zip(scores, degree)]
        total = weighted_sum(vectors, spread)
        scores = [(1 - _DAMPING) / n + _DAMPING * max(dot(v, total) - x, 0.0)
                  for v, x in zip(vectors, spread)]
        mass = sum(scores)
        scores = [s / mass for s in scores]
    return scores


def scaled(values: Sequence[float]) -> list[float]:
    """Values divided by their maximum, so that the best is 1 (all zeros stay zeros)."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]
