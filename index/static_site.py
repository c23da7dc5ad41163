"""A static site's Markdown source (Hugo, Jekyll, Eleventy, an MDX post): the lines its
generator reads and its readers never see.

The source of a post opens with front matter, fields between two fences ("---" for YAML, "+++"
for TOML): the generator renders the headline from ``title``, the dateline from ``date`` and the
byline from ``author``, and puts the rest (slug, tags, canonical address, description, a second
``lastmod`` date) in the page's head or nowhere. The body calls templates on lines of their own:
shortcodes (Hugo's ``{{< figure ... >}}``, ``{{% notice %}}``), Liquid tags (Jekyll's
``{% include newsletter.html %}``) and MDX components (``<Newsletter />``), which render a
picture, an embedded post or a sign-up box, never the article's words; and HTML comments
("<!-- TODO: ... -->"), which render nothing. ``index.markdown_text`` leaves these lines out and
keeps the three header fields as their values (``SiteMarkup``).

Everything is recognised by its syntax, not by a generator's or a shortcode's names: a story that
quotes "{{" in a sentence, or a plain article with a "---" rule, is text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from index.source_text import PageHints
from index.text_shape import RawLine

logger = logging.getLogger(__name__)

FRONT_MATTER_MAX_LINES = 80  # a post's fields fit in a screen or two; a longer run is no header
FRONT_MATTER_MIN_FIELDS = 2  # "---" / "title: x" / "---" alone may be a rule around a sentence

_FENCES = ("---", "+++")
# A field: "title: ...", "date = 2033-05-01", a YAML list's item ("  - metro"), an indented
# continuation, or a comment.
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*[:=](?:[ \t]+(?P<value>.*?))?[ \t]*$")
_FIELD_CONTINUATION = re.compile(r"^(?:[ \t]+\S|[ \t]*-[ \t]+\S|[ \t]*#)")
# The fields a generator renders into the article's header: headline, standfirst (pandoc's and
# many themes' "subtitle"), date, byline.
_HEADER_FIELDS = {
    "title": "headline", "headline": "headline", "subtitle": "standfirst",
    "date": "date", "published": "date", "pubdate": "date", "publishdate": "date", "date_published": "date",
    "author": "byline", "authors": "byline", "byline": "byline",
}
_VALUE_QUOTES = "\"'[] "
# A line that is only template calls: Hugo shortcodes ({{< >}}, {{% %}}), Liquid tags ({% %},
# {{ }}) and MDX components (a JSX element named in PascalCase, "<Newsletter />", where HTML's
# tags are lower case or, on an old page, all capitals).
_TEMPLATE_CALL = r"(?:\{\{.*?\}\}|\{%.*?%\}|</?[A-Z][a-z][\w.]*(?:\s[^<>]*)?/?>)"
_TEMPLATE_LINE = re.compile(rf"^[ \t]*{_TEMPLATE_CALL}(?:[ \t]*{_TEMPLATE_CALL})*[ \t]*$")
# A call whose arguments run over several lines: "{{< figure" ... ">}}", "<Chart" ... "/>".
_TEMPLATE_OPENER = re.compile(r"^[ \t]*(?:\{\{[<%]|\{%|<[A-Z][a-z][\w.]*(?:\s|$))(?!.*(?:[%>]\}\}|%\}|>)[ \t]*$)")
_TEMPLATE_CLOSER = re.compile(r"(?:[%>]\}\}|%\}|/?>)[ \t]*$")
TEMPLATE_MAX_LINES = 12  # a call's arguments; an opener with no closer this near is text
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_MDX_IMPORT = re.compile(r"^(?:import|export)\s+[\w{}\s,*]+(?:from\s+)?[\"'][^\"']+[\"'];?\s*$")


@dataclass(frozen=True, slots=True)
class SiteMarkup:
    """What a static site's source holds outside its Markdown body, by line index."""

    dropped: dict[int, str] = field(default_factory=dict)  # line -> why the page shows nothing of it
    values: dict[int, tuple[int, int]] = field(default_factory=dict)  # header field line -> its value's [start, end)
    hints: PageHints = PageHints()


