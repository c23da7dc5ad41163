"""Cleaning rules added in session 36 (a JavaScript app's article in its data script, a newspaper
page read by OCR, a forum thread quoting an article, mojibake, a podcast episode's page), each
beside a near miss that must stay.

Invented pages (a landslide closes the mountain railway of Vellmark: the Harrow Ledger's app page,
the Vellmark Post's e-paper, a railway enthusiasts' forum quoting the Ledger, the Upland Echo
scraped with broken encoding, the Ledger's podcast), not the seed pages nor the labelled
development sets.
"""

from __future__ import annotations

import json

import pytest

from index import mojibake
from index.cleaning import clean_text
from index.furniture import line_reason
from index.ocr_columns import looks_like_ocr_column
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Landslide closes Vellmark mountain railway for the summer"
BODY = (
    "A landslide buried 300 metres of the Vellmark mountain railway at 05:40 on Tuesday, and the operator said the line would stay closed until September.",
    "Nobody was hurt. The first train of the day had been held at Kessel station after a track patrol reported falling rocks, the operator’s spokesman, Aron Lidt, said.",
    "Engineers from the regional roads agency said the slope above the line had moved by 40 centimetres since the spring thaw.",
    "About 1,200 passengers a day use the railway in summer, most of them walkers bound for the Ostgrat huts.",
)


def html_clean(raw: str) -> object:
    return clean_text(raw, "page", is_html=True)


# --- a JavaScript app's page: the article only in its data script ---


def next_data(body: list[str], **article: object) -> str:
    data = {
        "props": {
            "pageProps": {
                "article": {
                    "id": "a-7781",
                    "kicker": "Vellmark landslide",
                    "headline": HEADLINE,
                    "standfirst": "The operator says repairs will take three months after rocks buried the track above Kessel.",
                    "byline": "By Mira Holt, Transport Correspondent",
                    "publishedAt": "2033-05-14T07:10:00+02:00",
                    "displayDate": "Tuesday 14 May 2033",
                    "body": body,
                    "author": {"name": "Mira Holt", "bio": "Mira Holt has covered the railways of the uplands since 2029."},
                    "tags": ["Vellmark", "Railways"],
                    **article,
                },
                "related": [{"headline": "Who runs the Vellmark railway? A profile of the 91-year-old line", "path": "/rail/profile"}],
                "adConfig": {"slots": ["top", "mid"], "refreshSeconds": 30},
            }
        },
        "buildId": "ledger-33",
    }
    return json.dumps(data, indent=2)


APP_BODY = [
    BODY[0].replace("operator", "<em>operator</em>", 1),
    BODY[1],
    BODY[2],
    BODY[3],
    'Follow our <a href="/live/vellmark">live coverage of the landslide</a> for the latest updates.',
]


def app_page(visible_article: str = '<div class="placeholder"><p>Loading...</p></div>', data: str | None = None) -> str:
    data = data if data is not None else next_data(APP_BODY)
    return (
        "<!DOCTYPE html>\n<html><head><title>Landslide closes railway | The Harrow Ledger</title>\n"
        '<script src="/_next/static/chunks/main-1.js" defer=""></script></head>\n<body>\n<div id="__next">\n'
        '<header><a href="/">The Harrow Ledger</a> <a href="/subscribe">Subscribe from 4 crowns</a></header>\n'
        f'<main>\n<p class="kicker">Vellmark landslide</p>\n<h1>{HEADLINE}</h1>\n{visible_article}\n</main>\n'
        '<footer><p>© 2033 Harrow Ledger Group</p></footer>\n</div>\n'
        f'<script id="__NEXT_DATA__" type="application/json">\n{data}\n</script>\n</body></html>\n'
    )


def test_an_app_page_reads_its_article_out_of_the_data_script_with_exact_offsets() -> None:
    document = html_clean(app_page())
    kept = [HEADLINE, "By Mira Holt, Transport Correspondent", "Tuesday 14 May 2033", *BODY]
    assert_kept(document, *kept)
    assert_dropped(document, "Loading", "Mira Holt has covered", "91-year-old", "live coverage", "refreshSeconds", "a-7781", "2033-05-14T07")
    # The escaped apostrophe (\u2019) decodes to an inserted character; the rest is verbatim JSON.
    assert "\\u2019" in document.raw_text and "operator’s" in document.text
    assert_offsets_exact(document, "Nobody was hurt.", "Engineers from the regional roads agency")
    assert document.text.count(HEADLINE) == 1  # the visible <h1> repeats the data's headline


