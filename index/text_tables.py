"""A table of figures set in columns of spaces in a text page (a report printed to text, a text
browser's dump): which lines are its rows, its header, its caption and its source note.

An HTML page marks its tables (``index.html_text`` reports their rows); a text page only aligns
them, so a table is recognised by its shape: TABLE_MIN_ROWS lines or more at one indent with the
same number of cells (TABLE_MIN_CELLS or more, set apart by runs of spaces), FIGURE_MIN_ROWS of
them holding a figure. A menu laid out with wide spaces is one line of words, never rows of figures.
The lines that go with the rows are the table's too: the header lines right above them (cells
set apart the same way, a column's heading wrapped onto a second line), the caption that names
the table ("Table 2: Condition of the joints", right above or one blank line above) and the note
right under it that gives its source ("Source: laboratory tests, 2036."). The cleaner keeps a
table's lines below the headline, whatever the line rules make of them (a header row of short
labels reads as a menu, a source note as a photo credit).
"""

from __future__ import annotations

import logging
import re

from index.text_shape import is_title_like

logger = logging.getLogger(__name__)

TABLE_MIN_ROWS = 3  # the header row counts: a header over two rows of figures is a table
TABLE_MIN_CELLS = 3
FIGURE_MIN_ROWS = 2
HEADER_MIN_CELLS = 2

# A table's cells: text separated by two spaces or more.
_CELL_GAP = re.compile(r"\S(?: {2,})(?=\S)")
# The caption that names the table: "Table 2: Condition of the four joints", "Table A. Costs".
_CAPTION = re.compile(r"^(?:table|tab\.)\s+[A-Z0-9][\w.-]{0,6}\s*[:.–—-]\s+\S", re.IGNORECASE)
# The note under a table that gives its source or explains it: "Source: ...", "Notes: ...".
_NOTE = re.compile(r"^(?:sources?|notes?)\s*:\s+\S", re.IGNORECASE)


def is_caption(text: str) -> bool:
    """A line that names a table ("Table 2: Condition of the joints", "Table 1. Costs")."""
    return _CAPTION.match(text.strip()) is not None


def cells(text: str) -> int:
    """How many cells a line has, its text split at runs of two spaces or more (0 when blank)."""
    return len(_CELL_GAP.findall(text.strip())) + 1 if text.strip() else 0


def table_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of every table of figures in ``lines``: its rows, header lines,
    caption and source note."""
    found: set[int] = set()
    for rows in _row_runs(lines):
        found.update(rows)
        found.update(_header_and_caption(lines, rows[0]))
        below = rows[-1] + 1
        if below < len(lines) and _NOTE.match(lines[below].strip()):
            found.add(below)
    return found


def _row_runs(lines: list[str]) -> list[list[int]]:
    """Runs of TABLE_MIN_ROWS lines or more at one indent with the same number of cells
    (TABLE_MIN_CELLS or more), FIGURE_MIN_ROWS of them holding a figure."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, text in enumerate([*lines, ""]):
        count = cells(text)
        same_run = run and count == cells(lines[run[0]]) and _indent(text) == _indent(lines[run[0]])
        if count >= TABLE_MIN_CELLS and same_run:
            run.append(i)
            continue
        if len(run) >= TABLE_MIN_ROWS and sum(1 for j in run if any(char.isdigit() for char in lines[j])) >= FIGURE_MIN_ROWS:
            runs.append(run)
        run = [i] if count >= TABLE_MIN_CELLS else []
    return runs


def _header_and_caption(lines: list[str], first_row: int) -> list[int]:
    """The header lines right above the rows (title-like, cells set apart by wide spaces) and the
    caption above them, right above or one blank line above."""
    found: list[int] = []
    i = first_row - 1
    while i >= 0 and cells(lines[i]) >= HEADER_MIN_CELLS and is_title_like(lines[i].strip()) and not _CAPTION.match(lines[i].strip()):
        found.append(i)
        i -= 1
    if i >= 1 and not lines[i].strip():
        i -= 1  # a caption may stand one blank line above its table
    if i >= 0 and _CAPTION.match(lines[i].strip()):
        found.append(i)
    return found


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))
