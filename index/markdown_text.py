"""A page saved as Markdown (a read-later app's export, a site's Markdown dump) -> the text a
reader of the rendered page sees, every character mapped to the raw file.

The export is stored as plain text, so it is recognised by its markup (``looks_like_markdown``):
ATX headings ("## The fall") and inline links ("[Greyfell](https://...)"). The rules of
``index.cleaning`` then read what the rendered page shows: "## Table of contents" is the heading
"Table of contents", "**About the author:** ..." an author box, "By [Jo Bloggs](url) | 12 May
2033" a byline with its date. Markup is left out of the source text the way ``index.html_text``
leaves out tags: heading and quote markers, emphasis asterisks, a link's address (its text is
kept). A line that renders as no text is dropped whole and recorded: a picture ("![alt](url)")
and a reference definition ("[1]: https://..."), the address list a Markdown page closes with.
A footnote's marker ("[^2]") renders as a superscript link, no words, so it is left out too, and
a footnote's text is read without its "[^2]:" label, or dropped when it only cites a source
("[^1]: Port authority, annual report, 12 May 2034."). A contents marker ("[TOC]") and a pipe
table's delimiter row ("|---|---:|") render as no words and are dropped; the table's rows are
reported as a data table's rows, so the text rules keep them. A static site's source (``index.static_site``)
is Markdown too: its front matter is left out but for the headline, date and byline fields, read
as their values, and so are its template calls and comments.
Kept characters are verbatim copies, so a citation still points at the raw file.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from index.document_styles import is_furniture_style
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText, TextBuilder
from index.static_site import SiteMarkup, front_matter_end, read_site_markup
from index.text_shape import RawLine, raw_lines

logger = logging.getLogger(__name__)

MIN_HEADINGS = 2  # one "# " line may be a hashtag-less comment; two headings and a link are Markdown

_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_INLINE_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
# A line that renders as no text: a picture alone, or a reference definition "[1]: https://...".
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}\n]*\})?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?\S+>?(?:\s+[\"'(][^\"')]*[\"')])?\s*$")
# A marker the site's renderer replaces with the post's table of contents ("[TOC]", "[[_TOC_]]",
# "{:toc}"), a list of the headings the page shows anyway.
_CONTENTS_MARKER = re.compile(r"^[ \t]*(?:\[TOC\]|\[\[_TOC_\]\]|\{:\s*toc\s*\}|\[\[toc\]\])[ \t]*$", re.IGNORECASE)
# A pipe table's delimiter row under its header row ("|---|---:|", ":--- | ---"): it renders as
# the table's rule, no text. The rows above and below it are the table's.
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|?[^|\n]*\|")
# A grid table (pandoc's, reStructuredText's) is drawn: its borders ("+----+----+", the head's
# "+====+====+") render as the table's rules, no text; the "| ... | ... |" lines between them are
# its rows (a cell's text wrapped onto the next line stays a row line of its own).
_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]{3,}\+)+[ \t]*$")
_GRID_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
# A fenced div's fences (pandoc's "::: {custom-style=...}" ... ":::") render as no text: the div's
# lines are read as what they are.
_DIV_FENCE = re.compile(r"^[ \t]*:{3,}(?:[ \t]*(?:\{[^}\n]*\}|[\w-]+)[ \t]*:*)?[ \t]*$")
# A line that starts a block of its own, never a paragraph's next line: an ATX heading, a quote,
# a table's row or border, a fence, a picture, a reference definition, a thematic break.
_BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}(?:[ \t]|$)|>|\||\+[-=]|:{3}|`{3}|~{3}|!\[|\[[^\]]+\]:|(?:[-*_][ \t]*){3,}$)")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
# A Word document's paragraph style, carried by pandoc as a div's custom style: one that marks the
# document's furniture (``index.document_styles``) drops the div's lines whole.
_CUSTOM_STYLE = re.compile(r"""custom-style\s*=\s*["']?(?P<name>[\w -]*)""", re.IGNORECASE)
# A raw block for another output format ("```{=openxml}", "```{=latex}": a Word page break, a
# LaTeX command) is passed to that format only; the rendered page shows nothing of it.
_RAW_BLOCK_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*\{=[\w-]+\}[ \t]*$")
# A footnote that only cites its source: a few short parts parted by commas, the last a date or a
# year ("[^1]: Port authority, annual report, 12 May 2034."). Its text says where a figure comes
# from, as a printed page's reference does; a footnote that explains (a sentence of its own) is
# read as the text it adds.
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*(?P<text>.*)$")
_CITATION_END = re.compile(r"(?:\b(?:1[89]|2\d)\d\d|\b\d{1,2} [A-Z][a-z]+ \d{4}|\b[A-Z][a-z]+ \d{1,2}, \d{4})\.?$")
CITATION_PART_MAX_WORDS = 8
# Markers at the start of a line: block quotes ("> "), then an ATX heading's hashes ("## ") or a
# footnote's label ("[^2]: ").
_LINE_MARKERS = re.compile(r"^(?:[ \t]*>[ \t]?)*(?:#{1,6}[ \t]+|[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*)?")
_HEADING_CLOSER = re.compile(r"[ \t]+#+[ \t]*$")
# Inline markup: a picture and a footnote's marker "[^2]" (left out whole), a link "[text](url)"
# or "[text][ref]" or a span "[text]{.underline}" (its text kept), an attribute block
# ("{#synopsis .unnumbered}" after a heading: an id and classes, no text), a run of emphasis
# asterisks, a backslash that ends the line (a hard line break).
_INLINE = re.compile(
    r"(?P<image>!\[[^\]]*\]\([^)]*\)(?:\{[^}\n]*\})?)|(?P<footnote>\[\^[^\]\s]+\])|"
    r"\[(?P<text>[^\]\n]+)\](?:\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\]|\{[^}\n]*\})|"
    r"(?P<attributes>\{[#.][^}\n]*\})|(?P<stars>\*{1,3})|(?P<hard_break>\\$)"
)


