"""Which signals the confidence model should weigh, judged on sets its fit did not see.

``python -m qa.evaluation.development weigh READINGS.jsonl`` fits the confidence model on the
readings leave-one-set-out, with the calibrated features and with each other feature added
alone, and prints for each the AUC of right against wrong first candidates and the decision
utility the threshold is chosen by. AUC judges the signals apart from any threshold; the utility
judges the decisions they lead to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qa.confidence import CALIBRATED_FEATURES, FEATURES
from qa.evaluation.development import DevReading, answered_by, left_out_models, set_figures


@dataclass(frozen=True, slots=True)
class LeftOutFit:
    """A feature set's figures when every set is decided by a fit on the others."""

    features: tuple[str, ...]
    auc: float  # right against wrong threshold-decided first candidates, across all sets
    utility: int  # right answers and right refusals, less wrong answers and withheld right ones
    summed_f1: float  # answerable F1 summed over the sets
    refusal_recall: float  # mean over the sets


def weigh(readings: Sequence[DevReading], features: Sequence[str]) -> LeftOutFit:
    """Fit the confidence on ``features`` leave-one-set-out and score each set's decisions."""
    scored: list[tuple[float, bool]] = []
    utility, summed_f1, recalls = 0, 0.0, []
    for held_out, model in left_out_models(readings, features).items():
        test = [r for r in readings if r.set_number == held_out]
        answered = {r.question_id: answered_by(model, r) for r in test}
        scored += [(model.probability(r.features), r.right) for r in test if r.weighed]
        utility += sum(_utility(r, answered[r.question_id]) for r in test)
        figures = set_figures(test, answered)
        summed_f1 += figures.f1
        recalls.append(figures.refusal_recall)
    return LeftOutFit(tuple(features), auc(scored), utility, summed_f1, sum(recalls) / max(1, len(recalls)))


def weigh_each_addition(readings: Sequence[DevReading]) -> list[LeftOutFit]:
    """The calibrated features, then each feature they leave out added to them alone."""
    left_out = [name for name in FEATURES if name not in CALIBRATED_FEATURES]
    return [weigh(readings, CALIBRATED_FEATURES)] + [
        weigh(readings, (*CALIBRATED_FEATURES, name)) for name in left_out
    ]


def auc(scored: Sequence[tuple[float, bool]]) -> float:
    """The chance that a right candidate scores above a wrong one (ties count half); 0.5 when
    either kind is missing."""
    right = [score for score, is_right in scored if is_right]
    wrong = [score for score, is_right in scored if not is_right]
    if not right or not wrong:
        return 0.5
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def _utility(reading: DevReading, answered: bool) -> int:
    """As the threshold is chosen (``qa.calibration.choose_threshold``), a wrong candidate to an
    answerable question that is refused neither gains nor costs."""
    if answered:
        return 1 if reading.right else -1
    if not reading.answerable:
        return 1
    return -1 if reading.right else 0


def print_weighing(fits: Sequence[LeftOutFit]) -> None:
    print("features                                  AUC    utility  summed F1  refusal recall")
    for number, fit in enumerate(fits):
        label = "calibrated" if number == 0 else f"+ {fit.features[-1]}"
        print(f"{label:<40} {fit.auc:.4f}  {fit.utility:>7}  {fit.summed_f1:>9.3f}  {fit.refusal_recall:.3f}")
