"""The Gradio page: ask a question, see the answer marked in its source, or why it was refused.

The page is thin (STYLE.md rule 6): every answer comes from ``qa.ask``; this module only
wires inputs to that call and renders records with :mod:`ui.render`. The ``QA`` pipeline is
shared by every visitor (it is thread-safe); what differs per visitor (which passages the
last answer cited) lives in ``gr.State``, never in module globals.

    from qa.api import QA
    from qa.settings import Settings
    from ui.app import build_app, launch
    settings = Settings.from_env()
    launch(build_app(QA.open(settings), settings))
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# Gradio reads these at import time; set them first so the page never phones home.
# setdefault keeps an explicit choice of the person running the server.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402  (must follow the environment defaults above)

from index.records import DocumentMeta, FusionMode, RetrievalMode  # noqa: E402
from qa.records import Answer  # noqa: E402
from qa.settings import Settings  # noqa: E402
from ui import render  # noqa: E402
from ui.assets import CSS  # noqa: E402

if TYPE_CHECKING:
    from fastapi import FastAPI

    from qa.api import QA

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
# Questions answered at once; the rest wait in Gradio's queue. qa.ask is thread-safe, and more
# than a few parallel readers on a small CPU machine only makes every one of them slower.
DEFAULT_CONCURRENCY = 4
MAX_TOP_K = 20

# Runs in the browser after the document view changes: scroll its text box (not the page) so
# the marked passage is in sight; the delay lets Gradio paint the new HTML first.
SCROLL_TO_MARK_JS = """() => { setTimeout(() => {
  const box = document.querySelector('#document-view .cqa-doc-text');
  const mark = box ? box.querySelector('mark') : null;
  if (box && mark) { box.scrollTop = Math.max(mark.offsetTop - 40, 0); }
}, 60); }"""

# Per-visitor highlights: doc_id -> (passage_id, raw start, raw end, cited) of what to mark
# there; cited is False for the closest passages of a refusal.
Highlights = dict[str, tuple[str, int, int, bool]]


@dataclass(frozen=True, slots=True)
class ExampleQuestions:
    """Questions offered under the box: some the corpus answers, some it should refuse."""

    answerable: tuple[str, ...]
    refused: tuple[str, ...]


# For the seed corpus (Xi Jinping's December 2023 visit to Vietnam). The refused ones are
# FAQ-block trivia, ticker furniture and a near miss: the page must show that refusing is
# deliberate, so visitors should be able to try it in one click.
SEED_EXAMPLES = ExampleQuestions(
    answerable=(
        "How big was trade between China and Vietnam in 2022?",
        "How many cooperation agreements did the two countries sign?",
        "Who is the chairman of Vietnam's National Assembly?",
        "What did the two countries agree to set up for incidents at sea?",
    ),
    refused=(
        "When did China colonize Vietnam?",
        "What religion is Vietnam?",
        "What was the bilateral trade between China and Vietnam in 2021?",
    ),
)


def _document_metas(qa: QA) -> list[DocumentMeta]:
    return sorted((doc.meta for doc in qa.index.documents.values()), key=lambda meta: meta.doc_id)


def _looks_like_seeds(metas: Sequence[DocumentMeta]) -> bool:
    seed_prefixes = ("000_", "001_", "002_", "003_", "004_")
    return len(metas) == len(seed_prefixes) and all(m.doc_id.startswith(p) for m, p in zip(metas, seed_prefixes))


def _highlights_of(answer: Answer) -> Highlights:
    """Which span to mark in each document: the answer's citations, else the closest passages."""
    highlights: Highlights = {}
    for citation in answer.citations:
        highlights.setdefault(citation.doc_id, (citation.passage_id, citation.start, citation.end, True))
    for hit in answer.hits:
        for passage in (hit.passage, *hit.twins):
            highlights.setdefault(passage.doc_id, (passage.passage_id, passage.raw_start, passage.raw_end, False))
    return highlights


def _picker_choices(metas: Sequence[DocumentMeta], cited: set[str]) -> list[tuple[str, str]]:
    return [(render.document_label(meta, cited=meta.doc_id in cited), meta.doc_id) for meta in metas]


