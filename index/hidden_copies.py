"""A page's second copy of its own text, hidden from some of its readers: a mobile layout's
intro marked ``aria-hidden="true"`` beside the desktop one, a ``hidden`` block a script swaps in.

Such a copy is furniture when its text repeats the visible page: the reader of the cleaned text
would otherwise get the headline and standfirst twice, and the header rules would take the hidden
copy for the headline. The visible copy stays. A hidden element whose text is found nowhere else
is left to the other rules (it may be the only copy of a quote a script reveals).

Classes such as ``sr-only`` or ``visually-hidden`` are not hiding: they hide text from the eye
but a screen reader reads it, so it is part of the page for a reader who listens. Only the
``hidden`` attribute and ``aria-hidden="true"`` count here.
"""

from __future__ import annotations

import html
import logging
import re

logger = logging.getLogger(__name__)

# The share of a hidden element's text (in characters) that must repeat visible text.
DUPLICATE_MIN_SHARE = 0.5
_TAG = re.compile(r"""<(/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?/?>""")
# Elements whose content no reader sees as the page's text.
_INVISIBLE = re.compile(r"<(head|script|style|noscript|template|title)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|main|blockquote|figure|figcaption|dd|dt|dl|pre|address)\b[^>]*>",
    re.IGNORECASE,
)


def hidden_from_readers(attributes: dict[str, str]) -> bool:
    """The element is hidden by its ``hidden`` attribute or from assistive technology by
    ``aria-hidden="true"`` (not by a class: see the module's note on ``sr-only``)."""
    return "hidden" in attributes or attributes.get("aria-hidden", "").strip().lower() == "true"


def duplicates_visible_text(raw_html: str, start: int, end: int) -> bool:
    """The element at raw ``[start, end)`` repeats the page's visible text outside it: at least
    ``DUPLICATE_MIN_SHARE`` of its characters lie in blocks whose text is found there too.

    >>> page = '<div aria-hidden="true"><p>Flood wall holds</p></div><h1>Flood wall holds</h1>'
    >>> duplicates_visible_text(page, 0, page.index("<h1>"))
    True
    """
    blocks = [block for block in (_plain(part) for part in _BLOCK_TAG.split(raw_html[start:end])) if block]
    total = sum(len(block) for block in blocks)
    if not total:
        return False
    outside = _plain(raw_html[:start] + " " + raw_html[end:])
    repeated = sum(len(block) for block in blocks if block in outside)
    return repeated >= DUPLICATE_MIN_SHARE * total


def _plain(fragment: str) -> str:
    """Visible text of an HTML fragment, tags out, entities decoded, whitespace collapsed."""
    text = _TAG.sub(" ", _INVISIBLE.sub(" ", _COMMENT.sub(" ", fragment)))
    return " ".join(html.unescape(text).split())
