"""The article's header: which line is the headline, the roles of the lines under it (standfirst,
byline, date, dateline) and the page furniture above it, plus the page's date and byline.

The header is everything before the first prose paragraph. Above the headline a page shows
only furniture (site name, tagline, kicker, menus, the day's date), so the headline choice
decides a lot: it follows the page's own evidence, strongest first.
"""

from __future__ import annotations

import logging
import re

from index import encyclopedia_pages, furniture, metadata, reader_prompts
from index.block_rules import in_article_list, in_enumerated_list, in_sentence_list
from index.page_lines import BODY_MIN_WORDS, CAPTION_MAX_WORDS, Page, PageLine, blank_between, content, is_body_prose, sentence_ends
from index.source_text import PageHints, SourceText
from index.text_shape import is_title_like, words

logger = logging.getLogger(__name__)

DEK_MIN_WORDS = 8  # a title-like header line this long is a standfirst (or, later, a stray caption)
# Headlines are rarely shorter; shorter title-like lines at the top are site names and section labels.
HEADLINE_MIN_WORDS = 5
HEADLINE_MIN_CANDIDATE_WORDS = 3
HEADLINE_MAX_WORDS = 40
INLINE_LINK_MIN_WORDS = 8  # shorter title-like lines in the body are kept as subheadings
LEAD_IN_MIN_LOWERCASE_WORDS = 4  # "Here is where things stand:" reads as a sentence, "Key Facts About Rates:" not
NAVIGATION_MAX_WORDS = 4  # a short label above the headline: "News", "World", "Opinion"
KICKER_MAX_WORDS = 4  # "LITTLE ACORN RECALL", "PREMIUM": a label in capitals, not a headline
REPEAT_MAX_WORDS = 6
FIELD_BLOCK_MIN_LINES = 3
FIELD_LABEL_MAX_WORDS = 4  # "For the Athlete", "Hearing", "Case number"
INITIALS_LENGTH = (2, 6)  # "AP", "KPA", "ANSA": an agency signing off by its initials
# A section heading's "label: phrase": a short label (words, a time, a time range) and a colon,
# then the phrase in lowercase ("2:36 to 2:50 a.m.: four works in fourteen minutes").
_LABELLED_HEADING = re.compile(r"^(?:\d{1,2}:\d{2}|[^:]){1,40}:\s+[a-z0-9]")
# A page's own "last updated" stamp: "Last updated: 12 May 2031, 13:25", "Page last reviewed 3 June".
_LAST_UPDATED = re.compile(r"^(?:page )?last (?:updated|modified|reviewed|edited)\b", re.IGNORECASE)
_IMAGE_MARKER = re.compile(r"\(\d{1,2}\)\s*$")  # "Headline | CNN (1)": an image's alt text
# A quoted phrase that opens in lowercase and ends no sentence: 'Port "safe by spring"'.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_QUOTED_PHRASE = re.compile(r"[\"“][a-z][^\"”.!?]*[\"”]")
# A line that opens with a quote, closed after its last sentence's mark, then the speaker:
# '"... The grid should have held." Ana Ruiz, chief executive'.
_ATTRIBUTED_QUOTE = re.compile(r"^[\"“](?P<quote>[^\"”]+[.!?])[\"”][ \t]+\S")
# A figure that a heading and its paragraph share: "220,000", "3.5", "75" (not a lone digit).
_FIGURE = re.compile(r"\b\d[\d,.]*\d\b")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def find_headline(page: Page, hints: PageHints) -> PageLine | None:
    """The headline among the kept title-like lines before the first prose paragraph, by the
    strongest evidence the page gives:

    1. the line the HTML repeats in its <h1>, og:title or <title>, or the line a wiki prints its
       tagline under ("From Example Wiki, the free encyclopedia");
    2. the first line right above a byline or date line (a standfirst may sit between them);
    3. the first line right above a standfirst that sits right above the first prose paragraph
       (a notice or release without a byline: its title, its summary, its text);
    4. the first of HEADLINE_MIN_WORDS words or more that states no date (a site name such as
       "South Cone Times", or a masthead with the day's date, often comes first), else the first.

    Never a candidate: a "By ..." line (even "By Example Wire Staff", which names no person),
    a date line, a kicker in capitals, or the outlet's masthead with its tagline; weather
    widgets and news strips were dropped as furniture before.
    """
    candidates = _headline_candidates(page, _title_parts(hints))
    if not candidates:
        return None
    line = (
        _hinted(candidates, hints, page.outlet)
        or encyclopedia_pages.title_above_tagline(page, candidates)
        or _above_byline(page, candidates)
        or _above_standfirst_and_text(page, candidates)
    )
    if line is None:
        line = next((candidate for candidate in candidates if _headline_shaped(candidate.text)), candidates[0])
    title, cut = metadata.strip_title_suffix(line.text, page.outlet)
    if cut < len(line.text):
        line.keep_end = line.start + cut
    line.role = "headline"
    return line


