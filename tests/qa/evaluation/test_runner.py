"""The runner's arithmetic on a stand-in QA whose answers and hits are built by hand."""

from __future__ import annotations

import json

import pytest

from index.records import RetrievalMode
from qa.evaluation.runner import EvalReport, evaluate, percentile
from tests.qa.evaluation.conftest import SYNTHETIC_GOLD
from tests.qa.evaluation.stand_in import StandInQA


def test_answer_metrics(synthetic_report: EvalReport) -> None:
    data = synthetic_report.to_dict()
    assert data["n"] == 7
    assert data["answerable"]["n"] == 4
    assert data["answerable"]["em"] == pytest.approx((1 + 0 + 0 + 1) / 4)
    # a2: [prime, minister, pham, minh, chinh] vs [pham, minh, chinh]: p = 3/5, r = 1 -> 0.75
    assert data["answerable"]["f1"] == pytest.approx((1 + 0.75 + 0 + 1) / 4)
    assert data["unanswerable"] == {"n": 3, "refusal_recall": pytest.approx(2 / 3, abs=1e-4)}
    assert data["false_refusal_rate"] == pytest.approx(1 / 4)
    # Checked: a1 (cites ap, a source) and a2 (cites scmp, not a source); a4 has no sources.
    assert data["citation_accuracy"] == pytest.approx(1 / 2)


def test_latency_percentiles(synthetic_report: EvalReport) -> None:
    # 10..70 ms: p50 = 40; p95 at position 6 * 0.95 = 5.7 -> 60 + 0.7 * 10 = 67
    assert synthetic_report.to_dict()["latency_ms"] == {"p50": 40.0, "p95": 67.0}
    assert percentile([], 50) == 0.0
    assert percentile([5.0], 95) == 5.0


def test_retrieval_only_for_answerable_questions(stand_in: StandInQA, synthetic_report: EvalReport) -> None:
    assert len(stand_in.searches) == 4 * 3
    assert {query for query, _, _ in stand_in.searches} == {g.question for g in SYNTHETIC_GOLD if g.answerable}
    assert all(k == 10 for _, k, _ in stand_in.searches)
    retrieval = synthetic_report.to_dict()["retrieval"]
    assert set(retrieval) == {"bm25", "vector", "hybrid"}
    # bm25 first relevant ranks: a1 1, a2 2, a3 none (wrong doc), a4 1 (no sources: any doc)
    assert retrieval["bm25"]["recall@1"] == pytest.approx(2 / 4)
    assert retrieval["bm25"]["recall@3"] == pytest.approx(3 / 4)
    assert retrieval["bm25"]["mrr"] == pytest.approx((1 + 1 / 2 + 0 + 1) / 4)
    assert retrieval["vector"]["recall@10"] == 0.0
    assert retrieval["hybrid"]["recall@1"] == 0.0
    assert retrieval["hybrid"]["recall@3"] == pytest.approx(1 / 4)
    assert retrieval["hybrid"]["mrr"] == pytest.approx(1 / 12, abs=1e-4)


def test_by_category(synthetic_report: EvalReport) -> None:
    by_category = synthetic_report.to_dict()["by_category"]
    assert list(by_category) == ["person", "date", "place", "faq_trivia", "near_miss"]
    assert by_category["person"]["n"] == 2
    assert by_category["person"]["em"] == pytest.approx(0.5)
    assert by_category["person"]["f1"] == pytest.approx(0.875)
    assert by_category["place"]["false_refusal_rate"] == 1.0
    assert by_category["near_miss"] == {"n": 2, "refusal_recall": 1.0}
    assert by_category["faq_trivia"]["refusal_recall"] == 0.0


def test_failures_list_what_was_returned(synthetic_report: EvalReport) -> None:
    failures = {f["id"]: f for f in synthetic_report.to_dict()["failures"]}
    assert set(failures) == {"a2", "a3", "u2"}
    assert failures["a2"]["kind"] == "partial answer"
    assert failures["a2"]["returned"] == "Prime Minister Pham Minh Chinh"
    assert failures["a2"]["expected"] == ["Pham Minh Chinh"]
    assert failures["a3"]["kind"] == "false refusal"
    assert failures["a3"]["returned"].startswith("REFUSED: ")
    assert failures["a3"]["confidence"] == 0.3
    assert failures["u2"]["kind"] == "answered an unanswerable question"
    assert failures["u2"]["category"] == "faq_trivia"
    assert failures["u2"]["question"] == "What is the old name of Vietnam?"


