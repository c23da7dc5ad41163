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

__all__ = ["BM25Retriever", "FusedPassage", "Retriever", "VectorRetriever", "collect_hits", "fuse", "rank_passages", "twin_groups"]


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
    """For each passage, the other passages linked to it by ``twins`` in either direction,
    transitively (A~B and B~C fold together). Twins not in ``passages`` are skipped."""
    by_id = {p.passage_id: p for p in passages}
    parent = {pid: pid for pid in by_id}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    for passage in passages:
        for twin_id in passage.twins:
            if twin_id in by_id:
                parent[root(twin_id)] = root(passage.passage_id)
    members: dict[str, list[Passage]] = {}
    for passage in passages:
        members.setdefault(root(passage.passage_id), []).append(passage)
    groups: dict[str, tuple[Passage, ...]] = {}
    for group in members.values():
        ordered = sorted(group, key=lambda p: (p.doc_id, p.ordinal))
        for passage in group:
            groups[passage.passage_id] = tuple(p for p in ordered if p.passage_id != passage.passage_id)
    return groups


def collect_hits(
    ranking: Sequence[FusedPassage],
    k: int,
    passages: Sequence[Passage],
    documents: Mapping[str, DocumentMeta],
    twins: Mapping[str, tuple[Passage, ...]],
) -> list[Hit]:
    """The first ``k`` distinct hits: a passage's twins (``twin_groups``) fold into the
    best-ranked one, so k counts distinct statements, not outlets."""
    hits: list[Hit] = []
    seen: set[str] = set()
    for fused in ranking:
        if len(hits) >= k:
            break
        passage = passages[fused.index]
        if passage.passage_id in seen:
            continue
        folded = twins.get(passage.passage_id, ())
        seen.add(passage.passage_id)
        seen.update(t.passage_id for t in folded)
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
