"""Loading and validating gold files, and the shipped gold set itself."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from qa.commands.evaluate import packaged_gold_path
from qa.evaluation.gold import (
    ANSWERABLE_CATEGORIES,
    UNANSWERABLE_CATEGORIES,
    GoldQuestion,
    load_gold,
    select_split,
)

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "tests" / "data" / "gold"
SEEDS = ROOT / "seeds"


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("bad_json.jsonl", 2, "invalid JSON"),
        ("missing_key.jsonl", 2, "missing key(s) answerable"),
        ("wrong_type.jsonl", 1, "'answers' must be a list of strings"),
        ("answerable_as_string.jsonl", 1, "'answerable' must be true or false"),
        ("duplicate_id.jsonl", 3, "duplicate id 'g1' (first used on line 1)"),
        ("answerable_without_answers.jsonl", 1, "answerable but has no answers"),
        ("unknown_split.jsonl", 2, "unknown split 'train'"),
        ("not_an_object.jsonl", 1, "expected a JSON object"),
    ],
)
def test_malformed_gold_names_file_line_and_problem(name: str, line: int, words: str) -> None:
    path = GOLD_DIR / name
    with pytest.raises(ValueError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert f"{path}:{line}:" in message
    assert words in message


def test_missing_gold_file_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        load_gold(tmp_path / "nope.jsonl")


def test_empty_gold_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="has no questions"):
        load_gold(path)


def test_optional_fields_and_blank_lines() -> None:
    questions = load_gold(GOLD_DIR / "optional_fields.jsonl")
    assert [q.id for q in questions] == ["g1", "g2", "g3"]
    first, second, third = questions
    assert first == GoldQuestion(
        id="g1", question="Who chairs the assembly?", answers=("Vuong Dinh Hue", "Hue"), answerable=True,
        sources=("doc_a",), split="dev", category="person",
    )
    assert second.answers == () and not second.answerable
    assert third.sources is None and third.split is None and third.category is None


def test_rows_without_split_count_in_every_split() -> None:
    questions = load_gold(GOLD_DIR / "optional_fields.jsonl")
    assert [q.id for q in select_split(questions, "dev")] == ["g1", "g3"]
    assert [q.id for q in select_split(questions, "test")] == ["g2", "g3"]
    assert [q.id for q in select_split(questions, "all")] == ["g1", "g2", "g3"]
    with pytest.raises(ValueError, match="unknown split 'train'"):
        select_split(questions, "train")


# ---------------------------------------------------------------------------- shipped set

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _normalize_quotes(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES))


@pytest.fixture(scope="module")
def shipped() -> list[GoldQuestion]:
    return load_gold(packaged_gold_path())


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {path.stem: _normalize_quotes(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")}


def test_packaged_gold_is_the_checked_in_file() -> None:
    assert packaged_gold_path().resolve() == (ROOT / "qa" / "data" / "gold.jsonl").resolve()


def test_shipped_gold_counts(shipped: list[GoldQuestion]) -> None:
    answerable = [q for q in shipped if q.answerable]
    unanswerable = [q for q in shipped if not q.answerable]
    assert len(answerable) >= 80
    assert len(unanswerable) >= 40
    assert all(q.split in ("dev", "test") for q in shipped)
    categories = Counter(q.category for q in shipped)
    assert set(categories) == set(ANSWERABLE_CATEGORIES) | set(UNANSWERABLE_CATEGORIES)
    assert all(q.category in ANSWERABLE_CATEGORIES for q in answerable)
    assert all(q.category in UNANSWERABLE_CATEGORIES for q in unanswerable)
    for category, total in categories.items():
        dev = sum(1 for q in shipped if q.category == category and q.split == "dev")
        # Stratified: each category splits as evenly as an odd count allows.
        assert abs(dev - (total - dev)) <= 1, category
    dev_total = len(select_split(shipped, "dev"))
    assert abs(dev_total - (len(shipped) - dev_total)) <= len(categories)


def test_shipped_gold_covers_every_seed_document(shipped: list[GoldQuestion], seed_texts: dict[str, str]) -> None:
    cited = {doc for q in shipped if q.sources for doc in q.sources}
    assert cited == set(seed_texts)
    for split in ("dev", "test"):
        cited_in_split = {doc for q in select_split(shipped, split) if q.sources for doc in q.sources}
        assert cited_in_split == set(seed_texts), split


def test_shipped_unanswerable_rows_have_no_answers_or_sources(shipped: list[GoldQuestion]) -> None:
    for question in shipped:
        if not question.answerable:
            assert question.answers == () and question.sources == (), question.id


def test_every_shipped_answer_occurs_in_a_source(shipped: list[GoldQuestion], seed_texts: dict[str, str]) -> None:
    for question in shipped:
        if not question.answerable:
            continue
        assert question.sources, question.id
        assert set(question.sources) <= set(seed_texts), question.id
        for answer in question.answers:
            needle = _normalize_quotes(answer)
            assert any(needle in seed_texts[doc] for doc in question.sources), (question.id, answer)


def test_shipped_faq_questions_are_all_present_verbatim(shipped: list[GoldQuestion]) -> None:
    text = (SEEDS / "004_5fd6da6ba7e44077.txt").read_text(encoding="utf-8").translate(_QUOTES)
    faq = text[text.index("FAQs") : text.index("Top Articles")]
    # Each FAQ question ends in " ›" on its own line; the first is the page title, not a question.
    asked = [line[: -len(" ›")].strip() for line in faq.splitlines() if line.endswith("›")][1:]
    assert len(asked) >= 15
    faq_rows = {q.question.translate(_QUOTES) for q in shipped if q.category == "faq_trivia"}
    for question in asked:
        assert question in faq_rows, question