def _title_parts(hints: PageHints) -> set[str]:
    """The two parts of a <title> that joins the site's name and the headline with a dash or a
    bar ("Greyford Online - NO POWER, NO WATER"), as headline keys."""
    parts = _TITLE_SEPARATOR.split(hints.title) if hints.title else []
    return {headline_key(part) for part in parts} - {""} if len(parts) == 2 else set()


def _headline_candidates(page: Page, title_parts: set[str] = frozenset()) -> list[PageLine]:
    """Title-like lines before the first prose paragraph. A short line in capitals is a kicker
    ("LITTLE ACORN RECALL"), unless the <title> gives it as the page's headline, as an old page
    sets its headline in capitals ("NO POWER, NO WATER")."""
    candidates: list[PageLine] = []
    for i in content(page):
        line = page.lines[i]
        if line.reason is not None or line.role == "credit":
            continue
        if is_body_prose(line.text):
            break
        if (
            is_title_like(line.text)
            and HEADLINE_MIN_CANDIDATE_WORDS <= len(words(line.text)) <= HEADLINE_MAX_WORDS
            and (not _is_kicker(line.text) or headline_key(line.text) in title_parts)
            and not _is_masthead(line.text, page.aliases)
            and not metadata.is_date_line(line.text)
            and not metadata.is_byline_line(line.text)
            and not metadata.byline_names(line.text, page.outlet)
        ):
            candidates.append(line)
    return candidates


def _is_kicker(text: str) -> bool:
    return text.isupper() and len(words(text)) <= KICKER_MAX_WORDS


def _is_masthead(text: str, aliases: tuple[str, ...]) -> bool:
    """The outlet's name, alone or with its tagline ("HARBOUR POST — Your city, your news")."""
    folded = _folded(text)
    names = [_folded(alias) for alias in aliases]
    spelled_out = metadata.initials_masthead(text)
    if spelled_out is not None and _folded(spelled_out) in names:
        return True  # "EBD  Example Business Daily"
    return any(folded == name or re.match(rf"{re.escape(name)}\s*[—–|:-]\s", folded) for name in names)


def _hinted(candidates: list[PageLine], hints: PageHints, outlet: str | None) -> PageLine | None:
    """The candidate the <h1> or <title> repeats; else, when the outlet is not known to cut the
    <title>'s suffix, the candidate that is one of its two parts and is set in capitals, as an
    old page's headline is (never a site's name written as words)."""
    keys = {headline_key(heading) for heading in hints.headings}
    if hints.title:
        keys |= {headline_key(hints.title), headline_key(metadata.strip_title_suffix(hints.title, outlet)[0])}
    keys.discard("")
    exact = next((candidate for candidate in candidates if headline_key(candidate.text) in keys), None)
    if exact is not None:
        return exact
    parts = _title_parts(hints)
    return next((candidate for candidate in candidates if candidate.text.isupper() and headline_key(candidate.text) in parts), None)


