"""A journal article in JATS XML (the NISO Journal Article Tag Suite, the NLM DTD's successor)
-> the article a reader of the journal's page sees, every character mapped to the raw file.

A JATS file is recognised by its structure (``looks_like_jats``): the root element is
``<article>`` and it holds a ``<front>`` with an ``<article-meta>``, whatever the file's name says.
The article is what the journal prints above and in the text: from ``<article-meta>`` the title
group (``<article-title>`` the headline, ``<subtitle>``), the authors of the ``<contrib-group>``
(read as a byline, "Given Surname", in their order), the date of publication (a ``<pub-date>``,
the electronic one first, read as a dateline) and the ``<abstract>``; then the ``<body>``:
sections, their titles, paragraphs, lists, quotes, and tables with their caption title and
foot note. Everything else is the publisher's record of the article, not its text: the
``<journal-meta>`` (journal title, ISSN, publisher), ids and categories, affiliations, the
corresponding author's address, volume and pages, the history of submission, permissions and
licence, keywords, figures with their captions (a caption is dropped as on an article page),
a table's label, and the whole ``<back>``: acknowledgements, funding and competing interests
notes, appendices, the reference list.

As in ``index.nitf_documents``, the kept elements go to ``index.html_text`` as HTML (JATS's
block elements renamed, its inline ones such as ``<italic>`` or ``<xref>`` left out as tags, the
citation they mark kept as text), so the page rules treat the lines as any page's.
"""

from __future__ import annotations

import logging
import re

from index.html_text import copied_markup_source, html_to_source
from index.records import DroppedBlock
from index.source_text import PageHints, SourceText
from index.xml_markup import (
    HtmlRendering,
    XmlElement,
    append_as_html,
    attribute_value,
    child_elements,
    copy_content,
    find_element,
    gaps_around,
    insert_markup,
    opaque_spans,
    root_start,
)

logger = logging.getLogger(__name__)

_ROOT = re.compile(r"<article\b[^>]*>", re.IGNORECASE)
_ARTICLE_META = re.compile(r"<article-meta\b", re.IGNORECASE)
# The body's block elements as the HTML the page reader knows; a table's own elements are
# HTML's already. A figure (with its caption), a table's label ("Table 1", repeated by the text
# that cites it), a box of supplementary material and a formula's rendering are not read.
_BODY_AS_HTML = HtmlRendering(
    renamed={
        "sec": "div", "title": "h2", "list": "ul", "list-item": "li", "disp-quote": "blockquote",
        "table-wrap": "div", "table-wrap-foot": "div", "boxed-text": "div", "def-list": "dl",
        "term": "dt", "def": "dd", "preformat": "pre", "verse-group": "blockquote", "verse-line": "p",
        "caption": "div", "fn": "p",
    },
    skipped={
        "fig": "figure", "fig-group": "figure", "label": "label", "graphic": "figure", "media": "figure",
        "supplementary-material": "supplementary-material", "alternatives": "figure",
    },
)
# The date an article was published: its electronic publication first, then any other.
_PUBLICATION_TYPES = ("epub", "electronic", "pub", "ppub", "collection")


def looks_like_jats(raw_text: str) -> bool:
    """A JATS article: its root element, after the prologue, is ``<article>`` and it has an
    ``<article-meta>`` (an HTML fragment opening with ``<article>`` has none)."""
    return _ROOT.match(raw_text, root_start(raw_text)) is not None and _ARTICLE_META.search(raw_text) is not None


def jats_problem(raw_text: str) -> str | None:
    """Why a JATS file cannot be read as an article, or None: a root never closed was cut short,
    and an article with neither an abstract nor a body (a metadata record) has no text."""
    opaque = opaque_spans(raw_text)
    root = find_element(raw_text, "article", 0, len(raw_text), opaque)
    if root is None or root.content_end == root.end:
        return "the JATS <article> root element is never closed (a truncated or malformed file)"
    if _body(raw_text, root, opaque) is None and find_element(raw_text, "abstract", root.content_start, root.content_end, opaque) is None:
        return "the JATS article has neither an <abstract> nor a <body> (a metadata record, no article text)"
    return None


