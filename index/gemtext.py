"""A Gemini capsule's page saved as gemtext -> the text its reader shows, every character mapped
to the raw file.

Gemtext gives every line one type by its first characters: "=> URL label" a link, "#"/"##"/"###"
a heading, "* " a list item, "> " a quote, and a line of three backquotes opens or closes a
preformatted block, whose first fence may carry alt text. So the page is recognised by its link
lines (``looks_like_gemtext``), which no scraped article prints: LINK_LINES_MIN of them, each an
arrow at the line's start followed by an address.

What the reader of the page sees as text:
- A link line is navigation, even inside the article: its label names a document, not a fact.
  It is left out and recorded.
- A heading's, a quote's and a list item's markers are left out. Gemtext has no inline links, so
  a list item is never a link's title: without its bullet, the text rules read it as the text it
  is, not as an item of a list of links.
- A preformatted block is drawn, not written: an ASCII-art banner, a footer in a box. The rows of
  a table of figures set in it (``index.text_tables``) are kept as table rows, the fences and the
  rules of dashes around them are not.
- The lines above the page's first "# " heading are the capsule's banner (its name drawn in a
  preformatted block, a tagline, a menu of link lines).
- A heading whose section holds only link lines and short lines, no sentence of prose ("Recent
  posts", "Mentions": links from other capsules, a guestbook's link), heads a list of links:
  it and its lines are left out with them.
"""

from __future__ import annotations

import logging
import re

from index import text_tables
from index.records import DroppedBlock
from index.source_text import SourceText, TextBuilder
from index.text_shape import RawLine, is_prose, raw_lines

logger = logging.getLogger(__name__)

LINK_LINES_MIN = 2  # one "=> x" line may be an arrow in prose; a page of them is a capsule

# "=> gemini://host/path label", "=> /local.gmi label", "=> https://... label".
_LINK_LINE = re.compile(r"^=>[ \t]*(?:[a-z][a-z0-9+.-]*://\S+|/\S*|\S+\.gmi\b\S*)(?:[ \t]+.*)?$")
_FENCE = "```"
_HEADING = re.compile(r"^#{1,3}[ \t]*")
_TOP_HEADING = re.compile(r"^#[ \t]+(?=\S)")
_QUOTE = re.compile(r"^>[ \t]?")
_LIST_ITEM = re.compile(r"^\*[ \t]+")
# A rule drawn across a table: dashes, equals signs, plus signs and bars only.
_RULE = re.compile(r"^[ \t]*[-=+|: \t]{3,}$")


def looks_like_gemtext(raw_text: str) -> bool:
    """LINK_LINES_MIN link lines or more ("=> gemini://host/ Home")."""
    count = 0
    for line in raw_text.split("\n"):
        if _LINK_LINE.match(line):
            count += 1
            if count >= LINK_LINES_MIN:
                return True
    return False


def gemtext_source(raw_text: str) -> SourceText:
    """The page as a Gemini client shows it, one raw line per line.

    >>> page = "# Floods\\n=> gemini://x.example/ Home\\n=> /news.gmi News\\n"
    >>> gemtext_source(page + "The river rose two metres overnight, the council said.").text
    'Floods\\n\\n\\nThe river rose two metres overnight, the council said.'
    """
    lines = raw_lines(raw_text)
    blocks = _preformatted_blocks(lines)
    rows = _preformatted_table_rows(lines, blocks)
    dropped = _dropped_lines(lines, blocks, rows)
    builder = TextBuilder(raw_text)
    dropped_blocks: list[DroppedBlock] = []
    table_rows: list[tuple[int, int]] = []
    for number, line in enumerate(lines):
        if number:
            builder.copy(line.start - 1)  # the newline before this line
        if number in dropped:
            dropped_blocks.append(DroppedBlock(line.start, line.start + len(line.text), dropped[number]))
            continue
        marker = _HEADING.match(line.text) or _QUOTE.match(line.text) or _LIST_ITEM.match(line.text)
        start = len(line.text) - len(line.text.lstrip()) if number in rows else (marker.end() if marker else 0)
        row_start = len(builder.chars)
        for offset in range(start, len(line.text)):
            builder.copy(line.start + offset)
        if number in rows:
            table_rows.append((row_start, len(builder.chars)))
    return SourceText(text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped_blocks), table_rows=tuple(table_rows))


def _dropped_lines(lines: list[RawLine], blocks: list[tuple[int, int]], rows: set[int]) -> dict[int, str]:
    """Link lines, preformatted blocks but for their table rows, the sections of links, and the
    capsule's banner: the lines above the page's first "# " heading, its title (a tagline, a
    menu of links), as a gemtext page has no other header."""
    dropped: dict[int, str] = {}
    for first, last in blocks:
        fences = (first, last) if last < len(lines) else (first,)
        dropped.update((number, "preformatted") for number in fences)
        dropped.update(
            (number, "preformatted") for number in range(first + 1, last) if number not in rows and not lines[number].blank
        )
    preformatted = {number for first, last in blocks for number in range(first, last + 1)}
    dropped.update(
        (number, "link-line") for number, line in enumerate(lines)
        if number not in preformatted and _LINK_LINE.match(line.text)
    )
    dropped.update(_link_sections(lines, dropped))
    top = next((number for number, line in enumerate(lines) if number not in dropped and _TOP_HEADING.match(line.text)), None)
    if top is not None:
        dropped.update((number, "masthead") for number in range(top) if number not in dropped and not lines[number].blank)
    return dropped


def _preformatted_table_rows(lines: list[RawLine], blocks: list[tuple[int, int]]) -> set[int]:
    """The rows of a table of figures set in a preformatted block: when its lines hold a table
    (``text_tables``), every line of it but the rules, so a Total row with an empty cell stays
    with the rows above it."""
    rows: set[int] = set()
    for first, last in blocks:
        block = [line.text for line in lines[first + 1:last]]
        if not text_tables.table_lines(block):
            continue
        rows.update(first + 1 + i for i, text in enumerate(block) if text.strip() and not _RULE.match(text))
    return rows


def _preformatted_blocks(lines: list[RawLine]) -> list[tuple[int, int]]:
    """(opening fence, closing fence) of each preformatted block; an unclosed block runs to the end."""
    blocks: list[tuple[int, int]] = []
    opening: int | None = None
    for number, line in enumerate(lines):
        if not line.text.startswith(_FENCE):
            continue
        if opening is None:
            opening = number
        else:
            blocks.append((opening, number))
            opening = None
    if opening is not None:
        blocks.append((opening, len(lines)))
    return blocks


def _link_sections(lines: list[RawLine], dropped: dict[int, str]) -> dict[int, str]:
    """A heading and its section, up to the next heading, when the section has a link line and
    no prose: what is left of it are labels and notes ("Capsules that linked to this post:")."""
    sections: dict[int, str] = {}
    headings = [number for number, line in enumerate(lines) if _HEADING.match(line.text) and number not in dropped]
    for position, heading in enumerate(headings):
        end = headings[position + 1] if position + 1 < len(headings) else len(lines)
        section = range(heading + 1, end)
        links = [number for number in section if dropped.get(number) == "link-line"]
        text = [number for number in section if number not in dropped and not lines[number].blank]
        if links and not any(is_prose(_QUOTE.sub("", lines[number].content)) for number in text):
            sections.update((number, "link-list") for number in [heading, *text])
    return sections
