"""An e-mail saved with its raw MIME source (a newsletter stored as .txt, an .eml renamed) -> the
text its reader saw, every character mapped to the raw file.

A message is recognised by its structure (``looks_like_mime_message``), whatever the file's
suffix: the file opens with a block of header fields ("Name: value", folded lines indented), ended
by an empty line, among them a field only a mail system writes (``MIME-Version``, ``Content-Type``,
``Received``, ``Message-ID`` ...) and an addressing field (``From``, ``To``, ``Subject``, ``Date``).
A memo that prints "From:" and "To:" above its text, or a page that mentions "Content-Type:", is
not a message.

The headers, the MIME structure (preamble, boundaries, part headers) and every part but the one
the reader reads are the mail's, not the article's. The read part is the first readable one
(``text/plain`` or ``text/html``, not an attachment); of alternatives, the plain text, the clean
copy of the same mail, unless it is a stub next to a fuller HTML copy ("View this email in your
browser" and little else). Its transfer encoding is undone: quoted-printable (soft line breaks
"=" at a line's end joined, "=E2=80=99" escapes decoded in the part's charset) or base64. As in
``index.feeds``, a character an escape decodes to is recorded as inserted and every other one
stays a verbatim copy of the raw file, so a citation still points at it; base64 leaves no
verbatim character, so its text is all inserted.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from email.header import decode_header, make_header
from email.utils import parseaddr

from index.html_text import html_to_source
from index.records import DroppedBlock
from index.source_text import (
    INSERTED,
    PageHints,
    SourceText,
    TextBuilder,
    append_mapped,
    mapped_block,
    plain_source,
)
from index.text_shape import words

logger = logging.getLogger(__name__)

# "Name: value": a field name is printable ASCII without spaces or colons (RFC 5322).
_FIELD = re.compile(r"(?P<name>[!-9;-~]+):[ \t]*(?P<value>.*)")
_FOLDED = re.compile(r"[ \t]+\S")
# An mbox file's separator line above the headers: "From jo@example.org Mon Mar 14 06:00:04 2039".
_MBOX_SEPARATOR = re.compile(r"\ufeff?From \S+ [^\n]*\n")
# Fields only a mail system writes: the proof that the file is a saved message.
_TRANSPORT_FIELDS = frozenset({
    "mime-version", "content-type", "content-transfer-encoding", "received", "return-path", "message-id",
    "delivered-to", "dkim-signature", "x-mailer", "list-unsubscribe",
})
_ADDRESSING_FIELDS = frozenset({"from", "to", "subject", "date"})
_HEX = frozenset("0123456789abcdefABCDEF")
_READABLE_TYPES = ("text/plain", "text/html")
# A plain alternative with fewer than this share of the HTML alternative's words is a stub.
PLAIN_STUB_MAX_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class _Entity:
    """The message or one of its parts: its header fields (names lowercased, folded values
    joined) and raw spans."""

    fields: tuple[tuple[str, str], ...]
    start: int  # the first header line
    body_start: int
    end: int

    def field(self, name: str) -> str | None:
        return next((value for field_name, value in self.fields if field_name == name), None)

    @property
    def content_type(self) -> str:
        value = self.field("content-type")
        return value.split(";", 1)[0].strip().lower() if value else "text/plain"

    def parameter(self, name: str) -> str | None:
        """A parameter of the Content-Type field ("boundary", "charset")."""
        parameter = rf";\s*{name}\s*=\s*(?:\"(?P<quoted>[^\"]*)\"|(?P<bare>[^\s;]+))"
        match = re.search(parameter, self.field("content-type") or "", re.IGNORECASE)
        if match is None:
            return None
        return match.group("quoted") if match.group("quoted") is not None else match.group("bare")

    @property
    def is_attachment(self) -> bool:
        return (self.field("content-disposition") or "").strip().lower().startswith("attachment")


def looks_like_mime_message(raw_text: str) -> bool:
    """A saved e-mail: the file opens with a header block, ended by an empty line, that holds a
    field only a mail system writes and an addressing field."""
    start = _headers_start(raw_text)
    parsed = _header_block(raw_text, start, len(raw_text))
    if parsed is None:
        return False
    fields, body_start = parsed
    names = {name for name, _ in fields}
    return body_start < len(raw_text) and bool(names & _TRANSPORT_FIELDS) and bool(names & _ADDRESSING_FIELDS)


def message_problem(raw_text: str, saved: str = "e-mail message") -> str | None:
    """Why a file saved as a mail message (``.eml``), or as another MIME container (``saved``
    names it: "web page (MHTML)"), holds no message the cleaner can read, or None when it holds
    one: the headers are cut off or missing, or no part is text its reader reads (an image, an
    attachment, a multipart body cut before its first part ends).

    >>> message_problem("From: desk@example.org\\nSubject: Dam holds\\nMIME-Version: 1.0\\n")
    'not a saved e-mail message (no header block with MIME-Version, Received or Message-ID, ended by an empty line, at the start of the file; is it cut off?)'
    """
    if not looks_like_mime_message(raw_text):
        return (
            f"not a saved {saved} (no header block with MIME-Version, Received or Message-ID, "
            "ended by an empty line, at the start of the file; is it cut off?)"
        )
    message = _entity(raw_text, _headers_start(raw_text), len(raw_text))
    if _readable(raw_text, message) is None:
        return (
            f"a saved {saved} with no text part to read (its body is {message.content_type}; "
            "a multipart body cut off before its closing boundary reads as none)"
        )
    return None


def message_entity(raw_text: str) -> _Entity:
    """The message's header fields and spans (see ``looks_like_mime_message`` first)."""
    return _entity(raw_text, _headers_start(raw_text), len(raw_text))


