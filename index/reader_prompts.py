"""Furniture that addresses the reader: cookie and consent banners, subscription, newsletter
and donation prompts, advertisers' lines, the outlet promoting itself.

One-line tests used by ``index.furniture.line_reason`` and by the box rules of
``index.block_rules``.
"""

from __future__ import annotations

import logging
import re

from index.text_shape import is_title_like, without_quotes, words

logger = logging.getLogger(__name__)

# An advertiser's line with its label in front: "Sponsored: Car loans from 6.9% APR ...".
_AD_PREFIX = re.compile(
    r"^(?:sponsored(?: content| post)?|advertisement|advertiser content|paid (?:post|content|partnership)|promoted|"
    r"partner content)\s*[:|–—-]\s*\S",
    re.IGNORECASE,
)
_AD = re.compile(
    r"^(advertisements?|ad|ads|sponsored(?: content)?|paid (?:post|content)|promoted|"
    r"story continues below(?: advertisement)?|scroll to continue(?: with content)?|"
    r"continue reading below|"
    # A newsletter's ad slot: "A message from our sponsor", "Today's sponsor".
    r"(?:a )?(?:message|word) from (?:our|today[’']s|this (?:week|issue)[’']s) sponsors?|sponsor(?:ed)? message|today[’']s sponsor)$",
    re.IGNORECASE,
)
# A site's feedback widget: "Was this page helpful? Yes | No", "Did you find this article useful?",
# "Was this fact check useful?".
# A question put to someone in the story names who asked it ("Was this page helpful to the jury?").
_FEEDBACK_WIDGET = re.compile(
    r"^(?:was|is|did you find) this (?:page|article|information|answer|content|guide|story|explainer|fact[- ]?check) (?:helpful|useful)\?"
    r"(?:\s*[|/·•]?\s*(?:yes|no)\b)*\s*$",
    re.IGNORECASE,
)
# An affiliate disclosure: the outlet is paid for what the reader buys through its links
# ("Example may earn a commission when you buy through these links.", "This article contains
# affiliate links."). An agent who "would earn a commission when the club sold him", a club that
# "earns a fee on every shirt fans buy from its shop" are the story's.
_AFFILIATE_NOTE = re.compile(
    r"\b(?:earns?|receives?|gets?) (?:a )?(?:small )?(?:commission|fee|share of (?:the )?(?:sales?|revenue))\b"
    r"[^.!?]{0,60}?\b(?:(?:when|if) you (?:buy|purchase|shop|click|subscribe|sign up)|"
    r"(?:buy|purchase|shop)\w* (?:through|via|using) (?:(?:these|our|the|this|affiliate|retail) )?links?)|"
    r"\b(?:contains?|includes?|uses?) affiliate links\b",
    re.IGNORECASE,
)
AFFILIATE_NOTE_MAX_WORDS = 40
# The outlet's invitation to report its errors: "Spotted something we got wrong? Email ...",
# "Found a mistake? Tell us." A question, put to the reader.
_CORRECTION_INVITATION = re.compile(
    r"^(?:spotted|seen|found|see|noticed?) (?:an? (?:error|mistake|typo)|something (?:we got |that(?:[’']s| is) )?wrong)\?",
    re.IGNORECASE,
)
# The outlet's call for readers who lived the story, with where to write: "Have you been affected?
# Write to news@example.org", "Were you there? Get in touch: ...". A question put to someone in the
# story goes on with an answer, never with an address to write to.
# A call for news tips, with where to send them: "Got news for the Example Online? Email the
# editor ...", "Have a story? Contact the newsroom".
_CALL_OUT = re.compile(
    r"^(?:(?:have you been|were you|are you) (?:affected|caught up|involved|evacuated|there)|"
    r"(?:got|have you got|have|do you have) (?:a |any |some )?(?:news|story|stories|tips?|news tips?)\b|"
    # The call for the reader's view of the page itself: "Have an opinion on this story? Share it!"
    r"(?:got|have you got|have|do you have) (?:an? |any |your )?(?:opinions?|views?|thoughts?|say) (?:on|about) this "
    r"(?:story|article|report|piece|issue|topic)\b)[^.!?]{0,60}\?\s+"
    r"(?:please )?(?:write to|e-?mail|contact|tell|share|send|get in touch|message|call|drop)\b",
    re.IGNORECASE,
)
_LABEL_SEPARATOR = re.compile(r"\s+[·|•–—-]\s+")
# Dashes, stars or brackets a page sets around a label to make it stand apart from the text.
_LABEL_DECORATION = re.compile(r"^[\s*=~_\[(<–—-]+|[\s*=~_\])>–—-]+$")

