"""`corpus-qa index`: build the search index from the corpus folder, with progress."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import replace

from index.settings import VectorIndexKind
from index.store import SearchIndex
from qa.commands.common import add_index_arguments, settings_from_args

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index",
        help="build the search index (BM25 + vectors) from the corpus folder",
        description="Clean every page of the corpus folder, embed its passages and save the index.",
    )
    add_index_arguments(parser)
    parser.add_argument(
        "--vector-index",
        choices=[kind.value for kind in VectorIndexKind],
        help="faiss index: flat (exact, default) or hnsw (approximate, for large corpora)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args).index
    if args.vector_index is not None:
        settings = replace(settings, vector_index=VectorIndexKind(args.vector_index))
    started = time.perf_counter()
    print(f"building index from {settings.corpus_dir} with model {settings.model} ...", file=sys.stderr)
    index = SearchIndex.build(settings, progress=True)
    index.save(settings.index_dir)
    elapsed = time.perf_counter() - started
    print(
        f"indexed {len(index.documents)} documents, {len(index.passages)} passages, "
        f"{len(index.problems)} problems in {elapsed:.1f}s -> {settings.index_dir} "
        f"({settings.vector_index.value} vectors, dimension {index.manifest.dimension})"
    )
    for problem in index.problems:
        print(f"  skipped {problem.path}: {problem.message}")
    return 0
