"""Where a figure's answer span ends, on sentences written for these tests (not the seeds or any
gold set), through the real spaCy parse: each case is one the small NER model cuts short."""

from __future__ import annotations

import pytest

from qa.entity_ends import entity_end
from tests.qa.test_spans import candidates

pytestmark = pytest.mark.slow


def answer_spans(nlp, sentence: str, said_lemmas: frozenset[str] = frozenset()) -> list[str]:
    doc = nlp(sentence)
    return [doc.text[e.start_char : entity_end(e, lambda noun: noun.lemma_.lower() in said_lemmas)] for e in doc.ents]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the noun the figure quantifies, with its modifiers, outside the entity
        ("The tariff adds 1.5 percentage points to inflation, the bank said.", "1.5 percentage points"),
        ("The ministry has paid 310 million korunas for the bridge.", "310 million korunas"),
        # a rate
        ("The pipeline moves 40,000 barrels per day to the coast.", "40,000 barrels per day"),
        ("The reservoir released 950 cubic metres per second at its peak.", "950 cubic metres per second"),
        ("The freight train was doing 68 km/h when it left the rails.", "68 km/h"),  # a rate written as one word
        ("The flood wave moved at 12 kilometres an hour.", "12 kilometres an hour"),
        # one length of time in two units
        ("She served four years and eight months in prison.", "four years and eight months"),
        # a range of years, the far one outside any entity
        ("He chaired the board from 2009 to 2016.", "2009 to 2016"),
        # a date and its time of day
        ("The levee gave way on Tuesday night.", "Tuesday night"),
        # a name's number, and the rest of a name broken at "of"
        ("Trucks were diverted to National Route 12 after the landslide.", "National Route 12"),
        ("Mourners gathered at the Basilica of Our Lady of Fatima in Velden.", "the Basilica of Our Lady of Fatima"),
    ],
)
def test_a_figure_is_stretched_over_what_belongs_to_it(nlp, sentence: str, expected: str) -> None:
    assert expected in answer_spans(nlp, sentence)


def test_a_noun_the_question_says_is_not_part_of_the_figure(nlp) -> None:
    assert "2.4 million" in answer_spans(nlp, "The co-op shipped 2.4 million crates last season.", frozenset({"crate"}))
    assert "2.4 million crates" in answer_spans(nlp, "The co-op shipped 2.4 million crates last season.")


def test_a_change_between_figures_is_not_a_range(nlp) -> None:
    # "from 9 to 12": the question asks for one end, and the old figure is not a date.
    spans = answer_spans(nlp, "Membership grew from 9 to 12 clubs last year.")
    assert not any(span.startswith("9 to") for span in spans), spans


def test_how_much_takes_the_unit_the_figure_is_counted_in(nlp) -> None:
    found = candidates(nlp, "By how much will the tariff lift inflation?",
                       "The tariff will lift inflation by 1.5 percentage points, the central bank said.")
    assert found[0] == "1.5 percentage points", found


def test_how_many_leaves_out_the_noun_it_asks_about(nlp) -> None:
    found = candidates(nlp, "How many crates did the co-op ship last season?",
                       "The co-op shipped 2.4 million crates of pears last season.")
    assert found[0] == "2.4 million", found


def test_money_is_not_stretched_over_what_it_pays_for(nlp) -> None:
    assert "$40 million" in answer_spans(nlp, "The city signed a $40 million contract for the bridge.")


def test_a_number_that_counts_the_next_noun_is_not_part_of_a_name(nlp) -> None:
    spans = answer_spans(nlp, "Harbour Freight Ltd won 12 contracts last year.")
    assert not any(span.endswith("Ltd 12") for span in spans), spans


def test_where_takes_a_building_named_after_someone_whole(nlp) -> None:
    found = candidates(nlp, "Where did the mourners gather?",
                       "The mourners gathered at the Basilica of Our Lady of Fatima in Velden on Sunday.")
    assert found[0] == "the Basilica of Our Lady of Fatima", found


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("What price did the shares close at?", "The stock closed at €4.12 in Lisbon.", "€4.12"),
        ("How much did the council pay?", "The council paid £3.5m for the depot.", "£3.5m"),
    ],
)
def test_money_keeps_the_currency_sign_the_ner_model_leaves_out(nlp, question: str, sentence: str, expected: str) -> None:
    assert expected in candidates(nlp, question, sentence)
