"""Placeholder: replaced by the real `clean` subcommand."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("clean", help="(not yet available)")
    parser.set_defaults(handler=lambda args: 1)
