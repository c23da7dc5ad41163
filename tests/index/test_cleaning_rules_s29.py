"""Cleaning rules added or widened in session 29, each beside a near miss that must stay.

Invented pages (a landslide that closes the tram line to the hill town of Orsbury, reported by a
local paper, in the morning newsletter of a regional daily and in the tram operator's public
notice), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.furniture import line_reason
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Landslide shuts the Orsbury tram line for at least a month"
STANDFIRST = "Engineers say the slope above the Kell cutting must be anchored before trams can run again"
BYLINE = "By Tomas Ferrand"
DATE = "12 June 2031"
HEAD = (HEADLINE, BYLINE, DATE)
BODY = (
    "A landslide buried 60 metres of track in the Kell cutting on Tuesday night, and the operator said the line to Orsbury would stay closed for at least a month.",
    "Replacement buses will run every ten minutes between the valley station and Orsbury market square from Thursday morning.",
)


# A media player's audio-description toggle, beside its transcript and subtitles controls.


@pytest.mark.parametrize("line", ["Video transcript available | Audio description: off", "Audio description: on | Subtitles: off"])
def test_audio_description_toggle_is_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


def test_sentence_about_audio_description_is_kept() -> None:
    assert line_reason("Audio description: off for the first screening, and on for the second, the cinema said.") is None


# An e-mail newsletter's own controls, and a site's search box named after its address.


@pytest.mark.parametrize(
    "line", ["Manage your preferences | Unsubscribe", "View in browser | Forward to a friend", "Search orsbury-trams.example"]
)
def test_mailing_controls_and_site_search_are_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


@pytest.mark.parametrize(
    "line",
    [
        "Readers can unsubscribe at any time, the paper said.",
        "Search teams walked the cutting on Wednesday.",
        "Search and rescue",
    ],
)
def test_sentences_about_unsubscribing_and_searching_are_kept(line: str) -> None:
    assert line_reason(line) is None


# A public body's toolbar of reading aids, and the reference number of its notice.


@pytest.mark.parametrize("line", ["Font size: A- A A+ | Contrast | Language: English | Cymraeg", "Text size: A A A"])
def test_reading_aids_toolbar_is_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


@pytest.mark.parametrize("line", ["Language: English", "Text size matters for older passengers, the charity said."])
def test_one_language_line_or_a_sentence_about_text_size_is_kept(line: str) -> None:
    assert line_reason(line) is None


@pytest.mark.parametrize("line", ["Notice No. OT-2031/14", "Press release no. 45/2031", "Ref: OT/2031/7"])
def test_reference_number_of_a_notice_is_metadata(line: str) -> None:
    assert line_reason(line) == "notice-metadata"


@pytest.mark.parametrize(
    "line", ["Notice No. 14 was the first the operator had issued since 1998.", "Platform No. 9", "Notice No. 14"]
)
def test_sentence_with_a_notice_number_or_a_plain_number_is_kept(line: str) -> None:
    assert line_reason(line) is None


# The editor's wrapping around a newsletter's stories: greeting, issue number, sign-off, footer.


@pytest.mark.parametrize(
    "line",
    [
        "Good morning. Mira here with your Thursday note: the tram line closes, a new bakery opens and the rain returns.",
        "Hello and welcome to the Friday digest.",
        "Issue 88 | 4 min read",
        "You are receiving this because you joined our mailing list at orsbury-advertiser.example.",
        "You received this email because you asked for our transport alerts.",
        "That's all for now. Spotted something? Just reply to this email.",
    ],
)
def test_newsletter_wrapping_lines(line: str) -> None:
    assert line_reason(line) == "newsletter"


@pytest.mark.parametrize(
    "line",
    [
        '"Good morning," the driver said as the first replacement bus left the valley station at 5:40 a.m.',
        "Issue 88 of the magazine sold out within a day.",
        '"You are receiving this because your meter was faulty," the letter told customers.',
        "The council asked residents to reply to this email address by Friday, a spokesman said.",
        "That's all from us today. Join us again tomorrow for the engineers' first report.",
    ],
)
def test_greetings_and_sign_offs_in_the_article_or_a_live_blog_are_kept(line: str) -> None:
    assert line_reason(line) is None


# A newsletter archived as a page: its date, number and the editor's greeting and contents list
# above the lead story; a digest of other news, a sponsor, a sign-off and a signature after it.

NEWSLETTER_TOP = (
    "THE VALLEY NOTE\nYour morning news from the Orsbury Advertiser\nThursday 12 June 2031\nIssue 88 | 4 min read",
    "Good morning. Mira here with your Thursday note: the tram line closes, a new bakery opens and the rain returns.",
    "IN TODAY'S NOTE\n1. Orsbury: tram line shut for a month\n2. Bakery opens on Mill Lane",
    "ORSBURY TRAM",
)
LEAD = (HEADLINE + "\n" + STANDFIRST + "\n" + BYLINE, *BODY)
DIGEST = (
    "Also today\n"
    "Bakery opens on Mill Lane: The Hartley family opened their second bakery on Wednesday, with 14 staff.\n"
    "Rain returns: Showers all day, heavy at times. Highs of 14 degrees."
)
SIGN_OFF = "That's all for now. Spotted something? Just reply to this email.\nMira Stenholt, editor of The Valley Note"
SPONSOR = "A MESSAGE FROM OUR SPONSOR\nOrsbury Savings: open your children's account with a 20-taler welcome bonus."


def test_newsletter_keeps_its_lead_story_and_drops_the_wrapping() -> None:
    document = clean(page(*NEWSLETTER_TOP, *LEAD, DIGEST, SPONSOR, SIGN_OFF))
    assert_kept(document, HEADLINE, STANDFIRST, BYLINE, *BODY, "Thursday 12 June 2031")
    assert document.meta.headline == HEADLINE
    assert_dropped(
        document, "Your morning news", "Issue 88", "Mira here", "IN TODAY'S NOTE", "Bakery opens", "Rain returns",
        "Also today", "SPONSOR", "welcome bonus", "Spotted something", "Mira Stenholt",
    )


def test_story_that_mentions_a_newsletter_and_a_greeting_is_kept() -> None:
    paragraph = '"Good morning, we have a problem," the signaller told the control room, the operator\'s newsletter reported on Wednesday.'
    document = clean(page(*HEAD, BODY[0], paragraph, BODY[1]))
    assert_kept(document, HEADLINE, paragraph, *BODY)


def test_signature_only_under_a_sign_off() -> None:
    signed = "Mira Stenholt, editor of The Valley Note"
    document = clean(page(*HEAD, BODY[0], signed + "\n" + BODY[1]))
    assert_kept(document, signed, *BODY)


def test_heading_over_a_paragraph_is_no_digest() -> None:
    paragraph = "Also today, the operator said it would refund every monthly pass for June."
    document = clean(page(*HEAD, BODY[0], "Also today\n" + paragraph, BODY[1]))
    assert_kept(document, "Also today", paragraph, *BODY)


def test_labelled_paragraphs_without_a_digest_heading_are_kept() -> None:
    items = "Buses: every ten minutes from the valley station.\nTickets: monthly passes are valid on the buses."
    document = clean(page(*HEAD, *BODY, items))
    assert_kept(document, "Buses: every ten minutes", "Tickets: monthly passes")


def test_sponsor_label_is_an_ad_and_a_sentence_about_a_sponsor_is_kept() -> None:
    line = "A message from our sponsor"
    assert line_reason(line) == "advertisement"
    paragraph = "A message from the club's sponsor was read out before the last tram left the depot."
    assert line_reason(paragraph) is None


# An advertiser's copy set between two ad labels, whatever its words.

AD_COPY = "Kell Valley bikes - electric bikes for the hill. Now 899 talers at Brenner's Cycles, Station Road."


def test_copy_between_two_ad_labels_is_dropped() -> None:
    document = clean(page(*HEAD, *BODY, "Sponsored\n" + AD_COPY + "\nSponsored"))
    assert_kept(document, *BODY)
    assert_dropped(document, "Kell Valley bikes")


def test_copy_under_one_ad_label_that_reads_as_a_report_is_kept() -> None:
    document = clean(page(*HEAD, BODY[0], "Sponsored\n" + AD_COPY, BODY[1]))
    assert_kept(document, "Kell Valley bikes", *BODY)


# An official notice: a tagline as long as a headline above it, its reference and place-and-date
# lines, then its title and summary over its text; contacts and related notices after it.

NOTICE_TOP = (
    "ORSBURY TRAMWAYS\nMoving people up the hill to Orsbury since 1952\nSearch orsbury-trams.example\n"
    "Text size: A A A | Language: English | Cymraeg"
)
NOTICE_HEAD = "Public notice\nNotice No. OT-2031/14\nOrsbury, 12 June 2031, 09:00"
NOTICE_TITLE = HEADLINE + "\n" + STANDFIRST
CONTACTS = "Contacts\nCustomer line: 0800 112 358 (free, 24 hours)\nPress office: Ida Verne, 0412 77 31 00"
RELATED = "Related notices\nOT-2031/09 - Timetable for the summer holidays\nOT-2031/02 - Fares from 1 March"


def test_notice_title_is_found_under_its_metadata_and_dated_by_its_place_and_date() -> None:
    document = clean(page(NOTICE_TOP, NOTICE_HEAD, NOTICE_TITLE, *BODY, CONTACTS, RELATED))
    assert document.meta.headline == HEADLINE
    assert document.meta.date == "2031-06-12"
    assert_kept(document, HEADLINE, STANDFIRST, "Orsbury, 12 June 2031, 09:00", *BODY)
    assert_dropped(
        document, "since 1952", "Search", "Text size", "Public notice", "OT-2031/14", "Contacts", "0800 112 358",
        "Ida Verne", "Related notices", "Timetable", "Fares",
    )


def test_a_short_control_over_a_long_headline_is_no_headline() -> None:
    document = clean(page("Sign in | Settings\nRail news > Trams\n" + HEADLINE, *BODY))
    assert document.meta.headline == HEADLINE


@pytest.mark.parametrize(
    "paragraph",
    [
        "Contacts between the operator and the drivers' union resumed on Monday.",
        "Related notices went out to 4,000 households in March, the operator said.",
    ],
)
def test_sentences_about_contacts_and_notices_are_kept(paragraph: str) -> None:
    document = clean(page(*HEAD, BODY[0], paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


def test_date_above_the_headline_is_kept_when_the_page_states_no_other() -> None:
    document = clean(page("THE VALLEY NOTE\nThursday 12 June 2031", HEADLINE + "\n" + STANDFIRST + "\n" + BYLINE, *BODY))
    assert document.meta.date == "2031-06-12"
    assert_kept(document, "Thursday 12 June 2031", HEADLINE, *BODY)


def test_masthead_date_stays_dropped_when_the_article_has_its_own_date() -> None:
    document = clean(page("THE ORSBURY ADVERTISER\nWednesday 11 June 2031", *HEAD, *BODY))
    assert document.meta.date == "2031-06-12"
    assert_dropped(document, "Wednesday 11 June 2031")


# A subheading that quotes a phrase, as long as a link title.

QUOTING_SUBHEADING = 'Drivers "kept in the dark for almost three hours"'


def test_subheading_quoting_a_phrase_is_kept() -> None:
    document = clean(page(*HEAD, BODY[0], QUOTING_SUBHEADING, BODY[1]))
    assert_kept(document, QUOTING_SUBHEADING, *BODY)


@pytest.mark.parametrize(
    "link",
    [
        'Read more: Union "deeply worried" about tram safety in Orsbury',
        'Tram drivers: "We warned the operator about the slope last year"',
    ],
)
def test_link_titles_with_quotes_are_dropped(link: str) -> None:
    document = clean(page(*HEAD, BODY[0], link, BODY[1]))
    assert_kept(document, *BODY)
    assert_dropped(document, link)


def test_quoting_line_over_no_paragraph_is_dropped() -> None:
    links = 'Valley buses "running at capacity" since the landslide closed the line\nExplainer: why the Kell cutting keeps slipping'
    document = clean(page(*HEAD, *BODY, links))
    assert_kept(document, *BODY)
    assert_dropped(document, "running at capacity")