def build_app(qa: QA, settings: Settings, *, examples: ExampleQuestions | None = None) -> gr.Blocks:
    """The page for one shared ``qa`` pipeline; ``settings`` give the defaults of the controls.

    ``examples`` default to :data:`SEED_EXAMPLES` when the corpus is the seed corpus, and to
    none otherwise (seed questions would only confuse users of another corpus).
    """
    metas = _document_metas(qa)
    if examples is None and _looks_like_seeds(metas):
        examples = SEED_EXAMPLES
    first_doc_id = metas[0].doc_id if metas else None

    def view_document(doc_id: str | None, highlights: Highlights | None) -> tuple[str, str]:
        """The cleaned text with this visitor's highlight, and the raw text with drops struck."""
        if not doc_id:
            message = render.render_message("Pick a document to read it.")
            return message, message
        document = qa.document(doc_id)
        mark = (highlights if highlights is not None else {}).get(doc_id)
        if mark is None:
            return render.render_document(document), render.render_dropped(document)
        passage_id, start, end, cited = mark
        cleaned = render.render_document(document, qa.index.passage(passage_id), (start, end), cited=cited)
        return cleaned, render.render_dropped(document)

    def ask(question: str | None, top_k: float, fusion: str, mode: str) -> tuple[Any, ...]:
        """One question in, every output of the page out (a failure is a message, not a crash)."""
        text = question.strip() if question is not None else ""
        # Without an answer, the document view and this visitor's highlights stay as they were.
        unchanged = gr.update()
        if not text:
            message = render.render_message(
                "Type a question about the news pages first, for example one of the examples below."
            )
            return message, [], None, unchanged, unchanged, unchanged, unchanged
        try:
            answer = qa.ask(text, top_k=int(top_k), mode=RetrievalMode(mode), fusion=FusionMode(fusion))
        except ValueError as error:
            # Over-long or otherwise unusable questions: the message says what to change.
            message = render.render_message(str(error), title="Please rephrase the question")
            return message, [], None, unchanged, unchanged, unchanged, unchanged
        except Exception:
            logger.exception("answering %r failed", text)
            message = render.render_message(
                "The pipeline failed on this question; the server log has the details.",
                title="Something went wrong",
                kind="error",
            )
            return message, [], None, unchanged, unchanged, unchanged, unchanged
        highlights = _highlights_of(answer)
        cited = {citation.doc_id for citation in answer.citations}
        if answer.citations:
            shown = answer.citations[0].doc_id
        elif answer.hits:
            shown = answer.hits[0].passage.doc_id
        else:
            shown = first_doc_id
        doc_html, dropped_html = view_document(shown, highlights)
        picker = gr.update(choices=_picker_choices(metas, cited), value=shown)
        return (
            render.render_answer(answer),
            render.hit_rows(answer.hits),
            answer.to_dict(include_hits=True),
            picker,
            doc_html,
            dropped_html,
            highlights,
        )

    initial_doc, initial_dropped = view_document(first_doc_id, {}) if first_doc_id is not None else ("", "")

    with gr.Blocks(title="corpus-qa: cited answers from the news corpus") as app:
        highlights_state = gr.State({})
        gr.HTML(
            "<h1>Ask the news corpus</h1><p>Every answer is quoted from one of "
            f"{len(metas)} cleaned news pages and shows where it came from. When no page answers "
            "the question, the page refuses and says why.</p>",
            elem_classes="cqa-header",
        )
        with gr.Row(equal_height=True):
            question = gr.Textbox(
                label="Question",
                placeholder="e.g. How big was trade between China and Vietnam in 2022? (Enter to ask)",
                lines=1,
                max_lines=1,
                scale=5,
                autofocus=True,
                elem_id="question",
            )
            ask_button = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
        example_sets: list[gr.Examples] = []
        if examples is not None:
            with gr.Row():
                if examples.answerable:
                    example_sets.append(
                        gr.Examples([[q] for q in examples.answerable], inputs=[question], label="Answered by the sources")
                    )
                if examples.refused:
                    example_sets.append(
                        gr.Examples([[q] for q in examples.refused], inputs=[question], label="Refused: not in the sources")
                    )
        result = gr.HTML(render.render_placeholder(), label="Result", elem_id="result")

        with gr.Accordion("Read a source document", open=True):
            picker = gr.Dropdown(
                choices=_picker_choices(metas, set()),
                value=first_doc_id,
                label="Document (the cited one opens after each answer)",
                elem_id="document-picker",
            )
            with gr.Tabs():
                with gr.Tab("Cleaned text, cited passage marked"):
                    document_view = gr.HTML(initial_doc, label="Cleaned text", elem_id="document-view")
                with gr.Tab("What the cleaner dropped"):
                    dropped_view = gr.HTML(initial_dropped, label="Dropped blocks", elem_id="dropped-view")

        with gr.Accordion("Details: retrieval scores and settings", open=False, elem_id="details"):
            with gr.Row():
                top_k = gr.Slider(1, MAX_TOP_K, value=min(settings.top_k, MAX_TOP_K), step=1, label="Passages read (top_k)")
                fusion = gr.Radio(
                    [("Reciprocal rank (RRF)", FusionMode.RECIPROCAL_RANK.value), ("Weighted scores", FusionMode.WEIGHTED_SCORE.value)],
                    value=settings.index.fusion.value,
                    label="Fusion",
                )
                mode = gr.Radio(
                    [("Hybrid", RetrievalMode.HYBRID.value), ("BM25 only", RetrievalMode.BM25.value), ("Vector only", RetrievalMode.VECTOR.value)],
                    value=RetrievalMode.HYBRID.value,
                    label="Retrieval",
                )
            gr.Markdown("Settings apply to the next question. Scores: fused (what ranks), BM25 (keywords), vector (meaning); # is that retriever's rank, empty when it did not rank the passage.")
            hits_table = gr.Dataframe(
                headers=list(render.HIT_COLUMNS),
                value=[],
                label="Passages considered, best first",
                interactive=False,
                wrap=True,
                column_widths=["56px", "10%", "17%", "70px", "70px", "70px", "70px", "76px", "12%", "32%"],
                elem_id="hits-table",
            )
            with gr.Accordion("Answer as JSON (what the API returns)", open=False):
                answer_json = gr.JSON(label="Answer as JSON", elem_id="answer-json")

        ask_inputs = [question, top_k, fusion, mode]
        ask_outputs = [result, hits_table, answer_json, picker, document_view, dropped_view, highlights_state]
        asked = [
            ask_button.click(ask, ask_inputs, ask_outputs, api_name="ask", show_progress="minimal"),
            question.submit(ask, ask_inputs, ask_outputs, api_visibility="private", show_progress="minimal"),
        ]
        for example_set in example_sets:
            # Clicking an example asks it at once: one click shows an answer or a refusal.
            if example_set.load_input_event is not None:
                asked.append(example_set.load_input_event.then(ask, ask_inputs, ask_outputs, api_visibility="private"))
        asked.append(
            picker.input(view_document, [picker, highlights_state], [document_view, dropped_view], api_name="document")
        )
        for event in asked:
            event.then(None, None, None, js=SCROLL_TO_MARK_JS, api_visibility="private", queue=False)
    return app


def launch(
    app: gr.Blocks,
    *,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    share: bool = False,
    prevent_thread_lock: bool = False,
    concurrency: int = DEFAULT_CONCURRENCY,
    quiet: bool = False,
) -> tuple[FastAPI, str, str | None]:
    """Serve ``app`` on ``host:port`` (loopback unless told otherwise); a public link only with ``share``.

    Returns Gradio's ``(fastapi_app, local_url, share_url)``.
    """
    if concurrency <= 0:
        raise ValueError(f"concurrency must be greater than 0, got {concurrency}")
    app.queue(default_concurrency_limit=concurrency)
    return app.launch(
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        css=CSS,
        footer_links=["api"],
        show_error=False,
    )
