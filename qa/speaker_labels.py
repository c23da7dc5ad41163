"""Speaker labels of transcripts and interviews ("PRESENTER:", "JT:", "REPORTER (The Post):").

A label opens its line and names who speaks, in capitals, before a colon; the words after it
are the turn. Left inside the turn's first sentence, the parser reads the label as part of it:
"REPORTER (The Drevanne Post): Chief, a contractor ..." made "The Drevanne Post" an
apposition of a person, and so a name for "who" questions. ``read_speaker_labels`` adds a
component before the parser that makes the label a sentence of its own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from qa.evidence import line_starts

SPEAKER_LABELS = "speaker_labels"

_MAX_LABEL_WORDS = 6  # "DEPUTY CHIEF FIRE OFFICER KETTRIDGE" is five
_MAX_AFFILIATION_TOKENS = 10  # "(The Drevanne Post)", "(Kelby Community Radio)"
_JOINERS = frozenset({".", "'", "’", "-", "&"})


def read_speaker_labels(nlp: Language) -> Language:
    """Put ``speaker_labels`` before the parser (once), so the parser keeps its boundaries."""
    if SPEAKER_LABELS not in nlp.pipe_names:
        nlp.add_pipe(SPEAKER_LABELS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


@Language.component(SPEAKER_LABELS)
def split_speaker_labels(doc: Doc) -> Doc:
    """End a sentence after each speaker label; the label's own words stay one sentence."""
    for start in line_starts(doc):
        colon = _label_end(doc, start)
        if colon is None:
            continue
        for token in doc[start + 1 : colon + 1]:
            token.is_sent_start = False
        doc[colon + 1].is_sent_start = True
    return doc


def _label_end(doc: Doc, start: int) -> int | None:
    """The index of the colon closing a speaker label that opens the line at ``start``, if the
    turn goes on after it on the same line; else None."""
    i, words = start, 0
    while i < len(doc) and words <= _MAX_LABEL_WORDS and _label_word(doc[i]):
        words += doc[i].is_alpha
        i += 1
    if words == 0 or words > _MAX_LABEL_WORDS or i >= len(doc):
        return None
    if doc[i].text == "(":
        # The tokenizer keeps "):" whole: the colon may close the affiliation's bracket.
        closing = (j for j in range(i + 1, min(len(doc), i + _MAX_AFFILIATION_TOKENS + 2)) if doc[j].text in (")", "):"))
        close = next(closing, None)
        if close is None or any("\n" in t.text or "\n" in t.whitespace_ for t in doc[i:close]):
            return None
        i = close if doc[close].text == "):" else close + 1
    if i + 1 >= len(doc) or doc[i].text not in (":", "):") or "\n" in doc[i].whitespace_ or doc[i + 1].is_space:
        return None
    return i


def _label_word(token: Token) -> bool:
    """A word of a label: in capitals ("VASQUILL", "JT", "Q"), or a stop or hyphen inside it."""
    if "\n" in token.whitespace_:
        return False
    return (token.is_alpha and token.text.isupper()) or token.text in _JOINERS
