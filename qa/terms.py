"""Term matching between a question and the evidence, and corpus term statistics.

Question words and passage words are compared by a crude stem (``trading`` ~ ``trade``,
``Vietnam’s`` ~ ``vietnam``) or by spaCy lemma (``met`` ~ ``meet``); rarity weights come from
the passages' document frequencies so that "hotline" counts more than "China".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_ACT_OR_ACTOR = re.compile(r"(?<=[ts])(?:ion|or)$")
# A number spelt out meets its digits: "Nine percent" answers "the 9% offer". "One" is left
# out: it is as often a pronoun ("one of Ireland's largest") as a count.
_UNITS = (
    "two three four five six seven eight nine ten "
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(_UNITS.split(), start=2)} | {
    word: str(10 * tens) for tens, word in enumerate(_TENS.split(), start=2)
}
_SUFFIXES = ("ations", "ation", "ators", "ator", "ings", "ing", "ated", "ates", "ate", "ese", "ies", "ied", "ers", "ed", "es", "er", "ly", "s")


def term_key(word: str) -> str:
    """A crude, deterministic stem used as the matching key for one word."""
    word = unicodedata.normalize("NFKC", word).casefold().replace("’", "'")
    word = _POSSESSIVE.sub("", word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    # Demonyms meet their country: "Russians"/"Russian" -> "russia", "Vietnamese" -> "vietnam".
    if len(word) > 6 and word.endswith("ans"):
        word = word[:-1]
    if len(word) > 5 and word.endswith(("ian", "ean", "can")):
        return _drop_final_vowel(word[:-1])
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    # The doer meets the deed: "prosecutor" ~ "prosecution", "inspector" ~ "inspection". Five
    # letters must remain, so that "station" keeps apart from "state" and "factor" from "fact".
    act = _ACT_OR_ACTOR.search(word)
    if act is not None and act.start() >= 5:
        word = word[: act.start()]
    return _drop_final_vowel(word)


def _drop_final_vowel(word: str) -> str:
    # So that a stripped demonym meets its country ("chin" ~ "china", "russi" ~ "russia").
    return word[:-1] if len(word) > 4 and word[-1] in "ae" else word


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def full_name_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the texts write in a name of two or more capitalised words ("Gero *Valente*",
    "*Xi* Jinping", "Anna *Young*"): a one-word name that never stands in one is unlikely to be a
    person's surname ("Sonnthal says ..." is a region speaking). A run's opening words that the
    texts also write in lower case ("*The* Sonnthal ...", "*Police* Chief ...") are no part of a
    name; later in the run they are ("Anna Young", though "young" is a word too)."""
    texts = list(texts)
    lower = {w for text in texts for w in words(text) if w.islower()}
    found: set[str] = set()

    def add(run: list[str]) -> None:
        while run and run[0].lower() in lower:
            run = run[1:]
        if len(run) >= 2:
            found.update(run)

    for text in texts:
        run: list[str] = []
        previous_end = -1
        for match in _WORD.finditer(text):
            word = _POSSESSIVE.sub("", match.group())
            if not word[:1].isupper() or text[previous_end : match.start()].strip(" \u00a0"):
                add(run)
                run = []
            if word[:1].isupper():
                run.append(word)
            previous_end = match.end()
        add(run)
    return frozenset(found)


# Prepositions that put a name on the map ("in Haldersby", "near Krell"). Not "from" or "by":
# a letter comes from a person, and a report is written by one.
_LOCATIVES = frozenset("in at near outside around across throughout".split())


def place_words(texts: Iterable[str]) -> frozenset[str]:
    """Capitalised words the texts write alone after a preposition of place ("the people *in*
    Haldersby", "at Krell,"): towns and regions, whatever longer names they also open
    ("Haldersby General Hospital"). Not a word that opens a longer name there ("at Haldersby
    Market Hall"), nor a possessive ("in Young's words")."""
    found: set[str] = set()
    for text in texts:
        matches = list(_WORD.finditer(text))
        for before, match, after in zip(matches, matches[1:], [*matches[2:], None]):
            word = match.group()
            if before.group().lower() not in _LOCATIVES or not word[:1].isupper() or _POSSESSIVE.search(word):
                continue
            # "at Haldersby Market Hall": the next capitalised word, with only a space between, is part of the name.
            joined = after is not None and after.group()[:1].isupper() and not text[match.end() : after.start()].strip(" \u00a0")
            if not joined:
                found.add(word)
    return frozenset(found)