def test_an_app_page_whose_html_shows_the_article_leaves_the_data_as_a_copy() -> None:
    visible = "\n".join(f"<p>{paragraph}</p>" for paragraph in BODY)
    document = html_clean(app_page(visible_article=visible))
    assert_kept(document, *BODY)
    script_start = document.raw_text.index("__NEXT_DATA__")
    start = document.text.index("Nobody was hurt.")
    assert document.offsets.raw_position(start) < script_start  # the visible paragraph, not the data's


@pytest.mark.parametrize("layout", ["ld+json", "state"])
def test_other_frameworks_data_is_read_too(layout: str) -> None:
    if layout == "ld+json":
        schema = {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2033-05-14", "articleBody": "\n\n".join(BODY)}
        script = f'<script type="application/ld+json">{json.dumps(schema)}</script>'
    else:
        script = "<script>window.__APOLLO_STATE__ = " + json.dumps({"Article:1": {"title": HEADLINE, "blocks": [{"type": "p", "text": p} for p in BODY]}}) + ";</script>"
    raw = f'<html><head><title>Ledger</title></head><body><div id="app"><h1>{HEADLINE}</h1><p>Loading...</p></div>{script}</body></html>'
    document = html_clean(raw)
    assert_kept(document, *BODY)
    assert_dropped(document, "Loading")


def test_a_data_script_nested_too_deep_to_read_leaves_the_page_as_it_is() -> None:
    # Bad input: data nested deeper than the reader follows is no article, and no crash.
    deep = "[" * 20_000 + "]" * 20_000
    document = html_clean(app_page(data=deep))
    assert_kept(document, HEADLINE)
    assert_dropped(document, "[[[")


def test_a_data_script_without_an_article_body_is_left_alone() -> None:
    # Two long summaries of other stories are no body (an article has three prose paragraphs at
    # least), nor are three photo captions (an article's body is longer).
    summaries = [
        "The Ostgrat huts will open two weeks late this year because snow still blocks the upper path, the alpine club said on Monday, and walkers who booked for early June will get their money back from the club in full.",
        "The regional council has approved 4 million crowns for new rock nets above the valley road, after two cars were hit by falling stones in March, and work will start as soon as the snow has gone from the upper slopes.",
    ]
    captions = [
        "Rocks cover the track above Kessel on Tuesday morning.",
        "Engineers inspect the slope from a helicopter at noon.",
        "Walkers wait for the valley bus at Kessel station.",
    ]
    data = next_data(["Short teaser.", "Another teaser."]).replace('"related": [', '"related": [' + json.dumps(summaries)[1:-1] + ",")
    data = data.replace('"tags": [', '"captions": ' + json.dumps(captions) + ',\n"tags": [')
    document = html_clean(app_page(visible_article="\n".join(f"<p>{p}</p>" for p in BODY), data=data))
    assert_kept(document, *BODY)
    assert_dropped(document, "Short teaser", "Transport Correspondent", "rock nets", "Engineers inspect the slope")


# --- a newspaper page read by OCR ---

EPAPER = """\
and the council will vote on the new car park
at its meeting in June, the mayor said.

THE VELLMARK POST Wednesday, 15 May 2033 5

RAILWAY SHUT AFTER
ROCKS BURY TRACK
Summer season lost; walkers told to use
the valley bus
By ANNA KESSLER

A landslide buried 300 metres of the moun-
tain railway above Kessel early on Tuesday,
and the operator said the line would stay
closed until September. The first train had
been held at the station after a patrol saw
falling rocks on the line, and the evacu-
ation of the upper huts began at 07:00.
The spokesman, a well-
known figure in the valley, said the well
known risks of the spring thaw had been
watched closely since April. The snow-
covered path above the snow line is
covered by the closure too.
Walkers queue for the valley bus at Kes-
sel station on Tuesday.
Photo: Jon Brask
Engineers said the slope had moved by 40
centimetres since the thaw, and the regional
roads agency will drill anchors into the
rock face from next week. About 1,200 pas-
sengers a day use the railway in summer.

HARTL M0T0RS ~ SPRlNG DEALS
0% f1nance on all new vans
*T&Cs app1y. Flnance subject to status.

The huts above the slide can still be
reached on foot from the Ostgrat side.
Continued on page 6

6 Wednesday, 15 May 2033 THE VELLMARK POST

RAIL: Continued from page 5
The operator has not said what the repairs
will cost, and insurers are still assessing
the damage to the track.

IN BRIEF
Library hours extended
VELLMARK library will open on Sundays
from June, the council said.
"""


def test_an_ocr_page_keeps_its_story_as_paragraphs_and_drops_its_furniture() -> None:
    assert looks_like_ocr_column(EPAPER)
    document = clean(EPAPER)
    assert_kept(
        document,
        "A landslide buried 300 metres of the mountain railway above Kessel early on Tuesday,",
        "the evacuation of the upper huts began at 07:00.",
        "About 1,200 passengers a day use the railway in summer.",
        "The operator has not said what the repairs will cost",
        "RAILWAY SHUT AFTER",
    )
    assert_dropped(
        document, "car park", "THE VELLMARK POST", "M0T0RS", "f1nance", "Continued on page", "Continued from page",
        "IN BRIEF", "Library hours", "Walkers queue", "Jon Brask",
    )
    assert_offsets_exact(document, "tain railway above Kessel", "The operator has not said")


def test_an_ocr_page_keeps_the_hyphen_of_a_compound_broken_at_a_line_end() -> None:
    document = clean(EPAPER)
    assert "a well-known figure in the valley" in document.text  # "well-" makes compounds
    assert "The snow-covered path" in document.text  # "snow" and "covered" are words of the page
    assert "moun-tain" not in document.text and "mountain railway" in document.text


@pytest.mark.parametrize(
    "text",
    [
        # A narrow column without a word broken at a line end: a list, a poem, a text wrapped by hand.
        "\n".join(["The railway climbs from the valley floor", "to Kessel in forty minutes, through"] * 12),
        # Words broken at line ends in lines too wide for a newspaper's column: a report or a mail.
        "\n".join(["The operator said the line above Kessel would stay closed until the anchors were in, and evacu-", "ation of the huts was complete by noon on Tuesday, the regional roads agency said at 14:00."] * 12),
    ],
)
def test_a_narrow_list_or_a_wide_report_is_no_ocr_column(text: str) -> None:
    assert not looks_like_ocr_column(text)


def test_a_plain_text_article_is_no_ocr_column() -> None:
    article = page(HEADLINE, "By Anna Kessler", *BODY, "The spokesman, a well-known figure in the valley, said the slope was watched.")
    assert not looks_like_ocr_column(article)
    assert_kept(clean(article), *BODY)


def test_a_running_head_and_a_jump_line_are_furniture_but_a_sentence_naming_a_page_is_not() -> None:
    assert line_reason("THE VELLMARK POST Wednesday, 15 May 2033 5") == "running-header"
    assert line_reason("RAIL: Continued from page 5") == "jump-line"
    assert line_reason("The report, published on 15 May 2033, runs to 5 pages and names the engineers who checked it.") is None
    assert line_reason("12 walkers were brought down from the huts by helicopter on Wednesday, 15 May 2033.") is None
    # A headline or list item opening on a figure and naming a date, without a full stop, is no head.
    assert line_reason("12 walkers rescued from the huts on 15 May 2033") is None
    assert line_reason("20 years on: the landslide of 15 May 2013") is None


# --- a forum thread that quotes an article ---

QUOTED = "\n".join(f"<p>{paragraph}</p>" for paragraph in BODY)


def forum_post(number: int, user: str, content: str) -> str:
    return (
        f'<div class="post" id="p{number}">\n'
        f'<dl class="postprofile"><dt><a class="username" href="./memberlist.php?u={number}">{user}</a></dt>'
        f"<dd><strong>Joined:</strong> May 2031</dd><dd><strong>Posts:</strong> 1,0{number}</dd></dl>\n"
        f'<p class="author">Posted: Tue May 14, 2033 9:{number:02d} am</p>\n'
        f'<div class="content">{content}</div>\n'
        '<div class="signature">Steam forever.</div>\n</div>\n'
    )


def forum_page(first_post: str) -> str:
    return (
        "<html><head><title>Vellmark line closed - Rail Upland Forum</title></head><body>\n"
        '<h2 class="topic-title">Ledger: Landslide closes Vellmark railway</h2>\n'
        + forum_post(11, "kessel_kid", first_post)
        + forum_post(12, "gradient_gus", "Heard it will be closed until 2035, not September. My mate works there.")
        + forum_post(13, "ostgrat", "@gradient_gus source? The operator says September.")
        + "</body></html>\n"
    )


def test_a_forum_thread_keeps_the_article_its_first_post_quotes_and_drops_the_posts() -> None:
    first = (
        "Pasting it for those without a subscription:\n"
        f"<blockquote><div><cite>Quote from The Harrow Ledger:</cite>\n<div><strong>{HEADLINE}</strong></div>\n{QUOTED}\n</div></blockquote>\n"
        "Grim news for the summer."
    )
    document = html_clean(forum_page(first))
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "Pasting it", "Quote from", "Grim news", "kessel_kid", "Joined", "2035", "Steam forever", "Posted:")
    assert_offsets_exact(document, BODY[2])


