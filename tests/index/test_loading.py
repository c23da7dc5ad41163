"""Reading corpus files: each bad input gets a clear CorpusError naming the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import CorpusError
from index.loading import read_corpus_file


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_utf8_text_verbatim(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Line one\r\nXi’s visit\n".encode())
    loaded = read_corpus_file(path, 1000)
    assert loaded.raw_text == "Line one\r\nXi’s visit\n"  # no newline normalisation: offsets stay true
    assert loaded.doc_id == "a" and loaded.encoding == "utf-8" and not loaded.is_html
    assert len(loaded.sha256) == 64


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    loaded = read_corpus_file(write(tmp_path, "b.html", b"\xef\xbb\xbf<p>Hi there</p>"), 1000)
    assert loaded.raw_text == "<p>Hi there</p>" and loaded.encoding == "utf-8-sig" and loaded.is_html


@pytest.mark.parametrize("data", [b"", b"   \n\n  \t"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(CorpusError, match="empty"):
        read_corpus_file(write(tmp_path, "empty.txt", data), 1000)


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(CorpusError, match="binary"):
        read_corpus_file(write(tmp_path, "image.txt", png), 10_000)


def test_non_utf8_file_names_byte_and_likely_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", "Café in Hanoi, “quoted”".encode("cp1252"))
    with pytest.raises(CorpusError) as error:
        read_corpus_file(path, 1000)
    message = str(error.value)
    assert "not UTF-8" in message and "0xe9" in message and "cp1252" in message and "iconv" in message


def test_utf16_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="UTF-16"):
        read_corpus_file(write(tmp_path, "wide.txt", "Hello".encode("utf-16")), 1000)


def test_huge_file(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", b"word " * 400)
    with pytest.raises(CorpusError, match="over the limit of 1,000 bytes"):
        read_corpus_file(path, 1000)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        read_corpus_file(tmp_path / "nope.txt", 1000)
