"""Retrievers behind one small method, fusion, and turning rankings into Hits.

BM25Retriever and VectorRetriever both offer ``rank(query, k)``, so a test or the
benchmark can swap one for the other; ``collect_hits`` folds near-duplicate passages
(the same wire story in two outlets) into one Hit.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from index.bm25 import BM25Retriever
from index.fusion import FusedPassage, fuse
from index.records import DocumentMeta, FusionMode, Hit, Passage, RetrievalMode, ScoredPassage
from index.vector import VectorRetriever

logger = logging.getLogger(__name__)

__all__ = [
    "BM25Retriever",
    "FusedPassage",
    "Retriever",
    "VectorRetriever",
    "collect_hits",
    "fuse",
    "rank_passages",
    "twin_groups",
]


@runtime_checkable
class Retriever(Protocol):
    """Ranks passages (by index into the corpus) for a query, best first, at most ``k``."""

    def rank(self, query: str, k: int) -> list[ScoredPassage]: ...


def rank_passages(
    query: str,
    candidates: int,
    mode: RetrievalMode,
    fusion: FusionMode,
    *,
    bm25: Retriever,
    vector: Retriever,
    rrf_k: int = 60,
    vector_weight: float = 0.5,
) -> list[FusedPassage]:
    """The ranking for ``mode``: one retriever alone, or both fused."""
    mode = RetrievalMode(mode)
    if mode is RetrievalMode.BM25:
        return [FusedPassage(p.index, p.score, bm25=p, vector=None) for p in bm25.rank(query, candidates)]
    if mode is RetrievalMode.VECTOR:
        return [FusedPassage(p.index, p.score, bm25=None, vector=p) for p in vector.rank(query, candidates)]
    return fuse(
        bm25.rank(query, candidates),
        vector.rank(query, candidates),
        FusionMode(fusion),
        rrf_k=rrf_k,
        vector_weight=vector_weight,
    )


def twin_groups(passages: Sequence[Passage]) -> dict[str, tuple[Passage, ...]]:
    """For each passage, its twins: linked by ``twins`` in either direction, in other
    documents, present in ``passages``.

    Not transitive on purpose: passage boundaries differ between outlets (one outlet's
    lead can be two passages in the other), and chaining such links could fold a whole
    article into a single hit.
    """
    by_id = {p.passage_id: p for p in passages}
    links: dict[str, set[str]] = {pid: set() for pid in by_id}
    for passage in passages:
        for twin_id in passage.twins:
            twin = by_id.get(twin_id)
            if twin is not None and twin.doc_id != passage.doc_id:
                links[passage.passage_id].add(twin_id)
                links[twin_id].add(passage.passage_id)
    return {
        pid: tuple(sorted((by_id[t] for t in twin_ids), key=lambda p: (p.doc_id, p.ordinal)))
        for pid, twin_ids in links.items()
    }


def collect_hits(
    ranking: Sequence[FusedPassage],
    k: int,
    passages: Sequence[Passage],
    documents: Mapping[str, DocumentMeta],
    twins: Mapping[str, tuple[Passage, ...]],
) -> list[Hit]:
    """The first ``k`` distinct hits: a passage's twins (``twin_groups``) fold into the
    best-ranked one, so k counts distinct statements, not outlets.

    A passage is skipped when it, or one of its twins, is already shown or folded into an
    earlier hit; so no passage appears twice and a twin pair never makes two hits.
    """
    hits: list[Hit] = []
    covered: set[str] = set()
    for fused in ranking:
        if len(hits) >= k:
            break
        passage = passages[fused.index]
        own_twins = twins.get(passage.passage_id, ())
        if passage.passage_id in covered or any(t.passage_id in covered for t in own_twins):
            continue
        folded = own_twins
        covered.add(passage.passage_id)
        covered.update(t.passage_id for t in folded)
        hits.append(
            Hit(
                passage=passage,
                document=documents[passage.doc_id],
                rank=len(hits) + 1,
                fused_score=fused.score,
                bm25_score=fused.bm25.score if fused.bm25 is not None else None,
                bm25_rank=fused.bm25.rank if fused.bm25 is not None else None,
                vector_score=fused.vector.score if fused.vector is not None else None,
                vector_rank=fused.vector.rank if fused.vector is not None else None,
                twins=folded,
                twin_documents=tuple(documents[t.doc_id] for t in folded),
            )
        )
    return hits
