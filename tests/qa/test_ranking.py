"""The learned candidate order: its features, its fit, and its file."""

from __future__ import annotations

import json
from dataclasses import replace
import logging
from types import SimpleNamespace

import numpy as np
import pytest
from scipy.optimize import minimize

from index.packaged_models import MINILM
from index.records import Hit
from index.settings import DEFAULT_MODEL
from qa.calibration import ranking_left_out
from qa.confidence import packaged_path
from qa.evidence import EvidenceSentence
from qa.question import AnswerType
from qa.ranking import RANKING_FEATURES, CandidateRanker, fit_ranker, ranking_features
from qa.spans import Candidate
from tests.fakes import make_corpus

_CORPUS = make_corpus({
    "doc": ["The mayor, Ines Calder, opened the bridge on Monday."],
    "other": ["On Monday Ines Calder cut the ribbon at noon, and the first cars crossed."],
})


def _candidate(text: str, score: float, *, sentence_score: float = 0.5, hit_rank: int = 1, rank: int = 0,
               type_match: float = 1.0, documents: int = 1) -> Candidate:
    """A candidate whose evidence carries only the numbers the ranking reads (its parse only the passage)."""
    hit = Hit(passage=_CORPUS.passages[0], document=_CORPUS.documents[0].meta, rank=hit_rank, fused_score=1.0)
    evidence = EvidenceSentence(
        parsed=SimpleNamespace(passage=_CORPUS.passages[0]), hit=hit, index=0, coverage=0.5, window_coverage=0.6, similarity=0.4,  # type: ignore[arg-type]
        masked_similarity=0.3, matched_tokens=frozenset(), score=sentence_score, rank=rank,
    )
    return Candidate(text=text, start=0, end=len(text), evidence=evidence, type_match=type_match,
                     proximity=0.5, novelty=1.0, score=score, documents=documents)


def _cut(passage: int, words: str, occurrence: int = 0) -> Candidate:
    """A candidate at the place ``words`` stand in a passage of ``_CORPUS``, as the reader cuts one."""
    text = _CORPUS.passages[passage].text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    hit = Hit(passage=_CORPUS.passages[passage], document=_CORPUS.documents[passage].meta, rank=1, fused_score=1.0)
    # The passage is all the ranking reads of the parse.
    parsed = SimpleNamespace(passage=_CORPUS.passages[passage])
    evidence = EvidenceSentence(
        parsed=parsed, hit=hit, index=0, coverage=0.5, window_coverage=0.6, similarity=0.4,  # type: ignore[arg-type]
        masked_similarity=0.3, matched_tokens=frozenset(), score=0.5, rank=0,
    )
    return Candidate(text=words, start=start, end=start + len(words), evidence=evidence, type_match=1.0,
                     proximity=0.5, novelty=1.0, score=0.5, documents=1)


def _column(name: str) -> int:
    return RANKING_FEATURES.index(name)


def test_features_describe_each_candidate_against_the_list() -> None:
    first = _candidate("Ines Calder", 0.8, sentence_score=0.6, rank=0, documents=3)
    second = _candidate("the mayor of the old town", 0.4, sentence_score=0.3, hit_rank=4, rank=7)
    rows = ranking_features(AnswerType.PERSON, [first, second])
    assert rows.shape == (2, len(RANKING_FEATURES))
    assert rows[0, _column("relative_score")] == 1.0 and rows[1, _column("relative_score")] == 0.5
    assert rows[:, _column("first_by_hand")].tolist() == [1.0, 0.0]
    assert rows[1, _column("sentence_gap")] == pytest.approx(-0.3)
    assert rows[1, _column("retrieval_prior")] == 0.25
    assert rows[1, _column("sentence_rank")] == pytest.approx(np.log(8))
    assert rows[1, _column("length")] == pytest.approx(np.log(6))
    assert rows[0, _column("other_documents")] == 2.0
    # A name is no clause: the clause features stay zero.
    assert not rows[:, _column("clause_type_match") :].any()


def test_clause_features_repeat_the_signals_of_a_why_or_how_answer() -> None:
    rows = ranking_features(AnswerType.REASON, [_candidate("because the bridge was unsafe", 0.5, type_match=0.7)])
    assert rows[0, _column("clause_type_match")] == pytest.approx(0.7)
    assert rows[0, _column("clause_length")] == pytest.approx(np.log(5))


def test_no_candidates_give_no_rows() -> None:
    assert ranking_features(AnswerType.DATE, []).shape == (0, len(RANKING_FEATURES))


