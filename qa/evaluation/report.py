"""Human-readable renderings of an EvalReport: a terminal table and a Markdown report with PNGs.

>>> path = write_report(report, Path("eval-report"))  # doctest: +SKIP
>>> path.name  # doctest: +SKIP
'report.md'
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qa.evaluation.cleaning import CleaningScore, score_cleaning
from qa.evaluation.retrieval_metrics import RECALL_KS
from qa.evaluation.runner import EvalReport, QuestionResult

logger = logging.getLogger(__name__)

# Where the cleaning labels live in a source checkout; absent from an installed wheel.
_DEFAULT_CLEAN_LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "clean_labels"
_SWEEP_ROWS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def _pct(value: float | None) -> str:
    return f"{100 * value:5.1f}%" if value is not None else "    -"


def _short(text: str | None, width: int) -> str:
    if text is None:
        return "-"
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines.extend("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)
    return lines


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def escape(cell: str) -> str:
        return str(cell).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(escape(c) for c in row) + " |" for row in rows)
    return lines


def _overall_rows(report: EvalReport) -> list[tuple[str, str]]:
    o = report.overall
    return [
        ("questions", str(o.n)),
        ("answerable", str(o.n_answerable)),
        ("  exact match", _pct(o.em)),
        ("  token F1", _pct(o.f1)),
        ("  false-refusal rate", _pct(o.false_refusal_rate)),
        ("  citation accuracy", _pct(o.citation_accuracy)),
        ("unanswerable", str(o.n_unanswerable)),
        ("  refusal recall", _pct(o.refusal_recall)),
        ("latency p50 / p95", f"{report.latency_p50_ms:.0f} ms / {report.latency_p95_ms:.0f} ms"),
        ("calibration ECE", f"{report.ece:.3f}"),
    ]


def _retrieval_rows(report: EvalReport) -> list[list[str]]:
    return [
        [scores.mode, *(f"{scores.recall_at(k):.3f}" for k in RECALL_KS), f"{scores.mrr:.3f}", str(scores.n)]
        for scores in report.retrieval
    ]


_RETRIEVAL_HEADER = ["mode", *(f"R@{k}" for k in RECALL_KS), "MRR@10", "n"]
_CATEGORY_HEADER = ["category", "n", "EM", "F1", "false refusals", "citations ok", "refusal recall"]


def _category_rows(report: EvalReport) -> list[list[str]]:
    rows = []
    for name, scores in report.by_category:
        has_answerable = scores.n_answerable > 0
        rows.append([
            name,
            str(scores.n),
            _pct(scores.em) if has_answerable else "",
            _pct(scores.f1) if has_answerable else "",
            _pct(scores.false_refusal_rate) if has_answerable else "",
            _pct(scores.citation_accuracy) if has_answerable else "",
            _pct(scores.refusal_recall) if scores.n_unanswerable else "",
        ])
    return rows


def _failure_row(result: QuestionResult, width: int) -> list[str]:
    returned = result.answer_text if not result.refused else f"REFUSED: {result.reason}"
    return [
        result.question.id,
        result.question.category if result.question.category is not None else "-",
        result.failure_kind if result.failure_kind is not None else "",
        _short(result.question.question, width),
        _short(" | ".join(result.question.answers) if result.question.answers else "(refuse)", width),
        _short(returned, width),
        f"{result.confidence:.2f}",
    ]


_FAILURE_HEADER = ["id", "category", "kind", "question", "expected", "returned", "conf"]


def format_text(report: EvalReport, *, max_failures: int | None = None) -> str:
    """The terminal rendering: overall, retrieval per mode, per category, failures."""
    title = "Evaluation"
    if report.split is not None:
        title += f" — split {report.split}"
    if report.gold_path is not None:
        title += f" — {report.gold_path}"
    lines = [title, ""]
    lines += _table(["metric", "value"], _overall_rows(report))
    lines += ["", "Retrieval (answer-bearing passage from a gold source in the top k)"]
    lines += _table(_RETRIEVAL_HEADER, _retrieval_rows(report))
    lines += ["", "By category"]
    lines += _table(_CATEGORY_HEADER, _category_rows(report))
    failures = report.failures
    shown = failures if max_failures is None else failures[:max_failures]
    lines += ["", f"Failures ({len(failures)} of {report.overall.n})"]
    if shown:
        lines += _table(_FAILURE_HEADER, [_failure_row(result, 48) for result in shown])
    if len(shown) < len(failures):
        lines.append(f"… {len(failures) - len(shown)} more (use --json or --report for all)")
    return "\n".join(lines)


def cleaning_score(labels_dir: Path | None, corpus_dir: Path | None) -> CleaningScore | None:
    """The line-level cleaning score, when the labels are for pages of this corpus; else None."""
    labels = labels_dir if labels_dir is not None else _DEFAULT_CLEAN_LABELS
    if corpus_dir is None or not labels.is_dir() or not Path(corpus_dir).is_dir():
        return None
    # Labels describe particular pages: evaluating another corpus has no cleaning score.
    pages = {path.stem for path in Path(corpus_dir).iterdir() if path.is_file()}
    if not {path.stem for path in labels.glob("*.tsv")} <= pages:
        return None
    try:
        return score_cleaning(labels, Path(corpus_dir))
    except (OSError, ValueError) as error:  # a broken label file must not sink the QA report
        logger.warning("cleaning score skipped: %s", error)
        return None


def _cleaning_lines(score: CleaningScore) -> list[str]:
    data = score.to_dict()
    lines = ["## Cleaning", ""]
    rows = [[str(key), _format_value(value)] for key, value in data.items() if not isinstance(value, (list, dict))]
    lines += _markdown_table(["measure", "value"], rows)
    nested = {key: value for key, value in data.items() if isinstance(value, (list, dict)) and value}
    if nested:
        lines += ["", "```json", json.dumps(nested, indent=2, default=str)[:4000], "```"]
    return lines


def _format_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def format_markdown(report: EvalReport, *, images: dict[str, str] | None = None, cleaning: Any = None) -> str:
    """The Markdown report; ``images`` maps a chart name to its file name next to report.md."""
    images = images if images is not None else {}
    lines = ["# corpus-qa evaluation", ""]
    if report.gold_path is not None or report.split is not None:
        lines += [f"Gold file `{report.gold_path}`, split **{report.split}**.", ""]
    lines += ["## Answers", ""]
    lines += _markdown_table(["metric", "value"], [(name.strip(), value.strip()) for name, value in _overall_rows(report)])
    lines += [
        "",
        "EM/F1 follow SQuAD v1.1 (a refusal scores 0). Citation accuracy: among answered answerable "
        "questions with gold sources, the share citing at least one gold source document.",
        "",
        "## Retrieval",
        "",
        "A hit is relevant when its passage (or a twin from another outlet) comes from a gold source "
        "and contains an acceptable answer.",
        "",
    ]
    lines += _markdown_table(_RETRIEVAL_HEADER, _retrieval_rows(report))
    if "recall" in images:
        lines += ["", f"![recall@k per mode]({images['recall']})"]
    lines += ["", "## By category", ""]
    lines += _markdown_table(_CATEGORY_HEADER, _category_rows(report))
    lines += [
        "",
        "## Refusal threshold",
        "",
        "If the system answered iff the reader's candidate exists and its calibrated confidence is at "
        "least t (the star marks what the system actually did):",
        "",
    ]
    sweep_rows = []
    for point in report.threshold_sweep:
        if any(abs(point.threshold - t) < 1e-9 for t in _SWEEP_ROWS):
            sweep_rows.append([f"{point.threshold:.1f}", _pct(point.refusal_recall), _pct(point.false_refusal_rate),
                               _pct(point.f1), _pct(point.answered_f1), _pct(point.answered_fraction)])
    lines += _markdown_table(["t", "refusal recall", "false refusals", "F1 (all answerable)",
                              "F1 (answered)", "answered"], sweep_rows)
    if "tradeoff" in images:
        lines += ["", f"![refusal trade-off]({images['tradeoff']})"]
    lines += ["", "## Confidence calibration", "",
              f"Every candidate span (answered or refused) by confidence bin; correct = F1 >= 0.5 against "
              f"a gold answer, a candidate for an unanswerable question is wrong. ECE = {report.ece:.3f}.", ""]
    lines += _markdown_table(
        ["confidence", "candidates", "mean confidence", "accuracy"],
        [[f"{b.lower:.1f}–{b.upper:.1f}", str(b.count), f"{b.mean_confidence:.3f}" if b.count else "",
          f"{b.accuracy:.3f}" if b.count else ""] for b in report.reliability],
    )
    if "reliability" in images:
        lines += ["", f"![reliability diagram]({images['reliability']})"]
    if cleaning is not None:
        lines += [""] + _cleaning_lines(cleaning)
    failures = report.failures
    lines += ["", f"## Failures ({len(failures)} of {report.overall.n})", ""]
    if failures:
        lines += _markdown_table(_FAILURE_HEADER, [_failure_row(result, 200) for result in failures])
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def write_report(
    report: EvalReport,
    out_dir: Path,
    *,
    clean_labels_dir: Path | None = None,
    corpus_dir: Path | None = None,
) -> Path:
    """Write ``report.md`` and its PNG charts into ``out_dir``; returns the report.md path.

    The cleaning score is included when ``qa.evaluation.cleaning.score_cleaning`` exists and
    the labels (default: the checkout's ``tests/data/clean_labels``) and corpus are there.
    """
    from qa.evaluation.plots import (
        plot_recall_curves,
        plot_refusal_tradeoff,
        plot_reliability,
    )

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"report directory {out_dir} is a file; pass a directory to --report")
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {
        "tradeoff": plot_refusal_tradeoff(report, out_dir / "refusal_tradeoff.png").name,
        "reliability": plot_reliability(report, out_dir / "reliability.png").name,
    }
    if report.retrieval:
        images["recall"] = plot_recall_curves(report, out_dir / "recall_at_k.png").name
    cleaning = cleaning_score(clean_labels_dir, corpus_dir)
    path = out_dir / "report.md"
    path.write_text(format_markdown(report, images=images, cleaning=cleaning), encoding="utf-8")
    logger.info("wrote %s", path)
    return path
