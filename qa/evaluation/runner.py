"""Runs gold questions through the same pipeline as the API and scores what comes back.

``evaluate(qa, questions)`` calls ``qa.ask`` once per question (answer, refusal, citations,
latency) and ``qa.search`` per retrieval mode for the answerable ones (recall@k, MRR), then
sweeps the refusal threshold over the calibrated confidences of the reader's candidates.

>>> report = evaluate(qa, select_split(load_gold(path), "dev"))  # doctest: +SKIP
>>> report.to_dict()["answerable"]["f1"]  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from tqdm import tqdm

from index.records import Hit, RetrievalMode
from qa.evaluation.gold import (
    ANSWERABLE_CATEGORIES,
    UNANSWERABLE_CATEGORIES,
    GoldQuestion,
)
from qa.evaluation.metrics import CORRECT_F1, best_exact_match, best_f1
from qa.evaluation.retrieval_metrics import (
    MAX_K,
    RetrievalScores,
    first_relevant_rank,
    score_ranks,
)
from qa.records import Answer

logger = logging.getLogger(__name__)

RELIABILITY_BINS = 10
SWEEP_STEPS = 100  # thresholds 0.00, 0.01, ..., 1.00


class QAPipeline(Protocol):
    """What evaluation needs from ``qa.api.QA``: the API's own ``ask`` and ``search``."""

    def ask(self, question: str) -> Answer: ...

    def search(self, query: str, k: int, mode: RetrievalMode) -> list[Hit]: ...


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """What the pipeline did with one gold question, and how it scored."""

    question: GoldQuestion
    answer_text: str | None
    refused: bool
    reason: str
    confidence: float
    candidate: str | None
    cited_docs: tuple[str, ...]
    latency_ms: float
    em: float  # 0 for refusals and for unanswerable rows
    f1: float
    candidate_f1: float  # F1 of the candidate span, answered or not (for the threshold sweep)
    citation_correct: bool | None  # None: not answered, unanswerable, or no gold sources
    retrieval_ranks: tuple[tuple[str, int | None], ...] = ()  # (mode, first relevant rank)

    @property
    def failed(self) -> bool:
        if self.question.answerable:
            return self.refused or self.em < 1.0 or self.citation_correct is False
        return not self.refused

    @property
    def failure_kind(self) -> str | None:
        if not self.failed:
            return None
        if not self.question.answerable:
            return "answered an unanswerable question"
        if self.refused:
            return "false refusal"
        if self.em < 1.0:
            return "wrong answer" if self.f1 == 0.0 else "partial answer"
        return "wrong citation"

    def to_failure_dict(self) -> dict[str, Any]:
        returned = self.answer_text if not self.refused else f"REFUSED: {self.reason}"
        return {
            "id": self.question.id,
            "question": self.question.question,
            "category": self.question.category,
            "expected": list(self.question.answers),
            "returned": returned,
            "candidate": self.candidate,
            "confidence": round(self.confidence, 4),
            "f1": round(self.f1, 4),
            "kind": self.failure_kind,
            "cited_docs": list(self.cited_docs),
            "sources": list(self.question.sources) if self.question.sources is not None else None,
        }


