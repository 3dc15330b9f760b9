"""Micropub (W3C): create and update an h-entry with a bearer token; images go to the
server's media endpoint. The post's URL is its id.

What real servers do that this is written for (django-indieweb, Indiekit, micro.blog):
- A create answers 201 or 202 with a Location; reading the entry back (``q=source``) may
  fail for a while (a server that builds the page later answers 400). The create worked all
  the same: the Location is recorded and the source read back later.
- An entry has no ``updated`` property, so a conflict is a change of the source itself: the
  hash of ``q=source``'s properties is the "modified" stamp recorded at each publish.
- A deleted entry answers 400 (``invalid_request``), the same answer as a malformed request.
  Only a second question tells them apart (see ``_gone``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import urllib.parse
from html import escape
from typing import Any

from smugdesk.core.accounts import Account
from smugdesk.publish import http
from smugdesk.publish.remote import (
    AuthError,
    Capabilities,
    Media,
    Payload,
    PublishError,
    RefusedError,
    RemoteMissingError,
    RemotePost,
)

_BOUNDARY = "smugdesk-part-7f3a9c"
_ANY_STATUS = tuple(range(200, 600))  # statuses read here, not turned into errors by http
_CREATED = (200, 201, 202)
_LIST_PAGE = 100
_LIST_PAGES = 20  # at most 2,000 entries looked through to tell a deletion
# A property of our own that servers keep with the entry (Micropub servers store properties
# they do not know): the create's marker, which finds the entry if the answer is lost.
MARKER = "smugdesk-marker"
_CLEARED = ("category", "summary")  # sent only when the draft has them


def _first(values: Any, default: Any = "") -> Any:
    return values[0] if isinstance(values, list) and values else default


def source_hash(properties: dict) -> str:
    """The conflict stamp: a hash of what the server keeps for the entry. ``url`` is left
    out: a list item carries it, a ``q=source`` answer may not."""
    kept = {key: value for key, value in properties.items() if key != "url"}
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _path(url: str) -> str:
    return urllib.parse.urlsplit(url).path.rstrip("/") or "/"


def _web_address(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _categories(payload: Payload) -> list[str]:
    """Tags and categories in one list, as Micropub has only ``category``; the same name
    in another case once."""
    seen: set[str] = set()
    found = []
    for name in [*payload.tags, *payload.categories]:
        name = str(name).strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            found.append(name)
    return found


def _content_html(content: Any) -> str:
    """Micropub content is ``{"html": …}``, ``{"value": …}`` (plain text) or a string."""
    if isinstance(content, dict):
        if isinstance(content.get("html"), str):
            return content["html"]
        content = content.get("value", "")
    text = str(content or "")
    return "".join(f"<p>{escape(part)}</p>" for part in re.split(r"\n\s*\n", text) if part.strip())


def _recent_enough(published: dt.datetime | None, asked: dt.datetime | None) -> bool:
    """Could an entry published at ``published`` be the create just sent?"""
    if published is None:
        return True  # the server keeps no date: the name alone has to do
    if published.tzinfo is None:
        published = published.astimezone()
    if asked is not None:
        asked = asked if asked.tzinfo else asked.astimezone()
        return abs((published - asked).total_seconds()) < 1
    return dt.datetime.now(dt.UTC) - published < dt.timedelta(days=1)


class MicropubPublisher:
    kind = "micropub"
    label = "Micropub"
    capabilities = Capabilities(
        categories=False,
        featured_image=False,
        reasons=(("categories", "Micropub has one list of categories: they go with the tags"),),
    )
    embed_style = "iframe"

    def __init__(self, account: Account, secret: str, timeout: float = 30.0) -> None:
        self.endpoint = account.url
        self.headers = {"Authorization": f"Bearer {secret}"}
        self.timeout = timeout
        self._config: dict | None = None
        self._host = urllib.parse.urlsplit(self.endpoint).netloc or self.endpoint
        # Bound to the endpoint's origin: the token goes nowhere else through it.
        self.client = http.Client(self.endpoint, self.headers, deadline=timeout)
        self.notes: list[str] = []  # what the writer should know, taken by ``publishing``

    # -- talking to the endpoint ---------------------------------------------------------

    def _call(
        self, method: str, url: str | None = None, client: http.Client | None = None, **kwargs
    ) -> http.Response:
        """Any answer comes back (statuses are read by the caller); 401/403 and network
        trouble raise."""
        answer = (client or self.client).request(
            method, url or self.endpoint, ok=_ANY_STATUS, **kwargs
        )
        if answer.status in (401, 403):
            raise http.failure(answer.status, answer.body, url or self.endpoint)
        return answer

    def _object(self, answer: http.Response, what: str) -> dict:
        data = answer.json()
        if not isinstance(data, dict):
            raise PublishError(f"{what} from {self._host} was not the object expected")
        return data

    def _refused(self, answer: http.Response, doing: str) -> PublishError:
        said = http.server_message(answer.body)
        if answer.status >= 500:
            return PublishError(
                f"{self._host} had a server error ({answer.status}) {doing}: {said}"
            )
        return RefusedError(f"{self._host} refused {doing} ({answer.status}): {said}")

    @property
    def config(self) -> dict:
        if self._config is None:
            answer = self._call("GET", params={"q": "config"})
            if answer.status != 200:
                raise self._refused(answer, "to give its configuration")
            self._config = self._object(answer, "the configuration")
        return self._config

    def verify(self) -> str:
        self._config = None
        media = "with a media endpoint" if self.config.get("media-endpoint") else "no media"
        return f"{self._host}, token accepted ({media})"

    # -- what is sent ------------------------------------------------------------------

    def _properties(self, payload: Payload) -> dict:
        # Micropub has no scheduling every server honours: a scheduled post goes as a draft
        # with its date, never published before its time.
        properties: dict[str, list] = {
            "name": [payload.title],
            "content": [{"html": payload.html}],
            "post-status": ["published" if payload.status == "publish" else "draft"],
        }
        categories = _categories(payload)
        if categories:
            properties["category"] = categories
        if payload.slug:
            properties["mp-slug"] = [payload.slug]
        if payload.excerpt:
            properties["summary"] = [payload.excerpt]
        if payload.date is not None:
            properties["published"] = [payload.date.isoformat()]
        marker = getattr(payload, "marker", "")
        if marker:
            properties[MARKER] = [marker]
        return properties

    def _found(self, found: RemotePost, why: str) -> RemotePost:
        self.notes.append(
            f"The blog's answer to the create was lost ({why}); smugdesk found the post it "
            "had made and recorded it instead of creating another."
        )
        return found

    def create(self, payload: Payload) -> RemotePost:
        """Create the entry. Once the server said where it is, the create has worked,
        whatever reading it back then answers. An answer lost after sending (5xx, timeout,
        dropped connection) is followed by a look for the entry before anything is said."""
        body = {"type": ["h-entry"], "properties": self._properties(payload)}
        try:
            answer = self._call("POST", json_body=body)
        except AuthError:
            raise
        except PublishError as error:
            found = self._look_for(payload)
            if found is not None:
                return self._found(found, str(error))
            raise
        if answer.status >= 500:
            found = self._look_for(payload)
            if found is not None:
                return self._found(found, f"the server answered {answer.status}")
            raise self._refused(answer, "the new post; it may have been made: look on the blog")
        if answer.status not in _CREATED:
            raise self._refused(answer, "the new post")
        location = answer.headers.get("location", "")
        if not location:
            found = self._look_for(payload)
            if found is not None:
                return self._found(found, "the server did not say where the post is")
            raise PublishError(
                f"{self._host} accepted the post but did not say where it is (no Location): "
                "look on the blog before publishing again"
            )
        url = urllib.parse.urljoin(self.endpoint, location)
        if not _web_address(url):
            raise PublishError(
                f"{self._host} made the post but gave it an address that is not a web page "
                f"({location[:80]}): look on the blog before publishing again"
            )
        return self._read_back(url) or self._as_sent(url, payload)

    def _look_for(self, payload: Payload) -> RemotePost | None:
        try:
            marker = getattr(payload, "marker", "")
            return self.find(payload.slug, payload.title, marker, payload.date)
        except PublishError:
            return None

    def _read_back(self, url: str) -> RemotePost | None:
        """The entry as the server has it now, or None if it cannot say yet."""
        try:
            return self._source(url)
        except PublishError:
            return None

    def _as_sent(self, url: str, payload: Payload) -> RemotePost:
        # No source hash: the next publish finds none recorded and does not call it a conflict.
        return RemotePost(
            id=url,
            url=url,
            title=payload.title,
            html=payload.html,
            status="publish" if payload.status == "publish" else "draft",
            excerpt=payload.excerpt,
            date=payload.date,
            tags=_categories(payload),
        )

    def update(self, remote_id: str, payload: Payload) -> RemotePost:
        properties = self._properties(payload)
        properties.pop("mp-slug", None)  # a slug is fixed at creation
        properties.pop(MARKER, None)  # the create's, kept as it was
        change: dict[str, Any] = {"action": "update", "url": remote_id, "replace": properties}
        # What the draft no longer has goes from the entry too (tags all removed, no summary).
        dropped = [name for name in _CLEARED if name not in properties]
        if dropped:
            change["delete"] = dropped
        answer = self._call("POST", json_body=change)
        gone = answer.status == 400 and self._gone(remote_id, "the update")
        if answer.status in (404, 410) or gone:
            raise RemoteMissingError(
                f"the post was deleted from {self._host} since it was published; "
                "publish it again to create it anew"
            )
        if answer.status not in (200, 201, 202, 204):
            raise self._refused(answer, "the update")
        url = remote_id
        if answer.status == 201 and answer.headers.get("location"):  # the server moved it
            moved = urllib.parse.urljoin(self.endpoint, answer.headers["location"])
            url = moved if _web_address(moved) else remote_id
        return self._read_back(url) or self._as_sent(url, payload)

    # -- reading ------------------------------------------------------------------------

    def get(self, remote_id: str) -> RemotePost | None:
        """The entry, or None when it is gone from the server. A 400 that is not a deletion
        (the entry is still listed) raises."""
        return self._source(remote_id, missing_ok=True)

    def _source(self, url: str, *, missing_ok: bool = False) -> RemotePost | None:
        answer = self._call("GET", params={"q": "source", "url": url})
        if answer.status == 200:
            data = self._object(answer, "the post")
            return self._remote(url, data.get("properties"))
        if answer.status in (404, 410) and missing_ok:
            return None
        if answer.status == 400 and missing_ok and self._gone(url):
            return None
        raise self._refused(answer, "to show the post")

    def _gone(self, url: str, doing: str = "to show the post") -> bool:
        """After a 400 for ``url``: is the entry really deleted? The server's list of entries
        (``q=source`` without a ``url``) names no post, so it cannot be refused for the
        post's sake: the entry is gone when the list answers, gives its entries' addresses
        and does not have this one's path. Otherwise nothing is concluded and the 400 is
        reported as it is."""
        wanted = _path(url)

        def unsure(why: str) -> PublishError:
            return PublishError(
                f"{self._host} refused {doing} (400) and {why}, so smugdesk cannot tell "
                "whether the post was deleted there: look on the blog"
            )

        for page in range(_LIST_PAGES):
            params = {"q": "source", "filter": wanted, "limit": _LIST_PAGE}
            answer = self._call("GET", params={**params, "offset": page * _LIST_PAGE})
            if answer.status != 200:
                raise unsure(f"cannot list its posts ({answer.status})")
            items = self._object(answer, "the list of posts").get("items")
            if not isinstance(items, list):
                raise PublishError(f"the list of posts from {self._host} has no items")
            for item in items:
                properties = item.get("properties") if isinstance(item, dict) else None
                listed = _first((properties or {}).get("url"))
                if not isinstance(listed, str) or not listed:
                    raise unsure("lists its posts without their addresses")
                if _path(urllib.parse.urljoin(self.endpoint, listed)) == wanted:
                    return False
            if len(items) < _LIST_PAGE:
                return True
        raise unsure("has too many posts to look through")

    def _remote(self, url: str, properties: Any) -> RemotePost:
        if not isinstance(properties, dict):
            raise PublishError(f"the post from {self._host} has no properties")
        content = _first(properties.get("content"), "")
        html = _content_html(content)
        published = _first(properties.get("published"))
        try:
            date = dt.datetime.fromisoformat(published) if published else None
        except (TypeError, ValueError):
            date = None
        status = str(_first(properties.get("post-status"), "published"))
        return RemotePost(
            id=url,
            url=url,
            title=str(_first(properties.get("name"))),
            html=str(html),
            status="draft" if status == "draft" else "publish",
            excerpt=str(_first(properties.get("summary"))),
            date=date,
            modified=source_hash(properties),
            marker=str(_first(properties.get(MARKER))),
            tags=[str(c) for c in properties.get("category") or () if isinstance(c, str)],
        )

    def _listed(self, count: int, needle: str = "") -> list[tuple[RemotePost, dict]]:
        params: dict[str, Any] = {"q": "source", "limit": count}
        if needle:
            params["filter"] = needle
        answer = self._call("GET", params=params)
        if answer.status != 200:
            raise self._refused(answer, "to list its posts")
        posts = []
        for item in self._object(answer, "the list of posts").get("items") or ():
            properties = item.get("properties") if isinstance(item, dict) else None
            url = _first((properties or {}).get("url"))
            if isinstance(url, str) and url:
                url = urllib.parse.urljoin(self.endpoint, url)
                if not _web_address(url):
                    continue
                posts.append((self._remote(url, properties), properties))
        return posts

    def find(
        self, slug: str, title: str, marker: str = "", date: dt.datetime | None = None
    ) -> RemotePost | None:
        """The entry a create whose answer was lost made, or None. By the create's marker
        where the server keeps it. Where it does not: newest first, the same title, the slug
        sent as ``mp-slug`` ending its address (a blog adds ``-2`` when taken), no other
        create's marker, and published when the post says (``date``) or, without one, in
        the last day: an older entry with the same name is another post, not this create."""
        if marker:
            for post, properties in self._listed(50, marker):
                if _first(properties.get(MARKER)) == marker:
                    return self._read_back(post.id) or post
        if not slug and not title:
            return None
        shape = re.compile(rf"/{re.escape(slug)}(?:-\d+)?$") if slug else None
        for post, properties in self._listed(50, slug or title):
            if post.title != title or _first(properties.get(MARKER)) not in ("", marker):
                continue
            if shape is not None and not shape.search(_path(post.url)):
                continue
            if _recent_enough(post.date, date):
                return self._read_back(post.id) or post
        return None

    def recent(self, count: int) -> list[RemotePost]:
        return [post for post, _properties in self._listed(count)]

    def by_url(self, url: str) -> RemotePost | None:
        return self.get(url)

    def fetch_terms(self):
        """The categories the server lists (``q=category``); Micropub has one list, used as
        tags. A server without the query gives none."""
        from smugdesk.publish.terms import BlogTerms

        answer = self._call("GET", params={"q": "category"})
        if answer.status != 200:
            return BlogTerms()
        data = self._object(answer, "the list of categories")
        listed = data.get("categories")
        names = (
            [str(n) for n in listed if isinstance(n, str) and n] if isinstance(listed, list) else []
        )
        return BlogTerms(tags=names)

    # -- media ---------------------------------------------------------------------------

    def _media_endpoint(self) -> str:
        media = self.config.get("media-endpoint")
        if not isinstance(media, str) or not media:
            raise PublishError("this Micropub server has no media endpoint for images")
        media = urllib.parse.urljoin(self.endpoint, media)
        mine, theirs = http.origin(self.endpoint), http.origin(media)
        # The token goes with every upload: only to this site, or over https.
        if theirs != mine and theirs[0] != "https":
            raise PublishError(
                f"the media endpoint {media} is on another site over plain http: "
                "smugdesk does not send the token there"
            )
        return media

    def media_exists(self, media_id: str) -> bool:
        """Whether an image uploaded earlier is still there: its own public address is
        asked (HEAD, without the token); only 404 or 410 mean it was deleted."""
        if not _web_address(media_id):
            return False
        answer = http.request("HEAD", media_id, timeout=self.timeout, ok=_ANY_STATUS)
        return answer.status not in (404, 410)

    def upload(self, name: str, data: bytes, mime: str) -> Media:
        endpoint = self._media_endpoint()
        safe = re.sub(r'["\r\n\\]', "", name) or "image"
        body = (
            (
                f"--{_BOUNDARY}\r\n"
                f'Content-Disposition: form-data; name="file"; filename="{safe}"\r\n'
                f"Content-Type: {mime}\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{_BOUNDARY}--\r\n".encode()
        )
        answer = self._call(
            "POST",
            endpoint,
            http.Client(endpoint, self.headers, deadline=self.timeout),
            data=body,
            headers={"Content-Type": f"multipart/form-data; boundary={_BOUNDARY}"},
        )
        if answer.status not in _CREATED:
            raise self._refused(answer, f"the image {name}")
        url = answer.headers.get("location", "")
        if not url:
            raise PublishError("the media endpoint did not say where the image is (no Location)")
        url = urllib.parse.urljoin(endpoint, url)
        return Media(url, url)
