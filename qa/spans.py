"""Candidate answer spans inside evidence sentences, by the type the question asks for.

Typed questions take named entities (who -> PERSON, how much -> MONEY/PERCENT); quote
questions take quoted text; why/how questions take the clause that explains (a purpose
"to ..." clause, a "because/after/as ..." adverbial clause); open "what" questions take noun
phrases. Every span is an exact slice of the passage text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from qa.acronyms import acronym_letters, spelled_out
from qa.citation_markers import LEADING_MARKER, TRAILING_MARKERS
from qa.evidence import EvidenceSentence, has_pronoun_subject
from qa.entity_ends import DURATION as _DURATION
from qa.entity_ends import entity_end, name_number, only_modifiers_of
from qa.question import (
    CHAIR_TITLES,
    GENERIC_LEADERS,
    GOAL_PREPOSITIONS,
    LEADER_WORDS,
    LEADING_VERBS,
    NAMING_VERBS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    SOURCE_PREPOSITIONS,
    AnswerType,
    QuestionAnalysis,
    holds_asked_role,
)
from qa.syntax import syntactic_fit
from qa.terms import initialisms, term_key

# (labels that are exactly what the type asks for, labels that may still answer it)
_ENTITY_LABELS: dict[AnswerType, tuple[frozenset[str], frozenset[str]]] = {
    AnswerType.PERSON: (frozenset({"PERSON"}), frozenset({"ORG"})),
    AnswerType.DATE: (frozenset({"DATE", "TIME"}), frozenset({"QUANTITY"})),
    AnswerType.NUMBER: (frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"}), frozenset({"ORDINAL"})),
    AnswerType.PLACE: (frozenset({"GPE", "LOC", "FAC"}), frozenset({"NORP", "ORG"})),
    AnswerType.ORGANIZATION: (frozenset({"ORG"}), frozenset({"NORP", "GPE", "PERSON"})),
}
_NUMBER_FOCUS = {
    "much": frozenset({"MONEY", "PERCENT", "QUANTITY"}),
    "many": frozenset({"CARDINAL", "QUANTITY"}),
    "percentage": frozenset({"PERCENT"}),
    "percent": frozenset({"PERCENT"}),
    "share": frozenset({"PERCENT"}),
    "proportion": frozenset({"PERCENT"}),
    "rate": frozenset({"PERCENT"}),
    "toll": frozenset({"CARDINAL"}),
    **dict.fromkeys(
        ("value", "cost", "price", "fee", "fine", "salary", "wage", "budget", "revenue", "profit", "loss", "worth"),
        frozenset({"MONEY"}),
    ),
    **dict.fromkeys(("increase", "rise", "raise", "hike", "cut", "growth"), frozenset({"PERCENT", "MONEY"})),
    **dict.fromkeys(
        ("height", "depth", "length", "distance", "capacity", "flow", "speed", "temperature", "weight", "volume"),
        frozenset({"QUANTITY"}),
    ),
    # "How tall is the tower?" asks a measure ("120 metres"), not a count ("one of the ...").
    **dict.fromkeys(("tall", "deep", "wide", "thick", "heavy", "fast", "hot", "cold"), frozenset({"QUANTITY"})),
    # ... though a height or a fall may be a rate or a price ("How far did the shares fall?").
    **dict.fromkeys(("high", "far", "low"), frozenset({"QUANTITY", "PERCENT", "MONEY"})),
}
# Questions of nearness a length of time may answer: "How close to liftoff ...?", "How far behind ...?"
_NEARNESS = frozenset({"close", "near", "far"})
# A time of day on a clock face ("23:47", "9:05"); a decimal point would be a figure ("4.12").
_CLOCK_FACE = re.compile(r"\d{1,2}:\d{2}")
_RACE_TIME = re.compile(r"\d{1,2}:\d{2}:\d{2}(?:\.\d+)?")
# "*the year* 2033": the words naming a year before its number.
_YEAR_WORDS = re.compile(r"(?:the\s+)?year\s+(?=\d{4}\b)", re.IGNORECASE)
# Entity labels of amounts measured in a unit, not counts of things.
_MEASURE_LABELS = frozenset({"QUANTITY", "MONEY", "PERCENT"})
# An amount of something ("how much *rain*"); a percentage is a share of it, not how much.
_AMOUNT_LABELS = frozenset({"QUANTITY", "MONEY"})
_CAUSAL_MARKERS = frozenset("because since as after amid following due given so while".split())
# Markers that may only mean "when" ("after the meeting") explain less surely than "because".
_TEMPORAL_MARKERS = frozenset("since as after following while".split())
# "rose *on concern* that shipments could be delayed", "fell *over fears* of a recession": "on"
# and "over" give a reason only before a word for what people think or hear.
_GROUND_PREPOSITIONS = frozenset("on over".split())
_GROUND_NOUNS = frozenset(
    "concern fear worry hope expectation speculation optimism pessimism doubt suspicion news report rumour rumor".split()
)
_MANNER_MARKERS = frozenset("by through with via using".split())
# Verbs of wanting whose "to"-complement is a motive ("Vietnam *wanted to assuage* Beijing"); the
# complement of other verbs ("designed *to hold*", "tried *to move* money") says what, not why.
_MOTIVE_VERBS = frozenset("want wish seek aim hope intend need strive".split())
# Verbs whose "to" complement is what someone is asked to do: the answer to "How can X ...?".
_REQUEST_VERBS = frozenset("ask tell urge advise instruct order encourage remind warn require".split())
# "..., and *that is why* we are counting the dead in single figures": the clause before explains.
_THAT_IS_WHY = re.compile(r"[,;:—–]?\s*(?:and\s+)?(?:that|this|which)(?:\s+is|'s|’s)\s+why\b", re.IGNORECASE)
# What a cause is said to have done: "the fire *was started by* sparks", "*triggered by* a fault".
_VERBS_OF_CAUSING = frozenset("cause trigger start spark prompt ignite".split())
# Verbs whose subject brings something about: the answer to "What caused ...?".
_CAUSATIVE_VERBS = frozenset("cause allow let lead trigger spark prompt produce create bring force".split())
# Double quotes, curly single quotes, and straight single quotes (British style) whose inner
# apostrophes ("wouldn't") are followed by a letter.
_QUOTE = re.compile(r"“([^”]{3,}?)”|\"([^\"]{3,}?)\"|‘([^’]{8,}?)’|(?<!\w)'((?:[^'\n]|'(?=\w)){8,}?)'(?!\w)")
_MAX_PHRASE_TOKENS = 16
# A stretch between punctuation; a comma or colon inside a figure ("$9,420", "6:15") is no break.
_SEGMENT = re.compile(r"(?:[^,;:—–()]|(?<=\d)[,:](?=\d))+")
_WEAK_ENTITY_LABELS = frozenset({"NORP", "ORDINAL", "CARDINAL"})
_NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_TIME_AND_FIGURE_LABELS = _NUMERIC_LABELS | {"DATE", "TIME"}
_PERCENT_TEXT = re.compile(r"\d\s*(?:%|per\s?cent|percentage points?)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible answer: an exact passage-text span with the evidence behind it."""

    text: str
    start: int  # offsets in the passage text
    end: int
    evidence: EvidenceSentence
    type_match: float  # 1: the kind asked for; 0.5: a compatible kind; 0.25: any phrase; +0.5 tied to the focus noun
    proximity: float  # closeness to the matched question words, in [0, 1]
    novelty: float  # share of the span's words that are not already in the question
    score: float
    documents: int = 1  # documents whose sentences give the same answer text
    # The span's place in the parse (``qa.syntax``): signals of the learned order only.
    tree_proximity: float = 0.0
    clause_share: float = 0.0


def extract_candidates(
    question: QuestionAnalysis,
    evidence: list[EvidenceSentence],
    limit: int = 8,
    kind_of: Callable[[str, str], bool] = lambda noun, general: False,
    corpus_uses: Callable[[str], bool] = lambda word: False,
    in_full_names: Callable[[str], bool] = lambda word: True,
) -> list[Candidate]:
    """Candidates from the ``limit`` best sentences that hold a span of the asked type, best first.

    ``kind_of(noun, general)`` tells whether a noun names a kind of the thing a "how many"
    question counts ("sheep" of "animals"); without it only the same word counts.
    ``corpus_uses(word)`` tells whether the whole corpus has a word the passages may lack (a
    nation's people, "Estravians", that makes "Estravia" a nation); ``in_full_names(word)``
    whether it writes the word as part of a name of two or more words ("Gero Valente").

    Counting only sentences with a span of the type (a quotation, a date) reaches further down
    the ranking for rare types: "he told the judges then" scores low on its own words, but it
    is the only sentence near the top that quotes anyone.
    """
    question_keys = _question_keys(question)
    name_keys = _question_name_keys(question)
    asked = _answer_key(question.text)
    usage = _PassageUsage.of(evidence, corpus_uses, in_full_names)
    shape = _QuestionShape.of(question)
    candidates: list[Candidate] = []
    sentences_used = 0
    for sentence in evidence:
        spans = _spans(question, sentence, usage, question_keys, kind_of, shape)
        if not spans:
            continue
        sentences_used += 1
        if sentences_used > limit:
            break
        for start, end, type_match in spans:
            candidate = _make_candidate(sentence, start, end, type_match, question_keys, name_keys, question.focus)
            if candidate is not None and question.answer_type is AnswerType.PERSON:
                candidate = _with_full_name(candidate)
            elif candidate is not None and question.answer_type in _NAMED_KINDS:
                candidate = _spelled_out(candidate, question.focus)
            # A span the question itself contains ("Corvina-4" for "Where did Corvina-4 ...") is no answer.
            if candidate is not None and f" {_answer_key(candidate.text)} " not in f" {asked} ":
                candidates.append(candidate)
    return _merge_support(_acronyms_as_named(candidates))


def candidates_from_model(
    question: QuestionAnalysis,
    evidence: list[EvidenceSentence],
    proposals: list[tuple[str, int, int, float]],
) -> list[Candidate]:
    """Candidates from a span model's proposals ``(passage_id, start, end, model_score)``.

    Each span is placed in the evidence sentence that contains it, so it gets the same
    citations, support and confidence signals as the built-in reader's spans; the model's
    own score replaces the answer-type fit.
    """
    question_keys, name_keys = _question_keys(question), _question_name_keys(question)
    by_passage: dict[str, list[EvidenceSentence]] = {}
    for sentence in evidence:
        by_passage.setdefault(sentence.passage.passage_id, []).append(sentence)
    candidates = []
    for passage_id, start, end, model_score in proposals:
        sentence = next(
            (s for s in by_passage.get(passage_id, []) if s.span.start_char <= start < s.span.end_char), None
        )
        if sentence is None:
            continue
        candidate = _make_candidate(sentence, start, end, 1.0, question_keys, name_keys)
        if candidate is not None:
            candidates.append(replace(candidate, score=0.5 * candidate.score + 0.5 * model_score))
    return _merge_support(candidates)


def _with_full_name(candidate: Candidate) -> Candidate:
    """"Ms Ortlund" is "Sunniva Ortlund", whom the passage names in full: the answer is the
    full name, placed where the passage gives it. The candidate keeps its evidence and score,
    which come from the sentence that says what she did."""
    doc = candidate.evidence.parsed.doc
    words = [
        t for t in doc if candidate.start <= t.idx < candidate.end and not _is_title(t.text)
    ]
    if len(words) != 1 or not words[0].is_title:
        return candidate
    surname = words[0].text
    full_names = [ent for ent in doc.ents if _full_name_of(ent, surname)]
    if len({ent.text for ent in full_names}) != 1:
        return candidate  # none, or two people of that name ("Anna Berg", "Lars Berg"): keep it as written
    ent = full_names[0]
    text = candidate.evidence.passage.text
    return replace(candidate, text=text[ent.start_char : ent.end_char], start=ent.start_char, end=ent.end_char)


def _spelled_out(candidate: Candidate, focus: str | None) -> Candidate:
    """"RAIO" is "Rail Accident Investigation Office", where the passage spells it out: the
    answer is the name in full, placed where the passage gives it; the candidate keeps its
    evidence and score. Its fit was judged on the letters, which say no kind of body: the full
    name may ("Which *company* ...?" is no "... *Office*")."""
    letters = acronym_letters(candidate.text)
    text = candidate.evidence.passage.text
    found = None if letters is None else spelled_out(text, letters)
    if found is None:
        return candidate
    start, end = found
    fit = candidate.type_match
    if _another_kind_of_body(text[start:end].split()[-1], focus):
        fit = min(fit, 0.2)
    return replace(candidate, text=text[start:end], start=start, end=end, type_match=fit)


def _acronyms_as_named(candidates: list[Candidate]) -> list[Candidate]:
    """"NSI" from a headline is the "National Seismological Institute" another candidate's
    passage spells out as "(NSI)": the acronym's candidate becomes that name, as it is given
    there, and keeps its own score and fit, so that the two are one answer."""
    named: dict[str, Candidate] = {}
    for candidate in candidates:
        letters = _letters_given_after(candidate)
        if letters is not None and (letters not in named or candidate.score > named[letters].score):
            named[letters] = candidate
    if not named:
        return candidates
    return [
        replace(named[letters], score=candidate.score, type_match=candidate.type_match)
        if (letters := acronym_letters(candidate.text)) in named
        else candidate
        for candidate in candidates
    ]


def _letters_given_after(candidate: Candidate) -> str | None:
    """The acronym in brackets right after a name its passage spells out: "Rail Accident
    Investigation Office *(RAIO)*"."""
    text = candidate.evidence.passage.text
    bracket = re.match(r"\s*\(\s*([A-Z]{2,6})\s*\)", text[candidate.end : candidate.end + 12])
    if bracket is None:
        return None
    found = spelled_out(text, bracket.group(1))
    return bracket.group(1) if found is not None and found[1] == candidate.end and found[0] >= candidate.start else None


def _full_name_of(ent: Span, surname: str) -> bool:
    names = ent.text.split()
    # The small NER model calls many a full name ORG ("Marta Ilves"); an institution's is no person.
    person = ent.label_ == "PERSON" or (all(t.pos_ == "PROPN" for t in ent) and not _names_an_institution(ent))
    return person and 2 <= len(names) <= 4 and surname in names[1:] and not _is_title(names[0])


def _question_keys(question: QuestionAnalysis) -> set[str]:
    keys = {term_key(t) for t in question.key_terms} | set(question.key_terms)
    return keys | _name_initials(question) | {term_key(t.text) for t in question.doc if t.is_alpha}


def _name_initials(question: QuestionAnalysis) -> set[str]:
    """A name's initials repeat it: "TPC" answers nothing about "Terminal Pacífico Central"."""
    return {max(found, key=len) for name in question.entities if len(found := initialisms(name)) > 0}


def _question_name_keys(question: QuestionAnalysis) -> set[str]:
    """Keys of the words the question capitalises (its names), its first word aside, and the
    initials of its names."""
    return {term_key(t.text) for t in question.doc if t.i > 0 and t.text[:1].isupper()} | _name_initials(question)


def _repeats(token: Token, question_keys: set[str], name_keys: set[str]) -> bool:
    """Does a span's word repeat the question? A word of a name repeats only a name: the "Court
    of *Appeal*" does not repeat "Morvell's *appeal*", but "*Vietnamese* Communist Party chief"
    repeats "Which *Vietnamese* leader"."""
    if term_key(token.text) not in question_keys and token.lemma_.lower() not in question_keys:
        return False
    if token.text[:1].isupper() and not token.is_sent_start:
        return term_key(token.text) in name_keys
    return True


def _merge_support(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per answer text: the best instance, boosted when other documents agree."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(_answer_key(candidate.text), []).append(candidate)
    merged = []
    for group in groups.values():
        group.sort(key=lambda c: c.score, reverse=True)
        best = group[0]
        # Independent statements of the same span are evidence, but only when each is nearly as
        # good as the best; otherwise names found everywhere ("China") would win by frequency.
        agreeing = {
            c.evidence.passage.doc_id
            for c in group[1:]
            if c.score >= 0.85 * best.score and c.evidence.passage.doc_id != best.evidence.passage.doc_id
        }
        bonus = 0.03 * len(agreeing)
        documents = len({c.evidence.passage.doc_id for c in group})
        merged.append(replace(best, score=best.score + bonus, documents=documents))
    merged.sort(key=lambda c: c.score, reverse=True)
    return merged


@dataclass(frozen=True, slots=True)
class _PassageUsage:
    """How the passages read ahead use words, which one sentence alone may not tell."""

    plain_words: frozenset[str]  # written in lower case: "Spillway" opening a headline is one
    person_names: frozenset[str]  # the full names and surnames of people the NER model found
    place_names: frozenset[str]  # names used as places: "the port of Essvik", "the Saltkaj district"
    country_names: frozenset[str]  # places whose people are named after them: "Estravia" by "Estravian"
    # the corpus writes the word in a full name ("Gero Valente") and never alone as a place ("in Haldersby")
    in_full_names: Callable[[str], bool]
    place_kinds: Mapping[str, _SaidKind]  # what kind of place the passages call a name: "the villages of *Oxenmere*"

    @classmethod
    def of(
        cls, evidence: list[EvidenceSentence], corpus_uses: Callable[[str], bool], in_full_names: Callable[[str], bool]
    ) -> _PassageUsage:
        tokens = [t for sentence in evidence for t in sentence.span]
        ents = [ent for sentence in evidence for ent in sentence.span.ents]
        names = {name for ent in ents if _a_full_name(ent) for name in (ent.text, ent[-1].text)}
        # "Hugh Brennock" chairs "Brennock Nutrition": the bare "Brennock" may be either.
        names_of_bodies = {ent[0].text for ent in ents if ent.label_ == "ORG" and len(ent) >= 2}
        surnames = _surnames(ents)
        # "Matej Orlovan", an ORG to the NER model in the sentence that says he won, is the man it
        # calls "Orlovan" in sentence after sentence.
        names |= {
            ent.text
            for ent in ents
            if 2 <= len(ent) <= 3
            and all(t.is_title and t.pos_ == "PROPN" for t in ent)
            and ent[-1].text in surnames
            and not _names_an_institution(ent)
        }
        person_names = names - names_of_bodies
        places = {ent.text for ent in ents if ent.label_ in {"GPE", "LOC"} or _used_as_a_place(ent)}
        return cls(
            plain_words=frozenset(t.text for t in tokens if t.is_lower),
            person_names=frozenset(person_names),
            place_names=frozenset(places - person_names),
            country_names=frozenset(p for p in places if any(corpus_uses(d) for d in _demonyms(p))),
            in_full_names=in_full_names,
            place_kinds=_place_kinds(ents),
        )


def _surnames(ents: list[Span]) -> set[str]:
    """One-word names the NER model calls a person at least twice and more often than anything
    else: one such label may be a slip ("Orlovan" is once a GPE), a run of them is not."""
    labels: dict[str, Counter[str]] = {}
    for ent in ents:
        if len(ent) == 1 and ent[0].is_title and ent[0].pos_ == "PROPN":
            labels.setdefault(ent.text, Counter())[ent.label_] += 1
    return {
        name
        for name, counts in labels.items()
        if counts["PERSON"] >= 2 and counts["PERSON"] > sum(counts.values()) - counts["PERSON"]
    }


@dataclass(frozen=True)
class _SaidKind:
    noun: str  # lemma: "village"
    qualifiers: frozenset[str]  # the words that qualify it in any mention: "fishing" of "the *fishing* village of Nörvik"


def _place_kinds(ents: list[Span]) -> dict[str, _SaidKind]:
    """The kind of place the text calls each name by a place noun: "the nearby *villages* of
    Oxenmere and Little Brask", "Krell, a *village* in the valley"."""
    kinds: dict[str, _SaidKind] = {}
    for ent in ents:
        root = ent.root
        noun = None
        if root.dep_ in {"pobj", "conj"}:
            head = root.head
            while head.dep_ == "conj":  # "of Oxenmere and *Little Brask*"
                head = head.head
            if head.dep_ == "pobj" and head.head.lower_ == "of":
                head = head.head  # the conjunct's first item hangs on "of" too
            if head.lower_ == "of":
                noun = head.head
        appositive = next((c for c in root.children if c.dep_ == "appos" and c.is_lower), None)
        noun = appositive if noun is None else noun
        if noun is not None and noun.is_lower and noun.pos_ == "NOUN" and any(
            noun.lemma_.lower() in kind for kind in _PLACE_KINDS
        ):
            # The NER model may take a list for one name: "Ostley and Little Brent".
            for name in (ent.text, *re.split(r",\s*|\s+and\s+", ent.text)):
                said = kinds.setdefault(name, _SaidKind(noun.lemma_.lower(), frozenset()))
                if said.noun == noun.lemma_.lower():
                    kinds[name] = _SaidKind(said.noun, said.qualifiers | _modifier_keys(noun))
    return kinds


def _demonyms(place: str) -> set[str]:
    """What a nation's people may be called after a one-word place name: "Estravia" ->
    "Estravian", "Italy" -> "Italian", "Japan" -> "Japanese". A city's people rarely are, and
    "Parisian" and "Roman" are not formed here; "Milanese" and "Viennese" are, a rare cost: such
    a city is taken for a nation when a question asks for a town."""
    if " " in place or len(place) < 4:
        return set()
    if place[-1] not in "aey":
        return {place + "ese"}  # "Japanese"; "Paris" + "ian" would make Paris a nation
    forms = {place[:-1] + "ian", place[:-1] + "ese"}  # "Italian", "Canadian", "Chinese"
    if place.endswith("a"):
        forms.add(place + "n")  # "Estravian", "Kenyan"
    return forms


def _used_as_a_place(ent: Span) -> bool:
    """ "the *Saltkaj* district", "the port *of Essvik*", "*Olsdorf*, a village south of the
    capital": a name that qualifies a common noun for a place, or that one stands beside, names
    a place, though the small NER model may call it a PERSON."""
    root = ent.root
    if any(_a_place_noun(child) for child in root.children if child.dep_ == "appos"):
        return True
    if root.dep_ == "compound":
        head = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        head = root.head.head
    else:
        return False
    outside = not ent.start <= head.i < ent.end
    return outside and _a_place_noun(head)


def _a_place_noun(token: Token) -> bool:
    """A common noun for a place ("district", "village"), written as one, not in a name."""
    return token.is_lower and token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS


def _a_full_name(ent: Span) -> bool:
    """ "Dragan Morvell": a person's name of two or more capitalised words, no institution's."""
    return (
        ent.label_ == "PERSON"
        and len(ent) >= 2
        and all(t.is_title for t in ent)
        and not _names_an_institution(ent)
    )


def _answer_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split()).removeprefix("the ")