def test_a_thread_quoting_a_line_of_another_post_is_read_as_a_page() -> None:
    first = "<blockquote><cite>gradient_gus wrote:</cite> Heard it will be closed until 2035, not September, because the whole slope has to be rebuilt.</blockquote>" + BODY[0]
    document = html_clean(forum_page(first))
    assert_kept(document, BODY[0])


def test_an_article_quoting_a_forum_post_keeps_its_own_paragraphs() -> None:
    raw = (
        f"<html><body><article><h1>{HEADLINE}</h1>\n<p>By Mira Holt</p>\n{QUOTED}\n"
        "<p>One walker wrote on a railway forum in April:</p>\n"
        "<blockquote>\n<p>The track has been moving for weeks, and anyone who walks the path beside it could see the cracks in the ballast.</p>\n"
        "<p>I told the station master at Kessel in April, and he said the engineers had already been up twice to look at it.</p>\n"
        "<p>Nobody closed the line, and nobody put up a sign for the walkers who use the path every morning in summer.</p>\n"
        "<p>When the rocks came down on Tuesday I was glad the first train had been held, but it should never have come to that.</p>\n"
        "</blockquote>\n<p>The operator said it had no record of a report from a walker in April.</p>\n"
        "</article></body></html>"
    )
    document = html_clean(raw)
    assert_kept(document, HEADLINE, *BODY, "The track has been moving for weeks", "no record of a report")


