"""A printed document converted to text (a report's PDF dumped page by page): the furniture of
its pages around the text.

Each page of the dump starts or ends with a running header or footer ("Example Authority —
Annual report — Page 3 of 9", "Ref. AR-2031/04 | Not for use in legal proceedings"), the
document opens with a table of contents ("3. Findings ........ 7") and may close with a glossary
of general terms; footnotes ("¹ See the guidance of 2027.", "[1] See ...") sit at the foot of the
page that cites them ("... was never replaced.²", "... was never replaced.[1]"), maybe under their
heading ("Footnotes", "Notes"); a figure or an annex the text version cannot show is a placeholder
in brackets ("[Figure 2: Stills from the camera. Not reproduced in the print version.]"). None of
it is the document's account.

``line_reason`` is called by ``index.furniture.line_reason``; the rules that need the page
(``drop_running_headers``, ``drop_contents_lists``, ``drop_footnotes``, ``drop_glossaries``) run
with the block rules in ``index.cleaning``, which also asks ``issuer`` for a report's author, and
runs ``drop_notes_headings`` once the header's rules have dropped what they drop.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from itertools import takewhile

from index import metadata
from index.page_lines import Page, PageLine, blank_between, content, is_body_prose
from index.text_shape import FOOTNOTE_DIGITS, ends_sentence, is_title_like, runs_on, words

logger = logging.getLogger(__name__)

PAGED_MIN_MARKERS = 2  # page numbers on two pages at least: the text was laid out in pages
RUNNING_HEADER_MIN_REPEATS = 3
HEADLINE_BYLINE_MAX_DISTANCE = 3  # headline, standfirst, byline
CONTENTS_MIN_ENTRIES = 2
ANCHOR_MAX_WORDS = 12  # an anchor repeats a subheading, never a paragraph
GLOSSARY_MIN_ENTRIES = 2
GLOSSARY_TERM_MAX_WORDS = 6  # "Recovery time objective (RTO)"

# A page's number as a running header or footer prints it, alone or as the first or last part of
# the line: "Page 3 of 9", "Example Authority — Annual report — Page 3", "Page 3 | Annual report".
_PAGE_NUMBER = r"page\s+\d{1,4}(?:\s+of\s+\d{1,4})?"
_PAGE_MARKER = re.compile(
    rf"^{_PAGE_NUMBER}$|\s[—–|·-]\s+{_PAGE_NUMBER}$|^{_PAGE_NUMBER}\s+[—–|·-]\s", re.IGNORECASE
)
# An entry of a table of contents: a title, a dot leader and the page number ("3. Findings
# ........ 7", "Glossary . . . . 9", "Annex ……… xii"). An ellipsis in prose has three dots.
_CONTENTS_ENTRY = re.compile(
    r"^\S.{0,120}?\s*(?:\.{4,}|(?:\.\s){3,}\.?|…{2,})\s*(?:\d{1,4}|[ivxlc]{1,7})$", re.IGNORECASE
)
# The heading of a contents list: a printed one, or a web page's list of links to its own
# sections ("In this article", "On this page").
CONTENTS_HEADINGS = re.compile(
    r"^(?:contents|table of contents|in this (?:article|story|guide|report|explainer|piece|page)|on this page|"
    r"jump to(?: a section)?)$",
    re.IGNORECASE,
)
# The reasons the header gives a line by its shape alone (a title-like line of eight words or
# more: a caption, a link), which a line cut from its paragraph by the printer's wrapping has.
_SHAPE_REASONS = {"caption", "inline-link"}
# The reasons of the page rules that judge an entry by its first line (a footnote's marker, a
# glossary term and its colon): the entry's wrapped lines go with it.
_ENTRY_REASONS = {"footnote", "glossary"}
# The number a contents box puts before a section's title: "2 ", "3.1 ", "4. ".
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")
# A footnote at the foot of a page: its marker, in superscript or in brackets, then the note
# ("¹ See ...", "[3] See ...").
_FOOTNOTE = re.compile(rf"^(?P<marker>[{FOOTNOTE_DIGITS}]+|\[\d{{1,3}}\])\s+\S")
# A placeholder for what the text version of a document cannot show, the whole line in brackets:
# "[Figure 1: General arrangement of the span. Not reproduced in the print version.]", "[Annex A:
# Witnesses. See the PDF version.]". An editor's bracketed words inside a sentence, or a bracketed
# note that names no figure, table or annex, are the document's.
_PLACEHOLDER = re.compile(
    r"^\[(?:figure|fig\.|table|chart|graph|map|diagram|illustration|image|photo(?:graph)?|plate|exhibit|"
    r"annex|appendix|attachment|infographic)\s+[A-Z0-9][\w.-]{0,6}\s*[:.–—-]\s*[^\[\]]+\]$",
    re.IGNORECASE,
)
# The heading of a document's notes or sources: "Footnotes", "Notes", "Sources", "References".
NOTES_HEADINGS = re.compile(
    r"^(?:foot ?notes|end ?notes|notes|sources|references|bibliography|works cited|citations|"
    r"notes and sources|sources and notes|notes and references)$",
    re.IGNORECASE,
)
NOTES_HEADING_MIN_ENTRIES = 2
GLOSSARY_HEADINGS = re.compile(
    r"^(?:glossary(?: of terms)?|abbreviations(?: and acronyms)?|acronyms(?: and abbreviations)?|"
    # A magazine's box of the terms its article uses: "Jargon buster", "Key terms", "The jargon explained".
    r"jargon(?: buster| explained)?|the jargon explained|key terms|terms explained)$",
    re.IGNORECASE
)
# A glossary's entry: the term, maybe with its abbreviation, a colon, the definition.
_GLOSSARY_ENTRY = re.compile(r"^(?P<term>[A-Z][^:.!?]{0,60}?)\s*:\s+\S")


def line_reason(text: str) -> str | None:
    """"running-header" for a page number line, "contents" for an entry of a contents table,
    "placeholder" for a figure or an annex the text cannot show."""
    if is_page_marker(text):
        return "running-header"
    if is_contents_entry(text):
        return "contents"
    if _PLACEHOLDER.match(text.strip()):
        return "placeholder"
    return None


def is_page_marker(text: str) -> bool:
    """A running header or footer that numbers the page ("... — Page 3 of 9"). A sentence that
    names a page ("The relay is listed on page 3 of 9.") is the document's text."""
    return bool(_PAGE_MARKER.search(text.strip())) and not ends_sentence(text)


