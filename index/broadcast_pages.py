"""The furniture of a broadcaster's page around an interview or a programme's item: what is on
air now ("On air now: First Light with Jo Bloggs (06:00-09:00)"), the player's time codes
between the parts of a transcript ("[04:12]") and the length of a clip ("Video, 2:14"), the
note that the transcript was edited, and the station's description of itself in the footer
("On 98.4 FM and digital radio since 1954."); inside a programme's own words (a transcript, a
caption file, ``index.caption_files``), the credit of its sponsor ("Example News is sponsored by
Example Insurance.") and the presenter's trailer for the programme's other items ("Still to come
on Example News: ...").

What is said in the transcript is the article, with its speaker labels; these lines are not.
``line_reason`` is called by ``index.furniture.line_reason``; ``presenter`` gives the cleaner the
author of a programme's item that has no byline.
"""

from __future__ import annotations

import logging
import re

from index import metadata
from index.page_lines import Page
from index.text_shape import ends_sentence, words

logger = logging.getLogger(__name__)

ON_AIR_MAX_WORDS = 16
STATION_NOTE_MAX_WORDS = 40

# The station's now-playing strip: "On air now: First Light with Jo Bloggs (06:00-09:00)",
# "Now playing: Harbour Hour". "On air, the minister apologised" has no label and colon.
_ON_AIR = re.compile(r"^(?:on air(?: now)?|now on air|now playing|live on air)\s*[:|–—-]\s*\S", re.IGNORECASE)
# A player's time code alone on its line, in brackets: "[04:12]", "[1:02:45]". A live blog's
# time stamp ("19:47") heads an entry and has no brackets.
_TIME_CODE = re.compile(r"^\[(?:\d{1,2}:)?\d{1,2}:\d{2}\]$")
# A player's label for its clip, the kind of clip and its length and nothing else: "Video, 2:14",
# "Audio · 12:05", "Duration: 1:02:45". The clip's title and caption beside it are other lines.
_CLIP_LENGTH = re.compile(
    r"^(?:video|audio|clip|podcast|duration|length|running time)\s*[,:·|–—-]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2}$", re.IGNORECASE
)
# The note on how a transcript was edited: "This transcript has been edited for clarity.",
# "This interview has been condensed and edited for length." Only about "this" text: "The
# transcript was edited before it was released, the court heard" is a report.
_EDITED_NOTE = re.compile(
    r"^(?:this|the following) (?:transcript|interview|conversation|q&a|discussion|exchange) "
    r"(?:has been|was|is|have been)(?: lightly)? (?:edited|condensed|abridged)(?: and (?:edited|condensed))?"
    r"(?: for (?:length|clarity|brevity|space)(?: and (?:length|clarity|brevity))?)?\.?$",
    re.IGNORECASE,
)
# The sentences of a station's description of itself: where it broadcasts ("On 98.4 FM and
# digital radio since 1954.", a phrase without a verb) and whose it is ("Example Radio is part of
# Example Broadcasting.").
_FREQUENCY = re.compile(
    r"^(?:on|broadcasting on|listen on) \d{2,4}(?:\.\d{1,2})? ?(?:fm|am|mhz|khz)\b[^.!?]{0,60}?"
    r"(?: since (?:19|20)\d{2})?\.$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w&’'-]*(?: (?:[A-Z][\w&’'-]*|of|and))*"
_OWNER = re.compile(
    rf"^{_NAME} (?:is|are) (?:part|a member|a division|a subsidiary|a service|a brand) of (?:the )?{_NAME}\.$"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
TRAILER_MAX_WORDS = 60
# The presenter's trailer for the items after this one, under its label and a colon: "Still to
# come on Example News: ...", "Coming up: ...", "After the break: ...". "Coming up with the money
# was hard" has no colon after the label.
_TRAILER = re.compile(
    r"^(?:still to come|coming up|up next|after the break|later in the (?:programme|program|bulletin|show))"
    r"(?: (?:on|in) [^:.!?]{1,50})?\s*:\s*\S",
    re.IGNORECASE,
)
# A programme's or a bulletin's sponsor credited in one sentence of names: "Example News at Six is
# sponsored by Example Insurance.", "Brought to you by Example Bank." A report of a sponsorship goes
# on with what it says ("The race is sponsored by Example Bank, which paid ...").
_PROGRAMME = r"[A-Z0-9][\w&’'.-]*(?: (?:[A-Z0-9][\w&’'.-]*|of|and|at|on|the|in|for|&))*"
_SPONSOR = re.compile(
    rf"^(?:{_PROGRAMME} (?:is|are) )?(?:sponsored|brought to you|supported) by (?:the )?{_PROGRAMME}\.?$"
)


def presenter(page: Page) -> str | None:
    """The host of the programme the page's item comes from: the page dates the item under the
    programme's name ("First Light | Wednesday 7 May 2031, 07:32") and names the programme with
    its host in another line ("On air now: First Light with Jo Bloggs"). The item is the host's,
    as a byline would say, and a citation should not lose the name."""
    for line in page.lines:
        programme = metadata.date_line_label(line.text) if line.role == "date" else None
        if programme is None:
            continue
        hosted = re.compile(rf"\b{re.escape(programme)} with (?P<host>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){{1,2}})\b")
        for other in page.lines:
            match = hosted.search(other.text)
            if match is not None and metadata.byline_names("By " + match.group("host"), page.outlet):
                return match.group("host")
    return None


def line_reason(text: str) -> str | None:
    """"player" for the now-playing strip, a time code or a clip's length, "transcript-note" for
    the note on its editing, "station-note" for the station's description of itself,
    "programme-promo" for a sponsor's credit and a trailer of the programme's other items; None
    for anything else."""
    if is_on_air_strip(text) or _TIME_CODE.match(text.strip()) or _CLIP_LENGTH.match(text.strip()):
        return "player"
    if _EDITED_NOTE.match(text.strip()):
        return "transcript-note"
    if is_station_note(text):
        return "station-note"
    if is_sponsor_credit(text) or is_trailer(text):
        return "programme-promo"
    return None


def is_on_air_strip(text: str) -> bool:
    """What the station is playing now, under its label, never a sentence."""
    return bool(_ON_AIR.match(text.strip())) and not ends_sentence(text) and len(words(text)) <= ON_AIR_MAX_WORDS


def is_station_note(text: str) -> bool:
    """A station's description of itself: sentences saying where it broadcasts or whose it is,
    and nothing else, one on its frequency at least. That a company is part of a group alone
    may be the article's news, so the ownership sentence counts only beside the frequency."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return (
        len(words(text)) <= STATION_NOTE_MAX_WORDS
        and any(_FREQUENCY.match(sentence) for sentence in sentences)
        and all(_FREQUENCY.match(sentence) or _OWNER.match(sentence) for sentence in sentences)
    )


def is_sponsor_credit(text: str) -> bool:
    """A sponsor credited in a sentence of names and nothing else ("... is sponsored by Example
    Insurance.")."""
    return bool(_SPONSOR.match(text.strip()))


def is_trailer(text: str) -> bool:
    """The presenter's trailer for the programme's items to come, under its label and a colon."""
    return bool(_TRAILER.match(text.strip())) and len(words(text)) <= TRAILER_MAX_WORDS
