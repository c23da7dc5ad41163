"""Where a candidate answer sits in its sentence's parse, relative to the question's words.

Closeness in words (``Candidate.proximity``) cannot tell "the pilots' union, *Aviora*, ..." from
"*Brask*, which runs the airport, said the pilots ...": both names stand a few words from
"pilots". The dependency tree can. Two signals of the learned candidate order (``qa.ranking``):

- tree proximity: the fewest dependency arcs from the span to a question word of its sentence;
- clause share: the share of the sentence's question words in the span's own clause or below
  the span's head (the relative clause that describes it).

In a scratch simulation on candidates of fourteen development sets, fitted on thirteen and
tested on the fourteenth in turn, the two put a right candidate first for 519 of 698 answerable
questions, against 514 without them; the calibration's own check, with them and the rule on
purpose clauses (``qa.spans``), 520 against 513 (session 32).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

# An auxiliary ("has", "was") hangs off its verb: the verb heads the clause.
_AUXILIARY_DEPS = frozenset({"aux", "auxpass"})


@dataclass(frozen=True, slots=True)
class SyntacticFit:
    tree_proximity: float  # 1 / (1 + arcs / 2); 0 without a question word outside the span
    clause_share: float  # in [0, 1]; 0 without a question word outside the span


NO_FIT = SyntacticFit(tree_proximity=0.0, clause_share=0.0)


def syntactic_fit(sentence: Span, span_tokens: Sequence[Token], matched: Collection[int]) -> SyntacticFit:
    """The fit of a span (its tokens, in order) to the question words of its sentence.

    ``matched`` holds the document indices of tokens that match a question term; those inside
    the span or outside the sentence are not counted."""
    inside = {t.i for t in span_tokens}
    words = [sentence.doc[i] for i in matched if sentence.start <= i < sentence.end and i not in inside]
    if not span_tokens or not words:
        return NO_FIT
    above_words = [_depths_above(word) for word in words]
    arcs = min(_arcs_from(t, depths) for depths in above_words for t in span_tokens)
    head = next((t for t in span_tokens if t.head.i not in inside or t.head.i == t.i), span_tokens[0])
    clause = _clause_head(head)
    below_head = {t.i for t in head.subtree}
    related = sum(1 for word in words if word.i in below_head or _clause_head(word).i == clause.i)
    return SyntacticFit(
        tree_proximity=1.0 / (1.0 + arcs / 2.0),  # 0 when no path joins them
        clause_share=related / len(words),
    )


def _depths_above(token: Token) -> dict[int, int]:
    """Each of ``token`` and its ancestors (by index) with its number of arcs up from ``token``."""
    return {ancestor.i: depth for depth, ancestor in enumerate([token, *token.ancestors])}


def _arcs_from(a: Token, depths_above_b: dict[int, int]) -> float:
    """Dependency arcs on the path from ``a`` to the token ``depths_above_b`` was made from;
    infinite if they share no root (a sentence split inside a parse)."""
    for depth, token in enumerate([a, *a.ancestors]):
        if token.i in depths_above_b:
            return depth + depths_above_b[token.i]
    return float("inf")


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token`` (itself, if a verb), else its sentence's root."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in {"VERB", "AUX"} and candidate.dep_ not in _AUXILIARY_DEPS:
            return candidate
    return token.sent.root
