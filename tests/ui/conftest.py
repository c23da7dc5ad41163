"""Fixtures for the page tests: a tiny synthetic corpus with hostile markup, a stand-in pipeline,
the real pipeline on the seeds (slow), and a served page on a free loopback port."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from index.records import CleanedDocument, DocumentMeta, DroppedBlock, Hit, OffsetMap, OffsetRun, Passage
from qa.records import Answer, Citation

# Two outlets carry the same wire sentence; one page has markup and a dropped ad block.
RAW_A = (
    "MENU <script>alert('x')</script>\n"
    "The river port handled 4.2 million tonnes in 2021, officials said.\n"
    "Mayor Ana <b>Ruiz</b> opened the new quay on Monday.\n"
    "Subscribe now & save 50%!"
)
RAW_B = "Wire copy.\nThe river port handled 4.2 million tonnes in 2021, officials said.\n"


def _meta(doc_id: str, outlet: str | None, headline: str | None, date: str | None) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, path=f"{doc_id}.txt", outlet=outlet, headline=headline, date=date)


META_A = _meta("100_alpha", "Daily <Planet>", "Port <i>record</i> & quay", "2022-01-03")
META_B = _meta("101_beta", "Wire & Co", "Port record", None)


def _cleaned(meta: DocumentMeta, raw: str, keep: list[tuple[int, int]], dropped: tuple[DroppedBlock, ...]) -> CleanedDocument:
    """Cleaned text = kept raw stretches joined by newlines, with the exact offset map."""
    runs: list[OffsetRun] = []
    parts: list[str] = []
    position = 0
    for start, end in keep:
        if parts:
            parts.append("\n")
            position += 1
        runs.append(OffsetRun(position, start, end - start))
        parts.append(raw[start:end])
        position += end - start
    return CleanedDocument(meta=meta, raw_text=raw, text="".join(parts), offsets=OffsetMap(tuple(runs), position), dropped=dropped)


def _line(raw: str, needle: str) -> tuple[int, int]:
    start = raw.index(needle)
    return start, start + len(needle)


SENTENCE = "The river port handled 4.2 million tonnes in 2021, officials said."
MAYOR = "Mayor Ana <b>Ruiz</b> opened the new quay on Monday."

DOC_A = _cleaned(
    META_A,
    RAW_A,
    [_line(RAW_A, SENTENCE), _line(RAW_A, MAYOR)],
    (
        DroppedBlock(0, RAW_A.index("\n") + 1, "menu <junk>"),
        DroppedBlock(RAW_A.index("Subscribe"), len(RAW_A), "ad"),
    ),
)
DOC_B = _cleaned(META_B, RAW_B, [_line(RAW_B, SENTENCE)], (DroppedBlock(0, RAW_B.index("\n") + 1, "dateline"),))


def _passage(doc: CleanedDocument, ordinal: int, sentence: str, twins: tuple[str, ...] = ()) -> Passage:
    raw_start, raw_end = _line(doc.raw_text, sentence)
    return Passage(
        passage_id=f"{doc.meta.doc_id}#{ordinal}",
        doc_id=doc.meta.doc_id,
        ordinal=ordinal,
        text=sentence,
        raw_start=raw_start,
        raw_end=raw_end,
        offsets=OffsetMap((OffsetRun(0, raw_start, len(sentence)),), len(sentence)),
        twins=twins,
    )


PASSAGE_A0 = _passage(DOC_A, 0, SENTENCE, twins=("101_beta#0",))
PASSAGE_A1 = _passage(DOC_A, 1, MAYOR)
PASSAGE_B0 = _passage(DOC_B, 0, SENTENCE, twins=("100_alpha#0",))
PASSAGES = {p.passage_id: p for p in (PASSAGE_A0, PASSAGE_A1, PASSAGE_B0)}
DOCUMENTS = {d.meta.doc_id: d for d in (DOC_A, DOC_B)}

HIT_TONNES = Hit(
    passage=PASSAGE_A0,
    document=META_A,
    rank=1,
    fused_score=0.0328,
    bm25_score=7.25,
    bm25_rank=1,
    vector_score=0.61234,
    vector_rank=2,
    twins=(PASSAGE_B0,),
    twin_documents=(META_B,),
)
HIT_MAYOR = Hit(passage=PASSAGE_A1, document=META_A, rank=2, fused_score=0.0161, vector_score=0.4, vector_rank=1)

ANSWER_START = SENTENCE.index("4.2 million tonnes")
ANSWER_END = ANSWER_START + len("4.2 million tonnes")


def citation(doc: CleanedDocument, passage: Passage) -> Citation:
    return Citation(
        doc_id=doc.meta.doc_id,
        source=doc.meta.outlet,
        headline=doc.meta.headline,
        date=doc.meta.date,
        passage_id=passage.passage_id,
        start=passage.raw_start + ANSWER_START,
        end=passage.raw_start + ANSWER_END,
        text=passage.text,
        answer_start=ANSWER_START,
        answer_end=ANSWER_END,
    )


ANSWERED = Answer(
    question="How much did the port handle in 2021?",
    text="4.2 million tonnes",
    refused=False,
    reason="",
    confidence=0.874,
    citations=(citation(DOC_A, PASSAGE_A0), citation(DOC_B, PASSAGE_B0)),
    hits=(HIT_TONNES, HIT_MAYOR),
    latency_ms=42.0,
)

REFUSED = Answer(
    question="Who <em>owns</em> the port?",
    text=None,
    refused=True,
    reason="No passage names an owner; the closest one is about the <mayor>.",
    confidence=0.12,
    hits=(HIT_MAYOR, HIT_TONNES),
    latency_ms=30.0,
    candidate="Ana <b>Ruiz</b>",
)


class FakeQA:
    """A stand-in pipeline for page wiring tests: answers from the records above.

    It is not our core under test; the tests that use it check the page (wiring, escaping,
    per-visitor state), and the real pipeline is exercised by the slow tests.
    """

    class _Index:
        documents = DOCUMENTS

        @staticmethod
        def passage(passage_id: str) -> Passage:
            return PASSAGES[passage_id]

    index = _Index()

    def ask(self, question: str, top_k: int | None = None, mode: object = None, fusion: object = None) -> Answer:
        if not question.strip():
            raise ValueError("question is empty; type a question")
        if len(question) > 200:
            raise ValueError(f"question has {len(question)} characters; the limit is 200")
        base = REFUSED if "owns" in question else ANSWERED
        return Answer(
            question=question,
            text=base.text,
            refused=base.refused,
            reason=base.reason,
            confidence=base.confidence,
            citations=base.citations,
            hits=base.hits[: top_k if top_k is not None else len(base.hits)],
            latency_ms=base.latency_ms,
            candidate=base.candidate,
        )

    def document(self, doc_id: str) -> CleanedDocument:
        return DOCUMENTS[doc_id]


REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "seeds"
SEED_DOC_IDS = frozenset(path.stem for path in SEEDS.glob("*.txt"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class ServedPage:
    url: str
    pipeline: Any


def _serve(pipeline: Any, settings: Any) -> Iterator[ServedPage]:
    from ui.app import build_app, launch

    app = build_app(pipeline, settings)
    _, url, _ = launch(app, port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield ServedPage(url=url, pipeline=pipeline)
    finally:
        app.close()


@pytest.fixture(scope="module")
def fake_page() -> Iterator[ServedPage]:
    """The page over the synthetic two-document corpus, served on a free loopback port."""
    from qa.settings import Settings

    yield from _serve(FakeQA(), Settings())


@pytest.fixture(scope="session")
def seed_qa(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The real pipeline (real models) over seeds/, built once per session in a temp index dir."""
    from qa.api import QA
    from qa.settings import Settings

    settings = Settings().with_overrides(index_dir=tmp_path_factory.mktemp("ui-index"), corpus_dir=SEEDS)
    return QA.from_corpus(SEEDS, settings)


@pytest.fixture(scope="session")
def seed_page(seed_qa: Any) -> Iterator[ServedPage]:
    """The page over the real seed pipeline."""
    from qa.settings import Settings

    yield from _serve(seed_qa, Settings().with_overrides(corpus_dir=SEEDS))
