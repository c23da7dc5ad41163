"""A newspaper page read by OCR (an e-paper's text layer): its columns merged into one narrow
column of short lines, words hyphenated across line ends ("evacu-" / "ation"), running heads
with the date and the page number, jump lines ("Continued on page 4"), ads the OCR read as garbage
("M0T0RS", "f1nance") and other stories' briefs under their label ("IN BRIEF").

The page is known by its structure (``looks_like_ocr_column``): a column of lines of about one
width, narrower than a printed report's or an e-mail's, with words broken at line ends. Its
source text has one line per paragraph as the printer set it: a line that runs on into the next
(``text_shape.runs_on``; a headline in capitals over two lines, too) is joined to it by an inserted
space, or, at a hyphen break, with nothing between when the joined word is a word of the page or
its halves are no words ("Hos-" / "pital" -> "Hospital"), with the hyphen when the halves are
words of their own ("well-" / "known" -> "well-known"). The hyphen and the line break left out are
not copied, so every kept character is still a verbatim copy of the raw file.

``ocr_source`` is used by ``index.cleaning`` for such a page; ``line_reason`` is called by
``index.furniture.line_reason``; ``drop_column_furniture`` runs with the block rules on such a
page.
"""

from __future__ import annotations

import logging
import re
from array import array
from statistics import median

from index.page_lines import Page, blocks, sentence_ends
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText, TextBuilder
from index.text_shape import RawLine, ends_sentence, raw_lines, runs_on, words

logger = logging.getLogger(__name__)

COLUMN_MIN_WIDTH = 24
COLUMN_MAX_WIDTH = 56  # a newspaper column; a report or an e-mail is wrapped wider
COLUMN_MIN_LINES = 20
COLUMN_MIN_SHARE = 0.6  # of the lines within COLUMN_WIDTH_SPREAD of the median width
COLUMN_WIDTH_SPREAD = 0.25
MIN_HYPHEN_BREAKS = 3
GARBLED_BLOCK_MIN_LINES = 2
RUNNING_HEAD_MAX_WORDS = 12
CAPTION_MAX_WORDS = 30
# First halves that make compounds rather than syllables: "well-" / "known", "self-" / "made".
_COMPOUND_FIRST_HALVES = frozenset("well self long short high low full half all ex non co so ill".split())