def readable_part(raw_text: str, message: _Entity) -> _Entity | None:
    """The part a reader reads (``_readable``), or None."""
    return _readable(raw_text, message)


def mime_source(raw_text: str, page_reader: Callable[[str], SourceText] | None = None) -> SourceText:
    """The part of the message its reader reads, decoded and read as a text or HTML page, mapped
    to raw offsets; the headers, the MIME structure and the other parts are recorded as dropped.
    ``page_reader``: for a web page saved as one file (``index.web_archives``), the reader of its
    HTML part, whose hints (title, headline, date, author, logo) are the page's, not the mail's.

    >>> mail = ("From: desk@example.org\\nSubject: Dam holds\\nMIME-Version: 1.0\\n"
    ...         "Content-Type: text/plain; charset=utf-8\\nContent-Transfer-Encoding: quoted-printable\\n\\n"
    ...         "The dam held, the mayor=E2=80=99s office said, after a night of =\\nrain.\\n")
    >>> mime_source(mail).text
    'The dam held, the mayor’s office said, after a night of rain.\\n'
    """
    start = _headers_start(raw_text)
    message = _entity(raw_text, start, len(raw_text))
    read = _readable(raw_text, message)
    dropped = [DroppedBlock(0, message.body_start, "mail-headers")]
    builder = TextBuilder(raw_text)
    table_rows: list[tuple[int, int]] = []
    hints = _hints(message)
    if read is None:
        dropped.append(DroppedBlock(message.body_start, len(raw_text), "mail-parts"))
    else:
        if read.body_start > message.body_start:
            dropped.append(DroppedBlock(message.body_start, read.body_start, "mail-parts"))
        if read.end < len(raw_text):
            dropped.append(DroppedBlock(read.end, len(raw_text), "mail-parts"))
        if page_reader is not None and read.content_type == "text/html":
            body, positions = _decoded_body(raw_text, read)
            part = page_reader(body)
            hints = part.hints if part.hints.title else replace(part.hints, title=hints.title)
        else:
            part, positions = _read_part(raw_text, read)
        append_mapped(builder, part, positions)
        table_rows = list(part.table_rows)
        dropped += [mapped_block(block, positions, read.body_start) for block in part.dropped]
    return SourceText(
        text=builder.text(),
        raw_index=builder.raw_index,
        dropped=tuple(sorted(dropped, key=lambda block: (block.raw_start, block.raw_end))),
        hints=hints,
        table_rows=tuple(table_rows),
    )


