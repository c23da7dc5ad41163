"""Cleaning rules added or widened in session 31, each beside a near miss that must stay.

Invented pages (an offshore wind turbine that collapses off Sollen Bay: the operator's press
release on a newswire, a regional daily's morning newsletter, a broadcaster's explainer, a
magazine feature saved as Markdown by a read-later app, a local paper's report), not the seed
pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.broadcast_pages import line_reason as broadcast_reason
from index.cleaning import clean_text
from index.furniture import line_reason
from index.markdown_text import looks_like_markdown
from index.metadata import byline_names
from index.press_releases import is_source_line
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

HEADLINE = "Turbine tower collapses at the Sollen Bay wind farm"
BYLINE = "By Maren Oakes"
DATE = "9 October 2031"
HEAD = (HEADLINE, BYLINE, DATE)
BODY = (
    "The 140-metre tower of turbine C4 buckled at its base shortly after 03:10 on Thursday and fell into the sea, the operator said.",
    "Nobody was on the platform, and the coastguard closed the waters within two nautical miles of the farm until Saturday.",
)

# A press release on a newswire: the issuer's text, then its standard sections.

RELEASE_TITLE = "Marrick Renewables confirms no injuries after turbine collapse at Sollen Bay"
RELEASE_SUBTITLE = "Company halts the remaining 31 turbines of the same model and opens an engineering review"
RELEASE_TEXT = (
    "SOLLEN BAY, Norvania, October 9, 2031 /Harbourline Wire/ -- Marrick Renewables today confirmed that the tower of turbine C4 collapsed at 03:10 with nobody on board.",
    "Operations director Ilse Brandvik said the company had stopped the 31 other turbines of the model as a precaution.",
)
ABOUT = (
    "About Marrick Renewables",
    "Marrick Renewables (NSE: MRR) is Norvania's largest offshore wind operator. Founded in 2009, it runs six wind farms and employs 1,200 people.",
)
FORWARD = (
    "Cautionary note regarding forward-looking statements",
    "Statements in this release about the review and the restart of the turbines are based on current expectations and involve risks.",
)
RELEASE = page(
    "Harbourline Wire",
    RELEASE_TITLE + "\n" + RELEASE_SUBTITLE,
    "News provided by Marrick Renewables\nOct 09, 2031, 11:00 CET",
    *RELEASE_TEXT,
    *ABOUT,
    *FORWARD,
    "Media contacts:\nJonas Petrel, +47 55 010 200",
    "SOURCE Marrick Renewables",
)


def test_release_keeps_its_text_and_drops_the_issuer_boilerplate() -> None:
    document = clean(RELEASE)
    assert_kept(document, RELEASE_TITLE, RELEASE_SUBTITLE, *RELEASE_TEXT)
    assert_dropped(document, *ABOUT, *FORWARD, "SOURCE Marrick")
    assert {block.reason for block in document.dropped} >= {"release-boilerplate"}


def test_release_names_its_issuer_as_author_and_its_title_as_headline() -> None:
    meta = clean(RELEASE).meta
    assert (meta.headline, meta.byline, meta.date) == (RELEASE_TITLE, ("Marrick Renewables",), "2031-10-09")


@pytest.mark.parametrize("line", ["Provided by Marrick Renewables", "Issued by Marrick Renewables"])
def test_a_release_attribution_names_the_issuer(line: str) -> None:
    assert byline_names(line, None) == ("Marrick Renewables",)


def test_forward_looking_disclaimer_without_a_heading_is_dropped_on_a_release() -> None:
    disclaimer = "This press release contains forward-looking statements that involve risks and uncertainties."
    document = clean(page(RELEASE_TITLE, "Provided by Marrick Renewables", *RELEASE_TEXT, disclaimer, "-30-"))
    assert_kept(document, *RELEASE_TEXT)
    assert_dropped(document, disclaimer)


def test_release_text_about_forward_looking_guidance_is_kept() -> None:
    paragraph = "Analysts said the forward-looking guidance the company gave in June had already priced in a review of the model."
    document = clean(page(RELEASE_TITLE, "Provided by Marrick Renewables", *RELEASE_TEXT, paragraph, "###"))
    assert_kept(document, paragraph, *RELEASE_TEXT)


def test_release_subheading_about_a_thing_in_lowercase_is_kept() -> None:
    section = ("About the review", "The review will be led by an outside engineering firm and report by the end of the year.")
    document = clean(page(RELEASE_TITLE, "Provided by Marrick Renewables", *RELEASE_TEXT, *section, "###"))
    assert_kept(document, *section)


def test_about_heading_over_a_paragraph_that_does_not_name_it_is_kept() -> None:
    section = ("About Sollen Bay", "The farm's 32 turbines stand 18 kilometres off the coast in water up to 40 metres deep.")
    document = clean(page(RELEASE_TITLE, "Provided by Marrick Renewables", *RELEASE_TEXT, *section, "###"))
    assert_kept(document, *section)


def test_about_the_issuer_in_a_news_article_is_kept() -> None:
    """Without a release's back matter (contact, end mark, SOURCE line) the page is an article,
    and a section about the company is the reporter's."""
    section = (
        "About Marrick Renewables",
        "Marrick Renewables is Norvania's largest offshore wind operator and has had two other tower faults since 2029.",
    )
    document = clean(page(*HEAD, *BODY, *section))
    assert_kept(document, *section, *BODY)


