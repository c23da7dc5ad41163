"""An e-mail newsletter archived as a web page: the editor's wrapping around its stories.

An issue opens with the editor greeting the reader ("Good morning. Jo here with your Monday
briefing: ..."), numbers itself ("Issue 412"), may add short items on other topics under a
heading of their own ("Also today"), and closes with a sign-off ("That's all for today. Just
reply to this email."), the editor's signature and the mailing's footer ("You are receiving this
because you signed up ..."). The stories inside are the article; this wrapping is not.

An issue may also number its stories ("1. STORM CLOSES THE PORT", "2. RATES HELD"): the page is
the story its headline heads, and the others are dropped once the header is known.

``line_reason`` is called by ``index.furniture.line_reason``; the rules that need neighbours
(``drop_signatures``, ``drop_news_digests``, ``drop_quizzes``) run with the block rules in ``index.cleaning``,
``drop_other_numbered_stories`` after the header.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, PageLine, content
from index.text_shape import is_title_like, without_quotes, words

logger = logging.getLogger(__name__)

SIGN_OFF_MAX_WORDS = 30
SIGNATURE_MAX_WORDS = 12  # "Jo Bloggs, editor of The Morning Note"
DIGEST_LABEL_MAX_WORDS = 8  # a short headline as the label: "Pool gets the go-ahead: ..."
DIGEST_MIN_ITEMS = 2
STORY_HEADING_MAX_WORDS = 12

_GREETING = r"(?:good (?:morning|afternoon|evening|day)|morning|evening|hello|hi|hey|greetings)"
_NEWSLETTER_WORDS = r"(?:briefing|newsletter|digest|bulletin|round-?up|update|dispatch|edition|issue|news)"
# The editor introducing the issue: "Good morning. Jo here with your Monday briefing: ...",
# "Hi, it's Jo here", "Hello and welcome to the Friday digest." Tested without the quotations of
# the line, so that a greeting someone says in the article ("'Good morning,' the captain said")
# is never the editor's.
_EDITOR_GREETING = re.compile(
    rf"^{_GREETING}(?:,? (?:everyone|all|again|readers|there))?[,.!]?\s+"
    r"(?:(?:(?:it[’']s|this is|I[’']m|I am)\s+)?(?-i:[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) here\b|"
    # Or presenting the issue's contents: "Good morning. Our lead today is ...", "Hello. In today's
    # briefing: ...", "Good morning. Here's what you need to know."
    r"(?:our (?:lead|top|main|big) (?:story )?(?:today|this (?:morning|evening|week))|"
    rf"in (?:today[’']s|this (?:morning[’']s |week[’']s )?|this) {_NEWSLETTER_WORDS}\b|"
    r"here(?:[’']s| is) (?:what you need to know|your \w+ (?:briefing|newsletter|digest|bulletin|round-?up)))|"
    rf"(?:and )?welcome(?: back)? to (?:the |this |your |today[’']s )?(?:[\w’'-]+ ){{0,4}}{_NEWSLETTER_WORDS}\b)|"
    rf"^welcome(?: back)? to (?:the |this |your |today[’']s )?(?:[\w’'-]+ ){{0,4}}{_NEWSLETTER_WORDS}\b",
    re.IGNORECASE,
)
# A greeting whose paragraph, after a sentence of news, presents the issue: "Good morning. The
# port reopened overnight. Here's what you need to know." The presenting sentence must follow in
# the same short paragraph, so "Good morning, the mayor said. ..." opening a report is no greeting.
_GREETING_THEN_PRESENTATION = re.compile(
    rf"^{_GREETING}[,.!]\s+.*[.!?]\s+here(?:[’']s| is) what you need to know\b", re.IGNORECASE
)
GREETING_PARAGRAPH_MAX_WORDS = 60
# The mailing asking to be passed on, opening its line: "Forward to a friend: know someone who ...".
_FORWARD_PROMPT = re.compile(r"^forward (?:this (?:e-?mail |newsletter )?)?to a friend\b", re.IGNORECASE)
# The issue's number, maybe with its reading time: "Issue 412", "Issue #38 | 6 min read".
_ISSUE_NUMBER = re.compile(
    r"^(?:issue|edition)\s*#?\s*\d{1,5}(?:\s*[|·•,-]\s*\d{1,3}\s*(?:min|mins|minutes?)(?:\s+read)?)?$", re.IGNORECASE
)
# The editor signing off by asking for a reply to the mail ("That's all for today. Got a tip?
# Just reply to this email.") or pointing to the next mail ("See you in your inbox tomorrow."). A
# live blog signs off too ("That's all from us today."), as an entry of its own, which is kept;
# a sentence that mentions replying ("residents were asked to reply to this email") does not
# open with the request.
_SIGN_OFF = re.compile(
    r"(?:^|[.!?]\s+)(?:just |simply )?(?:hit )?reply to this (?:e-?mail|newsletter|message|briefing)\b|"
    r"\b(?:see you|back) (?:again )?(?:tomorrow |next week |on \w+day )?in your inbox\b",
    re.IGNORECASE,
)
# The footer every mailing carries: why the reader got it and how to stop it.
_MAILING_FOOTER = re.compile(
    r"^(?:you(?:[’']re| are) receiving this|you (?:received|got) this (?:e-?mail|newsletter|message)|"
    r"this (?:e-?mail|newsletter|message) was sent to|(?:to|if you (?:no longer )?(?:want|wish|would like) to) "
    r"(?:unsubscribe|stop receiving (?:these|this))\b)",
    re.IGNORECASE,
)
# The issue's sponsor: "Today's briefing is supported by Example Bank, ...", "This newsletter is
# brought to you by ...". The subject is the mailing itself: "The festival is supported by the
# council" is the story's.
_SPONSOR = re.compile(
    rf"^(?:today[’']s|this (?:week[’']s|morning[’']s|evening[’']s)?|this)\s*(?:\w+ )?{_NEWSLETTER_WORDS}\s+(?:is|comes to you)\s+"
    r"(?:supported|sponsored|presented|brought to you|made possible|powered)\s+(?:by|in partnership with)\b",
    re.IGNORECASE,
)
# The mailing's own controls, items of an interface row (``index.furniture.is_interface_row``):
# "Manage your preferences | Unsubscribe", "View in browser | Forward to a friend".
MAILING_CONTROLS = (
    r"(?:unsubscribe|(?:manage|update) (?:your )?(?:e-?mail )?(?:preferences|subscriptions?)|forward to a friend|"
    r"view (?:this e-?mail )?in (?:your )?browser)"
)
# A heading over short items on other topics than the issue's story.
DIGEST_HEADINGS = re.compile(
    r"^(?:also (?:today|this (?:week|morning|evening)|in (?:the news|this (?:issue|edition)))|elsewhere today|"
    r"in other news|other (?:news|stories|headlines)|news in brief|the rest of the news|"
    r"what else (?:you need to know|is happening|happened))$",
    re.IGNORECASE,
)
# A newsletter's quiz: "YESTERDAY'S QUIZ", "Quiz of the week", "Today's quiz answer".
_QUIZ_HEADING = re.compile(
    r"^(?:(?:yesterday|today|this week|last week)[’']s (?:news )?quiz(?: answers?)?|quiz of the (?:day|week)|"
    r"(?:the )?(?:daily|weekly|news) quiz(?: answers?)?)$",
    re.IGNORECASE,
)
# A quiz's question or its answer.
_QUIZ_LINE = re.compile(r"\?|\banswers?\s*:|\bthe answer (?:is|was)\b", re.IGNORECASE)
# A story's heading in an issue that numbers its stories: "1. STORM CLOSES THE PORT", "2) Rates held".
_NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2})[.)]\s+\S")
# One item of such a digest: a short label, a colon and the item's text ("Weather: Showers ...").
_DIGEST_ITEM = re.compile(r"^[A-Z][^:.!?]*:\s+\S")


def line_reason(text: str) -> str | None:
    """"newsletter" for the editor's greeting, the issue's sponsor line, the issue number, a
    sign-off or the mailing's footer; None for anything else."""
    unquoted = without_quotes(text).strip()
    wrapping = (
        _EDITOR_GREETING.match(unquoted)
        or (_GREETING_THEN_PRESENTATION.match(unquoted) and len(words(text)) <= GREETING_PARAGRAPH_MAX_WORDS)
        or _FORWARD_PROMPT.match(unquoted)
        or _SPONSOR.match(unquoted)
        or _ISSUE_NUMBER.match(text.strip())
        or _MAILING_FOOTER.match(unquoted)
        or is_sign_off(text)
    )
    return "newsletter" if wrapping else None


