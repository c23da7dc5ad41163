"""An old page laid out with tables (HTML 3.2, before CSS): its columns are table cells.

Such a page sets its menu, its "hot links", a visitor counter, a web-ring and its sponsor in
narrow cells beside the article's cell, and its banner and footer in rows above and below it. The
markup says nothing more (no <nav>, no class), so the layout is recognised by its text: the
article's cell is the innermost cell holding ARTICLE_MIN_PROSE_LINES lines of prose or more, and
every other cell of the tables around it that holds no line of prose is a column or a strip of
the page's furniture: its lines are dropped.

A data table has no cell of paragraphs, and a sidebar that writes a sentence of prose (a weather
note, a quote of the day) is left to the text rules: only cells without prose are taken.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from index.page_lines import Page, is_body_prose
from index.source_text import SourceText

logger = logging.getLogger(__name__)

ARTICLE_MIN_PROSE_LINES = 3  # a cell of one or two sentences may be a sidebar's note

_TABLE_TAG = re.compile(r"<(/?)(table|tr|td|th)\b[^>]*>", re.IGNORECASE)


@dataclass(slots=True)
class _Cell:
    start: int  # raw offset of its "<td>"
    end: int | None = None  # raw offset after its content (its close, or the next cell's open)
    table: int = 0  # raw offset of the "<table>" it belongs to
    parent: _Cell | None = None  # the cell holding its table, if any
    prose_lines: int = 0


def drop_layout_columns(page: Page, raw_html: str, source: SourceText) -> None:
    """Drop the lines of ``page`` that sit in the furniture cells of a table layout; a page not
    laid out in tables around an article is left as it is. The lines stay in the source text, so
    that the outlet's name in a footer cell is still read (``index.metadata``)."""
    cells = _cells(raw_html)
    if not cells:
        return
    spans = [(line, source.raw_span(line.start, line.end)) for line in page.lines if not line.blank]
    for cell in cells:
        cell.prose_lines = sum(1 for line, (start, end) in spans if _inside((start, end), cell) and is_body_prose(line.text))
    article = min(
        (cell for cell in cells if cell.prose_lines >= ARTICLE_MIN_PROSE_LINES),
        key=lambda cell: (cell.end or 0) - cell.start,
        default=None,
    )
    holder: _Cell | None = article
    while holder is not None:
        for cell in cells:
            if cell.table != holder.table or cell is holder or cell.prose_lines:
                continue
            for line, span in spans:
                if line.reason is None and _inside(span, cell):
                    line.reason = "layout-column"
        holder = holder.parent


def _inside(span: tuple[int, int], cell: _Cell) -> bool:
    return span[1] > span[0] and cell.start <= span[0] and span[1] <= (cell.end if cell.end is not None else span[0])


def _cells(raw_html: str) -> list[_Cell]:
    """Every table cell with its raw span and its table; a cell left open (HTML 3.2 lets a page
    omit "</TD>") ends at the next tag of its table: a cell, a row or the table's end."""
    cells: list[_Cell] = []
    tables: list[tuple[int, _Cell | None]] = []  # (table's offset, the cell it sits in), innermost last
    open_cells: list[_Cell] = []  # innermost last
    for match in _TABLE_TAG.finditer(raw_html):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name == "table" and not closing:
            tables.append((match.start(), open_cells[-1] if open_cells else None))
            continue
        if not tables:
            continue
        table, holder = tables[-1]
        if open_cells and open_cells[-1].table == table:
            open_cells.pop().end = match.start()
        if name == "table":
            tables.pop()
        elif name in ("td", "th") and not closing:
            cell = _Cell(start=match.start(), table=table, parent=holder)
            cells.append(cell)
            open_cells.append(cell)
    for cell in open_cells:
        cell.end = len(raw_html)
    return cells
