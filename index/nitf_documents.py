"""A news agency's item in NITF (the IPTC's News Industry Text Format) -> its article, every
character mapped to the raw file.

An NITF file is recognised by its root element (``looks_like_nitf``), whatever its name says.
The article is what a client prints: the ``<hedline>`` (``<hl1>`` the headline, ``<hl2>`` the
standfirst), the ``<byline>``, the ``<dateline>`` of ``<body.head>``, then the paragraphs, lists,
tables and boxes (``<block>``, with an ``<hl2>`` heading) of ``<body.content>``. Everything else
is the agency's: the ``<head>`` (title, meta, docdata with ids, urgency, dates, copyright, rights,
the editors' message, keywords), the editors' ``<note>``, the ``<abstract>`` (a client's summary
that repeats the lead), the ``<distributor>``, media with their captions, and ``<body.end>``
(tagline with reporting credits, bibliography).

The kept elements are handed to ``index.html_text`` as HTML (NITF's block elements renamed, its
inline ones such as ``<person>`` or ``<location>`` left out as tags), so a factbox's table keeps
its rows and the page rules treat the lines as any page's. Entities decode to inserted characters
and a CDATA section's inside is text; every other kept character is a verbatim copy.
"""

from __future__ import annotations

import logging
import re

from index.html_text import copied_markup_source, html_to_source
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText
from index.xml_markup import (
    HTML_NAMES,
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

_ROOT = re.compile(r"<nitf\b[^>]*>", re.IGNORECASE)
# The header fields a client prints, in <body.head>; its other children are the agency's.
_PRINTED_HEADER = ("hedline", "byline", "dateline")
# NITF's block elements, as the HTML element the page reader knows: a box is a division, its
# headings are headings, a quotation block a blockquote, a footnote a paragraph; its elements
# shared with HTML kept as they are. Elements of body.content that are not the article's text: a
# photo and its caption, an editors' note, a table of contents-like series marker.
_NITF_AS_HTML = HtmlRendering(
    renamed={"hl1": "h2", "hl2": "h2", "block": "div", "bq": "blockquote", "fn": "p", "credit": "p"},
    kept=HTML_NAMES,
    skipped={"media": "nitf-media", "note": "nitf-note", "series": "nitf-metadata"},
)
# NITF's compact date: "20441016T231500+0100".
_NORM_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?([+-]\d{2})?(\d{2})?)?")


def looks_like_nitf(raw_text: str) -> bool:
    """An NITF document: its root element, after the prologue, is ``<nitf>``."""
    return _ROOT.match(raw_text, root_start(raw_text)) is not None


def nitf_problem(raw_text: str) -> str | None:
    """Why an NITF file cannot be read as an article, or None. The reader is tolerant inside the
    article (an unclosed ``<p>`` ends at the next block), but an item whose ``<body.content>`` or
    root is never closed was cut short, and reading it would index half a story as the whole."""
    opaque = opaque_spans(raw_text)
    root = find_element(raw_text, "nitf", 0, len(raw_text), opaque)
    if root is None or root.content_end == root.end:
        return "the <nitf> root element is never closed (a truncated or malformed file)"
    content = _body_content(raw_text, root, opaque)
    if content is None:
        return "the NITF item has no <body.content> element (no article text)"
    if content.content_end == content.end:
        return "the NITF item's <body.content> is never closed (a truncated or malformed file)"
    return None


