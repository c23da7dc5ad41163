"""Our BM25 ranking against plain rank-bm25 on the same tokens (bm25s's tests/comparison idea)."""

from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from index.bm25 import BM25Retriever, BM25Variant
from index.tokenize import tokenize

CORPUS = [
    "Grain exports through the port rose 12% in March.",
    "The port authority blamed the storm for delays.",
    "Farmers said grain prices fell after the harvest.",
    "Exports of steel and grain both rose last year.",
    "A storm damaged the grain silos near the port.",
    "The minister visited the port and the steel mill.",
    "Unrelated: a chess tournament ended in a draw.",
]
QUERIES = ["grain exports", "port storm delays", "steel mill minister", "chess", "harvest prices grain"]
REFERENCE = {BM25Variant.OKAPI: BM25Okapi, BM25Variant.PLUS: BM25Plus, BM25Variant.L: BM25L}


@pytest.mark.parametrize("variant", list(REFERENCE))
@pytest.mark.parametrize("query", QUERIES)
def test_scores_and_order_equal_rank_bm25(variant: BM25Variant, query: str) -> None:
    tokenized = [tokenize(text) for text in CORPUS]
    reference = REFERENCE[variant](tokenized)
    expected_scores = reference.get_scores(tokenize(query))
    matched = [i for i, tokens in enumerate(tokenized) if set(tokens) & set(tokenize(query))]
    expected_order = sorted(matched, key=lambda i: (-expected_scores[i], i))

    hits = BM25Retriever(tokenized, variant).rank(query, k=len(CORPUS))

    assert [h.index for h in hits] == expected_order
    np.testing.assert_allclose([h.score for h in hits], [expected_scores[i] for i in expected_order])
