"""Saving, loading and checking the index: every stale and corrupt case, crash mid-save,
and concurrent searches from threads."""

from __future__ import annotations

import json
import sys
import threading
import types
from dataclasses import replace
from pathlib import Path

import pytest

import index.store as store
from index.errors import IndexCorruptError, IndexMissingError, IndexStaleError
from index.manifest import FORMAT_VERSION, ingest_fingerprint
from index.records import Corpus, FusionMode, RetrievalMode
from index.settings import IndexSettings, VectorIndexKind
from index.store import SearchIndex
from tests.fakes import HashingEmbedder, make_corpus

PAGES = {
    "alpha": "Grain exports through the port rose 12% in March.\nThe port authority blamed a storm for delays.",
    "beta": "Farmers said grain prices fell after the harvest.\nA 19-gun salute greeted the visiting minister.",
    "gamma": "Grain exports through the port rose 12% in March.\nThe minister toured the steel mill.",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in PAGES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def read_corpus(folder: Path) -> Corpus:
    """Stand-in for the cleaner's ingest_folder: one passage per line of each .txt file."""
    documents = {p.stem: p.read_text(encoding="utf-8").split("\n") for p in sorted(folder.glob("*.txt"))}
    return make_corpus(documents, {"alpha#0": ["gamma#0"]} if {"alpha", "gamma"} <= set(documents) else None)


@pytest.fixture
def settings(tmp_path: Path) -> IndexSettings:
    return IndexSettings(corpus_dir=write_corpus(tmp_path / "corpus"), index_dir=tmp_path / "index")


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make SearchIndex.build read the corpus with ``read_corpus``; records each call."""
    calls: list[Path] = []

    def ingest_folder(folder: Path, settings: IndexSettings | None = None, *, progress: bool = False) -> Corpus:
        calls.append(folder)
        return read_corpus(folder)

    module = types.ModuleType("index.ingest")
    module.ingest_folder = ingest_folder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "index.ingest", module)
    return calls


def build_and_save(settings: IndexSettings, embedder: HashingEmbedder | None = None) -> SearchIndex:
    index = SearchIndex.from_corpus(
        read_corpus(settings.corpus_dir), settings, embedder=embedder if embedder is not None else HashingEmbedder()
    )
    index.save(settings.index_dir)
    return index


def test_saved_index_has_the_documented_files_and_manifest(settings: IndexSettings) -> None:
    build_and_save(settings)
    names = sorted(p.name for p in settings.index_dir.iterdir())
    assert names == ["bm25.json", "documents.jsonl", "manifest.json", "passages.jsonl", "vectors.faiss"]
    manifest = json.loads((settings.index_dir / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"] == "fake-hashing-bow" and manifest["dimension"] == 64
    assert manifest["vector_index"] == "flat" and manifest["passage_count"] == 6
    assert sorted(manifest["corpus_files"]) == ["alpha.txt", "beta.txt", "gamma.txt"]
    assert sorted(manifest["files"]) == ["bm25.json", "documents.jsonl", "passages.jsonl", "vectors.faiss"]
    assert "faiss-cpu" in manifest["packages"]
    # No leftovers from the atomic write.
    assert [p.name for p in settings.index_dir.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("kind", list(VectorIndexKind))
def test_load_gives_the_same_search_results(settings: IndexSettings, kind: VectorIndexKind) -> None:
    settings = replace(settings, vector_index=kind)
    built = build_and_save(settings)
    loaded = SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())
    assert loaded.passages == built.passages
    assert loaded.documents == built.documents
    for mode in RetrievalMode:
        for query in ("grain exports port", "19-gun salute", "steel mill minister"):
            assert loaded.search(query, k=3, mode=mode) == built.search(query, k=3, mode=mode)


def test_missing_index_raises_index_missing(settings: IndexSettings) -> None:
    with pytest.raises(IndexMissingError, match="corpus-qa index"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_another_model_is_stale(settings: IndexSettings) -> None:
    build_and_save(settings)
    with pytest.raises(IndexStaleError, match="other-model") as caught:
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder(name="other-model"))
    assert "run `corpus-qa index` to rebuild" in str(caught.value)


def test_another_vector_index_kind_is_stale(settings: IndexSettings) -> None:
    build_and_save(settings)
    with pytest.raises(IndexStaleError, match="hnsw"):
        SearchIndex.load(
            settings.index_dir, replace(settings, vector_index=VectorIndexKind.HNSW), embedder=HashingEmbedder()
        )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda folder: (folder / "delta.txt").write_text("New page."), "added delta.txt"),
        (lambda folder: (folder / "beta.txt").unlink(), "removed beta.txt"),
        (lambda folder: (folder / "gamma.txt").write_text("Edited."), "edited gamma.txt"),
    ],
)
def test_a_changed_corpus_is_stale_and_says_what_changed(settings: IndexSettings, change, expected: str) -> None:
    build_and_save(settings)
    change(settings.corpus_dir)
    with pytest.raises(IndexStaleError, match=expected):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_another_corpus_folder_is_stale_and_names_both(settings: IndexSettings, tmp_path: Path) -> None:
    build_and_save(settings)
    other = tmp_path / "other"
    other.mkdir()
    (other / "page.txt").write_text("Something else.")
    with pytest.raises(IndexStaleError, match=f"built from corpus {settings.corpus_dir}.*{other}"):
        SearchIndex.load(settings.index_dir, replace(settings, corpus_dir=other), embedder=HashingEmbedder())


def test_a_newer_format_version_is_stale(settings: IndexSettings) -> None:
    build_and_save(settings)
    path = settings.index_dir / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["format_version"] = FORMAT_VERSION + 1
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexStaleError, match="newer"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


@pytest.mark.parametrize("recorded", ["0" * 64, None])
def test_an_index_cleaned_by_other_code_is_stale(settings: IndexSettings, recorded: str | None) -> None:
    # None: a manifest written before the fingerprint existed is stale, not corrupt.
    build_and_save(settings)
    path = settings.index_dir / "manifest.json"
    manifest = json.loads(path.read_text())
    if recorded is None:
        del manifest["ingest_fingerprint"]
    else:
        manifest["ingest_fingerprint"] = recorded
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexStaleError, match="another version of the cleaner"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_the_ingest_fingerprint_follows_the_cleaning_code_only(tmp_path: Path) -> None:
    package = Path(store.__file__).parent
    copy = tmp_path / "index"
    copy.mkdir()
    for source in package.glob("*.py"):
        (copy / source.name).write_bytes(source.read_bytes())
    original = ingest_fingerprint(copy)
    assert original == ingest_fingerprint(package)
    # Query-time code does not touch the stored passages ...
    (copy / "fusion.py").write_text((copy / "fusion.py").read_text() + "\n# tuned\n")
    assert ingest_fingerprint(copy) == original
    # ... but a module the cleaner imports, however indirectly, does.
    (copy / "text_shape.py").write_text((copy / "text_shape.py").read_text() + "\n# new rule\n")
    assert ingest_fingerprint(copy) != original


@pytest.mark.parametrize("name", ["vectors.faiss", "bm25.json", "passages.jsonl", "documents.jsonl"])
def test_a_truncated_file_is_corrupt_and_named(settings: IndexSettings, name: str) -> None:
    build_and_save(settings)
    path = settings.index_dir / name
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(IndexCorruptError, match=name):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_an_edited_file_is_corrupt(settings: IndexSettings) -> None:
    build_and_save(settings)
    path = settings.index_dir / "passages.jsonl"
    path.write_text(path.read_text().replace("Grain", "Grian"))
    with pytest.raises(IndexCorruptError, match="passages.jsonl.*checksum"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_a_missing_file_is_corrupt_and_named(settings: IndexSettings) -> None:
    build_and_save(settings)
    (settings.index_dir / "bm25.json").unlink()
    with pytest.raises(IndexCorruptError, match="bm25.json is missing"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_an_unreadable_manifest_is_corrupt_and_named(settings: IndexSettings) -> None:
    build_and_save(settings)
    (settings.index_dir / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorruptError, match="manifest.json"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_consistent_checksums_but_wrong_counts_are_corrupt(settings: IndexSettings) -> None:
    """A file rewritten with a matching checksum still has to agree with the manifest."""
    build_and_save(settings)
    passages = settings.index_dir / "passages.jsonl"
    passages.write_text("".join(passages.read_text().splitlines(keepends=True)[:-1]))
    manifest_path = settings.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["files"]["passages.jsonl"] = store.sha256_file(passages)
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError, match="passages.jsonl holds 5 passages"):
        SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_crash_mid_save_leaves_the_old_index_loadable(settings: IndexSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    old = build_and_save(settings)
    real_write_jsonl = store._write_jsonl

    def failing_write_jsonl(path: Path, rows: object) -> None:
        if path.name == "documents.jsonl":  # after vectors, bm25 and passages were written
            raise OSError("disk full (simulated)")
        real_write_jsonl(path, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_write_jsonl", failing_write_jsonl)
    new = SearchIndex.from_corpus(
        make_corpus({"alpha": ["Completely different text."]}), settings, embedder=HashingEmbedder()
    )
    with pytest.raises(OSError, match="disk full"):
        new.save(settings.index_dir)

    loaded = SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())
    assert loaded.passages == old.passages
    assert [p.name for p in settings.index_dir.parent.iterdir() if p.name.startswith(".")] == []


def test_crash_between_the_two_renames_is_recovered(settings: IndexSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    old = build_and_save(settings)
    real_replace = store.os.replace
    calls: list[tuple[Path, Path]] = []

    def dying_replace(source: Path, target: Path) -> None:
        calls.append((Path(source), Path(target)))
        if len(calls) == 2:  # the old index is aside, the new one not yet in place
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(store.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        old.save(settings.index_dir)
    monkeypatch.setattr(store.os, "replace", real_replace)
    # The save put the old index back itself; simulate a hard kill by moving it aside again.
    aside = settings.index_dir.parent / f".{settings.index_dir.name}.old-simulated"
    real_replace(settings.index_dir, aside)
    loaded = SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())
    assert loaded.passages == old.passages
    assert not aside.exists()


def test_an_index_folder_inside_the_corpus_folder_does_not_make_it_stale(tmp_path: Path) -> None:
    corpus_dir = write_corpus(tmp_path / "corpus")
    settings = IndexSettings(corpus_dir=corpus_dir, index_dir=corpus_dir / "index")
    build_and_save(settings)
    SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())


def test_saving_over_an_index_replaces_it(settings: IndexSettings) -> None:
    build_and_save(settings)
    (settings.corpus_dir / "delta.txt").write_text("A brand new page about lighthouses.")
    build_and_save(settings)
    loaded = SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())
    assert "delta" in loaded.documents


def test_open_builds_a_missing_index_and_reuses_a_fresh_one(settings: IndexSettings, fake_ingest: list[Path]) -> None:
    first = SearchIndex.open(settings, embedder=HashingEmbedder(), progress=False)
    assert (settings.index_dir / "manifest.json").is_file()
    second = SearchIndex.open(settings, embedder=HashingEmbedder(), progress=False)
    assert len(fake_ingest) == 1
    assert second.passages == first.passages


def test_open_rebuilds_a_stale_index(settings: IndexSettings, fake_ingest: list[Path]) -> None:
    SearchIndex.open(settings, embedder=HashingEmbedder(), progress=False)
    (settings.corpus_dir / "delta.txt").write_text("Lighthouse keepers went on strike.")
    rebuilt = SearchIndex.open(settings, embedder=HashingEmbedder(), progress=False)
    assert len(fake_ingest) == 2
    assert rebuilt.search("lighthouse keepers", k=1, mode=RetrievalMode.BM25)[0].passage.doc_id == "delta"


def test_open_rebuilds_a_corrupt_index_with_a_warning(
    settings: IndexSettings, fake_ingest: list[Path], caplog: pytest.LogCaptureFixture
) -> None:
    SearchIndex.open(settings, embedder=HashingEmbedder(), progress=False)
    (settings.index_dir / "vectors.faiss").write_bytes(b"garbage")
    with caplog.at_level("WARNING", logger="index.store"):
        SearchIndex.open(settings, embedder=HashingEmbedder(), progress=False)
    assert "vectors.faiss" in caplog.text
    SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())  # usable again


def test_concurrent_searches_from_threads_match_serial_results(settings: IndexSettings) -> None:
    index = build_and_save(settings)
    queries = ["grain exports", "port storm delays", "19-gun salute minister", "steel mill", "harvest prices"]
    expected = {
        (q, m, f): index.search(q, k=3, mode=m, fusion=f) for q in queries for m in RetrievalMode for f in FusionMode
    }
    fresh = SearchIndex.load(settings.index_dir, settings, embedder=HashingEmbedder())  # empty query cache
    failures: list[BaseException] = []
    barrier = threading.Barrier(8)

    def worker(offset: int) -> None:
        try:
            barrier.wait()
            keys = list(expected)
            for key in keys[offset:] + keys[:offset]:
                assert fresh.search(key[0], k=3, mode=key[1], fusion=key[2]) == expected[key]
        except BaseException as error:  # surfaced below, in the test thread
            failures.append(error)

    threads = [threading.Thread(target=worker, args=(i * 3,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
