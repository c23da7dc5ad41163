"""Cleaning rules added in session 40 (a journal article in JATS XML, a pandoc Markdown export
of a Word report, a Google Docs page published to the web, a blog platform's author box and
highlight label, a notice's "Issued:" date), each beside a near miss that must stay.

Invented pages (a blue-green algae bloom closes Lake Orrin), not the seed pages nor the
labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import CorpusError
from index.ingest import ingest_file
from tests.index.test_cleaning import assert_dropped, assert_kept
from tests.index.test_feeds_captions_threads import assert_offsets_exact

TITLE = "Toxin levels in Lake Orrin during the algae bloom of May"
PARAGRAPHS = (
    "The bloom was first seen on 3 May at the north shore, where the water turned a bright green.",
    "Samples taken on 9 May held 41 micrograms of toxin per litre, eight times the limit for bathing.",
    "The lake was closed to swimmers and boats on 10 May and opened again on 2 June.",
)


# --- a journal article in JATS XML ---

def jats_article(*, body: bool = True, abstract: bool = True) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">\n'
        '<article article-type="research-article">\n'
        "<front>\n"
        "<journal-meta>\n"
        "<journal-title-group><journal-title>Inland Waters Letters</journal-title></journal-title-group>\n"
        '<issn pub-type="epub">9999-0001</issn>\n'
        "<publisher><publisher-name>Orrin Academic Press</publisher-name></publisher>\n"
        "</journal-meta>\n"
        "<article-meta>\n"
        '<article-id pub-id-type="doi">10.0000/iwl.2039.77</article-id>\n'
        f"<title-group>\n<article-title>{TITLE}</article-title>\n<subtitle>A field note</subtitle>\n</title-group>\n"
        "<contrib-group>\n"
        '<contrib contrib-type="author"><name>\n<surname>Ray</surname>\n<given-names>Ann</given-names>\n</name></contrib>\n'
        '<contrib contrib-type="author"><name>\n<surname>Lind</surname>\n<given-names>Bo</given-names>\n</name></contrib>\n'
        '<contrib contrib-type="editor"><name><surname>Sternberg</surname><given-names>Pia</given-names></name></contrib>\n'
        "</contrib-group>\n"
        '<aff id="a1"><institution>Orrin Lake Institute</institution>, Varby</aff>\n'
        '<pub-date pub-type="ppub"><day>01</day><month>09</month><year>2039</year></pub-date>\n'
        '<pub-date pub-type="epub">\n<day>14</day>\n<month>07</month>\n<year>2039</year>\n</pub-date>\n'
        '<history><date date-type="received"><day>20</day><month>06</month><year>2039</year></date></history>\n'
        "<permissions><copyright-statement>© 2039 The Authors</copyright-statement></permissions>\n"
        + ("<abstract>\n<p>We report toxin levels in Lake Orrin through the bloom of May 2039.</p>\n</abstract>\n" if abstract else "")
        + "<kwd-group><kwd>algae</kwd></kwd-group>\n"
        "</article-meta>\n"
        "</front>\n"
        + (
            "<body>\n"
            '<sec id="s1">\n<title>Observations</title>\n'
            + "".join(f"<p>{paragraph}</p>\n" for paragraph in PARAGRAPHS[:2])
            + '<table-wrap id="t1">\n<label>Table 1</label>\n<caption>\n<title>Toxin per litre at three sampling points, 9 May</title>\n</caption>\n'
            "<table>\n<tbody>\n<tr><td>North shore</td><td>41</td></tr>\n<tr><td>Harbour</td><td>17</td></tr>\n</tbody>\n</table>\n"
            "<table-wrap-foot><p>Samples taken by the Varby water board.</p></table-wrap-foot>\n</table-wrap>\n"
            '<fig id="f1"><label>Fig. 1</label><caption><p>The north shore on 4 May. Photo by K. Moll, 4 May 2039.</p></caption></fig>\n'
            f"<p>{PARAGRAPHS[2]}</p>\n"
            "</sec>\n"
            "</body>\n"
            if body else ""
        )
        + "<back>\n<ack><p>We thank the rangers of the Orrin park.</p></ack>\n"
        '<fn-group><fn fn-type="financial-disclosure"><p>Funded by grant OR-2039-12 of 80,000 crowns.</p></fn></fn-group>\n'
        "<ref-list><ref><mixed-citation>Moll K. Blooms of 2031. Lake Notes. 2032;4:1-9.</mixed-citation></ref></ref-list>\n"
        "</back>\n"
        "</article>\n"
    )


def test_jats_article_is_read_as_title_authors_date_abstract_and_body(tmp_path: Path) -> None:
    path = tmp_path / "iwl_orrin.xml"
    path.write_text(jats_article(), encoding="utf-8")
    document, passages = ingest_file(path)
    assert_kept(document, TITLE, "A field note", "By Ann Ray, Bo Lind", "Published 14.07.2039",
                "We report toxin levels in Lake Orrin", "Observations", *PARAGRAPHS,
                "Toxin per litre at three sampling points, 9 May", "North shore | 41", "Harbour | 17",
                "Samples taken by the Varby water board.")
    assert_dropped(document, "Inland Waters Letters", "9999-0001", "Orrin Academic Press", "10.0000", "Orrin Lake Institute",
                   "Sternberg", "Published 20", "Published 01", "© 2039", "algae</kwd>", "Table 1", "Fig. 1", "K. Moll", "rangers", "80,000", "Blooms of 2031")
    assert document.meta.headline == TITLE
    assert document.meta.byline == ("Ann Ray", "Bo Lind")  # the editor is no author
    assert document.meta.date == "2039-07-14"  # the electronic publication, not the print issue
    assert document.meta.outlet == "Inland Waters Letters"
    assert_offsets_exact(document, *PARAGRAPHS, "Toxin per litre at three sampling points, 9 May")
    assert passages
    # The byline says "Given Surname" where the file has the surname first: a span over a name
    # must still map to a raw start before its raw end, as a citation needs.
    byline = document.text.index("By Ann Ray")
    byline_end = byline + len("By Ann Ray, Bo Lind")
    for start in range(byline, byline_end):
        raw_start, raw_end = document.offsets.to_raw(start, byline_end)
        assert raw_start <= raw_end, document.text[start:byline_end]
    raw = [document.offsets.raw_position(i) for i in range(byline + 3, byline_end)]
    assert document.offsets.to_raw(byline + 3, byline_end) == (min(raw), max(raw) + 1)  # every name covered


def test_jats_article_without_text_and_other_article_roots_are_refused(tmp_path: Path) -> None:
    (tmp_path / "record.xml").write_text(jats_article(body=False, abstract=False), encoding="utf-8")
    with pytest.raises(CorpusError, match="neither an <abstract> nor a <body>"):
        ingest_file(tmp_path / "record.xml")
    # An <article> root without the JATS front matter is no journal article.
    (tmp_path / "snippet.xml").write_text(f"<article><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p></article>\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"not a news document \(root element <article>\)"):
        ingest_file(tmp_path / "snippet.xml")
    # An abstract alone is an article's text.
    (tmp_path / "abstract_only.xml").write_text(jats_article(body=False), encoding="utf-8")
    document, _ = ingest_file(tmp_path / "abstract_only.xml")
    assert_kept(document, "We report toxin levels in Lake Orrin")


def test_html_table_caption_behind_an_inline_tag_is_kept(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{place}</td><td>{value}</td></tr>" for place, value in (("North shore", 41), ("Harbour", 17)))
    page = (
        f"<html><body><article><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"<table><caption><strong>Toxin per litre at three sampling points, 9 May</strong></caption>{rows}</table>"
        + "<p><strong>Toxin readings from the other lakes of the district this spring</strong></p>"
        + f"<table>{rows}</table></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    document, _ = ingest_file(tmp_path / "page.html")
    assert_kept(document, "Toxin per litre at three sampling points, 9 May", "North shore | 41")
    # Near miss: a bold paragraph above a table is no caption element; the text rules judge it.
    assert_dropped(document, "Toxin readings from the other lakes of the district this spring")


# --- a pandoc Markdown export of a Word report ---

REPORT = """---
title: "Report on the *Lake Orrin* bloom of May 2039"
subtitle: "Varby Water Board -- Report W 4/2039"
date: 30 June 2039
lang: en-GB
---

