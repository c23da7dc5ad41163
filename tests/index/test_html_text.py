"""HTML -> text: visible text only, one block per line, every copied char mapped to raw HTML."""

from __future__ import annotations

from pathlib import Path

from index.html_text import html_to_source
from index.source_text import INSERTED, offset_map

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def assert_verbatim(raw: str, source_text: str, raw_index) -> None:
    for position, raw_position in enumerate(raw_index):
        if raw_position != INSERTED:
            assert raw[raw_position] == source_text[position]


def test_entities_tags_and_whitespace() -> None:
    raw = "<p>Tea &amp; coffee\n   cost <b>$1.2bn</b>&nbsp;a&#39;year</p><p>Second</p>"
    source = html_to_source(raw)
    assert source.text == "Tea & coffee cost $1.2bn a'year\nSecond"
    assert_verbatim(raw, source.text, source.raw_index)
    # "&amp;" decodes to an inserted "&"; the copied "Tea" maps to its raw place.
    assert source.raw_index[source.text.index("&")] == INSERTED
    assert raw[source.raw_index[0] : source.raw_index[0] + 3] == "Tea"


def test_scripts_styles_comments_are_not_text() -> None:
    raw = "<script>var a = '<p>no</p>';</script><style>p{}</style><!-- hidden --><p>Visible words</p>"
    assert html_to_source(raw).text == "Visible words"


def test_furniture_elements_become_dropped_blocks() -> None:
    raw = '<nav><a href="/">Home</a></nav><div class="newsletter-box"><p>Sign up now</p></div><p>Story text here.</p>'
    source = html_to_source(raw)
    assert source.text == "Story text here."
    reasons = {block.reason: raw[block.raw_start : block.raw_end] for block in source.dropped}
    assert reasons["navigation"].startswith("<nav>") and reasons["navigation"].endswith("</nav>")
    assert "Sign up now" in reasons["markup-newsletter"]


def test_nested_furniture_closes_at_the_matching_tag() -> None:
    raw = '<aside><div><div>Most read</div></div><p>x</p></aside><p>After the aside.</p>'
    assert html_to_source(raw).text == "After the aside."


def test_meta_hints() -> None:
    source = html_to_source((PAGES / "guardian_style.html").read_text(encoding="utf-8"))
    assert source.hints.site_name == "The Guardian"
    assert source.hints.published == "2024-05-21T08:30:00Z"
    assert source.hints.authors == ("Amina Otieno",)
    assert source.hints.title.startswith("Kenya’s tea pickers")


def test_offset_map_runs_are_verbatim_on_synthetic_html() -> None:
    for page in PAGES.glob("*.html"):
        raw = page.read_text(encoding="utf-8")
        source = html_to_source(raw)
        offsets = offset_map(source.raw_index, len(source.text))
        for run in offsets.runs:
            assert source.text[run.text_start : run.text_start + run.length] == raw[run.raw_start : run.raw_start + run.length]


def test_unclosed_tags_and_stray_brackets_do_not_crash() -> None:
    source = html_to_source("<div><p>Price < 5 and 3 > 2<p>next <b>bold")
    assert "Price < 5 and 3 > 2" in source.text and "next bold" in source.text


def test_sibling_inline_elements_on_their_own_source_lines_are_separate_lines() -> None:
    raw = (
        '<div class="meta">\n  <span class="byline">By Ana Ruiz</span>\n  <time>3 June 2024</time>\n'
        '  <span>4 min read</span>\n</div>'
    )
    source = html_to_source(raw)
    assert source.text.split("\n") == ["By Ana Ruiz", "3 June 2024", "4 min read"]
    assert_verbatim(raw, source.text, source.raw_index)


def test_inline_elements_inside_a_sentence_stay_on_one_line() -> None:
    raw = "<p>The <b>minister</b> <i>said</i>\non <a href='/x'>Monday</a> that the\n<em>bridge</em> would open.</p>"
    assert html_to_source(raw).text == "The minister said on Monday that the bridge would open."


def test_headline_hints_from_h1_and_social_titles() -> None:
    raw = (
        "<head><title>Ferry row | Post</title><meta property='og:title' content='Islanders angry at ferry delay'>"
        "<meta name='twitter:title' content='Ferry delay angers islanders'></head>"
        "<body><nav><h1>Site menu</h1></nav><h1>Ferry service <em>resumes</em></h1><p>Text.</p></body>"
    )
    hints = html_to_source(raw).hints
    # The <h1> inside <nav> is furniture, not a headline.
    assert set(hints.headings) == {"Ferry service resumes", "Islanders angry at ferry delay", "Ferry delay angers islanders"}


def test_table_rows_are_one_line_with_separated_cells() -> None:
    raw = (
        "<table><caption>Sailings</caption><tr><th>Route</th><th>Boats</th></tr>\n"
        "<tr>\n  <td>North &amp; South</td>\n  <td>4</td>\n</tr></table><p>After the table.</p>"
    )
    source = html_to_source(raw)
    assert source.text == "Sailings\nRoute | Boats\nNorth & South | 4\nAfter the table."
    assert [source.text[start:end] for start, end in source.table_rows] == ["Route | Boats", "North & South | 4"]
    assert_verbatim(raw, source.text, source.raw_index)
    separator = source.text.index(" | ")
    assert all(source.raw_index[i] == INSERTED for i in range(separator, separator + 3))


def test_layout_table_rows_holding_paragraphs_are_not_data_rows() -> None:
    raw = "<table><tr><td><p>Menu</p><p>News</p></td><td><p>The article text.</p></td></tr></table>"
    source = html_to_source(raw)
    assert "The article text." in source.text
    assert source.table_rows == ()
