"""The punctuation-delimited segments a why/how question may take, on sentences written for
these tests, through the real spaCy parse: a segment is cut at its words, not at the quote
mark that closed the sentence before it, and a speech tag explains nothing."""

from __future__ import annotations

import pytest

from tests.qa.test_spans import _candidates

pytestmark = pytest.mark.slow

QUOTED = "“The strain in the patients is the same organism,” said Dr Mira Tollan, who heads the unit at the institute."


def test_no_segment_starts_with_the_quote_mark_that_closed_a_quotation(nlp) -> None:
    found = _candidates(nlp, "How did the bacteria get into the borehole?", QUOTED)
    assert found and not any(c.text[:1] in "”’\"'," for c in found), [c.text for c in found]


def test_a_speech_tag_explains_nothing(nlp) -> None:
    fits = {c.text: c.type_match for c in _candidates(nlp, "How did the bacteria get into the borehole?", QUOTED)}
    tags = {text: fit for text, fit in fits.items() if text.startswith("said")}
    assert tags and max(tags.values()) <= 0.3, fits


def test_a_segment_that_explains_still_fits(nlp) -> None:
    # Near miss: a segment after a comma that tells how keeps its fit.
    fits = {c.text: c.type_match for c in _candidates(
        nlp, "How did the bacteria get into the borehole?",
        "The river burst its banks on Saturday, floodwater poured over the well field into borehole 4.",
    )}
    assert fits.get("floodwater poured over the well field into borehole 4", 0.0) >= 0.6, fits


def _fits(nlp, question: str, sentence: str) -> dict[str, float]:
    return {c.text: c.type_match for c in _candidates(nlp, question, sentence)}


def test_a_passive_by_a_means_tells_how(nlp) -> None:
    fits = _fits(nlp, "How were the shifts planned while the system was down?",
                 "Shift planning was carried out by telephone and spreadsheet until the weekend.")
    assert fits.get("by telephone and spreadsheet until the weekend", fits.get("by telephone and spreadsheet", 0.0)) >= 1.0, fits


def test_a_passive_by_someone_does_not_tell_how(nlp) -> None:
    # Near miss: the agent who did it answers "who", not "how".
    fits = _fits(nlp, "How was the safety report drawn up?",
                 "The safety report was drawn up by engineers at the grid operator last spring.")
    assert not any(text.startswith("by engineers") and fit >= 1.0 for text, fit in fits.items()), fits


@pytest.mark.parametrize("sentence, when", [
    ("The roof had sagged some 20 centimetres by early evening, the camera footage shows.", "by early evening"),
    ("The leader had crossed the barrier by the time he reached the turn.", "by the time he reached the turn"),
])
def test_by_a_time_says_when_not_how(nlp, sentence: str, when: str) -> None:
    fits = _fits(nlp, "How did the leader get across?" if "leader" in sentence else "How did the roof sag?", sentence)
    assert when in fits and fits[when] <= 0.2, fits


def test_by_a_means_still_tells_how(nlp) -> None:
    # Near miss: "by road" is the means, whatever follows it.
    fits = _fits(nlp, "How is the printer replacing the paper?",
                 "The printer is bringing in replacement rolls by road from its mill in the north.")
    assert any(text.startswith("by road") and fit >= 1.0 for text, fit in fits.items()), fits


def test_a_passive_by_a_named_or_known_kind_of_person_does_not_tell_how(nlp) -> None:
    # Near misses: a name, or a noun the lexicon knows as a person's ("medic"), is a doer.
    named = _fits(nlp, "How was the meeting forced?", "The meeting was forced by Harrowgate Capital, which holds 6 percent.")
    assert named and not any(text.startswith("by Harrowgate") and fit >= 1.0 for text, fit in named.items()), named
    medic = {c.text: c.type_match for c in _candidates(
        nlp, "How was the runner revived?", "The runner was revived by a volunteer medic near the finish.",
        kind_of=lambda noun, general: (noun, general) == ("medic", "person"),
    )}
    assert not any(text.startswith("by a volunteer medic") and fit >= 1.0 for text, fit in medic.items()), medic
