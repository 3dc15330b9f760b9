"""Ghost (5.x) through its Admin API, signed in with an integration's Admin API key.

Posts go as HTML (``?source=html``: Ghost turns it into its own editor's cards), tags by
name (Ghost makes missing ones), the summary as ``custom_excerpt``, the featured image as
``feature_image``, images through ``images/upload/``. Statuses are Ghost's draft, published
and scheduled (``published_at`` ahead). No newsletter is ever named in a request, so a
publish never emails a blog's subscribers.

Trust, as for WordPress: the key's secret stays here (each request carries a five-minute
token made from it, ``ghost_key``) and the client is bound to the blog's origin; an update
carries the ``updated_at`` Ghost last showed, so Ghost itself answers 409 when the post was
edited there since (``RemoteChangedError``, the conflict path); a create whose answer is
lost is looked for by slug, title and date before anything creates it again.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import secrets
import time
import urllib.parse
from typing import Any

from smugdesk.core.accounts import Account
from smugdesk.publish import http
from smugdesk.publish.ghost_key import TOKEN_SECONDS, admin_token, parse_key
from smugdesk.publish.ghost_markup import for_ghost
from smugdesk.publish.remote import (
    AuthError,
    Capabilities,
    Media,
    Payload,
    PublishError,
    RefusedError,
    RemotePost,
    lost_create_matches,
)
from smugdesk.publish.terms import term_key

API = "ghost/api/admin/"
ACCEPT_VERSION = "v5.0"
EXCERPT_LIMIT = 300  # Ghost refuses a longer custom_excerpt
SCHEDULE_AHEAD = dt.timedelta(minutes=2)  # Ghost schedules only further ahead than this
# Ghost's words for a post's state ↔ the words ``publishing`` uses (WordPress's).
_TO_GHOST = {"draft": "draft", "publish": "published", "future": "scheduled"}
_FROM_GHOST = {"draft": "draft", "published": "publish", "scheduled": "future", "sent": "publish"}
_ANY = tuple(range(200, 600))
_READ = {"formats": "html", "include": "tags"}  # what every post read asks for
_clock = time.time  # this computer's clock (tests set it wrong)


def ghost_time(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _parse_time(stamp: Any) -> dt.datetime | None:
    if not isinstance(stamp, str) or not stamp:
        return None
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def ghost_message(body: bytes) -> str:
    """What Ghost said: its ``errors[0]`` message with the context that names the field."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return http.server_message(body)
    errors = data.get("errors") if isinstance(data, dict) else None
    first = errors[0] if isinstance(errors, list) and errors else None
    if not isinstance(first, dict):
        return http.server_message(body)
    said = str(first.get("message") or "").strip()
    context = first.get("context")
    if isinstance(context, str) and context.strip() and context.strip() not in said:
        said = f"{said} {context.strip()}".strip()
    return said or http.server_message(body)


def _error_type(body: bytes) -> str:
    try:
        errors = json.loads(body.decode("utf-8-sig")).get("errors")
        return str(errors[0].get("type", "")) if errors else ""
    except (UnicodeDecodeError, ValueError, RecursionError, AttributeError, IndexError):
        return ""


def _tag_names(payload: Payload) -> list[str]:
    """Tags, then categories (Ghost has only tags), each once as Ghost compares names."""
    names: dict[str, str] = {}
    for name in [*payload.tags, *payload.categories]:
        name = str(name).strip()
        if name:
            names.setdefault(term_key(name), name)
    return list(names.values())


def slug_in(url: str) -> str:
    """The last path segment of a post's address: its slug on a Ghost site."""
    segments = [s for s in urllib.parse.urlsplit(url).path.split("/") if s]
    return urllib.parse.unquote(segments[-1]) if segments else ""


