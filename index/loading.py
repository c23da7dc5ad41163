"""Read one corpus file safely: size limit, binary sniffing, UTF-8 decoding with a clear refusal.

Offsets everywhere else point into the text decoded here, so this module never normalizes
newlines or characters: ``LoadedFile.raw_text`` is exactly what the file says.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.errors import CorpusError
from index.mime_messages import message_problem
from index.opendocument_text import flat_opendocument_problem
from index.rtf_documents import rtf_problem
from index.web_archives import web_archive_problem
from index.xml_documents import news_xml_problem

logger = logging.getLogger(__name__)

# A Markdown source (a static site's post, a notes app's export) is a text page: the cleaner
# knows its markup by its structure (``index.markdown_text``), as it knows a text page's.
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt",) + MARKDOWN_SUFFIXES
HTML_SUFFIXES = (".html", ".htm")
# A news agency's NITF item or a saved feed; an XML file of another kind is refused on loading
# (``index.xml_documents``), as the cleaner would read its text as an article.
XML_SUFFIXES = (".xml",)
# A mail client's saved message (RFC 822 source): the cleaner reads the part its reader reads
# (``index.mime_messages``), as it does for a message saved under another suffix; a file that
# is not a message is refused on loading, as its headers' absence means it is something else.
MAIL_SUFFIXES = (".eml",)
# A word processor's document saved as Rich Text: the cleaner reads its text (``index.rtf_documents``);
# a file that does not open as RTF, or is cut off, is refused on loading.
RTF_SUFFIXES = (".rtf",)
# An OpenDocument text saved as one XML file (the zipped .odt is binary and refused with the advice
# to save it so): the cleaner reads its body (``index.opendocument_text``).
OPENDOCUMENT_SUFFIXES = (".fodt",)
# A web page a browser saved as one file: a MIME message whose HTML part the cleaner reads as a page
# (``index.web_archives``); a file that is no such message is refused on loading.
WEB_ARCHIVE_SUFFIXES = (".mhtml", ".mht")
CORPUS_SUFFIXES = (
    TEXT_SUFFIXES + HTML_SUFFIXES + MAIL_SUFFIXES + WEB_ARCHIVE_SUFFIXES + RTF_SUFFIXES + OPENDOCUMENT_SUFFIXES + XML_SUFFIXES
)
# A file whose suffix promises a format is checked for it on loading: why it holds nothing the
# cleaner reads as that format (None: it does), and what to do then.
_FORMAT_CHECKS: tuple[tuple[tuple[str, ...], Callable[[str], str | None], str], ...] = (
    (XML_SUFFIXES, news_xml_problem, "remove it from the corpus folder"),
    (MAIL_SUFFIXES, message_problem, "save the whole message from the mail client, or remove it"),
    (WEB_ARCHIVE_SUFFIXES, web_archive_problem, "save the page again from the browser (Save as MHTML), or remove it"),
    (RTF_SUFFIXES, rtf_problem, "save the document again as RTF from the word processor, or remove it"),
    (OPENDOCUMENT_SUFFIXES, flat_opendocument_problem, "save the document again as Flat XML ODF Text (.fodt), or remove it"),
)
# How to turn a file of a kind the loader does not read into one it reads (the message that
# refuses it says so).
_CONVERSIONS = {
    ".odt": "an OpenDocument text is a zip archive: save it as Flat XML ODF Text (.fodt) or export its text",
    ".docx": "save it as Rich Text (.rtf) or export its text",
    ".doc": "save it as Rich Text (.rtf) or export its text",
    ".pdf": "export its text, e.g. `pdftotext page.pdf page.txt`",
}

# Control characters that never appear in text files; a few of them in the first KiB
# means a binary file (an image or PDF renamed to .txt), not an odd encoding.
_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_SNIFF_BYTES = 4096
_ZIP_MAGIC = b"PK\x03\x04"
# An OpenDocument package stores its type uncompressed first: "mimetypeapplication/vnd.oasis...".
_ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument"


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """A corpus file decoded to text, with what is needed to cite and re-check it."""

    path: Path
    doc_id: str  # the file stem
    raw_text: str
    encoding: str  # "utf-8" or "utf-8-sig"
    sha256: str
    is_html: bool


def supported_types() -> str:
    """The suffixes the loader reads, for messages: ".txt, .md, ..."."""
    return ", ".join(CORPUS_SUFFIXES)


def unsupported_type_message(path: Path) -> str:
    """Why ``path`` is not read, naming its type, the types read and, for a common document
    format, how to convert it.

    >>> unsupported_type_message(Path("notes.pdf"))[:49]
    "notes.pdf: not read: unsupported file type '.pdf'"
    """
    suffix = path.suffix.lower()
    kind = f"unsupported file type {suffix!r}" if suffix else "no file type (no suffix)"
    conversion = _CONVERSIONS.get(suffix)
    advice = f"; {conversion}" if conversion is not None else ""
    return f"{path}: not read: {kind}; corpus files are {supported_types()}{advice}"


def read_corpus_file(path: Path, max_bytes: int) -> LoadedFile:
    """Read and decode ``path``; raise CorpusError naming the file, the problem and the fix.

    >>> read_corpus_file(Path("seeds/000_dca45555f3484672.txt"), 5_000_000).doc_id
    '000_dca45555f3484672'
    """
    if not path.exists():
        raise CorpusError(f"{path}: file not found; check the path")
    if not path.is_file():
        raise CorpusError(f"{path}: not a regular file; pass a file of one of these types: {supported_types()}")
    size = path.stat().st_size
    if size > max_bytes:
        raise CorpusError(
            f"{path}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
            "split it or raise max_file_bytes in the index settings"
        )
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError(f"{path}: file is empty (no text); remove it or fill it with the article text")
    encoding, text = _decode(path, data)
    if not text.strip():
        raise CorpusError(f"{path}: file holds only whitespace; remove it or fill it with the article text")
    for suffixes, problem_of, fix in _FORMAT_CHECKS:
        problem = problem_of(text) if path.suffix.lower() in suffixes else None
        if problem is not None:
            raise CorpusError(f"{path}: {problem}; {fix}")
    return LoadedFile(
        path=path,
        doc_id=path.stem,
        raw_text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        is_html=path.suffix.lower() in HTML_SUFFIXES,
    )


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(
            f"{path}: file is UTF-16 text (byte-order mark {data[:2].hex()}); "
            "convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`"
        )
    head = data[:_SNIFF_BYTES]
    if head.startswith(_ZIP_MAGIC):
        # A word processor's document (.odt, .docx) is a zip archive: say what it is and how to
        # get its text, not only that it is binary.
        kind = "an OpenDocument file" if _ODF_MIMETYPE in head[:200] else "a zip archive (a word processor's document?)"
        raise CorpusError(
            f"{path}: {kind} in binary (zip) form, not text; save it as Flat XML ODF Text (.fodt) "
            f"or Rich Text (.rtf), or export its text; corpus files are UTF-8 {supported_types()}"
        )
    controls = sum(1 for byte in head if byte in _BINARY_CONTROL)
    if b"\x00" in head or controls > max(2, len(head) // 100):
        raise CorpusError(
            f"{path}: looks like a binary file ({controls} control bytes in the first {len(head)} bytes); "
            f"corpus files must be UTF-8 {supported_types()}"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data.decode("utf-8-sig")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        guess = _guess_legacy_encoding(data)
        raise CorpusError(
            f"{path}: not UTF-8 (byte 0x{bad} at offset {error.start}); it looks like {guess}. "
            f"Convert it, e.g. `iconv -f {guess} -t UTF-8 {path.name} > fixed.txt`"
        ) from None


def _guess_legacy_encoding(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; latin-1 decodes anything, so it is the last resort.
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"
