"""Modes, hits and twin folding, on a hand-made corpus with a fake embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.records import FusionMode, RetrievalMode
from index.retrieval import BM25Retriever, Retriever, VectorRetriever, twin_groups
from index.settings import IndexSettings
from index.store import SearchIndex
from tests.fakes import HashingEmbedder, make_corpus

DOCUMENTS = {
    "wire_a": [
        "The ferry operator raised ticket prices by 8% on Monday.",
        "Dock workers threatened a strike over night shifts.",
        "The mayor opened a new cycling bridge downtown.",
    ],
    "wire_b": [
        "The ferry operator raised ticket prices by 8% on Monday.",
        "Dock workers threatened a strike over night shifts.",
    ],
    "local": [
        "Ferry tickets now cost more, commuters complained.",
        "A bakery won the regional bread award.",
        "Night shifts at the docks will be shortened, the union said.",
    ],
}
TWINS = {"wire_a#0": ["wire_b#0"], "wire_a#1": ["wire_b#1"]}


@pytest.fixture(scope="module")
def search_index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    corpus_dir = tmp_path_factory.mktemp("corpus")
    settings = IndexSettings(corpus_dir=corpus_dir, index_dir=corpus_dir / ".index", candidates=5)
    return SearchIndex.from_corpus(make_corpus(DOCUMENTS, TWINS), settings, embedder=HashingEmbedder())


def test_retrievers_share_the_protocol() -> None:
    assert issubclass(BM25Retriever, Retriever)
    assert issubclass(VectorRetriever, Retriever)


def test_twin_groups_are_symmetric_but_not_chained() -> None:
    corpus = make_corpus({"a": ["x"], "b": ["x", "x2"], "c": ["x"], "d": ["y"]}, {"a#0": ["b#0"], "b#0": ["c#0"]})
    # make_corpus links both ways; drop one direction to check symmetry is restored.
    one_way = [
        p if p.passage_id != "c#0" else type(p)(**{**{f: getattr(p, f) for f in p.__slots__}, "twins": ()})
        for p in corpus.passages
    ]
    groups = twin_groups(one_way)
    assert [p.passage_id for p in groups["c#0"]] == ["b#0"]
    assert [p.passage_id for p in groups["b#0"]] == ["a#0", "c#0"]
    assert [p.passage_id for p in groups["a#0"]] == ["b#0"]  # not c#0: links do not chain
    assert groups["d#0"] == () and groups["b#1"] == ()


def test_a_passage_whose_twin_was_folded_elsewhere_is_not_shown_again(tmp_path: Path) -> None:
    """Outlets split the same lead differently: a#0 ~ b#0 and a#0 ~ b#1."""
    corpus = make_corpus(
        {
            "a": ["Harbour fees rose. Ferry tickets too.", "Unrelated bakery news."],
            "b": ["Harbour fees rose.", "Ferry tickets too.", "Other bakery news."],
        },
        {"a#0": ["b#0", "b#1"]},
    )
    index = SearchIndex.from_corpus(corpus, IndexSettings(corpus_dir=tmp_path), embedder=HashingEmbedder())
    whole = index.search("ferry tickets harbour fees", k=5, mode=RetrievalMode.BM25)
    assert whole[0].passage.passage_id == "a#0"
    assert [t.passage_id for t in whole[0].twins] == ["b#0", "b#1"]
    assert {h.passage.passage_id for h in whole} & {"b#0", "b#1"} == set()

    # b#1 ranks first and folds a#0; b#0 (a#0's other twin) must not come back on its own.
    part = index.search("ferry tickets", k=5, mode=RetrievalMode.VECTOR)
    assert part[0].passage.passage_id == "b#1"
    assert [t.passage_id for t in part[0].twins] == ["a#0"]
    assert "b#0" not in {h.passage.passage_id for h in part}


@pytest.mark.parametrize("mode", list(RetrievalMode))
def test_twins_come_back_as_one_hit_listing_the_others(search_index: SearchIndex, mode: RetrievalMode) -> None:
    hits = search_index.search("ferry operator ticket prices", k=3, mode=mode)
    ids = [h.passage.passage_id for h in hits]
    assert len(ids) == len(set(ids))
    first_wire = next(h for h in hits if h.passage.passage_id in ("wire_a#0", "wire_b#0"))
    assert {first_wire.passage.passage_id, *(t.passage_id for t in first_wire.twins)} == {"wire_a#0", "wire_b#0"}
    assert [d.doc_id for d in first_wire.twin_documents] == [t.doc_id for t in first_wire.twins]
    assert not ({"wire_a#0", "wire_b#0"} - {first_wire.passage.passage_id}) & set(ids)