def test_paragraph_opening_with_about_is_kept_on_a_release() -> None:
    paragraph = "About 300 engineers will inspect the foundations of the remaining turbines over the next six weeks."
    document = clean(page(RELEASE_TITLE, "Provided by Marrick Renewables", *RELEASE_TEXT, paragraph, "###"))
    assert_kept(document, paragraph)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SOURCE Marrick Renewables", True),
        ("SOURCE Sollen Bay Harbour Authority", True),
        ("SOURCE OF THE LEAK FOUND", False),  # a headline in capitals
        ("SOURCE Marrick Renewables said the tower failed.", False),
        ("Source: Harbourline Wire", False),
    ],
)
def test_source_lines(line: str, expected: bool) -> None:
    assert is_source_line(line) is expected


# A newsletter that numbers its stories: the page is the story under the headline.

NEWSLETTER = page(
    "View in browser | Forward to a friend",
    "THE COAST COURIER\nEvening Edition\nThursday 9 October 2031",
    "Good evening, and welcome to the Evening Edition. Here is the day in brief.",
    "1. TURBINE FALLS INTO THE SEA OFF SOLLEN BAY\nBy Maren Oakes, evening editor",
    *BODY,
    "Read the full story: coastcourier.example/sollen-turbine",
    "2. FERRY FARES RISE IN JANUARY\nSingle tickets to the islands will cost 6% more from 1 January, the operator said.",
    "3. LIBRARY REOPENS\nThe central library reopens on Monday after a two-year renovation.",
    "----------",
    "You are receiving this because you subscribed to the Coast Courier Evening Edition.",
)


def test_newsletter_keeps_its_story_and_drops_the_stories_numbered_after_it() -> None:
    document = clean(NEWSLETTER)
    assert document.meta.headline == "1. TURBINE FALLS INTO THE SEA OFF SOLLEN BAY"
    assert_kept(document, *BODY, "By Maren Oakes")
    assert_dropped(document, "FERRY FARES", "6% more", "LIBRARY REOPENS", "two-year renovation", "Read the full story")


def test_numbered_sentences_of_the_story_are_kept() -> None:
    points = ("2. Every crack must be reported.", "3. The review must be published.")
    document = clean(NEWSLETTER.replace(BODY[1], BODY[1] + "\n\n" + "\n".join(points)))
    assert_kept(document, *points)


def test_numbered_sections_of_an_article_without_newsletter_wrapping_are_kept() -> None:
    section = ("2. WHAT HAPPENS NEXT", "Divers will survey the wreck on Monday before a crane barge lifts the tower.")
    document = clean(page("1. TURBINE FALLS INTO THE SEA OFF SOLLEN BAY", BYLINE, *BODY, *section))
    assert_kept(document, *section)


@pytest.mark.parametrize(
    "line",
    [
        "Read the full story: coastcourier.example/sollen-turbine",
        "Original: https://www.example.org/features/2031/10/sollen",
        "[3]: https://www.example.org/authors/maren-oakes",
        "Website: www.example.org",
    ],
)
def test_a_label_and_a_web_address_is_a_link(line: str) -> None:
    assert line_reason(line) == "link"


@pytest.mark.parametrize(
    "line",
    [
        "Contact: jo.bloggs",
        "Time: 10.30",
        "Cost: 4.5bn kroner",
        "Read the full report at the ministry's website.",
        "The operator published its findings: example.org/report was offline for an hour.",
    ],
)
def test_labels_with_no_web_address_are_not_links(line: str) -> None:
    assert line_reason(line) != "link"


