"""The page as the cleaning rules see it: one ``PageLine`` per line of the source text.

Internal to cleaning (``index.cleaning``, ``index.block_rules``, ``index.header``): the rules
mark lines in place (a reason to drop, a header role) while they walk the page, so these
records are mutable; nothing here leaves the cleaner.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from index.text_shape import content_bounds, ends_sentence, words

logger = logging.getLogger(__name__)

BODY_MIN_WORDS = 12  # the first kept line this long that ends a sentence starts the body
CAPTION_MAX_WORDS = 45


@dataclass(slots=True)
class PageLine:
    """One line of the source text while the rules decide about it."""

    start: int  # content bounds in the source text
    end: int
    text: str
    reason: str | None = None  # why it is dropped; None = kept
    role: str = "body"  # headline, dek, summary, byline, date, dateline, credit, speaker (a record's), body
    keep_end: int | None = None  # a shorter kept end (a headline without its "| Outlet" suffix)
    bulleted: bool = False  # the line started with a list bullet ("•", "-")
    table_row: bool = False  # a row of an HTML data table, its cells on this one line

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def kept(self) -> bool:
        return not self.blank and self.reason is None


@dataclass(slots=True)
class Page:
    lines: list[PageLine]
    outlet: str | None
    aliases: tuple[str, ...]
    credits: list[str] = field(default_factory=list)
    header_credits: list[str] = field(default_factory=list)  # credit lines in the article's header


def split_lines(text: str) -> list[PageLine]:
    lines: list[PageLine] = []
    position = 0
    for raw_line in text.split("\n"):
        start, end = content_bounds(raw_line)
        bulleted = bool(raw_line[:start].strip())
        lines.append(PageLine(position + start, position + end, raw_line[start:end], bulleted=bulleted))
        position += len(raw_line) + 1
    return lines


def mark_table_rows(lines: list[PageLine], table_rows: tuple[tuple[int, int], ...]) -> None:
    """Flag the lines that are rows of a data table (``SourceText.table_rows``)."""
    for line in lines:
        line.table_row = bool(line.text) and any(start <= line.start < end for start, end in table_rows)


def content(page: Page) -> list[int]:
    """Indexes of non-blank lines, in order."""
    return [i for i, line in enumerate(page.lines) if not line.blank]


def blank_between(page: Page, first: int, second: int) -> bool:
    """Is there a blank line between the lines at indexes ``first`` and ``second``?"""
    return any(line.blank for line in page.lines[first + 1:second])


def blocks(page: Page) -> list[list[int]]:
    """Runs of non-blank lines (indexes): on a page that separates paragraphs by blank lines, a
    run of several lines is a box (a newsletter pitch, a caption with its credit)."""
    runs: list[list[int]] = [[]]
    for i, line in enumerate(page.lines):
        if line.blank:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(i)
    return [run for run in runs if run]


def sentence_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"[.!?](?=\s+[A-Z“\"])", text)] + ([len(text)] if ends_sentence(text) else [])


def is_body_prose(text: str) -> bool:
    """A line long enough and ending like a sentence: article text, never header furniture."""
    return ends_sentence(text) and len(words(text)) >= BODY_MIN_WORDS
