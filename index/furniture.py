"""Rules that recognise page furniture in one line of text, independent of the page.

Each rule is general (a shape or a vocabulary of page furniture), never a string copied
from one seed page. ``line_reason`` returns the reason a line is furniture, or None. Tickers
live in ``index.tickers``, weather widgets in ``index.weather``, furniture that addresses the
reader (consent banners, prompts, ads) in ``index.reader_prompts``; the rules that need
neighbouring lines (lists under a heading, FAQ pairs, author boxes, captions, vertical menus)
in ``index.block_rules`` and ``index.author_cards``. The furniture of a few kinds of page has a
module of its own: newsletters (``index.mailings``), official notices (``index.official_pages``),
printed documents dumped to text (``index.printed_pages``), broadcasters' pages
(``index.broadcast_pages``), press releases on a newswire (``index.press_releases``), wiki
articles (``index.encyclopedia_pages``), transcripts (``index.transcripts``), podcast episodes
(``index.podcast_pages``), newspaper pages read by OCR (``index.ocr_columns``).
"""

from __future__ import annotations

import logging
import re

from index import (
    broadcast_pages,
    encyclopedia_pages,
    mailings,
    ocr_columns,
    official_pages,
    page_controls,
    podcast_pages,
    printed_pages,
    story_credits,
    transcripts,
)
from index.metadata import parse_date, via_source
from index.page_lines import CAPTION_MAX_WORDS
from index.reader_prompts import is_ad_line, is_affiliate_note, is_cookie_notice, is_prompt, is_self_promotion
from index.text_shape import ends_sentence, is_title_like, without_quotes, words  # passages imports ``words`` here
from index.tickers import is_ticker
from index.weather import is_weather_widget

logger = logging.getLogger(__name__)

