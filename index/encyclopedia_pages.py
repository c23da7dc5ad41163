"""An encyclopedia (wiki) article scraped to text: the furniture a wiki prints around the article.

A wiki page opens with the site's tagline under the title ("From Example Wiki, the free
encyclopedia") and the article's map coordinates ("Coordinates: 47°12′N 18°40′E"), closes its
article with the reference list ("^ a b "Title". Outlet. 3 May 2031.", each entry opening with
the caret that links back to the citation) and its footer says under which licence the text may be
copied. None of it is the article's account. The edit links after headings ("History[edit]") are
left out of the line by ``index.text_shape.content_bounds``, the "See also", "References" and
"External links" lists are dropped with the other link lists (``index.block_rules``), and the
"Contents" box by ``index.printed_pages.drop_contents_lists``.

``line_reason`` is called by ``index.furniture.line_reason``; ``title_above_tagline`` gives
``index.header.find_headline`` the article's title.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, PageLine, content

logger = logging.getLogger(__name__)

# A reference list's entry: the caret that links back to where the article cites it, maybe with
# the letters of each citation ("^ a b c"), maybe numbered as the list prints it ("3. ^ ...").
_REFERENCE_ENTRY = re.compile(r"^(?:\d{1,3}\.\s+)?\^\s*\S")
# The wiki's tagline under the title: "From Example Wiki, the free encyclopedia".
_TAGLINE = re.compile(
    r"^from [^,.!?]{1,40}, the (?:free |online |open )?(?:encyclopa?edia|wiki|dictionary)$", re.IGNORECASE
)
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


def title_above_tagline(page: Page, candidates: list[PageLine]) -> PageLine | None:
    """The headline candidate right above the wiki's tagline ("2031 Sollen Bay storm" over "From
    Example Wiki, the free encyclopedia"): a wiki prints the tagline under the article's title
    only, however short the title is."""
    indexes = content(page)
    for k, i in enumerate(indexes[:-1]):
        if _TAGLINE.match(page.lines[indexes[k + 1]].text.strip()):
            return next((candidate for candidate in candidates if candidate is page.lines[i]), None)
    return None
