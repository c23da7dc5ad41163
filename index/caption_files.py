"""A caption file saved as a page (WebVTT, or SubRip's .srt) -> what was said, in paragraphs,
every character mapped to the raw file.

A caption file is recognised by its structure (``looks_like_caption_file``): the ``WEBVTT`` header,
or a SubRip file's first cue number over its timing line, and cues timed "00:00:09.580 -->
00:00:13.100". Its blocks are parted by blank lines: the header, ``NOTE`` comments, ``STYLE`` and
``REGION`` definitions, and the cues, each an optional number or name, the timing line and one or
two lines of text. Only the cues' text is what the programme says; the rest is the file's.

The captioner breaks a sentence wherever the screen runs out, across lines and cues, so the
source text joins a speaker's cues into one running paragraph (an inserted space where a line
ended), the way ``index.text_browser_dumps`` joins a wrapped paragraph. The speaker is the cue's
voice tag ("<v Jo Bloggs>"), which a new speaker's turn opens with; a cue without one goes on with
the turn before it unless it opens with a speaker-change marker (">>", "- "). A sound or
description cue ("[MUSIC]", "(applause)", "♪ ... ♪", "[ON SCREEN: ...]") is not speech: it is
dropped and ends the paragraph, as a NOTE between cues does. So is the captioner's credit
("Captions by ..."). Tags (voice, italics, classes, karaoke time stamps) are left out of the text;
kept characters are verbatim copies, so a citation still points at the raw file. What the
programme says about itself (its sponsor, its trailer for the items to come) is judged by the line
rules (``index.broadcast_pages``), as on a transcript's page.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field

from index import metadata
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText, TextBuilder
from index.text_shape import RawLine, raw_lines

logger = logging.getLogger(__name__)

MIN_CUES = 2  # timing lines that make a file of numbered blocks a caption file

_WEBVTT_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}"
# A cue's timing line, maybe with its settings after it: "00:00:09.580 --> 00:00:13.100 line:85%".
_TIMING = re.compile(rf"^\s*{_TIME}\s+-->\s+{_TIME}(?:\s+\S.*)?$")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
# Blocks of the file that are no cue: comments, style sheets, region definitions.
_META_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)*[ \t]+(?P<name>[^>\n]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>|<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# A speaker-change marker at the start of a cue: ">> Good evening", "- Where were you?".
_SPEAKER_CHANGE = re.compile(r"^(?:>>|-)\s+")
# A line that is no speech: a sound or a description in brackets ("[THEME MUSIC]", "(applause)",
# "[ON SCREEN: ...]"), or lyrics between music notes ("♪ Home again ♪").
_SOUND = re.compile(r"^(?:\[[^\[\]]*\]|\([^()]*\)|[♪♫][^♪♫]*[♪♫]?)$")
# The captioner's credit: "Captions by Example Captioning", "Subtitles provided by ...".
_CAPTIONER = re.compile(
    r"^(?:(?:closed |live )?captions?|captioning|captioned|subtitles?|subtitled|subtitling)"
    r"(?: (?:provided|made|produced|written|prepared))? by\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Paragraph:
    """One speaker's run of cue lines: the raw ``[start, end)`` of each line, in order."""

    voice: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)


def looks_like_caption_file(raw_text: str) -> bool:
    """The WebVTT header, or a SubRip file's first cue (its number over its timing line), and
    ``MIN_CUES`` timing lines at least. A page that quotes a timing line in its text has neither."""
    lines = raw_text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return False
    opens = bool(_WEBVTT_HEADER.match(lines[first].rstrip())) or (
        bool(_CUE_NUMBER.match(lines[first])) and first + 1 < len(lines) and bool(_TIMING.match(lines[first + 1]))
    )
    return opens and sum(1 for line in lines if _TIMING.match(line)) >= MIN_CUES


