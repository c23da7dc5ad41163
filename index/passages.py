"""Cleaned document -> passages of whole sentences, the unit of retrieval and citation.

A regex sentence splitter with an abbreviation list (fast, no model load): it must not cut
"U.S. President", "Dec. 14", "Gen. Wei", "(is)", decimals like "$175.6", or an ellipsis
inside a quote, and it keeps a closing quote with the sentence it closes. Passages are
built from paragraphs: one paragraph when it is 40-100 words, short news paragraphs joined
with their neighbours up to the budget, long ones cut between sentences.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from index.furniture import words
from index.records import CleanedDocument, Passage

logger = logging.getLogger(__name__)

MIN_WORDS = 40  # a passage shorter than this takes the next paragraph if it fits
MAX_WORDS = 100  # never grow a passage beyond this by joining paragraphs
LONG_PARAGRAPH_WORDS = 120  # a paragraph longer than this is cut between sentences

# Abbreviations that are always followed by more of the same sentence (a name, a number).
_ALWAYS_CONTINUE = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "prof", "sgt", "capt", "maj",
    "adm", "rev", "st", "mt", "ft", "no", "nos", "vs", "v", "cf", "fig", "pres", "amb", "supt", "cmdr",
}
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Ambiguous: "Inc." or "U.S." may end a sentence; split only before a typical sentence opener.
_AMBIGUOUS = {"inc", "corp", "ltd", "co", "jr", "sr", "etc", "approx", "est", "dept", "univ"}
_SENTENCE_OPENERS = {
    "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "but", "and",
    "in", "a", "an", "on", "at", "as", "if", "when", "while", "after", "before", "since", "there",
    "his", "her", "their", "our", "however", "meanwhile", "some", "many", "both", "one", "for",
}
_BOUNDARY = re.compile(r"(?:\.\.\.|…|[.!?])[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LAST_TOKEN = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int
    end: int


def split_sentences(text: str) -> list[SentenceSpan]:
    """Sentence spans of one paragraph (whitespace between sentences is left out).

    >>> [text[s.start:s.end] for text in ["He met U.S. President Joe Biden. It went well."]
    ...  for s in split_sentences(text)]
    ['He met U.S. President Joe Biden.', 'It went well.']
    """
    spans: list[SentenceSpan] = []
    start = _skip_space(text, 0)
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end <= start or not _is_boundary(text, match):
            continue
        spans.append(SentenceSpan(start, end))
        start = _skip_space(text, end)
    tail_end = len(text.rstrip())
    if start < tail_end:
        spans.append(SentenceSpan(start, tail_end))
    return spans


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punctuation = match.group(0)
    if not punctuation.startswith("."):
        return True
    if punctuation.startswith("..."):
        return True
    before = _LAST_TOKEN.search(text, 0, match.start() + 1)
    token = before.group(1) if before else ""
    bare = token.lstrip("\"“‘'([").rstrip(".").lower()
    following = text[match.end():].split(None, 1)
    next_word = following[0].strip("\"“‘'([") if following else ""
    if bare in _ALWAYS_CONTINUE:
        return False
    if bare in _MONTHS:
        return not next_word[:1].isdigit()
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial: "John F. Kennedy"
    if "." in bare or bare in _AMBIGUOUS:  # "U.S.", "e.g.", "Inc."
        return next_word.lower() in _SENTENCE_OPENERS
    return True


def make_passages(document: CleanedDocument) -> tuple[Passage, ...]:
    """Passages of ``document`` in reading order; ids are ``f"{doc_id}#{ordinal}"``."""
    spans = _passage_spans(document.text)
    passages: list[Passage] = []
    for ordinal, (start, end) in enumerate(spans):
        offsets = document.offsets.slice(start, end)
        # Paragraph breaks stay in the passage (they are inserted characters, outside every
        # OffsetMap run): a headline or date line has no final stop, and without the break a
        # sentence splitter runs it into the next paragraph ("March 7, 2025 Marathon talks").
        text = document.text[start:end]
        raw_start, raw_end = offsets.to_raw(0, len(text))
        passages.append(
            Passage(
                passage_id=f"{document.meta.doc_id}#{ordinal}",
                doc_id=document.meta.doc_id,
                ordinal=ordinal,
                text=text,
                raw_start=raw_start,
                raw_end=raw_end,
                offsets=offsets,
            )
        )
    return tuple(passages)


def _passage_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the cleaned text, each a run of whole sentences."""
    units: list[tuple[int, int, int]] = []  # (start, end, words): paragraphs or long-paragraph chunks
    position = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            units.extend(_paragraph_units(paragraph, position))
        position += len(paragraph) + 1
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None  # [start, end, words]
    for start, end, count in units:
        if current is not None and current[2] < MIN_WORDS and current[2] + count <= MAX_WORDS:
            current[1], current[2] = end, current[2] + count
            continue
        if current is not None:
            spans.append((current[0], current[1]))
        current = [start, end, count]
    if current is not None:
        spans.append((current[0], current[1]))
    return spans


def _paragraph_units(paragraph: str, offset: int) -> list[tuple[int, int, int]]:
    count = len(words(paragraph))
    lead = len(paragraph) - len(paragraph.lstrip())
    if count <= LONG_PARAGRAPH_WORDS:
        return [(offset + lead, offset + len(paragraph.rstrip()), count)]
    chunks: list[tuple[int, int, int]] = []
    current: list[int] | None = None
    for sentence in split_sentences(paragraph):
        sentence_words = len(words(paragraph[sentence.start:sentence.end]))
        if current is not None and current[2] + sentence_words <= MAX_WORDS:
            current[1], current[2] = sentence.end, current[2] + sentence_words
            continue
        if current is not None:
            chunks.append((offset + current[0], offset + current[1], current[2]))
        current = [sentence.start, sentence.end, sentence_words]
    if current is not None:
        chunks.append((offset + current[0], offset + current[1], current[2]))
    return chunks
