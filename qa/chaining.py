"""Questions that name a thing by what it does, read in two steps.

"Who is the boss of the company that built the rocket?" names no company: the articles say
who built the rocket in one place and who runs the builder in another, so no single sentence
matches the question. The relative clause is a question of its own ("Which company built the
rocket?"); its answer, put in the clause's place, makes a question one sentence can answer
("Who is the boss of Greyhaven Rocketworks?").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from qa.question import ordering_verb

_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


@dataclass(frozen=True, slots=True)
class Hop:
    """A descriptive phrase of the question and the question that resolves it."""

    phrase: str  # "the company that built the rocket", exactly as in the question
    inner_question: str  # "Which company built the rocket?"

    def rewrite(self, question: str, resolved: str) -> str:
        """The question with the phrase replaced by what it resolved to."""
        return question.replace(self.phrase, resolved, 1)


def find_hop(doc: Doc) -> Hop | None:
    """The first noun described by a subject relative clause ("the company *that built* X") or
    a present participle ("the aid group *cooking for* X"), as a question of its own."""
    for token in doc:
        noun = token.head
        if noun.pos_ != "NOUN" or noun.i >= token.i or noun.dep_ == "ROOT" or _is_the_asked_thing(noun):
            continue
        if token.dep_ == "relcl" and _subject_is_relative_pronoun(token):
            clause = [t for t in token.subtree if not (t.lower_ in _RELATIVE_PRONOUNS and t.dep_ == "nsubj")]
            predicate = " ".join(t.text for t in clause)
        elif token.dep_ == "acl" and token.tag_ == "VBG":
            verb = "are" if noun.tag_ == "NNS" else "is"
            predicate = f"{verb} " + " ".join(t.text for t in token.subtree)
        else:
            continue
        modifiers = [t for t in noun.lefts if t.dep_ in {"amod", "compound", "nmod"}]
        described = " ".join(t.text for t in (*modifiers, noun))
        start = min(t.idx for t in noun.subtree)
        last = max(noun.subtree, key=lambda t: t.i)
        end = last.idx + len(last.text)
        return Hop(phrase=doc.text[start:end], inner_question=f"Which {described} {_detokenize(predicate)}?")
    return None


_ASKING_DETERMINERS = frozenset({"which", "what", "whose"})
_ASKING_PRONOUNS = frozenset({"who", "what", "which"})
_COPULA_ARGUMENTS = frozenset({"attr", "nsubj"})


def _is_the_asked_thing(noun: Token) -> bool:
    """The noun is the thing asked for, whose description is the question itself, not a step
    before it: "*Name* the detective working on the case", "*Which* motorway connecting the
    port ...", "Who is *the judge* heading the panel ...?", "What is the *name of* the man who
    founded ...?"."""
    verb = ordering_verb(noun.doc)
    if verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i:
        return True
    if any(child.dep_ == "det" and child.lower_ in _ASKING_DETERMINERS for child in noun.children):
        return True
    if noun.dep_ in _COPULA_ARGUMENTS and noun.head.lemma_ == "be":
        # "Who was the judge ...?": the copula equates the noun with the asked "who" (parsed as
        # either argument, whichever way round).
        wh_words = (c for c in noun.head.children if c.i != noun.i and c.dep_ in _COPULA_ARGUMENTS)
        return any(c.lower_ in _ASKING_PRONOUNS for c in wh_words)
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() == "name"


def _subject_is_relative_pronoun(verb: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in _RELATIVE_PRONOUNS for child in verb.children)


def _detokenize(text: str) -> str:
    return text.replace(" 's", "'s").replace(" ’s", "’s").replace(" ,", ",").replace(" - ", "-")
