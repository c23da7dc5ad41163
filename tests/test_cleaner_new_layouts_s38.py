"""Cleaning rules added in session 38 (a news agency's NITF XML item and other XML files, a
hidden second copy of a page's intro, an official record's transcript, an article paginated
over several scraped pages, a scrolling story's and a newsletter platform's controls), each
beside a near miss that must stay.

Invented pages (the Kestrin reservoir runs low in the province of Talvenmark: the Talvenmark
Press Agency's NITF item, the Valley Courant's scrolling story, the Provincial Council's record
of its water committee, the Morrow Herald's paginated article, the Dry Season newsletter), not
the seed pages nor the labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index import official_records, page_controls, story_credits
from index.cleaning import clean_text
from index.errors import CorpusError
from index.furniture import line_reason
from index.hidden_copies import hidden_from_readers
from index.html_text import html_to_source
from index.ingest import ingest_file, ingest_folder
from index.nitf_documents import looks_like_nitf
from index.metadata import detect_outlet
from index.page_lines import Page, PageLine
from index.source_text import PageHints
from index.reader_prompts import is_prompt
from index.text_shape import ends_sentence
from tests.index.test_cleaning import assert_dropped, assert_kept, page
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Kestrin reservoir falls to a fifth of its capacity"
BODY = (
    "The Kestrin reservoir, which supplies 120,000 homes in Talvenmark, was at 21 per cent of its capacity on Tuesday, the water board said.",
    "Hosepipes have been banned since May, and the board said it would cut the mains pressure at night from next Monday.",
    "Farmers in the Orve valley have been told they may draw no water from the river until the autumn rains.",
    "The board's chief engineer, Petra Lindqvist, said the reservoir had not been this low since records began.",
)


def html_clean(raw: str) -> object:
    return clean_text(raw, "page", is_html=True)


# --- a news agency's NITF item ---

def nitf_item(body_content_close: str = "</body.content>", root_close: str = "</nitf>") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<nitf version="-//IPTC//DTD NITF 3.6//EN">\n'
        "<head>\n"
        f"<title>{HEADLINE}</title>\n"
        '<meta name="agency-slug" content="WATER-KESTRIN/LEVELS"/>\n'
        "<docdata>\n"
        '<doc-id id-string="TPA-20340812-0077"/>\n'
        '<date.issue norm="20340812T141500+0200"/>\n'
        '<doc.copyright year="2034" holder="Talvenmark Press Agency (TPA)"/>\n'
        '<ed-msg info="Editors: a photo of the dam wall is moving as ref. K-34-88."/>\n'
        '<key-list><keyword key="drought"/><keyword key="reservoir"/></key-list>\n'
        "</docdata>\n"
        "</head>\n"
        "<body>\n"
        "<body.head>\n"
        f"<hedline>\n<hl1>{HEADLINE}</hl1>\n<hl2>Night-time pressure cuts &amp; a river ban as the dry summer goes on</hl2>\n</hedline>\n"
        '<note noteclass="editorsnote"><body.content><p>REPEATS to add the board\'s figure</p></body.content></note>\n'
        "<byline>By <person>Maren Osk</person>, <byttl>Environment Correspondent</byttl></byline>\n"
        '<dateline><location>ORVE</location>, <story.date norm="20340812">Aug 12</story.date> (TPA) -</dateline>\n'
        "<abstract><p>The reservoir that waters the province is almost empty; a summary for clients.</p></abstract>\n"
        "<distributor>TPA</distributor>\n"
        "</body.head>\n"
        "<body.content>\n"
        f"<p>{BODY[0]}</p>\n"
        f"<p><![CDATA[{BODY[1]}]]></p>\n"
        f"<p>{BODY[2]}</p>\n"
        '<media media-type="image"><media-caption>The dam wall at Kestrin, 11 August.</media-caption></media>\n'
        f"<p>{BODY[3]}</p>\n"
        '<block style="factbox">\n<hl2>FACTBOX: the Kestrin reservoir</hl2>\n<table>\n'
        "<tr><th>Built</th><td>1961</td></tr>\n<tr><th>Homes supplied</th><td>120,000</td></tr>\n"
        "</table>\n</block>\n"
        f"{body_content_close}\n"
        "<body.end>\n<tagline>(Reporting by Maren Osk; editing by Ivo Hale)</tagline>\n</body.end>\n"
        "</body>\n"
        f"{root_close}\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_nitf_item_keeps_its_printed_header_paragraphs_and_factbox(tmp_path: Path) -> None:
    document, _ = ingest_file(write(tmp_path, "tpa_kestrin.xml", nitf_item()))
    assert_kept(document, HEADLINE, "Night-time pressure cuts & a river ban", "By Maren Osk, Environment Correspondent",
                "ORVE, Aug 12 (TPA) -", *BODY, "FACTBOX: the Kestrin reservoir", "Homes supplied | 120,000")
    assert_dropped(document, "TPA-20340812", "WATER-KESTRIN", "K-34-88", "drought", "REPEATS", "summary for clients",
                   "The dam wall at Kestrin", "Reporting by", "Ivo Hale")
    assert document.text.count(HEADLINE) == 1  # the head's <title> is the agency's
    assert_offsets_exact(document, HEADLINE, BODY[0], BODY[1], "Maren Osk", "FACTBOX: the Kestrin reservoir")


def test_an_nitf_item_states_its_date_author_headline_and_agency(tmp_path: Path) -> None:
    document, _ = ingest_file(write(tmp_path, "tpa_kestrin.xml", nitf_item()))
    assert document.meta.date == "2034-08-12"
    assert document.meta.byline == ("Maren Osk",)
    assert document.meta.headline == HEADLINE
    assert document.meta.outlet == "Talvenmark Press Agency"


def test_an_nitf_item_is_known_by_its_markup_whatever_its_name(tmp_path: Path) -> None:
    as_xml, _ = ingest_file(write(tmp_path, "item.xml", nitf_item()))
    as_text = clean_text(nitf_item(), "item")
    assert as_text.text == as_xml.text
    assert not looks_like_nitf(page(HEADLINE, "The <nitf> element holds the agency's item.", *BODY))


def test_a_truncated_nitf_item_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="never closed"):
        ingest_file(write(tmp_path, "cut.xml", nitf_item(body_content_close="", root_close="")))
    with pytest.raises(CorpusError, match=r"<body\.content> is never closed"):
        ingest_file(write(tmp_path, "cut_body.xml", nitf_item(body_content_close="")))
    with pytest.raises(CorpusError, match=r"body\.content"):
        ingest_file(write(tmp_path, "no_body.xml", '<nitf><head><title>Kestrin</title></head><body></body></nitf>\n'))


def test_an_xml_file_that_is_no_news_document_is_a_load_problem(tmp_path: Path) -> None:
    write(tmp_path, "sitemap.xml", '<?xml version="1.0"?>\n<urlset><url><loc>https://valley.example/kestrin</loc></url></urlset>\n')
    write(tmp_path, "settings.xml", "<configuration><add key='theme' value='dark'/></configuration>\n")
    write(tmp_path, "broken.xml", "just some words, no markup at all\n")
    write(tmp_path, "story.txt", page(HEADLINE, *BODY))
    corpus = ingest_folder(tmp_path)
    assert [document.meta.doc_id for document in corpus.documents] == ["story"]
    problems = {Path(problem.path).name: problem.message for problem in corpus.problems}
    assert "not a news document (root element <urlset>)" in problems["sitemap.xml"]
    assert "root element <configuration>" in problems["settings.xml"]
    assert "not well-formed XML" in problems["broken.xml"]


def test_an_rss_file_saved_as_xml_goes_the_feed_way(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Valley Courant - News</title>\n'
        f"<item><title>{HEADLINE}</title><content:encoded><![CDATA[<p>{BODY[0]}</p><p>{BODY[1]}</p>]]></content:encoded></item>\n"
        "</channel></rss>\n"
    )
    document, _ = ingest_file(write(tmp_path, "courant.xml", feed))
    assert document.text == clean_text(feed, "courant").text
    assert_kept(document, HEADLINE, BODY[0], BODY[1])
    assert_dropped(document, "Valley Courant - News")
    with pytest.raises(CorpusError, match="holds no item"):
        ingest_file(write(tmp_path, "empty.xml", '<rss version="2.0"><channel><title>Valley Courant</title></channel></rss>\n'))


# --- a hidden second copy of the intro ---

def scrolly_page(mobile_attributes: str = 'aria-hidden="true"') -> str:
    dek = "A dry spring, a hot summer and a leaking main: how the province's reservoir ran down"
    return (
        "<html><body>\n"
        f'<div class="intro intro--mobile" {mobile_attributes}>\n<p class="kicker">Data · Water</p>\n'
        f'<p class="hed">{HEADLINE}</p>\n<p class="dek">{dek}</p>\n<p class="byline">By Ada Ferro · 12 August 2034</p>\n</div>\n'
        f'<header class="intro intro--desktop">\n<p class="kicker">Data · Water</p>\n<h1>{HEADLINE}</h1>\n<p class="dek">{dek}</p>\n'
        '<p class="byline">By Ada Ferro, Data Reporter</p>\n<p>Published Saturday 12 August 2034</p>\n</header>\n'
        '<p class="scroll-cue">Scroll to begin ↓</p>\n'
        "<main>\n" + "".join(f'<div class="step"><p>{sentence}</p></div>\n' for sentence in BODY) + "</main>\n"
        "<h2>The reservoir by month</h2>\n<table>\n<caption>Kestrin reservoir: the water held and the water drawn by the towns, by month</caption>\n"
        "<tr><th>Month</th><th>Share of capacity</th></tr>\n<tr><td>June</td><td>48%</td></tr>\n<tr><td>July</td><td>33%</td></tr>\n"
        "</table>\n"
        '<section class="credits">\n<h2>Credits</h2>\n<p>Reporting: Ada Ferro. Graphics and development: Ivo Hale. Editing: Rune Dahl.</p>\n</section>\n'
        '<section class="donate">\n<p>The Valley Courant is free to read. Support independent local journalism from 3 crowns a month.</p>\n</section>\n'
        "</body></html>\n"
    )


def test_a_hidden_copy_of_the_intro_is_dropped_and_the_visible_one_kept() -> None:
    document = html_clean(scrolly_page())
    assert document.text.count(HEADLINE) == 1
    assert document.meta.headline == HEADLINE
    assert_kept(document, "A dry spring, a hot summer", "By Ada Ferro, Data Reporter", *BODY)
    assert_dropped(document, "By Ada Ferro · 12 August 2034", "Data · Water")
    assert document.text.startswith(HEADLINE)


def test_the_hidden_attribute_hides_a_copy_too() -> None:
    document = html_clean(scrolly_page("hidden"))
    assert document.text.count(HEADLINE) == 1
    assert_dropped(document, "By Ada Ferro · 12 August 2034")


def test_a_hidden_element_whose_text_is_nowhere_else_is_left_to_the_other_rules() -> None:
    quote = "The engineers found the leak under the Orve road bridge on the third day of the search."
    raw = f"<html><body><h1>{HEADLINE}</h1>\n<p>{BODY[0]}</p>\n<div aria-hidden=\"true\"><p>{quote}</p></div>\n<p>{BODY[1]}</p></body></html>"
    assert_kept(html_clean(raw), quote)


def test_screen_reader_text_is_not_hidden_from_readers() -> None:
    # sr-only / visually-hidden text is read aloud by screen readers: not this rule's to drop.
    assert not hidden_from_readers({"class": "sr-only"})
    assert not hidden_from_readers({"class": "visually-hidden", "aria-hidden": "false"})
    assert hidden_from_readers({"aria-hidden": "true"}) and hidden_from_readers({"hidden": ""})
    raw = f'<h1>{HEADLINE}</h1><div class="sr-only"><p>{HEADLINE}</p></div><p>{BODY[0]}</p>'
    assert html_to_source(raw).text.count(HEADLINE) == 2


def test_a_scrolling_storys_cue_credits_and_donation_pitch_are_dropped_and_its_table_caption_kept() -> None:
    document = html_clean(scrolly_page())
    assert_dropped(document, "Scroll to begin", "Credits", "Graphics and development", "3 crowns a month")
    assert_kept(document, "Kestrin reservoir: the water held and the water drawn by the towns, by month", "June | 48%", "The reservoir by month")


def test_a_sentence_about_credits_or_support_stays() -> None:
    assert story_credits.line_reason("Reporting: the board's figures were checked by the agency.") is None
    assert story_credits.line_reason("Reporting: Ada Ferro.") is None  # one part is a byline, not a credits list
    assert story_credits.line_reason("Reporting: Ada Ferro. Editing: Rune Dahl.") == "credits"
    assert not is_prompt("The board said it would support local farmers with 3 million crowns a year.")
    assert page_controls.line_reason("Scroll down the list of wells and you will find the Orve spring.") is None


# --- an official record ---

def record_page() -> str:
    return (
        "<html><body>\n<main>\n"
        "<h1>Water supply: the Kestrin reservoir</h1>\n<p>Water and Environment Committee</p>\n<p>Thursday 17 August 2034</p>\n"
        "<p>Volume 88 · Columns 41 to 44</p>\n"
        "<h2>Members present</h2>\n<ul>\n<li>Hanna Voss (Chair) (Orve North) (Green List)</li>\n<li>Tomas Brekke (Kestrin) (Farmers' Union)</li>\n</ul>\n"
        "<h2>Witnesses</h2>\n<ul>\n<li>Petra Lindqvist, Chief Engineer, Talvenmark Water Board</li>\n</ul>\n"
        '<span class="column-number">Column 41</span>\n<p class="time">(10:00)</p>\n<p>The Chair: Order, order.</p>\n'
        "<h3>The Chair (Hanna Voss)</h3>\n<p>Welcome. We are here because the province's reservoir is almost empty in August.</p>\n"
        "<h3>Petra Lindqvist (Chief Engineer, Talvenmark Water Board and Orve Valley Drainage Authority)</h3>\n"
        "<p>The reservoir held 21 per cent of its capacity on Tuesday, the lowest level since records began.</p>\n"
        "<p>Hon. Members: Shame.</p>\n<p>[Interruption.]</p>\n"
        "<h3>Tomas Brekke</h3>\n<p>And why were farmers told to sign up to the river ban?</p>\n"
        "<h3>Petra Lindqvist</h3>\n<p>Because the river feeds the reservoir, and every litre drawn upstream is a litre lost to the towns.</p>\n"
        "<p>Sitting suspended for a vote in the Council.</p>\n<p>(10:47)</p>\n<p>On resuming—</p>\n"
        "<p>Witnesses withdrew.</p>\n<p>Question put and agreed to.</p>\n<p>Committee adjourned at 11:02.</p>\n"
        "</main>\n"
        "<p>Next sitting of the Water and Environment Committee: Thursday 24 August 2034 at 10:00</p>\n"
        "</body></html>\n"
    )


def test_an_official_records_procedure_lists_and_margins_are_dropped_and_its_speeches_kept() -> None:
    document = html_clean(record_page())
    assert_dropped(document, "Members present", "Orve North", "Witnesses", "Columns 41", "Column 41", "(10:00)", "(10:47)",
                   "Order, order", "Hon. Members", "Interruption", "Sitting suspended", "On resuming", "withdrew",
                   "Question put", "adjourned", "Next sitting")
    assert_kept(document, "The Chair (Hanna Voss)", "Water and Environment Committee", "Thursday 17 August 2034",
                "Petra Lindqvist (Chief Engineer, Talvenmark Water Board and Orve Valley Drainage Authority)",
                "Tomas Brekke", "And why were farmers told to sign up to the river ban?", "The reservoir held 21 per cent")


def test_a_reporters_paragraph_quoting_the_chair_stays() -> None:
    quoted = 'The chair, Hanna Voss, shouted "Order, order" twice before the engineer could finish her answer.'
    document = clean_text(page(HEADLINE, "By Ada Ferro", quoted, *BODY, "(10:00)"), "report")
    assert_kept(document, quoted, *BODY)
    assert not official_records.is_record_mark(quoted)
    assert official_records.is_record_mark("The Chair: Order, order.")


def test_a_page_with_one_procedural_line_is_no_record() -> None:
    lines = [PageLine(0, 0, text) for text in (HEADLINE, "Question put and agreed to.", BODY[0])]
    record = Page(lines=lines, outlet=None, aliases=())
    official_records.drop_record_furniture(record)
    assert all(line.reason is None for line in lines)


def test_a_question_about_someone_else_is_no_sign_up_prompt() -> None:
    assert not is_prompt("And what did the council sign up to in March?")
    assert is_prompt("Sign up to our newsletter")
    assert is_prompt("Already a subscriber?")


# --- an article paginated over several scraped pages ---

def paginated_page() -> str:
    site = ("THE MORROW HERALD", "News   Water   Farming   Sport", "Subscribe | Log in")
    return page(
        *site, "WATER", HEADLINE, "The board will cut the mains pressure at night from Monday", "By Ada Ferro, Water Correspondent",
        "Saturday 12 August 2034, 07:30", "Page 1 of 3", BODY[0],
        "The board's report says the next page of the report sets out the cuts in full, district by district.",
        "Continue reading on the next page", "Next page ›",
        *site, HEADLINE, "Page 2 of 3", "‹ Previous page", BODY[1], BODY[2], "Continue reading on the next page", "Next page ›",
        *site, HEADLINE, "Page 3 of 3", "‹ Previous page", BODY[3],
    )


def test_a_paginated_article_keeps_its_first_headline_and_drops_the_page_links() -> None:
    document = clean_text(paginated_page(), "herald")
    assert document.text.count(HEADLINE) == 1
    assert document.text.startswith(HEADLINE)
    assert_kept(document, *BODY, "the next page of the report sets out the cuts")
    assert_dropped(document, "Continue reading", "Next page", "Previous page", "Page 2 of 3")


def test_page_links_are_whole_lines_that_name_a_page() -> None:
    assert line_reason("Next page ›") == "page-navigation"
    assert line_reason("« Previous page") == "page-navigation"
    assert line_reason("‹ Previous") == "interface-label"  # any list's control, as before
    assert line_reason("Story continues on page 2") == "page-navigation"
    assert page_controls.line_reason("Next") is None
    assert page_controls.line_reason("Next page of the report: the district cuts.") is None


# --- a newsletter platform's post ---

def test_a_posts_reaction_counts_and_paid_badge_are_dropped_and_its_footnoted_paragraphs_kept() -> None:
    footnoted = "The board had been warned about the leaking main in March, by its own engineers."
    raw = (
        "<html><body><article>\n"
        f'<h1 class="post-title">{HEADLINE}</h1>\n<a class="author-name" href="/@ada">Ada Ferro</a>\n'
        '<time datetime="2034-08-13">Aug 13, 2034</time>\n<span class="paid-badge">Paid</span>\n'
        '<div class="post-ufi"><a class="like-button"><span>♡</span><span>212</span></a>\n'
        '<a class="restack-button"><span>⟲</span><span>14</span></a></div>\n'
        f"<p>{BODY[0]}</p>\n"
        f'<p>{footnoted}<a class="footnote-anchor" href="#footnote-1">1</a></p>\n'
        f"<p>{BODY[1]}</p>\n"
        "</article></body></html>\n"
    )
    document = html_clean(raw)
    assert_kept(document, BODY[0], footnoted, BODY[1])
    assert_dropped(document, "Paid", "212", "⟲")


def test_counts_badges_and_footnote_numbers_near_misses() -> None:
    assert page_controls.is_reaction_counts("♡ 412 💬 37 ⟲ 28 Share")
    assert not page_controls.is_reaction_counts("18:20")  # a live blog's time stamp
    assert not page_controls.is_reaction_counts("💬 37 Comments")  # left to the comment rules
    assert page_controls.line_reason("The farmers were paid for the water they did not draw.") is None
    assert ends_sentence("by its own engineers.1")
    assert not ends_sentence("The pumps run Windows 3.1")


def test_a_paginated_scrapes_masthead_on_every_page_names_the_outlet() -> None:
    assert clean_text(paginated_page(), "herald").meta.outlet == "The Morrow Herald"
    masthead = ["THE MORROW HERALD", "News   Water", HEADLINE, BODY[0]]
    assert detect_outlet(masthead * 3 + ["Page 2 of 3", "Page 3 of 3"], PageHints()) is not None
    # Without page markers a line printed three times may be anything (a live blog's kicker).
    assert detect_outlet(masthead * 3, PageHints()) is None
