"""Recall@k and MRR of a ranked hit list against a gold question.

A hit is relevant when one of its passages (the hit's own or a folded-in twin from another
outlet) both comes from a gold source document and contains an acceptable answer after
SQuAD normalization. Pairing the two conditions per passage matters: a twin from an
unlisted outlet must not make a sourced passage that lacks the answer count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index.records import Hit, Passage
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.metrics import normalize_answer

RECALL_KS = (1, 3, 5, 10)
MAX_K = 10


def _contains_answer(passage_text: str, answers: Sequence[str]) -> bool:
    # Pad with spaces so "67" does not match inside "1967": answers must cover whole tokens.
    haystack = f" {normalize_answer(passage_text)} "
    for answer in answers:
        needle = normalize_answer(answer)
        if needle and f" {needle} " in haystack:
            return True
    return False


def passage_is_relevant(passage: Passage, question: GoldQuestion) -> bool:
    """Does this one passage come from a gold source and state an acceptable answer?"""
    if question.sources is not None and passage.doc_id not in question.sources:
        return False
    return _contains_answer(passage.text, question.answers)


def hit_is_relevant(hit: Hit, question: GoldQuestion) -> bool:
    """A hit counts if its passage or any of its twins is relevant on its own."""
    if not question.answerable:
        return False
    return any(passage_is_relevant(passage, question) for passage in (hit.passage, *hit.twins))


def first_relevant_rank(hits: Sequence[Hit], question: GoldQuestion, max_k: int = MAX_K) -> int | None:
    """1-based position of the first relevant hit within the top ``max_k``, or None."""
    for position, hit in enumerate(hits[:max_k], start=1):
        if hit_is_relevant(hit, question):
            return position
    return None


@dataclass(frozen=True, slots=True)
class RetrievalScores:
    """Recall@1..MAX_K and MRR@MAX_K of one retrieval mode over answerable questions.

    ``recall_curve[k - 1]`` is recall@k, so the report can plot k = 1..10.
    """

    mode: str
    n: int
    recall_curve: tuple[float, ...]
    mrr: float

    def recall_at(self, k: int) -> float:
        if not 1 <= k <= len(self.recall_curve):
            raise ValueError(f"k must be in 1..{len(self.recall_curve)}, got {k}")
        return self.recall_curve[k - 1]

    def to_dict(self) -> dict[str, float | int]:
        data: dict[str, float | int] = {f"recall@{k}": round(self.recall_at(k), 4) for k in RECALL_KS}
        data["mrr"] = round(self.mrr, 4)
        data["n"] = self.n
        return data


def score_ranks(mode: str, ranks: Sequence[int | None], max_k: int = MAX_K) -> RetrievalScores:
    """Aggregate first-relevant ranks (None: nothing relevant in the top ``max_k``)."""
    n = len(ranks)
    if n == 0:
        return RetrievalScores(mode=mode, n=0, recall_curve=tuple(0.0 for _ in range(max_k)), mrr=0.0)
    curve = tuple(sum(1 for rank in ranks if rank is not None and rank <= k) / n for k in range(1, max_k + 1))
    mrr = sum(1.0 / rank for rank in ranks if rank is not None and rank <= max_k) / n
    return RetrievalScores(mode=mode, n=n, recall_curve=curve, mrr=mrr)