@dataclass(frozen=True, slots=True)
class _QuestionShape:
    """What ``_spans`` reads of the question alone, worked out once per question rather than
    once per evidence sentence."""

    granularity: re.Pattern[str] | None  # "What year ...?": the date must name one
    doer_nouns: tuple[str, ...]  # "Who *owns* ...?": owner, ...
    asks_about_saying: bool  # "When did she *address* the court?": the day of a saying answers
    asks_share_price: bool  # "What price did the shares close at?": a price per share
    asks_a_named_bodys_leader: bool  # "Who is the boss *of the company* ...?": its whole leader
    asks_a_definition: bool  # "What is a 'bad bank'?": what one is, whatever kind of thing
    # The defined noun's qualifiers ("covered", "hopper" of "a covered hopper wagon"), for a definition
    definition_qualifiers: frozenset[str]
    focus_qualifiers: frozenset[str]  # "fishing" of "Which *fishing* village ...?"
    # "fail" of "Why did the switch *fail*?": the lemmas of the question's verbs, and for "What
    # caused ...?" the verbs of causing
    verbs: frozenset[str]
    # "tanker" of "Who was in command of the *tanker*?": keys of the nouns for what the question
    # asks about, not for what it asks for
    nouns_asked_about: frozenset[str]

    @classmethod
    def of(cls, question: QuestionAnalysis) -> _QuestionShape:
        kind = question.answer_type
        defined = _defined_noun(question)
        return cls(
            granularity=_date_granularity(question) if kind is AnswerType.DATE else None,
            doer_nouns=_doer_nouns(question) if kind is AnswerType.PERSON else (),
            asks_about_saying=kind is AnswerType.DATE and any(
                t.lemma_.lower() in _SPEECH_VERBS | _SPEAKING_VERBS for t in question.doc
            ),
            asks_share_price=kind is AnswerType.NUMBER and _asks_share_price(question),
            asks_a_named_bodys_leader=question.focus in GENERIC_LEADERS and _names_the_led_body(question),
            asks_a_definition=defined is not None,
            definition_qualifiers=_qualifying_words(defined) if defined is not None else frozenset(),
            focus_qualifiers=frozenset(_modifier_keys(_asked_noun(question))),
            # "What set the forest alight?" is asked of whatever "started" or "caused" the fire.
            verbs=frozenset(t.lemma_.lower() for t in question.doc if t.pos_ == "VERB")
            | (_VERBS_OF_CAUSING if question.focus == "cause" else frozenset()),
            nouns_asked_about=_nouns_asked_about(question),
        )


def _asked_noun(question: QuestionAnalysis) -> Token | None:
    """The question's focus noun as a token: "village" of "Which fishing *village* ...?"."""
    if question.focus is None:
        return None
    return next((t for t in question.doc if t.lemma_.lower() == question.focus and t.pos_ == "NOUN"), None)


def _spans(
    question: QuestionAnalysis,
    sentence: EvidenceSentence,
    usage: _PassageUsage,
    question_keys: set[str],
    kind_of: Callable[[str, str], bool],
    shape: _QuestionShape,
) -> list[tuple[int, int, float]]:
    span = sentence.span
    # "What is a bad *bank*?" asks what one is: a definition, not the name of a bank, though its
    # noun is a body's; the noun phrases' reading below weighs definitions.
    kind = AnswerType.ENTITY if shape.asks_a_definition else question.answer_type
    matched = sentence.matched_tokens
    if kind in _ENTITY_LABELS:
        exact, compatible = _ENTITY_LABELS[kind]
        granularity, doer_nouns, asks_about_saying = shape.granularity, shape.doer_nouns, shape.asks_about_saying
        if kind is AnswerType.NUMBER and question.focus == "old":
            exact = exact | {"DATE"}  # spaCy tags "29-year-old" as a date
        if kind is AnswerType.NUMBER and question.focus in _NUMBER_FOCUS:
            preferred = _NUMBER_FOCUS[question.focus]
            compatible = (exact - preferred) | compatible
            exact = preferred
        spans = []

        def said(noun: Token) -> bool:
            """Does the question already name what a figure counts ("How many *jobs* ...?")."""
            counted = question.counted
            return term_key(noun.text) in question_keys or noun.lemma_.lower() in question_keys or (
                counted is not None and _same_thing(noun, counted)
            )

        # "How long *since* his last visit?" asks the time between, not the visit's length, even
        # where the question names the visit.
        said_of_a_length = (lambda noun: False) if _asks_time_elapsed(question) else said

        absorbed_until = -1
        for ent in _entities(span, question, kind_of, usage):
            if ent.start_char < absorbed_until:
                continue  # the rest of a longer name or amount just taken ("of Luján", "to 2022")
            end = entity_end(ent, said)
            if end > ent.end_char:
                absorbed_until = end
            fit = 1.0 if ent.label_ in exact else 0.5 if ent.label_ in compatible else 0.0
            if kind is AnswerType.PLACE and any(
                e.label_ in exact for e in span.ents if ent.end_char < e.start_char < end
            ):
                fit = max(fit, 1.0)  # "the Church of Our Lady of Luján" is a place, whatever the label of its start
            if kind is AnswerType.PLACE and _names_a_home_town(ent):
                fit = max(fit, 1.0)
            # The small NER model calls many foreign names ORG or GPE; the context may say better.
            named_person = (
                kind is AnswerType.PERSON
                and (ent.label_ in exact or _reads_as_person(ent, usage.in_full_names))
                and not _names_an_institution(ent)
            )
            if named_person:
                fit = 1.0
                if len(ent) == 1 and not usage.in_full_names(ent.text) and not _introduced_as_person(ent):
                    fit = 0.5  # "Sonnthal is heading for court": people are named in full somewhere
            if kind is AnswerType.PERSON and _opens_with_a_natural_feature(ent):
                fit = min(fit, 0.1)  # "*Mount* Aldra could erupt": a mountain speaks and acts, but is nobody
            if kind is AnswerType.NUMBER and _a_length_of_the_counted_time(ent, question):
                fit = 1.0  # "How many *years* ...?" is answered by "19 years", a DATE to the NER model
            if kind is AnswerType.NUMBER and question.focus in _NEARNESS and _a_length_of_time(ent):
                # "How close to liftoff ...?" "31 *seconds* before liftoff": nearness in time; but "how far
                # below the surface" is more often a measure, so a length of time ranks below one.
                fit = 0.6
            if not fit or _capitalized_common_word(ent, usage.plain_words) or _lower_case_name(ent):
                continue
            if kind is AnswerType.NUMBER and _CLOCK_FACE.fullmatch(ent.text):
                fit = 0.05  # "23:47", a CARDINAL to the NER model in some sentences, is a time of day: it counts nothing
            elif kind is AnswerType.NUMBER and question.focus == "many" and _RACE_TIME.fullmatch(ent.text):
                fit = 0.05  # nor does a time taken, "2:06:31", though "how fast" may ask one
            if kind is AnswerType.NUMBER and ent.label_ == "ORDINAL" and question.focus not in (None, "many"):
                fit = 0.05  # "How close ...?", "How much ...?" are not answered by "first" or "second"
            elif kind is AnswerType.NUMBER and ent.label_ == "ORDINAL" and _an_ordinal_of_another_thing(ent, question):
                fit = min(fit, 0.2)  # "the *31st* marathon" or "was *first* across" count no spectators
            if kind is AnswerType.DATE and question.focus == "long":
                # "How long ...?" wants a duration ("six years") or a length, not a day.
                fit = 1.0 if _DURATION.search(ent.text) or ent.label_ == "QUANTITY" else 0.4
                if ent.label_ == "QUANTITY" and not _DURATION.search(ent.text) and _asks_time_taken(question):
                    fit = 0.3  # "How long are bridges designed to *last*?" is no "412 metres"
                if fit == 1.0 and _lasts_the_thing_it_modifies(ent, said_of_a_length):
                    fit = 0.6  # a "two-day *visit*" tells how long the visit is, asked or not
            elif kind is AnswerType.DATE and granularity is not None and not granularity.search(ent.text):
                fit = 0.05  # "What year ...?" is not answered by "Thursday", nor "at what time" by "May"
            elif kind is AnswerType.DATE and question.focus is None and _only_a_length_of_time(ent):
                fit = 0.3  # "When was he arrested?" wants a point in time, not "(for) nine years"
            elif kind is AnswerType.DATE and question.focus is None and _a_length_of_time(ent):
                # "*16 days* before the eruption", "within 12 months": a time only from another
                # event, so a date on the calendar, where one is given, answers better.
                fit = 0.7
            elif kind is AnswerType.DATE and _places_nothing_in_time(ent):
                fit = 0.3  # "When will the report be out?" is not answered by "(in) the afternoon"
            if kind is AnswerType.DATE and _a_reference_number(ent):
                fit = 0.05  # "press release *2042/014*": no day, month or year has three digits
            if kind is AnswerType.DATE and _AGE.search(ent.text):
                fit = 0.05  # "between 35 and 40 years old" is an age: neither a time nor how long something took
            if kind is AnswerType.DATE and not asks_about_saying and _dates_the_saying(ent):
                fit = min(fit, 0.5)  # "she said *on Wednesday* that she would step down at the end of June"
            if kind is AnswerType.DATE and fit >= 0.5 and _bounded_as_asked(ent, question):
                fit += 0.3  # "*Until* when ...?" "... will last *until* 8 April", not "said on 9 March"
            if kind is AnswerType.DATE and question.asks_ahead and _before_the_story(ent, sentence):
                fit = 0.05  # "When *will* the old satellite be switched off?" is not "2015", before the story
            if kind is AnswerType.NUMBER and question.focus == "old" and not _AGE.search(ent.text):
                fit = 0.05  # "How old is she?" wants "29-year-old" or "aged 29"
            if kind is AnswerType.NUMBER and _numbers_a_name(ent):
                fit = 0.05  # "Gallery *14*", "Route *46*": the number is part of a name; it counts nothing
            if kind is AnswerType.NUMBER and _is_a_multiple(ent) and not _asks_a_multiple(question):
                fit = 0.2  # "two and a half *times* the peak flow" compares the flow, it is not one
            if question.focus and fit >= 0.5:
                role = _focus_token(ent, question.focus)
                if role is not None:
                    # "Cai Qi, a close *aide* of Xi's": the span is the thing the question names,
                    # unless the role differs ("*Prime* Minister X" for "foreign minister"). The
                    # link outweighs the entity label, which the small NER model often gets wrong.
                    if kind is AnswerType.PERSON and question.focus in _HUMAN_ROLES and _names_an_institution(ent):
                        # "a train run by Norrland Rail *Company*, the *chief* of the regulator, Ada
                        # Krenn": a role only people hold is not the institution's beside it.
                        fit = 0.25
                    elif _role_conflicts(role, question, kind_of):
                        fit = 0.3
                    elif question.focus in GENERIC_LEADERS and role.lemma_.lower() in CHAIR_TITLES:
                        fit = 1.2  # a company's "boss" is its chief executive rather than its chair
                    elif _role_qualifiers_meet(role, question):
                        fit = 1.7  # a title of the body the question names ("*union* president") fits best
                    elif shape.asks_a_named_bodys_leader and _leads_a_part(role, question, kind_of):
                        fit = 1.2  # the company's "boss" is no "*plant* manager" or "*mission* director"
                    else:
                        fit = 1.5
                elif kind is AnswerType.PLACE and _named_as_a_kind_of(ent, question.focus, kind_of):
                    fit = 1.5  # "Redwick Royal *Infirmary*" for "which hospital": the name says it is one
                elif kind is AnswerType.PERSON and question.focus in PERSON_NOUNS and not named_person:
                    # An organisation is not "the doctor" or "the boss", but may be "the operator".
                    trade = question.focus in _TRADE_ROLES and ent.label_ == "ORG"
                    fit = 1.0 if trade and not _another_kind_of_body(ent[-1].lemma_, "company") else 0.25
                elif kind is AnswerType.PERSON and _holds_another_office(_apposed_title(ent), question, kind_of):
                    fit = 0.3  # "Fiona Gallagher-Reid, Brennock's chief *executive*" is not its finance officer
            elif kind is AnswerType.PERSON and fit >= 0.5 and doer_nouns:
                if _titled_as(ent, doer_nouns):
                    fit = 1.5  # "Who owns the farm?" "the *owner* of Mossgate Farm, Bram Castell"
            if kind is AnswerType.PLACE and fit > 0 and not question.plural:
                # "made at the plant *in Rathmore*": a place stands after a locative preposition;
                # an organisation elsewhere ("Brennock Nutrition recalled ...") is not a place.
                fit += 0.2 if _after_a_locative(ent.root) else -0.2 if ent.label_ == "ORG" else 0.0
                if ent.root.dep_ == "poss":
                    fit -= 0.3  # "one of *Ireland's* largest producers" owns a thing; it places nothing
            if kind is AnswerType.PLACE and fit > 0 and question.heading is not None:
                way = _way_of(ent)
                if way == question.heading:
                    # "Where was the train heading?" "... bound *for Dunhallow*": the end of the way is
                    # the place asked, whatever the NER label, before one merely near it.
                    fit = max(fit, 1.0) + 0.3
                elif way is not None:
                    fit = min(fit, 0.3)  # ... is not "a train *from Caddow*"
            said_kind = usage.place_kinds.get(ent.text)
            if kind is AnswerType.PLACE and fit > 0 and said_kind is not None and said_kind.noun == question.focus:
                fit += 0.3  # "Which village ...?" "the nearby *villages* of Oxenmere": the text says it is one
                if shape.focus_qualifiers and shape.focus_qualifiers <= said_kind.qualifiers:
                    fit += 0.2  # ... and "Which *fishing* village ...?" "the *fishing* village of Nörvik"
            if kind is AnswerType.PLACE and fit > 0 and _another_kind_of_place(ent, question.focus, usage):
                fit = 0.2
            if kind in {AnswerType.PLACE, AnswerType.ORGANIZATION} and fit > 0.2 and (
                _introduced_as_person(ent) or kind is AnswerType.PLACE and _followed_by_who(ent)
            ):
                # A person, whatever the NER label: "her husband Cormac", "its lead investigator, Ilse
                # Varga-Holm", and for a place "Wenna Colbeck, who chairs ..." (firms take "who" too).
                fit = 0.2
            if kind is AnswerType.PLACE and _introduced_as_a_body(ent):
                continue  # "Vestrum-based security *firm* Brightmoor Labs" is no place
            if kind is AnswerType.ORGANIZATION and fit > 0 and _names_a_natural_feature(ent):
                fit = 0.2  # "Which institute ...?" is not answered by "the River Sorne", whatever the NER label
            if kind is AnswerType.PLACE and fit > 0 and _an_instance_of_another_thing(ent, kind_of):
                fit = 0.2  # "several bacteria, including Campylobacter": a bacterium, not a city
            if kind is AnswerType.ORGANIZATION and fit > 0 and _another_kind_of_body(ent[-1].lemma_, question.focus):
                fit = 0.2  # "Which *company* ...?" is not answered by "the Saltmere Regional *Court*"
            if kind is AnswerType.ORGANIZATION and ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_ONLY:
                fit -= 0.4  # "made at the plant *in Rathmore*" names a place, whatever the NER label
            if kind in _NAMED_KINDS and fit > 0.2 and _named_as_the_asked_about(ent, shape.nouns_asked_about):
                fit = 0.2  # "Who commanded the tanker?" is not "the *tanker* Aurelis Dawn": that is the tanker
            if kind is AnswerType.PERSON and fit >= 1.0 and _fills_subject_slot(ent, question):
                fit += 0.3  # "Who ordered ...?" is answered by whoever did the ordering
            if question.counted and kind is AnswerType.NUMBER:
                counted = _counted_by(ent)
                part_of = _part_of(ent) if counted is None else None
                if part_of is not None and _counts_the_asked(part_of, question, kind_of):
                    fit += 0.5  # "*14* of its 38 wagons" counts wagons too; a part of other things may still be
                elif counted is not None and _counts_the_asked(counted, question, kind_of):
                    # "36 cooperation *agreements*" for "how many agreements", "3,000 *sheep*" for "animals";
                    # in "14 of its 38 wagons left the track" the 38 only counts the whole of which 14 did it.
                    fit += 0.2 if _the_whole_of_a_part(ent) else 0.5
                elif counted is not None and question.focus == "many" and ent.label_ in _MEASURE_LABELS:
                    fit = 0.2  # a measure ("11 *kilometres*", "5%") does not count "how many animals"
                elif counted is not None and question.focus == "much" and ent.label_ in _AMOUNT_LABELS:
                    pass  # ... but measures "how much rain" ("212 *millimetres*") or "how much money"
                elif counted is not None and question.focus == "much" and _a_unit(counted, kind_of):
                    fit = max(fit, 1.0)  # ... as does "18,000 *litres*", which the NER model calls a plain number
                elif counted is not None and question.counted == "time" and not _times_after(ent):
                    fit = 0.2  # "How many times ...?" is not answered by "two *regions*", but by "*three times* the flow"
                elif counted is not None and _people_against_things(counted, question.counted, kind_of):
                    fit = 0.3  # "640 *flights*" are no "how many passengers", whatever the sentence's match
                elif counted is not None:
                    fit = 0.6  # "37 *vessels*" does not answer "how many dockworkers"
            if kind is AnswerType.NUMBER and ent.label_ == "CARDINAL" and _asks_money(question):
                unit = _counted_by(ent)
                if unit is not None and _a_unit_of_money(unit, kind_of):
                    fit = max(fit, 1.0)  # "4.2 million *talens*": money in a currency the NER model does not know
                elif unit is not None and _counts_people(unit, kind_of):
                    fit = min(fit, 0.1)  # "three *men*" are no sum of money
                elif unit is not None and kind_of(unit.lemma_.lower(), "entity"):
                    fit = min(fit, 0.5)  # "40 *vouchers*" are no sum of money, however big the question's grant
                elif unit is None and not _a_sum_in_millions(ent):
                    fit = min(fit, 0.3)  # "Her team of *nine*", a table's "*14*-16 July": a bare number is no cost
            elif kind is AnswerType.NUMBER and question.focus == "much" and ent.label_ == "CARDINAL":
                unit = _counted_by(ent)
                if unit is not None and _counts_people(unit, kind_of):
                    fit = min(fit, 0.1)  # "How much will each family receive?" is no "three *men*": "much" is no count
            if kind is AnswerType.NUMBER and question.focus in _SHARE_WORDS and _a_sum_or_a_measure(ent, kind_of):
                fit = min(fit, 0.1)  # "What share of readers ...?" is no "4.5 million *talens*" nor "40 *kilometres*"
            if kind is AnswerType.NUMBER and question.rate_unit and not _a_rate_of(ent, end, question.rate_unit):
                fit *= 0.5  # "How much cash *per share* ...?" is not answered by the deal's total
            if kind is AnswerType.NUMBER and fit > 0 and _in_another_unit(ent, question, kind_of):
                fit = min(fit, 0.1)  # "How *hot* is lava?" is no "two *kilometres*", what it will "cost" no "3-*kilometre*"
            if kind is AnswerType.NUMBER and question.focus in _SPEED_WORDS and _a_length_not_a_speed(ent, kind_of):
                fit = min(fit, 0.3)  # "How fast was the train going?" is no "80 km", but "68 km/h"
            if shape.asks_share_price and _a_sum_in_millions(ent):
                fit = min(fit, 0.2)  # shares that "fell 23 per cent, wiping *€310 million* off" the value
            if kind is AnswerType.NUMBER and _only_roughly(ent):
                fit = min(fit, 0.5)  # "*dozens* of houses" says less than the "31 houses" a later report counts
            start = ent.start_char
            if kind is AnswerType.NUMBER or (kind is AnswerType.DATE and question.focus == "long"):
                start = _after_hedge(ent, question.text)  # a figure or a length of time, not a time of day
            if kind is AnswerType.DATE:
                # "In *the year* 2033 he finished fourth": the year is the answer, not its name.
                year_words = _YEAR_WORDS.match(ent.text)
                start += year_words.end() if year_words else 0
                # "On what *date* ...?" is answered by "19 February", not "Sunday 19 February".
                weekday = _WEEKDAY_OF_A_DATE.match(ent.doc.text, start, ent.end_char) if question.focus == "date" else None
                start = weekday.end() if weekday else start
            if question.plural:
                start, listed_end = _with_conjuncts(ent)
                end = max(end, listed_end)
                # A question about several things is best answered by a list or a range
                # ("from 2014 to 2022" for "which years"), not one item.
                fit += 0.5 if (start, end) != (ent.start_char, ent.end_char) else -0.25
            elif kind is AnswerType.PLACE:
                # "Where did the tins end up?" "... exported to the United Kingdom and Malta": the
                # places listed together answer together.
                end = max(end, _end_of_listed_places(ent, exact), _end_of_place_noun(ent, said))
            spans.append((start, end, fit))
        if kind is AnswerType.DATE and question.focus != "long":
            stamp = _entry_time_stamp(sentence)
            if stamp is not None and (granularity is None or granularity.search(sentence.passage.text[slice(*stamp)])):
                spans.append((*stamp, 0.6))
        if kind is AnswerType.PERSON:
            # "Several Chinese leaders", "the foreign ministry spokesperson": people without a name.
            for chunk in span.noun_chunks:
                # "What is the *name* of ...?" is answered by no description.
                if chunk.root.lemma_.lower() in PERSON_NOUNS and not chunk.root.ent_type_ and not question.asks_name:
                    # "Which *expert* ...?" is not answered by "two experts": they are the kind asked, unnamed.
                    restates = question.focus is not None and chunk.root.lemma_.lower() == question.focus
                    another = _holds_another_office(chunk.root, question, kind_of)
                    spans.append((chunk.start_char, chunk.end_char, 0.3 if restates or another else 0.6))
        if kind in (AnswerType.PERSON, AnswerType.PLACE, AnswerType.ORGANIZATION):
            # A name the small NER model missed ("Grupo Ancla"): a proper-noun chunk outside entities.
            for chunk in span.noun_chunks:
                names = [t for t in chunk if t.pos_ == "PROPN"]
                if not names or not all(t.pos_ in {"PROPN", "DET"} for t in chunk) or any(t.ent_type_ for t in names):
                    continue
                name = _with_number(chunk.doc[names[0].i : names[-1].i + 1])
                if kind is AnswerType.PERSON:
                    name = _person_name_run(name, usage.plain_words)
                if _capitalized_common_word(name, usage.plain_words):
                    continue
                # "Dr Emeka Larrow, chief forecaster at ..., told ...": its title and use say a person.
                person = (
                    kind is AnswerType.PERSON
                    and _reads_as_person(name, usage.in_full_names)
                    and not _names_an_institution(name)
                )
                fit = 1.0 if person else 0.5
                if kind is AnswerType.PLACE and name.text in usage.place_names:
                    fit = 1.0
                elif kind is AnswerType.PLACE and _after_a_locative(name.root):
                    fit = 0.7  # "St Agneta's Hospital *in Ulvsted*", as for a name the model calls an ORG
                if _named_as_the_asked_about(name, shape.nouns_asked_about):
                    fit = 0.2  # "Who commanded the tanker?" is not "the *tanker* Aurelis Dawn", as above
                if kind is AnswerType.PERSON and not person:
                    if any(t.like_num for t in name):
                        continue  # "Warehouse 7", "Route 46": no person's name has a number
                    if question.focus in PERSON_NOUNS - _TRADE_ROLES:
                        fit = 0.25  # as for an organisation: not "the doctor", though maybe "the operator"
                spans.append((name.start_char, max(name.end_char, chunk.end_char), fit))
        if question.focus and kind is not AnswerType.PERSON:
            # "Which fruit export *season*": the phrase headed by the focus noun names the thing.
            for chunk in span.noun_chunks:
                if granularity is not None and not granularity.search(chunk.text):
                    continue  # "In what *year* ...?" is not answered by "at least five *years*"
                if chunk.root.lemma_.lower() == question.focus and (named := _named_after_of(chunk)) is not None:
                    # "the *church of St Aude*": a name the NER model missed, given after "of".
                    spans.append((chunk.start_char, named, 1.0))
                if chunk.root.lemma_.lower() == question.focus and len(chunk) >= 3:
                    spans.append((chunk.start_char, chunk.end_char, 0.8))
                    # "the nearby *Tallbacken* neighbourhood": the name is the answer to "which neighbourhood".
                    # The small model may tag the name an adjective ("Tallbacken" ADJ); a nationality is no name.
                    names = [
                        t for t in chunk
                        if t.is_title and not t.is_sent_start and t.dep_ in {"compound", "amod"}
                        and t.head.i == chunk.root.i and t.ent_type_ != "NORP"
                    ]
                    if (
                        names and chunk.root.is_lower  # not "the Vietnam News *Agency*", a name itself
                        and names[-1].i == chunk.root.i - 1 and names[-1].i - names[0].i == len(names) - 1
                    ):
                        # Tied to the focus noun as a name beside its role is ("*fireboat* Storm Petrel").
                        spans.append((names[0].idx, names[-1].idx + len(names[-1].text), 1.5))
        return spans
    if kind is AnswerType.QUOTE:
        speaker = _speaker_keys(question)
        quotes = _quote_spans(sentence, speaker)
        if not {t.lemma_.lower() for t in question.doc} & _DESCRIBING_VERBS:
            quotes += _reported_speech_spans(sentence, speaker)
        if question.focus == "reaction":
            # "How did he react?" may be answered by a deed ("shook his head"), but words are likelier.
            deeds = _clause_spans(span, AnswerType.MANNER, matched)
            return quotes + [(start, end, fit * 0.4) for start, end, fit in deeds]
        return quotes
    if kind in (AnswerType.REASON, AnswerType.MANNER):
        clauses = _clause_spans(
            span, kind, matched, cause=question.focus == "cause", kind_of=kind_of, asked_verbs=shape.verbs
        )
        if kind is AnswerType.MANNER:
            return clauses
        reasons = clauses + _reason_told_next(sentence)
        return [
            (_past_a_reporting_frame(span.doc, _past_because(span.doc.text, start, end), end), end, fit)
            for start, end, fit in reasons
        ]
    # ENTITY: noun phrases, named entities and quotes; a phrase headed by the focus noun, or
    # governed by a word of the question ("talks will *focus on* X"), fits best.
    quotes = [(s, e) for s, e, _ in _quote_spans(sentence)]
    spans = [(s, e, 0.5) for s, e in quotes]
    # "Into which *room* ...?" asks for a thing one can touch: no time or figure is one ("At 2:36
    # a.m. they lowered themselves ..."), though it may be a "deadline" or a "figure" (measures).
    tangible = question.focus is not None and _a_tangible_thing(question.focus, kind_of)
    asked_after = _wh_preposition(question)
    definition = shape.asks_a_definition
    for ent in span.ents:
        # A bare name answers "what" only weakly when the question names another kind of
        # thing ("What was the *relationship* ...?" is not answered by "Hanoi").
        fit = 0.15 if ent.label_ in _WEAK_ENTITY_LABELS else 0.3 if question.focus or _modifies_a_noun(ent) else 0.5
        start = ent.start_char
        role = _focus_token(ent, question.focus) if question.focus and ent.label_ not in _WEAK_ENTITY_LABELS else None
        if role is not None and not ent.start <= role.i < ent.end:
            # "the *fireboat* Storm Petrel" names the fireboat the question asks about; "the *Court*
            # of Appeal" says it is a court in its name, which the phrase round it may go on.
            fit = 1.0
            start = _name_start(ent)
        if tangible and ent.label_ in _TIME_AND_FIGURE_LABELS:
            fit = min(fit, 0.15)
        if definition:
            fit = min(fit, 0.15)  # a name is no definition
        spans.append((start, ent.end_char, fit))
    for chunk in span.noun_chunks:
        if chunk.root.pos_ == "PRON":
            continue
        phrase = _expand(chunk)
        fit = 0.4
        if question.focus and chunk.root.lemma_.lower() == question.focus:
            # A name headed by the asked noun ("the Cultural Heritage *Unit*" for "which police
            # unit") says which one; a plain phrase ("the new unit") may only restate the question.
            fit = 1.3 if chunk.root.is_title and not chunk.root.is_sent_start else 1.0
            # Vietnam's "Two Corridors, One Belt" framework: the quoted words are the thing's
            # name, and the phrase round them (often cut inside the quote) says less exactly.
            named = next(((s, e) for s, e in quotes if phrase.start_char < e <= chunk.root.idx), None)
            if named is not None:
                spans.append((*named, 1.0))
                fit = 0.4
            elif fit == 1.0 and not definition and (said := _said_to_be(chunk.root)):
                # "His winning *margin* was 27 seconds", "the *prize*, a bronze statuette,": the plain
                # phrase stands where the question has its "what"; what the text says it is answers.
                spans.extend((start, end, 1.0) for start, end in said)
                fit = 0.4
        elif _governed_by(chunk.root, matched):
            fit = 0.9
        owner = _owner_of_the_asked_kind(chunk, question.focus)
        if owner is not None:
            # "the Fire Investigation *Unit*'s report": the name of the asked kind owns the thing
            # the phrase is headed by; the owner's name alone answers "which unit".
            spans.append((phrase.start_char, owner.idx + len(owner.text), 1.3 if owner.is_title else 1.0))
        if asked_after is not None and chunk.root.dep_ == "pobj" and chunk.root.head.lower_ == asked_after:
            fit = max(fit, 1.0)  # "*Into* which room ...?" "... on a rope *into* Gallery 14"
        if definition and chunk.root.lemma_.lower() == question.focus and chunk.root.pos_ == "NOUN":
            # "What is a box girder?" asks what one is: "a separate concrete box girder" only
            # names one again; its apposition or what it is said to be defines it, unless that
            # names it again too ("The wagon, a covered hopper, ..." of "a covered hopper wagon").
            # A name's ("Orrin Valley Bank: failure and rescue") says what that one is, not the kind.
            restating = shape.definition_qualifiers
            spans.extend((start, end, 1.0) for start, end in _said_to_be(chunk.root, restating=restating))
            fit = 0.1
        elif definition:
            fit = min(fit, 0.15)  # ... and any other phrase of the sentence only stands near it
        if tangible and chunk.root.ent_type_ in _TIME_AND_FIGURE_LABELS:
            fit = min(fit, 0.15)
        spans.append((phrase.start_char, phrase.end_char, fit))
        if fit >= 1.0 and phrase.end_char > chunk.end_char:
            # "the eastern side" of "... of Essvik harbour": the attachment may only repeat the
            # question. Where it says as much, the whole phrase, listed first, wins the tie.
            spans.append((chunk.start_char, chunk.end_char, fit))
    return spans