# --- mojibake ---


def garble(text: str) -> str:
    """UTF-8 text decoded as Windows-1252, as a bad scraper saves it (an undefined byte is lost)."""
    return text.encode("utf-8").decode("cp1252", errors="ignore")


GARBLED_BODY = (
    "The operator’s spokesman, Aron Lidt, said the line would reopen “in September at the earliest”.",
    "Jörg Fäller, who runs the café at Kessel station, said: “We’ll lose the whole summer – again.”",
    "The regional roads agency’s geologist, Zoë Brandão, said the slope had moved by 40 centimetres.",
)


def test_a_page_in_mojibake_is_repaired_with_exact_offsets() -> None:
    raw = garble(f"<html><body><article><h1>{HEADLINE}</h1>\n<p>By Mira Holt</p>\n" + "\n".join(f"<p>{p}</p>" for p in (*BODY, *GARBLED_BODY)) + "\n</article></body></html>")
    assert "â€™" in raw and "Ã¶" in raw
    document = html_clean(raw)
    assert_kept(document, "The operator’s spokesman, Aron Lidt", "Jörg Fäller, who runs the café", "We’ll lose the whole summer – again.", "Zoë Brandão")
    assert "“in September at the earliest”" in document.text  # the closing quote lost its last byte and is restored
    assert_offsets_exact(document, "Aron Lidt, said the line would reopen", "who runs the caf")


@pytest.mark.parametrize(
    "text",
    [
        # A story about broken encoding quotes mojibake beside correct letters and punctuation.
        "The council’s new website showed “KÃ¶ln” for Köln, “Ã¨” for è and “â€™” for an apostrophe, and the café’s menu read “crÃ¨me”.",
        # Portuguese in capitals: "Ã" before a plain letter is no UTF-8 sequence.
        "The SÃO PAULO and MARANHÃO delegations arrived at the São Paulo hotel at 09:00.",
        # One garbled name in an ASCII story is a quote of the damage, too little to repair a page by.
        "The departure board at Kessel showed KÃ¶ln instead of the city's name for most of the morning.",
    ],
)
def test_correct_text_with_a_tilde_capital_or_quoted_mojibake_is_left_alone(text: str) -> None:
    assert not mojibake.is_garbled(text)
    document = clean(page(HEADLINE, *BODY, text))
    assert_kept(document, text)


# --- a podcast episode's page ---

TURNS = (
    "[00:00:21] <b>Ola Brandt:</b> Hello and welcome to Rail Talk. This week, the landslide that closed the Vellmark line.",
    "[00:00:40] <b>Ivo Renn:</b> Thanks, Ola. The slope had been moving since the spring thaw, about 40 centimetres in all.",
    "[00:01:05] <b>Ola Brandt:</b> And the operator says September?",
    "[00:01:09] <b>Ivo Renn:</b> September at the earliest. The anchors have to go in first, and that takes weeks.",
)


