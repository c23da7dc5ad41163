"""Cleaning rules added or widened in session 32, each beside a near miss that must stay.

Invented pages (the spillway gate of the Sollen dam jams in a winter storm: the water board's
review dumped from its PDF with its paragraphs wrapped as printed, a wiki article, the transcript
of a county briefing, a fact check), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.cleaning import clean_text
from index.encyclopedia_pages import line_reason as encyclopedia_reason
from index.furniture import line_reason
from index.page_lines import Page, split_lines
from index.printed_pages import wrapped_paragraphs
from index.reader_prompts import is_prompt
from index.text_shape import content_bounds, ends_sentence
from index.transcripts import line_reason as transcript_reason
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

# A report dumped from its PDF: no blank lines, paragraphs wrapped at the column's width, a
# running header and a numbered footer on every page.

FOOTER = "HWB-2031-04 | Page {} of 3"
RUNNING_TITLE = "Sollen Dam Spillway Gate: Review of the Incident of 12 January 2031"
TITLE_PAGE = (
    "HALVERN WATER BOARD",
    "Sollen Dam Spillway Gate",
    "Review of the Incident",
    "Published 3 March 2031",
    FOOTER.format(1),
)
SUMMARY = (
    "1. Summary",
    "The left spillway gate of the Sollen Dam jammed half open at 04:10 on 12 January",
    "2031, and the reservoir rose by 1.4 metres before the duty engineer opened the",
    "bypass tunnel at 09:30. About 2,300 people downstream were told to move to higher",
    "ground as a precaution, and nobody was hurt in the valley or at the dam itself.",
)
# The fourth line fills the column and ends with "the": the paragraph goes on below it, though
# the next line opens with a capital.
TUNNEL = (
    "2. The bypass tunnel",
    "The tunnel had been closed for repairs since November, and its valve was opened by",
    "hand after the control cable failed. The engineers then drove the mobile pump to the",
    "Marsh End culvert, which carried 40 cubic metres a second away from the village, and",
    "kept the second pump in reserve at the depot at the top of the road beside the",
    "Halvern Road bridge until the level had fallen below the spillway crest again.",
)
# A paragraph that runs on over the page break: the footer and the running header sit between
# its lines.
PAGE_BREAK = (
    "3. Warnings",
    "The first warning reached phones in Marsh End and Tollby at 04:52, and the police",
    "went from door to door in the lower streets of both villages once the duty engineer",
    FOOTER.format(2),
    RUNNING_TITLE,
    "had confirmed that the gate could not be closed from the control room that night.",
)
FIGURE_CAPTION = "Figure 2 shows the jammed gate and its winch as found"
# A caption as wide as the column, set apart by blank lines over the paragraph it illustrates, and
# a caption wrapped over two lines: neither is a paragraph's line.
WIDE_CAPTION = "Figure 3 shows the gearbox of the left gate's winch as the Board's divers found it"
UNDER_CAPTION = "Engineers inspected the winch on 13 January and found its gearbox seized with ice."
WRAPPED_CAPTION = (
    "Figure 4 shows the level of the reservoir against the spillway crest and the tunnel's",
    "flow as measured by the Board's gauges at the dam over the three days",
)
FOOTNOTE = (
    "¹ Level readings from the dam's logger, which records the reservoir every fifteen",
    "minutes and was checked by the Board's survey team after the incident.",
)
GLOSSARY = (
    "Glossary",
    "Spillway: the channel that carries surplus water over or around a dam when the",
    "reservoir is full.",
    "Freeboard: the height between the water level and the crest of the dam.",
)
DISCLAIMER = (
    "Disclaimer",
    "This review is published for public information. Figures may be revised as the",
    "Board completes its inspections. The Board accepts no liability for their use.",
)


def report(*parts: tuple[str, ...]) -> str:
    lines: list[str] = [*TITLE_PAGE, RUNNING_TITLE]
    for part in parts:
        lines.extend(part)
    lines.extend([FOOTER.format(3)])
    return "\n".join(lines)


# The figure's caption stands between blank lines, as a dump sets a figure or a table apart.
REPORT = report(
    SUMMARY,
    TUNNEL,
    PAGE_BREAK,
    ("", FIGURE_CAPTION, "", WIDE_CAPTION, "", UNDER_CAPTION, ""),
    WRAPPED_CAPTION,
    ("",),
    FOOTNOTE,
    GLOSSARY,
    DISCLAIMER,
)


def test_wrapped_lines_of_a_printed_paragraph_are_kept() -> None:
    document = clean(REPORT)
    assert_kept(document, *SUMMARY[1:])  # lines cut mid-sentence read as captions and link titles


def test_a_line_that_fills_the_column_runs_on_into_a_capitalised_line() -> None:
    document = clean(REPORT)
    assert_kept(document, *TUNNEL[1:])


def test_a_paragraph_runs_on_over_the_running_header_and_footer() -> None:
    document = clean(REPORT)
    assert_kept(document, *PAGE_BREAK[1:3], PAGE_BREAK[-1])
    assert_dropped(document, FOOTER.format(2))


def test_a_short_title_like_line_does_not_join_the_paragraph_under_it() -> None:
    # The caption is short of the column's width: it is no wrapped line of the paragraph below.
    assert_dropped(clean(REPORT), FIGURE_CAPTION)


def test_a_blank_line_ends_a_paragraph_however_wide_the_line_above() -> None:
    document = clean(REPORT)
    assert_kept(document, UNDER_CAPTION)
    assert_dropped(document, WIDE_CAPTION)


def test_a_wrapped_caption_that_ends_no_sentence_stays_dropped() -> None:
    assert_dropped(clean(REPORT), *WRAPPED_CAPTION)


def test_a_footnote_takes_its_wrapped_lines_with_it() -> None:
    text = report(SUMMARY[:-1], (SUMMARY[-1] + "¹",), FOOTNOTE)
    document = clean(text)
    assert_kept(document, *SUMMARY[1:])
    assert_dropped(document, *FOOTNOTE)


def test_a_glossary_with_wrapped_entries_is_dropped() -> None:
    document = clean(REPORT)
    assert_dropped(document, *GLOSSARY)
    assert_kept(document, *SUMMARY[1:])


def test_a_disclaimer_under_its_heading_is_dropped() -> None:
    document = clean(REPORT)
    assert_dropped(document, *DISCLAIMER)


def test_lines_of_an_unpaged_page_are_each_their_own_paragraph() -> None:
    # Without page numbers the lines are left to the line rules: a web page's short lines are
    # menus and captions more often than a paragraph cut by a printer.
    lines = split_lines("\n".join(SUMMARY))
    assert wrapped_paragraphs(Page(lines=lines, outlet=None, aliases=())) == []


# A wiki article scraped to text.

WIKI_TITLE = "2031 Sollen dam incident"
WIKI_LEAD = (
    "The 2031 Sollen dam incident was the jamming of a spillway gate of the Sollen Dam in Halvern "
    "on 12 January 2031.[1] About 2,300 people were told to leave their homes.[2][3]"
)
WIKI_BACKGROUND = "The dam was built in 1911 to supply the mills of Tollby and was last inspected in 2028.[4]"
WIKI_GATE = "The gate was freed by divers on 14 January and replaced in the summer.[a]"
WIKI_REFERENCES = (
    '^ a b "Sollen dam gate jams in storm". The Halvern Courier. 12 January 2031.',
    '^ "2,300 told to leave below Sollen dam". Example News. 13 January 2031.',
)
WIKI = page(
    "Examplepedia",
    "Main page | Contents | Random article | About Examplepedia",
    WIKI_TITLE,
    "From Examplepedia, the free encyclopedia",
    "Coordinates: 52°04′N 3°41′W",
    "The jammed spillway gate seen from the crest of the dam at dawn",  # the infobox's picture
    "Contents\n1 Background\n2 The gate\n3 See also\n4 References",
    WIKI_LEAD,
    "Background[edit]",
    WIKI_BACKGROUND,
    "The gate[edit]",
    WIKI_GATE,
    "See also[edit]",
    "List of dam incidents in Halvern\nSpillway",
    "References[edit]",
    "\n".join(WIKI_REFERENCES),
    "Text is available under the Examplepedia Content Licence; additional terms may apply.",
)


def test_wiki_article_keeps_its_text_with_citation_markers() -> None:
    document = clean(WIKI)
    assert_kept(document, WIKI_LEAD, WIKI_BACKGROUND, WIKI_GATE)


def test_wiki_title_is_the_line_above_the_tagline() -> None:
    document = clean(WIKI)
    assert document.meta.headline == WIKI_TITLE
    assert_dropped(document, "the free encyclopedia", "Coordinates")


def test_wiki_headings_lose_their_edit_link() -> None:
    document = clean(WIKI)
    assert "\nBackground\n" in document.text and "The gate\n" in document.text
    assert "[edit]" not in document.text


def test_wiki_back_matter_and_contents_are_dropped() -> None:
    document = clean(WIKI)
    assert_dropped(document, "See also", "List of dam incidents", "References", *WIKI_REFERENCES, "Examplepedia Content Licence")
    assert_dropped(document, "1 Background", "2 The gate", "Contents")


def test_numbered_lines_that_no_heading_repeats_are_kept() -> None:
    steps = "Contents\n1 Close the valve\n2 Call the engineer"
    document = clean(page("How the board answers a jammed gate", "By Jo Bloggs", steps, WIKI_BACKGROUND))
    assert_kept(document, "1 Close the valve", "2 Call the engineer")


@pytest.mark.parametrize(
    "text",
    [
        "The gate was replaced.[4]",
        "The gate was replaced.[4][12]",
        'He called it "a near miss".[7]',
        "The gate was replaced.[b]",
        "The gate was replaced.[citation needed]",
    ],
)
def test_citation_markers_after_a_sentence_end_it(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize("text", ["Background[edit]", "The gate[4]", "Figures [a]", "Gate 4 [note]"])
def test_brackets_after_a_word_end_no_sentence(text: str) -> None:
    assert not ends_sentence(text)


def test_an_edit_link_alone_is_left_as_it_is() -> None:
    assert content_bounds("History [edit source]") == (0, 7)
    assert content_bounds("[edit]") == (0, 6)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('^ a b c "Gate jams in storm". The Halvern Courier. 12 January 2031.', "references"),
        ('3. ^ "Dam review published". Example News. 3 March 2031.', "references"),
        ("From Examplepedia, the free encyclopedia", "masthead"),
        ("From Tollby Wiki, the online encyclopaedia", "masthead"),
        ("Coordinates: 52°04′N 3°41′W", "coordinates"),
        ("Content is available under the Example Open Licence unless otherwise noted.", "copyright"),
    ],
)
def test_wiki_furniture_lines(text: str, reason: str) -> None:
    assert encyclopedia_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "2^10 readings were logged before the gate jammed.",
        "From Tollby, the engineers drove to the dam.",
        "Coordinates of the jammed gate were sent to the divers at 05:10.",
        "The review is available under a freedom of information request.",
    ],
)
def test_wiki_furniture_near_misses(text: str) -> None:
    assert encyclopedia_reason(text) is None


# A county's transcript of a briefing: the list of speakers, labelled turns, the end marker.

TURNS = (
    "COMMISSIONER ORMSBY: Good afternoon. The gate at Sollen is still jammed, and the level is falling slowly.",
    "REPORTER (Halvern Courier): When can people in Marsh End go home?",
    "COMMISSIONER ORMSBY: Not before Friday. We will tell them as soon as the engineers are sure.",
    "ENGINEER VALE: The bypass tunnel is carrying 40 cubic metres a second, and that is holding.",
)
SPEAKERS = "Speakers:\nAnna Ormsby, Commissioner, Halvern County\nPiet Vale, chief engineer, Halvern Water Board"
TRANSCRIPT = page(
    "Transcript: Sollen dam briefing, Halvern County Hall",
    "Wednesday 14 January 2031, 15:00",
    SPEAKERS,
    *TURNS,
    "END OF TRANSCRIPT",
    "Transcripts are prepared by the Press Office and may contain errors. Check against the recording.",
)


def test_transcript_keeps_its_turns_and_drops_the_speaker_list() -> None:
    document = clean(TRANSCRIPT)
    assert_kept(document, *TURNS)
    assert_dropped(document, "Speakers", "Anna Ormsby, Commissioner", "Piet Vale, chief engineer")


def test_transcript_drops_its_end_marker_and_accuracy_note() -> None:
    document = clean(TRANSCRIPT)
    assert_dropped(document, "END OF TRANSCRIPT", "may contain errors", "Check against")


def test_speaker_list_on_a_page_without_turns_is_kept() -> None:
    speakers = "Speakers:\nAnna Ormsby, Commissioner, Halvern County\nPiet Vale, chief engineer, Halvern Water Board"
    document = clean(page("Dam safety conference opens in Tollby", "By Jo Bloggs", speakers, WIKI_BACKGROUND))
    assert_kept(document, "Anna Ormsby, Commissioner", "Piet Vale, chief engineer")


@pytest.mark.parametrize(
    "text", ["END OF TRANSCRIPT", "[End of transcript]", "This transcript was prepared by a contractor and may contain mistakes."]
)
def test_transcript_notes(text: str) -> None:
    assert transcript_reason(text) == "transcript-note"


@pytest.mark.parametrize(
    "text",
    [
        "The end of the transcript was read out in court.",
        "The transcript contained errors, the court heard.",
        "Transcripts are prepared by the Press Office and may contain errors. The minister disagreed.",
    ],
)
def test_sentences_about_transcripts_are_kept(text: str) -> None:
    assert transcript_reason(text) is None


# A government page's footer and a fact check's furniture.

ARTICLE = page(
    "Sollen dam gate freed by divers after three days",
    "By Jo Bloggs",
    "14 January 2031",
    WIKI_BACKGROUND.replace("[4]", ""),
    "Divers freed the gate at 11:20 on Wednesday, and the board said the level would be normal by Friday.",
    "Residents of Marsh End were allowed home on Thursday evening, the county said.",
    "Last updated: 15 January 2031, 09:12",
)


def test_last_updated_stamp_under_the_text_is_dropped() -> None:
    document = clean(ARTICLE)
    assert_dropped(document, "Last updated")
    assert document.meta.date == "2031-01-14"


@pytest.mark.parametrize(
    "lead",
    [(), ("Divers freed the jammed gate of the Sollen dam on Wednesday after three days of work in the ice.",)],
)
def test_last_updated_stamp_under_the_headline_or_standfirst_is_the_date(lead: tuple[str, ...]) -> None:
    stamp = "Last updated: 15 January 2031, 09:12"
    document = clean(page("Sollen dam gate freed by divers after three days", *lead, stamp, WIKI_BACKGROUND.replace("[4]", "")))
    assert_kept(document, stamp)
    assert document.meta.date == "2031-01-15"


@pytest.mark.parametrize(
    "text",
    [
        "Was this page helpful? Yes | No",
        "Did you find this article useful?",
        "Spotted something we got wrong? Email corrections@example.org and we will look at it.",
        "Found a mistake? Tell us.",
    ],
)
def test_feedback_and_correction_prompts(text: str) -> None:
    assert is_prompt(text)


@pytest.mark.parametrize(
    "text",
    [
        "Was this page helpful to the engineers, the inquiry asked.",
        "Divers spotted something wrong with the winch on Tuesday.",
        "Engineers found a mistake in the gate's settings?",
    ],
)
def test_questions_about_errors_in_the_story_are_not_prompts(text: str) -> None:
    assert not is_prompt(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Reading time: 6 minutes", "interface-label"),
        ("Estimated reading time: 4 min", "interface-label"),
        ("[Video, 0:41]", "embedded-post"),
        ("[Embedded video · 1:02:45]", "embedded-post"),
    ],
)
def test_reading_time_label_and_clip_placeholder(text: str, reason: str) -> None:
    assert line_reason(text) == reason


@pytest.mark.parametrize("text", ["Reading time for pupils rose by 6 minutes a day.", "[Video evidence, the court heard]"])
def test_reading_time_and_placeholder_near_misses(text: str) -> None:
    assert line_reason(text) is None


def test_more_fact_checks_list_is_dropped() -> None:
    links = "More fact checks\nNo, the Sollen dam did not burst in 2029\nPhoto of a flooded church is from 2019"
    document = clean(page("No, the Sollen dam was not sabotaged", "By Jo Bloggs", "16 January 2031", WIKI_BACKGROUND.replace("[4]", ""), links))
    assert_kept(document, "The dam was built in 1911")
    assert_dropped(document, "More fact checks", "did not burst", "flooded church")


def test_offsets_of_kept_wiki_and_report_lines_point_at_the_raw_file() -> None:
    for raw, kept in ((WIKI, "Background"), (WIKI, WIKI_GATE), (REPORT, TUNNEL[4]), (REPORT, PAGE_BREAK[-1])):
        document = clean_text(raw, "page")
        start = document.text.index(kept)
        raw_start = document.offsets.raw_position(start)
        assert raw[raw_start:raw_start + len(kept)] == kept