# A consent notice in other words than "we use cookies": "We and our 143 partners store and
# access information on your device ... personalised ads". Several of these terms together.
_CONSENT_TERMS = re.compile(
    r"\b(?:cookies?|partners|personal data|personali[sz]ed (?:ads|advertising|content)|(?:on|from) your device|"
    r"consent|legitimate interests?|(?:ad|content) measurement|audience insights|privacy (?:settings|options|choices)|"
    r"accept all|reject all|manage (?:options|preferences|settings|choices))\b",
    re.IGNORECASE,
)
CONSENT_NOTICE_MIN_TERMS = 3
CONSENT_NOTICE_MAX_WORDS = 90
# The words of a consent banner's buttons ("Accept all  Reject all  Manage options").
_CONSENT_BUTTON_WORDS = {
    "accept", "reject", "decline", "allow", "deny", "agree", "consent", "manage", "options", "settings",
    "preferences", "choices", "customise", "customize", "all", "only", "essential", "necessary", "cookies",
    "cookie", "and", "i", "ok", "continue", "without", "accepting", "more", "info", "privacy", "close",
}
_CONSENT_VERBS = {"accept", "reject", "decline", "allow", "deny", "agree", "consent"}
# A short line next to a consent notice that belongs to it ("We value your privacy").
CONSENT_WORDS = re.compile(
    r"\b(?:cookies?|privacy|consent|accept|reject|manage|options|preferences|settings|partners|essential|agree)\b",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:we use|accept|consent|manage|settings|preferences|privacy|agree|opt out)\b|"
    r"\b(?:we use|accept(?: all)?|manage)\b.*\bcookies?\b",
    re.IGNORECASE,
)

