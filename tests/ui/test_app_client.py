"""The page's API through gradio_client: structure of results, friendly errors, many users at once."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from gradio_client import Client

from index.records import FusionMode
from qa.cli import build_parser
from tests.ui.conftest import SEED_DOC_IDS, ServedPage

ANSWERABLE = (
    "How big was trade between China and Vietnam in 2022?",
    "Who is the chairman of Vietnam's National Assembly?",
)
REFUSED = ("When did China colonize Vietnam?", "What religion is Vietnam?")


def client(page: ServedPage) -> Client:
    return Client(page.url, analytics_enabled=False, verbose=False)


def ask(api: Client, question: str, top_k: int = 8, fusion: str = "rrf", mode: str = "hybrid") -> dict[str, Any]:
    result, table, answer_json, picker, document, dropped = api.predict(question, top_k, fusion, mode, api_name="/ask")
    # The picker comes back as a Gradio update (new choices and value) after an answer.
    picked = picker.get("value") if isinstance(picker, dict) else picker
    return {"result": result, "table": table, "json": answer_json, "picker": picked, "document": document, "dropped": dropped}


def kind(result_html: str) -> str:
    match = re.search(r'data-kind="(\w+)"', result_html)
    assert match is not None, result_html[:300]
    return match.group(1)


# -- the page over the synthetic corpus (fast) ----------------------------------------------


def test_answer_comes_back_with_citation_table_and_the_cited_document(fake_page: ServedPage) -> None:
    out = ask(client(fake_page), "How much did the port handle in 2021?", top_k=1)
    assert kind(out["result"]) == "answer"
    assert '<mark class="answer-span">4.2 million tonnes</mark>' in out["result"]
    assert out["json"]["answer"] == "4.2 million tonnes"
    assert [c["doc_id"] for c in out["json"]["citations"]] == ["100_alpha", "101_beta"]
    assert len(out["table"]["data"]) == 1, "top_k from the settings must reach the pipeline"
    assert out["picker"] == "100_alpha"
    assert 'class="doc-passage"' in out["document"] and "<del>" in out["dropped"]


@pytest.mark.parametrize("question", ["", "   \n "])
def test_empty_question_gets_a_friendly_message(fake_page: ServedPage, question: str) -> None:
    out = ask(client(fake_page), question)
    assert kind(out["result"]) == "notice"
    assert "Type a question" in out["result"]
    assert out["json"] is None and out["table"]["data"] == []


def test_over_long_question_shows_the_pipeline_message(fake_page: ServedPage) -> None:
    out = ask(client(fake_page), "why " * 100)
    assert kind(out["result"]) == "notice"
    assert "the limit is 200" in out["result"]


def test_each_visitor_keeps_their_own_highlights(fake_page: ServedPage) -> None:
    """gr.State, not a module global: B's refusal must not change what A's document view marks."""
    alice, bob = client(fake_page), client(fake_page)
    ask(alice, "How much did the port handle in 2021?")
    ask(bob, "Who owns the port?")
    ask(alice, "  ")  # a friendly message leaves the visitor's highlights alone
    alice_view, _ = alice.predict("100_alpha", api_name="/document")
    bob_view, _ = bob.predict("100_alpha", api_name="/document")
    assert "The cited passage is marked" in alice_view
    assert "not an answer" in bob_view


def test_concurrent_visitors_each_get_their_own_result(fake_page: ServedPage) -> None:
    questions = [f"How much did the port handle, visitor {i}?" if i % 2 else f"Who owns the port, visitor {i}?" for i in range(10)]
    with ThreadPoolExecutor(max_workers=5) as pool:
        outs = list(pool.map(lambda q: ask(client(fake_page), q), questions))
    for question, out in zip(questions, outs):
        assert out["json"]["question"] == question
        assert kind(out["result"]) == ("refusal" if "owns" in question else "answer")


def test_serve_defaults_bind_loopback_without_a_share_link() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.share, args.port) == ("127.0.0.1", False, None)
    args = build_parser().parse_args(["serve", "--port", "8123", "--share", "--index-dir", "x", "--corpus", "y"])
    assert (args.port, args.share, str(args.index_dir), str(args.corpus)) == (8123, True, "x", "y")


# -- the page over the real seed pipeline (slow) -------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("question", ANSWERABLE)
def test_seed_answer_has_text_and_a_seed_citation(seed_page: ServedPage, question: str) -> None:
    out = ask(client(seed_page), question)
    assert kind(out["result"]) == "answer", out["result"][:500]
    assert out["json"]["answer"].strip()
    assert out["json"]["citations"] and all(c["doc_id"] in SEED_DOC_IDS for c in out["json"]["citations"])
    assert re.search(r'class="cqa-card" data-doc-id="([^"]+)"', out["result"]).group(1) in SEED_DOC_IDS
    assert out["picker"] in SEED_DOC_IDS


@pytest.mark.slow
@pytest.mark.parametrize("question", REFUSED)
def test_seed_refusal_has_a_reason(seed_page: ServedPage, question: str) -> None:
    out = ask(client(seed_page), question)
    assert kind(out["result"]) == "refusal", out["result"][:500]
    assert out["json"]["refused"] is True and out["json"]["reason"].strip()
    reason = re.search(r'class="cqa-reason">(.*?)</p>', out["result"], re.S)
    assert reason is not None and reason.group(1).strip()


@pytest.mark.slow
def test_concurrent_seed_questions_match_the_pipeline_answering_alone(seed_page: ServedPage) -> None:
    questions = [*ANSWERABLE, *REFUSED] * 2
    # As the page asks (``ask``): eight passages, reciprocal rank fusion.
    expected = {q: seed_page.pipeline.ask(q, top_k=8, fusion=FusionMode.RECIPROCAL_RANK) for q in set(questions)}
    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        outs = list(pool.map(lambda q: ask(client(seed_page), q), questions))
    for question, out in zip(questions, outs):
        alone = expected[question]
        assert out["json"]["question"] == question
        assert (out["json"]["refused"], out["json"]["answer"]) == (alone.refused, alone.text)
        assert [c["doc_id"] for c in out["json"]["citations"]] == [c.doc_id for c in alone.citations]
