"""Cleaning rules on synthetic pages (not the seeds): article sentences kept, furniture dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.records import CleanedDocument
from qa.evaluation.cleaning import score_cleaning

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def clean(text: str, doc_id: str = "page") -> CleanedDocument:
    return clean_text(text, doc_id)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


HEAD = ("Floods cut power to half of the island's homes", "June 3, 2024")
BODY = (
    "Heavy rain flooded the main power station on Monday, cutting electricity to about 40,000 homes, officials said.",
    "Engineers expect to restore most supplies by Wednesday, although some villages could wait a week.",
)


def assert_kept(document: CleanedDocument, *sentences: str) -> None:
    for sentence in sentences:
        assert sentence in document.text, sentence


def assert_dropped(document: CleanedDocument, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment not in document.text, fragment


def test_synthetic_txt_pages_match_their_labels() -> None:
    score = score_cleaning(PAGES / "labels", PAGES)
    assert score.n_lines > 60
    assert score.false_drops == [] and score.false_keeps == []


@pytest.mark.parametrize(
    "ticker",
    [
        ["DAX 18,175.04 +0.35%", "CAC 40 8,045.11 ▼ 0.12%"],
        ["• NIKKEI 225", "40,583.80", "+509.11 (+1.27%)", "• Bitcoin USD", "61,002.10", "-1,665.65 (-3.35%)"],
        ["Markets closed", "Dow Jones 39,331.85 +162.33 (+0.41%)"],
    ],
)
def test_tickers_in_several_formats(ticker: list[str]) -> None:
    document = clean("\n".join(ticker) + "\n\n" + page(*HEAD, *BODY))
    assert_kept(document, *BODY)
    assert all(block.reason == "ticker" for block in document.dropped)
    assert_dropped(document, *[line.lstrip("• ") for line in ticker])


def test_numbers_inside_prose_are_not_tickers() -> None:
    line = "The index rose 1.2% to 7,512.34 points on Tuesday, its best day since March."
    assert_kept(clean(page(*HEAD, line, *BODY)), line)


def test_faq_block_on_another_topic_and_author_box() -> None:
    faq = [
        "Frequently Asked Questions",
        "What is the capital of Australia?",
        "Canberra is the capital, chosen in 1908 as a compromise between Sydney and Melbourne.",
        "How tall is Mount Everest? ›",
        "About 8,849 metres.",
    ]
    author = ["About the author", "Name: Jo Bloggs", "Birthday: 1990-01-01", "Hobby: Knitting, Running", "Phone: +1 555 0100"]
    document = clean(page(*HEAD, *BODY, *faq, *author))
    assert_kept(document, *BODY)
    assert_dropped(document, "Canberra", "Everest", "8,849", "Jo Bloggs", "Knitting")
    reasons = {block.reason for block in document.dropped}
    assert {"faq-block", "author-box"} <= reasons


def test_questions_in_the_article_are_kept_without_a_faq_heading() -> None:
    question = "What happens to the families who lost their homes?"
    answer = "The council said temporary shelters would open in three school buildings on Tuesday evening."
    assert_kept(clean(page(*HEAD, *BODY, question, answer)), question, answer)


def test_link_lists_under_headings() -> None:
    lists = ["You might also like:", "Ten cheap flights for summer", "Why cats sleep so much", "Most read", "- Storm hits coast", "- Ferry cancelled"]
    document = clean(page(*HEAD, *BODY, *lists))
    assert_kept(document, *BODY)
    assert_dropped(document, "cheap flights", "cats sleep", "Storm hits", "Ferry")


def test_cookie_banner_newsletter_and_donation_prompts() -> None:
    prompts = [
        "We use cookies to give you the best experience. Accept all or manage preferences.",
        "Sign up for our morning newsletter and get the day's top stories in your inbox.",
        "Please consider a donation: readers like you keep our reporting free.",
        "Already a subscriber? Log in",
    ]
    document = clean(page(*HEAD, prompts[0], *BODY, *prompts[1:]))
    assert_kept(document, *BODY)
    assert_dropped(document, "cookies", "newsletter", "donation", "subscriber")


def test_prose_that_mentions_subscriptions_or_support_is_kept() -> None:
    lines = (
        "Streaming subscriptions rose 12% last year, the regulator said in its annual report on Tuesday.",
        "Opposition leaders said they would support the bill if the government dropped the fuel tax increase.",
        '"We will register every voter before the deadline," the election commission chairman said.',
    )
    assert_kept(clean(page(*HEAD, *BODY, *lines)), *lines)


def test_inline_also_read_links_and_subheadings() -> None:
    link = "Drought leaves farmers counting losses as the river falls to a record low"
    prefixed = "Also read: Power cuts hit factories"
    subheading = "What comes next"
    document = clean(page(*HEAD, BODY[0], link, prefixed, subheading, BODY[1]))
    assert_kept(document, *BODY, subheading)
    assert_dropped(document, link, "Power cuts hit factories")


def test_headline_repeats_captions_and_title_suffix() -> None:
    title = "Floods cut power to half of the island's homes"
    lines = (
        f"{title} | BBC News (2024)",
        f"{title} | BBC News (1)",
        "Rescue workers carry a resident through a flooded street in the capital on June 3, 2024.",
        *BODY,
        f"{title} | BBC News (2)",
        "A flooded substation near the port.",
        "Officials said the damage would cost at least $20 million to repair, according to early estimates.",
    )
    document = clean(page(*lines))
    assert document.meta.headline == title and document.meta.outlet == "BBC"
    assert document.text.startswith(title + "\n")
    assert_kept(document, *BODY, lines[-1])
    assert_dropped(document, "Rescue workers", "flooded substation", "| BBC")
    assert {"title-suffix", "headline-repeat", "caption"} <= {block.reason for block in document.dropped}


def test_breadcrumb_vote_widget_copyright_and_separator() -> None:
    furniture = ["Home » World » Asia", "Like! (33)", "___", "© 2024 Example Media Group. All rights reserved."]
    document = clean(page(furniture[0], *HEAD, *BODY, *furniture[1:]))
    assert_kept(document, *BODY)
    assert_dropped(document, "World » Asia", "(33)", "___", "Example Media")


def test_credit_lines_are_kept_and_recorded() -> None:
    credits = ("Additional reporting by Ana Silva in Lisbon.", "Editing by Mark Potter")
    document = clean(page(*HEAD, *BODY, *credits))
    assert_kept(document, *credits)
    assert document.meta.credits == credits


def test_outlet_self_promotion_is_dropped_but_other_outlets_mentioned_are_kept() -> None:
    promo = "From climate to conflict, The Independent is on the ground, and we rely on readers to fund our reporting."
    quote = "The Independent first reported the leak on Monday, and other newspapers followed within hours."
    document = clean(page("Stay up to date with notifications from The Independent", *HEAD, *BODY, promo, quote))
    assert document.meta.outlet == "The Independent"
    assert_kept(document, *BODY, quote)
    assert_dropped(document, "on the ground")


def test_dropped_blocks_point_at_the_raw_text() -> None:
    raw = page("Advertisement", *HEAD, *BODY, "Related", "- A headline", "- Another headline")
    document = clean(raw)
    for block in document.dropped:
        dropped_text = raw[block.raw_start : block.raw_end]
        assert dropped_text.strip() and dropped_text not in document.text
    assert [block.reason for block in document.dropped] == ["advertisement", "link-list"]


def test_glued_words_are_repaired_in_text_and_offsets_stay_exact() -> None:
    raw = page(*HEAD, "Officials called for thebolsteringof flood defences,in a report released on Monday evening.", BODY[1])
    document = clean(raw)
    assert "the bolstering of flood defences, in a report" in document.text
    for run in document.offsets.runs:
        assert document.text[run.text_start : run.text_start + run.length] == raw[run.raw_start : run.raw_start + run.length]


def test_page_of_only_furniture_keeps_nothing() -> None:
    document = clean("Advertisement\nView\n___\nveryGood! (3)")
    assert document.text == ""


@pytest.mark.parametrize("name", ["guardian_style.html", "bbc_style_plain.html"])
def test_html_pages(name: str) -> None:
    raw = (PAGES / name).read_text(encoding="utf-8")
    document = clean_text(raw, name, is_html=True)
    text = document.text
    assert "cookies" not in text and "Most viewed" not in text and "Top Stories" not in text
    assert "All rights reserved" not in text and "Photograph:" not in text and "Sign up" not in text
    assert "Read more" not in text and "Share this page" not in text
    if name == "guardian_style.html":
        assert_kept(
            document,
            "Thousands of tea pickers in Kericho walked off the job on Monday, saying that new harvesting machines threaten about 30,000 jobs in the region.",
            "The union said the companies had “broken their promise” to consult workers",
            "more than $1.2bn a year & employing about 4 million people",
        )
    else:
        assert_kept(document, "rescuers search burned homes in the city of Viña del Mar.", "A curfew is in place in the worst-hit areas.")
    for run in document.offsets.runs:
        assert text[run.text_start : run.text_start + run.length] == raw[run.raw_start : run.raw_start + run.length]
