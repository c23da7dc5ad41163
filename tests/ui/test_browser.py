"""The page in a real headless Chromium (Debian's /usr/bin/chromium, never `playwright install`).

Screenshots land in test-artifacts/ (git-ignored) for a human to judge the design.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from tests.ui.conftest import REPO_ROOT, SEED_DOC_IDS, ServedPage

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
# Quiet and offline: no first-run, sync, component updates, QUIC, or DNS beyond loopback.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"
# The first seed question loads spaCy and the reader; later ones take well under a second.
ANSWER_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (`make browser`)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def dialogs() -> list[str]:
    return []


@pytest.fixture()
def tab(browser: Browser, dialogs: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # A dialog would mean corpus text ran as script; record it and keep the page usable.
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def question_box(page: Page) -> Locator:
    return page.locator("#question textarea, #question input").first


def ask_with_enter(page: Page, question: str) -> Locator:
    question_box(page).fill(question)
    question_box(page).press("Enter")
    return wait_for_result(page, question)


def ask_with_click(page: Page, question: str) -> Locator:
    question_box(page).fill(question)
    page.locator("#ask").click()
    return wait_for_result(page, question)


def wait_for_result(page: Page, question: str) -> Locator:
    # Each answer or refusal panel carries its question, so the previous result on screen
    # is never mistaken for this one.
    page.wait_for_function(
        "q => [...document.querySelectorAll('#result [data-question]')].some(e => e.dataset.question === q)",
        arg=question,
        timeout=ANSWER_TIMEOUT_MS,
    )
    return page.locator("#result")


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_page(page: Page, served: ServedPage) -> None:
    page.goto(served.url)
    question_box(page).wait_for(timeout=30_000)


def assert_answer_with_seed_citation(result: Locator) -> None:
    assert result.locator(".cqa-answer").count() == 1, result.inner_html()[:500]
    assert result.locator(".cqa-answer-text").inner_text().strip()
    assert "confident" in result.locator(".cqa-confidence").inner_text()
    cards = result.locator(".cqa-card")
    assert cards.count() >= 1
    assert cards.first.get_attribute("data-doc-id") in SEED_DOC_IDS
    assert cards.first.locator(".cqa-outlet").inner_text().strip()


def test_enter_asks_an_answerable_question(tab: Page, seed_page: ServedPage) -> None:
    open_page(tab, seed_page)
    result = ask_with_enter(tab, "How big was trade between China and Vietnam in 2022?")
    assert_answer_with_seed_citation(result)
    # The cited document opens below with the passage marked.
    assert tab.locator("#document-view mark.doc-passage").count() >= 1
    screenshot(tab, "answer-enter")


def test_click_asks_an_answerable_question_and_details_show_scores(tab: Page, seed_page: ServedPage) -> None:
    open_page(tab, seed_page)
    result = ask_with_click(tab, "Who is the chairman of Vietnam's National Assembly?")
    assert_answer_with_seed_citation(result)
    assert result.locator("mark.answer-span").count() >= 1
    tab.get_by_text("Details: retrieval scores and settings").click()
    table = tab.locator("#hits-table")
    table.get_by_text("fused").first.wait_for(timeout=10_000)
    assert table.get_by_text(next(iter(sorted(SEED_DOC_IDS)))[:3], exact=False).count() >= 1
    screenshot(tab, "answer-click-details")


def test_refused_question_shows_the_reason_and_closest_passages(tab: Page, seed_page: ServedPage) -> None:
    open_page(tab, seed_page)
    result = ask_with_click(tab, "When did China colonize Vietnam?")
    assert result.locator(".cqa-refusal").count() == 1, result.inner_html()[:500]
    assert result.locator(".cqa-reason").inner_text().strip()
    assert result.locator(".cqa-answer-text").count() == 0
    # The document view opens on the closest passage and scrolls its box to it.
    tab.locator("#document-view mark.doc-passage").first.wait_for(timeout=10_000)
    tab.wait_for_timeout(300)
    in_sight = tab.evaluate(
        """() => { const box = document.querySelector('#document-view .cqa-doc-text');
                   const top = box.querySelector('mark').offsetTop - box.scrollTop;
                   return top >= 0 && top < box.clientHeight; }"""
    )
    assert in_sight
    screenshot(tab, "refusal")


def test_dropped_tab_shows_struck_blocks_with_reasons(tab: Page, seed_page: ServedPage) -> None:
    open_page(tab, seed_page)
    ask_with_enter(tab, "How many cooperation agreements did the two countries sign?")
    tab.get_by_role("tab", name="What the cleaner dropped").click()
    dropped = tab.locator("#dropped-view")
    dropped.locator(".cqa-footnote").wait_for(timeout=10_000)
    # Every seed page carries furniture (ticker, link lists, ads, FAQ), so something is struck.
    assert dropped.locator(".cqa-dropped del").count() >= 1
    assert dropped.locator(".cqa-reason-tag").first.inner_text().strip()
    screenshot(tab, "dropped")


def test_empty_question_shows_a_friendly_message(tab: Page, fake_page: ServedPage) -> None:
    open_page(tab, fake_page)
    question_box(tab).fill("   ")
    tab.locator("#ask").click()
    notice = tab.locator("#result .cqa-notice")
    notice.wait_for(timeout=30_000)
    assert "Type a question" in notice.inner_text()


def test_corpus_markup_is_shown_as_text_never_run(tab: Page, dialogs: list[str], fake_page: ServedPage) -> None:
    open_page(tab, fake_page)
    result = ask_with_click(tab, "Who owns the port?")
    assert result.locator(".cqa-refusal").count() == 1
    assert "Ana <b>Ruiz</b>" in result.inner_text()
    assert result.locator("b").count() == 0
    tab.get_by_role("tab", name="What the cleaner dropped").click()
    assert "<script>alert('x')</script>" in tab.locator("#dropped-view").inner_text()
    assert dialogs == []
    screenshot(tab, "hostile-markup")
