"""Bringing posts home from a blog: each remote post becomes a Markdown draft with its remote
id recorded, so it can be edited offline and published back as an update."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from smugdesk.core.accounts import Account
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import Post, serialize_post
from smugdesk.core.store import atomic_write, load_post, unique_path
from smugdesk.publish.published_state import KEY, Placement, now_stamp, placement, with_placement
from smugdesk.publish.remote import RemotePost

_STATUS = {"publish": "published", "published": "published", "future": "scheduled"}


def html_to_markdown(html: str) -> str:
    """A post's HTML as a draft body that loses nothing: published back unedited it gives
    the same HTML, and an edit changes only the part edited (``wp_markup``)."""
    from smugdesk.publish.wp_markup import post_body

    return post_body(html)


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def remote_to_post(remote: RemotePost, account: Account | None) -> Post:
    """The draft for ``remote``; with ``account`` it records where it lives (an update target),
    without it is a plain copy (the server's version of a post edited on both sides)."""
    meta = CommentedMap()
    meta["title"] = remote.title
    if remote.date is not None:
        meta["date"] = remote.date.astimezone().replace(microsecond=0)
    if remote.slug:
        meta["slug"] = remote.slug
    meta["tags"] = _flow(remote.tags)
    meta["categories"] = _flow(remote.categories)
    if remote.excerpt.strip():
        meta["summary"] = re.sub(r"<[^>]+>", "", remote.excerpt).strip()
    meta["status"] = _STATUS.get(remote.status, "draft") if account else "draft"
    if remote.format not in ("", "standard"):
        meta["format"] = remote.format
    post = Post(body=html_to_markdown(remote.html), meta=meta)
    if account is not None:
        place = Placement(remote.id, remote.url, now_stamp(), remote.modified)
        post.set(KEY, with_placement(post, account.name, place))
    return post


def _drafts_with_ids(drafts: Path, account: str) -> dict[str, Path]:
    found = {}
    for path in drafts.rglob("*.md") if drafts.is_dir() else ():
        if any(part.startswith(".") for part in path.relative_to(drafts).parts):
            continue
        try:
            with path.open("rb") as stream:
                if KEY.encode() not in stream.read(8192):
                    continue
            place = placement(load_post(path), account)
        except (OSError, SmugdeskError):
            continue
        if place is not None:
            found[place.id] = path
    return found


def save_downloads(
    remotes: list[RemotePost], account: Account, drafts: Path
) -> tuple[list[Path], list[Path]]:
    """Write each remote post as a draft: (new files, drafts already holding that post).
    A post already downloaded (same account and id) is not written twice."""
    known = _drafts_with_ids(drafts, account.name)
    written, existing = [], []
    drafts.mkdir(parents=True, exist_ok=True)
    for remote in remotes:
        if remote.id in known:
            existing.append(known[remote.id])
            continue
        post = remote_to_post(remote, account)
        path = unique_path(drafts, remote.slug or remote.title or f"post-{remote.id}")
        text = serialize_post(post)
        atomic_write(path, text.encode("utf-8"))
        _record_download(path, text)
        known[remote.id] = path
        written.append(path)
    return written, existing


def save_server_copy(remote: RemotePost, beside: Path) -> Path:
    """The server's version of a post as a new draft next to the local one, to compare."""
    post = remote_to_post(remote, None)
    post.meta["title"] = f"{remote.title} (from the blog)"
    path = unique_path(beside.parent, f"{beside.stem}-from-blog")
    text = serialize_post(post)
    atomic_write(path, text.encode("utf-8"))
    _record_download(path, text)
    return path


def _record_download(path: Path, text: str) -> None:
    """A downloaded post's first version, in its history."""
    from smugdesk.core import history  # brings sqlite3: only once something came home

    history.record(path, text, "download")
