"""HTML page -> one line per block element, every character mapped to the raw HTML source.

A small tokenizer of our own rather than ``html.parser``: the stdlib parser reports text
after decoding entities and without character offsets, and every kept character here must
point at its place in the raw HTML so a citation can be highlighted in the original page.
Elements that are page furniture by their markup (``<nav>``, ``<footer>``, ``<aside>``,
``<form>``, ``<figcaption>``, and blocks whose class or id says cookie/newsletter/ad/related/
share or an audio/video player, an AMP page's ad, menu and share components, FAQ and comment
microdata, a toolbar of controls, a closed ``<details>``, a hidden copy of visible text,
``index.hidden_copies``, a wiki's interface, ``index.encyclopedia_pages``) are skipped and
recorded as ``DroppedBlock``s; the text rules of ``index.cleaning``
then handle what the markup does not say. A table row is one line, its cells parted by an
inserted " | ", and the rows of data tables are reported so the text rules keep them; a row of
one cell under a row that shows only an image is the image's caption, and is skipped too. Words set
one to an element on lines of their own (a read-along page) read as their sentence.
"""

from __future__ import annotations

import html
import logging
import re

from index.encyclopedia_pages import interface_reason as wiki_interface_reason
from index.hidden_copies import duplicates_visible_text, hidden_from_readers
from index.page_lines import CAPTION_MAX_WORDS
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText, TextBuilder, append_mapped, mapped_block

logger = logging.getLogger(__name__)

_TAG = re.compile(r"""<(/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>""")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_DECLARATION = re.compile(r"<[!?][^>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][\w:.-]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")

# Their content is not text (or not visible); skipped without a DroppedBlock.
_RAW_CONTENT = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas"}
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "tr", "table",
    "section", "article", "header", "main", "blockquote", "figure", "hr", "dd", "dt", "dl",
    "pre", "address", "body", "html", "title",
}
_CELLS = {"td", "th"}  # a table's cells stay on their row's line (see ``_TableRows``)
CELL_SEPARATOR = " | "
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}
# Furniture by the element's own name, an AMP page's components among them: its menu drawer, ad
# slots and share buttons are elements of their own, whatever their class (its analytics and
# state are JSON in a <script>, skipped as scripts are).
_FURNITURE_TAGS = {"nav": "navigation", "footer": "footer", "aside": "aside", "form": "form",
                   "button": "button", "figcaption": "caption", "dialog": "dialog", "select": "form",
                   "amp-sidebar": "navigation", "amp-ad": "advertisement", "amp-sticky-ad": "advertisement",
                   "amp-embed": "advertisement", "amp-social-share": "share"}
# Furniture by class/id words; never applied to the elements that hold the article itself.
_FURNITURE_CLASS = re.compile(
    r"(?:^|[\s_-])(cookies?|consent|gdpr|newsletter|subscribe|subscription|signup|advert\w*|ads?|"
    r"ad-slot|promo|related|recommended|share|sharing|social|comments?|commentlist|disqus|paywall|breadcrumbs?|"
    r"author-box|author-bio|written-by|tags?|(?:audio|video|media)[-_]?player)(?:$|[\s_-])",
    re.IGNORECASE,
)
_NEVER_SKIPPED = {"html", "body", "main", "article"}
# A document saved as a web page by Microsoft Word marks its title paragraph with the Title style's
# class (``<p class=MsoTitle>``), not with an <h1>: the same evidence of the headline.
_WORD_TITLE_CLASS = re.compile(r"(?:^|\s)MsoTitle(?:$|\s)")
# Furniture by the schema.org type an element declares in its microdata (``itemtype``): a block of
# questions and answers written for search engines (FAQPage, and its Question items where a site
# types no wrapper) and readers' comments. A page whose own article is a FAQPage, an explainer
# built of questions, keeps them: its root elements are never skipped, and ``html_to_source``
# leaves its Question items alone.
_FURNITURE_ITEMTYPES = {"faqpage": "faq", "question": "faq", "comment": "comments", "usercomments": "comments"}
_SCHEMA_TYPE = re.compile(r"schema\.org/(\w+)", re.IGNORECASE)
_FAQ_PAGE_ROOT = re.compile(
    r"<(?:html|body|main|article)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?itemtype\s*=\s*[\"']?[^\"'>]*schema\.org/FAQPage\b", re.IGNORECASE
)