def test_threshold_sweep_by_hand(synthetic_report: EvalReport) -> None:
    points = {round(p.threshold, 2): p for p in synthetic_report.threshold_sweep}
    assert len(points) == 101
    # t = 0: every candidate is answered (u3 has none and stays refused)
    assert points[0.0].refusal_recall == pytest.approx(1 / 3)
    assert points[0.0].false_refusal_rate == 0.0
    assert points[0.0].f1 == pytest.approx((1 + 0.75 + 1 + 1) / 4)
    # t = 0.5: answered a1 (.9), a2 (.6), a4 (.8), u2 (.7)
    assert points[0.5].refusal_recall == pytest.approx(2 / 3)
    assert points[0.5].false_refusal_rate == pytest.approx(1 / 4)
    assert points[0.5].f1 == pytest.approx(2.75 / 4)
    assert points[0.5].answered_f1 == pytest.approx(2.75 / 3)
    assert points[0.5].answered_fraction == pytest.approx(4 / 7)
    # t = 1: nothing reaches it
    assert points[1.0].refusal_recall == 1.0 and points[1.0].false_refusal_rate == 1.0
    assert points[1.0].answered_f1 == 0.0


def test_reliability_and_ece_by_hand(synthetic_report: EvalReport) -> None:
    bins = synthetic_report.reliability
    assert len(bins) == 10
    assert sum(b.count for b in bins) == 6  # u3 has no candidate
    by_lower = {round(b.lower, 1): b for b in bins if b.count}
    assert set(by_lower) == {0.2, 0.3, 0.6, 0.7, 0.8, 0.9}
    assert by_lower[0.2].accuracy == 0.0  # a candidate for an unanswerable question is wrong
    assert by_lower[0.3].accuracy == 1.0  # refused, but the candidate was right
    assert by_lower[0.6].accuracy == 1.0  # F1 0.75 >= 0.5
    assert by_lower[0.7].accuracy == 0.0
    assert synthetic_report.ece == pytest.approx((0.2 + 0.7 + 0.4 + 0.7 + 0.2 + 0.1) / 6)


def test_confidence_of_one_lands_in_the_last_bin() -> None:
    from qa.evaluation.gold import GoldQuestion
    from tests.qa.evaluation.stand_in import answered

    gold = [GoldQuestion("x", "Who?", ("Hue",), True, None, None, "person")]
    qa = StandInQA(answers={"Who?": answered("Who?", "Hue", ("ap",), 1.0)})
    report = evaluate(qa, gold, progress=False, modes=())
    assert report.reliability[-1].count == 1 and report.ece == 0.0
    assert report.retrieval == ()


def test_to_dict_is_json_with_fractions_in_range(synthetic_report: EvalReport) -> None:
    data = json.loads(json.dumps(synthetic_report.to_dict()))
    fractions = [data["answerable"]["em"], data["answerable"]["f1"], data["unanswerable"]["refusal_recall"],
                 data["false_refusal_rate"], data["citation_accuracy"]]
    fractions += [value for mode in data["retrieval"].values() for key, value in mode.items() if key != "n"]
    assert all(0.0 <= value <= 1.0 for value in fractions)
    for mode in ("bm25", "vector", "hybrid"):
        assert {"recall@1", "recall@3", "recall@5", "recall@10", "mrr"} <= set(data["retrieval"][mode])


def test_empty_question_list_is_an_error() -> None:
    with pytest.raises(ValueError, match="no gold questions"):
        evaluate(StandInQA(answers={}), [], progress=False)


def test_latency_falls_back_to_wall_clock_when_pipeline_reports_none() -> None:
    from qa.evaluation.gold import GoldQuestion
    from tests.qa.evaluation.stand_in import refused

    gold = [GoldQuestion("x", "Capital?", (), False, (), None, "general_knowledge")]
    qa = StandInQA(answers={"Capital?": refused("Capital?", None, 0.0, latency_ms=0.0)})
    report = evaluate(qa, gold, progress=False, modes=(RetrievalMode.BM25,))
    assert report.latency_p50_ms > 0.0


def test_warm_up_asks_first_question_once_more_untimed(stand_in: StandInQA, synthetic_report: EvalReport) -> None:
    first = SYNTHETIC_GOLD[0].question
    assert stand_in.asked.count(first) == 2
    assert len(stand_in.asked) == len(SYNTHETIC_GOLD) + 1
    assert len(synthetic_report.results) == len(SYNTHETIC_GOLD)