def asks_a_definition(question: QuestionAnalysis) -> bool:
    """ "What is a box girder?", "What is scour at a bridge pier?": what a kind of thing is, not
    which one ("What is the fare?") nor what one did."""
    return _defined_noun(question) is not None


_PRESENT_BE = frozenset({"is", "are", "'s"})


def _defined_noun(question: QuestionAnalysis) -> Token | None:
    """The noun a definition question asks about, or None for any other question. It is the
    copula's subject, or its complement where the small model reads a quoted term so ("What is a
    'bad bank'?": "bank" attr, "What" attr too); the copula is in the present tense: "What *was*
    copper selling for ...?", "What was turnout at 4pm?" ask about the story."""
    words = [t for t in question.doc if not t.is_punct]
    if question.focus is None or len(words) < 3 or words[0].lower_ != "what" or words[1].lower_ not in _PRESENT_BE:
        return None
    noun = next(
        (t for t in words[2:] if t.dep_ in {"nsubj", "attr"} and t.head.i == words[1].i and t.pos_ != "PRON"), None
    )
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() != question.focus:
        return None
    determiners = [c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}]
    if not all(d in {"a", "an"} for d in determiners) or any(t.pos_ == "VERB" for t in words[2:]):
        return None
    return noun


def _qualifying_words(noun: Token) -> frozenset[str]:
    """Lemmas of the words that qualify the noun a definition question asks about ("covered",
    "hopper" of "a covered hopper wagon"). A phrase headed by one only names the thing again,
    while one headed by the noun itself may be its genus ("a hopper wagon is a *wagon* that ...")."""
    return frozenset(
        t.lemma_.lower() for t in noun.subtree if t.i < noun.i and t.dep_ in {"compound", "amod"} and not t.is_stop
    )


def _said_to_be(noun: Token, restating: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """What the text says ``noun`` is: its apposition ("box girders, *hollow beams of concrete*,")
    or the complement of its copula ("A box girder is *a hollow beam*"); none headed by one of the
    ``restating`` words, which only names the thing again."""
    said = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        said += [c for c in noun.head.children if c.dep_ == "attr"]
    said = [token for token in said if token.lemma_.lower() not in restating]
    spans = []
    for token in said:
        subtree = list(token.subtree)
        if len(subtree) <= _MAX_PHRASE_TOKENS:
            spans.append((subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)))
    return spans


def _owner_of_the_asked_kind(chunk: Span, focus: str | None) -> Token | None:
    """The possessor in ``chunk`` that is the asked noun ("the Tenant *Council*'s lawyer")."""
    if not focus:
        return None
    return next((t for t in chunk if t.i != chunk.root.i and t.dep_ == "poss" and t.lemma_.lower() == focus), None)


def _wh_preposition(question: QuestionAnalysis) -> str | None:
    """The preposition that opens a question before its wh-word: "*Into* which room ...?"."""
    doc = question.doc
    if len(doc) > 2 and doc[0].pos_ == "ADP" and doc[1].lower_ in {"which", "what"}:
        return doc[0].lower_
    return None


def _dates_the_saying(ent: Span) -> bool:
    """ "X said *on Wednesday* that she would step down", "told reporters *Tuesday* that ...":
    the time dates the report, not the clause it reports."""
    root = ent.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "on" else root.head
    return verb.lemma_.lower() in _SPEECH_VERBS and any(c.dep_ == "ccomp" for c in verb.children)


# Verbs by which a question asks about an act of speaking itself: "When did he last *address*
# the court?" is answered by the day he spoke.
_SPEAKING_VERBS = frozenset(
    "address speak talk announce declare state testify claim reveal confirm deny comment respond reply".split()
)


# The prepositions that set the same bound in time: "*until* when" is met by "till" too.
_TIME_BOUNDS: dict[str, frozenset[str]] = {
    "until": frozenset({"until", "till"}),
    "till": frozenset({"until", "till"}),
    "by": frozenset({"by", "before"}),
    "since": frozenset({"since"}),
}


def _bounded_as_asked(ent: Span, question: QuestionAnalysis) -> bool:
    """ "*Until* when ...?", "*By* when ...?": a time that is the object of a preposition setting
    the same bound ("until 8 April") answers; one merely in the sentence may date something else."""
    doc = question.doc
    if len(doc) < 3 or doc[1].lower_ != "when" or doc[0].lower_ not in _TIME_BOUNDS:
        return False
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in _TIME_BOUNDS[doc[0].lower_]


def _a_tangible_thing(noun: str, kind_of: Callable[[str, str], bool]) -> bool:
    """Is ``noun`` a thing one can touch ("room", "painting") and no measure ("figure", "stage")?"""
    return kind_of(noun, "physical_entity") and not kind_of(noun, "measure")


def _entry_time_stamp(sentence: EvidenceSentence) -> tuple[int, int] | None:
    """The clock time heading the live-blog entry a sentence belongs to ("21:15" on its own line
    above "The drill has broken through ..."): when the entry tells of something as it happens,
    the stamp is when it happened. Below a date the sentence states: a post may look back."""
    text = sentence.passage.text
    stamps = list(_STAMP_LINE.finditer(text, 0, sentence.span.start_char))
    return (stamps[-1].start(1), stamps[-1].end(1)) if stamps else None


def _modifies_a_noun(ent: Span) -> bool:
    """"a peaceful environment *in the Asia-Pacific*": a name inside a noun's prepositional
    phrase only qualifies the thing the phrase names, which answers "what" better. A figure
    there is the thing's value ("a fine *of up to €500,000*"), and keeps its fit."""
    root = ent.root
    in_a_phrase = root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in {"NOUN", "PROPN"}
    return in_a_phrase and ent.label_ not in _NUMERIC_LABELS


