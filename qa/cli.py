"""The `corpus-qa` command: parses arguments, calls the API, renders results.

Each subcommand lives in ``qa/commands/<name>.py`` with ``register(subparsers)``; the
handler it sets takes the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from index.errors import CorpusQAError
from qa.commands import ask, clean, evaluate, index_build, search, serve

logger = logging.getLogger(__name__)

COMMANDS = (clean, index_build, search, ask, evaluate, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus-qa",
        description="Exact, cited answers from a news corpus, or a refusal with the reason.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args))
    except (CorpusQAError, ValueError, FileNotFoundError) as error:
        # Our errors carry the bad value and the fix: one line, no traceback.
        print(f"corpus-qa {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`corpus-qa ask ... | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
