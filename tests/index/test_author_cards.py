"""Author cards under the article (``index.author_cards``): name, job, bio and contact lines."""

from __future__ import annotations

import pytest

from index.author_cards import is_bio_of, is_contact_line
from index.cleaning import clean_text

HEAD = ("Hospital waiting lists fall for the first time in three years", "June 3, 2024")
BODY = (
    "Waiting lists at the region's hospitals fell by 4% in May, the first fall since 2021, health officials said on Monday.",
    "The health board said extra weekend clinics had cleared more than 2,000 outpatient appointments since March.",
)
CARD = (
    "Orla Brennan",
    "Health correspondent, Galway",
    "Orla has reported on hospitals and health policy since 2014 and previously worked for a Cork radio station.",
    "Email Orla · @orla_reports",
)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_author_card_after_the_article_is_dropped() -> None:
    document = clean_text(page(*HEAD, *BODY, "\n".join(CARD)), "page")
    assert document.text.rstrip().endswith(BODY[1])
    assert [block.reason for block in document.dropped] == ["author-box"]


def test_author_card_of_name_and_contact_only() -> None:
    document = clean_text(page(*HEAD, *BODY, "Orla Brennan\nFollow Orla on X · orla.brennan@example.org"), "page")
    assert "Orla" not in document.text


@pytest.mark.parametrize(
    "lines",
    [
        # A profile in a feature: a name as a subheading, then a paragraph about the person.
        ("Mary Byrne", "Mary has lived in the village since 1970 and remembers the last flood well."),
        # A byline printed under the story: a name and a job line, nothing more.
        ("Ciarán Doyle", "Senior Business Reporter"),
    ],
)
def test_names_with_one_kind_of_card_line_are_kept(lines: tuple[str, ...]) -> None:
    document = clean_text(page(*HEAD, *BODY, "\n".join(lines)), "page")
    for line in lines:
        assert line in document.text


def test_card_in_the_header_is_a_byline() -> None:
    document = clean_text(page(HEAD[0], "Orla Brennan\nHealth correspondent, Galway\n" + HEAD[1], *BODY), "page")
    assert document.meta.byline == ("Orla Brennan",)
    assert "Health correspondent, Galway" in document.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Email Orla · @orla_reports", True),
        ("Contact: orla.brennan@example.org", True),
        ("Follow Orla Brennan on X", True),
        ("Email the council before Friday to object to the plan", False),
        ("@orla_reports said the figures were wrong", False),
    ],
)
def test_contact_lines(line: str, expected: bool) -> None:
    assert is_contact_line(line) is expected


def test_bio_opens_with_the_name() -> None:
    assert is_bio_of("Orla Brennan joined the paper in 2019.", "Orla Brennan")
    assert is_bio_of("Orla has covered health since 2014.", "Orla Brennan")
    assert not is_bio_of("Hospitals in the region are busier than ever.", "Orla Brennan")
