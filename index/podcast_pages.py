"""The furniture of a podcast episode's page around its transcript: the episode's length and
rating, its list of chapters, the headings of the show notes, and inside the transcript the
host's reads for the sponsor, the plea to follow the show, the closing credits and the sound cues.

The transcript's turns, each opening with the player's time stamp and the speaker's label
("[00:12:31] Jo Bloggs: ..."), are the article, the label included; the show notes' summary is
its standfirst. A turn is judged by its words, without the stamp and the label.

``line_reason`` is called by ``index.furniture.line_reason``; ``drop_episode_furniture`` runs with
the block rules in ``index.cleaning``.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, content
from index.text_shape import ends_sentence, is_title_like, words

logger = logging.getLogger(__name__)

EPISODE_MIN_TURNS = 3  # time-stamped turns that make a page a transcribed episode
CHAPTERS_MIN_ENTRIES = 3
CHAPTER_TITLE_MAX_WORDS = 10
SECTION_HEADING_MAX_WORDS = 3
CREDITS_MIN_SENTENCES = 2

# A transcript's turn: the player's stamp in brackets, maybe the speaker's label and a colon.
_STAMP = r"\[(?:\d{1,2}:)?\d{1,2}:\d{2}\]"
_TURN_PREFIX = re.compile(rf"^{_STAMP}\s+(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,3}}:\s+)?")
_SPEAKER_TURN = re.compile(rf"^{_STAMP}\s+[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,3}}:\s+\S")
# A sound cue in brackets, alone or after its stamp: "[Music]", "[Applause]", "[theme music fades]".
_SOUND_CUE = re.compile(
    r"^\[(?:[a-z ]{0,20}\b)?(?:music|applause|laughter|laughs|jingle|theme|cheering|crosstalk|inaudible|silence)"
    r"(?:\b[a-z ]{0,20})?\]$",
    re.IGNORECASE,
)
# The host's read for the sponsor: it opens by naming the episode's sponsor ("This episode of
# Example Talk is supported by Example Bank."), or hands over to one ("But first, a quick word from
# this week's sponsor.").
_SPONSOR_OPENING = re.compile(
    r"^(?:this|today[’']s) (?:episode|show|podcast|programme|program)\b[^.!?]{0,60}?\b(?:is |was )?"
    r"(?:supported|sponsored|brought to you|made possible|presented) by\b",
    re.IGNORECASE,
)
_SPONSOR_HANDOVER = re.compile(
    r"\b(?:a (?:quick |short )?(?:word|message)|a (?:short )?break) from (?:our|this (?:week|episode)[’']s|today[’']s) sponsors?\b",
    re.IGNORECASE,
)
# The plea to follow, rate or review the show.
_FOLLOW_PLEA = re.compile(
    r"\b(?:follow|subscribe to|rate|review)\b[^.!?]{0,60}\bwherever you (?:get|listen to|find) (?:your )?podcasts\b|"
    r"\bleave us a (?:rating|review)\b",
    re.IGNORECASE,
)
# The closing credits, one sentence each: "Example Talk is produced by Jo Bloggs.", "Sound design by
# Li Wei.", "Our editor is Ana Ruiz.", "Music by The Band.", "Example Talk is an Example production."
_NAMES = r"[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|and|of|the|&))*"
_CREDIT_SENTENCE = re.compile(
    rf"^(?:(?:{_NAMES} (?:is|was) )?(?i:produced|edited|mixed|engineered|recorded|presented|hosted|written|made) by {_NAMES}|"
    rf"(?i:sound design|music|theme music|original music|mixing|editing|production|artwork) (?:is )?by {_NAMES}|"
    rf"(?i:our (?:executive )?(?:producer|editor|sound designer|engineer)s? (?:is|are)) {_NAMES}|"
    rf"{_NAMES} is an? {_NAMES} production)\.$"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# The episode's length and rating on a line of their own: "11 min · Explicit: no", "1 hr 4 min | Clean".
_DURATION = r"\d{1,3}\s*(?:h|hr|hrs|hours?)(?:\s*\d{1,2}\s*(?:m|min|mins|minutes?))?|\d{1,3}\s*(?:m|min|mins|minutes?)|(?:\d{1,2}:)?\d{1,2}:\d{2}"
_RATING = r"explicit(?:\s*:\s*(?:yes|no))?|clean"
_EPISODE_FACTS = re.compile(rf"^(?:{_DURATION}|{_RATING})(?:\s*[·•|]\s*(?:{_DURATION}|{_RATING}))*$", re.IGNORECASE)
# A chapter: its start in the episode, then its title ("02:27 The observatory's memo").
_CHAPTER = re.compile(r"^(?P<stamp>(?:\d{1,2}:)?\d{1,2}:\d{2})\s+(?P<title>\S.*)$")
# The headings of an episode page's parts.
_SECTION_HEADINGS = re.compile(
    r"^(?:show ?notes|episode notes|chapters|timestamps|guests?|in this episode|sponsors?|this episode[’']s sponsors?|"
    r"credits|(?:full |episode )?transcript)$",
    re.IGNORECASE,
)


def turn_words(text: str) -> str:
    """What a transcript's turn says, without its stamp and speaker's label."""
    return _TURN_PREFIX.sub("", text.strip(), count=1)


def line_reason(text: str) -> str | None:
    """"sound-cue", "ad-read", "podcast-plug", "credits" for those turns (or lines) of an
    episode, "player" for its length and rating; None for anything else."""
    said = turn_words(text)
    if _SOUND_CUE.match(said):
        return "sound-cue"
    if _SPONSOR_OPENING.match(said) or _SPONSOR_HANDOVER.search(said):
        return "ad-read"
    if _FOLLOW_PLEA.search(said):
        return "podcast-plug"
    if is_credits(said):
        return "credits"
    if _EPISODE_FACTS.match(text.strip()) and re.search(r"[A-Za-z]", text):
        return "player"
    return None


def is_credits(text: str) -> bool:
    """Closing credits: CREDITS_MIN_SENTENCES sentences at least, each naming who made the show."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return len(sentences) >= CREDITS_MIN_SENTENCES and all(_CREDIT_SENTENCE.match(sentence) for sentence in sentences)


