"""Outlets a page names only in its furniture (session 37): invented pages, with near misses.

Each rule reads the page's structure or wording: a newsletter's legal footer, a site's logo or
the top line the <title> suffix names, a copyright line's brand, an imprint line, a site menu, a
printed page's running head, a read-later app's "Saved from" note, a forum quote's attribution
and a caption file's programme note.
"""

from __future__ import annotations

from index import metadata
from index.cleaning import clean_text
from index.html_text import logo_name
from index.source_text import PageHints

STORY = "The council voted on Tuesday to close the old pier to traffic until its supports are repaired, officials said."


def _outlet(lines: list[str], hints: PageHints | None = None) -> str | None:
    signal = metadata.detect_outlet(lines, hints if hints is not None else PageHints())
    return signal.outlet if signal is not None else None


# --- An emailed newsletter's publisher --------------------------------------------------------

NEWSLETTER = [
    "View in browser | Forward to a friend",
    "THE COASTLINE DIGEST",
    "Your evening news from the Marlow Bay Echo",
    STORY,
    "You are receiving this because you signed up for The Coastline Digest.",
    "Manage your preferences | Unsubscribe",
    "Marlow Bay Echo Ltd, 8 Harbour Road, Marlow MB2 1AA",
    "(c) 2031 Marlow Bay Echo Ltd. All rights reserved.",
]


def test_a_newsletter_is_cited_by_its_publishers_footer_not_its_own_title() -> None:
    assert _outlet(NEWSLETTER) == "Marlow Bay Echo"


def test_a_page_with_an_address_footer_but_no_unsubscribe_keeps_its_masthead() -> None:
    page = [line for line in NEWSLETTER if "Unsubscribe" not in line]
    assert _outlet(page) != "Marlow Bay Echo"


# --- The <title> suffix confirmed by the logo or a top line ----------------------------------

def test_the_title_suffix_is_the_outlet_when_a_top_line_opens_with_it_or_the_logo_says_it() -> None:
    title = "Pier closed to traffic | Brackwater Chronicle"
    assert _outlet(["Brackwater Chronicle Home News Sport Weather", STORY], PageHints(title=title)) == "Brackwater Chronicle"
    assert _outlet(["BRACKWATER CHRONICLE", STORY], PageHints(title=title)) == "Brackwater Chronicle"
    assert _outlet([STORY], PageHints(title=title, logo="Brackwater Chronicle")) == "Brackwater Chronicle"


def test_a_title_suffix_the_page_only_mentions_in_a_sentence_is_no_outlet() -> None:
    title = "Pier closed to traffic - Harbour Police"
    lines = ["Harbour Police said on Tuesday that the pier would stay shut.", STORY]
    assert _outlet(lines, PageHints(title=title)) is None
    assert _outlet([STORY], PageHints(title=title, logo="Menu")) is None


def test_the_logo_is_read_from_its_text_or_its_images_alt() -> None:
    assert logo_name('<header><a class="logo" href="/">Brackwater Chronicle</a></header>') == "Brackwater Chronicle"
    assert logo_name('<a class="site-logo" href="/"><img src="/l.svg" alt="BWC News"></a>') == "BWC News"
    assert logo_name('<img class="logo" src="/l.svg" alt="Ferrow Times">') == "Ferrow Times"
    assert logo_name('<div class="catalogue">Items</div>') is None


def test_a_javascript_app_page_keeps_the_logo_of_its_shell() -> None:
    body = " ".join([STORY] * 3)
    page = (
        "<html><head><title>Pier closed | The Ferrow Times</title></head><body>"
        '<header><a class="logo" href="/">The Ferrow Times</a></header><div id="__next">Loading...</div>'
        '<script id="__NEXT_DATA__" type="application/json">{"props": {"pageProps": {"article": {'
        '"headline": "Pier closed to traffic", "body": ['
        + ", ".join(f'"{body} Paragraph {n}."' for n in range(4))
        + "]}}}}</script></body></html>"
    )
    assert clean_text(page, "app", is_html=True).meta.outlet == "The Ferrow Times"


# --- A site's name confirmed by its copyright line, imprint or menu --------------------------

def test_a_masthead_confirmed_by_the_footers_copyright_brand() -> None:
    lines = ["ORRIN NEWS", "Home | World | Sport", STORY, "Orrin News understands the work will take a year.", "(c) Orrin 2031."]
    assert _outlet(lines) == "Orrin News"


def test_a_copyright_brand_without_the_name_written_again_is_no_outlet() -> None:
    lines = ["ORRIN NEWS", "Home | World | Sport", STORY, "(c) Orrin 2031."]
    assert _outlet(lines) is None
    # A picture's copyright inside the story is not the site's.
    lines = ["ORRIN NEWS", STORY, "Orrin News understands more.", "Photo (c) Orrin Media", STORY, STORY, STORY, STORY, STORY]
    assert _outlet(lines) is None


def test_a_name_that_opens_the_sites_imprint() -> None:
    assert _outlet(["SELBY MARSH WEEKLY", STORY, "Selby Marsh Weekly | 3 Mill Lane, Selby"]) == "Selby Marsh Weekly"
    assert _outlet(["quaynews", STORY, "quaynews is a service of Quay Media Group | Imprint"]) == "quaynews"
    assert _outlet(["TORVA", STORY, "Torva | Publisher Torva Media, Lisk | Contact"]) == "Torva"


