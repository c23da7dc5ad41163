"""What a question asks for: its expected answer type, focus noun and key terms.

The reader has no trained QA model, so the question's wording is the main signal for what
kind of span can answer it (who -> a person, how many -> a count, why -> a clause).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from spacy.language import Language
from spacy.tokens import Doc, Token


class AnswerType(str, Enum):
    PERSON = "person"
    DATE = "date"
    NUMBER = "number"  # counts, money, percentages, quantities
    PLACE = "place"
    ORGANIZATION = "organization"
    QUOTE = "quote"  # what someone said or called something
    REASON = "reason"  # why
    MANNER = "manner"  # how did / how will
    ENTITY = "entity"  # which/what X: a noun phrase
    YES_NO = "yes_no"  # polar questions: an extractive reader has no span for "yes"


@dataclass(frozen=True, slots=True)
class QuestionAnalysis:
    """The parsed question. ``key_terms`` are lowercase lemmas of its content words."""

    text: str
    answer_type: AnswerType
    focus: str | None  # head noun after which/what ("which *agency*"), lemma
    plural: bool  # the question wants several things ("which countries", "which two ...")
    counted: str | None  # what "how many/much" measures ("how many *passengers*"), lemma
    key_terms: tuple[str, ...]
    entities: tuple[str, ...]  # proper names in the question, as written
    numbers: tuple[str, ...]  # numerals and years in the question
    doc: Doc
    # Names and numbers the answer is other than ("*Apart from Ireland*, where did tins go?"):
    # the question sets them aside, so they need not stand near the answer.
    set_aside: tuple[str, ...] = ()
    # Superlatives that rank the asked thing ("the *longest* river", "the *most* goals"): only a
    # passage that ranks it answers, not one that merely names a river.
    ranking: tuple[str, ...] = ()
    # "When *will* ...?": asked of a time after the story, which no earlier year answers.
    asks_ahead: bool = False
    # "What is the *name* of ...?", "*Name* the detective ...", "What is the group *called*?":
    # only a name answers, not a description ("two people").
    asks_name: bool = False
    # "How much cash *per share* ...?": a rate, answered by a figure "a share" or "per share",
    # not by the deal's total. The unit's lemma.
    rate_unit: str | None = None
    # "Where was the train *heading*?", "*To* which hospital ...?" ask where something went
    # ("to"); "Which town does she *come from*?" where it came from ("from"). None: neither.
    heading: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "answer_type": self.answer_type.value,
            "focus": self.focus,
        "plural": self.plural,
            "key_terms": list(self.key_terms),
            "entities": list(self.entities),
            "numbers": list(self.numbers),
        }


# Nouns for people by role or trade: "which *economist*", "several Chinese *leaders*".
PERSON_NOUNS = frozenset(
    "person people leader official spokesperson spokesman spokeswoman producer fellow chairman "
    "chairwoman chair man woman journalist reporter editor author secretary chief head aide "
    "counterpart diplomat analyst scholar premier wife husband member general envoy ambassador "
    "king queen politician correspondent writer president minister economist lawyer judge mediator "
    "worker driver operator executive director manager officer ceo cfo governor mayor senator "
    "lawmaker legislator activist expert researcher professor doctor teacher student farmer "
    "exporter owner founder boss negotiator representative candidate voter resident witness "
    "victim survivor soldier commander captain coach player strategist banker investor trader "
    "broker engineer inspector prosecutor investigator detective firefighter rescuer paramedic nurse "
    "physician surgeon pilot volunteer employee staffer deputy chancellor adviser advisor consultant "
    "architect planner auditor accountant mother father son daughter parent child grandson "
    "granddaughter grandmother grandfather neighbour neighbor friend patient customer passenger "
    "athlete artist singer actor mum mom dad baby boy girl infant toddler brother sister widow widower "
    "solicitor barrister attorney fitter miner crew".split()
)
# Occupations by suffix: "which *hydrologist*", "which *technician*", "which *photographer*".
_PERSON_SUFFIXES = ("ologist", "ician", "ographer", "ist")

# Nouns for places: "which *district*", "the port *of Essvik*", "the Saltkaj *district*".
PLACE_NOUNS = frozenset(
    "country countries city capital nation place region sea island islands province border "
    "location area territory state continent waterway gulf town village road street highway motorway "
    "route bridge river lake mountain port airport station district neighbourhood neighborhood valley "
    "county municipality site venue building church chapel hospital school stadium square park hotel "
    "prison camp shelter gym hall harbour harbor suburb quay dock pier coast bay beach".split()
)

# Focus nouns that tell which entity type a "which/what X" question wants.
_FOCUS_TYPES: dict[AnswerType, frozenset[str]] = {
    AnswerType.PERSON: PERSON_NOUNS,
    AnswerType.PLACE: PLACE_NOUNS,
    AnswerType.ORGANIZATION: frozenset(
        "agency organization organisation institute institution party outlet newspaper broadcaster "
        "company media ministry department group bank firm publication network body government "
        "news agency regulator watchdog authority".split()
    ),
    AnswerType.DATE: frozenset("year day month date time week weekday season decade century".split()),
    AnswerType.NUMBER: frozenset(
        "number amount percentage percent share proportion figure total value sum count size toll increase "
        "rise raise hike cut price cost fare rate salary wage fee fine budget revenue loss profit growth worth "
        "height depth length distance capacity flow speed temperature weight volume".split()
    ),
}

_GENERIC_FOCUS = frozenset(
    "country countries city place person people year day date time number amount figure "
    "organization organisation topic topics thing things kind sort type".split()
)
# The nouns that name what was said ("What *promise* did the minister make?"): her words answer.
_SPEECH_ACT_NOUNS = frozenset("promise pledge vow warning assurance".split())
# Focus nouns that say only what kind of thing the answer is ("Which *firm* built it?", "Which
# *town* is she from?"): an answer of that kind is itself the firm or the town, so the word need
# not stand beside it. A role ("Which *judge*"), a facility ("Which *hospital*") or a measure
# ("What *price*") says more than a kind, and must be found there.
_KIND_NOUNS = frozenset(
    "firm company business group organisation organization outfit town city village country nation "
    "place region province state slogan phrase quote remark expression".split()
) | _SPEECH_ACT_NOUNS
# Verbs that only say a place is asked for: the place's preposition stands for them.
_LOCATING_VERBS = frozenset("locate situate base headquarter".split())
# Verbs of saying: "What did the inspector *warn* about ...?" wants her words, as "say" does.
_QUOTE_VERBS = frozenset(
    "say tell call describe term label dub hail name quote state warn caution promise pledge vow "
    "insist stress admit concede acknowledge assure reassure complain".split()
)
# "How did X describe Y?" wants X's words; "How did X say they would ..." wants the reported plan.
_DESCRIBE_VERBS = frozenset(
    "describe call term label dub characterize characterise hail sum summarise summarize react respond reply".split()
)
# A reaction can be words or a deed ("she walked out"): such quote questions take both.
_REACTION_VERBS = frozenset("react respond reply".split())
_QUOTE_NOUNS = frozenset(
    "phrase words word term slogan quote remark remarks expression phraseology".split()
) | _SPEECH_ACT_NOUNS
_AUXILIARIES = frozenset(
    "is are was were am be been do does did has have had can could will would shall should may might must".split()
)
# Words that carry no topic: wh-words, light verbs, fillers common in questions.
_QUESTION_STOPWORDS = frozenset(
    "who whom whose what which when where why how much many the a an of to in on at for by with "
    "from about as into be do have say tell according happen take place make get go kind sort type "
    "thing something anything one also there this that these those it its they their them he his "
    "she her we our you your i me my and or but not no if than then".split()
)
_WH_WORDS = frozenset("who whom whose what which when where why how".split())
_CONTROL_CHARS = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]")
# A decade ("the 1980s") is one figure, not the year it starts with.
DECADE = re.compile(r"(\d{3})0s")
_NUMBER = re.compile(rf"\b{DECADE.pattern}\b|\d[\d,.]*")
# Words that set a name aside from the answer, ending the text before it ("besides the").
_SET_ASIDE_BEFORE = re.compile(
    r"\b(?:apart from|aside from|besides|other than|except(?: for)?|excluding|as well as|in addition to|"
    r"not counting)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
# What joins the names of a list, at the end of the text before the next one ("Kenya and ").
_LIST_GLUE_AT_END = re.compile(r"(?:\s*(?:,|\band\b|\bor\b|\bthe\b)\s*)+$")
_CODED_NAME = re.compile(r"[A-Z][A-Za-z]*-?\d+[A-Za-z]*(?:-\d+)?")


def normalize_question(question: str, max_chars: int) -> str:
    """Validate and tidy a question; a bad one raises ValueError that says what to fix."""
    if not isinstance(question, str):
        raise ValueError(f"question must be a string, got {type(question).__name__}")
    text = unicodedata.normalize("NFKC", question)
    text = _CONTROL_CHARS.sub(" ", text)
    text = " ".join(text.split())
    if not text:
        raise ValueError("question is empty: type a question such as 'Who did Xi meet on Wednesday?'")
    if len(text) > max_chars:
        raise ValueError(
            f"question is {len(text)} characters long; the limit is {max_chars}. Ask one short question."
        )
    if not any(ch.isalnum() for ch in text):
        raise ValueError(f"question {text!r} has no words in it: type a question in words")
    return text


def analyze_question(text: str, nlp: Language) -> QuestionAnalysis:
    """Parse an already normalized question into its expected answer type and key terms."""
    doc = nlp(text)
    lowered = [token.lower_ for token in doc]
    answer_type, focus = _answer_type(doc, lowered)
    own_words = any(t.lower_ == "words" and any(c.lower_ == "own" for c in t.children) for t in doc)
    if answer_type is AnswerType.MANNER and ({t.lemma_.lower() for t in doc} & _DESCRIBE_VERBS or own_words):
        answer_type = AnswerType.QUOTE  # "How did Trong describe the visit?" wants his words
        if {t.lemma_.lower() for t in doc} & _REACTION_VERBS:
            focus = "reaction"
    # ... but "What wage *increase* is the union asking for?" names its answer's kind.
    if answer_type is AnswerType.ENTITY and focus is None and lowered[-2:] in (["for", "?"], ["for"]):
        answer_type = AnswerType.REASON  # "What is the hotline meant for?" asks for a purpose
    if answer_type is AnswerType.PERSON and focus is None:
        focus = _leader_focus(doc) or _role_noun(doc)
    # Only real names: spaCy also tags question phrases ("which day of the week") as DATE.
    entities = tuple(
        dict.fromkeys(
            ent.text
            for ent in doc.ents
            if ent.label_ not in {"CARDINAL", "ORDINAL"}
            # Names only: a phrase like "two-week" or "11-hour" is a paraphrasable quantity.
            and any(t.pos_ == "PROPN" for t in ent)
            and not any(t.lower_ in _WH_WORDS for t in ent)
        )
    )
    # "Corvina-5", "MH370", "Terminal 4": a name whose number tells it from its siblings
    # ("Corvina-4", "Terminal 3"). The small NER model rarely tags them whole; as names they
    # must stand near the answer, and their number is no figure of the question.
    coded = [t.text for t in doc if _CODED_NAME.fullmatch(t.text)] + _numbered_names(doc)
    entities = tuple(dict.fromkeys((*entities, *(c for c in coded if not any(c in e for e in entities)))))
    in_names = {m.group(0) for name in coded for m in _NUMBER.finditer(name)}
    numbers = tuple(
        dict.fromkeys(n for m in _NUMBER.finditer(text) if (n := m.group(0).rstrip(".,")) not in in_names)
    )
    naming = _naming_verb(doc)
    # "What is the instrument *called*?", "*List* the towns": the asking verb need not stand in the text.
    asking = {verb.i for verb in (naming, ordering_verb(doc)) if verb is not None}
    key_terms = tuple(
        dict.fromkeys(
            token.lemma_.lower()
            for token in doc
            if token.i not in asking
            and (token.is_alpha or token.like_num or _CODED_NAME.fullmatch(token.text))
            and not token.is_stop
            and token.lower_ not in _QUESTION_STOPWORDS
            and token.lemma_.lower() not in _QUESTION_STOPWORDS
            # A generic type word ("which *countries*") names the answer's kind, not its context.
            and token.lemma_.lower() not in _GENERIC_FOCUS
        )
    )
    return QuestionAnalysis(
        text=text,
        answer_type=answer_type,
        focus=focus,
        plural=_wants_several(doc),
        counted=_counted_noun(doc) if answer_type is AnswerType.NUMBER else None,
        key_terms=key_terms,
        entities=entities,
        numbers=numbers,
        doc=doc,
        set_aside=_set_aside(text, (*entities, *numbers)),
        ranking=_superlatives(doc),
        asks_ahead=_asks_ahead(doc),
        asks_name=naming is not None or _named_noun(doc) is not None or _orders_a_name(doc),
        rate_unit=_rate_unit(doc) if answer_type is AnswerType.NUMBER else None,
        heading=_heading(doc) if answer_type is AnswerType.PLACE else None,
    )


def _orders_a_name(doc: Doc) -> bool:
    """ "*Name* the detective working on the case.": the imperative asks for a name."""
    verb = ordering_verb(doc)
    return verb is not None and verb.lower_ == "name" and _ordered_noun(doc) is not None


def _asks_ahead(doc: Doc) -> bool:
    """Is the question's main verb in the future: "When *will* ...?", "When *shall* ...?"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" and c.lemma_.lower() in {"will", "shall"}
        for c in root.children
    )