def is_episode_page(page: Page) -> bool:
    """A page with a transcript in time-stamped speaker turns."""
    return sum(1 for line in page.lines if _SPEAKER_TURN.match(line.text)) >= EPISODE_MIN_TURNS


def drop_episode_furniture(page: Page) -> None:
    """A list of chapters (three entries at least, each a start time and a short title, from the
    episode's start on: "00:00 Intro", "02:27 The memo") with the heading above it; on a page with a
    transcript, the headings of the page's parts ("Show notes", "Guests", "Sponsor"). A timeline
    in an article gives clock times of the story, which do not start at zero."""
    indexes = content(page)
    k = 0
    while k < len(indexes):
        run = _chapter_run(page, indexes[k:])
        if len(run) < CHAPTERS_MIN_ENTRIES:
            k += 1
            continue
        heading = page.lines[indexes[k - 1]] if k > 0 else None
        if heading is not None and heading.kept and _is_short_heading(heading.text):
            heading.reason = "chapters"
        for i in run:
            page.lines[i].reason = "chapters"
        k += len(run)
    if not is_episode_page(page):
        return
    for i in indexes:
        line = page.lines[i]
        if line.kept and _SECTION_HEADINGS.match(line.text.rstrip(": ")):
            line.reason = "episode-heading"


def _chapter_run(page: Page, indexes: list[int]) -> list[int]:
    """The chapters that start at ``indexes[0]``: entries in rising order from the episode's start."""
    run: list[int] = []
    previous = -1
    for i in indexes:
        match = _CHAPTER.match(page.lines[i].text)
        if match is None or not _is_chapter_title(match.group("title")):
            break
        seconds = _seconds(match.group("stamp"))
        if (not run and seconds != 0) or seconds <= previous:
            break
        run.append(i)
        previous = seconds
    return run


def _is_chapter_title(title: str) -> bool:
    return len(words(title)) <= CHAPTER_TITLE_MAX_WORDS and (is_title_like(title) or title.endswith("?"))


def _is_short_heading(text: str) -> bool:
    return len(words(text)) <= SECTION_HEADING_MAX_WORDS and not ends_sentence(text)


def _seconds(stamp: str) -> int:
    total = 0
    for part in stamp.split(":"):
        total = total * 60 + int(part)
    return total
