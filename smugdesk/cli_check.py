"""``smugdesk check POST.md``: the check before anything goes out, for a script or a site's
build. Exit status 1 when there are errors, 0 otherwise (warnings included)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(verbs) -> None:
    check = verbs.add_parser(
        "check", help="check a post before it goes out (exit 1 when there are errors)"
    )
    check.add_argument("post", type=Path)
    check.add_argument(
        "--to", metavar="KIND", default="", help="where it goes: html, jekyll, hugo, pelican…"
    )
    check.add_argument("--account", metavar="NAME", help="the blog account it goes to")
    check.add_argument("--drafts", metavar="DIR", help="the drafts folder (default: the post's)")
    check.add_argument("--image-size", type=int, default=2048, metavar="PX")
    check.add_argument(
        "--excerpts", action="store_true", help="the target lists posts by their summary"
    )
    check.add_argument("--lang", metavar="LANG", help="check spelling in this language")
    check.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from smugdesk.core.checks import ERROR, Target, check_file, has_errors

    kind, account = args.to, ""
    if args.account:
        from smugdesk.core.accounts import find_account, load_accounts

        found = find_account(load_accounts(), args.account)
        kind, account = found.kind, found.name
    target = Target(kind, account, args.image_size, args.excerpts)
    misspelled = None
    if args.lang:
        from smugdesk.core.config import config_dir
        from smugdesk.core.spelling import Speller

        speller = Speller(args.lang, config_dir() / "words.txt")
        misspelled = lambda word: not speller.is_correct(word)  # noqa: E731
    drafts = Path(args.drafts) if args.drafts else None
    findings = check_file(args.post, target, drafts=drafts, misspelled=misspelled)
    errors = sum(1 for item in findings if item.severity == ERROR)
    if args.json:
        report = {
            "post": str(args.post),
            "errors": errors,
            "warnings": len(findings) - errors,
            "findings": [item.as_json() for item in findings],
        }
        json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for item in findings:
            print(f"{args.post}:{item}")
        if not findings:
            print(f"{args.post}: nothing to report")
    return 1 if has_errors(findings) else 0