def html_to_source(raw_html: str) -> SourceText:
    """Visible text of ``raw_html``, one block element per line, mapped to raw offsets.

    >>> source = html_to_source("<p>Hello &amp; <b>bye</b></p>")
    >>> source.text
    'Hello & bye'
    """
    builder = TextBuilder(raw_html)
    faq_page = _FAQ_PAGE_ROOT.search(raw_html) is not None
    dropped: list[DroppedBlock] = []
    hints = _HintCollector()
    hints.logo = logo_name(raw_html)
    rows = _TableRows()
    # Raw offsets of the <p> and </p> tags that hold a table cell's whole text: read inline.
    cell_paragraph_tags: set[int] = set()
    position = 0
    length = len(raw_html)
    after_inline_close = False  # the last tag closed an inline element ("</span>", "</a>")
    while position < length:
        next_lt = raw_html.find("<", position)
        if next_lt < 0:
            next_lt = length
        if next_lt > position:
            if after_inline_close and _starts_line_of_elements(raw_html, position, next_lt) and not _word_per_element(raw_html, position, next_lt):
                _newline(builder)
            else:
                _emit_text(raw_html, position, next_lt, builder)
            position = next_lt
            continue
        comment = _COMMENT.match(raw_html, position)
        if comment:
            position = comment.end()
            continue
        tag = _TAG.match(raw_html, position)
        if tag is None:
            declaration = _DECLARATION.match(raw_html, position)
            if declaration:
                position = declaration.end()
                continue
            _emit_text(raw_html, position, position + 1, builder)  # a stray "<"
            position += 1
            continue
        closing, name, attributes_text = tag.group(1) == "/", tag.group(2).lower(), tag.group(3)
        attributes = _attributes(attributes_text)
        position = tag.end()
        after_inline_close = closing and name not in _BLOCK and name not in _CELLS
        if closing:
            if name in _BLOCK and tag.start() not in cell_paragraph_tags:
                _newline(builder)
            if name == "tr":
                rows.close(builder)
            continue
        hints.see_tag(name, attributes)
        self_closing = tag.group(4) == "/" or name in _VOID
        if name == "title" and not self_closing:
            end = element_end(raw_html, name, position)
            hints.title = hints.title if hints.title is not None else plain_text(raw_html[position:end])
            position = _after_close(raw_html, name, end)
            continue
        if (name == "h1" or _WORD_TITLE_CLASS.search(attributes.get("class", ""))) and not self_closing and _furniture_reason(
            name, attributes, faq_page=faq_page
        ) is None:
            hints.headings.append(plain_text(raw_html[position:element_end(raw_html, name, position)]))
        if name in _RAW_CONTENT and not self_closing:
            position = _after_close(raw_html, name, element_end(raw_html, name, position))
            continue
        reason = _furniture_reason(name, attributes, faq_page=faq_page)
        if reason is None and name == "tr" and not self_closing and captions_image_row_above(raw_html, tag.start(), position):
            reason = "caption"
        if reason is None and not self_closing and name not in _NEVER_SKIPPED and hidden_from_readers(attributes):
            # A hidden second copy of the page's text (``index.hidden_copies``): the visible one stays.
            end = _after_close(raw_html, name, element_end(raw_html, name, position))
            reason = "hidden-duplicate" if duplicates_visible_text(raw_html, tag.start(), end) else None
        if reason is not None and not self_closing:
            end = _after_close(raw_html, name, element_end(raw_html, name, position))
            dropped.append(DroppedBlock(tag.start(), end, reason))
            _newline(builder)
            position = end
            continue
        if name in _BLOCK and tag.start() not in cell_paragraph_tags:
            _newline(builder)
        if name == "tr":
            rows.open(builder)
        elif name in _CELLS:
            rows.cell(builder)
            if not self_closing:
                cell_paragraph_tags.update(_sole_paragraph_tags(raw_html, name, position))
    while builder.last in (" ", "\n"):
        builder.pop()
    return SourceText(
        text=builder.text(), raw_index=builder.raw_index, dropped=tuple(dropped), hints=hints.hints(), table_rows=tuple(rows.spans)
    )


