"""Placeholder: replaced by the real `evaluate` subcommand."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="(not yet available)")
    parser.set_defaults(handler=lambda args: 1)
