"""Where a published post was shared (Bluesky today; Mastodon can follow the same shape), and
each blog's choice to share every time it publishes.

A share is recorded in the post's front matter under ``shared:``, per sharing account, beside
``published:`` (which says where the post itself went), so an update or a delete of the share
finds its record again, on any machine the drafts folder travels to. As with publishing,
nothing here writes the draft: callers apply the returned front-matter values.

Sharing accounts are kept with the blog accounts (``accounts.json``, kind ``bluesky``), but
they are places to announce a post, not blogs to publish it to: ``blog_accounts`` leaves them
out of publish-target lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from smugdesk.core.accounts import (
    Account,
    is_share_account,
)
from smugdesk.core.config import config_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import Post
from smugdesk.core.store import atomic_write
from smugdesk.publish.bluesky import KIND as BLUESKY
from smugdesk.publish.bluesky import Share
from smugdesk.publish.published_state import live_link

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

KEY = "shared"


def verify_account(account: Account, secret: str, timeout: float = 20.0) -> str:
    """Sign in to any account, a blog or a place to share: "<site>, signed in as <user>".
    What the accounts dialogs call, so a Bluesky account is checked like a blog."""
    if account.kind == BLUESKY:
        from smugdesk.publish.bluesky import Bluesky

        return Bluesky(account, secret, timeout).verify()
    from smugdesk.publish.remote import make_publisher

    return make_publisher(account, secret, timeout).verify()


# -- the record in the post --------------------------------------------------------------


def recorded_share(post: Post, account: str) -> Share | None:
    value = post.meta.get(KEY)
    entry = value.get(account) if isinstance(value, dict) else None
    if not isinstance(entry, dict) or not entry.get("uri") or not entry.get("cid"):
        return None
    return Share(
        str(entry["uri"]),
        str(entry["cid"]),
        str(entry.get("link") or ""),
        str(entry.get("created") or ""),
        str(entry.get("url") or ""),
        str(entry.get("time") or ""),
    )


def recorded_shares(post: Post) -> dict[str, Share]:
    value = post.meta.get(KEY)
    found = {}
    for name in value if isinstance(value, dict) else ():
        share = recorded_share(post, str(name))
        if share is not None:
            found[str(name)] = share
    return found


def with_share(post: Post, account: str, share: Share | None) -> CommentedMap:
    """The new ``shared:`` mapping: ``share`` recorded for ``account`` (None forgets it), the
    other accounts' entries as they were."""
    from ruamel.yaml.comments import CommentedMap

    old = post.meta.get(KEY)
    mapping = CommentedMap()
    for name, entry in old.items() if isinstance(old, dict) else ():
        if str(name) != account:
            mapping[name] = entry
    if share is not None:
        entry = CommentedMap()
        entry["uri"] = share.uri
        entry["cid"] = share.cid
        if share.url:
            entry["url"] = share.url
        entry["link"] = share.link
        entry["created"] = share.created
        if share.time:
            entry["time"] = share.time
        mapping[account] = entry
    return mapping


def share_front(post: Post, account: str, share: Share | None) -> dict:
    """The front-matter values to set after a share, an update or a delete."""
    return {KEY: with_share(post, account, share)}


# -- each blog's choice ------------------------------------------------------------------


@dataclass(frozen=True)
class ShareChoice:
    """What a blog does after a publish: which sharing account it offers, and whether it
    shares every time without asking."""

    account: str = ""
    every_time: bool = False


def choices_file() -> Path:
    return config_dir() / "shares.json"


def _read() -> dict:
    try:
        data = json.loads(choices_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def share_choice(blog: str) -> ShareChoice:
    entry = _read().get(blog)
    if not isinstance(entry, dict):
        return ShareChoice()
    account = entry.get("account") if isinstance(entry.get("account"), str) else ""
    return ShareChoice(account, entry.get("every_time") is True and bool(account))


def save_share_choice(blog: str, choice: ShareChoice) -> None:
    data = _read()
    if not choice.account:
        data.pop(blog, None)
    else:
        data[blog] = {"account": choice.account, "every_time": choice.every_time}
    path = choices_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))
    except OSError as error:
        raise SmugdeskError(f"the sharing choice cannot be saved in {path}: {error}") from None


# -- a saved post (the command line) -----------------------------------------------------


def share_file(
    path: Path,
    account: Account,
    secret: str,
    *,
    text: str | None = None,
    update: bool = False,
    delete: bool = False,
    lang: str = "",
) -> Share | None:
    """Share the saved post at ``path`` on ``account`` (or ``update`` / ``delete`` the share
    recorded in it) and record the outcome in the file with an atomic save that refuses if
    the file changed meanwhile. Returns the share (None after a delete)."""
    from smugdesk.core.front_edit import set_values
    from smugdesk.core.post import parse_post
    from smugdesk.core.store import PostFile
    from smugdesk.publish.bluesky import Bluesky, draft_for
    from smugdesk.publish.remote import PublishError

    if not is_share_account(account):
        raise PublishError(f"“{account.name}” is a {account.kind} blog, not a place to share")
    binding, before = PostFile.read(path)
    post = parse_post(before, binding.path)
    recorded = recorded_share(post, account.name)
    bluesky = Bluesky(account, secret)
    if delete:
        if recorded is None:
            raise PublishError(f"{path.name} was not shared on {account.name}: nothing to delete")
        bluesky.delete(recorded)
        result = None
    else:
        _blog, link = live_link(post)
        if not link:
            raise PublishError(
                f"{path.name} is not live on a blog yet: publish it first, then share its link"
            )
        if recorded is not None and not update:
            raise PublishError(
                f"{path.name} is already shared on {account.name} ({recorded.url or recorded.uri})"
                ": --update changes that post, --delete removes it"
            )
        draft = draft_for(post, link, lang)
        if text is not None:
            draft = replace(draft, text=text)
        result = bluesky.update(recorded, draft) if recorded else bluesky.share(draft)
    binding.save_text(set_values(before, share_front(post, account.name, result)).text)
    return result
