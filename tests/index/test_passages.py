"""Sentence splitting and passage building."""

from __future__ import annotations

import pytest

from index.cleaning import clean_text
from index.passages import MAX_WORDS, make_passages, split_sentences


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met U.S. President Joe Biden. It went well.", ["He met U.S. President Joe Biden.", "It went well."]),
        ("Ties with the U.S. and Japan grew. The status is high.", ["Ties with the U.S. and Japan grew.", "The status is high."]),
        ("He upgraded ties with the U.S. The status is high.", ["He upgraded ties with the U.S.", "The status is high."]),
        ("It aired Dec. 14 on NBC. Viewers cheered.", ["It aired Dec. 14 on NBC.", "Viewers cheered."]),
        ("Led by Gen. Wei Guoqing and Sen. Lee. Then it ended.", ["Led by Gen. Wei Guoqing and Sen. Lee.", "Then it ended."]),
        ("It is “a delicate act of hedging.” Nguyen said so.", ["It is “a delicate act of hedging.”", "Nguyen said so."]),
        ("but rather (is) a delicate act. Next one.", ["but rather (is) a delicate act.", "Next one."]),
        ('"China would like to step up cooperation ... increase the voice," Xi said. Trong agreed.',
         ['"China would like to step up cooperation ... increase the voice," Xi said.', "Trong agreed."]),
        ("Trade hit $175.6 billion in 2022. Imports make up 67%.", ["Trade hit $175.6 billion in 2022.", "Imports make up 67%."]),
        ("John F. Kennedy spoke. Crowds came!", ["John F. Kennedy spoke.", "Crowds came!"]),
        ("Was it wise? Nobody knows...", ["Was it wise?", "Nobody knows..."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def long_page() -> str:
    short = [f"Short paragraph number {i} says the council met on Monday." for i in range(6)]
    long = " ".join(f"Sentence {i} of the long paragraph explains one more detail of the plan." for i in range(20))
    return "\n\n".join(["Council approves new budget for city schools", *short, long])


def test_passages_respect_budget_and_whole_sentences() -> None:
    document = clean_text(long_page(), "doc")
    passages = make_passages(document)
    assert [p.passage_id for p in passages] == [f"doc#{i}" for i in range(len(passages))]
    for passage in passages:
        assert len(passage.text.split()) <= MAX_WORDS + 20
        assert passage.text.rstrip().endswith(".") or passage.ordinal == 0 and "." in passage.text
        # Paragraph breaks are kept, and only between whole paragraphs.
        assert all(line.strip() for line in passage.text.split("\n"))
    # Short one-sentence paragraphs are joined with neighbours, not one passage each.
    assert len(passages) < 6 + 3
    joined = " ".join(p.text for p in passages)
    assert joined.count("Sentence 19 of the long paragraph") == 1


def test_passage_offsets_map_to_raw_text_exactly() -> None:
    raw = long_page().replace("council met", "councilmet thebolsteringof", 1)
    document = clean_text(raw, "doc")
    for passage in make_passages(document):
        for run in passage.offsets.runs:
            assert passage.text[run.text_start : run.text_start + run.length] == raw[run.raw_start : run.raw_start + run.length]
        assert passage.raw_start == passage.offsets.to_raw(0, len(passage.text))[0]


def test_passage_ids_are_stable_for_the_same_content() -> None:
    first = make_passages(clean_text(long_page(), "doc"))
    second = make_passages(clean_text(long_page(), "doc"))
    assert first == second
