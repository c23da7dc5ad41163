"""Furniture rules that need a line's neighbours: a list under a "Related" heading, FAQ
question/answer pairs, a teaser for the readers' comments or a thread of signed comments, a
site's numbered ranking of its stories ("Trending on ..."), a poll's answers, a reader's
contribution under its label, author boxes, newsletter, donation and advertisers' boxes, ticker names
above their prices, captions above photo credits and between gallery controls, consent banners,
vertical menus, a live blog's key-entries list and stray time stamps, pull quotes, the name
above an embedded post's handle and an entry that is only an embedded post, a press release's
contacts and notes to editors, the byline author's bio.

Each rule marks lines of a ``Page`` in place; the one-line rules of ``index.furniture`` have
already run.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from index import furniture, metadata, reader_prompts, tickers
from index.page_lines import CAPTION_MAX_WORDS, Page, PageLine, blank_between, blocks, content, is_body_prose, sentence_ends
from index.text_shape import ends_sentence, is_title_like, without_quotes, words

logger = logging.getLogger(__name__)

LIST_ITEM_MAX_WORDS = 30
PROMPT_BOX_MAX_LINES = 4  # a newsletter/donation box: heading, pitch, field or button
PROMPT_BOX_LINE_MAX_WORDS = 30
AD_BOX_MAX_LINES = 3  # an "Advertisement" label and the advertiser's copy under it
AD_COPY_MAX_WORDS = 60
AFFILIATE_BOX_MAX_LINES = 8  # a heading, a few products with their prices and shops, the disclosure
SECTION_LIST_MIN_ITEMS = 2
CONSENT_LINE_MAX_WORDS = 12
MENU_RUN_MIN_LINES = 3
MENU_ITEM_MAX_WORDS = 2
ENTRY_INDEX_MIN_ITEMS = 2
ENTRY_INDEX_HEADING_MAX_WORDS = 4  # "Key events", "Key moments", "Timeline"
EMBED_NAME_MAX_WORDS = 4
PULL_QUOTE_MIN_WORDS = 5  # a short quoted phrase may be a heading or a scare quote
ATTRIBUTION_MAX_WORDS = 12
COMMENT_TEASER_MAX_LINES = 5  # a count, two or three readers' comments, between heading and control
COMMENT_LINE_MAX_WORDS = 60
COMMENT_PARAGRAPHS_MAX = 3  # the paragraphs of one signed comment, under its signature
RANKED_LIST_MIN_ITEMS = 2
READER_ENTRY_MAX_LINES = 3  # a reader's contribution: a paragraph or two under its label
BACK_MATTER_MAX_LINES = 8  # a press contact (name, phone, email) or a few numbered notes to editors
EMBED_HANDLE_MAX_POSITION = 3  # "Post from @harbourpolice: ...": the handle among the first words
# An item of a numbered list: "1. Storm closes the airport", "2) ...".
_NUMBERED_ITEM = re.compile(r"^(?P<number>\d{1,2})[.)]\s+\S")
# A heading that names the kind of its list and nothing else: "Related decisions", "More
# interviews", "Other rulings". A link list only over list items (``drop_link_lists``): over a
# paragraph "More arrests" may be the article's subheading.
_SECTION_LIST_HEADING = re.compile(r"^(?:related|more|other) [a-z]{3,}s$", re.IGNORECASE)
# A gallery's title: "Gallery: The flood in pictures", "In pictures: ...", "Photos | ...".
_GALLERY_TITLE = re.compile(r"^(?:(?:photo |picture |image )?gallery|photos|pictures|in pictures)\s*[:|–—-]\s*\S", re.IGNORECASE)
# The marker of an item of an enumerated list: "(a)", "(iv)", "(2)", "b)".
_ENUMERATION = re.compile(r"^(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\))\s+\S")
# A line that names a social-media handle among its first words, as an embedded post's first line
# does: "Post from @harbourpolice: ...", "Ida Lund @ida_lund · 09:12".
_HANDLE_FIRST = re.compile(rf"^(?:[\w’'.-]+\s+){{0,{EMBED_HANDLE_MAX_POSITION}}}@\w{{2,30}}\b")
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# Advertisers' copy: the small print of an offer, or a call to buy.
_AD_COPY = re.compile(
    r"\b(?:terms and conditions apply|t&cs? apply|apr\b|capital at risk|the value of your investment|"
    r"book (?:now|today|a free)|shop now|order now|call (?:now|today)|learn more|get a (?:free )?quote|"
    r"free (?:quote|consultation|review|trial))|"
    # Calls that are also words of a report ("the judge may order today that ..."): only as the
    # imperative opening a sentence, "Order today, delivered tomorrow.", "Try it free for 14 days."
    r"(?:^|[.!?–—-]\s*)(?:order (?:today|online)|try (?:it |us )?(?:for )?free)\b|"
    # An offer's deadline as a call to buy: "Book by 31 October!", "Book before Friday."
    r"(?:^|[.!?–—-]\s*)book (?:by|before) (?:\d{1,2}(?:st|nd|rd|th)? [a-z]+|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|"
    # "Switch to Example Broadband today: ...", "Switch now and save".
    r"(?:^|[.!?–—-]\s*)switch (?:to [^.!?:]{1,40}? )?(?:today|now)\b|"
    # The small print of a subscription offer: "No contract, no installation fee.", "Cancel anytime."
    r"\bno (?:installation|set-?up|activation|connection|joining|hidden) (?:fees?|costs?|charges?)\b|"
    r"\bcancel (?:any ?time|at any time)\b",
    re.IGNORECASE,
)


def drop_faq_blocks(page: Page) -> None:
    """A FAQ heading, then question lines each followed by an answer paragraph."""
    indexes = content(page)
    k = 0
    while k < len(indexes):
        heading = page.lines[indexes[k]]
        if not furniture.FAQ_HEADINGS.match(heading.text.rstrip(":")):
            k += 1
            continue
        heading.reason = "faq-block"
        k += 1
        while k < len(indexes) and furniture.is_question(page.lines[indexes[k]].text):
            page.lines[indexes[k]].reason = "faq-block"
            k += 1
            if k < len(indexes) and not furniture.is_question(page.lines[indexes[k]].text):
                page.lines[indexes[k]].reason = "faq-block"
                k += 1


def drop_comment_teasers(page: Page) -> None:
    """A teaser for the readers' comments: a heading ("Have your say", "Reader comments") or the
    comment counter in its place ("Comments (58)"), a few short lines (the count, a comment or
    two) and the link to the thread ("Read all comments"); or a thread of any length whose
    comments are each signed ("jo_b | 3 Mar, 07:52") over their text, closed by the same link.
    Without that closing link a "Have your say" subheading is the article's own, and the lines
    under a counter are kept."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        heading = page.lines[i]
        if not (furniture.COMMENT_HEADINGS.match(heading.text.rstrip(": ")) or furniture.is_comment_count(heading.text)):
            continue
        end = _comments_control_after(page, indexes, k)
        if end is None:
            end = _signed_thread_end(page, indexes, k)
        if end is None:
            continue
        for j in indexes[k:end + 1]:
            if page.lines[j].reason is None:
                page.lines[j].reason = "comments"


