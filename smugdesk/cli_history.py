"""`smugdesk history POST.md`: the versions of a post, one printed (--show N), or one made
the post's text again (--restore N, itself recorded as a new version)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from smugdesk.core import history
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.store import PostFile


def add_parser(verbs) -> None:
    parser = verbs.add_parser("history", help="list, show or restore earlier versions of a post")
    parser.add_argument("post", type=Path)
    parser.add_argument("--drafts", metavar="DIR", help="the drafts folder (default: yours)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--show", type=int, metavar="N", help="print version N")
    which.add_argument(
        "--restore", type=int, metavar="N", help="make version N the post's text again"
    )


def run(args: argparse.Namespace) -> int:
    post = args.post.expanduser().absolute()
    if args.drafts:
        history.use_drafts(Path(args.drafts).expanduser())
    history.install()  # a --restore is itself a version
    store = history.store_for(post)
    notice = store.take_notice()
    if notice:
        print(f"smugdesk: {notice}", file=sys.stderr)
    versions = store.versions(post)
    if not versions:
        raise SmugdeskError(f"{post.name} has no versions in the history")
    if args.show is None and args.restore is None:
        for version in versions:
            when = dt.datetime.fromtimestamp(version.time).strftime("%Y-%m-%d %H:%M:%S")
            print(f"{version.id:>6}  {when}  {version.words:>7,} words  {version.describe()}")
        return 0
    number = args.show if args.show is not None else args.restore
    if number not in {version.id for version in versions}:
        raise SmugdeskError(
            f"{post.name} has no version {number} (see 'smugdesk history {args.post}')"
        )
    text = store.text(number)
    if args.show is not None:
        sys.stdout.write(text)
        return 0
    binding, current = PostFile.read(post)
    store.record(post, current, "external")  # the text replaced stays in the history too
    binding.save_text(text, cause="restore")  # refuses if the file changed meanwhile
    history.recorder().flush()
    print(f"restored version {number} into {post}")
    return 0
