"""WordNet relations: the file format read in place, the relations kept and left out, bad files."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import spacy

from qa.evidence import soft_credit
from qa.lexicon import DEFAULT_WORDNET_DIR, Lexicon, WordNetError, open_lexicon

_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


@dataclass
class Synset:
    key: str
    pos: str  # n v a r
    words: list[str]
    # (symbol, target key, source word number, target word number); 0, 0: the whole synset
    pointers: list[tuple[str, str, int, int]] = field(default_factory=list)


def write_wordnet(
    folder: Path,
    synsets: list[Synset],
    senses: dict[tuple[str, str], list[str]],
    untagged: frozenset[tuple[str, str]] = frozenset(),
) -> Path:
    """WordNet 3.0 ``data.*`` and ``index.*`` files: a synset's offset is its line's byte offset.

    ``senses`` maps (lemma, pos) to synset keys, most frequent sense first; each sense was seen
    in a tagged corpus but for the (lemma, pos) pairs in ``untagged``, whose order is arbitrary.
    """
    folder.mkdir(parents=True, exist_ok=True)
    header = "  1 This is a made-up WordNet for tests (licence header lines start with two spaces).\n"
    by_key = {s.key: s for s in synsets}
    # Offsets are written zero-padded to eight digits, so a line's length does not depend on them.
    zeros = dict.fromkeys(by_key, 0)
    offsets: dict[str, int] = {}
    for pos in _POS_FILES:
        position = len(header)
        for synset in (s for s in synsets if s.pos == pos):
            offsets[synset.key] = position
            position += len(_data_line(synset, zeros, by_key).encode("latin-1"))
    for pos, name in _POS_FILES.items():
        lines = [_data_line(s, offsets, by_key) for s in synsets if s.pos == pos]
        (folder / f"data.{name}").write_text(header + "".join(lines), encoding="latin-1")
        index_lines = [
            f"{lemma} {pos} {len(keys)} 1 @ {len(keys)} {0 if (lemma, pos) in untagged else len(keys)} "
            f"{' '.join(f'{offsets[k]:08d}' for k in keys)}  \n"
            for (lemma, lemma_pos), keys in sorted(senses.items())
            if lemma_pos == pos
        ]
        (folder / f"index.{name}").write_text(header + "".join(index_lines), encoding="latin-1")
    return folder


def _data_line(synset: Synset, offsets: dict[str, int], by_key: dict[str, Synset]) -> str:
    words = " ".join(f"{w} 0" for w in synset.words)
    pointers = " ".join(
        f"{symbol} {offsets[target]:08d} {by_key[target].pos} {source:02x}{target_word:02x}"
        for symbol, target, source, target_word in synset.pointers
    )
    return (
        f"{offsets[synset.key]:08d} 03 {synset.pos} {len(synset.words):02x} {words} "
        f"{len(synset.pointers):03d} {pointers} | a gloss\n"
    )


@pytest.fixture
def small_wordnet(tmp_path: Path) -> Path:
    synsets = [
        Synset("firm.n.1", "n", ["firm", "house", "business_firm"], [("@", "business.n.1", 0, 0), ("+", "firmly.r.1", 1, 1)]),
        Synset("business.n.1", "n", ["business", "concern"], [("~i", "acme.n.1", 0, 0)]),
        Synset("acme.n.1", "n", ["Acme"]),
        Synset("firm.n.2", "n", ["firm", "grip"], [("!", "loose.n.1", 1, 1)]),
        Synset("loose.n.1", "n", ["looseness"]),
        Synset("firm.n.3", "n", ["firm", "rarely_meant"]),
        Synset("partner.n.1", "n", ["partner", "firm"], [("+", "partnership.n.1", 1, 1)]),
        Synset("partnership.n.1", "n", ["partnership"]),
        Synset("firmly.r.1", "r", ["firmly"]),
        Synset("tall.a.1", "a", ["tall(a)", "high(p)"], [("=", "height.n.1", 0, 0)]),
        Synset("height.n.1", "n", ["height", "tallness"]),
    ]
    senses = {
        ("firm", "n"): ["firm.n.1", "firm.n.2", "partner.n.1"],
        ("business", "n"): ["business.n.1"],
        ("tall", "a"): ["tall.a.1"],
    }
    return write_wordnet(tmp_path / "wordnet", synsets, senses)


def test_synonyms_hypernyms_and_derived_forms_are_related(small_wordnet: Path) -> None:
    related = Lexicon.open(small_wordnet).related("firm")
    assert related["house"] == 1.0  # synonym
    assert related["business"] == related["concern"] == 0.8  # one step more general
    assert related["firmly"] == 1.0  # derived form of this very word
    assert related["grip"] == 1.0  # the second sense's synonym
    assert "firm" not in related


def test_antonyms_instances_phrases_and_rare_senses_are_left_out(small_wordnet: Path) -> None:
    related = Lexicon.open(small_wordnet, senses=2).related("FIRM")
    assert "looseness" not in related  # antonym
    assert "business_firm" not in related and "rarely_meant" not in related  # a phrase; not a listed sense
    assert "partner" not in related and "partnership" not in related  # the third sense is past senses=2
    assert "acme" not in Lexicon.open(small_wordnet).related("business")  # an instance names one thing
    assert "partner" in Lexicon.open(small_wordnet, senses=3).related("firm")


def test_every_sense_of_a_word_no_tagged_corpus_ranked_counts(tmp_path: Path) -> None:
    # WordNet orders senses by how often a tagged corpus used them; where none was tagged, the
    # order says nothing, so a cut at the first senses would drop as likely a meaning as any.
    synsets = [
        Synset("surgery.n.1", "n", ["surgery"], [("@", "medicine.n.1", 0, 0)]),
        Synset("medicine.n.1", "n", ["medicine"]),
        Synset("surgery.n.2", "n", ["surgery", "theatre"]),
        Synset("operation.n.1", "n", ["operation"], [("@", "activity.n.1", 0, 0)]),
        Synset("activity.n.1", "n", ["activity"]),
        Synset("operation.n.2", "n", ["operation", "surgery", "surgical_operation"]),
        Synset("hospital.n.1", "n", ["hospital"]),
    ]
    senses = {
        ("surgery", "n"): ["surgery.n.1", "surgery.n.2", "operation.n.2"],
        ("operation", "n"): ["operation.n.1", "operation.n.2"],
        ("hospital", "n"): ["hospital.n.1"],
    }
    folder = write_wordnet(tmp_path / "untagged", synsets, senses, untagged=frozenset({("surgery", "n")}))
    lexicon = Lexicon.open(folder, senses=1)
    assert lexicon.related("surgery")["operation"] == 1.0  # its third sense, though senses=1
    assert "surgery" not in lexicon.related("operation")  # tagged: the rare sense stays out
    # The operations of "how many surgeries": a synonym in one of the asked word's senses.
    assert lexicon.is_kind_of("operation", "surgery") and not lexicon.is_kind_of("hospital", "surgery")
    assert not lexicon.is_kind_of("surgery", "operation")  # the asked word's rare sense does not count
    tagged = Lexicon.open(write_wordnet(tmp_path / "tagged", synsets, senses), senses=1)
    assert "operation" not in tagged.related("surgery")
    assert not tagged.is_kind_of("operation", "surgery")


def test_a_lexical_pointer_belongs_to_its_own_word(small_wordnet: Path) -> None:
    # "partner" -> "partnership" is partner's derived form, not firm's, though they share a synset.
    assert "partnership" not in Lexicon.open(small_wordnet, senses=3).related("firm")


def test_adjective_markers_are_stripped_and_attributes_loosely_related(small_wordnet: Path) -> None:
    related = Lexicon.open(small_wordnet).related("tall")
    assert related["high"] == 1.0
    assert related["height"] == related["tallness"] == 0.5


def test_an_unknown_word_and_the_empty_lexicon_relate_nothing(small_wordnet: Path) -> None:
    assert Lexicon.open(small_wordnet).related("zeppelin") == {}
    assert Lexicon.empty().related("firm") == {}
    with pytest.raises(ValueError, match="senses must be greater than 0"):
        Lexicon(index={}, data={}, senses=0)


def test_a_noun_is_a_kind_of_what_its_hypernym_chain_reaches(tmp_path: Path) -> None:
    synsets = [
        Synset("sheep.n.1", "n", ["sheep"], [("@", "bovid.n.1", 0, 0)]),
        Synset("bovid.n.1", "n", ["bovid"], [("@", "animal.n.1", 0, 0)]),
        Synset("animal.n.1", "n", ["animal", "beast"], [("~", "sheep.n.1", 0, 0)]),
        Synset("sheep.n.2", "n", ["sheep", "follower"], [("@", "person.n.1", 0, 0)]),
        Synset("person.n.1", "n", ["person", "individual"]),
        Synset("people.n.1", "n", ["people"], [("@", "group.n.1", 0, 0)]),
        Synset("group.n.1", "n", ["group"]),
        # A loop in the data must end the walk, not hang it.
        Synset("loop.n.1", "n", ["loop"], [("@", "ring.n.1", 0, 0)]),
        Synset("ring.n.1", "n", ["ring"], [("@", "loop.n.1", 0, 0)]),
    ]
    senses = {
        ("sheep", "n"): ["sheep.n.1", "sheep.n.2"], ("bovid", "n"): ["bovid.n.1"], ("animal", "n"): ["animal.n.1"],
        ("person", "n"): ["person.n.1"], ("people", "n"): ["people.n.1"], ("group", "n"): ["group.n.1"],
        ("loop", "n"): ["loop.n.1"], ("ring", "n"): ["ring.n.1"],
    }
    lexicon = Lexicon.open(write_wordnet(tmp_path / "wordnet", synsets, senses))
    assert lexicon.is_kind_of("sheep", "animal")  # two steps up
    assert lexicon.is_kind_of("Sheep", "people")  # "how many people" means persons: the second sense
    assert not Lexicon.open(tmp_path / "wordnet", senses=1).is_kind_of("sheep", "people")  # a rarer sense
    assert not lexicon.is_kind_of("sheep", "people", senses=1)  # ... asked of the first sense alone
    assert lexicon.is_kind_of("sheep", "people")  # the cache keeps the two questions apart
    assert not lexicon.is_kind_of("animal", "sheep")  # the chain runs one way
    assert not lexicon.is_kind_of("loop", "animal") and not lexicon.is_kind_of("unheard", "animal")
    assert not Lexicon.empty().is_kind_of("sheep", "animal")


def test_a_missing_folder_names_the_package_and_open_lexicon_goes_on_without(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(FileNotFoundError, match="wordnet-base"):
        Lexicon.open(tmp_path / "nowhere")
    with caplog.at_level(logging.WARNING):
        lexicon = open_lexicon(tmp_path / "nowhere")
    assert lexicon.related("firm") == {}
    assert "wordnet-base" in caplog.text
    assert open_lexicon(None).related("firm") == {}


def test_corrupt_files_raise_a_clear_error(small_wordnet: Path) -> None:
    index = small_wordnet / "index.noun"
    good = index.read_text(encoding="latin-1")
    index.write_text(good + "broken n x\n", encoding="latin-1")
    with pytest.raises(WordNetError, match=r"index\.noun line \d+"):
        Lexicon.open(small_wordnet)
    index.write_text(good, encoding="latin-1")
    data = small_wordnet / "data.noun"
    data.write_bytes(b"x" + data.read_bytes())  # one byte more in front: every offset lands off its line
    with pytest.raises(WordNetError, match=r"data\.noun holds no synset at byte"):
        Lexicon.open(small_wordnet).related("business")


@pytest.mark.skipif(
    not DEFAULT_WORDNET_DIR.exists() and not os.environ.get("CI"),
    reason="Debian's wordnet-base is not installed (make test installs it; CI must have it)",
)
def test_the_installed_wordnet_relates_paraphrases() -> None:
    lexicon = Lexicon.open(DEFAULT_WORDNET_DIR)
    assert lexicon.related("shut").get("close") == 1.0
    assert lexicon.related("manufacture").get("manufacturer") == 1.0
    assert lexicon.related("die").get("drown") == 0.8
    assert lexicon.related("surgery").get("operation") == 1.0  # untagged: its fourth sense counts
    assert "surgery" not in lexicon.related("operation")  # the sixth of a tagged word does not
    assert "aberdeen" not in lexicon.related("town")
    assert lexicon.is_kind_of("sheep", "animal") and lexicon.is_kind_of("passenger", "people")
    assert not lexicon.is_kind_of("kilometre", "animal") and not lexicon.is_kind_of("vessel", "ship")


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_a_related_word_earns_credit_only_where_the_embedding_agrees() -> None:
    sentence = spacy.blank("en")("The company built the bridge")[:]
    related = {"firm": {"company": 0.8, "bridge": 1.0}}
    vectors = {
        "firm": _unit(1, 0, 0),
        "company": _unit(0.5, 0.866, 0),  # similarity 0.5: under the 0.6 ramp, enough to confirm the relation
        "built": _unit(0, 0, 1),
        "bridge": _unit(0.2, 0, 0.98),  # WordNet's other sense: similarity 0.2, not taken
    }
    weights = {"firm": 2.0}
    assert soft_credit(sentence, {"firm"}, weights, vectors) == 0.0
    assert soft_credit(sentence, {"firm"}, weights, vectors, related) == pytest.approx(2.0 * 0.8)
    assert soft_credit(sentence, {"firm"}, weights, vectors, {"firm": {"bridge": 1.0}}) == 0.0
