"""Outlet, date and byline detection: what a reader wants in a citation.

The outlet is the publisher whose page this is. When the page shows its masthead (a short
form and full name such as "EBD  Example Business Daily", or a site-name line at the top that
the page repeats in its copyright line or elsewhere, or in its <title> suffix), that name wins,
even over the agency a reposted wire story credits. Otherwise it is the *original* publisher,
found from signals the text itself carries, strongest first: a wire dateline ("BANGKOK (AP) —"),
"originally appeared in X", "X with additional editing by", a "| X" title suffix,
"notifications from X", an HTML ``og:site_name``, a copyright line. Names are matched through a
gazetteer of major outlets and their aliases; a wire dateline with an agency's initials ("LIMA,
June 3 (SPA) -", spelled out when the page names the agency), or with a name the page credits
again ("PORT AMSEL, May 2 (Harbourline) —" and "© 2026 Harbourline"), and an aggregator's
"Via Harbourline" label name outlets the gazetteer does not know, as mastheads do.

An emailed newsletter is its publisher's, as its legal footer names it with an address, even
under a masthead that is the newsletter's own title. A forum quote's attribution and a caption
file's programme note (``PageHints.publisher``) name the outlet of what the page reproduces.
When no signal above names an outlet, the page's furniture may still show its site: a <title>
suffix its logo or a top line confirms, a top name its footer's copyright brand, imprint or menu
confirms, a printed page's running head, the name that spells the address a page was saved from.
Those only fill the gap: the outlet also steers the cleaner (``Page.aliases``), so a page that
had an outlet keeps it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from index.encyclopedia_pages import tagline_site
from index.source_text import PageHints
from index.text_shape import ends_sentence, words
from index.weather import is_weather_widget

logger = logging.getLogger(__name__)

# Canonical name -> aliases as they appear in pages (longest are tried first).
OUTLETS: dict[str, tuple[str, ...]] = {
    "AP": ("Associated Press", "The Associated Press", "AP"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "CNN": ("CNN",),
    "BBC": ("BBC News", "BBC"),
    "The Guardian": ("The Guardian", "Guardian"),
    "The Independent": ("The Independent", "Independent"),
    "South China Morning Post": ("South China Morning Post", "SCMP"),
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "Financial Times": ("Financial Times",),
    "Bloomberg": ("Bloomberg",),
    "Al Jazeera": ("Al Jazeera",),
    "NPR": ("NPR",),
    "Nikkei Asia": ("Nikkei Asia",),
    "Xinhua": ("Xinhua",),
    "Kyodo News": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap",),
    "Fox News": ("Fox News",),
    "NBC News": ("NBC News",),
    "CBS News": ("CBS News",),
    "ABC News": ("ABC News",),
    "Sky News": ("Sky News",),
    "The Telegraph": ("The Telegraph",),
    "The Times": ("The Times",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "Asia Financial": ("Asia Financial",),
    "The Diplomat": ("The Diplomat",),
    "VnExpress": ("VnExpress",),
    "Channel NewsAsia": ("Channel NewsAsia", "CNA"),
    "Radio Free Asia": ("Radio Free Asia",),
    "Voice of America": ("Voice of America", "VOA"),
}
_ALIAS_TO_OUTLET = {alias: name for name, aliases in OUTLETS.items() for alias in aliases}
# Pages write "The\u00a0Independent" too, so any whitespace may separate the words of a name.
_ALIAS_PATTERN = "|".join(
    re.escape(alias).replace("\\ ", r"\s+") for alias in sorted(_ALIAS_TO_OUTLET, key=len, reverse=True)
)

# "BANGKOK (AP) —", "JAKARTA, March 3 (Reuters) -", "NEUQUÉN, Argentina (AP) -" (any letters).
_DATELINE_PLACE = r"[A-ZÀ-ÖØ-Þ][\w .,'’-]{1,40}?"
_DATELINE = re.compile(rf"^{_DATELINE_PLACE}\s*\((?P<outlet>{_ALIAS_PATTERN})\)\s*[—–-]")
# The same position holding the initials of an agency the gazetteer does not know: "LIMA,
# June 3 (SPA) -". The place must open in capitals as wire datelines do, so that a market line
# such as "Tesla Inc (TSLA) - shares fell" is not read as one.
_AGENCY_DATELINE = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}\b[\w .,'’-]{0,40}?\s*\((?P<agency>[A-Z]{2,6})\)\s*[—–-]")
# The same position holding the name of an agency the gazetteer does not know: "PORT AMSEL,
# May 2 (Harbourline) —". Read only when the page credits that name again, in a "Via ..." label
# or a copyright line: "KYIV (Updated) —" names no agency.
_NAMED_AGENCY_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ]{2,}\b[\w .,'’-]{0,40}?\s*\((?P<agency>[A-Z][a-z][\w&’'-]*(?:\s+[A-Z&][\w&’'-]*){0,2})\)\s*[—–-]"
)
# An aggregator's label for the story's source, maybe with the reading time: "Via Harbourline ·
# 4 min read".
# The name of the source an aggregator credits: "Harbourline", "Nordline Press Agency".
_SOURCE_NAME = r"(?P<source>[A-Z][\w&.’'-]*(?:\s+[A-Z&][\w&.’'-]*){0,3})"
_VIA_SOURCE = re.compile(
    rf"^[Vv]ia\s+{_SOURCE_NAME}"
    r"(?:\s*[·•|,-]\s*\d{1,3}\s*(?:min|mins|minutes?)(?:\s+read)?)?$"
)
# The same credit as "Source: Harbourline | 6 October 2025, 19:10 | 4 min read". Only with the
# story's date beside it: a lone "Source: Harbour Statistics" credits a chart, not the story.
_SOURCE_LABEL = re.compile(rf"^Source:\s+{_SOURCE_NAME}$")
_SITE_NAME_MAX_WORDS = 4  # "The Wall Street Journal"; a longer capitalised line is more likely a headline
_NAME_CONNECTORS = frozenset({"of", "and", "for"})  # lowercase words inside a name: "Authority of Tavrenia"
_MASTHEAD_LINES = 3  # a masthead is among the first lines (a cookie notice may come before it)
_TAGLINE_SEPARATOR = re.compile(r"\s+[—–|]\s+")  # "HARBOUR POST — Your city, your news"
# The parts of a top bar that sets the masthead beside the day's date and weather:
# "THE HARBOUR POST  ·  Friday 7 June 2024  ·  Leeds: 12°C, sunny".
_TOP_BAR_SEPARATOR = re.compile(r"\s+[·|•—–]\s+")
# "EBD  Example Business Daily", "EPA | Example Press Agency", "Example Business Daily (EBD)".
_MASTHEAD_NAME = r"(?P<name>[A-Z][\w&’'.-]*(?:\s+(?:[A-Z][\w&’'.-]*|of|the|and|for|&)){1,5})"
_SHORT_THEN_NAME = re.compile(rf"^(?P<short>[A-Z]{{2,6}})(?:\s*[|·•:–—-]\s*|\s+){_MASTHEAD_NAME}$")
_NAME_THEN_SHORT = re.compile(rf"^{_MASTHEAD_NAME}\s*\((?P<short>[A-Z]{{2,6}})\)$")
_COPYRIGHT_MARK = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}", re.IGNORECASE)
_ORIGINALLY = re.compile(rf"\b(?:originally|first) (?:appeared|published) (?:in|on|by) (?:the )?(?P<outlet>{_ALIAS_PATTERN})\b")
_EDITING = re.compile(rf"(?:^|[•·\s])(?P<outlet>{_ALIAS_PATTERN}) with additional (?:editing|reporting|writing)\b")
_TITLE_SUFFIX = re.compile(rf"\s[|–—-]\s*(?P<outlet>{_ALIAS_PATTERN})\b(?:\s*\(\d+\))?\s*$")
_NOTIFICATIONS = re.compile(rf"\b(?:notifications|newsletters?|alerts|updates) from (?:the )?(?P<outlet>{_ALIAS_PATTERN})\b")
_CITY_OUTLET = re.compile(rf"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){{0,2}}\s+(?P<outlet>{_ALIAS_PATTERN})$")
_COPYRIGHT_OWNER = re.compile(rf"(?:©|\bcopyright\b)[^.]{{0,40}}?\b(?P<outlet>{_ALIAS_PATTERN})\b", re.IGNORECASE)

_MONTHS = {name: index for index, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# No word boundary after the day: "2025-06-19T18:40:00" (ISO datetime) states a date too.
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE)
# "16/11/2026": read only when one of the first two numbers cannot be a month (16/11 is day
# first, 11/16 month first); "05/06/2026" could be either, so it states no date.
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>(?:19|20)\d{2})(?![\d/.])")
_DATE_NOISE = re.compile(
    # "Issued: Sunday 16 June 2041, 18:00": the date a public notice or a bulletin was issued.
    r"\b(?:date|published|updated|posted|issued|on|at|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|gmt|utc|bst|edt|est|pst|cet|am|pm|ict|hkt|sgt|"
    # More time zones a page writes after its time: "20 October 2026, 09:05 CEST".
    r"cest|eet|eest|wet|west|cdt|cst|mdt|mst|pdt|aest|aedt|jst|kst|msk)\b|[+-]\d{1,2}\b|"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[ap]m\b)?|"  # "06:19", "4:51pm"
    r"\b\d{1,3}\s*(?:min|mins|minutes?)\s+read\b|\b[ap]\.m\.|[:,|/.·-]",  # "June 20, 2025 · 4 min read", "6:42 p.m."
    re.IGNORECASE,
)
# The place and date a press release or a letter opens with: "Brussels, 3 November 2027",
# "NEW YORK, June 3, 2024". One to three capitalised words, a comma, then a date and nothing else.
_PLACE_AND_DATE = re.compile(r"^(?P<place>[A-ZÀ-ÖØ-Þ][\w’'.-]*(?: [A-ZÀ-ÖØ-Þ][\w’'.-]*){0,2}),\s+(?P<date>\S.*)$")
# A press release on a newswire names its issuer where an article names its author: "Provided
# by Example Mining", "News provided by Example Mining", "Issued by the Example Trust".
_ISSUED_BY = r"(?:news |content )?(?:provided|issued) by"
# A report names who drew it up, and often for whom: "Prepared by Ana Ruiz, Planning Unit, for the
# Chief Engineer, Li Wei". Whom it was prepared for is its reader, not an author.
_PREPARED_BY = r"(?:prepared|compiled|written) by"
_PREPARED_FOR = re.compile(r",?\s+for\s+(?=\S)")
REPORT_RECIPIENT_MAX_WORDS = 8  # "for the Minister of Civil Protection, Ana Ruiz"
_BY = re.compile(rf"^(?:by|{_ISSUED_BY}|{_PREPARED_BY})\s+(?P<names>.+)$", re.IGNORECASE)
# A blog's meta line without separators: "Posted on June 3, 2024 by Ana Ruiz in Politics 4 min read".
_POSTED_BY = re.compile(
    r"^(?P<date>.+?)\s+by\s+(?P<names>[A-ZÀ-ÖØ-Þ].*?)(?:\s+in\s+[A-Z][\w&’' -]{0,40}?)?"
    r"(?:\s+\d{1,3}\s*(?:min|mins|minutes?)\s+read)?$"
)
_BY_LINE = re.compile(rf"^(?:By|BY|(?i:{_ISSUED_BY}|{_PREPARED_BY}))\s+[A-ZÀ-ÖØ-Þ]")  # a capital after it: "By the numbers" is a headline
BYLINE_MAX_WORDS = 12
LABEL_MAX_WORDS = 4  # a programme's or section's name beside the date: "First Light", "World News"
# A clause of a wire story's sign-off that names its authors: "Reporting by Jo Bloggs in Lima".
_REPORTED_BY = re.compile(r"^(?:reporting|reported|writing|written)\s+by\s+(?P<names>.+)$", re.IGNORECASE)
# Where an author reported from, after the name: "By Ana Ruiz in Lima and Li Wei in Quito".
_PLACE_AFTER_NAME = re.compile(r"\s+in\s+[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'.-]*){0,2}$")
# The parts of a date or byline line that carries extras:
# "Posted 16/11/2026 · Updated 2 hours ago · by Ana Ruiz · 9 Comments".
_META_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_DATE_RANGE = re.compile(r"\s+[–—-]\s+|\s+(?:to|until)\s+")
_UPDATE_PREFIX = re.compile(
    r"^(?:(?:first )?published|posted|updated|last (?:modified|updated)|modified)(?:\s+(?:on|at))?\s*:?\s*", re.IGNORECASE
)
_RELATIVE_TIME = re.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?)\s+ago$"
    r"|^(?:updated\s+)?(?:just now|yesterday|today)$",
    re.IGNORECASE,
)
_EXTRA_SEGMENT = re.compile(
    r"^(?:\d{1,5}\s+comments?|comments?\s*\(\d{1,5}\)|\d{1,3}\s*(?:min|mins|minutes?)(?:\s+read)?|"
    # The time of the last update with no date, beside the date it shares: "· Last updated 18:22".
    r"(?:last\s+)?(?:updated|modified)\s*:?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)$",
    re.IGNORECASE,
)
# A job line under a bare name in a byline block: "Food & Agribusiness Correspondent".
_ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|producer|photographer)\b", re.IGNORECASE
)
ROLE_LINE_MAX_WORDS = 6
# "Julián", "O'Meara", "McElligott", "DiMaggio"
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]{1,2}[A-ZÀ-ÖØ-Þ])?[a-zß-öø-ÿ]*(?:[’'-][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*\.?$")
# Words of an organisation's name or a job title: "By Ana Ruiz, Southern Press Agency" and
# "By Ana Ruiz, Staff Reporter" name one author. Not "Post" or "Press": they are surnames too.
_NOT_A_PERSON = re.compile(
    r"\b(?:agency|news|newswire|wire|media|times|daily|herald|tribune|service|group|network|"
    r"review|journal|gazette|ledger|magazine|radio|television|tv|"
    # The unit a report's author works in: "Prepared by Ana Ruiz, Information Management Unit".
    r"unit|office|department|division|directorate|bureau|ministry|secretariat|"
    r"staff|reporter|correspondent|editor|writer|columnist|contributor|producer|photographer)\b",
    re.IGNORECASE,
)


# Words that make a capitalised name a news organisation's: "Example Press Agency", "Harbour News Network".
_ORGANISATION = re.compile(r"\b(?:agency|news|newswire|wire|press|media|service|network)\b", re.IGNORECASE)
ORGANISATION_MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class OutletSignal:
    """Which outlet the page names and the evidence (shown in logs, asserted in tests)."""

    outlet: str
    evidence: str


def canonical_outlet(name: str) -> str:
    """Gazetteer name for an alias ("SCMP" -> "South China Morning Post"), else ``name``."""
    spaced = " ".join(name.split())
    return _ALIAS_TO_OUTLET.get(spaced, spaced)


def outlet_aliases(outlet: str | None) -> tuple[str, ...]:
    if outlet is None:
        return ()
    return OUTLETS.get(outlet, (outlet,))


def detect_outlet(lines: list[str], hints: PageHints) -> OutletSignal | None:
    """The page's masthead, else the original publisher named by its text (strongest signal wins)."""
    stripped = [line.strip() for line in lines if line.strip()]
    if hints.publisher:
        return OutletSignal(canonical_outlet(hints.publisher), f"publisher the page credits: {hints.publisher}")
    masthead = _masthead(stripped, hints)
    if masthead is not None:
        return masthead
    for pattern, evidence in (
        (_DATELINE, "dateline"),
        (_ORIGINALLY, "originally appeared in"),
        (_EDITING, "with additional editing by"),
    ):
        for line in stripped:
            match = pattern.search(line)
            if match:
                return OutletSignal(canonical_outlet(match.group("outlet")), f"{evidence}: {line[:80]}")
    for line in stripped:
        match = _AGENCY_DATELINE.match(line)
        if match:
            return OutletSignal(_spelled_out(match.group("agency"), stripped), f"agency dateline: {line[:80]}")
        match = _NAMED_AGENCY_DATELINE.match(line)
        if match and (full_name := _credit_line_name(match.group("agency"), stripped)) is not None:
            return OutletSignal(full_name, f"agency dateline and its credit line: {line[:80]}")
        if match and _credited_again(match.group("agency"), stripped):
            return OutletSignal(match.group("agency"), f"agency dateline: {line[:80]}")
    for line in stripped:
        source = via_source(line)
        if source is not None:
            return OutletSignal(canonical_outlet(source), f"via: {line[:80]}")
    for line in stripped[:5] + ([hints.title] if hints.title else []):
        match = _TITLE_SUFFIX.search(line)
        if match:
            return OutletSignal(canonical_outlet(match.group("outlet")), f"title suffix: {line[:80]}")
    for line in stripped:
        match = _NOTIFICATIONS.search(line)
        if match:
            return OutletSignal(canonical_outlet(match.group("outlet")), f"notifications: {line[:80]}")
    for line in stripped[:15]:
        match = _CITY_OUTLET.match(line)
        if match:
            return OutletSignal(canonical_outlet(match.group("outlet")), f"dateline: {line}")
    if hints.site_name:
        return OutletSignal(canonical_outlet(hints.site_name), "og:site_name")
    for line in stripped:
        match = _COPYRIGHT_OWNER.search(line)
        if match:
            outlet = next((name for alias, name in _ALIAS_TO_OUTLET.items() if alias.lower() == match.group("outlet").lower()), None)
            if outlet is not None:
                return OutletSignal(outlet, f"copyright: {line[:80]}")
    return _site_in_furniture(stripped, hints)


