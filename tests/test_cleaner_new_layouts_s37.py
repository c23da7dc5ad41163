"""Cleaning rules added in session 37 (a static site's Markdown source, a Gemini capsule's page,
a 1990s page laid out in tables, a read-along page with a span per word, a data-journalism page),
each beside a near miss that must stay.

Invented pages (a ferry strike strands the island of Tarsk: the Tarsk Tideline's blog post, the
Saltmarsh capsule, the Brinhaven Village Web's 1990s page, the Coastline Daily's read-along, the
Port Ledger's data page), not the seed pages nor the labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.errors import CorpusError
from index.furniture import line_reason
from index.gemtext import looks_like_gemtext
from index.ingest import ingest_file, ingest_folder
from index.markdown_text import looks_like_markdown
from index.reader_prompts import is_prompt
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Ferry strike leaves Tarsk cut off for a third day"
BODY = (
    "No ferry has left Tarsk harbour since Monday, when crews walked out over a plan to cut the winter timetable by a third.",
    "About 4,300 islanders depend on the boats for food, fuel and hospital visits, and the island's only shop ran out of milk on Wednesday.",
    "The ferry company said talks with the seafarers' union would resume on Friday in Brinhaven, the port on the mainland.",
    "A coastguard helicopter carried two patients to the mainland hospital on Tuesday night, the island council said.",
)


def html_clean(raw: str) -> object:
    return clean_text(raw, "page", is_html=True)


# --- a static site's Markdown source ---

FRONT_MATTER = (
    "---\n"
    f'title: "{HEADLINE}"\n'
    "date: 2034-02-09T07:15:00+01:00\n"
    'author: "Ines Marrow"\n'
    'slug: "ferry-strike-day-three"\n'
    'tags: ["ferries", "strike"]\n'
    "lastmod: 2034-02-09T12:40:00+01:00\n"
    'description: "Supplies run short on the island as the walkout goes on."\n'
    "---\n"
)


def markdown_post(front_matter: str = FRONT_MATTER) -> str:
    return (
        f"{front_matter}\n"
        "import PhotoStrip from \"../components/PhotoStrip.jsx\"\n\n"
        "<!-- TODO: call the union again -->\n\n"
        f"{BODY[0]}[^1]\n\n"
        f"{{{{< figure src=\"/img/quay.jpg\" caption=\"The empty quay at dawn, 06:10.\" attr=\"Photo: Rua Tamm\" >}}}}\n\n"
        "## Shelves empty\n\n"
        "{{< youtube id=\"qN7vB2xTzLk\" title=\"Walking the empty quay at Tarsk\" >}}\n\n"
        f"{BODY[1]}\n\n"
        "{% include pull-figure.html file=\"quay.jpg\" %}\n\n"
        "<PhotoStrip images=\"quay-1.jpg,quay-2.jpg\" />\n\n"
        "{{< tweet user=\"TarskFerries\"\n  id=\"1700000000000\" >}}\n\n"
        f"**{BODY[2]}**\n\n"
        "[^1]: The winter timetable runs from November to March, the company's notice says.\n"
    )


def test_a_static_site_post_keeps_its_title_date_and_author_fields_and_its_body() -> None:
    document = clean(markdown_post())
    assert_kept(document, HEADLINE, "2034-02-09T07:15", "Ines Marrow", *BODY[:3])
    assert_kept(document, "The winter timetable runs from November to March, the company's notice says.")
    assert_dropped(document, "title:", "slug", "ferry-strike-day-three", "12:40", "Supplies run short", "---", "TODO")
    assert "[^1]" not in document.text  # the marker renders as a superscript link, no words
    assert document.meta.headline == HEADLINE and document.meta.date == "2034-02-09"
    assert_offsets_exact(document, HEADLINE, BODY[1])


def test_a_static_site_posts_template_calls_are_left_out_whatever_the_generator() -> None:
    document = clean(markdown_post())
    assert_dropped(document, "figure", "06:10", "Rua Tamm", "include", "pull-figure", "PhotoStrip", "TarskFerries", "1700000000000")
    assert_dropped(document, "youtube", "qN7vB2xTzLk", "Walking the empty quay")
    assert_dropped(document, "components/PhotoStrip")  # an MDX post's import of its component


def test_toml_front_matter_is_read_like_yaml() -> None:
    toml = FRONT_MATTER.replace("---", "+++").replace(": ", " = ")
    document = clean(markdown_post(toml))
    assert_kept(document, HEADLINE, "Ines Marrow", BODY[0])
    assert_dropped(document, "slug", "ferries", "+++")


def test_a_plain_article_with_a_dash_rule_is_no_front_matter() -> None:
    raw = "\n".join([HEADLINE, "", "---", BODY[0], "---", "", BODY[1]])
    assert not looks_like_markdown(raw)
    document = clean(raw)
    assert_kept(document, BODY[0], BODY[1])


def test_a_story_that_quotes_braces_keeps_its_sentence() -> None:
    quoting = 'The ferry company\'s booking page showed "{{ timetable }}" instead of sailings for most of Tuesday, passengers said.'
    document = clean(markdown_post().replace(BODY[1], BODY[1] + "\n\n" + quoting))
    assert_kept(document, quoting)


def test_a_markdown_post_keeps_its_table_of_figures() -> None:
    table = "| Sailing | Passengers |\n|---|---|\n| Monday 07:00 | 212 |\n| Monday 12:30 | 187 |\n| Tuesday 07:00 | 240 |"
    document = clean(markdown_post().replace("## Shelves empty", table + "\n\n## Shelves empty"))
    assert_kept(document, "Monday 12:30 | 187", "Tuesday 07:00 | 240")


def test_markdown_sources_are_read_from_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "ferry.md").write_text(markdown_post(), encoding="utf-8")
    (tmp_path / "notes.md").write_text("remember to ask the union", encoding="utf-8")
    document, _ = ingest_file(tmp_path / "ferry.md")
    assert_kept(document, BODY[0])
    corpus = ingest_folder(tmp_path)
    assert [document.meta.doc_id for document in corpus.documents] == ["ferry"]  # the note is no page ...
    assert [Path(problem.path).name for problem in corpus.problems] == ["notes.md"]  # ... and is reported
    assert "Markdown note" in corpus.problems[0].message


def test_a_folder_of_markdown_notes_holds_no_page(tmp_path: Path) -> None:
    (tmp_path / "todo.markdown").write_text("call the harbour master", encoding="utf-8")
    with pytest.raises(CorpusError, match="no usable document.*Markdown note"):
        ingest_folder(tmp_path)


# --- a Gemini capsule's page ---

CAPSULE = "\n".join([
    "```Saltmarsh",
    " ___  __ _| | |_ _ __ ___   __ _ _ __ ___| |__",
    "/ __|/ _` | | __| '_ ` _ \\ / _` | '__/ __| '_ \\",
    "```",
    "News from the salt coast, on Gemini since 2029. No ads, no trackers.",
    "=> gemini://saltmarsh.example/ Home",
    "=> gemini://saltmarsh.example/news/ All news",
    "",
    f"# {HEADLINE}",
    "Ines Marrow, Thursday 9 February 2034",
    "",
    BODY[0],
    "",
    "```a drawing of the quay",
    "  ~~~~   |>    ~~~~",
    " ~~~~~  /__\\  ~~~~~  Tarsk quay",
    "```",
    "",
    "=> gemini://saltmarsh.example/docs/union-letter.txt The union's letter (plain text, 3 KB)",
    "",
    '> "Nobody on this island voted for a timetable that leaves us without milk or medicine in January." Orla Venn, island councillor',
    "",
    "## Sailings lost",
    "```sailings lost, by route",
    "Route             Sailings lost   Passengers",
    "----------------  --------------  ----------",
    "Tarsk-Brinhaven               18       3,950",
    "Tarsk-Holm                     6         410",
    "Holm-Brinhaven                 4         220",
    "----------------  --------------  ----------",
    "Total                         28",
    "```",
    "",
    "## What we don't know",
    "* When the talks will end, and who will chair them.",
    "* Whether the company will pay for the hospital flights.",
    "* How long the fuel at the island's generator will last.",
    "",
    BODY[1],
    "",
    "## Recent posts",
    "=> gemini://saltmarsh.example/news/2034-02-01-gales.gmi 2034-02-01 Gales close the harbour for two days",
    "=> gemini://saltmarsh.example/news/2034-01-20-fares.gmi 2034-01-20 Ferry fares rise by 6 per cent",
    "",
    "## Guestbook",
    "> Stay safe out there. (kit, 2034-02-09)",
    "=> gemini://saltmarsh.example/guestbook.gmi Sign the guestbook",
])


def test_a_capsule_keeps_its_article_and_leaves_out_links_banner_and_drawings() -> None:
    document = clean(CAPSULE)
    assert_kept(document, HEADLINE, BODY[0], BODY[1], "Orla Venn, island councillor", "When the talks will end")
    assert_dropped(document, "=>", "union's letter", "on Gemini since", "All news", "___", "```", "Gales close", "6 per cent", "/__", "Tarsk quay")
    assert_dropped(document, "Recent posts", "Guestbook", "Stay safe")
    assert document.meta.headline == HEADLINE
    assert_offsets_exact(document, BODY[0])


def test_a_capsules_preformatted_table_keeps_its_rows_but_not_its_rules() -> None:
    document = clean(CAPSULE)
    assert_kept(document, "Route             Sailings lost   Passengers", "Tarsk-Holm                     6         410", "Total                         28")
    assert_dropped(document, "-----", "sailings lost, by route")


def test_a_capsules_list_items_stay_text() -> None:
    document = clean(CAPSULE)
    assert_kept(document, "Whether the company will pay for the hospital flights.", "How long the fuel at the island's generator will last.")


def test_an_arrow_in_prose_is_no_capsule() -> None:
    raw = page(HEADLINE, BODY[0], "=> the council's view: the timetable must stay as it is.", "=> the union's view: it must go back to last year's.", BODY[1])
    assert not looks_like_gemtext(raw)
    assert_kept(clean(raw), "=> the council's view", "=> the union's view", BODY[0])


# --- quotes set apart ---


def test_a_long_quote_with_its_speaker_is_kept_under_the_article() -> None:
    quote = '"We will sail again the day the company puts the winter timetable back as it was last year." Jon Krall, union organiser'
    document = clean(page(HEADLINE, "February 9, 2034", BODY[0], BODY[1], quote, BODY[2]))
    assert_kept(document, quote)


def test_a_link_title_quoting_a_few_words_is_still_a_link() -> None:
    link = '"We lost our lambs": farmers count the cost'
    document = clean(page(HEADLINE, "February 9, 2034", BODY[0], BODY[1], link, BODY[2]))
    assert_dropped(document, link)


# --- a read-along page ---

WORD_SPANS = "\n".join(f'<span class="w">{word}</span>' for word in BODY[2].split())
READ_ALONG = (
    "<html><head><title>Ferry strike | Coastline Daily</title></head><body><article>\n"
    f"<h1>{HEADLINE}</h1>\n"
    '<p class="byline">By Ines Marrow</p>\n'
    '<div class="audio-player" role="region"><button>Play</button>\n'
    '<span class="duration">4:05</span>\n<p class="voice-credit">Voiced by Lasse Dunn</p>\n'
    '<a href="/t.txt">Download transcript (TXT)</a></div>\n'
    f'<p><span class="sentence" data-start="0.0">{BODY[0]}</span>\n<span class="sentence" data-start="6.1">{BODY[1]}</span></p>\n'
    f'<p class="wordsync"><span class="sentence" data-start="12.0">\n{WORD_SPANS}\n</span></p>\n'
    f"<p>{BODY[3]}</p>\n"
    "</article></body></html>"
)


def test_words_set_one_to_a_span_read_as_their_sentence() -> None:
    document = html_clean(READ_ALONG)
    assert_kept(document, BODY[2], BODY[0], BODY[1])
    assert "12.0" not in document.text


def test_sibling_items_on_their_own_lines_stay_apart() -> None:
    raw = (
        f"<html><body><article><h1>{HEADLINE}</h1>\n<span class=\"author\">Marrow</span>\n<span class=\"date\">Thursday</span>\n"
        f"<p>{BODY[0]}</p><p>{BODY[1]}</p></article></body></html>"
    )
    document = html_clean(raw)
    assert "Marrow Thursday" not in document.text  # one word each, but not items of one kind


def test_an_audio_player_and_its_credits_are_furniture() -> None:
    document = html_clean(READ_ALONG)
    assert_dropped(document, "Voiced by", "Lasse Dunn", "Download transcript", "4:05")


def test_a_player_in_a_sports_story_is_not_a_media_player() -> None:
    raw = (
        f"<html><body><article><h1>{HEADLINE}</h1><p>{BODY[0]}</p>"
        '<div class="player-stats"><p>The ferry company\'s football team captain, Ola Brenn, scored twice in the island derby on Sunday.</p></div>'
        f"<p>{BODY[1]}</p></article></body></html>"
    )
    assert_kept(html_clean(raw), "Ola Brenn, scored twice")


# --- a data-journalism page ---


def data_page(details: str = "<details class=\"chart-data\">") -> str:
    return (
        f"<html><head><title>{HEADLINE} | Port Ledger</title></head><body><article>\n<h1>{HEADLINE}</h1>\n"
        "<p class=\"byline\">By Ines Marrow</p>\n"
        f"<p>{BODY[0]}</p>\n<p>{BODY[1]}</p>\n"
        '<div class="table-controls" role="toolbar"><span>Sort by:</span> <button>Route</button> <input type="search"></div>\n'
        "<table>\n<caption>Table 1. Sailings lost and passengers stranded on each route, 6 to 9 February</caption>\n"
        "<tr><th>Route</th><th>Sailings lost</th><th>Passengers</th></tr>\n"
        "<tr><td>Tarsk-Brinhaven</td><td>18</td><td>3,950</td></tr>\n"
        "<tr><td>Tarsk-Holm</td><td>6</td><td>410</td></tr>\n</table>\n"
        f"{details}\n<summary>Chart data</summary>\n<ul><li>Tarsk-Brinhaven: 18 sailings</li><li>Tarsk-Holm: 6 sailings</li></ul>\n</details>\n"
        f"<p>{BODY[2]}</p>\n</article></body></html>"
    )


def test_a_data_table_keeps_its_caption_and_rows_but_not_its_controls_or_chart_data() -> None:
    document = html_clean(data_page())
    assert_kept(document, "Table 1. Sailings lost and passengers stranded on each route, 6 to 9 February", "Tarsk-Holm | 6 | 410", BODY[2])
    assert_dropped(document, "Sort by", "Chart data", "18 sailings")


def test_an_open_disclosure_is_text_the_reader_sees() -> None:
    document = html_clean(data_page(details="<details open>"))
    assert_kept(document, "Tarsk-Holm: 6 sailings")


def test_a_caption_shaped_link_title_away_from_a_table_is_not_kept() -> None:
    link = "Table 3. The ten busiest ferry routes of the north coast"
    raw = f"<html><body><article><h1>{HEADLINE}</h1><p>{BODY[0]}</p><p>{BODY[1]}</p><p>{link}</p><p>{BODY[2]}</p></article></body></html>"
    assert_dropped(html_clean(raw), link)


# --- a 1990s page laid out in tables ---

SIDE_COLUMN = (
    '<TD WIDTH="150"><FONT SIZE="2"><B>NAVIGATE</B><BR>\n<A HREF="index.html">Home</A><BR>\n<A HREF="news.html">Island News</A><BR>\n'
    '<A HREF="tides.html">Tide Tables</A></FONT></TD>\n'
)
RIGHT_COLUMN = (
    '<TD WIDTH="150"><FONT SIZE="1">You are visitor number<BR>\n<IMG SRC="counter.gif" ALT="004211"><BR>\nsince 4 March 2029</FONT><BR><BR>\n'
    "<B>Salt Coast WebRing</B><BR>\nThis site is sponsored by<BR>\n<B>Brenn Chandlers</B><BR>\nQuay Road, since 1991<BR>\n"
    "Best viewed in Netscape Navigator 3.0</TD>\n"
)


def table_page(article: str, side: str = SIDE_COLUMN, right: str = RIGHT_COLUMN) -> str:
    return (
        "<HTML><HEAD><TITLE>Brinhaven Village Web - NO FERRIES, NO MILK</TITLE></HEAD><BODY>\n"
        '<TABLE WIDTH="760">\n<TR><TD COLSPAN="5"><MARQUEE>+++ Harbour dance moved to 3 March +++</MARQUEE></TD></TR>\n<TR>\n'
        f'{side}<TD WIDTH="10"><IMG SRC="spacer.gif"></TD>\n<TD WIDTH="440">\n{article}\n</TD>\n'
        f'<TD WIDTH="10"><IMG SRC="spacer.gif"></TD>\n{right}</TR>\n'
        '<TR><TD COLSPAN="5"><FONT SIZE="1">Last updated 21:05 | &copy; 2034 Brinhaven Village Web</FONT></TD></TR>\n'
        "</TABLE></BODY></HTML>"
    )


TABLE_ARTICLE = (
    '<CENTER><FONT SIZE="6"><B>NO FERRIES, NO MILK</B></FONT></CENTER>\n'
    '<CENTER><FONT SIZE="4"><I>How the strike began, and who pays for the helicopter</I></FONT></CENTER>\n'
    "<FONT SIZE=\"2\"><B>by Ines Marrow, Editor</B> -- Thursday 9 February 2034</FONT>\n<HR>\n"
    + "\n".join(f"{sentence}<BR><BR>" for sentence in BODY)
    + "\n<I>Got news for the Village Web? Email the editor or leave a note at the post office.</I>\n"
    '<CENTER>[ <A HREF="news.html">Back to Island News</A> | <A HREF="index.html">Home</A> ]</CENTER>'
)


def test_a_table_layouts_side_columns_and_strips_are_furniture() -> None:
    document = html_clean(table_page(TABLE_ARTICLE))
    assert_kept(document, "NO FERRIES, NO MILK", "by Ines Marrow, Editor", *BODY)
    assert_dropped(document, "NAVIGATE", "Island News", "Tide Tables", "visitor number", "4 March 2029", "WebRing", "Brenn Chandlers", "Quay Road", "Netscape")
    assert_dropped(document, "Harbour dance", "Last updated")
    assert document.meta.headline == "NO FERRIES, NO MILK"  # in capitals, as the <title>'s second part gives it
    assert_offsets_exact(document, BODY[2])


def test_a_side_column_that_writes_a_sentence_of_prose_is_left_to_the_text_rules() -> None:
    note = "The island's weather station recorded gusts of 110 kilometres an hour on Wednesday night, the strongest this winter."
    document = html_clean(table_page(TABLE_ARTICLE, right=RIGHT_COLUMN.replace("<B>Salt Coast WebRing</B><BR>", note + "<BR>")))
    assert_kept(document, note, *BODY)


def test_br_paragraphs_outside_a_table_layout_keep_their_menu_rules() -> None:
    raw = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\n"
        f"<h1>{HEADLINE}</h1>\n<div class=\"story\">\n" + "\n".join(f"{sentence}<br><br>" for sentence in BODY) + "\n</div>\n"
        "<div class='sidebar'><p>Most read</p></div></body></html>"
    )
    document = html_clean(raw)
    assert_kept(document, *BODY)


def test_a_data_table_beside_the_article_is_no_layout() -> None:
    raw = (
        f"<html><body><article><h1>{HEADLINE}</h1><p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p>\n"
        "<table><tr><th>Route</th><th>Sailings lost</th></tr>\n<tr><td>Tarsk-Holm</td><td>6</td></tr>\n"
        "<tr><td>Holm-Brinhaven</td><td>4</td></tr></table></article></body></html>"
    )
    assert_kept(html_clean(raw), "Tarsk-Holm | 6", "Holm-Brinhaven | 4")


# --- single lines: a call for tips, a bracketed link bar ---


def test_a_call_for_tips_with_where_to_send_them_is_a_prompt() -> None:
    assert is_prompt("Got news for the Village Web? Email the editor or leave a note at the post office.")
    assert is_prompt("Have a story? Contact the newsroom on 0800 1234.")
    assert not is_prompt('"Have you got any news?" she asked the harbour master, who shook his head.')


def test_a_bracketed_bar_of_links_is_navigation() -> None:
    assert line_reason("[ Back to Island News | Home ]") == "navigation"
    assert line_reason("[<< Prev] [Random] [Next >>]") == "navigation"
    assert line_reason("The skipper [Jon Krall] said the boats were ready to sail once the dispute ended.") is None
    assert line_reason("[ the council and the union met on Monday | both sides said they would meet again ]") is None
