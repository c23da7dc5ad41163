"""Page -> CleanedDocument: keep every sentence of the article, drop page furniture.

Works line by line on the page's source text (``index.source_text``; a page saved as Markdown is
read as its rendered text, ``index.markdown_text``, a static site's source too, ``index.static_site``;
a Gemini capsule's page as its client shows it, ``index.gemtext``; a text browser's dump as its screen showed
it, ``index.text_browser_dumps``; a saved e-mail as the part its reader reads,
``index.mime_messages``; a news feed as the article it carries, ``index.feeds``; a
caption file as its speakers' paragraphs, ``index.caption_files``; a social-media thread as its
author's posts, ``index.social_threads``; a chat channel's export as its posts' text,
``index.chat_exports``; a newspaper page read by OCR as its printed paragraphs,
``index.ocr_columns``; a forum thread as the article it quotes, ``index.forum_threads``; a
JavaScript app's page as the article of its data script, ``index.embedded_articles``; a page in
mojibake repaired, ``index.mojibake``): single-line rules from
``index.furniture``, then the furniture of a printed document's pages (``index.printed_pages``:
running headers and footers, contents lists, footnotes, a glossary; a transcript's list of
speakers, ``index.transcripts``; an official record's column numbers, margin times, procedure,
interjections and attendance lists, ``index.official_records``; a podcast episode's chapters and section headings,
``index.podcast_pages``), then rules that need
neighbours (``index.block_rules``: lists under a "Related" heading, a site's numbered ranking of its stories, FAQ pairs, comment teasers and
threads, a poll's answers, a reader's contribution under its label, author boxes and cards (``index.author_cards``), newsletter, donation, ad and affiliate boxes, consent banners,
vertical menus, ticker names above their prices, captions above photo credits and in galleries,
a live blog's list of key entries, pull quotes, embedded posts' author names and live-blog entries
that are only an embedded post, a press release's contacts and notes to editors, its issuer's
boilerplate, ``index.press_releases``; a newsletter's digest of other news, its quiz and its
editor's signature, ``index.mailings``), then the
article's header (``index.header``: the headline, the furniture above it, standfirst, byline,
date and dateline before the first prose paragraph), then the rules that need the header: a
newsletter's stories numbered after the headline's are dropped, a fact check's claim-review
boxes (``index.fact_checks``) and rows of a data table are kept, the heading of a document's
notes over the notes dropped, time stamps that head no entry are dropped, and so is the bio of the
byline's author; a page without a byline is a report's issuer's or a programme's presenter's.
Last, the lines of a printed paragraph take one fate (``printed_pages.settle_wrapped_paragraphs``).
Every dropped stretch is recorded with its reason.
"""

from __future__ import annotations

import logging
import re
from array import array

from index import (
    author_cards,
    block_rules,
    broadcast_pages,
    fact_checks,
    furniture,
    glue,
    header,
    layout_tables,
    mailings,
    metadata,
    mojibake,
    ocr_columns,
    official_records,
    podcast_pages,
    press_releases,
    printed_pages,
    reader_prompts,
    story_credits,
    text_tables,
    transcripts,
    write_thrus,
)
from index.caption_files import caption_source, looks_like_caption_file
from index.chat_exports import channel_posts_source
from index.embedded_articles import embedded_article_source
from index.feeds import feed_source, looks_like_feed
from index.forum_threads import quoted_article_source
from index.gemtext import gemtext_source, looks_like_gemtext
from index.html_text import html_to_source
from index.loading import LoadedFile
from index.markdown_text import looks_like_markdown, markdown_source
from index.jats_articles import jats_source, looks_like_jats
from index.nitf_documents import looks_like_nitf, nitf_source
from index.opendocument_text import flat_opendocument_source, looks_like_flat_opendocument
from index.published_documents import published_document_source
from index.rtf_documents import looks_like_rtf, rtf_source
from index.mime_messages import looks_like_mime_message, mime_source
from index.ocr_columns import looks_like_ocr_column, ocr_source
from index.page_lines import Page, PageLine, mark_table_rows, split_lines
from index.records import CleanedDocument, DocumentMeta, DroppedBlock
from index.social_threads import looks_like_thread, thread_page_source, thread_source
from index.source_text import INSERTED, SourceText, TextBuilder, offset_map, plain_source
from index.text_browser_dumps import dump_source, looks_like_text_browser_dump
from index.web_archives import looks_like_web_archive, web_archive_source

