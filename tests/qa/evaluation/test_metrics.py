"""EM and F1 against cases worked out by hand from the SQuAD v1.1 definitions."""

from __future__ import annotations

import pytest

from qa.evaluation.metrics import (
    best_exact_match,
    best_f1,
    exact_match_score,
    f1_score,
    normalize_answer,
)


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("The Eiffel Tower", "eiffel tower"),
        ("  an   apple, a pear!  ", "apple pear"),
        ("$175.6 billion", "1756 billion"),  # punctuation is deleted, not replaced by a space
        ("67%", "67"),
        ("Theater then", "theater then"),  # articles only as whole words
        ("U.S. and Japan", "us and japan"),
        ("“shared future”", "shared future"),  # typographic quotes fold to ASCII, then drop
    ],
)
def test_normalize_answer(text: str, normalized: str) -> None:
    assert normalize_answer(text) == normalized


def test_exact_match_ignores_case_articles_and_punctuation() -> None:
    assert exact_match_score("The Eiffel Tower", "eiffel tower") == 1.0
    assert exact_match_score("Eiffel Tower.", "the eiffel   tower") == 1.0
    assert exact_match_score("Eiffel", "Eiffel Tower") == 0.0


def test_f1_partial_overlap() -> None:
    # prediction "vuong dinh hue chairman" vs truth "vuong dinh hue": overlap 3,
    # precision 3/4, recall 3/3 -> F1 = 2 * 0.75 * 1 / 1.75 = 6/7
    assert f1_score("Vuong Dinh Hue, chairman", "Vuong Dinh Hue") == pytest.approx(6 / 7)
    # "the united states" vs "united states of america": tokens [united, states] vs
    # [united, states, of, america]: p = 1, r = 1/2 -> F1 = 2/3
    assert f1_score("the United States", "United States of America") == pytest.approx(2 / 3)


def test_f1_counts_repeated_tokens_once_per_occurrence() -> None:
    # prediction [new, new, york] vs truth [new, york]: common = {new: 1, york: 1} -> 2
    # p = 2/3, r = 1 -> F1 = 0.8
    assert f1_score("new new york", "New York") == pytest.approx(0.8)


def test_f1_no_overlap_and_empty() -> None:
    assert f1_score("Hanoi", "Beijing") == 0.0
    assert f1_score("the", "a") == 0.0  # both normalize to nothing: no overlap, 0 as in SQuAD


def test_max_over_ground_truths_and_refusal() -> None:
    answers = ["$175.6 billion", "175.6 billion dollars"]
    assert best_exact_match("175.6 billion", answers) == 1.0  # "$" is punctuation: both "1756 billion"
    assert best_exact_match("175.6 million", answers) == 0.0
    # "1756" vs ["1756", "billion"]: p = 1, r = 1/2 -> 2/3; vs 3 tokens: p = 1, r = 1/3 -> 1/2
    assert best_f1("175.6", answers) == pytest.approx(2 / 3)
    assert best_exact_match(None, answers) == 0.0
    assert best_f1(None, answers) == 0.0
    assert best_f1("anything", []) == 0.0


def test_typographic_quotes_count_as_their_ascii_forms() -> None:
    from qa.evaluation.metrics import exact_match_score, normalize_answer

    assert exact_match_score("China’s “shared future”", "China's \"shared future\"") == 1.0
    assert normalize_answer("“Two Corridors, One Belt”") == "two corridors one belt"