def _comments_control_after(page: Page, indexes: list[int], k: int) -> int | None:
    """Position in ``indexes`` of the comments link closing the teaser headed at ``k``, if any."""
    for j in range(k + 1, min(k + 2 + COMMENT_TEASER_MAX_LINES, len(indexes))):
        line = page.lines[indexes[j]]
        if furniture.is_comments_control(line.text):
            return j
        if line.reason is None and (line.role == "credit" or len(words(line.text)) > COMMENT_LINE_MAX_WORDS):
            return None
    return None


def _signed_thread_end(page: Page, indexes: list[int], k: int) -> int | None:
    """Position in ``indexes`` of the comments link closing a thread headed at ``k`` in which
    every comment is a signature over one to COMMENT_PARAGRAPHS_MAX short paragraphs. The
    signatures, not a count of lines, say where each comment starts, so the thread may be long."""
    j = k + 1
    comments = 0
    while j < len(indexes) and furniture.is_comment_signature(page.lines[indexes[j]].text):
        paragraphs = 0
        while (
            j + 1 + paragraphs < len(indexes)
            and paragraphs < COMMENT_PARAGRAPHS_MAX
            and _is_comment_paragraph(page.lines[indexes[j + 1 + paragraphs]])
        ):
            paragraphs += 1
        if paragraphs == 0:
            return None  # a signature over nothing: not the thread's shape
        comments += 1
        j += 1 + paragraphs
    if comments and j < len(indexes) and furniture.is_comments_control(page.lines[indexes[j]].text):
        return j
    return None


def _is_comment_paragraph(line: PageLine) -> bool:
    return (
        line.role != "credit"
        and len(words(line.text)) <= COMMENT_LINE_MAX_WORDS
        and not furniture.is_comment_signature(line.text)
        and not furniture.is_comments_control(line.text)
    )


