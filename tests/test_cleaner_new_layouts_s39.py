"""Cleaning rules added in session 39 (a raw .eml newsletter, a wire story with its superseded
write-thrus below it, a statement saved by Microsoft Word as a web page, a static site's Markdown
post with a table, footnotes and a closing list, a chat channel's HTML export), each beside a
near miss that must stay.

Invented pages (the port of Hesby opens its new ferry terminal), not the seed pages nor the
labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.errors import CorpusError
from index.ingest import ingest_file
from tests.index.test_cleaning import assert_dropped, assert_kept
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Hesby opens its new ferry terminal after three years of building"
BODY = (
    "The port of Hesby opened its new ferry terminal on Saturday, three years after work began on the quay, the harbour board said.",
    "The terminal can handle two ships at once and has 480 parking places for cars waiting to board.",
    "The first sailing, the Aldra to Mornsund, left at 07:40 with 212 passengers on board.",
    "The harbour master, Signe Tollak, said the old terminal would be pulled down in the spring.",
)


# --- a raw .eml newsletter: read as the part its reader reads ---

def newsletter_mail(plain_body: str, *, charset: str = "utf-8", closing: bool = True) -> str:
    """A multipart/alternative newsletter, both parts quoted-printable, the HTML part a copy."""
    html_body = "<html><body><h1>" + HEADLINE + "</h1>" + "".join(f"<p>{line}</p>" for line in BODY) + "</body></html>"
    return (
        "Return-Path: <bounce@mail.hesbypost.example>\n"
        "Received: from mail.hesbypost.example (mail.hesbypost.example [10.0.0.5])\n"
        "        by mx.example with ESMTPS; Sat, 9 Jun 2035 06:00:02 +0200\n"
        'From: "Harbour Morning" <morning@hesbypost.example>\n'
        "To: reader@example.org\n"
        "Subject: =?UTF-8?Q?Ferry_terminal_opens_=E2=80=94_and_more?=\n"
        "Date: Sat, 9 Jun 2035 06:00:00 +0200\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="hb_123"\n'
        "\n"
        "This is a multi-part message in MIME format.\n"
        "\n"
        "--hb_123\n"
        f"Content-Type: text/plain; charset={charset}\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{plain_body}\n"
        "--hb_123\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{html_body.replace('=', '=3D')}\n"
        + ("--hb_123--\n" if closing else "")
    )


PLAIN_NEWSLETTER = (
    "HARBOUR MORNING\n\nSaturday 9 June 2035\n\n"
    "Good morning. The ferries have a new home in Hesby, and the fish market moves next =\nweek. "
    "Here=E2=80=99s what you need to know before you head out.\n\n"
    + HEADLINE + "\n\nBy Ola Brenn, Transport Correspondent\n\n"
    + "\n\n".join(BODY[:2]) + "\n\n"
    "The first sailing, the Aldra to Mornsund, left at 07:40 with 212 =\npassengers on board.\n\n"
    "------------------------------------------------------------\n\n"
    "Forward to a friend: know someone who would like the Morning? Forward this =\n"
    "email or send them to hesbypost.example/morning. Join 40,000 readers =\nwho start the day with us.\n\n"
    "You are receiving this email because you subscribed to Harbour Morning.\n"
)


def test_eml_file_is_read_as_its_plain_part(tmp_path: Path) -> None:
    path = tmp_path / "harbour_morning.eml"
    path.write_text(newsletter_mail(PLAIN_NEWSLETTER), encoding="utf-8")
    document, passages = ingest_file(path)
    assert_kept(document, HEADLINE, BODY[0], BODY[1], "with 212 passengers on board")
    assert document.text.count(BODY[0]) == 1  # the HTML copy is the mail's, not read twice
    assert_dropped(document, "Subject", "multi-part", "Good morning", "Forward to a friend", "40,000 readers")
    assert document.meta.headline == HEADLINE
    assert document.meta.byline == ("Ola Brenn",)
    assert_offsets_exact(document, BODY[0], "The first sailing, the Aldra to Mornsund, left at 07:40 with 212 ")
    assert passages


def test_greeting_that_reports_the_news_is_kept_when_it_presents_no_issue() -> None:
    # A report that opens with a greeting someone spoke, with no "here's what you need to know".
    opening = "Good morning, the captain said. The ferry then left Hesby at 07:40 with 212 passengers on board."
    document = clean_text("\n\n".join((HEADLINE, opening) + BODY), "report")
    assert_kept(document, opening)


def test_forward_prompt_inside_an_article_is_kept() -> None:
    sentence = "Passengers were told to forward to a friend any ticket they could not use, the ferry company said."
    document = clean_text("\n\n".join((HEADLINE,) + BODY + (sentence,)), "report")
    assert_kept(document, sentence)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("From: morning@hesbypost.example\nSubject: Ferry terminal opens\nMIME-Version: 1.0\nContent-Type: text/pl", "not a saved e-mail message"),
        (newsletter_mail(PLAIN_NEWSLETTER).split("--hb_123\n", 1)[0] + "--hb_123\nContent-Type: text/plain\n\nThe ferry", "no text part"),
        ("From: morning@hesbypost.example\nMIME-Version: 1.0\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n", "no text part"),
    ],
    ids=["cut-in-headers", "cut-in-first-part", "image-only"],
)
def test_unreadable_eml_is_refused_with_its_reason(tmp_path: Path, raw: str, message: str) -> None:
    path = tmp_path / "broken.eml"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        ingest_file(path)


def test_eml_in_a_legacy_charset(tmp_path: Path) -> None:
    # The part declares ISO-8859-1: its escapes decode in that charset, not as UTF-8.
    plain = HEADLINE + "\n\nBy Ola Brenn\n\n" + "\n\n".join(BODY) + "\n\nThe caf=E9 on the quay opens at 06:00, the harbour board said.\n"
    path = tmp_path / "latin.eml"
    path.write_text(newsletter_mail(plain, charset="iso-8859-1"), encoding="utf-8")
    document, _ = ingest_file(path)
    assert_kept(document, "The café on the quay opens at 06:00")


def test_eml_with_bytes_that_are_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bytes.eml"
    path.write_bytes(newsletter_mail(HEADLINE + "\n\n" + "\n\n".join(BODY)).replace("Hesby opens", "Hesby \xe9opens").encode("latin-1"))
    with pytest.raises(CorpusError, match="not UTF-8"):
        ingest_file(path)


# --- a wire story with its superseded write-thrus stacked below ---

def wire_take(headline: str, paragraphs: tuple[str, ...], note: str, sign_off: str) -> str:
    return "\n\n".join(
        ("NPA WIRE | HESBY-FERRY/ | 09-Jun-2035", "=" * 40, headline, "By Ola Brenn", note)
        + paragraphs
        + (sign_off, "=" * 40)
    )


LATEST = (
    "HESBY, June 9 (NPA) - The port of Hesby opened its new ferry terminal on Saturday, and the first sailing left with 212 passengers on board, the harbour board said.",
) + BODY[1:]
EARLIER = (
    "HESBY, June 9 (NPA) - The port of Hesby opened its new ferry terminal on Saturday, and the first sailing left with about 200 passengers on board, the harbour board said.",
    "The terminal can handle two ships at once and has 480 parking places for cars waiting to board.",
)


def test_superseded_write_thrus_below_the_latest_are_dropped() -> None:
    raw = "\n\n".join((
        wire_take("UPDATE 1-" + HEADLINE, LATEST, "(Adds passenger count, harbour master)", "(Reporting by Ola Brenn; Editing by Kai Moe)"),
        wire_take(HEADLINE, EARLIER, "", "(Reporting by Ola Brenn; Editing by Kai Moe)"),
    ))
    document = clean_text(raw, "wire")
    assert_kept(document, LATEST[0], BODY[3])
    assert_dropped(document, "about 200 passengers")
    assert document.text.count("By Ola Brenn") == 1
    assert document.text.count("Reporting by") == 1  # the latest take's sign-off only
    assert document.meta.byline == ("Ola Brenn",)


def test_wire_story_with_one_version_keeps_everything() -> None:
    raw = wire_take(HEADLINE, LATEST, "", "(Reporting by Ola Brenn; Editing by Kai Moe)")
    document = clean_text(raw, "wire")
    assert_kept(document, *LATEST)


def test_two_stories_from_one_dateline_are_both_kept() -> None:
    # A page of briefs: the same agency and place, another story (different words).
    other = (
        "HESBY, June 9 (NPA) - Fishermen in Hesby voted on Saturday to strike for a week over quota cuts, their union said.",
        "The union's leader, Per Oksvik, said boats would stay in harbour from Monday unless the ministry reopened talks.",
    )
    raw = "\n\n".join((wire_take(HEADLINE, LATEST, "", "(Reporting by Ola Brenn)"), wire_take("Hesby fishermen vote to strike over quota cuts", other, "", "(Reporting by Ola Brenn)")))
    document = clean_text(raw, "wire")
    assert_kept(document, LATEST[0], *other)


# --- a static site's Markdown post: contents marker, pipe table, footnotes, a list of points ---

def markdown_post(*body: str) -> str:
    front = '---\ntitle: "' + HEADLINE + '"\ndate: 2035-06-10T08:00:00+02:00\nauthor: "Ola Brenn"\ndraft: false\n---\n'
    return front + "\n" + "\n\n".join(body) + "\n"


TABLE = (
    "| Sailing | Passengers | Cars |\n"
    "|---|---:|:---:|\n"
    "| Aldra to Mornsund | 212 | 64 |\n"
    "| Mornsund to Aldra | 188 | 51 |"
)


def test_markdown_contents_marker_and_table_rule_are_dropped_and_rows_kept() -> None:
    document = clean_text(markdown_post("[TOC]", BODY[0], "## The first day", BODY[2], TABLE, BODY[3]), "post")
    assert_dropped(document, "[TOC]", "---:")
    assert_kept(document, "Sailing | Passengers | Cars", "Aldra to Mornsund | 212 | 64", "Mornsund to Aldra | 188 | 51")
    assert_offsets_exact(document, "Aldra to Mornsund | 212 | 64")


def test_markdown_rows_without_a_delimiter_row_are_no_table() -> None:
    # Pipes in a sentence, no "|---|" row under them: the line is read as any line is.
    line = "Fares | Timetables | Parking"
    document = clean_text(markdown_post(BODY[0], line, BODY[1]), "post")
    assert_dropped(document, line)


def test_markdown_footnotes_citing_a_source_are_dropped_explaining_ones_kept() -> None:
    citing = "[^1]: Hesby Harbour Board, annual report, 12 May 2035."
    own_estimate = "[^2]: My own count, from the board's ticket data for 2034."
    explaining = "[^3]: The new ramp is hinged, so cars can drive on at any tide, which the old quay never allowed."
    aside = "[^4]: The old terminal, built in 1962, was the oldest on the coast, and its roof leaked."
    document = clean_text(markdown_post(BODY[0] + "[^1]", BODY[1] + "[^2][^3]", BODY[2] + "[^4]", citing, own_estimate, explaining, aside), "post")
    assert_dropped(document, "annual report", "ticket data")
    assert_kept(document, "The new ramp is hinged", "The old terminal, built in 1962")


def test_markdown_list_punctuated_as_a_sentence_is_kept_a_link_list_dropped() -> None:
    points = (
        "- whether the second berth opens before the winter timetable;",
        "- what the board charges for the new parking places;",
        "- whether the old terminal's site becomes housing.",
    )
    links = (
        "## Related posts",
        "- [Hesby's fish market moves to the east quay](/posts/fish-market/)\n"
        "- [Why Mornsund wants a second sailing](/posts/mornsund/)\n"
        "- [The ferry that never was](/posts/ferry-history/)",
    )
    document = clean_text(markdown_post(BODY[0], BODY[1], "## What to watch", "\n".join(points), BODY[3], *links), "post")
    assert_kept(document, *(point[2:] for point in points))
    assert_dropped(document, "fish market moves", "second sailing", "ferry that never was")


def test_short_bulleted_titles_without_sentence_marks_stay_dropped() -> None:
    titles = ("- Ferry timetables", "- Parking at the terminal", "- Lost property")
    document = clean_text(markdown_post(BODY[0], BODY[1], "\n".join(titles), BODY[3]), "post")
    assert_dropped(document, "Ferry timetables", "Lost property")


# --- a statement saved as a web page by Microsoft Word ---

def word_statement(*paragraphs: str, table: str = "") -> str:
    body = "\n".join(f"<p class=MsoNormal><span lang=EN-GB>{text}<o:p></o:p></span></p>" for text in paragraphs)
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
        '<meta name=Generator content="Microsoft Word 15">\n<style>\np.MsoNormal {margin:0cm;}\n</style>\n</head>\n'
        "<body lang=EN-GB>\n<div class=WordSection1>\n"
        "<p class=MsoNormal align=center><b><span>HESBY HARBOUR BOARD<o:p></o:p></span></b></p>\n"
        "<p class=MsoNormal><b><span>PRESS RELEASE<span style='mso-tab-count:1'>&nbsp;&nbsp; </span>For immediate release<o:p></o:p></span></b></p>\n"
        "<p class=MsoNormal><span>9 June 2035<o:p></o:p></span></p>\n"
        f"<p class=MsoTitle><span>{HEADLINE}<o:p></o:p></span></p>\n"
        "<p class=MsoSubtitle><span>Two berths, 480 parking places and a new bus stop on the quay<o:p></o:p></span></p>\n"
        f"{body}\n{table}\n</div>\n</body>\n</html>\n"
    )


def word_cell(text: str) -> str:
    return f" <td width=200 valign=top>\n  <p class=MsoNormal style='margin-bottom:0cm'><span lang=EN-GB>{text}<o:p></o:p></span></p>\n </td>\n"


WORD_TABLE = (
    "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>\n"
    + "".join(f"<tr>\n{word_cell(name)}{word_cell(count)}</tr>\n" for name, count in (("Sailing", "Passengers"), ("Aldra to Mornsund", "212"), ("Mornsund to Aldra", "188")))
    + "</table>"
)


def test_word_statement_title_label_table_and_back_matter() -> None:
    notes = ("ENDS", "Notes to editors", "1. The terminal was built under the Harbours Act 2031.", "2. Photographs are at www.hesbyharbour.example/press.")
    document = html_clean(word_statement(*BODY, table=WORD_TABLE) .replace("</div>", "\n".join(f"<p class=MsoNormal><span>{note}</span></p>" for note in notes) + "\n</div>"))
    assert document.meta.headline == HEADLINE
    assert_kept(document, HEADLINE, "Two berths, 480 parking places", *BODY)
    assert_kept(document, "Sailing | Passengers", "Aldra to Mornsund | 212", "Mornsund to Aldra | 188")
    assert_dropped(document, "PRESS RELEASE", "For immediate release", "ENDS", "Harbours Act", "Photographs are at")
    assert_offsets_exact(document, "Aldra to Mornsund", BODY[0])


def html_clean(raw: str) -> object:
    return clean_text(raw, "page", is_html=True)


def test_ends_inside_a_sentence_is_no_end_mark() -> None:
    sentence = "The strike ENDS on Monday, the union said, and the ferries will run to the summer timetable."
    document = clean_text("\n\n".join((HEADLINE, BODY[0], "ENDS here, the union said.", sentence, BODY[1])), "report")
    assert_kept(document, sentence, BODY[1], "ENDS here, the union said.")


def test_press_release_named_in_a_sentence_is_kept() -> None:
    sentence = "The harbour board's press release for immediate release was sent to 40 newsrooms on Friday."
    document = clean_text("\n\n".join((HEADLINE, BODY[0], sentence, BODY[1])), "report")
    assert_kept(document, sentence)


def test_layout_table_cells_with_several_paragraphs_stay_lines() -> None:
    cell = " <td>\n<p>" + BODY[0] + "</p>\n<p>" + BODY[1] + "</p>\n </td>\n"
    raw = f"<html><body><h1>{HEADLINE}</h1><table><tr>\n{cell}{cell.replace(BODY[0], BODY[2]).replace(BODY[1], BODY[3])}</tr></table></body></html>"
    document = html_clean(raw)
    assert "\n".join(BODY[:2]) in document.text  # each paragraph a line of its own, no " | " between cells' paragraphs
    assert " | " not in document.text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("PRESS RELEASE\xa0\xa0 For immediate release", "notice-metadata"),
        ("NEWS RELEASE – Embargoed until 00:01 on 10 June", "notice-metadata"),
        ("For immediate release", "notice-metadata"),
        ("The board issued a press release for immediate release on Friday.", None),
    ],
)
def test_release_label_line(text: str, reason: str | None) -> None:
    from index.official_pages import line_reason

    assert line_reason(text) == reason


def test_word_title_paragraph_is_the_headline_evidence() -> None:
    from index.html_text import html_to_source

    source = html_to_source(word_statement(*BODY))
    assert source.hints.headings == (HEADLINE,)
    assert html_to_source("<p class=MsoNormal>A paragraph</p>").hints.headings == ()
