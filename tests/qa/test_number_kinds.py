"""What a figure measures, against what a "how much", "how close" or "how many" question asks,
on sentences written for these tests (not the seeds or any gold set), through the real spaCy
parse. Each rule has a case it must change and a near miss it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.qa.test_answer_kinds import needs_wordnet, wordnet_fits
from tests.qa.test_spans import type_fits

pytestmark = pytest.mark.slow


RELIEF_FUND = (
    "The council set up a relief fund with 4 million marks to help the families of the four men who drowned.",
)


@needs_wordnet
def test_a_number_of_people_is_no_sum_of_money(nlp) -> None:
    fits = wordnet_fits(nlp, "How much money did the council put into the relief fund?", *RELIEF_FUND)
    assert fits.get("four men", 0.0) <= 0.1, fits
    assert fits.get("4 million marks", 0.0) >= 1.0, fits


@needs_wordnet
def test_how_much_is_no_count_of_people_even_without_a_money_word(nlp) -> None:
    # "receive" names no money, but "how much" never asks how many people.
    fits = wordnet_fits(nlp, "How much will each family receive from the council?", *RELIEF_FUND)
    assert fits.get("four men", 0.0) <= 0.1, fits


@needs_wordnet
def test_how_much_still_takes_an_amount_in_units(nlp) -> None:
    # Near miss: a figure with a unit of measure is an amount, which "how much" asks for.
    fits = wordnet_fits(nlp, "How much rain fell on the town?",
                        "Forecasters said 212 millimetres of rain fell on the town in two days.")
    assert fits.get("212 millimetres", 0.0) >= 0.5, fits


@needs_wordnet
def test_how_many_still_counts_people(nlp) -> None:
    # Near miss: the rule is about "much"; "how many" counts the men.
    fits = wordnet_fits(nlp, "How many men drowned?", *RELIEF_FUND)
    assert fits.get("four", fits.get("four men", 0.0)) >= 1.0, fits


LAUNCH = ("The computer stopped the countdown 31 seconds before liftoff on Monday.",)


def test_a_length_of_time_says_how_close(nlp) -> None:
    fits = type_fits(nlp, "How close to liftoff did the countdown get?", *LAUNCH)
    assert fits.get("31 seconds", 0.0) >= 0.6, fits


def test_a_day_does_not_say_how_close(nlp) -> None:
    # Near miss: "Monday" is a point in time, not a distance from liftoff.
    fits = type_fits(nlp, "How close to liftoff did the countdown get?", *LAUNCH)
    assert fits.get("Monday", 0.0) == 0.0, fits


def test_an_ordinal_says_no_amount(nlp) -> None:
    fits = type_fits(nlp, "How far behind was the backup copy?",
                     "It was the second time the backup copy had failed; it was 19 days out of date.")
    assert fits.get("second", 0.0) <= 0.05, fits
    assert fits.get("19 days", 0.0) >= 0.6, fits


def test_an_ordinal_may_still_answer_how_many_times(nlp) -> None:
    # Near miss: "how many" keeps the ordinal's old, lower fit.
    fits = type_fits(nlp, "How many times has the race been cancelled?",
                     "The race was cancelled for the third time since it began.")
    assert fits.get("third", 0.0) >= 1.0, fits


def test_a_time_of_day_counts_nothing(nlp) -> None:
    fits = type_fits(nlp, "How many wagons came off the rails?",
                     "A freight train came off the rails beside the level crossing at 23:47 on Saturday, "
                     "and 14 wagons left the track.")
    assert fits.get("23:47", 0.0) <= 0.05, fits
    assert fits.get("14", fits.get("14 wagons", 0.0)) >= 1.0, fits


def test_a_decimal_figure_is_no_time_of_day(nlp) -> None:
    # Near miss: "4.12" has a point, not a colon; it is a figure.
    fits = type_fits(nlp, "How much did the shares close at?", "The shares closed at 4.12 on Friday.")
    assert fits.get("4.12", 0.0) > 0.05, fits


def test_a_depth_outranks_a_length_of_time_for_how_far(nlp) -> None:
    # Near miss: "how far below the surface" asks a measure; the hours spent there fit less.
    fits = type_fits(nlp, "How far below the surface is the shelter?",
                     "After 151 hours underground the men left the shelter, a room at a depth of 712 metres.")
    assert fits.get("712 metres", 0.0) > fits.get("151 hours", 0.0), fits


# The shortest span that answers: a hedge before a figure is no part of it; a bound is, unless the
# question sets the same bound.
TANKER = (
    "The tanker was carrying about 86,000 tonnes of crude when it struck the reef. More than 140 "
    "volunteers cleaned the beaches, and the minister said the work would cost at least 40 million "
    "krennas. The slick reached the harbour at about 4 a.m. and was some 22 kilometres long by noon.",
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How much crude was the tanker carrying?", "86,000 tonnes"),
        ("How long was the slick by noon?", "22 kilometres"),
        ("What would the work cost at the very least, according to the minister?", "40 million krennas"),
    ],
)
def test_a_figure_answers_without_its_hedge_or_the_bound_the_question_sets(nlp, question: str, expected: str) -> None:
    fits = type_fits(nlp, question, *TANKER)
    assert expected in fits, fits
    assert not any(span.endswith(expected) and span != expected for span in fits), fits


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Near misses: a bound the question does not set says what the figure is not.
        ("How many volunteers cleaned the beaches?", "More than 140"),
        ("How much would the work cost, according to the minister?", "at least 40 million krennas"),
        # ... and a time of day keeps its "about": it is when, not a length.
        ("At what time did the slick reach the harbour?", "about 4 a.m."),
    ],
)
def test_a_bound_the_question_does_not_set_stays_in_the_answer(nlp, question: str, expected: str) -> None:
    fits = type_fits(nlp, question, *TANKER)
    assert expected in fits, fits


# "How much X": an amount of X is measured in the units X is measured in. Land in hectares or
# square kilometres, a fuel in litres or tonnes; a length is neither, nor is a share of it.
HARBOUR_LEAK = (
    "A tanker parked forty metres from the depot was struck, and about 6,000 litres of the fuel "
    "leaked into the harbour.",
)
FLOODED_FARMS = (
    "The floods covered 2,300 hectares of farmland, and the flooded stretch of the river ran for "
    "40 kilometres. About 35% of the flooded land was pasture.",
)


@needs_wordnet
def test_an_amount_of_a_substance_is_no_length(nlp) -> None:
    fits = wordnet_fits(nlp, "How much of the fuel leaked from the tanker?", *HARBOUR_LEAK)
    assert fits.get("forty metres", 0.0) <= 0.1, fits
    # The NER model calls "about 6,000" a plain number; its unit makes it an amount.
    assert fits.get("6,000 litres", 0.0) >= 1.0, fits


@needs_wordnet
def test_an_amount_of_land_is_an_area_not_a_length_or_a_share(nlp) -> None:
    fits = wordnet_fits(nlp, "How much farmland did the floods cover?", *FLOODED_FARMS)
    assert fits.get("40 kilometres", 0.0) <= 0.1, fits
    assert fits.get("About 35%", fits.get("35%", 0.0)) <= 0.1, fits
    assert fits.get("2,300 hectares", 0.0) >= 1.0, fits


@needs_wordnet
@pytest.mark.parametrize(("question", "text", "expected"), [
    # Near misses: square kilometres are an area, whatever "kilometres" alone measures ...
    ("How much farmland did the floods cover?", "The floods covered 35 square kilometres of farmland.",
     "35 square kilometres"),
    # ... "how much of" may ask a share ...
    ("How much of the farmland was flooded?", "The river flooded 40% of the farmland before the rain stopped.",
     "40%"),
    # ... and a distance is a length.
    ("How much distance did the runner save by taking the shortcut?",
     "Taking the shortcut saved the runner about 620 metres.", "620 metres"),
])
def test_an_amount_in_the_units_of_the_thing_asked_stands(nlp, question: str, text: str, expected: str) -> None:
    fits = wordnet_fits(nlp, question, text)
    assert fits.get(expected, 0.0) >= 1.0, fits


@needs_wordnet
def test_an_amount_of_the_leaked_substance_is_no_length(nlp) -> None:
    # A participle before the asked noun ("the *leaked* fuel") leaves the noun what is measured.
    fits = wordnet_fits(nlp, "How much of the leaked fuel reached the harbour?", *HARBOUR_LEAK)
    assert fits.get("forty metres", 0.0) <= 0.1, fits
    assert fits.get("6,000 litres", 0.0) >= 1.0, fits


REPAIR_BILL = (
    "A crew of nine worked on the bridge for a week, and the repair cost 2.4 million talens.",
)


@needs_wordnet
def test_a_bare_number_is_no_cost(nlp) -> None:
    fits = wordnet_fits(nlp, "How much did the repair of the bridge cost?", *REPAIR_BILL)
    assert fits.get("nine", 0.0) <= 0.3, fits
    assert fits.get("2.4 million talens", 0.0) >= 1.0, fits


@needs_wordnet
def test_a_bare_sum_in_millions_may_still_be_a_cost(nlp) -> None:
    # Near miss: "2.4 million" without its currency is still a sum of the size costs have.
    fits = wordnet_fits(nlp, "How much did the repair of the bridge cost?",
                        "The repair of the bridge cost 2.4 million, the ministry said on Monday.")
    assert fits.get("2.4 million", 0.0) >= 0.5, fits


STRANDED = ("The airline cancelled 640 flights on Friday, and 12,000 passengers were stranded at the airport.",)


@needs_wordnet
def test_made_things_do_not_count_people(nlp) -> None:
    fits = wordnet_fits(nlp, "How many passengers were stranded by the cancellations?", *STRANDED)
    assert fits.get("640 flights", 0.0) <= 0.3, fits
    assert fits.get("12,000 passengers", fits.get("12,000", 0.0)) >= 1.0, fits


@needs_wordnet
@pytest.mark.parametrize(("question", "text", "expected"), [
    # Near misses: jobs stand for the workers who hold them ...
    ("How many workers will the company lay off?", "The company will cut 600 jobs at the plant next year.",
     "600 jobs"),
    # ... and people may answer how many jobs go, the other way round.
    ("How many jobs will the company cut?", "The company said 400 people would lose their work at the plant.",
     "400 people"),
])
def test_what_stands_for_people_still_counts_them(nlp, question: str, text: str, expected: str) -> None:
    fits = wordnet_fits(nlp, question, text)
    assert fits.get(expected, 0.0) >= 0.6, fits


RACE = ("Orlovan won the 31st Castrelle Marathon in 2:06:31, and 21,906 runners finished the race.",)


@pytest.mark.parametrize("figure", ["2:06:31", "31st"])
def test_a_time_taken_or_an_ordinal_of_another_thing_counts_nothing(nlp, figure: str) -> None:
    fits = type_fits(nlp, "How many runners finished the race?", *RACE)
    assert fits.get(figure, 0.0) <= 0.2, fits
    assert fits.get("21,906 runners", fits.get("21,906", 0.0)) >= 1.0, fits


def test_an_ordinal_of_times_still_counts(nlp) -> None:
    # Near miss: "for the third time" says how many times.
    fits = type_fits(nlp, "How many times has Orlovan won the race?", "Orlovan won the race for the third time on Sunday.")
    assert fits.get("third", 0.0) >= 1.0, fits


def test_a_time_taken_may_say_how_fast(nlp) -> None:
    # Near miss: the rule is about counting; "how fast" keeps the time.
    fits = type_fits(nlp, "How fast did Orlovan run the marathon?", *RACE)
    assert fits.get("2:06:31", 0.0) > 0.05, fits


RANSOM_POLL = ("The attackers demanded 4.5 million talens, and 62% of readers said hospitals should never pay.",)


@needs_wordnet
def test_a_sum_of_money_is_no_share(nlp) -> None:
    fits = wordnet_fits(nlp, "What percentage of readers said hospitals should never pay a ransom?", *RANSOM_POLL)
    assert "4.5 million talens" in fits and fits["4.5 million talens"] <= 0.1, fits
    assert fits.get("62%", 0.0) >= 1.0, fits


@needs_wordnet
def test_a_part_counted_in_plain_numbers_may_be_a_share(nlp) -> None:
    # Near miss: "twelve shops out of 40" gives a share without a percentage.
    fits = wordnet_fits(nlp, "What share of the shops reopened after the flood?",
                        "Only twelve shops out of 40 in the high street reopened on Monday.")
    assert max(fit for text, fit in fits.items() if "twelve" in text) >= 0.5, fits


def test_things_counted_are_no_number_of_times(nlp) -> None:
    fits = type_fits(nlp, "How many times has the guide crossed the glacier?",
                     "The guide, who works in two regions, has crossed the glacier 40 times since 2019.")
    assert "two regions" in fits and fits["two regions"] <= 0.2, fits
    assert fits.get("40 times", fits.get("40", 0.0)) >= 1.0, fits
