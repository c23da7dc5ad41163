"""A JavaScript-app page whose article exists only as data in a script: the visible HTML is a
skeleton (menu, headline, a "Loading..." placeholder, footer) and the text is in the JSON the app
renders from (Next.js ``<script id="__NEXT_DATA__" type="application/json">``, Nuxt's or Apollo's
state assigned to ``window.__NUXT__`` / ``window.__APOLLO_STATE__``, schema.org
``application/ld+json`` with an ``articleBody``).

The article is recognised by its structure, whatever the framework calls its keys: an object of
the data that holds a body, a list of prose strings (or of objects with a prose ``text``) or one
long prose string. Its headline, standfirst, byline and human-readable date are the object's
string fields of those names; everything else in the data (ids, machine dates, images, the
author's bio, tags, related stories, ad and paywall settings) is the app's. When the visible HTML
already carries the article's paragraphs the data is a copy and is left alone.

Every kept character maps to the raw file: a JSON escape (``\\u2019``, ``\\"``) decodes to an
inserted character, and the inline HTML of a paragraph is read as ``index.html_text`` reads a
page (``source_text.append_mapped``).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field

from index.html_text import html_to_source
from index.records import DroppedBlock
from index.source_text import INSERTED, PageHints, SourceText, TextBuilder, append_mapped
from index.text_shape import is_prose, words

logger = logging.getLogger(__name__)

BODY_MIN_PARAGRAPHS = 3  # a list of prose strings this long is an article's body
BODY_MIN_WORDS = 80
PARAGRAPH_MIN_WORDS = 8
# Share of the body's paragraphs the visible page must show for the data to be a mere copy.
VISIBLE_COPY_MIN_SHARE = 0.5
VISIBLE_MATCH_CHARS = 60  # the start of a paragraph looked for in the visible text

_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<content>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_JSON_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json\b""", re.IGNORECASE)
# A framework's state assigned to a global: "window.__NUXT__ = {...};", "self.__APOLLO_STATE__={...}".
_STATE_ASSIGNMENT = re.compile(r"\s*(?:window|self|globalThis)\.[\w$]+\s*=\s*(?=[\[{])")
# The article object's header fields, by the names apps and schema.org give them.
_HEADLINE_KEYS = {"headline", "title", "heading", "hed"}
_STANDFIRST_KEYS = {"standfirst", "dek", "subheadline", "subheading", "subtitle", "strapline", "summary", "description", "lede"}
_BYLINE_KEYS = {"byline", "author", "authorname", "authors"}
_DATE_KEYS = {"displaydate", "dateline", "date", "displaytime", "publisheddisplay"}
# A body element's text when the body is a list of blocks: {"type": "paragraph", "text": "..."}.
_BLOCK_TEXT_KEYS = ("text", "html", "content", "value")
_BODY_STRING_KEYS = {"articlebody", "body", "content", "text", "bodytext"}
_MACHINE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class _JsonString:
    """A string of the data: its raw span inside the quotes and its decoded value."""

    start: int
    end: int
    value: str


@dataclass(slots=True)
class _JsonObject:
    fields: list[tuple[str, object]] = field(default_factory=list)  # (key, node) in the data's order


class _JsonReader:
    """A JSON reader that remembers where each string sits in the raw file (``json`` does not)."""

    _NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
    _WORD = re.compile(r"true|false|null")
    _SPACE = re.compile(r"\s*")

    def __init__(self, raw: str, start: int, end: int) -> None:
        self.raw, self.position, self.end = raw, start, end

    def value(self) -> object:
        self._skip_space()
        char = self.raw[self.position] if self.position < self.end else ""
        if char == "{":
            return self._object()
        if char == "[":
            return self._array()
        if char == '"':
            return self._string()
        scalar = self._NUMBER.match(self.raw, self.position, self.end) or self._WORD.match(self.raw, self.position, self.end)
        if scalar is None:
            raise ValueError(f"not JSON at offset {self.position}")
        self.position = scalar.end()
        return None

    def _skip_space(self) -> None:
        self.position = self._SPACE.match(self.raw, self.position, self.end).end()

    def _expect(self, char: str) -> None:
        self._skip_space()
        if self.raw[self.position:self.position + 1] != char:
            raise ValueError(f"expected {char!r} at offset {self.position}")
        self.position += 1

    def _object(self) -> _JsonObject:
        node = _JsonObject()
        self._expect("{")
        self._skip_space()
        if self.raw[self.position:self.position + 1] == "}":
            self.position += 1
            return node
        while True:
            self._skip_space()
            key = self._string()
            self._expect(":")
            node.fields.append((key.value, self.value()))
            self._skip_space()
            if self.raw[self.position:self.position + 1] == ",":
                self.position += 1
                continue
            self._expect("}")
            return node

    def _array(self) -> list[object]:
        items: list[object] = []
        self._expect("[")
        self._skip_space()
        if self.raw[self.position:self.position + 1] == "]":
            self.position += 1
            return items
        while True:
            items.append(self.value())
            self._skip_space()
            if self.raw[self.position:self.position + 1] == ",":
                self.position += 1
                continue
            self._expect("]")
            return items

    def _string(self) -> _JsonString:
        self._expect('"')
        start = self.position
        value, self.position = json.decoder.scanstring(self.raw, start)
        return _JsonString(start, self.position - 1, value)


