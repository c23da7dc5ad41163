"""`corpus-qa clean FILE [--json]`: show what the cleaner keeps of one page, and what it drops."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from index.ingest import ingest_file
from index.loading import supported_types
from qa.settings import Settings

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "clean",
        help="print the cleaned text of one page (or --json with passages and dropped blocks)",
        description=f"Clean one scraped page ({supported_types()}) and print the article text with its metadata.",
    )
    parser.add_argument("file", type=Path, help=f"a page of one of these types: {supported_types()}")
    parser.add_argument("--json", action="store_true", help="print meta, text, passages and dropped blocks as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    document, passages = ingest_file(args.file, settings.index)
    if args.json:
        payload = {
            "meta": document.meta.to_dict(),
            "text": document.text,
            "passages": [passage.to_dict() for passage in passages],
            "dropped": [
                {**block.to_dict(), "text": document.raw_text[block.raw_start : block.raw_end]}
                for block in document.dropped
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    meta = document.meta
    header = [
        f"outlet:   {meta.outlet if meta.outlet is not None else '(unknown)'}",
        f"headline: {meta.headline if meta.headline is not None else '(none)'}",
        f"date:     {meta.date if meta.date is not None else '(not stated)'}",
        f"byline:   {', '.join(meta.byline) if meta.byline else '(none)'}",
    ]
    if meta.credits:
        header.append(f"credits:  {' / '.join(meta.credits)}")
    header.append(f"kept {len(document.text)} of {len(document.raw_text)} characters, "
                  f"{len(passages)} passages, {len(document.dropped)} dropped blocks")
    print("\n".join(header))
    print("-" * 72)
    print(document.text)
    return 0