def nitf_source(raw_text: str) -> SourceText:
    """The item's printed header and body.content, one block per line, mapped to raw offsets;
    the rest recorded as dropped.

    >>> item = ('<nitf><head><title>Dam holds</title></head><body><body.head><hedline><hl1>Dam holds'
    ...         '</hl1></hedline></body.head><body.content><p>The dam &amp; the weir held.</p>'
    ...         '</body.content><body.end><tagline>Reporting by Jo</tagline></body.end></body></nitf>')
    >>> nitf_source(item).text
    'Dam holds\\nThe dam & the weir held.'
    """
    opaque = opaque_spans(raw_text)
    root = find_element(raw_text, "nitf", 0, len(raw_text), opaque)
    if root is None:
        raise ValueError("not an NITF document: no <nitf> root element; check looks_like_nitf first")
    body_head = find_element(raw_text, "body.head", root.content_start, root.content_end, opaque)
    content = _body_content(raw_text, root, opaque)
    kept: list[XmlElement] = []
    if body_head is not None:
        kept += [child for child in child_elements(raw_text, body_head, opaque) if child.name in _PRINTED_HEADER]
    if content is not None:
        kept.append(content)
    markup: list[str] = []
    positions: list[int] = []
    dropped: list[DroppedBlock] = []
    hedline_texts: dict[str, str] = {}
    for element in kept:
        if element.name == "hedline":
            for child in child_elements(raw_text, element, opaque):
                tag = "h1" if child.name == "hl1" else "p"
                append_as_html(raw_text, child, tag, _NITF_AS_HTML, markup, positions, dropped, opaque)
                hedline_texts.setdefault(child.name, _plain(raw_text, child))
        elif element.name == "body.content":
            append_as_html(raw_text, element, "div", _NITF_AS_HTML, markup, positions, dropped, opaque)
        else:
            append_as_html(raw_text, element, "p", _NITF_AS_HTML, markup, positions, dropped, opaque)
    read = copied_markup_source(raw_text, markup, positions, 0)
    dropped += read.dropped
    dropped += gaps_around(kept, len(raw_text), "nitf-metadata")
    byline = next((element for element in kept if element.name == "byline"), None)
    return SourceText(
        text=read.text,
        raw_index=read.raw_index,
        dropped=tuple(sorted(dropped, key=lambda block: (block.raw_start, block.raw_end))),
        hints=PageHints(
            title=hedline_texts.get("hl1"),
            headings=tuple(heading for heading in [hedline_texts.get("hl1")] if heading),
            published=_issue_date(raw_text, root, opaque),
            authors=_byline_people(raw_text, byline, opaque),
            publisher=_copyright_holder(raw_text, root, opaque),
        ),
        table_rows=read.table_rows,
    )





def _body_content(raw_text: str, root: XmlElement, opaque: list[tuple[int, int]]) -> XmlElement | None:
    """The body's ``<body.content>``: an editors' note in body.head may hold one of its own."""
    body_head = find_element(raw_text, "body.head", root.content_start, root.content_end, opaque)
    start = body_head.end if body_head is not None else root.content_start
    return find_element(raw_text, "body.content", start, root.content_end, opaque)


def _plain(raw_text: str, element: XmlElement) -> str:
    """An element's text, tags out, entities decoded, whitespace collapsed (for the hints)."""
    return html_to_source(raw_text[element.content_start:element.content_end]).text.replace("\n", " ").strip()


def _issue_date(raw_text: str, root: XmlElement, opaque: list[tuple[int, int]]) -> str | None:
    """The item's issue date (docdata's ``date.issue``, else the publication's date) as ISO 8601."""
    issue = attribute_value(find_element(raw_text, "date.issue", root.content_start, root.content_end, opaque), "norm")
    if issue is None:
        issue = attribute_value(find_element(raw_text, "pubdata", root.content_start, root.content_end, opaque), "date.publication")
    return _iso_date(issue) if issue else None


def _iso_date(norm: str) -> str | None:
    """"20441016T231500+0100" -> "2044-10-16T23:15:00+01:00"; "20441016" -> "2044-10-16"."""
    match = _NORM_DATE.match(norm.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, zone_hours, zone_minutes = match.groups()
    date = f"{year}-{month}-{day}"
    if hour is None:
        return date
    zone = f"{zone_hours}:{zone_minutes or '00'}" if zone_hours else ""
    return f"{date}T{hour}:{minute}:{second or '00'}{zone}"


def _byline_people(raw_text: str, byline: XmlElement | None, opaque: list[tuple[int, int]]) -> tuple[str, ...]:
    """The people a byline names in its ``<person>`` elements."""
    if byline is None:
        return ()
    return tuple(_plain(raw_text, child) for child in child_elements(raw_text, byline, opaque) if child.name == "person")


def _copyright_holder(raw_text: str, root: XmlElement, opaque: list[tuple[int, int]]) -> str | None:
    """The agency that holds the item's copyright (docdata's ``doc.copyright holder``), without
    the spelled-out or short form it adds in brackets ("Example Press (EXP)" -> "Example Press")."""
    holder = attribute_value(find_element(raw_text, "doc.copyright", root.content_start, root.content_end, opaque), "holder")
    if holder is None:
        return None
    return _BRACKETED_FORM.sub("", holder).strip() or holder.strip()


_BRACKETED_FORM = re.compile(r"\s*\([^()]*\)\s*$")
