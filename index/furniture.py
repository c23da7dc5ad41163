"""Rules that recognise page furniture in one line of text, independent of the page.

Each rule is general (a shape or a vocabulary of page furniture), never a string copied
from one seed page. ``line_reason`` returns the reason a line is furniture, or None; the
block rules that need neighbouring lines (lists under a heading, FAQ pairs, author boxes,
captions) live in ``index.cleaning``.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_CLOSERS = "\"”’')]»"
# A bullet is a marker followed by a space: "- Title", "• Title", never "-1.5%".
_BULLET = re.compile(r"^[•·▪►◦‣∙*–—-]\s+")
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")

_AD = re.compile(
    r"^(advertisements?|ad|ads|sponsored(?: content)?|paid (?:post|content)|promoted|"
    r"story continues below(?: advertisement)?|scroll to continue(?: with content)?|"
    r"continue reading below)$",
    re.IGNORECASE,
)
_BREADCRUMB_START = re.compile(r"^(?:current\s*:|you are here\s*:?|home\s*(?:>|»|›|/))", re.IGNORECASE)
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:>|»|›)\s")
_VOTE = re.compile(r"^[^\s()]{1,20}!?\s*\(\d+\)$")
_COPYRIGHT = re.compile(r"©|\bcopyright\s*(?:\(c\)|©)?\s*\d{4}|\(c\)\s*\d{4}|\ball rights reserved\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s_=*~•·#—–-]{3,}$")
_UI_WORDS = re.compile(
    r"^(view|share|share this(?: article| page| story)?|print|comments?|menu|search|close|back to top|"
    r"skip to (?:main )?content|listen(?: to (?:this )?article)?|save|save article|e-?mail|tweet|"
    r"facebook|twitter|x|whatsapp|linkedin|copy link|show more|load more|next|previous|follow|"
    r"reply|open in app|toggle navigation|sign in|log in|subscribe)(?:\s*\(\d+\))?$",
    re.IGNORECASE,
)
# Market tickers: a price line, a change line, a one-line quote, a market-hours status.
_TICKER_NUMBER = re.compile(r"^[+\-−]?[$£€¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?%?$")
_TICKER_CHANGE = re.compile(r"^[+\-−▲▼]\s?[\d,]*\.?\d+%?\s*(?:\(\s*[+\-−]?[\d.]+%\s*\))?$")
_TICKER_QUOTE = re.compile(
    r"^[A-Z][\w&.’'/ -]{0,30}?\s+[$£€¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:pts?)?\s+"
    r"(?:[▲▼↑↓]\s*[\d,]*\.?\d+\s*%?|[+\-−]\s?[\d,]*\.?\d+\s*%?|[\d,]*\.?\d+\s*%)"
    r"(?:\s*\(\s*[+\-−]?[\d.]+\s*%\s*\))?$"
)
_MARKET_STATUS = re.compile(r"\bmarkets?\s+(?:(?:are|is)\s+)?(?:open|opens|close|closes|closed)\b", re.IGNORECASE)
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:we use|accept|consent|manage|settings|preferences|privacy|agree|opt out)\b|"
    r"\b(?:we use|accept(?: all)?|manage)\b.*\bcookies?\b",
    re.IGNORECASE,
)
_IMAGE_CREDIT = re.compile(
    r"^(?:photo|image|picture|file photo|photograph|credit|source|video)s?\s*(?::|/|by\b)|"
    r"\((?:photo|image|file photo)s?\s*(?::|by\b)[^)]*\)$|"
    r"(?:getty images|afp via getty images|shutterstock|ap photo/[^)]*|reuters/[^)]*)\)?$",
    re.IGNORECASE,
)
_PROMPT_TERMS = re.compile(
    r"\b(?:subscri\w*|newsletters?|sign(?:ing)? up|sign in|log(?:ged)? in|registering|register|"
    r"registration|donat\w*|your support|support (?:us|our journalism|independent journalism)|"
    r"paywalls?|notifications?|push alerts?|refresh (?:the|your) (?:page|browser)|"
    r"download (?:the|our) app|follow us|inbox|free trial|create (?:an|a free) account|"
    r"already (?:a member|a subscriber|have an account)|unlock|premium (?:content|access)|"
    r"(?:get|receive|turn on|enable)\s+(?:\w+\s+)?alerts)\b",
    re.IGNORECASE,
)
# Terms that mean a prompt even in a short line that does not address the reader.
_STRONG_PROMPT_TERMS = re.compile(
    r"\b(?:subscri\w*|newsletters?|sign(?:ing)? up|log(?:ged)? in|notifications?|paywalls?)\b", re.IGNORECASE
)
_READER_ADDRESS = re.compile(r"\b(?:you|your|yours|we|our|us)\b", re.IGNORECASE)
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_IMPERATIVE_START = re.compile(
    r"^(?:sign up|subscribe|stay up to date|stay informed|get (?:the|our|unlimited|alerts|notifications|breaking)|join|thank you|thanks for|"
    r"please|click|tap|download|follow|support|register|log in|don[’']t miss|never miss|enter your)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_TRACKING = re.compile(r"^[a-z0-9 :._/-]+$")

LINK_LIST_HEADINGS = re.compile(
    r"^(?:related(?: (?:articles|stories|posts|news|coverage|content|topics))?|read more|more to read|"
    r"read next|also read|read also|ranking|rankings|recommendations?|recommended(?: for you| stories| reading)?|"
    r"top (?:articles|stories|news)|latest(?: (?:posts|news|stories|articles))?|tags|topics|"
    r"you (?:may|might) also like|more from [\w .’'-]{1,40}|more on this (?:story|topic)|more stories|"
    r"most (?:read|popular|viewed|shared)|trending(?: now| stories)?|popular(?: now)?|see also|"
    r"editor[’']?s picks|don[’']t miss|what to read next|further reading|in other news|"
    r"explore more|more news|around the web)$",
    re.IGNORECASE,
)
FAQ_HEADINGS = re.compile(r"^(?:faqs?|frequently asked questions|people also ask|common questions)$", re.IGNORECASE)
AUTHOR_BOX_HEADINGS = re.compile(
    r"^(?:article information|author information|about the author|author details|author profile|"
    r"about the writer|author bio)$",
    re.IGNORECASE,
)
AUTHOR_BOX_KEYS = {
    "author", "name", "birthday", "born", "address", "phone", "telephone", "email", "e-mail", "job",
    "occupation", "hobby", "hobbies", "introduction", "bio", "last updated", "updated", "views",
    "rating", "reviews", "website", "location", "joined", "education", "twitter", "gender", "age",
}
_KEY_VALUE = re.compile(r"^([A-Za-z][A-Za-z -]{0,24}?)\s*:\s*(.*)$")
INLINE_LINK_PREFIX = re.compile(
    r"^(?:also (?:on|read|see)\b|read (?:more|also|next)\b|see also\b|related\s*:|more\s*:|watch\s*:|"
    r"listen\s*:|recommended\s*:)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\bcontributed(?: (?:to|reporting|writing|research))?(?: (?:to )?(?:this|the) (?:report|story|article))?\b"
    r"|\badditional (?:reporting|editing|writing|research)\b|^(?:reporting|editing|writing|written|edited) by\b",
    re.IGNORECASE,
)


def content_bounds(line: str) -> tuple[int, int]:
    """``[start, end)`` of ``line`` without surrounding whitespace and a leading list bullet."""
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    bullet = _BULLET.match(line[start:end])
    if bullet:
        start += bullet.end()
    return start, max(start, end)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (closing quotes and brackets allowed)."""
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] in ".!?…"


