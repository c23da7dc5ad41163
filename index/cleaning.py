"""Page -> CleanedDocument: keep every sentence of the article, drop page furniture.

Works line by line on the page's source text (``index.source_text``): single-line rules from
``index.furniture``, then rules that need neighbours (a list under a "Related" heading, FAQ
question/answer pairs, author boxes, newsletter and donation boxes, ticker names above their
prices, captions above photo credits or under image placeholders, title-like "also read" links
between paragraphs). The header of the article (headline, standfirst, byline, date, dateline)
is recognised by position: everything before the first prose paragraph. Every dropped stretch
is recorded with its reason.
"""

from __future__ import annotations

import logging
import re
from array import array
from dataclasses import dataclass, field

from index import furniture, glue, metadata
from index.furniture import ends_sentence, is_title_like, words
from index.html_text import html_to_source
from index.loading import LoadedFile
from index.records import CleanedDocument, DocumentMeta, DroppedBlock
from index.source_text import INSERTED, SourceText, TextBuilder, offset_map, plain_source

logger = logging.getLogger(__name__)

BODY_MIN_WORDS = 12  # the first kept line this long that ends a sentence starts the body
DEK_MIN_WORDS = 8  # a title-like header line this long is a standfirst (or, later, a stray caption)
# Headlines are rarely shorter; shorter title-like lines at the top are site names and section labels.
HEADLINE_MIN_WORDS = 5
INLINE_LINK_MIN_WORDS = 8  # shorter title-like lines in the body are kept as subheadings
LIST_ITEM_MAX_WORDS = 30
CAPTION_MAX_WORDS = 45
PROMPT_BOX_MAX_LINES = 4  # a newsletter/donation box: heading, pitch, field or button
PROMPT_BOX_LINE_MAX_WORDS = 30
_IMAGE_MARKER = re.compile(r"\(\d{1,2}\)\s*$")  # "Headline | CNN (1)": an image's alt text
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(slots=True)
class _Line:
    """One line of the source text while the rules decide about it (internal, mutable)."""

    start: int  # content bounds in the source text
    end: int
    text: str
    reason: str | None = None  # why it is dropped; None = kept
    role: str = "body"  # headline, dek, byline, date, dateline, credit, body
    keep_end: int | None = None  # a shorter kept end (a headline without its "| Outlet" suffix)
    bulleted: bool = False  # the line started with a list bullet ("•", "-")

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class _Page:
    lines: list[_Line]
    outlet: str | None
    aliases: tuple[str, ...]
    credits: list[str] = field(default_factory=list)


def clean_loaded(loaded: LoadedFile) -> CleanedDocument:
    """Clean a file read by ``index.loading.read_corpus_file``."""
    return clean_text(loaded.raw_text, loaded.doc_id, path=str(loaded.path), is_html=loaded.is_html, sha256=loaded.sha256)


def clean_text(raw_text: str, doc_id: str, *, path: str = "", is_html: bool = False, sha256: str = "") -> CleanedDocument:
    """Clean one page given as text.

    >>> doc = clean_text("Advertisement\\nThe minister met the envoy on Monday in Hanoi.", "demo")
    >>> doc.text
    'The minister met the envoy on Monday in Hanoi.'
    """
    source = html_to_source(raw_text) if is_html else plain_source(raw_text)
    lines = _split_lines(source.text)
    signal = metadata.detect_outlet([line.text for line in lines], source.hints)
    outlet = signal.outlet if signal is not None else None
    if signal is not None:
        logger.info("%s: outlet %s (%s)", doc_id, outlet, signal.evidence)
    aliases = metadata.outlet_aliases(outlet)
    page = _Page(lines=lines, outlet=outlet, aliases=aliases)

    _apply_line_rules(page)
    _drop_faq_blocks(page)
    _drop_author_boxes(page)
    _drop_prompt_boxes(page)
    _drop_captions_above_credits(page)
    _drop_link_lists(page)
    _drop_ticker_names(page)
    headline = _find_headline(page, source.hints.title)
    _drop_headline_repeats_and_captions(page, headline)
    _assign_header_and_body(page, headline)

    text, raw_index = _build_text(raw_text, source, page.lines)
    meta = DocumentMeta(
        doc_id=doc_id,
        path=path,
        outlet=outlet,
        headline=_headline_text(source, headline),
        date=_page_date(page, source),
        byline=_page_byline(page, source),
        credits=tuple(page.credits),
        sha256=sha256,
    )
    return CleanedDocument(
        meta=meta,
        raw_text=raw_text,
        text=text,
        offsets=offset_map(raw_index, len(text)),
        dropped=_dropped_blocks(source, page.lines),
    )


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for raw_line in text.split("\n"):
        start, end = furniture.content_bounds(raw_line)
        bulleted = bool(raw_line[:start].strip())
        lines.append(_Line(position + start, position + end, raw_line[start:end], bulleted=bulleted))
        position += len(raw_line) + 1
    return lines


