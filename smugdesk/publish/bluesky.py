"""Telling followers on Bluesky about a published post: a post (at most 300 characters) with
the title and the link, a link card (title, description, a small thumbnail uploaded as a
blob) and a language tag, made with ``createRecord``; later changed with ``putRecord`` or
removed with ``deleteRecord``, both guarded by ``swapRecord`` so a post edited elsewhere is
never overwritten.

Signing in uses the account's handle and an app password (kept in the keyring by the
caller, through ``core.credentials``). The session's tokens live only in this object's
memory, in the headers of an HTTP client bound to the account's own server (``publish.http``):
they are never written to a file or a log, and never sent to another origin, not even the one
the account's DID document names. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from smugdesk.core.accounts import Account
from smugdesk.core.markdown_source import rewrite_targets
from smugdesk.core.post import Post
from smugdesk.publish.bluesky_text import compose, facets, graphemes, too_long
from smugdesk.publish.http import Client, Response, server_message
from smugdesk.publish.image_prep import ImagePrepError, ImageSettings, prepare
from smugdesk.publish.published_state import now_stamp
from smugdesk.publish.remote import AuthError, PublishError, RefusedError
from smugdesk.publish.site import local_image

KIND = "bluesky"
LABEL = "Bluesky"
DEFAULT_SERVICE = "https://bsky.social"
POSTS = "app.bsky.feed.post"
THUMB_MAX_BYTES = 1_000_000  # the link card's thumbnail limit in the record format
THUMB_SIDES = (1000, 640, 320)  # tried in turn until the thumbnail is small enough
DESCRIPTION_GRAPHEMES = 300
EXCERPT_KEYS = ("summary", "excerpt", "description")
IMAGE_KEYS = ("image", "featured_image", "cover")
LANG_KEYS = ("lang", "language", "langs")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_APP_PASSWORD = re.compile(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}")


class ShareChangedError(RefusedError):
    """The Bluesky post was changed elsewhere since smugdesk sent it: nothing was overwritten."""


class ShareMissingError(RefusedError):
    """The Bluesky post recorded for this share is gone (deleted in an app)."""


@dataclass(frozen=True)
class LinkCard:
    """What the post's link card shows."""

    uri: str
    title: str
    description: str = ""
    thumb: Path | None = None  # a local image of the post's own, made small before upload


@dataclass(frozen=True)
class ShareDraft:
    """A Bluesky post before it is sent: the writer may edit ``text``."""

    text: str
    card: LinkCard
    langs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Share:
    """A Bluesky post smugdesk made, as recorded with the blog post."""

    uri: str  # at://did/app.bsky.feed.post/rkey
    cid: str  # the version smugdesk last wrote: the swap check for an update or a delete
    link: str  # the blog post's address it shares
    created: str  # the record's createdAt, kept through updates
    url: str = ""  # where a person sees it (bsky.app)
    time: str = ""  # when smugdesk last sent it


def record_key(uri: str) -> str:
    """The rkey of an ``at://`` record address ("" when it is not one of our posts)."""
    parts = uri.removeprefix("at://").split("/")
    return parts[2] if len(parts) == 3 and parts[1] == POSTS and parts[2] else ""


def web_url(handle: str, uri: str) -> str:
    key = record_key(uri)
    return f"https://bsky.app/profile/{handle}/post/{key}" if key and handle else ""