class _TableRows:
    """Renders each table row as one line, its cells parted by CELL_SEPARATOR (inserted, so the
    raw-offset map stays exact), and records the rows of two or more cells: a data table's
    rows, which the line rules must not take for menus or link titles. A row whose cells hold
    paragraphs (a layout table) spans several lines and is not recorded."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self._open: list[list[int]] = []  # [start in the text, cells so far] per open row

    def open(self, builder: TextBuilder) -> None:
        self._open.append([len(builder.chars), 0])

    def cell(self, builder: TextBuilder) -> None:
        if not self._open:
            _newline(builder)  # a cell outside a row: its own line
            return
        row = self._open[-1]
        if row[1] > 0 and "\n" in builder.chars[row[0]:]:
            _newline(builder)  # a layout row: its cells are columns of lines, not cells of one line
        elif row[1] > 0:
            while builder.last == " ":
                builder.pop()
            if builder.last not in ("", "\n"):
                for char in CELL_SEPARATOR:
                    builder.insert(char)
        row[1] += 1

    def close(self, builder: TextBuilder) -> None:
        if not self._open:
            return
        start, cells = self._open.pop()
        end = len(builder.chars)
        while end > start and builder.chars[end - 1] in (" ", "\n"):
            end -= 1
        if cells >= 2 and end > start and "\n" not in builder.chars[start:end]:
            self.spans.append((start, end))


_CELL_OPEN = re.compile(r"<t[dh]\b", re.IGNORECASE)
_IMAGE_TAG = re.compile(r"<img\b", re.IGNORECASE)
_ROW_CLOSE = re.compile(r"</tr\s*>\s*$", re.IGNORECASE)


def captions_image_row_above(raw: str, start: int, content_start: int) -> bool:
    """The table row opening at ``start`` (its content at ``content_start``) is one cell of a few
    words right under a row that shows an image and no text: the image's caption, as a wiki's
    infobox sets its picture over its caption and an old page lays out a photo over its caption
    in a table. The caption describes the picture, not the story's figures the table's other rows
    give ("The town hall's clock tower, which lost its spire")."""
    above = _ROW_CLOSE.search(raw, max(0, start - 200), start)
    if above is None:
        return False
    previous_start = raw.rfind("<tr", 0, above.start())
    previous = raw[previous_start:above.start()] if previous_start >= 0 else ""
    if not _IMAGE_TAG.search(previous) or plain_text(previous):
        return False
    row = raw[content_start:element_end(raw, "tr", content_start)]
    caption_words = len(plain_text(row).split())
    return len(_CELL_OPEN.findall(row)) == 1 and 0 < caption_words <= CAPTION_MAX_WORDS


def copied_markup_source(raw_text: str, markup: list[str], positions: list[int], fallback: int) -> SourceText:
    """HTML that a reader of another format built from ``raw_text`` (an NITF or JATS item, an RTF
    or OpenDocument file, a published document's div), read as a page and mapped back to the raw
    file: ``markup[k]`` is a copy of raw character ``positions[k]``, or INSERTED. Its text and
    raw index, its dropped blocks on raw offsets (an empty block at ``fallback`` for one that
    copies nothing, ``mapped_block``), its hints and table rows as the page reader found them."""
    part = html_to_source("".join(markup))
    builder = TextBuilder(raw_text)
    append_mapped(builder, part, positions)
    return SourceText(
        text=builder.text(),
        raw_index=builder.raw_index,
        dropped=tuple(mapped_block(block, positions, fallback) for block in part.dropped),
        hints=part.hints,
        table_rows=part.table_rows,
    )


_BLOCK_TAG = re.compile(r"<(/?)(%s)\b[^>]*>" % "|".join(sorted(_BLOCK - {"html", "body", "title"})), re.IGNORECASE)


def _sole_paragraph_tags(raw: str, cell: str, start: int) -> tuple[int, ...]:
    """The raw offsets of the opening and closing tag of the one paragraph that holds all the text
    of the cell whose content starts at ``start``, or none. A word processor saving a table as a
    web page wraps each cell's text in a paragraph (``<td><p class=MsoNormal>42,000</p></td>``);
    the cell is still one cell of its row, not a column of paragraphs as a layout table's is."""
    end = element_end(raw, cell, start)
    tags = list(_BLOCK_TAG.finditer(raw, start, end))
    if len(tags) != 2 or tags[0].group(2).lower() != "p" or tags[0].group(1) or not tags[1].group(1):
        return ()
    if raw[start:tags[0].start()].strip() or raw[tags[1].end():end].strip():
        return ()  # text beside the paragraph: more than one block
    return tags[0].start(), tags[1].start()


def _starts_line_of_elements(raw: str, start: int, end: int) -> bool:
    """Whitespace with a line break between a closed inline element and the next opening tag:
    the page's source lays out sibling items ("<span>By Ana Ruiz</span>" then "<time>...") one
    to a line, so they are separate lines of text (a byline, a date, a reading time), not words
    of one sentence."""
    gap = raw[start:end]
    return not gap.strip() and "\n" in gap and end < len(raw) and raw[end + 1 : end + 2].isalpha()


def _word_per_element(raw: str, start: int, end: int) -> bool:
    """The whitespace at ``[start, end)`` parts two elements of one kind (same tag and class)
    that hold one word each: a read-along page sets every word of a sentence in its own
    ``<span class="w">`` so its script can light it up as the narrator speaks, one to a source
    line. A browser shows them as one sentence, so the line break is a space between words,
    not a line between items (``_starts_line_of_elements``)."""
    close = raw.rfind("</", 0, start)
    opening = _TAG.match(raw, raw.rfind("<", 0, close)) if close > 0 else None
    following = _TAG.match(raw, end)
    if opening is None or following is None or opening.group(1) or following.group(1):
        return False
    if opening.group(2).lower() != following.group(2).lower():
        return False
    if _attributes(opening.group(3)).get("class") != _attributes(following.group(3)).get("class"):
        return False
    next_close = raw.find("<", following.end())
    previous_word, next_word = raw[opening.end():close], raw[following.end():next_close if next_close >= 0 else len(raw)]
    return _ONE_WORD.fullmatch(previous_word) is not None and _ONE_WORD.fullmatch(next_word) is not None


_ONE_WORD = re.compile(r"[^\s<>]+")


def _emit_text(raw: str, start: int, end: int, builder: TextBuilder) -> None:
    """Copy visible text, collapsing whitespace runs to one space and decoding entities."""
    position = start
    while position < end:
        char = raw[position]
        if char == "&":
            entity = _ENTITY.match(raw, position, end)
            if entity:
                decoded = html.unescape(entity.group(0))
                if decoded != entity.group(0):
                    for decoded_char in decoded:
                        if decoded_char.isspace():
                            _space(builder, None)
                        else:
                            builder.insert(decoded_char)
                    position = entity.end()
                    continue
        if char.isspace():
            _space(builder, position if char == " " else None)
        else:
            builder.copy(position)
        position += 1


def _space(builder: TextBuilder, raw_position: int | None) -> None:
    if builder.last in ("", " ", "\n"):
        return
    if raw_position is not None:
        builder.copy(raw_position)
    else:
        builder.insert(" ")


def _newline(builder: TextBuilder) -> None:
    while builder.last == " ":
        builder.pop()
    if builder.last not in ("", "\n"):
        builder.insert("\n")


def element_end(raw: str, name: str, start: int) -> int:
    """Start of the matching close tag of ``name`` (nesting-aware), or the end of the page."""
    opener = re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.IGNORECASE)
    depth = 1
    for match in opener.finditer(raw, start):
        if match.group(1):
            depth -= 1
            if depth == 0:
                return match.start()
        elif not match.group(0).endswith("/>") and name not in _RAW_CONTENT:
            depth += 1
    return len(raw)


