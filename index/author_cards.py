"""Author cards under the article: the writer's name on a line of its own, then their job, a
short bio that opens with their name, and contact links ("Email Jo · @jo_reports").

Pages print them after the story as a block of short lines with no heading, so neither the
author-box headings nor the profile fields of ``index.block_rules.drop_author_boxes`` find them.
The name alone says little (a byline at the foot of a story is a name and a job line too), so
a card needs the name followed by at least two of job, bio and contact, or by a contact line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from index import metadata
from index.page_lines import Page, content, is_body_prose
from index.text_shape import words

logger = logging.getLogger(__name__)

CARD_BIO_MAX_WORDS = 80
_CONTACT_SEPARATOR = re.compile(r"\s+[·|•]\s+|\s{2,}")
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"@[A-Za-z0-9_]{2,30}"
# One contact item: an address, a handle, or a link label such as "Email Jo", "Follow Jo Bloggs
# on X", "Contact: jo@example.com".
_CONTACT_ITEM = re.compile(
    rf"^(?:{_EMAIL}|{_HANDLE}|"
    rf"(?:e-?mail|contact|follow|message|write to)(?:\s+(?:me|him|her|them))?(?:\s+[A-ZÀ-Ý][\w’'.-]*){{0,3}}"
    rf"(?:\s+on\s+[\w.]+)?(?:\s*:\s*(?:{_EMAIL}|{_HANDLE}|\+?[\d ()-]{{6,20}}))?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CardParts:
    """Which kinds of line follow the name: what makes the run an author card."""

    role: bool = False
    bio: bool = False
    contact: bool = False

    def is_card(self) -> bool:
        return self.contact or (self.role and self.bio)


def is_contact_line(text: str) -> bool:
    """A line of contact links only: "Email Jo · @jo_reports", "Contact: jo@example.com"."""
    items = [item.strip() for item in _CONTACT_SEPARATOR.split(text.strip()) if item.strip()]
    return bool(items) and all(_CONTACT_ITEM.match(item) for item in items)


def is_bio_of(text: str, name: str) -> bool:
    """A paragraph that opens with the person's full or first name and goes on in lowercase:
    "Jo has covered the courts since 2011 ...", "Jo Bloggs joined the paper in 2019 ..."."""
    first = name.split()[0]
    opener = re.match(rf"^(?:{re.escape(name)}|{re.escape(first)})\s+[a-z]", text)
    return opener is not None and len(words(text)) <= CARD_BIO_MAX_WORDS


def drop_author_cards(page: Page) -> None:
    """Mark each author card after the first prose paragraph as "author-box"."""
    indexes = content(page)
    prose_seen = False
    k = 0
    while k < len(indexes):
        line = page.lines[indexes[k]]
        if line.kept and is_body_prose(line.text):
            prose_seen = True
        name = _bare_name(page, line.text) if prose_seen and line.kept and line.role != "credit" else None
        if name is None:
            k += 1
            continue
        parts, end = _card_after(page, indexes, k + 1, name)
        if not parts.is_card():
            k += 1
            continue
        for i in indexes[k:end]:
            page.lines[i].reason = "author-box"
            page.lines[i].role = "body"
        logger.debug("author card for %s", name)
        k = end


def _bare_name(page: Page, text: str) -> str | None:
    names = metadata.byline_names(text, page.outlet, bare=True)
    return names[0] if len(names) == 1 and names[0] == text.strip() else None


def _card_after(page: Page, indexes: list[int], start: int, name: str) -> tuple[CardParts, int]:
    """The kinds of card line from ``start`` on, and the index just past the last of them."""
    role = bio = contact = False
    k = start
    while k < len(indexes):
        line = page.lines[indexes[k]]
        if not line.kept or line.role == "credit":
            break
        text = line.text
        if not role and not bio and metadata.is_role_line(text):
            role = True
        elif not bio and is_bio_of(text, name):
            bio = True
        elif is_contact_line(text):
            contact = True
        else:
            break
        k += 1
    return CardParts(role=role, bio=bio, contact=contact), k
