"""One typed settings object for ingestion and retrieval.

Defaults here; ``qa.settings.Settings.from_env`` applies ``CORPUS_QA_*`` env vars and the
CLI applies flags on top, always with ``dataclasses.replace`` (settings are frozen).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from index.records import FusionMode

# Selects the offline, pip-shipped all-mpnet-base-v2 (index.packaged_models); "all-MiniLM-L6-v2"
# selects the faster bundled one. Any other value is handed to SentenceTransformer as a local
# path or hub name. On six development corpora mpnet put the answer sentence first more often
# and, recalibrated, raised answer F1 (README, "Embedding model").
DEFAULT_MODEL = "all-mpnet-base-v2"


class VectorIndexKind(str, Enum):
    FLAT = "flat"  # exact inner product
    HNSW = "hnsw"  # approximate, for large corpora


@dataclass(frozen=True, slots=True)
class IndexSettings:
    corpus_dir: Path = Path("seeds")
    index_dir: Path = Path(".corpus-qa-index")
    model: str = DEFAULT_MODEL
    vector_index: VectorIndexKind = VectorIndexKind.FLAT
    fusion: FusionMode = FusionMode.WEIGHTED_SCORE  # measured better than RRF; see index/fusion.py
    rrf_k: int = 60
    vector_weight: float = 0.5  # only for FusionMode.WEIGHTED_SCORE; 0.4–0.6 measured alike
    candidates: int = 50  # per component retriever, before fusion
    batch_size: int = 32
    max_file_bytes: int = 5_000_000  # larger corpus files are skipped with a message

    def __post_init__(self) -> None:
        if self.rrf_k <= 0:
            raise ValueError(f"rrf_k must be greater than 0. Currently, rrf_k is {self.rrf_k}")
        if not 0.0 <= self.vector_weight <= 1.0:
            raise ValueError(f"vector_weight must be in [0, 1]. Currently, it is {self.vector_weight}")
        if self.candidates <= 0:
            raise ValueError(f"candidates must be greater than 0. Currently, it is {self.candidates}")
        if self.batch_size <= 0:
            raise ValueError(f"batch_size must be greater than 0. Currently, it is {self.batch_size}")
