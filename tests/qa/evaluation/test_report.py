"""report.md, its PNG charts, the terminal table, and the optional cleaning score."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.evaluation.report import cleaning_score, format_text, write_report
from qa.evaluation.runner import EvalReport

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


ROOT = Path(__file__).parents[3]


def test_write_report_makes_markdown_and_pngs(synthetic_report: EvalReport, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "report"
    path = write_report(synthetic_report, out, corpus_dir=tmp_path)
    assert path == out / "report.md"
    for name in ("refusal_tradeoff.png", "reliability.png", "recall_at_k.png"):
        data = (out / name).read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 5000, name
    text = path.read_text(encoding="utf-8")
    for heading in ("## Answers", "## Retrieval", "## By category", "## Refusal threshold",
                    "## Confidence calibration", "## Failures (3 of 7)"):
        assert heading in text
    for image in ("refusal_tradeoff.png", "reliability.png", "recall_at_k.png"):
        assert f"]({image})" in text
    assert "Prime Minister Pham Minh Chinh" in text  # what a failure returned
    assert "## Cleaning" not in text


def test_report_into_a_file_path_is_an_error(synthetic_report: EvalReport, tmp_path: Path) -> None:
    file_path = tmp_path / "taken"
    file_path.write_text("x")
    with pytest.raises(ValueError, match="is a file"):
        write_report(synthetic_report, file_path)


def test_cleaning_score_is_reported_for_the_labelled_corpus(synthetic_report: EvalReport, tmp_path: Path) -> None:
    path = write_report(
        synthetic_report, tmp_path / "out", clean_labels_dir=ROOT / "tests" / "data" / "clean_labels",
        corpus_dir=ROOT / "seeds",
    )
    text = path.read_text(encoding="utf-8")
    assert "## Cleaning" in text and "precision" in text


def test_cleaning_score_is_skipped_for_another_corpus(tmp_path: Path) -> None:
    labels = ROOT / "tests" / "data" / "clean_labels"
    assert cleaning_score(labels, ROOT / "tests" / "data" / "corpus_small") is None  # pages not labelled
    assert cleaning_score(tmp_path / "missing", ROOT / "seeds") is None
    assert cleaning_score(labels, None) is None


def test_format_text_has_every_section(synthetic_report: EvalReport) -> None:
    text = format_text(synthetic_report)
    assert "exact match" in text and "50.0%" in text
    assert "R@1" in text and "bm25" in text and "hybrid" in text
    assert "By category" in text and "faq_trivia" in text
    assert "Failures (3 of 7)" in text and "REFUSED: no passage states it" in text
    truncated = format_text(synthetic_report, max_failures=1)
    assert "2 more" in truncated
