"""Ingestion entry points: the seed corpus, offsets invariant everywhere, and every bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.errors import CorpusError
from index.ingest import ingest_file, ingest_folder
from index.records import Corpus, Passage
from index.settings import IndexSettings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "data" / "pages"


@pytest.fixture(scope="module")
def seed_corpus() -> Corpus:
    return ingest_folder(SEEDS)


def assert_offsets_exact(passage: Passage, raw_text: str) -> None:
    for run in passage.offsets.runs:
        assert passage.text[run.text_start : run.text_start + run.length] == raw_text[run.raw_start : run.raw_start + run.length]
    assert passage.offsets.length == len(passage.text)
    assert 0 <= passage.raw_start < passage.raw_end <= len(raw_text)


def test_seed_corpus_loads_every_page(seed_corpus: Corpus) -> None:
    assert [d.meta.doc_id for d in seed_corpus.documents] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert seed_corpus.problems == ()
    assert {d.meta.outlet for d in seed_corpus.documents} == {"AP", "The Independent", "South China Morning Post", "Reuters", "CNN"}


def test_offsets_exact_on_every_seed_passage(seed_corpus: Corpus) -> None:
    raw = {d.meta.doc_id: d.raw_text for d in seed_corpus.documents}
    for passage in seed_corpus.passages:
        assert_offsets_exact(passage, raw[passage.doc_id])
        assert passage.passage_id == f"{passage.doc_id}#{passage.ordinal}"
    for document in seed_corpus.documents:
        for run in document.offsets.runs:
            assert document.text[run.text_start : run.text_start + run.length] == document.raw_text[run.raw_start : run.raw_start + run.length]


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.*")), ids=lambda p: p.name)
def test_offsets_exact_on_synthetic_pages(page: Path) -> None:
    document, passages = ingest_file(page)
    assert passages
    for passage in passages:
        assert_offsets_exact(passage, document.raw_text)


def test_credits_are_metadata_and_searchable_text(seed_corpus: Corpus) -> None:
    for document in seed_corpus.documents:
        passages_text = " ".join(p.text for p in seed_corpus.passages if p.doc_id == document.meta.doc_id)
        for credit in document.meta.credits:
            assert credit.lstrip("• ") in passages_text


def test_glued_words_are_searchable_in_seed_passages(seed_corpus: Corpus) -> None:
    text = " ".join(p.text for p in seed_corpus.passages)
    for glued in ("thebolsteringof", "relationshipand", "withflag", "hotlineearlier", "prevention,in", 'a"China'):
        assert glued not in text


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        ingest_folder(tmp_path / "nope")


def test_path_that_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("x")
    with pytest.raises(CorpusError, match="not a folder"):
        ingest_folder(file)


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    with pytest.raises(CorpusError, match=r"holds no page \(\.txt, .*\.xml\)"):
        ingest_folder(tmp_path)


def test_folder_of_only_bad_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(CorpusError, match="no usable document") as error:
        ingest_folder(tmp_path)
    assert "empty.txt" in str(error.value) and "binary.txt" in str(error.value)


def test_bad_files_become_problems_and_the_rest_loads(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "000_dca45555f3484672.txt", tmp_path)
    shutil.copy(PAGES / "guardian_style.html", tmp_path)
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.htm").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(64)))
    (tmp_path / "c_latin1.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    (tmp_path / "d_huge.txt").write_bytes(b"Long story. " * 600)
    (tmp_path / "e_furniture.txt").write_text("Advertisement\nView\nveryGood! (5)")
    corpus = ingest_folder(tmp_path, IndexSettings(max_file_bytes=6000), progress=True)
    assert [d.meta.doc_id for d in corpus.documents] == ["000_dca45555f3484672", "guardian_style"]
    messages = {Path(problem.path).name: problem.message for problem in corpus.problems}
    assert set(messages) == {"a_empty.txt", "b_binary.htm", "c_latin1.txt", "d_huge.txt", "e_furniture.txt"}
    assert "empty" in messages["a_empty.txt"] and "binary" in messages["b_binary.htm"]
    assert "not UTF-8" in messages["c_latin1.txt"] and "over the limit" in messages["d_huge.txt"]
    assert "no article text" in messages["e_furniture.txt"]


def test_ingest_file_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CorpusError, match="empty"):
        ingest_file(empty)
    odd = tmp_path / "page.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(CorpusError, match="unsupported file type"):
        ingest_file(odd)
