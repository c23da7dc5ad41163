"""The shape of a line of text: its words, whether it ends like a sentence, its bullet.

Shared by every cleaning rule (``index.furniture``, ``index.reader_prompts``, ``index.tickers``,
``index.header``) and by passage splitting.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# A line at least this share of the column's width was wrapped by the printer or the browser
# (``runs_on``).
WRAP_MIN_WIDTH_SHARE = 0.85
_CLOSERS = "\"”’')]»"
# Superscript digits: a printed report's footnote marker ("... was never replaced.²").
FOOTNOTE_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote marker after a sentence's last mark still ends the sentence; after a letter it is
# part of a word or unit ("85 m²"), which ends none.
_FOOTNOTE_AFTER_SENTENCE = re.compile(rf"(?<=[.!?…{re.escape(_CLOSERS)}])[{FOOTNOTE_DIGITS}]+$")
# A web page's footnote anchor, a number linked right after a sentence's last mark ("... the
# committee's chair.1"): after a word's last letter and the mark only, so "version 2.1" ends none.
_FOOTNOTE_NUMBER_AFTER_SENTENCE = re.compile(rf"(?<=[^\W\d_][.!?])[{re.escape(_CLOSERS)}]?\d{{1,2}}$")
# An encyclopedia's citation markers after a sentence's last mark end it too ("... in 1951.[4][7]",
# "... was never found.[citation needed]"); after a word they end none ("the gate[4]"), and a
# bracketed label is no citation ("Background[edit]").
_CITATIONS = re.compile(r"(?:\[(?:\d{1,3}|[a-z]|citation needed)\])+$")
# A social post's hashtags after its last sentence end it too ("... keep phone lines free.
# #QuakeNews #Norland"); a line that ends in a hashtag after a word ("Live: #Budget2031") is a label.
_HASHTAGS_AFTER_SENTENCE = re.compile(rf"(?<=[.!?…{re.escape(_CLOSERS)}])(?:\s+#[^\W\d_]\w*)+$")
# A bullet is a marker followed by a space: "- Title", "• Title", never "-1.5%".
_BULLET = re.compile(r"^[•·▪►◦‣∙*–—-]\s+")
# A wiki's edit link printed after a section heading ("Background[edit]", "History [edit source]"):
# a control of the site, not part of the heading, so it is left out of the line like a bullet.
_EDIT_LINK = re.compile(r"\s*\[edit(?: source)?\]$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def content_bounds(line: str) -> tuple[int, int]:
    """``[start, end)`` of ``line`` without surrounding whitespace, a leading list bullet and a
    wiki heading's trailing edit link."""
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    bullet = _BULLET.match(line[start:end])
    if bullet:
        start += bullet.end()
    edit_link = _EDIT_LINK.search(line[start:end])
    if edit_link and edit_link.start() > 0:
        end = start + edit_link.start()
    return start, max(start, end)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (closing quotes and brackets, and a footnote
    marker, citation markers or a post's hashtags after them, allowed)."""
    core = _FOOTNOTE_AFTER_SENTENCE.sub("", _CITATIONS.sub("", _HASHTAGS_AFTER_SENTENCE.sub("", text.rstrip())))
    core = _FOOTNOTE_NUMBER_AFTER_SENTENCE.sub("", core).rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] in ".!?…"


def is_title_like(text: str) -> bool:
    """A headline, link title or label: no closing sentence punctuation."""
    return not ends_sentence(text)


def is_prose(text: str, min_words: int = 8) -> bool:
    return ends_sentence(text) and len(words(text)) >= min_words


def runs_on(text: str, following: str, width: int | None) -> bool:
    """A line wrapped into lines of at most ``width`` characters: ``text`` stops short of its
    sentence's end and ``following`` goes on with it. The next line opens in lowercase (the rest
    of a word split at a hyphen, "mar-" / "reks", too), or the line fills the column (a line at
    least ``WRAP_MIN_WIDTH_SHARE`` of it was cut where the next word did not fit, whatever that
    word: "... one of them at the" / "Drevanne Showground"). A line that ends a sentence or opens
    a list with a colon may end its paragraph."""
    if ends_sentence(text) or text.endswith(":"):
        return False
    if following[:1].islower():
        return True
    return width is not None and len(text) >= WRAP_MIN_WIDTH_SHARE * width


def without_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line of a raw text page: where it starts in the file, and its text without the newline."""

    start: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content(self) -> str:
        return self.text.strip()


def raw_lines(raw_text: str) -> list[RawLine]:
    """The page's lines (split at each newline), each with its raw offset."""
    lines: list[RawLine] = []
    position = 0
    for text in raw_text.split("\n"):
        lines.append(RawLine(position, text))
        position += len(text) + 1
    return lines
