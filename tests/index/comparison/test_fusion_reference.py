"""Weighted fusion at its extremes equals the plain reference rankings: rank-bm25's order
at vector weight 0 and faiss's exact order at vector weight 1."""

from __future__ import annotations

import faiss
from rank_bm25 import BM25Okapi

from index.bm25 import BM25Retriever, BM25Variant
from index.fusion import fuse
from index.records import FusionMode
from index.tokenize import tokenize
from index.vector import VectorRetriever, build_vector_index
from tests.fakes import HashingEmbedder

CORPUS = [
    "Copper exports rose sharply as the mine reopened.",
    "The mine workers ended their strike in May.",
    "Copper prices fell on weak demand from smelters.",
    "A new railway will carry copper to the coast.",
    "The coast guard rescued fishermen after a storm.",
    "Mine safety rules were tightened after the accident.",
    "Exports of fish and copper both grew last year.",
    "Smelters in the north closed for maintenance.",
]
QUERIES = ["copper exports", "mine strike", "coast storm rescue", "smelters demand"]


def test_vector_weight_zero_is_rank_bm25_order_and_one_is_faiss_order() -> None:
    tokenized = [tokenize(text) for text in CORPUS]
    reference_bm25 = BM25Okapi(tokenized)
    embedder = HashingEmbedder(dimension=32)
    embeddings = embedder.encode(CORPUS)
    reference_faiss = faiss.IndexFlatIP(embeddings.shape[1])
    reference_faiss.add(embeddings)

    bm25 = BM25Retriever(tokenized, BM25Variant.OKAPI)
    vector = VectorRetriever(build_vector_index(embeddings), lambda q: embedder.encode([q])[0])
    for query in QUERIES:
        bm25_hits = bm25.rank(query, k=len(CORPUS))
        vector_hits = vector.rank(query, k=len(CORPUS))

        scores = reference_bm25.get_scores(tokenize(query))
        expected_bm25 = [i for i in sorted(range(len(CORPUS)), key=lambda i: (-scores[i], i)) if scores[i] > 0]
        at_zero = [f.index for f in fuse(bm25_hits, vector_hits, FusionMode.WEIGHTED_SCORE, vector_weight=0.0)]
        assert at_zero[: len(expected_bm25)] == expected_bm25, query

        similarities, ids = reference_faiss.search(embedder.encode([query]), len(CORPUS))
        # faiss leaves the order of equal similarities open; break ties by index, as we do.
        expected_vector = [int(i) for _, i in sorted(zip(-similarities[0], ids[0]))]
        at_one = [f.index for f in fuse(bm25_hits, vector_hits, FusionMode.WEIGHTED_SCORE, vector_weight=1.0)]
        assert at_one == expected_vector, query
