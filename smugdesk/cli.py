"""Headless verbs. Nothing here imports Qt, so they run on a server or in a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.render import Renderer
from smugdesk.core.store import load_post

VERBS = ("render", "export", "exporters")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smugdesk", description="smugdesk command line")
    verbs = parser.add_subparsers(dest="verb", required=True)

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

    verbs.add_parser("exporters", help="list the installed exporters")
    return parser


def _options(pairs: list[str]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SmugdeskError(f"--set expects KEY=VALUE, got {pair!r}")
        options[key.strip()] = value
    return options


def run(args: argparse.Namespace) -> int:
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
    options = resolve_options(exporter, _options(args.set))
    post = load_post(args.post)
    result = exporter.export(post, args.out, options, lambda *_: None)
    print(result.location)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except SmugdeskError as error:
        print(f"smugdesk: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
