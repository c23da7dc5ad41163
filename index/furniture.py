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
# A menu or a news ticker written on one line: "Home | World | Business", "LATEST: A • B • C •",
# "Lima: ... /// Quito: ...". "/" counts only with spaces around it ("AP/Reuters" is one name).
_SEGMENT_SEPARATOR = re.compile(r"(?:^|\s+)(?:[|•·›»>]|/{1,3})(?=\s|$)")
_YEAR_OR_TIME = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b")
_BYLINE_ROLE = re.compile(r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|photographer)\b", re.IGNORECASE)
MENU_MIN_SEGMENTS = 3
MENU_ITEM_MAX_WORDS = 4  # "Privacy policy", "Climate Risk"
TICKER_ITEM_WORDS = (3, 12)  # each item of a headline ticker is itself a short headline
# "Listen to this article · 3 min", "4 min read"
_READING_TIME = re.compile(r"\s*[·•|,:-]?\s*\(?\d{1,3}\s*(?:min|mins|minutes?)(?:\s+(?:read|listen))?\)?$", re.IGNORECASE)
# A live-blog or breaking-news promo strip: "LIVE Floods: follow our live coverage".
_LIVE_PROMO = re.compile(
    r"^(?:live|live now|breaking|developing)\b.{0,100}?\b(?:follow|watch|read|see|get)\s+(?:our|the)\s+(?:live|latest)\b",
    re.IGNORECASE,
)
# A weather widget: "Neuquén 4°C, light rain", "Friday, 7 June 2024 Leeds 12°C Sunny".
_TEMPERATURE = re.compile(r"[+\-−]?\d{1,3}\s?°\s?[CF]?\b")
_WEATHER_WORDS = re.compile(
    r"\b(?:rain\w*|showers?|sun\w*|cloud\w*|clear|snow\w*|sleet|fog\w*|mist\w*|drizzle|overcast|wind\w*|"
    r"storm\w*|thunder\w*|hail|haze|hazy|fair)\b",
    re.IGNORECASE,
)
_WEATHER_DATE_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.IGNORECASE,
)
# "Tags: dams, Argentina, floods" / "Filed under: Politics, Europe"
_TAG_LIST = re.compile(r"^(?:tags?|topics?|keywords|filed under|categor(?:y|ies)|related topics)\s*:\s*(?P<items>.+)$", re.IGNORECASE)
TAG_LIST_MAX_WORDS = 25
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
    r"^[A-Z][\w&.’'/()$ -]{0,30}?\s+[$£€¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:pts?)?\s+"
    r"(?:[▲▼↑↓]\s*[\d,]*\.?\d+\s*%?|[+\-−]\s?[\d,]*\.?\d+\s*%?|[\d,]*\.?\d+\s*%)"
    r"(?:\s+[+\-−]?[\d.]+\s*%)?"  # "▼ 54.91 -0.84%": the change, then the change in percent
    r"(?:\s*\(\s*[+\-−]?[\d.]+\s*%\s*\))?$"
)
_TABLE_COLUMNS = re.compile(r"\s+\|\s+")  # "IPSA 6,512.40 ▼ 54.91 -0.84% | USD/CLP 958.30 ▲ 10.62 +1.12%"
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
    r"reader[- ](?:funded|supported|powered)|readers like you|"
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
# A button on its own line: "Donate now", "Become a member", "Give today".
_CALL_TO_ACTION = re.compile(
    r"^(?:donate|give|contribute|support us|join us|become an? (?:member|supporter|subscriber|patron|friend))"
    r"(?:\s+(?:now|today|here|monthly|once))?\s*[›»→!]?$",
    re.IGNORECASE,
)
_READER_ADDRESS = re.compile(r"\b(?:you|your|yours|we|our|us)\b", re.IGNORECASE)
# Case-sensitive so that "the US embassy" is not the outlet saying "us".
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|WE|[Oo]ur|OUR|[Uu]s)\b")
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
_AUTHOR_BOX_HEADING = (
    r"(?:article information|author information|about the author|author details|author profile|"
    r"about the writer|about the reporter|author bio)"
)
AUTHOR_BOX_HEADINGS = re.compile(rf"^{_AUTHOR_BOX_HEADING}$", re.IGNORECASE)
# Heading and bio on one line: "About the author: Jo Bloggs is a reporter who loves ..."
AUTHOR_BOX_INLINE = re.compile(rf"^{_AUTHOR_BOX_HEADING}\s*[:—–-]\s*\S", re.IGNORECASE)
# The first words of an author bio: a name, then "is/was/has/covers/writes ...".
_AUTHOR_BIO_START = re.compile(
    r"^[A-ZÀ-Ý][\w’'.-]*(?:\s+[A-ZÀ-Ý][\w’'.-]*){1,3}\s+(?:is|was|has|covers|writes|reports|joined)\b"
)
AUTHOR_BIO_MAX_WORDS = 80
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
    r"|\badditional (?:reporting|editing|writing|research)\b|^\(?(?:reporting|editing|writing|written|edited) by\b",
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