def test_a_one_word_top_line_without_an_imprint_is_no_outlet() -> None:
    # A forum user's signature naming a site, a one-word section label: neither is the page's imprint.
    assert _outlet(["Opinion", STORY, "-- posted via quaynews, the best local site"]) is None
    assert _outlet(["Opinion", STORY, "Opinion pieces are the views of their authors."]) is None


def test_a_one_word_site_its_menu_names() -> None:
    lines = ["Lorepedia", "Main page | About Lorepedia | Donate", STORY, "Privacy | About Lorepedia | Contact Lorepedia"]
    assert _outlet(lines) == "Lorepedia"
    assert _outlet(["Lorepedia", STORY, "About Lorepedia"]) is None  # one menu entry is not enough


# --- A printed page's running head -----------------------------------------------------------

def test_an_epaper_running_head_names_the_paper_and_dates_the_page() -> None:
    assert _outlet(["THE KESTON ARGUS Monday, 4 March 2030 5", STORY]) == "The Keston Argus"
    assert _outlet(["6 Monday, 4 March 2030 KESTON ARGUS", STORY]) == "Keston Argus"
    column = "\n".join(
        ["THE KESTON ARGUS  Monday, 4 March 2030  5", "", "PIER CLOSED", ""]
        + ["The council voted on Tuesday to",
           "close the old pier to all traf-", "fic until its supports are re-",
           "paired, officials said in a state-", "ment issued to the town hall."] * 5
    )
    document = clean_text(column, "epaper")
    assert (document.meta.outlet, document.meta.date) == ("The Keston Argus", "2030-03-04")


def test_a_kicker_beside_a_date_without_a_page_number_is_no_running_head() -> None:
    assert _outlet(["LIVE UPDATES Monday, 4 March 2030", STORY]) is None


# --- A saved page's source -------------------------------------------------------------------

def test_a_saved_page_is_cited_by_the_name_that_spells_its_address() -> None:
    lines = ["Saved from lowfieldreview.com with Pocketbook on 2 May 2031", STORY, "Photo: Ana Ruiz for The Lowfield Review"]
    assert _outlet(lines) == "The Lowfield Review"


def test_a_saved_page_that_never_writes_its_sites_name_gets_no_outlet() -> None:
    lines = ["Saved from lowfieldreview.com with Pocketbook on 2 May 2031", STORY, "Read more at The Guardian Weekly"]
    assert _outlet(lines) is None


# --- A forum quote's attribution and a caption file's programme ------------------------------

def test_the_publication_a_forum_quote_names() -> None:
    assert metadata.quoted_publication("Quote from The Penwick Mercury, 3 May 2031:") == "The Penwick Mercury"
    assert metadata.quoted_publication("Quoting The Guardian:") == "The Guardian"
    assert metadata.quoted_publication("Quote from harbourfan:") is None  # a user
    assert metadata.quoted_publication("Quote from Jo Bloggs:") is None  # a person's name reads as no newspaper


def test_a_forum_thread_quoting_an_article_is_cited_by_the_quoted_paper() -> None:
    paragraph = "<p>" + " ".join([STORY] * 2) + "</p>"
    post = '<div class="postprofile"><a class="username">{user}</a></div><div class="content">{body}</div>'
    page = (
        "<html><head><title>Pier closed - Penwick Forum</title></head><body>"
        + post.format(user="harbourfan", body="<blockquote><cite>Quote from The Penwick Mercury, 3 May 2031:</cite>"
                      + paragraph * 4 + "</blockquote>")
        + post.format(user="seagull", body="Terrible news. -- The Penwick Times is better")
        + post.format(user="pierwalker", body="Agreed.")
        + "</body></html>"
    )
    assert clean_text(page, "forum", is_html=True).meta.outlet == "The Penwick Mercury"


def test_a_caption_files_programme_note_names_the_outlet() -> None:
    assert metadata.programme_name("Programme: Coastline Tonight, Channel Four North") == "Coastline Tonight"
    assert metadata.programme_name("Broadcast: Monday 4 March 2030, 18:00") is None
    captions = (
        "WEBVTT\n\nNOTE\nProgramme: Coastline Tonight, Channel Four North\nBroadcast: Monday 4 March 2030, 18:00\n\n"
        "1\n00:00:01.000 --> 00:00:05.000\n" + STORY + "\n\n2\n00:00:05.000 --> 00:00:09.000\n" + STORY + "\n"
    )
    assert clean_text(captions, "captions").meta.outlet == "Coastline Tonight"


# --- Near misses for every rule at once ------------------------------------------------------

def test_a_story_that_mentions_newspapers_and_lists_other_outlets_gets_no_outlet() -> None:
    lines = [
        "Pier closed to traffic",
        "The Brackwater Chronicle first reported the cracks in the supports last spring.",
        STORY,
        "More from our partners",
        "Keston Argus: Ferry timetable changes",
        "Marlow Bay Echo: Lifeboat crew honoured",
    ]
    assert _outlet(lines) is None


def test_the_furniture_rules_only_fill_a_gap() -> None:
    # A signal the page gave before (its og:site_name here) is not overruled by the weaker
    # evidence of its furniture (a logo that agrees with the <title> suffix).
    hints = PageHints(title="Pier closed | Dunlow Star Online", logo="Dunlow Star Online", site_name="Dunlow Star")
    assert _outlet([STORY], hints) == "Dunlow Star"
