"""Keyword retrieval with rank-bm25 over our own tokens.

rank-bm25's BM25Okapi gives a term found in more than half of the passages a negative
IDF and then floors it to ``epsilon * average_idf``. In a single-topic corpus ("China",
"Vietnam", "Xi" are nearly everywhere) that floor is larger than the IDF of a term found
in just under half the passages, so the most common words outweigh rarer ones. The
default here keeps Okapi's term-frequency part but uses Lucene's always-positive,
monotonic IDF ``log(1 + (N - n + 0.5) / (n + 0.5))``.

Measured on the seed corpus (50 passages, 99 answerable gold questions,
``benchmarks/retrieval.py``): Okapi gives vietnam(36 passages), china(33) and xi(31) the
floor 0.756 while hanoi(20) gets 0.397, an inversion; Lucene IDF orders them 0.335 <
0.420 < 0.482 < 0.911. Ranking quality is a tie within one question: R@1/R@3/R@10/MRR
Okapi 0.778/0.970/1.000/0.867, Lucene IDF 0.768/0.970/1.000/0.860, BM25Plus the same as
Lucene, BM25L 0.727/0.949/1.000/0.836, Okapi with epsilon=0 0.727/0.949/0.980/0.834.
We keep the variant without the inversion, since a one-question difference is noise and
the inversion grows with a corpus that stays on one topic.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from enum import Enum

import numpy as np
from rank_bm25 import BM25, BM25L, BM25Okapi, BM25Plus

from index.records import ScoredPassage
from index.tokenize import DEFAULT_OPTIONS, TokenizerOptions, tokenize

logger = logging.getLogger(__name__)


class BM25Variant(str, Enum):
    OKAPI = "okapi"  # rank-bm25 as shipped: negative IDF floored to epsilon * mean IDF
    OKAPI_LUCENE_IDF = "okapi-lucene-idf"  # Okapi with log(1 + ...) IDF, never negative
    PLUS = "plus"  # rank-bm25 BM25Plus
    L = "l"  # rank-bm25 BM25L


DEFAULT_VARIANT = BM25Variant.OKAPI_LUCENE_IDF


class BM25OkapiLuceneIDF(BM25Okapi):
    """BM25Okapi whose IDF is Lucene's ``log(1 + (N - n + 0.5) / (n + 0.5))``: positive and
    falling with n, so a term in most passages counts a little, never more than a rarer one."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1.0 + (self.corpus_size - freq + 0.5) / (freq + 0.5))
        self.average_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0


def make_bm25(tokenized: Sequence[Sequence[str]], variant: BM25Variant = DEFAULT_VARIANT) -> BM25:
    """The rank-bm25 model for ``variant`` (rank-bm25's default k1=1.5, b=0.75)."""
    if not tokenized:
        raise ValueError("BM25 needs at least one passage; the corpus has none")
    # rank-bm25 divides by the mean passage length; an all-empty corpus would divide by 0.
    corpus = [list(tokens) for tokens in tokenized]
    if not any(corpus):
        raise ValueError("BM25 needs at least one passage with a term; every passage tokenized to nothing")
    if variant is BM25Variant.OKAPI:
        return BM25Okapi(corpus)
    if variant is BM25Variant.OKAPI_LUCENE_IDF:
        return BM25OkapiLuceneIDF(corpus)
    if variant is BM25Variant.PLUS:
        return BM25Plus(corpus)
    return BM25L(corpus)


def order_scores(scores: np.ndarray, candidates: np.ndarray, k: int) -> list[ScoredPassage]:
    """Top ``k`` of ``candidates`` by score, ties broken by passage index (deterministic)."""
    if k <= 0 or candidates.size == 0:
        return []
    chosen = candidates[np.lexsort((candidates, -scores[candidates]))][:k]
    return [ScoredPassage(index=int(i), score=float(scores[i]), rank=r) for r, i in enumerate(chosen, 1)]


class BM25Retriever:
    """Ranks passages by BM25; only passages sharing a term with the query are returned.

    >>> retriever = BM25Retriever([["vietnam", "trade"], ["xi", "visit"]])
    >>> [p.index for p in retriever.rank("Xi's visit", k=5)]
    [1]
    """

    def __init__(
        self,
        tokenized: Sequence[Sequence[str]],
        variant: BM25Variant = DEFAULT_VARIANT,
        options: TokenizerOptions = DEFAULT_OPTIONS,
    ) -> None:
        self.variant = variant
        self.options = options
        self.tokenized = tuple(tuple(tokens) for tokens in tokenized)
        self.model = make_bm25(self.tokenized, variant)
        # Which passages hold a term: BM25Plus/BM25L give every passage a score > 0,
        # so "matched" is decided by the terms, the same way for every variant.
        postings: dict[str, list[int]] = {}
        for index, tokens in enumerate(self.tokenized):
            for term in set(tokens):
                postings.setdefault(term, []).append(index)
        self._postings = {term: np.asarray(ids, dtype=np.int64) for term, ids in postings.items()}

    def __len__(self) -> int:
        return len(self.tokenized)

    def rank(self, query: str, k: int) -> list[ScoredPassage]:
        if k <= 0:
            raise ValueError(f"k must be greater than 0. Currently, k is {k}")
        terms = tokenize(query, self.options)
        matched = [self._postings[t] for t in set(terms) if t in self._postings]
        if not matched:
            return []
        candidates = np.unique(np.concatenate(matched))
        # get_scores reads the model only, so concurrent calls are safe.
        scores = np.asarray(self.model.get_scores(terms), dtype=np.float64)
        return order_scores(scores, candidates, k)
