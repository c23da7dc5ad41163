"""`corpus-qa serve`: build the index if it is missing, then serve the question page.

The page binds to 127.0.0.1 unless ``--host`` says otherwise, and a public Gradio share
link exists only with ``--share``: a corpus may hold pages nobody meant to publish.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
import threading

from qa.commands.common import add_index_arguments, settings_from_args

logger = logging.getLogger(__name__)

# Gradio and huggingface_hub read these at import time; the handler sets them before the
# (lazy) import of the page so a served page makes no outbound calls. An explicit value in
# the environment wins.
OFFLINE_DEFAULTS = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the question page (builds the index first if it is missing)",
        description="Serve the Gradio page: ask a question, see the cited answer or why it was refused.",
    )
    parser.add_argument("--port", type=int, default=None, help="port (default: Gradio's, 7860 or the next free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    parser.add_argument("--share", action="store_true", help="also create a public gradio.live link (off by default)")
    add_index_arguments(parser)
    parser.set_defaults(handler=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    if args.port is not None and not 0 < args.port < 65536:
        raise ValueError(f"--port must be between 1 and 65535, got {args.port}")
    for name, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)
    settings = settings_from_args(args)
    if not _is_loopback(args.host):
        logger.warning("serving on %s: anyone who can reach this machine can use the page", args.host)

    # Imported here: the page pulls in Gradio and the pipeline pulls in the models, both slow
    # to import, and every other subcommand would pay for them at start-up.
    from qa.api import QA
    from ui.app import build_app, launch

    qa = QA.open(settings, progress=True)
    qa.warm_up()  # load spaCy and the reader before the first visitor, not during their question
    # Reading every passage ahead makes later questions about 10x faster (a cold question spends
    # seconds embedding sentences); visitors' questions are answered between chunks meanwhile.
    threading.Thread(target=qa.read_passages, name="read-passages", daemon=True).start()
    app = build_app(qa, settings)
    try:
        # Gradio's own banner suggests passing share to launch(), which means nothing to a CLI
        # user; print where the page is and how to share it in this command's terms instead.
        _, local_url, share_url = launch(
            app, host=args.host, port=args.port, share=args.share, prevent_thread_lock=True, quiet=True
        )
        print(f"corpus-qa serve: the page is at {local_url}", file=sys.stderr)
        if share_url is not None:
            print(f"corpus-qa serve: public link (anyone with it can ask): {share_url}", file=sys.stderr)
        print("corpus-qa serve: press Ctrl+C to stop", file=sys.stderr)
        app.block_thread()
    finally:
        app.close()
    return 0