def _superlatives(doc: Doc) -> tuple[str, ...]:
    """The question's superlatives ("largest", "most", "most powerful"), not one inside a
    hyphenated name of a thing ("*best*-before dates"), nor "most" of an adverb ("most recently")."""
    found = []
    for t in doc:
        if _hedges_a_figure(t):
            continue
        if t.tag_ == "JJS" and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-"):
            found.append(t.lower_)
        elif t.tag_ == "RBS" and t.dep_ == "advmod" and t.head.tag_ == "JJ":
            found.append(f"{t.lower_} {t.head.lower_}")  # "the *most powerful* leader"
    return tuple(found)


def _hedges_a_figure(token: Token) -> bool:
    """ "Until when, *at the earliest*, ...?", "*at least*", "*at most*": the idiom bounds a
    figure or a time; it ranks nothing the text must rank."""
    doc = token.doc
    before = [t.lower_ for t in doc[max(0, token.i - 2) : token.i]]
    return before[-1:] == ["at"] or before == ["at", "the"]


def _numbered_names(doc: Doc) -> list[str]:
    """ "Terminal 4", "Gate 3", "Route 78": a capitalised word (not the question's first, as in
    "In 2021 ...") numbered within a series. Not a date ("March 10") nor a time."""
    return [
        f"{before.text} {token.text}"
        for token in doc[2:]
        if _SERIES_NUMBER.fullmatch(token.text)
        and (before := doc[token.i - 1]).is_title
        and before.lower_ not in _WH_WORDS
        and token.ent_type_ not in {"DATE", "TIME"}
    ]