def read_site_markup(lines: list[RawLine]) -> SiteMarkup:
    """The front matter, template calls and comments of a Markdown source's ``lines``."""
    dropped: dict[int, str] = {}
    values: dict[int, tuple[int, int]] = {}
    header: dict[str, list[str]] = {"headline": [], "standfirst": [], "date": [], "byline": []}
    body_start = 0
    closing = front_matter_end(lines)
    if closing is not None:
        body_start = closing + 1
        dropped[0] = dropped[closing] = "front-matter"
        for index in range(1, closing):
            field_match = _FIELD.match(lines[index].text)
            role = _HEADER_FIELDS.get(field_match.group("key").lower()) if field_match else None
            span = _value_span(lines[index].text, field_match) if role is not None else None
            if span is None:
                dropped[index] = "front-matter"
                continue
            values[index] = span
            header[role].append(lines[index].text[span[0]:span[1]])
    dropped.update(_template_and_comment_lines(lines, body_start))
    hints = PageHints(
        title=header["headline"][0] if header["headline"] else None,
        published=header["date"][0] if header["date"] else None,
        authors=tuple(header["byline"]),
    )
    return SiteMarkup(dropped=dropped, values=values, hints=hints)


def front_matter_end(lines: list[RawLine]) -> int | None:
    """Index of the fence that closes the front matter opening the page, or None: the first line
    is "---" or "+++", the same fence closes it within FRONT_MATTER_MAX_LINES, and every line
    between is a field (FRONT_MATTER_MIN_FIELDS or more), a list item or a continuation."""
    if not lines or lines[0].text.rstrip() not in _FENCES:
        return None
    fence = lines[0].text.rstrip()
    fields = 0
    for index in range(1, min(len(lines), FRONT_MATTER_MAX_LINES + 1)):
        text = lines[index].text
        if text.rstrip() == fence:
            return index if fields >= FRONT_MATTER_MIN_FIELDS else None
        if _FIELD.match(text):
            fields += 1
        elif text.strip() and not _FIELD_CONTINUATION.match(text):
            return None  # a sentence: the fence was a rule, not front matter
    return None


def is_template_line(text: str) -> bool:
    """A line that holds template calls and nothing else ("{{< tweet id=... >}}")."""
    return _TEMPLATE_LINE.match(text) is not None


def _value_span(text: str, field_match: re.Match[str] | None) -> tuple[int, int] | None:
    """``[start, end)`` of a field's value without its quotes or list brackets."""
    if field_match is None or field_match.group("value") is None:
        return None
    start, end = field_match.span("value")
    while start < end and text[start] in _VALUE_QUOTES:
        start += 1
    while end > start and text[end - 1] in _VALUE_QUOTES:
        end -= 1
    return (start, end) if end > start else None


def _template_and_comment_lines(lines: list[RawLine], start: int) -> dict[int, str]:
    dropped: dict[int, str] = {}
    index = start
    while index < len(lines):
        text = lines[index].text
        if text.lstrip().startswith(_COMMENT_OPEN):
            end = _closing_line(lines, index, lambda line: _COMMENT_CLOSE in line, len(lines))
            if end is not None and lines[end].text.rstrip().endswith(_COMMENT_CLOSE):
                dropped.update((number, "comment") for number in range(index, end + 1))
                index = end + 1
                continue
        if is_template_line(text) or _MDX_IMPORT.match(text):
            dropped[index] = "template"
        elif _TEMPLATE_OPENER.match(text):
            end = _closing_line(lines, index, _TEMPLATE_CLOSER.search, TEMPLATE_MAX_LINES)
            if end is not None:
                dropped.update((number, "template") for number in range(index, end + 1))
                index = end + 1
                continue
        index += 1
    return dropped


def _closing_line(lines: list[RawLine], opening: int, closes: Callable[[str], object], max_lines: int) -> int | None:
    """The first line from ``opening`` (itself included) that ``closes``, within ``max_lines``."""
    for index in range(opening, min(len(lines), opening + max_lines)):
        if closes(lines[index].text):
            return index
    return None
