"""Entry point: headless verbs go to the CLI without touching Qt; anything else starts the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from smugdesk import __version__
from smugdesk.verbs import VERBS


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smugdesk",
        description="Offline blog editor. Verbs for scripts: "
        + ", ".join(VERBS)
        + " (try 'smugdesk render -h').",
    )
    parser.add_argument("files", nargs="*", type=Path, help="posts to open")
    parser.add_argument(
        "--drafts",
        metavar="DIR",
        help="the drafts folder (default: $SMUGDESK_DRAFTS or ~/Documents/Blog Drafts)",
    )
    parser.add_argument("--version", action="version", version=f"smugdesk {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in VERBS:
        from smugdesk import cli

        return cli.main(argv)
    args = _gui_parser().parse_args(argv)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (containers, CI); only then turn it off.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from smugdesk.ui.application import run_gui

    return run_gui(args)
