"""An encyclopedia (wiki) article scraped to text: the furniture a wiki prints around the article.

A wiki page opens with the site's tagline under the title ("From Example Wiki, the free
encyclopedia") and the article's map coordinates ("Coordinates: 47°12′N 18°40′E"), closes its
article with the reference list ("^ a b "Title". Outlet. 3 May 2031.", each entry opening with
the caret that links back to the citation) and its footer says under which licence the text may be
copied. None of it is the article's account. The edit links after headings ("History[edit]") are
left out of the line by ``index.text_shape.content_bounds``, the "See also", "References" and
"External links" lists are dropped with the other link lists (``index.block_rules``), and the
"Contents" box by ``index.printed_pages.drop_contents_lists``.

A wiki's raw HTML says more: MediaWiki prints its interface around every article with ids and
classes of its own (``interface_reason``): the site-wide notice above the title, the categories
box and the "Retrieved from" line under the article.

``line_reason`` is called by ``index.furniture.line_reason``, ``interface_reason`` by
``index.html_text``; ``title_above_tagline`` gives ``index.header.find_headline`` the article's
title, ``tagline_site`` gives ``index.metadata.detect_outlet`` the wiki's name.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, PageLine, content

logger = logging.getLogger(__name__)

# A reference list's entry: the caret that links back to where the article cites it, maybe with
# the letters of each citation ("^ a b c"), maybe numbered as the list prints it ("3. ^ ..."). Many
# wikis draw the back-link as an arrow and number a source cited several times by its uses ("↑ 2.0
# 2.1 "Title" ..."); an arrow alone opens other lines too (a market's "↑ 2.3%"), so it counts with
# those numbers only, two at least, as MediaWiki's Cite extension prints them.
_REFERENCE_ENTRY = re.compile(r"^(?:\d{1,3}\.\s+)?(?:\^\s*\S|↑\s*\d{1,3}\.\d{1,2}\s+\d{1,3}\.\d{1,2}\b)")
# The wiki's tagline under the title: "From Example Wiki, the free encyclopedia", or a wiki news
# site's "From Example News, the free news source you can write!".
_TAGLINE = re.compile(
    r"^from (?P<site>[^,.!?]{1,40}), the (?:free |online |open )?(?:encyclopa?edia|wiki|dictionary|news source)"
    r"(?: (?:that )?(?:you|anyone) can (?:write|edit))?!?$",
    re.IGNORECASE,
)
# MediaWiki's interface by the ids and classes its core prints on every page, whatever the site
# or skin (Wikipedia, Wikinews, Fandom, a company's wiki: skins restyle these elements but keep
# their names, which the software's scripts rely on): the site-wide notice above the title
# ("siteNotice", an appeal or an event, the same on every page), the categories box under the
# article ("catlinks"), the "Retrieved from <address>" line ("printfooter") and the Vector skin's
# menus ("mw-navigation", "mw-head", "mw-panel", with a hidden "Navigation menu" heading of their
# own). Names this particular are no other site's article markup.
_WIKI_INTERFACE_IDS = {
    "sitenotice": "site-notice",
    "catlinks": "categories",
    "mw-navigation": "navigation",
    "mw-head": "navigation",
    "mw-panel": "navigation",
}
_WIKI_INTERFACE_CLASSES = {"catlinks": "categories", "printfooter": "retrieved-from"}
# The article's map coordinates, with their label and nothing else: "Coordinates: 47°12′N 18°40′E".
_COORDINATES = re.compile(r"^coordinates\s*:\s*\d{1,3}\s*°[\d\s°′″'\".,;/NSEW-]*$", re.IGNORECASE)
# The footer's licence of the text: "Text is available under the Example Licence; additional
# terms may apply." A sentence about a document being available is the article's.
_LICENCE = re.compile(
    r"^(?:the )?(?:text|content) (?:is )?(?:available|licen[cs]ed|released) under (?:the |a )?[^.;]{0,80}licen[cs]e\b",
    re.IGNORECASE,
)


def line_reason(text: str) -> str | None:
    """"references" for a reference list's entry, "masthead" for the wiki's tagline,
    "coordinates" for the map coordinates, "copyright" for the text's licence."""
    stripped = text.strip()
    if _REFERENCE_ENTRY.match(stripped):
        return "references"
    if _TAGLINE.match(stripped):
        return "masthead"
    if _COORDINATES.match(stripped):
        return "coordinates"
    if _LICENCE.match(stripped):
        return "copyright"
    return None


def interface_reason(attributes: dict[str, str]) -> str | None:
    """Why an element of a MediaWiki page is the wiki's interface ("site-notice", "categories",
    "retrieved-from"), by its id or class; None for any other element."""
    reason = _WIKI_INTERFACE_IDS.get(attributes.get("id", "").lower())
    if reason is not None:
        return reason
    return next((_WIKI_INTERFACE_CLASSES[name] for name in attributes.get("class", "").split() if name in _WIKI_INTERFACE_CLASSES), None)


def tagline_site(lines: list[str]) -> str | None:
    """The wiki's name as its tagline under the title gives it ("From Example News, the free news
    source you can write!" -> "Example News"): the site naming itself, on every article."""
    for line in lines:
        match = _TAGLINE.match(line.strip())
        if match is not None:
            return " ".join(match.group("site").split())
    return None


def title_above_tagline(page: Page, candidates: list[PageLine]) -> PageLine | None:
    """The headline candidate right above the wiki's tagline ("2031 Sollen Bay storm" over "From
    Example Wiki, the free encyclopedia"): a wiki prints the tagline under the article's title
    only, however short the title is."""
    indexes = content(page)
    for k, i in enumerate(indexes[:-1]):
        if _TAGLINE.match(page.lines[indexes[k + 1]].text.strip()):
            return next((candidate for candidate in candidates if candidate is page.lines[i]), None)
    return None
