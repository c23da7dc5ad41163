"""A news feed saved as a page (an RSS 2.0 or Atom file stored as text) -> the article it carries,
every character mapped to the raw file.

A feed is recognised by its structure (``looks_like_feed``): after the XML declaration and its
processing instructions, the root element is ``<rss>`` (or RSS 1.0's ``<rdf:RDF>``) or Atom's
``<feed>``, and it holds items (``<item>``, ``<entry>``). The channel's metadata (its title, links,
update schedule, image) and the items of other stories are the feed's, not the article's. The
article is the item that carries the most text in its full-content element
(``<content:encoded>``, Atom's ``<content>``; when no item has one, its ``<description>`` or
``<summary>``): its title, author and date are its header, and the HTML of its content is read as
``index.html_text`` reads a page, so the page rules then treat its captions, asides and link lines
as they treat any HTML page's. Beside a full content the item's description is a teaser repeating
the article, and its link, guid, categories and media elements are the feed's.

The HTML of an element is either wrapped in CDATA (``<![CDATA[<p>...</p>]]>``) or escaped
(``&lt;p&gt;...``); both are read, and every kept character stays a verbatim copy of the raw file
(a character an escape decodes is recorded as inserted), so a citation still points at it.
"""

from __future__ import annotations

import html
import logging
import re

from index.html_text import html_to_source
from index.records import DroppedBlock
from index.source_text import INSERTED, PageHints, SourceText, TextBuilder, append_mapped, mapped_block
from index.xml_markup import CDATA, XmlElement, close_tag, end_of_opaque_span, opaque_spans, root_start

logger = logging.getLogger(__name__)

_ROOT = re.compile(r"<(?:rss|rdf:RDF|feed)\b[^>]*>", re.IGNORECASE)
_OPEN_TAG = re.compile(r"<(?P<name>[A-Za-z][\w:.-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?P<empty>/?)>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_ITEMS = ("item", "entry")
# The item's own elements that the article keeps, by what they are: the headline, the author,
# the date. Namespaced forms are the common modules' (Dublin Core's ``dc:creator``, ``dc:date``).
_TITLE = ("title",)
_AUTHOR = ("dc:creator", "author", "creator")
_DATE = ("pubdate", "dc:date", "published", "updated", "date")
# The element that carries the full article, then the teaser when no item has one.
_FULL_CONTENT = ("content:encoded", "content")
_TEASER = ("description", "summary")
# An RSS author is an address with the name in brackets: "desk@example.org (Jo Bloggs)".
_ADDRESS_AND_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
# A channel title names the site and often the feed's section after it: "Example Courier - News".
_SECTION_SUFFIX = re.compile(r"\s+[-–—|:]\s+[^-–—|:]{1,30}$")


def looks_like_feed(raw_text: str) -> bool:
    """An RSS or Atom document: its root element, after the prologue, is ``<rss>``, ``<rdf:RDF>`` or
    ``<feed>``, and it holds an item or an entry. A page that quotes a feed's markup in its prose
    opens with something else."""
    root = _ROOT.match(raw_text, root_start(raw_text))
    return root is not None and bool(_items(raw_text, opaque_spans(raw_text)))


def feed_source(raw_text: str) -> SourceText:
    """The article a feed carries: its title, author and date lines, then the text of its
    content's HTML one block per line, mapped to raw offsets; everything else is recorded as
    dropped.

    >>> feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
    ...         '<item><title>Dam holds</title><content:encoded><![CDATA[<p>The dam held.</p>]]>'
    ...         '</content:encoded></item></channel></rss>')
    >>> feed_source(feed).text
    'Dam holds\\nThe dam held.'
    """
    opaque = opaque_spans(raw_text)
    items = _items(raw_text, opaque)
    fields = [_children(raw_text, item.content_start, item.content_end, opaque) for item in items]
    body_names = _FULL_CONTENT if any(_first(children, _FULL_CONTENT) for children in fields) else _TEASER
    bodies = [_first(children, body_names) for children in fields]
    # Every item's body read once: to find the longest, and the article's again for its text.
    read = {k: _read(raw_text, body) for k, body in enumerate(bodies) if body is not None}
    article = max(range(len(items)), key=lambda k: len(read[k][1].text) if k in read else -1)
    dropped = [DroppedBlock(0, items[0].start, "feed-channel"), DroppedBlock(items[-1].end, len(raw_text), "feed-channel")]
    dropped += [DroppedBlock(item.start, item.end, "feed-item") for k, item in enumerate(items) if k != article]
    kept_fields = {_first(fields[article], names) for names in (_TITLE, _AUTHOR, _DATE)} - {None}
    body = bodies[article]
    builder = TextBuilder(raw_text)
    table_rows: list[tuple[int, int]] = []
    texts: dict[str, str] = {}
    for element in fields[article]:
        if element in kept_fields or element is body:
            positions, part = read[article] if element is body else _read(raw_text, element)
            if builder.chars and part.text:
                builder.insert("\n")
            start = len(builder.chars)
            append_mapped(builder, part, positions)
            table_rows += [(start + row_start, start + row_end) for row_start, row_end in part.table_rows]
            dropped += [mapped_block(block, positions, element.content_start) for block in part.dropped]
            texts[element.name] = part.text
        else:
            dropped.append(DroppedBlock(element.start, element.end, "feed-metadata"))
    hints = PageHints(
        title=_text_of(texts, _TITLE),
        site_name=_channel_title(raw_text, items[0].start),
        published=_text_of(texts, _DATE),
        authors=tuple(name for name in [_author_name(_text_of(texts, _AUTHOR))] if name),
        headings=tuple(heading for heading in [_text_of(texts, _TITLE)] if heading),
    )
    return SourceText(
        text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped), hints=hints, table_rows=tuple(table_rows)
    )