def _headers_start(raw_text: str) -> int:
    separator = _MBOX_SEPARATOR.match(raw_text)
    if separator is not None:
        return separator.end()
    return 1 if raw_text.startswith("\ufeff") else 0


def _header_block(raw_text: str, start: int, end: int) -> tuple[list[tuple[str, str]], int] | None:
    """The fields of the header block at ``start`` and where its body starts (after the empty
    line); None when a line is neither a field nor a folded continuation."""
    fields: list[tuple[str, str]] = []
    position = start
    while position < end:
        newline = raw_text.find("\n", position, end)
        line_end = newline if newline >= 0 else end
        line = raw_text[position:line_end].rstrip("\r")
        after = line_end + 1 if newline >= 0 else end
        if not line.strip():
            return fields, after
        field = _FIELD.fullmatch(line)
        if field is not None:
            fields.append((field.group("name").lower(), field.group("value").strip()))
        elif _FOLDED.match(line) and fields:
            name, value = fields[-1]
            fields[-1] = (name, f"{value} {line.strip()}")
        else:
            return None
        position = after
    return None  # no empty line: headers without a body


def _entity(raw_text: str, start: int, end: int) -> _Entity:
    """The message or part at ``start``; a part that opens with no header block has none."""
    parsed = _header_block(raw_text, start, end)
    if parsed is None:
        return _Entity(fields=(), start=start, body_start=start, end=end)
    fields, body_start = parsed
    return _Entity(fields=tuple(fields), start=start, body_start=min(body_start, end), end=end)


def _children(raw_text: str, entity: _Entity) -> list[_Entity]:
    """The parts of a multipart entity, between its "--boundary" lines (the preamble before the
    first and the epilogue after the closing "--boundary--" are no parts)."""
    boundary = entity.parameter("boundary")
    if not boundary:
        return []
    delimiter = re.compile(rf"^--{re.escape(boundary)}(?P<close>--)?[ \t]*\r?$", re.MULTILINE)
    parts: list[_Entity] = []
    part_start: int | None = None
    for match in delimiter.finditer(raw_text, entity.body_start, entity.end):
        if part_start is not None:
            # The line break before a delimiter belongs to the delimiter.
            part_end = max(part_start, match.start() - 1)
            if raw_text[part_end - 1 : part_end] == "\r":
                part_end -= 1
            parts.append(_entity(raw_text, part_start, part_end))
        if match.group("close"):
            break
        part_start = min(match.end() + 1, entity.end)
    return parts


def _readable(raw_text: str, entity: _Entity) -> _Entity | None:
    """The text part the reader reads: in a mixed or related message the first readable part (the
    others are attachments or pieces of it), in alternatives the plain copy unless it is a stub."""
    if entity.is_attachment:
        return None
    content_type = entity.content_type
    if content_type.startswith("multipart/"):
        parts = [part for part in (_readable(raw_text, child) for child in _children(raw_text, entity)) if part]
        if not parts:
            return None
        return _best_alternative(raw_text, parts) if content_type == "multipart/alternative" else parts[0]
    return entity if content_type in _READABLE_TYPES else None


def _best_alternative(raw_text: str, parts: list[_Entity]) -> _Entity:
    plain = next((part for part in parts if part.content_type == "text/plain"), None)
    html = next((part for part in parts if part.content_type == "text/html"), None)
    if plain is None or html is None:
        return parts[0]
    plain_words = len(words(_read_part(raw_text, plain)[0].text))
    html_words = len(words(_read_part(raw_text, html)[0].text))
    return html if plain_words < PLAIN_STUB_MAX_SHARE * html_words else plain


