"""A social-media thread saved as text (a scrape of the platform's page) -> the posts of the
thread's author, every character mapped to the raw file.

A thread is recognised by its structure (``looks_like_thread``): posts numbered "1/10", "2/10", ...
(or "1/", "2/", ...) from 1 on, each right under the same account's handle ("@jo_bloggs", maybe
with its display name, a "·" and the post's date above the text), three posts at least. The numbered posts are the
article, a reporter's account told post by post; everything else on the page is the platform's:
its menus and headings, each post's display name, handle, time stamp and counts ("14 replies
61 reposts 702 likes"), a quoted post inside one, the reply box, other accounts' replies and
promoted posts, the sidebars (trending topics, who to follow), the footer.

A post runs from its number to the platform's next line: a handle or the display name above one,
a time stamp or a date, a "·", a row of counts, a short control ("Quote", "Show more"), the next
post's number. A blank line inside a post is the author's paragraph break. The source text keeps
the posts' lines where they stand, without their numbers (the thread's furniture, as a text
browser's link numbers are a dump's), and leaves every other line empty; the author's display
name and the first post's full time stamp are the page's byline and date (``PageHints``).

A thread's page saved as HTML is read by its microformats (``thread_page_source``): the
fediverse's servers (Mastodon's public pages, Pleroma, GoToSocial) and IndieWeb sites mark each
post as an ``h-entry``, its author as a ``p-author h-card``, its text as ``e-content`` and its time
in a ``<time>``, the same on every server, because other sites read them. The posts of the thread's
author (the account with the most posts on the page) are the article: their text and time stamps
are kept; the account's card, each post's author line and counts, the other accounts' replies
(readers' comments, rumour included), the server's sidebar and footer are the platform's.
"""

from __future__ import annotations

import logging
import re
from array import array
from dataclasses import dataclass

from index import furniture, metadata
from index.html_text import element_end, html_to_source, plain_text
from index.page_lines import is_body_prose
from index.records import DroppedBlock
from index.source_text import INSERTED, PageHints, SourceText, TextBuilder, append_on_a_line
from index.text_shape import RawLine, ends_sentence, raw_lines, words

logger = logging.getLogger(__name__)

THREAD_MIN_POSTS = 3
POST_HEADER_MAX_LINES = 4  # between the handle and the post's text: "·", the date, "Follow"
CONTROL_MAX_WORDS = 3  # "Quote", "Show more", "Post your reply"
DISPLAY_NAME_MAX_WORDS = 6
# Paragraphs of prose in no post's block that make a page an article quoting a thread, not the
# platform's page of it (whose only prose outside posts is a bio or a line of its legal footer).
ARTICLE_MIN_PARAGRAPHS = 3

# The post's number at the start of its text, maybe without the total: "1/10 ...", "(2/10) ...",
# "3/ ...".
_POST_NUMBER = re.compile(r"^\(?(?P<number>\d{1,3})/(?P<total>\d{1,3})?\)?\s+(?=\S)")
# The account's handle, alone or after the display name, maybe with the post's date: "@jo_bloggs",
# "Jo Bloggs @jo_bloggs · 2h".
_HANDLE = re.compile(r"^(?:[^@\s][^@]{0,50}\s)?@(?P<handle>\w{1,30})(?:\s*[·•|]\s*\S.{0,30})?$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
# A post's date as platforms print it: "Nov 3", "3 Nov", "Nov 3, 2036", "2h", "45m".
_SHORT_DATE = re.compile(rf"^(?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?$|^\d{{1,2}}[smhd]$")
# One count of a post's reactions: "14 replies", "48.2K Views", "1,104 Likes".
_COUNT = re.compile(
    r"^\d[\d,.]*[KkM]?\s+(?:replies|reply|reposts?|retweets?|quotes?|quote posts?|likes?|bookmarks?|views?|shares?|comments?)$",
    re.IGNORECASE,
)
_COUNT_SEPARATOR = re.compile(r"\s{2,}|\s*[·•|]\s*|\t")


@dataclass(frozen=True, slots=True)
class _Thread:
    posts: tuple[tuple[int, int], ...]  # [first, last] line index of each post
    handle_line: int  # the line of the first post's handle


def looks_like_thread(raw_text: str) -> bool:
    """Posts numbered from 1 under one account's handle, ``THREAD_MIN_POSTS`` at least, on a page
    with no article around them. A list of numbered paragraphs has no handle over each item; a
    page of replies has many accounts; an article that embeds a thread has paragraphs of its own
    (``ARTICLE_MIN_PARAGRAPHS``) in no post's block, and stays an article."""
    lines = raw_lines(raw_text)
    thread = _find_thread(lines)
    return thread is not None and _free_paragraphs(lines, thread) < ARTICLE_MIN_PARAGRAPHS


def thread_source(raw_text: str) -> SourceText:
    """The thread's posts, each line where the page has it and without its number; every other
    line left empty and recorded as dropped.

    >>> page = "\\n".join(["Ana Ruiz", "@ana", "1/3 The ferry ran aground.", "@ana", "2/3 Nobody was hurt.",
    ...                    "@ana", "3/3 Tugs are on the way.", "12 replies   4 reposts", "Who to follow"])
    >>> [line for line in thread_source(page).text.split("\\n") if line]
    ['The ferry ran aground.', 'Nobody was hurt.', 'Tugs are on the way.']
    """
    lines = raw_lines(raw_text)
    thread = _find_thread(lines)
    if thread is None:
        raise ValueError("no thread of numbered posts under one handle on this page; check looks_like_thread first")
    kept = {i for first, last in thread.posts for i in range(first, last + 1)}
    builder = TextBuilder(raw_text)
    dropped: list[DroppedBlock] = []
    for i, line in enumerate(lines):
        if i:
            builder.copy(line.start - 1)  # the newline before this line
        if i in kept:
            number = _POST_NUMBER.match(line.content)
            skip = len(line.text) - len(line.text.lstrip()) + (number.end() if number else 0)
            for offset in range(skip, len(line.text.rstrip())):
                builder.copy(line.start + offset)
        elif line.content:
            if dropped and _only_blank_between(raw_text, dropped[-1].raw_end, line.start):
                dropped[-1] = DroppedBlock(dropped[-1].raw_start, line.start + len(line.text), "thread-furniture")
            else:
                dropped.append(DroppedBlock(line.start, line.start + len(line.text), "thread-furniture"))
    return SourceText(text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped), hints=_hints(lines, thread))