# A metered paywall's count of what the reader may still read: "You have 2 free articles left this
# month.", "You've read 3 of 5 free articles", "This is your last free article". Addressed to the
# reader, so a story about paywalls ("The paper gives readers five free articles a month") is not.
_PAYWALL_METER = re.compile(
    r"^(?:you have|you[’']ve got) (?:\d+|no|one|two|three|four|five) (?:more )?free (?:articles?|stories|story|reads?)"
    r"(?: left| remaining)?\b|"
    r"^you[’']ve (?:read|used) (?:\d+|all) (?:of )?(?:your )?(?:\d+ )?free (?:articles?|stories)\b|"
    r"^this is your (?:last|final|first|second|third|\d+(?:st|nd|rd|th)) free (?:article|story)\b",
    re.IGNORECASE,
)
# A subscription's price put to the reader: "Get unlimited access to Example from 4 crowns a week."
_SUBSCRIPTION_OFFER = re.compile(
    r"^(?:get|enjoy|unlock|try|start|subscribe\b[^.!?]{0,40}?\bfor)\b[^.!?]{0,60}?\b(?:unlimited|full|digital|all|complete) access\b"
    r"[^.!?]{0,60}?\b(?:from|for|only|just|at)\s+\S{0,3}\d[\d.,]*\s*(?:[A-Za-z]+\s+)?(?:a|per|/|each)\s*(?:week|month|year|day)\b",
    re.IGNORECASE,
)
# A donation's price put to the reader, in any sentence of the pitch: "Support independent local
# journalism from 5 crowns a month."
_DONATION_OFFER = re.compile(
    r"\b(?:support|fund|back)\b[^.!?]{0,60}?\bjournalism\b[^.!?]{0,30}?\b(?:from|for)\s+\S{0,3}\d[\d.,]*\s*"
    r"(?:[A-Za-z]+\s+)?(?:a|per|/|each)\s*(?:week|month|year)\b",
    re.IGNORECASE,
)
# The prompt where a paywall cuts the article: "Subscribe to keep reading", "To continue reading,
# subscribe to Example.", "The rest of this article is for subscribers."
_PAYWALL_CUT = re.compile(
    r"^(?:(?:subscribe|sign in|log in|register|sign up) (?:now )?to (?:continue|keep) reading|to (?:continue|keep) reading\b|"
    r"(?:read|unlock) the (?:full|whole|rest of the) (?:article|story)\b|"
    r"the rest of this (?:article|story) is (?:for|available to|only for) (?:subscribers|members))",
    re.IGNORECASE,
)
_PROMPT_TERMS = re.compile(
    r"\b(?:subscri\w*|newsletters?|sign(?:ing)? up|sign in|log(?:ged)? in|registering|register|"
    r"registration|donat\w*|your support|support (?:us|our journalism|independent journalism)|"
    r"reader[- ](?:funded|supported|powered)|readers like you|"
    r"paywalls?|notifications?|push alerts?|refresh (?:the|your) (?:page|browser)|"
    r"download (?:the|our) app|follow us|inbox|free trial|create (?:an|a free) account|"
    # A call for readers' material: "Send us your pictures at ...", "Send in your videos",
    # "Send us your experiences using the form below".
    r"send (?:us|in) your (?:photos?|pictures?|videos?|footage|stories|story|tips?|experiences?|views|questions|thoughts)|"
    r"already (?:a member|a subscriber|have an account)|unlock|premium (?:content|access)|"
    r"free (?:every|each) (?:week)?day|free every (?:morning|evening|week)|"
    r"(?:get|receive|turn on|enable)\s+(?:\w+\s+)?alerts)\b",
    re.IGNORECASE,
)
# Terms that mean a prompt even in a short line that does not address the reader.
_STRONG_PROMPT_TERMS = re.compile(
    r"\b(?:subscri\w*|newsletters?|sign(?:ing)? up|log(?:ged)? in|notifications?|paywalls?)\b", re.IGNORECASE
)
# A button on its own line: "Donate now", "Become a member", "Give today".
_CALL_TO_ACTION = re.compile(
    r"^(?:donate|give|contribute|support us|join us|become an? (?:member|supporter|subscriber|patron|friend))"
    r"(?:\s+(?:now|today|here|monthly|once))?\s*[›»→!]?$",
    re.IGNORECASE,
)
# What a source's words were given to, right before the outlet's name: "he told the Courier",
# "said in an interview with", "speaking to".
_ATTRIBUTION_TO = re.compile(
    r"\b(?:told|tells|telling|said to|says to|speaking to|spoke to|speaks to|confirmed to|wrote to|"
    r"in an interview with|in a statement to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_THIRD_PARTY_QUESTION = re.compile(r"^(?:(?:and|but|so)\s+)?(?:what|why|who|whom|when|where|how|which)\b[^?]*\?$", re.IGNORECASE)
_READER_ADDRESS = re.compile(r"\b(?:you|your|yours|we|our|us)\b", re.IGNORECASE)
# Case-sensitive so that "the US embassy" is not the outlet saying "us".
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|WE|[Oo]ur|OUR|[Uu]s)\b")
_IMPERATIVE_START = re.compile(
    r"^(?:sign up|subscribe|stay up to date|stay informed|get (?:the|our|unlimited|alerts|notifications|breaking)|join|thank you|thanks for|"
    r"please|click|tap|download|follow|support|register|log in|don[’']t miss|never miss|enter your)\b",
    re.IGNORECASE,
)


def is_ad_line(text: str) -> bool:
    """An ad label ("Advertisement", "Sponsored"), maybe set off by dashes or brackets ("--
    Advertisement --", "[Advertisement]"), an advertiser's line carrying one in front, or ad
    labels side by side ("Advertisement · Story continues below")."""
    # (An undecorated label is left as it is: _AD's words neither start nor end with decoration.)
    if _AD.match(_LABEL_DECORATION.sub("", text)) or _AD_PREFIX.match(text):
        return True
    labels = [part for part in _LABEL_SEPARATOR.split(text.strip()) if part]
    return len(labels) >= 2 and all(_AD.match(label) for label in labels)


