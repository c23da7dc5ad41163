"""Sentences of the retrieved passages, scored by how well they match the question.

A sentence is good evidence when it contains the question's rarer terms (IDF-weighted
coverage) and means the same thing (embedding similarity). Passages are parsed by spaCy
once and cached, so repeated questions over the same corpus cost little.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from index.records import Hit, Passage
from qa.question import LEADER_WORDS, QuestionAnalysis, asks_for_a_leader, holds_asked_role
from qa.terms import TermStatistics, term_key

PARAGRAPH_BREAKS = "paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline, date or byline line has no final
    stop, and the parser would otherwise run it into the paragraph below. The line's second
    word goes on with its first: the parser, told that a line starts a sentence, sometimes
    ends it after one word ("Halberg | Construction began renovating ...")."""
    starts = line_starts(doc)
    for start in starts[1:]:
        doc[start].is_sent_start = True
    for start in starts:
        first = doc[start] if start < len(doc) else None
        if first is not None and first.is_alpha and start + 1 < len(doc) and doc[start + 1].is_alpha:
            doc[start + 1].is_sent_start = False
    return doc


def line_starts(doc: Doc) -> list[int]:
    """The index of the first token of each line of ``doc`` (0 first)."""
    return [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_]


def add_paragraph_breaks(nlp: Language) -> Language:
    """Put ``paragraph_breaks`` before the parser (once), so the parser keeps those boundaries."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


@dataclass(frozen=True, slots=True)
class ParsedPassage:
    passage: Passage
    doc: Doc
    sentences: tuple[Span, ...]
    sentence_vectors: np.ndarray  # one normalized row per sentence
    masked_vectors: np.ndarray  # the same with names masked out (see ``without_names``)
    token_keys: tuple[str, ...]  # term_key of every token, by token index
    token_lemmas: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvidenceSentence:
    """One sentence of a retrieved passage with its match to the question."""

    parsed: ParsedPassage
    hit: Hit
    index: int  # sentence number within the passage
    coverage: float  # IDF-weighted share of the question's key terms found in the sentence
    window_coverage: float  # the same over the sentence and its neighbours
    similarity: float  # cosine between question and sentence embeddings
    masked_similarity: float  # the same with names removed from both sides
    matched_tokens: frozenset[int]  # doc token indices that match a question term
    score: float
    rank: int = 0  # place among the question's evidence sentences, best first

    @property
    def span(self) -> Span:
        return self.parsed.sentences[self.index]

    @property
    def passage(self) -> Passage:
        return self.parsed.passage


class PassageParser:
    """Thread-safe, caching spaCy parse and sentence embeddings of passages."""

    def __init__(self, nlp: Language, encode: Callable[[list[str]], np.ndarray], nlp_lock: threading.Lock) -> None:
        self._nlp = nlp
        self._encode = encode
        self._cache: dict[str, ParsedPassage] = {}
        self._word_cache: dict[str, np.ndarray] = {}
        # spaCy pipelines are not documented as thread-safe: every caller shares one lock.
        self._lock = nlp_lock

    def parse(self, passages: list[Passage]) -> list[ParsedPassage]:
        with self._lock:
            missing = [p for p in passages if p.passage_id not in self._cache]
            if missing:
                docs = list(self._nlp.pipe(p.text for p in missing))
                sentences = [tuple(s for s in doc.sents if s.text.strip()) for doc in docs]
                flat = [s.text for group in sentences for s in group]
                flat_masked = [without_names(s) for group in sentences for s in group]
                both = self._encode(flat + flat_masked) if flat else np.zeros((0, 1), dtype=np.float32)
                vectors, masked = both[: len(flat)], both[len(flat) :]
                offset = 0
                for passage, doc, group in zip(missing, docs, sentences):
                    self._cache[passage.passage_id] = ParsedPassage(
                        passage=passage,
                        doc=doc,
                        sentences=group,
                        sentence_vectors=vectors[offset : offset + len(group)],
                        masked_vectors=masked[offset : offset + len(group)],
                        token_keys=tuple(term_key(t.text) for t in doc),
                        token_lemmas=tuple(t.lemma_.lower() for t in doc),
                    )
                    offset += len(group)
            return [self._cache[p.passage_id] for p in passages]

    def word_vectors(self, words: list[str]) -> dict[str, np.ndarray]:
        """Embeddings of single words, cached: the soft match of paraphrased question terms."""
        with self._lock:
            missing = [w for w in dict.fromkeys(words) if w not in self._word_cache]
            if missing:
                for word, vector in zip(missing, self._encode(missing), strict=True):
                    self._word_cache[word] = vector
            return {w: self._word_cache[w] for w in words}

    def encode_masked(self, span: Span | Doc) -> np.ndarray:
        with self._lock:
            return self._encode([without_names(span)])[0]


def without_names(span: Span | Doc) -> str:
    """The text without named entities and punctuation.

    In a single-topic corpus every sentence shares the names ("China", "Vietnam"), which
    inflates embedding similarity; what a question asks *about* them is in the other words.
    """
    kept = " ".join(t.text for t in span if not t.ent_type_ and not t.is_punct)
    return kept if kept.strip() else span.text


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})
# The least similarity at which a WordNet relation between two words counts (see soft_credit).
_RELATED_SIMILARITY = 0.4


def has_pronoun_subject(sentence: Span) -> bool:
    """Does a person pronoun do something here ("*she* said"), naming someone told of earlier?"""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in _PERSONAL_PRONOUNS for t in sentence)


def vocabulary(parsed: list[ParsedPassage]) -> set[str]:
    """The passages' content words, lower case: what a paraphrased question term is matched against."""
    return {word for p in parsed for word in content_words(p.doc)}


