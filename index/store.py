"""The search index: build from a corpus, save atomically, load with checks, search.

Files in the index folder (plain and inspectable; no pickle):

- ``manifest.json``  what built it, sha256 of the corpus files and of every file below
- ``vectors.faiss``  the faiss index (``faiss.write_index``)
- ``bm25.json``      tokens of each passage; BM25 is rebuilt from them at load
- ``passages.jsonl`` one Passage per line
- ``documents.jsonl`` one CleanedDocument per line

>>> index = SearchIndex.open(IndexSettings(corpus_dir=Path("seeds")))   # doctest: +SKIP
>>> index.search("How much was bilateral trade in 2022?", k=3)[0].passage.text  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index.bm25 import DEFAULT_VARIANT, BM25Retriever, BM25Variant
from index.embedding import Embedder, SentenceTransformerEmbedder
from index.errors import CorpusError, IndexCorruptError, IndexMissingError, IndexStaleError
from index.manifest import (
    FORMAT_VERSION,
    MANIFEST_FILE,
    REBUILD_HINT,
    Manifest,
    check_fresh,
    hash_corpus,
    ingest_fingerprint,
    package_versions,
    read_manifest,
    sha256_file,
)
from index.records import (
    CleanedDocument,
    Corpus,
    DocumentMeta,
    DroppedBlock,
    FusionMode,
    Hit,
    LoadProblem,
    OffsetMap,
    Passage,
    RetrievalMode,
)
from index.retrieval import collect_hits, rank_passages, twin_groups
from index.settings import IndexSettings, VectorIndexKind
from index.tokenize import TOKENIZER_VERSION, tokenize
from index.vector import VectorRetriever, build_vector_index, read_vector_index, vector_index_kind, write_vector_index

logger = logging.getLogger(__name__)

VECTORS_FILE = "vectors.faiss"
BM25_FILE = "bm25.json"
PASSAGES_FILE = "passages.jsonl"
DOCUMENTS_FILE = "documents.jsonl"
INDEX_FILES = (VECTORS_FILE, BM25_FILE, PASSAGES_FILE, DOCUMENTS_FILE)

_QUERY_CACHE_SIZE = 1024


class SearchIndex:
    """Passages of a corpus, searchable by BM25, by vector and by both fused.

    Safe for concurrent ``search`` calls: BM25 scoring only reads, and the faiss search,
    the model and the query cache each sit behind their own lock.

    >>> index = SearchIndex.open(Settings.from_env().index)           # doctest: +SKIP
    >>> [hit.passage.passage_id for hit in index.search("21-gun salute", k=3)]  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        settings: IndexSettings,
        documents: dict[str, CleanedDocument],
        passages: tuple[Passage, ...],
        problems: tuple[LoadProblem, ...],
        embedder: Embedder,
        manifest: Manifest,
        vectors: faiss.Index,
        tokenized: tuple[tuple[str, ...], ...],
    ) -> None:
        if not passages:
            raise CorpusError(f"no passages to index in {settings.corpus_dir}; add article files (.txt or .html) to it")
        if vectors.ntotal != len(passages) or len(tokenized) != len(passages):
            raise ValueError(
                f"index parts disagree: {len(passages)} passages, {vectors.ntotal} vectors, "
                f"{len(tokenized)} token lists; {REBUILD_HINT}"
            )
        self.settings = settings
        self.documents = documents
        self.passages = passages
        self.problems = problems
        self.embedder = embedder
        self.manifest = manifest
        self.vectors = vectors
        self.tokenized = tokenized
        self._positions = {p.passage_id: i for i, p in enumerate(passages)}
        self._metas = {doc_id: doc.meta for doc_id, doc in documents.items()}
        self._twins = twin_groups(passages)
        self._widest_twin_group = 1 + max((len(group) for group in self._twins.values()), default=0)
        self._bm25 = BM25Retriever(tokenized, BM25Variant(manifest.bm25_variant))
        self._vector = VectorRetriever(vectors, self.embed_query)
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    # ----------------------------------------------------------------- building

    @classmethod
    def build(cls, settings: IndexSettings, *, embedder: Embedder | None = None, progress: bool = True) -> SearchIndex:
        """Ingest ``settings.corpus_dir``, embed and index every passage (not saved)."""
        from index.ingest import ingest_folder  # the cleaner's module; imported late, it is heavy

        # Hash first: a file edited while we read it then shows up as stale next time.
        corpus_files = hash_corpus(settings.corpus_dir)
        corpus = ingest_folder(settings.corpus_dir, settings, progress=progress)
        return cls.from_corpus(corpus, settings, embedder=embedder, progress=progress, corpus_files=corpus_files)

    @classmethod
    def from_corpus(
        cls,
        corpus: Corpus,
        settings: IndexSettings,
        *,
        embedder: Embedder | None = None,
        progress: bool = False,
        corpus_files: dict[str, str] | None = None,
    ) -> SearchIndex:
        """Index an already ingested corpus; ``corpus_files`` defaults to hashing
        ``settings.corpus_dir``, the folder the corpus is taken to come from."""
        embedder = embedder if embedder is not None else SentenceTransformerEmbedder(settings.model)
        corpus_files = corpus_files if corpus_files is not None else hash_corpus(settings.corpus_dir)
        passages = tuple(corpus.passages)
        if not passages:
            raise CorpusError(f"no passages to index in {settings.corpus_dir}; add article files (.txt or .html) to it")
        started = time.perf_counter()
        tokenized = tuple(tuple(tokenize(p.text)) for p in passages)
        embeddings = embedder.encode([p.text for p in passages], batch_size=settings.batch_size, progress=progress)
        if embeddings.shape[0] != len(passages):
            raise ValueError(
                f"embedder {embedder.name!r} returned {embeddings.shape[0]} rows for {len(passages)} passages"
            )
        vectors = build_vector_index(embeddings, settings.vector_index)
        logger.info("indexed %d passages in %.1fs", len(passages), time.perf_counter() - started)
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            model=embedder.name,
            dimension=int(embeddings.shape[1]),
            vector_index=settings.vector_index.value,
            tokenizer_version=TOKENIZER_VERSION,
            bm25_variant=DEFAULT_VARIANT.value,
            corpus_dir=str(settings.corpus_dir),
            corpus_files=dict(corpus_files),
            document_count=len(corpus.documents),
            passage_count=len(passages),
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            packages=package_versions(),
            problems=tuple({"path": p.path, "message": p.message} for p in corpus.problems),
            ingest_fingerprint=ingest_fingerprint(),
        )
        return cls(
            settings=settings,
            documents={doc.meta.doc_id: doc for doc in corpus.documents},
            passages=passages,
            problems=tuple(corpus.problems),
            embedder=embedder,
            manifest=manifest,
            vectors=vectors,
            tokenized=tokenized,
        )

    # ------------------------------------------------------------------- saving

    def save(self, index_dir: Path) -> None:
        """Write the index atomically: into a temp folder beside ``index_dir``, fsync,
        then swap it in. A crash before the swap leaves the previous index untouched."""
        index_dir = Path(index_dir)
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.tmp-", dir=index_dir.parent))
        try:
            writers: dict[str, Callable[[Path], None]] = {
                VECTORS_FILE: lambda path: write_vector_index(self.vectors, path),
                BM25_FILE: lambda path: _write_json(
                    path,
                    {
                        "tokenizer_version": self.manifest.tokenizer_version,
                        "variant": self.manifest.bm25_variant,
                        "tokens": [list(tokens) for tokens in self.tokenized],
                    },
                ),
                PASSAGES_FILE: lambda path: _write_jsonl(path, (p.to_dict() for p in self.passages)),
                DOCUMENTS_FILE: lambda path: _write_jsonl(
                    path, (_document_to_dict(d) for d in self.documents.values())
                ),
            }
            hashes: dict[str, str] = {}
            for name, write in writers.items():
                write(staging / name)
                _fsync_file(staging / name)
                hashes[name] = sha256_file(staging / name)
            manifest = replace(self.manifest, files=hashes)
            # The manifest goes last: a folder without one is never taken for an index.
            (staging / MANIFEST_FILE).write_text(manifest.to_json(), encoding="utf-8")
            _fsync_file(staging / MANIFEST_FILE)
            _fsync_dir(staging)
            _swap_in(staging, index_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self.manifest = manifest
        logger.info("saved index of %d passages to %s", len(self.passages), index_dir)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, index_dir: Path, settings: IndexSettings, *, embedder: Embedder | None = None) -> SearchIndex:
        """Load and check the index in ``index_dir`` against ``settings``.

        Raises IndexMissingError (nothing there), IndexStaleError (another model, vector
        index kind, tokenizer or format version, or the corpus changed: says what) or
        IndexCorruptError (a file missing, truncated or edited: names it).
        """
        index_dir = Path(index_dir)
        _recover_interrupted_swap(index_dir)
        manifest_path = index_dir / MANIFEST_FILE
        manifest = read_manifest(index_dir)
        embedder = embedder if embedder is not None else SentenceTransformerEmbedder(settings.model)
        check_fresh(
            manifest,
            index_dir=index_dir,
            model=embedder.name,
            vector_index=settings.vector_index.value,
            tokenizer_version=TOKENIZER_VERSION,
            bm25_variant=DEFAULT_VARIANT.value,
            corpus_files=hash_corpus(settings.corpus_dir),
            corpus_dir=settings.corpus_dir,
            ingest_code=ingest_fingerprint(),
        )
        for name in INDEX_FILES:
            path = index_dir / name
            if name not in manifest.files:
                raise IndexCorruptError(f"index file {path} is not listed in {manifest_path}; {REBUILD_HINT}")
            if not path.is_file():
                raise IndexCorruptError(f"index file {path} is missing; {REBUILD_HINT}")
            if sha256_file(path) != manifest.files[name]:
                raise IndexCorruptError(
                    f"index file {path} does not match its checksum in {MANIFEST_FILE} (truncated or edited); "
                    f"{REBUILD_HINT}"
                )
        with _corrupt_if_unreadable(index_dir / PASSAGES_FILE):
            passages = tuple(Passage.from_dict(row) for row in _read_jsonl(index_dir / PASSAGES_FILE))
        with _corrupt_if_unreadable(index_dir / DOCUMENTS_FILE):
            documents = [_document_from_dict(row) for row in _read_jsonl(index_dir / DOCUMENTS_FILE)]
        with _corrupt_if_unreadable(index_dir / BM25_FILE):
            bm25 = json.loads((index_dir / BM25_FILE).read_text(encoding="utf-8"))
            tokenized = tuple(tuple(str(t) for t in tokens) for tokens in bm25["tokens"])
        with _corrupt_if_unreadable(index_dir / VECTORS_FILE):
            vectors = read_vector_index(index_dir / VECTORS_FILE)
            kind = vector_index_kind(vectors)
        _check_consistent(index_dir, manifest, passages, documents, tokenized, vectors, kind)
        return cls(
            settings=settings,
            documents={doc.meta.doc_id: doc for doc in documents},
            passages=passages,
            problems=tuple(LoadProblem(p["path"], p["message"]) for p in manifest.problems),
            embedder=embedder,
            manifest=manifest,
            vectors=vectors,
            tokenized=tokenized,
        )

    @classmethod
    def open(cls, settings: IndexSettings, *, embedder: Embedder | None = None, progress: bool = True) -> SearchIndex:
        """Load ``settings.index_dir`` if it is there and fresh; otherwise build and save it."""
        try:
            return cls.load(settings.index_dir, settings, embedder=embedder)
        except IndexMissingError:
            logger.info("no index at %s; building it from %s", settings.index_dir, settings.corpus_dir)
        except IndexStaleError as error:
            logger.info("rebuilding: %s", error)
        except IndexCorruptError as error:
            logger.warning("rebuilding a corrupt index: %s", error)
        index = cls.build(settings, embedder=embedder, progress=progress)
        index.save(settings.index_dir)
        return index

    # ---------------------------------------------------------------- searching

    def search(
        self,
        query: str,
        k: int = 10,
        mode: RetrievalMode = RetrievalMode.HYBRID,
        fusion: FusionMode | None = None,
    ) -> list[Hit]:
        """The ``k`` best distinct hits for ``query`` (twins folded into one hit)."""
        if k <= 0:
            raise ValueError(f"k must be greater than 0. Currently, k is {k}")
        if not query.strip():
            raise ValueError("query is empty; ask a question or give search terms")
        fusion = FusionMode(fusion) if fusion is not None else self.settings.fusion
        # Enough candidates that folding twins still leaves k distinct hits.
        candidates = min(len(self.passages), max(self.settings.candidates, k * self._widest_twin_group))
        ranking = rank_passages(
            query,
            candidates,
            RetrievalMode(mode),
            fusion,
            bm25=self._bm25,
            vector=self._vector,
            rrf_k=self.settings.rrf_k,
            vector_weight=self.settings.vector_weight,
        )
        return collect_hits(ranking, k, self.passages, self._metas, self._twins)

    def passage(self, passage_id: str) -> Passage:
        try:
            return self.passages[self._positions[passage_id]]
        except KeyError:
            raise KeyError(f"no passage {passage_id!r} in the index; passage ids look like 'doc_id#0'") from None

    def document(self, doc_id: str) -> CleanedDocument:
        try:
            return self.documents[doc_id]
        except KeyError:
            known = ", ".join(sorted(self.documents)[:5])
            raise KeyError(f"no document {doc_id!r} in the index; known ids include {known}") from None

    def embed_query(self, text: str) -> np.ndarray:
        """The normalized query vector (read-only), cached so the reader can reuse it."""
        with self._cache_lock:
            cached = self._query_cache.get(text)
            if cached is not None:
                self._query_cache.move_to_end(text)
                return cached
        vector = self.embedder.encode([text], batch_size=1)[0]
        vector.setflags(write=False)
        with self._cache_lock:
            self._query_cache[text] = vector
            if len(self._query_cache) > _QUERY_CACHE_SIZE:
                self._query_cache.popitem(last=False)
        return vector