def is_affiliate_note(text: str) -> bool:
    """The outlet's note that it earns from purchases made through its links."""
    return bool(_AFFILIATE_NOTE.search(text)) and len(words(text)) <= AFFILIATE_NOTE_MAX_WORDS


def is_cookie_notice(text: str) -> bool:
    """A cookie banner's text, its consent notice or its row of buttons."""
    return bool(_COOKIE.search(text)) or is_consent_notice(text) or is_consent_buttons(text)


def is_consent_notice(text: str) -> bool:
    """A cookie/consent notice addressed to the reader, in the vocabulary of consent banners."""
    unquoted = without_quotes(text)
    if not _READER_ADDRESS.search(unquoted) or len(words(text)) > CONSENT_NOTICE_MAX_WORDS:
        return False
    terms = {match.group(0).lower() for match in _CONSENT_TERMS.finditer(unquoted)}
    return len(terms) >= CONSENT_NOTICE_MIN_TERMS


def is_consent_buttons(text: str) -> bool:
    """The buttons of a consent banner on one line: "Accept all  Reject all  Manage options"."""
    tokens = [token.lower() for token in words(text)]
    return (
        1 <= len(tokens) <= 10
        and is_title_like(text)
        and all(token in _CONSENT_BUTTON_WORDS for token in tokens)
        and any(token in _CONSENT_VERBS for token in tokens)
    )


def is_prompt(text: str) -> bool:
    """A subscription, donation, registration or notification prompt addressed to the reader
    (a metered paywall's count and price among them), or a request for the reader's feedback or
    corrections, or its call for readers who lived the story."""
    if (
        _CALL_TO_ACTION.match(text.strip())
        or _FEEDBACK_WIDGET.match(text.strip())
        or _CORRECTION_INVITATION.match(text.strip())
        or _CALL_OUT.match(text.strip())
    ):
        return True
    if _PAYWALL_METER.match(text.strip()) or _SUBSCRIPTION_OFFER.match(text.strip()) or _DONATION_OFFER.search(text):
        return True
    unquoted = without_quotes(text)
    if not _PROMPT_TERMS.search(unquoted):
        return False
    if _READER_ADDRESS.search(unquoted) or _IMPERATIVE_START.match(unquoted.strip()):
        return True
    # A question about someone else ("And what did the taxpayer sign up to?") is no prompt;
    # the prompt's questions address the reader, caught above.
    return len(words(text)) <= 12 and bool(_STRONG_PROMPT_TERMS.search(unquoted)) and not _THIRD_PARTY_QUESTION.match(unquoted.strip())


def is_paywall_cut(text: str) -> bool:
    """The prompt a paywall sets where it cuts the article ("To continue reading, subscribe ...");
    a prompt by ``is_prompt``'s terms too, and the sign, for ``index.header``, that the line above
    it was cut mid-sentence."""
    return bool(_PAYWALL_CUT.match(text.strip()))


def is_self_promotion(text: str, outlet_names: tuple[str, ...]) -> bool:
    """The outlet talking about itself in the first person ("The Independent ... our reporting").
    The outlet as the one a source spoke to ("We asked ... , he told the Courier") is reporting."""
    if not outlet_names:
        return False
    unquoted = without_quotes(text)
    if not _FIRST_PERSON_PLURAL.search(unquoted):
        return False
    spaced = " ".join(unquoted.split())  # "The\u00a0Independent" is "The Independent"
    return any(_names_outside_attribution(spaced, name) for name in outlet_names)


def _names_outside_attribution(text: str, name: str) -> bool:
    """``name`` occurs in ``text`` other than as the outlet a source spoke to."""
    mentions = re.finditer(rf"\b{re.escape(name)}\b", text)
    return any(not _ATTRIBUTION_TO.search(text[: mention.start()]) for mention in mentions)
