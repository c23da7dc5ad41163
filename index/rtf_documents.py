"""A document in RTF (Rich Text Format, as a word processor saves it) -> the text its reader
shows, every character mapped to the raw file.

An RTF file is recognised by its opening ``{\\rtf``, whatever its name says. Its text is what
is left of the document group once the groups that carry none are taken out: the font, colour
and style tables, the ``\\info`` group (its title, company and times are read as the page's
hints), every ``\\*`` destination a reader may ignore (generator, bookmarks, field
instructions), pictures and objects, and the page's running header and footer. Control words
are formatting, but for those that stand for text: ``\\par`` (and ``\\sect``, ``\\page``) ends a
paragraph, ``\\line`` breaks a line, ``\\cell`` and ``\\row`` end a table's cell and row, ``\\tab``,
``\\ldblquote``, ``\\endash`` and the like are their characters, ``\\'e9`` a byte in the
document's code page and ``\\u8217?`` a Unicode character followed by ``\\ucN`` fallback characters
a Unicode reader skips. A footnote's text is read after the paragraph that calls it, as the
page prints it at its foot.

The paragraphs are handed to ``index.html_text`` as HTML (a paragraph whose style is named
"heading N" as ``<hN>``, the table as a table), so a table keeps its rows and the page rules
treat the lines as any page's. A decoded escape is an inserted character; every other kept
character is a verbatim copy of the raw file.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field, replace

from index.html_text import copied_markup_source
from index.records import DroppedBlock
from index.source_text import INSERTED, PageHints, SourceText
from index.xml_markup import insert_markup

logger = logging.getLogger(__name__)

_OPENING = re.compile(r"\A\ufeff?\s*\{\\rtf", re.ASCII)
_CONTROL_WORD = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?")
_HEX_ESCAPE = re.compile(r"\\'([0-9a-fA-F]{2})")
# Destinations that hold no text of the document; the header and footer repeat on every printed
# page (its title, the page number) and are the page's furniture, not its text.
_METADATA_DESTINATIONS = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "listtable", "listoverridetable", "revtbl", "rsidtbl",
    "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore", "pict",
    "object", "objdata", "fldinst", "filetbl", "pgdsctbl", "private", "annotation", "atnid", "atnauthor",
})
_RUNNING_DESTINATIONS = frozenset({"header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"})
# The \info fields read as hints, and its times.
_INFO_TEXT_FIELDS = frozenset({"title", "subject", "author", "company", "operator"})
_INFO_TIMES = frozenset({"creatim", "revtim"})
# Control words that are characters.
_CHARACTERS = {
    "tab": "\t", "ldblquote": "\u201c", "rdblquote": "\u201d", "lquote": "\u2018", "rquote": "\u2019",
    "bullet": "\u2022", "endash": "\u2013", "emdash": "\u2014", "enspace": "\u2002", "emspace": "\u2003",
    "qmspace": "\u2005", "zwj": "\u200d", "zwnj": "\u200c",
}
_CONTROL_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": ""}  # no-break space, no-break hyphen, optional hyphen
_CODE_PAGES = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre)\s*(?P<level>[1-6])\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _GroupState:
    """What a group inherits from its parent and may change: whether its text is read, how many
    fallback characters follow a ``\\u`` escape, and the paragraph's properties."""

    skipped: str | None = None  # the reason its text is not the document's
    info_field: str | None = None  # the \\info field its text fills
    style_entry: bool = False  # an entry of the stylesheet (its text is the style's name)
    note: bool = False  # inside a footnote
    unicode_fallback: int = 1
    in_table: bool = False
    style: int = 0
    outline_level: int | None = None


@dataclass(slots=True)
class _Flow:
    """HTML markup being built, each character's raw offset in ``positions`` (or INSERTED)."""

    markup: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    open_tag: str | None = None

    def insert(self, text: str) -> None:
        insert_markup(text, self.markup, self.positions)

    def text(self, char: str, raw_position: int) -> None:
        if char in "<&>":  # markup characters are text here: escaped for the HTML reader
            self.insert({"<": "&lt;", "&": "&amp;", ">": "&gt;"}[char])
        elif raw_position == INSERTED:
            self.insert(char)
        else:
            self.markup.append(char)
            self.positions.append(raw_position)


def looks_like_rtf(raw_text: str) -> bool:
    """An RTF document: the file opens with ``{\\rtf``."""
    return _OPENING.match(raw_text) is not None


