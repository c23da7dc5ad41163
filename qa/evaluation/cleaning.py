"""Line-level score of the cleaner against hand labels (``tests/data/clean_labels/*.tsv``).

Each label file has one row per raw line of ``<doc_id>`` (``keep|drop|blank<TAB>line``,
``#`` comments allowed). A line counts as kept when any of its non-space characters lies
inside the raw spans of the cleaned text; precision and recall are of the "keep" class.

>>> score = score_cleaning(Path("tests/data/clean_labels"), Path("seeds"))  # doctest: +SKIP
>>> score.recall
1.0
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.errors import CorpusError
from index.ingest import ingest_file
from index.loading import CORPUS_SUFFIXES
from index.records import CleanedDocument

logger = logging.getLogger(__name__)

LABELS = ("keep", "drop", "blank")


@dataclass(frozen=True, slots=True)
class CleaningScore:
    """Precision/recall of kept lines over all labelled documents, with the misses listed."""

    precision: float
    recall: float
    n_lines: int  # labelled keep/drop lines (blank lines are not scored)
    false_keeps: list[tuple[str, int, str]]  # (doc_id, 1-based line number, line text)
    false_drops: list[tuple[str, int, str]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "n_lines": self.n_lines,
            "false_keeps": [list(row) for row in self.false_keeps],
            "false_drops": [list(row) for row in self.false_drops],
        }


def read_labels(path: Path) -> list[tuple[str, str]]:
    """(label, line text) rows of one label file; ValueError names the bad row."""
    rows: list[tuple[str, str]] = []
    for number, row in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if row.startswith("#") or row == "":
            continue
        label, _, text = row.partition("\t")
        if label not in LABELS:
            raise ValueError(f"{path}:{number}: label {label!r} is not one of {', '.join(LABELS)}")
        rows.append((label, text))
    return rows


def raw_lines(raw_text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each raw line (a final newline does not start another line)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in raw_text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    if raw_text.endswith("\n"):
        spans.pop()
    return spans


def kept_mask(document: CleanedDocument) -> bytearray:
    """1 for every raw character copied into the cleaned text."""
    mask = bytearray(len(document.raw_text))
    for run in document.offsets.runs:
        mask[run.raw_start : run.raw_start + run.length] = b"\x01" * run.length
    return mask


def score_cleaning(labels_dir: Path, corpus_dir: Path) -> CleaningScore:
    """Score the cleaner on every ``<doc_id>.tsv`` in ``labels_dir`` against ``corpus_dir``."""
    label_files = sorted(Path(labels_dir).glob("*.tsv"))
    if not label_files:
        raise ValueError(f"no label files (*.tsv) in {labels_dir}; pass the folder of clean labels")
    true_keeps = 0
    false_keeps: list[tuple[str, int, str]] = []
    false_drops: list[tuple[str, int, str]] = []
    n_lines = 0
    for label_file in label_files:
        doc_id = label_file.stem
        page = next((Path(corpus_dir) / f"{doc_id}{suffix}" for suffix in CORPUS_SUFFIXES
                     if (Path(corpus_dir) / f"{doc_id}{suffix}").is_file()), None)
        if page is None:
            raise ValueError(f"{label_file}: no page {doc_id} with a suffix of {', '.join(CORPUS_SUFFIXES)} in {corpus_dir}")
        labels = read_labels(label_file)
        try:
            document, _ = ingest_file(page)
        except CorpusError as error:
            raise ValueError(f"{label_file}: the labelled page cannot be cleaned: {error}") from error
        spans = raw_lines(document.raw_text)
        if len(spans) != len(labels):
            raise ValueError(f"{label_file}: {len(labels)} labelled rows but {page} has {len(spans)} lines; relabel it")
        mask = kept_mask(document)
        for number, ((label, text), (start, end)) in enumerate(zip(labels, spans), start=1):
            line = document.raw_text[start:end]
            if text.strip() != line.replace("\t", " ").strip():
                raise ValueError(f"{label_file}:{number}: label text does not match the page line {line[:60]!r}")
            if label == "blank":
                continue
            n_lines += 1
            kept = any(mask[i] and not document.raw_text[i].isspace() for i in range(start, end))
            if label == "keep" and kept:
                true_keeps += 1
            elif label == "keep":
                false_drops.append((doc_id, number, line.strip()))
            elif kept:
                false_keeps.append((doc_id, number, line.strip()))
    predicted = true_keeps + len(false_keeps)
    actual = true_keeps + len(false_drops)
    return CleaningScore(
        precision=true_keeps / predicted if predicted else 1.0,
        recall=true_keeps / actual if actual else 1.0,
        n_lines=n_lines,
        false_keeps=false_keeps,
        false_drops=false_drops,
    )