@dataclass(frozen=True, slots=True)
class _Article:
    """The data's article: its header strings and its body's paragraphs, in the data's order."""

    header: tuple[tuple[str, _JsonString], ...]  # (role, string): headline, standfirst, byline, date
    body: tuple[_JsonString, ...]
    headline: str | None
    published: str | None


def embedded_article_source(raw_html: str, visible: SourceText) -> SourceText | None:
    """The article of the page's data scripts when the visible page (``visible``) does not carry
    it, one line per header field and body paragraph, mapped to raw offsets; None otherwise."""
    article, script = _find_article(raw_html)
    if article is None or script is None or _visible_copy(article, visible.text):
        return None
    builder = TextBuilder(raw_html)
    kept_spans: list[tuple[int, int]] = []
    for string in [string for _, string in article.header] + list(article.body):
        for positions, part in _paragraphs(raw_html, string):
            if builder.chars:
                builder.insert("\n")
            append_mapped(builder, part, positions)
        kept_spans.append((string.start, string.end))
    dropped = [DroppedBlock(0, script[0], "app-shell"), DroppedBlock(script[1], len(raw_html), "app-shell")]
    previous = script[0]
    for start, end in sorted(kept_spans):
        dropped.append(DroppedBlock(previous, start, "script-data"))
        previous = end
    dropped.append(DroppedBlock(previous, script[1], "script-data"))
    hints = visible.hints
    logger.info("article read from a data script (%d paragraphs)", len(article.body))
    return SourceText(
        text=builder.text(),
        raw_index=builder.raw_index,
        dropped=tuple(block for block in dropped if block.raw_end > block.raw_start),
        hints=PageHints(
            title=hints.title,
            site_name=hints.site_name,
            published=article.published if article.published is not None else hints.published,
            authors=hints.authors,
            headings=tuple(heading for heading in (article.headline,) if heading) or hints.headings,
            logo=hints.logo,  # the app's shell still shows the site's logo
            publisher=hints.publisher,
        ),
    )


def _find_article(raw_html: str) -> tuple[_Article | None, tuple[int, int] | None]:
    """The article with the longest body among the page's data scripts, and its script's span."""
    best: tuple[_Article | None, tuple[int, int] | None] = (None, None)
    best_words = 0
    for script in _SCRIPT.finditer(raw_html):
        start, end = script.start("content"), script.end("content")
        if not _JSON_TYPE.search(script.group("attributes")):
            assignment = _STATE_ASSIGNMENT.match(raw_html, start, end)
            if assignment is None:
                continue
            start = assignment.end()
        try:
            data = _JsonReader(raw_html, start, end).value()
            articles = _articles(data)
        except (ValueError, IndexError, RecursionError):
            continue  # no JSON, or nested deeper than the reader follows: no article to read
        for article in articles:
            body_words = sum(len(words(string.value)) for string in article.body)
            if body_words > best_words:
                best, best_words = (article, (script.start("content"), script.end("content"))), body_words
    return best


def _articles(node: object) -> list[_Article]:
    """Every object of the data that holds an article's body."""
    found: list[_Article] = []
    if isinstance(node, list):
        for item in node:
            found += _articles(item)
    elif isinstance(node, _JsonObject):
        article = _as_article(node)
        if article is not None:
            found.append(article)
        for _, value in node.fields:
            found += _articles(value)
    return found


