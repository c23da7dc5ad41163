"""A document an online editor publishes to the web (Google Docs' "Publish to the web") -> the
document's text, every character mapped to the raw file.

Such a page is known by its markup: the document is one
``<div class="... doc-content">``, its paragraphs ``<p class="c3">`` with their text split over
generated ``<span class="c1">``s. Everything outside that div is the editor's: the publishing
banner ("Published using Google Docs", "Report abuse", the document's name again, "Updated
automatically every 5 minutes"), the style sheet and the footer. Inside it, the editors'
comments are printed after the text: each opens with a link back to its anchor
(``href="#cmnt_ref1"``) and is the staff's note, not the published document, so it is dropped
whole; the anchors themselves ("[a]" after a sentence) are markers, left out of the text.
"""

from __future__ import annotations

import logging
import re

from index.html_text import copied_markup_source, element_end
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText

logger = logging.getLogger(__name__)

_DOCUMENT_DIV = re.compile(r"""<div\b[^>]*\bclass\s*=\s*["'][^"']*\bdoc-content\b[^"']*["'][^>]*>""", re.IGNORECASE)
# A comment's anchor in the text: "<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>".
_COMMENT_ANCHOR = re.compile(
    r"""(?:<sup>\s*)?<a\b[^>]*\bhref\s*=\s*["']#cmnt\d+["'][^>]*>[^<]*</a>(?:\s*</sup>)?""", re.IGNORECASE
)
# A printed comment's link back to its anchor: "<a href="#cmnt_ref1" id="cmnt1">[a]</a>".
_COMMENT_BACKLINK = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']#cmnt_ref\d+["']""", re.IGNORECASE)
_OPEN = re.compile(r"<(div|p)\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title\b[^>]*>(?P<title>[^<]*)</title>", re.IGNORECASE)


def published_document_source(raw_html: str, visible: SourceText) -> SourceText | None:
    """The published document's text, its comments and their anchors left out; None when the page
    is no published document. ``visible`` (the whole page as ``index.html_text`` reads it) gives
    the page's hints (its ``<title>`` is the document's name)."""
    opening = _DOCUMENT_DIV.search(raw_html)
    if opening is None:
        return None
    start, end = opening.end(), element_end(raw_html, "div", opening.end())
    left_out = sorted(_comment_spans(raw_html, start, end) + [(m.start(), m.end()) for m in _COMMENT_ANCHOR.finditer(raw_html, start, end)])
    markup: list[str] = []
    positions: list[int] = []
    dropped: list[DroppedBlock] = []
    position = start
    for span_start, span_end in left_out:
        if span_start < position:
            continue
        markup.extend(raw_html[position:span_start])
        positions.extend(range(position, span_start))
        dropped.append(DroppedBlock(span_start, span_end, "document-comment"))
        position = span_end
    markup.extend(raw_html[position:end])
    positions.extend(range(position, end))
    document = copied_markup_source(raw_html, markup, positions, start)
    dropped += document.dropped
    dropped += [DroppedBlock(0, opening.start(), "editor-chrome"), DroppedBlock(end, len(raw_html), "editor-chrome")]
    title = _TITLE.search(raw_html)
    logger.info("published document: %d comments and anchors left out", len(left_out))
    return SourceText(
        text=document.text,
        raw_index=document.raw_index,
        dropped=tuple(sorted(dropped, key=lambda block: (block.raw_start, block.raw_end))),
        hints=PageHints(title=visible.hints.title if visible.hints.title else (title.group("title").strip() if title else None)),
        table_rows=document.table_rows,
    )


def _comment_spans(raw_html: str, start: int, end: int) -> list[tuple[int, int]]:
    """The raw span of each printed comment: the innermost div (or else the paragraph) that holds
    its link back to the anchor, short of the document's own div."""
    spans: list[tuple[int, int]] = []
    for backlink in _COMMENT_BACKLINK.finditer(raw_html, start, end):
        holders: dict[str, tuple[int, int]] = {}
        for tag in _OPEN.finditer(raw_html, start, backlink.start()):
            name = tag.group(1).lower()
            close = element_end(raw_html, name, tag.end())
            if close >= backlink.end():
                holders[name] = (tag.start(), close)  # the last one opened is the innermost
        holder = holders.get("div", holders.get("p"))
        if holder is not None:
            spans.append(holder)
    return spans
