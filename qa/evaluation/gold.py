"""The gold question set: load, validate and split the JSON-lines file users trust.

One JSON object a line::

    {"id": "q001", "question": "...", "answers": ["..."], "answerable": true,
     "sources": ["000_dca45555f3484672"], "split": "dev", "category": "person"}

``sources`` and ``split`` and ``category`` are optional: a row without ``split`` counts in
every split, a row without ``sources`` skips the citation check.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

logger = logging.getLogger(__name__)

SPLITS = ("dev", "test")
SplitChoice = Literal["dev", "test", "all"]

ANSWERABLE_CATEGORIES = ("person", "number", "date", "place", "quote", "why_how", "which_what")
UNANSWERABLE_CATEGORIES = ("faq_trivia", "furniture", "general_knowledge", "near_miss")

_REQUIRED_KEYS = ("id", "question", "answers", "answerable")


@dataclass(frozen=True, slots=True)
class GoldQuestion:
    """One trusted question with every acceptable answer (empty when unanswerable).

    >>> GoldQuestion(id="q1", question="Who?", answers=("Hue",), answerable=True).split is None
    True
    """

    id: str
    question: str
    answers: tuple[str, ...]
    answerable: bool
    sources: tuple[str, ...] | None = None  # doc ids that state the fact; None: not checked
    split: str | None = None  # "dev" | "test"; None: belongs to every split
    category: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "answers": list(self.answers),
            "answerable": self.answerable,
            "sources": list(self.sources) if self.sources is not None else None,
            "split": self.split,
            "category": self.category,
        }


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _parse_row(row: object, where: str) -> GoldQuestion:
    """Check one decoded row; ``where`` is ``"file:line"`` for the error message."""
    if not isinstance(row, dict):
        raise ValueError(f"{where}: expected a JSON object per line, got {type(row).__name__}; "
                         f"write one {{\"id\": ..., \"question\": ...}} object per line")
    missing = [key for key in _REQUIRED_KEYS if key not in row]
    if missing:
        raise ValueError(f"{where}: missing key(s) {', '.join(missing)}; every row needs "
                         f"{', '.join(_REQUIRED_KEYS)}")
    question_id = row["id"]
    if not isinstance(question_id, str) or not question_id.strip():
        raise ValueError(f"{where}: 'id' must be a non-empty string, got {question_id!r}")
    question = row["question"]
    if not isinstance(question, str) or not question.strip():
        raise ValueError(f"{where}: 'question' must be a non-empty string, got {question!r}")
    answers = row["answers"]
    if not _is_str_list(answers):
        raise ValueError(f"{where}: 'answers' must be a list of strings, got {answers!r}; "
                         f"use [] for an unanswerable question")
    answerable = row["answerable"]
    if not isinstance(answerable, bool):
        raise ValueError(f"{where}: 'answerable' must be true or false, got {answerable!r}")
    if answerable and not any(answer.strip() for answer in answers):
        raise ValueError(f"{where}: question {question_id!r} is answerable but has no answers; "
                         f"add the acceptable answer strings or set \"answerable\": false")
    if not answerable and answers:
        raise ValueError(f"{where}: question {question_id!r} is unanswerable but lists answers "
                         f"{answers!r}; set \"answers\": [] or \"answerable\": true")
    sources = row.get("sources")
    if sources is not None and not _is_str_list(sources):
        raise ValueError(f"{where}: 'sources' must be a list of doc ids (file stems), got {sources!r}")
    split = row.get("split")
    if split is not None and split not in SPLITS:
        raise ValueError(f"{where}: unknown split {split!r}; use one of {', '.join(SPLITS)} "
                         f"or leave 'split' out to count the row in every split")
    category = row.get("category")
    if category is not None and not isinstance(category, str):
        raise ValueError(f"{where}: 'category' must be a string, got {category!r}")
    return GoldQuestion(
        id=question_id,
        question=question,
        answers=tuple(answers),
        answerable=answerable,
        sources=tuple(sources) if sources is not None else None,
        split=split,
        category=category,
    )


def load_gold(path: Path) -> list[GoldQuestion]:
    """Read and validate a gold file; any problem is a ValueError naming file, line and fix."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ValueError(f"gold file {path} does not exist; pass an existing file with --gold") from None
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text ({error}); save the gold file as UTF-8") from None
    questions: list[GoldQuestion] = []
    first_line_of: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue  # a trailing blank line is common and harmless
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{where}: invalid JSON ({error.msg} at column {error.colno}); "
                             f"each line must be one complete JSON object") from None
        question = _parse_row(row, where)
        if question.id in first_line_of:
            raise ValueError(f"{where}: duplicate id {question.id!r} (first used on line "
                             f"{first_line_of[question.id]}); give every question a unique id")
        first_line_of[question.id] = number
        questions.append(question)
    if not questions:
        raise ValueError(f"gold file {path} has no questions; add one JSON object per line")
    logger.info("loaded %d gold questions from %s", len(questions), path)
    return questions


def select_split(questions: Iterable[GoldQuestion], split: SplitChoice | str) -> list[GoldQuestion]:
    """The questions of ``split``; rows without a split belong to every split."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown split {split!r}; use dev, test or all")
    if split == "all":
        return list(questions)
    return [question for question in questions if question.split is None or question.split == split]


def count_by(questions: Sequence[GoldQuestion], attribute: str) -> dict[str, int]:
    """How many questions have each value of ``attribute`` ("split", "category"); None -> "-"."""
    counts: dict[str, int] = {}
    for question in questions:
        value = getattr(question, attribute)
        key = str(value) if value is not None else "-"
        counts[key] = counts.get(key, 0) + 1
    return counts
