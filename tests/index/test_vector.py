"""faiss indexes: exact search is exact, HNSW recall against it, files round-trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.embedding import normalize_rows
from index.settings import VectorIndexKind
from index.vector import (
    VectorRetriever,
    build_vector_index,
    read_vector_index,
    search_vectors,
    vector_index_kind,
    write_vector_index,
)
from tests.fakes import HashingEmbedder


def random_unit_vectors(count: int, dimension: int, seed: int) -> np.ndarray:
    return normalize_rows(np.random.default_rng(seed).standard_normal((count, dimension)))


def test_flat_search_equals_numpy_inner_product_order() -> None:
    vectors = random_unit_vectors(300, 16, seed=1)
    queries = random_unit_vectors(5, 16, seed=2)
    scores, ids = search_vectors(build_vector_index(vectors), queries, k=10)
    expected = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    np.testing.assert_array_equal(ids, expected)
    np.testing.assert_allclose(scores, np.take_along_axis(queries @ vectors.T, expected, axis=1), rtol=1e-5)


def test_hnsw_recall_at_10_against_exact_is_at_least_0_9() -> None:
    vectors = random_unit_vectors(4000, 64, seed=3)
    queries = random_unit_vectors(100, 64, seed=4)
    _, exact = search_vectors(build_vector_index(vectors, VectorIndexKind.FLAT), queries, k=10)
    _, approximate = search_vectors(build_vector_index(vectors, VectorIndexKind.HNSW), queries, k=10)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approximate, exact)])
    assert recall >= 0.9


def test_k_larger_than_the_index_returns_every_vector() -> None:
    _, ids = search_vectors(build_vector_index(random_unit_vectors(3, 8, seed=5)), random_unit_vectors(1, 8, 6), 10)
    assert sorted(ids[0].tolist()) == [0, 1, 2]


@pytest.mark.parametrize("kind", list(VectorIndexKind))
def test_write_and_read_round_trip_keeps_kind_and_results(tmp_path: Path, kind: VectorIndexKind) -> None:
    vectors = random_unit_vectors(200, 16, seed=7)
    query = random_unit_vectors(1, 16, seed=8)
    index = build_vector_index(vectors, kind)
    write_vector_index(index, tmp_path / "vectors.faiss")
    loaded = read_vector_index(tmp_path / "vectors.faiss")
    assert vector_index_kind(loaded) is kind
    np.testing.assert_array_equal(search_vectors(loaded, query, 5)[1], search_vectors(index, query, 5)[1])


def test_bad_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="2-d array"):
        build_vector_index(np.zeros(5, dtype=np.float32))


def test_vector_retriever_ranks_by_similarity_to_the_query() -> None:
    embedder = HashingEmbedder()
    texts = ["river flood warning", "election results tonight", "flood waters recede from the river"]
    retriever = VectorRetriever(build_vector_index(embedder.encode(texts)), lambda q: embedder.encode([q])[0])
    hits = retriever.rank("river flood", k=2)
    assert [h.index for h in hits] == [0, 2]
    assert [h.rank for h in hits] == [1, 2]
    assert hits[0].score >= hits[1].score
    with pytest.raises(ValueError, match="k must be greater than 0"):
        retriever.rank("river", k=0)
