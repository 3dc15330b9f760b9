"""Where a post went: per account, the remote id, URL, time of the last publish, the
server's last-modified stamp then, the status it has there and the slug the blog gave it,
under the post's ``published:`` key. A second publish reads it to update that remote post
instead of making another, and to keep the address the post was first given."""

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
    status: str = ""  # the server's word for it then: publish, draft, future, pending, private
    slug: str = ""  # the slug the blog gave it: later publishes keep the address


@dataclass(frozen=True)
class Where:
    """A place a post is published, as a writer reads it."""

    account: str
    state: str  # "live", "draft" or "scheduled"
    time: str  # when smugdesk last sent it (UTC, ISO 8601), or ""
    url: str


# The server's status → what the writer sees. Private posts are live for those allowed.
_STATE = {"publish": "live", "private": "live", "future": "scheduled"}
_LOCAL_STATE = {"published": "live", "publish": "live", "scheduled": "scheduled"}


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
        str(entry.get("status") or ""),
        str(entry.get("slug") or ""),
    )


def placements(post: Post) -> dict[str, Placement]:
    value = post.meta.get(KEY)
    found = {}
    for name in value if isinstance(value, dict) else ():
        place = placement(post, str(name))
        if place:
            found[str(name)] = place
    return found


def where_published(post: Post) -> list[Where]:
    """Every blog the post is on, live or a draft there. A record without the server's
    status (made before smugdesk kept it) is read from the post's own status, which a
    publish sets to what was sent."""
    own = _LOCAL_STATE.get(str(post.meta.get("status") or "").strip().lower(), "draft")
    found = []
    for name, place in placements(post).items():
        state = _STATE.get(place.status, "draft") if place.status else own
        found.append(Where(name, state, place.time, place.url))
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
        if place.status:
            entry["status"] = place.status
        if place.slug:
            entry["slug"] = place.slug
        mapping[account] = entry
    return mapping


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def live_link(post: Post) -> tuple[str, str]:
    """(blog account, address) of the post where it is live, or ("", "") when it is not live
    anywhere yet: only a published post has a link worth sharing."""
    places = placements(post)
    for where in where_published(post):
        if where.state == "live" and places[where.account].url:
            return where.account, places[where.account].url
    return "", ""