def is_author_bio(text: str) -> bool:
    """A paragraph that introduces the author ("Jo Bloggs is a reporter who ...")."""
    return bool(_AUTHOR_BIO_START.match(text)) and len(words(text)) <= AUTHOR_BIO_MAX_WORDS


def segments(text: str) -> list[str]:
    """The non-empty parts of a line split at menu separators ("|", "•", "·", "›", " / ")."""
    return [part.strip() for part in _SEGMENT_SEPARATOR.split(text) if part.strip()]


def segmented_line_reason(text: str) -> str | None:
    """"navigation" for a one-line menu of short labels, "ticker" for a line of several short
    headlines; None for anything else (one "|" in a sentence, a "Title | Section | Outlet")."""
    parts = segments(text)
    if len(parts) < MENU_MIN_SEGMENTS or any(ends_sentence(part) for part in parts):
        return None
    if _YEAR_OR_TIME.search(text) or _BYLINE_ROLE.search(text) or text.lower().startswith("by "):
        return None  # "Jane Doe | Reporter | 3 June 2024 18:40": a byline and date line
    lengths = [len(words(part)) for part in parts]
    if max(lengths) <= MENU_ITEM_MAX_WORDS:
        return "navigation"
    low, high = TICKER_ITEM_WORDS
    if low <= min(lengths) and max(lengths) <= high:
        return "ticker"
    return None


def is_short_breadcrumb(text: str) -> bool:
    """One breadcrumb step: "Latin America › Disasters" (two short capitalised labels)."""
    parts = re.split(r"\s[›»]\s", text)
    return len(parts) == 2 and all(
        1 <= len(words(part)) <= 3 and part[:1].isupper() and not any(char.isdigit() for char in part) and is_title_like(part)
        for part in parts
    )


def is_weather_widget(text: str) -> bool:
    """Place (and date) plus a temperature and a sky word: "Neuquén 4°C, light rain".

    Only capitalised words or numbers may come before the temperature, so a headline such as
    "Seville swelters at 45°C" is not a widget."""
    match = _TEMPERATURE.search(text)
    if match is None or ends_sentence(text):
        return False
    lead, tail = text[: match.start()], text[match.end():]
    lead_words = words(lead)
    if not lead_words or not all(word[0].isupper() or word[0].isdigit() for word in lead_words):
        return False
    return len(words(tail)) <= 4 and bool(_WEATHER_WORDS.search(tail) or _WEATHER_DATE_WORDS.search(lead))


def is_tag_list(text: str) -> bool:
    match = _TAG_LIST.match(text)
    return match is not None and is_title_like(text) and len(words(match.group("items"))) <= TAG_LIST_MAX_WORDS


def is_ticker_row(text: str) -> bool:
    """Several quotes side by side in one table row, split by "|"."""
    columns = _TABLE_COLUMNS.split(text.strip())
    return len(columns) >= 2 and all(_TICKER_QUOTE.match(column.strip()) for column in columns)


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
    if _BREADCRUMB_START.match(text) or len(_BREADCRUMB_SEPARATOR.findall(text)) >= 2 or is_short_breadcrumb(text):
        return "breadcrumb"
    if _VOTE.match(text):
        return "vote-widget"
    # A label with or without its reading time ("Listen · 3 min"), or the reading time alone.
    if _UI_WORDS.match(_READING_TIME.sub("", text)) or _READING_TIME.fullmatch(text):
        return "interface-label"
    if is_weather_widget(text):
        return "weather-widget"
    if _LIVE_PROMO.match(text) and word_count <= 15 and not ends_sentence(text):
        return "promotion"
    if is_tag_list(text):
        return "tags"
    if is_ticker_value(text) or _TICKER_QUOTE.match(text) or is_ticker_row(text):
        return "ticker"
    if _MARKET_STATUS.search(text) and word_count <= 12 and not ends_sentence(text):
        return "ticker"
    if _COPYRIGHT.search(text):
        return "copyright"
    if _COOKIE.search(text):
        return "cookie-banner"
    if _IMAGE_CREDIT.search(text) and word_count <= 25:
        return "caption"  # before the menu rule: "Photo: Ana Ruiz / Reuters / Pool" is a credit
    segmented = segmented_line_reason(text)
    if segmented is not None:
        return segmented
    if _TRACKING.match(text) and word_count <= 6 and not ends_sentence(text):
        return "page-fragment"  # lowercase code-like leftovers ("date 2023-12-07 fbpx")
    if is_prompt(text):
        return "prompt"
    if is_self_promotion(text, outlet_names):
        return "promotion"
    return None


def is_prompt(text: str) -> bool:
    """A subscription, donation, registration or notification prompt addressed to the reader."""
    if _CALL_TO_ACTION.match(text.strip()):
        return True
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
