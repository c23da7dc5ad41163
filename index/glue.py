"""Repair words the source glued together (``thebolsteringof``, ``forCNN’s``, ``a"China``).

Only confident repairs: a lowercase token is split only when it is not itself a known word
and every part is a common word of the wordfreq lexicon; names, numbers, URLs, e-mail
addresses and hyphenated compounds of known words stay as they are. Each repair is a space
to insert *before* a character of the token, so offsets to the raw file survive.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from wordfreq import zipf_frequency

logger = logging.getLogger(__name__)

# Zipf scale: 7 = "the", 5 = "relationship", 3 = "hotline", 0 = not in the lexicon.
UNKNOWN_BELOW = 1.0  # a token rarer than this is not a word the lexicon knows
PART_AT_LEAST = 2.5  # every part of a split must be at least this common
SHORT_PART_AT_LEAST = 5.0  # parts of 1-3 letters must be function words ("of", "the", "in")
MIN_GLUED_LENGTH = 7  # "thein" or "ofa" are too short to split with confidence

_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[a-z]+")
_CAMEL_GLUE = re.compile(r"^([a-z]{2,})([A-Z][A-Za-z]*(?:[’'][a-z]+)?)$")
_COMMA_GLUE = re.compile(r"(?<=[a-z]),(?=[a-z]{2,})")
_QUOTE_GLUE = re.compile(r"(?<=[a-z])[\"“](?=[A-Z])")
_NOT_PROSE = re.compile(r"[0-9@/\\_=]|://|www\.|\.[a-z]{2,4}\b")


def repair_points(text: str) -> list[int]:
    """Indexes of ``text`` before which a space should be inserted, sorted.

    >>> [("thebolsteringof"[:i]) for i in repair_points("thebolsteringof")]
    ['the', 'thebolstering']
    """
    points: list[int] = []
    for token in _TOKEN.finditer(text):
        points.extend(token.start() + offset for offset in _token_repairs(token.group(0)))
    return sorted(set(points))


def repair(text: str) -> str:
    """``text`` with the repair spaces inserted (for display and tests)."""
    pieces: list[str] = []
    previous = 0
    for point in repair_points(text):
        pieces.extend((text[previous:point], " "))
        previous = point
    pieces.append(text[previous:])
    return "".join(pieces)


def _token_repairs(token: str) -> list[int]:
    if _NOT_PROSE.search(token):
        return []
    points = [match.end() for match in _COMMA_GLUE.finditer(token)]
    points += [match.start() for match in _QUOTE_GLUE.finditer(token)]
    # Repair each hyphen/comma/quote-separated piece on its own: "withflag-waving".
    for piece in re.finditer(r"[A-Za-z’']+", token):
        word = piece.group(0)
        camel = _CAMEL_GLUE.match(word)
        if camel and zipf_frequency(camel.group(1), "en") >= SHORT_PART_AT_LEAST:
            points.append(piece.start() + len(camel.group(1)))
            continue
        core = word.rstrip("’'s") if word.endswith(("’s", "'s")) else word
        if _LETTERS.fullmatch(core):
            points.extend(piece.start() + cut for cut in split_glued(core))
    return points


@lru_cache(maxsize=65536)
def split_glued(word: str) -> tuple[int, ...]:
    """Cut positions that split a glued lowercase ``word`` into 2-3 common words, or ()."""
    if len(word) < MIN_GLUED_LENGTH or not word.islower() or _known(word) >= UNKNOWN_BELOW:
        return ()
    # Fewest parts first: "hotlineearlier" is "hotline earlier", not "hot line earlier".
    best: tuple[float, tuple[int, ...]] | None = None
    for first in range(2, len(word) - 1):
        head, tail = _part_score(word[:first]), _part_score(word[first:])
        if head is not None and tail is not None:
            best = _better(best, (min(head, tail), (first,)))
    if best is not None:
        return best[1]
    for first in range(2, len(word) - 3):
        head = _part_score(word[:first])
        if head is None:
            continue
        for second in range(first + 2, len(word) - 1):
            middle, last = _part_score(word[first:second]), _part_score(word[second:])
            if middle is not None and last is not None:
                best = _better(best, (min(head, middle, last), (first, second)))
    return best[1] if best is not None else ()


def _better(
    current: tuple[float, tuple[int, ...]] | None, candidate: tuple[float, tuple[int, ...]]
) -> tuple[float, tuple[int, ...]]:
    return candidate if current is None or candidate[0] > current[0] else current


@lru_cache(maxsize=262144)
def _known(word: str) -> float:
    return zipf_frequency(word, "en")


def _part_score(part: str) -> float | None:
    score = _known(part)
    needed = SHORT_PART_AT_LEAST if len(part) <= 3 else PART_AT_LEAST
    return score if score >= needed else None
