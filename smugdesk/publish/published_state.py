"""Where a post went: per account, the remote id, URL, time of the last publish and the
server's last-modified stamp then, under the post's ``published:`` key. A second publish
reads it to update that remote post instead of making another."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smugdesk.core.post import Post

if TYPE_CHECKING:  # ruamel.yaml is imported where a mapping is made
    from ruamel.yaml.comments import CommentedMap

KEY = "published"


@dataclass(frozen=True)
class Placement:
    id: str
    url: str
    time: str = ""  # when smugdesk published it (UTC, ISO 8601)
    modified: str = ""  # the server's last-modified stamp right after that publish


def placement(post: Post, account: str) -> Placement | None:
    value = post.meta.get(KEY)
    entry = value.get(account) if isinstance(value, dict) else None
    if not isinstance(entry, dict) or not entry.get("id"):
        return None
    return Placement(
        str(entry["id"]),
        str(entry.get("url") or ""),
        str(entry.get("time") or ""),
        str(entry.get("modified") or ""),
    )


def placements(post: Post) -> dict[str, Placement]:
    value = post.meta.get(KEY)
    found = {}
    for name in value if isinstance(value, dict) else ():
        place = placement(post, str(name))
        if place:
            found[str(name)] = place
    return found


def with_placement(post: Post, account: str, place: Placement | None) -> CommentedMap:
    """The new ``published:`` mapping: ``place`` recorded for ``account`` (None forgets it),
    the other accounts' entries as they were."""
    from ruamel.yaml.comments import CommentedMap

    old = post.meta.get(KEY)
    mapping = CommentedMap()
    for name, entry in old.items() if isinstance(old, dict) else ():
        if str(name) != account:
            mapping[name] = entry
    if place is not None:
        entry = CommentedMap()
        entry["id"] = place.id
        entry["url"] = place.url
        entry["time"] = place.time or now_stamp()
        if place.modified:
            entry["modified"] = place.modified
        mapping[account] = entry
    return mapping


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
