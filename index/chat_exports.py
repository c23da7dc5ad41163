"""A chat channel's history exported as HTML (Telegram Desktop's ``messages.html``) -> the text of
the channel's posts, every character mapped to the raw file.

An export is known by its markup (``looks_like_channel_export``): posts as
``<div class="message default clearfix" id="message4187">``, two at least. Each post's words are
in its ``<div class="text">`` (a forwarded post's too, inside its ``forwarded body``); everything
else is the app's: the page header, the service messages (date separators, "X pinned this
message", "Channel photo changed"), each post's time stamp, userpic and ``from_name``, a forwarded
post's original sender and time, media placeholders, reactions and view counts.

A channel also posts what is not news: a paid post under its label ("Sponsored | ..."), an offer
with a discount code, an appeal to join another channel or to forward the post. Such a post is
the channel's promotion, dropped whole (``is_promotion``). The channel's name in the page header is
the page's outlet, and the first post's time stamp its date (``PageHints``); the export's
``<title>`` ("Exported Data") names the tool's output, not the page, and is not passed on.
"""

from __future__ import annotations

import logging
import re
from array import array
from dataclasses import dataclass

from index.html_text import element_end, html_to_source, plain_text
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText, append_on_a_line

logger = logging.getLogger(__name__)

EXPORT_MIN_POSTS = 2

_DIV = re.compile(r"<(/?)div\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ID = re.compile(r"""\bid\s*=\s*["']?message-?\d+\b""", re.IGNORECASE)
# The post's time stamp in its title, as the app writes it: "14.03.2041 07:02:15 UTC+02:00".
_STAMP_DATE = re.compile(r"""\btitle\s*=\s*["'](?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{4})\b""")

# A paid post's label where the post begins, before its text: "Sponsored | ...", "Advertisement:",
# "Ad - ", or the label as the post's whole first line. "Sponsored by the council, the festival
# ..." is a sentence and "Ad-hoc buses ..." a word, not a label.
_PAID_LABEL = re.compile(
    r"^\W*(?:sponsored(?: post| content)?|advertisement|advert|ad|promoted(?: post)?|paid partnership|partner content)"
    r"(?:\s*(?:$|\n|[|:·•])|\s+[–—-]\s)",
    re.IGNORECASE,
)
# An offer's code: "with code CLEAN20", "code: SAVE10". A code is capitals with digits, so "the
# highway code" or "a fake discount code" in a report is no offer.
_DISCOUNT_CODE = re.compile(r"\b(?i:code):?\s+[\"'“‘]?[A-Z]+\d+[A-Z\d]*\b")
# The channel's appeal to its readers: "Join our backup channel", "Forward this to friends".
_CHANNEL_APPEAL = re.compile(
    r"\bjoin our (?:\w+ ){0,2}(?:channel|group|chat)\b|\bforward this (?:\w+ )?to\b|\bsubscribe to our (?:\w+ )?channel\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Post:
    """One post of the export: its element's raw span and the raw spans of its text's content."""

    start: int
    end: int
    texts: tuple[tuple[int, int], ...]
    date: str | None  # ISO date of its time stamp


def looks_like_channel_export(raw_html: str) -> bool:
    """A chat app's export: EXPORT_MIN_POSTS posts in its markup at least."""
    return sum(1 for _ in _posts(raw_html)) >= EXPORT_MIN_POSTS


def is_promotion(text: str) -> bool:
    """A post the channel carries for money or for itself, not as news: a paid post's label at
    its start, an offer's discount code, an appeal to join a channel or forward the post."""
    return any(pattern.search(text) for pattern in (_PAID_LABEL, _DISCOUNT_CODE, _CHANNEL_APPEAL))


def channel_posts_source(raw_html: str, visible: SourceText) -> SourceText | None:
    """The posts' text of a channel export, one line per line of a post, mapped to the raw file;
    None when the page is no export. ``visible`` (the page as ``index.html_text`` reads it) is
    not needed: the export's furniture is known by its markup alone."""
    posts = list(_posts(raw_html))
    if len(posts) < EXPORT_MIN_POSTS:
        return None
    text: list[str] = []
    raw_index = array("q")
    kept: list[tuple[int, int]] = []
    promotions: list[DroppedBlock] = []
    for post in posts:
        parts = [html_to_source(raw_html[start:end]) for start, end in post.texts]
        if is_promotion("\n".join(part.text for part in parts)):
            promotions.append(DroppedBlock(post.start, post.end, "channel-promotion"))
            continue
        for (start, end), part in zip(post.texts, parts):
            if not part.text:
                continue
            append_on_a_line(text, raw_index, part, start)
            kept.append((start, end))
    logger.info("channel export: %d posts, %d promotions dropped", len(posts), len(promotions))
    return SourceText(
        text="".join(text),
        raw_index=raw_index,
        dropped=_furniture_blocks(len(raw_html), kept, promotions),
        hints=PageHints(publisher=_channel_name(raw_html), published=next((post.date for post in posts if post.date), None)),
    )


def _posts(raw_html: str) -> list[_Post]:
    """Every post of the export in page order (service messages are not posts)."""
    posts: list[_Post] = []
    for tag in _DIV.finditer(raw_html):
        if tag.group(1) or not {"message", "default"} <= _classes(tag.group(2)) or not _ID.search(tag.group(2)):
            continue
        end = element_end(raw_html, "div", tag.end())
        texts = tuple((start, text_end) for start, text_end, classes in _inner_divs(raw_html, tag.end(), end) if classes == {"text"})
        stamp = _STAMP_DATE.search(raw_html, tag.end(), end)
        date = f"{stamp['year']}-{stamp['month']}-{stamp['day']}" if stamp else None
        posts.append(_Post(tag.start(), end, texts, date))
    return posts


def _channel_name(raw_html: str) -> str | None:
    """The name in the export's page header (``<div class="page_header">`` ... ``<div class="text
    bold">``), or None when the header names no one."""
    for tag in _DIV.finditer(raw_html):
        if not tag.group(1) and "page_header" in _classes(tag.group(2)):
            for start, end, classes in _inner_divs(raw_html, tag.end(), element_end(raw_html, "div", tag.end())):
                name = plain_text(raw_html[start:end])
                if "text" in classes and name:
                    return name
            return None
    return None


def _inner_divs(raw_html: str, start: int, end: int) -> list[tuple[int, int, set[str]]]:
    """The content span and classes of every div opened in ``[start, end)``."""
    return [
        (tag.end(), element_end(raw_html, "div", tag.end()), _classes(tag.group(2)))
        for tag in _DIV.finditer(raw_html, start, end)
        if not tag.group(1)
    ]


def _classes(attributes: str) -> set[str]:
    match = _CLASS.search(attributes)
    return set((match.group(1) or match.group(2) or "").split()) if match else set()


def _furniture_blocks(length: int, kept: list[tuple[int, int]], promotions: list[DroppedBlock]) -> tuple[DroppedBlock, ...]:
    """Everything outside the kept texts and the promotions: the app's furniture."""
    taken = sorted(kept + [(block.raw_start, block.raw_end) for block in promotions])
    blocks: list[DroppedBlock] = list(promotions)
    position = 0
    for start, end in taken:
        if start > position:
            blocks.append(DroppedBlock(position, start, "channel-export"))
        position = max(position, end)
    if position < length:
        blocks.append(DroppedBlock(position, length, "channel-export"))
    return tuple(sorted(blocks, key=lambda block: block.raw_start))