_SERIES_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?")


def _set_aside(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names an exclusion phrase governs, alone or in a list ("besides Kenya and Uganda")."""
    set_aside: list[str] = []
    for name in names:
        start = text.find(name)
        if start < 0:
            continue
        before = text[:start]
        # Walk back over the names listed before this one ("Kenya and" in "besides Kenya and Uganda").
        while glue := _LIST_GLUE_AT_END.search(before):
            listed = before[: glue.start()]
            earlier = next((n for n in set_aside if listed.endswith(n)), None)
            if earlier is None:
                break
            before = listed[: -len(earlier)]
        if _SET_ASIDE_BEFORE.search(before):
            set_aside.append(name)
    return tuple(set_aside)


def _answer_type(doc: Doc, lowered: list[str]) -> tuple[AnswerType, str | None]:
    words = [w for w in lowered if w.isalnum()]
    if not words:
        return AnswerType.ENTITY, None
    wh_index = next((i for i, w in enumerate(words) if w in _WH_WORDS), None)
    if wh_index is None:
        # "Is Vietnam still communist?", "Did China support ...?"
        if words[0] in _AUXILIARIES:
            return AnswerType.YES_NO, None
        ordered = _ordered_noun(doc)
        if ordered is not None:
            return _typed_by_focus(doc, ordered)  # "Name the detective ..." asks as "Which detective ...?"
        return AnswerType.ENTITY, None
    wh = words[wh_index]
    after = words[wh_index + 1] if wh_index + 1 < len(words) else ""
    if wh in {"who", "whom", "whose"}:
        return AnswerType.PERSON, None
    if wh == "when":
        return AnswerType.DATE, None
    if wh == "where":
        return AnswerType.PLACE, None
    if wh == "why":
        return AnswerType.REASON, None
    if wh == "how":
        if after == "much" and _time_follows(words[wh_index + 2 : wh_index + 5]):
            return AnswerType.DATE, "long"  # "How much (prison) time did he get?" wants a duration
        if after in _HOW_MEASURES:
            return AnswerType.NUMBER, after
        if after in {"long", "soon", "early", "late"}:
            return AnswerType.DATE, after
        return AnswerType.MANNER, None
    # what / which
    naming = _naming_verb(doc)
    named = doc[naming.i - 1].lemma_.lower() if naming is not None else None  # "the instrument" of "... called?"
    focus = _named_noun(doc) or named or _focus_noun(doc, wh_index)
    if _asks_means(words, wh_index, focus):
        return AnswerType.MANNER, None
    if _asks_earliest_time(words, wh_index):
        return AnswerType.DATE, None
    if _names_a_duration(doc, focus):
        # "*In* what period did he die?" asks when, within a span; "What period did he serve?" how long.
        return AnswerType.DATE, None if words[0] in _WITHIN_WORDS else "long"
    if _asks_price(doc):
        return AnswerType.NUMBER, "cost"
    asked = next(t for t in doc if t.lower_ in _WH_WORDS)  # the question's own "what", not a clause's
    if _asks_cause(asked):
        return AnswerType.REASON, "cause"
    if _asks_action(asked):
        return AnswerType.MANNER, None  # "What did the computer do ...?" wants what it did
    # Verbs only: "What is the *name* of the boy?" asks for a name, not for what was said.
    # ... and not a verb inside a modifier ("each *called*-off attempt").
    verbs = {t.lemma_.lower() for t in doc if t.pos_ == "VERB" and not _modifier_verb(t)}
    if focus in _QUOTE_NOUNS or (verbs & _QUOTE_VERBS and focus is None):
        return AnswerType.QUOTE, focus
    if focus is not None:
        return _typed_by_focus(doc, focus)
    return AnswerType.ENTITY, None


def _typed_by_focus(doc: Doc, focus: str) -> tuple[AnswerType, str | None]:
    """The kind of answer the asked noun names: "which *country*" a place, "which *hydrologist*" a person."""
    for answer_type, nouns in _FOCUS_TYPES.items():
        if focus in nouns:
            return answer_type, focus
    if len(focus) > 5 and focus.endswith(_PERSON_SUFFIXES):
        return AnswerType.PERSON, focus
    typed = _typed_compound(doc, focus)
    if typed is not None:
        return typed
    return AnswerType.ENTITY, focus


_ORDERING_VERBS = frozenset("name list identify".split())


def ordering_verb(doc: Doc) -> Token | None:
    """The verb of an imperative question ("*Name* the detective ...", "*List* the towns ...")."""
    first = next((t for t in doc if t.is_alpha), None)
    return first if first is not None and first.lower_ in _ORDERING_VERBS else None


def _ordered_noun(doc: Doc) -> str | None:
    """The thing an imperative question asks for: "*Name* the police *detective* working on the case."."""
    verb = ordering_verb(doc)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"] if verb is not None else []
    return objects[-1].lemma_.lower() if objects else None


def _typed_compound(doc: Doc, focus: str) -> tuple[AnswerType, str] | None:
    """The focus noun says nothing of the answer's kind but the noun before it does: a "*price*
    tag" is a price, a "*time* limit" a time. Only measures and times: a "*hospital* bill" is
    no place, a "*union* card" no organisation."""
    for token in doc:
        if token.lemma_.lower() != focus:
            continue
        for child in token.children:
            if child.dep_ != "compound":
                continue
            for answer_type in (AnswerType.NUMBER, AnswerType.DATE):
                if child.lemma_.lower() in _FOCUS_TYPES[answer_type]:
                    return answer_type, child.lemma_.lower()
    return None


_MEANS_PREPOSITIONS = frozenset("through by via".split())
_MEANS_NOUNS = frozenset("means method way manner route".split())


def _asks_means(words: list[str], wh_index: int, focus: str | None) -> bool:
    """ "*Through what* would the strike hurt growth?", "*By what means* ...?", "*In what way*
    ...?" ask how, as "how" does; "By what *percentage*" and "In what *year*" do not."""
    before = words[wh_index - 1] if wh_index > 0 else ""
    if before in _MEANS_PREPOSITIONS:
        return focus is None or focus in _MEANS_NOUNS
    return before == "in" and focus in {"way", "manner"}


def _focus_noun(doc: Doc, wh_index: int) -> str | None:
    """The noun a which/what word modifies: 'which *agency*', 'what *percentage* of imports'."""
    alnum = _words(doc)
    if wh_index + 1 >= len(alnum):
        return None
    wh = alnum[wh_index]
    # The parse knows the head: "Which AP video *producer*", "What *percentage* of voters".
    if wh.dep_ == "det" and wh.head.pos_ in {"NOUN", "PROPN"}:
        return wh.head.lemma_.lower()
    copula_subject = _copula_subject(alnum, wh_index)
    if copula_subject is not None:
        return copula_subject
    # Skip adjectives between the wh-word and its noun ("which Vietnamese *official*").
    for token in alnum[wh_index + 1 : wh_index + 4]:
        if token.pos_ in {"NOUN", "PROPN"}:
            return token.lemma_.lower()
        if token.pos_ not in {"ADJ", "NUM"} and token.lower_ not in {"kind", "sort", "type", "of"}:
            return None
    return None


# "How *close* ...", "how *fast* ...": a measurement.
_HOW_MEASURES = frozenset("many much big large high far old often close fast tall deep wide heavy hot cold".split())
# Verbs whose subject leads something: "Who *heads* the agency?", "Who *runs* the plant?".
# What a person does to a body they lead: "Who *heads* ...?", "a fund *run by* Ines Calderwood".
LEADING_VERBS = frozenset("head lead run chair manage direct command".split())
# "Who is the *boss* ...?" names no title; any leader's title answers it.
GENERIC_LEADERS = frozenset("head boss chief leader".split())
LEADER_ROLES = GENERIC_LEADERS | frozenset(
    "executive ceo chairman chairwoman chair chairperson president director manager commissioner governor".split()
)
# The words by which a question asks for a leader ("who *runs*", "in *charge*", "the *boss*");
# not "lead", which the text uses for its own sense ("the prosecutor *leading* the inquiry").
LEADER_WORDS = (GENERIC_LEADERS | LEADING_VERBS | {"charge"}) - {"lead"}


_DEPUTY_WORDS = frozenset("vice deputy assistant associate acting former".split())


def is_leader_title(token: Token) -> bool:
    """A leader's title, not a deputy's ("vice-president", "deputy director")."""
    if token.lemma_.lower() not in LEADER_ROLES:
        return False
    before = {t.lower_ for t in token.doc[max(token.i - 2, 0) : token.i]}
    return not before & _DEPUTY_WORDS


# "Who *chairs* the board?" asks for the chair, not the chief executive.
CHAIR_TITLES = frozenset("chairman chairwoman chair chairperson".split())


def holds_asked_role(token: Token, focus: str | None) -> bool:
    """Does the title ``token`` answer a question for ``focus``: any leader's title for a
    generic "boss" or "head", a chair's title for "chairman"."""
    if focus in GENERIC_LEADERS:
        return is_leader_title(token)
    if focus == "chairman":
        return token.lemma_.lower() in CHAIR_TITLES and is_leader_title(token)
    return False


def kind_words(question: QuestionAnalysis) -> frozenset[str]:
    """The question's words that say only what kind of answer it wants: a focus noun like
    "Which *firm* ...?", "Where is it *located*?", or the verb of "How did she *react*?" (a
    reaction: her words or deed)."""
    if question.focus in _KIND_NOUNS:
        return frozenset({question.focus})
    if question.answer_type is AnswerType.PLACE:
        return frozenset(question.key_terms) & _LOCATING_VERBS  # "Where is X *based*?": "X in Cork"
    if question.focus == "reaction":
        return frozenset(question.key_terms) & _REACTION_VERBS
    return frozenset()


def asks_for_a_leader(question: QuestionAnalysis) -> bool:
    """A person question whose answer is whoever leads something, by a title of that rank."""
    return question.answer_type is AnswerType.PERSON and (
        question.focus in GENERIC_LEADERS or question.focus == "chairman"
    )


# "What *pushed* the share price down?", "What *drove* prices up?" ask for a cause too.
_CAUSING_VERBS = frozenset("cause trigger prompt spark push drive fuel force".split())
# Verbs that cause with a particle or a result: "*set off* the rush", "*touched off* the riot",
# "*set* the forest *alight*", "*brought about* the collapse"; not "set the date" or "brought the food".
_CAUSING_PHRASES = frozenset(
    [("set", "off"), ("touch", "off"), ("bring", "about"), ("set", "alight"), ("set", "ablaze"), ("set", "on fire")]
)
# "What do investigators *say* caused ...?", "What do experts *think* triggered ...?"
_OPINION_VERBS = frozenset("say think believe suspect suggest conclude".split())


def _leader_focus(doc: Doc) -> str | None:
    """ "Who heads X?", "Who is in charge of X?": whoever leads X, by any title ("head");
    "Who chairs X?": its chair ("chairman")."""
    for token in doc:
        if token.lower_ == "who" and token.dep_ == "nsubj" and token.head.lemma_.lower() in LEADING_VERBS:
            return "chairman" if token.head.lemma_.lower() == "chair" else "head"
        if token.lower_ == "charge" and token.head.lower_ == "in":
            return "head"
    return None


def _asks_cause(what: Token) -> bool:
    """ "What caused the computer to halt?" asks for a cause, like "why"; "On what date was the report
    on what caused it out?" asks for a date: only the question's own "what" counts. So do "What
    do investigators *say* caused it?" (the cause as someone gives it) and "What did the owner
    *blame* for the fall?"."""
    if what.lower_ != "what":
        return False
    verb = what.head
    if verb.lemma_.lower() in _OPINION_VERBS:
        # The parser hangs "what" on the saying ("What/dobj do they say set ...?"); the cause is
        # asked when the said clause has a causing verb and no subject of its own.
        return any(
            clause.dep_ in {"ccomp", "xcomp"} and _causes(clause)
            and not any(child.dep_ in {"nsubj", "nsubjpass"} for child in clause.children)
            for clause in verb.children
        )
    if what.dep_ in {"dobj", "dep"} and verb.lemma_.lower() == "blame":
        return True  # "What did the owner *blame* for the fall?": what it gave as the cause
    return what.dep_ == "nsubj" and _causes(verb)


def _causes(verb: Token) -> bool:
    """Is the verb one of causing: "caused", "*set off*", "*set* the forest *alight*", "led to"?"""
    # By the words after the verb, not their arcs: the parser takes "alight" for an object and
    # "ablaze" for the sentence's root.
    following = " " + " ".join(t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 6]) + " "
    return (
        verb.lemma_.lower() in _CAUSING_VERBS
        or any(verb.lemma_.lower() == lemma and f" {words} " in following for lemma, words in _CAUSING_PHRASES)
        # "What *led to* the closure?", not "What led the rally?"
        or (verb.lemma_.lower() == "lead" and any(c.lower_ == "to" and c.dep_ == "prep" for c in verb.children))
        # "What *made* the bridge *fall*?" (a clause under "make"), not "What made the headlines?"
        or (verb.lemma_.lower() == "make" and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children))
    )


