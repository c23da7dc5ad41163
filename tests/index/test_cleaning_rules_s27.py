"""Cleaning rules added or widened in session 27, each beside a near miss that must stay.

Invented pages (a ferry company's merger with a rival, reported by a lakeside paper and by a
wire agency on an aggregator), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

from index.furniture import line_reason
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Lakeline ferries agree to merge with Nordbay Shipping"
BYLINE = "Ilse Brandt | 12 May 2027"  # a byline of the same shape as a comment's signature
HEAD = (HEADLINE, BYLINE)
BODY = (
    "Lakeline, which runs eleven ferries across Lake Varsen, agreed on Wednesday to merge with Nordbay Shipping in a deal worth 310 million crowns.",
    "The companies said timetables would not change this summer, but unions asked for a promise that no crossing would close before 2030.",
)


# A site's ranking of its own stories: a ranking heading the link-list headings do not know
# ("Trending on ...") over short headlines numbered from 1.

RANKING = (
    "Trending on Pressmill",
    "1. Heatwave warning for the east coast",
    "2. Varsen bridge opens after two years",
    "3. Cup final tickets sold out",
)


def test_numbered_ranking_under_a_trending_heading_is_dropped() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join(RANKING)))
    assert_kept(document, *BODY)
    assert_dropped(document, *RANKING)


def test_other_ranking_headings_and_numbering_styles() -> None:
    ranking = ("Most shared this week", "1) Why are ferry fares rising?", "2) Nordbay's new flagship in pictures")
    document = clean(page(*HEAD, *BODY, "\n".join(ranking)))
    assert_kept(document, *BODY)
    assert_dropped(document, *ranking)


def test_trending_subheading_over_a_paragraph_is_kept() -> None:
    section = (
        "Trending on Weibo",
        "Photos of the old Lakeline steamer, which the merged company plans to sell, were shared thousands of times on Thursday.",
    )
    document = clean(page(*HEAD, *BODY, *section))
    assert_kept(document, *section, *BODY)


def test_numbered_list_in_the_article_is_kept() -> None:
    conditions = (
        "The competition authority set three conditions:",
        "1. The board must keep both booking offices open until 2029.",
        "2. Nordbay must sell its two smallest ferries.",
        "3. Fares may rise no faster than inflation.",
    )
    document = clean(page(*HEAD, BODY[0], "\n".join(conditions), BODY[1]))
    assert_kept(document, *conditions, *BODY)


def test_numbered_sentences_under_a_trending_heading_are_kept() -> None:
    section = (
        "Trending on Weibo",
        "1. Passengers posted photos of the old steamer.",
        "2. Sailors shared the union's letter to the board.",
    )
    document = clean(page(*HEAD, *BODY, "\n".join(section)))
    assert_kept(document, *section, *BODY)


# An aggregator's note on whose stories it shows and how little it edits them.


def test_aggregators_note_is_dropped() -> None:
    note = "Pressmill collects headlines from more than 1,200 news sites. Pressmill does not endorse third-party content."
    document = clean(page(*HEAD, *BODY, note))
    assert_kept(document, *BODY)
    assert_dropped(document, note)


def test_aggregators_passive_note_is_a_disclaimer() -> None:
    assert line_reason("Partner stories are published as received.") == "disclaimer"


def test_paragraph_about_an_aggregator_is_kept() -> None:
    paragraphs = (
        "Pressmill shows stories from 900 partner publishers. It was bought by Nordbay's owner in 2024.",
        "Pressmill does not edit partner content, its founder told shareholders.",
        "The app shows stories from local publishers.",
    )
    document = clean(page(*HEAD, BODY[0], *paragraphs, BODY[1]))
    assert_kept(document, *paragraphs, *BODY)


# A thread of signed comments: a comments heading, comments each signed by a handle and a time
# over their text, closed by the link to the rest of the thread. Longer than a teaser.

THREAD = (
    "Reader comments",
    "ferry_fan · 2 hours ago",
    "Eleven ferries and still no boat after 10 pm. Merging won't fix that.",
    "M. Ostby · 3 hours ago",
    "The 1998 merger on the south shore closed two piers within a year.",
    "I hope the union gets it in writing.",
    "lakeside_ola · yesterday at 21:05",
    "Good news for Nordbay shareholders, less for us.",
    "Load more comments",
)


def test_thread_of_signed_comments_is_dropped() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join(THREAD)))
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, *THREAD)


def test_signed_comments_without_a_link_to_the_thread_are_kept() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join(THREAD[:-1])))
    assert_kept(document, *THREAD[1:-1])


def test_byline_shaped_like_a_signature_is_kept() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join(THREAD)))
    assert_kept(document, BYLINE)


def test_paragraph_under_a_signature_shaped_line_is_kept() -> None:
    update = ("Harbour office | 12 May, 09:40", "The 09:40 crossing to Nordvik left on time, the harbour office said.")
    document = clean(page(*HEAD, BODY[0], "\n".join(update), BODY[1]))
    assert_kept(document, *update, *BODY)
