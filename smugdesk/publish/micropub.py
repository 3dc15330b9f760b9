"""Micropub (W3C): create and update an h-entry with a bearer token; images go to the
server's media endpoint. The post's URL is its id."""

from __future__ import annotations

import datetime as dt

from smugdesk.core.accounts import Account
from smugdesk.publish import http
from smugdesk.publish.remote import Capabilities, Media, Payload, PublishError, RemotePost

_BOUNDARY = "smugdesk-part-7f3a9c"


def _first(values, default=""):
    return values[0] if isinstance(values, list) and values else default


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

    def _get(self, **params) -> dict:
        answer = http.request(
            "GET", self.endpoint, params=params, headers=self.headers, timeout=self.timeout
        )
        data = answer.json()
        return data if isinstance(data, dict) else {}

    @property
    def config(self) -> dict:
        if self._config is None:
            self._config = self._get(q="config")
        return self._config

    def verify(self) -> str:
        self._config = self._get(q="config")
        where = self.endpoint.split("//")[-1].split("/")[0]
        media = "with a media endpoint" if self._config.get("media-endpoint") else "no media"
        return f"{where}, token accepted ({media})"

    def _properties(self, payload: Payload) -> dict:
        properties = {
            "name": [payload.title],
            "content": [{"html": payload.html}],
            "post-status": ["draft" if payload.status == "draft" else "published"],
        }
        if payload.tags or payload.categories:
            properties["category"] = [*payload.tags, *payload.categories]
        if payload.slug:
            properties["mp-slug"] = [payload.slug]
        if payload.excerpt:
            properties["summary"] = [payload.excerpt]
        if payload.date is not None:
            properties["published"] = [payload.date.isoformat()]
        return properties

    def create(self, payload: Payload) -> RemotePost:
        answer = http.request(
            "POST",
            self.endpoint,
            json_body={"type": ["h-entry"], "properties": self._properties(payload)},
            headers=self.headers,
            timeout=self.timeout,
        )
        url = answer.headers.get("location", "")
        if not url:
            raise PublishError("the Micropub server did not say where the post is (no Location)")
        return self.get(url) or RemotePost(id=url, url=url, title=payload.title)

    def update(self, remote_id: str, payload: Payload) -> RemotePost:
        properties = self._properties(payload)
        properties.pop("mp-slug", None)  # a slug is fixed at creation
        http.request(
            "POST",
            self.endpoint,
            json_body={"action": "update", "url": remote_id, "replace": properties},
            headers=self.headers,
            timeout=self.timeout,
        )
        return self.get(remote_id) or RemotePost(id=remote_id, url=remote_id)

    def get(self, remote_id: str) -> RemotePost | None:
        try:
            data = self._get(q="source", url=remote_id)
        except PublishError as error:
            if "(404)" in str(error) or "(410)" in str(error):
                return None
            raise
        properties = data.get("properties") or {}
        content = _first(properties.get("content"), "")
        html = content.get("html", "") if isinstance(content, dict) else str(content)
        published = _first(properties.get("published"))
        try:
            date = dt.datetime.fromisoformat(published) if published else None
        except ValueError:
            date = None
        return RemotePost(
            id=remote_id,
            url=remote_id,
            title=str(_first(properties.get("name"))),
            html=html,
            status=str(_first(properties.get("post-status"), "published")),
            excerpt=str(_first(properties.get("summary"))),
            date=date,
            modified=str(_first(properties.get("updated"))),
            tags=[str(c) for c in properties.get("category") or ()],
        )

    def find(self, slug: str, title: str) -> RemotePost | None:
        # The slug is ours (sent with every create); a title alone may be an older post's.
        for post in self.recent(20):
            if post.url.rstrip("/").endswith("/" + slug) if slug else post.title == title:
                return post
        return None

    def upload(self, name: str, data: bytes, mime: str) -> Media:
        media_endpoint = self.config.get("media-endpoint")
        if not media_endpoint:
            raise PublishError("this Micropub server has no media endpoint for images")
        safe = name.replace('"', "")
        body = (
            (
                f"--{_BOUNDARY}\r\n"
                f'Content-Disposition: form-data; name="file"; filename="{safe}"\r\n'
                f"Content-Type: {mime}\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{_BOUNDARY}--\r\n".encode()
        )
        answer = http.request(
            "POST",
            media_endpoint,
            data=body,
            headers={**self.headers, "Content-Type": f"multipart/form-data; boundary={_BOUNDARY}"},
            timeout=self.timeout,
        )
        url = answer.headers.get("location", "")
        if not url:
            raise PublishError("the media endpoint did not say where the image is (no Location)")
        return Media(url, url)

    def recent(self, count: int) -> list[RemotePost]:
        data = self._get(q="source", limit=count)
        posts = []
        for item in data.get("items") or ():
            url = _first((item.get("properties") or {}).get("url"))
            if url:
                found = self.get(url)
                if found:
                    posts.append(found)
        return posts

    def by_url(self, url: str) -> RemotePost | None:
        return self.get(url)