def content_words(tokens: Iterable[Token]) -> list[str]:
    """The alphabetic non-stop words, lower case: the words single-word embeddings are kept for."""
    return [t.lower_ for t in tokens if t.is_alpha and not t.is_stop]


def score_sentences(
    question: QuestionAnalysis,
    question_vector: np.ndarray,
    masked_question_vector: np.ndarray,
    hits: list[Hit],
    parsed: list[ParsedPassage],
    stats: TermStatistics,
    word_vectors: Callable[[list[str]], dict[str, np.ndarray]] | None = None,
    related: Mapping[str, Mapping[str, float]] | None = None,
) -> list[EvidenceSentence]:
    """Every sentence of the hits, best first.

    With ``word_vectors``, a question term absent from a sentence earns partial credit for
    the sentence's closest word by embedding ("start" ~ "begin"), or for a word ``related``
    gives it ("firm" ~ "business"), as in the confidence model.
    """
    keys = {term: term_key(term) for term in question.key_terms}
    # "Who heads the agency?" is answered by "X, the agency's director-general": any leader's
    # title matches the question's leader word, which the text itself rarely repeats.
    leader_terms = {t for t in keys if t in LEADER_WORDS} if asks_for_a_leader(question) else set()
    weights = {term: stats.idf(key) for term, key in keys.items()}
    total = sum(weights.values()) or 1.0
    vectors: dict[str, np.ndarray] = {}
    if word_vectors is not None and keys:
        vectors = word_vectors(sorted(set(keys) | vocabulary(parsed)))
    evidence: list[EvidenceSentence] = []
    for hit, passage in zip(hits, parsed):
        per_sentence: list[tuple[set[str], frozenset[int]]] = []
        for sentence in passage.sentences:
            found: set[str] = set()
            tokens: set[int] = set()
            for i in range(sentence.start, sentence.end):
                for term, key in keys.items():
                    if (
                        passage.token_keys[i] == key
                        or passage.token_lemmas[i] == term
                        or (term in leader_terms and holds_asked_role(passage.doc[i], question.focus))
                    ):
                        found.add(term)
                        tokens.add(i)
            per_sentence.append((found, frozenset(tokens)))
        similarities = passage.sentence_vectors @ question_vector if len(passage.sentences) else []
        masked_similarities = passage.masked_vectors @ masked_question_vector if len(passage.sentences) else []
        # Retrieval rank is a weak prior: the reader must still find the words in the sentence.
        rank_prior = 1.0 / (1.0 + 0.15 * (hit.rank - 1))
        for index, (found, tokens) in enumerate(per_sentence):
            window = set(found)
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < len(per_sentence):
                    window |= per_sentence[neighbour][0]
            coverage = sum(weights[t] for t in found) / total
            if vectors:
                coverage += soft_credit(passage.sentences[index], set(keys) - found, weights, vectors, related) / total
            window_coverage = sum(weights[t] for t in window) / total
            similarity = float(similarities[index])
            masked_similarity = float(masked_similarities[index])
            score = (
                0.45 * coverage
                + 0.15 * window_coverage
                + 0.20 * max(similarity, 0.0)
                + 0.20 * max(masked_similarity, 0.0)
            ) * (
                0.85 + 0.15 * rank_prior
            )
            evidence.append(
                EvidenceSentence(
                    parsed=passage,
                    hit=hit,
                    index=index,
                    coverage=coverage,
                    window_coverage=window_coverage,
                    similarity=similarity,
                    masked_similarity=masked_similarity,
                    matched_tokens=tokens,
                    score=score,
                )
            )
    evidence.sort(key=lambda e: e.score, reverse=True)
    return [replace(e, rank=rank) for rank, e in enumerate(evidence)]


def soft_credit(
    sentence: Span,
    missing: set[str],
    weights: dict[str, float],
    vectors: dict[str, np.ndarray],
    related: Mapping[str, Mapping[str, float]] | None = None,
) -> float:  # used for sentence scoring here and for the confidence model's soft coverage
    """IDF-weighted credit for question terms the sentence lacks (see ``term_credits``)."""
    return sum(weights[term] * credit for term, credit in term_credits(sentence, missing, vectors, related).items())


def term_credits(
    sentence: Span,
    missing: set[str],
    vectors: dict[str, np.ndarray],
    related: Mapping[str, Mapping[str, float]] | None = None,
) -> dict[str, float]:
    """Credit in [0, 1] for each question term the sentence lacks, by its closest word there:
    only similarities above 0.6 count (single-word embeddings are noisy), full credit at 0.9.

    A word that ``related`` relates to the term (WordNet's "firm" ~ "business") earns the
    relation's credit instead where the two words' similarity reaches 0.4: under 0.6 a
    similarity alone says little, but it tells which of WordNet's senses the question means
    ("firm" is also "house", at 0.23 with all-mpnet-base-v2)."""
    nearby = [t for t in sentence if t.is_alpha and not t.is_stop and t.lower_ in vectors]
    credits = dict.fromkeys(missing, 0.0)
    if not missing or not nearby:
        return credits
    matrix = np.stack([vectors[t.lower_] for t in nearby])
    for term in missing:
        if term not in vectors:
            continue
        similarities = matrix @ vectors[term]
        best = min(max((float(np.max(similarities)) - 0.6) / 0.3, 0.0), 1.0)
        relations = related.get(term) if related is not None else None
        if relations:
            for token, similarity in zip(nearby, similarities):
                if similarity >= _RELATED_SIMILARITY:
                    best = max(best, relations.get(token.lemma_.lower(), relations.get(token.lower_, 0.0)))
        credits[term] = best
    return credits
