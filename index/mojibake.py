"""Mojibake: a page whose UTF-8 text was once decoded as Windows-1252 and saved again, so that
every non-ASCII character shows as two or three others ("â€™" for ’, "Ã©" for é, "Â·" for ·).

The file itself is valid UTF-8 (``index.loading`` reads it as it is); the damage is in its text.
A run of such characters is the bytes of one UTF-8 character, each shown as the Windows-1252 (or,
for the bytes Windows-1252 leaves undefined, Latin-1) character of its byte: encoding the run
back gives the bytes, decoding them as UTF-8 gives the character the writer meant. A repaired
character is not a verbatim copy of the raw file, so it is recorded as inserted and maps, like
any inserted character, to the raw text around it; the run it replaces is not copied.

Repaired only when the page clearly shows the damage (``is_garbled``): several such runs, and
nearly no non-ASCII character outside them. A page that quotes "Ã©" in a story about broken
encoding, or writes "SÃO PAULO" in capitals, has correct letters and punctuation around it, and
a lone "Ã" followed by a plain letter is no UTF-8 sequence at all.
"""

from __future__ import annotations

import logging
from array import array
from dataclasses import replace

from index.source_text import INSERTED, PageHints, SourceText

logger = logging.getLogger(__name__)

MIN_GARBLED_RUNS = 3
# Share of the page's non-ASCII characters that must belong to mojibake runs: a damaged page has
# no correct accented letter or curly quote left, a story about encoding has many.
MIN_GARBLED_SHARE = 0.9
# The closing quote ” is E2 80 9D; 0x9D is undefined in Windows-1252, so that byte is often lost
# and the quote shows as "â€" before a character that continues no sequence. No other character
# in common use loses its last byte this way.
_TRUNCATED_QUOTE = ("\u00e2\u20ac", "\u201d")


def _byte(char: str) -> int | None:
    """The byte a character of a mojibake run stands for, or None for a character that no
    single high byte decodes to in Windows-1252 or Latin-1."""
    if len(char) != 1 or ord(char) < 0x80:
        return None
    if 0x80 <= ord(char) <= 0x9F:
        return ord(char)  # a C1 control: a byte Windows-1252 leaves undefined, read as Latin-1
    try:
        encoded = char.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 1 and encoded[0] >= 0x80 else None


def _sequence_length(lead: int) -> int:
    """The length of the UTF-8 sequence a lead byte opens (0 for a byte that opens none)."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _repair_at(text: str, position: int) -> tuple[str, int] | None:
    """The character a mojibake run at ``position`` stands for and the run's length, or None."""
    lead = _byte(text[position])
    length = _sequence_length(lead) if lead is not None else 0
    if not length:
        return None
    sequence = [lead]
    for char in text[position + 1 : position + length]:
        following = _byte(char)
        if following is None or not 0x80 <= following <= 0xBF:
            break
        sequence.append(following)
    if len(sequence) == length:
        try:
            return bytes(sequence).decode("utf-8"), length
        except UnicodeDecodeError:
            return None
    if text.startswith(_TRUNCATED_QUOTE[0], position):
        return _TRUNCATED_QUOTE[1], len(_TRUNCATED_QUOTE[0])
    return None


def _runs(text: str) -> list[tuple[int, int, str]]:
    """(start, length, repaired character) of each mojibake run of ``text``."""
    runs: list[tuple[int, int, str]] = []
    position = 0
    while position < len(text):
        repaired = _repair_at(text, position) if ord(text[position]) >= 0x80 else None
        if repaired is None:
            position += 1
            continue
        runs.append((position, repaired[1], repaired[0]))
        position += repaired[1]
    return runs


def is_garbled(text: str) -> bool:
    """The text shows mojibake throughout: MIN_GARBLED_RUNS runs at least, and nearly every
    non-ASCII character is part of one."""
    runs = _runs(text)
    if len(runs) < MIN_GARBLED_RUNS:
        return False
    in_runs = sum(length for _, length, _ in runs)
    non_ascii = sum(1 for char in text if ord(char) >= 0x80)
    return in_runs >= MIN_GARBLED_SHARE * non_ascii


def repair_text(text: str) -> str:
    """``text`` with every mojibake run replaced by the character it stands for.

    >>> repair_text("BrÃ©vineâ€™s mayor")
    'Brévine’s mayor'
    """
    parts: list[str] = []
    position = 0
    for start, length, char in _runs(text):
        parts.append(text[position:start] + char)
        position = start + length
    return "".join(parts) + text[position:]


def repair_source(source: SourceText) -> SourceText:
    """``source`` repaired when ``is_garbled`` says its text is damaged, else ``source`` itself.
    Each repaired character is inserted; the positions of table rows follow the shortened text."""
    if not is_garbled(source.text):
        return source
    runs = {start: (length, char) for start, length, char in _runs(source.text)}
    chars: list[str] = []
    raw_index = array("q")
    new_position: list[int] = []  # old source position -> new one
    position = 0
    while position < len(source.text):
        if position in runs:
            length, char = runs[position]
            new_position.extend([len(chars)] * length)
            chars.append(char)
            raw_index.append(INSERTED)
            position += length
            continue
        new_position.append(len(chars))
        chars.append(source.text[position])
        raw_index.append(source.raw_index[position])
        position += 1
    new_position.append(len(chars))
    logger.info("repaired %d mojibake runs", len(runs))
    return replace(
        source,
        text="".join(chars),
        raw_index=raw_index,
        hints=_repaired_hints(source.hints),
        table_rows=tuple((new_position[start], new_position[end]) for start, end in source.table_rows),
    )


def _repaired_hints(hints: PageHints) -> PageHints:
    def fix(value: str | None) -> str | None:
        return repair_text(value) if value is not None else None

    return PageHints(
        title=fix(hints.title),
        site_name=fix(hints.site_name),
        published=fix(hints.published),
        authors=tuple(repair_text(author) for author in hints.authors),
        headings=tuple(repair_text(heading) for heading in hints.headings),
        logo=fix(hints.logo),
        publisher=fix(hints.publisher),
        created=hints.created,
    )
