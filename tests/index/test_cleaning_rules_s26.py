"""Cleaning rules added or widened in session 26, each beside a near miss that must stay.

Invented pages (a cable car stuck above a gorge, reported by a city paper, a wire agency on an
aggregator and a live blog), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.furniture import line_reason
from index.metadata import is_date_line
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Cable car stuck above the Sella gorge for four hours"
HEAD = (HEADLINE, "By Mara Velt | 4 June 2026")
BODY = (
    "Forty-one passengers were lowered on ropes from a cable car that stopped above the Sella gorge on Thursday, the operator said.",
    "The line between Brenn and Tarn will stay closed until engineers have checked every pylon, a spokesman for the operator added.",
)
BLOG_HEAD = ("Sella gorge cable car rescue - live", "By Mara Velt and Ivo Dross | Last updated 4 June 2026, 18:40")
BLOG_ENTRIES = (
    "18:40\nThe last of the passengers has reached the valley floor, the mountain rescue service says.",
    "16:10\nA helicopter from Tarn has joined the rescue, lifting two children and their teacher from the car.",
)


# The headline is the title above the byline, not a masthead's tagline above the day's date.

MASTHEAD = "THE BRENN OBSERVER\nTrusted news since 1898\nThursday 4 June 2026"
STANDFIRST = "Forty-one passengers lowered on ropes as engineers search for the fault on the Brenn line"


def test_headline_above_the_byline_wins_over_a_tagline_above_the_days_date() -> None:
    document = clean(page(MASTHEAD, HEADLINE + "\n" + STANDFIRST, "Mara Velt\nTransport reporter\n4 June 2026", *BODY))
    assert document.meta.headline == HEADLINE
    assert_kept(document, HEADLINE, STANDFIRST, *BODY)
    assert_dropped(document, "Trusted news since 1898")


def test_headline_above_its_date_and_then_its_byline_is_still_the_headline() -> None:
    document = clean(page(HEADLINE, "4 June 2026\nBy Mara Velt", *BODY))
    assert document.meta.headline == HEADLINE
    assert document.meta.byline == ("Mara Velt",)


def test_headline_above_a_date_line_alone_is_still_the_headline() -> None:
    document = clean(page(HEADLINE + "\n4 June 2026", *BODY))
    assert document.meta.headline == HEADLINE
    assert document.meta.date == "2026-06-04"


# A bare name over the outlet's own name is the byline of a wire story.

WIRE_PARAGRAPH = (
    "BRENN, June 4 (BPA) - Forty-one passengers were lowered on ropes from a cable car that stopped above "
    "the Sella gorge on Thursday, the operator said."
)


def test_bare_name_over_the_agency_name_is_the_byline() -> None:
    document = clean(page("Brennfeed", HEADLINE, "Mara Velt\nBrenn Press Agency", WIRE_PARAGRAPH, BODY[1]))
    assert document.meta.outlet == "Brenn Press Agency"
    assert document.meta.headline == HEADLINE
    assert document.meta.byline == ("Mara Velt",)


def test_bare_name_over_another_organisation_is_no_byline() -> None:
    document = clean(page("Brennfeed", HEADLINE, "Ivo Dross\nSella Valley Railways", WIRE_PARAGRAPH, BODY[1]))
    assert document.meta.byline == ()


# Section headings that share a "label: phrase" form are headings, however long.

TIMELINE = (
    "Before the climb: a worn cable and a check that was put off",
    "Maintenance on the line was due in April, but the operator moved it to the autumn to keep the cars running for the season.",
    "9:14 a.m.: the car stops",
    "The car came to a halt about 80 metres above the river, and the driver called the control room at once.",
    "9:20 to 9:45 a.m.: a rescue team is called in from Tarn",
    "Twelve climbers from the mountain rescue service reached the nearest pylon within twenty minutes of the call.",
)


def test_long_headings_in_a_series_of_label_and_phrase_headings_are_kept() -> None:
    document = clean(page(*HEAD, BODY[0], *TIMELINE, BODY[1]))
    assert_kept(document, *TIMELINE)


@pytest.mark.parametrize(
    "link",
    [
        "Cable car operator fined for safety failures at two other resorts",
        "Tourism: why the valley depends on its cable cars every summer",
    ],
)
def test_a_link_title_alone_between_paragraphs_is_still_dropped(link: str) -> None:
    document = clean(page(*HEAD, BODY[0], link, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, link)


# A date line with a time zone and the time of its last update.

STAMP = "4 June 2026, 09:05 CEST · Last updated 18:22"


def test_date_line_with_time_zone_and_update_time_is_kept_and_read() -> None:
    document = clean(page(HEADLINE + "\nBy Mara Velt\n" + STAMP, *BODY))
    assert document.meta.date == "2026-06-04"
    assert_kept(document, STAMP, *BODY)


@pytest.mark.parametrize("line", ["4 June 2026 · Updated timetable from 18:22", "Last updated 18:22"])
def test_a_date_beside_other_words_or_an_update_time_alone_is_no_date_line(line: str) -> None:
    assert not is_date_line(line)


# Live-page furniture: the notice that comments are closed on "this live page", the state of
# the page, and the sort control with its label.


def test_comments_closed_on_this_live_page_is_dropped() -> None:
    notice = "Comments are closed on this live page."
    document = clean(page(*BLOG_HEAD, *BLOG_ENTRIES, notice))
    assert_kept(document, *BLOG_ENTRIES)
    assert_dropped(document, notice)


def test_comments_closed_on_another_live_page_is_kept() -> None:
    line = "Comments are closed on the ministry's live page, a spokesman said, after a flood of abuse."
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


def test_notice_that_the_live_page_is_no_longer_updated_is_dropped() -> None:
    notice = "This live page is no longer being updated."
    document = clean(page(*BLOG_HEAD, notice, *BLOG_ENTRIES))
    assert_kept(document, *BLOG_ENTRIES)
    assert_dropped(document, notice)


def test_sentence_about_a_register_no_longer_updated_is_kept() -> None:
    line = "The register of inspections is no longer being updated, the safety board said on Thursday."
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


def test_sort_control_with_its_label_is_an_interface_row() -> None:
    assert line_reason("Sort: Newest first | Oldest first") == "interface-label"
    assert line_reason("Newest first") is None  # one ordering alone may head a list


# The aggregator's account links, its disclaimer, and a decorated advertisement label.


@pytest.mark.parametrize("row", ["Sign in  |  Create free account", "Sign in  |  Register"])
def test_account_links_with_wide_separators_are_an_interface_row(row: str) -> None:
    assert line_reason(row) == "interface-label"


def test_sentence_about_creating_accounts_is_no_interface_row() -> None:
    assert line_reason("Create free accounts for every pupil, the minister told schools.") is None


def test_aggregators_disclaimer_is_dropped() -> None:
    disclaimer = "Brennfeed gathers stories from 300 sources. Brennfeed is not responsible for the content of external publishers."
    document = clean(page(*HEAD, *BODY, disclaimer))
    assert_kept(document, *BODY)
    assert_dropped(document, disclaimer)


def test_sentence_about_who_answers_for_leaflets_is_kept() -> None:
    line = "The council said it is not responsible for the content of leaflets handed out at the valley station."
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


def test_advertisers_copy_under_a_label_set_off_by_dashes_is_dropped() -> None:
    copy = "Your summer in the mountains starts here: Tarn Lodge rooms from 89 euros a night."
    document = clean(page(*HEAD, BODY[0], "-- Advertisement --\n" + copy, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, "Advertisement", copy)


def test_a_decorated_line_that_is_no_ad_label_is_kept() -> None:
    assert line_reason("-- Advertising revenue fell by a third --") is None


def test_offer_with_a_booking_deadline_under_an_ad_label_is_dropped() -> None:
    copy = "Fly Brenn-Tarn from 49 euros with Skyvale. Book by 30 June!"
    document = clean(page(*HEAD, BODY[0], "Advertisement\n" + copy, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, copy)


def test_report_of_a_booking_deadline_under_an_ad_label_is_kept() -> None:
    paragraph = "Walkers must book by 30 June for guided crossings of the gorge, the park authority said."
    document = clean(page(*HEAD, BODY[0], "Advertisement\n" + paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


# A reader's contribution under its label, and the comments a "Load more" link closes.


def test_reader_contribution_under_its_label_is_dropped_with_its_time_stamp() -> None:
    reader = '17:05\nFrom a reader\nOle, 71, from Tarn, writes: "I rode that car to school every winter as a boy."'
    document = clean(page(*BLOG_HEAD, BLOG_ENTRIES[0], reader, BLOG_ENTRIES[1]))
    assert_kept(document, *BLOG_ENTRIES)
    assert_dropped(document, "17:05", "From a reader", "Ole, 71")


def test_entry_from_the_newsrooms_reporter_is_kept() -> None:
    entry = "17:05\nFrom our reporter at the gorge\nThe car is moving again, slowly, towards the Tarn station."
    document = clean(page(*BLOG_HEAD, BLOG_ENTRIES[0], entry, BLOG_ENTRIES[1]))
    assert_kept(document, entry, *BLOG_ENTRIES)


COMMENTS = ("Comments (12)", "tarn_hiker: I rode it last week and it shook the whole way.", "Ola from Brenn: Never again.")


def test_comments_closed_by_a_load_more_link_are_dropped() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join([*COMMENTS, "Load more comments"])))
    assert_kept(document, *BODY)
    assert_dropped(document, *COMMENTS)


def test_lines_under_a_comment_count_without_a_link_to_the_thread_are_kept() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join(COMMENTS)))
    assert_kept(document, *COMMENTS[1:])
