"""``benchmarks/all_sets.py compare`` lists the development sets' changed questions but only
counts the held-out sets' ones: reading them would steer the reader towards them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "all_sets.py"


@pytest.fixture(scope="module")
def all_sets():
    spec = importlib.util.spec_from_file_location("all_sets_under_test", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _result(f1: float, failures: list[dict]) -> dict:
    return {
        "answerable": {"n": 2, "em": f1, "f1": f1},
        "unanswerable": {"n": 1, "refusal_recall": 1.0},
        "false_refusal_rate": 0.0,
        "citation_accuracy": 1.0,
        "threshold_sweep": [{"threshold": 0.0, "f1": f1}],
        "failures": failures,
    }


def _wrong(question_id: str) -> dict:
    return {"id": question_id, "kind": "wrong answer", "returned": "Nobody", "confidence": 0.5,
            "f1": 0.0, "candidate": "Nobody", "expected": ["Somebody"]}


def test_held_out_questions_are_counted_not_listed(all_sets, tmp_path: Path, capsys) -> None:
    held_out = next(s for s in all_sets.all_sets() if s.kind == "held-out")
    development = next(s for s in all_sets.all_sets() if s.kind == "dev")
    before, after = tmp_path / "before", tmp_path / "after"
    for folder, failures in ((before, [_wrong("h001")]), (after, [])):
        folder.mkdir()
        for eval_set, question_id in ((held_out, "h001"), (development, "d001")):
            failed = [dict(f, id=question_id) for f in failures]
            result = _result(0.5 if failed else 1.0, failed)
            (folder / f"{eval_set.name}.json").write_text(json.dumps(result), encoding="utf-8")
    all_sets.compare(before, after)
    printed = capsys.readouterr().out
    assert "d001" in printed, printed  # a development question is listed
    assert "h001" not in printed, printed
    assert "1 questions changed outcome, 0 only in confidence (held-out: not listed)" in printed, printed