_VERB_OBJECTS = frozenset({"dobj", "prt", "attr", "oprd"})
_LOCATIVE_PREPOSITIONS = frozenset("in at near from outside inside across to into on off".split())
# Prepositions before a place but hardly ever before an organisation ("works *at* Google").
_PLACE_ONLY = frozenset("in near outside inside across".split())
_YEAR = re.compile(r"\b\d{4}\b")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
# The weekday before a date: "*Sunday* 19 February", "*Friday,* May 2" (it names the day again).
_WEEKDAY_OF_A_DATE = re.compile(
    rf"{_WEEKDAY.pattern},?\s+(?=\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH.pattern}|{_MONTH.pattern}\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)
# A time on the clock and nothing else ("07:21", "7:21 pm"): stricter than _CLOCK, which also
# finds "4.40" inside a longer date.
_CLOCK_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
# A line that is only a clock time: a live-blog entry's stamp.
_STAMP_LINE = re.compile(rf"^\s*({_CLOCK_TIME.pattern})\s*$", re.IGNORECASE | re.MULTILINE)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*(?:a\.?m|p\.?m)\b|\bnoon\b|\bmidnight\b|o'clock", re.IGNORECASE)
# A day: "Tuesday", "yesterday", "March 3", "3rd March".
_DAY = re.compile(
    rf"{_WEEKDAY.pattern}|\b(?:today|yesterday|tomorrow)\b|"
    rf"{_MONTH.pattern}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH.pattern}",
    re.IGNORECASE,
)
# A calendar date names its day: "June 28", "28 June 2019", "28/6"; a year or a month alone does not.
_CALENDAR_DATE = re.compile(
    rf"{_MONTH.pattern}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.pattern}|\b\d{{1,2}}[./-]\d{{1,2}}\b"
    # A month of a year is a date to the month ("best before *March 2027*"), a month alone is not.
    rf"|{_MONTH.pattern}\s+\d{{4}}\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\d+[\s-]*years?[\s-]*old|\baged\s+\d+|\d+-year-old", re.IGNORECASE)


def _date_granularity(question: QuestionAnalysis) -> re.Pattern[str] | None:
    """What a "what year / what day of the week / what time / what month" question must be answered with."""
    lowered = question.text.casefold()
    if question.focus == "year":
        return _YEAR
    if question.focus == "month":
        return _MONTH
    if "day of the week" in lowered or question.focus == "weekday":
        return _WEEKDAY
    if question.focus == "day":
        return _DAY  # "On what day ...?" wants "Tuesday" or "March 3", not "three months" or "2019"
    if question.focus == "time" and ("what time" in lowered or "which time" in lowered):
        return _CLOCK
    if question.focus == "date":
        return _CALENDAR_DATE  # "On what date ...?" wants "June 28", not "Thursday", "2018" or "30-year"
    return None


# Words that make a length of time a point: "in two weeks", "three days ago", "a year later".
_RELATIVE_BEFORE = frozenset("in within after by".split())
_RELATIVE_AFTER = frozenset("ago later earlier after before from on".split())


def _lasts_the_thing_it_modifies(ent: Span, said: Callable[[Token], bool]) -> bool:
    """"two-day" in "a two-day visit", "30-year" in "the 30-year concession": a length of time
    used as a modifier answers "how long" only for that noun, when the question says it."""
    root = ent.root
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.pos_ == "NOUN" and not said(root.head)


def _a_rate_of(ent: Span, end: int, unit: str) -> bool:
    """Is the figure given per ``unit``: "38 ostrals *a share*", "$2.10 *per* ordinary *share*",
    "1,000 yen *for each* share", whether or not the amount's span took the words in?"""
    text = ent.doc.text
    after = text[ent.end_char : max(end, ent.end_char) + 40]
    rate = rf"^[^.;:!?]{{0,25}}?\b(?:a|an|per|each|for each|for every)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(unit)}(?:s|es)?\b"
    return re.match(rate, after, re.IGNORECASE) is not None


def _asks_time_elapsed(question: QuestionAnalysis) -> bool:
    """ "How long has it been *since* ...?", "How long *ago* ...?": the time gone by."""
    return any(t.lower_ in {"since", "ago"} for t in question.doc)


def _a_length_of_time(ent: Span) -> bool:
    """"nine years", "31 seconds": a duration with no calendar point in it."""
    return _DURATION.search(ent.text) is not None and not any(
        p.search(ent.text) for p in (_YEAR, _MONTH, _WEEKDAY, _CLOCK)
    )


_SLASHED_NUMBER = re.compile(r"\d+(?:/\d+)+")


def _a_reference_number(ent: Span) -> bool:
    """Is the "date" a document's number ("press release 2042/014", "decision 2035/117")? Its
    slashed figures hold a part of three digits, which no day, month or year is written in."""
    return any(
        any(len(part) == 3 for part in match.group(0).split("/")) for match in _SLASHED_NUMBER.finditer(ent.text)
    )


def _only_a_length_of_time(ent: Span) -> bool:
    """"nine years", "30-year": a duration with no calendar point and no word making it one."""
    if not _a_length_of_time(ent):
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before not in _RELATIVE_BEFORE and after not in _RELATIVE_AFTER and not ent.text.lower().startswith(
        tuple(f"{w} " for w in _RELATIVE_BEFORE)
    )


# Nouns for a stretch of time that, with only "the" or "that" before them, say no when. Not
# "weekend": in news "over the weekend" is the one just gone, as "last week" is.
_TIME_STRETCHES = frozenset("morning afternoon evening night day week month year hour".split())
_UNPLACING_WORDS = frozenset({"the", "that"})


def _places_nothing_in_time(ent: Span) -> bool:
    """"the afternoon", "that week", "Hours": a stretch of time that nothing in the span places,
    neither a number, a name (a weekday, a month) nor "this", "next" or "last", which date it from
    the story. "that afternoon" points back to a day the sentence before gave."""
    words = [t for t in ent if not t.is_punct]
    if not words or words[-1].lemma_.lower() not in _TIME_STRETCHES:
        return False
    if len(words) == 1:
        # The NER model often leaves the article out ("in the [afternoon]"). "Hours" as a column
        # head places nothing either; a bare "(at) night" is a time of day.
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        return words[0].tag_ == "NNS" or (before is not None and before.lower_ in _UNPLACING_WORDS)
    return all(t.lower_ in _UNPLACING_WORDS for t in words[:-1])


def _entities(
    span: Span,
    question: QuestionAnalysis,
    kind_of: Callable[[str, str], bool],
    usage: _PassageUsage,
) -> list[Span]:
    """The sentence's named entities, plus, for "how many X" questions, the numerals of X the
    NER model missed ("... and *900* cattle drowned")."""
    ents = _with_days_of_month([_with_currency(_as_percentage(ent)) for ent in span.ents])
    # The label the context gives, where the small NER model's is wrong: a person, a body, a place.
    ents = [_as_known_place(_as_known_body(_as_known_person(ent, usage.person_names)), usage) for ent in ents]
    if question.answer_type is AnswerType.DATE:
        ents = sorted([_as_clock_time(ent) for ent in ents] + _missed_clock_times(span, ents), key=lambda e: e.start)
        if _date_granularity(question) is _CLOCK:
            ents = [_only_the_clock_time(ent) for ent in ents]
    if question.answer_type is AnswerType.NUMBER and question.counted:
        for token in _outside_entities(span, ents):
            if token.pos_ == "NUM" and any(ch.isdigit() for ch in token.text):
                numeral = Span(span.doc, token.i, token.i + 1, label="CARDINAL")
                counted = _counted_by(numeral)
                if counted is not None and _counts_the_asked(counted, question, kind_of):
                    ents.append(numeral)
    return ents


# Verbs of "How long ...?" that ask for a time, not a length: "How long did the rescue *take*?"
_VERBS_OF_TIME = frozenset("last take wait stay remain spend survive endure persist continue".split())


def _asks_time_taken(question: QuestionAnalysis) -> bool:
    """A verb of time is the question's own, not one that describes a thing: "How long was the
    line of trucks *waiting* outside?" asks the line's length."""
    return any(
        t.lemma_.lower() in _VERBS_OF_TIME and t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"acl", "relcl", "amod"}
        for t in question.doc
    )


def _with_days_of_month(ents: list[Span]) -> list[Span]:
    """ "from *12* *August 2034*": the NER model may cut the day from its month; it is one date,
    and its day counts nothing ("How many comments ...?" is not answered by "12")."""
    merged: list[Span] = []
    for ent in ents:
        last = merged[-1] if merged else None
        if (
            last is not None and last.label_ == "CARDINAL" and ent.label_ == "DATE" and last.end == ent.start
            and len(last) == 1 and last.text.isdigit() and 1 <= int(last.text) <= 31 and _MONTH.match(ent[0].text)
        ):
            merged[-1] = Span(ent.doc, last.start, ent.end, label="DATE")
        else:
            merged.append(ent)
    return merged


def _as_known_place(ent: Span, usage: _PassageUsage) -> Span:
    """A name the passages use as a place's is a place: the small NER model calls the town in
    "the port of Essvik" a PERSON, though "Essvik harbour" says what it is."""
    if ent.label_ not in {"PERSON", "ORG"} or ent.text not in usage.place_names:
        return ent
    if not _reads_as_person(ent, usage.in_full_names):
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    return ent


def _as_known_body(ent: Span) -> Span:
    """A "person" whose name or introduction says it is a body is one: the small NER model
    calls "the security firm Brightmoor Labs" a PERSON."""
    if ent.label_ == "PERSON" and _names_an_institution(ent):
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def _as_known_person(ent: Span, person_names: frozenset[str]) -> Span:
    """A name the passages give elsewhere as a person's is a person: the small NER model calls
    "Morvell" an ORG in one sentence though it reads "former port chief Dragan Morvell" right."""
    if ent.label_ in {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"} and ent.text in person_names:
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def _outside_entities(span: Span, ents: list[Span]) -> list[Token]:
    """The span's tokens that no entity covers: where the NER model missed a numeral or a time."""
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    return [token for token in span if token.i not in covered]


def _missed_clock_times(span: Span, ents: list[Span]) -> list[Span]:
    """Clock times the NER model tagged as nothing at all, often at a sentence's start ("*At
    07:40* on Tuesday a team ... brought her out")."""
    return [
        Span(span.doc, token.i, token.i + 1, label="TIME")
        for token in _outside_entities(span, ents)
        if _CLOCK_FACE.fullmatch(token.text) and _CLOCK_TIME.fullmatch(token.text)
    ]


def _as_clock_time(ent: Span) -> Span:
    """A clock time is a time: the small NER model reads "at 07:21" as a CARDINAL."""
    if ent.label_ in {"CARDINAL", "QUANTITY"} and _CLOCK_TIME.fullmatch(ent.text):
        return Span(ent.doc, ent.start, ent.end, label="TIME")
    return ent


def _only_the_clock_time(ent: Span) -> Span:
    """"At what time ...?" is answered by the clock time of "06:42 this morning" or "7:15 pm on
    Friday": the day beside it answers "when", which the question did not ask. A span with two
    clock times ("between 06:10 and 07:45") is a range and stays whole."""
    times = list(_CLOCK_TIME.finditer(ent.text))
    if len(times) != 1 or times[0].group(0) == ent.text:
        return ent
    start, end = ent.start_char + times[0].start(), ent.start_char + times[0].end()
    clock = ent.doc.char_span(start, end, label="TIME", alignment_mode="expand")
    return clock if clock is not None and len(clock) < len(ent) else ent


def _as_percentage(ent: Span) -> Span:
    """A figure in per cent is a percentage: the small NER model reads the British "23 per
    cent" as MONEY (and "61 per cent" too), though it knows "4.5 percent"."""
    if ent.label_ != "PERCENT" and _PERCENT_TEXT.search(ent.text):
        return Span(ent.doc, ent.start, ent.end, label="PERCENT")
    return ent


def _with_currency(ent: Span) -> Span:
    """A figure after a currency sign is an amount of money with its sign: the small NER model
    leaves the sign out of "€4.12" and "£3.5m" (though not of "€310 million")."""
    if ent.label_ not in {"MONEY", "CARDINAL"} or ent.start == 0:
        return ent
    sign = ent.doc[ent.start - 1]
    if not sign.is_currency or sign.whitespace_:
        return ent
    return Span(ent.doc, ent.start - 1, ent.end, label="MONEY")


_TITLES = frozenset("mr ms mrs miss dr prof sir dame rev fr sr".split())


def _is_title(word: str) -> bool:
    """"Mr", "Dr.", "ms": a courtesy or academic title before a name."""
    return word.lower().rstrip(".") in _TITLES


# Abbreviated titles that name a role: "Dr X" is a doctor, "Insp X" an inspector.
_TITLE_ROLES = {
    "dr": "doctor", "prof": "professor", "gen": "general", "capt": "captain", "sgt": "sergeant",
    "insp": "inspector", "det": "detective", "sen": "senator", "gov": "governor", "rep": "representative",
    "supt": "superintendent", "lt": "lieutenant", "col": "colonel", "cllr": "councillor",
}
# Role nouns that describe companies as often as people ("terminal *operator* X", "*producer* X").
_TRADE_ROLES = frozenset("operator owner producer exporter investor trader broker".split())
# ... which, like these collective nouns, say nothing of whether a name is a person's.
_HUMAN_ROLES = PERSON_NOUNS - _TRADE_ROLES - frozenset("member representative body group crew".split())
_SPEECH_VERBS = frozenset("say tell add note explain warn insist argue admit ask".split())


def spoken_by_a_pronoun(span: Span) -> bool:
    """'"I have waited eleven months for this hip," *he said*': the sentence's speaker is a
    pronoun, so who speaks (and their age or town) was named before it. Only outside the quote
    marks: in '"Now *they tell* me to wait," the director said' the words are the speaker's own."""
    return any(
        token.dep_ == "nsubj"
        and token.lower_ in {"he", "she", "they"}
        and token.head.lemma_.lower() in _SPEECH_VERBS
        and not _inside_quote_marks(span.doc.text, token.idx)
        for token in span
    )


def _inside_quote_marks(text: str, at: int) -> bool:
    """Is ``at`` inside a quotation, by the marks opened and not closed before it?"""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _reads_as_person(ent: Span, in_full_names: Callable[[str], bool] = lambda word: True) -> bool:
    """The text around a name says it is a person, whatever its NER label: a title or role just
    before it or opening it ("Dr", "prosecutor"), a role in apposition ("X, a consultant"), or it
    speaks, if a one-word name is one the corpus also writes in a full name (``in_full_names``):
    regions, firms and governments speak too ("Sonnthal says it will go to court")."""
    if all(t.like_num or not t.is_alpha for t in ent):
        return False  # "arrested one man, not *three*": a number beside a person is no name
    if _introduced_as_person(ent):
        return True
    root = ent.root
    # "a fund *run by* Ines Calderwood": what a person does to a body ("owned by" is not: bodies own too).
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_.lower() in LEADING_VERBS:
        return len(ent) >= 2 and all(t.is_title for t in ent)  # a full name; "run by the state" is none
    speaks = root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH_VERBS
    return speaks and (len(ent) >= 2 or in_full_names(ent.text))


def _introduced_as_person(ent: Span) -> bool:
    """A title or role opens the name or stands just before it ("Dr", "prosecutor"), or a role
    stands in apposition ("X, a consultant")."""
    if len(ent) >= 2 and _is_title(ent[0].text):
        return True  # the NER model took the title into the name ("Dr Emeka Larrow")
    if ent.start > 0:
        before = ent.doc[ent.start - 1]
        if _is_title(before.text) or before.lemma_.lower() in _HUMAN_ROLES:
            return True
    if _followed_by_an_age(ent):
        return True
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in _HUMAN_ROLES:
        return True
    return any(child.dep_ == "appos" and child.lemma_.lower() in _HUMAN_ROLES for child in root.children)


# The marks that set an age off after a name, and those that may close it: ", 67," ", 67." "(71)".
_AGE_MARKS: dict[str, frozenset[str]] = {",": frozenset({",", ".", ";"}), "(": frozenset({")"})}


def _followed_by_an_age(ent: Span) -> bool:
    """ "Marta Solvik, 67, was brought out", "Kaspar Linde (71)": news gives a person's age set
    off right after the full name. Only a name of two or more capitalised words: "Route 46, 12"
    or a team's score are no such thing."""
    doc = ent.doc
    if len(ent) < 2 or not all(t.is_title for t in ent) or ent.end + 2 >= len(doc):
        return False
    opening, number, closing = doc[ent.end], doc[ent.end + 1], doc[ent.end + 2]
    return (
        opening.text in _AGE_MARKS
        and closing.text in _AGE_MARKS[opening.text]
        and number.text.isdigit()
        and 1 <= int(number.text) <= 115
    )


def _followed_by_who(ent: Span) -> bool:
    """ "Wenna Colbeck, *who* chairs the association": "who" stands for a person, and no place
    takes it ("which", "where"), though British writers give it to firms and councils ("Kestrel
    Freight, who run the line"): a sign against a place, not for a person. Only a name of two or
    more capitalised words, as for an age."""
    doc = ent.doc
    if len(ent) < 2 or not all(t.is_title for t in ent):
        return False
    after = [t.lower_ for t in doc[ent.end : ent.end + 2]]
    if after[:1] == [","]:
        after = after[1:]
    return bool(after) and after[0] in {"who", "whose"}


def _after_a_locative(token: Token) -> bool:
    """ "made at the plant *in* Rathmore": the object of a preposition of place."""
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPOSITIONS


def _way_of(ent: Span) -> str | None:
    """"to" for a place a way ends at ("towed *to* the quay at Tarrow", "bound *for* Brannock"),
    "from" for one it starts at ("a train *from* Caddow"), None for a place where something is."""
    token = ent.root
    for _ in range(3):
        if token.dep_ != "pobj":
            return None
        preposition = token.head
        if preposition.lower_ in GOAL_PREPOSITIONS or (
            preposition.lower_ == "for" and preposition.head.lemma_.lower() in _SETTING_OUT
        ):
            return "to"
        if preposition.lower_ in SOURCE_PREPOSITIONS:
            return "from"
        if preposition.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        token = preposition.head  # "the quay *at Tarrow*": the way of the place it qualifies
    return None


# Verbs whose "for" names where a way ends: "bound *for* Brannock", "left *for* the capital".
_SETTING_OUT = frozenset("bound bind head leave depart sail set".split())


def _names_a_home_town(ent: Span) -> bool:
    """ "a driver *from Curicó*", "a teacher *from Mallow*": where a person comes from is a place,
    though the small NER model calls most small towns ORG. Not "an official from the Ministry"."""
    preposition = ent.root.head
    return (
        ent.root.dep_ == "pobj"
        and preposition.lower_ == "from"
        and preposition.head.lemma_.lower() in PERSON_NOUNS
        and not _names_an_institution(ent)
    )


def _names_an_institution(ent: Span) -> bool:
    """ "the Food Safety *Authority* of Ireland": a name built on an institution's noun is no
    person, whatever label the small NER model gives it; nor is one the text introduces as a
    body ("the security *firm* Brightmoor Labs", "the printing *group* Vestpress")."""
    return any(t.lemma_.lower() in _INSTITUTION_NOUNS for t in ent if not t.is_lower) or _introduced_as_a_body(ent)


def _introduced_as_a_body(ent: Span) -> bool:
    """ "the security *firm* Brightmoor Labs": the common noun before a name says what it is."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    introduced = (before.dep_ == "compound" and before.head.i == ent.root.i) or (
        ent.root.dep_ == "appos" and ent.root.head.i == before.i
    )
    return introduced and before.is_lower and before.lemma_.lower() in _BODY_NOUNS


# Nouns that open or end the names of rivers, mountains and the like ("the River Sorne", "Mount
# Keld", "the Vardhorn Glacier"), never of bodies.
_NATURAL_FEATURES = frozenset("river lake sea gulf bay coast beach island mount mountain valley glacier forest".split())


def _names_a_natural_feature(ent: Span) -> bool:
    """The name opens or ends with a natural feature's noun: "the *River* Sorne" is no institute.
    Not one inside it: "Sorne *Valley* Water" is a utility."""
    words = [t for t in ent if not t.is_stop and t.is_alpha]
    return bool(words) and any(t.lemma_.lower() in _NATURAL_FEATURES and t.is_title for t in (words[0], words[-1]))


def _opens_with_a_natural_feature(ent: Span) -> bool:
    """A capitalised natural feature's noun opens the name: "*Mount* Aldra", "*Lake* Orm". Only
    the first word, since people bear such words as surnames ("Damon *Hill*"), and not "River",
    a first name too."""
    words = [t for t in ent if not t.is_stop and t.is_alpha]
    return len(words) >= 2 and words[0].is_title and words[0].lemma_.lower() in _NATURAL_FEATURES - {"river"}


def _named_as_a_kind_of(ent: Span, focus: str, kind_of: Callable[[str, str], bool]) -> bool:
    """The name's last word, capitalised, is a kind of the asked place to WordNet (or a synonym of
    it): "Redwick Royal *Infirmary*" is a hospital, "St Mary's *Cathedral*" a church."""
    last = ent[-1]
    return last.is_title and last.lemma_.lower() != focus and kind_of(last.lemma_.lower(), focus)


def _an_instance_of_another_thing(ent: Span, kind_of: Callable[[str, str], bool]) -> bool:
    """The name is given as an example of a thing that is no place: "several *bacteria*,
    including Campylobacter", "*firms* such as Brightmoor". "cities such as Velm" stays a place."""
    marker = ent.root.head
    if ent.root.dep_ != "pobj" or marker.lower_ not in {"including", "as", "like"}:
        return False
    if marker.lower_ == "as" and not (marker.i > 0 and marker.doc[marker.i - 1].lower_ == "such"):
        return False
    thing = next((t for t in marker.ancestors if t.pos_ == "NOUN"), None)
    if thing is None or thing.i > ent.start or ent.start - thing.i > 4:
        return False
    lemma = thing.lemma_.lower()
    return lemma not in PLACE_NOUNS and not kind_of(lemma, "location")