def _as_article(node: _JsonObject) -> _Article | None:
    body: list[_JsonString] = []
    body_words = 0
    for key, value in node.fields:
        candidate = _body_paragraphs(key, value)
        candidate_words = sum(len(words(string.value)) for string in candidate)
        if candidate_words > body_words:
            body, body_words = candidate, candidate_words
    if body_words < BODY_MIN_WORDS:
        return None
    header: list[tuple[str, _JsonString]] = []
    published: str | None = None
    for key, value in node.fields:
        name = key.lower()
        if not isinstance(value, _JsonString) or not value.value.strip():
            continue
        if _MACHINE_DATE.match(value.value):
            published = published if published is not None else value.value  # the machine's date: a hint, no line
            continue
        role = _header_role(name)
        if role is not None and role not in {kept for kept, _ in header} and value not in body:
            header.append((role, value))
    headline = next((_plain(string.value) for role, string in header if role == "headline"), None)
    return _Article(header=tuple(header), body=tuple(body), headline=headline, published=published)


def _header_role(key: str) -> str | None:
    for role, keys in (("headline", _HEADLINE_KEYS), ("standfirst", _STANDFIRST_KEYS), ("byline", _BYLINE_KEYS), ("date", _DATE_KEYS)):
        if key in keys:
            return role
    return None


def _body_paragraphs(key: str, value: object) -> list[_JsonString]:
    """The prose paragraphs of a body field: a list of strings or of text blocks with
    BODY_MIN_PARAGRAPHS prose paragraphs at least, or one long prose string under a body's name."""
    if isinstance(value, _JsonString):
        return [value] if key.lower() in _BODY_STRING_KEYS and is_prose(_plain(value.value), PARAGRAPH_MIN_WORDS) else []
    if not isinstance(value, list):
        return []
    strings = [_block_text(item) for item in value]
    paragraphs = [string for string in strings if string is not None]
    prose = [string for string in paragraphs if is_prose(_plain(string.value), PARAGRAPH_MIN_WORDS)]
    return paragraphs if len(prose) >= BODY_MIN_PARAGRAPHS and len(prose) * 2 >= len(value) else []


def _block_text(item: object) -> _JsonString | None:
    if isinstance(item, _JsonString):
        return item
    if isinstance(item, _JsonObject):
        fields = dict(item.fields)
        for key in _BLOCK_TEXT_KEYS:
            if isinstance(fields.get(key), _JsonString):
                return fields[key]
    return None


def _visible_copy(article: _Article, visible_text: str) -> bool:
    """The visible page shows the body's paragraphs already: the data is the app's copy."""
    visible = " ".join(visible_text.split())
    starts = [" ".join(_plain(string.value).split())[:VISIBLE_MATCH_CHARS] for string in article.body]
    starts = [start for start in starts if start]
    shown = sum(1 for start in starts if start in visible)
    return bool(starts) and shown >= VISIBLE_COPY_MIN_SHARE * len(starts)


def _paragraphs(raw_html: str, string: _JsonString) -> list[tuple[list[int], SourceText]]:
    """The string decoded and read as HTML, one part per line it holds (an ``articleBody`` parts
    its paragraphs with newlines), each with the raw offset of every decoded character."""
    decoded, positions = _decode(raw_html, string)
    parts: list[tuple[list[int], SourceText]] = []
    for match in re.finditer(r"[^\n]+", decoded):
        part = html_to_source(match.group(0))
        if part.text.strip():
            parts.append((positions[match.start():match.end()], part))
    return parts


def _decode(raw_html: str, string: _JsonString) -> tuple[str, list[int]]:
    """The string's characters with their raw offsets; a character an escape stands for is
    INSERTED (it is not a verbatim copy of the file)."""
    chars: list[str] = []
    positions: list[int] = []
    position = string.start
    while position < string.end:
        if raw_html[position] != "\\":
            chars.append(raw_html[position])
            positions.append(position)
            position += 1
            continue
        length = 6 if raw_html[position + 1] == "u" else 2
        if length == 6 and raw_html.startswith("\\u", position + 6) and 0xD800 <= int(raw_html[position + 2:position + 6], 16) < 0xDC00:
            length = 12  # a surrogate pair: one character outside the Basic Multilingual Plane
        decoded = json.loads(f'"{raw_html[position:position + length]}"')
        chars.extend(decoded)
        positions.extend([INSERTED] * len(decoded))
        position += length
    return "".join(chars), positions


def _plain(value: str) -> str:
    return " ".join(_TAG.sub(" ", value).split())
