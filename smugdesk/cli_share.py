"""The ``share`` verb: tell followers on Bluesky about a published post, from the command
line (or change or remove that Bluesky post). No Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smugdesk.core.accounts import find_account, load_accounts
from smugdesk.core.errors import SmugdeskError


def add_parser(verbs) -> None:
    share = verbs.add_parser(
        "share",
        help="post a published post's title and link on Bluesky",
        description="The post must be live on a blog (published there). The Bluesky post "
        "is recorded in the post's front matter, so --update and --delete find it again.",
    )
    share.add_argument("post", type=Path)
    share.add_argument(
        "--account", metavar="NAME", help="the Bluesky account (default: the only one)"
    )
    share.add_argument("--text", help="the post's text instead of the title and link")
    share.add_argument("--lang", default="", help="its language if the post names none (en)")
    choice = share.add_mutually_exclusive_group()
    choice.add_argument("--update", action="store_true", help="change the Bluesky post")
    choice.add_argument("--delete", action="store_true", help="remove the Bluesky post")
    share.add_argument(
        "--password-stdin", action="store_true", help="read the app password from stdin"
    )


def run(args: argparse.Namespace) -> int:
    from smugdesk.cli_publish import secret_for
    from smugdesk.core.accounts import share_accounts
    from smugdesk.publish.shares import share_file

    accounts = load_accounts()
    if args.account:
        account = find_account(accounts, args.account)
    else:
        sharing = share_accounts(accounts)
        if len(sharing) != 1:
            known = ", ".join(a.name for a in sharing) or "none yet"
            raise SmugdeskError(
                f"choose the Bluesky account with --account (Bluesky accounts: {known}; add one "
                "with 'smugdesk account add NAME --kind bluesky --url https://bsky.social "
                "--user HANDLE')"
            )
        account = sharing[0]
    secret = secret_for(account, args.password_stdin)
    share = share_file(
        args.post,
        account,
        secret,
        text=args.text,
        update=args.update,
        delete=args.delete,
        lang=args.lang,
    )
    print("deleted" if share is None else share.url or share.uri)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``smugdesk share`` on its own (tests; until the main parser lists it)."""
    parser = argparse.ArgumentParser(prog="smugdesk")
    add_parser(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except SmugdeskError as error:
        print(f"smugdesk: {error}", file=sys.stderr)
        return 1