# "Julián", "O'Meara", "McElligott"
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]{1,2}[A-ZÀ-ÖØ-Þ])?[a-zß-öø-ÿ]+(?:[’'-][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*$")

_BREADCRUMB_START = re.compile(r"^(?:current\s*:|you are here\s*:?|home\s*(?:>|»|›|/))", re.IGNORECASE)
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:>|»|›)\s")
# A menu or a news ticker written on one line: "Home | World | Business", "LATEST: A • B • C •",
# "Lima: ... /// Quito: ...". "/" counts only with spaces around it ("AP/Reuters" is one name).
_SEGMENT_SEPARATOR = re.compile(r"(?:^|\s+)(?:[|•·›»>]|/{1,3})(?=\s|$)")
_YEAR_OR_TIME = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b")
_TIME_OR_YEAR_ITEM = re.compile(r"\b\d{1,2}[:.]\d{2}\b|^(?:19|20)\d{2}$")
_BYLINE_ROLE = re.compile(r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|photographer)\b", re.IGNORECASE)
MENU_MIN_SEGMENTS = 3
MENU_ITEM_MAX_WORDS = 4  # "Privacy policy", "Climate Risk"
TICKER_ITEM_WORDS = (3, 12)  # each item of a headline ticker is itself a short headline
# Play, audio and video icons an interface puts before its label ("▶ Listen to this article",
# "🔊 Listen · 4 min"). Only these shapes: a leading "▼" or "▲" is a ticker's move, not a control.
_MEDIA_ICONS = re.compile(r"^[\s▶▷►▸▹⏵⏯⏩⏭⏺♪♫🔊🔉🔈🎧🎙🎤📻📺🎥📹\ufe0f]+")
# "Listen to this article · 3 min", "4 min read", and the label alone: "Reading time: 6 minutes".
_READING_TIME = re.compile(
    r"\s*[·•|,:-]?\s*(?:(?:estimated )?(?:reading|read|listening) time\s*:?\s*)?"
    r"\(?\d{1,3}\s*(?:min|mins|minutes?)(?:\s+(?:read|listen))?\)?$",
    re.IGNORECASE,
)
# A live-blog or breaking-news promo strip: "LIVE Floods: follow our live coverage".
_LIVE_PROMO = re.compile(
    r"^(?:live|live now|breaking|developing)\b.{0,100}?\b(?:follow|watch|read|see|get)\s+(?:our|the)\s+(?:live|latest)\b|"
    # "LIVE: Budget vote — watch the debate as it happens"
    r"^(?:live|live now)\b.{0,100}?\b(?:follow|watch)\s+(?:the|our|it)\b.{0,40}?\b(?:live|as (?:it|they) happens?)\b|"
    r"^[▶►]?\s*(?:listen|watch|tune in)\s+(?:live|now)\b",  # "▶ Listen live: Harbour FM"
    re.IGNORECASE,
)
# The outlet's pointer to its live page at the foot of an article, in a sentence put to the reader:
# "Follow our live coverage of the floods for the latest updates." A report says whose coverage
# was followed ("Viewers followed the live coverage").
_LIVE_POINTER = re.compile(r"^(?:follow|read|see|watch|get) (?:all )?our live (?:coverage|blog|updates|reporting)\b", re.IGNORECASE)
LIVE_POINTER_MAX_WORDS = 40
# A comment counter, maybe with its call to join in: "14 comments · Have your say", "View comments (8)";
# or the state of the comments in its place: "Comments are closed on this live blog." (only about
# "this" page: "Comments are closed on the planning application" is the article's).
_COMMENT_COUNT = re.compile(
    r"^(?:(?:view|show|read|see)\s+(?:all\s+)?)?(?:\d[\d,]*\s+(?:comments?|replies|responses)|comments?\s*\(\d[\d,]*\))"
    r"(?:\s*[·|•:–—-]?\s*(?:join the (?:conversation|discussion|debate)|have your say|add (?:a|your) comment|"
    r"(?:leave|post|write) a comment|comment now|(?:show|view|read|hide) (?:all )?comments))?\s*[›»→]?$|"
    r"^(?:comments|commenting) (?:are|is|have been|has been) (?:now )?(?:closed|disabled|switched off|turned off)"
    r"(?: (?:on|for|under) this (?:article|story|post|page|blog|live ?blog|live page|live coverage))?\.?"
    # and the pointer to the rules for commenting that may follow: "Read our community guidelines."
    r"(?:\s+(?:read|see|view|check) (?:our|the) (?:community (?:guidelines|standards|rules)|house rules|"
    r"comments? (?:policy|guidelines|rules)|commenting (?:policy|guidelines|rules))\.?)?$",
    re.IGNORECASE,
)
# What readers send in, as the labels of their contributions name it.
_READER_PIECES = r"(?:updates?|views?|stories|story|messages?|experiences?|submissions?|contributions?|posts?)"
# A reader's contribution under its label, as live blogs and comment sections print them:
# "Reader update: Jo, 80, from Leeds writes: ...", "Your stories: ...", "Readers' views: ...".
# The outlet's own answers to readers ("Your questions answered: ...") are not in the list.
_READER_SUBMISSION = re.compile(
    r"^(?:reader|readers[’']?|reader[’']s|your|viewer|viewers[’']?|listener|listeners[’']?)\s+"
    rf"(?:comments?|{_READER_PIECES})\s*:\s*\S",
    re.IGNORECASE,
)
# The label of a reader's contribution alone on its line, the contribution under it: "From a
# reader", "From our readers", "Readers' stories". A block rule drops the text it labels.
READER_LABEL = re.compile(
    r"^(?:from (?:a|our) (?:readers?|viewers?|listeners?)|"
    rf"(?:reader|readers[’']?|reader[’']s|viewer|listener)\s+{_READER_PIECES})\s*:?$",
    re.IGNORECASE,
)
# A live page's state, which the page prints in place of new entries: "This live page is no
# longer being updated.", "This blog has now ended." Only about "this" page or "our" coverage:
# "The register is no longer updated, the auditor said" is the article's.
_LIVE_PAGE_STATE = re.compile(
    r"^(?:this|our) (?:live (?:page|blog|coverage|feed|report)|live ?blog|blog|page|coverage) "
    r"(?:is|has) (?:no longer (?:being )?updated|(?:now )?(?:closed|ended|finished))\.?$|"
    r"^we(?:[’']re| are) no longer updating this (?:live )?(?:page|blog|coverage)\.?$",
    re.IGNORECASE,
)
# A platform disclaiming what it links to or republishes, as footers word it: "Example is not
# responsible for the content of external sites." An article's sentence about who answers for
# what ("the council is not responsible for the content of the leaflets") names no outside sites.
_DISCLAIMER = re.compile(
    r"\b(?:is|are) not responsible for the content of (?:external|third[- ]party|linked|other) "
    r"(?:internet )?(?:sites|websites|web sites|pages|links|publishers|sources)\b",
    re.IGNORECASE,
)
# An aggregator's note on whose stories it shows, a sentence with the platform's name for its
# subject: "Example gathers stories from 300 partner publishers.", "Example does not edit partner
# content.", or in the passive: "Stories are published as received." A report about a platform
# says who said so or goes on ("Example does not edit partner content, its owner says"), a
# lowercase subject ("The app shows stories from ...") is prose, and a paragraph about the
# platform has other sentences: every sentence of the line must be such a note. The note may add
# on what terms it carries a source: "Example Wire content is used under licence."
_PLATFORM_NAME = r"(?-i:[A-Z][\w&’'-]*)(?: (?-i:[A-Z][\w&’'-]*)){0,3}"
_AGGREGATOR_NOTE = re.compile(
    rf"^(?:{_PLATFORM_NAME} (?:"
    r"(?:aggregates|shows|gathers|collects|curates|brings together|features) (?:[\w,]+ ){0,3}?"
    r"(?:headlines|stories|articles|news|content) from [^.!?]{0,60}?\b(?:partners|publishers|sources|outlets|newsrooms|(?:web ?)?sites)|"
    r"(?:does|do) not (?:edit|endorse|verify|check|review|moderate|alter|change) (?:(?:its|our|the) )?"
    r"(?:partner|partners[’']|third[- ]party|external|syndicated) (?:content|stories|articles|headlines))|"
    r"(?:partner )?(?:stories|articles|headlines|content) (?:is|are) (?:published|shown|displayed|reproduced) "
    r"(?:as received|unedited|without (?:editing|changes))|"
    rf"{_PLATFORM_NAME} (?:content|stories|articles|reports|material) (?:is|are) (?:used|published|reproduced|republished|carried) "
    r"(?:under (?:licen[cs]e|a licen[cs]e)|with permission))\.$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
DISCLAIMER_MAX_WORDS = 40
# A site's statement on its own accessibility, as footers print it: "This website meets
# accessibility standard WCAG 2.2 AA.", "Our portal conforms to the Web Content Accessibility
# Guidelines." Only about "this" or "our" site, and with no comma before the full stop: "Our
# website meets every accessibility standard, the council said" is a report of what someone said.
_ACCESSIBILITY_STATEMENT = re.compile(
    r"^(?:this|our) (?:web ?site|site|portal|web ?pages?|pages?|app|online service)(?: \w+){0,2}? "
    r"(?:meets|complies with|conforms to|is designed to meet|aims to meet|follows|fulfils|satisfies|is compliant with)\b"
    r"[^,;]{0,80}?\b(?:accessibility|wcag|web content accessibility guidelines)\b[^,;]{0,40}\.$",
    re.IGNORECASE,
)
# The date of the last accessibility audit that follows the statement: "Last checked: 12 October 2027."
_AUDIT_DATE = re.compile(r"^last (?:checked|reviewed|tested|audited|updated)(?: on)?\s*:?\s*[\w ,]{4,30}\.?$", re.IGNORECASE)
# The outlet pointing at its own rules of journalism: "Our standards: The Example Trust Principles.",
# "Editorial guidelines", "This story follows our editorial code". An article's sentence about
# someone's standards ("Our standards of care slipped, the matron said") has no label shape.
_STANDARDS = re.compile(
    r"^(?:our|editorial|journalistic|newsroom)\s+(?:editorial\s+)?(?:standards|principles|guidelines|values|ethics|"
    r"code of (?:practice|conduct|ethics)|corrections policy)\s*(?::.*|\.)?$|"
    r"^(?:the\s+)?(?:[A-Z][\w&.’'-]*\s+){0,4}trust principles\.?$|"
    r"^(?:learn (?:more )?about|read|see) our (?:editorial )?(?:standards|principles|guidelines|ethics|corrections policy)\b|"
    r"\b(?:in (?:line|accordance) with|under|follows) our (?:editorial )?(?:standards|guidelines|principles|code)\b",
    re.IGNORECASE,
)
STANDARDS_MAX_WORDS = 25
# A wire story's note on what its update changed, in brackets under the headline: "(Adds union
# comment in paragraph 9)", "(Updates with closing prices)", "(Recasts, adds analyst quote)".
_REVISION_NOTE = re.compile(
    r"^\((?:adds|updates|recasts|rewrites|corrects|changes|fixes|refiles|removes|clarifies)\b[^()]{0,150}\)$", re.IGNORECASE
)
# The outlet's note that it changed this page after publishing it: "This article was updated at
# 06:40 to correct the depth of the chamber.", "This story has been amended since it was first
# published." Only about "this" page, and with the earlier version it may describe: a report of
# someone else's revision says who said so ("This report was amended in May, the ministry said").
_UPDATE_NOTE = re.compile(
    r"^this (?:article|story|page|post|piece|report|live ?blog) (?:was|has been|had been) (?:last |since |later )?"
    r"(?:updated|amended|corrected|revised|changed|edited)\b[^!?]{0,200}$",
    re.IGNORECASE,
)
_EARLIER_VERSION = re.compile(r"^(?:an earlier|a previous|the previous|the original|an older) version\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
UPDATE_NOTE_MAX_WORDS = 60
# A label and a web address, nothing else: "Read the full story: example.org/storm",
# "Original: https://example.org/2033/05/storm", "[1]: https://example.org/authors/jo". A link,
# never text of the article; an address without "www." or a scheme needs its path ("jo.bloggs" is
# no address).
_LABELLED_ADDRESS = re.compile(
    r"^(?:\[[^\]\s]{1,20}\]|[A-Z][\w’' -]{0,40}?)\s*:\s*"
    r"<?(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}/\S*)>?$"
)
LABELLED_ADDRESS_LABEL_MAX_WORDS = 6
# "Tags: dams, Argentina, floods" / "Filed under: Politics, Europe"
_TAG_LIST = re.compile(r"^(?:tags?|topics?|keywords|filed under|categor(?:y|ies)|related topics)\s*:\s*(?P<items>.+)$", re.IGNORECASE)
TAG_LIST_MAX_WORDS = 25
# A row of hashtags, maybe under a label: "Trending:  #HarbourFire  #Budget2026  #CupFinal".
_HASHTAG_ROW = re.compile(r"^(?:[A-Z][\w ’']{0,30}:\s*)?#\w+(?:[\s,·•|]+#\w+)+$")
_VOTE = re.compile(r"^[^\s()]{1,20}!?\s*\(\d+\)$")
# A poll's question under its label: "Poll: Should the ferry run on Sundays?", "Quick poll: ...?".
_POLL_QUESTION = re.compile(r"^(?:(?:quick|reader|readers[’']?|today[’']s|our) )?poll\s*:\s*\S.{0,200}\?$", re.IGNORECASE)
# A poll's answers with their shares ("Yes 64%   No 36%", "Agree 52% · Disagree 41% · Not sure 7%")
# and, when it shows its results, the vote count: "(2,310 votes)".
_POLL_OPTION = r"[^\W\d][\w’' -]{0,30}?\s*\d{1,3}(?:[.,]\d{1,2})?\s?%"
_POLL_OPTIONS = rf"{_POLL_OPTION}(?:\s*[|·•/,]?\s*{_POLL_OPTION})+"
_POLL_OPTIONS_LINE = re.compile(rf"^{_POLL_OPTIONS}$")
_POLL_RESULTS = re.compile(rf"^{_POLL_OPTIONS}\s*[|·•,]?\s*\(?\d[\d,.]*[KkM]?\s+(?:votes?|responses)\)?$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\bcopyright\s*(?:\(c\)|©)?\s*\d{4}|\(c\)\s*\d{4}|\ball rights reserved\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s_=*~•·#—–-]{3,}$")
# Share/save/print tools, several to a line: "Gift this article  Save  Print", "Share this:".
# "Share", "Share this entry": the share button, in a row of tools or alone among controls.
_SHARE = r"share(?: this(?: article| story| page| post| entry| update)?)?"
_TOOL = (
    rf"(?:{_SHARE}(?: (?:on|via) [\w.]+)?|save(?: (?:this )?article)?|print|"
    r"gift(?: this)? (?:article|story)|e-?mail|copy link|bookmark|comments?|facebook|x|twitter|whatsapp|linkedin|"
    r"reddit|messenger|telegram|pinterest|flipboard|threads|bluesky)"
)
_TOOL_LINE = re.compile(rf"^{_TOOL}(?:\s*[:|·•,/]?\s*{_TOOL})*\s*:?$", re.IGNORECASE)
_IMAGE_CREDIT = re.compile(
    r"^(?:photo|image|picture|file photo|photograph|photography|credit|source|video)s?\s*(?::|/|by\b)|"
    r"\((?:photo|image|file photo)s?\s*(?::|by\b)[^)]*\)$|"
    r"(?:getty images|afp via getty images|shutterstock|ap photo/[^)]*|reuters/[^)]*)\)?$|"
    # A caption sentence that ends with its credit: "... in Dublin. File photograph: Ann Lee/Example".
    r"[.!?]\s+(?:file\s+)?(?:photo|photograph|picture|image)s?\s*:\s*[^.]{1,60}$",
    re.IGNORECASE,
)
# The credit of a drawn picture, a line of its own under it: "Illustration by Ann Lee",
# "Graphic: Li Wei/Example". "Illustrations by local children hang in the hall." is a sentence.
_ARTWORK_CREDIT = re.compile(r"^(?:illustration|graphic|artwork|drawing|cartoon|animation)s?\s*(?::|by\b)\s*\S", re.IGNORECASE)
ARTWORK_CREDIT_MAX_WORDS = 12
_TRACKING = re.compile(r"^[a-z0-9 :._/-]+$")
# Words that join a phrase of language; code-like leftovers ("date 2023-12-07 fbpx", "16/11/2026")
# have none, a subheading that opens with a figure ("60 million euros for flood walls") has one.
_FUNCTION_WORDS = frozenset(
    "a an the of for to in on at by with from into over under and or but as than per after before against".split()
)
# A live-blog entry's time stamp alone on its line: "19:47", "6:05 pm", "12m ago", "1h ago",
# "3 hours ago". Kept or dropped by its neighbours (``block_rules.drop_stray_time_stamps``).
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?"
_LONE_TIME = re.compile(
    rf"^(?:{_CLOCK}|\d{{1,3}}\s?(?:s|m|h|d|secs?|mins?|hrs?|seconds?|minutes?|hours?|days?)\s+ago)$", re.IGNORECASE
)
# The title may open with a count and a word ("19:40  38 ambulances diverted"), not with a
# second number alone ("10:00 11:30", "19:47 2-1").
_TIMED_TITLE = re.compile(rf"^(?P<time>{_CLOCK})\s+(?P<title>(?:\d[\d,.]*\s+)?[^\d\s].*)$", re.IGNORECASE)
# A time and a date with nothing else, as an embedded social-media post signs off:
# "6:28 PM · Mar 14, 2026", "14 March 2026, 21:05".
_DATE_WORDS = r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
_TIMED_DATE = re.compile(rf"^(?:{_CLOCK}\s*[·•|,-]?\s*{_DATE_WORDS}|{_DATE_WORDS}\s*[·•|,-]?\s*{_CLOCK})$", re.IGNORECASE)
# A reader's comment signed above its text: "jo_b | 3 Mar, 07:52", "Ana Ruiz · 2 hours ago",
# "K. Olsen | March 3, 2027 at 7:52 pm". A byline has the same shape ("Jo Bloggs | 3 June 2026"),
# so the signature counts only inside a comment thread (``block_rules.drop_comment_teasers``).
_MONTH = r"(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?"  # "3 things" is no date
_COMMENT_WHEN = (
    rf"(?:(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}})(?:,? \d{{4}})?(?:,? (?:at )?{_CLOCK})?|"
    rf"(?:today|yesterday),? (?:at )?{_CLOCK}|{_CLOCK}|"
    r"\d{1,3} ?(?:m|h|d|mins?|hrs?|minutes?|hours?|days?) ago)"
)
_COMMENT_SIGNATURE = re.compile(rf"^(?P<handle>[^\s|·•][^|·•]{{0,30}}?)\s*[|·•]\s*{_COMMENT_WHEN}$", re.IGNORECASE)
COMMENT_HANDLE_MAX_WORDS = 3
# The link from a comments teaser to the thread: "Read all comments", "View 214 comments", "See the replies".
_COMMENTS_CONTROL = r"(?:read|view|see|show|load) (?:all |the |more )?(?:\d[\d,]* )?(?:comments|replies|responses)"
_COMMENTS_CONTROL_LINE = re.compile(rf"^[‹«←]?\s*{_COMMENTS_CONTROL}(?:\s*\(\d[\d,]*\))?\s*[›»→]?$", re.IGNORECASE)
# One control of a page's interface, maybe with its count ("4,812", "2.1K likes", "Comments (3)",
# "Next ›"): the items of a row such as "Sign in | Register" or "412 reposts   2.1K likes".
_INTERFACE_WORD = (
    rf"(?:view|{_SHARE}|print|comments?|menu|search|close|back to top|"
    # A page's skip links for keyboard and screen-reader users: "Skip to content", "Jump to navigation".
    r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|search|menu)|"
    r"listen(?: to (?:this |the )?(?:article|story))?|save|save article|e-?mail|tweet|"
    r"facebook|twitter|x|whatsapp|linkedin|copy link|follow|reply|replies|open in app|"
    r"(?:get|download|install|open) (?:the|our) (?:[\w-]+ ){0,2}app|"  # "Get the Example app", beside "Sign in"
    r"toggle navigation|sign in|sign up|log in|log out|register|subscribe|create (?:an? )?(?:free )?account|"
    # "Load more posts", "View all decisions": a list's control, whatever the list holds.
    r"(?:show|load|see|view) (?:more|all|less|older|newer|earlier|later|previous)(?: [a-z]{3,}s)?|"
    # A media player's controls under its clip: "Video transcript available", "Subtitles: on".
    r"(?:video|audio) transcript(?: available)?|transcript available|(?:show|read|view|open) (?:the )?transcript|"
    r"(?:subtitles|captions|closed captions|audio description)\s*:?\s*(?:on|off)|"
    # A mailing's controls ("Unsubscribe"), a site's search box named after its address ("Search example.org").
    rf"{mailings.MAILING_CONTROLS}|search (?:this site|[\w-]+(?:\.[\w-]+)+)|"
    rf"{_COMMENTS_CONTROL}|"
    r"show (?:\d+ )?new (?:posts|updates|entries)|show key (?:events|moments|posts|updates) only|"
    # An article's text-size control: "Text size A A A", "Font size A- A+".
    r"(?:text|font) size(?:\s+(?:a[+-]?|[+-]))*|"
    r"auto-?refresh(?:\s*:?\s*(?:on|off))?|reload|refresh|expand|collapse|enlarge|full ?screen|gallery|(?:view|open) (?:the )?gallery|next|previous|prev|pinned|live|"
    r"likes?|reposts?|retweets?|shares?|views|view on [A-Z][\w.]*|"
    # A blogging platform's label over the passage its readers highlighted most.
    r"top highlight)"
)
# Orderings of a feed: interface only beside another control ("Sort by:  Latest  Oldest",
# "Newest first | Oldest first"); a lone "Latest" heads a list of links.
# The label may share its item with the first ordering: "Sort: Newest first | Oldest first",
# "Show: Newest first | Oldest first", "Order: Oldest first | Newest first".
_SORT_WORD = (
    r"(?:sort(?: by)?:?|(?:(?:sort(?: by)?|order(?: by)?|show)\s*:?\s*)?(?:latest|oldest|newest|(?:show )?(?:latest|oldest|newest|most recent) first|"
    r"most recent))"
)
_COUNT = r"\d[\d,.]*[KkM]?"
# A control's count ("Comments (3)") or a clip's length ("Listen (12:34)") in brackets after it.
# A gallery's count of its pictures: "Open the gallery (12 photos)".
_CONTROL_COUNT = r"\((?:\d[\d,]*(?: (?:photos|pictures|images|slides))?|(?:\d{1,2}:)?\d{1,2}:\d{2})\)"
# Arrows drawn with the signs of a plain keyboard too: "< Previous | Next >".
_INTERFACE_ITEM = re.compile(
    rf"^[‹«←<]?\s*(?:{_COUNT}\s+)?(?:{_INTERFACE_WORD})(?:\s*{_CONTROL_COUNT})?\s*[›»→>]?$|^{_COUNT}$", re.IGNORECASE
)
_SORT_ITEM = re.compile(rf"^{_SORT_WORD}$", re.IGNORECASE)
# A separator with wide spacing on both sides ("Sign in  |  Register") is one separator too.
_INTERFACE_ITEM_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s{2,}|\t")
# A link to download a file, with its size: "Download PDF (298 KB)", "Read the full report (PDF, 2.1 MB)".
_DOWNLOAD_LINK = re.compile(
    r"^(?:download|view|open|read|get)\b[^.!?()]{0,60}\((?:[a-z]{2,5}\s*[,·|-]?\s*)?\d[\d.,]*\s*(?:kb|mb|gb|kib|mib)\)$",
    re.IGNORECASE,
)
# A gallery's slide counter: "1 of 12", "3 / 8", "Image 3 of 12", "Slide 2/9".
_SLIDE_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|photograph|slide)\s+)?(?P<number>\d{1,3})\s*(?:of|/)\s*(?P<total>\d{1,3})$", re.IGNORECASE
)
# One control of a gallery: open, enlarge, step, start the slides again.
_GALLERY_CONTROL_WORD = (
    r"[‹«←]?\s*(?:(?:view|open) (?:the )?gallery|gallery|expand|enlarge|full ?screen|next|previous|prev|"
    r"start (?:again|over)|replay|restart)\s*[›»→]?"
)
# A control alone, or the two step controls side by side ("Previous Next", "‹ Prev | Next ›"), or
# the note that closes a slideshow ("You have reached the end of this gallery.").
_GALLERY_CONTROL = re.compile(
    rf"^{_GALLERY_CONTROL_WORD}(?:\s*[|·•/]?\s*{_GALLERY_CONTROL_WORD})?$|"
    r"^(?:you(?:[’']ve| have) (?:reached|come to) the end of (?:this|the) (?:gallery|slide ?show|photo ?story)|"
    r"end of (?:the )?(?:gallery|slide ?show))[.!]?$",
    re.IGNORECASE,
)
# An embedded post's author line: "Ida Lund @ida_lund", "@harbourpolice · 09:12".
_SOCIAL_HANDLE = re.compile(
    rf"^(?:[A-ZÀ-Þ][\w’'.-]*\s+){{0,3}}@\w{{2,30}}(?:\s*[·•|]\s*(?:{_CLOCK}|\d{{1,2}}[hm]|{_DATE_WORDS}))?$"
)
# An editor's placeholder for something the scraper could not show: "[Embedded post]", "[Video]",
# and with a note on where to see it: "[Embedded post - view on Chatter]".
_PLACEHOLDER = re.compile(
    r"^\[(?:embedded|embed|video|audio|image|photo|gallery|graphic|chart|map|interactive|poll)\b[\w ]{0,30}"
    r"(?:\s*[–—:-]\s*[\w .’']{1,40})?"
    r"(?:\s*[,·|]\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?\]$",  # the clip's length: "[Video, 0:41]"
    re.IGNORECASE,
)
# A scraper's placeholder for a picture or a clip with its caption after it on the same line:
# "[Photo] Divers search the harbour on Sunday. ...", "[Video] "It was like a wall of water," a
# diver tells Example TV." The placeholder says what the text describes: a clip's soundbite is
# the player's, and the article quotes in its own paragraphs what it wants to keep.
_PLACEHOLDER_CAPTION = re.compile(
    r"^\[(?:photo|image|picture|photograph|gallery|graphic|video|audio|clip)s?\b[\w ]{0,30}\]\s*\S", re.IGNORECASE
)