def now_iso() -> str:
    """createdAt as Bluesky's apps write it: UTC, milliseconds, a Z."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def looks_like_app_password(secret: str) -> bool:
    """Bluesky's app passwords read "xxxx-xxxx-xxxx-xxxx"; an account's own password gives
    full control of the account and should not be stored in another program."""
    return bool(_APP_PASSWORD.fullmatch(secret.strip()))


_HANDLE = re.compile(r"@?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61})")


def handle_in(text: str) -> str:
    """The Bluesky handle a writer typed where a blog's address goes ("@ann.bsky.social",
    "ann.bsky.social"), or "": an "@" in front, or a bsky.social name, says it is one."""
    text = text.strip().lower()
    match = _HANDLE.fullmatch(text)
    if match is None or not (text.startswith("@") or text.endswith(".bsky.social")):
        return ""
    return match.group(1)


def service_of(account: Account) -> str:
    return (account.url or DEFAULT_SERVICE).rstrip("/")


def handle_of(account: Account) -> str:
    return account.user.strip().removeprefix("@")


# -- the draft ---------------------------------------------------------------------------


class _Text(HTMLParser):
    """The text of a rendered post's paragraphs and list items, as one line: what a link
    card's description is made of (headings, code, figures and embeds left out)."""

    _SKIP = frozenset(("script", "style", "pre", "figure", "div", "iframe", "table"))
    _TEXT = frozenset(("p", "li"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.text = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._TEXT:
            self.text += 1
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._TEXT:
            self.text = max(0, self.text - 1)

    def handle_data(self, data: str) -> None:
        if self.text and not self.skip:
            self.parts.append(data)


def _first_text(post: Post, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = post.meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    parts = graphemes(text)
    if len(parts) <= limit:
        return text
    cut = "".join(parts[: limit - 1])
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.;:") + "…"


def description_of(post: Post) -> str:
    """The card's description: the post's summary, or the start of its text."""
    chosen = _first_text(post, EXCERPT_KEYS)
    if not chosen:
        from smugdesk.core.render import Renderer

        reader = _Text()
        reader.feed(Renderer(embeds="placeholder").render(post.body))
        chosen = html.unescape("".join(reader.parts))
    return _shorten(chosen, DESCRIPTION_GRAPHEMES)


def thumbnail_of(post: Post) -> Path | None:
    """The post's featured image, else its first image of its own (never a file outside the
    post's folder: ``local_image`` checks), or None."""
    base = post.path.parent if post.path else Path.cwd()
    names = [_first_text(post, IMAGE_KEYS)]
    rewrite_targets(post.body, lambda target, is_image: names.append(target) if is_image else None)
    for name in names:
        path = local_image(name, base) if name else None
        if path is not None:
            return path
    return None


def langs_of(post: Post, fallback: str = "") -> tuple[str, ...]:
    """The post's language tags (front matter ``lang``), else ``fallback`` (the writer's
    language); at most three, as Bluesky takes them."""
    found: list[str] = []
    for key in LANG_KEYS:
        value = post.meta.get(key)
        items = value if isinstance(value, list) else [value] if value else []
        found += [str(item).strip().replace("_", "-") for item in items]
        if found:
            break
    if not found and fallback:
        found = [fallback.replace("_", "-")]
    good = [item for item in found if _LANG.fullmatch(item)]
    return tuple(dict.fromkeys(good))[:3]


def draft_for(post: Post, link: str, fallback_lang: str = "") -> ShareDraft:
    """The suggested share of ``post`` published at ``link``."""
    card = LinkCard(link, post.title or link, description_of(post), thumbnail_of(post))
    return ShareDraft(compose(post.title, link, post.tags), card, langs_of(post, fallback_lang))


def thumbnail_bytes(path: Path) -> tuple[bytes, str]:
    """The card's thumbnail: made small by the image pipeline (upright, no metadata, no GPS
    position) until it fits Bluesky's limit."""
    for side in THUMB_SIDES:
        made = prepare(path, ImageSettings(side, 80))
        if len(made.data) <= THUMB_MAX_BYTES:
            return made.data, made.mime
    raise ImagePrepError(f"{path.name} cannot be made small enough for a link card")


# -- the account -------------------------------------------------------------------------


@dataclass
class _Session:
    did: str
    handle: str
    client: Client = field(repr=False)  # carries the access token in its headers, nowhere else


class Bluesky:
    """One Bluesky account: ``share``, ``update`` and ``delete`` posts about blog posts."""

    def __init__(self, account: Account, app_password: str, timeout: float = 30.0) -> None:
        self.account = account
        self.service = service_of(account)
        self._password = app_password
        self._timeout = timeout
        self._session: _Session | None = None
        self.notes: list[str] = []

    def __repr__(self) -> str:
        return f"Bluesky({self.account.name!r}, {self.service!r})"

    # -- talking -------------------------------------------------------------------------
    def _url(self, method: str) -> str:
        return f"{self.service}/xrpc/{method}"

    def sign_in(self) -> str:
        """Signs in with the app password; returns "signed in as @handle"."""
        client = Client(self.service, deadline=self._timeout)
        identifier = handle_of(self.account)
        if not identifier:
            raise PublishError(f"the account {self.account.name} names no Bluesky handle")
        answer = client.request(
            "POST",
            self._url("com.atproto.server.createSession"),
            json_body={"identifier": identifier, "password": self._password},
            ok=(200, 400, 401),
        )
        if answer.status != 200:
            said = server_message(answer.body)
            raise AuthError(
                f"Bluesky at {self.service} refused the handle {identifier} or its app "
                f"password ({said}); make an app password under Settings → Privacy and "
                "security → App passwords, and type it here"
            )
        data = answer.json_object("Bluesky's sign-in answer")
        token, did = data.get("accessJwt"), data.get("did")
        if not isinstance(token, str) or not token or not isinstance(did, str):
            raise PublishError(f"{self.service} answered the sign-in without a session")
        handle = data.get("handle") if isinstance(data.get("handle"), str) else identifier
        authed = Client(self.service, {"Authorization": f"Bearer {token}"}, deadline=self._timeout)
        self._session = _Session(did, handle, authed)
        return f"signed in as @{handle}"

    def verify(self) -> str:
        """Signs in, as a blog's publisher does when an account is added or checked."""
        return f"{LABEL} at {self.service}, " + self.sign_in()

    def _signed_in(self) -> _Session:
        if self._session is None:
            self.sign_in()
        assert self._session is not None
        return self._session

    def _call(self, method: str, *, verb: str = "POST", **kwargs: Any) -> dict:
        """One XRPC call with the session (each share, update or delete signs in anew, so a
        session never outlives the action); Bluesky's error names become errors a writer can
        act on."""
        session = self._signed_in()
        answer = session.client.request(verb, self._url(method), ok=(200, 400, 401), **kwargs)
        if answer.status == 200:
            return answer.json_object(f"Bluesky's answer to {method}")
        raise self._failure(method, answer, _error_name(answer))

    def _failure(self, method: str, answer: Response, name: str) -> PublishError:
        said = server_message(answer.body)
        if name == "InvalidSwap":
            return ShareChangedError(
                "the post on Bluesky was changed since smugdesk sent it (in an app, or by "
                "another device): nothing was overwritten; change or delete it on Bluesky"
            )
        if name == "RecordNotFound" or "could not locate record" in said.lower():
            return ShareMissingError("the post on Bluesky is gone (deleted there?)")
        if answer.status == 401:
            return AuthError(f"Bluesky at {self.service} refused the session ({said})")
        return RefusedError(f"Bluesky refused {method} ({name or answer.status}): {said}")

    # -- what a writer does --------------------------------------------------------------
    def _record(self, draft: ShareDraft, created: str) -> dict:
        problem = too_long(draft.text)
        if problem:
            raise RefusedError(problem)
        if not draft.text.strip():
            raise RefusedError("the post is empty")
        external: dict[str, Any] = {
            "uri": draft.card.uri,
            "title": draft.card.title,
            "description": draft.card.description,
        }
        if draft.card.thumb is not None:
            try:
                data, mime = thumbnail_bytes(draft.card.thumb)
            except ImagePrepError as error:
                self.notes.append(f"the link card has no picture: {error}")
            else:
                external["thumb"] = self._upload(data, mime)
        record: dict[str, Any] = {"$type": POSTS, "text": draft.text, "createdAt": created}
        found = facets(draft.text)
        if found:
            record["facets"] = found
        if draft.langs:
            record["langs"] = list(draft.langs)
        record["embed"] = {"$type": "app.bsky.embed.external", "external": external}
        return record

    def _upload(self, data: bytes, mime: str) -> dict:
        answer = self._call(
            "com.atproto.repo.uploadBlob", data=data, headers={"Content-Type": mime}
        )
        blob = answer.get("blob")
        if not isinstance(blob, dict):
            raise PublishError(f"{self.service} answered the upload without a blob")
        return blob

    def _made(self, answer: dict, link: str, created: str) -> Share:
        uri, cid = answer.get("uri"), answer.get("cid")
        if not isinstance(uri, str) or not isinstance(cid, str) or not record_key(uri):
            raise PublishError(f"{self.service} answered without the new post's address")
        handle = self._signed_in().handle
        return Share(uri, cid, link, created, web_url(handle, uri), now_stamp())

    def share(self, draft: ShareDraft) -> Share:
        """Make the Bluesky post."""
        session = self._signed_in()
        created = now_iso()
        record = self._record(draft, created)
        answer = self._call(
            "com.atproto.repo.createRecord",
            json_body={"repo": session.did, "collection": POSTS, "record": record},
        )
        return self._made(answer, draft.card.uri, created)

    def _own(self, share: Share) -> str:
        """The record key of ``share``, which must be this account's own post."""
        session = self._signed_in()
        key = record_key(share.uri)
        owner = share.uri.removeprefix("at://").split("/")[0]
        if not key or owner != session.did:
            raise RefusedError(
                f"the recorded Bluesky post ({share.uri}) is not one of @{session.handle}'s"
            )
        return key

    def update(self, share: Share, draft: ShareDraft) -> Share:
        """Replace the post's text and card, only if it is still the version smugdesk sent."""
        key = self._own(share)
        record = self._record(draft, share.created or now_iso())
        answer = self._call(
            "com.atproto.repo.putRecord",
            json_body={
                "repo": self._signed_in().did,
                "collection": POSTS,
                "rkey": key,
                "record": record,
                "swapRecord": share.cid,
            },
        )
        return self._made(answer, draft.card.uri, share.created)

    def delete(self, share: Share) -> None:
        """Remove the post, only if it is still the version smugdesk sent."""
        key = self._own(share)
        self._call(
            "com.atproto.repo.deleteRecord",
            json_body={
                "repo": self._signed_in().did,
                "collection": POSTS,
                "rkey": key,
                "swapRecord": share.cid,
            },
        )

    def current(self, share: Share) -> dict | None:
        """The post as Bluesky has it now (``{"uri", "cid", "value"}``), or None if gone."""
        key = self._own(share)
        try:
            return self._call(
                "com.atproto.repo.getRecord",
                verb="GET",
                params={"repo": self._signed_in().did, "collection": POSTS, "rkey": key},
            )
        except ShareMissingError:
            return None


def _error_name(answer: Response) -> str:
    try:
        data = answer.json()
    except PublishError:
        return ""
    name = data.get("error") if isinstance(data, dict) else None
    return name if isinstance(name, str) else ""


@dataclass(frozen=True)
class HandleFound:
    """A Bluesky handle typed in Add Blog, answering as a discovered blog does (``kinds``,
    ``best``, ``api_address``, ``account``, ``summary``), so the dialog adds a Bluesky
    account the way it adds a blog. Nothing is fetched: the account's server is bsky.social
    (an account on its own server is added by hand with that server's address)."""

    handle: str
    address: str = DEFAULT_SERVICE
    title: str = ""
    notes: tuple[str, ...] = ()
    authorization_endpoint: str = ""
    token_endpoint: str = ""

    def kinds(self) -> list[str]:
        return [KIND]

    def best(self) -> str:
        return KIND

    def api_address(self, kind: str) -> str:
        return self.address if kind == KIND else ""

    def account(self, name: str, kind: str, user: str = "") -> Account:
        return Account(name or self.title, KIND, self.address, user or self.handle)

    def summary(self) -> str:
        return (
            f"@{self.handle} is a Bluesky handle: smugdesk can share your published posts "
            "there. Sign in with an app password (in Bluesky: Settings → Privacy and security "
            "→ App passwords), never your account's own password."
        )


def found_for(typed: str) -> HandleFound | None:
    """What Add Blog found when the writer typed a Bluesky handle, else None."""
    handle = handle_in(typed)
    return HandleFound(handle, title=f"Bluesky @{handle}") if handle else None
