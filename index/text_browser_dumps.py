"""A page saved by a text browser (``lynx -dump``, ``links -dump``) -> the text its reader saw,
every character mapped to the raw file.

A text browser prints each link's number before its text ("By [17]Jo Bloggs") and closes the
page with the list of the numbered addresses under "References" ("17. https://example.org/..."):
the list and markers that match it recognise the dump (``looks_like_text_browser_dump``). It wraps
every paragraph into lines of the screen's width, sets a table's cells in columns of spaces, and
prints what it cannot show as a marker: the page's head links ("#[1]News feed"), a frame
("IFRAME: [21]https://..."), a form's text field as a row of underscores ("Search: ______").

The source text is what the page showed, the way ``index.html_text`` reads an HTML page: a
paragraph's wrapped lines joined into one line (an inserted space where the browser broke the
line), link markers left out (the link's text is kept), a table's lines flagged as rows
(``index.text_tables``; ``SourceText.table_rows``, kept below the headline like an HTML
table's). The reference list, the head links, frames and form fields render as nothing the
article says: dropped whole and recorded. Kept characters are verbatim copies, so a citation still points at the raw file.
"""

from __future__ import annotations

import logging
import re

from index import text_tables
from index.records import DroppedBlock
from index.source_text import SourceText, TextBuilder
from index.text_shape import RawLine, raw_lines, runs_on

logger = logging.getLogger(__name__)

MIN_REFERENCES = 3  # numbered addresses under the heading, with their markers in the text

# The heading of the address list: "References" (lynx), "Visible links" / "Hidden links:" (older
# lynx, links).
_REFERENCES_HEADING = re.compile(r"^\s*(?:references|visible links|hidden links)\s*:?\s*$", re.IGNORECASE)
# One numbered address of the list: "  17. https://example.org/author/jo/".
_REFERENCE_ENTRY = re.compile(r"^\s*(?P<number>\d{1,4})\.\s+[a-z][a-z0-9+.-]*:\S*\s*$", re.IGNORECASE)
# A link's number before its text: "[17]".
_MARKER = re.compile(r"\[(?P<number>\d{1,4})\]")
# Lines that render as nothing the page says: the head's links ("#[1]News feed [2]Comments"), a
# frame's link, its address or its name ("IFRAME: [21]https://...", "IFRAME: [22]Video player"), a
# form's text field ("[13]Search: ______ [14]Go").
_HEAD_LINKS = re.compile(r"^\s*#\[\d{1,4}\]")
_FRAME = re.compile(r"^\s*i?frame:\s*\[\d{1,4}\]\S.{0,80}$", re.IGNORECASE)
_TEXT_FIELD = re.compile(r"_{5,}")
# A list item as the browser prints it: a bullet ("*", "+", "o") or a number.
_LIST_ITEM = re.compile(r"^\s*(?:[*+o#@-]|\d{1,3}[.)])\s+\S")


def looks_like_text_browser_dump(raw_text: str) -> bool:
    """A "References" list of numbered addresses whose numbers the page's text prints as link
    markers ("[17]Jo Bloggs"): a page as a text browser dumps it. An article's own "References"
    section cites sources by name, and a Markdown page writes "[text](url)"."""
    lines = raw_text.split("\n")
    listed = _reference_numbers(lines)
    if len(listed) < MIN_REFERENCES:
        return False
    cited = {int(match.group("number")) for match in _MARKER.finditer(raw_text)}
    return len(listed & cited) >= MIN_REFERENCES


def _reference_numbers(lines: list[str]) -> set[int]:
    start = _references_start(lines)
    if start is None:
        return set()
    return {int(match.group("number")) for line in lines[start:] if (match := _REFERENCE_ENTRY.match(line))}


def _references_start(lines: list[str]) -> int | None:
    """Index of the last heading of the address list that only numbered addresses follow."""
    for i in range(len(lines) - 1, -1, -1):
        if _REFERENCES_HEADING.match(lines[i]):
            rest = [line for line in lines[i + 1:] if line.strip()]
            if rest and all(_REFERENCE_ENTRY.match(line) or _REFERENCES_HEADING.match(line) for line in rest):
                return i
    return None


def dump_source(raw_text: str) -> SourceText:
    """The text a text browser's dump showed, one paragraph per line, mapped to raw offsets.

    >>> page = "   By [1]Jo Bloggs, who saw the fire start at\\n   the station.\\n\\nReferences\\n\\n   1. https://example.org/jo"
    >>> dump_source(page).text.split("\\n")[0]
    '   By Jo Bloggs, who saw the fire start at the station.'
    """
    lines = raw_lines(raw_text)
    references = _references_start([line.text for line in lines])
    end_of_text = references if references is not None else len(lines)
    dropped: list[DroppedBlock] = []
    if references is not None:
        dropped.append(DroppedBlock(lines[references].start, len(raw_text), "link-references"))
    width = _wrap_width(lines[:end_of_text])
    table_lines = text_tables.table_lines([line.text for line in lines[:end_of_text]])
    builder = TextBuilder(raw_text)
    table_rows: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if i:
            previous = lines[i - 1]
            if i < end_of_text and _joins(previous, line, width, table_lines, i):
                if not previous.text.rstrip().endswith("-"):
                    builder.insert(" ")
                _copy_text(builder, line, line.indent)
                continue
            builder.copy(line.start - 1)  # the newline before this line
        if i >= end_of_text:
            continue
        reason = _unshown_reason(line.text)
        if reason is not None:
            dropped.append(DroppedBlock(line.start, line.start + len(line.text), reason))
            continue
        row_start = len(builder.chars)
        _copy_text(builder, line, 0)
        if i in table_lines:
            table_rows.append((row_start, len(builder.chars)))
    return SourceText(
        text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped), table_rows=tuple(table_rows)
    )


def _unshown_reason(text: str) -> str | None:
    if _HEAD_LINKS.match(text):
        return "feed-links"
    if _FRAME.match(text):
        return "embed"
    if _TEXT_FIELD.search(text):
        return "form"
    return None


def _copy_text(builder: TextBuilder, line: RawLine, start: int) -> None:
    """Copy ``line`` from ``start`` without its link markers."""
    cursor = start
    for match in _MARKER.finditer(line.text, start):
        for offset in range(cursor, match.start()):
            builder.copy(line.start + offset)
        cursor = match.end()
    for offset in range(cursor, len(line.text)):
        builder.copy(line.start + offset)


def _joins(previous: RawLine, line: RawLine, width: int | None, table_lines: set[int], index: int) -> bool:
    """``line`` goes on with the paragraph of the line above: both set at the same indent, neither
    a table's row nor a marker line, ``line`` no new list item, and the text above was cut by the
    wrap (``index.text_shape.runs_on``)."""
    if previous.blank or line.blank or previous.indent != line.indent:
        return False
    if index in table_lines or index - 1 in table_lines or _LIST_ITEM.match(line.text):
        return False
    if _unshown_reason(previous.text) is not None or _unshown_reason(line.text) is not None:
        return False
    return runs_on(previous.text.rstrip(), line.text.strip(), width)


def _wrap_width(lines: list[RawLine]) -> int | None:
    """The width the browser wrapped to: the median length (with the indent and markers, as the
    browser counted) of the lines that surely run on, the next line opening in lowercase."""
    lengths = sorted(
        len(line.text.rstrip())
        for line, following in zip(lines, lines[1:])
        if not line.blank and not following.blank and following.indent == line.indent
        and runs_on(line.text.rstrip(), following.text.strip(), None)
    )
    return lengths[len(lengths) // 2] if lengths else None
