"""An acronym's name in full, where the text spells it out.

A story names a body in full once, "the Rail Accident Investigation Office (RAIO)", and by its
letters after that. Asked "Which body is investigating?", a reader who answers "RAIO" from a later
sentence tells less than the text does: the answer is the name the letters stand for.
"""

from __future__ import annotations

import re

# Lower-case words inside a name that give no letter: "Union *of* Cabin *and* Ground Staff (UCGS)".
_FILLERS = frozenset({"of", "and", "the", "for", "&", "on", "de", "du", "des", "la", "le"})
_ACRONYM = re.compile(r"(?:[Tt]he\s+)?(?P<letters>[A-Z]{2,6})")
_WORD = re.compile(r"[^\W\d_][\w'’&-]*|&")
_LOOK_BACK = 160  # characters before "(RAIO)" that may hold the name: eight long words


def acronym_letters(text: str) -> str | None:
    """The letters of an answer that is only an acronym ("RAIO", "the NSI"), or None."""
    match = _ACRONYM.fullmatch(text.strip())
    return None if match is None else match.group("letters")


def spelled_out(text: str, letters: str) -> tuple[int, int] | None:
    """Where ``text`` gives the name ``letters`` stand for, just before them in brackets:
    "the Rail Accident Investigation Office (RAIO)" -> the span of "Rail Accident Investigation
    Office". None when the text spells out no such name, or when the capitalised words before the
    brackets do not give the letters in order ("the report (RAIO)")."""
    for bracket in re.finditer(rf"\(\s*{re.escape(letters)}\s*\)", text):
        start = _name_start(text, bracket.start(), letters)
        if start is not None:
            end = text[: bracket.start()].rstrip()
            return start, len(end)
    return None


def _name_start(text: str, before: int, letters: str) -> int | None:
    """Where the name ending right before ``before`` starts: walking back over its words, each
    capitalised word gives the next letter from the end, fillers none."""
    window_start = max(0, before - _LOOK_BACK)
    words = list(_WORD.finditer(text, window_start, before))
    if not words or text[words[-1].end() : before].strip():
        return None  # "(RAIO)" must follow the name, not a comma or a figure
    wanted = letters.lower()
    found = ""
    after = before
    for word in reversed(words):
        if text[word.end() : after].strip():
            return None  # "Institute. The Board (IB)": the name runs unbroken up to the brackets
        after = word.start()
        if word.group().lower() in _FILLERS:
            continue
        if not word.group()[:1].isupper():
            return None
        found = word.group()[0].lower() + found
        if not wanted.endswith(found):
            return None
        if found == wanted:
            return word.start()
    return None