# Nouns that end or head the names of bodies and places, never of people.
_INSTITUTION_NOUNS = frozenset(
    "authority agency ministry department council board commission committee company corporation "
    "group bank fund trust university college school hospital clinic court tribunal police service "
    "institute association union federation foundation party office bureau inc ltd plc llc gmbh "
    "county co street road avenue square airport port station".split()
)


# Kinds of body, by the nouns that end their names or name them in a question.
_BODY_KINDS = (
    frozenset("company firm business corporation group inc ltd plc llc gmbh co operator maker manufacturer "
              "producer supplier contractor insurer carrier retailer lender bank consultancy".split()),
    frozenset("court tribunal".split()),
    frozenset("authority agency ministry department council commission committee board office bureau "
              "regulator government police inspectorate directorate".split()),
    frozenset("university college school hospital clinic institute".split()),
    frozenset("association union federation foundation party charity".split()),
)


# Common nouns that introduce a body's name: "the security *firm* Brightmoor Labs".
_BODY_NOUNS = frozenset().union(*_BODY_KINDS) | frozenset(
    "gang network lab laboratory organisation organization".split()
)

_BODY_KEYS = frozenset(term_key(noun) for noun in _BODY_NOUNS)

# Kinds of place, by the nouns that end their names or name them in a question.
_BUILDINGS = frozenset(
    "hospital school church chapel hotel station airport stadium building hall prison gym shelter museum "
    "gallery library theatre theater".split()
)
_PLACE_KINDS = (
    frozenset("city town village municipality capital".split()),
    frozenset(
        "district neighbourhood neighborhood suburb region province county state country nation territory".split()
    ),
    _BUILDINGS,
    frozenset("river lake sea gulf bay harbour harbor coast beach".split()),
    frozenset("hill mountain peak ridge valley glacier forest island plateau ledge reef cape headland peninsula".split()),
    frozenset("road street highway motorway route bridge square park".split()),
)


def _another_kind_of_place(ent: Span, focus: str | None, usage: _PassageUsage) -> bool:
    """The question asks for one kind of place and the name says it is another: "Which *town*
    ...?" is not answered by "Brenne *Hospital*", nor "Which *city* ...?" by "the National
    *Museum* of Velmora" (the name's head word, not its last), nor by "Estravia", whose people
    the corpus calls "Estravians", nor "Which *church* ...?" by Brévine, which the text calls a
    *village*."""
    head = ent.root
    if head.is_lower:
        return False
    # The small model keeps a name's plural as its lemma: "the Gerrin *Hills*" are hills.
    lemma = head.lemma_.lower()
    named = "country" if ent.text in usage.country_names else lemma[:-1] if lemma.endswith("s") else lemma
    said = usage.place_kinds.get(ent.text)
    # What the text calls it settles only a building against a settlement or a stretch of
    # land or water: "Port Sallis, the island's main *town*" may still be the harbour asked.
    return _kinds_differ(_PLACE_KINDS, focus, named) or (
        said is not None
        and _kinds_differ(_PLACE_KINDS, focus, said.noun)
        and bool(_BUILDINGS & {focus, said.noun})
    )


_PLACE_OR_BODY_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _named_after_of(chunk: Span) -> int | None:
    """Where "the church *of St Aude*" ends: the phrase's noun with "of" and a name the NER
    model takes for no place or body (a saint's name is a person's to it). A name it takes
    for one is read as an entity, with the kind the text gives it ("the village of Nörvik")."""
    of = next((c for c in chunk.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    if name is None or name.pos_ != "PROPN" or any(t.ent_type_ in _PLACE_OR_BODY_LABELS for t in name.subtree):
        return None
    # Not what is joined to the name: "the church of St Oda *and forty homes*".
    joined = {t.i for child in name.children if child.dep_ in {"cc", "conj"} for t in child.subtree}
    last = max((t for t in name.subtree if t.i not in joined), key=lambda t: t.i)
    return last.idx + len(last.text)


def _another_kind_of_body(last_word: str, focus: str | None) -> bool:
    """The question asks for one kind of body and the name, by its last word, says it is
    another: a name ending in "Court" is no company, one ending in "Ltd" no court."""
    return _kinds_differ(_BODY_KINDS, focus, last_word.lower().rstrip("."))


def _kinds_differ(kinds: tuple[frozenset[str], ...], asked: str | None, named: str) -> bool:
    """The asked word and the name's word are both of ``kinds``, and of different ones."""
    asked_kind = next((kind for kind in kinds if asked in kind), None)
    named_kind = next((kind for kind in kinds if named in kind), None)
    return asked_kind is not None and named_kind is not None and asked_kind is not named_kind


def _capitalized_common_word(ent: Span, plain_words: frozenset[str]) -> bool:
    """A one-word "name" that starts its sentence and is a plain lower-case word elsewhere in the
    passages (``plain_words``, from every sentence of them): the NER model takes a
    headline's "Spillway gives way ..." for a person."""
    token = ent[0]
    return len(ent) == 1 and token.is_sent_start and token.is_title and token.lower_ in plain_words


def _lower_case_name(ent: Span) -> bool:
    """A "name" written all in lower case: the NER model calls the currency of "a 250,000
    *guldar* reward" a person. Figures, dates and nationalities may be lower case."""
    return ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and not any(t.text[:1].isupper() for t in ent)


def _governed_by(token: Token, matched: frozenset[int], steps: int = 3) -> bool:
    """Is the token an argument of a question word: its head chain reaches a matched token."""
    current = token
    for _ in range(steps):
        head = current.head
        if head.i == current.i:
            return False
        if head.i in matched or any(child.i in matched for child in head.children if child.dep_ in {"compound", "amod"}):
            return True
        current = head
    return False


def _only_roughly(ent: Span) -> bool:
    """A figure in words that give no count: "dozens", "hundreds of homes", "a few hundred metres",
    "several"."""
    words = [t.lower_ for t in ent]
    return not any(t.like_num and any(ch.isdigit() for ch in t.text) for t in ent) and any(
        word in _ROUGH_QUANTITIES for word in words
    )


# A share price is quoted per share: what a stock is "trading at", "closed at", how far it "fell".
_SHARE_NOUNS = frozenset({"share", "stock"})
# Words for a price's move, not a company's ("gain", "lose" are as often profits and losses).
_PRICE_MOVES = frozenset("close trade fall drop slip sink slide tumble plunge plummet dip rise climb jump soar".split())
# ... unless the question asks what the company, or a stake, is worth as a whole.
_WHOLE_VALUE_WORDS = frozenset("value worth valuation capitalisation capitalization wipe cap stake".split())
_MAGNITUDES = frozenset("million billion trillion bn mn m".split())


def _asks_share_price(question: QuestionAnalysis) -> bool:
    """"At what *price* were the *shares* trading?", "By how much did the *share price* drop?",
    "How far did Trevane's *stock rise*?": asked of a price per share, not of a total. Words, not
    the parse: the small model reads "stock rise" as a noun compound."""
    lemmas = {t.lemma_.lower() for t in question.doc}
    if question.focus == "many" or not lemmas & _SHARE_NOUNS or lemmas & _WHOLE_VALUE_WORDS:
        return False  # "How many shares were traded?" counts them
    return "price" in lemmas or bool(lemmas & _PRICE_MOVES)


def _a_sum_in_millions(ent: Span) -> bool:
    """"roughly €310 *million*", "$1.2bn", "2,400,000": a company's value or a deal's size, never a
    price per share."""
    if any(t.lower_ in _MAGNITUDES or re.fullmatch(r"[\d.,]+(?:bn|mn|m)", t.lower_) for t in ent):
        return True
    digits = [float(t.text.replace(",", "")) for t in ent if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t.text)]
    return any(value >= 1_000_000 for value in digits)


# What may stand before a figure's number in its entity, and when the answer leaves it out: a hedge
# ("*about* 4,200", "*an estimated* 1,800") always, for the answer is the figure, the shortest
# span that answers; a bound ("*more than* 140" is not 140) only where the question sets the same
# bound ("What would the clean-up cost *at the very least*?" of "at least 40 million").
_ALWAYS = re.compile("")
_LEFT_OUT_BEFORE_A_FIGURE = {
    **{(hedge,): _ALWAYS for hedge in "about around roughly approximately some estimated circa".split()},
    ("an", "estimated"): _ALWAYS,
    ("at", "least"): re.compile(r"\bat\s+(?:the\s+)?(?:very\s+)?least\b", re.IGNORECASE),
    ("at", "most"): re.compile(r"\bat\s+(?:the\s+)?(?:very\s+)?most\b", re.IGNORECASE),
    ("up", "to"): re.compile(r"\bup\s+to\b", re.IGNORECASE),
    ("more", "than"): re.compile(r"\bmore\s+than\b", re.IGNORECASE),
}


def _after_hedge(ent: Span, question_text: str) -> int:
    """Where a figure's answer starts: after the hedge the entity opens with ("about 4,200" ->
    "4,200"), or after a bound the question itself sets."""
    tokens = list(ent)
    first_number = next((i for i, t in enumerate(tokens) if t.like_num or any(ch.isdigit() for ch in t.text)), 0)
    asked_in = _LEFT_OUT_BEFORE_A_FIGURE.get(tuple(t.lower_ for t in tokens[:first_number]))
    if asked_in is not None and asked_in.search(question_text):
        return tokens[first_number].idx
    return ent.start_char


_ROUGH_QUANTITIES = frozenset("dozens hundreds thousands millions scores several few handful many numerous tens".split())
_SPEED_WORDS = frozenset({"fast", "speed"})
# A speed is a length by a time: "68 km/h", "80 kilometres an hour", "11.8 knots", "40 mph".
_RATE_AFTER = re.compile(r"\s*(?:/\s*h\b|(?:an?|per|each)\s+(?:hour|minute|second)\b)", re.IGNORECASE)
_SPEED_UNITS = frozenset("knot knots mph kph km/h kmh".split())


def _a_length_not_a_speed(ent: Span, kind_of: Callable[[str, str], bool]) -> bool:
    """Is the figure a plain length ("80 km", "a few miles"): measured in a unit of length with no
    time after it."""
    unit = _counted_by(ent)
    if unit is None or unit.lower_ in _SPEED_UNITS or not kind_of(unit.lemma_.lower(), "linear_unit"):
        return False
    after = ent.doc.text[unit.idx + len(unit.text) : unit.idx + len(unit.text) + 20]
    return not _RATE_AFTER.match(after)


def _is_a_multiple(ent: Span) -> bool:
    """A figure that multiplies another ("three *times* the level of 2020", "a *tenfold* rise")."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (after is not None and _multiplies(after.lower_)) or _multiplies(ent.text.lower())


def _asks_a_multiple(question: QuestionAnalysis) -> bool:
    """ "How many *times* ...?", "*twofold*", and "How *often* ...?", answered by "23 times"."""
    return question.focus == "often" or any(_multiplies(t.lower_) for t in question.doc)


def _numbers_a_name(ent: Span) -> bool:
    """Is ``ent`` the number of the capitalised noun right before it, naming a thing ("Gallery
    *14*", "Warehouse *7*")?"""
    if ent.label_ != "CARDINAL" or len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    named = before.text[:1].isupper() and before.pos_ in {"NOUN", "PROPN"}
    return named and name_number(ent.doc[before.i : ent.start]) is not None


def _multiplies(word: str) -> bool:
    return word == "times" or word.endswith("fold")


def _counted_by(ent: Span) -> Token | None:
    """The noun a number counts or measures: its unit ("11 *kilometres*", "19 *years*"), its
    head, or a noun right after it."""
    if (ent.label_ == "QUANTITY" or _DURATION.search(ent.text)) and ent[-1].is_alpha:
        return ent[-1]  # the unit, whatever its tag (the small model calls "kilometres" a verb)
    if ent.root.head.pos_ == "NOUN" and ent.root.head.i >= ent.end:
        return ent.root.head
    return next((t for t in ent.doc[ent.end : min(ent.end + 2, len(ent.doc))] if t.pos_ == "NOUN"), None)


def _part_of(ent: Span) -> Token | None:
    """The noun of the whole a number is part of: "14 *of* its 38 *wagons*", "three of the victims"."""
    of = next((c for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)


def _the_whole_of_a_part(ent: Span) -> bool:
    """ "14 of its *38* wagons": the number counts the whole a number before it is part of."""
    noun = ent.root.head
    return (
        ent.root.dep_ == "nummod"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.like_num
    )


# Nouns and verbs that make a "how much" or "what X" question one about money.
_MONEY_NOUNS = frozenset(
    "money cash funding fund sum reward compensation payment payout grant ransom bribe fee fine price cost value worth "
    "budget salary wage".split()
)
# Lemmas, whatever the tag: the small model calls "spending" in "How much is X spending?" a noun.
_MONEY_VERBS = frozenset("spend spending pay invest cost fund earn charge donate lend borrow owe".split())


def _asks_money(question: QuestionAnalysis) -> bool:
    """"How much *money* ...?", "What *fine* ...?", "How much is Ardelt *spending* ...?", "How
    big is the *fund*?"."""
    if question.counted in _MONEY_NOUNS or question.focus in _MONEY_NOUNS:
        return True
    if question.counted is not None:
        return False
    # "How much did the *price* drop?" asks by how much, maybe in percent; "How big is the *fund*?"
    # asks its size, which is money.
    asked_by = _MONEY_VERBS | _MONEY_NOUNS if question.focus in {"big", "large"} else _MONEY_VERBS
    return question.focus in {"much", "big", "large"} and any(t.lemma_.lower() in asked_by for t in question.doc)


# WordNet's kinds of unit, and the kinds that answer a question of measure by its "how" word or
# measure noun. A unit WordNet does not know ("degrees", a coined currency) is let be.
_UNIT_KINDS = ("linear_unit", "area_unit", "volume_unit", "mass_unit", "power_unit", "monetary_unit", "time_unit")
_ANSWERING_UNITS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("tall", "deep", "wide", "thick", "fast", "distance", "depth", "height", "length", "width", "speed"),
        frozenset({"linear_unit"}),
    ),
    # ... a height or a fall may be a price ("How far did the shares fall?"), "how far behind" a time.
    **dict.fromkeys(("high", "far", "low"), frozenset({"linear_unit", "monetary_unit", "time_unit"})),
    **dict.fromkeys(("heavy", "weight"), frozenset({"mass_unit"})),
    # Temperatures are in degrees, which WordNet's first senses do not make a unit: any known unit is wrong.
    **dict.fromkeys(("hot", "cold", "warm", "temperature"), frozenset()),
}


def _in_another_unit(ent: Span, question: QuestionAnalysis, kind_of: Callable[[str, str], bool]) -> bool:
    """Is the figure measured in a unit of another kind than the question asks: a length for
    "How hot ...?", "3-kilometre" for what the clean-up will cost, "1,800 tonnes" for a temperature."""
    answering = frozenset({"monetary_unit"}) if _asks_money(question) else _ANSWERING_UNITS.get(question.focus or "")
    if answering is None and question.focus == "much" and question.counted is not None:
        answering = _units_of_an_amount_of(question.counted, kind_of)
        if answering is not None and ent.label_ == "PERCENT" and not _HOW_MUCH_OF.search(question.text):
            return True  # "How much land burned?" asks an area, not "62%"; "How much *of* the forest ...?" may ask a share
    if answering is None:
        return False
    if ent.label_ == "MONEY":
        units = {"monetary_unit"}
    else:
        unit = _counted_by(ent)
        units = _kinds_of_unit(unit, kind_of) if unit is not None else set()
    return bool(units) and not units & answering


_HOW_MUCH_OF = re.compile(r"\bhow\s+much\s+of\b", re.IGNORECASE)


def _kinds_of_unit(unit: Token, kind_of: Callable[[str, str], bool]) -> set[str]:
    """WordNet's kinds of the unit: "kilometres" a length, but "square kilometres" an area and
    "cubic metres" a volume, whatever the unit's own word."""
    before = unit.doc[unit.i - 1].lower_ if unit.i > 0 else ""
    if before in {"square", "sq"}:
        return {"area_unit"}
    if before == "cubic":
        return {"volume_unit"}
    return {kind for kind in _UNIT_KINDS if kind_of(unit.lemma_.lower(), kind)}


def _a_unit(noun: Token, kind_of: Callable[[str, str], bool]) -> bool:
    """Is the noun a unit of measure to WordNet ("litres", "hectares"), not a thing counted?"""
    return kind_of(noun.lemma_.lower(), "unit_of_measurement")


def _units_of_an_amount_of(counted: str, kind_of: Callable[[str, str], bool]) -> frozenset[str] | None:
    """The units that measure "how much" of the counted thing: land in hectares or square miles,
    a chemical or oil in litres or tonnes, so neither in kilometres (a fire's perimeter, how far
    off a wagon stood). Rain and distances are measured in lengths, and things WordNet files
    under neither (data, power, cargo) are let be: None."""
    if kind_of(counted, "weather") or kind_of(counted, "distance"):
        return None
    if kind_of(counted, "region"):
        return frozenset({"area_unit"})
    if kind_of(counted, "substance") or kind_of(counted, "matter"):
        return frozenset({"volume_unit", "mass_unit"})
    return None


def _counts_people(noun: Token, kind_of: Callable[[str, str], bool]) -> bool:
    """"three *men*", "1,150 *employees*", "three *families*": a number of people, which no
    "how much" asks for. Without WordNet only the listed person nouns are known."""
    return _a_person_or_group(noun.lemma_.lower(), kind_of)


def _a_person_or_group(lemma: str, kind_of: Callable[[str, str], bool]) -> bool:
    """A listed person noun, or a person or a social group to WordNet (``kind_of``)."""
    return lemma in PERSON_NOUNS or kind_of(lemma, "person") or kind_of(lemma, "social_group")


def _a_unit_of_money(noun: Token, kind_of: Callable[[str, str], bool]) -> bool:
    """Money: a sum's name ("reward"), a monetary unit to WordNet ("pesos"), or a lower-case
    word it does not know at all ("talens", "guldars"), which after a number in a story about
    money is a coined or foreign currency. Without WordNet (``kind_of`` knows no "coin") only
    a sum's name is."""
    if not (noun.is_alpha and noun.is_lower):
        return False
    lemma = noun.lemma_.lower()
    if lemma in _MONEY_NOUNS or kind_of(lemma, "monetary_unit"):  # "a 250,000 guldar *reward*"
        return True
    return kind_of("coin", "entity") and not kind_of(lemma, "entity")


def _a_length_of_the_counted_time(ent: Span, question: QuestionAnalysis) -> bool:
    """Is ``ent`` a length of time ("19 years", "six weeks") in the unit the question counts?"""
    if ent.label_ not in {"DATE", "TIME"} or question.counted is None:
        return False
    length = _DURATION.search(ent.text)
    return length is not None and _keys_meet(term_key(length.group(1)), term_key(question.counted))


def _times_after(ent: Span) -> bool:
    """ "*three* times the peak flow": the figure counts times, whatever noun the parse gives it."""
    return ent.end < len(ent.doc) and ent.doc[ent.end].lower_ == "times"


def _an_ordinal_of_another_thing(ent: Span, question: QuestionAnalysis) -> bool:
    """Under "how many X", an ordinal says how many only of X itself ("for the *third* time"
    for "how many times", "the *fifth* edition" for "how many editions"), not of another thing."""
    counted = question.counted
    if question.focus != "many" or counted is None:
        return False
    head = ent.root.head
    return not (head.pos_ in {"NOUN", "PROPN"} and _same_thing(head, counted))


def _same_thing(noun: Token, counted: str) -> bool:
    """'workers' counts 'dockworkers' and 'agreements' counts 'agreement'; 'vessels' does not."""
    return noun.lemma_.lower() == counted or _keys_meet(term_key(noun.text), term_key(counted))


def _keys_meet(found: str, asked: str) -> bool:
    """One matching key holds the other: "dockwork" holds "work", "centur" is in "century"."""
    return found in asked or asked in found


# Focus nouns that ask for a part of a whole, which a percentage or a plain number ("one in five")
# gives, never a sum of money or a measure.
_SHARE_WORDS = frozenset("percentage percent proportion share".split())


def _a_sum_or_a_measure(ent: Span, kind_of: Callable[[str, str], bool]) -> bool:
    """Money ("€4 million", "4.5 million *talens*") or a measure in units ("40 kilometres")."""
    if ent.label_ in {"MONEY", "QUANTITY"}:
        return True
    unit = _counted_by(ent) if ent.label_ == "CARDINAL" else None
    return unit is not None and (_a_unit_of_money(unit, kind_of) or _a_unit(unit, kind_of))


def _people_against_things(noun: Token, asked: str, kind_of: Callable[[str, str], bool]) -> bool:
    """The question counts people and the figure counts made things or animals, to WordNet:
    "640 *flights*" or "37 *vessels*" for "how many passengers". Not the other way ("400
    *people*" answer "how many jobs"), nor happenings and states that count people ("12
    *deaths*", "30 *cases*", "600 *jobs*"), nor a seat, which stands for whoever holds it."""
    lemma = noun.lemma_.lower()
    if not _a_person_or_group(asked, kind_of) or _a_person_or_group(lemma, kind_of) or lemma == "seat":
        return False
    return kind_of(lemma, "artifact") or kind_of(lemma, "animal")


def _counts_the_asked(noun: Token, question: QuestionAnalysis, kind_of: Callable[[str, str], bool]) -> bool:
    """The same thing as the question counts, or a kind of it: "3,000 *sheep*" counts the animals
    of "how many animals". Not for where the answer ends: it keeps "sheep", which says more than
    the question's word. Not a thing the question names apart, as a noun, from what it counts:
    "How many jobs are there in the *businesses* ...?" is not answered by "27 businesses",
    whatever sense of "business" is a job; but "How many people *visited* ...?" by "1.1 million
    visitors"."""
    counted = question.counted
    if counted is None:
        return False
    if _same_thing(noun, counted):
        return True
    nouns = {key for t in question.doc if t.pos_ in {"NOUN", "PROPN"} for key in (t.lemma_.lower(), term_key(t.text))}
    named_apart = noun.lemma_.lower() in nouns or term_key(noun.text) in nouns
    return not named_apart and kind_of(noun.lemma_.lower(), counted)


# A generic word for whoever leads something stands for any leader's title ("the *boss* of the
# company" is its "chief *executive*", the "*head* of the union" its "*president*"); a specific
# title ("president") must match itself.


def _doer_nouns(question: QuestionAnalysis) -> tuple[str, ...]:
    """The nouns for whoever does what a who-question asks with a verb and no role noun: "Who
    *owns* the farm?" -> owner, "Who *coaches* her?" -> coach, "Who *founded* it?" -> founder.
    Spelling rules only; a form no text uses matches nothing."""
    who = next((t for t in question.doc if t.lower_ == "who" and t.dep_ == "nsubj"), None)
    if who is None or who.head.pos_ != "VERB":
        return ()
    verb = who.head.lemma_.lower()
    if not verb.isalpha():
        return ()
    stem = verb[:-1] if verb.endswith("e") else verb
    return (verb, verb + "er" if stem == verb else verb + "r", stem + "or", verb + verb[-1] + "er")


def _titled_as(ent: Span, nouns: tuple[str, ...]) -> bool:
    """Does the sentence give ``ent`` a role noun among ``nouns`` ("the *owner* of X, Bram
    Castell", "*Coach* Bogdan Terzan")? The noun only: a verb of that stem may have the name
    for its object ("Sollent Foods *owns* the unit")."""
    return any(
        t.pos_ in {"NOUN", "PROPN"}
        and t.lemma_.lower() in nouns
        and (role := _focus_token(ent, t.lemma_.lower())) is not None
        and role.i == t.i
        for t in ent.sent
    )


def _apposed_past_of(ent: Span, role: Token) -> bool:
    """ "the *owner* of Mossgate Farm, Bram Castell,": the parser sets the name beside the nearer
    noun, the farm; a name of a person set beside the "of" phrase of a role is the role's."""
    head = ent.root.head
    return (
        ent.root.dep_ == "appos"
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.i == role.i
        and ent.label_ == "PERSON"
    )


def _same_role(token: Token, focus: str) -> bool:
    lemma = token.lemma_.lower()
    if _TITLE_ROLES.get(token.lower_.rstrip(".")) == focus and token.text[:1].isupper():
        return True  # "*Dr* Ravi Menon" for "which doctor"
    if focus in _ROAD_WORDS and lemma in _ROAD_WORDS and token.text[:1].isupper():
        return True  # "Provincial *Route* 46" for "which road"
    return lemma == focus or holds_asked_role(token, focus)


# A road's name says "Route" or "Street" where the question asks "which road".
_ROAD_WORDS = frozenset("road route highway motorway street avenue lane boulevard freeway expressway".split())


def _fills_subject_slot(ent: Span, question: QuestionAnalysis) -> bool:
    """The question asks who did something ("*Who* told residents to leave?") and the entity is
    the one doing something in the evidence (the subject, or the agent of a passive)."""
    wh = next((t for t in question.doc if t.lower_ in {"who", "whom"}), None)
    if wh is None or wh.dep_ != "nsubj" or wh.head.lemma_ == "be":
        return False
    if _asks_for_an_object(wh):
        return False
    token = ent.root
    while token.dep_ in {"compound", "appos", "flat", "conj"} and token.head.i != token.i:
        token = token.head
    if token.dep_ == "nsubj":
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


_DO_FORMS = frozenset({"do", "does", "did"})


def _asks_for_an_object(wh: Token) -> bool:
    """ "Who did China support?" asks whom China supported, though the small model often makes
    "who" the subject of "did" (hung on it as an auxiliary, or with "support" as its object):
    a name right after the do-form is the doer."""
    doc = wh.doc
    after = doc[wh.i + 1] if wh.i + 1 < len(doc) else None
    if after is None or after.lower_ not in _DO_FORMS:
        return False
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return after.dep_ == "aux" or (following is not None and following.pos_ == "PROPN")


def _focus_token(ent: Span, focus: str) -> Token | None:
    """The focus noun in apposition with, or modifying, the entity ("President X", "X, an aide")."""
    inside = set(range(ent.start, ent.end))
    for token in ent.sent:
        if not _same_role(token, focus):
            continue
        # "the agency's director": the agency has the role, it does not hold it.
        possessor = ent.root.dep_ == "poss" or any(c.dep_ == "case" for c in ent.root.children)
        holds_it = ent.root.head.i == token.i and not possessor
        named = _named_by(ent, token) or _apposed_past_of(ent, token)
        # "Brévine and the fishing *village* of Nörvik": a noun joined to the name is another thing.
        modifies = token.head.i in inside and token.dep_ != "conj"
        if token.i in inside or modifies or holds_it or named:
            return token
    # "The chief operating officer, X, *is* acting chief executive": the clause gives a person's
    # role (of a thing, "Hanoi was his fourth *trip*" says what it was, not which one was asked).
    if focus not in PERSON_NOUNS:
        return None
    return next((role for role in _roles_given(ent.root) if _same_role(role, focus)), None)


def _apposed_title(ent: Span) -> Token | None:
    """The common noun set beside a name as its role: "X, Brennock's chief *executive*", "the
    board's *chair*, X", "*forecaster* X"."""
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head
    apposed = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if apposed is not None:
        return apposed
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.dep_ == "compound" and before.head.i == root.i:
        return before
    return None


_NAMED_KINDS = frozenset({AnswerType.PERSON, AnswerType.PLACE, AnswerType.ORGANIZATION})


def _named_as_the_asked_about(ent: Span, nouns_asked_about: frozenset[str]) -> bool:
    """The name is given to a thing the question names by a common noun, as what it asks about
    rather than what it asks for (``_nouns_asked_about``): "Who was in command of the *tanker*?"
    is not answered by "the *tanker* Aurelis Dawn", nor "Which company owns the tanker?" by
    "another *tanker*, the Meridian Sol", nor "Who coaches the *runner* ...?" by "*runner* Matej
    Orlovan"."""
    noun = _apposed_title(ent)
    if noun is None and ent.start > 0:
        # The small model may parse "the oil *tanker* Aurelis Dawn" as two subjects, or tag
        # "trawler" an adjective: the word right before the name, if the question has it as a noun.
        before = ent.doc[ent.start - 1]
        noun = before if before.is_lower and before.pos_ in {"NOUN", "ADJ"} else None
    return noun is not None and term_key(noun.text) in nouns_asked_about


def _nouns_asked_about(question: QuestionAnalysis) -> frozenset[str]:
    """Keys of the question's nouns, but those that say what it asks for: the asked kind or role
    itself ("Which *ship* ...?" "the *ship* Storm Petrel", "Who is the lead *investigator*?"
    "*investigator* Ana Greve")."""
    asked = {term_key(t.text) for t in question.doc if _names_the_asked(t, question.focus)}
    if question.focus is not None:
        asked.add(term_key(question.focus))
    return frozenset(term_key(t.text) for t in question.doc if t.pos_ == "NOUN") - asked


def _names_the_asked(token: Token, focus: str | None) -> bool:
    """A question's noun that says what it asks for: its subject beside "Who is" ("Who is the
    lead *investigator* looking into ...?", whose focus noun it is not), a role given with "as"
    ("Who is representing Morvell as his *lawyer*?"), or a word of the focus noun's phrase
    ("Which *deputy* *rescue* chief ...?")."""
    if token.dep_ == "nsubj" and (
        token.head.lemma_ == "be" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.head.children)
    ):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return True
    return token.dep_ in {"compound", "amod"} and token.head.lemma_.lower() == focus