::: {custom-style="Document Control"}
**Document control**

| Version | Date        | Status            |
|---------|-------------|-------------------|
| 0.2     | 20 June 2039 | Draft for comment |
:::

::: {custom-style="Disclaimer"}
This report does not determine liability. Its content may change as
the work of the board proceeds.
:::

```{=openxml}
<w:p><w:r><w:br w:type="page"/></w:r></w:p>
```

# Summary {#summary .unnumbered}

The bloom was first seen on 3 May at the north shore, where the water
turned a bright green. Samples taken on 9 May held 41 micrograms of
toxin per litre, eight times the limit for [bathing]{.underline}.

::: {custom-style="Signature"}
Hanna Orrefors\\
Director of the Varby Water Board
:::

+--------------+------------------------------+
| Point        | Toxin per litre              |
+==============+==============================+
| North shore  | 41 micrograms, the highest   |
|              | reading of the bloom         |
+--------------+------------------------------+
| Harbour      | 17 micrograms                |
+--------------+------------------------------+

![](media/image2.png){width="6in" height="3in"}

1.  The lake was closed to swimmers and boats on 10 May and
    opened again on 2 June.
2.  The board will sample weekly until October.
"""


def test_pandoc_report_reads_wrapped_paragraphs_whole_and_drops_its_markup(tmp_path: Path) -> None:
    path = tmp_path / "varby_report.md"
    path.write_text(REPORT, encoding="utf-8")
    document, _ = ingest_file(path)
    assert_kept(
        document,
        "The bloom was first seen on 3 May at the north shore, where the water turned a bright green.",
        "eight times the limit for bathing.",
        "Varby Water Board -- Report W 4/2039",
        "Hanna Orrefors\nDirector of the Varby Water Board",
        "North shore  | 41 micrograms, the highest",
        "reading of the bloom",
        "The lake was closed to swimmers and boats on 10 May and opened again on 2 June.",
        "The board will sample weekly until October.",
        "Summary",
    )
    assert_dropped(document, "{#summary", ".unnumbered", "{.underline}", "Orrefors\\", ":::", "openxml", "w:br", "+---", "+===",
                   "image2", "Document control", "Draft for comment", "does not determine liability")
    assert document.meta.headline == "Report on the Lake Orrin bloom of May 2039"
    assert any(block.reason == "image" and "image2" in document.raw_text[block.raw_start:block.raw_end] for block in document.dropped)
    assert_offsets_exact(document, "The bloom was first seen on 3 May at the north shore, where the water")


def test_pandoc_near_misses_keep_their_lines(tmp_path: Path) -> None:
    page = (
        "# Lake Orrin reopens\n\n"
        "See the [board's notice](https://varby.example/notice) for the times.\n\n"
        "::: {custom-style=\"Body Text\"}\n"
        "The lake opened again on 2 June after a month.\n"
        ":::\n\n"
        "```{=openxml}\n"
        "The beaches stay open until the end of September.\n\n"
        "- Swimming allowed\n"
        "- Boats allowed\n\n"
        "## Hours\n"
    )
    (tmp_path / "notice.md").write_text(page, encoding="utf-8")
    document, _ = ingest_file(tmp_path / "notice.md")
    # A div in a body style is text; a raw block never closed is no raw block; list items stay lines.
    assert_kept(document, "The lake opened again on 2 June after a month.", "The beaches stay open until the end of September.")
    assert "Swimming allowed Boats allowed" not in document.text


# --- a Google Docs page published to the web ---

def published_doc(comment_wrapper: bool = True) -> str:
    comment = (
        '<p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c1">Check the 41 figure with the lab before we publish &ndash; K.</span></p>\n'
        '<p class="c2"><span class="c1">_Assigned to Pia Lund_</span></p>\n'
    )
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f"<title>{TITLE}</title>\n</head>\n<body>\n"
        '<div id="banners"><div id="publish-banner">\n'
        '<div id="title-banner"><span>Published using Google Docs</span></div>\n'
        f'<div id="banner-publish-date">{TITLE}</div>\n'
        '<div id="banner-update-message">Updated automatically every 5 minutes</div>\n'
        "</div></div>\n"
        "<div id=\"contents\">\n<style>.c1{color:#000}</style>\n"
        '<div class="c8 doc-content">\n'
        f'<p class="c3 title"><span class="c11">{TITLE}</span></p>\n'
        '<p class="c3"><span class="c4">Issued: </span><span class="c1">Friday 10 June 2039, 18:00</span></p>\n'
        f'<p class="c3"><span class="c1">{PARAGRAPHS[0]}</span></p>\n'
        f'<p class="c3"><span class="c1">{PARAGRAPHS[1]}</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>\n'
        f'<p class="c3"><span class="c1">{PARAGRAPHS[2]}</span></p>\n'
        '<hr class="c9">\n'
        + (f"<div>\n{comment}</div>\n" if comment_wrapper else comment)
        + "</div>\n</div>\n"
        '<div id="footer"><span>Published by <a href="https://docs.google.com/">Google Docs</a></span>&ndash;<a href="#">Report abuse</a></div>\n'
        "</body>\n</html>\n"
    )


@pytest.mark.parametrize("comment_wrapper", [True, False], ids=["comment-in-div", "comment-paragraphs"])
def test_published_document_drops_banner_comments_and_anchors(tmp_path: Path, comment_wrapper: bool) -> None:
    (tmp_path / "update.html").write_text(published_doc(comment_wrapper), encoding="utf-8")
    document, _ = ingest_file(tmp_path / "update.html")
    assert_kept(document, TITLE, *PARAGRAPHS)
    assert_dropped(document, "[a]", "Check the 41 figure", "Published using Google Docs", "Updated automatically", "Report abuse")
    assert document.text.count(TITLE) == 1
    assert document.meta.date == "2039-06-10"  # the notice's "Issued:" line
    assert_offsets_exact(document, *PARAGRAPHS)


def test_published_document_keeps_paragraphs_with_other_internal_links(tmp_path: Path) -> None:
    # Near miss: a link to one of the document's headings ("#h.x1") is no comment's anchor, and
    # the paragraph holding it is the document's text.
    page = published_doc().replace(
        f'<span class="c1">{PARAGRAPHS[2]}</span>',
        '<span class="c1">' + PARAGRAPHS[2].replace("10 May", '<a href="#h.x1" id="ref_h1">10 May</a>') + "</span>",
    )
    (tmp_path / "update.html").write_text(page, encoding="utf-8")
    document, _ = ingest_file(tmp_path / "update.html")
    assert_kept(document, PARAGRAPHS[2])


# --- a blog platform's author box and highlight label ---

def test_blog_written_by_box_and_top_highlight_label_are_dropped(tmp_path: Path) -> None:
    page = (
        f"<html><body><article><h1>{TITLE}</h1><p>Ann Ray</p>"
        '<span class="top-highlight">Top highlight</span>'
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>The top highlight of the summer was the return of the swimmers on 2 June.</p>"
        + "<p>Written by hand on the gate, a sign told walkers the lake was shut.</p>"
        + '</article><div class="written-by"><h2>Written by Ann Ray</h2><span>3.4K Followers</span>'
        '<p class="bio">Limnologist at the Orrin Lake Institute. Views my own.</p></div></body></html>'
    )
    (tmp_path / "post.html").write_text(page, encoding="utf-8")
    document, _ = ingest_file(tmp_path / "post.html")
    assert_dropped(document, "Top highlight", "Written by Ann Ray", "Followers", "Limnologist")
    # Near misses: the words inside sentences of the text.
    assert_kept(document, *PARAGRAPHS, "The top highlight of the summer was the return of the swimmers on 2 June.",
                "Written by hand on the gate, a sign told walkers the lake was shut.")
