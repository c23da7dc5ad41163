"""A discussion-forum thread (phpBB, vBulletin, XenForo, Discourse) whose post quotes a
newspaper's article in full: the quoted article is the page's article, everything the forum's
users wrote around it (their words, names, join dates, post counts, signatures, likes) is the
forum's.

A thread is known by its structure: several posts, each under its author's profile in the
forum's markup (``postprofile``, ``username``, ``data-user-card``, ...). The article is the longest
``<blockquote>`` of the thread that holds several prose paragraphs; the quote's ``<cite>`` ("Quote
from The Example Gazette:") is the forum's label of it. A thread that quotes no article (replies
quoting a line of another post) is read as any page is, and so is an article that quotes a
forum post: it has one author, not a thread of profiles.
"""

from __future__ import annotations

import html
import logging
import re
from array import array

from index import metadata
from index.html_text import html_to_source
from index.records import DroppedBlock
from index.source_text import INSERTED, PageHints, SourceText
from index.text_shape import is_prose, words

logger = logging.getLogger(__name__)

THREAD_MIN_POSTS = 3
QUOTED_ARTICLE_MIN_PARAGRAPHS = 3
QUOTED_ARTICLE_MIN_WORDS = 80

# The profile block or the user name over each post, as the common forum engines mark them.
_POST_AUTHOR = re.compile(
    r"""<\w+\b[^>]*?(?:\bclass\s*=\s*["'][^"']*\b(?:postprofile|username(?:-coloured)?|post-?author|postauthor|"""
    r"""poster-?info|userinfo|message-user(?:Details|Block)?|topic-avatar|post-?user)\b|\bdata-user-card\s*=)""",
    re.IGNORECASE,
)
_BLOCKQUOTE = re.compile(r"<(/?)blockquote\b[^>]*>", re.IGNORECASE)
# The quote's attribution at its start: "<cite>Quote from ...:</cite>", "<div class="quote-title">".
_TAG = re.compile(r"<[^>]*>")
_CITE = re.compile(r"\s*(?:<div[^>]*>\s*)?<cite\b[^>]*>.*?</cite\s*>", re.DOTALL | re.IGNORECASE)


def is_thread(raw_html: str) -> bool:
    """A forum thread: THREAD_MIN_POSTS posts under their authors' profiles at least."""
    return len(_POST_AUTHOR.findall(raw_html)) >= THREAD_MIN_POSTS


def quoted_article_source(raw_html: str, visible: SourceText) -> SourceText | None:
    """The article a thread's post quotes, read as ``index.html_text`` reads a page and mapped to
    the raw file; None when the page is no thread or quotes no article."""
    if not is_thread(raw_html):
        return None
    best: tuple[int, int, SourceText, str] | None = None
    best_words = 0
    for start, end in _blockquotes(raw_html):
        cite = _CITE.match(raw_html, start, end)
        content_start = cite.end() if cite else start
        quoted = html_to_source(raw_html[content_start:end])
        prose = [line for line in quoted.text.split("\n") if is_prose(line)]
        prose_words = sum(len(words(line)) for line in prose)
        if len(prose) >= QUOTED_ARTICLE_MIN_PARAGRAPHS and prose_words >= QUOTED_ARTICLE_MIN_WORDS and prose_words > best_words:
            best, best_words = (content_start, end, quoted, cite.group(0) if cite else ""), prose_words
    if best is None:
        return None
    start, end, quoted, cite = best
    # The quote's attribution names the article's publisher; the forum's own name is not it.
    publisher = metadata.quoted_publication(html.unescape(_TAG.sub(" ", cite))) if cite else None
    logger.info("forum thread: the article quoted at offset %d", start)
    return SourceText(
        text=quoted.text,
        raw_index=array("q", (index + start if index != INSERTED else INSERTED for index in quoted.raw_index)),
        dropped=(DroppedBlock(0, start, "forum-thread"), DroppedBlock(end, len(raw_html), "forum-thread")),
        hints=PageHints(title=visible.hints.title, site_name=visible.hints.site_name, publisher=publisher),
        table_rows=tuple((row_start, row_end) for row_start, row_end in quoted.table_rows),
    )


def _blockquotes(raw_html: str) -> list[tuple[int, int]]:
    """The raw span of the content of each outermost ``<blockquote>``."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for tag in _BLOCKQUOTE.finditer(raw_html):
        if not tag.group(1):
            if depth == 0:
                start = tag.end()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.start()))
    return spans