def _asks_action(what: Token) -> bool:
    return what.lower_ == "what" and what.dep_ == "dobj" and what.head.lemma_ == "do" and what.head.pos_ == "VERB"


def _modifier_verb(token: Token) -> bool:
    doc = token.doc
    hyphenated = token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    return hyphenated or token.dep_ in {"amod", "compound"}


def _named_noun(doc: Doc) -> str | None:
    """What a "the name of the X" question names: "What is the name of the Mallow *mum*?"."""
    for token in doc:
        if token.lemma_.lower() == "name" and token.pos_ == "NOUN":
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}), None)
                    if noun is not None and noun.pos_ == "NOUN":
                        return noun.lemma_.lower()
    return None


def _naming_verb(doc: Doc) -> Token | None:
    """The verb of a "What is the X called?" question, which asks for the X's name as "What is
    the name of the X?" does, not for anyone's words ("What did Xi call the visit?"). By word
    order, as the small parser hangs the verb and its noun differently in each wording."""
    words = [t for t in doc if t.is_alpha]
    if words and words[-1].lower_ == "as":
        words = words[:-1]  # "What is the bridge known as?"
    if len(words) < 4 or words[0].lower_ != "what" or words[1].lemma_ != "be":
        return None
    verb, named = words[-1], words[2:-1]
    if verb.lemma_.lower() not in NAMING_VERBS or verb.tag_ not in {"VBN", "VBD"}:
        return None
    return verb if named and named[-1].pos_ == "NOUN" else None


