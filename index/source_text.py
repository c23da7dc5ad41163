"""The text the cleaner reads, with a per-character map back to the raw file.

A plain-text page is its own source text (identity map), its tables' lines flagged as rows
(``index.text_tables``); an HTML page becomes one line per block element (see
``index.html_text``). Both carry hints the page states outside its prose
(an HTML ``<title>``, ``<h1>``, ``og:title``, ``og:site_name``, ``article:published_time``).
"""

from __future__ import annotations

import logging
from array import array
from dataclasses import dataclass

from index import text_tables
from index.records import DroppedBlock, OffsetMap, OffsetRun
from index.text_shape import raw_lines

logger = logging.getLogger(__name__)

INSERTED = -1  # raw index of a character that is not a verbatim copy of the raw file


@dataclass(frozen=True, slots=True)
class PageHints:
    """Metadata an HTML page states in markup rather than in prose (all optional)."""

    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()  # the article's headline as <h1>, og:title, twitter:title state it
    # The site's name as its logo writes it (an element whose class names it a logo: its text or
    # its image's alt text). Read for the outlet only, as the logo is dropped with the page's menu.
    logo: str | None = None
    # The publisher a page credits for the article it reproduces, outside the text it keeps: a
    # forum quote's attribution ("Quote from The Example Gazette"), a caption file's programme, a
    # chat export's channel.
    publisher: str | None = None
    # When a word processor's document was created, as its properties record it (RTF's \creatim,
    # OpenDocument's meta:creation-date): the page's date only when its text states none, as a
    # file is often started days before it is issued, or copied from an old one.
    created: str | None = None


@dataclass(frozen=True, slots=True)
class SourceText:
    """Readable text of a page; ``raw_index[i]`` is the raw offset of ``text[i]`` or INSERTED."""

    text: str
    raw_index: array  # array('q'), one entry per character of ``text``
    dropped: tuple[DroppedBlock, ...] = ()
    hints: PageHints = PageHints()
    table_rows: tuple[tuple[int, int], ...] = ()  # [start, end) of each data-table row, one line each

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` covering source ``[start, end)`` (inserted chars are skipped)."""
        copied = [self.raw_index[i] for i in range(start, end) if self.raw_index[i] != INSERTED]
        if not copied:
            following = next((self.raw_index[i] for i in range(end, len(self.text)) if self.raw_index[i] != INSERTED), None)
            position = following if following is not None else (self.raw_index[start - 1] + 1 if start > 0 else 0)
            return position, position
        return min(copied), max(copied) + 1  # a reader may reorder the file's parts (``OffsetMap.to_raw``)


def plain_source(raw_text: str) -> SourceText:
    """A plain-text page: the source text is the raw text itself, with the lines of its tables of
    figures set in columns of spaces flagged as rows (``index.text_tables``)."""
    lines = raw_lines(raw_text)
    rows = tuple(
        (lines[i].start, lines[i].start + len(lines[i].text))
        for i in sorted(text_tables.table_lines([line.text for line in lines]))
    )
    return SourceText(text=raw_text, raw_index=array("q", range(len(raw_text))), table_rows=rows)


def append_on_a_line(text: list[str], raw_index: array, part: SourceText, offset: int) -> None:
    """Append ``part``, read from the raw text's slice that starts at ``offset``, on a line of its
    own (an inserted newline joins it to what is there), its raw positions shifted back into the
    whole raw text."""
    if text:
        text.append("\n")
        raw_index.append(INSERTED)
    text.append(part.text)
    raw_index.extend(index + offset if index != INSERTED else INSERTED for index in part.raw_index)


class TextBuilder:
    """Builds a derived text char by char, remembering where each char came from.

    ``copy`` takes a character from the raw text (verbatim), ``insert`` adds one that the raw
    text does not have at that place (a repair space, a joining newline, a decoded entity).
    """

    def __init__(self, raw_text: str) -> None:
        self._raw = raw_text
        self.chars: list[str] = []
        self.raw_index = array("q")

    def copy(self, raw_position: int) -> None:
        self.chars.append(self._raw[raw_position])
        self.raw_index.append(raw_position)

    def insert(self, char: str) -> None:
        self.chars.append(char)
        self.raw_index.append(INSERTED)

    def pop(self) -> None:
        self.chars.pop()
        self.raw_index.pop()

    @property
    def last(self) -> str:
        return self.chars[-1] if self.chars else ""

    def text(self) -> str:
        return "".join(self.chars)


def append_mapped(builder: TextBuilder, part: SourceText, positions: list[int]) -> None:
    """Copy ``part`` into ``builder``. ``part`` was read from a derived string (a feed's
    unescaped markup, a mail part's decoded body) whose character ``k`` sits at raw offset
    ``positions[k]`` of the file, or is INSERTED (decoded from an escape)."""
    for char, index in zip(part.text, part.raw_index):
        raw = positions[index] if index != INSERTED else INSERTED
        if raw == INSERTED:
            builder.insert(char)
        else:
            builder.copy(raw)


def mapped_block(block: DroppedBlock, positions: list[int], fallback: int) -> DroppedBlock:
    """A block dropped inside a derived string (see ``append_mapped``), on raw offsets; an empty
    block at ``fallback`` when none of its characters is a verbatim copy."""
    inside = [positions[i] for i in range(block.raw_start, min(block.raw_end, len(positions))) if positions[i] != INSERTED]
    if not inside:
        return DroppedBlock(fallback, fallback, block.reason)
    return DroppedBlock(min(inside), max(inside) + 1, block.reason)  # a reader may reorder parts (``OffsetMap.to_raw``)


def offset_map(raw_index: array, length: int) -> OffsetMap:
    """Collapse a per-character raw index into OffsetMap runs of verbatim copies."""
    runs: list[OffsetRun] = []
    run_text = run_raw = run_length = 0
    for position in range(length):
        raw = raw_index[position]
        if raw == INSERTED:
            continue
        if run_length and position == run_text + run_length and raw == run_raw + run_length:
            run_length += 1
            continue
        if run_length:
            runs.append(OffsetRun(run_text, run_raw, run_length))
        run_text, run_raw, run_length = position, raw, 1
    if run_length:
        runs.append(OffsetRun(run_text, run_raw, run_length))
    return OffsetMap(runs=tuple(runs), length=length)