def _site_in_furniture(lines: list[str], hints: PageHints) -> OutletSignal | None:
    """The site's name as the page's furniture shows it, when no signal above names an outlet:
    weaker evidence than a masthead the page repeats, so it only fills the gap."""
    for rule, evidence in (
        (lambda: _title_site_opening_line(hints.title, hints.logo, lines), "title suffix the logo or a top line shows"),
        (lambda: _furniture_site_name(lines), "site name its copyright, imprint or menu confirms"),
        (lambda: _running_head(lines), "printed page's running head"),
        (lambda: _saved_from_site(lines), "site the page was saved from"),
    ):
        site = rule()
        if site is not None:
            return OutletSignal(canonical_outlet(site), f"{evidence}: {site}")
    return None


def _masthead(lines: list[str], hints: PageHints) -> OutletSignal | None:
    """The name the page shows as its own at the top: what a reader takes for the publisher,
    even of a wire story it reposts."""
    site = _initials_masthead(lines[:_MASTHEAD_LINES])
    if site is not None:
        return OutletSignal(canonical_outlet(site), f"masthead with its initials: {site}")
    # Before the site-name line: a newsletter's masthead is its own title, not its publisher.
    site = _newsletter_publisher(lines)
    if site is not None:
        return OutletSignal(canonical_outlet(site), f"newsletter's publisher in its footer: {site}")
    site = _title_suffix_site(hints.title, lines)
    if site is not None:
        return OutletSignal(canonical_outlet(site), f"title suffix the page shows as its masthead: {site}")
    # A wiki prints no masthead line: it names itself in the tagline under every article's title.
    site = tagline_site(lines)
    if site is not None:
        return OutletSignal(canonical_outlet(site), f"wiki's tagline: {site}")
    site = _site_name_line(lines)
    if site is not None:
        return OutletSignal(canonical_outlet(site), f"site name repeated by the page: {site}")
    site = _dated_masthead(lines)
    if site is not None:
        return OutletSignal(canonical_outlet(site), f"masthead beside the day's date: {site}")
    return None