def drop_reader_contributions(page: Page) -> None:
    """The text under a reader's label ("From a reader" over "Lukas, 67, writes: ..."): a
    reader's words, not the newsroom's, as far as the label's block goes. In a live blog the
    entry's time stamp above the label then heads nothing (``drop_stray_time_stamps``)."""
    lines = page.lines
    for i, label in enumerate(lines):
        if label.reason != "reader-submission" or not furniture.READER_LABEL.match(label.text):
            continue
        for line in lines[i + 1:i + 1 + READER_ENTRY_MAX_LINES]:
            if not line.kept or line.role != "body" or furniture.is_time_stamp(line.text):
                break  # a blank line ends the block; the next entry begins with its time stamp
            line.reason = "reader-submission"


def drop_poll_options(page: Page) -> None:
    """A poll's answers with their shares ("Yes 64%   No 36%") right under its question."""
    indexes = content(page)
    for above, i in zip(indexes, indexes[1:]):
        line = page.lines[i]
        if line.reason is None and page.lines[above].reason == "vote-widget" and furniture.is_poll_options(line.text):
            line.reason = "vote-widget"


def drop_author_boxes(page: Page) -> None:
    """"Author information" headings and runs of profile fields (Name:, Birthday:, Hobby: ...)."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        line = page.lines[i]
        if furniture.AUTHOR_BOX_INLINE.match(line.text):
            line.reason = "author-box"  # "About the author: Jo Bloggs is a reporter who ..."
            continue
        if furniture.AUTHOR_BOX_HEADINGS.match(line.text.rstrip(":")):
            line.reason = "author-box"
            if k + 1 < len(indexes) and furniture.is_author_bio(page.lines[indexes[k + 1]].text):
                page.lines[indexes[k + 1]].reason = "author-box"
            continue
        if furniture.is_journalist_bio(line.text):
            line.reason = "author-box"  # "Jo Bloggs is the Courier's health correspondent. She loves ..."
            continue
        if not furniture.is_author_box_field(line.text):
            continue
        neighbours = [indexes[j] for j in (k - 1, k + 1) if 0 <= j < len(indexes)]
        if any(
            furniture.is_author_box_field(page.lines[j].text) or page.lines[j].reason == "author-box"
            for j in neighbours
        ):
            line.reason = "author-box"
            line.role = "body"


def drop_prompt_boxes(page: Page) -> None:
    """A newsletter or donation box: a block opened by a prompt line. Its other short lines
    ("The Daily: our best stories, every weekday.", "Give from $5 a month.") belong to the box
    though they lack prompt words. Only on pages whose blocks are separated by blank lines:
    a page written without them would be one block."""
    runs = blocks(page)
    if len(runs) < 2:
        return
    for block in runs:
        if page.lines[block[0]].reason != "prompt" or len(block) > PROMPT_BOX_MAX_LINES:
            continue
        for i in block[1:]:
            line = page.lines[i]
            if line.reason is None and line.role != "credit" and len(words(line.text)) <= PROMPT_BOX_LINE_MAX_WORDS:
                line.reason = "prompt"


def drop_ad_boxes(page: Page) -> None:
    """An "Advertisement"/"Sponsored" label and the advertiser's copy glued under it, when the
    copy reads as an ad (addresses the reader, or carries an offer's small print or a call to
    buy). In a live blog the ad is an entry, its time stamp above the label: there the label
    stands in the place of the entry's title, so the entry's text is the advertiser's whatever
    its words; so is the copy a label both opens and closes ("Sponsored" / copy / "Sponsored").
    Only on pages whose blocks are separated by blank lines, like prompt boxes."""
    runs = blocks(page)
    if len(runs) < 2:
        return
    for block in runs:
        box = _ad_box(page, block)
        if box is None:
            continue
        is_entry = box[0] != block[0]  # time stamps above the label
        is_framed = len(box) > 2 and page.lines[box[-1]].reason == "advertisement"
        for i in box[1:]:
            line = page.lines[i]
            if (
                line.reason is None
                and line.role != "credit"
                and len(words(line.text)) <= AD_COPY_MAX_WORDS
                and (is_entry or is_framed or _reads_as_ad_copy(line.text))
            ):
                line.reason = "advertisement"


def drop_affiliate_boxes(page: Page) -> None:
    """A box of products the article mentions, with their prices and shops, closed or opened by
    the affiliate disclosure ("Example may earn a commission when you buy through these links."):
    its heading and items are the shop's. A paragraph in the block (a sentence of twelve words
    or more) stays: a page that sets no blank lines between paragraphs is one block.
    Only on pages whose blocks are separated by blank lines, like prompt boxes."""
    runs = blocks(page)
    if len(runs) < 2:
        return
    for block in runs:
        if len(block) > AFFILIATE_BOX_MAX_LINES or not any(page.lines[i].reason == "affiliate" for i in block):
            continue
        for i in block:
            line = page.lines[i]
            if line.reason is None and line.role != "credit" and not is_body_prose(line.text):
                line.reason = "affiliate"


def _reads_as_ad_copy(text: str) -> bool:
    unquoted = without_quotes(text)
    return bool(re.search(r"\b(?:you|your)\b", unquoted, re.IGNORECASE) or _AD_COPY.search(unquoted))


def _ad_box(page: Page, block: list[int]) -> list[int] | None:
    """The lines of ``block`` from its ad label on, if it opens the block or follows only a
    live-blog entry's time stamp; the stamp goes with the ad's copy (``drop_stray_time_stamps``)."""
    label = next((k for k, i in enumerate(block) if page.lines[i].reason == "advertisement"), None)
    if label is None or len(block) - label > AD_BOX_MAX_LINES:
        return None
    if not all(furniture.is_time_stamp(page.lines[i].text) for i in block[:label]):
        return None
    return block[label:]


def drop_press_back_matter(page: Page) -> None:
    """A press release's back matter: a media-contact or notes-to-editors heading and the lines
    under it (the press officer's name, phone and email; the numbered notes about the issuer and
    its photos); a report's contact and legal notice (the issuer's address, the terms of use).
    They follow the text and are not part of it. The heading goes on any page; the lines under
    it only where blank lines separate blocks, as far as the heading's block goes (or the next
    block, when the heading stands alone), at most BACK_MATTER_MAX_LINES."""
    runs = blocks(page)
    for k, block in enumerate(runs):
        for position, i in enumerate(block):
            heading = page.lines[i]
            if not heading.kept or not furniture.PRESS_BACK_MATTER_HEADINGS.match(heading.text.rstrip(": ")):
                continue
            heading.reason = "press-back-matter"
            if len(runs) < 2:
                continue
            under = block[position + 1:] if position + 1 < len(block) else (runs[k + 1] if k + 1 < len(runs) else [])
            for j in under[:BACK_MATTER_MAX_LINES]:
                if page.lines[j].reason is None and page.lines[j].role != "credit":
                    page.lines[j].reason = "press-back-matter"


def drop_embedded_post_entries(page: Page) -> None:
    """A live-blog entry that is only an embedded social-media post: under its time stamp, no
    title of the newsroom's but the post itself, opening with its author's handle ("Post from
    @harbourpolice: ...", "Ida Lund @ida_lund"), and the embed's chrome ("[Embedded post]",
    "View on Chatter") in the same block. The post's lines are dropped up to its last piece of
    chrome; the stamp then heads nothing (``drop_stray_time_stamps``). A post quoted inside an
    entry with a title of its own keeps its text. Only where blank lines separate the entries."""
    runs = blocks(page)
    if len(runs) < 2:
        return
    for block in runs:
        if len(block) < 3 or not furniture.is_time_stamp(page.lines[block[0]].text):
            continue
        first = page.lines[block[1]]
        chrome = [i for i in block[1:] if page.lines[i].reason == "embedded-post"]
        if not chrome or not (first.reason == "embedded-post" or (first.kept and _HANDLE_FIRST.match(first.text))):
            continue
        for i in block[1:]:
            if i > chrome[-1]:
                break
            if page.lines[i].reason is None and page.lines[i].role != "credit":
                page.lines[i].reason = "embedded-post"


def drop_consent_banners(page: Page) -> None:
    """The heading and buttons of a consent banner: short lines right next to a cookie notice
    that use consent words ("We value your privacy", "Cookies on the Example Post")."""
    lines = page.lines
    for i, line in enumerate(lines):
        if line.reason != "cookie-banner":
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and _is_consent_neighbour(lines[j]):
                lines[j].reason = "cookie-banner"
                j += step


def _is_consent_neighbour(line: PageLine) -> bool:
    return (
        line.kept
        and line.role != "credit"
        and len(words(line.text)) <= CONSENT_LINE_MAX_WORDS
        and not is_body_prose(line.text)
        and bool(reader_prompts.CONSENT_WORDS.search(line.text))
    )


def drop_vertical_menus(page: Page) -> None:
    """A menu written one item per line: three or more adjacent lines of one or two capitalised
    words with no punctuation ("Home", "News", "World"), most of them single words (a list of
    people's names is two words a line). Not a list the article introduces with a colon."""
    lines = page.lines
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and _is_menu_item(lines[i].text):
            run.append(i)
            continue
        if _is_menu(page, run):
            for j in run:
                if lines[j].reason is None and lines[j].role != "credit":
                    lines[j].reason = "navigation"
        run = []


def _is_menu_item(text: str) -> bool:
    tokens = words(text)
    return 1 <= len(tokens) <= MENU_ITEM_MAX_WORDS and text[:1].isupper() and not re.search(r"[.,;:!?'\"“”‘’()]", text)


def _is_menu(page: Page, run: list[int]) -> bool:
    if len(run) < MENU_RUN_MIN_LINES:
        return False
    single = sum(1 for i in run if len(words(page.lines[i].text)) == 1)
    if single * 2 < len(run):
        return False
    above = run[0] - 1
    return not (above >= 0 and page.lines[above].kept and page.lines[above].text.endswith(":"))


def drop_captions_above_credits(page: Page) -> None:
    """A block of exactly two lines, a short single sentence over a photo credit ("Photo: Ana
    Ruiz / Reuters"), is a caption with its credit; a paragraph set off by a blank line is not.
    In a photo gallery a caption sits between the gallery's controls, its slide counter and
    the photo credit ("2 of 9" / caption / "Photo: ..." / "Expand"), on any page but a gallery's
    own, where the captions are the story (``_is_gallery_page``)."""
    runs = blocks(page)
    if len(runs) >= 2:
        for block in runs:
            if len(block) == 2 and page.lines[block[1]].reason == "caption" and _is_caption_shaped(page.lines[block[0]]):
                page.lines[block[0]].reason = "caption"
    indexes = content(page)
    if _is_gallery_page(page):
        return  # the captions tell the page's story, and the gallery's title is its headline
    for k in range(1, len(indexes) - 1):
        above, line, below = (page.lines[indexes[j]] for j in (k - 1, k, k + 1))
        in_gallery = furniture.is_gallery_control(above.text) or furniture.is_gallery_control(below.text)
        if _is_caption_shaped(line) and _frames_a_photo(above) and _frames_a_photo(below) and in_gallery:
            line.reason = "caption"
    for k in range(len(indexes) - 1):
        title, below = page.lines[indexes[k]], page.lines[indexes[k + 1]]
        if title.kept and _GALLERY_TITLE.match(title.text) and is_title_like(title.text) and _frames_a_photo(below):
            title.reason = "gallery"  # the gallery's title over its first caption or control


def _is_gallery_page(page: Page) -> bool:
    """A page that is a photo gallery, not an article with one: its slide counters number every
    slide of the gallery ("Image 1 of 12" ... "Image 12 of 12"; an article shows a few slides of a
    longer one, or none numbered), and the slides' captions hold more words than the prose around
    them (an intro, where an article has its paragraphs)."""
    counters = [i for i, line in enumerate(page.lines) if furniture.slide_position(line.text) is not None]
    positions = [furniture.slide_position(page.lines[i].text) for i in counters]
    totals = {total for _, total in positions}
    if len(totals) != 1 or max(totals) < 2 or {number for number, _ in positions} != set(range(1, max(totals) + 1)):
        return False
    captions: set[int] = set()  # a slide's caption: its kept lines from the counter to the credit or control
    for i in counters:
        j = i + 1
        while j < len(page.lines) and not _frames_a_photo(page.lines[j]):
            if page.lines[j].kept:
                captions.add(j)
            j += 1
    caption_words = sum(len(words(page.lines[i].text)) for i in captions)
    prose_around = sum(
        len(words(line.text)) for i, line in enumerate(page.lines) if i not in captions and line.kept and is_body_prose(line.text)
    )
    return caption_words > prose_around


def _is_caption_shaped(line: PageLine) -> bool:
    return (
        line.reason is None
        and line.role == "body"
        and len(words(line.text)) <= CAPTION_MAX_WORDS
        and len(sentence_ends(line.text)) <= 1
    )


def _frames_a_photo(line: PageLine) -> bool:
    """A photo credit, or a gallery control ("Gallery", "Expand", "Next ›", "3 of 12")."""
    return line.reason is not None and (line.reason == "caption" or furniture.is_gallery_control(line.text))


def drop_link_lists(page: Page) -> None:
    """A list heading ("Related", "Read more:", "Tags:") and the short title lines under it,
    and runs of three or more bulleted title lines without a heading, except a fact box's lines
    under its heading ("Key facts" over "- Built: 1961", "- Height: 84 metres"), a list the
    article's sentence introduces with a colon (``in_article_list``) and a wire
    story's summary points right under its date or byline line, before its first paragraph."""
    indexes = content(page)
    k = 0
    while k < len(indexes):
        heading = page.lines[indexes[k]]
        if heading.reason is None and (
            furniture.LINK_LIST_HEADINGS.match(heading.text.rstrip(": ")) or _heads_section_list(page, indexes, k)
        ):
            heading.reason = "link-list"
            k += 1
            if not _prose_before(page, indexes[k - 1]):
                # Before the article starts, the next title line may be the headline itself:
                # drop only the heading ("Related Topics" above a BBC headline).
                continue
            while k < len(indexes):
                item = page.lines[indexes[k]]
                if item.reason is None and (item.role == "credit" or not _is_list_item(item.text)):
                    break
                if item.reason is None:
                    item.reason = "link-list"
                k += 1
            continue
        k += 1
    lines = page.lines
    run: list[int] = []
    for i in indexes + [-1]:
        line = lines[i] if i >= 0 else None
        bulleted = (
            line is not None and line.reason is None and line.role != "credit"
            and line.bulleted and _is_list_item(line.text)
        )
        if bulleted:
            run.append(i)
            continue
        if (
            len(run) >= 3
            and not in_article_list(page, run[0])
            and not _under_date_or_byline(page, run[0])
            and not _punctuated_as_one_sentence([page.lines[j].text for j in run])
        ):
            for j in run:
                lines[j].reason = "link-list"
        run = []


def in_sentence_list(page: Page, index: int) -> bool:
    """The line at ``index`` is an item of a bulleted list whose items are clauses of one sentence
    (``_punctuated_as_one_sentence``): the writer's own points, not titles of links."""
    if not page.lines[index].bulleted:
        return False
    indexes = content(page)
    k = indexes.index(index)
    first = k
    while first > 0 and page.lines[indexes[first - 1]].bulleted:
        first -= 1
    last = k
    while last + 1 < len(indexes) and page.lines[indexes[last + 1]].bulleted:
        last += 1
    return last > first and _punctuated_as_one_sentence([page.lines[i].text for i in indexes[first:last + 1]])


def _punctuated_as_one_sentence(items: list[str]) -> bool:
    """The items are clauses of one sentence: each but the last closes with a semicolon and the
    last with a full stop ("- whether the ban holds;" ... "- what the inquiry finds."). The
    titles of links close with no such marks."""
    texts = [text.rstrip() for text in items]
    return all(text.endswith(";") for text in texts[:-1]) and texts[-1].endswith(".")


def _heads_section_list(page: Page, indexes: list[int], k: int) -> bool:
    """The line at ``indexes[k]`` names a kind of list ("More interviews") over list items, with
    no blank line or paragraph between them."""
    if not _SECTION_LIST_HEADING.match(page.lines[indexes[k]].text.rstrip(": ")):
        return False
    items = 0
    for previous, i in zip(indexes[k:], indexes[k + 1:]):
        item = page.lines[i]
        if blank_between(page, previous, i) or not _is_list_item(item.text) or is_body_prose(item.text):
            break
        items += 1
    return items >= SECTION_LIST_MIN_ITEMS


def _under_date_or_byline(page: Page, index: int) -> bool:
    """The nearest kept line above ``index`` is the article's date or byline line ("Example Wire |
    May 3, 2031 5:26 PM", "By Jo Bloggs"), and no paragraph came before: the line is in the
    article's header, under its headline. A list of links sits under a heading or after the text."""
    above = next((line for line in reversed(page.lines[:index]) if line.kept), None)
    return (
        above is not None
        and (
            metadata.is_date_line(above.text)
            or metadata.is_byline_line(above.text)
            or metadata.credited_organisation(above.text) is not None
        )
        and not _prose_before(page, index)
    )


def in_article_list(page: Page, index: int) -> bool:
    """The line at ``index`` is a bulleted line of a list the article sets in its text: a fact
    box or timeline under its heading (``in_fact_box``), or a list its own sentence introduces
    with a colon ("The report found that:" over "- bolts were set too far apart;"). A list of
    links sits under a link heading, which is dropped, or under nothing."""
    return in_fact_box(page, index) or _under_kept_line(page, index, lambda line: line.text.endswith(":"))


def in_enumerated_list(page: Page, index: int) -> bool:
    """The line at ``index`` is an item of an enumerated list ("(a) dismisses the appeal;") that a
    kept line of the article introduces with a colon ("For these reasons the Tribunal:"), the
    items above it in the list all enumerated and set without blank lines between them."""
    if not _ENUMERATION.match(page.lines[index].text):
        return False
    for line in reversed(page.lines[:index]):
        if line.blank:
            return False
        if not _ENUMERATION.match(line.text):
            return line.kept and line.text.endswith(":")
    return False


def in_fact_box(page: Page, index: int) -> bool:
    """The line at ``index`` is a bulleted line of a fact box: above it only bulleted lines up to
    a kept fact-box heading ("Key facts: the dam" over "- Built: 1961", "- Height: 84 metres")."""
    return _under_kept_line(page, index, lambda line: bool(furniture.FACT_BOX_HEADINGS.match(line.text.rstrip(": "))))


def _under_kept_line(page: Page, index: int, is_head: Callable[[PageLine], bool]) -> bool:
    """The line at ``index`` is bulleted, and the first line above it that is neither blank nor
    bulleted is kept and passes ``is_head``."""
    if not page.lines[index].bulleted:
        return False
    for line in reversed(page.lines[:index]):
        if line.blank or line.bulleted:
            continue
        return line.kept and is_head(line)
    return False


def keep_article_list_figures(page: Page) -> None:
    """A figure of a fact box or an introduced list ("- 22 trapped", "- 3 killed") is kept,
    though alone it reads like a leftover of the page's code (``furniture.is_page_fragment``)."""
    for i, line in enumerate(page.lines):
        if line.reason == "page-fragment" and in_article_list(page, i):
            line.reason = None


def drop_ranked_lists(page: Page) -> None:
    """A site's ranking of its own stories that the link-list headings miss: a ranking heading
    ("Trending on Example", "Most shared this week") over headlines numbered from 1 ("1. Storm
    closes the airport", "2. ..."). The numbers are the evidence: over a paragraph the heading
    may be the article's, and a numbered list in the article has no ranking heading above it or
    numbers sentences ("1. The board must publish its reasons.")."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        heading = page.lines[i]
        if heading.reason is not None or not furniture.RANKING_HEADINGS.match(heading.text.rstrip(": ")):
            continue
        items = _numbered_headlines(page, indexes[k + 1:])
        if len(items) < RANKED_LIST_MIN_ITEMS:
            continue
        for j in [i, *items]:
            page.lines[j].reason = "link-list"


def _numbered_headlines(page: Page, following: list[int]) -> list[int]:
    """The lines at the start of ``following`` numbered 1, 2, 3 ... that read as headlines: short,
    and not ended by a full stop (a headline may ask a question)."""
    items: list[int] = []
    for i in following:
        line = page.lines[i]
        numbered = _NUMBERED_ITEM.match(line.text)
        if (
            numbered is None
            or int(numbered.group("number")) != len(items) + 1
            or line.role == "credit"
            or len(words(line.text)) > LIST_ITEM_MAX_WORDS
            or line.text.rstrip("\"”’')]»").endswith(".")
        ):
            break
        items.append(i)
    return items


def _prose_before(page: Page, index: int) -> bool:
    return any(line.reason is None and is_body_prose(line.text) for line in page.lines[:index])


def _is_list_item(text: str) -> bool:
    return len(words(text)) <= LIST_ITEM_MAX_WORDS and not (ends_sentence(text) and len(words(text)) >= 15)


def drop_ticker_names(page: Page) -> None:
    """Short labels ("NIKKEI 225", "Bitcoin GBP") sitting just above a ticker price."""
    indexes = content(page)
    for k, i in enumerate(indexes[:-1]):
        line, following = page.lines[i], page.lines[indexes[k + 1]]
        if (
            line.reason is None
            and following.reason == "ticker"
            and tickers.is_ticker_value(following.text)
            and len(words(line.text)) <= 5
            and is_title_like(line.text)
        ):
            line.reason = "ticker"


def drop_stray_time_stamps(page: Page) -> None:
    """A time stamp alone on its line ("19:47", "12m ago", "6:28 PM · Mar 14, 2026") is kept
    when it heads a live-blog entry: the next line is kept article text (the entry's heading,
    author or prose). Under an embedded post, before its counts and reply links, or at the end
    of the page, it is furniture."""
    indexes = content(page)
    for k, i in enumerate(indexes):
        line = page.lines[i]
        if not line.kept or line.role != "body" or not furniture.is_time_stamp(line.text):
            continue
        following = page.lines[indexes[k + 1]] if k + 1 < len(indexes) else None
        if following is None or not following.kept or furniture.is_time_stamp(following.text):
            line.reason = "time-stamp"


def drop_entry_indexes(page: Page) -> None:
    """A live blog's list of key entries: two or more adjacent "time  title" lines ("19:47  Polls
    close") whose times are the time stamps of entries on the page (or whose titles are entry
    headings), and the short heading above them. They are links to the entries below. A timeline
    in the article has no entry of the page for each of its times, so it is kept."""
    indexes = content(page)
    texts = {page.lines[i].text for i in indexes}
    run: list[int] = []
    for k in range(len(indexes) + 1):
        line = page.lines[indexes[k]] if k < len(indexes) else None
        if line is not None and line.role != "credit" and _points_at_an_entry(line.text, texts):
            run.append(k)
            continue
        if len(run) >= ENTRY_INDEX_MIN_ITEMS:
            for j in run:
                page.lines[indexes[j]].reason = "link-list"
            heading = page.lines[indexes[run[0] - 1]] if run[0] > 0 else None
            if heading is not None and _is_short_heading(heading):
                heading.reason = "link-list"
        run = []


def _is_short_heading(line: PageLine) -> bool:
    return line.kept and is_title_like(line.text) and len(words(line.text)) <= ENTRY_INDEX_HEADING_MAX_WORDS


def _points_at_an_entry(text: str, page_texts: set[str]) -> bool:
    timed = furniture.timed_title(text)
    return timed is not None and (timed[0] in page_texts or timed[1] in page_texts)


def drop_embedded_post_names(page: Page) -> None:
    """The author's name on the line above an embedded post's handle ("Ida Lund" over "@ida_lund")."""
    indexes = content(page)
    for k, i in enumerate(indexes[1:], start=1):
        line, above = page.lines[i], page.lines[indexes[k - 1]]
        if (
            line.reason == "embedded-post"
            and furniture.is_social_handle(line.text)
            and above.kept
            and above.role == "body"
            and is_title_like(above.text)
            and len(words(above.text)) <= EMBED_NAME_MAX_WORDS
        ):
            above.reason = "embedded-post"


def drop_pull_quotes(page: Page) -> None:
    """A pull quote: a line that is only a quoted sentence the article already quotes in one of
    its paragraphs, and the attribution line under it ("— Jo Bloggs, mayor"). The paragraph
    keeps the quote; an entry heading that quotes its entry ends without a full stop."""
    indexes = content(page)
    # (length as written, quote marks folded) of every kept line, folded once for all quotes.
    paragraphs = [(len(page.lines[i].text), _folded_quotes(page.lines[i].text)) for i in indexes if page.lines[i].kept]
    for k, i in enumerate(indexes):
        line = page.lines[i]
        quote = _quoted_sentence(line.text) if line.kept and line.role == "body" else None
        if quote is None or not any(length > len(line.text) and quote in folded for length, folded in paragraphs):
            continue
        line.reason = "pull-quote"
        if k + 1 < len(indexes) and _is_attribution(page.lines[indexes[k + 1]]):
            page.lines[indexes[k + 1]].reason = "pull-quote"


def _quoted_sentence(text: str) -> str | None:
    """The quotation of a line that is only a quoted full sentence, quote marks folded."""
    folded = _folded_quotes(text.strip())
    if len(folded) < 2 or folded[0] != '"' or folded[-1] != '"' or '"' in folded[1:-1]:
        return None
    inner = folded[1:-1].strip()
    if not ends_sentence(inner) or len(words(inner)) < PULL_QUOTE_MIN_WORDS:
        return None
    return inner[:-1]  # the paragraph may end the quotation with a comma: “... normally,” he said


def _folded_quotes(text: str) -> str:
    return " ".join(text.translate(_QUOTE_FOLD).split())


def _is_attribution(line: PageLine) -> bool:
    """"— Jo Bloggs, harbour master": a dash (read as a list bullet by ``split_lines``), then a
    name and maybe a role, no sentence."""
    return (
        line.kept
        and (line.bulleted or bool(re.match(r"^[—–-]\s*", line.text)))
        and line.text.lstrip("—–- ")[:1].isupper()
        and not ends_sentence(line.text)
        and len(words(line.text)) <= ATTRIBUTION_MAX_WORDS
    )


def drop_byline_author_bios(page: Page, byline_names: tuple[str, ...]) -> None:
    """The bio of the page's own author in the article's column ("Jo Bloggs is the Courier's
    correspondent in Lima. She has ..."), once the header has named the author."""
    if not byline_names:
        return
    for line in page.lines:
        if line.kept and line.role == "body" and furniture.is_bio_of(line.text, byline_names):
            line.reason = "author-box"
