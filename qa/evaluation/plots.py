"""PNG charts of an evaluation run: refusal trade-off, reliability diagram, recall@k.

Uses ``matplotlib.figure.Figure`` directly (Agg canvas) instead of pyplot, so no global
backend or figure registry is touched: safe inside a server or a test run.
"""

from __future__ import annotations

import logging
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers and CI; must precede any pyplot import elsewhere

from matplotlib.figure import Figure  # noqa: E402

from qa.evaluation.runner import EvalReport  # noqa: E402

logger = logging.getLogger(__name__)

_MODE_STYLE = {"bm25": ("tab:blue", "o"), "vector": ("tab:orange", "s"), "hybrid": ("tab:green", "^")}


def plot_refusal_tradeoff(report: EvalReport, path: Path) -> Path:
    """Refusal recall vs false-refusal rate as the confidence threshold moves."""
    figure = Figure(figsize=(6.4, 4.8), dpi=110)
    axes = figure.add_subplot()
    points = report.threshold_sweep
    axes.plot(
        [p.false_refusal_rate for p in points], [p.refusal_recall for p in points],
        color="tab:blue", marker=".", markersize=3, linewidth=1.5, label="threshold sweep",
    )
    # Label the tenths along the curve so a reader can pick a threshold; tenths that land
    # close together share one label ("t=0.5–0.7") instead of printing over each other.
    labels: list[list[float]] = []  # [x, y, first threshold, last threshold]
    for point in points:
        if round(point.threshold * 100) % 10 != 0:
            continue
        x, y = point.false_refusal_rate, point.refusal_recall
        near = next((label for label in labels if (label[0] - x) ** 2 + (label[1] - y) ** 2 < 0.06**2), None)
        if near is not None:
            near[3] = point.threshold
        else:
            labels.append([x, y, point.threshold, point.threshold])
    for x, y, first, last in labels:
        text = f"t={first:.1f}" if first == last else f"t={first:.1f}–{last:.1f}"
        axes.annotate(text, (x, y), textcoords="offset points", xytext=(5, -10), fontsize=7, color="tab:blue")
    overall = report.overall
    axes.plot([overall.false_refusal_rate], [overall.refusal_recall], marker="*", markersize=15,
              color="tab:red", linestyle="none", label="operating point (as shipped)")
    axes.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1, label="refusing at random")
    axes.set_xlim(-0.02, 1.02)
    axes.set_ylim(-0.02, 1.02)
    axes.set_xlabel("false-refusal rate (answerable questions refused)")
    axes.set_ylabel("refusal recall (unanswerable questions refused)")
    axes.set_title("Refusal trade-off as the confidence threshold moves")
    axes.grid(True, alpha=0.3)
    axes.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    return path


def plot_reliability(report: EvalReport, path: Path) -> Path:
    """Reliability diagram: observed accuracy per confidence bin against the diagonal."""
    figure = Figure(figsize=(6.4, 4.8), dpi=110)
    axes = figure.add_subplot()
    bins = [b for b in report.reliability if b.count > 0]
    width = report.reliability[0].upper - report.reliability[0].lower if report.reliability else 0.1
    axes.bar([b.lower for b in bins], [b.accuracy for b in bins], width=width, align="edge",
             color="tab:blue", alpha=0.6, edgecolor="black", label="observed accuracy")
    axes.plot([b.mean_confidence for b in bins], [b.accuracy for b in bins], marker="o", color="tab:blue",
              linestyle="none", label="bin mean confidence")
    for b in bins:
        axes.annotate(str(b.count), (b.lower + width / 2, b.accuracy), textcoords="offset points",
                      xytext=(0, 3), ha="center", fontsize=7)
    axes.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1.2)  # headroom so the legend sits above the bars
    axes.set_yticks([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    axes.set_xlabel("confidence of the candidate answer")
    axes.set_ylabel("fraction correct (F1 >= 0.5)")
    axes.set_title(f"Confidence reliability (ECE = {report.ece:.3f}; bar labels = candidates)")
    axes.grid(True, alpha=0.3)
    axes.legend(loc="upper center", ncol=3, fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    return path


def plot_recall_curves(report: EvalReport, path: Path) -> Path:
    """Recall@k for k = 1..10, one line per retrieval mode."""
    figure = Figure(figsize=(6.4, 4.8), dpi=110)
    axes = figure.add_subplot()
    for scores in report.retrieval:
        color, marker = _MODE_STYLE.get(scores.mode, (None, "o"))
        ks = list(range(1, len(scores.recall_curve) + 1))
        axes.plot(ks, list(scores.recall_curve), marker=marker, color=color,
                  label=f"{scores.mode} (MRR@10 {scores.mrr:.2f})")
    axes.set_xticks(range(1, 11))
    axes.set_ylim(0, 1.02)
    axes.set_xlabel("k (passages retrieved)")
    axes.set_ylabel("recall@k (answer-bearing passage from a gold source in top k)")
    axes.set_title("Retrieval recall@k per mode")
    axes.grid(True, alpha=0.3)
    axes.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    return path
