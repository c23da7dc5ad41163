"""Cleaning rules added or widened in session 30, each beside a near miss that must stay.

Invented pages (a signalling failure that stops the Brenmoor metro for a day, in the rail
inspectorate's report dumped from its PDF, a wire story on an aggregator, a radio interview and a
commuter magazine's explainer), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.furniture import line_reason
from index.metadata import date_line_label, detect_outlet
from index.source_text import PageHints
from index.text_shape import ends_sentence
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Signal failure stops every Brenmoor metro train for eleven hours"
BYLINE = "By Ines Calloway"
DATE = "4 March 2032"
HEAD = (HEADLINE, BYLINE, DATE)
BODY = (
    "A signalling computer at the Oster Lane control centre shut down at 06:40 on Tuesday, and the operator stopped all four metro lines within minutes.",
    "Trains ran again from 17:50, but about 310,000 journeys were lost and buses could carry only a fraction of the usual riders.",
)

# A report dumped from its PDF: each page opens with a running header that numbers it and closes
# with the same footer; a contents table, footnotes, a glossary and a legal notice around the text.

ISSUER = "Rail Safety Inspectorate of Norvania"
REPORT_TITLE = "Loss of signalling on the Brenmoor metro, 4 March 2032"
FOOTER = "RI-2032/07 | Interim report"


def running_header(number: int) -> str:
    return f"{ISSUER} — Interim report RI-2032/07 — Page {number} of 4"


CITING = "3.2 The backup computer did not take over because its software licence had expired in January.²"
FOOTNOTE = "² Licence record MB-SIG-44 of the signalling supplier, dated 9 January 2032."
REPORT = (
    running_header(1) + "\n\n" + ISSUER.upper() + "\nInfrastructure Investigations Branch\n\nINTERIM REPORT RI-2032/07\n"
    + REPORT_TITLE + "\nPublished 20 March 2032",
    FOOTER,
    running_header(2) + "\n\nContents\nSummary ........................ 3\n1. The failure .................... 3\n"
    "Glossary . . . . . . . 4",
    FOOTER,
    running_header(3) + "\n\nSummary\n" + BODY[0] + "\n" + CITING + "\n\n" + FOOTNOTE + "\n" + FOOTER,
    running_header(4) + "\n\nGlossary\nInterlocking: the system that stops signals from setting conflicting routes.\n"
    "Axle counter (AC): a device that counts the axles of a train to tell whether a section of track is clear.",
    "Contact and legal notice\nInfrastructure Investigations Branch, 2 Quay Street, Brenmoor BN1 4QT\n"
    "This report does not apportion blame or liability.\n(c) " + ISSUER + " 2032",
    FOOTER,
)


def test_report_keeps_its_text_and_drops_the_furniture_of_its_pages() -> None:
    document = clean(page(*REPORT))
    assert_kept(document, REPORT_TITLE, "Published 20 March 2032", BODY[0], CITING)
    assert_dropped(
        document, "Page 2 of 4", FOOTER, "Contents", "........", ". . . .", "Licence record", "Glossary", "Interlocking",
        "Axle counter", "legal notice", "Quay Street", "apportion blame", "(c)", ISSUER.upper(), "INTERIM REPORT",
    )


def test_report_names_its_issuer_as_outlet_and_author_and_its_title_as_headline() -> None:
    meta = clean(page(*REPORT)).meta
    assert (meta.headline, meta.outlet, meta.date, meta.byline) == (REPORT_TITLE, ISSUER, "2032-03-20", (ISSUER,))


def test_signed_report_keeps_its_byline() -> None:
    signed = REPORT[0].replace(REPORT_TITLE, REPORT_TITLE + "\nBy Ines Calloway")
    assert clean(page(signed, *REPORT[1:])).meta.byline == ("Ines Calloway",)


def test_outlet_named_in_repeats_and_not_in_a_running_header_is_no_author() -> None:
    """An issuer's name at the top of a page that has no page numbers: its outlet, not its author."""
    top = ISSUER + "\n\n" + REPORT_TITLE + "\nPublished 20 March 2032"
    document = clean(page(top, BODY[0], "Contact: " + ISSUER, "(c) " + ISSUER + " 2032"))
    assert document.meta.outlet == ISSUER
    assert document.meta.byline == ()


def test_a_name_of_five_capitalised_words_is_no_site_name() -> None:
    lines = ["National Rail Safety Inspectorate Norvania", REPORT_TITLE, "(c) National Rail Safety Inspectorate Norvania 2032"]
    assert detect_outlet(lines, PageHints()) is None