# --------------------------------------------------------------------- helpers


def _document_to_dict(document: CleanedDocument) -> dict[str, Any]:
    return {
        "meta": document.meta.to_dict(),
        "raw_text": document.raw_text,
        "text": document.text,
        "offsets": document.offsets.to_dict(),
        "dropped": [block.to_dict() for block in document.dropped],
    }


def _document_from_dict(data: dict[str, Any]) -> CleanedDocument:
    return CleanedDocument(
        meta=DocumentMeta.from_dict(data["meta"]),
        raw_text=data["raw_text"],
        text=data["text"],
        offsets=OffsetMap.from_dict(data["offsets"]),
        dropped=tuple(
            DroppedBlock(int(b["raw_start"]), int(b["raw_end"]), str(b["reason"])) for b in data.get("dropped", [])
        ),
    )


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class _corrupt_if_unreadable:
    """Turn any parse error while reading ``path`` into IndexCorruptError naming it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: object) -> bool:
        if error is not None and isinstance(error, (ValueError, KeyError, TypeError, RuntimeError, AttributeError)):
            raise IndexCorruptError(f"index file {self.path} is unreadable ({error}); {REBUILD_HINT}") from error
        return False


def _check_consistent(
    index_dir: Path,
    manifest: Manifest,
    passages: tuple[Passage, ...],
    documents: list[CleanedDocument],
    tokenized: tuple[tuple[str, ...], ...],
    vectors: faiss.Index,
    kind: VectorIndexKind,
) -> None:
    def corrupt(name: str, what: str) -> IndexCorruptError:
        return IndexCorruptError(f"index file {index_dir / name} {what}; {REBUILD_HINT}")

    if len(passages) != manifest.passage_count:
        raise corrupt(PASSAGES_FILE, f"holds {len(passages)} passages, the manifest says {manifest.passage_count}")
    if len(documents) != manifest.document_count:
        raise corrupt(DOCUMENTS_FILE, f"holds {len(documents)} documents, the manifest says {manifest.document_count}")
    if len(tokenized) != len(passages):
        raise corrupt(BM25_FILE, f"holds {len(tokenized)} token lists for {len(passages)} passages")
    if vectors.ntotal != len(passages) or vectors.d != manifest.dimension or kind.value != manifest.vector_index:
        raise corrupt(
            VECTORS_FILE,
            f"holds {vectors.ntotal} {kind.value} vectors of dimension {vectors.d}, the manifest says "
            f"{len(passages)} {manifest.vector_index} of dimension {manifest.dimension}",
        )
    doc_ids = {doc.meta.doc_id for doc in documents}
    orphans = sorted({p.doc_id for p in passages} - doc_ids)
    if orphans:
        raise corrupt(PASSAGES_FILE, f"cites documents missing from {DOCUMENTS_FILE}: {', '.join(orphans[:3])}")


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _backup_prefix(index_dir: Path) -> str:
    return f".{index_dir.name}.old-"


def _swap_in(staging: Path, index_dir: Path) -> None:
    """Replace ``index_dir`` by ``staging``. POSIX cannot rename a folder over a non-empty
    one, so the old index is first renamed aside; load() puts it back if we die between."""
    backup: Path | None = None
    if index_dir.exists():
        backup = index_dir.parent / f"{_backup_prefix(index_dir)}{uuid.uuid4().hex}"
        os.replace(index_dir, backup)
    try:
        os.replace(staging, index_dir)
    except BaseException:
        if backup is not None:
            os.replace(backup, index_dir)
        raise
    _fsync_dir(index_dir.parent)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def _recover_interrupted_swap(index_dir: Path) -> None:
    """If a save died between its two renames, put the previous index back."""
    if index_dir.exists() or not index_dir.parent.is_dir():
        return
    backups = [
        path for path in index_dir.parent.glob(_backup_prefix(index_dir) + "*") if (path / MANIFEST_FILE).is_file()
    ]
    if not backups:
        return
    newest = max(backups, key=lambda path: path.stat().st_mtime)
    logger.warning("restoring index %s from %s (a save was interrupted)", index_dir, newest)
    os.replace(newest, index_dir)
