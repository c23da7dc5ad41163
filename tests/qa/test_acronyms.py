"""An acronym answered as the name it stands for, where the text spells it out in brackets."""

from __future__ import annotations

import pytest

from qa.acronyms import acronym_letters, spelled_out


def _spelled(text: str, letters: str) -> str | None:
    found = spelled_out(text, letters)
    return None if found is None else text[slice(*found)]


@pytest.mark.parametrize("text, letters, name", [
    ("Yesterday the Air Accident Investigation Branch (AAIB) opened an inquiry.", "AAIB",
     "Air Accident Investigation Branch"),
    # Fillers give no letter: "of", "and".
    ("Members of the Union of Cabin and Ground Staff (UCGS) walked out.", "UCGS", "Union of Cabin and Ground Staff"),
    # Only the words the letters need: "Inspectors from" is not part of the name.
    ("Inspectors from National Water Board (NWB) arrived.", "NWB", "National Water Board"),
    # The second bracket of the letters, where the first follows no name.
    ("The report (NWB) was late. The National Water Board (NWB) published it.", "NWB", "National Water Board"),
])
def test_a_name_spelled_out_before_its_letters(text: str, letters: str, name: str) -> None:
    assert _spelled(text, letters) == name


@pytest.mark.parametrize("text", [
    "The report (NWB) was published on Monday.",  # lower-case words give no letters
    "The National Water Board, (NWB) said.",  # the name must run up to the brackets
    "It came from the Board of National Water (NWB).",  # the letters in another order
    "The National Water. Board (NWB) said.",  # a full stop breaks the name
    "The National Water Board said so (NWB).",  # no name right before the brackets
])
def test_no_name_where_the_words_do_not_give_the_letters(text: str) -> None:
    assert _spelled(text, "NWB") is None


@pytest.mark.parametrize("answer, letters", [
    ("RAIO", "RAIO"), ("the NSI", "NSI"), ("NSI ", "NSI"),
    ("Nsi", None), ("NATO members", None), ("A", None), ("ABCDEFG", None), ("R2D2", None),
])
def test_an_answer_that_is_only_letters(answer: str, letters: str | None) -> None:
    assert acronym_letters(answer) == letters