def _after_close(raw: str, name: str, close_start: int) -> int:
    close = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).match(raw, close_start)
    return close.end() if close else close_start


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2) if match.group(2) is not None else ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        found[match.group(1).lower()] = html.unescape(value)
    return found


def _furniture_reason(name: str, attributes: dict[str, str], *, faq_page: bool = False) -> str | None:
    if name in _FURNITURE_TAGS:
        return _FURNITURE_TAGS[name]
    if name in _NEVER_SKIPPED:
        return None
    wiki_reason = wiki_interface_reason(attributes)
    if wiki_reason is not None:
        return wiki_reason
    for schema_type in _SCHEMA_TYPE.findall(attributes.get("itemtype", "")):
        reason = _FURNITURE_ITEMTYPES.get(schema_type.lower())
        if reason is not None and not (faq_page and reason == "faq"):
            return reason
    marker = " ".join(attributes.get(key, "") for key in ("class", "id", "role"))
    if attributes.get("role") in ("navigation", "banner", "complementary", "contentinfo"):
        return "navigation"
    if attributes.get("role") in ("toolbar", "menubar", "search"):
        return "controls"  # a table's sort buttons, a search box: the page's interface
    if name == "details" and "open" not in attributes:
        # A closed disclosure: the reader sees its summary ("Chart data", "Show the figures"),
        # a control, and what it hides repeats a chart or table in another form.
        return "collapsed"
    match = _FURNITURE_CLASS.search(marker)
    if match:
        return f"markup-{match.group(1).lower()}"
    return None


