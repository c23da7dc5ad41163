"""A share price is quoted per share: "What price did the shares close at?" and "By how much did the
share price drop?" are not answered by the millions a fall wiped off the company's value, which
fits below the price or the percentage. On text written for these tests, through the real spaCy
parse; each case has a near miss where the total is what is asked."""

from __future__ import annotations

import pytest

from qa.question import analyze_question
from qa.spans import _a_sum_in_millions, _asks_share_price
from tests.qa.test_spans import type_fits

_FALL = (
    "Shares in Marrowby Foods fell 18 per cent on Monday, wiping about $420 million off the group's market "
    "value. The stock closed at $7.35, its lowest level in a decade."
)


@pytest.mark.parametrize("question", [
    "What price did Marrowby shares close at on Monday?",
    "At what price was Marrowby stock trading at the close?",
])
def test_a_share_price_is_no_sum_in_millions(nlp, question: str) -> None:
    fits = type_fits(nlp, question, _FALL)
    assert fits.get("$7.35", 0.0) >= 1.0, fits
    assert fits.get("about $420 million", 0.0) < fits["$7.35"], fits


def test_how_far_a_share_price_fell_is_no_sum_in_millions(nlp) -> None:
    fits = type_fits(nlp, "By how much did the Marrowby share price drop on Monday?", _FALL)
    assert max(fits.get("about $420 million", 0.0), fits.get("$420 million", 0.0)) <= 0.2, fits


def test_the_value_a_fall_wiped_off_is_still_answered_by_millions(nlp) -> None:
    # Near miss: the question asks what the company lost in value, a total.
    fits = type_fits(nlp, "How much market value did Marrowby lose when its shares fell?", _FALL)
    assert max(fits.get("about $420 million", 0.0), fits.get("$420 million", 0.0)) >= 1.0, fits


@pytest.mark.parametrize("question, asks", [
    ("By how much did Trevane's stock rise on Monday?", True),  # the small model parses "stock rise" as a noun
    ("What price were the shares trading at?", True),
    ("How many shares were traded on Friday?", False),  # a count of shares: millions may answer
    ("How much is the stake in Oskvik worth?", False),  # the worth of a whole holding
    ("How much did the firm gain from selling shares?", False),  # a profit, not a price's move
    ("How much did the share sale raise?", False),
    ("What price did the museum pay for the painting?", False),  # no shares
])
def test_which_questions_ask_a_price_per_share(nlp, question: str, asks: bool) -> None:
    assert _asks_share_price(analyze_question(question, nlp)) is asks


@pytest.mark.parametrize("text, millions", [
    ("It is worth $2.4bn.", True),
    ("It is worth 3,500,000 krona.", True),
    ("It is worth €310 million.", True),
    ("It closed at 1,842 pesos.", False),
    ("It closed at $7.35.", False),
])
def test_what_counts_as_a_sum_in_millions(nlp, text: str, millions: bool) -> None:
    doc = nlp(text)
    amount = doc[3:-1]
    assert _a_sum_in_millions(amount) is millions, amount.text
