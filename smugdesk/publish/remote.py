"""What a publisher (an exporter that talks to a blog's server) is, what it sends and gets
back, and the errors a person can act on. WordPress REST, MetaWeblog and Micropub implement
``Publisher``; ``publishing`` drives any of them."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from smugdesk.core.accounts import Account
from smugdesk.publish.base import ExportError

GROUP = "smugdesk.publishers"
STATUSES = ("draft", "publish", "future")


class PublishError(ExportError):
    """A publish failed; the draft is unchanged and the message says what to do."""


class AuthError(PublishError):
    """401: the server refused the user name or password."""


class RefusedError(PublishError):
    """The server answered and refused (a 4xx, an XML-RPC fault): nothing was made."""


class AnswerLostError(PublishError):
    """The connection dropped after the request went out: the server may have acted on it."""


class OfflineError(PublishError):
    """The network or the site cannot be reached at all: the post can wait in the queue."""


class PublishTimeoutError(PublishError):
    """The server took too long; what it did is unknown until asked."""


class RemoteMissingError(PublishError):
    """The post recorded for this account is gone from the server (deleted or trashed)."""


class CancelledError(PublishError):
    """The writer cancelled; what was already sent is recorded."""


@dataclass(frozen=True)
class Capabilities:
    tags: bool = True
    categories: bool = True
    excerpt: bool = True
    slug: bool = True
    scheduled: bool = True
    featured_image: bool = True
    pages: bool = False
    reasons: tuple[tuple[str, str], ...] = ()  # (field, why) where the general words mislead

    def missing(self) -> dict[str, str]:
        """Field → why it is absent, for the form and the publish dialog."""
        why = dict(self.reasons)
        return {
            name: why.get(name, "this blog does not accept it")
            for name, ok in vars(self).items()
            if ok is False
        }


@dataclass
class Payload:
    """A post as a server takes it."""

    title: str
    html: str
    status: str = "draft"  # one of STATUSES
    slug: str = ""
    excerpt: str = ""
    date: dt.datetime | None = None  # aware
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    featured_media: str = ""  # a remote media id (WordPress)
    format: str = ""  # WordPress's post format (aside, link, quote…); "" leaves the blog's
    marker: str = ""  # made by smugdesk for one create: finds it if the answer is lost


@dataclass
class RemotePost:
    id: str
    url: str
    title: str = ""
    html: str = ""
    status: str = ""
    slug: str = ""
    excerpt: str = ""
    date: dt.datetime | None = None
    modified: str = ""  # the server's last-modified stamp, compared as text
    format: str = ""  # WordPress's post format; "" or "standard" for a plain post
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    marker: str = ""  # the create's marker, where the server keeps one


def _stamp(post: RemotePost) -> dt.datetime | None:
    """When the server says the post was dated, or else last modified."""
    if post.date is not None:
        return post.date
    text = post.modified.replace("-", "").replace(":", "").rstrip("Z")
    try:
        return dt.datetime.strptime(text[:15], "%Y%m%dT%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def lost_create_matches(
    post: RemotePost,
    slug: str,
    title: str,
    marker: str = "",
    date: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Whether ``post`` can be the one a create whose answer was lost made, and not an older
    post of the same name (adopting that would let the next publish overwrite it): its marker
    if it carries one; else the exact title, the slug (or the one the blog made unique from
    it, ``slug-2``), and the date sent — or, without one, made in the last day."""
    if post.marker:
        return bool(marker) and post.marker == marker
    if html.unescape(post.title) != html.unescape(title):
        return False
    if slug and not re.fullmatch(re.escape(slug) + r"(-\d+)?", post.slug):
        return False
    when = _stamp(post)
    if when is None:
        return True  # the blog keeps no date to tell by
    if date is not None and post.date is not None:
        return abs(post.date - date) <= dt.timedelta(minutes=2)
    return abs((now or dt.datetime.now(dt.UTC)) - when) <= dt.timedelta(days=1)


@dataclass(frozen=True)
class Media:
    id: str
    url: str


class Publisher(Protocol):
    kind: str
    label: str
    capabilities: Capabilities
    embed_style: str  # "url": a video URL alone on its line (oEmbed); "iframe"

    def verify(self) -> str:
        """Signs in; returns "<site name>, signed in as <user>"."""
        ...

    def create(self, payload: Payload) -> RemotePost: ...

    def update(self, remote_id: str, payload: Payload) -> RemotePost: ...

    def get(self, remote_id: str) -> RemotePost | None:
        """The post as the server has it now, or None if it is gone."""
        ...

    def find(self, slug: str, title: str) -> RemotePost | None:
        """A post with this slug (or title), to learn whether a create that timed out
        happened after all."""
        ...

    def upload(self, name: str, data: bytes, mime: str) -> Media: ...

    def recent(self, count: int) -> list[RemotePost]: ...

    def by_url(self, url: str) -> RemotePost | None: ...


PublisherFactory = Callable[[Account, str, float], Publisher]


@cache
def publisher_kinds() -> dict[str, PublisherFactory]:
    """Kind → factory(account, secret, timeout), from the ``smugdesk.publishers`` group; a
    plug-in that cannot load is skipped and reported (``plugins.problems()``)."""
    from smugdesk.publish.plugins import load_group

    return {item.name: item.obj for item in load_group(GROUP, "publisher")[0]}


# Capability → the post-details field it governs (the rest have no field in the form).
FORM_FIELDS = {"tags": "tags", "categories": "categories", "excerpt": "summary", "slug": "slug"}


def absent_form_fields(kind: str) -> tuple[str, dict[str, str]]:
    """The label of a kind of blog, and the form fields it does not take (field → why)."""
    factory = publisher_kinds().get(kind)
    if factory is None:
        return kind, {}
    caps: Capabilities | None = getattr(factory, "capabilities", None)
    missing = caps.missing() if caps else {}
    absent = {FORM_FIELDS[name]: why for name, why in missing.items() if name in FORM_FIELDS}
    return getattr(factory, "label", kind), absent


def make_publisher(account: Account, secret: str, timeout: float = 30.0) -> Publisher:
    factory = publisher_kinds().get(account.kind)
    if factory is None:
        raise PublishError(f"no publisher for {account.kind} blogs is installed")
    return factory(account, secret, timeout)


def guess_mime(path: Path) -> str:
    import mimetypes

    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"
