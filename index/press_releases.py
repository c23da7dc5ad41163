"""A company's press release as a newswire carries it: the issuer's standard sections after the
release's text.

A release closes with boilerplate the issuer prints under every release: "About Example Mining"
over the company's description (founded, headquartered, employees, output), a "Forward-looking
statements" disclaimer, and the wire's note of the issuer ("SOURCE Example Mining"), next to the
media contact and the end mark ("###") that ``index.block_rules.drop_press_back_matter`` and the
separator rule drop. The release's text says what the company announces; the boilerplate is
the same on every release and describes the company in general, so it is not the story.

The rules run only on a page that shows itself a release by such back matter (``is_release``):
elsewhere "About the author" or a subheading "About Ardell" belong to other rules or to the
article. ``drop_boilerplate`` runs with the block rules in ``index.cleaning``.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, PageLine, content, is_body_prose
from index.text_shape import ends_sentence, is_title_like, words

logger = logging.getLogger(__name__)

ABOUT_NAME_MAX_WORDS = 6
SOURCE_NAME_MAX_WORDS = 8
HEADING_MAX_WORDS = 10  # a section heading under the boilerplate ("Media contact", "Related Links")

# "About Example Mining", "About Example Mining Ltd.": the issuer's description follows. A
# capital after "About": "About the fund" is a subheading of the release's own text.
_ABOUT_ISSUER = re.compile(r"^About (?P<name>[A-ZÀ-Þ][\w&.’'-]*(?: [\w&.’'()-]+){0,%d})$" % (ABOUT_NAME_MAX_WORDS - 1))
_FORWARD_LOOKING_HEADING = re.compile(
    r"^(?:(?:(?:cautionary|special) (?:note|statement|language)s? (?:regarding|concerning|about|on|relating to) )?"
    r"forward[- ]looking (?:statements?|information)|safe harbou?r statement|cautionary (?:note|statement)s?)$",
    re.IGNORECASE,
)
# The disclaimer's opening without a heading: "This news release contains forward-looking
# statements ...", "Certain statements in this release are forward-looking ...".
_FORWARD_LOOKING_OPENING = re.compile(
    r"^(?:(?:this|the) (?:news |press )?(?:release|announcement)|"
    r"certain statements in this (?:news |press )?(?:release|announcement))"
    r"\b[^.]{0,60}?\bforward[- ]looking\b",
    re.IGNORECASE,
)
# The wire's note of who issued the release, "SOURCE" in capitals before the issuer's name:
# "SOURCE Example Mining". "Source: Reuters" is an aggregator's label (``metadata.via_source``).
_SOURCE_LINE = re.compile(r"^SOURCE (?P<name>[A-ZÀ-Þ][\w&.,’'() -]{1,80})$")
# A release's end mark: "###", "-30-", "- ends -", "ENDS".
_END_MARK = re.compile(r"^(?:#{3}|-\s*30\s*-|-?\s*ends\s*-?)$", re.IGNORECASE)


def is_release(page: Page) -> bool:
    """The page carries a release's back matter: a media contact or notes to editors, an end
    mark, or the wire's SOURCE line."""
    return any(
        line.reason == "press-back-matter" or _END_MARK.match(line.text) or is_source_line(line.text)
        for line in page.lines
        if not line.blank
    )


def is_source_line(text: str) -> bool:
    """"SOURCE Example Mining": the capitalised word, then a name in mixed case, no sentence."""
    match = _SOURCE_LINE.match(text.strip())
    return (
        match is not None
        and not match.group("name").isupper()  # "SOURCE OF THE RIVER FOUND" is a headline in capitals
        and len(words(match.group("name"))) <= SOURCE_NAME_MAX_WORDS
        and not ends_sentence(text)
    )


def drop_boilerplate(page: Page) -> None:
    """On a release, after its text has begun: the SOURCE line; "About <Issuer>" and the
    paragraphs under it when the first names the issuer; a forward-looking statements heading
    and its paragraphs, or the disclaimer paragraph alone."""
    if not is_release(page):
        return
    indexes = content(page)
    started = False
    for k, i in enumerate(indexes):
        line = page.lines[i]
        if not line.kept:
            continue
        if not started:
            started = is_body_prose(line.text)
            continue
        if is_source_line(line.text):
            line.reason = "release-boilerplate"
        elif _FORWARD_LOOKING_OPENING.match(line.text):
            line.reason = "release-boilerplate"
        elif _FORWARD_LOOKING_HEADING.match(line.text.rstrip(": ")) or _is_about_issuer(page, indexes, k):
            for j in [i, *_paragraphs_under(page, indexes, k)]:
                page.lines[j].reason = "release-boilerplate"


def drop_after_end_mark(page: Page) -> None:
    """A release's end mark ("ENDS", "###", "-30-") on a line of its own, once the release's text
    has begun, closes that text: the mark and what follows it (notes to editors, the media
    contact) are the issuer's back matter, however the page lays them out (a page saved from a
    word processor has no blank lines between its blocks for ``block_rules.drop_press_back_matter``
    to follow)."""
    started = False
    end_mark: int | None = None
    for i, line in enumerate(page.lines):
        if not line.kept:
            continue
        if started and _END_MARK.match(line.text.strip()):
            end_mark = i
            break
        started = started or is_body_prose(line.text)
    if end_mark is None:
        return
    for line in page.lines[end_mark:]:
        if line.kept:
            line.reason = "press-back-matter"


def _is_about_issuer(page: Page, indexes: list[int], k: int) -> bool:
    """"About Example Mining" over a paragraph that names Example Mining: the issuer's description."""
    match = _ABOUT_ISSUER.match(page.lines[indexes[k]].text.rstrip(": "))
    under = _paragraphs_under(page, indexes, k)
    return match is not None and bool(under) and match.group("name").rstrip(".") in page.lines[under[0]].text


def _paragraphs_under(page: Page, indexes: list[int], k: int) -> list[int]:
    """The kept paragraphs right under the heading at ``k``, up to the next heading or furniture."""
    under: list[int] = []
    for i in indexes[k + 1:]:
        line = page.lines[i]
        if not line.kept or line.role == "credit" or _is_heading(line):
            break
        under.append(i)
    return under


def _is_heading(line: PageLine) -> bool:
    return is_title_like(line.text) and len(words(line.text)) <= HEADING_MAX_WORDS
