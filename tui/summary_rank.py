"""Sentence vectors and centrality for the extractive summarizer, in linear time.

Sentences are sparse TF-ISF vectors (term frequency times inverse sentence
frequency). Centrality is continuous LexRank (PageRank over the cosine
similarity graph of all sentences), computed without ever forming the graph:
because similarity is a dot product, ``sum_j S_ij x_j = v_i . (sum_j x_j v_j)
- x_i``, so each power iteration costs one pass over the vectors. The cost is
linear in the length of the text, however long it is.

:class:`TermSpace` holds the same vectors in a compact form (each sentence's
terms, one weight per term, one inverse norm per sentence) so that degree
centrality and similarity to a title take one C-level sum per sentence; a
dict vector is built only for the few sentences that compete for selection.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, compress, count, repeat
from operator import mul, ne

Vector = dict[str, float]

_DAMPING = 0.85
_ZEROS = repeat(0.0)  # the default of dict.get in map(get, keys, _ZEROS); endless, so it never runs out


def sentence_frequencies(term_lists: Iterable[Iterable[str]]) -> Counter:
    """How many sentences each term occurs in."""
    return Counter(chain.from_iterable(map(set, term_lists)))


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
    return sum(map(mul, a.values(), map(b.get, a, _ZEROS)))


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


class TermSpace:
    """The unit TF-ISF vectors of :func:`term_vectors`, kept as term lists, term weights and inverse norms.

    Sentence ``i`` is ``v_i[t] = tf_i(t) * weight[t] * inv_norm[i]``. A sum over a sentence's terms with
    their repeats is a sum over ``tf``, so a dot product with a fixed vector is one ``sum(map(...))``.
    ``weight`` holds every term of the text: ``log(idf_offset + n / df)``, or 1 when ``idf_offset`` is 0.
    """

    __slots__ = ("terms", "sets", "weight", "inv_norm")

    def __init__(self, term_lists: Sequence[Sequence[str]], idf_offset: float = 0.0) -> None:
        self.sets = sets = list(map(set, term_lists))  # kept: a query's few terms test against them fast
        df = Counter(chain.from_iterable(sets))
        n = max(len(term_lists), 1)
        self.terms = term_lists
        self.weight = ({t: math.log(idf_offset + n / f) for t, f in df.items()} if idf_offset
                       else dict.fromkeys(df, 1.0))
        square = {t: w * w for t, w in self.weight.items()}.__getitem__
        totals = [sum(map(square, terms)) for terms in term_lists]  # right for the common case: no repeated term
        # Only the few sentences with a repeated term need more: picked out without a Python step per sentence.
        for i in compress(count(), map(ne, map(len, term_lists), map(len, sets))):
            totals[i] = sum(tf * tf * square(t) for t, tf in Counter(term_lists[i]).items())
        sqrt = math.sqrt
        self.inv_norm = [1.0 / sqrt(total) if total else 0.0 for total in totals]

    def __len__(self) -> int:
        return len(self.terms)

    def vector(self, i: int) -> Vector:
        """Sentence ``i`` as a unit dict vector (empty for a sentence without terms)."""
        weight, scale, terms = self.weight, self.inv_norm[i], self.terms[i]
        if len(terms) == len(self.sets[i]):  # no repeated term, the common case: one product per term
            return {t: weight[t] * scale for t in terms}
        vec: Vector = {}
        for t in terms:
            vec[t] = vec.get(t, 0.0) + weight[t] * scale
        return vec

    def vectors(self, members: Iterable[int]) -> list[Vector]:
        """Dict vectors of ``members``."""
        return [self.vector(i) for i in members]

    def centrality(self, members: Sequence[int]) -> list[float]:
        """Degree centrality within ``members``: each one's summed cosine similarity to the others.

        Equals :func:`centroid_similarity` of their vectors, in two passes over their terms.
        """
        terms, inv, _ = self.rows(members)
        mass: dict[str, float] = {}  # sum over members of tf * inv_norm, per term
        get = mass.get
        for these, scale in zip(terms, inv):
            for t in these:
                mass[t] = get(t, 0.0) + scale
        weight = self.weight
        pull = {t: m * weight[t] * weight[t] for t, m in mass.items()}.__getitem__
        return [max(scale * sum(map(pull, these)) - 1.0, 0.0) if these else 0.0 for these, scale in zip(terms, inv)]

    def similarity(self, members: Sequence[int], query: Vector) -> list[float]:
        """Cosine similarity of each of ``members`` to the unit vector ``query`` (a title, say)."""
        weight = self.weight
        scaled_query = {t: q * weight[t] for t, q in query.items() if t in weight}
        if not scaled_query:
            return [0.0] * len(members)
        get, keys = scaled_query.get, scaled_query.keys()
        terms, inv, sets = self.rows(members)
        # Most sentences share no term with a short query: a test over the query's terms settles them.
        return [0.0 if keys.isdisjoint(distinct) else scale * sum(map(get, these, _ZEROS))
                for these, scale, distinct in zip(terms, inv, sets)]

    def rows(self, members: Sequence[int]) -> tuple[Sequence[Sequence[str]], Sequence[float], Sequence[set[str]]]:
        """The term lists, inverse norms and term sets of ``members``: slices when they are a plain range."""
        if isinstance(members, range) and members.step == 1:
            part = slice(members.start, members.stop)
            return self.terms[part], self.inv_norm[part], self.sets[part]
        return ([self.terms[i] for i in members], [self.inv_norm[i] for i in members],
                [self.sets[i] for i in members])