def is_sign_off(text: str) -> bool:
    """The editor closing the issue ("That's all for today. Got a tip? Just reply to this email.")."""
    return len(words(text)) <= SIGN_OFF_MAX_WORDS and bool(_SIGN_OFF.search(without_quotes(text).strip()))


def drop_signatures(page: Page) -> None:
    """The editor's signature right under a sign-off ("Jo Bloggs, editor of The Morning Note"):
    a short line that is no sentence. Only there: elsewhere a name with a job is a byline."""
    indexes = content(page)
    for above, i in zip(indexes, indexes[1:]):
        line = page.lines[i]
        if (
            is_sign_off(page.lines[above].text)
            and line.kept
            and line.role != "credit"
            and is_title_like(line.text)
            and len(words(line.text)) <= SIGNATURE_MAX_WORDS
        ):
            line.reason = "newsletter"


def drop_news_digests(page: Page) -> None:
    """A digest of other news ("Also today" over "Pool gets the go-ahead: The council voted
    ...", "Weather: Showers ..."): the heading and the labelled items right under it, up to the
    next blank line, or over blank lines when the items are bulleted ("* Budget week: ..."), a
    list a plain-text mail sets one item to a paragraph. Two items at least; over a paragraph the
    heading is the article's."""
    lines = page.lines
    for i, heading in enumerate(lines):
        if heading.blank or not DIGEST_HEADINGS.match(heading.text.rstrip(": ")):
            continue
        items: list[int] = []
        for j in range(i + 1, len(lines)):
            if lines[j].blank and _bulleted_item_follows(lines, j):
                continue
            if not lines[j].kept or lines[j].role == "credit" or not _is_digest_item(lines[j].text):
                break
            items.append(j)
        if len(items) < DIGEST_MIN_ITEMS:
            continue
        for j in [i, *items]:
            lines[j].reason = "news-digest"