def _content(page: _Page) -> list[int]:
    """Indexes of non-blank lines, in order."""
    return [i for i, line in enumerate(page.lines) if not line.blank]


def _blocks(page: _Page) -> list[list[int]]:
    """Runs of non-blank lines (indexes): on a page that separates paragraphs by blank lines, a
    run of several lines is a box (a newsletter pitch, a caption with its credit)."""
    blocks: list[list[int]] = [[]]
    for i, line in enumerate(page.lines):
        if line.blank:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(i)
    return [block for block in blocks if block]


def _apply_line_rules(page: _Page) -> None:
    for line in page.lines:
        if line.blank:
            continue
        if furniture.is_credit(line.text) and not furniture.is_prompt(line.text):
            line.role = "credit"
            page.credits.append(line.text)
            continue
        line.reason = furniture.line_reason(line.text, page.aliases)


def _drop_faq_blocks(page: _Page) -> None:
    """A FAQ heading, then question lines each followed by an answer paragraph."""
    content = _content(page)
    k = 0
    while k < len(content):
        heading = page.lines[content[k]]
        if not furniture.FAQ_HEADINGS.match(heading.text.rstrip(":")):
            k += 1
            continue
        heading.reason = "faq-block"
        k += 1
        while k < len(content) and furniture.is_question(page.lines[content[k]].text):
            page.lines[content[k]].reason = "faq-block"
            k += 1
            if k < len(content) and not furniture.is_question(page.lines[content[k]].text):
                page.lines[content[k]].reason = "faq-block"
                k += 1


def _drop_author_boxes(page: _Page) -> None:
    """"Author information" headings and runs of profile fields (Name:, Birthday:, Hobby: ...)."""
    content = _content(page)
    for k, i in enumerate(content):
        line = page.lines[i]
        if furniture.AUTHOR_BOX_INLINE.match(line.text):
            line.reason = "author-box"  # "About the author: Jo Bloggs is a reporter who ..."
            continue
        if furniture.AUTHOR_BOX_HEADINGS.match(line.text.rstrip(":")):
            line.reason = "author-box"
            if k + 1 < len(content) and furniture.is_author_bio(page.lines[content[k + 1]].text):
                page.lines[content[k + 1]].reason = "author-box"
            continue
        if not furniture.is_author_box_field(line.text):
            continue
        neighbours = [content[j] for j in (k - 1, k + 1) if 0 <= j < len(content)]
        if any(
            furniture.is_author_box_field(page.lines[j].text) or page.lines[j].reason == "author-box"
            for j in neighbours
        ):
            line.reason = "author-box"
            line.role = "body"


def _drop_prompt_boxes(page: _Page) -> None:
    """A newsletter or donation box: a block opened by a prompt line. Its other short lines
    ("The Daily: our best stories, every weekday.", "Give from $5 a month.") belong to the box
    though they lack prompt words. Only on pages whose blocks are separated by blank lines:
    a page written without them would be one block."""
    blocks = _blocks(page)
    if len(blocks) < 2:
        return
    for block in blocks:
        if page.lines[block[0]].reason != "prompt" or len(block) > PROMPT_BOX_MAX_LINES:
            continue
        for i in block[1:]:
            line = page.lines[i]
            if line.reason is None and line.role != "credit" and len(words(line.text)) <= PROMPT_BOX_LINE_MAX_WORDS:
                line.reason = "prompt"


def _drop_captions_above_credits(page: _Page) -> None:
    """A block of exactly two lines, a short single sentence over a photo credit ("Photo: Ana
    Ruiz / Reuters"), is a caption with its credit; a paragraph set off by a blank line is not."""
    blocks = _blocks(page)
    if len(blocks) < 2:
        return
    for block in blocks:
        if len(block) != 2:
            continue
        caption, credit = page.lines[block[0]], page.lines[block[1]]
        if (
            caption.reason is None
            and caption.role == "body"
            and credit.reason == "caption"
            and len(words(caption.text)) <= CAPTION_MAX_WORDS
            and len(_sentence_ends(caption.text)) <= 1
        ):
            caption.reason = "caption"


