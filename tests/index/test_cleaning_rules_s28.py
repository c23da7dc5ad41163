"""Cleaning rules added or widened in session 28, each beside a near miss that must stay.

Invented pages (the inspection of the Orm dam above the lake town of Lindholm, reported by a
local paper, followed on a live blog and announced in the water authority's press release), not
the seed pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.furniture import line_reason
from index.metadata import is_place_and_date
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Inspectors find cracks in the Orm dam above Lindholm"
BYLINE = "By Maren Holt"
DATE = "4 May 2027"
HEAD = (HEADLINE, BYLINE, DATE)
BODY = (
    "Engineers from the national dam authority found three hairline cracks in the Orm dam on Tuesday, but said the structure was safe and the reservoir would stay full.",
    "The dam, built in 1961, holds back the Orm reservoir, which supplies drinking water to about 90,000 people in Lindholm and the villages below it.",
)

# A live blog of the same day: entries newest first, each a time stamp, a title and its text.
BLOG_HEAD = ("Orm dam inspection: follow the day live", "Maren Holt and Per Engstad", DATE)
ENTRIES = (
    "16:10\nInspectors leave the dam\nThe last inspection team left the crest of the dam at 16:05, the authority said, and the access road has reopened.",
    "11:40\nDivers reach the outlet tunnel\nTwo divers checked the outlet tunnel at the foot of the dam for an hour and found no new damage, a spokeswoman said.",
)


# The sort control of a live blog, labelled "Show:" or "Order:" like "Sort:".


@pytest.mark.parametrize("line", ["Show: Newest first | Oldest first", "Order: Oldest first | Newest first"])
def test_sort_control_with_a_show_or_order_label_is_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


@pytest.mark.parametrize(
    "line",
    ["Show: Newest first", "The exhibition will show the newest first and the oldest last, the curator said."],
)
def test_a_lone_ordering_or_a_sentence_about_order_is_kept(line: str) -> None:
    assert line_reason(line) is None


# Pagination of a feed backwards: "Load earlier entries".


@pytest.mark.parametrize("line", ["Load earlier entries", "Show previous posts", "See earlier updates"])
def test_load_earlier_entries_is_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


def test_a_sentence_about_earlier_entries_is_kept() -> None:
    assert line_reason("Earlier entries in the dam's logbook were lost in the 1998 flood.") is None


# A media player's controls and the clip's text behind the scraper's "[Video]" placeholder.


@pytest.mark.parametrize("line", ["Video transcript available | Subtitles: on", "Audio transcript  Captions: off"])
def test_media_player_controls_are_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


@pytest.mark.parametrize(
    "line",
    ["Subtitles on screen: a translator's craft", "A transcript of the hearing is available on the court's website."],
)
def test_lines_about_transcripts_and_subtitles_are_kept(line: str) -> None:
    assert line_reason(line) is None


def test_soundbite_behind_a_video_placeholder_is_dropped() -> None:
    clip = '[Video] "The water was higher than I have ever seen it," a dam keeper tells Lake Radio. "We checked every joint."'
    document = clean(page(*HEAD, BODY[0], clip, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, "dam keeper", "every joint")


def test_paragraph_about_a_video_is_kept() -> None:
    paragraph = "A video filmed by a dam keeper on Tuesday shows water seeping from one of the joints near the crest."
    document = clean(page(*HEAD, BODY[0], paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


# A live-blog entry that is only an embedded post: no title of the newsroom's, the post opening
# with its author's handle, and the embed's placeholder ("[Embedded post - view on ...]").

EMBED_ENTRY = (
    "13:15\n"
    'Post from @LindholmFire: "Crews are on standby below the dam as a precaution. No evacuation is planned."\n'
    "[Embedded post - view on Chatter]"
)


def test_placeholder_with_a_note_on_where_to_see_the_post() -> None:
    assert line_reason("[Embedded post - view on Chatter]") == "embedded-post"
    assert line_reason("[Correction - an earlier version gave the wrong year]") is None


def test_entry_that_is_only_an_embedded_post_is_dropped_with_its_time_stamp() -> None:
    document = clean(page(*BLOG_HEAD, ENTRIES[0], EMBED_ENTRY, ENTRIES[1]))
    assert_kept(document, *ENTRIES)
    assert_dropped(document, "13:15", "@LindholmFire", "on standby", "Embedded post")


def test_post_quoted_inside_an_entry_with_its_own_title_is_kept() -> None:
    entry = (
        "13:15\n"
        "Fire service on standby\n"
        "The fire service has posted this message:\n"
        "[Embedded post]\n"
        "@LindholmFire · 13:12\n"
        "Crews are on standby below the dam as a precaution. No evacuation is planned.\n"
        "View on Chatter"
    )
    document = clean(page(*BLOG_HEAD, ENTRIES[0], entry, ENTRIES[1]))
    assert_kept(document, *ENTRIES, "Fire service on standby", "Crews are on standby below the dam as a precaution.")
    assert_dropped(document, "[Embedded post]", "View on Chatter")


# A live blog's advertisement entry: the ad label in the place of the entry's title, so the
# entry's text is the advertiser's, whatever its words.

AD_ENTRY = "14:30\nADVERTISEMENT\nMidsummer jazz on the Lindholm quay, 21-23 June. Tickets from 15 crowns."


def test_advertisement_entry_is_dropped_whatever_its_copy_says() -> None:
    document = clean(page(*BLOG_HEAD, ENTRIES[0], AD_ENTRY, ENTRIES[1]))
    assert_kept(document, *ENTRIES)
    assert_dropped(document, "14:30", "Midsummer jazz")


def test_report_glued_under_an_ad_label_outside_an_entry_is_kept() -> None:
    paragraph = "Tickets for the quay concerts cost from 15 crowns this year, the organisers said on Tuesday."
    document = clean(page(*HEAD, BODY[0], "Advertisement\n" + paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


def test_ad_label_inside_an_editorial_entry_does_not_drop_its_text() -> None:
    entry = "14:30\nQuay reopens\nAdvertisement\nThe quay reopened at 14:20 after divers had checked the pilings, the harbour office said."
    document = clean(page(*BLOG_HEAD, ENTRIES[0], entry, ENTRIES[1]))
    assert_kept(document, *ENTRIES, "Quay reopens", "The quay reopened at 14:20")


# A press release's back matter: the media contact and the notes to editors, and the related
# releases and accessibility statement of the site that publishes it.

RELEASE_HEAD = ("Orm dam safe after inspection, water authority says", "Lindholm, 4 May 2027")
CONTACT = "Media contact:\nJo Lind, press officer\nPhone: 0311 20 40 60\nEmail: press@orm-water.ex"
NOTES = (
    "Notes to editors:\n"
    "1. The Orm Water Authority was founded in 1958 and employs 310 people.\n"
    "2. The Orm dam is 84 metres high and was completed in 1961.\n"
    "3. Photographs of the inspection may be used free of charge with this release."
)


def test_media_contact_and_notes_to_editors_are_dropped() -> None:
    document = clean(page(HEADLINE, *BODY, CONTACT, NOTES))
    assert_kept(document, *BODY)
    assert_dropped(document, "Media contact", "Jo Lind", "0311", "Notes to editors", "founded in 1958", "84 metres", "free of charge")


def test_notes_in_the_block_under_a_heading_that_stands_alone() -> None:
    notes = "Notes for editors\n\n1. The authority was founded in 1958.\n2. The dam was completed in 1961."
    document = clean(page(HEADLINE, *BODY, notes))
    assert_kept(document, *BODY)
    assert_dropped(document, "Notes for editors", "founded in 1958", "completed in 1961")


@pytest.mark.parametrize(
    "paragraph",
    [
        "The authority's notes to editors, published with Tuesday's release, said the dam employs 14 keepers.",
        "Editor's note: This article was updated on 5 May to correct the height of the dam.",
    ],
)
def test_sentences_that_mention_notes_for_editors_are_kept(paragraph: str) -> None:
    document = clean(page(*HEAD, BODY[0], paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


def test_paragraph_after_the_back_matter_block_is_kept() -> None:
    document = clean(page(HEADLINE, BODY[0], CONTACT, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, "Jo Lind")


def test_related_press_releases_are_a_link_list() -> None:
    related = "Related press releases\n- Lake level to fall by 40 cm for repairs\n- New fish ladder opens at the Orm weir"
    document = clean(page(*HEAD, *BODY, related))
    assert_kept(document, *BODY)
    assert_dropped(document, "Related press releases", "Lake level", "fish ladder")


def test_sentence_about_related_press_releases_is_kept() -> None:
    line = "Related press releases from the ministry gave no figures for the repairs, the union said."
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line, *BODY)


@pytest.mark.parametrize(
    "line",
    [
        "This website meets accessibility standard WCAG 2.1 AA. Last reviewed: 2 March 2027.",
        "Our portal conforms to the Web Content Accessibility Guidelines.",
    ],
)
def test_accessibility_statement_is_dropped(line: str) -> None:
    assert line_reason(line) == "accessibility-statement"


@pytest.mark.parametrize(
    "line",
    [
        "Our website meets every accessibility standard, the authority's spokeswoman said.",
        "The authority's website fails WCAG 2.1, campaigners for blind residents said on Tuesday.",
    ],
)
def test_reports_about_accessibility_are_kept(line: str) -> None:
    assert line_reason(line) is None


# A press release's place and date right above its title.


def test_place_and_date_above_the_headline_is_kept_as_the_date() -> None:
    document = clean(page("Press release", *RELEASE_HEAD[::-1], *BODY))
    assert_kept(document, RELEASE_HEAD[1], RELEASE_HEAD[0], *BODY)
    assert_dropped(document, "Press release")
    assert document.meta.date == "2027-05-04"


def test_place_and_date_in_a_top_bar_above_a_menu_is_dropped() -> None:
    top = ("Lindholm, 4 May 2027", "News | Lake | Sport | Weather")
    document = clean(page(*top, HEADLINE, BYLINE, *BODY))
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "Lindholm, 4 May", "Sport")


def test_a_weekday_before_the_date_is_not_a_place() -> None:
    assert is_place_and_date("Lindholm, Tuesday 4 May 2027")
    assert not is_place_and_date("Tuesday, 4 May 2027")


# An SEO FAQ block headed "FAQ: topic".

FAQ = (
    "FAQ: Dams and reservoirs",
    "How old is the oldest dam still in use?",
    "Some Roman dams in Spain still hold water nearly 2,000 years after they were built.",
    "Why do dams crack?",
    "Concrete shrinks as it dries and moves with the seasons, so fine cracks are common.",
)


def test_faq_heading_with_a_colon_and_its_topic() -> None:
    document = clean(page(*HEAD, *BODY, "\n".join(FAQ)))
    assert_kept(document, *BODY)
    assert_dropped(document, *FAQ)


def test_sentence_that_opens_with_faq_is_kept() -> None:
    line = "FAQ: the authority's page on the inspection has not been updated since 2019."
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line, *BODY)


# A fact box inside the article: short bulleted "Label: value" lines under a "Key facts" heading.

FACT_BOX = (
    "Key facts: the Orm dam",
    "- Built: 1961",
    "- Height: 84 metres, the tallest dam in the region",
    "- Reservoir: 212 million cubic metres of water when full",
    "- Last inspected: May 2027, by the national dam authority",
)


def test_fact_box_under_its_heading_is_kept() -> None:
    document = clean(page(*HEAD, BODY[0], "\n".join(FACT_BOX), BODY[1]))
    assert_kept(document, *BODY, *(line.lstrip("- ") for line in FACT_BOX))


@pytest.mark.parametrize("heading", ["More on this story", None])
def test_bulleted_links_with_labels_stay_dropped(heading: str | None) -> None:
    links = (
        "- Explainer: how a dam is inspected from the inside",
        "- Watch: divers in the outlet tunnel of the Orm dam",
        "- Analysis: who pays when a reservoir has to be emptied",
    )
    block = "\n".join(([heading] if heading else []) + list(links))
    document = clean(page(*HEAD, *BODY, block))
    assert_kept(document, *BODY)
    assert_dropped(document, *(line.lstrip("- ") for line in links))