def via_source(text: str) -> str | None:
    """The source an aggregator credits in a label such as "Via Harbourline · 4 min read" or
    "Source: Harbourline | 6 October 2025 | 4 min read", else None."""
    match = _VIA_SOURCE.match(text.strip())
    if match is not None:
        return match.group("source")
    label, *others = _META_SEPARATOR.split(text.strip())
    match = _SOURCE_LABEL.match(label)
    if match is None or not any(_is_date_segment(part) for part in others):
        return None
    return match.group("source") if all(_is_date_segment(part) or _is_extra_segment(part) for part in others) else None


def _credited_again(agency: str, lines: list[str]) -> bool:
    """The page names ``agency`` in a "Via ..." label or a copyright line too."""
    name = re.compile(rf"(?<!\w){re.escape(agency)}(?!\w)")
    return any(
        via_source(line) == agency or (_COPYRIGHT_MARK.search(line) is not None and name.search(line) is not None)
        for line in lines
    )


def _credit_line_name(agency: str, lines: list[str]) -> str | None:
    """The agency's full name as its credit line with the story's date writes it ("Example Wire |
    May 3, 2031 5:26 PM" for the dateline's "(Example)"), else None."""
    for line in lines:
        name = credited_organisation(line)
        if name is not None and name.startswith(agency + " "):
            return name
    return None


