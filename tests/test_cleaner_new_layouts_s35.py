"""Cleaning rules added in session 35 (a saved e-mail's MIME source, a newsletter's sponsor,
quiz and bulleted digest, an SEO FAQ in schema.org microdata, AMP components, a photo gallery
told in its captions, a metered paywall), each beside a near miss that must stay.

Invented pages (the cable car of the hill town of Varnholm stops with 40 people on board after a
power cut: the Kellby Gazette's morning newsletter saved as raw MIME, its article page with a
FAQ, an AMP copy, a gallery of the rescue, a magazine's interview behind a paywall), not the seed
pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.furniture import line_reason
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Varnholm cable car stops with 40 people on board"
BYLINE = "By Ilse Marrow"
DATE = "Friday 7 June 2033"
BODY = (
    "A power cut stopped the Varnholm cable car at 16:10 on Thursday, leaving 40 passengers in six cabins above the Sella gorge.",
    "Mountain rescuers lowered the last of them to the ground by rope at 22:35, the operator said.",
    "The operator’s engineers traced the fault to a flooded transformer at the valley station.",
)

# --- a newsletter's wrapping: a greeting that presents the issue, the sponsor, a quiz, a digest ---


@pytest.mark.parametrize(
    "line",
    [
        "Good morning. Our lead today is the cable car. Also: the council budget.",
        "Hello. In today's briefing: the cable car, the budget and the weather.",
        "Today’s briefing is supported by Kellby Savings, the valley’s own bank.",
        "This briefing is brought to you by Sella Outdoor.",
    ],
)
def test_a_newsletters_greeting_and_sponsor_are_its_wrapping(line: str) -> None:
    assert line_reason(line) == "newsletter"


@pytest.mark.parametrize(
    "line",
    [
        "Good morning. The cable car is still closed, and buses run every ten minutes from the valley station.",
        '"Good morning. Our lead today is the weather," the presenter began, before the power went off.',
        "The rescue is supported by volunteers from three valleys, the operator said.",
    ],
)
def test_a_greeting_or_a_sponsor_in_the_story_is_kept(line: str) -> None:
    assert line_reason(line) is None


QUIZ = "YESTERDAY'S QUIZ\nHow deep is the Sella gorge? Answer: 340 metres. Today's question is on our website."
DIGEST = (
    "ALSO IN THE NEWS",
    "* Budget: the council sets out its spending plans on Monday.",
    "* Weather: showers spreading from the west, 12C.",
)


def test_a_newsletters_quiz_and_bulleted_digest_are_dropped() -> None:
    document = clean(page(HEADLINE, BYLINE, DATE, *BODY, *DIGEST, QUIZ))
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "ALSO IN THE NEWS", "spending plans", "Weather:", "QUIZ", "340 metres")


def test_a_quiz_heading_over_a_paragraph_and_labelled_paragraphs_are_kept() -> None:
    story = "Yesterday's quiz\nThe pub's quiz night raised 400 crowns for the mountain rescuers."
    labelled = "Buses: every ten minutes from the valley station.\n\nTickets: cable car passes are valid on the buses."
    document = clean(page(HEADLINE, BYLINE, DATE, *BODY, story, "Also today", labelled))
    assert_kept(document, "Yesterday's quiz", "400 crowns", "Buses: every ten minutes", "Tickets: cable car passes")