def jats_source(raw_text: str) -> SourceText:
    """The article's title, authors, date, abstract and body, one block per line, mapped to raw
    offsets; the rest recorded as dropped.

    >>> article = ('<article><front><article-meta><title-group><article-title>Gulls return</article-title>'
    ...            '</title-group><contrib-group><contrib contrib-type="author"><name><surname>Ray</surname>'
    ...            '<given-names>Ann</given-names></name></contrib></contrib-group></article-meta></front>'
    ...            '<body><sec><title>Results</title><p>Gulls &amp; terns came back.</p></sec></body>'
    ...            '<back><ref-list><ref>Old paper, 2001.</ref></ref-list></back></article>')
    >>> jats_source(article).text
    'Gulls return\\nBy Ann Ray\\nResults\\nGulls & terns came back.'
    """
    opaque = opaque_spans(raw_text)
    root = find_element(raw_text, "article", 0, len(raw_text), opaque)
    if root is None:
        raise ValueError("not a JATS article: no <article> root element; check looks_like_jats first")
    meta = find_element(raw_text, "article-meta", root.content_start, root.content_end, opaque)
    markup: list[str] = []
    positions: list[int] = []
    dropped: list[DroppedBlock] = []
    read: list[XmlElement] = []  # the elements whose text is read, for the gaps between them
    title: str | None = None
    authors: list[tuple[XmlElement | None, XmlElement | None]] = []
    date: XmlElement | None = None
    if meta is not None:
        title_group = find_element(raw_text, "title-group", meta.content_start, meta.content_end, opaque)
        if title_group is not None:
            for child in child_elements(raw_text, title_group, opaque):
                if child.name in ("article-title", "subtitle"):
                    append_as_html(raw_text, child, "h1" if child.name == "article-title" else "p",
                                   _BODY_AS_HTML, markup, positions, dropped, opaque)
                    read.append(child)
                    if child.name == "article-title" and title is None:
                        title = _plain(raw_text, child)
        authors = _authors(raw_text, meta, opaque)
        if authors:
            _append_byline(raw_text, authors, markup, positions, read)
        date = _publication_date(raw_text, meta, opaque)
        if date is not None:
            read += _append_dateline(raw_text, date, markup, positions, opaque)
        abstract = find_element(raw_text, "abstract", meta.content_start, meta.content_end, opaque)
        if abstract is not None:
            append_as_html(raw_text, abstract, "div", _BODY_AS_HTML, markup, positions, dropped, opaque)
            read.append(abstract)
    body = _body(raw_text, root, opaque)
    if body is not None:
        append_as_html(raw_text, body, "div", _BODY_AS_HTML, markup, positions, dropped, opaque)
        read.append(body)
    body_text = copied_markup_source(raw_text, markup, positions, 0)
    dropped += body_text.dropped
    dropped += gaps_around(read, len(raw_text), "article-metadata")
    journal = find_element(raw_text, "journal-title", root.content_start, root.content_end, opaque)
    return SourceText(
        text=body_text.text,
        raw_index=body_text.raw_index,
        dropped=tuple(sorted(dropped, key=lambda block: (block.raw_start, block.raw_end))),
        hints=PageHints(
            title=title,
            headings=(title,) if title else (),
            published=_iso_date(raw_text, date, opaque),
            authors=tuple(name for name in (_full_name(raw_text, given, surname) for surname, given in authors) if name),
            publisher=_plain(raw_text, journal) if journal is not None else None,
        ),
        table_rows=body_text.table_rows,
    )


def _body(raw_text: str, root: XmlElement, opaque: list[tuple[int, int]]) -> XmlElement | None:
    return next((child for child in child_elements(raw_text, root, opaque) if child.name == "body"), None)


