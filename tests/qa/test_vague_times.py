"""A time that places nothing ("in the afternoon", "for the rest of the week", "Hours" as a column
head) does not answer "when": it fits below a time a weekday, date or "this"/"last" places. On
text written for these tests, through the real spaCy parse; each case has a near miss."""

from __future__ import annotations

import pytest

from qa.spans import _places_nothing_in_time
from tests.qa.test_spans import type_fits


def test_a_part_of_the_day_with_only_the_article_fits_below_a_placed_time(nlp) -> None:
    fits = type_fits(
        nlp, "When will the inspectors publish their report?",
        "The inspectors met the minister in the afternoon and said the work would go on for the rest of the week.",
    )
    assert fits, fits
    assert all(fit < 1.0 for fit in fits.values()), fits


def test_a_part_of_a_named_day_still_answers_when(nlp) -> None:
    # Near miss: the weekday places the afternoon.
    fits = type_fits(
        nlp, "When will the inspectors publish their report?",
        "The inspectors will publish their report on Thursday afternoon, the ministry said.",
    )
    assert fits.get("Thursday afternoon", 0.0) >= 1.0, fits


@pytest.mark.parametrize("sentence, time", [
    ("The pumps failed this morning, a day after the storm.", "this morning"),  # dated from the story
    ("The pumps failed last week.", "last week"),
])
def test_times_dated_from_the_story_still_answer_when(nlp, sentence: str, time: str) -> None:
    fits = type_fits(nlp, "When did the pumps fail?", sentence)
    assert fits.get(time, 0.0) >= 1.0, fits


def test_an_unplaced_week_gives_way_to_the_bound_the_question_asks(nlp) -> None:
    fits = type_fits(
        nlp, "Until when will the cuts go on?",
        "The cuts will go on for the rest of the week. Officials said cuts would continue until at least 22 July.",
    )
    assert fits.get("the week", 1.0) < 1.0, fits
    assert fits.get("at least 22 July", 0.0) > 1.0, fits


@pytest.mark.parametrize("text, start, end, unplaced", [
    ("Hours without power", 0, 1, True),  # a column head: a plural with nothing before it
    ("The ferry runs at night only.", 4, 5, False),  # a bare singular after "at" is a time of day
    ("They left that evening.", 2, 4, True),  # points back to a day said before
    ("They left on the evening of 3 May.", 3, 8, False),  # the date places it
    ("They left by the end of the year.", 3, 8, False),
])
def test_what_places_a_stretch_of_time(nlp, text: str, start: int, end: int, unplaced: bool) -> None:
    doc = nlp(text)
    assert _places_nothing_in_time(doc[start:end]) is unplaced, doc[start:end].text