NAMING_VERBS = frozenset("call name know term dub".split())
_TIME_SUPERLATIVES = frozenset("earliest latest soonest".split())


def _asks_earliest_time(words: list[str], wh_index: int) -> bool:
    """ "What's the earliest the site could reopen?" asks for a time."""
    following = words[wh_index + 1 : wh_index + 5]
    return any(w in _TIME_SUPERLATIVES for w in following) and "the" in following


# Verbs whose object is a sum of money: "What will the repairs *cost*?", "What did it *pay*?".
_PRICE_VERBS = frozenset("cost pay charge earn fetch spend".split())
# Nouns that name a stretch of time: "What *sentence* did she get?", "what *period*".
_DURATION_NOUNS = frozenset("sentence duration period stint spell tenure".split())
_WITHIN_WORDS = frozenset("in during".split())
# "term" is a stretch of time only as a "prison term" or "jail term"; alone it is a word used.
_CUSTODY_WORDS = frozenset("prison jail custodial gaol".split())


_AUXILIARIES = frozenset(
    "do does did is was were are am be been has have had will would can could shall should may might must".split()
)


def _time_follows(following: list[str]) -> bool:
    """"time" is the noun that "how much" measures: "much time", "much prison time", "much
    more time", but not "How much did the time ...?"."""
    if "time" not in following:
        return False
    return not any(word in _AUXILIARIES for word in following[: following.index("time")])


