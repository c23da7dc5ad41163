"""Placeholder: replaced by the real `index_build` subcommand."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("index", help="(not yet available)")
    parser.set_defaults(handler=lambda args: 1)
