"""Reciprocal rank and weighted score fusion."""

from __future__ import annotations

import pytest

from index.fusion import fuse
from index.records import FusionMode, ScoredPassage


def ranked(*pairs: tuple[int, float]) -> list[ScoredPassage]:
    return [ScoredPassage(index=i, score=s, rank=r) for r, (i, s) in enumerate(pairs, 1)]


BM25 = ranked((10, 9.0), (11, 5.0), (12, 1.0))
VECTOR = ranked((12, 0.9), (13, 0.8), (10, 0.1))


def test_rrf_adds_reciprocal_ranks() -> None:
    fused = {f.index: f.score for f in fuse(BM25, VECTOR, FusionMode.RECIPROCAL_RANK, rrf_k=60)}
    assert fused[10] == pytest.approx(1 / 61 + 1 / 63)
    assert fused[12] == pytest.approx(1 / 63 + 1 / 61)
    assert fused[11] == pytest.approx(1 / 62)
    assert fused[13] == pytest.approx(1 / 62)


def test_rrf_order_and_tie_break_prefers_bm25_rank() -> None:
    order = [f.index for f in fuse(BM25, VECTOR, FusionMode.RECIPROCAL_RANK)]
    # 10 and 12 tie on score; 10 has the better BM25 rank. 11 and 13 tie; 11 has a BM25 rank.
    assert order == [10, 12, 11, 13]


def test_fused_entries_keep_their_component_ranks() -> None:
    by_index = {f.index: f for f in fuse(BM25, VECTOR, FusionMode.RECIPROCAL_RANK)}
    assert by_index[11].vector is None and by_index[11].bm25 is not None and by_index[11].bm25.rank == 2
    assert by_index[13].bm25 is None and by_index[13].vector is not None and by_index[13].vector.rank == 2


def test_weighted_scales_each_list_by_its_best_score() -> None:
    fused = {f.index: f.score for f in fuse(BM25, VECTOR, FusionMode.WEIGHTED_SCORE, vector_weight=0.5)}
    assert fused[10] == pytest.approx(0.5 * 1.0 + 0.5 * 0.1 / 0.9)
    assert fused[11] == pytest.approx(0.5 * 5.0 / 9.0)
    assert fused[12] == pytest.approx(0.5 * 1.0 / 9.0 + 0.5 * 1.0)
    assert fused[13] == pytest.approx(0.5 * 0.8 / 0.9)


def test_weighted_keeps_a_flat_list_from_dominating() -> None:
    # Vector scores all middling and close: scaled by the best, the weakest stays near the
    # best, so the BM25 list (a clear winner) decides. Min-max would stretch 0.49..0.52 to 0..1 and put 2 first.
    bm25 = ranked((1, 10.0), (2, 8.0), (3, 1.0))
    vector = ranked((2, 0.52), (1, 0.50), (3, 0.49))
    assert [f.index for f in fuse(bm25, vector, FusionMode.WEIGHTED_SCORE, vector_weight=0.5)] == [1, 2, 3]


def test_weighted_counts_negative_scores_as_zero() -> None:
    fused = {f.index: f.score for f in fuse([], ranked((1, 0.4), (2, -0.2)), FusionMode.WEIGHTED_SCORE)}
    assert fused == {1: pytest.approx(0.5), 2: 0.0}


def test_weighted_list_with_no_positive_score_keeps_its_best_first() -> None:
    fused = fuse(ranked((1, -0.1), (2, -0.3)), [], FusionMode.WEIGHTED_SCORE, vector_weight=0.25)
    assert [(f.index, f.score) for f in fused] == [(1, 0.75), (2, 0.0)]


def test_weighted_list_with_equal_scores_counts_as_all_best() -> None:
    fused = fuse(ranked((1, 3.0), (2, 3.0)), [], FusionMode.WEIGHTED_SCORE, vector_weight=0.25)
    assert [f.score for f in fused] == [0.75, 0.75]


def test_empty_inputs() -> None:
    assert fuse([], [], FusionMode.RECIPROCAL_RANK) == []
    assert [f.index for f in fuse([], VECTOR, FusionMode.RECIPROCAL_RANK)] == [12, 13, 10]


def test_mode_accepts_the_enum_value_string() -> None:
    assert fuse(BM25, VECTOR, FusionMode("weighted")) == fuse(BM25, VECTOR, FusionMode.WEIGHTED_SCORE)


@pytest.mark.parametrize(("kwargs", "message"), [({"rrf_k": 0}, "rrf_k"), ({"vector_weight": 1.5}, "vector_weight")])
def test_bad_parameters_name_the_value(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fuse(BM25, VECTOR, FusionMode.RECIPROCAL_RANK, **kwargs)  # type: ignore[arg-type]
