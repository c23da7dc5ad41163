"""A wire story saved with its superseded versions: the latest write-thru, then the earlier takes
of the same story stacked below it, each with its own header, headline, byline, dateline, body
and sign-off.

A wire service re-sends a story as it develops ("UPDATE 1-...", "UPDATE 2-..."); an archive or a
client's feed that keeps the history lists the newest version first. The earlier takes repeat
most of the latest one with figures it has since corrected ("about 156,500 birds" became "about
171,000"), so keeping them would give a reader two answers, one of them stale. A take is known as
another version of the page's story when its dateline names the same place and agency as the
first one ("HESBY, June 9 (NPA) -") and its body mostly repeats the first one's words; a second
story of the same agency from the same place on a page of briefs shares the dateline but not the
words, and is kept.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, content, is_body_prose
from index.text_shape import words

logger = logging.getLogger(__name__)

# "HESBY, June 9 (NPA) -", "PORT AMSEL, Norway, May 2 (Harbourline) —": a place in capitals,
# anything up to the agency in brackets, a dash.
_WIRE_DATELINE = re.compile(r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{1,40}?)\b[\w .,'’-]{0,40}?\s*\((?P<agency>[^()\n]{2,40})\)\s*[—–-]\s")
# The share of a later take's words (of four letters or more) that the first take's body uses:
# an earlier version of the same story repeats most of them.
REPEATED_WORDS_MIN_SHARE = 0.5
_CONTENT_WORD_MIN_LETTERS = 4


def drop_superseded_versions(page: Page) -> None:
    """Drop every take of the page's wire story below the first one, from the line after the
    first take's last kept line (its sign-off) to the end of the page."""
    indexes = content(page)
    datelines = [i for i in indexes if page.lines[i].kept and _dateline_key(page.lines[i].text) is not None]
    if len(datelines) < 2:
        return
    first = datelines[0]
    key = _dateline_key(page.lines[first].text)
    for later in datelines[1:]:
        if _dateline_key(page.lines[later].text) != key:
            continue
        next_take = next((i for i in datelines if i > later and _dateline_key(page.lines[i].text) == key), None)
        first_body = _content_words(page, first, later)
        later_body = _content_words(page, later, next_take if next_take is not None else len(page.lines))
        if not later_body or len(later_body & first_body) < REPEATED_WORDS_MIN_SHARE * len(later_body):
            continue
        start = _take_start(page, indexes, later)
        logger.info("wire story: an earlier version from line %d on", start)
        for line in page.lines[start:]:
            if not line.blank and line.reason is None:
                line.reason = "superseded-version"
                if line.role == "credit" and line.text in page.credits:
                    page.credits.remove(line.text)
        return


def _dateline_key(text: str) -> tuple[str, str] | None:
    match = _WIRE_DATELINE.match(text)
    if match is None:
        return None
    return " ".join(match.group("place").split()).rstrip(" ,"), match.group("agency").strip()


def _content_words(page: Page, start: int, end: int) -> set[str]:
    return {
        word.casefold()
        for line in page.lines[start:end]
        if line.kept
        for word in words(line.text)
        if len(word) >= _CONTENT_WORD_MIN_LETTERS
    }


def _take_start(page: Page, indexes: list[int], dateline: int) -> int:
    """The first line of the take whose dateline is at ``dateline``: its headline and byline (kept,
    not prose) and the wire's header lines above them, back to the previous take's last prose
    paragraph or sign-off."""
    start = dateline
    for i in reversed([i for i in indexes if i < dateline]):
        line = page.lines[i]
        if line.kept and (line.role == "credit" or is_body_prose(line.text)):
            break
        start = i
    return start
