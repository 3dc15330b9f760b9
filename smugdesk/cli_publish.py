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

    publish = verbs.add_parser(
        "publish",
        help="publish a post to a blog and print its URL",
        description="Without --status a post goes out as it is marked: a draft stays a "
        "draft on the blog, a published post is published (scheduled if its date is ahead).",
    )
    publish.add_argument("post", type=Path, nargs="?")
    publish.add_argument("--account", metavar="NAME")
    publish.add_argument(
        "--status",
        choices=("draft", "publish", "scheduled"),
        help="send it as this instead of the post's own status",
    )
    publish.add_argument("--overwrite", action="store_true", help="replace edits made on the blog")
    publish.add_argument("--recreate", action="store_true", help="create a deleted post anew")
    publish.add_argument("--send-queued", action="store_true", help="send the posts waiting")
    publish.add_argument("--password-stdin", action="store_true")

    download = verbs.add_parser("download", help="bring a blog's posts into the drafts folder")
    download.add_argument("--account", required=True, metavar="NAME")
    download.add_argument("--count", type=int, default=20)
    download.add_argument("--url", help="only the post at this address")
    download.add_argument("--drafts", metavar="DIR")
    download.add_argument(
        "--as-copy",
        action="store_true",
        help="with --url: bring the blog's version next to the draft and show what differs",
    )
    download.add_argument(
        "--refresh",
        action="store_true",
        help="with --url: replace the draft with the blog's version (the old one goes to "
        "the trash)",
    )
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
    from smugdesk.publish.shares import verify_account

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
    print(verify_account(account, secret_for(account, args.password_stdin)))
    return 0


def run_publish(args: argparse.Namespace) -> int:
    if args.send_queued:
        return send_queued(args)
    if not args.post or not args.account:
        raise SmugdeskError("publish needs a post and --account NAME (or --send-queued)")
    print(publish_file(args.post, args.account, args.status, args))
    return 0


def send_queued(args: argparse.Namespace) -> int:
    """Send every waiting post. One whose account was removed, or whose file is gone, can
    never be sent: it leaves the queue with a message instead of failing for ever."""
    from smugdesk.publish.queue import PublishQueue

    queue = PublishQueue()
    known = {account.name for account in load_accounts()}
    failed = 0
    for item in queue.items():
        gone = (
            f"the account “{item.account}” was removed"
            if item.account not in known
            else "the file is not there any more"
            if not Path(item.path).is_file()
            else ""
        )
        if gone:
            queue.remove(Path(item.path), item.account)
            print(f"smugdesk: {item.path}: dropped from the queue: {gone}", file=sys.stderr)
            continue
        try:
            url = publish_file(Path(item.path), item.account, item.status or None, args)
            print(f"{item.path}: {url}")
        except SmugdeskError as error:
            print(f"smugdesk: {item.path}: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _refuse_past_schedule(path: Path, account: Account, status: str | None) -> None:
    """A blog asked to schedule a post for a moment already past publishes it at once."""
    from smugdesk.core.store import load_post
    from smugdesk.publish.intent import schedule_problem
    from smugdesk.publish.published_state import placement
    from smugdesk.publish.publishing import asked_status

    post = load_post(path)
    problem = schedule_problem(post, asked_status(post, status))
    recorded = placement(post, account.name)
    if problem and not (recorded is not None and recorded.status == "publish"):
        raise SmugdeskError(
            f"not sent: {path.name} is to be scheduled, but {problem}; give it a later date, "
            "or --status publish to publish it now, or --status draft"
        )


def publish_file(path: Path, account_name: str, status: str | None, args) -> str:
    """Publish the saved post at ``path``; returns its URL. No network: it is queued."""
    from smugdesk.core.config import Settings, drafts_dir
    from smugdesk.publish import files
    from smugdesk.publish.publishing import RemoteChangedError
    from smugdesk.publish.queue import PublishQueue
    from smugdesk.publish.remote import OfflineError, RemoteMissingError

    account = find_account(load_accounts(), account_name)
    if not args.overwrite and not args.recreate:
        _refuse_past_schedule(path, account, status)
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
        download = f'smugdesk download --account "{account.name}" --url {error.remote.url}'
        raise SmugdeskError(
            f"{error}; nothing was sent. '{download} --as-copy' brings the blog's version "
            "next to the draft and shows what differs; then publish again with --overwrite "
            f"to replace it, or keep the blog's with '{download} --refresh'"
        ) from None
    except RemoteMissingError as error:
        raise SmugdeskError(f"{error} (--recreate)") from None
    for note in outcome.notes:  # categories not kept, a lost create found, images sent again
        print(f"smugdesk: note: {note}", file=sys.stderr)
    return outcome.remote.url


def run_download(args: argparse.Namespace) -> int:
    from smugdesk.core.config import Settings, drafts_dir
    from smugdesk.publish.download import save_downloads
    from smugdesk.publish.remote import make_publisher

    if (args.as_copy or args.refresh) and not args.url:
        raise SmugdeskError("--as-copy and --refresh need --url: the address of one post")
    if args.as_copy and args.refresh:
        raise SmugdeskError("choose one: --as-copy (compare) or --refresh (take the blog's)")
    account = find_account(load_accounts(), args.account)
    publisher = make_publisher(account, secret_for(account, args.password_stdin))
    drafts = drafts_dir(args.drafts, None if args.drafts else Settings.load().drafts or None)
    if args.url:
        found = publisher.by_url(args.url)
        if found is None:
            raise SmugdeskError(f"no post at {args.url} on {account.name}")
        if args.as_copy or args.refresh:
            return _one_home(found, account, drafts, args)
        remotes = [found]
    else:
        remotes = publisher.recent(args.count)
    written, existing = save_downloads(remotes, account, drafts)
    for path in written:
        print(path)
    for path in existing:
        if args.url:
            print(
                f"{path} already holds this post: --as-copy brings the blog's version next "
                "to it to compare, --refresh replaces it with the blog's version"
            )
        else:
            print(f"{path} (already here)")
    return 0


def _one_home(remote, account: Account, drafts: Path, args: argparse.Namespace) -> int:
    from smugdesk.publish.bring_home import body_diff, copy_beside, local_draft, refresh_draft

    draft = local_draft(drafts, account, remote)
    if args.refresh:
        if draft is None:
            raise SmugdeskError(
                f"no draft holds {args.url} yet: download it without --refresh to bring it home"
            )
        old = refresh_draft(draft, remote, account, drafts)
        print(f"{draft}: now the blog's version; your previous text is in the trash ({old.name})")
        return 0
    copy = copy_beside(remote, draft, drafts)
    print(copy)
    if draft is not None:
        diff = body_diff(draft, copy)
        print(diff or "(the text is the same; only the front matter differs)")
    return 0


def run(args: argparse.Namespace) -> int:
    return {"account": run_account, "publish": run_publish, "download": run_download}[args.verb](
        args
    )
