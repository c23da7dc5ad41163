"""`corpus-qa clean FILE [--json]` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_clean_prints_header_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(ROOT / "tests/data/pages/wire_reuters_style.txt")]) == 0
    out = capsys.readouterr().out
    assert "outlet:   Reuters" in out and "date:     2024-03-03" in out and "byline:   Maria Lopez, Tan Wei" in out
    assert "Indonesia opened the first toll road" in out and "You may also like" not in out


def test_clean_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(ROOT / "tests/data/pages/guardian_style.html"), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"meta", "text", "passages", "dropped"}
    assert payload["meta"]["outlet"] == "The Guardian"
    assert payload["passages"][0]["passage_id"] == "guardian_style#0"
    assert {"raw_start", "raw_end", "reason"} <= set(payload["dropped"][0])


@pytest.mark.parametrize(("name", "data", "words"), [("empty.txt", b"", "empty"), ("bin.txt", b"\x00" * 50, "binary")])
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["clean", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