def rtf_problem(raw_text: str) -> str | None:
    """Why a file saved as RTF cannot be read, or None: it is something else, or its groups are
    never closed (a file cut short, whose reading would index part of a document as the whole).

    >>> rtf_problem("{\\\\rtf1\\\\ansi {\\\\b Dam holds\\\\par}")
    'the RTF groups are not all closed (1 "{" left open: a truncated file?)'
    """
    if not looks_like_rtf(raw_text):
        return "not an RTF document (it does not open with {\\rtf)"
    depth = 0
    for match in re.finditer(r"\\.|[{}]", raw_text, re.DOTALL):  # "\{" and "\}" are text
        if match.group() == "{":
            depth += 1
        elif match.group() == "}":
            depth -= 1
    if depth > 0:
        return f'the RTF groups are not all closed ({depth} "{{" left open: a truncated file?)'
    return None


def rtf_source(raw_text: str) -> SourceText:
    """The document's paragraphs and tables, one block per line, mapped to raw offsets; the
    groups that carry no text recorded as dropped.

    >>> rtf_source("{\\\\rtf1\\\\ansi{\\\\fonttbl{\\\\f0 Arial;}}\\\\pard Caf\\\\'e9 opens\\\\par}").text
    'Café opens'
    """
    reader = _Reader(raw_text)
    reader.read()
    document = copied_markup_source(raw_text, reader.main.markup, reader.main.positions, 0)
    dropped = reader.dropped + list(document.dropped)
    return replace(
        document,
        dropped=tuple(sorted(dropped, key=lambda block: (block.raw_start, block.raw_end))),
        hints=replace(reader.hints(), headings=document.hints.headings),  # its headings as the HTML reader found them
    )


