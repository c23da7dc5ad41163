"""Near-duplicate passages across documents are linked both ways; unrelated ones are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_folder
from index.records import Corpus, OffsetMap, OffsetRun, Passage
from index.twins import TWIN_THRESHOLD, link_twins, shingles, similar_pairs


@pytest.fixture(scope="module")
def seed_corpus() -> Corpus:
    return ingest_folder(Path(__file__).resolve().parents[2] / "seeds")


def passage(doc_id: str, ordinal: int, text: str) -> Passage:
    offsets = OffsetMap(runs=(OffsetRun(0, 0, len(text)),), length=len(text))
    return Passage(f"{doc_id}#{ordinal}", doc_id, ordinal, text, 0, len(text), offsets)


WIRE = (
    "Chinese leader Xi Jinping met with Vietnam’s prime minister on Wednesday, on the second day of his "
    "visit to shore up Beijing’s relationship with Hanoi, officials said."
)
REPOST = (
    "Chinese leader Xi Jinping has met with Vietnam's prime minister on Wednesday, on the second day of his "
    "visit to shore up Beijing's relationship with Hanoi, officials said."
)
OTHER = (
    "Ties between China and Vietnam entered a new phase as Xi wrapped up a two-day visit to the "
    "neighbouring country on Wednesday after striking a deal with Hanoi."
)


def test_quote_style_and_small_edits_still_make_twins() -> None:
    linked = link_twins((passage("a", 0, WIRE), passage("b", 0, REPOST), passage("c", 0, OTHER)))
    assert linked[0].twins == ("b#0",) and linked[1].twins == ("a#0",) and linked[2].twins == ()


def test_same_document_passages_are_never_twins() -> None:
    linked = link_twins((passage("a", 0, WIRE), passage("a", 1, WIRE)))
    assert all(p.twins == () for p in linked)


def test_shingles_fold_case_quotes_and_punctuation() -> None:
    assert shingles("Vietnam’s PRIME minister!") == shingles("vietnam's prime, minister")


def test_similarity_gap_on_seeds(seed_corpus: Corpus) -> None:
    """The measured distribution that justifies TWIN_THRESHOLD: twins far above, others far below."""
    pairs = similar_pairs(seed_corpus.passages)
    twins = [pair for pair in pairs if pair.similarity >= TWIN_THRESHOLD]
    others = [pair for pair in pairs if pair.similarity < TWIN_THRESHOLD]
    assert twins and all({pair.left[:3], pair.right[:3]} == {"000", "001"} for pair in twins)
    assert min(pair.similarity for pair in twins) >= TWIN_THRESHOLD + 0.15
    assert max(pair.similarity for pair in others) <= TWIN_THRESHOLD - 0.15
    # Every article passage of the AP story in 000 has a twin in 001 and vice versa.
    by_id = {p.passage_id: p for p in seed_corpus.passages}
    for doc in ("000", "001"):
        assert all(p.twins for p in by_id.values() if p.doc_id.startswith(doc))
    for p in by_id.values():
        for twin in p.twins:
            assert p.passage_id in by_id[twin].twins
