"""`corpus-qa eval [--gold FILE] [--split dev|test|all] [--json] [--report DIR]`: score the pipeline.

Runs the gold questions through the same ``QA.ask`` the API and page use, and prints
answer metrics, retrieval recall per mode, a per-category breakdown and the failures.
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from qa.commands.common import add_index_arguments, settings_from_args
from qa.evaluation.gold import load_gold, select_split

logger = logging.getLogger(__name__)


def packaged_gold_path() -> Path:
    """The gold set shipped inside the ``qa`` package (``qa/data/gold.jsonl``)."""
    resource = importlib.resources.files("qa") / "data" / "gold.jsonl"
    # Installed as a regular directory (editable or wheel), so the resource is a real file.
    return Path(str(resource))


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="measure answers, refusals, citations and retrieval on gold questions")
    parser.add_argument("--gold", type=Path, help="gold questions, JSON lines (default: the packaged qa/data/gold.jsonl)")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev", help="which gold split to run (default: dev)")
    parser.add_argument("--json", action="store_true", help="print every metric as one JSON object")
    parser.add_argument("--report", type=Path, metavar="DIR", help="also write DIR/report.md with PNG charts")
    add_index_arguments(parser)
    parser.add_argument("-k", "--top-k", type=int, dest="top_k", help="passages the reader reads (default: 8)")
    parser.add_argument("--fusion", choices=["rrf", "weighted"], help="fusion of BM25 and vector ranks (default: weighted)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    gold_path = args.gold if args.gold is not None else packaged_gold_path()
    # Validate the gold file before loading any model: a typo should fail in a second.
    questions = select_split(load_gold(gold_path), args.split)
    if not questions:
        raise ValueError(f"split {args.split!r} of {gold_path} has no questions; use --split all")
    settings = settings_from_args(args).with_overrides(top_k=args.top_k)

    from qa.api import (
        QA,  # heavy (spaCy, torch): imported only once the input is known good
    )
    from qa.evaluation.runner import evaluate

    progress = sys.stderr.isatty()
    qa = QA.open(settings, progress=progress)
    report = evaluate(qa, questions, progress=progress)
    report = replace(report, split=args.split, gold_path=str(gold_path))

    if args.report is not None:
        from qa.evaluation.report import write_report

        path = write_report(report, args.report, corpus_dir=settings.index.corpus_dir)
        print(f"report written to {path}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from qa.evaluation.report import format_text

        print(format_text(report))
    return 0
