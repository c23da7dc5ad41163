"""The reader's output: an Answer with its Citations, or a refusal with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.records import Hit


@dataclass(frozen=True, slots=True)
class Citation:
    """One passage that supports an answer.

    ``start``/``end`` are raw-file offsets of the answer span inside this passage (or of
    the whole passage when the span's wording differs there); ``answer_start``/``answer_end``
    locate the span inside ``text`` for highlighting (``None`` when not found verbatim).
    """

    doc_id: str
    source: str | None  # the outlet
    headline: str | None
    date: str | None
    passage_id: str
    start: int
    end: int
    text: str  # the passage text
    answer_start: int | None = None
    answer_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "headline": self.headline,
            "date": self.date,
            "passage_id": self.passage_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "answer_start": self.answer_start,
            "answer_end": self.answer_end,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """An exact, cited answer or a refusal; a refusal is a result, not an exception.

    >>> Answer(question="Who won?", text=None, refused=True, reason="No passage names a winner.")
    ... # doctest: +ELLIPSIS
    Answer(question='Who won?', text=None, refused=True, ...)
    """

    question: str
    text: str | None
    refused: bool
    reason: str
    confidence: float = 0.0
    citations: tuple[Citation, ...] = ()
    hits: tuple[Hit, ...] = field(default=())  # passages considered, best first
    latency_ms: float = 0.0
    # The best span the reader found even when it refused, so evaluation can sweep the
    # refusal threshold and the page can show what was close; ``confidence`` is always the
    # calibrated probability that this candidate answers the question.
    candidate: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")
        if self.refused:
            if self.text is not None:
                raise ValueError("a refused answer carries no answer text")
            if not self.reason.strip():
                raise ValueError("a refusal needs a reason")
        else:
            if not self.text:
                raise ValueError("an answer that is not refused needs answer text")
            if not self.citations:
                raise ValueError("an answer that is not refused needs at least one citation")

    def to_dict(self, include_hits: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "reason": self.reason,
            "confidence": round(self.confidence, 4),
            "citations": [c.to_dict() for c in self.citations],
            "latency_ms": round(self.latency_ms, 1),
            "candidate": self.candidate,
        }
        if include_hits:
            data["hits"] = [h.to_dict() for h in self.hits]
        return data
