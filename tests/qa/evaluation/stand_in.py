"""A hand-built stand-in for ``qa.api.QA``: fixed Answers and Hits per question.

It tests the evaluation arithmetic, not the pipeline: every number a test expects is
worked out by hand from the records built here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.records import DocumentMeta, Hit, OffsetMap, OffsetRun, Passage, RetrievalMode
from qa.records import Answer, Citation


def passage(doc_id: str, text: str, ordinal: int = 0) -> Passage:
    return Passage(
        passage_id=f"{doc_id}#{ordinal}",
        doc_id=doc_id,
        ordinal=ordinal,
        text=text,
        raw_start=0,
        raw_end=len(text),
        offsets=OffsetMap(runs=(OffsetRun(0, 0, len(text)),), length=len(text)),
    )


def hit(doc_id: str, text: str, rank: int = 1, twins: tuple[Passage, ...] = ()) -> Hit:
    return Hit(
        passage=passage(doc_id, text, ordinal=rank),
        document=DocumentMeta(doc_id=doc_id, path=f"{doc_id}.txt", outlet=doc_id.upper()),
        rank=rank,
        fused_score=1.0 / rank,
        twins=twins,
        twin_documents=tuple(DocumentMeta(doc_id=t.doc_id, path=f"{t.doc_id}.txt") for t in twins),
    )


def answered(question: str, text: str, doc_ids: tuple[str, ...], confidence: float, latency_ms: float = 10.0) -> Answer:
    citations = tuple(
        Citation(doc_id=doc, source=None, headline=None, date=None, passage_id=f"{doc}#0", start=0, end=len(text),
                 text=text)
        for doc in doc_ids
    )
    return Answer(question=question, text=text, refused=False, reason="", confidence=confidence,
                  citations=citations, latency_ms=latency_ms, candidate=text)


def refused(question: str, candidate: str | None, confidence: float, latency_ms: float = 10.0) -> Answer:
    return Answer(question=question, text=None, refused=True, reason="no passage states it",
                  confidence=confidence, latency_ms=latency_ms, candidate=candidate)


@dataclass
class StandInQA:
    """Answers and per-mode hit lists keyed by question text; records every call."""

    answers: dict[str, Answer]
    hits: dict[tuple[str, RetrievalMode], list[Hit]] = field(default_factory=dict)
    searches: list[tuple[str, int, RetrievalMode]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def ask(self, question: str) -> Answer:
        self.asked.append(question)
        return self.answers[question]

    def search(self, query: str, k: int, mode: RetrievalMode) -> list[Hit]:
        self.searches.append((query, k, mode))
        return self.hits.get((query, mode), [])[:k]
