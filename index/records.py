"""Typed records that flow through ingestion and retrieval.

Every stage returns one of these frozen records; nothing downstream mutates them.
Offsets always refer to characters of the *decoded raw file* (``Document.raw_text``),
so any span can be highlighted in the original page.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


@dataclass(frozen=True, slots=True)
class OffsetRun:
    """A stretch of derived text copied verbatim from the raw file."""

    text_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps character positions of a derived text (cleaned, repaired) back to the raw file.

    The derived text is made of verbatim runs of the raw file plus a few inserted
    characters (a space that repairs ``thebolsteringof``, a newline that joins two kept
    lines). An inserted character maps to the raw position of the next copied character.

    >>> m = OffsetMap(runs=(OffsetRun(0, 10, 3), OffsetRun(4, 13, 2)), length=6)
    >>> m.to_raw(0, 6)
    (10, 15)
    """

    runs: tuple[OffsetRun, ...]
    length: int

    def raw_position(self, text_index: int) -> int:
        """Raw offset of the derived character at ``text_index`` (or just past the end)."""
        if not self.runs:
            raise ValueError("offset map is empty")
        starts = [run.text_start for run in self.runs]
        i = bisect.bisect_right(starts, text_index) - 1
        if i < 0:
            return self.runs[0].raw_start
        run = self.runs[i]
        if text_index < run.text_start + run.length:
            return run.raw_start + (text_index - run.text_start)
        # An inserted character (or the end): map to the next copied character.
        if i + 1 < len(self.runs):
            return self.runs[i + 1].raw_start
        return run.raw_start + run.length

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` covering derived ``[start, end)``; ``end`` is exclusive."""
        if not 0 <= start <= end <= self.length:
            raise ValueError(f"span ({start}, {end}) outside derived text of length {self.length}")
        if start == end:
            position = self.raw_position(start)
            return position, position
        first, last = self.raw_position(start), self.raw_position(end - 1) + 1
        # A reader may put the file's parts in another order ("Given Surname" from a JATS file
        # that has the surname first): cover every raw character the span copies, so that a
        # citation never ends before it starts nor leaves a name out. In file order this is
        # (first, last).
        lows, highs = [first], [last]
        for run in self.runs:
            run_end = run.text_start + run.length
            if run.text_start < end and start < run_end:
                lows.append(run.raw_start + max(start, run.text_start) - run.text_start)
                highs.append(run.raw_start + min(end, run_end) - run.text_start)
        return min(lows), max(highs)

    def slice(self, start: int, end: int) -> OffsetMap:
        """The map of derived text ``[start, end)``, re-based to start at 0."""
        runs: list[OffsetRun] = []
        for run in self.runs:
            lo = max(run.text_start, start)
            hi = min(run.text_start + run.length, end)
            if lo < hi:
                runs.append(OffsetRun(lo - start, run.raw_start + (lo - run.text_start), hi - lo))
        return OffsetMap(runs=tuple(runs), length=end - start)

    def to_dict(self) -> dict[str, Any]:
        return {"length": self.length, "runs": [[r.text_start, r.raw_start, r.length] for r in self.runs]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OffsetMap:
        return cls(runs=tuple(OffsetRun(*map(int, r)) for r in data["runs"]), length=int(data["length"]))


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a reader wants shown in a citation, detected from the page itself."""

    doc_id: str
    path: str
    outlet: str | None = None
    headline: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when the page states one
    byline: tuple[str, ...] = ()  # author names
    credits: tuple[str, ...] = ()  # credit lines kept verbatim ("AP video producer ... contributed")
    sha256: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "outlet": self.outlet,
            "headline": self.headline,
            "date": self.date,
            "byline": list(self.byline),
            "credits": list(self.credits),
            "sha256": self.sha256,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentMeta:
        return cls(
            doc_id=data["doc_id"],
            path=data["path"],
            outlet=data.get("outlet"),
            headline=data.get("headline"),
            date=data.get("date"),
            byline=tuple(data.get("byline", ())),
            credits=tuple(data.get("credits", ())),
            sha256=data.get("sha256", ""),
        )


@dataclass(frozen=True, slots=True)
class DroppedBlock:
    """A stretch of the raw file the cleaner removed, and the rule that removed it."""

    raw_start: int
    raw_end: int
    reason: str  # e.g. "ticker", "link-list", "faq-block", "author-box", "caption"

    def to_dict(self) -> dict[str, Any]:
        return {"raw_start": self.raw_start, "raw_end": self.raw_end, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class CleanedDocument:
    """A page after cleaning: article text with a map back to the raw file."""

    meta: DocumentMeta
    raw_text: str
    text: str  # kept article text; paragraphs separated by "\n"
    offsets: OffsetMap  # text -> raw_text
    dropped: tuple[DroppedBlock, ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """A few whole sentences of one document, the unit of retrieval and citation.

    ``text`` may differ from ``raw_text[raw_start:raw_end]`` only by repairs (a space
    inserted in a glued word, line breaks folded); ``offsets`` maps it back exactly.
    ``twins`` lists passage ids in *other* documents that say the same thing
    (the same wire story in two outlets).
    """

    passage_id: str  # f"{doc_id}#{ordinal}", stable for the same file content
    doc_id: str
    ordinal: int
    text: str
    raw_start: int
    raw_end: int
    offsets: OffsetMap  # passage text -> raw file of doc_id
    twins: tuple[str, ...] = ()

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-file offsets of passage-text span ``[start, end)``."""
        return self.offsets.to_raw(start, end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passage_id": self.passage_id,
            "doc_id": self.doc_id,
            "ordinal": self.ordinal,
            "text": self.text,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "offsets": self.offsets.to_dict(),
            "twins": list(self.twins),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(
            passage_id=data["passage_id"],
            doc_id=data["doc_id"],
            ordinal=int(data["ordinal"]),
            text=data["text"],
            raw_start=int(data["raw_start"]),
            raw_end=int(data["raw_end"]),
            offsets=OffsetMap.from_dict(data["offsets"]),
            twins=tuple(data.get("twins", ())),
        )


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file of the corpus folder that could not be used, and why (shown, never fatal)."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything ingestion produces for a folder: cleaned documents and their passages."""

    documents: tuple[CleanedDocument, ...]
    passages: tuple[Passage, ...]
    problems: tuple[LoadProblem, ...] = ()


class RetrievalMode(str, Enum):
    BM25 = "bm25"
    VECTOR = "vector"
    HYBRID = "hybrid"


class FusionMode(str, Enum):
    RECIPROCAL_RANK = "rrf"
    WEIGHTED_SCORE = "weighted"


@dataclass(frozen=True, slots=True)
class ScoredPassage:
    """One retriever's opinion of one passage: its index in the corpus, score and 1-based rank."""

    index: int
    score: float
    rank: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved passage with both component scores and ranks and the fused score.

    A missing component (the passage was not in that retriever's top list) is ``None``.
    ``twins`` holds the near-duplicate passages of other outlets folded into this hit.
    """

    passage: Passage
    document: DocumentMeta
    rank: int
    fused_score: float
    bm25_score: float | None = None
    bm25_rank: int | None = None
    vector_score: float | None = None
    vector_rank: int | None = None
    twins: tuple[Passage, ...] = field(default=())
    twin_documents: tuple[DocumentMeta, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "passage_id": self.passage.passage_id,
            "doc_id": self.passage.doc_id,
            "source": self.document.outlet,
            "headline": self.document.headline,
            "text": self.passage.text,
            "start": self.passage.raw_start,
            "end": self.passage.raw_end,
            "fused_score": self.fused_score,
            "bm25_score": self.bm25_score,
            "bm25_rank": self.bm25_rank,
            "vector_score": self.vector_score,
            "vector_rank": self.vector_rank,
            "also_in": [
                {"passage_id": p.passage_id, "doc_id": p.doc_id, "source": d.outlet}
                for p, d in zip(self.twins, self.twin_documents)
            ],
        }
