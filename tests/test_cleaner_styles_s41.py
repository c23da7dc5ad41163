"""A word processor's furniture styles and a report's byline (session 41): a paragraph whose style
names furniture ("Disclaimer", "Document control") is dropped in OpenDocument as in pandoc
Markdown, an automatic style through the named style it derives from; a heading that only names
such a section goes with it when all under it is furniture; a report's "Prepared by" credit is
its byline. Each beside a near miss that must stay.

Invented documents (the Dunmere reservoir's dam is inspected), not the seed pages nor the
labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

from index import metadata
from index.document_styles import is_furniture_heading, is_furniture_style
from index.ingest import ingest_file
from index.markdown_text import markdown_source
from index.opendocument_text import flat_opendocument_source
from tests.index.test_cleaning import assert_dropped, assert_kept

TITLE = "Dunmere dam passes its ten-year inspection"
BODY = (
    "Inspectors from the regional water board spent four days inside the Dunmere dam last week and found no cracks in its concrete.",
    "The spillway gates were tested at full flow on Thursday, and each opened in under two minutes, as the rules require.",
    "The reservoir will be drawn down by a metre in October so that divers can check the intake screens.",
)
STYLES = (
    ' <office:styles>\n'
    '  <style:style style:name="Standard" style:family="paragraph"/>\n'
    '  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>\n'
    '  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>\n'
    '  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"/>\n'
    '  <style:style style:name="Footnote" style:family="paragraph"/>\n'
    '  <style:style style:name="Disclaimer" style:family="paragraph"/>\n'
    '  <style:style style:name="Legal_20_Notice" style:display-name="Legal Notice" style:family="paragraph"/>\n'
    '  <style:style style:name="Revision_20_History" style:family="paragraph"/>\n'
    ' </office:styles>\n'
    ' <office:automatic-styles>\n'
    '  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-style="italic"/></style:style>\n'
    '  <style:style style:name="P2" style:family="paragraph" style:parent-style-name="Revision_20_History"><style:text-properties fo:font-size="8pt"/></style:style>\n'
    '  <style:style style:name="P3" style:family="paragraph" style:parent-style-name="Heading_20_2"/>\n'
    ' </office:automatic-styles>\n'
)


def flat_odt(body: str) -> str:
    """A flat OpenDocument text with named and automatic paragraph styles, then ``body``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'office:mimetype="application/vnd.oasis.opendocument.text">\n'
        " <office:meta>\n  <dc:title>Dunmere inspection</dc:title>\n </office:meta>\n"
        + STYLES
        + " <office:body>\n  <office:text>\n"
        f'   <text:h text:style-name="Heading_20_1" text:outline-level="1">{TITLE}</text:h>\n'
        f'   <text:p text:style-name="Text_20_body">{BODY[0]}</text:p>\n'
        + body
        + "  </office:text>\n </office:body>\n</office:document>\n"
    )


def _reasons(raw: str) -> dict[str, str]:
    """Each dropped block's raw text -> its reason."""
    source = flat_opendocument_source(raw)
    return {raw[block.raw_start:block.raw_end]: block.reason for block in source.dropped}


# --- furniture styles, shared by the pandoc and OpenDocument readers ---

def test_style_names_that_mark_furniture() -> None:
    for name in ("Disclaimer", "Document Control", "Figure Caption", "TOC Heading", "Header Left", "Legal Notice", "Contents 1"):
        assert is_furniture_style(name), name
    # Near misses: a table's cells, a heading, a footnote, a headline, a quote in a caption's font.
    for name in ("Table Contents", "Heading 2", "Footnote", "Headline", "Captioned Quote", "Text body", ""):
        assert not is_furniture_style(name), name