def looks_like_markdown(raw_text: str) -> bool:
    """Headings with "#" markers and at least one inline link or picture: the markup of a
    Markdown file, which no scraped text page prints; or a static site's front matter opening
    the page (``index.static_site``)."""
    if len(_HEADING.findall(raw_text)) >= MIN_HEADINGS and _INLINE_LINK.search(raw_text) is not None:
        return True
    return raw_text.startswith(("---", "+++")) and front_matter_end(raw_lines(raw_text)) is not None


def is_markdown_document(raw_text: str) -> bool:
    """A Markdown file that is a page: it opens with front matter or has a "#" heading. A folder of
    pages may hold a note about them ("notes.md": a line or two of plain words), which is not one."""
    return _HEADING.search(raw_text) is not None or looks_like_markdown(raw_text)


def markdown_source(raw_text: str) -> SourceText:
    """The rendered text of a Markdown page, one raw line per line, mapped to raw offsets.

    >>> markdown_source("## The [fall](https://example.org/fall)\\n**Bold** text").text
    'The fall\\nBold text'
    """
    builder = TextBuilder(raw_text)
    dropped: list[DroppedBlock] = []
    lines = raw_lines(raw_text)
    site = read_site_markup(lines)
    table_lines = _pipe_table_lines(lines) | _grid_table_lines(lines)
    raw_blocks = _raw_block_lines(lines)
    furniture_divs = _furniture_div_lines(lines)
    soft_breaks = _soft_breaks(lines, site) - furniture_divs - raw_blocks
    table_rows: list[tuple[int, int]] = []
    for number, raw_line in enumerate(lines):
        line, position = raw_line.text, raw_line.start
        if number in soft_breaks:
            # A paragraph's next line: the break between them renders as a space, so a paragraph
            # wrapped at a column is one line of text and the rules judge it whole.
            builder.insert(" ")
            indent = len(line) - len(line.lstrip(" \t"))
            _copy_rendered(line[indent:], position + indent, builder)
            continue
        if number:
            builder.copy(position - 1)  # the newline before this line
        end = position + len(line)
        if number in site.dropped:
            dropped.append(DroppedBlock(position, end, site.dropped[number]))
        elif number in site.values:
            value_start, value_end = site.values[number]
            _copy_inline(line, position, value_start, value_end, builder)
        elif number in furniture_divs:
            dropped.append(DroppedBlock(position, end, "document-furniture"))
        elif number in raw_blocks:
            dropped.append(DroppedBlock(position, end, "raw-block"))
        elif _DIV_FENCE.match(line):
            dropped.append(DroppedBlock(position, end, "div-fence"))
        elif _IMAGE_LINE.match(line) or _REFERENCE_DEFINITION.match(line):
            reason = "image" if _IMAGE_LINE.match(line) else "link-reference"
            dropped.append(DroppedBlock(position, end, reason))
        elif _CONTENTS_MARKER.match(line):
            dropped.append(DroppedBlock(position, end, "contents"))
        elif table_lines.get(number) in ("delimiter", "border"):
            dropped.append(DroppedBlock(position, end, "table-rule"))
        elif _is_citation_footnote(line):
            dropped.append(DroppedBlock(position, end, "footnote-citation"))
        else:
            row_start = len(builder.chars)
            _copy_rendered(line, position, builder)
            if table_lines.get(number) == "row":
                table_rows.append((row_start, len(builder.chars)))
    return SourceText(
        text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped), hints=_rendered_hints(site, lines),
        table_rows=tuple(table_rows),
    )