# Role words so general that many offices are kinds of them in use, though not in WordNet (a
# "director" is an "official" to a reporter, a branch "secretary" a "union official"): they name
# no particular office, but for the titles "chief" makes of them ("chief financial officer",
# "chief executive"), which name one.
_GENERAL_ROLES = frozenset("official leader officer executive administrator person".split())
_TITLE_MAKERS = frozenset({"chief"})
# Determiners that pick one of a kind: "*which* minister", "*a* spokesperson".
_CHOOSING_DETERMINERS = frozenset("which what a an any some".split())


def _holds_another_office(title: Token | None, question: QuestionAnalysis, kind_of: Callable[[str, str], bool]) -> bool:
    """The question asks for the holder of a particular office ("Brennock's chief financial
    *officer*", "succeed X as chief *executive*") and the text gives this person another office
    ("X, the board's *chair*"): one person seldom holds both, so the name answers another
    question. Not where the question picks one of a kind ("which politician") or names a general
    role ("the union official"), the titles are one ("chief executive" of a "chief executive
    officer", "CEO"), one is a kind of the other, or the person holds both ("chair and chief
    executive")."""
    focus = question.focus
    if title is None or focus is None or question.answer_type is not AnswerType.PERSON or not _an_office(focus, kind_of):
        return False
    asked = next((t for t in question.doc if t.lemma_.lower() == focus), None)
    if asked is not None and any(c.dep_ == "det" and c.lower_ in _CHOOSING_DETERMINERS for c in asked.children):
        return False  # "*Which* politician ...?" asks for one of a kind, not the holder of one post
    titled = asked is not None and any(c.lower_ in _TITLE_MAKERS for c in asked.children if c.dep_ == "amod")
    if focus in _GENERAL_ROLES and not titled:
        return False  # "Who is the union official ...?" may be any office's holder
    asked_words = {t.lemma_.lower() for t in question.doc}
    titles = [title, *(c for c in title.children if c.dep_ == "conj" and c.pos_ == "NOUN")]
    for held in titles:
        lemma = held.lemma_.lower()
        if lemma in asked_words or holds_asked_role(held, focus):
            return False
        if asked is not None and asked.text.isupper() and len(asked.text) > 1:
            # "CFO": the initials of the text's title tell ("chief executive" is no CFO).
            initials = "".join(t.lower_[0] for t in held.lefts if t.dep_ in {"amod", "compound"}) + lemma[0]
            if focus.startswith(initials):
                return False
        elif kind_of(lemma, focus) or kind_of(focus, lemma):
            return False
    # Only another office: a "resident" or "neighbour" holds none, and WordNet's rarer senses
    # make too many words a trade ("resident", a physician in training).
    return _an_office(title.lemma_.lower(), kind_of)