@dataclass(frozen=True, slots=True)
class ThresholdPoint:
    """The system's behaviour if it answered iff ``candidate and confidence >= threshold``."""

    threshold: float
    refusal_recall: float
    false_refusal_rate: float
    f1: float  # over all answerable rows, a refusal scoring 0
    answered_f1: float  # over answerable rows answered at this threshold (0 when none)
    answered_fraction: float  # of all rows

    def to_dict(self) -> dict[str, float]:
        return {name: round(getattr(self, name), 4) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Candidates whose confidence falls in ``[lower, upper)`` and how often they were right."""

    lower: float
    upper: float
    count: int
    mean_confidence: float
    accuracy: float

    def to_dict(self) -> dict[str, float | int]:
        return {name: round(getattr(self, name), 4) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class GroupScores:
    """Answer metrics over one subset of questions (all, or one category)."""

    n: int
    n_answerable: int
    n_unanswerable: int
    em: float
    f1: float
    refusal_recall: float
    false_refusal_rate: float
    citation_accuracy: float | None  # None: nothing to check

    def to_dict(self) -> dict[str, Any]:
        def r(value: float | None) -> float | None:
            return round(value, 4) if value is not None else None

        data: dict[str, Any] = {"n": self.n}
        if self.n_answerable:
            data.update(em=r(self.em), f1=r(self.f1), false_refusal_rate=r(self.false_refusal_rate),
                        citation_accuracy=r(self.citation_accuracy))
        if self.n_unanswerable:
            data.update(refusal_recall=r(self.refusal_recall))
        return data


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Every number of one evaluation run; ``to_dict()`` is what ``corpus-qa eval --json`` prints."""

    results: tuple[QuestionResult, ...]
    overall: GroupScores
    by_category: tuple[tuple[str, GroupScores], ...]
    retrieval: tuple[RetrievalScores, ...]
    latency_p50_ms: float
    latency_p95_ms: float
    threshold_sweep: tuple[ThresholdPoint, ...]
    reliability: tuple[ReliabilityBin, ...]
    ece: float
    split: str | None = None
    gold_path: str | None = None

    @property
    def failures(self) -> tuple[QuestionResult, ...]:
        return tuple(result for result in self.results if result.failed)

    def retrieval_for(self, mode: str) -> RetrievalScores | None:
        return next((scores for scores in self.retrieval if scores.mode == mode), None)

    def to_dict(self, include_questions: bool = False) -> dict[str, Any]:
        overall = self.overall
        data: dict[str, Any] = {
            "gold": self.gold_path,
            "split": self.split,
            "n": overall.n,
            "answerable": {"n": overall.n_answerable, "em": round(overall.em, 4), "f1": round(overall.f1, 4)},
            "unanswerable": {"n": overall.n_unanswerable, "refusal_recall": round(overall.refusal_recall, 4)},
            "false_refusal_rate": round(overall.false_refusal_rate, 4),
            "citation_accuracy": round(overall.citation_accuracy, 4) if overall.citation_accuracy is not None else None,
            "retrieval": {scores.mode: scores.to_dict() for scores in self.retrieval},
            "latency_ms": {"p50": round(self.latency_p50_ms, 1), "p95": round(self.latency_p95_ms, 1)},
            "by_category": {category: scores.to_dict() for category, scores in self.by_category},
            "calibration": {"ece": round(self.ece, 4), "bins": [b.to_dict() for b in self.reliability]},
            "threshold_sweep": [point.to_dict() for point in self.threshold_sweep],
            "failures": [result.to_failure_dict() for result in self.failures],
        }
        if include_questions:
            data["questions"] = [
                {**result.to_failure_dict(), "failed": result.failed, "em": result.em} for result in self.results
            ]
        return data


# ---------------------------------------------------------------------------- scoring


def _score_answer(question: GoldQuestion, answer: Answer, latency_ms: float) -> QuestionResult:
    cited_docs = tuple(dict.fromkeys(citation.doc_id for citation in answer.citations))
    prediction = None if answer.refused else answer.text
    if question.answerable:
        em = best_exact_match(prediction, question.answers)
        f1 = best_f1(prediction, question.answers)
        candidate_f1 = best_f1(answer.candidate, question.answers)
    else:
        em = f1 = candidate_f1 = 0.0
    citation_correct: bool | None = None
    if question.answerable and not answer.refused and question.sources:
        citation_correct = any(doc_id in question.sources for doc_id in cited_docs)
    return QuestionResult(
        question=question,
        answer_text=prediction,
        refused=answer.refused,
        reason=answer.reason,
        confidence=answer.confidence,
        candidate=answer.candidate,
        cited_docs=cited_docs,
        latency_ms=latency_ms,
        em=em,
        f1=f1,
        candidate_f1=candidate_f1,
        citation_correct=citation_correct,
    )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def group_scores(results: Sequence[QuestionResult]) -> GroupScores:
    """EM/F1 over answerable rows (refusal = 0), refusal recall, false refusals, citations."""
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    checked = [r.citation_correct for r in answerable if r.citation_correct is not None]
    return GroupScores(
        n=len(results),
        n_answerable=len(answerable),
        n_unanswerable=len(unanswerable),
        em=_mean([r.em for r in answerable]),
        f1=_mean([r.f1 for r in answerable]),
        refusal_recall=_mean([1.0 if r.refused else 0.0 for r in unanswerable]),
        false_refusal_rate=_mean([1.0 if r.refused else 0.0 for r in answerable]),
        citation_accuracy=_mean([1.0 if ok else 0.0 for ok in checked]) if checked else None,
    )


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolation percentile (numpy's default), 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def threshold_sweep(results: Sequence[QuestionResult], steps: int = SWEEP_STEPS) -> tuple[ThresholdPoint, ...]:
    """Refusal recall, false refusals and F1 if the refusal threshold were ``t`` in [0, 1]."""
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    points = []
    for step in range(steps + 1):
        t = step / steps

        def answers(r: QuestionResult) -> bool:
            return r.candidate is not None and r.confidence >= t

        answered_answerable = [r for r in answerable if answers(r)]
        points.append(
            ThresholdPoint(
                threshold=t,
                refusal_recall=_mean([0.0 if answers(r) else 1.0 for r in unanswerable]),
                false_refusal_rate=_mean([0.0 if answers(r) else 1.0 for r in answerable]),
                f1=_mean([r.candidate_f1 if answers(r) else 0.0 for r in answerable]),
                answered_f1=_mean([r.candidate_f1 for r in answered_answerable]),
                answered_fraction=_mean([1.0 if answers(r) else 0.0 for r in results]),
            )
        )
    return tuple(points)


def reliability_table(
    results: Sequence[QuestionResult], bins: int = RELIABILITY_BINS
) -> tuple[tuple[ReliabilityBin, ...], float]:
    """Confidence bins vs observed accuracy of every candidate, and the expected calibration error.

    Every row with a candidate counts (refused or not): ``confidence`` claims to be the
    probability that the candidate is right, so refusals test it as much as answers. A
    candidate for an unanswerable question is never right.
    """
    scored = [
        (r.confidence, 1.0 if r.question.answerable and r.candidate_f1 >= CORRECT_F1 else 0.0)
        for r in results
        if r.candidate is not None
    ]
    table = []
    ece = 0.0
    for index in range(bins):
        lower, upper = index / bins, (index + 1) / bins
        # The last bin is closed so a confidence of exactly 1.0 is counted.
        members = [(c, ok) for c, ok in scored if lower <= c < upper or (index == bins - 1 and c == upper)]
        if members:
            mean_confidence = _mean([c for c, _ in members])
            accuracy = _mean([ok for _, ok in members])
            ece += len(members) / len(scored) * abs(accuracy - mean_confidence)
        else:
            mean_confidence = accuracy = 0.0
        table.append(ReliabilityBin(lower, upper, len(members), mean_confidence, accuracy))
    return tuple(table), ece


# ---------------------------------------------------------------------------- running

_CATEGORY_ORDER = ANSWERABLE_CATEGORIES + UNANSWERABLE_CATEGORIES


def _category_order(name: str) -> tuple[int, str]:
    """Known categories in the gold file's order, then any others alphabetically."""
    return (_CATEGORY_ORDER.index(name), "") if name in _CATEGORY_ORDER else (len(_CATEGORY_ORDER), name)


def evaluate(
    qa: QAPipeline,
    questions: Sequence[GoldQuestion],
    *,
    progress: bool = True,
    modes: Sequence[RetrievalMode] = tuple(RetrievalMode),
    warm_up: bool = True,
) -> EvalReport:
    """Ask every question through ``qa.ask`` and retrieve for answerable ones in each mode.

    ``warm_up`` reads every passage ahead (as ``corpus-qa serve`` does in the background) and
    asks the first question once, untimed and unscored, so latency percentiles measure a
    loaded pipeline as the page serves it, not the one-off cost of embedding each passage.
    """
    if not questions:
        raise ValueError("no gold questions to evaluate; check the --split and the gold file")
    results: list[QuestionResult] = []
    ranks: dict[str, list[int | None]] = {mode.value: [] for mode in modes}
    if warm_up:
        # The first ask loads spaCy, the reader and caches lazily; that one-off cost would
        # otherwise land on whichever question comes first and inflate p95. A pipeline that
        # cannot read ahead (a test double) is measured as it is.
        read_passages = getattr(qa, "read_passages", None)
        if read_passages is not None:
            read_passages(progress=progress)
        qa.ask(questions[0].question)
    for question in tqdm(questions, desc="eval", unit="q", disable=not progress, file=sys.stderr):
        started = time.perf_counter()
        answer = qa.ask(question.question)
        measured_ms = (time.perf_counter() - started) * 1000.0
        # Prefer the pipeline's own timing (what the API reports); fall back to the wall clock.
        latency_ms = answer.latency_ms if answer.latency_ms > 0 else measured_ms
        result = _score_answer(question, answer, latency_ms)
        if question.answerable:
            question_ranks = []
            for mode in modes:
                hits = qa.search(question.question, MAX_K, mode)
                rank = first_relevant_rank(hits, question)
                ranks[mode.value].append(rank)
                question_ranks.append((mode.value, rank))
            result = replace(result, retrieval_ranks=tuple(question_ranks))
        results.append(result)
        logger.debug("%s: %s", question.id, result.failure_kind if result.failed else "ok")

    categories: dict[str, list[QuestionResult]] = {}
    for result in results:
        categories.setdefault(result.question.category if result.question.category is not None else "-", []).append(
            result
        )
    latencies = [r.latency_ms for r in results]
    bins, ece = reliability_table(results)
    return EvalReport(
        results=tuple(results),
        overall=group_scores(results),
        by_category=tuple((name, group_scores(categories[name])) for name in sorted(categories, key=_category_order)),
        retrieval=tuple(score_ranks(mode, mode_ranks) for mode, mode_ranks in ranks.items()),
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
        threshold_sweep=threshold_sweep(results),
        reliability=bins,
        ece=ece,
    )
