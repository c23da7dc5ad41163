"""An encyclopedia's citation markers in the parse: "... chaired by Ysolde Marchetti.[7] Its
hearings began ...", "burned 18,460 hectares[1][2] of forest".

spaCy's tokenizer leaves "Marchetti.[7" one token, so the person's name ends in ".[7", a date
in "2034.[20", and the sentence runs on over the marker into the next one. ``read_citation_markers``
sets three things right in a pipeline: the marker is split from the word before it (tokenizer
infixes), it stays with the sentence it closes, which ends after it (before the parser), and
its number is no entity ("how many ...?" is never answered by a footnote's number).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

CITATION_SENTENCES = "citation_sentences"
CITATION_ENTITIES = "citation_entities"

# A marker's label: a number of up to three digits, or one lowercase letter for a note ("[a]").
_LABEL = r"(?:\d{1,3}|[a-z])"
_INFIXES = (
    rf"\.(?=\[{_LABEL}(?:$|\]))",  # the full stop before a marker: "Marchetti.[7"
    rf"(?<=\S)\[(?={_LABEL}(?:$|\]))",  # the marker's bracket after a word: "hectares[1"
    r"\](?=\[)",  # between two markers: "[1][2]"
)
_LABEL_TOKEN = re.compile(rf"^{_LABEL}$")
# Markers closing a stretch of text: "... with a broken wrist.[13]", "... hectares[1][2]".
TRAILING_MARKERS = re.compile(rf"(?:\[{_LABEL}\])+\s*$")
# A marker, or what is left of one, where a stretch of text starts: "[1] This is the decision of
# the Tribunal" (a numbered paragraph), "11] among them three water bombers" (cut after its "[").
LEADING_MARKER = re.compile(rf"\[?{_LABEL}\]\s*")
_SENTENCE_END = frozenset({".", "!", "?", "…"})


def read_citation_markers(nlp: Language) -> Language:
    """Teach ``nlp`` citation markers (once): infixes for its tokenizer, a component before the
    parser for sentence ends and one after the entity recognizer for entities."""
    if CITATION_SENTENCES in nlp.pipe_names:
        return nlp
    nlp.tokenizer.infix_finditer = compile_infix_regex((*nlp.Defaults.infixes, *_INFIXES)).finditer
    nlp.add_pipe(CITATION_SENTENCES, before="parser" if "parser" in nlp.pipe_names else None)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(CITATION_ENTITIES, after="ner")
    return nlp


def citation_markers(doc: Doc) -> list[Span]:
    """Every run of markers ("[7]", "[1][2]") as a span of ``doc``."""
    runs: list[Span] = []
    i = 0
    while i + 2 < len(doc):
        start = i
        while i + 2 < len(doc) and _is_marker_at(doc, i):
            i += 3
        if i > start:
            runs.append(doc[start:i])
        else:
            i += 1
    return runs


def _is_marker_at(doc: Doc, i: int) -> bool:
    return (
        doc[i].text == "["
        and not doc[i].whitespace_
        and _LABEL_TOKEN.match(doc[i + 1].text) is not None
        and not doc[i + 1].whitespace_
        and doc[i + 2].text == "]"
        # "[7]" after a word or a stop; "[a]" in running text ("x [a] y") is no marker.
        and i > 0
        and not doc[i - 1].whitespace_
    )


@Language.component(CITATION_SENTENCES)
def keep_markers_with_their_sentence(doc: Doc) -> Doc:
    """A marker after a sentence's last mark closes that sentence; the next one starts after it."""
    for run in citation_markers(doc):
        if doc[run.start - 1].text not in _SENTENCE_END:
            continue
        for token in run:
            token.is_sent_start = False
        if run.end < len(doc):
            doc[run.end].is_sent_start = True
    return doc


@Language.component(CITATION_ENTITIES)
def drop_marker_entities(doc: Doc) -> Doc:
    """No entity inside a marker, nor inside a number alone in square brackets (a numbered
    paragraph's "[2] The proceedings arise ...", a reference "[14]" set apart by spaces): its
    number counts nothing."""
    inside = {token.i for run in citation_markers(doc) for token in run}
    inside |= {i for i in range(1, len(doc) - 1) if _bracketed_label(doc, i)}
    doc.ents = [ent for ent in doc.ents if not any(token.i in inside for token in ent)]
    return doc


def _bracketed_label(doc: Doc, i: int) -> bool:
    """Is ``doc[i]`` a marker's label standing alone between square brackets ("[2]")?"""
    return doc[i - 1].text == "[" and doc[i + 1].text == "]" and _LABEL_TOKEN.match(doc[i].text) is not None