class _Reader:
    """One pass over the file: groups pushed and popped, control words applied, text copied."""

    def __init__(self, raw_text: str) -> None:
        self.raw = raw_text
        self.main = _Flow()
        self.notes: list[_Flow] = []  # footnotes of the open paragraph, printed after it
        self.note: _Flow | None = None
        self.dropped: list[DroppedBlock] = []
        self.info: dict[str, str] = {}
        self.times: dict[str, dict[str, int]] = {}
        self.style_names: dict[int, str] = {}
        self.code_page = "cp1252"
        self.decoder = codecs.getincrementaldecoder(self.code_page)(errors="replace")
        self.stack: list[tuple[_GroupState, int]] = []
        self.state = _GroupState()
        self.fallback_left = 0  # fallback characters of a \\u escape still to skip
        self.collected: list[str] = []  # the text of the \\info field or style entry being read
        self.table_open = self.row_open = self.cell_open = False

    def read(self) -> None:
        raw = self.raw
        position = 0
        destination_next = False  # the word after "{" (or "{\\*") names the group's destination
        ignorable = False
        while position < len(raw):
            char = raw[position]
            if char == "{":
                self.stack.append((self.state, position))
                self.fallback_left = 0
                destination_next, ignorable = True, False
                position += 1
                continue
            if char == "}":
                self._close_group(position)
                destination_next = False
                position += 1
                continue
            if char in "\r\n":
                position += 1  # line breaks in the source are not text
                continue
            if char != "\\":
                self._text(char, position)
                destination_next = False
                position += 1
                continue
            following = raw[position + 1 : position + 2]
            if following == "*":
                ignorable = True
                position += 2
                continue
            if following == "'":
                escape = _HEX_ESCAPE.match(raw, position)
                if escape is not None:
                    self._byte(int(escape.group(1), 16))
                    destination_next = False
                    position = escape.end()
                    continue
            if following in ("\\", "{", "}"):
                self._text(following, position + 1)
                destination_next = False
                position += 2
                continue
            if following in _CONTROL_SYMBOLS:
                self._text(_CONTROL_SYMBOLS[following], INSERTED)
                position += 2
                continue
            if following in ("\n", "\r"):  # "\\" then a line break: a paragraph's end
                self._paragraph_end()
                position += 2
                continue
            word = _CONTROL_WORD.match(raw, position)
            if word is None:
                position += 1  # a stray backslash
                continue
            name, parameter = word.group(1), word.group(2)
            position = word.end()
            if destination_next and (ignorable or name in _METADATA_DESTINATIONS or name in _RUNNING_DESTINATIONS):
                self._skip_group(name, ignorable)
            elif name == "bin" and parameter:
                position += max(0, int(parameter))  # raw binary data of that many bytes
            else:
                self._control_word(name, int(parameter) if parameter is not None else None)
            destination_next, ignorable = False, False
        self._end_paragraph_flow()
        self._close_table()

    # --- groups ---

    def _skip_group(self, name: str, ignorable: bool) -> None:
        reason = "rtf-running-header" if name in _RUNNING_DESTINATIONS else "rtf-metadata"
        if name == "stylesheet":
            self.style_names.clear()
        self.state = replace(self.state, skipped=self.state.skipped or reason)
        if ignorable:  # an extension inside an \info field or a style entry is not its text
            self.state = replace(self.state, info_field=None, style_entry=False)

    def _close_group(self, position: int) -> None:
        if not self.stack:
            return  # a stray "}" after the document's end
        closed = self.state
        parent, start = self.stack.pop()
        if closed.info_field is not None and parent.info_field is None:
            self.info[closed.info_field] = " ".join("".join(self.collected).split())
            self.collected = []
        if closed.style_entry and not parent.style_entry:
            name = "".join(self.collected).strip().rstrip(";").strip()
            self.style_names[closed.style] = name
            self.collected = []
        if closed.skipped is not None and parent.skipped is None:
            self.dropped.append(DroppedBlock(start, position + 1, closed.skipped))
        if closed.note and not parent.note and self.note is not None:
            self._close_paragraph(self.note)
            self.notes.append(self.note)
            self.note = None
        self.state = parent
        self.fallback_left = 0

    # --- control words ---

    def _control_word(self, name: str, parameter: int | None) -> None:
        state = self.state
        if state.skipped is not None:
            self._metadata_word(name, parameter)
            return
        if name in ("par", "sect", "page"):
            self._paragraph_end()
        elif name == "line":
            flow = self._flow()
            if flow.open_tag is not None or (flow is self.main and self.cell_open):
                flow.insert("<br>")
        elif name in ("cell", "nestcell"):
            self._cell_end()
        elif name in ("row", "nestrow"):
            self._row_end()
        elif name == "pard":
            self.state = replace(state, in_table=False, style=0, outline_level=None)
        elif name == "intbl":
            self.state = replace(state, in_table=True)
        elif name == "s" and parameter is not None:
            self.state = replace(state, style=parameter)
        elif name == "outlinelevel" and parameter is not None:
            self.state = replace(state, outline_level=parameter)
        elif name == "uc" and parameter is not None:
            self.state = replace(state, unicode_fallback=max(0, parameter))
        elif name == "u" and parameter is not None:
            self._unicode(parameter)
        elif name in _CHARACTERS:
            self._text(_CHARACTERS[name], INSERTED)
        elif name == "ansicpg" and parameter is not None:
            self._set_code_page(f"cp{parameter}")
        elif name in _CODE_PAGES:
            self._set_code_page(_CODE_PAGES[name])
        elif name == "footnote":
            self.state = replace(state, note=True)
            self.note = _Flow()

    def _metadata_word(self, name: str, parameter: int | None) -> None:
        """A control word inside a group that carries no text: the \\info fields and times and the
        stylesheet's entries are read for the hints and the headings."""
        state = self.state
        if name in _INFO_TEXT_FIELDS or name in _INFO_TIMES:
            self.state = replace(state, info_field=name)
            self.collected = []
        elif state.info_field in _INFO_TIMES and name in ("yr", "mo", "dy", "hr", "min") and parameter is not None:
            self.times.setdefault(state.info_field, {})[name] = parameter
        elif name == "s" and parameter is not None and self.state.skipped == "rtf-metadata":
            self.state = replace(state, style=parameter, style_entry=True)
            self.collected = []
        elif name == "u" and parameter is not None and (state.info_field or state.style_entry):
            self.collected.append(chr(parameter % 65536))
            self.fallback_left = state.unicode_fallback
        elif name in _CHARACTERS and (state.info_field or state.style_entry):
            self.collected.append(_CHARACTERS[name])

    # --- text ---

    def _text(self, char: str, raw_position: int) -> None:
        if self.fallback_left > 0:
            self.fallback_left -= 1
            return
        if self.state.skipped is not None:
            if self.state.info_field is not None or self.state.style_entry:
                self.collected.append(char)
            return
        if not char:
            return
        flow = self._open_paragraph()
        flow.text(char, raw_position)

    def _byte(self, value: int) -> None:
        if self.fallback_left > 0:
            self.fallback_left -= 1
            return
        for char in self.decoder.decode(bytes([value])):
            self._text(char, INSERTED)

    def _unicode(self, value: int) -> None:
        char = chr(value % 65536) if not 0xD800 <= value % 65536 < 0xE000 else ""
        self._text(char, INSERTED)
        self.fallback_left = self.state.unicode_fallback

    def _set_code_page(self, code_page: str) -> None:
        try:
            codecs.lookup(code_page)
        except LookupError:
            logger.info("unknown RTF code page %r: read as cp1252", code_page)
            code_page = "cp1252"
        self.code_page = code_page
        self.decoder = codecs.getincrementaldecoder(code_page)(errors="replace")

    # --- paragraphs and tables ---

    def _flow(self) -> _Flow:
        return self.note if self.state.note and self.note is not None else self.main

    def _open_paragraph(self) -> _Flow:
        flow = self._flow()
        if flow is self.main and self.state.in_table:
            self._open_cell()
            return flow
        if flow is self.main and self.table_open:
            self._close_table()
        if flow.open_tag is None:
            tag = self._paragraph_tag() if flow is self.main else "p"
            flow.insert(f"<{tag}>")
            flow.open_tag = tag
        return flow

    def _paragraph_tag(self) -> str:
        """``<hN>`` for a paragraph the document styles as a heading, else ``<p>``."""
        level = self.state.outline_level
        if level is not None and 0 <= level < 6:
            return f"h{level + 1}"
        heading = _HEADING_STYLE.match(self.style_names.get(self.state.style, ""))
        return f"h{heading.group('level')}" if heading is not None else "p"

    def _paragraph_end(self) -> None:
        flow = self._flow()
        if flow is self.main and self.state.in_table:
            if self.cell_open:
                flow.insert("<br>")  # a paragraph inside a cell: the cell goes on
            return
        if flow is self.main and self.table_open:
            self._close_table()
        self._close_paragraph(flow)
        if flow is self.main:
            self._end_paragraph_flow()

    def _close_paragraph(self, flow: _Flow) -> None:
        if flow.open_tag is not None:
            flow.insert(f"</{flow.open_tag}>")
            flow.open_tag = None

    def _end_paragraph_flow(self) -> None:
        """The footnotes the paragraph called, after it."""
        self._close_paragraph(self.main)
        for note in self.notes:
            self.main.markup.extend(note.markup)
            self.main.positions.extend(note.positions)
        self.notes = []

    def _cell_end(self) -> None:
        if self.state.note:
            return
        self._open_cell()  # an empty cell keeps its column
        self.main.insert("</td>")
        self.cell_open = False

    def _open_cell(self) -> None:
        """The table, its row and a cell opened where they are not yet."""
        flow = self.main
        if not self.table_open:
            self._close_paragraph(flow)
            flow.insert("<table>")
            self.table_open = True
        if not self.row_open:
            flow.insert("<tr>")
            self.row_open = True
        if not self.cell_open:
            flow.insert("<td>")
            self.cell_open = True

    def _row_end(self) -> None:
        if self.row_open:
            if self.cell_open:
                self.main.insert("</td>")
                self.cell_open = False
            self.main.insert("</tr>")
            self.row_open = False
        self._end_paragraph_flow()

    def _close_table(self) -> None:
        if not self.table_open:
            return
        if self.cell_open:
            self.main.insert("</td>")
        if self.row_open:
            self.main.insert("</tr>")
        self.main.insert("</table>")
        self.table_open = self.row_open = self.cell_open = False

    # --- hints ---

    def hints(self) -> PageHints:
        """The \\info group's title, the document's creation time (``\\creatim``, else its last
        revision; a last resort for the page's date) and its company as the publisher. Not its author: the author a word processor
        records is the account that created the file (a press officer, a template's owner), not a
        byline."""
        title = self.info.get("title") or None
        time = self.times.get("creatim") or self.times.get("revtim")
        return PageHints(
            title=title,
            headings=(),
            created=_iso_time(time) if time else None,
            publisher=self.info.get("company") or None,
        )


def _iso_time(parts: dict[str, int]) -> str | None:
    """``\\yr2041\\mo3\\dy9\\hr8\\min5`` -> "2041-03-09T08:05"; None without a whole date."""
    if not {"yr", "mo", "dy"} <= set(parts) or not (1 <= parts["mo"] <= 12 and 1 <= parts["dy"] <= 31):
        return None
    date = f"{parts['yr']:04d}-{parts['mo']:02d}-{parts['dy']:02d}"
    if "hr" not in parts:
        return date
    return f"{date}T{parts['hr']:02d}:{parts.get('min', 0):02d}"
