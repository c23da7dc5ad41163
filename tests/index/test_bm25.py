"""BM25Retriever: which passages come back, in what order, and the IDF choice."""

from __future__ import annotations

import pytest
from rank_bm25 import BM25Okapi

from index.bm25 import BM25OkapiLuceneIDF, BM25Retriever, BM25Variant
from index.tokenize import tokenize

# A single-topic corpus like ours: "harbour" is in 7 of 10 passages, "ferry" in 4.
PASSAGES = [
    "the harbour ferry sails at dawn",
    "harbour fees rose again",
    "ferry tickets and harbour fees",
    "a new ferry terminal opened",
    "harbour workers went on strike",
    "the ferry captain spoke to the press",
    "harbour master resigns",
    "harbour traffic doubled",
    "storm closed the harbour",
    "lighthouse keeper retires",
]


def make(variant: BM25Variant = BM25Variant.OKAPI_LUCENE_IDF) -> BM25Retriever:
    return BM25Retriever([tokenize(text) for text in PASSAGES], variant)


@pytest.mark.parametrize("variant", list(BM25Variant))
def test_only_passages_sharing_a_term_come_back(variant: BM25Variant) -> None:
    hits = make(variant).rank("lighthouse", k=10)
    assert [h.index for h in hits] == [9]


def test_ranks_are_one_based_and_scores_descend() -> None:
    hits = make().rank("harbour ferry", k=10)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    assert hits[0].index in (0, 2)  # the two passages holding both terms


def test_k_limits_and_validates() -> None:
    assert len(make().rank("harbour", k=3)) == 3
    with pytest.raises(ValueError, match="k must be greater than 0"):
        make().rank("harbour", k=0)


def test_unknown_terms_and_stopwords_only_give_nothing() -> None:
    assert make().rank("zeppelin", k=5) == []
    assert make().rank("the and of", k=5) == []


def test_equal_scores_rank_by_passage_index() -> None:
    retriever = BM25Retriever([["alpha"], ["beta"], ["alpha"], ["alpha"]])
    assert [h.index for h in retriever.rank("alpha", k=5)] == [0, 2, 3]


def test_lucene_idf_is_positive_and_falls_with_document_frequency() -> None:
    model = BM25OkapiLuceneIDF([tokenize(text) for text in PASSAGES])
    harbour, ferry, lighthouse = (model.idf[tokenize(w)[0]] for w in ("harbour", "ferry", "lighthouse"))
    assert 0 < harbour < ferry < lighthouse


def test_okapi_floor_lets_a_common_term_outweigh_a_rarer_one() -> None:
    """Why the default is not plain BM25Okapi: in rank-bm25 a term in 70% of passages
    is floored to epsilon * mean IDF, which here beats a term in 40% of passages."""
    model = BM25Okapi([tokenize(text) for text in PASSAGES])
    assert model.idf["harbour"] > model.idf["ferry"]
    ours = BM25OkapiLuceneIDF([tokenize(text) for text in PASSAGES])
    assert ours.idf["harbour"] < ours.idf["ferry"]


def test_rare_term_decides_ranking_with_default_idf() -> None:
    # "ferry" (rarer) should beat "harbour" (common) in a two-term query.
    retriever = BM25Retriever([["harbour", "x", "y"], ["ferry", "x", "y"], ["harbour"], ["harbour"], ["harbour"]])
    assert retriever.rank("harbour ferry", k=1)[0].index == 1


def test_empty_corpus_is_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="at least one passage"):
        BM25Retriever([])
    with pytest.raises(ValueError, match="tokenized to nothing"):
        BM25Retriever([[], []])
