"""What someone said: questions that ask for it by a verb or noun of saying, and answers given
as reported speech ("said the bridge would reopen in May") where no quote gives their words.

Sentences written for these tests (not the seeds or any gold set), read through the real spaCy
parse and sentence scoring. Each rule has a case it must change and a near miss it must leave
alone.
"""

from __future__ import annotations

import pytest

from qa.question import AnswerType, analyze_question
from tests.qa.test_reader import _qa_over
from tests.qa.test_spans import type_fits

pytestmark = pytest.mark.slow


# -- verbs and nouns of saying ask for someone's words ------------------------------------------


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("What did the geologist warn about the melting ice?", None),
        ("What did the coach insist after the defeat?", None),
        ("What did the mayor promise the flooded villages?", None),
        ("What pledge did the governor make to the miners?", "pledge"),
        ("What warning did the coastguard give to sailors?", "warning"),
    ],
)
def test_a_verb_or_noun_of_saying_asks_for_words(nlp, question: str, focus: str | None) -> None:
    analysis = analyze_question(question, nlp)
    assert (analysis.answer_type, analysis.focus) == (AnswerType.QUOTE, focus)


@pytest.mark.parametrize(
    "question",
    [
        "What did the council declare the old mill?",  # declared it a monument: no words asked for
        "What appeal did the court reject?",  # a legal appeal, not a plea
        "What did the company announce on Monday?",  # a plan or a deal, as often as words
    ],
)
def test_near_misses_of_saying_ask_for_no_quote(nlp, question: str) -> None:
    assert analyze_question(question, nlp).answer_type is not AnswerType.QUOTE


def test_the_noun_of_saying_need_not_stand_beside_the_words(nlp) -> None:
    # "pledge" only says what kind of answer is wanted: the governor's words are the pledge.
    fits = type_fits(
        nlp,
        "What pledge did the governor make to the miners?",
        'Governor Ilse Marten met the miners at the pit gate. "Not one of you will lose your home," she said.',
    )
    assert max(fits, key=fits.get) == "Not one of you will lose your home"


# -- reported speech answers when no quote does -------------------------------------------------


BRIDGE = (
    "Transport Minister Ana Holm said the bridge would reopen to traffic in May.",
    "The mayor of Lindvik said the detour through the old town would stay open until then.",
)


def test_reported_speech_answers_what_someone_said(nlp) -> None:
    fits = type_fits(nlp, "What did the transport minister say about the bridge?", *BRIDGE)
    assert max(fits, key=fits.get) == "the bridge would reopen to traffic in May"


def test_reported_speech_of_another_speaker_fits_less(nlp) -> None:
    fits = type_fits(nlp, "What did the mayor say about the detour?", *BRIDGE)
    said_by_mayor = "the detour through the old town would stay open until then"
    assert fits[said_by_mayor] > fits["the bridge would reopen to traffic in May"]


def test_a_quote_by_the_speaker_beats_their_reported_words(nlp) -> None:
    fits = type_fits(
        nlp,
        "What did Holm say about the bridge?",
        'Ana Holm said the bridge had been closed for safety checks. "We will not reopen it until '
        'every cable has been tested," she said.',
    )
    assert max(fits, key=fits.get) == "We will not reopen it until every cable has been tested"
    assert "the bridge had been closed for safety checks" in fits


def test_what_someone_called_a_thing_takes_no_reported_clause(nlp) -> None:
    # "call" asks for her words for the plan: what else she said is no answer.
    fits = type_fits(
        nlp,
        "What did the mayor call the parking plan?",
        'The mayor called the parking plan "a gift to the car parks".',
        "She said the plan would cost the town its Saturday market.",
    )
    assert "a gift to the car parks" in fits
    assert "the plan would cost the town its Saturday market" not in fits


def test_the_noun_of_saying_is_no_missing_word_beside_the_words(tmp_path) -> None:
    qa = _qa_over(tmp_path, (
        "Governor meets miners after pit closure\n\n"
        "Governor Ilse Marten met the miners of Dalby at the pit gate on Tuesday.\n\n"
        '"Not one of you will lose your home," the governor told them.\n'
    ))
    # The page never says "pledge": the governor's words are the pledge asked for.
    reading = qa.read("What pledge did the governor make to the miners?")
    assert reading.answer.candidate == "Not one of you will lose your home"
    assert reading.features["unparaphrased_terms"] == 0.0