def test_odf_paragraph_in_a_furniture_style_is_dropped() -> None:
    body = (
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
        '   <text:p text:style-name="Legal_20_Notice">Reproduction is allowed with credit to the board and the date of this note.</text:p>\n'
        f'   <text:p text:style-name="P1">{BODY[1]}</text:p>\n'
        '   <text:p text:style-name="Footnote">Flow measured at the lower gauge, as every year since the dam opened.</text:p>\n'
        '   <table:table>\n    <table:table-row>\n'
        '     <table:table-cell><text:p text:style-name="Table_20_Contents">Gate 3</text:p></table:table-cell>\n'
        '     <table:table-cell><text:p text:style-name="Table_20_Contents">1 min 40 s</text:p></table:table-cell>\n'
        '    </table:table-row>\n   </table:table>\n'
    )
    raw = flat_odt(body)
    source = flat_opendocument_source(raw)
    assert "accepts no liability" not in source.text
    assert "Reproduction is allowed" not in source.text  # "Legal_20_Notice": the name escapes its space
    assert BODY[1] in source.text  # an automatic style over "Text body"
    assert "Flow measured at the lower gauge" in source.text  # "Footnote" is not "footer"
    assert "Gate 3 | 1 min 40 s" in source.text  # "Table Contents" is a table's text
    assert "document-furniture" in _reasons(raw).values()


def test_odf_automatic_style_is_read_as_its_parent_style() -> None:
    body = (
        '   <text:p text:style-name="P2">Version 2 replaces version 1 of 3 May: the gate timings were corrected.</text:p>\n'
        f'   <text:p text:style-name="P1">{BODY[2]}</text:p>\n'
    )
    source = flat_opendocument_source(flat_odt(body))
    assert "gate timings were corrected" not in source.text  # P2 derives from "Revision History"
    assert BODY[2] in source.text


def test_odf_paragraph_of_a_section_is_read_on_its_own() -> None:
    body = (
        '   <text:section text:name="Back">\n'
        '    <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
        f'    <text:p text:style-name="Text_20_body">{BODY[2]}</text:p>\n'
        '   </text:section>\n'
    )
    source = flat_opendocument_source(flat_odt(body))
    assert "accepts no liability" not in source.text
    assert BODY[2] in source.text


def test_pandoc_custom_styles_read_by_the_shared_list() -> None:
    page = (
        "# Dunmere dam passes its inspection\n\n"
        '::: {custom-style="Document Control"}\nVersion 1.0, 4 May, approved by the board\n:::\n\n'
        '::: {custom-style="Table Contents"}\nGate 3 opened in 1 min 40 s\n:::\n\n'
        '::: {custom-style="Body Text"}\n' + BODY[0] + "\n:::\n"
    )
    text = markdown_source(page).text
    assert "approved by the board" not in text
    assert "Gate 3 opened in 1 min 40 s" in text and BODY[0] in text


# --- a heading that only names a furniture section ---

def test_heading_over_only_furniture_is_furniture() -> None:
    assert is_furniture_heading("Document control") and is_furniture_heading("8. Revision history")
    assert not is_furniture_heading("Document control failures at the dam")
    body = (
        f'   <text:p text:style-name="Text_20_body">{BODY[1]}</text:p>\n'
        '   <text:h text:style-name="Heading_20_2" text:outline-level="2">Revision history</text:h>\n'
        '   <text:p text:style-name="P2">Version 2 replaces version 1 of 3 May: the gate timings were corrected.</text:p>\n'
        '   <text:p text:style-name="Standard"/>\n'
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
    )
    source = flat_opendocument_source(flat_odt(body))
    assert "Revision history" not in source.text
    assert BODY[1] in source.text


def test_paragraph_in_a_heading_style_is_a_heading_of_its_level() -> None:
    # "P3" derives from "Heading 2", of outline level 2: its section ends at the next heading of level 2.
    body = (
        '   <text:p text:style-name="P3">Disclaimer</text:p>\n'
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
        '   <text:h text:style-name="Heading_20_2" text:outline-level="2">Next steps</text:h>\n'
        f'   <text:p text:style-name="Text_20_body">{BODY[2]}</text:p>\n'
    )
    source = flat_opendocument_source(flat_odt(body))
    assert "Disclaimer" not in source.text
    assert "Next steps" in source.text and BODY[2] in source.text


def test_heading_over_kept_text_or_nothing_stays() -> None:
    # Near misses: the section holds text of the report, or nothing, or its heading names no furniture.
    over_text = (
        '   <text:h text:outline-level="2">Document control</text:h>\n'
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
        f'   <text:p text:style-name="Text_20_body">{BODY[2]}</text:p>\n'
    )
    over_nothing = '   <text:h text:outline-level="2">Version control</text:h>\n'
    other_heading = (
        '   <text:h text:outline-level="2">Gate timings</text:h>\n'
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
    )
    under_subheading = (
        '   <text:h text:outline-level="2">Disclaimer</text:h>\n'
        '   <text:h text:outline-level="3">Gate timings</text:h>\n'
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
    )
    for body, heading in ((over_text, "Document control"), (over_nothing, "Version control"),
                          (other_heading, "Gate timings"), (under_subheading, "Disclaimer")):
        assert heading in flat_opendocument_source(flat_odt(body)).text, heading