def _initials_masthead(lines: list[str]) -> str | None:
    """A masthead that writes the short form beside the full name: "EBD  Example Business Daily",
    "EPA | Example Press Agency", "Example Business Daily (EBD)" -> the full name."""
    for line in lines:
        match = _SHORT_THEN_NAME.match(line) or _NAME_THEN_SHORT.match(line)
        if match is None:
            continue
        name = " ".join(match.group("name").split())
        initials = "".join(word[0] for word in name.split() if word[:1].isupper())
        if initials == match.group("short"):
            return name
    return None


def initials_masthead(text: str) -> str | None:
    """The full name in a masthead line that writes its initials beside it ("EBD  Example
    Business Daily" -> "Example Business Daily"), else None."""
    return _initials_masthead([text])


def _spelled_out(agency: str, lines: list[str]) -> str:
    """The agency's full name if the page writes it ("Southern Press Agency" for "SPA"), or if an
    aggregator's source label credits an agency of that initial ("Source: Nordline Press" for
    "NLP": a one-word name hides letters of the initials); else the initials."""
    name = re.compile(r"\b" + r"\s+".join(rf"{letter}[^\W\d_]+" for letter in agency) + r"\b")
    for line in lines:
        match = name.search(line)
        if match:
            return match.group(0)
    for line in lines:
        source = via_source(line)
        if source is not None and source[:1] == agency[:1] and _ORGANISATION.search(source):
            return source
    return agency


def _title_suffix_site(title: str | None, lines: list[str]) -> str | None:
    """The site named after the last "|" or " - " of the HTML <title> ("Dryer fault found - The
    Kingdom Observer"), when a line of the page is that name (its masthead)."""
    if not title:
        return None
    match = re.search(r"\s[|–—-]\s+(?P<site>[^|–—-]+?)\s*$", title)
    if match is None:
        return None
    site = " ".join(match.group("site").split())
    tokens = site.split()
    if not 1 <= len(tokens) <= _SITE_NAME_MAX_WORDS + 1 or not all(token[:1].isupper() for token in tokens):
        return None
    if _site_comes_first(title, match.start(), lines):
        return None
    return site if any(" ".join(line.split()) == site for line in lines) else None


def _site_comes_first(title: str, separator: int, lines: list[str]) -> bool:
    """The <title> names the site before its last separator ("Greyford Online - NO POWER, NO
    WATER"), as the page's copyright line confirms ("© 2043 Greyford Online"): its last part is
    the headline, though the page shows it as a line of its own."""
    prefix = " ".join(title[:separator].split())
    return bool(prefix) and any(_COPYRIGHT_MARK.search(line) and prefix in " ".join(line.split()) for line in lines)


def _site_name_line(lines: list[str]) -> str | None:
    """A short capitalised line at the top ("South Cone Times", "SOUTH CONE TIMES", maybe with a
    tagline after a dash) that the page repeats in its copyright line or in two other lines: the
    site's name, as a masthead shows it. Spelled as the repeats spell it: a masthead set in
    capitals is still "South Cone Times"."""
    for line in lines[:_MASTHEAD_LINES]:
        site = _TAGLINE_SEPARATOR.split(line, maxsplit=1)[0].strip()
        tokens = site.split()
        if not _is_site_name(tokens) or ends_sentence(site):
            continue
        name = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(token) for token in tokens) + r"(?!\w)", re.IGNORECASE)
        repeats = [(other, match) for other in lines if other != line and (match := name.search(other))]
        if len(repeats) < 2 and _is_paginated_scrape(lines):
            # An article scraped page by page prints the site's masthead atop every page, word for word.
            repeats += [(other, match) for other in lines[_MASTHEAD_LINES:] if other == line and (match := name.search(other))]
        if len(repeats) >= 2 or any(_COPYRIGHT_MARK.search(other) for other, _ in repeats):
            spellings = [" ".join(match.group(0).split()) for _, match in repeats]
            fallback = site.title() if site.isupper() else site
            return next((spelling for spelling in spellings if not spelling.isupper()), fallback)
    return None


def _is_paginated_scrape(lines: list[str]) -> bool:
    """Two page markers at least ("Page 2 of 3"): the pages of one article scraped into one file."""
    return sum(1 for line in lines if _PAGE_MARKER.match(line)) >= 2


_PAGE_MARKER = re.compile(r"^page\s+\d{1,3}\s+of\s+\d{1,3}$", re.IGNORECASE)


