"""Headless verbs. Nothing here imports Qt, so they run on a server or in a script."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.index import SORTS
from smugdesk.core.library_scan import STATUSES
from smugdesk.verbs import PUBLISH_VERBS

# 'list' and 'search' answer in a fraction of a second: the other verbs' modules (Markdown
# and the renderer, history, accounts, checks: 0.1-0.2 s of imports) load only for them.
LIBRARY_VERBS = ("list", "search")


def _parser(library_only: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smugdesk", description="smugdesk command line")
    verbs = parser.add_subparsers(dest="verb", required=True)
    if library_only:
        _add_library_verbs(verbs)
        return parser
    from smugdesk.cli_check import add_parser as add_check_parser
    from smugdesk.cli_history import add_parser as add_history_parser
    from smugdesk.cli_publish import add_parsers
    from smugdesk.cli_share import add_parser as add_share_parser

    render = verbs.add_parser("render", help="print the HTML body of a post")
    render.add_argument("post", type=Path)

    export = verbs.add_parser("export", help="export a post and print where it went")
    export.add_argument("post", type=Path)
    export.add_argument(
        "--to", required=True, metavar="NAME", help="exporter name (see 'exporters')"
    )
    export.add_argument("--out", required=True, type=Path, metavar="DIR")
    export.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="an exporter option"
    )
    export.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be committed and pushed, change nothing (git sites)",
    )

    verbs.add_parser("exporters", help="list the installed exporters")
    _add_library_verbs(verbs)
    add_parsers(verbs)
    add_history_parser(verbs)
    add_check_parser(verbs)
    add_share_parser(verbs)
    return parser


def _add_library_verbs(verbs) -> None:
    listing = verbs.add_parser("list", help="list the posts in the drafts folder")
    search = verbs.add_parser("search", help="find posts by words in title, tags or text")
    search.add_argument("query")
    for verb in (listing, search):
        verb.add_argument("--drafts", metavar="DIR", help="the drafts folder (default: yours)")
        verb.add_argument("--status", choices=STATUSES)
        verb.add_argument("--tag")
        verb.add_argument("--json", action="store_true", help="machine-readable output")
    listing.add_argument("--sort", choices=sorted(SORTS), default="date")
    search.add_argument("--sort", choices=["relevance", *sorted(SORTS)], default="relevance")


def _options(pairs: list[str]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SmugdeskError(f"--set expects KEY=VALUE, got {pair!r}")
        options[key.strip()] = value
    return options


def run(args: argparse.Namespace) -> int:
    if args.verb in LIBRARY_VERBS:
        return library_verb(args)
    if args.verb == "check":
        from smugdesk import cli_check

        return cli_check.run(args)
    if args.verb == "history":
        from smugdesk import cli_history

        return cli_history.run(args)
    if args.verb == "share":
        from smugdesk import cli_share
        from smugdesk.core import history

        history.install()  # the share recorded in the post becomes a version
        return cli_share.run(args)
    if args.verb in PUBLISH_VERBS:
        from smugdesk import cli_publish
        from smugdesk.core import history

        history.install()  # what a publish writes back into the post becomes a version

        return cli_publish.run(args)
    from smugdesk.core.render import Renderer
    from smugdesk.core.store import load_post

    if args.verb == "render":
        sys.stdout.write(Renderer().render(load_post(args.post).body))
        sys.stdout.write("\n")
        return 0
    # Imported here so 'render' does not pay for plug-in discovery.
    from smugdesk.publish.base import resolve_options
    from smugdesk.publish.registry import registry

    found = registry()
    for problem in found.problems:
        print(f"smugdesk: warning: {problem}", file=sys.stderr)
    if args.verb == "exporters":
        for name, exporter in sorted(found.exporters.items()):
            ready, why = exporter.available()
            state = "" if ready else f"  (unavailable: {why})"
            print(f"{name:12} {exporter.label}{state}")
        return 0
    exporter = found.get(args.to)
    ready, why = exporter.available()
    if not ready:
        raise SmugdeskError(f"{exporter.name} cannot run here: {why}")
    given = _options(args.set)
    if args.dry_run:
        if "dry_run" not in {option.name for option in exporter.options}:
            raise SmugdeskError(f"{exporter.name} has no dry run; it only writes files")
        given["dry_run"] = "yes"
    options = resolve_options(exporter, given)
    post = load_post(args.post)
    result = exporter.export(post, args.out, options, lambda *_: None)
    if options.get("dry_run"):  # the plan is the answer: on stdout, changed nothing
        print("\n".join(result.notes))
        return 0
    print(result.location)
    for note in getattr(result, "notes", None) or ():  # e.g. an image left out, and why
        print(f"smugdesk: {note}", file=sys.stderr)
    return 0


def library_verb(args: argparse.Namespace) -> int:
    from smugdesk.core.config import Settings, drafts_dir
    from smugdesk.core.index import PostIndex

    drafts = drafts_dir(args.drafts, None if args.drafts else Settings.load().drafts or None)
    if not drafts.is_dir():
        raise SmugdeskError(f"the drafts folder {drafts} does not exist")
    index = PostIndex(drafts, search_often=False)  # one question, then the process ends
    try:
        if args.verb == "list":
            from smugdesk.core.library_lines import listing

            kind = "json" if args.json else "text"
            lines = listing(index, kind, args.sort, args.status, args.tag)
        else:
            from smugdesk.core.library_view import entry_json, entry_line

            index.refresh()
            found = index.search(args.query, args.sort, status=args.status, tag=args.tag)
            if args.json:
                # One object a line: json's indent= falls back to its slow pure-Python encoder.
                lines = [json.dumps(entry_json(entry, drafts)) for entry in found]
            else:
                lines = [entry_line(entry, drafts) for entry in found]
    finally:
        index.close()
    if args.json:
        sys.stdout.write("[\n" + ",\n".join(lines) + "\n]\n")
    elif lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(library_only=bool(argv) and argv[0] in LIBRARY_VERBS).parse_args(argv)
    try:
        return run(args)
    except SmugdeskError as error:
        print(f"smugdesk: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