def test_an_unfitted_ranker_keeps_the_hand_made_order_and_prefers_none() -> None:
    candidates = [_candidate("a", 0.9), _candidate("b c d", 0.5)]
    ranking = CandidateRanker().rank(AnswerType.PERSON, candidates)
    assert list(ranking.candidates) == candidates
    assert ranking.top_probability == 0.5
    assert CandidateRanker().rank(AnswerType.PERSON, []).candidates == ()


def test_a_fitted_ranker_orders_by_its_weights_and_keeps_ties_in_hand_order() -> None:
    short, long, longer = _candidate("Calder", 0.9), _candidate("Ines Calder", 0.5), _candidate("Ines Calder", 0.4)
    ranked = CandidateRanker({"length": 1.0}).rank(AnswerType.PERSON, [short, long, longer]).candidates
    assert list(ranked) == [long, longer, short]
    assert CandidateRanker({"length": -1.0}).rank(AnswerType.PERSON, [long, short]).candidates[0] is short


def test_the_first_candidate_takes_the_softmax_share_of_its_score() -> None:
    short, long = _candidate("Calder", 0.9), _candidate("Ines Calder", 0.5)
    lead = np.log(2)  # one word more: log 2 - log 1 of length
    for weight in (1.0, 3.0):
        ranking = CandidateRanker({"length": weight}).rank(AnswerType.PERSON, [short, long])
        assert ranking.candidates[0] is long
        assert ranking.top_probability == pytest.approx(1 / (1 + np.exp(-weight * lead)))


def test_the_answer_probability_adds_the_cuts_that_overlap_the_first_in_its_passage() -> None:
    # Equal shares (unfitted): "Ines Calder" and its cut "Calder" are one answer; "the bridge" and
    # "Monday", elsewhere in the same sentence, are others.
    candidates = [_cut(0, "Ines Calder"), _cut(0, "Calder"), _cut(0, "the bridge"), _cut(0, "Monday")]
    ranking = CandidateRanker().rank(AnswerType.PERSON, candidates)
    assert ranking.top_probability == pytest.approx(1 / 4)
    assert ranking.answer_probability == pytest.approx(2 / 4)


def test_the_answer_probability_adds_the_same_answer_in_another_passage_but_not_its_offsets() -> None:
    # "Ines Calder" in the other story is the same answer; "On Monday Ines" sits at offsets that
    # overlap the first's in its own passage, which is not the first's passage: another answer.
    first, again, elsewhere = _cut(0, "Ines Calder"), _cut(1, "Ines Calder"), _cut(1, "On Monday Ines")
    assert first.start < elsewhere.end and elsewhere.start < first.end
    ranking = CandidateRanker().rank(AnswerType.PERSON, [first, again, elsewhere])
    assert ranking.answer_probability == pytest.approx(2 / 3)


def test_the_answer_probability_sums_the_softmax_shares_of_the_same_answer() -> None:
    # Weighted by length, a candidate's share is e^(log n) = its n words: "Ines Calder" 2, its cut
    # "Calder" 1, "noon" in the other story 1.
    full, cut, other = _cut(0, "Ines Calder"), _cut(0, "Calder"), _cut(1, "noon")
    ranking = CandidateRanker({"length": 1.0}).rank(AnswerType.PERSON, [cut, other, full])
    assert ranking.candidates[0] is full
    assert ranking.top_probability == pytest.approx(2 / 4)
    assert ranking.answer_probability == pytest.approx(3 / 4)


