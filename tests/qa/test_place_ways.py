"""Where a way ends and where it starts: "Where was the train heading?" is answered by the place
after "to" or "bound for", not the one after "from", and "Which town does she come from?" the
other way round. On text written for these tests (not the seeds or any gold set), through the
real spaCy parse; each rule has a case it must change and a near miss it must leave.
"""

from __future__ import annotations

import pytest

from qa.question import analyze_question
from tests.qa.test_spans import type_fits

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("Where was the freight train heading?", "to"),  # the verb "where" asks of
        ("Where were the injured miners taken?", "to"),
        ("To which hospital was the guard flown?", "to"),  # a fronted preposition
        ("Which station did the passengers walk to?", "to"),  # a stranded one
        ("Which station did the passengers from the stalled train walk to?", "to"),  # "from the train" qualifies
        ("Which town does the driver come from?", "from"),
        ("Where was the hired generator brought from?", "from"),  # the preposition outweighs the verb
        ("Where did the runners set off from?", "from"),
        ("Where did the contaminated grain originate?", "from"),  # the verb says it, no "from"
        ("Where did the public hearing take place?", None),  # "take place" goes nowhere
        ("In which village does the guide live?", None),  # where a thing is
        ("Where did the fire start?", None),
        ("Where were oiled birds taken to be cared for?", None),  # a misparse: "where" modifies no verb
    ],
)
def test_what_way_a_place_question_asks(nlp, question: str, heading: str | None) -> None:
    assert analyze_question(question, nlp).heading == heading


RAIL_CRASH = (
    "The freight train from Olvern was bound for Sallowby when it left the rails near Kessmoor.",
    "Two injured crew members were flown from the embankment to Brask General Hospital.",
    "The operator later moved its repair work to a larger depot in Tavrin.",
)


def test_the_end_of_a_way_answers_where_it_went(nlp) -> None:
    fits = type_fits(nlp, "Where was the freight train heading?", *RAIL_CRASH)
    assert fits.get("Sallowby", 0.0) > fits.get("Kessmoor", 0.0), fits  # "bound *for*", not merely "near"
    assert fits.get("Olvern", 0.0) <= 0.3, fits


def test_the_start_of_a_way_answers_where_it_came_from(nlp) -> None:
    fits = type_fits(nlp, "Which town did the freight train come from?", *RAIL_CRASH)
    assert fits.get("Olvern", 0.0) > fits.get("Kessmoor", 0.0), fits
    assert fits.get("Sallowby", 0.0) <= 0.3, fits
    assert fits.get("Brask General Hospital", 0.0) <= 0.3, fits  # "flown ... *to* Brask General Hospital"


def test_the_end_of_a_way_answers_a_fronted_preposition(nlp) -> None:
    fits = type_fits(nlp, "To which hospital were the injured crew members flown?", *RAIL_CRASH)
    assert max(fits, key=fits.get) == "Brask General Hospital", fits


def test_a_place_inside_the_end_of_a_way_is_its_end(nlp) -> None:
    # "moved ... to the company's large depot *in Tavrin*": Tavrin qualifies where the work went.
    with_way = type_fits(nlp, "Where did the operator move its repair work?", *RAIL_CRASH)
    without = type_fits(nlp, "Where is the operator's repair work done?", *RAIL_CRASH)
    assert with_way.get("Tavrin", 0.0) > without.get("Tavrin", 0.0), (with_way, without)


def test_a_place_question_that_asks_no_way_leaves_the_prepositions_alone(nlp) -> None:
    # "Near which town ...?" asks where: the start of the train's way is not set below the rest.
    fits = type_fits(nlp, "Near which town did the train leave the rails?", *RAIL_CRASH)
    assert fits.get("Olvern", 0.0) > 0.3, fits


# What kind of place the text calls a name, with the words that qualify the kind.
LAVA = (
    "Lava reached the village of Brevik on Tuesday and destroyed forty homes. A second flow stopped "
    "short of the fishing village of Norby. The governor ordered Brevik and the fishing village of "
    "Norby to be cleared at dawn.",
)


def test_a_place_the_text_calls_the_asked_kind_as_qualified_fits_best(nlp) -> None:
    fits = type_fits(nlp, "Which fishing village escaped the lava?", *LAVA)
    assert fits.get("Norby", 0.0) > fits.get("Brevik", 0.0), fits


def test_a_noun_joined_to_a_name_does_not_say_what_the_name_is(nlp) -> None:
    # "Brevik and the fishing village of Norby": the village is Norby, not Brevik, even though
    # the question names no qualifier.
    fits = type_fits(nlp, "Which village was cleared at dawn?", LAVA[0].split(". ")[-1])
    assert fits.get("Norby", 0.0) > fits.get("Brevik", 0.0), fits


def test_an_unqualified_kind_does_not_prefer_the_qualified_place(nlp) -> None:
    # Near miss: "Which village ...?" asks no qualifier; both are villages to the text.
    fits = type_fits(nlp, "Which village escaped the lava?", *LAVA[0].split(". ")[:2])
    assert fits.get("Norby", 0.0) == fits.get("Brevik", 0.0), fits


# A place the text calls another kind than asked; a kind's name given after "of".
CHURCH = (
    "Lava reached the village of Brevik on Tuesday. In Brevik the flow destroyed the church of "
    "St Oda and forty homes.",
)


def test_a_place_the_text_calls_another_kind_does_not_answer(nlp) -> None:
    fits = type_fits(nlp, "Which church did the lava destroy?", *CHURCH)
    assert fits.get("Brevik", 0.0) <= 0.2, fits


def test_a_place_the_text_calls_the_same_kind_of_settlement_still_answers(nlp) -> None:
    # Near miss: a village is a town as "Which town ...?" asks.
    fits = type_fits(nlp, "Which town did the lava reach on Tuesday?", *CHURCH)
    assert fits.get("Brevik", 0.0) >= 1.0, fits


def test_the_asked_kind_named_after_of_answers(nlp) -> None:
    fits = type_fits(nlp, "Which church did the lava destroy?", *CHURCH)
    assert fits.get("the church of St Oda", 0.0) >= 1.0, fits


def test_the_asked_kind_of_something_unnamed_is_no_name(nlp) -> None:
    # Near miss: "the church of the village" names no church.
    fits = type_fits(nlp, "Which church did the lava destroy?", "The flow destroyed the church of the village and two barns.")
    assert not any(text.startswith("the church of") and fit >= 1.0 for text, fit in fits.items()), fits


def test_a_town_the_text_calls_a_town_may_still_be_the_asked_harbour(nlp) -> None:
    # Near miss: only a building settles against a settlement; a port town is a harbour too.
    fits = type_fits(nlp, "From which harbour did the ferries sail?",
                     "The ferries sailed from Port Avel, the island's main town, at dawn.")
    assert fits.get("Port Avel", 0.0) >= 1.0, fits