def _read_part(raw_text: str, part: _Entity) -> tuple[SourceText, list[int]]:
    """The part's decoded body read as a plain-text or HTML page, with the raw offset of each
    character of the decoded body."""
    body, positions = _decoded_body(raw_text, part)
    source = html_to_source(body) if part.content_type == "text/html" else plain_source(body)
    return source, positions


def _decoded_body(raw_text: str, part: _Entity) -> tuple[str, list[int]]:
    """The body with its transfer encoding undone, and each character's raw offset (INSERTED for a
    character an escape or base64 decodes to)."""
    encoding = (part.field("content-transfer-encoding") or "7bit").strip().lower()
    if encoding == "quoted-printable":
        return _quoted_printable(raw_text, part.body_start, part.end, _charset(part))
    if encoding == "base64":
        try:
            data = base64.b64decode("".join(raw_text[part.body_start:part.end].split()), validate=True)
        except (binascii.Error, ValueError):
            logger.info("undecodable base64 part at offset %d: left out", part.body_start)
            return "", []
        text = data.decode(_charset(part), errors="replace")
        return text, [INSERTED] * len(text)
    # 7bit, 8bit, binary: the file was decoded as text already, so the body is as the reader sees it.
    return raw_text[part.body_start:part.end], list(range(part.body_start, part.end))


def _charset(part: _Entity) -> str:
    charset = (part.parameter("charset") or "utf-8").strip().lower()
    try:
        codecs.lookup(charset)
    except LookupError:
        logger.info("unknown charset %r: read as utf-8", charset)
        return "utf-8"
    return charset


def _quoted_printable(raw_text: str, start: int, end: int, charset: str) -> tuple[str, list[int]]:
    """Quoted-printable decoding that remembers where each character came from: a soft line
    break ("=" at a line's end) is dropped, "=XX" escapes are fed as bytes to the charset's
    decoder (a character split over several escapes, or over a soft break, comes out whole and
    inserted), and any other character is copied."""
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    chars: list[str] = []
    positions: list[int] = []
    position = start
    while position < end:
        char = raw_text[position]
        if char == "=":
            following = raw_text[position + 1 : position + 3]
            if following[:1] == "\n" or following == "\r\n":
                position += 1 + (2 if following == "\r\n" else 1)
                continue
            if len(following) == 2 and set(following) <= _HEX:
                decoded = decoder.decode(bytes([int(following, 16)]))
                chars.extend(decoded)
                positions.extend([INSERTED] * len(decoded))
                position += 3
                continue
        # A literal character: ASCII in the part's charset reads as itself (a stray non-ASCII
        # character, which the encoding forbids, is kept as the file has it).
        chars.append(char)
        positions.append(position)
        position += 1
    tail = decoder.decode(b"", final=True)
    chars.extend(tail)
    positions.extend([INSERTED] * len(tail))
    return "".join(chars), positions


def _hints(message: _Entity) -> PageHints:
    """What the headers say of the page: the subject as its title, the sender's name as its site.
    Not the Date field: the time the mail left the server is the mail's; a newsletter dates its
    issue in its text ("Monday 14 March 2039" over the story), and a date in the hints would make
    the header rules take that line for a masthead's day (``header.keep_lone_date_above_headline``)."""
    subject = _decoded_words(message.field("subject"))
    sender = _decoded_words(parseaddr(message.field("from") or "")[0])
    return PageHints(title=subject, site_name=sender, headings=(subject,) if subject else ())


def _decoded_words(value: str | None) -> str | None:
    """A header value with its RFC 2047 encoded words ("=?utf-8?Q?Dam_holds?=") decoded."""
    if not value:
        return None
    try:
        text = str(make_header(decode_header(value)))
    except (LookupError, UnicodeDecodeError, ValueError):
        text = value
    return " ".join(text.split()) or None