def test_furniture_section_is_left_out_of_the_cleaned_document(tmp_path: Path) -> None:
    body = (
        f'   <text:p text:style-name="Text_20_body">{BODY[1]}</text:p>\n'
        f'   <text:p text:style-name="Text_20_body">{BODY[2]}</text:p>\n'
        '   <text:p text:style-name="Heading_20_2">Document control</text:p>\n'
        '   <text:p text:style-name="Disclaimer">Next note: 9 June, 10:00. Previous note: 2 June, 10:00.</text:p>\n'
        '   <text:p text:style-name="Disclaimer">The water board accepts no liability for the use of these readings by others.</text:p>\n'
    )
    path = tmp_path / "dunmere.fodt"
    path.write_text(flat_odt(body), encoding="utf-8")
    document, _ = ingest_file(path)
    assert_kept(document, TITLE, *BODY)
    assert_dropped(document, "Document control", "Next note", "accepts no liability")


# --- a report's "Prepared by" credit is its byline ---

CREDIT = "Compiled by Mirela Hald, Dam Safety Office, for the Chief Engineer, Tomas Breck"


def test_report_credit_is_a_byline_naming_who_drew_it_up() -> None:
    assert metadata.is_byline_line(CREDIT)
    assert metadata.byline_names(CREDIT, None) == ("Mirela Hald",)  # not the office, not whom it is for
    assert metadata.byline_names("Prepared by Mirela Hald and Jon Ask, Hydrology Department", None) == ("Mirela Hald", "Jon Ask")
    assert metadata.byline_names("Written by Mirela Hald for the board", None) == ("Mirela Hald",)
    assert metadata.byline_names("By Mirela Hald, Investigations Unit", None) == ("Mirela Hald",)  # a unit is no author


def test_sentences_and_long_lines_that_open_with_prepared_by_are_no_bylines() -> None:
    # Near misses: a body sentence, a sentence naming a person, a "for" clause longer than a
    # recipient's name and role, and a "By" line as long (its limit is unchanged).
    for text in (
        "Prepared by volunteers, the sandbags were stacked along the spillway before dawn.",
        "Written by Mirela Hald in 2031, the manual still guides the gate crews.",
        "Prepared by Mirela Hald, Dam Safety Office, for the regional water board and the four town councils downstream of the dam",
        "By Mirela Hald, Dam Safety Office, for the regional water board, Tomas Breck and Jon Ask",
    ):
        assert not metadata.is_byline_line(text), text
    assert metadata.byline_names("Prepared by volunteers, the sandbags were stacked along the spillway before dawn.", None) == ()
    assert metadata.byline_names("Written by Mirela Hald in 2031, the manual still guides the gate crews.", None) == ()


def test_report_credit_under_the_title_is_kept_as_the_byline(tmp_path: Path) -> None:
    body = f'   <text:p text:style-name="Text_20_body">{BODY[1]}</text:p>\n'
    raw = flat_odt(body).replace(
        f'   <text:p text:style-name="Text_20_body">{BODY[0]}</text:p>\n',
        f'   <text:p text:style-name="Text_20_body">{CREDIT}</text:p>\n   <text:p text:style-name="Text_20_body">{BODY[0]}</text:p>\n',
    )
    path = tmp_path / "dunmere.fodt"
    path.write_text(raw, encoding="utf-8")
    document, _ = ingest_file(path)
    assert_kept(document, TITLE, CREDIT, BODY[0], BODY[1])
    assert document.meta.byline == ("Mirela Hald",)


def test_sentence_opening_with_prepared_by_stays_body_and_names_no_author(tmp_path: Path) -> None:
    sentence = "Prepared by volunteers, the sandbags were stacked along the spillway before dawn on Friday."
    path = tmp_path / "dunmere.fodt"
    path.write_text(flat_odt(f'   <text:p text:style-name="Text_20_body">{sentence}</text:p>\n'), encoding="utf-8")
    document, _ = ingest_file(path)
    assert_kept(document, TITLE, BODY[0], sentence)
    assert document.meta.byline == ()