def test_k_counts_distinct_hits(search_index: SearchIndex) -> None:
    hits = search_index.search("ferry dock workers strike night shifts tickets", k=4, mode=RetrievalMode.VECTOR)
    assert len(hits) == 4
    assert [h.rank for h in hits] == [1, 2, 3, 4]
    covered = [pid for h in hits for pid in (h.passage.passage_id, *(t.passage_id for t in h.twins))]
    assert len(covered) == len(set(covered)) > 4


def test_bm25_mode_fills_only_bm25_fields(search_index: SearchIndex) -> None:
    hit = search_index.search("bakery bread award", k=1, mode=RetrievalMode.BM25)[0]
    assert hit.passage.passage_id == "local#1"
    assert hit.bm25_rank == 1 and hit.bm25_score == hit.fused_score
    assert hit.vector_rank is None and hit.vector_score is None
    assert hit.document.doc_id == "local" and hit.document.outlet == "Outlet local"


def test_vector_mode_fills_only_vector_fields(search_index: SearchIndex) -> None:
    hit = search_index.search("bakery bread award", k=1, mode=RetrievalMode.VECTOR)[0]
    assert hit.vector_rank == 1 and hit.vector_score == hit.fused_score
    assert hit.bm25_rank is None and hit.bm25_score is None


@pytest.mark.parametrize("fusion", list(FusionMode))
def test_hybrid_hits_carry_both_components_where_present(search_index: SearchIndex, fusion: FusionMode) -> None:
    hits = search_index.search("cycling bridge mayor", k=3, fusion=fusion)
    assert hits[0].passage.passage_id == "wire_a#2"
    assert hits[0].bm25_rank == 1 and hits[0].vector_rank == 1
    assert all(a.fused_score >= b.fused_score for a, b in zip(hits, hits[1:]))
    assert any(h.bm25_rank is None for h in hits)  # vector-only hits keep None for BM25


def test_hit_to_dict_lists_twins_as_also_in(search_index: SearchIndex) -> None:
    hit = search_index.search("ferry operator raised ticket prices", k=1, mode=RetrievalMode.BM25)[0]
    row = hit.to_dict()
    assert row["also_in"] and row["also_in"][0]["doc_id"] != row["doc_id"]


def test_bad_queries_are_refused_with_the_value(search_index: SearchIndex) -> None:
    with pytest.raises(ValueError, match="k must be greater than 0"):
        search_index.search("ferry", k=0)
    with pytest.raises(ValueError, match="query is empty"):
        search_index.search("   ")


def test_passage_and_document_lookup(search_index: SearchIndex) -> None:
    assert search_index.passage("local#2").text.startswith("Night shifts")
    assert search_index.document("wire_b").meta.doc_id == "wire_b"
    with pytest.raises(KeyError, match="nope"):
        search_index.passage("nope")
    with pytest.raises(KeyError, match="nope"):
        search_index.document("nope")


def test_embed_query_is_cached_and_read_only(tmp_path: Path) -> None:
    embedder = HashingEmbedder()
    index = SearchIndex.from_corpus(make_corpus(DOCUMENTS), IndexSettings(corpus_dir=tmp_path), embedder=embedder)
    calls = embedder.calls
    first = index.embed_query("ferry prices")
    index.search("ferry prices", k=2)
    assert index.embed_query("ferry prices") is first
    assert embedder.calls == calls + 1
    assert not first.flags.writeable


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_index() -> SearchIndex:
    """The real cleaner on the seed pages; the fake embedder keeps it fast."""
    return SearchIndex.build(IndexSettings(corpus_dir=SEEDS), embedder=HashingEmbedder(), progress=False)


@pytest.mark.parametrize("mode", list(RetrievalMode))
def test_seed_hits_never_repeat_a_passage_or_its_twin(seed_index: SearchIndex, mode: RetrievalMode) -> None:
    assert any(p.twins for p in seed_index.passages), "the cleaner links the two copies of the wire story"
    for query in ("prime minister National Assembly", "trade turnover imports", "South China Sea claims"):
        hits = seed_index.search(query, k=8, mode=mode)
        covered = [pid for h in hits for pid in (h.passage.passage_id, *(t.passage_id for t in h.twins))]
        assert len(covered) == len(set(covered)), query
        for hit in hits:
            assert all(t.doc_id != hit.passage.doc_id for t in hit.twins)


def test_seed_index_round_trips_through_save_and_load(seed_index: SearchIndex, tmp_path: Path) -> None:
    seed_index.save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index", seed_index.settings, embedder=HashingEmbedder())
    assert loaded.passages == seed_index.passages
    assert loaded.documents == seed_index.documents
    assert loaded.problems == seed_index.problems
    query = "community with a shared future"
    assert loaded.search(query, k=5) == seed_index.search(query, k=5)
