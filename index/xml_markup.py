"""Scanning an XML file's elements with exact raw offsets, shared by the feed reader
(``index.feeds``) and the NITF reader (``index.nitf_documents``).

No XML parser is used: a parser reports no offsets into the raw text, stops at the first error
of a hand-saved file, and would expand entity declarations a hostile file defines. Instead the
readers find tags with patterns and skip CDATA sections and comments, whose "<" and ">" are
text, never tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CDATA = re.compile(r"<!\[CDATA\[(?P<inner>.*?)\]\]>", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# What may precede the root element: a byte-order mark, processing instructions (the XML declaration,
# a stylesheet), comments, a doctype (NITF's names its DTD).
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