def _rendered_hints(site: SiteMarkup, lines: list[RawLine]) -> PageHints:
    """The front matter's hints with the title as it renders ("The *Aurelia* sails" -> "The
    Aurelia sails"), as the headline line shows it."""
    if site.hints.title is None:
        return site.hints
    for number, (value_start, value_end) in sorted(site.values.items()):
        if lines[number].text[value_start:value_end] == site.hints.title:
            builder = TextBuilder(lines[number].text)
            _copy_inline(lines[number].text, 0, value_start, value_end, builder)
            return replace(site.hints, title=builder.text())
    return site.hints


def _pipe_table_lines(lines: list[RawLine]) -> dict[int, str]:
    """"delimiter" for each pipe table's delimiter row, "row" for its header row right above and
    for the rows that follow it without a break."""
    found: dict[int, str] = {}
    for number, raw_line in enumerate(lines):
        if not _TABLE_DELIMITER.match(raw_line.text) or number == 0 or not _TABLE_ROW.match(lines[number - 1].text):
            continue
        found[number - 1], found[number] = "row", "delimiter"
        following = number + 1
        while following < len(lines) and _TABLE_ROW.match(lines[following].text):
            found[following] = "row"
            following += 1
    return found


def _soft_breaks(lines: list[RawLine], site: SiteMarkup) -> set[int]:
    """The lines that go on with the paragraph, list item or footnote of the line above: neither
    is empty or starts a block of its own (a heading, a list item, a quote, a table, a fence, a
    footnote, a picture), and the line above does not end in a hard line break (a backslash, two
    spaces)."""
    found: set[int] = set()
    for number in range(1, len(lines)):
        above, line = lines[number - 1].text, lines[number].text
        if number in site.dropped or number in site.values or number - 1 in site.dropped or number - 1 in site.values:
            continue
        if not above.strip() or not line.strip() or above.endswith(("\\", "  ")):
            continue
        if _BLOCK_START.match(above) and not _LIST_ITEM.match(above) and not _FOOTNOTE_DEFINITION.match(above):
            continue  # a heading, a table row, a fence: one line, nothing goes on with it
        if _BLOCK_START.match(line) or _LIST_ITEM.match(line) or _FOOTNOTE_DEFINITION.match(line):
            continue
        found.add(number)
    return found


