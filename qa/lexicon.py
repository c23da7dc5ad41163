"""Related words from WordNet: "firm" ~ "business", "shut" ~ "close", "die" ~ "drown".

A question often asks with a word the article never uses. WordNet (Princeton WordNet 3.0,
Debian's ``wordnet-base``: plain-text ``index.*`` and ``data.*`` files, read in place, never
unpickled) says which words are synonyms, derived forms ("manufacture" ~ "manufacturer"),
or one step more general or more specific than a question word.

A word has many senses and WordNet does not know which one the question means ("firm" is
also "house", "term" also "sentence"), so only a word's most frequent senses count, and the
reader accepts a relation only where the embedding model also finds the two words alike.

>>> lexicon = Lexicon.open(Path("/usr/share/wordnet"))   # doctest: +SKIP
>>> lexicon.related("firm")["business"]                  # doctest: +SKIP
0.8
"""

from __future__ import annotations

import functools
import logging
import mmap
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULT_WORDNET_DIR = Path("/usr/share/wordnet")
_PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
_POS_LETTER = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

# How far a relation carries a question word's meaning. Synonyms and derived forms say the
# same thing; a more general or more specific word ("die" for "drown") nearly so; adjective
# similarity and attributes ("tall" ~ "height") are looser. Antonyms, part-whole relations and
# instances ("town" -> every town WordNet knows) are left out: they name other things.
RELATION_CREDIT: dict[str, float] = {
    "synonym": 1.0,
    "+": 1.0,  # derivationally related form
    "<": 1.0,  # participle of a verb
    "\\": 1.0,  # adverb derived from an adjective
    "@": 0.8,  # hypernym
    "~": 0.8,  # hyponym
    "$": 0.8,  # verb group
    "&": 0.5,  # similar adjective
    "=": 0.5,  # attribute
}


# Hypernym and instance-of pointers: the steps from a word to what it is a kind of.
_HYPERNYMS = frozenset({"@", "@i"})
# "people" is indexed as a group, not as the plural of "person" that "how many people" means.
_SINGULAR_OF = {"people": "person"}


class WordNetError(ValueError):
    """The WordNet folder is there but its files cannot be read."""


@dataclass(frozen=True, slots=True)
class _Pointer:
    symbol: str
    part_of_speech: str
    offset: int
    source: int  # 1-based word number in this synset, 0: the whole synset
    target: int


@dataclass(slots=True)
class Lexicon:
    """Word relations of one WordNet folder, read lazily and cached; thread-safe.

    ``senses`` is how many of a word's most frequent senses per part of speech count.
    An empty lexicon (``Lexicon.empty()``) relates nothing.
    """

    index: dict[str, dict[str, tuple[int, ...]]]  # lemma -> part of speech -> synset offsets
    data: dict[str, mmap.mmap | bytes]
    senses: int = 3
    # (lemma, part of speech) whose senses WordNet's tagged corpus never saw: their order says
    # nothing of which is frequent ("surgery": the branch of medicine, two rooms, an operation).
    untagged: frozenset[tuple[str, str]] = frozenset()
    _cache: dict[str, dict[str, float]] = field(default_factory=dict)
    _kinds: dict[tuple[str, str, int], bool] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.senses <= 0:
            raise ValueError(f"senses must be greater than 0. Currently, it is {self.senses}")

    @classmethod
    def empty(cls) -> Lexicon:
        return cls(index={}, data={})

    @classmethod
    def open(cls, folder: Path, senses: int = 3) -> Lexicon:
        """Read ``folder``'s index files now and its data files on demand.

        Raises FileNotFoundError when the folder lacks them, WordNetError when they are corrupt.
        """
        index: dict[str, dict[str, tuple[int, ...]]] = {}
        untagged: set[tuple[str, str]] = set()
        data: dict[str, mmap.mmap | bytes] = {}
        for pos in _PARTS_OF_SPEECH:
            index_path, data_path = folder / f"index.{pos}", folder / f"data.{pos}"
            for path in (index_path, data_path):
                if not path.is_file():
                    raise FileNotFoundError(
                        f"WordNet file {path} is missing; install Debian's wordnet-base "
                        "(apt-get install wordnet-base) or set CORPUS_QA_WORDNET_DIR"
                    )
            with index_path.open(encoding="latin-1") as lines:
                for number, line in enumerate(lines, 1):
                    if line.startswith(" "):
                        continue  # the licence header
                    try:
                        lemma, offsets, tagged = _parse_index_line(line)
                    except (ValueError, IndexError):
                        raise WordNetError(f"{index_path} line {number} is not a WordNet index line: {line[:80]!r}") from None
                    index.setdefault(lemma, {})[pos] = offsets
                    if not tagged:
                        untagged.add((lemma, pos))
            with data_path.open("rb") as handle:
                size = data_path.stat().st_size
                data[pos] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        return cls(index=index, data=data, senses=senses, untagged=frozenset(untagged))

    def related(self, lemma: str) -> Mapping[str, float]:
        """Single words related to ``lemma`` (lower case), each with its credit in (0, 1]."""
        lemma = lemma.casefold()
        with self._lock:
            cached = self._cache.get(lemma)
        if cached is not None:
            return cached
        related: dict[str, float] = {}
        for pos in self.index.get(lemma, {}):
            for offset in self._frequent_senses(lemma, pos):
                words, pointers = self._synset(pos, offset)
                for word in words:
                    _credit(related, word, RELATION_CREDIT["synonym"])
                for pointer in pointers:
                    credit = RELATION_CREDIT.get(pointer.symbol)
                    # A lexical pointer belongs to one word of the synset: only the asked word's.
                    if credit is None or (pointer.source and words[pointer.source - 1] != lemma):
                        continue
                    targets, _ = self._synset(pointer.part_of_speech, pointer.offset)
                    for word in [targets[pointer.target - 1]] if pointer.target else targets:
                        _credit(related, word, credit)
        related.pop(lemma, None)
        with self._lock:
            self._cache[lemma] = related
        return related

    def is_kind_of(self, noun: str, general: str, senses: int | None = None) -> bool:
        """Is ``noun`` a kind of ``general`` by WordNet's hypernym chains: "sheep" of "animal",
        "passenger" of "people"? Only the nouns' most frequent senses count (``senses`` of
        ``noun``'s, the lexicon's number when None).

        Asked for every figure of every sentence a "how many" question reads: cached."""
        noun_senses = self.senses if senses is None else senses
        key = (_singular(noun), _singular(general), noun_senses)
        with self._lock:
            cached = self._kinds.get(key)
        if cached is not None:
            return cached
        wanted = set(self._frequent_senses(key[1], "noun"))
        # A synonym in one of the general word's senses is the same thing, however rare that
        # sense is for the noun: the surgeries of "how many surgeries" are "operations".
        if any(key[0] in self._synset("noun", offset)[0] for offset in wanted):
            with self._lock:
                self._kinds[key] = True
            return True
        frontier = set(self._noun_senses(key[0], noun_senses))
        seen: set[int] = set()
        while frontier and not frontier & wanted:
            seen |= frontier
            frontier = {
                pointer.offset
                for offset in frontier
                for pointer in self._synset("noun", offset)[1]
                if pointer.symbol in _HYPERNYMS
            } - seen
        found = bool(frontier & wanted)
        with self._lock:
            self._kinds[key] = found
        return found

    def _frequent_senses(self, lemma: str, pos: str) -> tuple[int, ...]:
        """The senses of ``lemma`` that count: the most frequent ones, or all where WordNet
        does not know which are frequent (``untagged``)."""
        offsets = self.index.get(lemma, {}).get(pos, ())
        return offsets if (lemma, pos) in self.untagged else offsets[: self.senses]

    def _noun_senses(self, lemma: str, senses: int | None = None) -> tuple[int, ...]:
        return self.index.get(lemma, {}).get("noun", ())[: self.senses if senses is None else senses]

    def _synset(self, pos: str, offset: int) -> tuple[list[str], list[_Pointer]]:
        # In WordNet's data files a synset's offset is the byte offset of its line.
        data = self.data[pos]
        end = data.find(b"\n", offset)
        line = bytes(data[offset : end if end >= 0 else len(data)]).decode("latin-1")
        try:
            return _parse_data_line(line, offset)
        except (ValueError, IndexError, KeyError):
            raise WordNetError(f"data.{pos} holds no synset at byte {offset}: {line[:80]!r}") from None