def is_contents_entry(text: str) -> bool:
    """A title, a dot leader and a page number: "2. Sequence of events ........ 4"."""
    return bool(_CONTENTS_ENTRY.match(text.strip()))


def issuer(page: Page) -> str | None:
    """The body that issued a document laid out in numbered pages, when its running headers
    name the page's outlet ("Example Authority — Annual report — Page 3 of 9"): the author a
    citation of the report names, when no person signs it in a byline."""
    if page.outlet is None or not _is_paged(page):
        return None
    headers = [line.text for line in page.lines if line.reason == "running-header"]
    return page.outlet if any(page.outlet in text for text in headers) else None


def _is_paged(page: Page) -> bool:
    return sum(1 for line in page.lines if line.reason == "running-header" and is_page_marker(line.text)) >= PAGED_MIN_MARKERS


def drop_running_headers(page: Page) -> None:
    """On a page laid out in numbered pages (page markers on two of them at least), a line printed
    three times or more word for word is the running header or footer of every page ("Ref.
    AR-2031/04 | Interim report"). Only there: a live blog prints an entry's author over each
    entry, and a paragraph is never a running header."""
    if not _is_paged(page):
        return
    printed = Counter(line.text for line in page.lines if not line.blank)
    headline = _headline_printed_on_each_page(page, printed)
    for line in page.lines:
        if line is headline:
            continue
        if line.kept and printed[line.text] >= RUNNING_HEADER_MIN_REPEATS and not is_body_prose(line.text):
            line.reason = "running-header"