# Fact boxes, timelines and lists the article introduces: its own text, bullets and all.


@pytest.mark.parametrize("heading", ["The collapse in numbers:", "By the numbers", "Sollen Bay in figures"])
def test_box_of_figures_is_kept(heading: str) -> None:
    figures = ("140 metres tall", "31 turbines halted", "2 nautical miles closed")
    document = clean(page(*HEAD, BODY[0], heading + "\n" + "\n".join("- " + figure for figure in figures), BODY[1]))
    assert_kept(document, heading.rstrip(":"), *figures)


@pytest.mark.parametrize("heading", ["Timeline", "Key dates", "Chronology"])
def test_timeline_under_its_heading_is_kept(heading: str) -> None:
    rows = (
        "2 March: an inspection finds a crack in the flange of turbine C4",
        "9 October, 03:10: the tower buckles and falls into the sea",
        "11 October: the coastguard reopens the waters around the farm",
    )
    document = clean(page(*HEAD, *BODY, heading, "\n".join("- " + row for row in rows)))
    assert_kept(document, *rows)


def test_list_that_the_article_introduces_with_a_colon_is_kept() -> None:
    lead_in = "The engineers' first report, sent to the regulator on Friday, found that:"
    findings = (
        "the flange bolts of turbine C4 had been tightened to less than the maker's torque;",
        "two of the 48 bolts had sheared before the collapse;",
        "the crack found in March had been logged but never measured again;",
    )
    document = clean(page(*HEAD, *BODY, lead_in + "\n" + "\n".join("- " + finding for finding in findings)))
    assert_kept(document, lead_in, *findings)


def test_links_under_a_paragraph_that_ends_like_a_sentence_are_still_dropped() -> None:
    links = ("Storm closes the harbour for two days", "Ferry fares rise in January", "Library reopens after renovation")
    document = clean(page(*HEAD, *BODY, "\n".join("- " + link for link in links)))
    assert_kept(document, *BODY)
    assert_dropped(document, *links)


def test_links_under_a_dropped_heading_with_a_colon_are_still_dropped() -> None:
    links = ("Storm closes the harbour for two days", "Ferry fares rise in January", "Library reopens after renovation")
    document = clean(page(*HEAD, *BODY, "Read more:\n" + "\n".join("- " + link for link in links)))
    assert_dropped(document, *links)


def test_figures_without_a_box_heading_are_left_to_the_fragment_rule() -> None:
    """A lowercase count alone, under a paragraph that introduces nothing, is still a leftover."""
    document = clean(page(*HEAD, *BODY, "- 31 turbines halted"))
    assert_dropped(document, "31 turbines halted")


# A broadcaster's player: the clip's kind and length.


@pytest.mark.parametrize("line", ["Video, 2:14", "Audio · 12:05", "Duration: 1:02:45", "VIDEO 0:48"])
def test_a_clip_length_is_the_player(line: str) -> None:
    assert broadcast_reason(line) == "player"


@pytest.mark.parametrize("line", ["Video 2", "The video, 2:14 long, shows the tower falling.", "Audio of the 03:10 alarm"])
def test_lines_about_a_clip_are_not_the_player(line: str) -> None:
    assert broadcast_reason(line) is None


def test_clip_length_is_dropped_between_the_player_lines() -> None:
    document = clean(page(*HEAD, "Video, 2:14", *BODY))
    assert_kept(document, *BODY)
    assert_dropped(document, "2:14")


# The outlet's note that it updated the page.


@pytest.mark.parametrize(
    "line",
    [
        "This article was updated at 09:12 to add the coastguard's statement.",
        "This story was amended on 10 October 2031. An earlier version said the tower was 120 metres tall.",
        "This article has been corrected.",
    ],
)
def test_update_notes_are_revision_notes(line: str) -> None:
    assert line_reason(line) == "revision-note"


@pytest.mark.parametrize(
    "line",
    [
        "This report was amended in May to include the new bolt torques, the regulator said.",
        "The article was updated by the agency after complaints from residents.",
        "This story was updated at 09:12. The coastguard has now reopened the harbour and ferries are running.",
    ],
)
def test_sentences_about_other_revisions_are_kept(line: str) -> None:
    assert line_reason(line) is None