def _groups(rng: np.random.Generator, n: int, signal: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Questions of five candidates each, the right one highest on feature ``signal`` (with noise)."""
    groups = []
    for _ in range(n):
        features = rng.normal(size=(5, len(RANKING_FEATURES)))
        right = np.zeros(5)
        right[int(np.argmax(features[:, signal] + rng.normal(scale=0.5, size=5)))] = 1.0
        groups.append((features, right))
    return groups


def test_the_fit_learns_which_feature_picks_the_right_candidate() -> None:
    rng = np.random.default_rng(0)
    ranker = fit_ranker(_groups(rng, 200, _column("proximity")))
    assert max(ranker.weights, key=lambda name: abs(ranker.weights[name])) == "proximity"
    assert ranker.weights["proximity"] > 0
    weights = np.array([ranker.weights[name] for name in RANKING_FEATURES])
    held_out = _groups(rng, 100, _column("proximity"))
    assert sum(right[int(np.argmax(features @ weights))] for features, right in held_out) >= 55  # chance: 20


def test_the_newton_fit_minimises_the_listwise_loss() -> None:
    rng = np.random.default_rng(1)
    groups = _groups(rng, 80, _column("novelty"))
    l2 = 3.0
    stacked = np.vstack([x for x, _ in groups])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)

    def loss(w: np.ndarray) -> float:
        total = 0.5 * l2 * w @ w
        for x, y in groups:
            scores = ((x - mean) / scale) @ w
            total -= (y / y.sum()) @ scores - (scores.max() + np.log(np.exp(scores - scores.max()).sum()))
        return total

    reference = minimize(loss, np.zeros(len(RANKING_FEATURES)), method="BFGS", options={"gtol": 1e-9}).x
    ours = fit_ranker(groups, l2=l2)
    assert np.allclose([ours.weights[n] * scale[i] for i, n in enumerate(RANKING_FEATURES)], reference, atol=1e-4)


def test_the_fit_holds_where_a_full_newton_step_overshoots() -> None:
    # A flag on one candidate of many (as "first by hand" is) that marks the right one three
    # times in four: undamped, the first Newton step overshoots and the fit ends with the flag's
    # weight far below zero.
    rng = np.random.default_rng(5)
    flag = _column("first_by_hand")
    groups = []
    for _ in range(150):
        size = int(rng.integers(2, 40))
        features = rng.normal(size=(size, len(RANKING_FEATURES)))
        features[:, flag] = 0.0
        features[0, flag] = 1.0
        right = np.zeros(size)
        right[0 if rng.random() < 0.75 else int(rng.integers(0, size))] = 1.0
        groups.append((features, right))
    assert 1.0 < fit_ranker(groups).weights["first_by_hand"] < 20.0


def test_a_stronger_penalty_keeps_the_weights_smaller() -> None:
    groups = _groups(np.random.default_rng(2), 60, _column("similarity"))
    loose, tight = fit_ranker(groups, l2=0.1), fit_ranker(groups, l2=1000.0)
    assert abs(tight.weights["similarity"]) < abs(loose.weights["similarity"]) / 10


def test_questions_without_a_right_candidate_teach_nothing() -> None:
    with pytest.raises(ValueError, match="no question has a right candidate"):
        fit_ranker([(np.ones((3, len(RANKING_FEATURES))), np.zeros(3))])


def test_leaving_each_set_out_counts_right_first_candidates_both_ways() -> None:
    rng = np.random.default_rng(3)
    sets = [_groups(rng, 40, _column("masked_similarity")) for _ in range(3)]
    for groups in sets:  # the hand-made order puts a wrong candidate first
        for features, right in groups:
            if right[0]:
                features[[0, 1]] = features[[1, 0]]
                right[[0, 1]] = right[[1, 0]]
    learned, hand = ranking_left_out(sets, l2=3.0)
    assert hand == 0
    assert learned > 60  # of 120


def test_unknown_features_and_unreadable_files_are_clear_errors(tmp_path) -> None:
    with pytest.raises(ValueError, match="unknown ranking feature"):
        CandidateRanker({"colour": 1.0})
    broken = tmp_path / "ranking.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="ranking.json is unreadable"):
        CandidateRanker.load(broken)
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(CandidateRanker({"length": -0.5}).to_dict()), encoding="utf-8")
    assert CandidateRanker.load(saved) == CandidateRanker({"length": -0.5})


def test_each_packaged_embedding_model_has_its_own_fitted_ranking(caplog) -> None:
    assert packaged_path(DEFAULT_MODEL, "ranking").name == "ranking.json"
    assert packaged_path(MINILM, "ranking").name == "ranking-all-MiniLM-L6-v2.json"
    default, minilm = CandidateRanker.default(DEFAULT_MODEL), CandidateRanker.default(MINILM)
    assert default.fitted and minilm.fitted
    assert set(default.weights) == set(RANKING_FEATURES)
    assert default.weights != minilm.weights  # similarities differ between the models
    assert not caplog.records
    with caplog.at_level(logging.WARNING):
        assert CandidateRanker.default("/models/my-encoder") == default
    assert "python -m qa.calibration" in caplog.text


def test_features_carry_each_candidates_place_in_the_parse() -> None:
    tied = replace(_candidate("Aviora", 0.6), tree_proximity=0.5, clause_share=1.0)
    apart = _candidate("Brask", 0.6)
    rows = ranking_features(AnswerType.ORGANIZATION, [tied, apart])
    assert rows[:, _column("tree_proximity")].tolist() == [0.5, 0.0]
    assert rows[:, _column("clause_share")].tolist() == [1.0, 0.0]