def _drop_link_lists(page: _Page) -> None:
    """A list heading ("Related", "Read more:", "Tags:") and the short title lines under it,
    and runs of three or more bulleted title lines without a heading."""
    content = _content(page)
    k = 0
    while k < len(content):
        heading = page.lines[content[k]]
        if heading.reason is None and furniture.LINK_LIST_HEADINGS.match(heading.text.rstrip(": ")):
            heading.reason = "link-list"
            k += 1
            if not _prose_before(page, content[k - 1]):
                # Before the article starts, the next title line may be the headline itself:
                # drop only the heading ("Related Topics" above a BBC headline).
                continue
            while k < len(content):
                item = page.lines[content[k]]
                if item.reason is None and (item.role == "credit" or not _is_list_item(item.text)):
                    break
                if item.reason is None:
                    item.reason = "link-list"
                k += 1
            continue
        k += 1
    source_lines = page.lines
    run: list[int] = []
    for i in content + [-1]:
        line = source_lines[i] if i >= 0 else None
        bulleted = (
            line is not None and line.reason is None and line.role != "credit"
            and line.bulleted and _is_list_item(line.text)
        )
        if bulleted:
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                source_lines[j].reason = "link-list"
        run = []


def _prose_before(page: _Page, index: int) -> bool:
    return any(
        line.reason is None and ends_sentence(line.text) and len(words(line.text)) >= BODY_MIN_WORDS
        for line in page.lines[:index]
    )


def _is_list_item(text: str) -> bool:
    return len(words(text)) <= LIST_ITEM_MAX_WORDS and not (ends_sentence(text) and len(words(text)) >= 15)


def _drop_ticker_names(page: _Page) -> None:
    """Short labels ("NIKKEI 225", "Bitcoin GBP") sitting just above a ticker price."""
    content = _content(page)
    for k, i in enumerate(content[:-1]):
        line, following = page.lines[i], page.lines[content[k + 1]]
        if (
            line.reason is None
            and following.reason == "ticker"
            and furniture.is_ticker_value(following.text)
            and len(words(line.text)) <= 5
            and is_title_like(line.text)
        ):
            line.reason = "ticker"


def _find_headline(page: _Page, title_hint: str | None) -> _Line | None:
    """The headline among the kept title-like lines before the first prose paragraph: the one
    the HTML <title> repeats, else the first of HEADLINE_MIN_WORDS words or more that states no
    date (a site name such as "South Cone Times", or a masthead with the day's date, often
    comes first), else the first."""
    candidates = _headline_candidates(page)
    if not candidates:
        return None
    hinted = _headline_key(title_hint) if title_hint else None
    line = next((candidate for candidate in candidates if _headline_key(candidate.text) == hinted), None)
    if line is None:
        line = next((candidate for candidate in candidates if _headline_shaped(candidate.text)), candidates[0])
    title, cut = metadata.strip_title_suffix(line.text, page.outlet)
    if cut < len(line.text):
        line.keep_end = line.start + cut
    line.role = "headline"
    return line


def _headline_shaped(text: str) -> bool:
    return len(words(text)) >= HEADLINE_MIN_WORDS and metadata.parse_date(text) is None


def _headline_candidates(page: _Page) -> list[_Line]:
    candidates: list[_Line] = []
    for i in _content(page):
        line = page.lines[i]
        if line.reason is not None or line.role == "credit":
            continue
        if ends_sentence(line.text) and len(words(line.text)) >= BODY_MIN_WORDS:
            break
        if (
            is_title_like(line.text)
            and 3 <= len(words(line.text)) <= 40
            and not metadata.is_date_line(line.text)
            and not metadata.byline_names(line.text, page.outlet)
        ):
            candidates.append(line)
    return candidates


def _headline_key(text: str) -> str:
    core = re.sub(r"\s*[|]\s*[^|]{0,40}$", "", text)  # "| CNN (1)", "| CNN? ›"
    core = re.sub(r"[\s?›»]+$", "", core)
    core = _IMAGE_MARKER.sub("", core)
    return " ".join(core.translate(_FOLD).lower().split())


def _drop_headline_repeats_and_captions(page: _Page, headline: _Line | None) -> None:
    """Repeats of the headline (image alt text such as "Headline | CNN (1)") and the caption
    paragraph each image placeholder carries."""
    if headline is None:
        return
    key = _headline_key(headline.text)
    content = _content(page)
    for k, i in enumerate(content):
        line = page.lines[i]
        if line is headline or line.reason is not None or _headline_key(line.text) != key:
            continue
        line.reason = "headline-repeat"
        if _IMAGE_MARKER.search(line.text) and k + 1 < len(content):
            caption = page.lines[content[k + 1]]
            if (
                caption.reason is None
                and caption.role == "body"
                and len(words(caption.text)) <= CAPTION_MAX_WORDS
                and len(_sentence_ends(caption.text)) <= 1
            ):
                caption.reason = "caption"


def _sentence_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"[.!?](?=\s+[A-Z“\"])", text)] + ([len(text)] if ends_sentence(text) else [])


