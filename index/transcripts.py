"""The furniture of a transcript's page (a briefing, a hearing, a press conference): the list of
speakers above the turns, the marker at the end of the transcript and the note on its accuracy.

The turns, each under its speaker's label ("MINISTER ALDAINE: Good morning ..."), are the
article; the list of speakers is the page's header (the labels name who speaks), and the end
marker and the accuracy note are the site's. A player's time codes between the turns and the
note that a transcript was edited are in ``index.broadcast_pages``.

``line_reason`` is called by ``index.furniture.line_reason``; ``drop_speaker_lists`` runs with
the block rules in ``index.cleaning``.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, content
from index.text_shape import ends_sentence, words

logger = logging.getLogger(__name__)

TRANSCRIPT_MIN_TURNS = 3  # speaker-labelled turns that make a page a transcript
SPEAKER_LINE_MAX_WORDS = 14  # "Deputy Chief Fire Officer Jo Bloggs, head of air operations, Example Fire Service"
SPEAKER_LIST_MIN_ENTRIES = 2
ACCURACY_NOTE_MAX_WORDS = 40

# The marker at the end of a transcript: "END OF TRANSCRIPT", "[End of transcript]".
_END_MARKER = re.compile(r"^[\[(*–—-]*\s*end of (?:the )?transcript\s*[\])*–—-]*$", re.IGNORECASE)
# A turn: the speaker's label in capitals, maybe with the outlet of a reporter, then a colon and
# the words: "MINISTER ALDAINE: ...", "REPORTER (Example Radio): ...", "Q: ...".
_TURN = re.compile(r"^[A-Z][A-Z.’' -]{0,60}(?:\s*\([^()]{1,60}\))?:\s+\S")
# The heading of the list of who speaks: "Speakers:", "Participants", "On the panel:".
_SPEAKER_HEADINGS = re.compile(r"^(?:speakers|participants|panel(?:l?ists)?|on the panel|present)$", re.IGNORECASE)
# The site's note that a transcript may be wrong, in one sentence or two: "Transcripts are
# prepared by the Media Centre and may contain errors. Check against the recording." A report
# that a transcript had errors says whose ("The transcript contained errors, the court heard").
_ACCURACY_NOTE = re.compile(
    r"^(?:this |the |our )?transcripts? (?:is|are|was|were|has been|have been) (?:prepared|produced|made|typed|generated)\b"
    r"[^.!?]{0,80}\b(?:may|might|can) contain\b[^.!?]{0,40}\b(?:errors?|mistakes|inaccurac(?:y|ies))\.$",
    re.IGNORECASE,
)
_CHECK_AGAINST = re.compile(
    r"^(?:please )?check against (?:the )?(?:recording|delivery|video|audio|broadcast)(?: before quoting(?: it| from it)?)?\.?$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def line_reason(text: str) -> str | None:
    """"transcript-note" for the end marker and the accuracy note; None for anything else."""
    if _END_MARKER.match(text.strip()) or is_accuracy_note(text):
        return "transcript-note"
    return None


def is_accuracy_note(text: str) -> bool:
    """The site's note that the transcript may contain errors, maybe with "Check against the
    recording.", and nothing else."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return (
        len(words(text)) <= ACCURACY_NOTE_MAX_WORDS
        and bool(_ACCURACY_NOTE.match(sentences[0]))
        and all(_CHECK_AGAINST.match(sentence) for sentence in sentences[1:])
    )


def drop_speaker_lists(page: Page) -> None:
    """On a transcript (three speaker-labelled turns at least), the list of speakers under its
    heading: "Speakers:" over "Jo Bloggs, Minister for Transport" lines, each a name and a role
    (a comma, no sentence). The turns name who speaks; the list is the page's header. On another
    page a "Speakers" heading may head a conference report's paragraph, and stays."""
    indexes = content(page)
    if sum(1 for i in indexes if _TURN.match(page.lines[i].text)) < TRANSCRIPT_MIN_TURNS:
        return
    for k, i in enumerate(indexes):
        heading = page.lines[i]
        if heading.blank or not _SPEAKER_HEADINGS.match(heading.text.rstrip(": ")):
            continue
        entries: list[int] = []
        for j in indexes[k + 1:]:
            if j != (entries[-1] if entries else i) + 1 or not _is_speaker_line(page.lines[j].text):
                break  # the list ends at a blank line or at the first line that is no name and role
            entries.append(j)
        if len(entries) < SPEAKER_LIST_MIN_ENTRIES:
            continue
        for j in [i, *entries]:
            page.lines[j].reason = "speaker-list"


def _is_speaker_line(text: str) -> bool:
    """A name and a role: "Corin Aldaine, Minister for Emergency Services"."""
    return "," in text and not ends_sentence(text) and len(words(text)) <= SPEAKER_LINE_MAX_WORDS and text[:1].isupper()
