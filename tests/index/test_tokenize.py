"""The BM25 tokenizer: each documented choice on inputs beyond the seed pages."""

from __future__ import annotations

import pytest

from index.tokenize import StemMode, TokenizerOptions, normalize, stem, tokenize


def test_possessive_with_curly_or_straight_apostrophe_is_the_bare_name() -> None:
    assert tokenize("Poland’s") == tokenize("Poland's") == tokenize("POLAND") == ["poland"]


def test_nfkc_folds_fullwidth_letters_and_ligatures() -> None:
    assert tokenize("ＢＥＲＬＩＮ") == ["berlin"]
    assert tokenize("ﬁnance") == tokenize("finance")


def test_curly_quotes_are_punctuation() -> None:
    assert tokenize("“shared future”") == tokenize('"shared future"') == ["shar", "futur"]


def test_money_and_percent_keep_their_sign_and_also_give_the_bare_number() -> None:
    assert tokenize("$42.5") == ["$42.5", "42.5"]
    assert tokenize("18%") == ["18%", "18"]
    assert tokenize("1,250.75") == ["1250.75"]
    assert tokenize("in 1999.") == ["1999"]


def test_hyphenated_words_are_indexed_whole_and_by_part() -> None:
    assert tokenize("19-gun") == ["19-gun", "19", "gun"]
    assert tokenize("well-known") == ["well-known", "well", "known"]
    assert tokenize("Franco–German") == ["franco-german", "franco", "german"]  # en dash


def test_hyphen_parts_can_be_switched_off_for_the_benchmark() -> None:
    assert tokenize("well-known", TokenizerOptions(hyphen_parts=False)) == ["well-known"]


def test_stopwords_go_but_acronym_us_stays() -> None:
    assert tokenize("the talks of the U.S. and the EU") == ["talk", "us", "eu"]
    assert tokenize("the and of", TokenizerOptions(drop_stopwords=False)) == ["the", "and", "of"]


@pytest.mark.parametrize(
    ("variants", "mode"),
    [
        (["harbours", "harbour"], StemMode.PLURAL),
        (["policies", "policy"], StemMode.PLURAL),
        (["negotiated", "negotiating", "negotiate", "negotiates"], StemMode.LIGHT),
        (["shipping", "shipped", "ship"], StemMode.LIGHT),
        (["quickly", "quick"], StemMode.LIGHT),
    ],
)
def test_stemmer_makes_inflections_meet(variants: list[str], mode: StemMode) -> None:
    assert len({stem(word, mode) for word in variants}) == 1


def test_stemmer_leaves_short_words_and_numbers_alone() -> None:
    assert stem("gas") == "gas"
    assert stem("bus") == "bus"
    assert stem("1990s") == "1990s" or stem("1990s") == "1990"  # either is consistent
    assert stem("ring") == "ring"


def test_no_stemming_mode_returns_words_unchanged() -> None:
    assert tokenize("meetings", TokenizerOptions(stem=StemMode.NONE)) == ["meetings"]


def test_empty_and_punctuation_only_text_give_no_tokens() -> None:
    assert tokenize("") == []
    assert tokenize(" — … !!") == []


def test_normalize_is_casefold_not_lower() -> None:
    assert normalize("STRASSE Straße") == "strasse strasse"


def test_question_and_passage_share_terms() -> None:
    passage = tokenize("Poland's exports to Chile rose 12% to $3.4 billion in 2021.")
    question = tokenize("How much did Polish exports to Chile rise in 2021?")
    expected = {tokenize("export")[0], tokenize("Chile")[0], "2021"}
    assert expected <= set(passage) & set(question)
