"""Cleaning rules added or widened in session 25, each beside a near miss that must stay.

Invented pages (a rail tunnel fire, a dam inspection, a school closure), not the seed pages nor
the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.furniture import line_reason, timed_title
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEAD = ("Fire in the Orrin rail tunnel halts trains for a second day", "By Selma Aune | 12 May 2026")
BODY = (
    "Firefighters spent the night cooling the tunnel walls after a freight wagon caught fire on Monday, the rail operator said.",
    "Passenger services between Vell and Orrin will not resume before Thursday, although a replacement bus runs every hour.",
)
BLOG_HEAD = ("Orrin tunnel fire - live", "By Selma Aune and Piet Laas | Last updated 12 May 2026, 20:40")
BLOG_ENTRIES = (
    "20:40\nEngineers say the tunnel lining cracked in two places, and a survey will start at first light tomorrow.",
    "18:05\nThe freight operator says the wagon was carrying timber, not chemicals, and that its driver is unhurt.",
)


# A subheading that opens with a figure is not a code-like page fragment.


def test_lowercase_subheading_that_opens_with_a_figure_is_kept() -> None:
    subheading = "12 million euros for tunnel repairs"
    document = clean(page(*HEAD, BODY[0], subheading, BODY[1]))
    assert_kept(document, subheading, *BODY)


@pytest.mark.parametrize("fragment", ["date 2026-05-12 fbpx", "cmp ready v3 2026", "12/05/2026"])
def test_code_like_fragments_without_a_function_word_stay_dropped(fragment: str) -> None:
    document = clean(page(*HEAD, BODY[0], fragment, BODY[1]))
    assert_dropped(document, fragment)
    assert [block.reason for block in document.dropped] == ["page-fragment"]


# A live blog's key-events list whose titles open with a count.


def test_key_events_list_with_titles_that_open_with_a_count_is_dropped() -> None:
    index = ["Key moments", "20:40 2 cracks found in tunnel lining", "18:05 Wagon carried timber, operator says"]
    document = clean(page(*BLOG_HEAD, "\n".join(index), *BLOG_ENTRIES))
    assert_dropped(document, "Key moments", "2 cracks found", "Wagon carried timber, operator")
    assert_kept(document, *BLOG_ENTRIES)


def test_timeline_with_counts_whose_times_head_no_entry_is_kept() -> None:
    timeline = ["Timeline", "06:10 40 passengers board at Vell", "06:52 2 wagons catch fire"]
    document = clean(page(*HEAD, BODY[0], "\n".join(timeline), BODY[1]))
    assert_kept(document, *timeline)


@pytest.mark.parametrize("line", ["10:00 11:30", "19:47 2-1", "21:15 3"])
def test_a_time_before_another_number_is_no_timed_title(line: str) -> None:
    assert timed_title(line) is None


def test_a_time_before_a_count_and_a_word_is_a_timed_title() -> None:
    assert timed_title("19:05 14 trains cancelled") == ("19:05", "14 trains cancelled")


# A caption behind the scraper's placeholder for its picture.


def test_caption_after_a_photo_placeholder_is_dropped() -> None:
    caption = (
        "[Image] Smoke rises from the northern portal on Monday evening. "
        "A firefighter, 29, said the heat inside reached 600 degrees."
    )
    document = clean(page(*HEAD, BODY[0], caption, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, "Smoke rises", "600 degrees")


@pytest.mark.parametrize(
    "line",
    [
        "[Updated 14:05] The operator now says the tunnel will stay shut until the weekend.",
        "[Editor's note] An earlier version of this story gave the wrong length for the tunnel.",
        "The union posted a photo [image removed] of the scorched wagon late on Monday night.",
    ],
)
def test_bracketed_notes_that_are_not_pictures_are_kept(line: str) -> None:
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


# A reader's contribution printed under a readers' label, and calls for readers' material.


def test_reader_contribution_entry_and_its_time_stamp_are_dropped() -> None:
    reader = "19:10\nReaders' stories: Tomas, 52, in Vell emails: \"My train sat outside the tunnel for three hours.\""
    document = clean(page(*BLOG_HEAD, BLOG_ENTRIES[0], reader, BLOG_ENTRIES[1]))
    assert_kept(document, *BLOG_ENTRIES)
    assert_dropped(document, "19:10", "Tomas, 52")


@pytest.mark.parametrize(
    "entry",
    [
        "19:10\nYour questions: how long will the replacement buses run? Until the tunnel reopens, the operator says.",
        "19:10\nA reader in Vell, Tomas, 52, told us his train sat outside the tunnel for three hours before it turned back.",
    ],
)
def test_entries_by_the_newsroom_about_readers_are_kept(entry: str) -> None:
    document = clean(page(*BLOG_HEAD, BLOG_ENTRIES[0], entry, BLOG_ENTRIES[1]))
    assert_kept(document, entry, *BLOG_ENTRIES)


@pytest.mark.parametrize(
    "call",
    [
        "Were you on one of the stranded trains? Send us your experiences at tunnel@example.org.",
        "Send in your questions about the closure and our transport desk will answer them tonight.",
    ],
)
def test_calls_for_readers_experiences_and_questions_are_dropped(call: str) -> None:
    document = clean(page(*HEAD, BODY[0], call, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, call)


@pytest.mark.parametrize(
    "line",
    [
        "Passengers can claim a refund by filling in a form at any staffed station, the operator told us.",
        "The inspectorate asked drivers to send in written accounts of the fire by the end of the month.",
        "Stranded passengers told us about their experiences in the dark, and most said the crew stayed calm.",
    ],
)
def test_article_sentences_about_forms_and_accounts_are_kept(line: str) -> None:
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


# The notice that comments are closed, with its pointer to the rules for commenting.


@pytest.mark.parametrize(
    "notice",
    [
        "Comments are closed on this article. See our house rules.",
        "Commenting has been disabled for this story. Read the community standards.",
    ],
)
def test_comments_closed_notice_with_its_rules_pointer_is_dropped(notice: str) -> None:
    document = clean(page(*HEAD, *BODY, notice))
    assert_kept(document, *BODY)
    assert_dropped(document, notice)


def test_comments_closed_on_something_in_the_story_is_kept() -> None:
    line = "Comments are closed on the rail plan. Read the ministry's guidelines, the union told members."
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


# An advertiser's copy under its label, with a subscription offer's small print.


@pytest.mark.parametrize(
    "copy",
    [
        "Switch to Brightwave Mobile today: unlimited data for 15 euros a month.",
        "Halvorsen Home Insurance - cover from 9 euros a month, no set-up fee.",
        "Tarn Valley Gym: 12 euros a month. Cancel anytime.",
    ],
)
def test_advertisers_offer_under_an_ad_label_is_dropped(copy: str) -> None:
    document = clean(page(*HEAD, BODY[0], "Advertisement\n" + copy, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, copy)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Households that switch to a cheaper tariff today save about 90 euros a year, the regulator said.",
        "Subscribers pay 12 euros a month under the operator's old contract, which the ministry wants to end.",
    ],
)
def test_a_report_on_prices_glued_under_an_ad_label_is_kept(paragraph: str) -> None:
    document = clean(page(*HEAD, BODY[0], "Advertisement\n" + paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


# The outlet named as the one a source spoke to is reporting, not the outlet promoting itself.

SITE = "Vell Valley Courier"


def test_entry_where_a_source_told_the_outlet_is_kept() -> None:
    entry = (
        "We asked the fire chief why the blaze took so long to put out. "
        "\"The tunnel acts like a chimney,\" she told the Vell Valley Courier."
    )
    document = clean(page(SITE, *HEAD, BODY[0], entry, BODY[1], f"© 2026 {SITE}"))
    assert document.meta.outlet == SITE
    assert_kept(document, entry)


def test_outlet_promoting_itself_is_still_dropped() -> None:
    promo = "From the valley floor to the tunnel mouth, the Vell Valley Courier is there when news breaks, and our reporters stay."
    document = clean(page(SITE, *HEAD, *BODY, promo, f"© 2026 {SITE}"))
    assert document.meta.outlet == SITE
    assert_kept(document, *BODY)
    assert_dropped(document, promo)


def test_outlet_named_twice_once_as_told_and_once_promoting_is_dropped() -> None:
    promo = "Engineers told the Vell Valley Courier first, because the Vell Valley Courier is where we break the stories that matter."
    document = clean(page(SITE, *HEAD, *BODY, promo, f"© 2026 {SITE}"))
    assert_dropped(document, promo)


def test_line_reasons_of_the_new_rules() -> None:
    assert line_reason("Reader update: Ola, 70, from Vell writes: \"Three hours on a bus.\"") == "reader-submission"
    assert line_reason("[Photo] Crews at the portal on Monday.") == "caption"
    assert line_reason("[Photo]") == "embedded-post"  # the placeholder alone, as before
