"""Development-set figures on hand-made readings whose every number is worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from qa.evaluation.development import (
    DevReading,
    changed,
    leave_one_set_out,
    load_readings,
    loss_counts,
    main,
    merged,
    refused_by,
    set_figures,
    write_readings,
)


def reading(set_number: int, question_id: str, *, answerable: bool, f1: float = 0.0, refused: bool = False,
            rule: str | None = None, signal: float | None = None) -> DevReading:
    """A reading whose one informative signal is ``similarity`` (None: no signals, as for a
    question refused before any candidate was weighed)."""
    features = {} if signal is None else {"similarity": signal, "score": 0.5, "margin": 0.1}
    return DevReading(
        set_number, question_id, f"question {question_id}?", answerable, ("gold",) if answerable else (),
        "candidate", refused, rule, 0.5, f1, features,
    )


ONE_SET = [
    reading(0, "a1", answerable=True, f1=1.0),                  # right, answered
    reading(0, "a2", answerable=True, f1=0.5, refused=True),   # right, refused by the threshold
    reading(0, "a3", answerable=True, f1=0.2),                  # wrong, answered
    reading(0, "a4", answerable=True, f1=1.0, refused=True, rule="absent_names"),
    reading(0, "u1", answerable=False),                         # unanswerable, answered
    reading(0, "u2", answerable=False, refused=True),
]


def test_set_figures_score_a_refusal_zero() -> None:
    figures = set_figures(ONE_SET)
    assert figures.f1 == pytest.approx((1.0 + 0.2) / 4)
    assert figures.false_refusals == pytest.approx(2 / 4)
    assert figures.refusal_recall == pytest.approx(1 / 2)


def test_set_figures_follow_decisions_given_for_them() -> None:
    everything_answered = {r.question_id: True for r in ONE_SET}
    figures = set_figures(ONE_SET, everything_answered)
    assert figures.f1 == pytest.approx((1.0 + 0.5 + 0.2 + 1.0) / 4)
    assert (figures.false_refusals, figures.refusal_recall) == (0.0, 0.0)


def test_losses_are_counted_by_kind() -> None:
    assert loss_counts(ONE_SET) == {
        "right refused by the threshold": 1,
        "right refused by a rule": 1,
        "wrong answers given": 1,
        "wrong candidates refused": 0,
        "unanswerable answered": 1,
    }


def test_each_set_is_decided_by_a_fit_on_the_others() -> None:
    # Three sets where a high signal means a right answer and a low one an unanswerable question:
    # a fit on any two decides the third perfectly, whatever the reader itself decided.
    readings = [
        r
        for n in range(3)
        for r in (
            reading(n, f"a{n}-1", answerable=True, f1=1.0, refused=True, signal=0.9),
            reading(n, f"a{n}-2", answerable=True, f1=1.0, refused=True, signal=0.8),
            reading(n, f"u{n}-1", answerable=False, signal=0.1),
            reading(n, f"u{n}-2", answerable=False, signal=0.2),
            reading(n, f"u{n}-3", answerable=False, rule="unstated_ranking", refused=True, signal=0.95),
        )
    ]
    figures = leave_one_set_out(readings)
    assert sorted(figures) == [0, 1, 2]
    for held_out in figures.values():
        assert held_out.f1 == pytest.approx(1.0)
        assert held_out.false_refusals == 0.0
        # A question refused by a rule stays refused, however high its signal.
        assert held_out.refusal_recall == 1.0


def test_changed_readings_are_listed_and_unchanged_ones_are_not() -> None:
    after = [replace(r, confidence=r.confidence + 0.01) for r in ONE_SET]  # a move below notice
    after[0] = replace(after[0], refused=True, refusal_rule="unstated_ranking")
    after[1] = replace(after[1], confidence=0.9)
    assert [new.question_id for _, new in changed(ONE_SET, after)] == ["a1", "a2"]


def test_readings_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "readings.jsonl"
    write_readings(ONE_SET, path)
    assert load_readings(path) == ONE_SET
    assert not list(tmp_path.glob("*.tmp"))


def test_compare_prints_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    write_readings(ONE_SET, before)
    write_readings([replace(ONE_SET[0], candidate="another span"), *ONE_SET[1:]], after)
    assert main(["compare", str(before), str(after)]) == 0
    printed = capsys.readouterr().out
    assert "'candidate' refused=False" in printed and "-> 'another span'" in printed
    assert printed.strip().endswith("1 readings changed")


@pytest.mark.parametrize("content", [None, "{not json\n", '{"set_number": 0}\n'])
def test_compare_with_missing_or_broken_readings_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    write_readings(ONE_SET, good)
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    assert main(["compare", str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: cannot read development readings from") and "bad.jsonl" in captured.err
    assert "Traceback" not in captured.err and not captured.out


def test_only_what_a_rule_refused_is_read_again_and_the_rest_kept() -> None:
    other_set = reading(1, "a4", answerable=True, refused=True, rule="unstated_ranking")
    base = [*ONE_SET, other_set]
    assert refused_by(base, "absent_names") == {(0, "a4")}
    again = replace(ONE_SET[3], refused=False, refusal_rule=None, confidence=0.8)
    assert merged(base, [again]) == [*ONE_SET[:3], again, *ONE_SET[4:], other_set]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--refused-by", "absent_names"], "--base and --refused-by go together"),
        (["--base", "{base}"], "--base and --refused-by go together"),
        (["--base", "{base}", "--refused-by", "no_person"], "its rules: absent_names"),
    ],
)
def test_reading_again_asked_wrongly_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    base = tmp_path / "base.jsonl"
    write_readings(ONE_SET, base)
    out = tmp_path / "out.jsonl"
    argv = ["read", str(out), "--index-root", str(tmp_path / "no-index"), *(o.format(base=base) for o in options)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and message in captured.err
    assert not out.exists()