def _only_blank_between(raw_text: str, start: int, end: int) -> bool:
    return not raw_text[start:end].strip()


def _find_thread(lines: list[RawLine]) -> _Thread | None:
    """The longest run of posts numbered 1, 2, 3 ... of one total under one handle."""
    by_account: dict[tuple[str, str], list[tuple[int, int, int]]] = {}  # (handle, total) -> (number, line, handle line)
    for i, line in enumerate(lines):
        number = _POST_NUMBER.match(line.content)
        handle_line = _handle_above(lines, i) if number else None
        if number is None or handle_line is None:
            continue
        handle = _HANDLE.match(lines[handle_line].content).group("handle").lower()
        posts = by_account.setdefault((handle, number.group("total") or ""), [])
        if int(number.group("number")) == len(posts) + 1:
            posts.append((int(number.group("number")), i, handle_line))
    best = max(by_account.values(), key=len, default=[])
    if len(best) < THREAD_MIN_POSTS:
        return None
    starts = [i for _, i, _ in best]
    posts = tuple((start, _post_end(lines, start)) for start in starts)
    return _Thread(posts=posts, handle_line=best[0][2])


def _free_paragraphs(lines: list[RawLine], thread: _Thread) -> int:
    """Lines of prose outside the thread's posts whose block (the run of lines between blank
    lines) has no handle: an article's paragraphs, not another account's post or a bio."""
    in_posts = {i for first, last in thread.posts for i in range(first, last + 1)}
    count = 0
    block_has_handle = False
    block: list[int] = []
    for i, line in enumerate([*lines, RawLine(-1, "")]):
        if line.content:
            block.append(i)
            block_has_handle = block_has_handle or bool(_HANDLE.match(line.content))
            continue
        if not block_has_handle:
            count += sum(1 for j in block if j not in in_posts and is_body_prose(lines[j].content))
        block, block_has_handle = [], False
    return count


def _handle_above(lines: list[RawLine], index: int) -> int | None:
    """The handle line right above a post's text, with only the post's header lines between
    (a "·", the date, a "Follow" control); a blank line ends the search."""
    for j in range(index - 1, max(-1, index - 2 - POST_HEADER_MAX_LINES), -1):
        text = lines[j].content
        if not text:
            return None
        if _HANDLE.match(text):
            return j
        if not _is_post_header(text):
            return None
    return None


def _is_post_header(text: str) -> bool:
    """A line between a post's handle and its text: the date or time, or a control ("Follow"), or
    a separator ("·", a control without words)."""
    return bool(_SHORT_DATE.match(text) or furniture.is_time_stamp(text) or _is_control(text))


def _post_end(lines: list[RawLine], start: int) -> int:
    """The last line of the post whose number is on line ``start``: the line before the platform's
    next line, blank lines at the end left out."""
    last = start
    for j in range(start + 1, len(lines)):
        text = lines[j].content
        if not text:
            continue
        following = next((line.content for line in lines[j + 1:] if line.content), "")
        if _is_platform_line(text) or _HANDLE.match(following):
            break
        last = j
    return last