LINK_LIST_HEADINGS = re.compile(
    r"^(?:related(?: (?:articles|stories|posts|news|coverage|content|topics|notices|links|(?:press |media |news )?releases))?|read more|"
    r"more to read|read next|also read|read also|ranking|rankings|recommendations?|recommended(?: for you| stories| reading)?|"
    r"top (?:articles|stories|news)|latest(?: (?:posts|news|stories|articles))?|tags|topics|"
    r"you (?:may|might) also like|(?:more from|also on) [\w .&’'-]{1,40}|more on this (?:story|topic)|more stories|"
    # "More long reads", "More features", "More in Science": a section's other stories; "More in
    # common" (a subheading in lowercase) is not a section name.
    r"more (?:long reads|long-reads|longreads|reads|features|analysis|explainers|opinion|videos|podcasts|galleries|"
    r"fact[- ]?checks)|"
    r"more in (?-i:[A-Z][\w&’'-]*(?: [A-Z&][\w&’'-]*){0,3})|"
    # "Most read", "Most popular on Example Today": the site's own list, maybe with its name.
    r"most (?:read|popular|viewed|shared)(?: (?:on|in|at) [\w .&’'-]{1,40})?|trending(?: now| stories)?|popular(?: now)?|see also|"
    r"editor[’']?s picks|don[’']t miss|what to read next|further reading|in other news|"
    r"explore more|more news|around the web|"
    # A page's list of addresses under its own heading: "Links", "External links" (a Markdown
    # export closes with its reference list there).
    r"(?:external |useful )?links)$",
    re.IGNORECASE,
)
# The heading of a site's ranking of its own stories, maybe with the site's name or a period:
# "Trending on Example", "Most shared this week", "Popular today". It is dropped only over
# headlines numbered from 1 (``block_rules.drop_ranked_lists``): over a paragraph, "Trending on
# Weibo" may be the article's subheading.
RANKING_HEADINGS = re.compile(
    r"^(?:trending|popular|most (?:read|popular|viewed|shared|watched|commented|emailed))"
    r"(?: (?:now|right now|today|this week|stories))?(?: (?:on|in|at) [\w .&’'-]{1,40})?$",
    re.IGNORECASE,
)
# The heading of a teaser for the readers' comments under an article.
COMMENT_HEADINGS = re.compile(
    r"^(?:have your say|(?:readers?[’']? )?comments|your (?:comments|views)|"
    r"what (?:our )?readers (?:say|think|are saying)|join the (?:conversation|discussion|debate))$",
    re.IGNORECASE,
)
# "FAQ", "People also ask", and with a topic: "Frequently asked questions about fire safety",
# "FAQ: Tides and storm surges". The topic is a phrase, never a sentence ("FAQ: it says nothing.").
_FAQ_TOPIC = r"[\w’'-]+(?: [\w’'-]+){0,5}"
FAQ_HEADINGS = re.compile(
    rf"^(?:faqs?|frequently asked questions|people also ask|common questions)(?: (?:about|on) {_FAQ_TOPIC}|\s*[:–—-]\s*{_FAQ_TOPIC})?$",
    re.IGNORECASE,
)
# The back matter of a press release, headings alone on their line after the release's text: whom
# journalists or the public may call ("Media contact:", "Contacts", "For press enquiries") and the
# background notes for editors ("Notes to editors:"), boilerplate about the issuer and the photos.
# Not "Editor's note": a newspaper prints its corrections and context under that one.
# A report or an official site closes the same way, with its address and the terms of its use
# under one heading: "Contact and legal notice", "Legal notice", "Imprint", and its disclaimer of
# liability under "Disclaimer".
PRESS_BACK_MATTER_HEADINGS = re.compile(
    r"^(?:(?:media|press) (?:contacts?|enquiries|inquiries|information)|contacts? for (?:the )?(?:media|press|journalists)|contacts|"
    r"for (?:media|press) (?:enquiries|inquiries|information)(?:,? (?:please )?contact)?|notes? (?:to|for) editors|"
    r"(?:contacts? and )?legal (?:notices?|information)|imprint|disclaimers?)$",
    re.IGNORECASE,
)
# The heading of a box of facts a newsroom sets inside its article: "Key facts", "Fact box: the
# Orm dam", "At a glance". Its short bulleted lines ("- Built: 1961", "- Height: 84 metres") are
# the article's summary, not links, though a run of bulleted short lines is usually links.
# A timeline ("Timeline", "Key dates") is such a box too, its lines dated ("- 19 January: ..."),
# and so is a box of figures ("The strike in numbers", "By the numbers": "- 22 trapped").
FACT_BOX_HEADINGS = re.compile(
    r"^(?:key facts|quick facts|fast facts|the facts|facts and figures|fact ?box|fact ?file|at a glance|"
    r"timeline|key dates|chronology|(?:[\w’'-]+ ){0,4}(?:in numbers|in figures|by the numbers))"
    r"(?:\s*[:–—-]\s*[^.!?]{1,60}| (?:about|on) [^.!?]{1,60})?$",
    re.IGNORECASE,
)
_AUTHOR_BOX_HEADING = (
    r"(?:article information|author information|about the author|author details|author profile|"
    r"about the writer|about the reporter|author bio)"
)
AUTHOR_BOX_HEADINGS = re.compile(rf"^{_AUTHOR_BOX_HEADING}$", re.IGNORECASE)
# Heading and bio on one line: "About the author: Jo Bloggs is a reporter who loves ..."
AUTHOR_BOX_INLINE = re.compile(rf"^{_AUTHOR_BOX_HEADING}\s*[:—–-]\s*\S", re.IGNORECASE)
# The first words of an author bio: a name, then "is/was/has/covers/writes ...".
_AUTHOR_BIO_START = re.compile(
    r"^[A-ZÀ-Ý][\w’'.-]*(?:\s+[A-ZÀ-Ý][\w’'.-]*){1,3}\s+(?:is|was|has|covers|writes|reports|joined)\b"
)
AUTHOR_BIO_MAX_WORDS = 80
# A journalist's bio without a heading: a name, a newsroom job, then the person's life, career
# or contact ("Jo Bloggs is the Courier's health correspondent. She joined ... and loves ...",
# "Jo Bloggs is markets editor at the Post. Contact: jo@example.com").
_JOURNALIST_START = re.compile(
    r"^[A-ZÀ-Ý][\w’'.-]*(?:\s+[A-ZÀ-Ý][\w’'.-]*){1,3}\s+(?:is|was)\s+(?:(?:the|a|an|our)\b)?[^.]{0,60}?"
    r"\b(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|producer|photographer)\b"
)
_PERSONAL_LIFE = re.compile(
    r"\b(?:loves|enjoys|lives (?:in|with)|in (?:his|her|their) spare time|when (?:he|she|they)(?:[’']s| is| are) not|"
    r"when (?:he|she|they) (?:isn[’']t|aren[’']t)|joined (?:the paper|the team|us)|before joining|"
    r"follow (?:him|her|them) on)\b|\b(?:contact|e-?mail)\s*:|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)
AUTHOR_BOX_KEYS = {
    "author", "name", "birthday", "born", "address", "phone", "telephone", "email", "e-mail", "job",
    "occupation", "hobby", "hobbies", "introduction", "bio", "last updated", "updated", "views",
    "rating", "reviews", "website", "location", "joined", "education", "twitter", "gender", "age",
}
_KEY_VALUE = re.compile(r"^([A-Za-z][A-Za-z -]{0,24}?)\s*:\s*(.*)$")
INLINE_LINK_PREFIX = re.compile(
    r"^(?:also (?:on|read|see)\b|read (?:more|also|next)\b|see also\b|related\s*:|more\s*:|watch\s*:|"
    r"listen\s*:|recommended\s*:)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\bcontributed(?: (?:to|reporting|writing|research))?(?: (?:to )?(?:this|the) (?:report|story|article))?\b"
    r"|\badditional (?:reporting|editing|writing|research)\b|^\(?(?:reporting|editing|writing|written|edited) by\b",
    re.IGNORECASE,
)


def is_credit(text: str) -> bool:
    """A line saying who wrote, reported, edited or contributed ("... contributed to this report")."""
    return bool(CREDIT.search(text)) and len(words(text)) <= 40


def key_value(text: str) -> tuple[str, str] | None:
    match = _KEY_VALUE.match(text)
    if match is None:
        return None
    return match.group(1).strip().lower(), match.group(2).strip()


def is_author_box_field(text: str) -> bool:
    pair = key_value(text)
    return pair is not None and pair[0] in AUTHOR_BOX_KEYS


def is_author_bio(text: str) -> bool:
    """A paragraph that introduces the author ("Jo Bloggs is a reporter who ...")."""
    return bool(_AUTHOR_BIO_START.match(text)) and len(words(text)) <= AUTHOR_BIO_MAX_WORDS


def is_journalist_bio(text: str) -> bool:
    """A bio of the page's journalist in the article's column: a newsroom job and a personal
    note. A profile of someone in the story ("Tomás Reyes is a fisherman who ...") is not one."""
    return (
        bool(_JOURNALIST_START.match(text))
        and bool(_PERSONAL_LIFE.search(text))
        and len(words(text)) <= AUTHOR_BIO_MAX_WORDS
    )


def is_bio_of(text: str, names: tuple[str, ...]) -> bool:
    """A short paragraph that opens with one of the page's byline names and a newsroom job
    ("Jo Bloggs is the Courier's correspondent in Lima. She has ..."): the author's bio, even
    without a personal note."""
    return (
        any(text.startswith(name + " ") for name in names)
        and bool(_JOURNALIST_START.match(text))
        and len(words(text)) <= AUTHOR_BIO_MAX_WORDS
    )


def segments(text: str) -> list[str]:
    """The non-empty parts of a line split at menu separators ("|", "•", "·", "›", " / ")."""
    return [part.strip() for part in _SEGMENT_SEPARATOR.split(text) if part.strip()]


def segmented_line_reason(text: str) -> str | None:
    """"navigation" for a one-line menu of short labels, "ticker" for a line of several short
    headlines; None for anything else (one "|" in a sentence, a "Title | Section | Outlet")."""
    parts = segments(text)
    if len(parts) < MENU_MIN_SEGMENTS or any(ends_sentence(part) for part in parts):
        return None
    if _YEAR_OR_TIME.search(text) or _BYLINE_ROLE.search(text) or text.lower().startswith("by "):
        return None  # "Jane Doe | Reporter | 3 June 2024 18:40": a byline and date line
    lengths = [len(words(part)) for part in parts]
    if max(lengths) <= MENU_ITEM_MAX_WORDS:
        return "navigation"
    low, high = TICKER_ITEM_WORDS
    if low <= min(lengths) and max(lengths) <= high:
        return "ticker"
    return None


def is_short_breadcrumb(text: str) -> bool:
    """One breadcrumb step: "Latin America › Disasters", "News > Energy", "Companies / Food & Agribusiness" (two
    short capitalised labels). With "/", a person's name in front is a byline with its agency
    ("Ana Ruiz / Reuters"), not a section."""
    parts = re.split(r"\s[›»>/]\s", text)
    if len(parts) != 2 or ":" in text or not all(
        1 <= len(words(part)) <= 3 and part[:1].isupper() and not any(char.isdigit() for char in part) and is_title_like(part)
        for part in parts
    ):
        return False
    return " / " not in text or not _looks_like_a_name(parts[0])


def _looks_like_a_name(text: str) -> bool:
    tokens = text.split()
    return 2 <= len(tokens) <= 3 and all(_NAME_TOKEN.match(token) for token in tokens)


def spaced_menu_reason(text: str) -> str | None:
    """A menu or a row of tools whose items a scraper separated only by runs of spaces:
    "Markets   Companies   Economy   Personal Finance". Every item is a short capitalised label."""
    if _SEGMENT_SEPARATOR.search(text):
        return None
    parts = [part for part in re.split(r"\s{2,}|\t", text.strip()) if part]
    if len(parts) < MENU_MIN_SEGMENTS:
        return None
    # A year inside a label ("Elections 2026") is still a menu item; an item that is a date or
    # a time ("3 June 2024", "18:40") makes the line a byline or date line.
    if any(_TIME_OR_YEAR_ITEM.search(part) or parse_date(part) is not None for part in parts):
        return None
    if all(
        1 <= len(words(part)) <= MENU_ITEM_MAX_WORDS and part[:1].isupper() and not re.search(r"[.,;:!?]", part)
        for part in parts
    ):
        return "navigation"
    return None


def is_standards_note(text: str) -> bool:
    """A pointer to the outlet's editorial standards, never a sentence of the story."""
    return len(words(text)) <= STANDARDS_MAX_WORDS and bool(_STANDARDS.search(without_quotes(text)))


def is_update_note(text: str) -> bool:
    """The outlet's note that it updated or corrected this page, maybe saying what the earlier
    version got wrong, and nothing else."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return (
        len(words(text)) <= UPDATE_NOTE_MAX_WORDS
        and bool(_UPDATE_NOTE.match(sentences[0]))
        and all(_EARLIER_VERSION.match(sentence) for sentence in sentences[1:])
        and not _REPORTED.search(sentences[0])  # "An earlier version said ..." is the note's own wording
    )


def is_labelled_address(text: str) -> bool:
    """A short label, a colon and a web address, and nothing else ("Read the full story:
    example.org/storm")."""
    match = _LABELLED_ADDRESS.match(text.strip())
    return match is not None and len(words(text.split(":", 1)[0])) <= LABELLED_ADDRESS_LABEL_MAX_WORDS


def is_tag_list(text: str) -> bool:
    if _HASHTAG_ROW.match(text.strip()):
        return True
    match = _TAG_LIST.match(text)
    return match is not None and is_title_like(text) and len(words(match.group("items"))) <= TAG_LIST_MAX_WORDS


def is_time_stamp(text: str) -> bool:
    """A time alone on its line ("19:47", "12m ago") or a time with a date and nothing else
    ("6:28 PM · Mar 14, 2026"): a live-blog entry's stamp, or an embedded post's signature."""
    return bool(_LONE_TIME.match(text) or _TIMED_DATE.match(text))


def is_interface_row(text: str) -> bool:
    """A line made only of interface controls and their counts: "Sign in | Register",
    "4,812    Reply    Copy link", "Sort by:    Latest    Oldest", "Load more posts", "Next ›"."""
    items = [item for item in _INTERFACE_ITEM_SEPARATOR.split(text.strip()) if item]
    if not items:
        return False
    controls = [item for item in items if _INTERFACE_ITEM.match(item) or (len(items) >= 2 and _SORT_ITEM.match(item))]
    has_word = any(not re.fullmatch(_COUNT, item) for item in items)
    return len(controls) == len(items) and has_word


def timed_title(text: str) -> tuple[str, str] | None:
    """(time, title) of a line that puts a clock time before a title: "19:47  Polls close"."""
    match = _TIMED_TITLE.match(text)
    if match is None or ends_sentence(text):
        return None
    return match.group("time"), match.group("title")


def is_social_handle(text: str) -> bool:
    """An embedded post's author line: a handle, maybe with a name and time."""
    return bool(_SOCIAL_HANDLE.match(text))


def is_gallery_control(text: str) -> bool:
    """A control of a photo gallery ("Gallery", "Expand", "Previous Next", "Start again"), its
    closing note or its slide counter ("2 of 12", "Image 2 of 12")."""
    return bool(_SLIDE_COUNTER.match(text.strip()) or _GALLERY_CONTROL.match(text.strip()))


def slide_position(text: str) -> tuple[int, int] | None:
    """(number, total) of a gallery's slide counter ("Image 3 of 12" -> (3, 12))."""
    match = _SLIDE_COUNTER.match(text.strip())
    return (int(match.group("number")), int(match.group("total"))) if match else None


def is_comments_control(text: str) -> bool:
    """The link from a comments teaser to the thread: "Read all comments", "View 214 comments ›"."""
    return bool(_COMMENTS_CONTROL_LINE.match(text.strip()))


def is_comment_signature(text: str) -> bool:
    """A comment's signature above its text, the reader's handle and when they wrote:
    "jo_b | 3 Mar, 07:52"."""
    match = _COMMENT_SIGNATURE.match(text)
    return match is not None and len(words(match.group("handle"))) <= COMMENT_HANDLE_MAX_WORDS


def is_aggregator_note(text: str) -> bool:
    """An aggregator's note on whose stories it shows or how little it edits them, one or more
    sentences and nothing else."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return len(words(text)) <= DISCLAIMER_MAX_WORDS and all(_AGGREGATOR_NOTE.match(sentence) for sentence in sentences)


def is_accessibility_statement(text: str) -> bool:
    """A site's statement that it meets an accessibility standard, maybe with the date of its last
    audit, and nothing else: every sentence of the line is one of these."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return (
        len(words(text)) <= DISCLAIMER_MAX_WORDS
        and bool(_ACCESSIBILITY_STATEMENT.match(sentences[0]))
        and all(_AUDIT_DATE.match(sentence) for sentence in sentences[1:])
    )


def is_comment_count(text: str) -> bool:
    """A comment counter ("Comments (58)", "14 comments · Have your say") or the notice that
    comments are closed, whichever rule dropped the line ("Comments (58)" also reads as a vote)."""
    return bool(_COMMENT_COUNT.match(_MEDIA_ICONS.sub("", text)))


def is_poll_options(text: str) -> bool:
    """A poll's answers with their shares and nothing else: "Yes 64%   No 36%"."""
    return bool(_POLL_OPTIONS_LINE.match(text.strip()))


def is_placeholder_caption(text: str) -> bool:
    """A picture's caption behind the scraper's placeholder for the picture: "[Photo] Divers
    search the harbour on Sunday." A "[Photo]" alone is the placeholder (``line_reason``)."""
    return bool(_PLACEHOLDER_CAPTION.match(text)) and len(words(text)) <= CAPTION_MAX_WORDS


def is_artwork_credit(text: str) -> bool:
    """Who drew the picture above ("Illustration by Ann Lee"), never a sentence about drawings."""
    return bool(_ARTWORK_CREDIT.match(text)) and len(words(text)) <= ARTWORK_CREDIT_MAX_WORDS and not ends_sentence(text)


def is_page_fragment(text: str) -> bool:
    """A short lowercase code-like leftover of the page's markup or scripts ("date 2023-12-07
    fbpx"). A lowercase phrase with a function word reads as language: a subheading that opens
    with a figure ("60 million euros for flood walls") is the article's; so does a time before a
    count and words ("06:52 2 wagons catch fire"), a timeline's item."""
    tokens = words(text)
    return (
        bool(_TRACKING.match(text))
        and len(tokens) <= 6
        and not ends_sentence(text)
        and not is_time_stamp(text)
        and timed_title(text) is None
        and not any(token in _FUNCTION_WORDS for token in tokens)
    )


def is_question(text: str) -> bool:
    core = text.rstrip().rstrip("›»>").rstrip()
    return core.endswith("?")


# An old page's bar of links set in square brackets: "[ Back to Town News | Home ]", "[Prev]
# [Random] [Next]". Short labels only: a bracketed aside in a sentence has words around it.
_BRACKETED_LABEL = r"[^\[\]|.!?]{1,40}"
_LINK_BAR = re.compile(
    rf"^(?:\[\s*{_BRACKETED_LABEL}(?:\s+\|\s+{_BRACKETED_LABEL})+\s*\]|(?:\[\s*{_BRACKETED_LABEL}\s*\]\s*){{2,}})$"
)
LINK_BAR_LABEL_MAX_WORDS = 4


def is_link_bar(text: str) -> bool:
    """A bar of short link labels in square brackets ("[ Back to Town News | Home ]")."""
    if not _LINK_BAR.match(text.strip()):
        return False
    labels = [label for label in re.split(r"[\[\]|]", text) if label.strip()]
    return all(len(words(label)) <= LINK_BAR_LABEL_MAX_WORDS for label in labels)


def line_reason(text: str, outlet_names: tuple[str, ...] = ()) -> str | None:
    """Why this single line is page furniture, or None if it may be article text.

    ``outlet_names`` are the page's own outlet names (aliases), used to spot the outlet
    advertising itself ("... SCMP Knowledge, our new platform ...").
    """
    if not text.strip():
        return None
    word_count = len(words(text))
    control = _MEDIA_ICONS.sub("", text)  # "▶ Listen to this article · 5 min" is the control without its icon
    if is_ad_line(text) and not is_credit(text):
        return "advertisement"
    control_reason = page_controls.line_reason(text) or story_credits.line_reason(text)
    if control_reason is not None:
        return control_reason
    if _SEPARATOR.match(text):
        return "separator"
    if _BREADCRUMB_START.match(text) or len(_BREADCRUMB_SEPARATOR.findall(text)) >= 2 or is_short_breadcrumb(text):
        return "breadcrumb"
    if is_link_bar(text):
        return "navigation"
    if _VOTE.match(text) or _POLL_QUESTION.match(text) or _POLL_RESULTS.match(text):
        return "vote-widget"
    if is_comment_count(text):
        return "comment-count"
    if _READER_SUBMISSION.match(text) or READER_LABEL.match(text):
        return "reader-submission"
    if _LIVE_PAGE_STATE.match(text):
        return "live-page-state"
    if (_DISCLAIMER.search(text) and word_count <= DISCLAIMER_MAX_WORDS) or is_aggregator_note(text):
        return "disclaimer"
    if is_accessibility_statement(text):
        return "accessibility-statement"
    if via_source(text) is not None:
        return "source-label"
    # Interface controls with or without a reading time ("Listen · 3 min", "Sign in | Register",
    # "4,812  Reply  Copy link"), the reading time alone, a gallery's controls and slide counter.
    if (
        is_interface_row(_READING_TIME.sub("", control))
        or _READING_TIME.fullmatch(control)
        or _TOOL_LINE.match(text)
        or is_gallery_control(text)
    ):
        return "interface-label"
    if is_social_handle(text) or _PLACEHOLDER.match(text):
        return "embedded-post"  # the chrome around an embedded post; its text is kept
    if is_weather_widget(text):
        return "weather-widget"
    if is_standards_note(text):
        return "standards"
    if _REVISION_NOTE.match(text) and not ends_sentence(text):
        return "revision-note"  # "(Updates to the timetable will follow.)" is a sentence in brackets
    if is_update_note(text):
        return "revision-note"
    if is_labelled_address(text) or _DOWNLOAD_LINK.match(text.strip()):
        return "link"
    if is_affiliate_note(text):
        return "affiliate"
    if _LIVE_PROMO.match(text) and word_count <= 15 and not ends_sentence(text):
        return "promotion"
    if _LIVE_POINTER.match(text) and word_count <= LIVE_POINTER_MAX_WORDS:
        return "promotion"
    if is_tag_list(text):
        return "tags"
    if is_ticker(text):
        return "ticker"
    if _COPYRIGHT.search(text):
        return "copyright"
    if is_cookie_notice(text):
        return "cookie-banner"
    if _IMAGE_CREDIT.search(text) and word_count <= 25:
        return "caption"  # before the menu rule: "Photo: Ana Ruiz / Reuters / Pool" is a credit
    if is_placeholder_caption(text) or is_artwork_credit(text):
        return "caption"
    segmented = segmented_line_reason(text) or spaced_menu_reason(text)
    if segmented is not None:
        return segmented
    if is_page_fragment(text):
        return "page-fragment"  # lowercase code-like leftovers ("date 2023-12-07 fbpx")
    if is_prompt(text):
        return "prompt"
    if is_self_promotion(text, outlet_names):
        return "promotion"
    return (
        mailings.line_reason(text)
        or official_pages.line_reason(text)
        or printed_pages.line_reason(text)
        or broadcast_pages.line_reason(text)
        or encyclopedia_pages.line_reason(text)
        or transcripts.line_reason(text)
        or podcast_pages.line_reason(text)
        or ocr_columns.line_reason(text)
    )