def nql_string(value: str) -> str:
    """``value`` as a quoted string in Ghost's filter language (NQL)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class GhostPublisher:
    kind = "ghost"
    label = "Ghost (Admin API)"
    capabilities = Capabilities(
        categories=False,
        pages=False,
        reasons=(("categories", "Ghost has tags only: categories go with the tags"),),
    )
    embed_style = "iframe"  # Ghost leaves a bare video address as text

    def __init__(self, account: Account, secret: str, timeout: float = 30.0) -> None:
        self.account = account
        self.site = account.url.rstrip("/") + "/"
        self.api = self.site + API
        self._key_id, self._secret = parse_key(secret)
        self.timeout = timeout
        # No credentials at construction: each request gets its own token, and the client
        # sends nothing to any origin but the blog's, whatever answers.
        self.client = http.Client(self.site, deadline=timeout)
        self._skew = 0.0  # seconds Ghost's clock is ahead of this computer's
        self._seen: dict[str, str] = {}  # post id → the updated_at Ghost last showed
        self._tags: set[str] | None = None  # the blog's tag names (term_key), once asked
        self.notes: list[str] = []  # what the writer should know, taken by ``publishing``

    # -- plumbing -------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        token = admin_token(self._key_id, self._secret, _clock() + self._skew)
        return {"Authorization": f"Ghost {token}", "Accept-Version": ACCEPT_VERSION}

    def _clock_behind(self, answer: http.Response) -> bool:
        """Ghost refused the token as expired and its Date header shows this computer's
        clock is behind by more than a token's life: tokens follow Ghost's clock from now
        on (they stay five minutes long; the secret still never travels)."""
        if answer.status != 401 or "expired" not in ghost_message(answer.body).lower():
            return False
        try:
            server = email.utils.parsedate_to_datetime(answer.headers.get("date", ""))
        except (TypeError, ValueError):
            return False
        skew = server.timestamp() - _clock()
        if abs(skew - self._skew) < TOKEN_SECONDS / 2:
            return False  # not the clock: asking again would be refused again
        self._skew = skew
        return True

    def call(
        self,
        method: str,
        route: str,
        *,
        params: dict | None = None,
        json_body: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict:
        """One Admin API request; Ghost's refusals become errors that say what it said."""
        url = self.api + route
        for _attempt in range(2):
            answer = self.client.request(
                method,
                url,
                params=params,
                json_body=json_body,
                data=data,
                headers={**self._headers(), **(headers or {})},
                ok=_ANY,
            )
            # A 401 was acted on by nobody: sending again with a token on Ghost's clock is safe.
            if not self._clock_behind(answer):
                break
        if answer.status in (200, 201):
            return http.expect_object(answer.json(), f"Ghost's answer to {method} {route}", url)
        if answer.status == 204:
            return {}
        raise self._failure(answer)

    def _failure(self, answer: http.Response) -> PublishError:
        said = ghost_message(answer.body)
        host = urllib.parse.urlsplit(answer.url).netloc or self.site
        if answer.status == 401 and "expired" in said.lower():
            return AuthError(
                f"{host} refused the Admin API key's token as expired (401): {said}. Is this "
                "computer's clock right?"
            )
        if answer.status == 401:
            return AuthError(
                f"{host} refused the Admin API key (401): {said}. Copy the key again from "
                "Ghost Admin → Settings → Integrations (it changes when regenerated)"
            )
        if answer.status == 403:
            return AuthError(f"{host} says this key may not do that (403): {said}")
        if answer.status == 404:
            return RefusedError(
                f"not found on {host} (404): is this the Ghost site's address? {said}"
            )
        if answer.status == 409:
            return RefusedError(f"{host} refused the change (409): {said}")
        if answer.status >= 500:
            return PublishError(f"{host} had a server error ({answer.status}): {said}")
        return RefusedError(f"{host} refused the request ({answer.status}): {said}")

    def _posts(self, data: dict, what: str) -> list[dict]:
        posts = http.expect_list(data.get("posts"), what)
        for post in posts:
            http.expect_id(post, f"a post in {what}")
        return posts

    def _one(self, data: dict, what: str) -> dict:
        posts = self._posts(data, what)
        if not posts:
            raise PublishError(f"{what} held no post")
        return posts[0]

    # -- the Publisher protocol ------------------------------------------------------------
    def verify(self) -> str:
        site = self.call("GET", "site/").get("site")
        title = site.get("title", "") if isinstance(site, dict) else ""
        # site/ answers anyone: reading the posts is what proves the key.
        self.call("GET", "posts/", params={"limit": 1, "fields": "id"})
        return f"{title or self.site}, signed in with an Admin API key"

    def _body(self, payload: Payload) -> dict:
        status = _TO_GHOST.get(payload.status)
        if status is None:
            raise PublishError(f"Ghost has no status {payload.status!r}")
        body: dict[str, Any] = {
            "title": payload.title,
            # What Ghost's cards cannot keep goes in HTML cards, which it keeps verbatim.
            "html": for_ghost(payload.html),
            "status": status,
        }
        if payload.slug:
            body["slug"] = payload.slug
        if payload.excerpt:
            if len(payload.excerpt) > EXCERPT_LIMIT:
                raise PublishError(
                    f"Ghost takes a summary of at most {EXCERPT_LIMIT} characters; this one has "
                    f"{len(payload.excerpt)}: shorten it and publish again"
                )
            body["custom_excerpt"] = payload.excerpt
        if status == "scheduled":
            self._check_schedule(payload.date)
        if payload.date is not None:
            body["published_at"] = ghost_time(payload.date)
        names = _tag_names(payload)
        body["tags"] = [{"name": name} for name in names]
        self._note_new_tags(names)
        if payload.featured_media:
            body["feature_image"] = payload.featured_media
        return body

    @staticmethod
    def _check_schedule(date: dt.datetime | None) -> None:
        if date is None:
            raise PublishError("a scheduled post needs a date: set the date it should go out")
        if date - dt.datetime.now(dt.UTC) < SCHEDULE_AHEAD:
            raise PublishError(
                f"the post is scheduled for {date.astimezone():%Y-%m-%d %H:%M}, which is not "
                "ahead (Ghost schedules at least two minutes ahead): change its date, or "
                "publish it now"
            )

    def _note_new_tags(self, names: list[str]) -> None:
        """Tags Ghost will make with this publish are named in the outcome's notes."""
        if not names:
            return
        if self._tags is None:
            try:
                listed = self.call("GET", "tags/", params={"limit": "all", "fields": "name"})
            except PublishError:
                return  # only a note: the publish itself does not need it
            tags = listed.get("tags")
            self._tags = {
                term_key(str(tag.get("name", "")))
                for tag in (tags if isinstance(tags, list) else ())
                if isinstance(tag, dict)
            }
        fresh = [name for name in names if term_key(name) not in self._tags]
        if fresh:
            from smugdesk.publish.terms import made_note, remember_made

            made = [("tag", name) for name in fresh]
            self.notes.append(made_note(made))
            remember_made(self.account, made)
            self._tags.update(term_key(name) for name in fresh)

    def _remote(self, data: dict) -> RemotePost:
        tags = data.get("tags")
        post = RemotePost(
            id=http.expect_id(data, "the post Ghost sent"),
            url=str(data.get("url") or ""),
            title=str(data.get("title") or ""),
            html=str(data.get("html") or ""),
            status=_FROM_GHOST.get(str(data.get("status") or ""), str(data.get("status") or "")),
            slug=str(data.get("slug") or ""),
            excerpt=str(data.get("custom_excerpt") or ""),
            date=_parse_time(data.get("published_at")),
            modified=str(data.get("updated_at") or ""),
            tags=[
                str(tag.get("name", ""))
                for tag in (tags if isinstance(tags, list) else ())
                if isinstance(tag, dict) and tag.get("name")
            ],
        )
        if post.modified:
            self._seen[post.id] = post.modified
        return post

    def create(self, payload: Payload) -> RemotePost:
        data = self.call(
            "POST",
            "posts/",
            params={"source": "html", **_READ},
            json_body={"posts": [self._body(payload)]},
        )
        return self._remote(self._one(data, "Ghost's answer to the create"))

    def update(self, remote_id: str, payload: Payload) -> RemotePost:
        """Sends the post with the ``updated_at`` Ghost showed when it was last read (by
        ``get``, which ``publishing`` calls first to compare it with the one recorded): an
        edit made in Ghost since then makes Ghost answer 409, never a silent overwrite."""
        seen = self._seen.get(remote_id)
        if seen is None:
            current = self.get(remote_id)
            if current is None:
                from smugdesk.publish.remote import RemoteMissingError

                raise RemoteMissingError("the post was deleted from the blog")
            seen = current.modified
        body = {**self._body(payload), "updated_at": seen}
        try:
            data = self.call(
                "PUT",
                f"posts/{urllib.parse.quote(remote_id, safe='')}/",
                params={"source": "html", **_READ},
                json_body={"posts": [body]},
            )
        except RefusedError as error:
            if "(409)" not in str(error):
                raise
            raise self._conflict(remote_id, seen) from None
        return self._remote(self._one(data, "Ghost's answer to the update"))

    def _conflict(self, remote_id: str, seen: str) -> PublishError:
        from smugdesk.publish.published_state import Placement
        from smugdesk.publish.publishing import RemoteChangedError

        current = self.get(remote_id)
        if current is None:
            from smugdesk.publish.remote import RemoteMissingError

            return RemoteMissingError("the post was deleted from the blog while publishing")
        return RemoteChangedError(current, Placement(remote_id, current.url, "", seen))

    def get(self, remote_id: str) -> RemotePost | None:
        try:
            data = self.call(
                "GET", f"posts/{urllib.parse.quote(remote_id, safe='')}/", params=_READ
            )
        except RefusedError as error:
            if "(404)" in str(error):
                return None
            raise
        return self._remote(self._one(data, "Ghost's answer about the post"))

    def _browse(self, params: dict) -> list[RemotePost]:
        data = self.call("GET", "posts/", params={**_READ, **params})
        return [self._remote(post) for post in self._posts(data, "Ghost's list of posts")]

    def find(
        self, slug: str, title: str, marker: str = "", date: dt.datetime | None = None
    ) -> RemotePost | None:
        """The post a create whose answer was lost may have made: Ghost keeps no marker of
        ours, so the slug (or the one Ghost made unique from it, ``slug-2``), the exact title
        and the date decide (``lost_create_matches``)."""
        found: list[RemotePost] = []
        if slug:
            found += self._browse({"filter": f"slug:~^{nql_string(slug)}", "limit": 20})
        if title:
            found += self._browse({"filter": f"title:{nql_string(title)}", "limit": 20})
        for post in found:
            if lost_create_matches(post, slug, title, marker, date):
                return post
        return None

    def media_exists(self, media_id: str) -> bool:
        """Whether an image uploaded earlier is still served (a cached upload is reused only
        then). Ghost has no media library to ask: the image's own address is asked, without
        credentials; one on another origin (a storage adapter) cannot be asked and is
        trusted."""
        if http.origin(media_id) != self.client.origin:
            return True
        try:
            self.client.request("GET", media_id, headers={"Accept": "*/*"})
        except RefusedError as error:
            if "(404)" in str(error) or "(410)" in str(error):
                return False
            raise
        return True

    def upload(self, name: str, data: bytes, mime: str) -> Media:
        boundary = "smugdesk-" + secrets.token_hex(12)
        safe = "".join(c if c.isascii() and c not in '"\\\r\n' else "_" for c in name) or "image"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{safe}"\r\n'
            f"Content-Type: {mime}\r\n\r\n".encode(),
            data,
            f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n'
            f"image\r\n--{boundary}--\r\n".encode(),
        ]
        answer = self.call(
            "POST",
            "images/upload/",
            data=b"".join(parts),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        images = http.expect_list(answer.get("images"), "Ghost's answer to the image upload")
        first = http.expect_object(images[0] if images else None, "the uploaded image")
        url = first.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://", "/")):
            raise PublishError(f"Ghost gave no address for the uploaded image {name}")
        url = urllib.parse.urljoin(self.site, url)
        return Media(url, url)

    def recent(self, count: int) -> list[RemotePost]:
        return self._browse({"limit": max(1, min(count, 100)), "order": "updated_at desc"})

    def by_url(self, url: str) -> RemotePost | None:
        """The post at a public address, a draft's preview address (``/p/<uuid>/``) or its
        editor address in Ghost Admin (``…/ghost/#/editor/post/<id>``)."""
        parts = urllib.parse.urlsplit(url)
        fragment = [s for s in parts.fragment.split("/") if s]
        if len(fragment) >= 3 and fragment[-3:-1] == ["editor", "post"]:
            return self.get(fragment[-1])
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) >= 2 and segments[-2] == "p":
            found = self._browse({"filter": f"uuid:{nql_string(segments[-1])}", "limit": 1})
            return found[0] if found else None
        slug = slug_in(url)
        if not slug:
            return None
        try:
            data = self.call(
                "GET", f"posts/slug/{urllib.parse.quote(slug, safe='')}/", params=_READ
            )
        except RefusedError as error:
            if "(404)" in str(error):
                return None
            raise
        return self._remote(self._one(data, "Ghost's answer about the post"))

    def fetch_terms(self):
        """The blog's tags and its staff (as authors); Ghost has no categories."""
        from smugdesk.publish.terms import BlogTerms

        tags = self.call("GET", "tags/", params={"limit": "all", "fields": "name"}).get("tags")
        try:
            users = self.call("GET", "users/", params={"limit": "all", "fields": "name"})
        except PublishError:
            users = {}
        people = users.get("users") if isinstance(users, dict) else None
        return BlogTerms(
            categories=[],
            tags=[str(t["name"]) for t in tags or () if isinstance(t, dict) and t.get("name")],
            authors=[str(u["name"]) for u in people or () if isinstance(u, dict) and u.get("name")],
        )