def _is_platform_line(text: str) -> bool:
    """A line of the platform around a post's text, never the text itself."""
    return bool(
        _POST_NUMBER.match(text)
        or _HANDLE.match(text)
        or _is_post_header(text)
        or _is_count_row(text)
    )


def _is_count_row(text: str) -> bool:
    """A post's counts and nothing else: "14 replies   61 reposts   702 likes", "48.2K Views"."""
    items = [item for item in _COUNT_SEPARATOR.split(text) if item]
    return bool(items) and all(_COUNT.match(item) for item in items)


def _is_control(text: str) -> bool:
    """A short control or label of the platform ("Quote", "Follow", "Show more", "Post your
    reply") or a separator ("·"): a few words or none, no figure, no sentence."""
    return len(words(text)) <= CONTROL_MAX_WORDS and not ends_sentence(text) and not any(char.isdigit() for char in text)


def _hints(lines: list[RawLine], thread: _Thread) -> PageHints:
    """The thread's author (the display name over the first post's handle, or on its line) and
    date (the first full time stamp after the first post: "9:41 AM · Nov 3, 2036")."""
    handle = lines[thread.handle_line].content
    name = handle[: handle.index("@")].strip() if not handle.startswith("@") else ""
    above = lines[thread.handle_line - 1].content if thread.handle_line > 0 else ""
    if not name and above and not _HANDLE.match(above) and len(words(above)) <= DISPLAY_NAME_MAX_WORDS and not ends_sentence(above):
        name = above
    published = next(
        (
            line.content
            for line in lines[thread.posts[0][0]:]
            if furniture.is_time_stamp(line.content) and metadata.parse_date(line.content) is not None
        ),
        None,
    )
    return PageHints(published=published, authors=(name,) if name else ())


# The opening tag of an element, with its attributes.
_OPENING_TAG = re.compile(r"""<(?P<name>[a-zA-Z][\w-]*)\b(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>""")
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_DATETIME = re.compile(r"""\bdatetime\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One ``h-entry`` post of a thread's page: its element's raw span, its author (the address of
    the account's profile), the raw spans of its time stamp and its text, and when it was posted."""

    start: int
    end: int
    author: str | None
    time: tuple[int, int] | None
    published: str | None  # the time stamp's ``datetime``
    texts: tuple[tuple[int, int], ...]


def thread_page_source(raw_html: str, visible: SourceText) -> SourceText | None:
    """The posts of a thread's author on a thread's HTML page, each post's time stamp and text on
    lines of their own, mapped to the raw file; None when the page is no thread of ``h-entry``
    posts (THREAD_MIN_POSTS by one author at least, side by side, not nested in an article) or is
    an article around them: more words of prose outside the posts (an article's paragraphs, where
    a thread's page has only a bio and the server's note) than in the author's posts.

    The author's display name is the page's byline and its publisher: an account that posts a
    thread of updates publishes them, as a channel does its posts (``index.chat_exports``); the
    server is only where the account lives. The page's <title> is not passed on: it is the
    server's cut of the first post ("Name: "First words…" - server"), no headline the author
    wrote; a thread has none."""
    if "h-entry" not in raw_html:
        return None  # the one class every such page has: most pages are read no further
    entries = _entries(raw_html)
    by_author: dict[str, list[_Entry]] = {}
    for entry in entries:
        if entry.author is not None and entry.texts:
            by_author.setdefault(entry.author, []).append(entry)
    author, posts = max(by_author.items(), key=lambda item: len(item[1]), default=(None, []))
    if author is None or len(posts) < THREAD_MIN_POSTS:
        return None
    if _prose_words_outside(visible, entries) >= sum(len(words(plain_text(raw_html[start:end]))) for post in posts for start, end in post.texts):
        return None
    text: list[str] = []
    raw_index = array("q")
    kept: list[tuple[int, int]] = []
    for post in posts:
        for start, end in ((post.time,) if post.time else ()) + post.texts:
            part = html_to_source(raw_html[start:end])
            if not part.text:
                continue
            append_on_a_line(text, raw_index, part, start)
            kept.append((start, end))
    replies = [(entry.start, entry.end) for entry in entries if entry.author != author]
    logger.info("thread page: %d posts by %s, %d posts by others dropped", len(posts), author, len(replies))
    name = _display_name(raw_html, posts[0])
    return SourceText(
        text="".join(text),
        raw_index=raw_index,
        dropped=_dropped_around(len(raw_html), kept, replies),
        hints=PageHints(
            site_name=visible.hints.site_name,
            published=next((post.published for post in posts if post.published), None),
            authors=(name,) if name else (),
            publisher=name,
        ),
    )


def _entries(raw_html: str) -> list[_Entry]:
    """The outermost ``h-entry`` elements of the page in order (a reply nested in a post is the
    post's), with their parts."""
    entries: list[_Entry] = []
    for tag in _OPENING_TAG.finditer(raw_html):
        if entries and tag.start() < entries[-1].end:
            continue
        if "h-entry" not in _classes(tag.group("attributes")):
            continue
        end = element_end(raw_html, tag.group("name").lower(), tag.end())
        texts = tuple(_elements_with_class(raw_html, "e-content", tag.end(), end))
        time, published = _time_stamp(raw_html, tag.end(), end, texts)
        entries.append(_Entry(tag.start(), end, _author(raw_html, tag.end(), end), time, published, texts))
    return entries


def _author(raw_html: str, start: int, end: int) -> str | None:
    """The address of the post's author: the ``p-author`` link, else the post's first link (a
    server that marks no author, as Mastodon's page does for the post it centres, links its
    author's name and avatar first)."""
    first_link: str | None = None
    for tag in _OPENING_TAG.finditer(raw_html, start, end):
        href = _HREF.search(tag.group("attributes"))
        address = (href.group(1) or href.group(2)) if href else None
        if address and "p-author" in _classes(tag.group("attributes")):
            return address
        if address and tag.group("name").lower() == "a" and first_link is None:
            first_link = address
    return first_link


def _time_stamp(raw_html: str, start: int, end: int, texts: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int] | None, str | None]:
    """The raw span and ``datetime`` of the post's first ``<time>`` (or ``dt-published``) outside
    its text: when it was posted, the post's dateline."""
    for tag in _OPENING_TAG.finditer(raw_html, start, end):
        name = tag.group("name").lower()
        if name != "time" and "dt-published" not in _classes(tag.group("attributes")):
            continue
        if any(text_start <= tag.start() < text_end for text_start, text_end in texts):
            continue
        stamp = _DATETIME.search(tag.group("attributes"))
        return (tag.start(), element_end(raw_html, name, tag.end())), (stamp.group(1) or stamp.group(2)) if stamp else None
    return None, None


