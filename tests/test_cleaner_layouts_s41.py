"""Cleaning rules added in session 41 (a MediaWiki news article in raw HTML and its infobox, a
social post's hashtags after its last sentence, a fediverse thread's public page of ``h-entry``
posts), each beside a near miss that must stay.

Invented pages (the river Quill floods the town of Harrowby), not the seed pages nor the
labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_file
from index.records import CleanedDocument
from index.text_shape import ends_sentence
from tests.index.test_cleaning import assert_dropped, assert_kept
from tests.index.test_feeds_captions_threads import assert_offsets_exact

TITLE = "River Quill bursts its banks and floods the centre of Harrowby"
PARAGRAPHS = (
    "The River Quill rose 2.8 metres overnight on Thursday and flooded the centre of Harrowby, the water board said.",
    "About 600 homes were evacuated, and the bridge on Mill Lane was closed after part of its railing was swept away.",
    "The county council opened a rest centre at Harrowby Leisure Centre, with camp beds for 300 people.",
)


def _clean(tmp_path: Path, name: str, page: str) -> CleanedDocument:
    (tmp_path / name).write_text(page, encoding="utf-8")
    document, _ = ingest_file(tmp_path / name)
    return document


# --- a MediaWiki news article in raw HTML ---

def wiki_page(*, notice: bool = True, infobox: str = "", dateline: str = "Friday, May 11, 2040", extra_body: str = "") -> str:
    reference = '<sup class="reference"><a href="#cite_note-1">&#91;1&#93;</a></sup>'
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
        f"<title>{TITLE} - Fernpost, the free news source</title>\n"
        '<meta name="generator" content="MediaWiki 1.41.0"/>\n</head>\n'
        '<body class="mediawiki skin-vector">\n<div id="content" class="mw-body" role="main">\n'
        + (
            '<div id="siteNotice"><div id="localNotice"><p>Fernpost wants writers from every county. '
            '<a href="/wiki/Fernpost:Write">Write a story</a> and share it with the world today.</p></div></div>\n'
            if notice
            else ""
        )
        + f'<h1 id="firstHeading" class="firstHeading"><span class="mw-page-title-main">{TITLE}</span></h1>\n'
        '<div id="bodyContent" class="vector-body">\n'
        '<div id="siteSub" class="noprint">From Fernpost, the free news source you can write!</div>\n'
        '<a class="mw-jump-link" href="#mw-head">Jump to navigation</a>\n'
        '<a class="mw-jump-link" href="#searchInput">Jump to search</a>\n'
        '<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">\n'
        + infobox
        + f'<p><strong class="published">{dateline}</strong></p>\n'
        + f"<p>{PARAGRAPHS[0]}{reference}</p>\n"
        + f"<p>{PARAGRAPHS[1]}{reference}</p>\n"
        + f"<p>{PARAGRAPHS[2]}</p>\n"
        + extra_body
        + '<h2><span class="mw-headline" id="Sources">Sources</span></h2>\n'
        '<div class="mw-references-wrap"><ol class="references">\n'
        '<li id="cite_note-1"><span class="mw-cite-backlink">↑ 1.0 1.1</span> <span class="reference-text">'
        '"Quill flood warning raised to severe" — Harrowby Water Board, May 10, 2040. Retrieved May 11, 2040.</span></li>\n'
        '<li id="cite_note-2"><span class="mw-cite-backlink">↑ 2.0 2.1</span> <span class="reference-text">'
        '"Rest centre opens in Harrowby" — County Council, May 11, 2040. Retrieved May 11, 2040.</span></li>\n'
        "</ol></div>\n"
        '<div class="opinion-box">Have an opinion on this story? <a href="/wiki/Comments:Quill">Share it!</a></div>\n'
        "</div></div>\n"
        '<div class="printfooter">Retrieved from "<a href="https://fernpost.example/w/index.php?oldid=9921">'
        "https://fernpost.example/w/index.php?oldid=9921</a>\"</div>\n"
        '<div id="catlinks" class="catlinks"><div class="mw-normal-catlinks"><a href="/wiki/Special:Categories">Categories</a>: '
        '<ul><li><a href="/wiki/Category:Floods">Floods</a></li><li><a href="/wiki/Category:Harrowby">Harrowby</a></li>'
        '<li><a href="/wiki/Category:Published">Published</a></li></ul></div></div>\n'
        "</div>\n</div>\n"
        '<div id="mw-navigation">\n<h2>Navigation menu</h2>\n'
        '<div id="mw-panel"><div class="portal"><h3>Contribute</h3><ul><li><a href="/wiki/Help">Help with writing a story</a></li>'
        '<li><a href="/wiki/Recent">Recent changes to the wiki</a></li></ul></div></div>\n'
        "</div>\n"
        '<footer id="footer" class="mw-footer"><ul><li>This page was last edited on 12 May 2040, at 09:14.</li></ul></footer>\n'
        "</body>\n</html>\n"
    )


def test_wiki_article_keeps_title_dateline_and_text_and_drops_the_wikis_interface(tmp_path: Path) -> None:
    document = _clean(tmp_path, "fernpost_quill.html", wiki_page())
    assert_kept(document, TITLE, "Friday, May 11, 2040", *PARAGRAPHS)
    assert_dropped(
        document,
        "wants writers",  # the site-wide notice (siteNotice)
        "From Fernpost",  # the tagline
        "Jump to",  # the skip links
        "Sources",  # the heading over the reference list
        "Retrieved May 11",  # the reference list ("↑ 1.0 1.1 ...")
        "Have an opinion",  # the call for readers' views
        "Retrieved from",  # printfooter
        "Categories",  # catlinks
        "Floods",
        "Navigation menu",  # the skin's menus (mw-navigation)
        "Recent changes",
    )
    assert_offsets_exact(document, TITLE, PARAGRAPHS[1])
    # The notice above the title was taken for the first paragraph, and the title for a link.
    assert document.meta.headline == TITLE
    assert document.meta.date == "2040-05-11"
    # A wiki names itself only in its tagline: "From Fernpost, the free news source ...".
    assert document.meta.outlet == "Fernpost"


def test_wiki_interface_names_do_not_drop_an_article_elements_of_other_names(tmp_path: Path) -> None:
    # A site's own notice box and a paragraph about categories and sources are the article's.
    body = (
        '<div id="notice" class="site-notice-box"><p>Harrowby Leisure Centre will stay open as a rest centre until at least Monday, the council said.</p></div>\n'
        "<p>Insurers put the flood in the highest of their four categories of claim, the same as the floods of 2031.</p>\n"
    )
    document = _clean(tmp_path, "fernpost_quill.html", wiki_page(extra_body=body))
    assert_kept(document, "will stay open as a rest centre", "four categories of claim")


def test_wiki_tagline_reference_entries_skip_links_and_opinion_call_are_only_dropped_as_such(tmp_path: Path) -> None:
    near_misses = (
        "From Harrowby, the free ferry to Ostley still runs every hour, the operator said on Friday.",
        "↑ 2.8 metres at the Mill Lane gauge on Thursday night, the highest since records began.",
        "Some residents were told to jump to the upper floors if the water rose again overnight.",
        "\"Have an opinion on this story? Everyone in Harrowby does,\" the mayor told the meeting.",
    )
    body = "".join(f"<p>{line}</p>\n" for line in near_misses)
    document = _clean(tmp_path, "fernpost_quill.html", wiki_page(extra_body=body))
    assert_kept(document, *near_misses)


INFOBOX = (
    '<table class="infobox">\n<caption>Quill flood</caption>\n'
    '<tr><td colspan="2"><span typeof="mw:File"><a href="/wiki/File:Mill_Lane.jpg"><img src="/w/mill_lane.jpg" alt="" width="280"/></a></span></td></tr>\n'
    '<tr><td colspan="2">The Mill Lane bridge, whose railing was swept away by the flood.</td></tr>\n'
    '<tr><th scope="row">Date</th><td>10 May 2040</td></tr>\n'
    '<tr><th scope="row">Homes evacuated</th><td>about 600</td></tr>\n'
    '<tr><th scope="row">River level</th><td>2.8 m above normal</td></tr>\n'
    "</table>\n"
)


def test_caption_row_under_an_image_row_is_dropped_and_the_tables_figures_kept(tmp_path: Path) -> None:
    document = _clean(tmp_path, "fernpost_quill.html", wiki_page(infobox=INFOBOX))
    assert_dropped(document, "railing was swept away by the flood")
    assert_kept(document, "Quill flood", "Homes evacuated | about 600", "River level | 2.8 m above normal", *PARAGRAPHS)


def test_one_cell_rows_without_an_image_above_are_no_captions(tmp_path: Path) -> None:
    # A table's title row over its data, and a one-cell row under a row of text, stay.
    table = (
        "<table>\n"
        '<tr><td colspan="2">Rainfall in the 48 hours to 9am on Friday, by gauge and by river.</td></tr>\n'
        "<tr><th>Gauge</th><th>Rainfall</th></tr>\n"
        "<tr><td>Harrowby</td><td>96 mm</td></tr>\n"
        '<tr><td colspan="2">Ostley gauge out of action since Thursday evening after the power cut.</td></tr>\n'
        "</table>\n"
    )
    document = _clean(tmp_path, "fernpost_quill.html", wiki_page(infobox=table))
    assert_kept(document, "Rainfall in the 48 hours", "Harrowby | 96 mm", "Ostley gauge out of action")


LEAD = "<p>Flood warnings stayed in force along the whole of the Quill valley on Friday, the water board said.</p>\n"


@pytest.mark.parametrize("above", ["", LEAD], ids=["in the header", "under a first paragraph"])
def test_a_date_in_a_fact_box_row_does_not_date_the_page(tmp_path: Path, above: str) -> None:
    # The infobox's "Date | 10 May 2040" is the flood's; the dateline under it dates the article,
    # whether the box sits in the header or under a paragraph that started the body.
    document = _clean(tmp_path, "fernpost_quill.html", wiki_page(infobox=above + INFOBOX))
    assert document.meta.date == "2040-05-11"
    assert_kept(document, "Date | 10 May 2040", "Friday, May 11, 2040")


# --- a fediverse thread's public page of h-entry posts ---

ACCOUNT = "https://posts.harrowby.example/@floodline"
POSTS = (
    "Flood update 1/3: The Quill is over its banks in the centre of Harrowby. Move to higher ground if you live near Mill Lane. #QuillFlood",
    "Update 2/3: The rest centre at Harrowby Leisure Centre is open, with camp beds for 300 people. Bring medicines if you can.",
    "Update 3/3: About 600 homes have been evacuated so far. The Mill Lane bridge stays closed until engineers have checked it. #QuillFlood #Harrowby",
)
REPLIES = (
    "Someone on the radio said the dam upstream at Ostley has failed, is that true?",
    "My neighbour says the water board knew about this for weeks and did nothing at all.",
)


def _post(author: str, name: str, stamp: str, text: str, *, centred: bool = False) -> str:
    author_link = (
        f'<a class="detailed-status__display-name u-url" href="{author}">'
        if centred
        else f'<div class="status__info"><a class="status__display-name p-author h-card" href="{author}">'
    )
    return (
        f'<div class="entry h-entry">\n<div class="status">\n'
        f'{author_link}<span class="display-name"><strong class="display-name__html p-name">{name}</strong> '
        f'<span>@{author.rsplit("@", 1)[1]}</span></span></a>{"" if centred else "</div>"}\n'
        f'<a class="status__relative-time u-url u-uid" href="{author}/1"><time datetime="{stamp}">May {int(stamp[8:10])}, 2040, {stamp[11:16]}</time></a>\n'
        f'<div class="status__content"><div class="e-content" lang="en"><p>{text}</p></div></div>\n'
        '<div class="status__action-bar"><span class="counter">12</span> replies <span>40</span> boosts</div>\n'
        "</div>\n</div>\n"
    )


def thread_page(*, own_posts: int = 3) -> str:
    others = [
        _post("https://toot.example/@miri", "Miri", "2040-05-10T23:40:00Z", REPLIES[0]),
        _post("https://social.example/@ben_k", "Ben K", "2040-05-11T01:10:00Z", REPLIES[1]),
    ]
    own = [
        _post(ACCOUNT, "Harrowby Flood Line", f"2040-05-10T2{k}:15:00Z", POSTS[k], centred=k == 0) for k in range(own_posts)
    ]
    entries = [own[0], others[0], *own[1:2], others[1], *own[2:]]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
        '<title>Harrowby Flood Line: "Flood update 1/3: The Quill is over its banks…" - posts.harrowby.example</title>\n'
        '<meta content="posts.harrowby.example" property="og:site_name">\n</head>\n<body>\n'
        '<div class="account-card">\n<div class="account-card__title"><strong class="p-name">Harrowby Flood Line</strong></div>\n'
        "<div class=\"account-card__bio\"><p>The council's flood warnings for Harrowby and the Quill valley. In danger? Call 999, not us.</p></div>\n"
        '<div class="account-card__counters">812 Posts 30 Following 9.1K Followers</div>\n</div>\n'
        '<div class="activity-stream">\n'
        + "".join(entries)
        + "</div>\n"
        '<div class="hero-widget"><h4>About this server</h4>\n'
        "<p>posts.harrowby.example is the server of Harrowby's public services; only council teams can hold accounts here.</p></div>\n"
        "</body>\n</html>\n"
    )


def test_thread_page_keeps_the_authors_posts_and_their_times_and_drops_the_rest(tmp_path: Path) -> None:
    document = _clean(tmp_path, "floodline_thread.html", thread_page())
    assert_kept(document, *POSTS, "May 10, 2040, 20:15", "May 10, 2040, 22:15")
    assert_dropped(
        document,
        *REPLIES,
        "May 10, 2040, 23:40",  # a reply's time
        "Call 999",  # the account card's bio
        "812 Posts",
        "@floodline",  # each post's author line
        "boosts",
        "About this server",
        "public services",
    )
    assert_offsets_exact(document, POSTS[1])
    # The account publishes the thread: byline and outlet; the <title> is the server's cut of the
    # first post, no headline.
    assert document.meta.byline == ("Harrowby Flood Line",)
    assert document.meta.outlet == "Harrowby Flood Line"
    assert document.meta.date == "2040-05-10"
    assert document.meta.headline is None
    reasons = {block.reason for block in document.dropped}
    assert {"thread-reply", "thread-furniture"} <= reasons


def test_two_posts_by_one_account_are_no_thread(tmp_path: Path) -> None:
    # Read as any page: the replies are not singled out as another account's posts.
    document = _clean(tmp_path, "floodline_thread.html", thread_page(own_posts=2))
    assert "thread-reply" not in {block.reason for block in document.dropped}
    assert_kept(document, REPLIES[1])


def test_article_with_an_accounts_posts_beside_it_is_read_as_an_article(tmp_path: Path) -> None:
    # A report that shows the flood line's latest posts under it: three h-entry posts by one
    # account, but the page's prose is the report's.
    article = "".join(f"<p>{paragraph} The council said more rain was due on Saturday night.</p>\n" for paragraph in PARAGRAPHS)
    posts = "".join(_post(ACCOUNT, "Harrowby Flood Line", f"2040-05-10T2{k}:15:00Z", POSTS[k]) for k in range(3))
    page = (
        f"<html><head><title>{TITLE}</title></head><body>\n<article>\n<h1>{TITLE}</h1>\n{article}</article>\n"
        f'<div class="latest-posts">\n{posts}</div>\n</body></html>\n'
    )
    document = _clean(tmp_path, "harrowby_report.html", page)
    assert not {"thread-reply", "thread-furniture"} & {block.reason for block in document.dropped}
    assert_kept(document, TITLE, *PARAGRAPHS)


def test_blog_post_with_comments_nested_in_its_entry_is_no_thread(tmp_path: Path) -> None:
    comments = "".join(
        f'<div class="p-comment h-entry"><a class="p-author h-card" href="https://blog.example/">Ana</a>'
        f'<div class="e-content"><p>Thanks, this helped us plan our evening {k}.</p></div></div>\n'
        for k in range(3)
    )
    page = (
        "<html><head><title>Walking the flooded Quill valley</title></head><body>\n"
        '<article class="h-entry">\n<h1 class="p-name">Walking the flooded Quill valley</h1>\n'
        '<a class="p-author h-card" href="https://blog.example/">Ana Vell</a>\n'
        '<div class="e-content">\n' + "".join(f"<p>{paragraph}</p>\n" for paragraph in PARAGRAPHS) + "</div>\n"
        + comments
        + "</article>\n</body></html>\n"
    )
    document = _clean(tmp_path, "quill_walk.html", page)
    assert "thread-reply" not in {block.reason for block in document.dropped}
    assert_kept(document, "Walking the flooded Quill valley", *PARAGRAPHS)


# --- a social post's hashtags ---

def test_hashtags_after_a_sentence_end_it_but_a_label_ending_in_one_is_no_sentence() -> None:
    assert ends_sentence("Move to higher ground if you live near Mill Lane. #QuillFlood #Harrowby")
    assert ends_sentence("Is the bridge open? #QuillFlood")
    assert not ends_sentence("Live updates: #QuillFlood")
    assert not ends_sentence("Read more on #QuillFlood")
    assert not ends_sentence("Version 2. #1")
