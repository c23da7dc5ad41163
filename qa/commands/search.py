"""`corpus-qa search`: show the passages retrieval ranks for a query, with every score."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from dataclasses import replace

from index.errors import IndexMissingError
from index.manifest import read_manifest
from index.records import FusionMode, Hit, RetrievalMode
from index.settings import VectorIndexKind
from index.store import SearchIndex
from qa.commands.common import add_index_arguments, settings_from_args

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="show the ranked passages for a query (BM25, vector or hybrid)",
        description="Rank passages for a query; builds the index first if there is none.",
    )
    parser.add_argument("query", help="words or a question to search for")
    add_index_arguments(parser)
    parser.add_argument(
        "--mode",
        choices=[m.value for m in RetrievalMode],
        default=RetrievalMode.HYBRID.value,
        help="retrieval mode (default: hybrid)",
    )
    parser.add_argument(
        "--fusion",
        choices=[m.value for m in FusionMode],
        help="how hybrid mode fuses the two rankings (default: $CORPUS_QA_FUSION or rrf)",
    )
    parser.add_argument("-k", type=int, default=5, help="number of distinct hits (default: 5)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.k <= 0:
        raise ValueError(f"-k must be greater than 0. Currently, it is {args.k}")
    settings = settings_from_args(args).index
    try:
        # The vector index kind is chosen when building (`corpus-qa index --vector-index`);
        # searching uses whichever kind was built rather than calling it stale.
        built_kind = VectorIndexKind(read_manifest(settings.index_dir).vector_index)
        index = SearchIndex.load(settings.index_dir, replace(settings, vector_index=built_kind))
    except IndexMissingError:
        # Stale and corrupt indexes are errors (cli.main prints one line); only a missing
        # one is built here, since there is nothing the user could lose.
        print(f"no index at {settings.index_dir}; building it from {settings.corpus_dir} ...", file=sys.stderr)
        index = SearchIndex.build(settings, progress=True)
        index.save(settings.index_dir)
    fusion = FusionMode(args.fusion) if args.fusion is not None else None
    hits = index.search(args.query, k=args.k, mode=RetrievalMode(args.mode), fusion=fusion)
    if args.json:
        print(json.dumps([hit.to_dict() for hit in hits], indent=2, ensure_ascii=False))
    else:
        print(render_hits(hits) if hits else f"no passage matches {args.query!r}")
    return 0


def _score(score: float | None, rank: int | None) -> str:
    return "-" if score is None or rank is None else f"{score:.4f} (#{rank})"


def render_hits(hits: list[Hit]) -> str:
    """Plain-text hits: rank, scores and ranks, outlet, passage id, text, "also in"."""
    blocks: list[str] = []
    for hit in hits:
        outlet = hit.document.outlet if hit.document.outlet is not None else hit.document.doc_id
        lines = [
            f"{hit.rank}. [{outlet}] {hit.passage.passage_id}",
            f"   fused {hit.fused_score:.4f}  bm25 {_score(hit.bm25_score, hit.bm25_rank)}  "
            f"vector {_score(hit.vector_score, hit.vector_rank)}",
            textwrap.fill(hit.passage.text, width=100, initial_indent="   ", subsequent_indent="   "),
        ]
        if hit.twins:
            also = ", ".join(
                f"{d.outlet if d.outlet is not None else d.doc_id} ({p.passage_id})"
                for p, d in zip(hit.twins, hit.twin_documents)
            )
            lines.append(f"   also in: {also}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
