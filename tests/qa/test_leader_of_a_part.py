"""A generic "boss" or "head" is answered by the whole body's leader: a title qualified by a common
noun the question does not use ("plant manager", "mission director") leads a part of the body, or
another body, and fits below the chief executive. On text written for these tests, through the
real spaCy parse; each case has a near miss where the question names the part."""

from __future__ import annotations

import pytest

from tests.qa.test_answer_kinds import needs_wordnet, wordnet_fits
from tests.qa.test_spans import type_fits

_STAFF = (
    "The site's plant manager, Odile Ferrant, said the line would restart on Monday. "
    "Corran Dairies' chief executive, Mattias Holbrook, apologised to customers."
)


@pytest.mark.parametrize("question", [
    "Who is the boss of the company that makes the yoghurt?",
    "Who is the boss at the company that makes the yoghurt?",
    "Who runs the company that makes the yoghurt?",
    "Who is the yoghurt maker's boss?",
])
def test_a_plant_manager_is_not_the_company_boss(nlp, question: str) -> None:
    fits = type_fits(nlp, question, _STAFF)
    assert fits.get("Mattias Holbrook", 0.0) > fits.get("Odile Ferrant", 0.0), fits


@pytest.mark.parametrize("question", ["Who is the boss of the plant?", "Who is the boss at the plant in Rathmore?"])
def test_the_boss_of_the_plant_is_its_manager(nlp, question: str) -> None:
    # Near miss: the question names the part the title leads.
    fits = type_fits(nlp, question, _STAFF)
    assert fits.get("Odile Ferrant", 0.0) >= 1.5, fits


@needs_wordnet
def test_a_capitalised_part_counts_where_wordnet_knows_the_word(nlp) -> None:
    # At the start of a sentence the part is capitalised like a name: WordNet knows "plant".
    fits = wordnet_fits(
        nlp, "Who is the boss of the company that makes the yoghurt?",
        "Plant manager Odile Ferrant said the line would restart. Corran Dairies' chief executive, Mattias Holbrook, "
        "apologised.",
    )
    assert fits.get("Mattias Holbrook", 0.0) > fits.get("Odile Ferrant", 0.0), fits


@needs_wordnet
def test_the_head_of_a_kind_of_the_part_is_its_leader(nlp) -> None:
    # Near miss: to WordNet a factory is a kind of plant, so the plant manager is in charge of it.
    fits = wordnet_fits(nlp, "Who is in charge of the factory in Rathmore?", _STAFF)
    assert fits.get("Odile Ferrant", 0.0) >= 1.5, fits


@needs_wordnet
@pytest.mark.parametrize("sentence, name", [
    # A name says whose title it is, not which part: the whole company's. The small model tags
    # "Apple" a noun (an organisation), "Brennock" a noun (no entity, no word WordNet knows).
    ("Corran chief executive Mattias Holbrook apologised to customers.", "Mattias Holbrook"),
    ("Apple boss Mattias Holbrook apologised to customers.", "Mattias Holbrook"),
    ("Brennock boss Mattias Holbrook apologised to customers.", "Mattias Holbrook"),
    # "group" and "company" make the title the whole body's.
    ("Corran's group chief executive, Mattias Holbrook, apologised to customers.", "Mattias Holbrook"),
    ("The company president, Mattias Holbrook, apologised to customers.", "Mattias Holbrook"),
])
def test_titles_of_the_whole_company_answer_who_its_boss_is(nlp, sentence: str, name: str) -> None:
    fits = wordnet_fits(nlp, "Who is the boss of the firm that makes the yoghurt?", sentence)
    assert fits.get(name, 0.0) >= 1.5, fits


def test_a_leader_of_no_named_body_may_lead_a_part(nlp) -> None:
    # Near miss: "Which leader" names no body the leader heads; a party chief is one.
    fits = type_fits(
        nlp, "Which leader did the envoy meet on Tuesday?",
        "On Tuesday the envoy met party chief Nguyen Van Long in Hanoi.",
    )
    assert fits.get("Nguyen Van Long", 0.0) >= 1.5, fits


def test_a_mission_director_is_not_the_head_of_the_rocket_maker(nlp) -> None:
    fits = type_fits(
        nlp, "Who heads the firm that built the rocket?",
        "The agency's mission director, Ilka Brandt, counted down. The firm's chief executive, Aron Veit, watched.",
    )
    assert fits.get("Aron Veit", 0.0) > fits.get("Ilka Brandt", 0.0), fits