def caption_source(raw_text: str) -> SourceText:
    """What the cues say, one speaker's paragraph per line (blank lines between), mapped to raw
    offsets; the header, notes, styles, cue numbers and timings, sound cues and the captioner's
    credit are recorded as dropped.

    >>> vtt = "WEBVTT\\n\\n1\\n00:00:01.000 --> 00:00:03.000\\n<v Ana>The river rose\\n\\n2\\n00:00:03.000 --> 00:00:05.000\\nall night.\\n"
    >>> caption_source(vtt).text
    'The river rose all night.'
    """
    dropped: list[DroppedBlock] = []
    paragraphs: list[_Paragraph] = []
    current: _Paragraph | None = None
    notes: list[str] = []
    for block in _blocks(raw_text):
        timing = next((k for k, line in enumerate(block) if _TIMING.match(line.text)), None)
        if timing is None:
            # The header, a NOTE, STYLE or REGION block, or a stray block: the file's, not speech.
            if block[0].text.startswith("NOTE"):
                notes.extend(line.text for line in block)
            dropped.append(DroppedBlock(block[0].start, _end(block[-1]), "caption-metadata"))
            current = None
            continue
        dropped.append(DroppedBlock(block[0].start, _end(block[timing]), "cue-timing"))
        spoken: list[RawLine] = []
        for line in block[timing + 1:]:
            if _is_sound(line.text):
                dropped.append(DroppedBlock(line.start, _end(line), "caption-sound"))
            else:
                spoken.append(line)
        if not spoken or _CAPTIONER.match(_plain(spoken[0].text)):
            if spoken:
                dropped.append(DroppedBlock(spoken[0].start, _end(spoken[-1]), "caption-credit"))
            current = None  # a sound, a description or the credit between two turns ends the first
            continue
        for line in spoken:
            voice = _voice(line.text)
            changes = _SPEAKER_CHANGE.match(_plain(line.text)) is not None
            if current is None or changes or (voice is not None and voice != current.voice):
                current = _Paragraph(voice)
                paragraphs.append(current)
            current.spans.append((line.start, _end(line)))
    builder = TextBuilder(raw_text)
    for paragraph in paragraphs:
        if builder.chars:
            builder.insert("\n")
            builder.insert("\n")
        for k, (start, end) in enumerate(paragraph.spans):
            if k and builder.last not in ("", " "):
                builder.insert(" ")
            _copy_cue_text(builder, raw_text, start, end)
    return SourceText(text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped), hints=_hints(notes))


def _blocks(raw_text: str) -> list[list[RawLine]]:
    """The file's blocks: runs of non-blank lines."""
    blocks: list[list[RawLine]] = [[]]
    for line in raw_lines(raw_text):
        if not line.blank:
            blocks[-1].append(RawLine(line.start, line.text.rstrip("\r")))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _end(line: RawLine) -> int:
    return line.start + len(line.text)


def _plain(text: str) -> str:
    """A cue line without its tags, as the screen shows it."""
    return _TAG.sub("", text).strip()


def _is_sound(text: str) -> bool:
    plain = _plain(text)
    return not plain or bool(_SOUND.match(plain))


def _voice(text: str) -> str | None:
    match = _VOICE.match(text.strip())
    return " ".join(match.group("name").split()) if match else None


def _copy_cue_text(builder: TextBuilder, raw_text: str, start: int, end: int) -> None:
    """Copy one cue line without its tags, its speaker-change marker and its surrounding spaces;
    an entity ("&amp;") is decoded as inserted text."""
    line = raw_text[start:end]
    shown = _TAG.sub(lambda match: "\0" * len(match.group(0)), line)  # tags blanked, offsets kept
    lead = len(shown) - len(shown.lstrip(" \t\0"))
    position = start + lead
    if _SPEAKER_CHANGE.match(shown[lead:].replace("\0", "")):
        position += _skip_marker(shown[lead:])
    stop = start + len(shown.rstrip(" \t\0\r"))
    while position < stop:
        char = shown[position - start]
        if char == "\0":
            position += 1
            continue
        entity = _ENTITY.match(raw_text, position, stop) if char == "&" else None
        if entity is not None:
            for decoded in html.unescape(entity.group(0)):
                builder.insert(decoded)
            position = entity.end()
            continue
        if char in " \t" and builder.last in ("", " ", "\n"):
            position += 1
            continue
        builder.copy(position)
        position += 1


def _skip_marker(shown: str) -> int:
    """Length of the speaker-change marker and its spaces at the start of ``shown``."""
    position = 0
    while position < len(shown) and shown[position] in ">-":
        position += 1
    while position < len(shown) and shown[position] in " \t\0":
        position += 1
    return position


def _hints(notes: list[str]) -> PageHints:
    """The broadcast's date, when a note states one ("Broadcast: Wednesday 17 September 2036"),
    and the programme it names ("Programme: Example News at Ten, Example One"): the outlet."""
    published = next((line for line in notes if metadata.parse_date(line) is not None), None)
    programme = next((name for line in notes if (name := metadata.programme_name(line)) is not None), None)
    return PageHints(published=published, publisher=programme)