def _authors(raw_text: str, meta: XmlElement, opaque: list[tuple[int, int]]) -> list[tuple[XmlElement | None, XmlElement | None]]:
    """(surname, given names) of each author of the article's contributor groups, in order; an
    editor or a translator is no author."""
    found: list[tuple[XmlElement | None, XmlElement | None]] = []
    for group in child_elements(raw_text, meta, opaque):
        if group.name != "contrib-group":
            continue
        for contrib in child_elements(raw_text, group, opaque):
            if contrib.name != "contrib" or (attribute_value(contrib, "contrib-type") or "author") != "author":
                continue
            name = find_element(raw_text, "name", contrib.content_start, contrib.content_end, opaque)
            if name is None:
                continue
            surname = find_element(raw_text, "surname", name.content_start, name.content_end, opaque)
            given = find_element(raw_text, "given-names", name.content_start, name.content_end, opaque)
            if surname is not None or given is not None:
                found.append((surname, given))
    return found


def _append_byline(
    raw_text: str, authors: list[tuple[XmlElement | None, XmlElement | None]], markup: list[str], positions: list[int],
    read: list[XmlElement],
) -> None:
    """One byline paragraph, "By Given Surname, Given Surname": the names as a reader says them,
    their parts copied from the raw file (the given names before the surname they follow)."""
    insert_markup("<p>By ", markup, positions)
    for number, (surname, given) in enumerate(authors):
        if number:
            insert_markup(", ", markup, positions)
        parts = [part for part in (given, surname) if part is not None]
        for index, part in enumerate(parts):
            if index:
                insert_markup(" ", markup, positions)
            copy_content(raw_text, part, markup, positions)
            read.append(part)
    insert_markup("</p>", markup, positions)


def _publication_date(raw_text: str, meta: XmlElement, opaque: list[tuple[int, int]]) -> XmlElement | None:
    dates = [child for child in child_elements(raw_text, meta, opaque) if child.name == "pub-date"]
    for kind in _PUBLICATION_TYPES:
        for date in dates:
            if kind in ((attribute_value(date, "pub-type") or "").lower(), (attribute_value(date, "date-type") or "").lower()):
                return date
    return dates[0] if dates else None


def _append_dateline(
    raw_text: str, date: XmlElement, markup: list[str], positions: list[int], opaque: list[tuple[int, int]],
) -> list[XmlElement]:
    """The publication date as one dateline paragraph as the journal prints it, "Published" and
    its day, month and year parted by dots in the order the file gives them ("Published
    21.08.2041")."""
    parts = [child for child in child_elements(raw_text, date, opaque) if child.name in ("day", "month", "year")]
    insert_markup("<p>Published ", markup, positions)
    for index, part in enumerate(parts):
        if index:
            insert_markup(".", markup, positions)
        copy_content(raw_text, part, markup, positions)
    insert_markup("</p>", markup, positions)
    return parts


def _iso_date(raw_text: str, date: XmlElement | None, opaque: list[tuple[int, int]]) -> str | None:
    """"2041-08-21" from a pub-date's year, month and day elements (or its ``iso-8601-date``)."""
    if date is None:
        return None
    stated = attribute_value(date, "iso-8601-date")
    if stated and re.fullmatch(r"\d{4}-\d{2}-\d{2}", stated):
        return stated
    fields = {child.name: raw_text[child.content_start:child.content_end].strip()
              for child in child_elements(raw_text, date, opaque)}
    year, month, day = fields.get("year", ""), fields.get("month", ""), fields.get("day", "")
    if not (year.isdigit() and month.isdigit() and day.isdigit()):
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _full_name(raw_text: str, given: XmlElement | None, surname: XmlElement | None) -> str:
    return " ".join(_plain(raw_text, part) for part in (given, surname) if part is not None).strip()



def _plain(raw_text: str, element: XmlElement) -> str:
    """An element's text, tags out, entities decoded, whitespace collapsed (for the hints)."""
    return html_to_source(raw_text[element.content_start:element.content_end]).text.replace("\n", " ").strip()
