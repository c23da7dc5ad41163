"""Placeholder: replaced by the real `serve` subcommand."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="(not yet available)")
    parser.set_defaults(handler=lambda args: 1)
