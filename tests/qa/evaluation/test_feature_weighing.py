"""Weighing the confidence model's signals left one set out, on hand-made readings."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.confidence import CALIBRATED_FEATURES, FEATURES
from qa.evaluation.development import DevReading, main, write_readings
from qa.evaluation.feature_weighing import auc, weigh, weigh_each_addition

_EXTRA = "missing_names"  # a signal the calibrated model leaves out
assert _EXTRA not in CALIBRATED_FEATURES


def reading(set_number: int, question_id: str, *, answerable: bool, right: bool, missing: float) -> DevReading:
    """Calibrated signals that say nothing (the same for every reading) and one left-out signal,
    the share of the question's names missing, that tells right from wrong."""
    features = {name: 0.5 for name in CALIBRATED_FEATURES if name != "bias"} | {_EXTRA: missing}
    return DevReading(
        set_number, question_id, f"question {question_id}?", answerable, ("gold",) if answerable else (),
        "candidate", False, None, 0.5, 1.0 if right else 0.0, features,
    )


def three_sets() -> list[DevReading]:
    # Per set: two right answers with no name missing, a wrong answer and an unanswerable
    # question each missing most of theirs.
    return [
        r
        for n in range(3)
        for r in (
            reading(n, f"a{n}-1", answerable=True, right=True, missing=0.0),
            reading(n, f"a{n}-2", answerable=True, right=True, missing=0.1),
            reading(n, f"a{n}-3", answerable=True, right=False, missing=0.9),
            reading(n, f"u{n}-1", answerable=False, right=False, missing=0.8),
        )
    ]


def test_auc_counts_pairs_ranked_right_and_ties_half() -> None:
    assert auc([(0.9, True), (0.1, False)]) == 1.0
    assert auc([(0.1, True), (0.9, False)]) == 0.0
    assert auc([(0.5, True), (0.5, False), (0.9, True)]) == pytest.approx(0.75)
    assert auc([(0.9, True)]) == 0.5  # no wrong candidate to rank against


def test_a_telling_left_out_signal_raises_auc_and_utility_on_unseen_sets() -> None:
    readings = three_sets()
    without = weigh(readings, CALIBRATED_FEATURES)
    with_it = weigh(readings, (*CALIBRATED_FEATURES, _EXTRA))
    # Without it every reading scores the same: no order, one decision for all.
    assert without.auc == 0.5
    assert with_it.auc == 1.0
    # With it each held-out set answers its two right ones (+2) and refuses the wrong answer (0)
    # and the unanswerable question (+1).
    assert with_it.utility == 3 * 3
    assert with_it.utility > without.utility
    assert with_it.summed_f1 == pytest.approx(3 * 2 / 3)
    assert with_it.refusal_recall == 1.0


def test_each_left_out_feature_is_weighed_once_after_the_calibrated_set() -> None:
    fits = weigh_each_addition(three_sets())
    assert fits[0].features == tuple(CALIBRATED_FEATURES)
    added = [fit.features[-1] for fit in fits[1:]]
    assert sorted(added) == sorted(name for name in FEATURES if name not in CALIBRATED_FEATURES)
    best = max(fits, key=lambda fit: fit.auc)
    assert best.features[-1] == _EXTRA


def test_weigh_prints_a_row_a_feature_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "readings.jsonl"
    write_readings(three_sets(), path)
    assert main(["weigh", str(path)]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[1].startswith("calibrated ")
    assert len(rows) == 2 + len(FEATURES) - len(CALIBRATED_FEATURES)
    extra_row = next(row for row in rows if row.startswith(f"+ {_EXTRA} "))
    assert extra_row.split()[2] == "1.0000"


def test_weigh_with_broken_readings_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert main(["weigh", str(broken)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: cannot read development readings from") and not captured.out