# The element a site marks as its logo: <a class="logo">Example Courier</a>, <img class="site-logo"
# alt="Example News">, or a logo link holding the image (<a class="logo"><img alt="..."></a>).
_LOGO_ELEMENT = re.compile(
    r"""<(?P<tag>a|div|span|p|h1|img)\b(?P<attributes>[^>]*\bclass\s*=\s*["'][^"']*\blogo\b[^"']*["'][^>]*)>""",
    re.IGNORECASE,
)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
LOGO_MAX_CHARS = 60  # a site's name, not a paragraph


def logo_name(raw_html: str) -> str | None:
    """The site's name as its logo writes it: the text of the first element whose class names
    it a logo, or the alt text of its image; None when the page marks no logo or it says nothing."""
    for match in _LOGO_ELEMENT.finditer(raw_html):
        if match.group("tag").lower() == "img":
            alt = _ALT.search(match.group("attributes"))
            name = html.unescape(alt.group(1) or alt.group(2) or "").strip() if alt else ""
        else:
            inner = raw_html[match.end():element_end(raw_html, match.group("tag").lower(), match.end())]
            name = plain_text(inner) or next((html.unescape(a.group(1) or a.group(2) or "").strip() for a in _ALT.finditer(inner)), "")
        if name and len(name) <= LOGO_MAX_CHARS:
            return " ".join(name.split())
    return None


def plain_text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


class _HintCollector:
    """Collects <meta>/<time> metadata while the tokenizer walks the page."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.site_name: str | None = None
        self.published: str | None = None
        self.authors: list[str] = []
        self.headings: list[str] = []  # <h1> texts, then og:title / twitter:title
        self.logo: str | None = None

    def see_tag(self, name: str, attributes: dict[str, str]) -> None:
        if name == "meta":
            key = attributes.get("property", attributes.get("name", "")).lower()
            content = attributes.get("content", "").strip()
            if not content:
                return
            if key == "og:site_name" and self.site_name is None:
                self.site_name = content
            elif key in ("og:title", "twitter:title") and content not in self.headings:
                self.headings.append(content)
            elif key in ("article:published_time", "date", "pubdate", "publish-date", "dc.date") and self.published is None:
                self.published = content
            elif key in ("author", "article:author") and content not in self.authors and "://" not in content:
                self.authors.append(content)
        elif name == "time" and self.published is None and attributes.get("datetime"):
            self.published = attributes["datetime"]

    def hints(self) -> PageHints:
        return PageHints(
            title=self.title,
            site_name=self.site_name,
            published=self.published,
            authors=tuple(self.authors),
            headings=tuple(self.headings),
            logo=self.logo,
        )
