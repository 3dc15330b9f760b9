"""Headless publishing verbs: ``account``, ``publish``, ``download``. No Qt."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from smugdesk.core.accounts import (
    KINDS,
    Account,
    find_account,
    load_accounts,
    plain_http_warning,
    put_account,
    save_accounts,
)
from smugdesk.core.credentials import forget_secret, get_secret, keyring_problem, store_secret
from smugdesk.core.errors import SmugdeskError


def add_parsers(verbs) -> None:
    account = verbs.add_parser("account", help="list, add, verify or remove blog accounts")
    account.add_argument("action", choices=("list", "add", "verify", "remove"))
    account.add_argument("name", nargs="?")
    account.add_argument("--kind", choices=KINDS)
    account.add_argument("--url")
    account.add_argument("--user", default="")
    account.add_argument(
        "--password-stdin", action="store_true", help="read the password or token from stdin"
    )

    publish = verbs.add_parser("publish", help="publish a post to a blog and print its URL")
    publish.add_argument("post", type=Path, nargs="?")
    publish.add_argument("--account", metavar="NAME")
    publish.add_argument("--status", choices=("draft", "publish", "scheduled"))
    publish.add_argument("--overwrite", action="store_true", help="replace edits made on the blog")
    publish.add_argument("--recreate", action="store_true", help="create a deleted post anew")
    publish.add_argument("--send-queued", action="store_true", help="send the posts waiting")
    publish.add_argument("--password-stdin", action="store_true")

    download = verbs.add_parser("download", help="bring a blog's posts into the drafts folder")
    download.add_argument("--account", required=True, metavar="NAME")
    download.add_argument("--count", type=int, default=20)
    download.add_argument("--url", help="only the post at this address")
    download.add_argument("--drafts", metavar="DIR")
    download.add_argument("--password-stdin", action="store_true")


def secret_for(account: Account, from_stdin: bool) -> str:
    if from_stdin:
        secret = sys.stdin.readline().rstrip("\n")
        store_secret(account.name, secret)
        return secret
    secret = get_secret(account.name)
    if secret:
        return secret
    if not sys.stdin.isatty():
        why = keyring_problem() or "no password is stored for it"
        raise SmugdeskError(f"no password for “{account.name}”: {why}; pass --password-stdin")
    secret = getpass.getpass(f"Password or token for {account.name}: ")
    store_secret(account.name, secret)
    return secret


def warn_plain_http(url: str) -> None:
    """One line on stderr when the password would cross a network unencrypted."""
    warning = plain_http_warning(url)
    if warning:
        print(f"smugdesk: warning: {warning}", file=sys.stderr)


def run_account(args: argparse.Namespace) -> int:
    from smugdesk.publish.remote import make_publisher

    accounts = load_accounts()
    if args.action == "list":
        for account in accounts:
            print(f"{account.name:20} {account.kind:11} {account.url}  {account.user}")
        return 0
    if not args.name:
        raise SmugdeskError(f"'account {args.action}' needs the account's name")
    if args.action == "add":
        account = Account(args.name, args.kind or "", args.url or "", args.user)
        accounts = put_account(accounts, account)
        warn_plain_http(account.url)
        save_accounts(accounts)
        account = find_account(accounts, args.name)
        secret = secret_for(account, args.password_stdin)
        kept = "in the keyring" if not keyring_problem() else "for this session only"
        print(f"added {account.name}; password kept {kept}")
        return 0 if secret else 1
    account = find_account(accounts, args.name)
    if args.action == "remove":
        save_accounts([a for a in accounts if a.name != account.name])
        forget_secret(account.name)
        print(f"removed {account.name}")
        return 0
    print(make_publisher(account, secret_for(account, args.password_stdin)).verify())
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from smugdesk.publish.queue import PublishQueue

    if args.send_queued:
        queue = PublishQueue()
        failed = 0
        for item in queue.items():
            try:
                url = publish_file(Path(item.path), item.account, item.status or None, args)
                print(f"{item.path}: {url}")
            except SmugdeskError as error:
                print(f"smugdesk: {item.path}: {error}", file=sys.stderr)
                failed += 1
        return 1 if failed else 0
    if not args.post or not args.account:
        raise SmugdeskError("publish needs a post and --account NAME (or --send-queued)")
    print(publish_file(args.post, args.account, args.status, args))
    return 0


def publish_file(path: Path, account_name: str, status: str | None, args) -> str:
    """Publish the saved post at ``path``; returns its URL. No network: it is queued."""
    from smugdesk.core.config import Settings, drafts_dir
    from smugdesk.publish import files
    from smugdesk.publish.publishing import RemoteChangedError
    from smugdesk.publish.queue import PublishQueue
    from smugdesk.publish.remote import OfflineError, RemoteMissingError

    account = find_account(load_accounts(), account_name)
    try:
        outcome = files.publish_file(
            path,
            account,
            secret_for(account, args.password_stdin),
            status=status,
            overwrite=args.overwrite,
            recreate=args.recreate,
            drafts=drafts_dir(None, Settings.load().drafts or None),
            queue=PublishQueue(),
        )
    except OfflineError as error:
        raise SmugdeskError(
            f"{error}; queued: send it with 'smugdesk publish --send-queued'"
        ) from None
    except RemoteChangedError as error:
        raise SmugdeskError(
            f"{error}; nothing was sent. --overwrite replaces the blog's version, "
            f"'smugdesk download --account \"{account.name}\" --url {error.remote.url}' "
            "brings it home to compare"
        ) from None
    except RemoteMissingError as error:
        raise SmugdeskError(f"{error} (--recreate)") from None
    return outcome.remote.url


def run_download(args: argparse.Namespace) -> int:
    from smugdesk.core.config import Settings, drafts_dir
    from smugdesk.publish.download import save_downloads
    from smugdesk.publish.remote import make_publisher

    account = find_account(load_accounts(), args.account)
    publisher = make_publisher(account, secret_for(account, args.password_stdin))
    drafts = drafts_dir(args.drafts, None if args.drafts else Settings.load().drafts or None)
    if args.url:
        found = publisher.by_url(args.url)
        if found is None:
            raise SmugdeskError(f"no post at {args.url} on {account.name}")
        remotes = [found]
    else:
        remotes = publisher.recent(args.count)
    written, existing = save_downloads(remotes, account, drafts)
    for path in written:
        print(path)
    for path in existing:
        print(f"{path} (already here)")
    return 0


def run(args: argparse.Namespace) -> int:
    return {"account": run_account, "publish": run_publish, "download": run_download}[args.verb](
        args
    )
