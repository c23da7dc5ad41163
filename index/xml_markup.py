"""Scanning an XML file's elements with exact raw offsets, shared by the feed reader
(``index.feeds``), the NITF reader (``index.nitf_documents``) and the journal article reader
(``index.jats_articles``); the last two hand the elements they keep to the HTML reader as HTML
(``append_as_html``).

No XML parser is used: a parser reports no offsets into the raw text, stops at the first error
of a hand-saved file, and would expand entity declarations a hostile file defines. Instead the
readers find tags with patterns and skip CDATA sections and comments, whose "<" and ">" are
text, never tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.records import DroppedBlock
from index.source_text import INSERTED

CDATA = re.compile(r"<!\[CDATA\[(?P<inner>.*?)\]\]>", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# What may precede the root element: a byte-order mark, processing instructions (the XML declaration,
# a stylesheet), comments, a doctype (NITF's names its DTD).
TAG = re.compile(r"""<(?P<close>/?)(?P<name>[A-Za-z][\w:.-]*)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*?)(?P<empty>/?)>""")
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Elements an XML vocabulary shares with HTML (NITF's body, JATS's tables): kept as they are.
HTML_NAMES = frozenset({
    "p", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "ul", "ol", "li",
    "dl", "dt", "dd", "pre", "br", "em", "a", "q", "sub", "sup", "col", "colgroup",
})
_PROLOGUE = re.compile(r"\A\ufeff?(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class XmlElement:
    """One element: its lowercased name, the raw span of its tags and content, and its open
    tag's attribute text (kept by the readers that need it)."""

    name: str
    start: int  # the open tag's "<"
    content_start: int
    content_end: int  # the close tag's "<" (== content_start for an empty element)
    end: int  # after the close tag
    attributes: str = ""


def root_start(raw_text: str) -> int:
    """Where the root element's open tag should stand: after the prologue.

    >>> root_start('<?xml version="1.0"?>\\n<!-- feed -->\\n<rss version="2.0">')
    36
    """
    prologue = _PROLOGUE.match(raw_text)
    return prologue.end() if prologue else 0


def opaque_spans(raw_text: str) -> list[tuple[int, int]]:
    """CDATA sections and comments, sorted: their "<" and ">" are text, never tags.

    >>> opaque_spans("<a><![CDATA[<b>]]></a><!-- <c> -->")
    [(3, 18), (22, 34)]
    """
    spans = [(match.start(), match.end()) for match in CDATA.finditer(raw_text)]
    spans += [(match.start(), match.end()) for match in COMMENT.finditer(raw_text)]
    return sorted(spans)


def end_of_opaque_span(position: int, opaque: list[tuple[int, int]]) -> int | None:
    """The end of the opaque span ``position`` falls in, if any."""
    for start, end in opaque:
        if start <= position < end:
            return end
        if start > position:
            break
    return None


def close_tag(raw_text: str, name: str, start: int, end: int, opaque: list[tuple[int, int]]) -> tuple[int, int]:
    """Raw span of the tag closing the element ``name`` opened before ``start`` (nesting-aware,
    outside CDATA and comments); ``(end, end)`` when the file never closes it. The name must end
    at the tag's end or a space, so ``</content:encoded>`` does not close ``<content>``.

    >>> raw = "<p>a <p>b</p> c</p>"
    >>> close_tag(raw, "p", 3, len(raw), [])
    (15, 19)
    """
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*?(/?)>", re.IGNORECASE)
    depth = 1
    position = start
    while True:
        match = tags.search(raw_text, position, end)
        if match is None:
            return end, end
        skip = end_of_opaque_span(match.start(), opaque)
        if skip is not None:
            position = skip
            continue
        position = match.end()
        if match.group(1):
            depth -= 1
            if depth == 0:
                return match.start(), match.end()
        elif not match.group(2):
            depth += 1


@dataclass(frozen=True, slots=True)
class HtmlRendering:
    """How a vocabulary's elements become HTML for the page reader: ``renamed`` block elements
    become the HTML element named, ``kept`` ones stay as they are, ``skipped`` ones are left out
    whole and recorded as dropped with the reason given; where an element of ``inserted`` opens,
    the text a reader sees there that the file does not write is inserted (OpenDocument's
    ``<text:tab/>`` stands for a tab); any other tag is left out, its text kept (an inline
    element such as NITF's ``<person>`` or JATS's ``<italic>``)."""

    renamed: dict[str, str] = field(default_factory=dict)
    kept: frozenset[str] = HTML_NAMES
    skipped: dict[str, str] = field(default_factory=dict)
    inserted: dict[str, str] = field(default_factory=dict)


def find_element(raw_text: str, name: str, start: int, end: int, opaque: list[tuple[int, int]]) -> XmlElement | None:
    """The first element called ``name`` between ``start`` and ``end``, at any depth."""
    pattern = re.compile(rf"<{re.escape(name)}(?=[\s/>])(?P<attributes>(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(?P<empty>/?)>", re.IGNORECASE)
    position = start
    while True:
        match = pattern.search(raw_text, position, end)
        if match is None:
            return None
        skip = end_of_opaque_span(match.start(), opaque)
        if skip is None:
            break
        position = skip
    if match.group("empty"):
        return XmlElement(name, match.start(), match.end(), match.end(), match.end(), match.group("attributes"))
    close_start, close_end = close_tag(raw_text, name, match.end(), end, opaque)
    return XmlElement(name, match.start(), match.end(), close_start, close_end, match.group("attributes"))