def open_lexicon(folder: Path | None) -> Lexicon:
    """The WordNet lexicon of ``folder``, or an empty one (with a warning) where it is absent.

    One lexicon per folder serves every QA of the process: it is read-only and thread-safe."""
    if folder is None:
        return Lexicon.empty()
    try:
        return _shared_lexicon(folder.resolve())
    except FileNotFoundError as error:
        logger.warning("%s; answering without related words, which refuses more paraphrased questions", error)
        return Lexicon.empty()


@functools.lru_cache(maxsize=4)
def _shared_lexicon(folder: Path) -> Lexicon:
    return Lexicon.open(folder)


def _parse_index_line(line: str) -> tuple[str, tuple[int, ...], bool]:
    """The lemma, its synset offsets and whether any of its senses was tagged in a corpus."""
    # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    fields = line.split()
    synset_count, pointer_count = int(fields[2]), int(fields[3])
    offsets = tuple(int(o) for o in fields[6 + pointer_count : 6 + pointer_count + synset_count])
    if len(offsets) != synset_count:
        raise ValueError("synset count does not match the offsets")
    return fields[0], offsets, int(fields[5 + pointer_count]) > 0


def _parse_data_line(line: str, offset: int) -> tuple[list[str], list[_Pointer]]:
    # offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames] | gloss
    fields = line.split(" | ", 1)[0].split()
    if int(fields[0]) != offset:
        raise ValueError("offset mismatch")
    word_count = int(fields[3], 16)
    words = [_plain_word(fields[4 + 2 * i]) for i in range(word_count)]
    at = 4 + 2 * word_count
    pointers = []
    for i in range(int(fields[at])):
        symbol, target, pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
        pointers.append(
            _Pointer(symbol, _POS_LETTER[pos], int(target), int(source_target[:2], 16), int(source_target[2:], 16))
        )
    return words, pointers


def _singular(noun: str) -> str:
    folded = noun.casefold()
    return _SINGULAR_OF.get(folded, folded)


def _plain_word(word: str) -> str:
    # Adjectives carry a position marker: "galore(ip)", "elect(p)".
    cut = word.find("(")
    return (word[:cut] if cut > 0 else word).casefold()


def _credit(related: dict[str, float], word: str, credit: float) -> None:
    if "_" in word:
        return  # a phrase ("business_firm"): the reader matches single words
    if credit > related.get(word, 0.0):
        related[word] = credit