def _above_byline(page: Page, candidates: list[PageLine]) -> PageLine | None:
    """The first candidate whose next kept lines are a byline (maybe after its date), with at
    most one standfirst between: the structure of an article's header. Else the first above a
    date line alone: a masthead's tagline sits above the day's date too ("Independent since
    1921" / "Friday 23 October 2026"), but never above an author, so a byline is the stronger
    evidence."""
    indexes, position = _kept_positions(page)
    is_candidate = {id(candidate) for candidate in candidates}
    above_date: PageLine | None = None
    for candidate in candidates:
        k = position[id(candidate)] + 1
        if k < len(indexes) and _is_standfirst(page.lines[indexes[k]].text):
            if len(words(candidate.text)) < HEADLINE_MIN_WORDS and id(page.lines[indexes[k]]) in is_candidate:
                continue  # a section label ("Elections 2026") over the headline, not a headline over its standfirst
            if (
                k + 1 < len(indexes)
                and blank_between(page, indexes[k - 1], indexes[k])
                and not blank_between(page, indexes[k], indexes[k + 1])
            ):
                continue  # a tagline in the block above, not a headline: the headline sits with its date
            k += 1
        if k >= len(indexes):
            continue
        dated = metadata.is_date_line(page.lines[indexes[k]].text)
        if _is_byline(page, indexes, k) or (dated and k + 1 < len(indexes) and _is_byline(page, indexes, k + 1)):
            return candidate
        if dated and above_date is None:
            above_date = candidate
    return above_date


def _kept_positions(page: Page) -> tuple[list[int], dict[int, int]]:
    """The kept lines of the content that are no credits, and each one's place among them (by
    ``id`` of its ``PageLine``): the lines a header's structure is read over."""
    indexes = [i for i in content(page) if page.lines[i].kept and page.lines[i].role != "credit"]
    return indexes, {id(page.lines[i]): k for k, i in enumerate(indexes)}


def _above_standfirst_and_text(page: Page, candidates: list[PageLine]) -> PageLine | None:
    """The first headline-shaped candidate with a title-like standfirst on the very next line,
    and the first prose paragraph as the next kept line after that. A tagline at the top of a
    site ("Clean water for the valley since 1961") is as long as a headline, but the title of a
    notice sits with its summary right above the notice's text."""
    indexes, position = _kept_positions(page)
    for candidate in candidates:
        k = position[id(candidate)]
        if k + 2 >= len(indexes) or not _headline_shaped(candidate.text) or indexes[k + 1] != indexes[k] + 1:
            continue
        standfirst, text = page.lines[indexes[k + 1]].text, page.lines[indexes[k + 2]].text
        if _is_standfirst(standfirst) and is_title_like(standfirst) and is_body_prose(text):
            return candidate
    return None


def _is_standfirst(text: str) -> bool:
    """Long enough for a standfirst, and no date line nor an agency's credit with its date
    ("Example Wire | May 3, 2031 5:26 PM" has as many words as a short standfirst)."""
    return (
        len(words(text)) >= DEK_MIN_WORDS
        and not metadata.is_date_line(text)
        and metadata.credited_organisation(text) is None
    )


def _is_byline(page: Page, indexes: list[int], k: int) -> bool:
    text = page.lines[indexes[k]].text
    if metadata.is_byline_line(text) or metadata.byline_names(text, page.outlet):
        return True
    if text in page.aliases or metadata.credited_organisation(text) is not None:
        return True  # the outlet's name, or an agency credited with the date, in the byline's place
    return bool(metadata.byline_names(text, page.outlet, bare=True)) and _next_to_date_or_role(page, indexes, k)


def _headline_shaped(text: str) -> bool:
    return len(words(text)) >= HEADLINE_MIN_WORDS and metadata.parse_date(text) is None


def headline_key(text: str) -> str:
    """A headline folded for comparison: no "| Outlet" suffix, image marker, quote style or case."""
    core = re.sub(r"\s*[|]\s*[^|]{0,40}$", "", text)  # "| CNN (1)", "| CNN? ›"
    core = re.sub(r"[\s?›»]+$", "", core)
    core = _IMAGE_MARKER.sub("", core)
    return " ".join(core.translate(_FOLD).lower().split())


