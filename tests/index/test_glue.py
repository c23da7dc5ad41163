"""Glued-word repair: confident splits only, names and tokens that are not prose untouched."""

from __future__ import annotations

import pytest

from index.glue import repair, repair_points


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("thebolsteringof", "the bolstering of"),
        ("relationshipand", "relationship and"),
        ("withflag-waving", "with flag-waving"),
        ("forCNN’s", "for CNN’s"),
        ("hotlineearlier", "hotline earlier"),
        ("prevention,in", "prevention, in"),
        ('a"China-Vietnam', 'a "China-Vietnam'),
        ("the bridgeacross the river", "the bridge across the river"),
    ],
)
def test_glued_words_are_split(glued: str, fixed: str) -> None:
    assert repair(glued) == fixed


@pytest.mark.parametrize(
    "word",
    [
        "Pham", "Krajcik", "ISEAS-Yusof", "Hanoi", "COVID-19", "e-mail", "https://example.com/thebolsteringof",
        "dorian@example.com", "1,000", "$175.6", "iPhone", "eBay", "YouTube", "Huizhong", "Balistreri",
        "worldbuilding", "unceasingly", "phraseology", "newsletter", "Liyuan", "e.g.,it", "future,”", "“shared",
        "antiestablishment",
    ],
)
def test_words_that_must_not_be_split(word: str) -> None:
    assert repair(word) == word


def test_repair_points_index_the_original_text() -> None:
    text = "call for thebolsteringof ties"
    assert repair_points(text) == [12, 22]