def _elements_with_class(raw_html: str, name: str, start: int, end: int) -> list[tuple[int, int]]:
    """The raw spans (opening tag to the end of the content) of the outermost elements in
    ``[start, end)`` that carry the class ``name``."""
    spans: list[tuple[int, int]] = []
    for tag in _OPENING_TAG.finditer(raw_html, start, end):
        if spans and tag.start() < spans[-1][1]:
            continue
        if name in _classes(tag.group("attributes")):
            spans.append((tag.start(), element_end(raw_html, tag.group("name").lower(), tag.end())))
    return spans


def _display_name(raw_html: str, post: _Entry) -> str | None:
    """The author's name as the post shows it: the first ``p-name`` of the post before its text."""
    first_text = post.texts[0][0] if post.texts else post.end
    for start, end in _elements_with_class(raw_html, "p-name", post.start, first_text):
        name = plain_text(raw_html[start:end])
        if name:
            return name
    return None


def _prose_words_outside(visible: SourceText, entries: list[_Entry]) -> int:
    """Words of the prose lines the page shows outside every post."""
    count = 0
    position = 0
    for line in visible.text.split("\n"):
        raw = next((visible.raw_index[i] for i in range(position, position + len(line)) if visible.raw_index[i] != INSERTED), None)
        position += len(line) + 1
        if raw is not None and not any(entry.start <= raw < entry.end for entry in entries) and is_body_prose(line):
            count += len(words(line))
    return count


def _dropped_around(length: int, kept: list[tuple[int, int]], replies: list[tuple[int, int]]) -> tuple[DroppedBlock, ...]:
    """Everything outside the kept parts: other accounts' posts as "thread-reply", the rest as
    the platform's "thread-furniture"."""
    blocks: list[DroppedBlock] = []
    position = 0
    for start, end in [*sorted(kept), (length, length)]:
        gap_start = position
        for reply_start, reply_end in replies:
            if gap_start <= reply_start and reply_end <= start:
                if reply_start > gap_start:
                    blocks.append(DroppedBlock(gap_start, reply_start, "thread-furniture"))
                blocks.append(DroppedBlock(reply_start, reply_end, "thread-reply"))
                gap_start = reply_end
        if start > gap_start:
            blocks.append(DroppedBlock(gap_start, start, "thread-furniture"))
        position = max(position, end)
    return tuple(blocks)


def _classes(attributes: str) -> set[str]:
    match = _CLASS.search(attributes)
    return set((match.group(1) or match.group(2) or "").split()) if match else set()