def _names_a_duration(doc: Doc, focus: str | None) -> bool:
    """The focus noun asks for a length of time: "What prison term ...?", "What sentence ...?"."""
    if focus in _DURATION_NOUNS:
        return True
    if focus != "term":
        return False
    return any(
        t.lemma_.lower() == "term" and any(c.lower_ in _CUSTODY_WORDS for c in t.children) for t in doc
    )


def _asks_price(doc: Doc) -> bool:
    """The wh-word is the object of a money verb ("What does the analyst think it will cost?"),
    not of a stranded preposition ("What will the fund pay *for*?")."""
    wh = next((t for t in doc if t.lower_ in {"what", "how"}), None)
    if wh is None or wh.dep_ not in {"dobj", "dative", "dep"} or _ends_in_a_preposition(_words(doc)):
        return False
    # The parser may hang the wh-word on the verb of saying instead: "What did the minister say
    # the clean-up would *cost* (the city)?" asks for the reported clause's sum.
    return wh.head.lemma_.lower() in _PRICE_VERBS or any(
        clause.dep_ == "ccomp" and clause.lemma_.lower() in _PRICE_VERBS for clause in wh.head.children
    )


def _words(doc: Doc) -> list[Token]:
    """The question's words and numbers, without punctuation: what word positions count over."""
    return [t for t in doc if t.text.isalnum() or t.is_alpha]


