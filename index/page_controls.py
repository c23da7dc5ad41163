"""One-line controls a story's page shows its reader, not the story's text: the links between the
pages of a paginated article ("Continue reading on the next page", "Next page ›", "‹ Previous
page"), a scrolling story's cue ("Scroll to begin ↓"), a post's reaction counts ("♡ 412",
"⟲ 28") and its access badge ("Paid").

Each pattern takes the whole line, so a sentence that mentions "the next page of the report" or
says a post was "paid" stays. ``line_reason`` is called by ``index.furniture.line_reason``.
"""

from __future__ import annotations

import logging
import re
import unicodedata

logger = logging.getLogger(__name__)

# "Continue reading on the next page", "Continued on next page »", "Story continues on page 2".
_CONTINUED = re.compile(
    r"^(?:continue reading|continued|(?:the )?(?:story|article) continues|read on|keep reading)\s+"
    r"(?:on|to|over)\s+(?:the\s+)?(?:next\s+page|page\s+\d{1,3})\s*[.…:›»→>]*$",
    re.IGNORECASE,
)
# "Next page ›", "‹ Previous page", "Older page": a link to a page of the article ("‹ Previous"
# alone is any list's control, left to ``furniture``'s interface rules).
_PAGE_LINK = re.compile(
    r"^(?:[‹«<←]\s*)?(?:previous|prev\.?|next|older|newer)\s+page(?:\s*[›»>→])?$", re.IGNORECASE
)
# "Scroll to begin ↓", "Scroll down", "Swipe to explore", "Scroll to continue ⬇".
_SCROLL_CUE = re.compile(
    r"^(?:scroll|swipe|keep scrolling)(?:\s+down)?(?:\s+to\s+(?:begin|start|continue|read|explore|see more))?\s*[↓⬇▼⌄↡⇣]?$",
    re.IGNORECASE,
)
# A post's reaction counts: icons and numbers, maybe with the controls' names ("♡ 412 💬 37 ⟲ 28 Share").
# A comment count ("💬 37 Comments") is left to the comment rules (``furniture.is_comment_count``).
_COUNT_TOKEN = re.compile(r"^(?:\d[\d,.]*[kKmM]?|like|likes|restack|restacks|repost|reposts|share)$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\w\s]{1,3}|\d[\d,.]*[kKmM]?|[^\W\d_]+")
# An access badge alone on its line.
_ACCESS_BADGE = re.compile(r"^(?:paid|paid post|subscribers? only|members? only|premium|exclusive to (?:subscribers|members))$", re.IGNORECASE)


def line_reason(text: str) -> str | None:
    """"page-navigation", "scroll-cue", "reaction-counts" or "access-badge" for those controls;
    None for anything else."""
    stripped = text.strip()
    if _CONTINUED.match(stripped) or _PAGE_LINK.match(stripped):
        return "page-navigation"
    if _SCROLL_CUE.match(stripped):
        return "scroll-cue"
    if is_reaction_counts(stripped):
        return "reaction-counts"
    if _ACCESS_BADGE.match(stripped):
        return "access-badge"
    return None


def is_reaction_counts(text: str) -> bool:
    """Icons with counts: at least one icon and one number, nothing but icons, numbers and the
    controls' names ("♡ 412", "♡ 412 💬 37 ⟲ 28 Share")."""
    tokens = _TOKEN.findall(text)  # "♡412": the icon and its count may touch
    icons = sum(1 for token in tokens if _is_icon(token))
    numbers = sum(1 for token in tokens if token[:1].isdigit())
    return icons >= 1 and numbers >= 1 and all(_is_icon(token) or _COUNT_TOKEN.match(token) for token in tokens)


def _is_icon(token: str) -> bool:
    """Symbols only ("♡", "💬", "⟲"); punctuation is no icon: "18:20" is a time, not counts."""
    return all(unicodedata.category(char).startswith("S") for char in token)
