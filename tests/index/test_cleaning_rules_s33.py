"""Cleaning rules added or widened in session 33, each beside a near miss that must stay.

Invented pages (a rider of the Brannock Valley Classic is thrown out for holding on to a team car:
the race report as a text browser dumped it, the commissaires' ruling, an interview in a cycling
magazine, a gallery page), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

from index.cleaning import clean_text
from index.furniture import line_reason
from index.text_browser_dumps import dump_source, looks_like_text_browser_dump
from index.text_shape import runs_on
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page

# A race report as ``lynx -dump`` prints it: link numbers before the links' text, paragraphs
# indented and wrapped at the screen's width, a table set in columns of spaces, and the numbered
# addresses under "References" at the end.
DUMP_LINES = (
    "   #[1]Valley Wheels - Feed [2]Valley Wheels - Comments",
    "",
    "   [3]Skip to main content",
    "",
    "   [4]Valley Wheels",
    "",
    "     * [5]Home",
    "     * [6]Races",
    "     * [7]Teams",
    "",
    "   [8]Search: ____________________ [9]Go",
    "",
    "Brannock Classic: the rider who held on to the team car",
    "",
    "   By [10]Orla Feeney | Monday 9 June 2031, 17:05",
    "",
    "   Kestrel Pro rider Aidan Mulcair was thrown out of the Brannock Valley",
    "   Classic on Sunday after the race jury saw him holding on to his team",
    "   car for almost a kilometre on the climb to Corran Pass.",
    "",
    "   The commissaires studied the footage from the [11]race motorbike for",
    "   two hours before they announced the decision at 19:40, long after the",
    "   podium had been cleared from the square in Dunmore.",
    "",
    "   Mulcair, who finished third, said the car had slowed in front of him and",
    "   that he had only steadied himself on the door. His directeur sportif, Cian",
    "   Rourke, said the team would not appeal the ruling of the jury, which is",
    "   final for a one-day race of the national calendar, under its well-",
    "   known rule on sticky bottles.",
    "",
    "The climb",
    "",
    "   Rider     Foot       Summit     Gap",
    "   Mulcair   1:02:10    1:19:44    0:00",
    "   Dolan     1:02:10    1:20:31    0:47",
    "   Varga     1:02:12    1:20:58    1:14",
    "",
    "   Times from the race's timing service.",
    "",
    "   IFRAME: [12]https://video.example.net/embed/corran-pass-car",
    "",
    "   The jury also fined the team's driver 200 euros for pacing a rider.",
    "",
    "   IFRAME: [13]Race video player",
    "",
    "   [14]Find a race: ____________________ [15]Go",
    "",
    "References",
    "",
    "   1. https://valleywheels.example/feed/",
    "   2. https://valleywheels.example/comments/feed/",
    "   3. https://valleywheels.example/2031/06/09/brannock/#main",
    "   4. https://valleywheels.example/",
    "   5. https://valleywheels.example/",
    "   6. https://valleywheels.example/races/",
    "   7. https://valleywheels.example/teams/",
    "   8. https://valleywheels.example/search/",
    "   9. https://valleywheels.example/search/?go=1",
    "  10. https://valleywheels.example/author/orla-feeney/",
    "  11. https://valleywheels.example/tag/race-motorbike/",
    "  12. https://video.example.net/embed/corran-pass-car",
    "  13. https://video.example.net/embed/player",
    "  14. https://valleywheels.example/races/",
    "  15. https://valleywheels.example/races/?go=1",
)
DUMP = "\n".join(DUMP_LINES)


# --- a text browser's dump: recognised by its reference list and the markers citing it ---


def test_a_dump_is_recognised_by_its_numbered_addresses_and_their_markers() -> None:
    assert looks_like_text_browser_dump(DUMP)


def test_a_reference_list_of_sources_by_name_is_no_dump() -> None:
    # An article that cites its sources [1] and lists them by name under "References".
    article = "\n".join(
        (
            "The pass was first climbed in a race in 1931 [1], and paved in 1962 [2] and 1988 [3].",
            "References",
            "1. Dunmore Historical Society, Roads of the Valley, 1990.",
            "2. County council minutes, 4 May 1962.",
            "3. County council minutes, 9 March 1988.",
        )
    )
    assert not looks_like_text_browser_dump(article)
    assert "[1]" in clean(article).text


def test_addresses_no_line_cites_are_no_dump() -> None:
    # A blog's list of its sources closes the page, but no "[n]" in the text points at them.
    text = "\n".join(line for line in DUMP_LINES if "[" not in line)
    assert not looks_like_text_browser_dump(text)


def test_a_reference_heading_over_prose_is_no_dump() -> None:
    # Addresses the text cites, but the "References" heading stands over the article's own
    # paragraph: the list is not what closes the page.
    text = DUMP.replace("References\n", "References\n\n   The jury's references to earlier rulings were brief.\n", 1)
    assert not looks_like_text_browser_dump(text)


def test_link_markers_are_left_out_and_the_byline_is_read() -> None:
    document = clean(DUMP)
    assert_kept(document, "By Orla Feeney | Monday 9 June 2031, 17:05")
    assert "[10]" not in document.text and "[11]" not in document.text
    assert document.meta.byline == ("Orla Feeney",)


def test_a_wrapped_paragraph_is_joined_into_one_kept_line() -> None:
    document = clean(DUMP)
    assert_kept(
        document,
        "Kestrel Pro rider Aidan Mulcair was thrown out of the Brannock Valley Classic on Sunday after the race "
        "jury saw him holding on to his team car for almost a kilometre on the climb to Corran Pass.",
        "The commissaires studied the footage from the race motorbike for two hours",
    )


def test_a_line_that_ends_a_sentence_but_fills_the_screen_still_joins_a_lowercase_line() -> None:
    # "... and" ends no sentence; "Rourke, said ..." opens with a capital but the line above
    # fills the screen's width.
    assert_kept(clean(DUMP), "His directeur sportif, Cian Rourke, said the team would not appeal")


def test_a_word_broken_after_its_hyphen_is_joined_without_a_space() -> None:
    assert_kept(clean(DUMP), "under its well-known rule on sticky bottles.")


def test_short_lines_at_one_indent_are_not_joined() -> None:
    # Lines a page breaks on purpose (an address, a schedule) stop well short of the screen.
    source = dump_source(
        "\n".join(
            (
                "   The stage finishes at the top of the pass after a climb of eleven kilometres",
                "   that the riders reach after four hours, on a road closed from noon on.",
                "",
                "   Start: Dunmore Square",
                "   Finish: Corran Pass",
                "",
                "References",
                "",
                "   1. https://example.net/a",
            )
        )
    )
    assert "Start: Dunmore Square\n   Finish: Corran Pass" in source.text


def test_lines_at_another_indent_list_items_and_table_rows_are_not_joined() -> None:
    source = dump_source(
        "\n".join(
            (
                "The stage over the pass",  # a heading at column 0 over text without a blank line
                "   riders reach the top after four hours on a road closed from noon on to all",
                "   traffic, and the jury follows them in two cars behind the group of the",
                "   1. Mulcair, who led over the top, ahead of the group of favourites and the",
                "   Rider     Foot       Summit",
                "   Mulcair   1:02:10    1:19:44",
                "   Dolan     1:02:10    1:20:31",
                "",
                "See [1]the results.",
                "References",
                "   1. https://example.net/results",
            )
        )
    )
    assert "\n   riders reach" in source.text
    assert "to all traffic, and the jury" in source.text  # the paragraph itself is joined
    assert "\n   1. Mulcair" in source.text
    assert "\n   Rider     Foot" in source.text


def test_a_table_set_in_columns_of_spaces_is_kept_row_by_row() -> None:
    document = clean(DUMP)
    assert_kept(
        document,
        "Rider     Foot       Summit     Gap\n",
        "Mulcair   1:02:10    1:19:44    0:00\nDolan",
        "Varga     1:02:12    1:20:58    1:14",
    )


def test_a_frame_set_under_a_full_line_is_not_joined_to_it() -> None:
    source = dump_source(
        "\n".join(
            (
                "   The jury showed the riders the footage of the climb to Corran Pass and the",
                "   final kilometre in the race office, and Mulcair watched it with his team",
                "   IFRAME: [1]https://video.example.net/embed/climb",
                "",
                "References",
                "   1. https://video.example.net/embed/climb",
            )
        )
    )
    assert "IFRAME" not in source.text
    assert "and Mulcair watched it with his team\n" in source.text


def test_two_rows_or_two_columns_are_no_table() -> None:
    # Two rows of three cells; three rows of two (a list of labels and values set apart).
    for rows in (
        ("   Rider     Team         Time", "   Mulcair   Kestrel Pro  1:19:44"),
        ("   Start:     Dunmore", "   Finish:    Corran Pass", "   Distance:  162 km"),
    ):
        source = dump_source("\n".join((*rows, "", "See [1]the team.", "References", "   1. https://e.net/")))
        assert source.table_rows == ()


def test_the_dumps_markers_and_fields_are_dropped() -> None:
    document = clean(DUMP)
    assert_dropped(
        document,
        "Feed",  # the page head's links
        "Skip to main content",
        "Search",  # a form's text field
        "IFRAME",
        "video.example.net",
        "Race video player",  # a frame's name
        "Find a race",  # a text field under the article
        "References",
        "valleywheels.example",
    )
    assert_kept(document, "The jury also fined the team's driver 200 euros for pacing a rider.")


def test_a_sentence_about_a_frame_or_a_blank_to_fill_is_kept() -> None:
    text = DUMP.replace(
        "   The jury also fined",
        "   Frame: carbon, 790 grams, the lightest in the race.\n\n   His form had a gap: __ to fill in.\n\n   The jury also fined",
    )
    assert_kept(clean(text), "Frame: carbon, 790 grams, the lightest in the race.", "His form had a gap: __ to fill in.")


def test_runs_on_is_shared_with_printed_pages() -> None:
    assert runs_on("the climb to Corran", "pass was closed", None)
    assert not runs_on("The pass was closed.", "Riders waited", 40)
    assert runs_on("The riders waited at the foot of the climb for", "Forty minutes", 50)


# --- single lines: credits, controls, downloads, affiliate notes ---

ARTICLE = (
    "Mulcair thrown out of the Brannock Classic for holding the team car",
    "By Orla Feeney | 9 June 2031",
    "Kestrel Pro rider Aidan Mulcair was thrown out of the Brannock Valley Classic on Sunday after the jury saw the footage.",
    "The jury said the rider had held on to the car for almost a kilometre on the climb to Corran Pass.",
)


def test_a_photography_credit_is_dropped_and_a_sentence_about_photography_kept() -> None:
    assert line_reason("Photography: Niamh Dolan") == "caption"
    assert line_reason("Photography is banned inside the jury's room, the race director said.") is None


def test_listen_to_the_article_with_its_length_is_a_control() -> None:
    assert line_reason("Listen to the article (4 min)") == "interface-label"
    assert line_reason("Listen to the story (6 min)") == "interface-label"
    assert line_reason("Listen to the crowd at the finish as the leaders arrive.") is None


def test_a_control_over_any_list_is_dropped() -> None:
    assert line_reason("View all rulings") == "interface-label"
    assert line_reason("See more riders") == "interface-label"
    assert line_reason("Officials will view all footage before the podium.") is None


def test_a_gallerys_controls_with_plain_arrows_and_its_count() -> None:
    assert line_reason("< Previous | Next > | Open the gallery (8 photos)") == "interface-label"
    assert line_reason("View gallery (12 images)") == "interface-label"
    assert line_reason("Open the gallery's doors at 10:00, the curator said.") is None


def test_a_download_link_with_its_size_is_dropped() -> None:
    assert line_reason("Download PDF (412 KB)") == "link"
    assert line_reason("Read the full ruling (PDF, 1.2 MB)") == "link"
    assert line_reason("The ruling (PDF, 1.2 MB) runs to forty pages.") is None
    assert line_reason("Download speeds fell to 2 MB during the race (organisers).") is None


def test_an_affiliate_disclosure_is_dropped() -> None:
    assert line_reason("Valley Wheels may earn a commission when you buy through these links.") == "affiliate"
    assert line_reason("This article contains affiliate links.") == "affiliate"
    assert line_reason("His agent would earn a commission when the team sold him, the jury heard.") is None
    assert line_reason("The team earns a fee on every jersey fans buy from the shop in Dunmore.") is None


def test_an_affiliate_box_goes_with_its_disclosure() -> None:
    box = "\n".join(
        (
            "KIT IN THIS STORY",
            "Mulcair rode the Corvane SL8 frame (3,400 euros at Spoke & Chain)",
            "His shoes are the Riva Pro 2 (290 euros at Spoke & Chain)",
            "Valley Wheels may earn a commission when you buy through these links.",
        )
    )
    document = clean(page(*ARTICLE, box, "Mulcair said he would ride the national championships in August."))
    assert_dropped(document, "KIT IN THIS STORY", "Corvane SL8", "Riva Pro 2", "commission")
    assert_kept(document, "Mulcair said he would ride the national championships in August.")


def test_a_paragraph_in_the_block_of_a_disclosure_stays() -> None:
    block = "\n".join(
        (
            "The team said its riders buy their own bikes and that none of them had been paid to ride a brand this season.",
            "Valley Wheels may earn a commission when you buy through these links.",
        )
    )
    document = clean(page(*ARTICLE, block, "Mulcair said he would ride the national championships in August."))
    assert_kept(document, "The team said its riders buy their own bikes")
    assert_dropped(document, "commission")


# --- boxes and lists under their headings ---


def test_a_gallerys_title_over_its_captions_is_dropped() -> None:
    gallery = "\n".join(
        (
            "Gallery: Brannock Classic 2031",
            "1/8 The bunch on the climb to Corran Pass. (Photo: Niamh Dolan)",
            "2/8 Mulcair at the start in Dunmore. (Photo: Niamh Dolan)",
        )
    )
    document = clean(page(*ARTICLE, gallery, "Mulcair said he would ride the national championships in August."))
    assert_dropped(document, "Gallery: Brannock Classic 2031", "The bunch on the climb")


def test_a_gallery_line_over_a_paragraph_is_kept() -> None:
    lines = "\n".join(
        (
            "Gallery: the forge reopens",
            "The forge in Dunmore's square, closed since 2019, shows photographs of every edition of the race this week.",
        )
    )
    assert_kept(clean(page(*ARTICLE, lines)), "Gallery: the forge reopens")


def test_a_heading_naming_its_list_drops_the_list() -> None:
    more = "\n".join(
        (
            "More rulings",
            "Dolan fined for a bottle thrown in the feed zone",
            "Varga warned after the sprint in Ballyhale",
            "Kestrel Pro docked points for a late start",
        )
    )
    document = clean(page(*ARTICLE, more))
    assert_dropped(document, "More rulings", "Dolan fined", "Varga warned")


def test_a_heading_naming_a_kind_over_a_paragraph_is_kept() -> None:
    section = "\n".join(
        (
            "More crashes",
            "Two riders fell on the descent from Corran Pass and one of them was taken to hospital in Dunmore with a broken wrist.",
        )
    )
    assert_kept(clean(page(*ARTICLE, section)), "More crashes")


def test_a_jargon_buster_is_a_glossary() -> None:
    box = "\n".join(
        (
            "JARGON BUSTER",
            "Commissaire: a race official who applies the rules and can fine or disqualify riders.",
            "Sticky bottle: a rider holding on to a bottle handed from the team car to be towed along.",
        )
    )
    document = clean(page(*ARTICLE, box, "Mulcair said he would ride the national championships in August."))
    assert_dropped(document, "JARGON BUSTER", "Commissaire:", "Sticky bottle:")
    assert_kept(document, "Mulcair said he would ride the national championships in August.")


def test_key_terms_over_a_paragraph_is_kept() -> None:
    section = "\n".join(
        (
            "Key terms",
            "The team and the organiser did not say what the settlement would cost, but both said it had been agreed on Friday.",
        )
    )
    assert_kept(clean(page(*ARTICLE, section)), "Key terms")


# --- a ruling's header and its operative list ---

RULING_HEAD = (
    "Jury decision BVC/2031/03",
    "Race Jury v Aidan Mulcair",
    "Decision of 8 June 2031",
)
PARTIES = (
    "Jury: Maeve Cullinan (President), Tomas Brody, Sile Nagle",
    "For the rider's team: Cian Rourke, directeur sportif of Kestrel Pro",
    "For the organiser: Dara Quinlan",
    "Hearing: 8 June 2031, race office, Dunmore",
)
RULING_BODY = (
    "[1] The rider was seen holding the door of his team car on the climb to Corran Pass for about 900 metres.",
    "[2] The jury heard the rider, his directeur sportif and the driver of the car before reaching its decision.",
)
OPERATIVE = (
    "[3] For these reasons the jury:",
    "(a) disqualifies the rider from the race under Article 12.1 of the regulations;",
    "(b) fines the driver of the team car 200 euros for pacing the rider on the climb;",
    "(c) orders the team to pay the costs of the hearing.",
)


def ruling(*parts: tuple[str, ...]) -> str:
    return "\n\n".join("\n".join(part) for part in parts)


def test_a_block_of_labelled_fields_in_the_header_is_kept() -> None:
    document = clean(ruling(RULING_HEAD, PARTIES, RULING_BODY, OPERATIVE))
    assert_kept(document, *PARTIES)


def test_a_lone_title_line_in_the_header_is_still_a_caption() -> None:
    # One labelled line between the standfirst and the text: image text, no record's fields.
    head = (
        "Mulcair thrown out of the Brannock Classic for holding the team car",
        "The jury studied the footage of the climb for two hours before it ruled on the case",
        "Pictured: Mulcair on the climb to Corran Pass with his team car beside him",
    )
    document = clean(page(*head, ARTICLE[2], ARTICLE[3]))
    assert_dropped(document, "Pictured: Mulcair")


def test_an_enumerated_list_introduced_with_a_colon_is_kept() -> None:
    document = clean(ruling(RULING_HEAD, PARTIES, RULING_BODY, OPERATIVE))
    assert_kept(document, *OPERATIVE)


def test_enumerated_link_titles_under_no_colon_stay_dropped() -> None:
    related = (
        "Other decisions of the jury",
        "(a) Dolan fined for a bottle thrown in the feed zone of the second lap",
        "(b) Varga warned after the sprint in Ballyhale at the end of the stage",
    )
    document = clean(ruling(RULING_HEAD, PARTIES, RULING_BODY, OPERATIVE, related))
    assert_dropped(document, "Dolan fined", "Varga warned")


def test_clean_text_reads_a_dump_as_its_screen() -> None:
    # The headline and the date come out of a dump like out of any page.
    document = clean_text(DUMP, "dump")
    assert document.meta.headline == "Brannock Classic: the rider who held on to the team car"
    assert document.meta.date == "2031-06-09"
