"""Dense embeddings for passages and questions: sentence-transformers, fully offline.

The default model, all-mpnet-base-v2, and the faster all-MiniLM-L6-v2 ship in PyPI
packages (``index.packaged_models``), so nothing is downloaded. Any other model is a local
path or hub name handed to SentenceTransformer as is (with HF_HUB_OFFLINE=1 only cached hub
models load).

>>> embedder = SentenceTransformerEmbedder()      # nothing loaded yet
>>> embedder.encode(["Xi visits Hanoi"]).shape    # loads on first use
(1, 768)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from tqdm.auto import tqdm

from index.errors import ModelLoadError
from index.packaged_models import PACKAGED_MODELS, packaged_model_path
from index.settings import DEFAULT_MODEL

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

__all__ = ["DEFAULT_MODEL", "Embedder", "SentenceTransformerEmbedder", "normalize_rows", "resolve_model_path"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalized float32 rows; ``name`` is recorded in the index manifest."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray: ...


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """float32 rows of unit length (a zero row stays zero), so inner product is cosine."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2:
        raise ValueError(f"expected a 2-d array of embeddings, got shape {vectors.shape}")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def resolve_model_path(model: str) -> str:
    """The path or name SentenceTransformer should load for ``model``.

    The names of packaged models (``index.packaged_models``) map to their local folders;
    anything else passes through unchanged (a local folder or a hub name already in the cache).
    """
    if model in PACKAGED_MODELS:
        return str(packaged_model_path(model))
    return model


class SentenceTransformerEmbedder:
    """A sentence-transformers model that loads lazily, once, on first use (``warm_up``).

    Safe to share between threads: loading and encoding both hold one lock, because a
    torch module is not documented as safe for concurrent forward passes.
    """

    def __init__(self, model: str = DEFAULT_MODEL, device: str = "cpu") -> None:
        self.name = model
        self.device = device
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    def warm_up(self) -> SentenceTransformer:
        """Load the model now (idempotent); raises ModelLoadError with the fix."""
        with self._lock:
            return self._load_locked()

    def _load_locked(self) -> SentenceTransformer:
        if self._model is not None:
            return self._model
        path = resolve_model_path(self.name)
        try:
            from sentence_transformers import SentenceTransformer

            logger.info("loading embedding model %s from %s", self.name, path)
            # transformers draws a "Loading weights" bar on every load; it is noise on our stderr.
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
            self._model = SentenceTransformer(path, device=self.device)
        except Exception as error:  # torch, HF and OS errors all mean "cannot load"
            raise ModelLoadError(
                f"could not load embedding model {self.name!r} (from {path!r}) offline: {error}. "
                f"Pass a local sentence-transformers folder with --model or CORPUS_QA_MODEL, "
                f"or leave them unset to use the bundled {DEFAULT_MODEL}"
            ) from error
        return self._model

    @property
    def dimension(self) -> int:
        model = self.warm_up()
        # sentence-transformers 6 renamed the method; keep working with 3.x-5.x too.
        if hasattr(model, "get_embedding_dimension"):
            dimension = model.get_embedding_dimension()
        else:
            dimension = model.get_sentence_embedding_dimension()
        if dimension is None:  # only for exotic pooling heads; measure it instead
            dimension = int(model.encode(["dimension probe"], convert_to_numpy=True).shape[1])
        return int(dimension)

    def encode(self, texts: Sequence[str], *, batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if batch_size <= 0:
            raise ValueError(f"batch_size must be greater than 0. Currently, it is {batch_size}")
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batches: list[np.ndarray] = []
        starts = range(0, len(texts), batch_size)
        with self._lock:
            model = self._load_locked()
            for start in tqdm(starts, desc="embedding passages", unit="batch", disable=not progress):
                batch = model.encode(
                    texts[start : start + batch_size],
                    batch_size=batch_size,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
                batches.append(np.asarray(batch, dtype=np.float32))
        return normalize_rows(np.concatenate(batches, axis=0))
