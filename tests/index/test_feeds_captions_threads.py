"""Cleaning rules added in session 34 (feeds, caption files, social-media threads, a printed
report's tables and apparatus, a fact check's claim boxes), each beside a near miss that must stay.

Invented pages (a grain ferry runs aground at the mouth of the Corrow estuary: the harbour
paper's RSS feed with the article in ``content:encoded``, an Atom feed, the captions of a TV
report, a reporter's thread from the inquiry, the harbour board's printed report, a fact check),
not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

import pytest

from index.broadcast_pages import line_reason as broadcast_reason
from index.caption_files import caption_source, looks_like_caption_file
from index.cleaning import clean_text
from index.feeds import feed_source, looks_like_feed
from index.furniture import line_reason
from index.records import CleanedDocument
from index.social_threads import looks_like_thread, thread_source
from index.text_tables import table_lines
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page


def assert_offsets_exact(document: CleanedDocument, *kept: str) -> None:
    """Each kept passage maps to the exact characters of the raw file, and every run of the
    offset map is a verbatim copy."""
    for run in document.offsets.runs:
        assert document.text[run.text_start:run.text_start + run.length] == document.raw_text[run.raw_start:run.raw_start + run.length]
    for sentence in kept:
        start = document.text.index(sentence)
        raw_start = document.offsets.raw_position(start)
        assert document.raw_text[raw_start:raw_start + len(sentence)] == sentence


# --- a news feed: the article in one item's content ---

ARTICLE_PARAGRAPHS = (
    "The grain ferry Tessaly ran aground on the Corrow bar at 05:20 on Thursday with 14 crew on board, the harbour board said.",
    "Tugs from Marrow Point pulled the ship free on the evening tide, and divers found a 3-metre gash in the forward hold.",
    "The board's harbour master, Edda Voss, said the channel buoys had been moved after the spring survey.",
)
FEED = "\n".join(
    (
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml-stylesheet type="text/xsl" href="https://courier.example/feed.xsl"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        "<title>The Harrowgate Courier - Local</title>",
        "<link>https://courier.example/local</link>",
        "<description>Local news from Harrowgate and the Corrow estuary since 1899.</description>",
        "<lastBuildDate>Thu, 06 Mar 2031 21:40:00 +0000</lastBuildDate>",
        "<item>",
        "<title>Harbour dredging contract goes to Selvik Marine</title>",
        "<link>https://courier.example/local/dredging</link>",
        "<dc:creator><![CDATA[Courier desk]]></dc:creator>",
        "<pubDate>Wed, 05 Mar 2031 10:00:00 +0000</pubDate>",
        "<description>&lt;p&gt;Selvik Marine will dredge the inner basin under a 12 million crown contract.&lt;/p&gt;</description>",
        "</item>",
        "<item>",
        "<title>Grain ferry runs aground on the Corrow bar</title>",
        "<link>https://courier.example/local/ferry-aground</link>",
        '<guid isPermaLink="false">courier-5521</guid>',
        "<dc:creator><![CDATA[Ines Marlow]]></dc:creator>",
        "<pubDate>Thu, 06 Mar 2031 21:15:00 +0000</pubDate>",
        "<category><![CDATA[Shipping]]></category>",
        "<description><![CDATA[<p>The Tessaly ran aground at dawn ... <a href=\"https://courier.example/local/ferry-aground\">Read more</a></p>]]></description>",
        '<media:content url="https://img.courier.example/tessaly.jpg" medium="image"/>',
        "<media:description>The Tessaly on the bar at low water. A public meeting is set for Monday.</media:description>",
        "<content:encoded><![CDATA[",
        '<p class="standfirst">Fourteen crew were on board when the ship struck the sandbank in fog before dawn.</p>',
        "<figure><img src=\"https://img.courier.example/tessaly.jpg\" alt=\"\"><figcaption>The Tessaly, seen from the north pier in 2029. Photo: Courier</figcaption></figure>",
        *(f"<p>{paragraph}</p>" for paragraph in ARTICLE_PARAGRAPHS),
        '<aside class="pullquote"><p>"The buoys were moved after the survey."</p></aside>',
        '<div class="newsletter-box"><p>Get the Courier Morning in your inbox. <a href="/newsletters">Sign up</a></p></div>',
        "]]></content:encoded>",
        "</item>",
        "</channel>",
        "</rss>",
    )
)


def test_a_feed_is_recognised_by_its_root_element_and_items() -> None:
    assert looks_like_feed(FEED)


@pytest.mark.parametrize(
    "text",
    (
        # A plain article about feeds, quoting the markup in its prose.
        "Readers can follow the inquiry by RSS. The feed's <rss> root holds one <item> per story.\n"
        "The harbour board said it would publish its report in May.",
        # An XHTML page opens with the same declaration, but its root is <html>.
        '<?xml version="1.0" encoding="UTF-8"?>\n<html><body><p>The <item> tag is explained below.</p></body></html>',
        # A feed's root with no item: a channel description, not an article.
        '<rss version="2.0"><channel><title>Courier</title></channel></rss>',
    ),
)
def test_pages_that_mention_feeds_are_no_feeds(text: str) -> None:
    assert not looks_like_feed(text)


def test_a_plain_article_that_mentions_rss_is_cleaned_as_text() -> None:
    article = page(
        "Courier launches feeds for every village",
        "By Ines Marlow",
        "The Courier now offers an RSS feed for each village of the estuary, so readers can follow the news of their own harbour in any feed reader.",
    )
    assert_kept(clean(article), "The Courier now offers an RSS feed for each village")


def test_the_feeds_article_is_the_item_with_its_full_content() -> None:
    document = clean(FEED)
    assert_kept(document, *ARTICLE_PARAGRAPHS)
    assert_kept(document, "Fourteen crew were on board when the ship struck the sandbank")
    # The other item, the channel and the teaser of the article itself are the feed's.
    assert_dropped(document, "Selvik Marine", "since 1899", "Read more", "ran aground at dawn ...", "courier-5521", "Shipping")
    assert_dropped(document, "public meeting is set for Monday", "<p", "CDATA")


def test_the_items_title_author_and_date_are_its_header() -> None:
    document = clean(FEED)
    assert document.text.startswith("Grain ferry runs aground on the Corrow bar\nInes Marlow\nThu, 06 Mar 2031 21:15:00 +0000\n")
    assert document.meta.headline == "Grain ferry runs aground on the Corrow bar"
    assert document.meta.byline == ("Ines Marlow",)
    assert document.meta.date == "2031-03-06"
    assert document.meta.outlet == "The Harrowgate Courier"  # the channel's title without its section


def test_the_contents_html_is_read_as_an_html_page() -> None:
    document = clean(FEED)
    assert_dropped(document, "seen from the north pier", "The buoys were moved after the survey.\"", "Courier Morning")


def test_offsets_of_a_feeds_article_point_at_the_raw_file() -> None:
    assert_offsets_exact(clean(FEED), ARTICLE_PARAGRAPHS[0], "Grain ferry runs aground", "Ines Marlow")


def test_a_feed_saved_with_an_html_suffix_is_still_a_feed() -> None:
    document = clean_text(FEED, "feed", is_html=True)
    assert document.meta.headline == "Grain ferry runs aground on the Corrow bar"
    assert_dropped(document, "Selvik Marine")


ATOM = "\n".join(
    (
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<title>Estuary Weekly</title>",
        '<link href="https://weekly.example/"/>',
        "<entry>",
        "<title>Pilots &amp; tugs: who moved the buoys?</title>",
        "<author><name>Pavel Orrin</name></author>",
        "<published>2031-03-08T09:00:00Z</published>",
        '<content type="html">&lt;p&gt;The survey boat moved four buoys on 2 March, the pilots&amp;#8217; log shows, and told nobody on the ferries.&lt;/p&gt;</content>',
        "</entry>",
        "<entry>",
        "<title>Lifeboat day draws a crowd</title>",
        "<summary>Hundreds came to the slipway.</summary>",
        "</entry>",
        "</feed>",
    )
)


def test_an_rss_author_given_as_an_address_is_read_as_the_name() -> None:
    feed = FEED.replace("<dc:creator><![CDATA[Ines Marlow]]></dc:creator>", "<author>desk@courier.example (Ines Marlow)</author>")
    assert clean(feed).meta.byline == ("Ines Marlow",)


def test_an_atom_feed_with_escaped_html_is_read_and_decoded() -> None:
    assert looks_like_feed(ATOM)
    document = clean(ATOM)
    assert_kept(document, "The survey boat moved four buoys on 2 March, the pilots’ log shows")
    assert document.meta.headline == "Pilots & tugs: who moved the buoys?"
    assert document.meta.byline == ("Pavel Orrin",)
    assert document.meta.date == "2031-03-08"
    assert_dropped(document, "Lifeboat day", "&lt;", "&amp;")
    assert_offsets_exact(document, "The survey boat moved four buoys on 2 March, the pilots")


def test_escaped_characters_are_inserted_not_copied() -> None:
    source = feed_source(ATOM)
    apostrophe = source.text.index("’")
    assert source.raw_index[apostrophe] == -1


# --- a caption file: cues joined into each speaker's paragraphs ---

VTT = "\n".join(
    (
        "WEBVTT",
        "Kind: captions",
        "Language: en",
        "",
        "NOTE",
        "Harbour Tonight, Channel 4 East",
        "Broadcast: Friday 7 March 2031, 19:00",
        "",
        "STYLE",
        "::cue { color: yellow; }",
        "",
        "1",
        "00:00:00.000 --> 00:00:02.500",
        "[SIREN]",
        "",
        "2",
        "00:00:02.500 --> 00:00:05.000",
        "<v Announcer>Harbour Tonight",
        "is sponsored by Keelson Bank.",
        "",
        "3",
        "00:00:05.200 --> 00:00:08.900",
        "<v Ruth Kade>Good evening. The grain ferry",
        "that ran aground on the Corrow bar",
        "",
        "4",
        "00:00:08.900 --> 00:00:12.100",
        "<v Ruth Kade>is back in port tonight &amp; safe.",
        "",
        "5",
        "00:00:12.100 --> 00:00:15.400",
        "<v Tomas Wren>I watched the tugs <i>all</i> afternoon",
        "from the north pier [pointing at the bar].",
        "",
        "6",
        "00:00:15.400 --> 00:00:17.000",
        "[ON SCREEN: TOMAS WREN, PIER WATCHMAN]",
        "",
        "7",
        "00:00:17.000 --> 00:00:20.300",
        "<v Tomas Wren>They pulled her off",
        "on the evening tide.",
        "",
        "8",
        "00:00:20.300 --> 00:00:23.000",
        ">> The harbour board will publish",
        "its findings next month.",
        "",
        "9",
        "00:00:23.000 --> 00:00:26.500",
        "<v Ruth Kade>Coming up on Harbour Tonight:",
        "the lifeboat crew that never sleeps.",
        "",
        "NOTE end of item",
        "",
        "10",
        "00:00:26.500 --> 00:00:28.000",
        "Subtitles by Quaymark Media",
        "quaymark.example",
    )
)


def test_a_caption_file_is_recognised_by_its_header_and_timings() -> None:
    assert looks_like_caption_file(VTT)


def test_a_subrip_file_is_recognised_by_its_first_cue() -> None:
    srt = "1\n00:00:01,000 --> 00:00:03,000\nThe ferry is free.\n\n2\n00:00:03,000 --> 00:00:05,000\nNobody was hurt.\n"
    assert looks_like_caption_file(srt)
    assert caption_source(srt).text == "The ferry is free. Nobody was hurt."


@pytest.mark.parametrize(
    "text",
    (
        # An article quoting a cue's timing arrow in its prose.
        "The captions show the master's words at 00:00:09.580 --> 00:00:13.100 in the file.\n"
        "The inquiry heard the file again at 00:01:02.000 --> 00:01:05.000, the clerk said.",
        # One timing line is no caption file.
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHello.",
    ),
)
def test_pages_that_quote_timings_are_no_caption_files(text: str) -> None:
    assert not looks_like_caption_file(text)


def test_an_html_page_quoting_a_timing_arrow_keeps_its_sentence() -> None:
    html = (
        "<html><body><h1>How the ferry's captions were timed</h1><p>By Ines Marlow</p>"
        "<p>The first cue ran 00:00:09.580 --> 00:00:13.100, long after the master had begun to speak to the crew on deck.</p>"
        "</body></html>"
    )
    assert_kept(clean_text(html, "page", is_html=True), "The first cue ran 00:00:09.580 --> 00:00:13.100")


def test_a_speakers_cues_are_joined_into_one_paragraph_without_their_tags() -> None:
    document = clean(VTT)
    assert_kept(document, "Good evening. The grain ferry that ran aground on the Corrow bar is back in port tonight & safe.")
    assert_dropped(document, "<v", "<i>", "Ruth Kade>")
    assert_offsets_exact(document, "Good evening. The grain ferry", "that ran aground on the Corrow bar")


def test_a_new_voice_starts_a_new_paragraph() -> None:
    lines = clean(VTT).text.split("\n")
    assert "I watched the tugs all afternoon from the north pier [pointing at the bar]." in lines


def test_the_files_header_notes_styles_numbers_and_timings_are_dropped() -> None:
    document = clean(VTT)
    assert_dropped(document, "WEBVTT", "Kind:", "Channel 4 East", "::cue", "-->", "00:00", "end of item")
    assert document.text.split("\n")[0].startswith("Good evening")
    assert document.meta.date == "2031-03-07"  # the note's broadcast date


def test_sound_and_screen_cues_are_dropped_and_end_the_paragraph() -> None:
    document = clean(VTT)
    assert_dropped(document, "SIREN", "ON SCREEN", "PIER WATCHMAN")
    assert "They pulled her off on the evening tide." in document.text.split("\n")
    # A bracketed aside inside a spoken line is speech.
    assert_kept(document, "[pointing at the bar]")


def test_a_line_opening_with_a_hash_sign_is_speech_not_music() -> None:
    spoken = VTT.replace("<v Tomas Wren>They pulled her off", "<v Tomas Wren>#1 on the list was the crew. They pulled her off")
    assert_kept(clean(spoken), "#1 on the list was the crew. They pulled her off on the evening tide.")
    assert_dropped(clean(VTT.replace("[SIREN]", "♪ Harbour Tonight theme ♪")), "theme")


def test_a_speaker_change_marker_starts_a_paragraph_and_is_left_out() -> None:
    lines = clean(VTT).text.split("\n")
    assert "The harbour board will publish its findings next month." in lines
    assert not any(">>" in line for line in lines)


def test_the_captioners_credit_is_dropped_but_a_sentence_about_captions_stays() -> None:
    assert_dropped(clean(VTT), "Quaymark", "quaymark.example")
    spoken = VTT.replace("Subtitles by Quaymark Media\nquaymark.example", "<v Ruth Kade>The subtitles by the door were wrong, she said.")
    assert_kept(clean(spoken), "The subtitles by the door were wrong, she said.")


def test_a_programmes_sponsor_and_trailer_are_dropped() -> None:
    document = clean(VTT)
    assert_dropped(document, "Keelson Bank", "Coming up on Harbour Tonight", "lifeboat crew")
    assert broadcast_reason("Harbour Tonight is sponsored by Keelson Bank.") == "programme-promo"
    assert broadcast_reason("Still to come on Harbour Tonight: the tide tables and the weather.") == "programme-promo"


@pytest.mark.parametrize(
    "text",
    (
        "The regatta is sponsored by Keelson Bank, which paid for the new slipway last spring.",
        "The Corrow Regatta is sponsored by Keelson Bank, which paid for the new slipway last spring.",
        "Coming up with the money for the tugs was the hardest part, the harbour master said.",
        "Still to come, the board said, is a survey of every buoy in the estuary.",
    ),
)
def test_sentences_about_sponsors_and_what_is_coming_stay(text: str) -> None:
    assert broadcast_reason(text) is None
    assert line_reason(text) is None


# --- a social-media thread: the author's numbered posts ---

# Other accounts' posts (a quoted post, a reply) are prose too, in blocks under their handles.
THREAD = "\n".join(
    (
        "Chirrup",
        "Home",
        "Explore",
        "Messages",
        "",
        "Thread",
        "",
        "Ines Marlow",
        "@ines_reports",
        "Follow",
        "1/4 At the harbour board's inquiry into the Tessaly grounding, which opened this morning in the Custom House.",
        "",
        "The chair, Olav Brenn, read the names of the crew who gave evidence.",
        "7:15 PM · Mar 9, 2031",
        "·",
        "12.4K Views",
        "44 Reposts   9 Quotes   512 Likes",
        "",
        "Ines Marlow",
        "@ines_reports",
        "·",
        "Mar 9",
        "2/4 The pilot told the inquiry he had not been told the buoys were moved.",
        "Corrow Estuary Pilots Guild",  # a quoted post under its account's name, too long for a control
        "@corrow_pilots",
        "·",
        "Mar 8",
        "We were never told of any change to the buoys, and we said so to the board at the time.",
        "8 replies   20 reposts   311 likes   9K views",
        "",
        "Ines Marlow",
        "@ines_reports",
        "·",
        "Mar 9",
        "3/4 The survey skipper said the change was logged on 2 March.",
        "Quote",
        "Harrowgate Harbour Board",
        "@harrowgate_hb",
        "·",
        "Mar 2",
        "Notice to mariners: buoys C3 and C4 have been moved 60 metres east of their charted positions.",
        "5 replies   11 reposts   40 likes",
        "",
        "Ines Marlow",
        "@ines_reports",
        "·",
        "Mar 9",
        "4/4 The inquiry resumes on Monday at 10:00.",
        "Full report in the Courier tomorrow.",
        "3 replies   7 reposts   98 likes",
        "Ferry timetables for the whole estuary are printed in the Saturday edition of the Courier.",
        "",
        "Post your reply",
        "",
        "saltdog",
        "@saltdog_88",
        "·",
        "Mar 9",
        "Replying to @ines_reports",
        "Those buoys have been in the wrong place since the war, and everyone on the quay knows it.",
        "2 replies   0 reposts   4 likes",
        "",
        "Show more replies",
        "",
        "What's happening",
        "#TessalyInquiry",
        "2,204 posts",
        "Who to follow",
        "Harrowgate Harbour Board",
        "@harrowgate_hb",
        "Follow",
        "© 2031 Chirrup Inc.",
    )
)


def test_a_thread_is_recognised_by_numbered_posts_under_one_handle() -> None:
    assert looks_like_thread(THREAD)


def test_posts_numbered_without_their_total_are_a_thread_too() -> None:
    short = THREAD.replace("1/4 ", "1/ ").replace("2/4 ", "2/ ").replace("3/4 ", "3/ ").replace("4/4 ", "4/ ")
    assert looks_like_thread(short)
    assert_kept(clean(short), "The pilot told the inquiry he had not been told")
    assert_dropped(clean(short), "2/ ", "Those buoys")


def test_numbered_paragraphs_without_handles_are_no_thread() -> None:
    numbered = "\n".join(
        (
            "1/4 The board will survey the bar again in April.",
            "2/4 The pilots want a new leading light.",
            "3/4 The ferry company will pay for the tugs.",
            "4/4 The inquiry will report in the summer.",
        )
    )
    assert not looks_like_thread(numbered)
    assert_kept(clean(numbered), "2/4 The pilots want a new leading light.")


def test_numbered_posts_of_different_accounts_are_no_thread() -> None:
    replies = "\n".join(
        f"{name}\n@{name}\n·\nMar 9\n{number}/3 I was on the pier and saw the tugs arrive."
        for number, name in ((1, "saltdog_88"), (2, "quayside_jo"), (3, "marrow_pt"))
    )
    assert not looks_like_thread(replies)


def test_an_article_that_embeds_a_thread_stays_an_article() -> None:
    thread_lines = THREAD.split("\n")
    first, last = thread_lines.index("Ines Marlow"), thread_lines.index("3 replies   7 reposts   98 likes")
    posts = "\n".join(thread_lines[first:last + 1])  # the four posts with their handles and counts
    article = page(
        "Reporter's thread from the inquiry draws thousands of replies",
        "By Pavel Orrin",
        "The Courier's harbour reporter posted the first day of the inquiry as it happened, and her thread was shared thousands of times.",
        posts,
        "The harbour board said it would answer the pilots' questions when the inquiry resumes on Monday morning.",
        "The ferry company has not commented on the thread or on the evidence its crew gave at the hearing.",
    )
    assert not looks_like_thread(article)
    assert_kept(clean(article), "her thread was shared thousands of times", "The ferry company has not commented")


def test_the_threads_posts_are_kept_without_their_numbers() -> None:
    document = clean(THREAD)
    assert_kept(
        document,
        "At the harbour board's inquiry into the Tessaly grounding",
        "The chair, Olav Brenn, read the names of the crew",
        "The pilot told the inquiry he had not been told",
        "The survey skipper said the change was logged on 2 March.",
        "The inquiry resumes on Monday at 10:00.\nFull report in the Courier tomorrow.",
    )
    assert_dropped(document, "1/4", "2/4", "4/4")
    assert_offsets_exact(document, "The pilot told the inquiry", "Full report in the Courier tomorrow.")


def test_the_platforms_lines_quoted_posts_and_replies_are_dropped() -> None:
    document = clean(THREAD)
    assert_dropped(
        document, "Chirrup", "Explore", "@ines_reports", "7:15 PM", "12.4K Views", "512 Likes", "311 likes",
        "98 likes", "Ferry timetables", "Quote", "Notice to mariners", "Pilots Guild", "never told", "Post your reply", "Those buoys", "Replying to", "Show more",
        "TessalyInquiry", "Who to follow", "Follow",
    )


def test_the_threads_author_and_date_are_the_pages() -> None:
    document = clean(THREAD)
    assert document.meta.byline == ("Ines Marlow",)
    assert document.meta.date == "2031-03-09"


def test_a_thread_source_refuses_a_page_without_a_thread() -> None:
    with pytest.raises(ValueError, match="looks_like_thread"):
        thread_source("Just a page.\nWith two lines.")


# --- a printed report: a table of figures, placeholders, bracketed footnotes ---

REPORT = "\n".join(
    (
        "HARROWGATE HARBOUR BOARD",
        "Grounding of the grain ferry Tessaly on the Corrow bar, 6 March 2031",
        "Published: 2 May 2031",
        "",
        "1 SUMMARY",
        "",
        "1.1 The Tessaly ran aground on the Corrow bar at 05:20 on 6 March 2031 after two buoys had been moved.[1]",
        "",
        "1.2 Nobody was hurt. The ship was towed free on the evening tide and repaired in Selvik by 20 March.[2]",
        "",
        "[Figure 1: Chart of the bar showing the old and new positions of buoys C3 and C4. Not reproduced in this version.]",
        "",
        "1.3 The master [who has since retired] gave evidence on the second day of the hearing.",
        "",
        "Table 1: Depth over the bar at low water",
        "Position          Survey 2029   Survey 2031   Change",
        "                  (metres)      (metres)",
        "Buoy C2           4.1           3.9           -0.2",
        "Buoy C3           3.8           2.6           -1.2",
        "Buoy C4           3.6           2.2           -1.4",
        "Source: harbour board surveys, April 2029 and February 2031.",
        "",
        "1.4 The board will survey the bar every six months from June 2031.",
        "",
        "Notes",
        "[1] Notice to mariners 4/2031, issued 2 March 2031.",
        "[2] Selvik Marine repair report, 20 March 2031.",
        "[3] The pilot boarded at 04:50, thirty minutes before the grounding.",
        "",
        "Home   Reports   Notices   Contact",
        "Ferries   Pilots   Tides   Moorings",
        "About   Careers   Press   Privacy",
    )
)


def test_a_table_of_figures_keeps_its_caption_header_rows_and_source() -> None:
    document = clean(REPORT)
    assert_kept(
        document,
        "Table 1: Depth over the bar at low water",
        "Position          Survey 2029   Survey 2031   Change",
        "(metres)      (metres)",
        "Buoy C3           3.8           2.6           -1.2",
        "Source: harbour board surveys, April 2029 and February 2031.",
    )


def test_a_caption_may_stand_one_blank_line_above_its_table() -> None:
    lines = ["Table 4: Tugs on station", "", "Tug        Arrived   Left", "Orla       06:10     18:40", "Brann      06:25     18:55"]
    assert table_lines(lines) == {0, 2, 3, 4}


def test_a_menu_laid_out_in_columns_of_words_is_no_table() -> None:
    document = clean(REPORT)
    assert_dropped(document, "Ferries   Pilots", "About   Careers")
    assert table_lines(["Home   Reports   Notices", "Ferries   Pilots   Tides", "About   Careers   Press"]) == set()


def test_a_figure_placeholder_is_dropped_but_bracketed_words_in_a_paragraph_stay() -> None:
    document = clean(REPORT)
    assert_dropped(document, "Figure 1", "Not reproduced")
    assert_kept(document, "1.3 The master [who has since retired] gave evidence")
    assert line_reason("[Annex B: Laboratory results. See the PDF version.]") == "placeholder"
    assert line_reason("[Editor's note: the names of the crew have been withheld.]") != "placeholder"
    assert line_reason("[Figure 1 was redrawn after the hearing.]") != "placeholder"


def test_bracketed_footnotes_that_the_text_cites_are_dropped_with_their_heading() -> None:
    document = clean(REPORT)
    assert_dropped(document, "Notice to mariners 4/2031", "repair report", "\nNotes\n")
    assert_kept(document, "after two buoys had been moved.[1]")
    # A note no line cites is left as it is.
    assert_kept(document, "[3] The pilot boarded at 04:50")


def test_a_sources_heading_over_a_paragraph_is_the_articles() -> None:
    article = page(
        "Harbour board keeps its sources secret",
        "By Ines Marlow",
        "The board has refused to say who told it about the buoys, and the inquiry will ask again on Monday when it resumes.",
        "Sources",
        "Sources close to the pilots said the buoys had been moved twice before without a notice to mariners being issued.",
    )
    assert_kept(clean(article), "\nSources\n")


# --- a fact check: the claim-review box ---

FACT_CHECK = (
    "<html><head><title>No, the Tessaly did not hit a submarine | Tidecheck</title></head><body><main><article>"
    "<h1>No, the Tessaly did not hit a submarine</h1>\n"
    "<p>Posts claiming that the grain ferry struck a submarine have been shared thousands of times this week.</p>\n"
    "<p>By Pavel Orrin</p>\n<p>Published 10 March 2031</p>\n"
    "<p><strong>Claim:</strong> A submarine surfaced under the Tessaly at the mouth of the estuary.</p>\n"
    "<p><strong>Verdict:</strong> False</p>\n"
    "<p>Spread by: posts on Chirrup and in several messaging groups, from 7 March</p>\n"
    "<p>The navy told us that none of its boats was within 200 miles of the estuary that week, and the divers found sand in the gash.</p>\n"
    "</article></main></body></html>"
)


def test_the_fields_of_a_claim_box_are_kept() -> None:
    document = clean_text(FACT_CHECK, "check", is_html=True)
    assert_kept(document, "Claim: A submarine surfaced", "Verdict: False", "Spread by: posts on Chirrup and in several messaging groups")


def test_a_field_outside_a_claim_box_is_left_to_the_other_rules() -> None:
    without_verdict = FACT_CHECK.replace("<p><strong>Verdict:</strong> False</p>\n", "")
    assert_dropped(clean_text(without_verdict, "check", is_html=True), "Spread by: posts on Chirrup")
