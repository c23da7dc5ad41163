"""Packaged models: a zip archive cut into parts is unpacked in place, safely, once."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from index.errors import ModelLoadError
from index.packaged_models import (
    MINILM,
    MPNET,
    _JoinedFiles,
    _part_files,
    packaged_model_path,
    unpack_split_archive,
)


def _split_archive(tmp_path: Path, members: dict[str, bytes], pieces: int = 3) -> list[Path]:
    """A zip of ``members`` cut into ``pieces`` files laid out like the PyPI parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    blob = buffer.getvalue()
    size = -(-len(blob) // pieces)
    parts = []
    for number in range(pieces):
        folder = tmp_path / "site" / f"model-pypi-part_{number + 1:03d}" / "input"
        folder.mkdir(parents=True)
        part = folder / f"model.zip.{number + 1:03d}"
        part.write_bytes(blob[number * size : (number + 1) * size])
        parts.append(part)
    return parts


def _members() -> dict[str, bytes]:
    rng = random.Random(7)
    return {
        "model/config.json": b'{"hidden_size": 8}',
        "model/weights.bin": bytes(rng.randrange(256) for _ in range(50_000)),  # incompressible: spans parts
        "model/1_Pooling/config.json": b"{}",
        "model/desktop.ini": b"[junk]",
        "model/../escaped.txt": b"outside",
        "other/readme.txt": b"not the model",
    }


def test_a_split_archive_unpacks_the_model_folder_only(tmp_path: Path) -> None:
    parts = _split_archive(tmp_path, _members())
    target = unpack_split_archive(parts, tmp_path / "cache" / "model", "model")
    assert target == tmp_path / "cache" / "model"
    assert (target / "weights.bin").read_bytes() == _members()["model/weights.bin"]
    assert (target / "1_Pooling" / "config.json").read_bytes() == b"{}"
    assert not (target / "desktop.ini").exists()
    assert not (tmp_path / "cache" / "escaped.txt").exists() and not (tmp_path / "cache" / "other").exists()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["model"]  # no staging folder left


def test_an_unpacked_model_is_not_read_again(tmp_path: Path) -> None:
    parts = _split_archive(tmp_path, _members())
    first = unpack_split_archive(parts, tmp_path / "cache" / "model", "model")
    for part in parts:
        part.unlink()
    assert unpack_split_archive(parts, tmp_path / "cache" / "model", "model") == first


def test_a_damaged_part_is_a_clear_error_and_leaves_nothing_behind(tmp_path: Path) -> None:
    parts = _split_archive(tmp_path, _members())
    damaged = bytearray(parts[1].read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    parts[1].write_bytes(bytes(damaged))
    with pytest.raises(ModelLoadError, match="force-reinstall model-pypi-part-001"):
        unpack_split_archive(parts, tmp_path / "cache" / "model", "model")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_missing_part_is_a_clear_error(tmp_path: Path) -> None:
    parts = _split_archive(tmp_path, _members())
    parts[2].unlink()
    with pytest.raises(ModelLoadError, match="could not unpack the model model"):
        unpack_split_archive(parts, tmp_path / "cache" / "model", "model")


def test_joined_files_read_and_seek_as_one_file(tmp_path: Path) -> None:
    chunks = [bytes(range(i, i + 40)) for i in (0, 50, 100)]
    paths = []
    for number, chunk in enumerate(chunks):
        paths.append(tmp_path / f"p{number}")
        paths[-1].write_bytes(chunk)
    whole = b"".join(chunks)
    rng = random.Random(3)
    with _JoinedFiles(paths) as joined:
        assert joined.read() == whole
        for _ in range(200):
            start, length = rng.randrange(len(whole) + 5), rng.randrange(90)
            joined.seek(start)
            assert joined.read(length) == whole[start : start + length]
        assert joined.seek(-5, io.SEEK_END) == len(whole) - 5 and joined.read() == whole[-5:]


def test_unknown_names_and_missing_packages_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="not a packaged model"):
        packaged_model_path("no-such-model")
    with pytest.raises(ModelLoadError, match="pip install no-such-dist-xyz"):
        _part_files(["no-such-dist-xyz"])


def test_the_installed_models_resolve_to_loadable_folders(tmp_path: Path) -> None:
    mpnet = packaged_model_path(MPNET, cache_root=tmp_path)
    assert mpnet == tmp_path / f"{MPNET}-0.0.1"  # the pinned parts' version
    assert (mpnet / "model.safetensors").stat().st_size > 400_000_000
    assert (mpnet / "modules.json").is_file()
    assert (packaged_model_path(MINILM) / "config.json").is_file()
