"""`corpus-qa index` and `corpus-qa search` through cli.main, as a user runs them."""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest

import index.store as store
from index.records import Corpus
from index.settings import IndexSettings
from qa.cli import main
from tests.fakes import HashingEmbedder, make_corpus

PAGES = {
    "harbour": "Ferry tickets rose 8% on Monday.\nDock workers threatened a 48-hour strike.",
    "council": "The council approved a $12.5 million cycling bridge.\nThe mayor cut the ribbon.",
}


@pytest.fixture
def fake_model_and_ingest(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model and the cleaner are not the subject here: a hashing embedder and a
    line-per-passage reader stand in, so these tests run in well under a second."""
    monkeypatch.setattr(store, "SentenceTransformerEmbedder", lambda model: HashingEmbedder(name=model))

    def ingest_folder(folder: Path, settings: IndexSettings | None = None, *, progress: bool = False) -> Corpus:
        return make_corpus({p.stem: p.read_text().split("\n") for p in sorted(folder.glob("*.txt"))})

    module = types.ModuleType("index.ingest")
    module.ingest_folder = ingest_folder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "index.ingest", module)


@pytest.fixture
def corpus_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / f"{name}.txt").write_text(text)
    for variable in ("INDEX_DIR", "CORPUS_DIR", "MODEL", "VECTOR_INDEX", "FUSION"):
        monkeypatch.delenv(f"CORPUS_QA_{variable}", raising=False)
    return folder


@pytest.mark.usefixtures("fake_model_and_ingest")
def test_index_prints_a_summary_and_writes_the_index(corpus_dir: Path, tmp_path: Path, capsys) -> None:
    index_dir = tmp_path / "idx"
    code = main(["index", "--corpus", str(corpus_dir), "--index-dir", str(index_dir), "--vector-index", "hnsw"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2 documents, 4 passages, 0 problems" in out
    manifest = json.loads((index_dir / "manifest.json").read_text())
    assert manifest["vector_index"] == "hnsw"
    # Searching uses the kind that was built; it is not "stale" for lacking --vector-index.
    assert main(["search", "dock strike", "--corpus", str(corpus_dir), "--index-dir", str(index_dir), "-k", "1"]) == 0
    assert "harbour#1" in capsys.readouterr().out


@pytest.mark.usefixtures("fake_model_and_ingest")
def test_search_builds_a_missing_index_and_says_so(corpus_dir: Path, tmp_path: Path, capsys) -> None:
    index_dir = tmp_path / "idx"
    code = main(["search", "cycling bridge", "--corpus", str(corpus_dir), "--index-dir", str(index_dir), "-k", "1"])
    captured = capsys.readouterr()
    assert code == 0
    assert "no index at" in captured.err and "building" in captured.err
    assert "council#0" in captured.out and "cycling bridge" in captured.out
    assert (index_dir / "manifest.json").is_file()


@pytest.mark.usefixtures("fake_model_and_ingest")
def test_search_json_has_scores_and_ranks(corpus_dir: Path, tmp_path: Path, capsys) -> None:
    index_dir = tmp_path / "idx"
    assert main(["index", "--corpus", str(corpus_dir), "--index-dir", str(index_dir)]) == 0
    capsys.readouterr()
    args = ["search", "dock strike", "--corpus", str(corpus_dir), "--index-dir", str(index_dir), "--json"]
    assert main([*args, "--mode", "bm25", "-k", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["passage_id"] == "harbour#1"
    assert hits[0]["bm25_rank"] == 1 and hits[0]["vector_rank"] is None
    assert main([*args, "--mode", "hybrid", "--fusion", "weighted"]) == 0
    hybrid = json.loads(capsys.readouterr().out)
    assert hybrid[0]["passage_id"] == "harbour#1"
    assert hybrid[0]["bm25_rank"] is not None and hybrid[0]["vector_rank"] is not None


@pytest.mark.usefixtures("fake_model_and_ingest")
def test_search_on_a_corrupt_index_exits_with_one_line_naming_the_file(
    corpus_dir: Path, tmp_path: Path, capsys
) -> None:
    index_dir = tmp_path / "idx"
    assert main(["index", "--corpus", str(corpus_dir), "--index-dir", str(index_dir)]) == 0
    (index_dir / "bm25.json").write_text("{}")
    capsys.readouterr()
    code = main(["search", "ferry", "--corpus", str(corpus_dir), "--index-dir", str(index_dir)])
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1
    assert "bm25.json" in err and "corpus-qa index" in err and "Traceback" not in err


@pytest.mark.usefixtures("fake_model_and_ingest")
def test_search_on_a_stale_index_refuses_and_says_why(corpus_dir: Path, tmp_path: Path, capsys) -> None:
    index_dir = tmp_path / "idx"
    assert main(["index", "--corpus", str(corpus_dir), "--index-dir", str(index_dir)]) == 0
    (corpus_dir / "extra.txt").write_text("A new page.")
    capsys.readouterr()
    code = main(["search", "ferry", "--corpus", str(corpus_dir), "--index-dir", str(index_dir)])
    err = capsys.readouterr().err
    assert code != 0 and "added extra.txt" in err and "corpus-qa index" in err


@pytest.mark.usefixtures("fake_model_and_ingest")
def test_index_dir_defaults_to_the_environment(corpus_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CORPUS_QA_INDEX_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("CORPUS_QA_CORPUS_DIR", str(corpus_dir))
    assert main(["index"]) == 0
    assert (tmp_path / "from-env" / "manifest.json").is_file()


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("index.ingest") is None, reason="index.ingest (the cleaner) not written yet"
)
def test_real_model_end_to_end_on_the_seed_corpus(tmp_path: Path, capsys, monkeypatch) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for variable in ("INDEX_DIR", "CORPUS_DIR", "MODEL", "VECTOR_INDEX", "FUSION"):
        monkeypatch.delenv(f"CORPUS_QA_{variable}", raising=False)
    index_dir = tmp_path / "idx"
    assert main(["index", "--corpus", str(seeds), "--index-dir", str(index_dir)]) == 0
    assert "5 documents" in capsys.readouterr().out
    assert (
        main(["search", "gun salute", "--corpus", str(seeds), "--index-dir", str(index_dir), "--json", "-k", "3"]) == 0
    )
    hits = json.loads(capsys.readouterr().out)
    assert hits and any("salute" in hit["text"] for hit in hits)
    assert all(hit["vector_score"] is not None or hit["bm25_score"] is not None for hit in hits)