def _ends_in_a_preposition(words: Sequence[Token]) -> bool:
    """A stranded preposition, whose object the wh-word is; not the particle of "came *in*"."""
    return bool(words) and words[-1].pos_ == "ADP" and words[-1].dep_ != "prt"


def _copula_subject(alnum: list[Token], wh_index: int) -> str | None:
    """The noun a "What is the X ...?" question equates with its answer: "What is the death
    *toll* ...?", "What was the *value* of the contract?"."""
    verb = alnum[wh_index + 1]
    if verb.lemma_ != "be" or verb.dep_ != "ROOT":
        return None
    rest = alnum[wh_index + 2 :]
    # Not "What is X called?" (a name) nor "What is the shelter meant for?" (a verb's question).
    if any(t.lemma_ in {"call", "name", "know", "term", "dub"} for t in rest):
        return None
    # An infinitive hung on the copula by a misparse modifies the noun: "the value of the contract *to rebuild* ...".
    infinitive = {t.i for t in alnum if any(c.tag_ == "TO" for c in t.children)}
    # A clause of time or condition ("... *when* the leaders came in?") leaves the copula's noun asked.
    asks_a_verb = any(
        t.pos_ == "VERB" and t.head.i == verb.i and t.i not in infinitive and t.dep_ != "advcl" for t in alnum
    )
    if asks_a_verb or _ends_in_a_preposition(alnum):
        return None
    for token in rest[:4]:
        if token.pos_ == "NOUN" and token.dep_ in {"nsubj", "attr"} and token.head.i == verb.i:
            if token.lemma_.lower() in PERSON_NOUNS and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in token.children):
                # "What are the exporters *asking* ...?", misparsed as a copula: people doing something.
                return None
            return token.lemma_.lower()
    return None


_COUNT_WORDS = frozenset("two three four five six seven eight nine ten several".split())


def _wants_several(doc: Doc) -> bool:
    """'Which countries ...', 'Which two leaders ...', 'What topics ...', 'List the towns ...' want a list."""
    verb = ordering_verb(doc)
    if verb is not None and any(c.dep_ == "dobj" and c.tag_ in {"NNS", "NNPS"} for c in verb.children):
        return True
    for i, token in enumerate(doc[:-1]):
        if token.lower_ in {"which", "what"}:
            for nxt in doc[i + 1 : i + 4]:
                if nxt.lower_ in _COUNT_WORDS or nxt.tag_ in {"NNS", "NNPS"}:
                    return True
                if nxt.pos_ in {"NOUN", "PROPN", "VERB", "AUX"}:
                    break
    return False


def _rate_unit(doc: Doc) -> str | None:
    """The unit a figure is asked per: "How much cash *per share* ...?", "What price *per tonne*
    ...?". Only "per": "How many people did *each* team send?" is answered by a plain count."""
    for per in (token for token in doc if token.lower_ == "per"):
        unit = next((child for child in per.children if child.dep_ == "pobj"), None)
        if unit is not None and unit.pos_ == "NOUN":
            return unit.lemma_.lower()
    return None


