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


FLOOD = Path(__file__).resolve().parents[1] / "data" / "heldout_flood"


def test_flood_pages_match_their_labels() -> None:
    score = score_cleaning(FLOOD / "clean_labels", FLOOD / "corpus")
    assert score.n_lines > 150
    assert score.false_drops == [] and score.false_keeps == []


def test_short_site_name_line_is_not_the_headline() -> None:
    site = "Lakeside Evening Courier"
    lines = (site, "Politics", HEAD[0], "By Ana Ruiz", HEAD[1], *BODY, f"© 2024 {site}. All rights reserved.")
    document = clean(page(*lines))
    assert document.meta.headline == HEAD[0]
    assert document.meta.outlet == site  # the masthead the copyright line repeats
    assert document.text.startswith(HEAD[0] + "\n")
    assert_kept(document, *BODY, "By Ana Ruiz")
    assert_dropped(document, site, "Politics")


def test_short_headline_is_kept_when_no_longer_title_follows() -> None:
    document = clean(page("Ferry service resumes", HEAD[1], *BODY))
    assert document.meta.headline == "Ferry service resumes"
    assert_kept(document, "Ferry service resumes")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home · Sport · Culture · Money · Travel", "navigation"),
        ("Careers / Advertise / Terms of use / Privacy", "navigation"),
        ("Opinion › Columnists", "breadcrumb"),
        ("BREAKING: Ferry sinks off Crete • Rail strike called off • Shares rally on rate hopes •", "ticker"),
        ("Lagos: fuel queues return  ///  Accra: cedi steadies after a week of losses  ///  Abuja: senate passes budget", "ticker"),
        ("Tags: floods, Sri Lanka, monsoon", "tags"),
        ("Filed under: Politics, Europe", "tags"),
        ("Listen to this article · 6 min", "interface-label"),
        ("7 min read", "interface-label"),
        ("LIVE Election night: follow our live coverage", "promotion"),
        ("Friday, 7 June 2024 Leeds 12°C, sunny intervals", "weather-widget"),
        ("Reykjavík -4°C Snow", "weather-widget"),
    ],
)
def test_one_line_furniture_is_dropped_with_its_reason(line: str, reason: str) -> None:
    """Menus, breadcrumbs, tickers, tags, reading times, live promos and weather widgets."""
    document = clean(page(line, *HEAD, *BODY))
    assert_kept(document, HEAD[0], *BODY)
    assert_dropped(document, line)
    assert [block.reason for block in document.dropped] == [reason]


@pytest.mark.parametrize(
    "line",
    [
        "Voters had two choices | stay or go | and most chose to stay, the survey found.",  # ends a sentence
        "Published 3 June 2024 | Updated 4 June 2024 | 5 min read",  # a date line
        "Kenji Sato | Senior Reporter | Osaka",  # a byline
        "Floods cut power to half of the island's homes | Asia | Daily Wire",  # one long title
    ],
)
def test_separated_lines_that_are_not_menus_are_kept(line: str) -> None:
    document = clean(page(line, *BODY))
    assert_kept(document, line.split(" | ")[0], *BODY)


def test_caption_block_above_a_photo_credit() -> None:
    caption = "Firefighters spray water on a burning warehouse in the port district."
    short_paragraph = "Nobody was hurt."
    document = clean(page(*HEAD, caption + "\nPhoto: Ana Ruiz / Example Wire", *BODY, short_paragraph, "Photo: Port Authority"))
    assert_kept(document, *BODY, short_paragraph)  # a blank line separates it from the credit
    assert_dropped(document, caption, "Ana Ruiz", "Port Authority")


def test_caption_rule_needs_blank_line_separated_blocks() -> None:
    # A page written without blank lines: the line above a credit may be a paragraph.
    paragraph = "The minister opened the new terminal on Monday."
    document = clean("\n".join([*HEAD, BODY[0], paragraph, "Photo: Ana Ruiz / Example Wire", BODY[1]]))
    assert_kept(document, *BODY, paragraph)


def test_newsletter_and_donation_boxes_without_trigger_words() -> None:
    newsletter = ["Sign up for our newsletter", "The Morning Memo: five stories before breakfast, every weekday.", "Email address"]
    donation = ["Your support keeps this site open", "Independent reporting costs money. Any amount helps.", "Give now"]
    document = clean(page(*HEAD, BODY[0], "\n".join(newsletter), BODY[1], "\n".join(donation), "Become a member"))
    assert_kept(document, *BODY)
    assert_dropped(document, "Morning Memo", "Any amount helps", "Give now", "Become a member", "Email address")


