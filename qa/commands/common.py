"""Arguments shared by every subcommand that reads the index, and their Settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from index.records import FusionMode, RetrievalMode
from qa.settings import Settings


def add_index_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index-dir", type=Path, help="index directory (default: $CORPUS_QA_INDEX_DIR or .corpus-qa-index)")
    parser.add_argument("--corpus", type=Path, help="corpus folder to build from (default: $CORPUS_QA_CORPUS_DIR or seeds)")
    parser.add_argument(
        "--model",
        help=(
            "sentence-transformers model name or local path (default: all-mpnet-base-v2; "
            "all-MiniLM-L6-v2 is bundled too and five times faster)"
        ),
    )
    parser.add_argument(
        "--reader-model",
        help="local folder of a transformer extractive-QA model to propose answer spans (default: built-in reader)",
    )


def add_retrieval_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=[m.value for m in RetrievalMode], help="retrieval mode (default: hybrid)")
    parser.add_argument("--fusion", choices=[m.value for m in FusionMode], help="fusion of BM25 and vector ranks")
    parser.add_argument("-k", "--top-k", type=int, dest="top_k", help="passages to retrieve")


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Defaults, then CORPUS_QA_* env vars, then the flags given."""
    fusion = getattr(args, "fusion", None)
    return Settings.from_env().with_overrides(
        reader_model=getattr(args, "reader_model", None),
        index_dir=getattr(args, "index_dir", None),
        corpus_dir=getattr(args, "corpus", None),
        model=getattr(args, "model", None),
        fusion=FusionMode(fusion) if fusion else None,
    )
