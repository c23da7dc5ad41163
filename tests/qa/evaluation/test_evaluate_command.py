"""`corpus-qa eval`: input errors fail fast with one line; the real pipeline end to end (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.cli import main

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "tests" / "data" / "gold"


def test_malformed_gold_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gold = GOLD_DIR / "duplicate_id.jsonl"
    code = main(["eval", "--gold", str(gold), "--index-dir", str(tmp_path / "idx")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert f"{gold}:3:" in lines[0] and "duplicate id 'g1'" in lines[0]
    assert not (tmp_path / "idx").exists()  # failed before building anything


def test_missing_gold_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["eval", "--gold", str(tmp_path / "none.jsonl")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_bad_split_is_rejected_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["eval", "--split", "train"])
    assert caught.value.code == 2
    assert "invalid choice: 'train'" in capsys.readouterr().err


def _fraction(value: object) -> bool:
    return isinstance(value, (int, float)) and 0.0 <= value <= 1.0


@pytest.mark.slow
def test_eval_dev_json_end_to_end(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["eval", "--split", "dev", "--json", "--index-dir", str(tmp_path / "index"),
                 "--corpus", str(ROOT / "seeds"), "--report", str(tmp_path / "report")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)
    gold_rows = [json.loads(line) for line in (ROOT / "qa" / "data" / "gold.jsonl").read_text().splitlines() if line]
    dev = [row for row in gold_rows if row.get("split", "dev") == "dev"]
    assert data["split"] == "dev"
    assert data["n"] == len(dev)
    assert data["answerable"]["n"] == sum(1 for row in dev if row["answerable"])
    assert data["unanswerable"]["n"] == sum(1 for row in dev if not row["answerable"])
    for value in (data["answerable"]["em"], data["answerable"]["f1"], data["unanswerable"]["refusal_recall"],
                  data["false_refusal_rate"]):
        assert _fraction(value)
    assert data["citation_accuracy"] is None or _fraction(data["citation_accuracy"])
    assert data["answerable"]["em"] <= data["answerable"]["f1"]
    assert set(data["retrieval"]) == {"bm25", "vector", "hybrid"}
    for scores in data["retrieval"].values():
        curve = [scores[f"recall@{k}"] for k in (1, 3, 5, 10)]
        assert all(_fraction(v) for v in curve) and curve == sorted(curve)
        assert _fraction(scores["mrr"]) and scores["mrr"] <= scores["recall@10"]
    assert 0.0 < data["latency_ms"]["p50"] <= data["latency_ms"]["p95"]
    assert set(data["by_category"]) == {row["category"] for row in dev}
    assert sum(c["n"] for c in data["by_category"].values()) == data["n"]
    for failure in data["failures"]:
        assert {"id", "question", "expected", "returned", "confidence", "category"} <= set(failure)
        assert _fraction(failure["confidence"])
    assert (tmp_path / "report" / "report.md").is_file()
    assert (tmp_path / "report" / "refusal_tradeoff.png").is_file()
