"""Small deterministic stand-ins for tests where the embedding model is not the subject."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from index.embedding import normalize_rows
from index.records import CleanedDocument, Corpus, DocumentMeta, OffsetMap, OffsetRun, Passage

_WORD = re.compile(r"[^\W_]+")


class HashingEmbedder:
    """Hashed bag-of-words vectors, L2-normalized: texts sharing words point the same way.

    >>> first, second = HashingEmbedder().encode(["harbour fees", "fees harbour"])
    >>> bool((first == second).all())
    True
    """

    def __init__(self, dimension: int = 64, name: str = "fake-hashing-bow") -> None:
        self.name = name
        self.dimension = dimension
        self.calls = 0  # how many encode calls were made (to check query caching)

    def _bucket(self, word: str) -> tuple[int, float]:
        digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dimension, 1.0 if (value >> 32) & 1 else -1.0

    def encode(self, texts: Sequence[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        self.calls += 1
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.casefold()):
                column, sign = self._bucket(word)
                vectors[row, column] += sign
        return normalize_rows(vectors)


def make_corpus(documents: dict[str, list[str]], twins: dict[str, list[str]] | None = None) -> Corpus:
    """A hand-made Corpus: each document's paragraphs become its passages, in order.

    ``documents`` maps doc id to paragraphs; ``twins`` maps a passage id ("doc#0") to the
    passage ids it duplicates (linked both ways, as ingestion links them).
    """
    links: dict[str, set[str]] = {}
    for source, targets in (twins if twins is not None else {}).items():
        for target in targets:
            links.setdefault(source, set()).add(target)
            links.setdefault(target, set()).add(source)
    cleaned: list[CleanedDocument] = []
    passages: list[Passage] = []
    for doc_id, paragraphs in documents.items():
        raw_text = "\n".join(paragraphs)
        meta = DocumentMeta(doc_id=doc_id, path=f"{doc_id}.txt", outlet=f"Outlet {doc_id}", headline=paragraphs[0][:40])
        cleaned.append(
            CleanedDocument(
                meta=meta,
                raw_text=raw_text,
                text=raw_text,
                offsets=OffsetMap(runs=(OffsetRun(0, 0, len(raw_text)),), length=len(raw_text)),
            )
        )
        start = 0
        for ordinal, paragraph in enumerate(paragraphs):
            passage_id = f"{doc_id}#{ordinal}"
            passages.append(
                Passage(
                    passage_id=passage_id,
                    doc_id=doc_id,
                    ordinal=ordinal,
                    text=paragraph,
                    raw_start=start,
                    raw_end=start + len(paragraph),
                    offsets=OffsetMap(runs=(OffsetRun(0, start, len(paragraph)),), length=len(paragraph)),
                    twins=tuple(sorted(links.get(passage_id, ()))),
                )
            )
            start += len(paragraph) + 1
    return Corpus(documents=tuple(cleaned), passages=tuple(passages))


def write_pages(folder: Path, pages: Mapping[str, str]) -> Path:
    """A corpus folder holding one UTF-8 text file per name (``{"boat.txt": "..."}``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
