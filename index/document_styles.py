"""A word processor's paragraph styles that mark a document's furniture rather than its text.

A report written in a word processor names what each paragraph is by its style: "Caption" under
a figure, "Disclaimer", "Document Control" (versions, drafters, approvers), "Header" and "Footer",
"TOC 1" and "Contents Heading", "Copyright". The style survives export: pandoc writes it as a
fenced div's custom style (``index.markdown_text``), an OpenDocument file as the paragraph's
``text:style-name`` (``index.opendocument_text``). Both readers drop what such a style marks, by
this one list; a heading that names such a section ("Document control") goes with it when
everything under it is furniture (``is_furniture_heading``).
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

# The words of a style name that mark furniture, at a word's start and end: "Figure Caption",
# "Document Control", "TOC Heading", "Header Left", "Legal Notice".
FURNITURE_STYLE_WORDS = (
    "caption", "disclaimer", "document control", "version control", "revision history",
    "header", "footer", "toc", "contents", "copyright", "legal notice",
)
_FURNITURE_STYLE = re.compile(rf"^[\w -]*?\b(?:{'|'.join(FURNITURE_STYLE_WORDS)})\b", re.IGNORECASE)
# LibreOffice's style for the text of a table's cells, not a contents list.
_TABLE_TEXT_STYLE = re.compile(r"^table contents$", re.IGNORECASE)
# A heading that is only the name of a furniture section, maybe numbered: "Document control",
# "8. Revision history", "Disclaimer:".
_FURNITURE_HEADING = re.compile(
    rf"^(?:\d+(?:\.\d+)*\.?\s+)?(?:{'|'.join(FURNITURE_STYLE_WORDS)})\s*:?$", re.IGNORECASE
)


def is_furniture_style(style_name: str) -> bool:
    """True when a paragraph style's name, as the user sees it, marks furniture ("Disclaimer",
    "Figure Caption", "TOC Heading"); "Table Contents" is a table's cells' text.

    >>> is_furniture_style("Document Control"), is_furniture_style("Text Body"), is_furniture_style("Table Contents")
    (True, False, False)
    """
    name = " ".join(style_name.split())
    return _FURNITURE_STYLE.match(name) is not None and _TABLE_TEXT_STYLE.match(name) is None


def is_furniture_heading(text: str) -> bool:
    """True when a heading's whole text names a furniture section ("Document control",
    "Revision history"); its reader drops it only when all under it is furniture too."""
    return _FURNITURE_HEADING.match(" ".join(text.split())) is not None