def person_name_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the texts write in a full name (``full_name_words``) and never alone as a place:
    "Haldersby" of "Haldersby General Hospital" and "in Haldersby" is a town, not a surname."""
    texts = list(texts)
    return full_name_words(texts) - place_words(texts)


def text_keys(text: str) -> set[str]:
    """Every matching key of a text (hyphenated words count whole and by part)."""
    keys: set[str] = set()
    for word in words(text):
        keys.add(term_key(word))
        if "-" in word:
            keys.update(term_key(part) for part in word.split("-") if part)
    return keys


_ACRONYM_FILLERS = frozenset({"of", "and", "the", "for", "&"})


def initialisms(text: str, longest: int = 6) -> set[str]:
    """Lower-case initials of every run of 2 to ``longest`` words, fillers skipped, so that a
    question's "CFO" or "ASEAN" is found where the text spells out "chief financial officer"."""
    # Hyphenated parts count apart: "South-East Asian Nations" gives the "SEAN" of "ASEAN".
    tokens = [part for w in words(text) for part in w.casefold().split("-") if part]
    found: set[str] = set()
    for start in range(len(tokens)):
        initials = ""
        for word in tokens[start : start + longest + 2]:
            if word in _ACRONYM_FILLERS:
                continue
            initials += word[0]
            if 2 <= len(initials) <= longest:
                found.add(initials)
            if len(initials) >= longest:
                break
    return found


# A name numbered within a series: "Corvina-5", "Terminal 4", "Route 46", "Stage 2".
_NUMBERED_NAME = re.compile(r"^(?:the\s+)?(?P<base>[^\W\d_][\w.&' ]*?)[-\s](?P<number>\d+[A-Za-z]?)$", re.IGNORECASE)


def numbered_name(name: str) -> str | None:
    """``name`` as a member of a numbered series ("Corvina-5", "Terminal 4"; a leading "the"
    dropped), or None if it is not numbered."""
    numbered = _NUMBERED_NAME.match(name.strip())
    return None if numbered is None else numbered.string[numbered.start("base") :]


def numbered_siblings(name: str, text: str) -> list[re.Match[str]]:
    """The other members of ``name``'s numbered series that ``text`` names, where it never names
    ``name`` itself: a sentence about "Corvina-3" is not about "Corvina-5", though every word
    but the number is the same. Empty when ``name`` is not numbered, or ``text`` names it."""
    numbered = _NUMBERED_NAME.match(name.strip())
    if numbered is None:
        return []
    base, number = numbered["base"].strip(), numbered["number"].casefold()
    # Case kept: a name is capitalised, "a terminal 3 km away" is no sibling of "Terminal 4".
    series = re.compile(rf"(?<!\w){re.escape(base)}[-\s](\d+[A-Za-z]?)(?!\w)")
    found = list(series.finditer(text))
    return [] if any(match[1].casefold() == number for match in found) else found


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@dataclass(frozen=True, slots=True)
class TermStatistics:
    """Document frequencies of term keys over the corpus passages."""

    passage_count: int
    document_frequency: dict[str, int]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> TermStatistics:
        frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            count += 1
            frequency.update(text_keys(text))
        return cls(passage_count=count, document_frequency=dict(frequency))

    def knows(self, key: str) -> bool:
        return key in self.document_frequency

    def idf(self, key: str) -> float:
        """Smoothed, always positive IDF; an unseen term gets the highest weight."""
        df = self.document_frequency.get(key, 0)
        return math.log(1.0 + (self.passage_count + 1) / (df + 0.5))
