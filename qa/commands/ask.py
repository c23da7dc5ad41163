"""`corpus-qa ask "question" [--json]`: one answer with its citations, or the refusal."""

from __future__ import annotations

import argparse
import json
import sys

from index.records import RetrievalMode
from qa.api import QA
from qa.commands.common import (
    add_index_arguments,
    add_retrieval_arguments,
    settings_from_args,
)
from qa.question import normalize_question
from qa.records import Answer


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ask", help="answer a question from the corpus, with citations")
    parser.add_argument("question", nargs="+", help="the question (quote it, or give it as words)")
    parser.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    add_index_arguments(parser)
    add_retrieval_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    # Check the question before loading anything, so a typo costs no index build.
    question = normalize_question(" ".join(args.question), settings.max_question_chars)
    qa = QA.open(settings, progress=sys.stderr.isatty())
    answer = qa.ask(
        question,
        top_k=args.top_k,
        mode=RetrievalMode(args.mode) if args.mode else None,
    )
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(answer))
    return 0


def render_text(answer: Answer) -> str:
    """A terminal rendering: the answer (or refusal), confidence, and quoted citations."""
    lines: list[str] = []
    if answer.refused:
        lines.append(f"Not in the corpus: {answer.reason}")
        if answer.candidate:
            lines.append(f"(closest candidate: {answer.candidate!r}, confidence {answer.confidence:.2f})")
        return "\n".join(lines)
    lines.append(f"Answer: {answer.text}   (confidence {answer.confidence:.2f})")
    for number, citation in enumerate(answer.citations, start=1):
        source = citation.source or "unknown outlet"
        lines.append(f"[{number}] {source} — {citation.doc_id}, {citation.passage_id}, chars {citation.start}-{citation.end}")
        if citation.answer_start is not None and citation.answer_end is not None:
            text = citation.text
            quoted = text[: citation.answer_start] + "»" + text[citation.answer_start : citation.answer_end] + "«" + text[citation.answer_end :]
        else:
            quoted = citation.text
        lines.append(f"    {quoted}")
    return "\n".join(lines)