def test_update_note_is_dropped_from_an_html_page() -> None:
    html = (
        "<html><body><article><h1>" + HEADLINE + "</h1><p>" + BYLINE + "</p><p>" + BODY[0] + "</p><p>" + BODY[1] + "</p>"
        '<p class="note">This article was updated at 09:12 to add the coastguard\'s statement.</p></article></body></html>'
    )
    document = clean_text(html, "page", is_html=True)
    assert_kept(document, *BODY)
    assert_dropped(document, "was updated")


# A feature saved as Markdown by a read-later app: read as the rendered page.

MARKDOWN = "\n".join(
    [
        "> Saved with Pocketful on 12 October 2031",
        "> Original: https://www.example.org/features/2031/10/sollen",
        "",
        "# The night turbine C4 fell into the sea",
        "",
        "**Engineers had logged a crack in its flange seven months before. Nobody measured it again.**",
        "",
        "By [Maren Oakes](https://www.example.org/authors/maren-oakes) | 11 October 2031",
        "",
        "![Turbine C4 before the collapse](https://img.example.org/c4.jpg)",
        "*Turbine C4 in 2029, two years after it was built. Photo: Lena Strand*",
        "",
        "## Contents",
        "- [The crack](#the-crack)",
        "- [The fall](#the-fall)",
        "",
        "## The crack",
        "",
        "On 2 March an inspection of [turbine C4](https://www.example.org/topics/c4) found a crack in the flange that joins the tower to its foundation.",
        "",
        "## The fall",
        "",
        "The tower buckled at 03:10 on Thursday 9 October. *Nobody* was on the platform, and 5 * 3 turbines nearby were stopped at once.",
        "",
        "## Key facts",
        "",
        "- **Tower:** 140 metres, built in 2027",
        "- **Turbines halted:** 31",
        "- **Waters closed:** 2 nautical miles",
        "",
        "**About the author:** Maren Oakes is the magazine's energy editor. She lives in Sollen with two dogs.",
        "",
        "### Links",
        "",
        "[1]: https://www.example.org/authors/maren-oakes",
        "[2]: https://www.example.org/topics/c4",
    ]
)


def test_markdown_page_is_read_as_its_rendered_text() -> None:
    document = clean(MARKDOWN)
    assert_kept(
        document,
        "The night turbine C4 fell into the sea\n",
        "Engineers had logged a crack in its flange seven months before. Nobody measured it again.\n",
        "By Maren Oakes | 11 October 2031",
        "inspection of turbine C4 found a crack",
        "The crack\n",
        "Nobody was on the platform, and 5 * 3 turbines",
        "Tower: 140 metres, built in 2027",
        "Turbines halted: 31",
        "Waters closed: 2 nautical miles",
    )
    assert_dropped(document, "https://", "#", "**", "Saved with", "Contents", "Turbine C4 in 2029", "About the author", "Links", "[1]")


def test_markdown_page_states_its_headline_byline_and_date() -> None:
    meta = clean(MARKDOWN).meta
    assert (meta.headline, meta.byline, meta.date) == ("The night turbine C4 fell into the sea", ("Maren Oakes",), "2031-10-11")


def test_markdown_text_points_at_the_raw_file() -> None:
    document = clean(MARKDOWN)
    start = document.text.index("turbine C4 found")
    raw_start, raw_end = document.offsets.to_raw(start, start + len("turbine C4"))
    assert MARKDOWN[raw_start:raw_end] == "turbine C4"


def test_pictures_and_reference_definitions_are_recorded_as_dropped() -> None:
    reasons = {block.reason for block in clean(MARKDOWN).dropped}
    assert {"image", "link-reference"} <= reasons


@pytest.mark.parametrize(
    "text",
    [
        page(*HEAD, *BODY, "# 1 seed in the Sollen Cup", "Ranked #2 nationally"),  # one heading marker, no link
        page(*HEAD, "# Turbine falls", BODY[0], "## What next", BODY[1]),  # headings but no link
        page(*HEAD, *BODY, "See [the regulator's notice](https://example.org/n) for details."),  # a link but no heading
    ],
)
def test_text_pages_without_both_headings_and_links_are_not_markdown(text: str) -> None:
    assert not looks_like_markdown(text)


def test_a_plain_page_keeps_its_hashes_and_asterisks() -> None:
    line = "* The tower's designer, *Northwind*, said it would ## inspect the others."
    document = clean(page(*HEAD, *BODY, line))
    assert_kept(document, "*Northwind*", "## inspect")