def _is_site_name(tokens: list[str]) -> bool:
    """Two to _SITE_NAME_MAX_WORDS capitalised words, maybe joined by a lowercase "of" or "and"
    ("South Cone Times", "Civil Aviation Authority of Tavrenia"): a publisher's name, as an
    official body's name runs to more words than a newspaper's."""
    named = [token for token in tokens if token not in _NAME_CONNECTORS]
    return (
        2 <= len(named) <= _SITE_NAME_MAX_WORDS
        and tokens[0] in named
        and tokens[-1] in named
        and all(token[:1].isupper() for token in named)
    )


def _dated_masthead(lines: list[str]) -> str | None:
    """A name in capitals that opens a top line whose other parts are the day's date and the
    weather ("THE HARBOUR POST  ·  Friday 7 June 2024  ·  Leeds: 12°C, sunny"), or the date alone
    when the page names it again: a masthead. A kicker in capitals beside a date ("LIVE UPDATES ·
    7 June 2024") has neither the weather nor a repeat."""
    for line in lines[:_MASTHEAD_LINES]:
        name, *others = _TOP_BAR_SEPARATOR.split(line.strip())
        tokens = name.split()
        if not 2 <= len(tokens) <= _SITE_NAME_MAX_WORDS or not name.isupper() or any(char.isdigit() for char in name):
            continue
        if not others or not all(_is_date_segment(part) or is_weather_widget(part) for part in others):
            continue
        spelled = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(token) for token in tokens) + r"(?!\w)", re.IGNORECASE)
        repeats = [" ".join(match.group(0).split()) for other in lines if other != line and (match := spelled.search(other))]
        has_weather = any(is_weather_widget(part) for part in others)
        if not any(_is_date_segment(part) for part in others) or not (has_weather or repeats):
            continue
        return next((spelling for spelling in repeats if not spelling.isupper()), name.title())
    return None


def strip_title_suffix(title: str, outlet: str | None) -> tuple[str, int]:
    """``title`` without a trailing "| Outlet (2024)" / "- Site" part; also returns the cut index."""
    cut = len(title)
    bar = title.find(" | ")
    if bar > 0 and len(words(title[bar:])) <= 6:
        cut = bar
    else:
        names = outlet_aliases(outlet)
        for separator in (" - ", " – ", " — ", " -"):
            index = title.rfind(separator)
            if index > 0:
                tail = title[index + len(separator):].strip()
                if tail in names or tail in _ALIAS_TO_OUTLET:
                    cut = index
                    break
    return title[:cut].rstrip(), cut