logger = logging.getLogger(__name__)


def clean_loaded(loaded: LoadedFile) -> CleanedDocument:
    """Clean a file read by ``index.loading.read_corpus_file``."""
    return clean_text(loaded.raw_text, loaded.doc_id, path=str(loaded.path), is_html=loaded.is_html, sha256=loaded.sha256)


def clean_text(raw_text: str, doc_id: str, *, path: str = "", is_html: bool = False, sha256: str = "") -> CleanedDocument:
    """Clean one page given as text.

    >>> doc = clean_text("Advertisement\\nThe minister met the envoy on Monday in Hanoi.", "demo")
    >>> doc.text
    'The minister met the envoy on Monday in Hanoi.'
    """
    # Decided once: the OCR column is read as its paragraphs (``_text_source``) and its furniture
    # dropped with the block rules below.
    ocr_column = not is_html and looks_like_ocr_column(raw_text)
    source = mojibake.repair_source(_source(raw_text, is_html, ocr_column))
    lines = split_lines(source.text)
    mark_table_rows(lines, source.table_rows)
    signal = metadata.detect_outlet([line.text for line in lines], source.hints)
    outlet = signal.outlet if signal is not None else None
    if signal is not None:
        logger.info("%s: outlet %s (%s)", doc_id, outlet, signal.evidence)
    page = Page(lines=lines, outlet=outlet, aliases=metadata.outlet_aliases(outlet))

    _apply_line_rules(page)
    if is_html:
        layout_tables.drop_layout_columns(page, raw_text, source)
    block_rules.keep_article_list_figures(page)
    if ocr_column:
        ocr_columns.drop_column_furniture(page)
    printed_pages.drop_running_headers(page)
    printed_pages.drop_contents_lists(page)
    printed_pages.drop_footnotes(page)
    printed_pages.drop_glossaries(page)
    transcripts.drop_speaker_lists(page)
    official_records.drop_record_furniture(page)
    story_credits.drop_credits_headings(page)
    podcast_pages.drop_episode_furniture(page)
    block_rules.drop_consent_banners(page)
    block_rules.drop_faq_blocks(page)
    block_rules.drop_comment_teasers(page)
    block_rules.drop_poll_options(page)
    block_rules.drop_reader_contributions(page)
    block_rules.drop_author_boxes(page)
    author_cards.drop_author_cards(page)
    block_rules.drop_prompt_boxes(page)
    block_rules.drop_ad_boxes(page)
    block_rules.drop_affiliate_boxes(page)
    mailings.drop_news_digests(page)  # before the link lists, which would take only the short items
    mailings.drop_quizzes(page)
    mailings.drop_signatures(page)
    block_rules.drop_press_back_matter(page)
    press_releases.drop_boilerplate(page)  # after the back matter, which shows the page a release
    press_releases.drop_after_end_mark(page)
    block_rules.drop_captions_above_credits(page)
    block_rules.drop_link_lists(page)
    block_rules.drop_ranked_lists(page)  # after the link lists: only headings they did not take
    block_rules.drop_ticker_names(page)
    block_rules.drop_vertical_menus(page)
    block_rules.drop_entry_indexes(page)
    block_rules.drop_pull_quotes(page)
    block_rules.drop_embedded_post_names(page)
    block_rules.drop_embedded_post_entries(page)
    write_thrus.drop_superseded_versions(page)  # before the header: a stale take's byline is no byline
    headline = header.find_headline(page, source.hints)
    header.drop_headline_repeats_and_captions(page, headline)
    header.assign_header_and_body(page, headline)
    mailings.drop_other_numbered_stories(page, headline)
    header.keep_lone_date_above_headline(page, headline, source.hints)
    fact_checks.keep_claim_boxes(page)  # after the header's rules, which read a box's fields as links
    _keep_table_rows(page, headline, raw_text, source)
    printed_pages.drop_notes_headings(page)  # after the header's rules, which drop the titles of sources
    block_rules.drop_stray_time_stamps(page)  # after the rules that drop what may follow a stamp
    printed_pages.settle_wrapped_paragraphs(page)  # last: it overrules the header's judgement of a cut line
    byline = header.page_byline(page, source) or _issuer_or_presenter(page)
    block_rules.drop_byline_author_bios(page, byline)

    text, raw_index = _build_text(raw_text, source, page.lines)
    meta = DocumentMeta(
        doc_id=doc_id,
        path=path,
        outlet=outlet,
        headline=header.headline_text(source, headline),
        date=header.page_date(page, source),
        byline=byline,
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


def _source(raw_text: str, is_html: bool, ocr_column: bool) -> SourceText:
    """The page as its reader sees it: a web page saved as one file (MHTML) as its HTML page read
    by ``_html_source`` (``index.web_archives``), a saved e-mail as the part its reader reads
    (``index.mime_messages``), a news feed as the article it carries (``index.feeds``), a news
    agency's NITF item as its printed header and body (``index.nitf_documents``), a journal
    article in JATS as its title, authors, date, abstract and body (``index.jats_articles``), a
    word processor's RTF document as its paragraphs and tables (``index.rtf_documents``), an
    OpenDocument text in flat XML as its body (``index.opendocument_text``; all six are known by
    their structure whatever the file's suffix says), an HTML page as ``_html_source``
    reads it, a text page as ``_text_source`` reads it."""
    if looks_like_web_archive(raw_text):
        return web_archive_source(raw_text, _html_source)
    if looks_like_mime_message(raw_text):
        return mime_source(raw_text)
    if looks_like_feed(raw_text):
        return feed_source(raw_text)
    if looks_like_nitf(raw_text):
        return nitf_source(raw_text)
    if looks_like_jats(raw_text):
        return jats_source(raw_text)
    if looks_like_rtf(raw_text):
        return rtf_source(raw_text)
    if looks_like_flat_opendocument(raw_text):
        return flat_opendocument_source(raw_text)
    return _html_source(raw_text) if is_html else _text_source(raw_text, ocr_column)


def _html_source(raw_text: str) -> SourceText:
    """An HTML page's blocks (``index.html_text``); on a chat channel's export, its posts' text
    (``index.chat_exports``); on a thread's page of ``h-entry`` posts (a fediverse server's),
    its author's posts (``index.social_threads``); on a document an online editor published, the document without its
    editors' comments (``index.published_documents``); on a forum thread that quotes an article in full, the quoted article
    (``index.forum_threads``); on a JavaScript app's page whose visible
    HTML is a skeleton, the article of its data script (``index.embedded_articles``)."""
    visible = html_to_source(raw_text)
    for reader in (channel_posts_source, thread_page_source, published_document_source, quoted_article_source, embedded_article_source):
        article = reader(raw_text, visible)
        if article is not None:
            return article
    return visible


def _text_source(raw_text: str, ocr_column: bool) -> SourceText:
    """A text page as its reader sees it: a caption file's cues as its speakers' paragraphs
    (``index.caption_files``), a social-media thread as its author's posts
    (``index.social_threads``), a newspaper page read by OCR as its printed paragraphs
    (``index.ocr_columns``; ``ocr_column``, as ``clean_text`` found it), a Gemini capsule's page
    as its client shows it (``index.gemtext``), a Markdown export rendered (``index.markdown_text``), a text
    browser's dump as its screen showed it (``index.text_browser_dumps``), any other text page as
    it is."""
    if looks_like_caption_file(raw_text):
        return caption_source(raw_text)
    if looks_like_thread(raw_text):
        return thread_source(raw_text)
    if ocr_column:
        return ocr_source(raw_text)
    if looks_like_gemtext(raw_text):
        return gemtext_source(raw_text)
    if looks_like_markdown(raw_text):
        return markdown_source(raw_text)
    if looks_like_text_browser_dump(raw_text):
        return dump_source(raw_text)
    return plain_source(raw_text)


def _issuer_or_presenter(page: Page) -> tuple[str, ...]:
    """The author of a page without a byline: the body that issued a report
    (``printed_pages.issuer``), or the host of the programme a broadcaster's item comes from
    (``broadcast_pages.presenter``)."""
    author = printed_pages.issuer(page) or broadcast_pages.presenter(page)
    return (author,) if author is not None else ()


def _keep_table_rows(page: Page, headline: PageLine | None, raw_text: str, source: SourceText) -> None:
    """A data table below the headline is article text, whatever the line rules made of its
    rows: a row of short cells looks like a menu ("Hole | Width | Outcome"), a row with a long
    cell like a link title; and so is the caption right above its first row that names it
    ("Table 1. Households cut off, by district", or any text an HTML ``<caption>`` holds), which
    reads like a link title too."""
    below_headline = headline is None
    previous: PageLine | None = None
    for line in page.lines:
        below_headline = below_headline or line is headline
        if below_headline and line.table_row and line.role != "credit":
            line.reason = None
            if previous is not None and not previous.table_row and (
                text_tables.is_caption(previous.text) or _in_caption_element(raw_text, source, previous)
            ):
                previous.reason = None
        if not line.blank:
            previous = line


def _in_caption_element(raw_text: str, source: SourceText, line: PageLine) -> bool:
    """The line is the text of a table's caption element: one of the tags right before its first
    character (with nothing but space between them) opens a ``<caption>``, as an HTML table's
    ``<caption>`` or a journal table's ``<caption><title>`` does."""
    raw = source.raw_index[line.start] if line.start < len(source.raw_index) else INSERTED
    if raw == INSERTED:
        return False
    position = raw
    while position > 0:
        while position > 0 and raw_text[position - 1].isspace():
            position -= 1
        if position == 0 or raw_text[position - 1] != ">":
            return False
        tag_start = raw_text.rfind("<", 0, position)
        if tag_start < 0:
            return False
        if _CAPTION_TAG.match(raw_text, tag_start) is not None:
            return True
        position = tag_start
    return False


_CAPTION_TAG = re.compile(r"<caption\b", re.IGNORECASE)


def _apply_line_rules(page: Page) -> None:
    for line in page.lines:
        if line.blank:
            continue
        if furniture.is_credit(line.text) and not reader_prompts.is_prompt(line.text):
            line.role = "credit"
            page.credits.append(line.text)
            continue
        line.reason = furniture.line_reason(line.text, page.aliases)


def _build_text(raw_text: str, source: SourceText, lines: list[PageLine]) -> tuple[str, array]:
    """Kept lines joined by an inserted newline, glued words repaired by inserted spaces; a
    drop cap set on its own line ("T" over "he branch that ...") joins its word again."""
    builder = TextBuilder(raw_text)
    previous: PageLine | None = None
    for line in lines:
        if line.blank or line.reason is not None:
            continue
        end = line.keep_end if line.keep_end is not None else line.end
        if builder.chars and not _drop_cap(previous, line):
            builder.insert("\n")
        previous = line
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


def _drop_cap(previous: PageLine | None, line: PageLine) -> bool:
    """A paragraph's first letter alone on the line above the rest of its first word."""
    return previous is not None and len(previous.text) == 1 and previous.text.isupper() and line.text[:1].islower()


def _dropped_blocks(source: SourceText, lines: list[PageLine]) -> tuple[DroppedBlock, ...]:
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
