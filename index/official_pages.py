"""The website furniture of a public body or a company publishing its own notices: a toolbar of
reading aids ("Text size: A A A | Language: English | Deutsch") and the reference number a
notice or release carries as its own line ("Notice No. WS-2031/04"), and a release's label line
("PRESS RELEASE  For immediate release").

Such pages state the facts in the notice's title and text; the reference is filing metadata, as
a press release's number is. Used by ``index.furniture.line_reason``.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_TOOL_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# "Text size: A A A", "Font size A- A A+", "A- A+"
_TEXT_SIZE = re.compile(r"^(?:(?:(?:text|font)[- ]size)\s*:?\s*(?:A[+-]?\s*){1,4}|(?:A[+-]?\s*){2,4})$", re.IGNORECASE)
_CONTRAST = re.compile(r"^(?:high )?contrast(?:\s*:?\s*(?:on|off|high|normal|default))?$", re.IGNORECASE)
_LANGUAGE = re.compile(r"^languages?\s*:\s*[A-ZÀ-Þ][\w’'-]+$", re.IGNORECASE)
_OPTION = re.compile(r"^[A-ZÀ-Þ][\w’'-]+$")  # another language offered after "Language: English"
# A document's label and reference as the whole line: "Notice No. WS-2031/04", "Press release
# no. 45/2029", "Ref: KL/2031/7". The reference mixes digits with letters or separators, so a
# plain number ("Platform No. 9") is not one.
_DOCUMENT_NUMBER = re.compile(
    r"^(?:(?:(?:public|official|press|media|news|council|court) )?(?:notice|release|bulletin|circular|decision|order|"
    r"decree|resolution|advisory|alert|statement|directive|ordinance|announcement|document|file|case)\s+"
    r"(?:no\.?|number|nr\.?|#)|(?:our |your )?ref(?:erence)?\.?(?:\s*no\.?)?\s*:)"
    r"\s*:?\s*(?P<code>[A-Z0-9][\w./-]*)$",
    re.IGNORECASE,
)

# A release's label and its release instruction, alone or together on the letterhead's line:
# "PRESS RELEASE", "For immediate release", "NEWS RELEASE – For immediate release", "Embargoed
# until 00:01 on 3 May". What kind of document the page is, not what it says.
_RELEASE_LABEL = r"(?:(?:press|news|media) release|(?:press|media) statement)"
_RELEASE_INSTRUCTION = r"(?:for immediate release|embargoed(?: until [^.]{1,40})?|not for publication before [^.]{1,40})"
_RELEASE_LINE = re.compile(
    rf"^(?:{_RELEASE_LABEL}(?:\s*[:|–—-]?\s*{_RELEASE_INSTRUCTION})?|{_RELEASE_INSTRUCTION})[.:]?$", re.IGNORECASE
)


def line_reason(text: str) -> str | None:
    """"interface-label" for a reading-aids toolbar, "notice-metadata" for a reference line or a
    release's label line."""
    if is_reading_aids(text):
        return "interface-label"
    if is_document_number(text) or _RELEASE_LINE.match(" ".join(text.split())):
        return "notice-metadata"
    return None


def is_reading_aids(text: str) -> bool:
    """A toolbar of text size, contrast and language controls and nothing else, with a text size
    control or a choice of languages ("Language: English | Deutsch"). One "Language: English"
    alone is a fact box's line (a film's details), not a control."""
    parts = [part for part in _TOOL_SEPARATOR.split(text.strip()) if part]
    seen_language = False
    choices = 0  # languages offered after the language control
    for part in parts:
        if _LANGUAGE.match(part):
            seen_language = True
        elif _TEXT_SIZE.match(part) or _CONTRAST.match(part):
            continue
        elif seen_language and _OPTION.match(part):
            choices += 1
        else:
            return False
    return choices > 0 or any(_TEXT_SIZE.match(part) for part in parts)


def is_document_number(text: str) -> bool:
    """A notice's or release's reference number alone on its line."""
    match = _DOCUMENT_NUMBER.match(text.strip())
    if match is None:
        return False
    code = match.group("code")
    return any(char.isdigit() for char in code) and (any(char.isalpha() for char in code) or bool(re.search(r"[/.-]", code)))
