"""Placeholder: replaced by the real `ask` subcommand."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ask", help="(not yet available)")
    parser.set_defaults(handler=lambda args: 1)