# Prepositions of a way's end and of its start, beside the rest (in, at, near: where a thing is).
GOAL_PREPOSITIONS = frozenset("to into onto towards toward".split())
SOURCE_PREPOSITIONS = frozenset({"from"})
# Verbs whose "where" is the end of a way ("Where was the tanker *towed*?"), or its start.
_GOAL_VERBS = frozenset(
    "head go move send take bring carry transfer tow evacuate fly relocate divert ship deliver export "
    "travel drive sail flee airlift transport rush ferry".split()
)
_SOURCE_VERBS = frozenset("come originate hail".split())
_LIGHT_OBJECTS = frozenset("place part hold shape effect root refuge".split())


def _heading(doc: Doc) -> str | None:
    """"to" when a place question asks where something went, "from" where it came from.

    The question's own preposition says so, left at the end ("delivering its cargo *to*?", "come
    *from*?") or fronted ("*To* which hospital ...?"); else the verb "where" asks of ("Where was the
    train *heading*?"). A preposition with an object of its own ("the passengers *from* the train")
    qualifies something else."""
    for token in doc:
        if token.dep_ not in {"prep", "dative", "prt"}:
            continue  # "taken *to be* cared for": the infinitive's marker (aux) goes nowhere
        objects = [child for child in token.children if child.dep_ == "pobj"]
        asked = not objects or any(child.lower_ in {"which", "what"} for obj in objects for child in obj.children)
        if asked and token.lower_ in GOAL_PREPOSITIONS:
            return "to"
        if asked and token.lower_ in SOURCE_PREPOSITIONS:
            return "from"
    where = next((token for token in doc if token.lower_ == "where"), None)
    if where is None:
        return None
    verb = where.head.head if where.head.dep_ in {"aux", "auxpass"} else where.head  # "Where *was* it heading?"
    if verb.lemma_ == "be":
        # "Where *were* the miners taken?" parsed with "were" as the verb: the participle is.
        verb = next((t for t in doc[where.i + 1 :] if t.tag_ in {"VBN", "VBG"} and t.dep_ != "amod"), verb)
    if any(child.dep_ == "dobj" and child.lemma_.lower() in _LIGHT_OBJECTS for child in verb.children):
        return None  # "Where did the hearing *take place*?" asks where it was, not where it went
    lemma = verb.lemma_.lower()
    return "to" if lemma in _GOAL_VERBS else "from" if lemma in _SOURCE_VERBS else None


def _counted_noun(doc: Doc) -> str | None:
    """The noun a 'how many/much' question measures: 'How many *passengers* were rescued?'."""
    for i, token in enumerate(doc[:-1]):
        if token.lower_ == "how" and doc[i + 1].lower_ in {"many", "much"}:
            for following in doc[i + 2 : i + 6]:
                if following.pos_ in {"NOUN", "PROPN"}:
                    # The head, not a modifier: "how many farm *animals*", "how many *people* died".
                    while following.dep_ == "compound" and following.head.i > following.i:
                        following = following.head
                    return following.lemma_.lower()
                if following.lower_ in {"of", "the"}:
                    continue  # "How many of the people who died ...?"
                if following.pos_ not in {"ADJ", "NUM"} and following.dep_ != "amod":
                    return None  # ... but "How much of the *leaked* chemical ...?" measures the chemical
    return None


def _role_noun(doc: Doc) -> str | None:
    """The role a who-question names: 'Who is the *president* of Vietnam?' -> 'president'.

    Only a role the question equates with "who" counts: in "Who did the *lawyer* mean?" the
    lawyer is someone else, the one who meant."""
    # The question's own copula, the root or the one "who" hangs from: in "Whose data showed
    # that no *boat* was near?" the boat is equated with nothing the question asks.
    who = next((t for t in doc if t.lower_ in {"who", "whom"}), None)
    own_verbs = {t.i for t in doc if t.dep_ == "ROOT"} | ({who.head.i} if who is not None else set())
    for token in doc:
        equated = token.dep_ == "attr" or (token.dep_ == "nsubj" and token.head.lemma_ == "be")
        # A title's initials are a proper noun to the tagger: "the company's *CFO*".
        noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lemma_.lower() in PERSON_NOUNS)
        if equated and token.head.i in own_verbs and noun and token.lower_ not in {"who", "whom"}:
            return token.lemma_.lower()
    return _role_taken(who) if who is not None else None


# Verbs whose object is whoever held a role before: "Who will *replace* her as coach?" names the
# subject's new role, where "Who described *him* as a hero?" says what the object is.
_SUCCEEDING_VERBS = frozenset("succeed replace follow".split())


def _role_taken(who: Token) -> str | None:
    """The role "who" takes on: "Who was appointed *as* chief executive?", "Who served as
    *mayor*?", "Who was named chief *executive*?", "Who will succeed X as *coach*?"."""
    if who.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verbs = [who.head] + [c for c in who.head.children if c.dep_ == "xcomp"]  # "appointed to *succeed* X as"
    for verb in verbs:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        if objects and verb.lemma_.lower() not in _SUCCEEDING_VERBS:
            continue  # "Who appointed *her* as coach?": the role is hers
        for child in verb.children:
            role = child if child.dep_ == "oprd" else None
            if child.dep_ == "prep" and child.lower_ == "as":
                role = next((o for o in child.children if o.dep_ == "pobj"), None)
            if role is not None and role.pos_ == "NOUN" and role.lemma_.lower() in PERSON_NOUNS:
                return role.lemma_.lower()
    return None