def _bulleted_item_follows(lines: list[PageLine], blank: int) -> bool:
    """The first line after the blank one at ``blank`` is a bulleted digest item."""
    following = next((line for line in lines[blank + 1:] if not line.blank), None)
    return following is not None and following.bulleted and following.kept and _is_digest_item(following.text)


def drop_quizzes(page: Page) -> None:
    """A newsletter's quiz ("YESTERDAY'S QUIZ" over "How long is the river? Answer: 214
    kilometres."): the heading and the lines right under it, up to the next blank line, when they
    ask a question or give its answer. Over a paragraph that does neither, a heading such as "The
    quiz" is the article's subheading."""
    lines = page.lines
    for i, heading in enumerate(lines):
        if not heading.kept or not _QUIZ_HEADING.match(heading.text.rstrip(": ")):
            continue
        block: list[int] = []
        for j in range(i + 1, len(lines)):
            if not lines[j].kept or lines[j].role == "credit":
                break
            block.append(j)
        if not any(_QUIZ_LINE.search(lines[j].text) for j in block):
            continue
        for j in [i, *block]:
            lines[j].reason = "newsletter"


def _is_digest_item(text: str) -> bool:
    label = text.split(":", 1)[0]
    return bool(_DIGEST_ITEM.match(text)) and len(words(label)) <= DIGEST_LABEL_MAX_WORDS


def drop_other_numbered_stories(page: Page, headline: PageLine | None) -> None:
    """An issue that numbers its stories ("1. STORM CLOSES THE PORT", "2. RATES HELD", ...) and
    whose headline is one of them: the page is that story, so the stories numbered after it are
    other news. Each is dropped from its numbered heading up to the issue's next furniture (a
    separator, the sponsor, the footer). Only on a newsletter, known by its wrapping (greeting,
    footer): elsewhere a numbered heading after the headline is a section of the article."""
    if headline is None or not any(line.reason == "newsletter" for line in page.lines):
        return
    number = _story_number(headline)
    if number is None:
        return
    expected = number + 1
    dropping = False
    for line in page.lines[page.lines.index(headline) + 1:]:
        if line.blank:
            continue
        if line.kept and _story_number(line) == expected:
            expected += 1
            dropping = True
        elif not line.kept:
            dropping = False
        if dropping and line.role != "credit":
            line.reason = "news-digest"


def _story_number(line: PageLine) -> int | None:
    """The number of a story's heading ("2. RATES HELD"): short, and no sentence."""
    match = _NUMBERED_HEADING.match(line.text)
    if match is None or not is_title_like(line.text) or len(words(line.text)) > STORY_HEADING_MAX_WORDS:
        return None
    return int(match.group("number"))