def drop_headline_repeats_and_captions(page: Page, headline: PageLine | None) -> None:
    """Repeats of the headline (image alt text such as "Headline | CNN (1)") and the caption
    paragraph each image placeholder carries."""
    if headline is None:
        return
    key = headline_key(headline.text)
    indexes = content(page)
    for k, i in enumerate(indexes):
        line = page.lines[i]
        if line is headline or line.reason is not None or headline_key(line.text) != key:
            continue
        line.reason = "headline-repeat"
        if _IMAGE_MARKER.search(line.text) and k + 1 < len(indexes):
            caption = page.lines[indexes[k + 1]]
            if (
                caption.reason is None
                and caption.role == "body"
                and len(words(caption.text)) <= CAPTION_MAX_WORDS
                and len(sentence_ends(caption.text)) <= 1
            ):
                caption.reason = "caption"


def assign_header_and_body(page: Page, headline: PageLine | None) -> None:
    """Furniture above the headline; header roles before the first prose paragraph; title-like
    link lines and repeated byline lines inside the body."""
    in_body = False
    seen_dek = False
    body_paragraphs = 0  # prose lines since the body started: the first may be a standfirst
    seen_date = False
    after_headline = headline is None
    header_names: set[str] = set()  # byline and agency lines of the header, as written
    indexes = content(page)
    for k, i in enumerate(indexes):
        line = page.lines[i]
        if line is headline:
            after_headline = True
            continue
        if line.role == "credit" and line.reason is None and after_headline and body_paragraphs <= 1:
            page.header_credits.append(line.text)  # "Edited by ..., with reporting by ..." under a live blog's headline
        if line.reason is not None or line.role in ("credit", "speaker"):
            continue  # a record's speaker heading (``index.official_records``) is no link title
        text = line.text
        if not after_headline and _opens_release(page, indexes, k, headline):
            line.role = "date"
            continue
        if not after_headline and not is_body_prose(text) and not metadata.byline_names(text, page.outlet):
            # Above the headline: site name, tagline, kicker, menu items, the day's date.
            short_label = len(words(text)) <= NAVIGATION_MAX_WORDS and is_title_like(text)
            line.reason = "navigation" if short_label and not metadata.is_date_line(text) else "masthead"
            continue
        if furniture.INLINE_LINK_PREFIX.match(text):
            line.reason = "inline-link"
            continue
        if not in_body and is_body_prose(text):
            in_body = True
        if in_body:
            body_paragraphs += is_body_prose(text)
            if metadata.byline_names(text, page.outlet):
                line.role = "byline"  # under a standfirst that ends like a sentence
            elif body_paragraphs > 1 and _LAST_UPDATED.match(text) and metadata.is_date_line(text):
                # Under the article's paragraphs the stamp is the site's footer: the article's
                # date is in its header, or in the first lines of its text.
                line.reason = "revision-note"
            elif body_paragraphs <= 1 and not seen_date and not line.table_row and metadata.is_date_line(text):
                line.role = "date"  # "Last updated: ..." under a standfirst that ends like a sentence
                seen_date = True
            elif _repeats_header_name(text, header_names):
                line.reason = "byline-repeat"  # the agency or author named again under the article
            elif (
                is_title_like(text)
                and len(words(text)) >= INLINE_LINK_MIN_WORDS
                and not is_lead_in(text)
                and not _below_time_stamp(page, indexes, k)
                and not _in_heading_series(page, indexes, k)
                and not _quoting_subheading(page, indexes, k)
                and not _figure_subheading(page, indexes, k)
                and not _attributed_quote(text)
                and not in_article_list(page, i)  # "- Where: the north face, at 3,100 metres"
                and not in_sentence_list(page, i)  # "- whether the ban holds;" ... "- what it costs."
                and not in_enumerated_list(page, i)  # "(a) dismisses the appeal;" under "The Tribunal:"
                and not _cut_by_paywall(page, indexes, k)
            ):
                line.reason = "inline-link"
            continue
        # Header: before the first prose paragraph. A data table's row takes no role of the header,
        # though one of its cells may look the part: "Date | 9 March 2042" in a fact box dates the
        # event, not the page, and a row is no standfirst.
        if line.table_row:
            continue
        if metadata.is_date_line(text):
            line.role = "date"
            seen_date = True
        elif metadata.is_byline_line(text) or metadata.byline_names(
            text, page.outlet, bare=_next_to_date_or_role(page, indexes, k)
        ):
            line.role = "byline"
            header_names.add(_folded(text))
        elif (organisation := metadata.credited_organisation(text)) is not None:
            line.role = "byline"  # "Example Press Agency | Published 3 June 2024": the wire's credit
            header_names.add(_folded(organisation))
        elif metadata.date_line_label(text) is not None:
            line.role = "date"  # "First Light | Wednesday 7 May 2031, 07:32": a programme's item and its date
            seen_date = True
        elif any(text.endswith(" " + alias) or text == alias for alias in page.aliases):
            line.role = "dateline"
            header_names.add(_folded(text))
        elif after_headline and line.bulleted and is_title_like(text):
            line.role = "summary"  # a wire story's points under its date line ("* Regulator opens inquiry")
        elif is_title_like(text) and len(words(text)) >= DEK_MIN_WORDS:
            if after_headline and not seen_dek:
                line.role = "dek"
                seen_dek = True
            elif not _in_field_block(page, i):
                line.reason = "caption"  # a second title-like line in the header: image text


