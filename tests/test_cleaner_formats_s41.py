"""Document formats read in session 41 (an RTF document, an OpenDocument flat XML text, a web
page saved as MHTML) and files of other types reported instead of ignored, each beside a near
miss that must stay as it is.

Invented pages (the town of Pellinge reopens its lift bridge), not the seed pages nor the
labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.errors import CorpusError
from index.ingest import ingest_file, ingest_folder
from index.opendocument_text import flat_opendocument_source, looks_like_flat_opendocument
from index.rtf_documents import rtf_source
from index.web_archives import looks_like_web_archive
from tests.index.test_cleaning import assert_dropped, assert_kept
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Pellinge lift bridge reopens after eleven weeks of repairs"
BODY = (
    "The lift bridge over the Kasse canal in Pellinge reopened to traffic on Thursday after eleven weeks of repairs, the harbour office said.",
    "Engineers replaced both hydraulic rams and the counterweight cables, which had worn thin after forty years in service.",
    "The bridge now lifts in ninety seconds, half the time it took before the repairs, and will open for boats every hour.",
)


# --- RTF: a word processor's document ---

def rtf_document(body: str, *, info: str = "", header: str = "") -> str:
    """An RTF document as a word processor writes it: tables of fonts, colours and styles, an
    \\info group, then the paragraphs, one per line."""
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0 {\\fonttbl\n{\\f0\\fswiss Helvetica;}\n{\\f1\\froman Palatino;}}\n"
        "{\\colortbl ;\\red20\\green40\\blue60;}\n"
        "{\\stylesheet{\\s0 Normal;}{\\s1\\b\\fs36 heading 1;}{\\s2\\b\\fs26 Heading 2;}{\\s5 Quiet Note;}}\n"
        "{\\*\\generator Quillpad 2.0;}\n"
        + (info or "{\\info\n{\\title Bridge reopens}\n{\\author Oda Vinter}\n{\\company Pellinge Harbour Office}\n"
                   "{\\creatim\\yr2039\\mo5\\dy2\\hr7\\min30}}\n")
        + "\\paperw11906\\paperh16838\\margl1418\n"
        + header
        + body
        + "}"
    )


RTF_BODY = (
    "\\pard\\plain\\s1\\f1 " + HEADLINE + "\\par\n"
    "\\pard\\plain\\s0\\f1 " + BODY[0] + "\\par\n"
    "\\pard\\plain\\s0\\f1 The caf\\'e9 by the bridge, the harbour master\\u8217?s favourite, "
    "reopens too, \\ldblquote with coffee at half price\\rdblquote .\\par\n"
    "\\pard\\plain\\s2 Faster lifts\\par\n"
    "\\pard\\plain\\s0 " + BODY[2] + "\\par\n"
)


def test_rtf_document_is_read_as_its_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "bridge.rtf"
    path.write_text(rtf_document(RTF_BODY), encoding="utf-8")
    document, passages = ingest_file(path)
    assert_kept(document, HEADLINE, BODY[0], BODY[2], "Faster lifts")
    assert_kept(document, "The café by the bridge, the harbour master’s favourite, reopens too, “with coffee at half price”.")
    assert_dropped(document, "Helvetica", "Palatino", "red20", "Normal", "heading 1", "Quillpad", "Bridge reopens", "Oda Vinter", "\\", "{", "?s")
    assert_offsets_exact(document, HEADLINE, BODY[0], "The caf")
    assert passages


def test_rtf_heading_styles_are_headings() -> None:
    # A paragraph styled "heading 1" is the page's h1; one styled "Quiet Note" is a paragraph.
    body = RTF_BODY + "\\pard\\plain\\s5 The office thanks the boat owners for their patience.\\par\n"
    source = rtf_source(rtf_document(body))
    assert source.hints.headings == (HEADLINE,)
    assert source.hints.title == "Bridge reopens"


def test_rtf_info_gives_title_publisher_and_creation_date_but_no_byline() -> None:
    document = clean_text(rtf_document(RTF_BODY), "bridge")
    assert document.meta.headline == HEADLINE  # the heading style, not the \info title
    assert document.meta.outlet == "Pellinge Harbour Office"
    assert document.meta.date == "2039-05-02"  # the text states no date: the file's creation
    assert document.meta.byline == ()  # \author is who made the file


def test_rtf_creation_date_yields_to_the_date_the_text_states() -> None:
    body = "\\pard\\plain Issued: Friday 6 May 2039\\par\n" + RTF_BODY
    document = clean_text(rtf_document(body), "bridge")
    assert document.meta.date == "2039-05-06"
    assert_kept(document, "Issued: Friday 6 May 2039")


def test_rtf_running_header_footer_and_ignorable_destinations_are_dropped() -> None:
    header = (
        "{\\header \\pard\\plain Pellinge Harbour Office newsletter\\par}\n"
        "{\\footer \\pard\\plain Page {\\field{\\*\\fldinst { PAGE }}{\\fldrslt {1}}}\\par}\n"
    )
    body = RTF_BODY + "\\pard\\plain Works cost {\\*\\bkmkstart cost}4.2 million crowns{\\*\\bkmkend cost} in all.\\par\n"
    document = clean_text(rtf_document(body, header=header), "bridge")
    assert_dropped(document, "newsletter", "PAGE", "bkmkstart")
    assert_kept(document, "Works cost 4.2 million crowns in all.")
    reasons = {block.reason for block in document.dropped}
    assert {"rtf-metadata", "rtf-running-header"} <= reasons


def test_rtf_plain_groups_and_escaped_braces_are_text() -> None:
    # Near misses: a group that only sets bold is text, and so are "\{", "\}" and "\\".
    body = RTF_BODY + "\\pard\\plain The {\\b new} rams carry a load rating of \\{class 4\\} under code A\\\\7.\\par\n"
    document = clean_text(rtf_document(body), "bridge")
    assert_kept(document, "The new rams carry a load rating of {class 4} under code A\\7.")


def test_rtf_table_cells_become_rows() -> None:
    table = (
        "\\pard\\plain Boat openings by month:\\par\n"
        "\\trowd\\trgaph108\\cellx3000\\cellx6000\n"
        "\\pard\\plain\\intbl Month\\cell\n\\pard\\plain\\intbl Openings\\cell\n\\row\n"
        "\\trowd\\trgaph108\\cellx3000\\cellx6000\n"
        "\\pard\\plain\\intbl June\\cell\n\\pard\\plain\\intbl 412\\cell\n\\row\n"
        "\\pard\\plain After the table.\\par\n"
    )
    document = clean_text(rtf_document(RTF_BODY + table), "bridge")
    assert_kept(document, "Month | Openings", "June | 412", "After the table.")
    assert "trowd" not in document.text and "cellx" not in document.text


def test_rtf_footnote_follows_its_paragraph() -> None:
    body = RTF_BODY + ("\\pard\\plain The rams were made in Tolby.{\\super\\chftn}{\\footnote\\pard\\plain {\\super\\chftn} "
         "Tolby Hydraulics supplied the rams at cost.\\par} The cables came from the same yard.\\par\n")
    document = clean_text(rtf_document(body), "bridge")
    assert_kept(document, "The rams were made in Tolby. The cables came from the same yard.\nTolby Hydraulics supplied the rams at cost.")


def test_rtf_unicode_fallback_count_is_honoured() -> None:
    # \uc2: two fallback characters follow each \u escape, a reader that knows Unicode skips both.
    body = RTF_BODY + "\\pard\\plain\\uc2 The bridge keeper, J\\u246?oe Lind, pressed the button.\\par\n"
    document = clean_text(rtf_document(body), "bridge")
    assert_kept(document, "The bridge keeper, Jöe Lind, pressed the button.")  # "?o" skipped, "e" kept


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Pellinge lift bridge reopens\n\nThe bridge reopened on Thursday.", "not an RTF document"),
        (rtf_document(RTF_BODY)[:-40], "not all closed"),
    ],
    ids=["not-rtf", "truncated"],
)
def test_unreadable_rtf_is_refused_with_its_reason(tmp_path: Path, raw: str, message: str) -> None:
    path = tmp_path / "bridge.rtf"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        ingest_file(path)


def test_text_page_that_mentions_rtf_is_not_read_as_rtf() -> None:
    raw = "\n\n".join((HEADLINE, "The office sent the notice as {\\rtf1 file} to the press.") + BODY)
    document = clean_text(raw, "note")
    assert_kept(document, "The office sent the notice as {\\rtf1 file} to the press.")


# --- files of a type the loader does not read: reported, not ignored ---

def test_file_of_an_unread_type_is_a_load_problem_naming_the_types(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text("\n\n".join((HEADLINE,) + BODY), encoding="utf-8")
    (tmp_path / "timetable.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "minutes.docx").write_bytes(b"PK\x03\x04")
    corpus = ingest_folder(tmp_path)
    assert [document.meta.doc_id for document in corpus.documents] == ["bridge"]
    messages = {Path(problem.path).name: problem.message for problem in corpus.problems}
    assert set(messages) == {"timetable.pdf", "minutes.docx"}
    assert "timetable.pdf" in messages["timetable.pdf"] and "unsupported file type '.pdf'" in messages["timetable.pdf"]
    assert ".txt" in messages["timetable.pdf"] and ".rtf" in messages["timetable.pdf"]
    assert "export its text" in messages["timetable.pdf"]


def test_hidden_files_and_sub_folders_are_not_load_problems(tmp_path: Path) -> None:
    # Near miss: what is not the corpus's (a hidden file, a folder of labels) stays unreported.
    (tmp_path / "bridge.txt").write_text("\n\n".join((HEADLINE,) + BODY), encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "bridge.tsv").write_text("keep\tx\n")
    assert ingest_folder(tmp_path).problems == ()


def test_folder_of_only_unread_types_names_them(tmp_path: Path) -> None:
    (tmp_path / "timetable.pdf").write_bytes(b"%PDF-1.7\n")
    with pytest.raises(CorpusError, match=r"holds no page .*timetable\.pdf"):
        ingest_folder(tmp_path)


# --- OpenDocument flat XML (.fodt) ---

def flat_odt(body: str, *, mimetype: str = "application/vnd.oasis.opendocument.text") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="{mimetype}">\n'
        " <office:meta>\n  <dc:title>Bridge works note</dc:title>\n  <dc:creator>Oda Vinter</dc:creator>\n"
        "  <meta:creation-date>2039-05-02T07:30:00</meta:creation-date>\n </office:meta>\n"
        ' <office:font-face-decls>\n  <style:font-face style:name="Harbour Sans"/>\n </office:font-face-decls>\n'
        ' <office:styles>\n  <style:style style:name="Quiet_20_Note" style:family="paragraph"/>\n </office:styles>\n'
        " <office:master-styles>\n  <style:master-page>\n   <style:header>\n"
        "    <text:p>Harbour office<text:tab/>Page <text:page-number>1</text:page-number></text:p>\n"
        "   </style:header>\n  </style:master-page>\n </office:master-styles>\n"
        " <office:body>\n  <office:text>\n"
        '   <text:sequence-decls>\n    <text:sequence-decl text:name="Figure"/>\n   </text:sequence-decls>\n'
        + body
        + "  </office:text>\n </office:body>\n</office:document>\n"
    )


ODT_BODY = (
    f'   <text:h text:outline-level="1">{HEADLINE}</text:h>\n'
    f"   <text:p>{BODY[0]}</text:p>\n"
    "   <text:p>Engineers replaced <text:span>both</text:span> hydraulic rams<text:s/>and the cables."
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
    "<text:p>The rams came from Tolby Hydraulics.</text:p></text:note-body></text:note> The work took eleven weeks.</text:p>\n"
    '   <text:h text:outline-level="2">Faster lifts</text:h>\n'
    "   <table:table>\n    <table:table-column/>\n    <table:table-row>\n"
    "     <table:table-cell><text:p>Month</text:p></table:table-cell>\n     <table:table-cell><text:p>Openings</text:p></table:table-cell>\n"
    "    </table:table-row>\n    <table:table-row>\n"
    "     <table:table-cell><text:p>June</text:p></table:table-cell>\n     <table:table-cell><text:p>412</text:p></table:table-cell>\n"
    "    </table:table-row>\n   </table:table>\n"
    "   <text:p>The office asks boat owners for:</text:p>\n"
    "   <text:list>\n    <text:list-item><text:p>winter coats and lanterns for the night crews at Kasse Quay;</text:p></text:list-item>\n"
    "    <text:list-item><text:p>spare cables and grease for the lifting gear at North Tower;</text:p></text:list-item>\n"
    "    <text:list-item><text:p>their mooring number when they call.</text:p></text:list-item>\n   </text:list>\n"
    '   <text:p><draw:frame draw:name="Image1"><draw:text-box><text:p>The bridge seen from the quay at dawn on the day it reopened, with the old rams beside it.</text:p>'
    "</draw:text-box></draw:frame></text:p>\n"
    f"   <text:p>{BODY[2]}</text:p>\n"
)


def test_flat_odt_is_read_as_its_body(tmp_path: Path) -> None:
    path = tmp_path / "bridge.fodt"
    path.write_text(flat_odt(ODT_BODY), encoding="utf-8")
    document, passages = ingest_file(path)
    assert_kept(document, HEADLINE, BODY[0], BODY[2], "Faster lifts", "Month | Openings", "June | 412")
    assert_kept(document, "Engineers replaced both hydraulic rams and the cables. The work took eleven weeks.\nThe rams came from Tolby Hydraulics.")
    assert_kept(document, "winter coats and lanterns for the night crews at Kasse Quay;", "their mooring number when they call.")
    assert_dropped(document, "Bridge works note", "Oda Vinter", "Harbour Sans", "Quiet_20_Note", "Page 1", "seen from the quay", "•")
    assert_offsets_exact(document, HEADLINE, BODY[0], "Engineers replaced ")
    assert passages
    assert document.meta.headline == HEADLINE
    assert document.meta.date == "2039-05-02"  # the text states none: the file's creation date
    assert document.meta.byline == ()  # dc:creator is whoever saved it last


def test_flat_odt_reader_spaces_headings_and_title() -> None:
    source = flat_opendocument_source(flat_odt(ODT_BODY))
    assert "hydraulic rams and the cables" in source.text  # <text:s/> is a space
    assert source.hints.headings == (HEADLINE,)  # outline level 1, not "Faster lifts" at level 2
    assert source.hints.title == "Bridge works note"


def test_flat_odt_list_items_are_bulleted_lines() -> None:
    # The clauses of one sentence set as a list stay; without their bullets they read like link titles.
    document = clean_text(flat_odt(ODT_BODY), "bridge")
    assert "\u2022" not in document.text
    assert_kept(document, "winter coats and lanterns for the night crews at Kasse Quay;")
    assert_kept(document, "spare cables and grease for the lifting gear at North Tower;")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "not an OpenDocument flat XML"),
        (flat_odt(ODT_BODY, mimetype="application/vnd.oasis.opendocument.spreadsheet"), "not a text document"),
        (flat_odt(ODT_BODY).split("  </office:text>")[0], "never closed"),
    ],
    ids=["not-odf", "spreadsheet", "truncated"],
)
def test_unreadable_fodt_is_refused_with_its_reason(tmp_path: Path, raw: str, message: str) -> None:
    path = tmp_path / "bridge.fodt"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        ingest_file(path)


def test_zipped_odt_is_refused_with_the_advice_to_save_it_as_flat_xml(tmp_path: Path) -> None:
    package = b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 20 + b"mimetypeapplication/vnd.oasis.opendocument.text" + b"\x00" * 40
    (tmp_path / "bridge.odt").write_bytes(package)
    (tmp_path / "renamed.txt").write_bytes(package)
    (tmp_path / "note.txt").write_text("\n\n".join((HEADLINE,) + BODY), encoding="utf-8")
    messages = {Path(problem.path).name: problem.message for problem in ingest_folder(tmp_path).problems}
    assert "Flat XML ODF Text (.fodt)" in messages["bridge.odt"]
    assert "OpenDocument file in binary (zip) form" in messages["renamed.txt"] and ".fodt" in messages["renamed.txt"]


def test_xml_page_that_is_not_an_opendocument_text_is_not_read_as_one() -> None:
    # Near miss: a flat spreadsheet's root is office:document too, of another type.
    raw = flat_odt(ODT_BODY, mimetype="application/vnd.oasis.opendocument.spreadsheet")
    assert not looks_like_flat_opendocument(raw)
    assert looks_like_flat_opendocument(flat_odt(ODT_BODY))


# --- a web page saved as MHTML ---

def saved_page(*, mail_fields: str = "", location: bool = True) -> str:
    """A page saved by a browser as one MHTML file: quoted-printable HTML, then a style sheet."""
    html = (
        '<!DOCTYPE html><html><head><title>' + HEADLINE + ' | The Pellinge Post</title>'
        '<meta property="article:published_time" content="2039-05-05T09:00:00+02:00">'
        '<meta property="og:site_name" content="The Pellinge Post">'
        '<meta property="article:author" content="Mira Saltholm"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>'
        '<article><h1>' + HEADLINE + '</h1><p class="byline">By Mira Saltholm</p>'
        + "".join(f"<p>{line}</p>" for line in BODY)
        + "<p>The harbour master\u2019s office said the lift \u201cworks like new\u201d.</p></article></body></html>"
    )
    encoded = html.encode("utf-8")
    quoted = "".join(chr(byte) if 32 <= byte < 127 and byte != ord("=") else f"={byte:02X}" for byte in encoded)
    lines = [quoted[i:i + 75] for i in range(0, len(quoted), 75)]
    return (
        "From: <Saved by Blink>\n"
        "Snapshot-Content-Location: https://post.pellinge.example/news/bridge\n"
        "Subject: =?utf-8?Q?Pellinge=20lift=20bridge=20reopens?=\n"
        "Date: Thu, 5 May 2039 11:00:00 -0000\n"
        + mail_fields
        + "MIME-Version: 1.0\n"
        'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="----Boundary--x1"\n'
        "\n\n------Boundary--x1\n"
        "Content-Type: text/html\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        + ("Content-Location: https://post.pellinge.example/news/bridge\n" if location else "")
        + "\n"
        + "=\n".join(lines)
        + "\n------Boundary--x1\n"
        "Content-Type: text/css\nContent-Transfer-Encoding: quoted-printable\n"
        "Content-Location: cid:css-1@mhtml.blink\n\n"
        "body { font-family: Georgia; }\n"
        "------Boundary--x1--\n"
    )


def test_mhtml_page_is_read_as_its_html_page(tmp_path: Path) -> None:
    path = tmp_path / "bridge.mhtml"
    path.write_text(saved_page(), encoding="utf-8")
    document, passages = ingest_file(path)
    assert_kept(document, HEADLINE, "The harbour master’s office said the lift “works like new”.")
    assert BODY[0][:60] in document.text.replace("\n", " ")
    assert_dropped(document, "Saved by Blink", "Snapshot", "font-family", "Content-Type", "=3D")
    assert_offsets_exact(document, "Kasse")  # every run verbatim (a soft line break may cut a sentence)
    assert passages
    # The page's markup dates it and names its author, as the HTML page would.
    assert document.meta.date == "2039-05-05"
    assert document.meta.byline == ("Mira Saltholm",)
    assert document.meta.outlet == "The Pellinge Post"


def test_html_mail_with_related_parts_stays_a_mail() -> None:
    # Near miss: the same container sent to someone is a mail: its subject is its title, and the
    # page's date markup is not read (a newsletter dates its issue in its text).
    raw = saved_page(mail_fields="To: reader@example.org\n")
    assert not looks_like_web_archive(raw)
    assert not looks_like_web_archive(saved_page(location=False))
    assert looks_like_web_archive(saved_page())
    document = clean_text(raw, "mail")
    assert_kept(document, "The harbour master’s office said the lift “works like new”.")


def test_mhtml_file_that_is_no_saved_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bridge.mhtml"
    path.write_text("<html><body><h1>" + HEADLINE + "</h1></body></html>", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"not a saved web page \(MHTML\)"):
        ingest_file(path)