# A footnote marker after the full stop still ends the sentence; a unit's superscript does not.


def test_sentence_ending_in_a_footnote_marker_ends_like_a_sentence() -> None:
    assert ends_sentence(CITING)
    assert ends_sentence('The inspector called it "a near miss".³')


def test_superscript_of_a_unit_ends_no_sentence() -> None:
    assert not ends_sentence("New concourse of 4,200 m²")


def test_paragraph_with_a_superscript_unit_is_kept() -> None:
    paragraph = "The new concourse at Oster Lane covers 4,200 m² and was meant to open in May, the operator said."
    document = clean(page(*HEAD, BODY[0], paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


def test_line_opening_with_a_superscript_that_nothing_cites_is_kept() -> None:
    line = "² Licence record MB-SIG-44 of the signalling supplier, dated 9 January 2032."
    document = clean(page(*HEAD, *BODY, line))
    assert_kept(document, line)


# Running headers and footers: page numbers of any document, and lines repeated on every page.


@pytest.mark.parametrize("line", ["Page 3 of 12", "Annual review 2032 | Page 7", "Page 2 — Brenmoor Metro Ltd"])
def test_page_numbers_are_running_headers(line: str) -> None:
    assert line_reason(line) == "running-header"


@pytest.mark.parametrize(
    "line",
    [
        "The fault log is reproduced on page 3 of 12 of the annex.",
        "Page 2 of the log shows the alarm at 06:38",
    ],
)
def test_sentences_that_name_a_page_are_kept(line: str) -> None:
    assert line_reason(line) is None


def test_a_short_line_repeated_on_a_page_without_page_numbers_is_kept() -> None:
    """A short line the page repeats is a running footer only where the page numbers its pages."""
    paged = clean(page(*HEAD, "Page 1 of 2", BODY[0], FOOTER, "Page 2 of 2", BODY[1], FOOTER, FOOTER))
    assert_dropped(paged, FOOTER)
    unpaged = clean(page(*HEAD, BODY[0], FOOTER, BODY[1], FOOTER, FOOTER))
    assert_kept(unpaged, FOOTER, *BODY)


# Contents lists: a printed one with dot leaders, a web page's anchors to its own sections.


@pytest.mark.parametrize("line", ["2. Sequence of events ............ 4", "Annex . . . . . xii", "Findings ……… 9"])
def test_dot_leader_lines_are_contents_entries(line: str) -> None:
    assert line_reason(line) == "contents"


def test_ellipsis_before_a_number_in_prose_is_kept() -> None:
    assert line_reason("The countdown on the platform screen read 3... 2... 1") is None


SECTIONS = ("What went wrong", "Why the backup failed")
ANCHORS = "In this article\n" + "\n".join(SECTIONS)


def test_anchor_list_that_repeats_the_subheadings_is_dropped() -> None:
    document = clean(page(*HEAD, ANCHORS, BODY[0], SECTIONS[0], BODY[1], SECTIONS[1], BODY[0].replace("Tuesday", "Monday")))
    assert_dropped(document, "In this article")
    assert document.text.count(SECTIONS[0]) == 1 and document.text.count(SECTIONS[1]) == 1
    assert_kept(document, *BODY)


def test_contents_heading_over_lines_no_section_repeats_is_kept() -> None:
    document = clean(page(*HEAD, ANCHORS, *BODY))
    assert_kept(document, "In this article", *SECTIONS, *BODY)


def test_contents_heading_over_a_paragraph_is_kept() -> None:
    paragraph = "Contents of the lost-property office at Oster Lane were moved to the depot on Wednesday, the operator said."
    document = clean(page(*HEAD, BODY[0], "Contents\n" + paragraph, BODY[1]))
    assert_kept(document, "Contents", paragraph, *BODY)


# A glossary under its heading.

GLOSSARY_ENTRIES = (
    "Interlocking: the system that stops signals from setting conflicting routes.",
    "Axle counter (AC): a device that counts the axles of a train to tell whether track is clear.",
)


def test_glossary_under_its_heading_is_dropped() -> None:
    document = clean(page(*HEAD, *BODY, "Glossary\n" + "\n".join(GLOSSARY_ENTRIES)))
    assert_kept(document, *BODY)
    assert_dropped(document, "Glossary", "Interlocking", "Axle counter")


def test_labelled_lines_without_a_glossary_heading_are_kept() -> None:
    document = clean(page(*HEAD, BODY[0], "\n".join(GLOSSARY_ENTRIES), BODY[1]))
    assert_kept(document, *GLOSSARY_ENTRIES, *BODY)


# A report's contact and legal notice, as a press release's back matter.


def test_legal_notice_under_its_heading_is_dropped() -> None:
    notice = "Legal notice\nThis report does not apportion blame or liability.\nTelephone 0300 555 0199"
    document = clean(page(*HEAD, *BODY, notice))
    assert_kept(document, *BODY)
    assert_dropped(document, "Legal notice", "apportion", "0300")


def test_sentence_about_a_legal_notice_is_kept() -> None:
    paragraph = "A legal notice was served on the signalling supplier on Thursday, the inspectorate said."
    document = clean(page(*HEAD, BODY[0], paragraph, BODY[1]))
    assert_kept(document, paragraph, *BODY)


# A wire story on an aggregator: an app prompt beside "Sign in", a ticker row with a price alone
# and the market's status, the story's summary points under its date line, its revision note, its
# reporter in the sign-off, the aggregator's licence note.

WIRE_HEADLINE = "UPDATE 1-Brenmoor metro runs again after signal failure, inquiry opens"
WIRE_CREDIT = "Northgate Wire | March 4, 2032 7:05 PM"
SUMMARY = (
    "* Trains resume on all four metro lines from 17:50 on Tuesday",
    "* About 310,000 journeys lost in eleven hours, operator says",
    "* Inspectorate opens an inquiry into the failed backup computer",
)
DATELINE = "BRENMOOR, March 4 (Northgate) - " + BODY[0]
SIGN_OFF = "(Reporting by Tamsin Oduya; Additional reporting by Piet Laval; Editing by Rhona Kell)"
WIRE = (
    "Newsdeck\nSign in | Get the Newsdeck app\n"
    "MARKETS  BMX 30 6,120.40 -0.31%  |  Metroline 4.12 +0.80%  |  EUR/NVK 1.2210  |  Markets closed for the Founders Day holiday",
    WIRE_HEADLINE + "\n" + WIRE_CREDIT + "\n3 min read",
    "\n".join(SUMMARY),
    "(Adds union comment in paragraph 4)",
    DATELINE,
    BODY[1],
    SIGN_OFF,
    "Newsdeck shows stories from 180 partner publishers. Northgate Wire content is used under licence.",
)


def test_wire_story_keeps_its_summary_and_drops_the_aggregator_furniture() -> None:
    document = clean(page(*WIRE))
    assert_kept(document, WIRE_HEADLINE, WIRE_CREDIT, *[point.lstrip("* ") for point in SUMMARY], DATELINE, BODY[1], SIGN_OFF)
    assert_dropped(document, "Sign in", "Get the Newsdeck app", "MARKETS", "EUR/NVK", "(Adds", "180 partner", "under licence")


def test_wire_story_metadata_names_the_agency_and_the_reporter_of_its_sign_off() -> None:
    meta = clean(page(*WIRE)).meta
    assert (meta.headline, meta.outlet, meta.date, meta.byline) == (WIRE_HEADLINE, "Northgate Wire", "2032-03-04", ("Tamsin Oduya",))


def test_a_by_line_naming_no_person_is_not_overruled_by_the_sign_off() -> None:
    byline = "By Northgate Wire Staff"
    document = clean(page(WIRE_HEADLINE + "\n" + byline + "\n" + DATE, DATELINE, BODY[1], SIGN_OFF))
    assert document.meta.byline == ()


def test_dateline_agency_without_a_credit_line_names_no_outlet() -> None:
    assert clean(page(*HEAD, DATELINE, BODY[1])).meta.outlet is None


def test_bulleted_links_after_the_text_are_still_dropped() -> None:
    links = "\n".join(("* Tram fares frozen until the summer", "* Ferry timetable changes from Sunday", "* Bridge works delayed again"))
    document = clean(page(*WIRE[:4], DATELINE, BODY[1], links))
    assert_kept(document, *[point.lstrip("* ") for point in SUMMARY])
    assert_dropped(document, "Tram fares", "Ferry timetable", "Bridge works")


@pytest.mark.parametrize("line", ["(Adds union comment in paragraph 4)", "(Updates with closing share price)", "(Corrects spelling of name in paragraph 2)"])
def test_wire_revision_notes(line: str) -> None:
    assert line_reason(line) == "revision-note"


def test_sentence_in_brackets_is_no_revision_note() -> None:
    assert line_reason("(Updates to the timetable will be posted on the operator's website on Friday.)") is None


@pytest.mark.parametrize("line", ["Sign in | Get the Newsdeck app", "Download our app | Sign in"])
def test_app_prompts_beside_sign_in_are_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


def test_sentence_about_an_app_is_kept() -> None:
    assert line_reason("Get the Metroline app to see the new timetable, the operator told riders on Tuesday.") is None


def test_ticker_row_with_a_bare_price_and_the_market_status() -> None:
    line = "BMX 30 6,120.40 -0.31%  |  Metroline 4.12 +0.80%  |  EUR/NVK 1.2210  |  Markets closed for the Founders Day holiday"
    assert line_reason(line) == "ticker"


def test_price_beside_a_sentence_is_no_ticker_row() -> None:
    assert line_reason("Metroline 4.12 +0.80%  |  Analysts expect a loss for the year") is None


def test_licence_note_alone_is_a_disclaimer_and_a_report_of_it_is_kept() -> None:
    assert line_reason("Northgate Wire stories are used with permission.") == "disclaimer"
    assert line_reason("Northgate Wire content is used under licence by 180 publishers, the agency said.") is None


# A radio station's page for an interview: what is on air, the player and its time codes, the
# note on editing, the programme's date line, the station's footer.

PROGRAMME_DATE = "Evening Edition | Tuesday 4 March 2032, 18:10"
INTERVIEW = (
    "HARBOURSIDE RADIO\nOn air now: Evening Edition with Mara Quist (17:00-19:00)",
    'Metro boss: "We will find out why the backup failed"\n' + PROGRAMME_DATE + "\nListen (8:15)",
    "This interview has been condensed and edited for length.",
    "[00:00]\nPRESENTER: What happened at Oster Lane this morning?",
    "OTTO BRANDT: The signalling computer shut down at 06:40 and the backup did not take over, so we stopped every train.",
    "[03:41]\nPRESENTER: When will you know why?",
    "OTTO BRANDT: The inspectorate has opened an inquiry, and we will publish what our engineers find within a week.",
    "Harbourside Radio is part of Norvania Broadcasting. On 101.2 FM and digital radio since 1971.",
)


def test_interview_keeps_its_transcript_and_drops_the_player_and_the_station_footer() -> None:
    document = clean(page(*INTERVIEW))
    assert_kept(document, PROGRAMME_DATE, "PRESENTER: What happened", "OTTO BRANDT: The signalling computer", "OTTO BRANDT: The inspectorate")
    assert_dropped(document, "On air now", "Listen (8:15)", "condensed", "[00:00]", "[03:41]", "101.2 FM", "part of Norvania")


def test_interview_metadata_gives_the_programme_date_and_its_presenter() -> None:
    meta = clean(page(*INTERVIEW)).meta
    assert (meta.headline, meta.date, meta.byline) == ('Metro boss: "We will find out why the backup failed"', "2032-03-04", ("Mara Quist",))


def test_programme_without_a_named_host_gives_no_author() -> None:
    without_host = (INTERVIEW[0].replace(" with Mara Quist", ""), *INTERVIEW[1:])
    assert clean(page(*without_host)).meta.byline == ()


def test_date_line_label_is_a_short_title() -> None:
    assert date_line_label(PROGRAMME_DATE) == "Evening Edition"
    assert date_line_label("Why the metro stopped for eleven hours | 4 March 2032") is None
    assert date_line_label("Evening Edition | Our reporters in Brenmoor") is None


@pytest.mark.parametrize(
    "line",
    [
        "On air, the minister apologised to riders for the delays.",
        "The transcript was edited before it was released, the court heard.",
        "The station has broadcast on 101.2 FM since 1971, its manager said.",
        "Harbourside Radio is part of Norvania Broadcasting.",
    ],
)
def test_sentences_about_broadcasts_are_kept(line: str) -> None:
    assert line_reason(line) is None


def test_time_stamp_heading_a_live_blog_entry_is_kept() -> None:
    document = clean(page(*HEAD, BODY[0], "18:05\nTrains are running again on line 2.", BODY[1]))
    assert_kept(document, "18:05", "Trains are running again")


def test_time_code_with_speech_on_its_line_is_kept() -> None:
    line = "[03:41] PRESENTER: When will you know why the backup failed?"
    document = clean(page(*HEAD, BODY[0], line, BODY[1]))
    assert_kept(document, line)


# A drawn picture's credit.


@pytest.mark.parametrize("line", ["Illustration by Hedda Marsk", "Graphic: Piet Laval/City Rider"])
def test_artwork_credits_are_captions(line: str) -> None:
    assert line_reason(line) == "caption"


def test_sentence_about_illustrations_is_kept() -> None:
    assert line_reason("Illustrations by local schoolchildren hang in the Oster Lane ticket hall.") is None
