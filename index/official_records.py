"""The furniture of an official record's transcript (a parliament's or committee's Official
Report, a council's minutes of proceedings): the printed page's column numbers, the margin's time
stamps, the chair's procedure, the members' interjections, the lists of who attended, the notice
of the next sitting.

The record's text is its speeches, each under the speaker's heading ("Dr Jo Bloggs (Chief
Executive, Example Agency)", then just "Dr Jo Bloggs"): both are kept, a member's one-line question
too. Procedure carries no evidence ("The Chair: Order, order.", "Sitting suspended for a
division.", "Question put and agreed to."), and the members-present and witnesses lists repeat the
names and roles the speaker headings give.

The rules apply on a page that is a record: two of its lines at least are the record's own marks
(a column number, a margin time, a procedural line, an interjection). Each mark is a whole line,
so a reporter's paragraph that quotes "Order, order" stays.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, content
from index.text_shape import ends_sentence, words

logger = logging.getLogger(__name__)

RECORD_MIN_MARKS = 2
ATTENDANCE_ENTRY_MAX_WORDS = 14  # "Rosalind Achter (Chair) (Veradun South) (Progress Party)"
ATTENDANCE_MIN_ENTRIES = 1
SPEAKER_HEADING_MAX_WORDS = 14

# "Column 211", "Col. 212", "Volume 812 · Columns 211 to 216", "Vol. 12, cols 45-48".
_COLUMN = re.compile(
    r"^(?:vol(?:ume|\.)?\s*\d{1,4}\s*[·,|–—-]?\s*)?col(?:umn|s?\.?|umns)\s*\d{1,5}(?:\s*(?:to|–|—|-)\s*\d{1,5})?$", re.IGNORECASE
)
# A margin time stamp: "(14:00)", "(2.31 pm)", "[15:47]".
_MARGIN_TIME = re.compile(r"^[(\[]\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[)\]]$", re.IGNORECASE)
# The chair calling order: "The Chair: Order, order.", "Mr Speaker: Order. The Minister has answered."
_CHAIR_ORDER = re.compile(
    r"^(?:the |mr\.? |madam |madame )?(?:chair|chairman|chairwoman|chairperson|speaker|deputy speaker|presiding officer|convener|president)"
    r"(?:\s*\([^()]{1,60}\))?\s*:\s*order\b",
    re.IGNORECASE,
)
# The record's procedure, each a line of its own.
_PROCEDURE = re.compile(
    r"^(?:(?:sitting|meeting|committee|house|assembly|chamber|council)\s+suspended\b.{0,80}"
    r"|on resuming\s*[—–-]*:?"
    r"|witnesses? withdrew\.?"
    r"|(?:the )?(?:committee|house|assembly|chamber|council|sitting|meeting|senate)\s+adjourned\b.{0,60}"
    r"|motion made,? and question (?:put|proposed)\b.*"
    r"|question put(?: and agreed to| and negatived| accordingly)?\.?"
    r"|resolved,? that\b.{0,200}"
    r"|(?:division|the (?:house|committee|assembly) divided)\s*[:.]?(?:\s*ayes\b.*)?"
    r")$",
    re.IGNORECASE,
)
# The members' interjections and the reporter's notes: "Hon. Members: Hear, hear.", "[Interruption.]".
_INTERJECTION = re.compile(
    r"^(?:(?:hon(?:ourable|\.)?|several|some|other|opposition|government)\s+members?\s*:\s*[^.!?]{1,40}[.!?]*"
    r"|[\[(](?:interruption|interruptions|laughter|applause|uproar|hear,? hear|inaudible)\.?[\])])$",
    re.IGNORECASE,
)
# The notice of the next sitting: "Next sitting of the Committee: Thursday 3 November at 14:00".
_NEXT_SITTING = re.compile(r"^(?:the )?next (?:sitting|meeting)\b[^.!?]{0,40}:", re.IGNORECASE)
# The headings of the attendance lists.
_ATTENDANCE_HEADINGS = re.compile(
    r"^(?:members present|present|in attendance|also (?:present|in attendance)|witnesses|apologies|"
    r"(?:committee )?members|attendees)$",
    re.IGNORECASE,
)
# A speaker heading: a name with the role or seat in brackets ("Lucan Herrold (Chief Executive,
# Example Office)", "The Chair (Rosalind Achter)").
_SPEAKER_WITH_ROLE = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5}(?:\s*\([^()]{1,80}\)){1,3}$")


def is_record_mark(text: str) -> bool:
    """A line that is only a record's mark: a column number, a margin time, procedure, an
    interjection or the notice of the next sitting."""
    stripped = text.strip()
    return any(pattern.match(stripped) for pattern in (_COLUMN, _MARGIN_TIME, _CHAIR_ORDER, _PROCEDURE, _INTERJECTION, _NEXT_SITTING))


def is_record(page: Page) -> bool:
    """Two lines at least are a record's marks."""
    return sum(1 for line in page.lines if not line.blank and is_record_mark(line.text)) >= RECORD_MIN_MARKS


def drop_record_furniture(page: Page) -> None:
    """On a record, its marks and its attendance lists are dropped and its speaker headings marked
    (``role = "speaker"``) so that the header rules do not take a long one for a link title."""
    if not is_record(page):
        return
    for line in page.lines:
        if not line.blank and is_record_mark(line.text):
            line.reason = "record-procedure"
    _drop_attendance_lists(page)
    _mark_speaker_headings(page)


def _drop_attendance_lists(page: Page) -> None:
    """"Members present" or "Witnesses" over a run of names with their roles or seats."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        heading = page.lines[i]
        if not heading.kept or not _ATTENDANCE_HEADINGS.match(heading.text.rstrip(": ")):
            continue
        entries: list[int] = []
        for j in indexes[k + 1:]:
            if not _is_attendance_entry(page.lines[j].text):
                break
            entries.append(j)
        if len(entries) < ATTENDANCE_MIN_ENTRIES:
            continue
        for j in [i, *entries]:
            page.lines[j].reason = "attendance-list"


def _is_attendance_entry(text: str) -> bool:
    """A name and a role or seat ("Dr Jo Bloggs, Director, Example Agency", "Jo Bloggs (Chair)
    (Example North)"): short, no sentence, and not another list's heading."""
    return (
        bool(text)
        and text[:1].isupper()
        and ("," in text or "(" in text)
        and not ends_sentence(text)
        and len(words(text)) <= ATTENDANCE_ENTRY_MAX_WORDS
        and not _ATTENDANCE_HEADINGS.match(text.rstrip(": "))
    )


def _mark_speaker_headings(page: Page) -> None:
    """A kept name with its role in brackets, over a kept line of speech."""
    indexes = content(page)
    for k, i in enumerate(indexes[:-1]):
        line = page.lines[i]
        following = page.lines[indexes[k + 1]]
        if (
            line.kept
            and following.kept
            and _SPEAKER_WITH_ROLE.match(line.text)
            and len(words(line.text)) <= SPEAKER_HEADING_MAX_WORDS
        ):
            line.role = "speaker"