_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-$")
_BROKEN_WORD = re.compile(r"[^\W\d_]+-\n[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LAST_WORD = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
# A word the OCR misread with digits inside its letters ("M0T0RS", "f1nance", "app1y") or a lowercase
# l inside capitals ("SPRlNG"). Real words with digits have them at an end ("MP3", "4x4", "G7").
_GARBLED_WORD = re.compile(r"\b[^\W\d_]+[015][^\W\d_]+\b|\b[A-Z]{2,}l[A-Z]+\b")
# A jump line: "Continued on page 4", "LAVA: Continued from page 3", "Continued on Page A6".
_JUMP_LINE = re.compile(r"^(?:[A-Z][A-Z’' -]{0,30}:\s*)?(?:continued|cont\.) (?:on|from) page [A-Z]?\d{1,3}\.?$", re.IGNORECASE)
# A printed page's running head: the paper's name and the date, the page number at one end
# ("THE EXAMPLE HERALD Thursday, 23 February 2040 3", "4 Thursday, 23 February 2040 THE EXAMPLE HERALD").
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = rf"(?:\d{{1,2}} {_MONTHS},? (?:19|20)\d{{2}}|{_MONTHS} \d{{1,2}},? (?:19|20)\d{{2}})"
_RUNNING_HEAD = re.compile(rf"^\d{{1,3}} \D.*{_DATE}|{_DATE}(?: \D.*)? \d{{1,3}}$")
_RUNNING_HEAD_LOWER = frozenset("of the and page p".split())  # "page 3", "The Herald of the Isles"
# The label over a column of other stories' briefs, in the capitals a printed page sets it in:
# "IN BRIEF", "NEWS IN BRIEF", "BRIEFLY". An article's own summary box ("In brief: ...") is no column.
_BRIEFS_LABEL = re.compile(r"(?:NEWS )?IN BRIEF|BRIEFLY|NEWS BRIEFS?|BRIEFS|IN SHORT")


def looks_like_ocr_column(raw_text: str) -> bool:
    """A narrow column of lines of about one width, with words broken at line ends."""
    lines = [line.content for line in raw_lines(raw_text) if not line.blank]
    if len(lines) < COLUMN_MIN_LINES:
        return False
    width = median(len(line) for line in lines)
    if not COLUMN_MIN_WIDTH <= width <= COLUMN_MAX_WIDTH:
        return False
    near = sum(1 for line in lines if abs(len(line) - width) <= COLUMN_WIDTH_SPREAD * width)
    breaks = sum(1 for line, following in zip(lines, lines[1:]) if _HYPHEN_BREAK.search(line) and following[:1].islower())
    return near >= COLUMN_MIN_SHARE * len(lines) and breaks >= MIN_HYPHEN_BREAKS


def ocr_source(raw_text: str) -> SourceText:
    """The page with each printed paragraph on one line, mapped to the raw file."""
    lines = raw_lines(raw_text)
    width = _column_width([line.content for line in lines if not line.blank])
    # The page's words, without the halves of the words it breaks ("estab-" / "lished").
    vocabulary = {word.lower() for word in _WORD.findall(_BROKEN_WORD.sub(" ", raw_text))}
    builder = TextBuilder(raw_text)
    tail = _story_tail(lines, width)
    for k, line in enumerate(lines):
        if k < tail:
            continue
        for offset in range(len(line.text)):
            builder.copy(line.start + offset)
        if k + 1 == len(lines):
            break
        following = lines[k + 1]
        if line.blank or following.blank or not _runs_on(line.content, following.content, width):
            builder.insert("\n")
            continue
        while builder.last == " ":
            builder.pop()
        if _HYPHEN_BREAK.search(line.content) and following.content[:1].islower():
            if _joins_as_one_word(line.content, following.content, vocabulary):
                builder.pop()  # the hyphen of the break: not part of the word
        else:
            builder.insert(" ")
    dropped = (DroppedBlock(0, lines[tail].start, "other-story"),) if tail else ()
    # The running head ("THE EXAMPLE HERALD  Friday, 3 May 2030  3") dates the printed page; it
    # is dropped as furniture, so its date is handed on as the page's.
    spaced = (" ".join(line.content.split()) for line in lines)
    running_head = next((line for line in spaced if _RUNNING_HEAD.search(line)), None)
    return SourceText(
        text=builder.text(), raw_index=array("q", builder.raw_index), dropped=dropped, hints=PageHints(published=running_head)
    )


def _story_tail(lines: list[RawLine], width: int | None) -> int:
    """The number of lines at the top of the page that end another story: a paragraph that opens
    mid-sentence, in lowercase, goes on from a column or a page before this one."""
    first = next((k for k, line in enumerate(lines) if not line.blank), None)
    if first is None or not lines[first].content[:1].islower():
        return 0
    end = first + 1
    while end < len(lines) and not lines[end].blank and _runs_on(lines[end - 1].content, lines[end].content, width):
        end += 1
    return end if end < len(lines) else 0


def _column_width(lines: list[str]) -> int | None:
    return int(median(len(line) for line in lines)) if lines else None


def _runs_on(text: str, following: str, width: int | None) -> bool:
    """``text`` goes on in ``following``: a wrapped line of prose, or a headline in capitals over
    two lines."""
    if runs_on(text, following, width):
        return True
    return text.isupper() and following.isupper() and not ends_sentence(text) and not _RUNNING_HEAD.search(following)


def _joins_as_one_word(text: str, following: str, vocabulary: set[str]) -> bool:
    """A hyphen break inside one word ("Hos-" / "pital"), not a compound's own hyphen ("well-" /
    "known"): the joined word is a word of the page, or its halves are not both words."""
    first = _LAST_WORD.search(text)
    second = _FIRST_WORD.match(following)
    if first is None or second is None:
        return True
    head, tail = first.group(1).lower(), second.group(1).lower()
    if head + tail in vocabulary:
        return True
    if head in _COMPOUND_FIRST_HALVES:
        return False
    return not (head in vocabulary and tail in vocabulary)


def line_reason(text: str) -> str | None:
    """"jump-line" for a story's jump to or from another page, "running-header" for a printed
    page's head with the paper's date and the page number; None for anything else."""
    stripped = text.strip()
    if _JUMP_LINE.match(stripped):
        return "jump-line"
    found = _WORD.findall(stripped)
    if (
        _RUNNING_HEAD.search(stripped)
        and not ends_sentence(stripped)
        and len(found) <= RUNNING_HEAD_MAX_WORDS
        # A head names the paper, the day and the page; a headline or a list item that opens on
        # a figure and names a date tells something in words of its own ("12 walkers rescued on
        # 15 May 2033").
        and not any(word[:1].islower() and word.lower() not in _RUNNING_HEAD_LOWER for word in found)
    ):
        return "running-header"
    return None


def drop_column_furniture(page: Page) -> None:
    """The block rules of a page read by OCR: garbled ads, columns of briefs, photo captions."""
    drop_garbled_blocks(page)
    drop_briefs(page)
    drop_captions_over_credits(page)


def drop_captions_over_credits(page: Page) -> None:
    """A photo's caption set in the column: one short sentence of its own right above the photo's
    credit ("Evacuees queue ... on Monday afternoon." over "Photo: Jo Bloggs"). The OCR leaves no
    blank line around a picture, so the caption is known by its credit alone."""
    indexes = [i for i, line in enumerate(page.lines) if not line.blank]
    for above, below in zip(indexes, indexes[1:]):
        caption, credit = page.lines[above], page.lines[below]
        if (
            caption.kept
            and credit.reason == "caption"
            and len(words(caption.text)) <= CAPTION_MAX_WORDS
            and len(sentence_ends(caption.text)) <= 1
        ):
            caption.reason = "caption"


def drop_garbled_blocks(page: Page) -> None:
    """A block (lines between blank lines) whose lines are mostly OCR garbage: an ad or a graphic
    the OCR read as letters ("FJELLSTAD M0T0RS", "0% f1nance*"). A story's paragraph may hold a
    misread word; a block of them is no text."""
    for block in blocks(page):
        garbled = [i for i in block if _GARBLED_WORD.search(page.lines[i].text)]
        if len(garbled) >= GARBLED_BLOCK_MIN_LINES and 2 * len(garbled) >= len(block):
            for i in block:
                if page.lines[i].kept:
                    page.lines[i].reason = "ocr-garbage"


def drop_briefs(page: Page) -> None:
    """The label of a column of other stories' briefs ("IN BRIEF") and the block it heads: the
    briefs' headlines and paragraphs are other stories."""
    for block in blocks(page):
        label = page.lines[block[0]]
        if len(block) >= 2 and _BRIEFS_LABEL.fullmatch(label.text.strip()):
            for i in block:
                page.lines[i].reason = "briefs"
