"""The reader end to end on a corpus written for this test: WordNet's related words at work."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from qa.api import QA
from qa.confidence import ConfidenceModel
from qa.lexicon import DEFAULT_WORDNET_DIR
from qa.question import AnswerType
from qa.settings import Settings
from tests.fakes import write_pages

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not DEFAULT_WORDNET_DIR.exists() and not os.environ.get("CI"),
        reason="Debian's wordnet-base is not installed (make test installs it; CI must have it)",
    ),
]


def _qa_over(tmp_path: Path, page: str) -> QA:
    """A QA over a one-page corpus written to ``tmp_path``."""
    corpus = write_pages(tmp_path / "corpus", {"page.txt": page})
    return QA.from_corpus(corpus, Settings().with_overrides(index_dir=tmp_path / "index"), progress=False)


def _without_wordnet(qa: QA) -> QA:
    return QA(qa.index, replace(qa.settings, wordnet_dir=None))


def test_a_question_word_the_corpus_never_uses_is_met_by_its_wordnet_relative(tmp_path: Path) -> None:
    with_wordnet = _qa_over(tmp_path, (
        "Boat capsizes off Kerrow Point\n\n"
        "Three fishermen drowned when their trawler capsized off Kerrow Point on Saturday, the coastguard said.\n\n"
        "A fourth crew member was pulled from the water by a lifeboat crew and taken to hospital in Branmouth.\n"
    ))
    without = _without_wordnet(with_wordnet)
    question = "How many fishermen died off Kerrow Point?"  # the corpus says "drowned", never "die"

    related, plain = with_wordnet.read(question), without.read(question)
    assert related.answer.candidate == plain.answer.candidate == "Three"
    # "die" is one step more general than "drown": most of its weight now stands near the answer.
    assert related.features["soft_coverage"] > plain.features["soft_coverage"] + 0.1
    assert related.answer.confidence > plain.answer.confidence


def test_a_name_the_question_sets_aside_need_not_stand_near_the_answer(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Formula recall reaches shops abroad\n\n"
        "Dunmore Dairy recalled six batches of infant formula in Ireland last week after two babies fell ill.\n\n"
        "The company said the fault lay in a drying tower at its plant. Inspectors visited the site on Monday. "
        "Production has stopped while the tower is cleaned. Parents were told to check the batch codes.\n\n"
        "Tins from the affected batches were also shipped to Portugal, the company said on Friday.\n"
    ))

    reading = qa.read("Apart from Ireland, which country received tins from the affected batches?")
    assert reading.answer.candidate == "Portugal"
    assert reading.refusal_rule is None  # Ireland is set aside, not required beside Portugal
    # A name the question does not set aside must still stand near the answer.
    assert qa.read("Which country received tins from the affected batches in Ireland?").refusal_rule == "absent_names"


def test_a_number_in_digits_is_found_spelt_out_beside_the_answer(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Dock strike talks stall\n\n"
        "The terminal operator raised its pay offer on Sunday after a week of stoppages at the Branmouth docks.\n\n"
        "Union leader Mara Colvin rejected the new terms. \"Nine percent is a start, but we want job guarantees,\" "
        "Colvin said as she left the ministry.\n"
    ))

    reading = qa.read("What did the union leader say about the 9% offer?")
    assert reading.features["missing_names"] == 0.0  # "9" stands beside the answer as "Nine"
    assert reading.refusal_rule is None
    # A number the corpus does not give, in any spelling, is still missing.
    other = qa.read("What did the union leader say about the 12% offer?").answer
    assert other.refused and "12" in other.reason


def test_a_focus_noun_that_names_only_the_kind_is_met_by_an_answer_of_that_kind(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Weather satellite reaches orbit\n\n"
        "A Tarvik-3 rocket built by Halloran Aerospace lifted off from Brenn Point at dawn on Friday, "
        "carrying the Osprey-2 weather satellite for the national weather office.\n\n"
        "The satellite separated from the rocket's upper stage 30 minutes after liftoff.\n"
    ))
    # The corpus never says "firm": the candidate, an organisation, is the firm.
    reading = qa.read("Which firm built the rocket?")
    assert reading.answer.candidate == "Halloran Aerospace"
    assert reading.features["unparaphrased_terms"] == 0.0
    assert reading.features["predicate_coverage"] == 1.0
    # A role is not a kind: "inventor" must still be found beside the answer.
    assert qa.read("Which inventor built the rocket?").features["unparaphrased_terms"] > 0.0
    # What the corpus lacks ("insured") weighs against the same candidate ...
    unsupported = qa.read("Which firm insured the rocket's cargo?")
    assert unsupported.answer.confidence < reading.answer.confidence - 0.2
    # ... and refused for it (at a strict threshold: where the fitted one stands is the
    # calibration's choice, measured by the evaluation), the reason names it, not the kind word.
    fitted = ConfidenceModel.default(qa.index.embedder.name)
    strict = QA(qa.index, qa.settings, confidence=replace(fitted, threshold=0.6))
    refused = strict.read("Which firm insured the rocket's cargo?").answer
    assert refused.refused and "“insure”" in refused.reason and "firm" not in refused.reason


def test_an_acronym_of_the_question_is_found_spelt_out_beside_the_answer(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Shipping group expects a loss\n\n"
        "Nordhavn Shipping chief financial officer Lars Vik told analysts on Tuesday that the strike "
        "had cost the group 40 million crowns.\n\n"
        "The company's shares fell 3% in Oslo.\n"
    ))

    reading = qa.read("Who is the CFO of Nordhavn Shipping?")
    assert reading.answer.candidate == "Lars Vik"
    assert reading.features["missing_names"] == 0.0  # "CFO" stands there as its words
    assert reading.features["unparaphrased_terms"] == 0.0
    assert "CFO" not in reading.answer.reason and "cfo" not in reading.answer.reason


def test_how_many_counts_kinds_of_the_asked_thing(tmp_path: Path) -> None:
    with_wordnet = _qa_over(tmp_path, (
        "Flood swamps hill farms above Pilmahue\n\n"
        "The flood in Pilmahue killed four residents and cut power to 300 homes on Tuesday, officials said.\n\n"
        "On the hill farms above Pilmahue the flood drowned about 2,000 sheep in their pens.\n"
    ))
    without = _without_wordnet(with_wordnet)
    animals = "How many animals died in the flood in Pilmahue?"
    # WordNet: a sheep is a kind of animal, a resident is not.
    assert with_wordnet.read(animals).answer.candidate == "2,000 sheep"  # the hedge ("about") is no part of the answer
    assert without.read(animals).answer.candidate == "four residents"
    people = "How many people did the flood in Pilmahue kill?"  # residents are people
    assert with_wordnet.read(people).answer.confidence > without.read(people).answer.confidence


def test_a_predicate_of_words_the_corpus_never_uses_is_refused_unless_paraphrased(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Ferry fire on Lake Kivu\n\n"
        "A ferry caught fire on Lake Kivu near Goma on Monday, and all 212 passengers were rescued, "
        "officials in Rwanda said.\n\n"
        "The captain, Jean Habimana, said his son Eric had raised the alarm.\n\n"
        "Rwanda's transport minister ordered an inquiry into the fire.\n"
    ))

    depth = qa.read("How deep is Lake Kivu?")
    # The name is half the question's weight; "deep" is all of its predicate, and never used.
    assert depth.features["unknown_terms"] < 0.5 <= depth.features["unknown_predicate"]
    assert depth.refusal_rule == "unknown_predicate" and depth.answer.refused
    # "boy" is never used either, but "son" beside the answer paraphrases it.
    son = qa.read("What is the name of Jean Habimana's boy?")
    assert son.features["unknown_predicate"] >= 0.5
    assert son.refusal_rule is None and son.answer.candidate == "Eric"


def test_a_sentence_about_another_member_of_a_numbered_series_does_not_answer(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Weather satellite reaches orbit\n\n"
        "The Osprey-4 weather satellite lifted off from Brenn Point on Friday. Its twin, Osprey-5, is still "
        "being built.\n\n"
        "Osprey-4 will replace Osprey-3, launched in 2016, which is running out of fuel.\n"
    ))

    asked_of_the_twin = qa.read("When was Osprey-5 launched?")
    assert asked_of_the_twin.answer.refused and asked_of_the_twin.refusal_rule == "absent_names"
    assert "is said of “Osprey-3”, not “Osprey-5”" in asked_of_the_twin.answer.reason
    # The series member the sentence does speak of is answered there ...
    assert qa.read("When was Osprey-3 launched?").answer.candidate == "2016"
    # ... and a sibling that is the answer itself is no conflict.
    replaced = qa.read("Which satellite will Osprey-4 replace?")
    assert replaced.answer.candidate == "Osprey-3" and replaced.refusal_rule is None


def test_a_number_of_a_name_the_headline_gives_whole_need_not_stand_near_the_answer(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Harwick shares sink as Terminal 4 concession comes under review\n\n"
        "Shares in Harwick Marine fell 11 percent on Friday, a day after its former chief executive was jailed "
        "for his part in the bribery scheme that won it the Terminal 4 concession.\n\n"
        "The slide wiped about 640 million crowns off the market value of the port operator.\n\n"
        "Transport Minister Ruth Calder said on Friday that she had ordered a review of the concession "
        "agreement, to be completed within 60 days.\n"
    ))

    reading = qa.read("Which minister has put the Terminal 4 contract under review?")
    assert reading.refusal_rule is None and reading.answer.candidate == "Ruth Calder"
    # A numbered name the headline does not give whole ("11" stands only in "11 percent") must
    # still stand near the answer.
    other = qa.read("Which minister has put the Terminal 11 contract under review?")
    assert other.refusal_rule == "absent_names" and "“Terminal 11”" in other.answer.reason


def test_a_superlative_is_answered_only_where_a_passage_ranks(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Floods close valley roads\n\n"
        "The Varre River burst its banks near Ostel on Sunday, cutting the road to the coast, police said.\n\n"
        "The Lune Bridge, the oldest crossing in the province, stayed open to traffic.\n"
    ))

    # The river is named, but nothing says it is the longest: general knowledge, not corpus content.
    unranked = qa.read("What is the longest river in the province?")
    assert unranked.refusal_rule == "unstated_ranking"
    assert unranked.answer.refused and "“longest”" in unranked.answer.reason
    # Where the passage ranks the thing, the rule stands aside.
    ranked = qa.read("Which is the oldest crossing in the province?")
    assert ranked.refusal_rule is None
    assert ranked.answer.candidate == "The Lune Bridge"


def test_a_future_question_is_not_answered_by_a_year_before_the_story(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Weather satellite reaches orbit\n\n"
        "Published 3 March 2026\n\n"
        "Norvik's new weather satellite reached orbit on Tuesday.\n\n"
        "The old satellite will be switched off once its replacement takes over in September; it was switched "
        "on in 2015.\n"
    ))
    assert next(iter(qa.index.documents.values())).meta.date == "2026-03-03"  # the rule measures against the story's date

    candidates = [c.text for c in qa.read("When will the old satellite be switched off?").candidates]
    assert "2015" in candidates  # still read, as a date ...
    assert candidates[0] == "September", candidates  # ... but not first: it lies before the story


def test_a_predicate_word_half_paraphrased_beside_the_answer_is_not_off_topic(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Storm cuts power in Varnby\n\n"
        "Varnby, a town of about 12,000 people, lost power for two days after the storm, the utility said.\n\n"
        "Repair crews from three regions worked through the night.\n"
    ))

    size = qa.read("What is the population of Varnby?")
    # "population" is never used, but WordNet relates it to the "people" beside the answer: a
    # partial paraphrase (credit 0.8), not a question about something the corpus lacks.
    assert size.features["unknown_predicate"] >= 0.5 > size.features["unparaphrased_predicate"]
    assert size.refusal_rule is None and "12,000" in (size.answer.candidate or "")
    # A never-used predicate nothing near the answer paraphrases is still refused.
    height = qa.read("How tall is the Varnby lighthouse?")
    assert height.refusal_rule == "unknown_predicate" and height.answer.refused


def test_a_focus_noun_whose_first_sense_is_a_person_asks_for_a_person(tmp_path: Path) -> None:
    # "pensioner" is on no list of role nouns; WordNet's first sense of it is a kind of person.
    qa = _qa_over(tmp_path, (
        "Clinic cancels operations after power cut\n\n"
        "Ivar Dunstad, 74, from Holmby, was due to have knee surgery at the Grenfell Clinic on Monday.\n\n"
        "The clinic said all operations would be moved to next week.\n"
    ))
    question = "Which pensioner from Holmby had his knee surgery cancelled?"
    assert qa.read(question).answer.candidate == "Ivar Dunstad"
    # Without WordNet the question asks for "a phrase", and the clinic reads as well as the man.
    assert _without_wordnet(qa).read(question).answer.candidate != "Ivar Dunstad"


def test_a_focus_noun_that_is_a_person_only_in_a_rarer_sense_asks_for_a_thing(tmp_path: Path) -> None:
    # Near miss: a "satellite" is a person (a follower) only in WordNet's third sense.
    qa = _qa_over(tmp_path, (
        "Weather satellite launched\n\n"
        "The Corvane-7 weather satellite was launched from Kessa Point on Tuesday, mission director Lena Voss said.\n"
    ))
    assert qa.read("Which satellite was launched on Tuesday?").answer.candidate != "Lena Voss"


def test_a_focus_noun_whose_first_sense_is_a_magnitude_asks_for_a_figure(tmp_path: Path) -> None:
    # "intensity" is on no list of measure nouns; WordNet's first sense of it is a kind of magnitude.
    qa = _qa_over(tmp_path, (
        "Storm batters Kessa coast\n\n"
        "The weather office said the storm reached an intensity of 9 on its wind scale as it crossed the coast "
        "near the Harwick Lighthouse on Tuesday.\n"
    ))
    question = "What intensity did the storm reach as it crossed the coast?"
    reading = qa.read(question)
    assert reading.answer_type is AnswerType.NUMBER
    assert reading.answer.candidate == "9"
    # Without WordNet the question asks for "a phrase", and the lighthouse reads as well as the figure.
    assert _without_wordnet(qa).read(question).answer_type is AnswerType.ENTITY


def test_a_focus_noun_that_is_no_magnitude_asks_for_a_thing(tmp_path: Path) -> None:
    # Near miss: a "scale" is a measure, but not a magnitude: the name of the scale answers.
    qa = _qa_over(tmp_path, (
        "Storm batters Kessa coast\n\n"
        "The weather office said the storm reached 9 on the Harwick wind scale as it crossed the coast on Tuesday.\n"
    ))
    assert qa.read("What scale did the weather office use for the storm?").answer_type is AnswerType.ENTITY


_KNEE_OPERATION = (
    "Clinic cancels operations after cyberattack\n\n"
    "For patients the cost of the attack on the Grenfell Clinic's computers is already being felt. Marit Olsby, "
    "68, from Velby, was due to have a knee operation at the clinic on Wednesday morning. On Tuesday evening a "
    "nurse phoned to tell her not to come.\n\n"
    "\"I have waited a whole year for this knee. Now they tell me to wait again,\" she said. \"I do not blame "
    "the nurses. I blame whoever left the door open.\"\n"
)


def test_a_quote_spoken_by_a_pronoun_leans_on_the_paragraph_that_names_the_speaker(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, _KNEE_OPERATION)
    reading = qa.read("What did the 68-year-old patient say about her cancelled knee operation?")
    assert reading.answer.candidate is not None and "a whole year for this knee" in reading.answer.candidate
    # The age stands two sentences before the quote's passage, out of the one-sentence reach.
    assert "68" not in reading.answer.citations[0].text
    assert reading.refusal_rule is None and not reading.answer.refused, reading.answer.reason


def test_a_quote_spoken_by_a_pronoun_still_needs_the_asked_number(tmp_path: Path) -> None:
    # Near miss: the paragraph before names a patient of 68, not of 75 (a figure the story gives elsewhere).
    qa = _qa_over(tmp_path, _KNEE_OPERATION + "\nThe clinic, which has 75 beds, expects to reopen its theatres next week.\n")
    reading = qa.read("What did the 75-year-old patient say about her cancelled knee operation?")
    assert reading.refusal_rule == "absent_names" and "75" in reading.answer.reason


def test_a_quote_with_a_named_speaker_does_not_lean_on_the_paragraph_before(tmp_path: Path) -> None:
    # Near miss: the quote names its own speaker, the clinic's director, who is not the patient of 68.
    qa = _qa_over(tmp_path, _KNEE_OPERATION.replace("she said", "the clinic's director, Ada Holm, said"))
    reading = qa.read("What did the 68-year-old patient say about her cancelled knee operation?")
    assert reading.answer.refused and "68" in reading.answer.reason, reading.answer


def test_a_decade_is_mentioned_by_any_of_its_years(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Stolen clock returned to Harlow museum\n\n"
        "A brass clock stolen from the Harlow museum in 1987 was found in a locker at Vennet bus station "
        "in 1994, the curator said on Monday.\n"
    ))

    reading = qa.read("Where did the clock stolen in the 1980s turn up?")
    assert reading.answer.candidate == "Vennet bus station"
    assert reading.refusal_rule is None and reading.answer.confidence > 0.0
    # Near miss: no year of the 1970s is given, so the question is about another theft.
    other = qa.read("Where did the clock stolen in the 1970s turn up?").answer
    assert other.refused and "1970s" in other.reason


def test_a_name_in_the_sentence_just_before_the_answers_passage_stands_near_it(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Kestrel Foods shares slide after profit warning\n\n"
        "Shares in Kestrel Foods fell sharply in Oslo on Thursday after the snack maker warned that its annual "
        "profit would come in well below forecasts, blaming the cost of potatoes and a wet summer that kept "
        "picnickers at home across the region.\n\n"
        "The stock closed at 41.20 kroner, its lowest level in six years, and traders said more selling was likely. "
        "Analysts at Nordbank cut their price target for the company and said the dividend could be halved. "
        "The chief executive declined to comment on the figures. "
        "The company's finance director, Marit Holm, resigned last month after a row over the accounts.\n\n"
        "Kestrel Foods was founded in 1952 by a family of potato farmers near Hamar, and it now employs about "
        "900 people at two factories. The firm said its annual meeting would go ahead as planned on Tuesday, "
        "when shareholders are expected to question the board about the warning and about the finance director.\n"
    ))
    assert [p.text[:10] for p in qa.index.passages] == ["Kestrel Fo", "The stock ", "Kestrel Fo"]

    # "Thursday" ends the passage before the one whose first sentence answers.
    closed = qa.read("What price did Kestrel Foods shares close at on Thursday?")
    assert closed.answer.candidate == "41.20 kroner" and closed.refusal_rule is None
    # Near misses: a day named elsewhere; an answer in its passage's second sentence, whose window
    # opens the passage but whose neighbour is the first sentence, or deeper in it; a passage before
    # that lacks the name, or names it before its last sentence; the document's first passage,
    # which has none before it.
    for near_miss in (
        "What price did Kestrel Foods shares close at on Tuesday?",
        "Which bank cut its price target for Kestrel Foods on Thursday?",
        "Who resigned as finance director of Kestrel Foods on Thursday?",
        "When was Kestrel Foods founded in Oslo?",
        "When was Kestrel Foods founded, according to Nordbank?",
        "Where did Kestrel Foods shares fall on Tuesday?",
    ):
        reading = qa.read(near_miss)
        assert reading.refusal_rule == "absent_names", near_miss


def test_a_definition_question_is_refused_where_no_passage_says_what_the_thing_is(tmp_path: Path) -> None:
    qa = _qa_over(tmp_path, (
        "Grain train derails near Holm\n\n"
        "A covered hopper wagon carrying barley left the rails near Holm on Sunday, the rail operator said. "
        "Nobody was hurt.\n\n"
        "Engineers said a flat spot, a worn patch where a locked wheel slid along the rail, may have caused "
        "the derailment.\n"
    ))

    used = qa.read("What is a covered hopper wagon?")
    assert used.refusal_rule == "no_definition" and used.answer.refused
    assert "what it is" in used.answer.reason and "general knowledge" in used.answer.reason
    defined = qa.read("What is a flat spot?")
    assert defined.refusal_rule is None
    assert defined.answer.candidate == "a worn patch where a locked wheel slid along the rail"