def test_paragraph_above_a_prompt_in_the_same_block_is_kept() -> None:
    # The box starts at the prompt: paragraphs glued above it are not part of the box.
    paragraphs = ("The council will publish the full report next week.", "Residents can comment until the end of July.")
    document = clean(page(*HEAD, "\n".join([BODY[0], *paragraphs, "Sign up for our newsletter"]), BODY[1]))
    assert_kept(document, *BODY, *paragraphs)
    assert_dropped(document, "Sign up")


def test_prompt_vocabulary_and_prose_that_uses_it() -> None:
    prompts = ["This site is reader-funded, and our journalism is free for everyone.", "Donate today", "Become a supporter"]
    prose = "Finland's bid to become a member of the alliance was approved on Tuesday, officials said."
    document = clean(page(*HEAD, *BODY, prose, *prompts))
    assert_kept(document, *BODY, prose)
    assert_dropped(document, *prompts)


def test_one_line_author_box_and_bio_under_heading() -> None:
    one_line = "About the author: Mei Tanaka is a features writer who loves hiking and vintage radios."
    bio = "Tomás Reyes covers energy from Santiago and has worked for the paper since 2012."
    document = clean(page(*HEAD, *BODY, one_line, "About the author", bio))
    assert_kept(document, *BODY)
    assert_dropped(document, "Mei Tanaka", "vintage radios", "Tomás Reyes")
    assert {block.reason for block in document.dropped} == {"author-box"}


def test_a_profile_sentence_in_the_article_is_kept() -> None:
    sentence = "Tomás Reyes is a fisherman who has worked the same bay for forty years, and he says the catch has halved."
    assert_kept(clean(page(*HEAD, *BODY, sentence)), sentence)




@pytest.mark.parametrize(
    "line",
    [
        "Seville swelters at 45°C",  # a headline: lowercase words before the temperature
        "Temperatures reached 41°C in Madrid on Monday, the highest June reading on record.",
        "Tags on the returned birds showed they had flown 9,000 kilometres.",
        "Live music returns to the old quarter",
    ],
)
def test_lines_like_widgets_in_the_article_are_kept(line: str) -> None:
    assert_kept(clean(page(*HEAD, BODY[0], line, BODY[1])), line)


def test_site_name_with_us_in_the_article_is_not_self_promotion() -> None:
    site = "Lakeside Evening Courier"
    sentence = "The US embassy told the Lakeside Evening Courier on Monday that it had received the request."
    document = clean(page(site, *HEAD, *BODY, sentence, f"© 2024 {site}"))
    assert document.meta.outlet == site
    assert_kept(document, sentence)


def test_byline_and_date_under_a_standfirst_that_ends_a_sentence() -> None:
    raw = (
        "<div><span>Monday, 3 June 2024</span> <span>Harare 14°C, clear</span></div>"
        "<div>LIVE <a href='/live'>Cyclone: follow our live coverage</a></div>"
        f"<h1>{HEAD[0]}</h1><p>Engineers say repairs will take days and some villages could wait a week.</p>"
        "<div>By <a href='/a/ruiz'>Ana Ruiz</a> · <time>3 June 2024, 18:40</time></div>"
        + "".join(f"<p>{sentence}</p>" for sentence in BODY)
    )
    document = clean_text(raw, "html", is_html=True)
    assert document.meta.headline == HEAD[0]
    assert document.meta.byline == ("Ana Ruiz",) and document.meta.date == "2024-06-03"
    assert_kept(document, HEAD[0], "By Ana Ruiz", *BODY)
    assert_dropped(document, "14°C", "live coverage")


def test_flood_html_page_header() -> None:
    raw = (FLOOD / "corpus" / "patagoniaherald_flood.html").read_text(encoding="utf-8")
    document = clean_text(raw, "patagoniaherald_flood", is_html=True)
    assert document.text.startswith("Spillway gives way at Los Arrayanes dam")
    assert document.meta.date == "2025-06-19" and document.meta.byline == ("Carla Benítez",)
    assert_dropped(document, "4°C", "live coverage", "Log in")