def _assign_header_and_body(page: _Page, headline: _Line | None) -> None:
    """Header roles before the first prose paragraph; title-like link lines inside the body."""
    in_body = False
    seen_dek = False
    after_headline = headline is None
    content = _content(page)
    for k, i in enumerate(content):
        line = page.lines[i]
        if line is headline:
            after_headline = True
            continue
        if line.reason is not None or line.role == "credit":
            continue
        text = line.text
        if not after_headline and len(words(text)) <= 4 and is_title_like(text) and not metadata.is_date_line(text):
            line.reason = "navigation"  # "Home", "News", "World" menu items above the headline
            continue
        if furniture.INLINE_LINK_PREFIX.match(text):
            line.reason = "inline-link"
            continue
        if not in_body and ends_sentence(text) and len(words(text)) >= BODY_MIN_WORDS:
            in_body = True
        if in_body:
            if metadata.byline_names(text, page.outlet):
                line.role = "byline"  # under a standfirst that ends like a sentence
            elif is_title_like(text) and len(words(text)) >= INLINE_LINK_MIN_WORDS:
                line.reason = "inline-link"
            continue
        # Header: before the first prose paragraph.
        if metadata.is_date_line(text):
            line.role = "date"
        elif metadata.byline_names(text, page.outlet, bare=_next_to_date_line(page, content, k)):
            line.role = "byline"
        elif any(text.endswith(" " + alias) or text == alias for alias in page.aliases):
            line.role = "dateline"
        elif is_title_like(text) and len(words(text)) >= DEK_MIN_WORDS:
            if after_headline and not seen_dek:
                line.role = "dek"
                seen_dek = True
            else:
                line.reason = "caption"  # a second title-like line in the header: image text


def _next_to_date_line(page: _Page, content: list[int], k: int) -> bool:
    return any(
        0 <= j < len(content) and page.lines[content[j]].reason is None and metadata.is_date_line(page.lines[content[j]].text)
        for j in (k - 1, k + 1)
    )


def _build_text(raw_text: str, source: SourceText, lines: list[_Line]) -> tuple[str, array]:
    """Kept lines joined by an inserted newline, glued words repaired by inserted spaces."""
    builder = TextBuilder(raw_text)
    for line in lines:
        if line.blank or line.reason is not None:
            continue
        end = line.keep_end if line.keep_end is not None else line.end
        if builder.chars:
            builder.insert("\n")
        segment = source.text[line.start:end]
        repairs = set(glue.repair_points(segment))
        for offset in range(len(segment)):
            if offset in repairs:
                builder.insert(" ")
            raw = source.raw_index[line.start + offset]
            if raw == INSERTED:
                builder.insert(segment[offset])
            else:
                builder.copy(raw)
    return builder.text(), builder.raw_index


def _dropped_blocks(source: SourceText, lines: list[_Line]) -> tuple[DroppedBlock, ...]:
    blocks: list[DroppedBlock] = list(source.dropped)
    current: list[int] | None = None  # [raw_start, raw_end] of the open block
    current_reason = ""
    for line in lines:
        if line.blank:
            continue
        spans: list[tuple[tuple[int, int], str]] = []
        if line.reason is not None:
            spans.append((source.raw_span(line.start, line.end), line.reason))
        elif line.keep_end is not None and line.keep_end < line.end:
            spans.append((source.raw_span(line.keep_end, line.end), "title-suffix"))
        if not spans:
            if current is not None:
                blocks.append(DroppedBlock(current[0], current[1], current_reason))
                current = None
            continue
        for (raw_start, raw_end), reason in spans:
            if current is not None and reason == current_reason and line.reason is not None:
                current[1] = raw_end
                continue
            if current is not None:
                blocks.append(DroppedBlock(current[0], current[1], current_reason))
            current, current_reason = [raw_start, raw_end], reason
    if current is not None:
        blocks.append(DroppedBlock(current[0], current[1], current_reason))
    return tuple(sorted(blocks, key=lambda block: (block.raw_start, block.raw_end)))


def _headline_text(source: SourceText, headline: _Line | None) -> str | None:
    if headline is None:
        return source.hints.title
    end = headline.keep_end if headline.keep_end is not None else headline.end
    return source.text[headline.start:end]


def _page_date(page: _Page, source: SourceText) -> str | None:
    stated = metadata.hint_date(source.hints)
    if stated is not None:
        return stated
    for line in page.lines:
        if line.role == "date":
            return metadata.parse_date(line.text)
    for line in page.lines:
        if line.role == "byline" and (stated := metadata.parse_date(line.text)) is not None:
            return stated  # "By Ana Ruiz · Friday, March 7, 2025"
    return None


def _page_byline(page: _Page, source: SourceText) -> tuple[str, ...]:
    names: list[str] = []
    for line in page.lines:
        if line.role == "byline":
            names.extend(name for name in metadata.byline_names(line.text, page.outlet, bare=True) if name not in names)
    names.extend(author for author in source.hints.authors if author not in names)
    return tuple(names)