def _in_field_block(page: Page, index: int) -> bool:
    """The line at ``index`` is one of a block of labelled fields ("Tribunal: ...", "For the
    Athlete: ...", "Hearing: 30 April, ..."), three or more lines without a blank line between
    them: a record's particulars under its title, not a picture's caption, which stands alone."""
    if not _is_labelled_field(page.lines[index]):
        return False
    count = 1
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(page.lines) and not page.lines[j].blank and _is_labelled_field(page.lines[j]):
            count += 1
            j += step
    return count >= FIELD_BLOCK_MIN_LINES


def _is_labelled_field(line: PageLine) -> bool:
    """A short label, a colon and its value: "Hearing: 30 April 2035, Castrelle"."""
    label, colon, value = line.text.partition(":")
    return bool(colon) and bool(value.strip()) and 0 < len(words(label)) <= FIELD_LABEL_MAX_WORDS


def keep_lone_date_above_headline(page: Page, headline: PageLine | None, hints: PageHints) -> None:
    """The date line nearest above the headline, when the page states no other date (no date
    line, no dated byline, no date in its markup): it dates the article, as a newsletter's issue
    date dates its story or a notice's place and date its title. Where the article has its own
    date, the one above the headline is the masthead's day and stays dropped."""
    if headline is None or metadata.hint_date(hints) is not None:
        return
    if any(line.role == "date" or (line.role == "byline" and metadata.parse_date(line.text)) for line in page.lines):
        return
    above = page.lines[:next(i for i, line in enumerate(page.lines) if line is headline)]
    dated = [line for line in above if line.reason == "masthead" and _is_date_or_dateline(line.text)]
    if dated:
        dated[-1].reason = None
        dated[-1].role = "date"


def _is_date_or_dateline(text: str) -> bool:
    return metadata.is_date_line(text) or metadata.is_place_and_date(text)


def _opens_release(page: Page, indexes: list[int], k: int, headline: PageLine | None) -> bool:
    """The place and date right above the headline ("Brussels, 3 November 2027" over the title),
    as a press release or an official statement opens: the release's dateline, kept. A masthead's
    date above the headline names no place ("Friday 23 October 2026"), and a place with the day's
    date in a top bar has menus and labels between it and the headline."""
    return (
        headline is not None
        and k + 1 < len(indexes)
        and page.lines[indexes[k + 1]] is headline
        and metadata.is_place_and_date(page.lines[indexes[k]].text)
    )


def is_lead_in(text: str) -> bool:
    """A sentence that introduces what follows with a colon ("Here is what we know so far:",
    "The mayor, who was at the scene, wrote this:"): article text, though it does not end like a
    sentence. A link title in title case or a label ("Read more:") has few lowercase words."""
    if not text.rstrip().endswith(":"):
        return False
    lowercase = [word for word in words(text) if word[:1].islower()]
    return len(lowercase) >= LEAD_IN_MIN_LOWERCASE_WORDS