def child_elements(raw_text: str, parent: XmlElement, opaque: list[tuple[int, int]]) -> list[XmlElement]:
    """The elements directly inside ``parent``."""
    found: list[XmlElement] = []
    position = parent.content_start
    while position < parent.content_end:
        skip = end_of_opaque_span(position, opaque)
        if skip is not None:
            position = skip
            continue
        match = TAG.search(raw_text, position, parent.content_end)
        if match is None:
            break
        skip = end_of_opaque_span(match.start(), opaque)
        if skip is not None:
            position = skip
            continue
        if match.group("close"):
            position = match.end()
            continue
        name = match.group("name").lower()
        if match.group("empty"):
            found.append(XmlElement(name, match.start(), match.end(), match.end(), match.end(), match.group("attributes")))
            position = match.end()
            continue
        close_start, close_end = close_tag(raw_text, match.group("name"), match.end(), parent.content_end, opaque)
        found.append(XmlElement(name, match.start(), match.end(), close_start, close_end, match.group("attributes")))
        position = close_end
    return found


def attribute_value(element: XmlElement | None, name: str) -> str | None:
    """The value of the open tag's attribute ``name`` (lowercase), or None."""
    if element is None:
        return None
    for match in _ATTRIBUTE.finditer(element.attributes):
        if match.group(1).lower() == name:
            return match.group(2) if match.group(2) is not None else match.group(3)
    return None


def append_as_html(
    raw_text: str, element: XmlElement, tag: str, rendering: HtmlRendering, markup: list[str],
    positions: list[int], dropped: list[DroppedBlock], opaque: list[tuple[int, int]], lead: str = "",
) -> None:
    """``element`` as HTML wrapped in ``<tag>``, its tags as ``rendering`` says, the skipped
    elements recorded as dropped; text, entities included, copied with its raw offsets into
    ``markup`` (``positions[k]`` the raw offset of ``markup[k]``, or INSERTED). ``lead``: text a
    reader sees before the element's own (a list item's bullet), inserted."""
    insert_markup(f"<{tag}>{lead}", markup, positions)
    position = element.content_start
    end = element.content_end
    while position < end:
        skip = end_of_opaque_span(position, opaque)
        cdata = CDATA.match(raw_text, position, end)
        if cdata is not None:
            # The inside of CDATA is text: its markup characters are escaped for the HTML reader
            # (decoded there as inserted characters), the others copied.
            for offset in range(cdata.start("inner"), cdata.end("inner")):
                char = raw_text[offset]
                if char in "<&":
                    insert_markup("&lt;" if char == "<" else "&amp;", markup, positions)
                else:
                    markup.append(char)
                    positions.append(offset)
            position = cdata.end()
            continue
        if skip is not None:  # a comment
            position = skip
            continue
        if raw_text[position] != "<":
            markup.append(raw_text[position])
            positions.append(position)
            position += 1
            continue
        match = TAG.match(raw_text, position, end)
        if match is None:
            markup.append(raw_text[position])  # a stray "<"
            positions.append(position)
            position += 1
            continue
        name = match.group("name").lower()
        if not match.group("close") and name in rendering.skipped and not match.group("empty"):
            close_start, close_end = close_tag(raw_text, match.group("name"), match.end(), end, opaque)
            dropped.append(DroppedBlock(match.start(), close_end, rendering.skipped[name]))
            position = close_end
            continue
        html_name = rendering.renamed.get(name, name if name in rendering.kept else None)
        if html_name is not None:
            insert_markup(f"<{match.group('close')}{html_name}{match.group('empty')}>", markup, positions)
        if not match.group("close") and name in rendering.inserted:
            insert_markup(rendering.inserted[name], markup, positions)
        position = match.end()
    insert_markup(f"</{tag}>", markup, positions)


def insert_markup(text: str, markup: list[str], positions: list[int]) -> None:
    """Markup (or text) the raw file does not have at this place: inserted characters."""
    markup.extend(text)
    positions.extend([INSERTED] * len(text))


def copy_content(raw_text: str, element: XmlElement, markup: list[str], positions: list[int]) -> None:
    """An element's content copied as it stands in the raw file, each character mapped to its place."""
    markup.extend(raw_text[element.content_start : element.content_end])
    positions.extend(range(element.content_start, element.content_end))


def gaps_around(read: list[XmlElement], length: int, reason: str) -> list[DroppedBlock]:
    """The raw stretches of a file of ``length`` characters around the elements read, dropped
    with ``reason``: an XML document's records that are not its text."""
    blocks: list[DroppedBlock] = []
    position = 0
    for element in sorted(read, key=lambda element: element.start):
        if element.start > position:
            blocks.append(DroppedBlock(position, element.start, reason))
        position = max(position, element.end)
    if position < length:
        blocks.append(DroppedBlock(position, length, reason))
    return blocks
