"""Candidates of the wrong kind: a figure in a unit of another kind than the question measures
("two kilometres" for "How hot ...?"), and a person question whose best candidate is nobody's
name. On text written for these tests (not the seeds or any gold set), through the real spaCy
parse; each rule has a case it must change and a near miss it must leave.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.qa.test_answer_kinds import needs_wordnet, wordnet_fits
from tests.qa.test_reader import _qa_over
from tests.qa.test_spans import candidates

pytestmark = pytest.mark.slow


# -- a figure in another kind of unit ----------------------------------------------------------

QUARRY_BLAST = (
    "The blast at the Tarrow quarry threw rock up to two kilometres, and the fire that followed "
    "burned through 1,800 tonnes of stored fuel.",
    "Clearing the site will cost 4.5 million crowns, the operator said, and the access road, "
    "a 3-kilometre track, will stay shut for six weeks.",
)


@needs_wordnet
@pytest.mark.parametrize(
    ("question", "wrong_kind"),
    [
        ("How hot did the fire at the Tarrow quarry burn?", "two kilometres"),  # a length is no temperature
        ("What temperature did the fire at the quarry reach?", "1,800 tonnes"),  # nor a weight
        ("How much will clearing the site cost?", "3-kilometre"),  # a length is no sum of money
        ("How much will clearing the site cost?", "six weeks"),  # nor a length of time
        ("How heavy were the rocks the blast threw?", "two kilometres"),  # a length is no weight
        ("How far did the blast throw rock?", "1,800 tonnes"),  # a weight is no length
        ("How deep was the fuel stored at the quarry?", "1,800 tonnes"),  # nor a depth
    ],
)
def test_a_figure_in_another_kind_of_unit_does_not_fit(nlp, question: str, wrong_kind: str) -> None:
    fits = wordnet_fits(nlp, question, *QUARRY_BLAST)
    assert fits.get(wrong_kind, 0.0) <= 0.1, fits


@needs_wordnet
@pytest.mark.parametrize(
    ("question", "right_kind"),
    [
        ("How much will clearing the site cost?", "4.5 million crowns"),  # money for a cost
        ("How far did the blast throw rock?", "two kilometres"),  # a length for "how far"
        ("How much fuel burned in the fire?", "1,800 tonnes"),  # an amount of a thing, any unit
        ("How long is the access road?", "3-kilometre"),  # a length, whatever "long" may also ask
    ],
)
def test_a_figure_in_the_asked_kind_of_unit_still_fits(nlp, question: str, right_kind: str) -> None:
    fits = wordnet_fits(nlp, question, *QUARRY_BLAST)
    assert fits.get(right_kind, 0.0) >= 0.5, fits


@needs_wordnet
def test_a_percentage_still_answers_a_question_of_money(nlp) -> None:
    # "per *cent*": "cent" is a coin to WordNet, but what a share is of is no unit of another kind.
    fits = wordnet_fits(
        nlp, "How big a fine did the regulator impose?", "The regulator can impose a fine of up to 10 per cent of turnover."
    )
    assert fits.get("up to 10 per cent", fits.get("10 per cent", 0.0)) >= 0.5, fits


ROCKSLIDE = (
    "The rockslide buried dozens of houses in Ostervik on Friday night.",
    "The county's final survey counted 37 houses destroyed and 112 damaged.",
    "The slide moved at up to 90 km/h, geologists said, and ran on for 2.4 kilometres down the valley.",
)


def test_a_rough_quantity_fits_less_than_a_count(nlp) -> None:
    fits = wordnet_fits(nlp, "How many houses did the rockslide destroy?", *ROCKSLIDE)
    assert fits.get("dozens", 0.0) <= 0.5 < fits.get("37", 0.0), fits


def test_a_rough_quantity_is_still_a_figure(nlp) -> None:
    # Without a count anywhere, "dozens" remains a candidate: it fits, only less.
    fits = wordnet_fits(nlp, "How many houses did the rockslide bury?", ROCKSLIDE[0])
    assert fits.get("dozens", 0.0) >= 0.5, fits


@needs_wordnet
def test_a_length_is_no_speed(nlp) -> None:
    fits = wordnet_fits(nlp, "How fast did the slide move?", *ROCKSLIDE)
    assert fits.get("2.4 kilometres", 0.0) <= 0.3, fits
    assert fits.get("90 km/h", 0.0) >= 1.0, fits


@needs_wordnet
def test_a_length_with_a_time_is_a_speed(nlp) -> None:
    fits = wordnet_fits(nlp, "At what speed did the flood wave travel?", "The flood wave moved at 12 kilometres an hour.")
    assert fits.get("12 kilometres an hour", 0.0) >= 1.0, fits


@needs_wordnet
def test_a_length_still_answers_how_far(nlp) -> None:
    fits = wordnet_fits(nlp, "How far did the slide run?", *ROCKSLIDE)
    assert fits.get("2.4 kilometres", 0.0) >= 1.0, fits


# -- a person question answered by nobody's name -----------------------------------------------


@needs_wordnet
def test_a_person_question_whose_best_candidate_is_no_person_is_refused(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Fire at Kessel docks\n\n"
        "A dock worker was taken to Marnholt General Hospital with burns after a fire broke out in a "
        "warehouse at Kessel docks on Tuesday night.\n\n"
        "The blaze destroyed 400 tonnes of stored grain before crews brought it under control at dawn.\n"
    ))

    reading = qa.read("What is the name of the dock worker who was taken to hospital?")
    assert reading.refusal_rule == "no_person", (reading.answer.candidate, reading.features.get("type_match"))
    assert reading.answer.refused and "not a person's name" in reading.answer.reason


@needs_wordnet
def test_a_named_person_still_answers(tmp_path: Path) -> None:
    # Near miss: the same story where the worker is named.
    qa = _qa_over(tmp_path, (
        "Fire at Kessel docks\n\n"
        "Dock worker Anton Vrell was taken to Marnholt General Hospital with burns after a fire broke out "
        "in a warehouse at Kessel docks on Tuesday night.\n\n"
        "The blaze destroyed 400 tonnes of stored grain before crews brought it under control at dawn.\n"
    ))

    reading = qa.read("What is the name of the dock worker who was taken to hospital?")
    assert reading.refusal_rule is None
    assert reading.answer.candidate == "Anton Vrell"


@needs_wordnet
def test_a_body_may_answer_for_a_role_only_wordnet_makes_a_person(tmp_path: Path) -> None:
    # Near miss: a lender is a person to WordNet, but banks lend; the question does not surely
    # ask for a person, so an organisation's name stays an answer.
    qa = _qa_over(tmp_path, (
        "Rescue for Corran Savings\n\n"
        "Harrowgate Bank agreed on Sunday to take over Corran Savings, the regional lender whose "
        "depositors queued for three days last week.\n\n"
        "The deal keeps all 41 branches open, the banks said.\n"
    ))

    reading = qa.read("Which lender agreed to take over Corran Savings?")
    assert reading.refusal_rule != "no_person", reading.answer.candidate


# -- a thing of another kind than asked --------------------------------------------------------

GALLERY_BREAK_IN = (
    "Break-in at the Harrow gallery\n\n"
    "The break-in was noticed at 2:44 a.m. by a night guard, who saw a torch moving across a screen "
    "in the control room.\n\n"
    "The thieves were inside the building for 14 minutes and took two small paintings.\n"
)


def test_a_question_whose_best_candidate_is_another_kind_of_thing_is_refused(tmp_path: Path) -> None:
    # A time of day is no date: the page never says on which day the break-in was.
    qa = _qa_over(tmp_path, GALLERY_BREAK_IN)

    reading = qa.read("On what date did the break-in take place?")
    assert reading.refusal_rule == "wrong_kind", (reading.answer.candidate, reading.features.get("type_match"))
    assert reading.answer.refused and "another kind of thing" in reading.answer.reason


def test_a_thing_of_the_asked_kind_still_answers(tmp_path: Path) -> None:
    # Near miss: the same page with the day given.
    qa = _qa_over(tmp_path, GALLERY_BREAK_IN.replace("The break-in was", "The break-in on 12 October was"))

    reading = qa.read("On what date did the break-in take place?")
    assert reading.refusal_rule is None
    assert reading.answer.candidate == "12 October"


def test_a_month_of_a_year_is_a_date(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Jam recall widens\n\n"
        "The recalled jars of Orlen plum jam carry best-before dates from March 2027 to June 2027, the "
        "food safety agency said on Friday.\n"
    ))

    reading = qa.read("What best-before dates are printed on the recalled jars?")
    assert reading.refusal_rule != "wrong_kind"
    assert "March 2027" in (reading.answer.candidate or ""), reading.answer.candidate


def test_a_speed_written_as_one_word_is_answered_whole(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Tram derails in Oskeby\n\n"
        "The tram was travelling at 52 km/h, within the line's 60 km/h limit, when its rear bogie left "
        "the rails on the Harbour Road curve on Sunday evening.\n"
    ))

    reading = qa.read("How fast was the tram travelling when it derailed?")
    assert reading.answer.candidate == "52 km/h", reading.answer.candidate


def test_a_rate_written_as_one_word_is_not_cut_at_a_dangling_part(nlp) -> None:
    # The parse makes the "h" of "60 km/h limit" a preposition without its object; it is part
    # of the unit, written as one word with it, not a word left hanging.
    found = candidates(
        nlp, "How fast are trams allowed to travel on the line?",
        "The tram was travelling at 52 km/h, within the line's 60 km/h limit, when its rear bogie left the rails.",
    )
    assert "60 km/h" in found, found