def parse_date(text: str) -> str | None:
    """First date stated in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    candidates: list[tuple[int, str]] = []
    for pattern in (_ISO_DATE, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso is not None:
                candidates.append((match.start(), iso))
    for match in _NUMERIC_DATE.finditer(text):
        iso = _numeric_to_iso(match)
        if iso is not None:
            candidates.append((match.start(), iso))
    return min(candidates)[1] if candidates else None


def _numeric_to_iso(match: re.Match[str]) -> str | None:
    first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None  # both could be the month
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date_line(text: str) -> bool:
    """A line that states a date and little else ("Wednesday 13 December 2023 06:19 GMT"), or
    dates with extras split by "·" or "|" ("Fri 6 Nov 2026 14:32 GMT · Last modified on Fri 6
    Nov 2026 17:05 GMT", "Published 3 June 2024 · 2 hours ago · 12 comments")."""
    if _is_date_segment(text) or _is_date_range(text):
        return True
    parts = _META_SEPARATOR.split(text.strip())
    return (
        len(parts) >= 2
        and all(_is_date_segment(part) or _is_extra_segment(part) for part in parts)
        and any(_is_date_segment(part) for part in parts)
    )


def date_line_label(text: str) -> str | None:
    """The programme's or section's name of a line that puts it before the date, split by "|"
    or "·" ("First Light | Wednesday 7 May 2031, 07:32" -> "First Light"), as a broadcaster
    dates the item of a programme; else None. The name is a short title in capitals, no
    sentence and no date."""
    label, *others = _META_SEPARATOR.split(text.strip())
    tokens = label.split()
    is_labelled = (
        any(_is_date_segment(part) for part in others)
        and all(_is_date_segment(part) or _is_extra_segment(part) for part in others)
        and 1 <= len(tokens) <= LABEL_MAX_WORDS
        and all(token[:1].isupper() for token in tokens)
        and not any(char.isdigit() for char in label)
        and not ends_sentence(label)
    )
    return label if is_labelled else None


def is_place_and_date(text: str) -> bool:
    """A place, a comma and a date ("Brussels, 3 November 2027"), and not a date alone: in
    "Wednesday, 3 November 2027" the words before the comma are part of the date."""
    match = _PLACE_AND_DATE.match(text.strip())
    return match is not None and _is_date_segment(match.group("date")) and not is_date_line(text)


def _is_date_range(text: str) -> bool:
    """"Sun 22 Nov 2026 19:30 – Mon 23 Nov 2026 03:10": a live blog's span, two date segments."""
    parts = _DATE_RANGE.split(text.strip())
    return len(parts) == 2 and all(_is_date_segment(part) for part in parts)


def _is_date_segment(text: str) -> bool:
    if parse_date(text) is None or len(words(text)) > 10:
        return False
    remainder = _UPDATE_PREFIX.sub(" ", text.strip())
    for pattern in (_ISO_DATE, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _NUMERIC_DATE):
        remainder = pattern.sub(" ", remainder)
    return not _DATE_NOISE.sub(" ", remainder).strip()


def _is_extra_segment(text: str) -> bool:
    """A part of a date/byline line that is neither: "Updated 2 hours ago", "9 Comments"."""
    text = text.strip()
    return bool(_RELATIVE_TIME.match(text) or _EXTRA_SEGMENT.match(text))


def credited_organisation(text: str) -> str | None:
    """The news organisation a date line credits instead of a person: "Example Press Agency |
    Published 3 June 2024 | 12 comments" -> "Example Press Agency" (a byline line of a wire story)."""
    parts = _META_SEPARATOR.split(text.strip())
    others = [part for part in parts if not (_is_date_segment(part) or _is_extra_segment(part))]
    if len(others) != 1 or not any(_is_date_segment(part) for part in parts):
        return None
    name = others[0]
    tokens = name.split()
    if not 1 <= len(tokens) <= ORGANISATION_MAX_WORDS or not all(token[:1].isupper() for token in tokens):
        return None
    return name if name in _ALIAS_TO_OUTLET or _ORGANISATION.search(name) else None


def is_role_line(text: str) -> bool:
    """A job title on its own line ("Food & Agribusiness Correspondent", "Senior Reporter")."""
    return bool(_ROLE.search(text)) and len(words(text)) <= ROLE_LINE_MAX_WORDS and not ends_sentence(text)


def is_byline_line(text: str) -> bool:
    """A "By ..." line, whoever it names: "By Ana Ruiz", "By Staff Reporters", "By Example Wire
    Staff" (no person's name, yet never a headline); a release's "Provided by Example Mining"; a
    report's "Prepared by Ana Ruiz, Planning Unit, for the Chief Engineer, Li Wei", whose
    "for ..." clause counts apart."""
    text = text.strip()
    if not _BY_LINE.match(text) or ends_sentence(text):
        return False
    credit, recipient = _report_credit_parts(text)
    return len(words(credit)) <= BYLINE_MAX_WORDS and len(words(recipient)) <= REPORT_RECIPIENT_MAX_WORDS


def _report_credit_parts(text: str) -> tuple[str, str]:
    """A report's "Prepared by ..." credit cut before the clause naming whom it was prepared for
    (that clause, or "" when there is none); any other line whole, with ""."""
    if not re.match(_PREPARED_BY, text, re.IGNORECASE):
        return text, ""
    recipient = _PREPARED_FOR.search(text)
    return (text[:recipient.start()], text[recipient.start():]) if recipient is not None else (text, "")


def byline_names(text: str, outlet: str | None, *, bare: bool = False) -> tuple[str, ...]:
    """Author names if ``text`` is a byline: "By Jane Doe and Li Wei", or with ``bare`` (the
    caller saw a date line next to it) a line holding just one name ("Huizhong Wu")."""
    by = _BY.match(text.strip())
    if by is None:
        parts = _META_SEPARATOR.split(text.strip())
        by_parts = [part for part in parts if _BY.match(part)]
        if len(parts) >= 2 and len(by_parts) == 1 and all(
            part in by_parts or _is_date_segment(part) or _is_extra_segment(part) for part in parts
        ):
            return byline_names(by_parts[0], outlet)  # "Posted 16/11/2026 · by Ana Ruiz · 9 Comments"
        posted = _POSTED_BY.match(text.strip())
        if posted is not None and _is_date_segment(posted.group("date")):
            return byline_names("By " + posted.group("names"), outlet)
    if by is None and not bare:
        return ()
    candidate = _report_credit_parts(text.strip())[0][by.start("names"):] if by else text.strip()
    candidate = re.split(r"\s+[|,·]\s+(?=[A-Z][a-z]+ (?:correspondent|reporter|editor))|,\s*(?:in|for)\s", candidate)[0]
    candidate = re.split(r"\s+[|·•]\s+", candidate)[0]  # "By Ana Ruiz · 19 June 2025, 18:40"
    names = [name.strip() for name in re.split(r",\s*|\s+and\s+|\s*&\s*", candidate) if name.strip()]
    names = [_PLACE_AFTER_NAME.sub("", name) for name in names]  # "Ana Ruiz in Lima and Li Wei in Quito"
    aliases = set(outlet_aliases(outlet)) | set(_ALIAS_TO_OUTLET)
    found: list[str] = []
    for name in names:
        tokens = name.split()
        if " ".join(tokens) in aliases or _NOT_A_PERSON.search(name):
            continue  # "By James Carter, BBC News": the outlet is not an author
        if not 2 <= len(tokens) <= 4 or not all(_NAME_WORD.match(token) for token in tokens):
            return ()
        found.append(name)
    if not by and len(found) != 1 and not (len(found) == 2 and re.search(r"\s(?:and|&)\s", candidate)):
        return ()  # a bare list of capitalised names is more likely a heading; "Ana Ruiz and Li Wei" is a pair of authors
    return tuple(found)


def credit_names(text: str, outlet: str | None) -> tuple[str, ...]:
    """People a credit line names after each "by": "Edited by Jo Bloggs, with reporting from
    Lima by Ana Ruiz and Li Wei" -> Jo Bloggs, Ana Ruiz, Li Wei."""
    found: list[str] = []
    for chunk in re.split(r"\bby\s+", text)[1:]:
        chunk = re.split(r",\s*(?:with|and|plus)\b|;|\.\s", chunk)[0]
        found.extend(name for name in byline_names("By " + chunk.strip(), outlet) if name not in found)
    return tuple(found)


def reporter_names(text: str, outlet: str | None) -> tuple[str, ...]:
    """The reporters and writers a wire story's sign-off names, not its editors nor those who
    added reporting: "(Reporting by Jo Bloggs in Lima; Editing by Li Wei)" -> Jo Bloggs."""
    found: list[str] = []
    for clause in text.strip().strip("()").split(";"):
        match = _REPORTED_BY.match(clause.strip())
        if match is not None:
            found.extend(name for name in byline_names("By " + match.group("names"), outlet) if name not in found)
    return tuple(found)


def hint_date(hints: PageHints) -> str | None:
    return parse_date(hints.published) if hints.published else None


def _to_iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month").lower().rstrip(".")
    if month_text.isdigit():
        month = int(month_text)
    else:
        month = next((number for name, number in _MONTHS.items() if name.startswith(month_text[:3])), 0)
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None


# --- Outlets a page names in its own furniture (session 37) ---------------------------------

# The owner a copyright line names: "(c) 2033 Example Ledger Media Ltd.", "(c) EBC 2033.".
_COPYRIGHT_HOLDER = re.compile(
    r"(?i:©|\(c\)|\bcopyright\b)\s*(?:\d{4}\s+)?(?P<owner>[A-Z][\w&’'-]*(?:\s+[A-Z&][\w&’'-]*){0,5})"
)
# A company's legal form ("Example Evening Post Ltd"): never part of the outlet's name.
_LEGAL_FORMS = frozenset("ltd limited inc plc llc gmbh".split())
# Words a company adds to its brand ("Example Ledger Media Ltd" is the Example Ledger's).
_COMPANY_WORDS = _LEGAL_FORMS | frozenset(
    "co company corporation media group publishing publishers holdings trust".split()
)
# What follows a site's name at the start of its imprint: a street address ("Example Post | 14
# Bridge Street, Exton", "The Example Standard, 40 Lantern Street"), a sentence about the site
# ("Example One is part of Example Broadcasting", "examplenews is a service of Example Media"), or
# the publisher's name ("Example | Publisher Example Media, Exton").
_STREET = r"(?:Street|St|Road|Rd|Lane|Avenue|Ave|Square|Quay|Place|Way|Row|Parade|Terrace|Court|Drive|Boulevard|Wharf|Gate)"
_ADDRESS_TAIL = re.compile(rf"^\s*[,|]\s*\d{{1,4}}[A-Za-z]?\s+(?:[A-Z][\w’'-]*\s+){{1,3}}{_STREET}\b")
_IMPRINT_TAIL = re.compile(
    rf"{_ADDRESS_TAIL.pattern}"
    r"|^\s+is\s+(?:a\s+(?:service|publication|brand|title|product|member)|part)\s+of\b"
    r"|^\s+is\s+(?:published|owned|run)\s+by\b"
    r"|^\s*\|\s*(?:Publisher|Published by|Editor-in-chief)\b"
)
# A site menu's entries that name the site: "About Examplepedia", "Search Examplepedia".
_FOOTER_LINES = 5  # the site's copyright and imprint lines close the page
_MENU_ENTRY = re.compile(r"\b(?:About|Search|Contact)\s+(?P<name>\S+)")
MENU_ENTRIES_MIN = 2
# A line at the top that opens with the site's name the <title> ends with, then a tagline or a
# menu: "EXAMPLE COURIER  Exton's newspaper since 1868", "Example News Sport Weather Radio".
_TITLE_SITE_LINES = 10  # a web archive's toolbar may stand above the page's own masthead
# An emailed newsletter's legal footer: it is the publisher's, whatever the newsletter is called.
_UNSUBSCRIBE = re.compile(r"\bunsubscribe\b", re.IGNORECASE)
_SIGNED_UP = re.compile(r"\byou (?:are|were) receiving this\b|\bsigned up (?:for|to)\b", re.IGNORECASE)
_IMPRINT_NAME = re.compile(r"^(?P<name>(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z&][\w&’'-]*){0,4})(?=\s*[,|])")
# A printed page's running head: the paper's name in capitals beside the date and the page
# number, either way round ("THE EXAMPLE HERALD  Friday, 3 May 2030  3", "4  Friday, 3 May 2030
# EXAMPLE HERALD").
_PAGE_NUMBER_AT_END = re.compile(r"\s+\d{1,3}$")
_PAGE_NUMBER_AT_START = re.compile(r"^\d{1,3}\s+")
_CAPITALS_NAME_AT_START = re.compile(r"^(?P<name>(?:[A-Z][A-Z&’'-]+\s+){1,3}[A-Z][A-Z&’'-]+)\s+(?P<rest>.+)$")
_CAPITALS_NAME_AT_END = re.compile(r"^(?P<rest>.+?)\s+(?P<name>(?:[A-Z][A-Z&’'-]+\s+){1,3}[A-Z][A-Z&’'-]+)$")
# A read-later app's or a web archive's note of the address it saved the page from: "Saved from
# examplereview.com with Keepsake", "Original: https://www.examplereview.com/...", "The Wayback
# Machine - https://web.archive.org/web/2035.../https://www.examplecourier.com/...".
_SAVED_FROM = re.compile(
    r"^(?:Saved from|Original:|Source URL:|The Wayback Machine\s*-)\s*(?:https?://)?(?:\S*?/https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+)\.[a-z.]{2,}",
    re.IGNORECASE,
)
_CAPITALISED_NAME = re.compile(r"(?<![\w’'])(?:The\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3}")
# A forum quote's attribution of the article it quotes: "Quote from The Example Gazette, 24
# February 2040:", "Quoting The Example Times:". A user's name ("Quote from harbourfan:") is no
# publication: the name must read as a newspaper's.
_QUOTE_ATTRIBUTION = re.compile(
    r"^\s*(?:Quote from|Quoting|Originally published (?:in|by)|From)\s+(?P<name>(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z&][\w&’'-]*){0,4})"
    r"\s*(?:,[^:]*)?:?\s*$"
)
_PUBLICATION_WORD = re.compile(
    r"\b(?:Gazette|Times|Herald|Post|Courier|Chronicle|Record|Tribune|Journal|Standard|Observer|Ledger|Mail|"
    r"News|Review|Daily|Express|Telegraph|Mercury|Sentinel|Examiner|Star|Echo|Press|Weekly|Bulletin|Monitor|Guardian)\b"
)
# A caption file's note of its programme: "Programme: Example News at Six, Example One".
_PROGRAMME_NOTE = re.compile(r"^\s*(?:Programme|Program|Show|Series)\s*:\s*(?P<name>[^,;]+?)\s*(?:[,;].*)?$")


def quoted_publication(attribution: str) -> str | None:
    """The publication a forum quote's attribution names ("Quote from The Example Gazette, 24
    February 2040:" -> "The Example Gazette"), or None for a user or anything else."""
    match = _QUOTE_ATTRIBUTION.match(" ".join(attribution.split()))
    if match is None:
        return None
    name = match.group("name")
    return canonical_outlet(name) if name in _ALIAS_TO_OUTLET or _PUBLICATION_WORD.search(name) else None


def programme_name(note: str) -> str | None:
    """The programme a broadcast's caption note names ("Programme: Example News at Six, Example
    One" -> "Example News at Six"), else None."""
    match = _PROGRAMME_NOTE.match(note)
    return " ".join(match.group("name").split()) if match is not None else None


def _name_pattern(tokens: list[str]) -> re.Pattern[str]:
    """The name in any case and spacing, with or without a leading "The"."""
    core = tokens[1:] if tokens[0].lower() == "the" and len(tokens) > 1 else tokens
    return re.compile(r"(?<!\w)(?:the\s+)?" + r"\s+".join(re.escape(token) for token in core) + r"(?!\w)", re.IGNORECASE)


def _spelled(site: str, spellings: list[str]) -> str:
    """The site's name as the page writes it outside its capitals, "The" kept if the masthead has it."""
    spelling = next((spelling for spelling in spellings if not spelling.isupper()), None)
    if spelling is None:
        spelling = " ".join(token if len(token) <= 3 and not token.lower() == "the" else token.title() for token in site.split())
        spelling = spelling[0].upper() + spelling[1:]
    if site.lower().startswith("the ") and not spelling.lower().startswith("the "):
        spelling = "The " + spelling
    if spelling.startswith("the "):
        spelling = "T" + spelling[1:]
    return spelling


def _copyright_brand(lines: list[str]) -> list[str]:
    """The brands copyright lines name: "(c) 2033 Example Ledger Media Ltd." -> "Example Ledger"."""
    brands = []
    for line in lines:
        for match in _COPYRIGHT_HOLDER.finditer(line):
            tokens = match.group("owner").rstrip(".").split()
            while tokens and tokens[-1].lower().rstrip(".") in _COMPANY_WORDS:
                tokens.pop()
            if tokens:
                brands.append(" ".join(tokens))
    return brands


def _opens_imprint(site: str, lines: list[str], masthead: str) -> str | None:
    """The spelling of ``site`` where a line other than the masthead opens with it and goes on
    as the site's imprint (an address, "is part of ...", "| Publisher ..."), else None."""
    name = _name_pattern(site.split())
    for line in lines:
        if line == masthead:
            continue
        match = name.match(line)
        if match is not None and _IMPRINT_TAIL.match(line[match.end():]):
            return " ".join(match.group(0).split())
    return None


def _furniture_site_name(lines: list[str]) -> str | None:
    """A site's name at the top that the page's furniture confirms as its own: a short name whose
    brand the copyright line holds ("EXAMPLE NEWS" and "(c) EBC 2033"... "(c) Example 2033"), a
    name that opens the imprint ("Example Post | 14 Bridge Street"), or a one-word name the site's
    menu names ("About Examplepedia", "Search Examplepedia")."""
    # Only the footer's copyright line is the site's: one inside the story credits a picture.
    brands = [brand.lower().split() for brand in _copyright_brand(lines[-_FOOTER_LINES:])]
    for line in lines[:_MASTHEAD_LINES]:
        site = _TAGLINE_SEPARATOR.split(line, maxsplit=1)[0].strip()
        tokens = site.split()
        if not tokens or ends_sentence(site) or len(tokens) > _SITE_NAME_MAX_WORDS:
            continue
        one_word = len(tokens) == 1 and any(char.isalpha() for char in site) and re.fullmatch(r"[\w&’'-]{3,}", site)
        if not (one_word or _is_site_name(tokens)):
            continue
        pattern = _name_pattern(tokens)
        spellings = [" ".join(match.group(0).split()) for other in lines if other != line and (match := pattern.search(other))]
        imprint = _opens_imprint(site, lines, line)
        if imprint is not None:
            return _spelled(site, [imprint] + spellings)
        if one_word:
            entries = [entry for other in lines for entry in _MENU_ENTRY.findall(other) if entry.lower() == site.lower()]
            if len(entries) >= MENU_ENTRIES_MIN:
                return _spelled(site, entries)
            continue
        core = [token.lower() for token in (tokens[1:] if tokens[0].lower() == "the" else tokens)]
        # The copyright line's brand confirms a name the page writes again: a brand alone
        # ("(c) Example 2033") also owns its other titles, a section's name among them.
        if spellings and any(brand == core[: len(brand)] for brand in brands):
            return _spelled(site, spellings)
    return None


def _title_site_opening_line(title: str | None, logo: str | None, lines: list[str]) -> str | None:
    """The site the <title> ends with ("... | Example News") when the page's logo says the same,
    or a top line is that name (in any case) or opens with it before a tagline or a menu."""
    if not title:
        return None
    match = re.search(r"\s[|–—-]\s+(?P<site>[^|–—-]+?)\s*$", title)
    if match is None:
        return None
    site = " ".join(match.group("site").split())
    tokens = site.split()
    if not 1 <= len(tokens) <= _SITE_NAME_MAX_WORDS + 1 or not all(token[:1].isupper() for token in tokens):
        return None
    if logo is not None and logo.casefold() == site.casefold():
        return site
    if _site_comes_first(title, match.start(), lines):
        return None
    for line in lines[:_TITLE_SITE_LINES]:
        spaced = " ".join(line.split())
        if spaced.casefold() == site.casefold():
            return site
        rest = spaced[len(site):]
        if len(tokens) >= 2 and spaced.casefold().startswith(site.casefold() + " ") and not ends_sentence(rest.strip()):
            return site
    return None


def _newsletter_publisher(lines: list[str]) -> str | None:
    """An emailed newsletter's publisher, as its legal footer names it with its postal address
    ("Example Evening Post Ltd, 12 Abbey Street, Exton"): the newsletter's own title ("The Morning
    Briefing") is the publisher's product, not the outlet."""
    if not any(_UNSUBSCRIBE.search(line) for line in lines) or not any(_SIGNED_UP.search(line) for line in lines):
        return None
    for line in reversed(lines):
        match = _IMPRINT_NAME.match(line)
        if match is None or not _ADDRESS_TAIL.match(line[match.end():]):
            continue
        tokens = match.group("name").split()
        while len(tokens) > 1 and tokens[-1].lower().rstrip(".") in _LEGAL_FORMS:
            tokens.pop()
        return " ".join(tokens)
    return None


def _running_head(lines: list[str]) -> str | None:
    """A printed page's running head: the paper's name in capitals, the date and the page number
    ("THE EXAMPLE HERALD  Friday, 3 May 2030  3")."""
    for line in lines:
        spaced = " ".join(line.split())
        without_number = _PAGE_NUMBER_AT_END.sub("", spaced)
        if without_number == spaced:
            without_number = _PAGE_NUMBER_AT_START.sub("", spaced)
        if without_number == spaced:
            continue
        for pattern in (_CAPITALS_NAME_AT_START, _CAPITALS_NAME_AT_END):
            match = pattern.match(without_number)
            if match is not None and _is_date_segment(match.group("rest")):
                return _spelled(match.group("name"), [])
    return None


def _saved_from_site(lines: list[str]) -> str | None:
    """The site a saved page came from, as the page writes its name: the capitalised name whose
    letters spell the address it was saved from ("examplereview.com" -> "The Example Review")."""
    domain = next((match.group("domain").lower() for line in lines[:_MASTHEAD_LINES] if (match := _SAVED_FROM.match(line))), None)
    if domain is None:
        return None
    spellings = []
    for line in lines:
        for match in _CAPITALISED_NAME.finditer(line):
            name = match.group(0)
            letters = re.sub(r"[^a-z0-9]", "", name.lower())
            if letters in (domain, "the" + domain) and len(name.split()) >= 2:
                spellings.append(" ".join(name.split()))
    if not spellings:
        return None
    return max(spellings, key=lambda spelling: (not spelling.isupper(), spelling.lower().startswith("the ")))