def _cut_by_paywall(page: Page, indexes: list[int], k: int) -> bool:
    """A paragraph the paywall cut mid-sentence: a line as long as a paragraph right above the
    paywall's prompt ("... and a proper plan before the next" / "To continue reading, subscribe
    ..."). It stops short of its sentence's end as a link title does, but it is article text."""
    return (
        k + 1 < len(indexes)
        and len(words(page.lines[indexes[k]].text)) >= BODY_MIN_WORDS
        and reader_prompts.is_paywall_cut(page.lines[indexes[k + 1]].text)
    )


def _below_time_stamp(page: Page, indexes: list[int], k: int) -> bool:
    """Right under a live-blog entry's time stamp: the entry's heading, not a link."""
    return k > 0 and page.lines[indexes[k - 1]].kept and furniture.is_time_stamp(page.lines[indexes[k - 1]].text)


def _in_heading_series(page: Page, indexes: list[int], k: int) -> bool:
    """One of a run of section headings that share the "label: phrase" form, one paragraph
    apart ("Before the raid: scaffolding and a sensor", paragraph, "2:14 a.m.: up the
    scaffolding"): an explainer heads every section the same way, however long the heading.
    A link title stands alone among paragraphs, or says what it is ("Read more: ...")."""
    if not _is_labelled_heading(page.lines[indexes[k]].text):
        return False
    for step in (-2, 2):
        j = k + step
        if not 0 <= j < len(indexes):
            continue
        between, neighbour = page.lines[indexes[k + step // 2]], page.lines[indexes[j]]
        if is_body_prose(between.text) and neighbour.reason is None and _is_labelled_heading(neighbour.text):
            return True
    return False


def _quoting_subheading(page: Page, indexes: list[int], k: int) -> bool:
    """A subheading that quotes a phrase from its section, as headings quote a source in a few
    words ('Hospital "busier than at any time this winter"'), over the paragraph it heads. A
    link title quoting a whole sentence ('Farmers: "We lost our lambs"') opens its quote with a
    capital, and a link says what it is ("Read more: ...") or is followed by more links."""
    quote = _QUOTED_PHRASE.search(page.lines[indexes[k]].text)
    following = page.lines[indexes[k + 1]] if k + 1 < len(indexes) else None
    return quote is not None and following is not None and following.kept and is_body_prose(following.text)


def _attributed_quote(text: str) -> bool:
    """A quote of BODY_MIN_WORDS words or more, ended like a sentence, with its speaker after it
    and no mark of its own ('"... The grid should have held." Ana Ruiz, chief executive'): a
    quote set apart from the paragraphs, as a block quote. A link title quotes a few words
    ('"We lost our lambs": farmers count the cost')."""
    match = _ATTRIBUTED_QUOTE.match(text)
    return match is not None and len(words(match.group("quote"))) >= BODY_MIN_WORDS


def _figure_subheading(page: Page, indexes: list[int], k: int) -> bool:
    """A subheading that states a figure of the paragraph it heads ("Up to 220,000 dalens for a
    lost home" over "Owners ... can claim up to 220,000 dalens each"), as a section's heading sums
    it up. A link to another story gives that story's figures, which the paragraph under it does
    not repeat."""
    figures = {figure for figure in _FIGURE.findall(page.lines[indexes[k]].text) if _is_telling_figure(figure)}
    following = page.lines[indexes[k + 1]] if k + 1 < len(indexes) else None
    return (
        bool(figures)
        and following is not None
        and following.kept
        and is_body_prose(following.text)
        and figures <= set(_FIGURE.findall(following.text))
    )


def _is_telling_figure(figure: str) -> bool:
    """A figure of three digits or more that is no year: a count or a sum a section is about.
    "12" or "2039" name days and years many paragraphs share ("12 min read" over "12 March 2039")."""
    return sum(char.isdigit() for char in figure) >= 3 and not _YEAR.fullmatch(figure)


def _is_labelled_heading(text: str) -> bool:
    """A title-like phrase of the form "label: phrase in lowercase" ("2:44 a.m.: the guard sees a
    light", "Thursday: two arrests"), one phrase with no sentence inside it."""
    return (
        bool(_LABELLED_HEADING.match(text))
        and is_title_like(text)
        and not sentence_ends(text)
        and not furniture.INLINE_LINK_PREFIX.match(text)
    )


def _repeats_header_name(text: str, header_names: set[str]) -> bool:
    """A short line naming again a byline or agency of the header, in full or by its initials
    ("— EPA" under a story credited to "Example Press Agency")."""
    core = text.strip().lstrip("—–-•·").strip()
    if not core or len(words(core)) > REPEAT_MAX_WORDS:
        return False
    if _folded(core) in header_names:
        return True
    is_initials = core.isalpha() and core.isupper() and INITIALS_LENGTH[0] <= len(core) <= INITIALS_LENGTH[1]
    return is_initials and any(_initials(name) == core.casefold() for name in header_names)


def _initials(name: str) -> str:
    return "".join(word[0] for word in words(name) if word[:1].isalpha()).casefold()


def _folded(text: str) -> str:
    return " ".join(text.translate(_FOLD).casefold().split())


def _next_to_date_or_role(page: Page, indexes: list[int], k: int) -> bool:
    """A bare name is a byline when a date line is next to it, or a job line ("Staff Reporter")
    or the outlet's own name under it ("Ana Ruiz" over "Example Press Agency"): the author's
    place in the newsroom, as a byline block prints it."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(indexes) and page.lines[indexes[j]].reason is None:
            text = page.lines[indexes[j]].text
            if metadata.is_date_line(text) or (j == k + 1 and (metadata.is_role_line(text) or text in page.aliases)):
                return True
    return False


def headline_text(source: SourceText, headline: PageLine | None) -> str | None:
    if headline is None:
        return source.hints.title
    end = headline.keep_end if headline.keep_end is not None else headline.end
    return source.text[headline.start:end]


def page_date(page: Page, source: SourceText) -> str | None:
    """The date the page states: its markup, a date line, a byline line, an aggregator's source
    label, else the day's date shown above the headline, else the day a word processor's document
    was created."""
    stated = metadata.hint_date(source.hints)
    if stated is not None:
        return stated
    for line in page.lines:
        if line.role == "date":
            return metadata.parse_date(line.text)
    for line in page.lines:
        if line.role == "byline" and (stated := metadata.parse_date(line.text)) is not None:
            return stated  # "By Ana Ruiz · Friday, March 7, 2025"
    for line in page.lines:
        if line.reason == "source-label" and (stated := metadata.parse_date(line.text)) is not None:
            return stated  # an aggregator's "Source: Harbourline | 6 October 2025 | 4 min read"
    for line in page.lines:
        if line.reason == "masthead" and metadata.is_date_line(line.text):
            return metadata.parse_date(line.text)
    return metadata.parse_date(source.hints.created) if source.hints.created else None


def _is_personal_byline(line: PageLine) -> bool:
    """A byline line other than an agency's credit with its date ("Example Wire | May 3, 2031
    5:26 PM"), which names the wire and leaves its reporters to the sign-off."""
    return line.role == "byline" and metadata.credited_organisation(line.text) is None


def page_byline(page: Page, source: SourceText) -> tuple[str, ...]:
    """The authors the byline names; without a byline, the people a credit line under the
    headline names (a live blog's "Edited by Jo Bloggs, with reporting by Li Wei"): they are
    who wrote the page, and a citation should not lose them; else the reporters a wire story's
    sign-off names, when no byline names anyone or the only one is the agency's credit with
    its date ("Example Wire | May 3, 2031 5:26 PM")."""
    names: list[str] = []
    for line in page.lines:
        if line.role == "byline":
            names.extend(name for name in metadata.byline_names(line.text, page.outlet, bare=True) if name not in names)
    if not names:
        for credit in page.header_credits:
            names.extend(name for name in metadata.credit_names(credit, page.outlet) if name not in names)
    if not names and not any(_is_personal_byline(line) for line in page.lines):
        # A wire story without a byline signs off "(Reporting by Jo Bloggs; Editing by Li Wei)":
        # the reporter wrote it, the editor did not. "By Example Wire Staff" is a byline naming
        # nobody, and it says so: the sign-off does not overrule it.
        for credit in page.credits:
            names.extend(name for name in metadata.reporter_names(credit, page.outlet) if name not in names)
    names.extend(author for author in source.hints.authors if author not in names)
    return tuple(names)
