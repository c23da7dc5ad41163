"""Relevance of hits (source doc AND answer text, per passage) and recall@k / MRR."""

from __future__ import annotations

import pytest

from qa.evaluation.gold import GoldQuestion
from qa.evaluation.retrieval_metrics import first_relevant_rank, hit_is_relevant, score_ranks
from tests.qa.evaluation.stand_in import hit, passage

QUESTION = GoldQuestion(
    id="r1", question="How big was trade?", answers=("$175.6 billion", "175.6 billion"), answerable=True,
    sources=("ap", "indy"),
)


def test_relevant_needs_source_doc_and_answer() -> None:
    assert hit_is_relevant(hit("ap", "Trade reached $175.6 billion in 2022."), QUESTION)
    assert not hit_is_relevant(hit("scmp", "Trade reached $175.6 billion in 2022."), QUESTION)  # not a source
    assert not hit_is_relevant(hit("ap", "Trade reached record levels in 2022."), QUESTION)  # no answer


def test_answer_match_is_normalized_and_token_bounded() -> None:
    assert hit_is_relevant(hit("ap", "THE TRADE: 175.6 Billion!"), QUESTION)
    question = GoldQuestion(id="r2", question="What share?", answers=("67%",), answerable=True, sources=None)
    assert hit_is_relevant(hit("anything", "imports make up 67 percent"), question)  # sources missing: any doc
    assert not hit_is_relevant(hit("anything", "founded in 1967"), question)  # "67" inside "1967" is no match


def test_twin_counts_only_when_the_twin_itself_is_relevant() -> None:
    twin_ok = passage("indy", "Trade reached $175.6 billion in 2022.")
    assert hit_is_relevant(hit("scmp", "Trade reached $175.6 billion.", twins=(twin_ok,)), QUESTION)
    # A sourced passage without the answer and an unsourced twin with it: not relevant.
    twin_unsourced = passage("scmp", "Trade reached $175.6 billion in 2022.")
    assert not hit_is_relevant(hit("ap", "Trade grew strongly.", twins=(twin_unsourced,)), QUESTION)


def test_unanswerable_question_has_no_relevant_hit() -> None:
    question = GoldQuestion(id="u", question="Capital?", answers=(), answerable=False, sources=())
    assert not hit_is_relevant(hit("ap", "anything at all"), question)


def test_first_relevant_rank_uses_list_position_within_k() -> None:
    hits = [hit("ap", "nothing here", 1), hit("scmp", "$175.6 billion", 2), hit("indy", "175.6 billion", 3)]
    assert first_relevant_rank(hits, QUESTION) == 3
    assert first_relevant_rank(hits, QUESTION, max_k=2) is None


def test_recall_and_mrr_by_hand() -> None:
    # ranks 1, 3, None, 10 over four questions
    scores = score_ranks("bm25", [1, 3, None, 10])
    assert scores.recall_at(1) == pytest.approx(1 / 4)
    assert scores.recall_at(2) == pytest.approx(1 / 4)
    assert scores.recall_at(3) == pytest.approx(2 / 4)
    assert scores.recall_at(5) == pytest.approx(2 / 4)
    assert scores.recall_at(10) == pytest.approx(3 / 4)
    assert scores.mrr == pytest.approx((1 + 1 / 3 + 0 + 1 / 10) / 4)
    assert scores.to_dict() == {"recall@1": 0.25, "recall@3": 0.5, "recall@5": 0.5, "recall@10": 0.75,
                                "mrr": round((1 + 1 / 3 + 0.1) / 4, 4), "n": 4}
    with pytest.raises(ValueError, match="k must be in 1..10"):
        scores.recall_at(11)


def test_no_questions_scores_zero() -> None:
    scores = score_ranks("vector", [])
    assert scores.n == 0 and scores.mrr == 0.0 and scores.recall_at(10) == 0.0