def is_title_like(text: str) -> bool:
    """A headline, link title or label: no closing sentence punctuation."""
    return not ends_sentence(text)


def is_prose(text: str, min_words: int = 8) -> bool:
    return ends_sentence(text) and len(words(text)) >= min_words


def is_credit(text: str) -> bool:
    """A line saying who wrote, reported, edited or contributed ("... contributed to this report")."""
    return bool(CREDIT.search(text)) and len(words(text)) <= 40


def without_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def key_value(text: str) -> tuple[str, str] | None:
    match = _KEY_VALUE.match(text)
    if match is None:
        return None
    return match.group(1).strip().lower(), match.group(2).strip()


def is_author_box_field(text: str) -> bool:
    pair = key_value(text)
    return pair is not None and pair[0] in AUTHOR_BOX_KEYS


def is_ticker_value(text: str) -> bool:
    return bool(_TICKER_NUMBER.match(text) or _TICKER_CHANGE.match(text))


def is_question(text: str) -> bool:
    core = text.rstrip().rstrip("›»>").rstrip()
    return core.endswith("?")


def line_reason(text: str, outlet_names: tuple[str, ...] = ()) -> str | None:
    """Why this single line is page furniture, or None if it may be article text.

    ``outlet_names`` are the page's own outlet names (aliases), used to spot the outlet
    advertising itself ("... SCMP Knowledge, our new platform ...").
    """
    if not text.strip():
        return None
    word_count = len(words(text))
    if _AD.match(text):
        return "advertisement"
    if _SEPARATOR.match(text):
        return "separator"
    if _BREADCRUMB_START.match(text) or len(_BREADCRUMB_SEPARATOR.findall(text)) >= 2:
        return "breadcrumb"
    if _VOTE.match(text):
        return "vote-widget"
    if _UI_WORDS.match(text):
        return "interface-label"
    if is_ticker_value(text) or _TICKER_QUOTE.match(text):
        return "ticker"
    if _MARKET_STATUS.search(text) and word_count <= 12 and not ends_sentence(text):
        return "ticker"
    if _COPYRIGHT.search(text):
        return "copyright"
    if _COOKIE.search(text):
        return "cookie-banner"
    if _IMAGE_CREDIT.search(text) and word_count <= 25:
        return "caption"
    if _TRACKING.match(text) and word_count <= 6 and not ends_sentence(text):
        return "page-fragment"  # lowercase code-like leftovers ("date 2023-12-07 fbpx")
    if is_prompt(text):
        return "prompt"
    if is_self_promotion(text, outlet_names):
        return "promotion"
    return None


def is_prompt(text: str) -> bool:
    """A subscription, donation, registration or notification prompt addressed to the reader."""
    unquoted = without_quotes(text)
    if not _PROMPT_TERMS.search(unquoted):
        return False
    if _READER_ADDRESS.search(unquoted) or _IMPERATIVE_START.match(unquoted.strip()):
        return True
    return len(words(text)) <= 12 and bool(_STRONG_PROMPT_TERMS.search(unquoted))


def is_self_promotion(text: str, outlet_names: tuple[str, ...]) -> bool:
    """The outlet talking about itself in the first person ("The Independent ... our reporting")."""
    if not outlet_names:
        return False
    unquoted = without_quotes(text)
    if not _FIRST_PERSON_PLURAL.search(unquoted):
        return False
    spaced = " ".join(unquoted.split())  # "The\u00a0Independent" is "The Independent"
    return any(re.search(rf"\b{re.escape(name)}\b", spaced) for name in outlet_names)