def _items(raw_text: str, opaque: list[tuple[int, int]]) -> list[XmlElement]:
    return [element for element in _children(raw_text, 0, len(raw_text), opaque, descend=True) if element.name in _ITEMS]


def _children(raw_text: str, start: int, end: int, opaque: list[tuple[int, int]], descend: bool = False) -> list[XmlElement]:
    """The elements between ``start`` and ``end`` at the outermost level; with ``descend`` the
    search goes into every element that is not an item (the channel holds the items)."""
    found: list[XmlElement] = []
    position = start
    while position < end:
        tag = _OPEN_TAG.search(raw_text, position, end)
        if tag is None:
            break
        skip = end_of_opaque_span(tag.start(), opaque)
        if skip is not None:
            position = skip
            continue
        name = tag.group("name").lower()
        if tag.group("empty"):
            found.append(XmlElement(name, tag.start(), tag.end(), tag.end(), tag.end()))
            position = tag.end()
            continue
        close_start, close_end = close_tag(raw_text, tag.group("name"), tag.end(), end, opaque)
        if descend and name not in _ITEMS:
            position = tag.end()  # look for the items inside the root and the channel
            continue
        found.append(XmlElement(name, tag.start(), tag.end(), close_start, close_end))
        position = close_end
    return found



def _first(children: list[XmlElement], names: tuple[str, ...]) -> XmlElement | None:
    """The first child named by ``names``, in the order of ``names`` (the strongest first)."""
    for name in names:
        for element in children:
            if element.name == name:
                return element
    return None


def _read(raw_text: str, element: XmlElement) -> tuple[list[int], SourceText]:
    """The element's content read as HTML, with the raw offset of each character of its markup."""
    markup, positions = _content_string(raw_text, element)
    return positions, html_to_source(markup)


def _content_string(raw_text: str, element: XmlElement) -> tuple[str, list[int]]:
    """The element's content as markup, and the raw offset of each of its characters: a CDATA
    section's inside as it is, escaped markup unescaped (a character an entity decodes to maps to
    INSERTED)."""
    content = raw_text[element.content_start:element.content_end]
    stripped = content.strip()
    cdata = CDATA.fullmatch(stripped)
    if cdata is not None:
        offset = element.content_start + content.index(stripped) + cdata.start("inner")
        inner = cdata.group("inner")
        return inner, list(range(offset, offset + len(inner)))
    chars: list[str] = []
    positions: list[int] = []
    position = element.content_start
    while position < element.content_end:
        entity = _ENTITY.match(raw_text, position, element.content_end)
        if entity is not None:
            decoded = html.unescape(entity.group(0))
            chars.extend(decoded)
            positions.extend([INSERTED] * len(decoded))
            position = entity.end()
            continue
        chars.append(raw_text[position])
        positions.append(position)
        position += 1
    return "".join(chars), positions


def _text_of(texts: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((" ".join(texts[name].split()) for name in names if texts.get(name)), None)


def _author_name(author: str | None) -> str | None:
    if author is None:
        return None
    match = _ADDRESS_AND_NAME.match(author)
    return match.group("name").strip() if match else author


def _channel_title(raw_text: str, first_item: int) -> str | None:
    """The channel's title, without the feed's section after it: the site's name."""
    title = re.search(r"<title\b[^>]*>(?P<title>.*?)</title>", raw_text[:first_item], re.DOTALL | re.IGNORECASE)
    if title is None:
        return None
    text = " ".join(html.unescape(CDATA.sub(lambda match: match.group("inner"), title.group("title"))).split())
    return _SECTION_SUFFIX.sub("", text) or None
