from __future__ import annotations

import pytest

from qa.terms import TermStatistics, term_key, text_keys


@pytest.mark.parametrize(
    ("a", "b"),
    [("trading", "trade"), ("Vietnamese", "Vietnam"), ("Russian", "Russia"), ("Kenya’s", "Kenya"),
     ("designated", "designation"), ("agreements", "agreement"), ("Koreans", "Korea"),
     ("prosecutor", "prosecution"), ("inspectors", "inspection"), ("investigator", "investigation"),
     ("senator", "senate"), ("Nine", "9"), ("twenty", "20")],
)
def test_related_forms_share_a_key(a: str, b: str) -> None:
    assert term_key(a) == term_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Taiwan", "Tai"), ("port", "sport"), ("bank", "banner"), ("station", "state"), ("factor", "fact"),
     ("one", "1"), ("nineteen", "9"), ("nines", "9")],
)
def test_distinct_words_keep_distinct_keys(a: str, b: str) -> None:
    assert term_key(a) != term_key(b)


def test_hyphenated_words_match_whole_and_by_part() -> None:
    assert {term_key("flag-waving"), term_key("flag"), term_key("waving")} <= text_keys("children flag-waving")


def test_rare_terms_weigh_more_and_unseen_terms_most() -> None:
    stats = TermStatistics.from_texts(["China and Kenya", "China trade", "China hotline"])
    assert stats.idf(term_key("hotline")) > stats.idf(term_key("China")) > 0
    assert stats.idf("neverseen") > stats.idf(term_key("hotline"))
    assert not stats.knows("neverseen") and stats.knows(term_key("Kenya"))


def test_initialisms_find_spelled_out_acronyms() -> None:
    from qa.terms import initialisms, is_acronym

    found = initialisms("Its chief financial officer spoke to the Association of South-East Asian Nations.")
    assert {"cfo", "asean"} <= found
    assert is_acronym("CFO") and is_acronym("U.N.") and not is_acronym("Chile") and not is_acronym("A")


@pytest.mark.parametrize(
    ("name", "text", "sibling"),
    [
        ("Corvina-5", "Corvina-4 will replace Corvina-3, launched in 2015.", "Corvina-4"),
        ("Terminal 4", "Terminal 3 handled a million boxes last year.", "Terminal 3"),
        ("the Route 46", "Traffic was diverted onto Route 9.", "Route 9"),
        ("Falcon 9", "A Falcon 9 and a Falcon 1 stood on the pad.", None),  # it names the asked one too
        ("Stage 2", "Stage 1 and Stage 2 tins were recalled.", None),
        ("Terminal 4", "The depot is a terminal 3 km away.", None),  # not a name
        ("Route 46", "Route 460 was closed.", "Route 460"),
        ("Kerrow Point", "Kerrow Point 2 was built later.", None),  # the asked name is not numbered
    ],
)
def test_a_numbered_name_has_siblings_in_its_series(name: str, text: str, sibling: str | None) -> None:
    from qa.terms import numbered_siblings

    found = numbered_siblings(name, text)
    assert (found[0][0] if found else None) == sibling