def _headline_printed_on_each_page(page: Page, printed: Counter[str]) -> PageLine | None:
    """An article scraped page by page prints its headline atop each page; its first printing,
    over the byline ("By Ana Ruiz" within the next few lines), is the article's headline and
    stays. The repeats over "Page 2 of 3" are the pages' furniture."""
    indexes = [i for i in content(page) if page.lines[i].kept]
    for k, i in enumerate(indexes):
        line = page.lines[i]
        if printed[line.text] < RUNNING_HEADER_MIN_REPEATS or is_body_prose(line.text):
            continue
        following = [page.lines[j].text for j in indexes[k + 1:k + 1 + HEADLINE_BYLINE_MAX_DISTANCE]]
        if any(metadata.is_byline_line(text) for text in following) and not any(text == line.text for text in following):
            return line
    return None


def drop_contents_lists(page: Page) -> None:
    """A contents list under its heading ("Contents", "In this article"): entries with a dot
    leader and a page number, or anchors that repeat the page's own subheadings word for word
    ("What happened" over the section of that name). Two entries at least: over anything else
    the heading is the article's."""
    _drop_headed_lists(page, CONTENTS_HEADINGS, _is_contents_line, CONTENTS_MIN_ENTRIES, "contents")


def _is_contents_line(page: Page, index: int) -> bool:
    line = page.lines[index]
    return line.reason == "contents" or (line.kept and _is_anchor(page, index))