def podcast_page(extra_turns: tuple[str, ...] = ()) -> str:
    turns = (
        "[00:00:00] [Music]",
        "[00:00:09] <b>Ola Brandt:</b> This episode of Rail Talk is supported by Kessel Savings Bank. Banking for the valley since 1911.",
        *TURNS[:2],
        "[00:00:55] <b>Ola Brandt:</b> But first, a quick word from this week's sponsor. Kessel Savings Bank has branches in every valley town.",
        *TURNS[2:],
        *extra_turns,
        "[00:01:30] <b>Ola Brandt:</b> If you liked this episode, follow Rail Talk wherever you get your podcasts, and leave us a rating.",
        "[00:01:38] <b>Ola Brandt:</b> Rail Talk is produced by Edda Vorn. Sound design by Kai Lund. Music by The Switchbacks.",
        "[00:01:50] [Music]",
    )
    return (
        "<html><body><main>\n<h1>The Vellmark slide</h1>\n<p>Episode 12 · Wednesday 15 May 2033</p>\n<p>Presented by Ola Brandt</p>\n"
        "<p>24 min · Explicit: no</p>\n<h2>Show notes</h2>\n"
        "<p>Ola Brandt and the geologist Ivo Renn on the landslide that closed the Vellmark mountain railway for the summer.</p>\n"
        "<h3>Jump in</h3>\n<ul><li>00:00 Intro</li><li>00:40 The slope</li><li>01:05 Reopening</li></ul>\n"
        "<h3>Sponsor</h3>\n<p>This episode is supported by Kessel Savings Bank.</p>\n"
        "<h2>Transcript</h2>\n<p>This transcript was generated automatically and may contain errors. Please check against the audio before quoting.</p>\n"
        + "\n".join(f"<p>{turn}</p>" for turn in turns)
        + "\n</main></body></html>\n"
    )


def test_a_podcast_page_keeps_the_conversation_and_drops_reads_plugs_credits_and_cues() -> None:
    document = html_clean(podcast_page())
    kept_turns = [turn.replace("<b>", "").replace("</b>", "") for turn in TURNS]
    assert_kept(document, *kept_turns, "Ola Brandt and the geologist Ivo Renn on the landslide")
    assert_dropped(
        document, "[Music]", "Kessel Savings Bank", "wherever you get your podcasts", "produced by Edda Vorn", "Jump in",
        "00:00 Intro", "01:05 Reopening", "Show notes", "24 min", "Sponsor", "generated automatically",
    )


def test_a_timeline_of_clock_times_in_an_article_is_kept() -> None:
    timeline = ("05:40 Rocks fall above Kessel", "06:10 First train held", "07:00 Upper huts evacuated")
    document = clean(page(HEADLINE, "By Anna Kessler", BODY[0], "\n".join(timeline), *BODY[1:]))
    assert_kept(document, *timeline)


def test_a_report_about_a_sponsor_or_a_credit_is_the_articles() -> None:
    for sentence in (
        "The railway is sponsored by the regional bank, which paid 2 million crowns for the new carriages last year.",
        "The documentary about the line was produced by a team from Kessel, and it won a prize at the Ostgrat festival.",
        "[00:01:20] Ivo Renn: The Kessel Report was written by Edda Vorn. It showed the slope moving all spring.",
    ):
        assert line_reason(sentence) is None


# --- smaller rules met on these pages ---


def test_a_subheading_stating_its_sections_figure_is_kept_but_a_tool_row_is_not() -> None:
    raw = (
        f"<html><body><article><h1>{HEADLINE}</h1>\n<p>By Mira Holt</p>\n<p>{BODY[0]}</p>\n"
        "<h2>Up to 250,000 crowns for each damaged hut</h2>\n"
        "<p>Hut owners can claim up to 250,000 crowns each from the regional fund, the council said on Tuesday.</p>\n"
        f"<p>{BODY[1]}</p>\n<p>Share   Save   Gift this article   12 min read</p>\n"
        "<p>Repairs will start on 12 June, the operator said, and the anchors alone will take about six weeks.</p>\n"
        f"<p>{BODY[2]}</p>\n"
        "<p>Print · Save · Text size A A A</p>\n</article></body></html>"
    )
    document = html_clean(raw)
    assert_kept(document, "Up to 250,000 crowns for each damaged hut", BODY[2])
    assert_dropped(document, "Gift this article", "Text size")


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Have you been affected? Write to news@ledger.example – we read every message.", True),
        ("Were you there? Get in touch at tips@ledger.example.", True),
        ("Have you been affected? Most residents of Kessel said they had not been, the survey found.", False),
        ("Follow our live coverage of the landslide for the latest updates.", True),
        ("Walkers followed the live coverage on their phones while they waited at Kessel.", False),
    ],
)
def test_call_outs_and_live_pointers(text: str, furniture: bool) -> None:
    assert (line_reason(text) is not None) is furniture
