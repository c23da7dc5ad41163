"""A web page saved as one file (MHTML: Chrome's "Save as MHTML", a browser's .mht "web archive")
-> the page, read as the HTML page it is, every character mapped to the raw file.

The file is a MIME message (RFC 2557): headers, then a ``multipart/related`` body whose root part
is the page's HTML, followed by the parts it uses (style sheets, images), each named by its
``Content-Location``. ``index.mime_messages`` reads the container (its transfer encodings undone,
quoted-printable escapes as inserted characters); what differs from a mail is how the HTML is
read: as a page (the cleaner's own HTML reading, ``page_reader``), with the page's markup as its
hints, for the headers a browser writes are not the page's: "From: <Saved by Blink>", a Subject
that copies the <title>, the Date of saving.

A saved page is told from an HTML mail with inline images by what a mail has and an archive has
not: a recipient or a relay (To, Cc, Received ...), and by the page's address on its root part.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from index.mime_messages import looks_like_mime_message, message_entity, message_problem, mime_source, readable_part
from index.source_text import SourceText

logger = logging.getLogger(__name__)

# Fields of a message that was sent: a saved page has none of them.
_MAIL_FIELDS = ("to", "cc", "bcc", "received", "delivered-to", "return-path")


def looks_like_web_archive(raw_text: str) -> bool:
    """A saved web page: a MIME message of related parts, sent to nobody, whose root part is an
    HTML page with its address (``Content-Location``)."""
    if not looks_like_mime_message(raw_text):
        return False
    message = message_entity(raw_text)
    if message.content_type != "multipart/related" or any(message.field(name) for name in _MAIL_FIELDS):
        return False
    page = readable_part(raw_text, message)
    return page is not None and page.content_type == "text/html" and page.field("content-location") is not None


def web_archive_problem(raw_text: str) -> str | None:
    """Why a file saved as MHTML holds no page the cleaner can read, or None."""
    return message_problem(raw_text, saved="web page (MHTML)")


def web_archive_source(raw_text: str, page_reader: Callable[[str], SourceText]) -> SourceText:
    """The saved page's HTML read by ``page_reader``, mapped to raw offsets; the headers and the
    other parts recorded as dropped."""
    return mime_source(raw_text, page_reader=page_reader)
