"""The order of a question's candidates, learned on the development sets.

The candidate score of ``qa.spans`` weighs its signals (fit to the asked type, the sentence's
match, closeness to the question's words, ...) by judgement. A listwise model, fitted by
``python -m qa.calibration`` on the development questions' candidates with the right ones
(F1 >= 0.5 against the gold answers) as targets, weighs the same signals by what picked the
right candidate there; the hand order stays one of its signals. Fitted on twenty-three sets and
tested on the twenty-fourth, each in turn, it put a right candidate first for 844 of 1198
answerable questions, the hand order for 807 (session 42; on six sets, in sessions 9, 11 and
23, such a ranker did no better than the hand order). A gradient-boosted classifier on the same
signals did no better than this linear order (session 42, twelve sets: 416 against 424 right
first), though a right candidate stood somewhere in the list for 543 of those 596 questions:
what would pick it is not in these signals. Like the confidence model it is fitted per
embedding model, whose similarities it weighs, and stored as plain JSON.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.settings import DEFAULT_MODEL
from qa.confidence import fitted_file
from qa.evaluation.metrics import normalize_answer
from qa.question import AnswerType
from qa.spans import Candidate

logger = logging.getLogger(__name__)

# A clause (why/how, a quotation) fits its question differently from a name or a figure: its
# type fit, closeness to the question's words and length get weights of their own.
_CLAUSE_TYPES = frozenset({AnswerType.REASON, AnswerType.MANNER, AnswerType.QUOTE})

RANKING_FEATURES = (
    "relative_score",  # the hand-made score over the best one's
    "type_match",
    "proximity",
    "novelty",
    "sentence_score",  # the evidence sentence's match to the question
    "sentence_gap",  # ... less the best candidate sentence's
    "window_coverage",
    "similarity",
    "masked_similarity",
    "retrieval_prior",  # 1 / the passage's retrieval rank
    "sentence_rank",  # log(1 + the sentence's place among all evidence sentences)
    "length",  # log of the number of words
    "other_documents",  # other documents whose sentences give the same answer text
    "first_by_hand",  # the hand-made order puts it first
    "tree_proximity",  # closeness to the question's words in the parse (``qa.syntax``)
    "clause_share",  # share of its sentence's question words in its clause or below its head
    "clause_type_match",
    "clause_proximity",
    "clause_length",
    "clause_novelty",
)


def ranking_features(answer_type: AnswerType, candidates: Sequence[Candidate]) -> np.ndarray:
    """One row of ``RANKING_FEATURES`` per candidate, ``candidates`` in the hand-made order."""
    if not candidates:
        return np.zeros((0, len(RANKING_FEATURES)))
    best_score = max(c.score for c in candidates) or 1.0
    best_sentence = max(c.evidence.score for c in candidates)
    clause = 1.0 if answer_type in _CLAUSE_TYPES else 0.0
    rows = []
    for position, c in enumerate(candidates):
        length = math.log(max(1, len(c.text.split())))
        rows.append([
            c.score / best_score,
            c.type_match,
            c.proximity,
            c.novelty,
            c.evidence.score,
            c.evidence.score - best_sentence,
            c.evidence.window_coverage,
            c.evidence.similarity,
            c.evidence.masked_similarity,
            1.0 / c.evidence.hit.rank,
            math.log1p(c.evidence.rank),
            length,
            c.documents - 1.0,
            1.0 if position == 0 else 0.0,
            c.tree_proximity,
            c.clause_share,
            clause * c.type_match,
            clause * c.proximity,
            clause * length,
            clause * c.novelty,
        ])
    return np.array(rows)


@dataclass(frozen=True, slots=True)
class Ranking:
    candidates: tuple[Candidate, ...]  # best first
    # How sure the order is of its first candidate: with the fitted model, a sharper signal of
    # a right answer than the hand-made score's lead over the runner-up, which a learned order
    # may leave negative (a confidence signal of the confidence model, ``qa.confidence``).
    top_probability: float
    # ... and of every candidate that gives the same answer: a span overlapping the first in its
    # passage ("using load sheets calculated by hand" beside "load sheets calculated by hand") or
    # the same text elsewhere. Clause answers come in many overlapping cuts that split the
    # probability of one answer, so the first candidate's own share says less for a why-question
    # than for a name.
    answer_probability: float


def _overlaps(first: Candidate, other: Candidate) -> bool:
    """Is ``other`` a cut of the first candidate: a span overlapping it in its passage."""
    same_passage = first.evidence.passage.passage_id == other.evidence.passage.passage_id
    return same_passage and other.start < first.end and first.start < other.end


@dataclass(frozen=True, slots=True)
class CandidateRanker:
    """Orders candidates by ``weights · features``; without weights, keeps the hand-made order."""

    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(RANKING_FEATURES)
        if unknown:
            raise ValueError(f"unknown ranking feature(s) {sorted(unknown)}; known: {RANKING_FEATURES}")

    @property
    def fitted(self) -> bool:
        return bool(self.weights)

    def rank(self, answer_type: AnswerType, candidates: Sequence[Candidate]) -> Ranking:
        """The candidates best first, and the share of the model's probability the first one
        takes, alone and with the candidates that give its answer (a softmax over every
        candidate's score; equal shares, no preference, when unfitted)."""
        if not candidates:
            return Ranking((), 0.0, 0.0)
        # Unfitted, every score ties.
        scores = (
            self.scores(ranking_features(answer_type, candidates)) if self.fitted else np.zeros(len(candidates))
        )
        # Stable: a tie keeps the hand-made order.
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])
        shares = np.exp(scores - scores.max())
        first = candidates[order[0]]
        answer = normalize_answer(first.text)
        same = sum(
            float(share) for share, c in zip(shares, candidates, strict=True)
            if _overlaps(first, c) or normalize_answer(c.text) == answer
        )
        total = float(shares.sum())
        return Ranking(tuple(candidates[i] for i in order), float(shares[order[0]]) / total, same / total)

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Each row's score (rows of ``ranking_features``): the higher, the earlier."""
        return features @ np.array([self.weights.get(name, 0.0) for name in RANKING_FEATURES])

    def to_dict(self) -> dict[str, object]:
        return {"weights": self.weights}

    @classmethod
    def load(cls, path: Path) -> CandidateRanker:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(weights={k: float(v) for k, v in data["weights"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(
                f"candidate ranking model {path} is unreadable ({error}); delete it to keep the hand-made order"
            ) from None

    @classmethod
    def default(cls, model: str = DEFAULT_MODEL) -> CandidateRanker:
        """The ranker fitted for this embedding model, else the default model's, else none."""
        path = fitted_file(model, "ranking")
        return cls.load(path) if path is not None else cls()


def fit_ranker(groups: Sequence[tuple[np.ndarray, np.ndarray]], l2: float = 3.0, iterations: int = 50) -> CandidateRanker:
    """Newton-Raphson for an L2-regularised listwise (softmax) model.

    ``groups`` holds one (features, right) pair per question: a row of ``ranking_features``
    and a 0/1 label per candidate. A question's probability mass goes to its right candidates
    in equal shares; questions without a right candidate teach nothing about order. Features
    are standardised for the fit and the scaling is folded back into plain weights (a shift
    of every candidate's score changes no order)."""
    useful = [(x, y) for x, y in groups if len(y) and y.any()]
    if not useful:
        raise ValueError("no question has a right candidate to learn an order from")
    stacked = np.vstack([x for x, _ in useful])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale == 0] = 1.0
    standardised = [((x - mean) / scale, y / y.sum()) for x, y in useful]

    def loss(weights: np.ndarray) -> float:
        total = 0.5 * l2 * weights @ weights
        for z, target in standardised:
            scores = z @ weights
            top = scores.max()
            total += top + math.log(np.exp(scores - top).sum()) - target @ scores
        return float(total)

    weights = np.zeros(stacked.shape[1])
    current = loss(weights)
    for _ in range(iterations):
        gradient = l2 * weights
        hessian = l2 * np.eye(len(weights))
        for z, target in standardised:
            scores = z @ weights
            p = np.exp(scores - scores.max())
            p /= p.sum()
            gradient += z.T @ (p - target)
            hessian += (z * p[:, None]).T @ z - np.outer(z.T @ p, z.T @ p)
        step = np.linalg.solve(hessian, gradient)
        # A full Newton step can overshoot where one candidate's features dwarf the rest's:
        # halve it until the loss falls.
        size = 1.0
        while size > 1e-6 and loss(weights - size * step) > current:
            size /= 2
        weights -= size * step
        previous, current = current, loss(weights)
        if previous - current < 1e-10:
            break
    return CandidateRanker(weights={name: float(weights[i] / scale[i]) for i, name in enumerate(RANKING_FEATURES)})