def _roles_given(holder: Token) -> list[Token]:
    """What the clause makes its subject: "X *is* acting chief *executive*", "the COO, X, was
    named chief *executive*", "X will serve *as* chief *executive*"."""
    subject = holder.head if holder.dep_ == "appos" else holder
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    roles = []
    for child in subject.head.children:
        if child.dep_ in {"attr", "oprd"}:
            roles.append(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            roles.extend(o for o in child.children if o.dep_ == "pobj")
    return roles


def _an_office(role: str, kind_of: Callable[[str, str], bool]) -> bool:
    """A post one is appointed or elected to: a "minister", "chair", "director", "CFO"."""
    return any(kind_of(role, office) for office in ("leader", "official", "administrator"))


def _named_by(ent: Span, noun: Token) -> bool:
    """ "a criminal *group* calling itself Sable Orchid", "the gang, known as Black Heron": the
    name a naming verb gives the noun."""
    verb = ent.root.head
    if ent.root.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif ent.root.dep_ not in {"oprd", "attr", "dobj"}:
        return False
    return verb.dep_ == "acl" and verb.head.i == noun.i and verb.lemma_.lower() in NAMING_VERBS


def _role_conflicts(
    role: Token, question: QuestionAnalysis, kind_of: Callable[[str, str], bool] = lambda noun, general: False
) -> bool:
    """The question qualifies its role noun ("*foreign* minister", "president *of Vietnam*")
    and the evidence qualifies the same noun differently ("*Prime* Minister", "*US* President").
    Synonyms are no difference: a "*cab* driver" is a "*taxi* driver" (``kind_of``, both ways)."""
    asked_role = next((t for t in question.doc if t.lemma_.lower() == role.lemma_.lower()), None)
    # A body named before the role ("a *government* minister", "the *union* leader") says whose
    # role it is, not which: "Transport Minister" is a government minister. Bodies are weighed
    # below, kind against kind.
    asked = _modifier_keys(asked_role) - _BODY_KEYS
    found = _modifier_keys(role)
    if asked and found and not asked & found and not _synonyms_among(asked, found, kind_of):
        return True
    focus = asked_role or next((t for t in question.doc if t.lemma_.lower() == question.focus), None)
    asked_kinds, found_kinds = _body_kinds_of(focus), _body_kinds_of(role)
    if asked_kinds and found_kinds and not asked_kinds & found_kinds:
        return True  # the *union* chairwoman is no boss of "the *company* that owns ..."
    # A generic "leader" is any title, but its country still counts ("the *Vietnamese* leader").
    asked_places, found_places = _place_keys(focus), _place_keys(role)
    return bool(asked_places) and bool(found_places) and not any(
        _same_place(a, b) for a in asked_places for b in found_places
    )


def _synonyms_among(asked: set[str], found: set[str], kind_of: Callable[[str, str], bool]) -> bool:
    """Is a modifier of one side a kind of one of the other's, either way ("cab", "taxi")?"""
    return any(kind_of(a, f) or kind_of(f, a) for a in asked for f in found)


def _body_kinds_of(role: Token | None) -> set[int]:
    """Which kinds of body (``_BODY_KINDS``) qualify a role noun: "*union* president", "boss of
    the *company*"."""
    if role is None:
        return set()
    lemmas = {t.lemma_.lower() for t in _qualifiers(role)}
    return {number for number, kind in enumerate(_BODY_KINDS) if lemmas & kind}


# Words that make a title the whole organisation's: "*group* chief executive", "*company* president".
_WHOLE_BODY_WORDS = frozenset({"group", "company"})


def _leads_a_part(role: Token, question: QuestionAnalysis, kind_of: Callable[[str, str], bool]) -> bool:
    """A leader's title qualified by a common noun the question does not use: the "*plant*
    manager", the "*mission* director", the "*finance* chief" lead a part of a body, or another
    one, not whatever the question asks the "boss" or "head" of. A name ("*Brennock* boss",
    which the small model may tag a noun) says whose title it is: a capitalised word counts only
    where it is no entity and WordNet knows it as a thing ("*Plant* manager X said")."""
    asked = {term_key(t.text) for t in question.doc} | {t.lemma_.lower() for t in question.doc}
    asked_nouns = [t.lemma_.lower() for t in question.doc if t.pos_ == "NOUN"]
    return any(
        c.dep_ == "compound"
        and (c.is_lower or (not c.ent_type_ and kind_of(c.lemma_.lower(), "entity")))
        and c.lemma_.lower() not in _WHOLE_BODY_WORDS
        and term_key(c.text) not in asked
        and c.lemma_.lower() not in asked
        # "Who is in charge of the *factory*?": a factory is a kind of "plant", whose manager runs it
        and not any(kind_of(noun, c.lemma_.lower()) for noun in asked_nouns)
        for c in role.children
    )


# The question's own words for leading; its "lead" too ("Who *leads* the firm?"), which only the
# evidence uses in other senses.
_LEADING_WORDS = LEADER_WORDS | {"lead"}


def _names_the_led_body(question: QuestionAnalysis) -> bool:
    """Does the question name what the asked leader leads: "the boss *of the company*", "Who
    heads *the firm*?", "in charge *of the factory*", "the *company's* boss". Not "Which
    Vietnamese *leader* ...?", which asks no body's head: a "*party* chief" is one."""
    for token in question.doc:
        if token.lemma_.lower() not in _LEADING_WORDS:
            continue
        for child in token.children:
            if child.dep_ in {"dobj", "poss"} or (child.dep_ == "prep" and child.lower_ in {"of", "at"}):
                return True
    return False


def _role_qualifiers_meet(role: Token, question: QuestionAnalysis) -> bool:
    """The evidence qualifies the role as the question does: "*union* president X" for "the head
    of the dockworkers' *union*", where "X, chief executive of TPC" holds a title of another body."""
    asked_role = next((t for t in question.doc if t.lemma_.lower() in {role.lemma_.lower(), question.focus}), None)
    return bool(_qualifier_keys(asked_role) & _qualifier_keys(role))


def _qualifier_keys(role: Token | None) -> set[str]:
    """Keys of the words that qualify a role noun, with the modifiers of what it is the role of
    ("head of the *dockworkers'* union")."""
    if role is None:
        return set()
    of_bodies = [c for body in _bodies_of(role) for c in body.children if c.dep_ in _QUALIFIER_DEPS]
    qualifiers = _qualifiers(role) + of_bodies
    return {term_key(t.text) for t in qualifiers if t.is_alpha and not t.is_stop}


_QUALIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _qualifiers(role: Token) -> list[Token]:
    """A role noun's modifiers and what it is the role of: "*US* President", "president *of Vietnam*"."""
    return [c for c in role.children if c.dep_ in _QUALIFIER_DEPS] + _bodies_of(role)


def _bodies_of(role: Token) -> list[Token]:
    return [o for c in role.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]


def _place_keys(role: Token | None) -> set[str]:
    """The countries or places that qualify a role noun: "*US* President", "*Vietnamese*
    minister", "*China's* president", "the president *of Vietnam*"."""
    if role is None:
        return set()
    places = _qualifiers(role)
    if role.dep_ == "compound":  # a flat headline parse: "China" and "President" both modify "Xi"
        places += [c for c in role.head.children if c.dep_ in {"amod", "compound", "poss"} and c.i < role.i]
    return {_place_key(t) for t in places if t.ent_type_ in {"GPE", "NORP"}}


def _place_key(token: Token) -> str:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    text = (ent.text if ent is not None else token.text).replace(".", "").removeprefix("the ")
    initials = initialisms(text)
    key = max(initials, key=len) if len(text.split()) > 1 and initials else term_key(text)
    return _IRREGULAR_DEMONYMS.get(key, key)


def _same_place(a: str, b: str) -> bool:
    """Keys of a country and its people meet on their first letters ("chil" ~ "chile", "franc" ~
    "french"); only a clear difference ("vietnam" ~ "us") is a conflict."""
    return a[:3] == b[:3]


# Peoples whose name shares no opening with their country's (key of the people -> key of the country).
_IRREGULAR_DEMONYMS = {
    "americ": "us", "america": "us", "usa": "us", "british": "uk", "britain": "uk", "gb": "uk",
    "dutch": "netherland", "swis": "switzerland", "swiss": "switzerland", "filipino": "philippin",
    "welsh": "wales", "irish": "ireland", "spanish": "spain", "polish": "poland", "finnish": "finland",
    "danish": "denmark", "dane": "denmark", "scottish": "scotland", "scot": "scotland",
}


def _name_start(ent: Span) -> int:
    """Where the name of an entity starts with the capitalized words the NER model left out
    before it: "the *Advanced* Cloud Imager"."""
    doc = ent.doc
    start = ent.start
    while start > ent.sent.start + 1 and doc[start - 1].is_title and doc[start - 1].dep_ in {"compound", "amod"}:
        start -= 1
    return doc[start].idx


def _with_number(name: Span) -> Span:
    """"Warehouse" + "7", "Gate" + "3": the number that belongs to a name, as its modifier."""
    number = name_number(name)
    if number is not None and number.dep_ == "nummod":
        return name.doc[name.start : name.end + 1]
    return name


def _person_name_run(name: Span, plain_words: frozenset[str]) -> Span:
    """A person's whole name where the parse split it across phrases, without the title words
    before it: "Minister for Health Gráinne | Devlin" is "Gráinne Devlin". The name goes on over
    the capitalized proper nouns that follow; words the passages also write in lower case
    ("health") open a title, not a name."""
    doc = name.doc
    end = name.end
    while end < len(doc) and _continues_a_name(doc[end]):
        end += 1
    start = name.start
    # Only after a preposition ("Minister *for* Health ..."): "Rose Byrne" opening a sentence is a name.
    if start > 0 and doc[start - 1].pos_ == "ADP":
        while end - start > 2 and doc[start].lower_ in plain_words:
            start += 1
    return doc[start:end]


def _continues_a_name(token: Token) -> bool:
    """A capitalized proper noun outside any entity, after a space: "Devlin" of "Gráinne Devlin"."""
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and bool(token.doc[token.i - 1].whitespace_)


def _modifier_keys(token: Token | None) -> set[str]:
    if token is None:
        return set()
    return {
        _SIZE_SYNONYMS.get(child.lemma_.lower(), term_key(child.text))
        for child in token.children
        if child.dep_ in {"amod", "compound"} and child.is_alpha and not child.ent_type_ and not child.is_stop
    }


# "the *largest* shareholder" is "the *biggest* shareholder": one key for words of size.
_SIZE_SYNONYMS = {"big": "big", "large": "big", "great": "big"}


def _with_conjuncts(ent: Span) -> tuple[int, int]:
    """Stretch an entity over its coordinated siblings: "the Philippines, Malaysia ... and Taiwan"."""
    tokens = [ent.root, *ent.root.conjuncts]
    if len(tokens) == 1:
        return ent.start_char, ent.end_char
    starts, ends = [ent.start_char], [ent.end_char]
    for token in tokens[1:]:
        if token.sent.start != ent.sent.start:
            continue
        owner = _entity_of(token)
        starts.append(owner.start_char if owner else token.idx)
        ends.append(owner.end_char if owner else token.idx + len(token.text))
    return min(starts), max(ends)


def _entity_of(token: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _end_of_listed_places(ent: Span, labels: frozenset[str]) -> int:
    """Where the list of places the entity opens ends: "the United Kingdom and Malta" (the
    parse may go on to "..., and food safety authorities", which are no place)."""
    end = ent.end_char
    for sibling in sorted(t for t in ent.root.conjuncts if t.i > ent.root.i):
        if sibling.ent_type_ not in labels:
            break
        end = _entity_of(sibling).end_char
    return end


def _end_of_place_noun(ent: Span, said: Callable[[Token], bool]) -> int:
    """ "Nordhall" + "sports hall": a name that qualifies a common noun for a place is answered
    with the noun, unless the question already says it ("In which *district* ...?")."""
    head = ent.root.head
    if ent.root.dep_ != "compound" or head.i < ent.end or not head.is_lower or head.lemma_.lower() not in PLACE_NOUNS:
        return ent.end_char
    if said(head) or not only_modifiers_of(head, ent.doc[ent.end : head.i]):
        return ent.end_char
    return head.idx + len(head.text)


def _speaker_keys(question: QuestionAnalysis) -> set[str]:
    """Who the question quotes: the subject of its verb ("What did the mission *director* say?",
    "How did *Palma* react?"), as matching keys."""
    subject = next((t for t in question.doc if t.dep_ == "nsubj" and t.lower_ not in {"who", "what", "which"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return set()
    names = [t for t in subject.subtree if t.pos_ == "PROPN" and t.dep_ in {"compound", "flat"}]
    return {term_key(t.text) for t in (subject, *names)}


def _speaker_named(sentences: tuple[Span, ...], start: int, end: int, speaker: set[str]) -> bool:
    """Is the speaker named by a word, title or initials in the sentences the quote spans, or,
    when those attribute it to a pronoun ("..., she said"), in the sentence before, or the one
    before that when the sentence between also speaks of "she" or "they"?"""
    spans = [s for s in sentences if s.end_char > start and s.start_char < end]
    if not spans:
        return False
    if _names_speaker(spans, speaker):
        return True
    first = sentences.index(spans[0])
    if not any(has_pronoun_subject(s) for s in spans):
        return False
    # Back through a chain of pronouns ("... She climbed ... 'The dogs knew,' she said"), two at most.
    for earlier in range(first - 1, max(first - 3, -1), -1):
        if _names_speaker([sentences[earlier]], speaker):
            return True
        if not has_pronoun_subject(sentences[earlier]):
            return False
    return False


def _names_speaker(sentences: list[Span], speaker: set[str]) -> bool:
    # A possessor is not the speaker: "Osk, *Morvell's* lawyer, said ..." quotes Osk.
    tokens = [t for s in sentences for t in s if t.dep_ != "poss"]
    if any(term_key(t.text) in speaker or any(_same_role(t, key) for key in speaker) for t in tokens):
        return True
    acronyms = {k for k in speaker if 2 <= len(k) <= 5}
    return bool(acronyms & initialisms(" ".join(s.text for s in sentences)))


def _quote_spans(sentence: EvidenceSentence, speaker: set[str] | None = None) -> list[tuple[int, int, float]]:
    """Quoted text overlapping the sentence (quotes may run over several sentences); with a
    ``speaker``, quotes attributed to that speaker fit best."""
    text = sentence.passage.text
    sent_start, sent_end = sentence.span.start_char, sentence.span.end_char
    spans = []
    for match in _QUOTE.finditer(text):
        group = next(i for i in (1, 2, 3, 4) if match.group(i) is not None)
        start, end = match.start(group), match.end(group)
        if start < sent_end and end > sent_start:
            # Trailing punctuation inside the quote is the writer's, not the speaker's words.
            while end > start and text[end - 1] in ",.;:":
                end -= 1
            fit = 1.0 if len(text[start:end].split()) >= 2 else 0.5
            if fit == 1.0 and not _states_something(sentence.parsed.doc, start, end):
                fit = 0.7  # a quoted fragment ("would appeal 'within days'") says less than a statement
            if speaker:
                fit += 0.4 if _speaker_named(sentence.parsed.sentences, start, end, speaker) else -0.3
            spans.append((start, end, fit))
    return spans


# Verbs that report what someone said or holds: "The minister *said* the bridge would reopen";
# the verbs by which a name speaks, but a question ("asked"), and more.
_REPORTING_VERBS = (_SPEECH_VERBS - {"ask"}) | frozenset(
    "caution promise pledge vow stress concede acknowledge assure reassure declare predict complain "
    "claim confirm announce believe suggest".split()
)


# "What did she *call* the fund?" asks for her words for it, which only a quote gives.
_DESCRIBING_VERBS = NAMING_VERBS | {"describe", "label", "hail", "sum", "summarise", "summarize"}


def _reported_speech_spans(sentence: EvidenceSentence, speaker: set[str]) -> list[tuple[int, int, float]]:
    """What a reporting verb's clause says someone said ("said *the works could not be sold
    openly*"): a question about what someone said is answered by their reported words too,
    though less surely than by a quote, which is their own."""
    text = sentence.passage.text
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    spans = []
    for verb in sentence.span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REPORTING_VERBS:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            first = _past_its_that(clause)
            words = [t for t in clause.subtree if t.i >= first]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            while end > start and text[end - 1] in ",.;:":
                end -= 1
            if len(words) < 3 or any(s < end and e > start for s, e in quoted):
                continue  # a quote says it in the speaker's own words, and is read above
            fit = 0.4
            if speaker:
                fit = 0.6 if _speaker_named(sentence.parsed.sentences, start, end, speaker) else 0.2
            spans.append((start, end, fit))
    return spans


def _states_something(doc: Doc, start: int, end: int) -> bool:
    """Does the quoted text hold a verb: "Houses can be rebuilt", not "within days"."""
    return any(t.pos_ in {"VERB", "AUX"} for t in doc if start <= t.idx < end)


_BECAUSE = re.compile(r"because(?:\s+of)?\s+", re.IGNORECASE)


def _past_because(text: str, start: int, end: int) -> int:
    """Where the reason itself starts: "*because* the wind changed direction" and "*because of* the
    aftershock" answer with what follows the word, which only joins the reason to what it explains."""
    joining = _BECAUSE.match(text, start, end)
    return joining.end() if joining is not None and joining.end() < end else start


def _past_a_reporting_frame(doc: Doc, start: int, end: int) -> int:
    """Where a reason starts past the words that say who gives it: "engineers say *its walls
    could fall onto the quay*", "The company said *the backup generator failed to start*". Only
    a frame at the span's start, of a reporting verb and its subject, whose said clause the span
    holds to its end."""
    words = [t for t in doc if start <= t.idx < end and not t.is_space]
    verb = next((t for t in words[:6] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in _REPORTING_VERBS:
        return start
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if said is None or subject is None or words[0].i < subject.left_edge.i:
        return start
    first, last = doc[_past_its_that(said)], said.right_edge
    holds_all_it_said = first.idx < end <= last.idx + len(last.text)
    return first.idx if holds_all_it_said and last.i + 1 - first.i >= 3 else start


def _clause_spans(
    span: Span, kind: AnswerType, matched: frozenset[int], cause: bool = False,
    kind_of: Callable[[str, str], bool] = lambda noun, general: False, asked_verbs: frozenset[str] = frozenset(),
) -> list[tuple[int, int, float]]:
    """The explaining clause of a why/how question, and the whole sentence as a fallback;
    for "what caused ...?" (``cause``) also the agent of a passive. ``asked_verbs``: the
    lemmas of the question's verbs (``_QuestionShape.verbs``)."""
    spans: list[tuple[int, int, float]] = []
    doc = span.doc
    markers = _CAUSAL_MARKERS if kind is AnswerType.REASON else _MANNER_MARKERS
    for token in span:
        if kind is AnswerType.REASON:
            spans.extend(_reason_given_in_passing(token, matched, asked_verbs))
        clause = None
        qualifies_a_thing = False
        tells_what_for = False
        if token.lower_ in markers and token.dep_ in {"mark", "prep", "advmod"}:
            clause = token.head if token.dep_ == "mark" else token
            # "findings *by food safety inspectors*" qualifies a thing; how something was done,
            # or why, qualifies a verb ("reached *by helicopter*").
            qualifies_a_thing = token.dep_ == "prep" and token.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
        elif kind is AnswerType.REASON and token.lower_ in _GROUND_PREPOSITIONS and any(
            child.dep_ == "pobj" and child.lemma_.lower() in _GROUND_NOUNS for child in token.children
        ):
            clause = token
        elif token.dep_ == "agent" and (
            not _names_a_doer(token, kind_of)
            or cause and _hangs_on_the_question_verb(token, token, matched, asked_verbs)
        ):
            # A thing that did a passive says how ("rostering was carried out *by telephone*"), why
            # ("turned aside *by a ridge of older lava*") or what caused it ("stopped *by rainwater*");
            # someone who did another thing ("first reported *by a farmer*") does not, though one
            # who did the thing a "what caused" asks about may.
            clause = token
        elif kind is AnswerType.MANNER and token.lower_ == "using" and token.dep_ == "advcl":
            clause = token  # "*Using a reverse image search*, Plumbline found ..."
        elif cause and token.dep_ in {"nsubj", "csubj"} and token.head.lemma_.lower() in _CAUSATIVE_VERBS:
            clause = token  # "*A hairline crack in a seal* allowed damp air in" names the cause
        elif token.tag_ == "TO" and token.head.pos_ == "VERB" and (
            token.head.dep_ in {"advcl", "acl", "relcl"}
            or token.head.dep_ == "xcomp"
            and (kind is AnswerType.MANNER or token.head.head.lemma_.lower() in _MOTIVE_VERBS)
        ):
            # A purpose clause answers why; "... a hotline *to communicate about* ..." answers what
            # for. A complement tells how when it is a request's ("asked parents *to return them*
            # to the shop"), but why only when it is a want's ("designed *to hold*" is no motive).
            clause = token.head
            # What something was done for, or tried, is not how: under "How ...?" only a request's
            # complement is a full fit, not a purpose ("used a crane *to lift* the wreck") or an
            # attempt ("tried *to move* money abroad").
            tells_what_for = kind is AnswerType.MANNER and not (
                token.head.dep_ == "xcomp" and token.head.head.lemma_.lower() in _REQUEST_VERBS
            )
        if clause is None:
            continue
        subtree = list(clause.subtree)
        start = min(token.i, subtree[0].i)
        end = _before_a_set_off_clause(doc, token.i, max(t.i for t in subtree) + 1)
        if end - start >= (2 if kind is AnswerType.MANNER and _names_a_means(token) else 3):
            fit = (
                0.5 if qualifies_a_thing
                else 0.6 if tells_what_for
                else 0.7 if token.lower_ in _TEMPORAL_MARKERS
                else 1.0
            )
            if (token.lower_ in _TEMPORAL_MARKERS or token.lower_ == "by") and _dates_only(token):
                # "switched off *since 29 September*" says when, not why; "under control *by early
                # evening*", "*by the time* he passed the mark" say when, not how.
                fit = 0.2
            elif fit >= 0.7 and _hangs_on_the_question_verb(token, clause, matched, asked_verbs):
                # "The switch *failed because* a relay was faulty": the clause explains the very
                # verb the question asks about, not one of the sentence's other happenings.
                fit += 0.3
            spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), fit))
    if kind is AnswerType.MANNER:
        spans.extend(_means_as_subject(span, matched, kind_of))
        # "How has Beijing asserted its claims?" -> what its subject *did*: a verb with its objects.
        for token in span:
            if token.pos_ == "VERB" and token.i not in matched:
                # With its coordinated verbs ("banned X and seized Y") when that stays short,
                # else alone: "shook his head" out of "shook his head ... and glanced at ...".
                # "Staff *handed out numbered tickets* to keep order": the deed whose purpose is the
                # asked one is how it was done, without the purpose.
                purpose = _asked_purpose(token, matched, asked_verbs)
                for objects in (_VERB_OBJECTS | {"conj"}, _VERB_OBJECTS):
                    right = [t for child in token.children if child.dep_ in objects for t in child.subtree]
                    end = max(t.i for t in right) + 1 if right else 0
                    if purpose is not None and token.i < purpose.left_edge.i < end:
                        end = purpose.left_edge.i
                    if 3 <= end - token.i <= _MAX_PHRASE_TOKENS:
                        fit = 1.0 if purpose is not None else 0.3 if _says_who_someone_is(token) else 0.7
                        spans.append((token.idx, doc[end - 1].idx + len(doc[end - 1].text), fit))
                        break
    body = span.text.rstrip(" .")
    spans.append((span.start_char, span.start_char + len(body), 0.5))
    if kind is AnswerType.REASON:
        spans.extend(_before_that_is_why(span))
    # Each punctuation-delimited segment, so the part that does not restate the question can win.
    for match in _SEGMENT.finditer(span.text):
        if len(match.group(0).split()) >= 4 and match.group(0).strip() != body.strip():
            start, end = span.start_char + match.start(), span.start_char + match.end()
            tokens = [t for t in span if start <= t.idx < end and not t.is_space]
            # "...,” said Dr Okafor": a closing quote mark ends the sentence before, it opens nothing.
            while tokens and tokens[0].is_punct:
                tokens = tokens[1:]
                start = tokens[0].idx if tokens else end
            # "..., *and* residents rely on tanker trucks": the conjunction joins, it does not explain.
            if tokens and tokens[0].pos_ == "CCONJ":
                start, tokens = tokens[0].idx + len(tokens[0].text), tokens[1:]
            if not tokens:
                continue
            explains = (
                not _sets_the_scene(tokens, markers) and not _attributes(tokens)
                and not _says_who_someone_is(tokens[0].head)  # "who heads the unit": "who" and its verb
            )
            spans.append((start, end, 0.6 if explains else 0.3))
    return spans


def _reason_given_in_passing(
    token: Token, matched: frozenset[int], asked_verbs: frozenset[str]
) -> list[tuple[int, int, float]]:
    """What a participle of giving reasons says: "rejected the offer, *saying it undervalues the
    company*", "asked for more time, *citing a delayed shipment of bolts*". The reason is its
    complement, without the coordinated clauses the parser hangs on it ("..., and rejected the
    second"); it explains the asked verb best when it hangs on it."""
    if token.dep_ != "advcl" or token.lower_ not in _GIVING_REASONS:
        return []
    # Every object: the parser may give a list two ("citing *his age*, *his poor health* and ...").
    complements = [child for child in token.children if child.dep_ in {"ccomp", "dobj"}]
    if not complements:
        return []
    # A list of nouns is one reason; a verb coordinated inside the complement is another deed.
    coordinated = {
        t.i for complement in complements for child in complement.children
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}
        for t in [*child.subtree, *(c for c in complement.children if c.dep_ == "cc" and c.i < child.i)]
    }
    doc = token.doc
    words = [t for t in doc[_past_its_that(complements[0]) : complements[-1].right_edge.i + 1] if t.i not in coordinated]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 2:
        return []
    fit = 1.3 if _hangs_on_the_question_verb(token, token, matched, asked_verbs) else 1.0
    return [(words[0].idx, words[-1].idx + len(words[-1].text), fit)]


# Participles by which a story gives someone's reason for what they did.
_GIVING_REASONS = frozenset("saying citing arguing claiming complaining blaming explaining".split())


def _reason_told_next(sentence: EvidenceSentence) -> list[tuple[int, int, float]]:
    """The reason the next sentence gives for what this one tells: "The largest painting ... was
    left behind. *At four metres wide it would not have fitted through the hatch*, police said."
    A sentence goes on with this one's happening when it opens with "because" (the answer in a
    hearing: "Why did it take so long?" "Because the collateral had to be checked.") or has a
    pronoun for its subject ("it", "they"). Only after a sentence whose verb the question asks
    about; a sentence that says so itself ("It found *that* ...") gives the finding it reports."""
    span, doc = sentence.span, sentence.parsed.doc
    if not any(doc[i].pos_ == "VERB" for i in sentence.matched_tokens if span.start <= i < span.end):
        return []
    sentences = sentence.parsed.sentences
    # Past a speaker's name on a line of its own ("Dr Oriane Castel"), as a hearing's record has.
    following = next((s for s in sentences[sentence.index + 1 : sentence.index + 3] if not _a_name_line(s)), None)
    if following is None:
        return []
    words = [t for t in following if not t.is_space and not t.is_punct]
    gives_a_reason = bool(words) and words[0].lower_ == "because"
    if gives_a_reason:
        words = words[1:]  # the reason, not the word that gives it
    if not words:
        return []
    root = following.root
    said = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if root.lemma_.lower() not in _REPORTING_VERBS | _FINDING_VERBS:
        said = None
    if said is not None and said.i < root.i:
        # "At four metres wide it would not have fitted through the hatch, police said": the said
        # clause goes on with the sentence before, not who says it.
        main, start, end = said, words[0].i, said.right_edge.i + 1
    elif said is not None:
        # "It found that the border follows the 1911 line": what it found.
        main, start = root, _past_its_that(said)
        end = _before_a_set_off_clause(doc, start, said.right_edge.i + 1)
    else:
        main, start, end = root, words[0].i, words[-1].i + 1
    subject = next((t for t in main.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
    if not gives_a_reason and (subject is None or subject.lower_ not in _CONTINUING_SUBJECTS):
        return []
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end - start < 3:
        return []
    return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), 0.8)]


def _past_its_that(clause: Token) -> int:
    """Where the words of a clause (or an object) start, past an opening "that" ("said *that*
    ...")."""
    first = clause.left_edge
    return first.i + 1 if first.dep_ == "mark" else first.i


def _a_name_line(sentence: Span) -> bool:
    """Is the sentence a short line without a verb: a speaker's name, a heading?"""
    words = [t for t in sentence if not t.is_space and not t.is_punct]
    return len(words) <= 5 and "\n" in sentence.text_with_ws and not any(t.pos_ in {"VERB", "AUX"} for t in words)


# A subject that takes up the sentence before: "*It* would not have fitted", "*They* had refused".
# Not "this" or "that", which may judge the happening rather than go on with it ("*That* was the
# wrong call").
_CONTINUING_SUBJECTS = frozenset("it they he she".split())
# Verbs by which a court or an inquiry gives its grounds: "It *found* that ...".
_FINDING_VERBS = frozenset("find conclude rule hold decide determine".split())


def _asked_purpose(verb: Token, matched: frozenset[int], asked_verbs: frozenset[str]) -> Token | None:
    """The purpose clause ("to keep order") of the verb, or of its object (where the parser may
    hang it), whose verb the question asks about: matched, or one of its verbs ("keep", too
    common to weigh as a term)."""
    heads = [verb, *(child for child in verb.children if child.dep_ in _VERB_OBJECTS)]
    return next(
        (
            clause for head in heads for clause in head.children
            if clause.dep_ in {"advcl", "xcomp", "acl", "relcl"} and clause.pos_ == "VERB"
            and (clause.i in matched or clause.lemma_.lower() in asked_verbs)
            and any(child.tag_ == "TO" for child in clause.children)
        ),
        None,
    )


def _hangs_on_the_question_verb(
    marker: Token, clause: Token, matched: frozenset[int], asked_verbs: frozenset[str]
) -> bool:
    """Does the explaining clause hang on the question's verb: one its words match, or one of
    its verbs ("take over", a verb too common to weigh as a term)? A marker that opens a clause
    ("because", "to") hangs the clause's verb on it; a preposition ("by helicopter") hangs on it
    itself."""
    verb = clause.head if clause is not marker else marker.head
    return (
        verb.i != clause.i and verb.pos_ in {"VERB", "AUX"}
        and (verb.i in matched or verb.lemma_.lower() in asked_verbs)
        # Not a verb inside another explanation: in "... because the utility waited instead of
        # *warning* people as a precaution", "as a precaution" explains the warning not given.
        and verb.dep_ not in {"advcl", "pcomp"}
    )


def _means_as_subject(
    span: Span, matched: frozenset[int], kind_of: Callable[[str, str], bool]
) -> list[tuple[int, int, float]]:
    """"How was the woman found?" "*A search dog* found her": the subject of the question's own
    verb, when it is a thing rather than someone who acted ("Rescuers found her" says who) and
    not the question's own words, is the means."""
    spans = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.i not in matched:
            continue
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.pos_ != "NOUN" or _someone(subject.lemma_.lower(), kind_of):
                continue
            words = list(subject.subtree)
            if len(words) <= 6 and not any(t.i in matched for t in words):
                spans.append((words[0].idx, words[-1].idx + len(words[-1].text), 0.9))
    return spans


def _before_a_set_off_clause(doc: Doc, start: int, end: int) -> int:
    """Where a purpose or relative clause set off by a comma starts in ``doc[start:end]``: "by
    tearing down a gallery*, to stop the flames ...*" tells how; what follows the comma says what
    for. Only a clause its first word opens: "by closing two shops, selling a van and ..." is a list."""
    return next(
        (
            t.i for t in doc[start + 1 : end - 1]
            if t.text == "," and doc[t.i + 1].lower_ in _CLAUSE_OPENERS and _opens_a_clause(doc[t.i + 1])
        ),
        end,
    )


_CLAUSE_OPENERS = frozenset("to which who whom whose where when so".split())


def _names_a_means(marker: Token) -> bool:
    """Is the marker a preposition whose object is a plain noun ("*by helicopter*", "by road",
    "*via* satellite")? Two words then say how, where a pronoun ("with it") or a name ("by
    Friday") says nothing."""
    return marker.lower_ in _MANNER_MARKERS and any(
        child.dep_ == "pobj" and child.pos_ == "NOUN" for child in marker.children
    )


def _dates_only(marker: Token) -> bool:
    """Does the preposition take a date or a time ("since 29 September", "after 2 a.m.", "by
    early evening", "by the time ...")?"""
    objects = [child for child in marker.children if child.dep_ == "pobj"]
    return marker.dep_ == "prep" and bool(objects) and all(
        child.ent_type_ in {"DATE", "TIME"} or child.lower_ == "time"
        for child in objects
    )


def _names_a_doer(agent: Token, kind_of: Callable[[str, str], bool]) -> bool:
    """Is the agent of a passive someone who acted ("written *by engineers*", "by Ms Rask", "by
    a volunteer medic") rather than the means ("carried out *by telephone*", "by helicopter")?"""
    return any(
        child.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or child.pos_ in {"PRON", "PROPN"}
        or _someone(child.lemma_.lower(), kind_of)
        for child in agent.children if child.dep_ == "pobj"
    )


def _someone(noun: str, kind_of: Callable[[str, str], bool]) -> bool:
    """Is the noun a person or a group of people? Not an animal: WordNet's rarer senses make a
    "dog" a man too, but "found *by a search dog*" tells how she was found, not by whom."""
    return _a_person_or_group(noun, kind_of) and (noun in PERSON_NOUNS or not kind_of(noun, "animal"))


def _before_that_is_why(span: Span) -> list[tuple[int, int, float]]:
    """"The embankment held, and that is why ...": the clause before "that is why" explains."""
    match = _THAT_IS_WHY.search(span.text)
    if match is None or match.start() == 0:
        return []
    opening = max(span.text.rfind(mark, 0, match.start()) for mark in ",;:—–") + 1
    before = span.text[opening : match.start()]
    start = span.start_char + opening + (len(before) - len(before.lstrip()))
    end = span.start_char + match.start()
    return [(start, end, 1.0)] if len(before.split()) >= 2 else []


def _attributes(tokens: list[Token]) -> bool:
    """"*according to* evidence heard in court" and "*said* Dr Lena Okafor, ..." say who says
    so, not why or how; so does a reporting verb whose words are outside the segment: "*told
    reporters in Veradun*: ...", "*she told relatives at the institute*"."""
    words = [t for t in tokens if not t.is_punct]
    if words and words[0].lemma_.lower() == "say":
        return True
    if len(words) >= 2 and words[0].lower_ == "according" and words[1].lower_ == "to":
        return True
    verb = next((t for t in words if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in _REPORTING_VERBS:
        return False
    # Only its subject before it ("she told ..."), and no clause of what was said in the segment.
    subject = {t.i for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"} for t in child.subtree}
    inside = {t.i for t in words}
    led_by_its_subject = all(t.i in subject for t in words if t.i < verb.i)
    says_it_here = any(child.dep_ in {"ccomp", "xcomp", "advcl"} and child.i in inside for child in verb.children)
    return led_by_its_subject and not says_it_here


_WHO = frozenset({"who", "whose"})


def _says_who_someone_is(verb: Token) -> bool:
    """A clause on a person that says what they are or have long done, not why or how anything
    happened: "Dr Lena Okafor, who *heads the unit*", "Ilona Farragher, who *has led the
    operation since Tuesday*". One in the past tense tells a deed, which may be the means:
    "the crews, who *sprayed foam on the wagon*, kept the vapour down"."""
    has = any(child.dep_ == "aux" and child.lower_ in {"has", "have"} for child in verb.children)
    standing = verb.tag_ in {"VBZ", "VBP"} or has
    return standing and any(child.lower_ in _WHO for child in verb.children)


def _sets_the_scene(tokens: list[Token], markers: frozenset[str]) -> bool:
    """Is the segment a verbless phrase of time or place ("On Monday 1 March", "In the town
    centre"): it says where or when, not why or how. A verbless list of factors ("his heart
    condition and the absence of any previous convictions") or a marked one ("by helicopter")
    still may explain."""
    words = [t for t in tokens if not t.is_punct]
    return (
        bool(words)
        and words[0].pos_ == "ADP"
        and words[0].lower_ not in markers
        and not any(t.pos_ in {"VERB", "AUX"} for t in words)
    )


def _before_the_story(ent: Span, sentence: EvidenceSentence) -> bool:
    """Is the span's year earlier than the story's own date? Asked only of "When *will* ...?":
    "When did the minister say the plant would reopen?" is past in form and rightly answered
    by a year after the story."""
    story_date = sentence.hit.document.date
    years = [year for m in _YEAR.finditer(ent.text) if 1900 <= (year := int(m.group(0))) < 2100]
    return story_date is not None and len(years) == 1 and years[0] < int(story_date[:4])


def _expand(chunk: Span) -> Span:
    """A noun chunk with its prepositional attachments ("a community with a shared future"),
    up to a clause set off by a comma ("..., which will re-examine ..."): that says more about
    the thing, it does not name it. A list goes on past its commas."""
    subtree = list(chunk.root.subtree)
    start, end = subtree[0].i, subtree[-1].i + 1
    doc = chunk.doc
    clause = next(
        (t.i for t in doc[chunk.end : end] if t.text == "," and t.i + 1 < end and _opens_a_clause(doc[t.i + 1])), None
    )
    if clause is not None:
        end = clause
    if end - start <= _MAX_PHRASE_TOKENS and start >= chunk.sent.start and end <= chunk.sent.end:
        return chunk.doc[start:end]
    return chunk


def _opens_a_clause(token: Token) -> bool:
    """Does a clause or apposition start at this token ("which will ...", "a port city ...")."""
    return any(head.dep_ in _ATTACHED_CLAUSES and next(head.subtree).i == token.i for head in (token, *token.ancestors))


_ATTACHED_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl"})


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """Does the span start or end inside a word: "re" of "re-examine", which a broken parse can give."""
    return (start > 0 and _inside_a_word(text, start)) or (end < len(text) and _inside_a_word(text, end))


def _inside_a_word(text: str, i: int) -> bool:
    """Is the boundary before ``text[i]`` inside a word: between two letters or digits, or on
    either side of a hyphen between letters ("2014" of "2014-15" is a figure of its own)."""
    left, right = text[i - 1], text[i]
    if left.isalnum() and right.isalnum():
        return True
    if right == "-":
        return left.isalpha() and text[i + 1 : i + 2].isalpha()
    if left == "-":
        return right.isalpha() and text[i - 2 : i - 1].isalpha()
    return False


# The full stop of "8:15 p.m." or "U.S." belongs to the answer; a sentence's full stop does not.
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")
# Words that cannot end an answer: they join or introduce something the span left out
# ("and", "that", "the", "of"), whatever the words mean ("all" in "we lost it all" is no "det").
_DANGLING_DEPS = frozenset({"cc", "preconj", "mark", "det", "prep"})


def _ends_an_abbreviation(text: str, end: int) -> bool:
    return bool(_ABBREVIATION_END.search(text, max(0, end - 16), end))


def _tokens_within(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens wholly inside the characters ``start:end`` of ``doc``."""
    return [t for t in doc if start <= t.idx and t.idx + len(t.text) <= end]


def _without_dangling_end(doc: Doc, start: int, end: int) -> int:
    """The span's end before a word that leaves it hanging: a parse that stops a phrase at its
    conjunction ("China's frictions with the US *and*") or a preposition whose object is cut off."""
    inside = _tokens_within(doc, start, end)
    trimmed = False
    # Only a word of its own dangles: the "h" of "80 km/h" is written as one with the unit.
    while len(inside) > 1 and (
        (_dangles(inside[-1]) and inside[-2].whitespace_)
        or (trimmed and inside[-1].text in {",", ";", ":", "—", "–"})
    ):
        inside.pop()
        trimmed = True
    return inside[-1].idx + len(inside[-1].text) if trimmed else end


_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART"})


def _without_restated_tail(doc: Doc, start: int, end: int, question_keys: set[str]) -> int:
    """The span's end before a closing phrase that only repeats the question: "the East 7 panel
    *of the mine*" for "In which part of the mine ...?". Only a prepositional phrase of common
    words, every one of them the question's, after a word of the span's own; a clause ("let
    themselves down into the building") keeps its phrase, which may be part of the answer."""
    inside = _tokens_within(doc, start, end)
    if any(t.pos_ in {"VERB", "AUX"} for t in inside):
        return end
    preposition = next((k for k in range(len(inside) - 2, 0, -1) if inside[k].dep_ == "prep"), None)
    if preposition is None:
        return end
    tail, head = inside[preposition + 1 :], inside[:preposition]
    # By part of speech, not the stop list, which has "mine" (the pronoun) for the noun.
    tail_words = [t for t in tail if t.is_alpha and t.pos_ not in _FUNCTION_POS]
    if (
        not tail_words
        or any(not t.is_lower for t in tail if t.is_alpha)
        or any(term_key(t.text) not in question_keys for t in tail_words)
        or all(term_key(t.text) in question_keys for t in head if t.is_alpha and t.pos_ not in _FUNCTION_POS)
    ):
        return end
    return head[-1].idx + len(head[-1].text)


def _dangles(token: Token) -> bool:
    # A capitalized word is a name whatever the parse says ("the Asia-*Pacific*" read as a "det").
    return token.dep_ in _DANGLING_DEPS and token.is_lower


def _make_candidate(
    sentence: EvidenceSentence,
    start: int,
    end: int,
    type_match: float,
    question_keys: set[str],
    name_keys: set[str],
    focus: str | None = None,
) -> Candidate | None:
    text = sentence.passage.text
    # A span never runs over a paragraph break ("March 7, 2025\nMarathon talks ...").
    newline = text.find("\n", start, end)
    if newline >= 0:
        end = newline
    # Citation markers and paragraph numbers are no part of an answer: "... with a broken
    # wrist.[13]", "[14] The panel reduced the ban ...".
    end = start + len(TRAILING_MARKERS.sub("", text[start:end]))
    leading = LEADING_MARKER.match(text, start, end)
    if leading is not None:
        start = leading.end()
    # Trim spaces and edge punctuation so the span is the answer itself.
    while start < end and (text[start].isspace() or text[start] in ",;:—–-(\"“'‘"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-)\"”'’.") and not _ends_an_abbreviation(text, end):
        end -= 1
    if end - start < 1 or _cuts_a_word(text, start, end):
        return None
    doc = sentence.parsed.doc
    end = _without_dangling_end(doc, start, end)
    end = _without_restated_tail(doc, start, end, question_keys)
    # Any token with a letter or digit: "6:15", "a.m." and "4.3%" are not like_num or is_alpha.
    tokens = [t for t in doc if start <= t.idx < end and any(ch.isalnum() for ch in t.text)]
    if not tokens:
        return None
    # spaCy lists spelled-out numbers ("three", "ten", "hundred") as stop words; they answer "how many".
    content = [t for t in tokens if not t.is_stop or t.like_num or any(ch.isdigit() for ch in t.text)]
    # The asked kind of thing is no repetition: "Which *court* ...?" is answered by "the *Court* of
    # Appeal", though a span that is only that word ("the court") still answers nothing. A
    # description ("*a* weather satellite") does not say which one: its focus word still repeats.
    if focus is not None and tokens[0].lower_ not in {"a", "an"}:
        content = [t for t in content if t.lemma_.lower() != focus]
    if not content:
        return None
    repeated = sum(1 for t in content if _repeats(t, question_keys, name_keys))
    novelty = 1.0 - repeated / len(content)
    if novelty == 0.0:
        return None  # the span only repeats the question
    if sentence.matched_tokens:
        distance = min(
            abs(t.i - m) for t in tokens for m in sentence.matched_tokens if not (start <= doc[m].idx < end)
        ) if any(not (start <= doc[m].idx < end) for m in sentence.matched_tokens) else 8
        proximity = 1.0 / (1.0 + distance / 4.0)
    else:
        proximity = 0.0
    fit = syntactic_fit(sentence.span, _tokens_within(doc, start, end), sentence.matched_tokens)
    length_penalty = 1.0 if len(tokens) <= 12 else 12.0 / len(tokens)
    score = (
        sentence.score * (0.55 + 0.45 * type_match)
        + 0.12 * proximity
    ) * (0.5 + 0.5 * novelty) * (0.8 + 0.2 * length_penalty)
    return Candidate(
        text=text[start:end],
        start=start,
        end=end,
        evidence=sentence,
        type_match=type_match,
        proximity=proximity,
        novelty=novelty,
        score=score,
        tree_proximity=fit.tree_proximity,
        clause_share=fit.clause_share,
    )