def _grid_table_lines(lines: list[RawLine]) -> dict[int, str]:
    """"border" for each grid table's border lines, "row" for the row lines between them; a row
    line counts only inside a run that a border opens and closes."""
    found: dict[int, str] = {}
    number = 0
    while number < len(lines):
        if not _GRID_BORDER.match(lines[number].text):
            number += 1
            continue
        following = number + 1
        while following < len(lines) and (_GRID_ROW.match(lines[following].text) or _GRID_BORDER.match(lines[following].text)):
            following += 1
        last = following - 1
        if last > number and _GRID_BORDER.match(lines[last].text):
            for index in range(number, last + 1):
                found[index] = "border" if _GRID_BORDER.match(lines[index].text) else "row"
        number = following
    return found


def _furniture_div_lines(lines: list[RawLine]) -> set[int]:
    """The lines inside each fenced div whose custom style is the document's furniture
    (``document_styles.is_furniture_style``), up to the fence that closes it (a div nested inside counted)."""
    found: set[int] = set()
    number = 0
    while number < len(lines):
        style = _CUSTOM_STYLE.search(lines[number].text)
        if not (_DIV_FENCE.match(lines[number].text) and style is not None and is_furniture_style(style.group("name"))):
            number += 1
            continue
        depth = 1
        closing = None
        for index in range(number + 1, len(lines)):
            text = lines[index].text.strip()
            if _DIV_FENCE.match(text):
                depth += 1 if text.rstrip(":").strip() else -1
                if depth == 0:
                    closing = index
                    break
        if closing is None:
            number += 1
            continue
        found.update(range(number + 1, closing))
        number = closing + 1
    return found


def _raw_block_lines(lines: list[RawLine]) -> set[int]:
    """The lines of each raw block for another output format, its fences included; an opening
    fence that is never closed is no block."""
    found: set[int] = set()
    number = 0
    while number < len(lines):
        opening = _RAW_BLOCK_OPEN.match(lines[number].text)
        if opening is None:
            number += 1
            continue
        fence = opening.group("fence")
        closing = next((index for index in range(number + 1, len(lines))
                        if lines[index].text.strip() == fence), None)
        if closing is None:
            number += 1
            continue
        found.update(range(number, closing + 1))
        number = closing + 1
    return found


def _is_citation_footnote(line: str) -> bool:
    definition = _FOOTNOTE_DEFINITION.match(line)
    if definition is None:
        return False
    text = definition.group("text").strip()
    parts = [part.strip() for part in text.rstrip(".").split(",")]
    return (
        len(parts) >= 2
        and all(0 < len(part.split()) <= CITATION_PART_MAX_WORDS for part in parts)
        and _CITATION_END.search(text) is not None
    )


def _copy_rendered(line: str, offset: int, builder: TextBuilder) -> None:
    start = _LINE_MARKERS.match(line).end()
    closer = _HEADING_CLOSER.search(line) if start and line.lstrip(" \t>").startswith("#") else None
    stop = closer.start() if closer is not None else len(line)
    _copy_inline(line, offset, start, stop, builder)


def _copy_inline(line: str, offset: int, start: int, stop: int, builder: TextBuilder) -> None:
    """``line[start:stop]`` as it renders: inline markup left out, a link's or span's text kept."""
    cursor = start
    for match in _INLINE.finditer(line, start, stop):
        if match.group("stars") is not None and not _is_emphasis(line, match.start(), match.end()):
            continue  # "* item", "5 * 3": a bullet or a sign, not emphasis
        _copy(builder, offset, cursor, match.start())
        if match.group("text") is not None:
            _copy(builder, offset, match.start("text"), match.end("text"))
        cursor = match.end()
    _copy(builder, offset, cursor, stop)


def _copy(builder: TextBuilder, offset: int, start: int, end: int) -> None:
    for index in range(start, end):
        builder.copy(offset + index)


def _is_emphasis(line: str, start: int, end: int) -> bool:
    """Asterisks that open ("**word") or close ("word**") an emphasis: a letter on one side, no
    space on it, and a space, punctuation or the line's end on the other."""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    opens = not after.isspace() and (before.isspace() or not before.isalnum())
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    return opens or closes
