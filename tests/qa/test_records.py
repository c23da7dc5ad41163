from __future__ import annotations

import pytest

from qa.records import Answer, Citation


def _citation() -> Citation:
    return Citation(doc_id="d", source="AP", headline=None, date=None, passage_id="d#0", start=3, end=7,
                    text="The mayor met Ruto.", answer_start=14, answer_end=18)


def test_an_answer_without_citation_is_impossible() -> None:
    with pytest.raises(ValueError, match="citation"):
        Answer(question="q", text="Ruto", refused=False, reason="")


def test_a_refusal_needs_a_reason_and_no_text() -> None:
    with pytest.raises(ValueError, match="reason"):
        Answer(question="q", text=None, refused=True, reason=" ")
    with pytest.raises(ValueError, match="no answer text"):
        Answer(question="q", text="x", refused=True, reason="weak")


def test_confidence_outside_unit_interval_is_rejected() -> None:
    with pytest.raises(ValueError, match="confidence"):
        Answer(question="q", text="Ruto", refused=False, reason="", confidence=1.2, citations=(_citation(),))


def test_to_dict_has_the_documented_keys() -> None:
    data = Answer(question="q", text="Ruto", refused=False, reason="ok", confidence=0.8,
                  citations=(_citation(),)).to_dict()
    assert {"question", "answer", "refused", "reason", "confidence", "citations"} <= set(data)
    assert {"doc_id", "source", "passage_id", "start", "end", "text"} <= set(data["citations"][0])
