"""Dense retrieval with faiss: exact inner product by default, HNSW when asked.

Rows are L2-normalized, so inner product is cosine similarity.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import faiss
import numpy as np

from index.records import ScoredPassage
from index.settings import VectorIndexKind

logger = logging.getLogger(__name__)

HNSW_M = 32  # graph degree: faiss's usual choice for a few hundred thousand vectors
HNSW_EF_CONSTRUCTION = 200
# Measured in benchmarks/retrieval.py on 20k random 384-d unit vectors (the worst case):
# recall@10 0.71 at 128, 0.89 at 256, 0.986 at 512 (4 ms/query), 1.0 at 1024. On clustered
# data, closer to real embeddings, recall is 1.0 from 64 on.
HNSW_EF_SEARCH = 512


def build_vector_index(vectors: np.ndarray, kind: VectorIndexKind = VectorIndexKind.FLAT) -> faiss.Index:
    """A faiss inner-product index holding ``vectors`` (float32, one row per passage)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[1] == 0:
        raise ValueError(f"expected a 2-d array of embeddings, got shape {vectors.shape}")
    dimension = vectors.shape[1]
    if kind is VectorIndexKind.FLAT:
        index: faiss.Index = faiss.IndexFlatIP(dimension)
    elif kind is VectorIndexKind.HNSW:
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:  # pragma: no cover - the enum has two members
        raise ValueError(f"unknown vector index kind {kind!r}; use flat or hnsw")
    index.add(vectors)
    return index


def vector_index_kind(index: faiss.Index) -> VectorIndexKind:
    """Which kind a loaded faiss index is (the manifest says which it should be)."""
    if isinstance(index, faiss.IndexHNSWFlat):
        return VectorIndexKind.HNSW
    if isinstance(index, faiss.IndexFlatIP):
        return VectorIndexKind.FLAT
    raise ValueError(f"unsupported faiss index type {type(index).__name__}; rebuild with flat or hnsw")


def write_vector_index(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def read_vector_index(path: Path) -> faiss.Index:
    index = faiss.read_index(str(path))
    if isinstance(index, faiss.IndexHNSWFlat):
        # efSearch is a search-time knob; set it the same way after every load.
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index


def search_vectors(index: faiss.Index, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """faiss search that tolerates k > ntotal; missing slots are id -1."""
    k = min(k, index.ntotal)
    if k <= 0:
        empty = np.zeros((len(queries), 0))
        return empty.astype(np.float32), empty.astype(np.int64)
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), k)


class VectorRetriever:
    """Ranks passages by cosine similarity of their embedding to the query's.

    ``embed_query`` maps a question to one normalized row (SearchIndex passes its cached
    ``embed_query``), so the retriever holds no model itself.
    """

    def __init__(self, index: faiss.Index, embed_query: Callable[[str], np.ndarray]) -> None:
        self.index = index
        self.embed_query = embed_query
        # faiss documents CPU searches as thread-safe, but HNSW keeps per-search visit
        # tables; a lock costs microseconds at our size and removes the question.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def rank(self, query: str, k: int) -> list[ScoredPassage]:
        if k <= 0:
            raise ValueError(f"k must be greater than 0. Currently, k is {k}")
        vector = np.asarray(self.embed_query(query), dtype=np.float32).reshape(1, -1)
        with self._lock:
            scores, ids = search_vectors(self.index, vector, k)
        ranked = [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
        # faiss orders by score; make equal scores deterministic (lower index first).
        ranked.sort(key=lambda pair: (-pair[1], pair[0]))
        return [ScoredPassage(index=i, score=s, rank=r) for r, (i, s) in enumerate(ranked, 1)]
