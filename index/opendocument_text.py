"""A word processor's document saved as OpenDocument flat XML (``.fodt``, one XML file rather than
the zipped ``.odt``) -> its text, every character mapped to the raw file.

A flat OpenDocument text is recognised by its root element, ``<office:document>`` of type
``application/vnd.oasis.opendocument.text``, whatever its name says. The document is what
``<office:body><office:text>`` holds: headings (``<text:h>``, at their outline level),
paragraphs, lists, tables, sections, and the footnotes and endnotes (``<text:note>``), read after
the block that calls them, as the page prints them at its foot. Everything else is the file's:
the properties (``<office:meta>``: title, creator, dates, statistics; the title and creation date
are read as the page's hints), font declarations, styles, the master pages with the running
header and footer (a title and page numbers repeated on every page), and inside the text the
declarations of sequences and variables, tracked changes, comments, a generated table of
contents, and frames (images and text boxes with their captions: a figure's caption is dropped
as on any page).

A paragraph or heading whose style names the document's furniture ("Disclaimer", "Document
control", "Caption", "Header": ``index.document_styles``) is dropped, whether it carries the
named style or an automatic one (``P3``, the named style with direct formatting) whose parent is
it; so is a heading that only names such a section ("Document control") when all under it, to the
next heading of its level or the end, is furniture.

The body is handed to ``index.html_text`` as HTML (``index.xml_markup.append_as_html``, with the
vocabulary's elements renamed), so a table keeps its rows and the page rules treat the lines as
any page's. Entities decode to inserted characters, and so do the spaces and tabs the format
writes as elements (``<text:s/>``, ``<text:tab/>``) and a list item's bullet; every other kept
character is a verbatim copy.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from index.document_styles import is_furniture_heading, is_furniture_style
from index.html_text import copied_markup_source, html_to_source
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText
from index.xml_markup import (
    HtmlRendering,
    XmlElement,
    append_as_html,
    attribute_value,
    child_elements,
    find_element,
    gaps_around,
    opaque_spans,
    root_start,
)

logger = logging.getLogger(__name__)

_ROOT = re.compile(r"<office:document\b[^>]*>", re.IGNORECASE)
_MIMETYPE = re.compile(r"""office:mimetype\s*=\s*["'](?P<type>[^"']+)["']""", re.IGNORECASE)
TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"
# Elements of the text that are not the document's prose, and why.
_SKIPPED = {
    "draw:frame": "odf-frame",
    "draw:g": "odf-frame",
    "draw:custom-shape": "odf-frame",
    "office:annotation": "odf-comment",
    "text:tracked-changes": "odf-declarations",
    "text:sequence-decls": "odf-declarations",
    "text:variable-decls": "odf-declarations",
    "text:user-field-decls": "odf-declarations",
    "text:table-of-content": "odf-contents",
    "text:illustration-index": "odf-contents",
    "text:table-index": "odf-contents",
    "text:note-citation": "odf-note-mark",
    "office:forms": "odf-declarations",
}
_NOTE_REASON = "odf-note"
_FURNITURE_REASON = "document-furniture"  # as pandoc's custom styles are read (index.markdown_text)
# A style name's escaped characters: "Document_20_control" is "Document control".
_ESCAPED_CHARACTER = re.compile(r"_(?P<code>[0-9A-Fa-f]{2})_")
_BULLET = "\u2022 "
HEADING_DEFAULT_LEVEL = 2  # a <text:h> without its outline level
_ODF_AS_HTML = HtmlRendering(
    renamed={
        "text:p": "p", "text:h": "h2", "text:list": "ul", "text:list-item": "li", "text:list-header": "li",
        "text:numbered-paragraph": "p", "text:section": "div", "text:note-body": "div",
        "table:table": "table", "table:table-header-rows": "thead", "table:table-rows": "tbody",
        "table:table-row": "tr", "table:table-cell": "td", "text:line-break": "br",
    },
    kept=frozenset(),  # no HTML element names in this vocabulary
    skipped={**_SKIPPED, "text:note": _NOTE_REASON},
    inserted={"text:tab": "\t", "text:s": " "},
)


def looks_like_flat_opendocument(raw_text: str) -> bool:
    """An OpenDocument text in one XML file: its root element, after the prologue, is
    ``<office:document>`` of the text type."""
    root = _ROOT.match(raw_text, root_start(raw_text))
    if root is None:
        return False
    mimetype = _MIMETYPE.search(root.group())
    return mimetype is not None and mimetype.group("type").strip().lower() == TEXT_MIMETYPE


def flat_opendocument_problem(raw_text: str) -> str | None:
    """Why a file saved as flat OpenDocument text cannot be read, or None: it is not one, it is
    another kind of document (a spreadsheet, a presentation), or its text was cut short."""
    root = _ROOT.match(raw_text, root_start(raw_text))
    if root is None:
        return "not an OpenDocument flat XML file (no <office:document> root element)"
    mimetype = _MIMETYPE.search(root.group())
    kind = mimetype.group("type").strip().lower() if mimetype is not None else "(no office:mimetype)"
    if kind != TEXT_MIMETYPE:
        return f"a flat OpenDocument of type {kind}, not a text document; export its text"
    opaque = opaque_spans(raw_text)
    body = _body_text(raw_text, opaque)
    if body is None:
        return "the OpenDocument has no <office:text> body (no document text)"
    if body.content_end == body.end:
        return "the OpenDocument's <office:text> is never closed (a truncated or malformed file)"
    return None


def flat_opendocument_source(raw_text: str) -> SourceText:
    """The document's text, one block per line, mapped to raw offsets; the rest recorded as dropped.

    >>> document = ('<office:document office:mimetype="application/vnd.oasis.opendocument.text">'
    ...             '<office:meta><dc:title>Notes</dc:title></office:meta><office:body><office:text>'
    ...             '<text:h text:outline-level="1">Dam holds</text:h><text:p>The dam<text:s/>held.</text:p>'
    ...             '</office:text></office:body></office:document>')
    >>> flat_opendocument_source(document).text
    'Dam holds\\nThe dam held.'
    """
    opaque = opaque_spans(raw_text)
    body = _body_text(raw_text, opaque)
    if body is None:
        raise ValueError("not an OpenDocument text: no <office:text> element; check looks_like_flat_opendocument first")
    markup: list[str] = []
    positions: list[int] = []
    dropped: list[DroppedBlock] = []
    blocks = child_elements(raw_text, body, opaque)
    text_blocks = _text_blocks(raw_text, blocks, opaque)
    furniture = _furniture_blocks(raw_text, text_blocks, _paragraph_styles(raw_text, opaque), opaque)
    for number, text_block in enumerate(text_blocks):
        block = text_block.element
        if block.name in _SKIPPED:
            dropped.append(DroppedBlock(block.start, block.end, _SKIPPED[block.name]))
        elif number in furniture:
            dropped.append(DroppedBlock(block.start, block.end, _FURNITURE_REASON))
        else:
            _append_block(raw_text, block, markup, positions, dropped, opaque, lead=text_block.lead)
    document = copied_markup_source(raw_text, markup, positions, body.content_start)
    dropped += document.dropped
    # The file's other records; the indentation between the blocks is no record.
    dropped += [gap for gap in gaps_around(blocks, len(raw_text), "odf-metadata") if raw_text[gap.raw_start:gap.raw_end].strip()]
    return replace(
        document,
        dropped=tuple(sorted(dropped, key=lambda block: (block.raw_start, block.raw_end))),
        hints=_hints(raw_text, opaque, document.hints.headings),
    )


def _body_text(raw_text: str, opaque: list[tuple[int, int]]) -> XmlElement | None:
    body = find_element(raw_text, "office:body", 0, len(raw_text), opaque)
    if body is None:
        return None
    return find_element(raw_text, "office:text", body.content_start, body.content_end, opaque)


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A block of the text read on its own: a paragraph, heading or table, a list item's
    paragraph (with the bullet it shows), a paragraph of a section."""

    element: XmlElement
    lead: str = ""


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What a paragraph style is to the user: the named style it shows ("Text body",
    "Disclaimer"; an automatic style shows its parent's) and its headings' outline level."""

    shown_name: str
    outline_level: int | None = None


def _text_blocks(raw_text: str, blocks: list[XmlElement], opaque: list[tuple[int, int]]) -> list[TextBlock]:
    """The body's blocks in order, a list's items and a section's blocks each on its own.

    A list item shows its bullet (or number): the page rules read a bulleted line as a list's
    item, as on a text page; the bullet is no part of the kept text."""
    found: list[TextBlock] = []
    for block in blocks:
        if block.name == "text:list":
            found += [TextBlock(item_block, _BULLET) for item_block in _list_blocks(raw_text, block, opaque)]
        elif block.name == "text:section":
            found += _text_blocks(raw_text, child_elements(raw_text, block, opaque), opaque)
        else:
            found.append(TextBlock(block))
    return found


def _paragraph_styles(raw_text: str, opaque: list[tuple[int, int]]) -> dict[str, ParagraphStyle]:
    """Every paragraph style the file declares, by its ``style:name``. An automatic style (``P3``,
    written for one paragraph's direct formatting) is the named style its
    ``style:parent-style-name`` gives, as the word processor's style list shows it."""
    styles: dict[str, ParagraphStyle] = {}
    parents: dict[str, str] = {}
    for container in ("office:styles", "office:automatic-styles"):
        element = find_element(raw_text, container, 0, len(raw_text), opaque)
        for style in child_elements(raw_text, element, opaque) if element is not None else []:
            name = attribute_value(style, "style:name")
            if style.name != "style:style" or attribute_value(style, "style:family") != "paragraph" or name is None:
                continue
            level = attribute_value(style, "style:default-outline-level")
            styles[name] = ParagraphStyle(_unescaped(name), int(level) if level is not None and level.isdigit() else None)
            parent = attribute_value(style, "style:parent-style-name")
            if container == "office:automatic-styles" and parent is not None:
                parents[name] = parent
    for name, parent in parents.items():
        shown = styles[parent] if parent in styles else ParagraphStyle(_unescaped(parent))
        own_level = styles[name].outline_level
        styles[name] = ParagraphStyle(shown.shown_name, own_level if own_level is not None else shown.outline_level)
    return styles


def _unescaped(style_name: str) -> str:
    """A style's name as the user sees it (its display name, when the file writes one, says the
    same): "Document_20_control" -> "Document control"."""
    return _ESCAPED_CHARACTER.sub(lambda match: chr(int(match.group("code"), 16)), style_name)


def _furniture_blocks(
    raw_text: str, blocks: list[TextBlock], styles: dict[str, ParagraphStyle], opaque: list[tuple[int, int]],
) -> set[int]:
    """The numbers of the blocks that are the document's furniture: a paragraph or heading whose
    style names furniture, and a heading that only names a furniture section ("Document
    control") over nothing but furniture and empty or skipped blocks, to the next heading of its
    level or the end. A heading over no furniture at all, or over any kept text, stays."""
    found = {
        number for number, block in enumerate(blocks)
        if block.element.name in ("text:p", "text:h")
        and is_furniture_style(_style_of(block.element, styles).shown_name)
    }
    levels = [_outline_level(block.element, styles) for block in blocks]
    for number, block in enumerate(blocks):
        level = levels[number]
        if level is None or number in found or not is_furniture_heading(_shown_text(raw_text, block.element, opaque)):
            continue
        under: list[int] = []
        for following in range(number + 1, len(blocks)):
            if levels[following] is not None and levels[following] <= level:
                break
            under.append(following)
        if any(following in found for following in under) and all(
            following in found or blocks[following].element.name in _SKIPPED or not _shown_text(raw_text, blocks[following].element, opaque)
            for following in under
        ):
            found.add(number)
    return found


def _style_of(block: XmlElement, styles: dict[str, ParagraphStyle]) -> ParagraphStyle:
    name = attribute_value(block, "text:style-name")
    if name is None:
        return ParagraphStyle("")
    return styles.get(name, ParagraphStyle(_unescaped(name)))


def _outline_level(block: XmlElement, styles: dict[str, ParagraphStyle]) -> int | None:
    """A heading's level (a ``<text:h>`` at its outline level, as ``_html_tag`` renders it; a
    paragraph in a heading style, at that style's level), or None for any other block."""
    if block.name == "text:h":
        return _heading_level(block)
    if block.name == "text:p":
        return _style_of(block, styles).outline_level
    return None


def _shown_text(raw_text: str, block: XmlElement, opaque: list[tuple[int, int]]) -> str:
    """The words a block shows as this reader renders it (frames, notes and comments left out)."""
    markup: list[str] = []
    append_as_html(raw_text, block, "div", _ODF_AS_HTML, markup, [], [], opaque)
    return " ".join(html_to_source("".join(markup)).text.split())


def _html_tag(block: XmlElement) -> str:
    """The HTML element a block of the text becomes: a heading at its outline level."""
    if block.name == "text:h":
        return f"h{min(6, max(1, _heading_level(block)))}"
    return _ODF_AS_HTML.renamed.get(block.name, "div")


def _heading_level(heading: XmlElement) -> int:
    """A ``<text:h>``'s outline level, HEADING_DEFAULT_LEVEL where it writes none."""
    level = attribute_value(heading, "text:outline-level")
    return int(level) if level is not None and level.isdigit() else HEADING_DEFAULT_LEVEL


def _append_block(
    raw_text: str, block: XmlElement, markup: list[str], positions: list[int],
    dropped: list[DroppedBlock], opaque: list[tuple[int, int]], lead: str = "",
) -> None:
    """A block of the text as HTML, then the notes it calls."""
    inside: list[DroppedBlock] = []
    append_as_html(raw_text, block, _html_tag(block), _ODF_AS_HTML, markup, positions, inside, opaque, lead)
    dropped += [drop for drop in inside if drop.reason != _NOTE_REASON]
    for note in (drop for drop in inside if drop.reason == _NOTE_REASON):
        _append_note(raw_text, note, markup, positions, dropped, opaque)


def _list_blocks(raw_text: str, text_list: XmlElement, opaque: list[tuple[int, int]]) -> list[XmlElement]:
    """The paragraphs (and other blocks) of a list's items, nested lists' included, in order."""
    found: list[XmlElement] = []
    for item in child_elements(raw_text, text_list, opaque):
        if item.name not in ("text:list-item", "text:list-header"):
            continue
        for child in child_elements(raw_text, item, opaque):
            found += _list_blocks(raw_text, child, opaque) if child.name == "text:list" else [child]
    return found


def _append_note(
    raw_text: str, note: DroppedBlock, markup: list[str], positions: list[int],
    dropped: list[DroppedBlock], opaque: list[tuple[int, int]],
) -> None:
    """A footnote's body as a block after the one that calls it; its number is the mark's."""
    note_body = find_element(raw_text, "text:note-body", note.raw_start, note.raw_end, opaque)
    citation = find_element(raw_text, "text:note-citation", note.raw_start, note.raw_end, opaque)
    if citation is not None:
        dropped.append(DroppedBlock(citation.start, citation.end, "odf-note-mark"))
    if note_body is not None:
        append_as_html(raw_text, note_body, "div", _ODF_AS_HTML, markup, positions, dropped, opaque)


def _hints(raw_text: str, opaque: list[tuple[int, int]], headings: tuple[str, ...]) -> PageHints:
    """The properties' title and creation date (a last resort for the page's date). Not
    ``dc:creator``: it names whoever saved the file last, not the document's author."""
    meta = find_element(raw_text, "office:meta", 0, len(raw_text), opaque)
    if meta is None:
        return PageHints(headings=headings)

    def field(name: str) -> str | None:
        element = find_element(raw_text, name, meta.content_start, meta.content_end, opaque)
        if element is None:
            return None
        value = html_to_source(raw_text[element.content_start:element.content_end]).text
        return " ".join(value.split()) or None

    return PageHints(title=field("dc:title"), headings=headings, created=field("meta:creation-date"))