def _drop_headed_lists(
    page: Page, headings: re.Pattern[str], is_entry: Callable[[Page, int], bool], min_entries: int, reason: str
) -> None:
    """A kept heading ``headings`` matches and the run of entries right under it, when the run
    has ``min_entries`` at least: dropped together for ``reason``."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        heading = page.lines[i]
        if not heading.kept or not headings.match(heading.text.rstrip(": ")):
            continue
        entries = list(takewhile(lambda j: is_entry(page, j), indexes[k + 1:]))
        if len(entries) < min_entries:
            continue
        for j in [i, *entries]:
            page.lines[j].reason = reason


def _is_anchor(page: Page, index: int) -> bool:
    """A short title line that a kept line further down the page repeats: a link to that section.
    A wiki's contents box numbers its links ("2 Fire progression", "3.1 Evacuation") where the
    headings carry no number: the anchor matches its heading without the number."""
    anchor = page.lines[index]
    title = _SECTION_NUMBER.sub("", anchor.text)
    return (
        anchor.role != "credit"
        and is_title_like(anchor.text)
        and len(words(anchor.text)) <= ANCHOR_MAX_WORDS
        and any(line.kept and line.text in (anchor.text, title) for line in page.lines[index + 1:])
    )


def drop_footnotes(page: Page) -> None:
    """A footnote: a line opening with a marker in superscript or in brackets ("¹ See the
    guidance ...", "[1] See the guidance ...") that another line of the page cites ("... a valid
    load sheet.¹", "... a valid load sheet.[1]"). It names a source or adds an aside; the text that
    cites it says what the document says. A line opening with a marker that no line cites is left
    as it is."""
    texts = [line.text for line in page.lines if not line.blank]
    for line in page.lines:
        match = _FOOTNOTE.match(line.text) if line.kept else None
        if match is not None and any(_cites(text, match.group("marker")) for text in texts):
            line.reason = "footnote"


def _cites(text: str, marker: str) -> bool:
    """``text`` carries ``marker`` after a word or a full stop ("sheet.¹", "sheet.[1]"), not at
    its start."""
    return bool(re.search(rf"(?<=[^\s{FOOTNOTE_DIGITS}]){re.escape(marker)}(?![{FOOTNOTE_DIGITS}])", text))


def drop_notes_headings(page: Page) -> None:
    """The heading of a document's notes or sources ("Footnotes", "Sources") over the entries the
    rules dropped (footnotes, the titles of the sources): the first NOTES_HEADING_MIN_ENTRIES
    lines under it dropped for one reason, it heads nothing the article keeps. Over a paragraph
    the heading is the article's ("Sources" over "Sources close to the board said ...")."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        heading = page.lines[i]
        if not heading.kept or not NOTES_HEADINGS.match(heading.text.rstrip(": ")):
            continue
        entries = [page.lines[j] for j in indexes[k + 1:k + 1 + NOTES_HEADING_MIN_ENTRIES]]
        reasons = {entry.reason for entry in entries}
        if len(entries) == NOTES_HEADING_MIN_ENTRIES and len(reasons) == 1 and None not in reasons:
            heading.reason = entries[0].reason


def drop_glossaries(page: Page) -> None:
    """A glossary under its heading ("Glossary", "Abbreviations"): the entries right under it,
    each a term, a colon and its definition ("Ground stop: an instruction that ..."). General
    knowledge, not the document's account. Two entries at least: over a paragraph the heading
    is the article's."""
    continuations = _continuations(page)
    _drop_headed_lists(
        page,
        GLOSSARY_HEADINGS,
        lambda page, j: _is_glossary_entry(page.lines[j]) or (j in continuations and page.lines[j].kept),
        GLOSSARY_MIN_ENTRIES,
        "glossary",
    )


def wrapped_paragraphs(page: Page) -> list[list[int]]:
    """The paragraphs of a document laid out in numbered pages as the printer wrapped them: runs
    of two lines or more (indexes) where each line but the last runs on into the next. A blank
    line ends a paragraph; a running header or footer between two lines does not (a paragraph
    goes on over the page break). On other pages a line is a paragraph."""
    if not _is_paged(page):
        return []
    lines = [i for i in content(page) if page.lines[i].reason != "running-header"]
    width = _column_width(page, lines)
    paragraphs: list[list[int]] = []
    current: list[int] = []
    for previous, i in zip([None, *lines], lines):
        if previous is not None and not blank_between(page, previous, i) and _runs_on(page.lines[previous], page.lines[i], width):
            current.append(i)
            continue
        if len(current) >= 2:
            paragraphs.append(current)
        current = [i]
    if len(current) >= 2:
        paragraphs.append(current)
    return paragraphs


def _column_width(page: Page, lines: list[int]) -> int | None:
    """The width of the text column: the median length of the lines that surely run on (the next
    line opens in lowercase). None when no line does."""
    lengths = sorted(
        len(page.lines[i].text)
        for i, j in zip(lines, lines[1:])
        if _runs_on(page.lines[i], page.lines[j], None) and not blank_between(page, i, j)
    )
    return lengths[len(lengths) // 2] if lengths else None


def _runs_on(line: PageLine, following: PageLine, width: int | None) -> bool:
    """``line`` stops short of its sentence's end and ``following`` goes on with it (``runs_on``)."""
    return runs_on(line.text, following.text, width)


def _continuations(page: Page) -> set[int]:
    """Indexes of the lines that go on with the line above them in a wrapped paragraph."""
    return {i for paragraph in wrapped_paragraphs(page) for i in paragraph[1:]}


def settle_wrapped_paragraphs(page: Page) -> None:
    """The lines of a printed paragraph share one fate, as the rules judge them line by line. A
    paragraph that reads as prose once joined keeps the lines the header dropped for their shape
    (a line cut mid-sentence is title-like: "... before it was contained on" reads as a caption
    or a link title); an entry a page rule dropped by its first line (a footnote, a glossary
    term) takes its wrapped lines with it."""
    for paragraph in wrapped_paragraphs(page):
        lines = [page.lines[i] for i in paragraph]
        first_reason = lines[0].reason
        if first_reason in _ENTRY_REASONS:
            for line in lines[1:]:
                if line.kept:
                    line.reason = first_reason
            continue
        joined = " ".join(line.text for line in lines)
        if all(line.reason is None or line.reason in _SHAPE_REASONS for line in lines) and is_body_prose(joined):
            for line in lines:
                line.reason = None


def _is_glossary_entry(line: PageLine) -> bool:
    match = _GLOSSARY_ENTRY.match(line.text)
    return line.kept and line.role != "credit" and match is not None and len(words(match.group("term"))) <= GLOSSARY_TERM_MAX_WORDS
