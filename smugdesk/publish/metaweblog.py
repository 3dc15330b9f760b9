"""The MetaWeblog API over XML-RPC, which WordPress and many older and self-hosted blogs
speak. ``mt_*`` and ``wp_*`` fields carry what plain MetaWeblog lacks (tags, excerpt, slug)."""

from __future__ import annotations

import datetime as dt
import http.client
import urllib.parse
import xmlrpc.client

from smugdesk.core.accounts import Account
from smugdesk.publish import http as web
from smugdesk.publish.remote import (
    AuthError,
    Capabilities,
    Media,
    Payload,
    PublishError,
    RemotePost,
)

_NOT_FOUND_CODES = (404,)
_AUTH_CODES = (401, 403)


def endpoint(url: str) -> str:
    """The XML-RPC address: the URL itself if it names a script, else ``<blog>/xmlrpc.php``."""
    parts = urllib.parse.urlsplit(url)
    if parts.path.endswith((".php", ".cgi", "/xmlrpc", "/RPC2", ".ashx")):
        return url
    return url.rstrip("/") + "/xmlrpc.php"


class _Transport(xmlrpc.client.Transport):
    def __init__(self, timeout: float, secure: bool) -> None:
        super().__init__()
        self.timeout = timeout
        self.secure = secure

    def make_connection(self, host):
        if self.secure:
            import ssl

            connection = http.client.HTTPSConnection(
                host, timeout=self.timeout, context=ssl.create_default_context()
            )
        else:
            connection = http.client.HTTPConnection(host, timeout=self.timeout)
        self._connection = host, connection
        return connection


def _aware(value) -> dt.datetime | None:
    if isinstance(value, xmlrpc.client.DateTime):
        value = dt.datetime.strptime(value.value.replace("-", ""), "%Y%m%dT%H:%M:%S")
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return None


class MetaWeblogPublisher:
    kind = "metaweblog"
    label = "MetaWeblog (XML-RPC)"
    capabilities = Capabilities(featured_image=False)
    embed_style = "url"

    def __init__(self, account: Account, secret: str, timeout: float = 30.0) -> None:
        self.url = endpoint(account.url)
        self.user = account.user
        self.secret = secret
        self.timeout = timeout
        secure = urllib.parse.urlsplit(self.url).scheme == "https"
        self.proxy = xmlrpc.client.ServerProxy(
            self.url, transport=_Transport(timeout, secure), allow_none=True
        )
        self._blog_id: str | None = None

    def _call(self, method: str, *args):
        try:
            return getattr(self.proxy, method)(*args)
        except xmlrpc.client.Fault as fault:
            raise self._fault(fault) from None
        except xmlrpc.client.ProtocolError as error:
            if error.errcode in (404, 405):
                raise PublishError(
                    f"{self.url} does not answer XML-RPC ({error.errcode}): check the address, "
                    "or whether XML-RPC is turned off on the blog"
                ) from None
            raise web.failure(error.errcode, b"", self.url) from None
        except xmlrpc.client.ResponseError as error:
            raise PublishError(f"{self.url} sent an answer that is not XML-RPC: {error}") from None
        except (TimeoutError, OSError, http.client.HTTPException) as error:
            raise web.network_error(error, self.url) from None
        except Exception as error:  # expat raises its own types on an HTML page
            raise PublishError(
                f"{self.url} did not answer as an XML-RPC server ({type(error).__name__}): "
                "is the address right?"
            ) from None

    def _fault(self, fault: xmlrpc.client.Fault) -> PublishError:
        said = str(fault.faultString)
        if fault.faultCode in _AUTH_CODES or "password" in said.lower():
            return AuthError(f"the blog refused the user name or password: {said}")
        if fault.faultCode == 405 or "disabled" in said.lower():
            return PublishError(f"XML-RPC is turned off on this blog: {said}")
        return PublishError(f"the blog said: {said} (fault {fault.faultCode})")

    @property
    def blog_id(self) -> str:
        if self._blog_id is None:
            self._blog_id = str(self._blogs()[0].get("blogid", "1"))
        return self._blog_id

    def _blogs(self) -> list[dict]:
        blogs = self._call("blogger.getUsersBlogs", "smugdesk", self.user, self.secret)
        if not blogs:
            raise PublishError("this account has no blog on that server")
        return blogs

    def verify(self) -> str:
        blogs = self._blogs()
        self._blog_id = str(blogs[0].get("blogid", "1"))
        return f"{blogs[0].get('blogName') or self.url}, signed in as {self.user}"

    def _struct(self, payload: Payload) -> dict:
        struct = {"title": payload.title, "description": payload.html}
        if payload.slug:
            struct["wp_slug"] = payload.slug
        if payload.excerpt:
            struct["mt_excerpt"] = payload.excerpt
        struct["mt_keywords"] = ", ".join(payload.tags)
        if payload.categories:
            struct["categories"] = payload.categories
        if payload.date is not None:
            utc = payload.date.astimezone(dt.UTC).replace(tzinfo=None)
            struct["dateCreated"] = xmlrpc.client.DateTime(utc)
            struct["date_created_gmt"] = xmlrpc.client.DateTime(utc)
        struct["post_status"] = payload.status
        return struct

    def _remote(self, data: dict) -> RemotePost:
        keywords = str(data.get("mt_keywords") or "")
        return RemotePost(
            id=str(data.get("postid", "")),
            url=str(data.get("permaLink") or data.get("link") or ""),
            title=str(data.get("title", "")),
            html=str(data.get("description", "")) + str(data.get("mt_text_more") or ""),
            status=str(data.get("post_status", "")),
            slug=str(data.get("wp_slug", "")),
            excerpt=str(data.get("mt_excerpt", "")),
            date=_aware(data.get("date_created_gmt") or data.get("dateCreated")),
            modified=str(
                getattr(data.get("date_modified_gmt"), "value", "")
                or getattr(data.get("dateModified"), "value", "")
            ),
            tags=[tag.strip() for tag in keywords.split(",") if tag.strip()],
            categories=[str(c) for c in data.get("categories") or ()],
        )

    def create(self, payload: Payload) -> RemotePost:
        publish = payload.status != "draft"
        new_id = self._call(
            "metaWeblog.newPost",
            self.blog_id,
            self.user,
            self.secret,
            self._struct(payload),
            publish,
        )
        made = self.get(str(new_id))
        if made is None:
            raise PublishError("the blog made the post but cannot find it again")
        return made

    def update(self, remote_id: str, payload: Payload) -> RemotePost:
        publish = payload.status != "draft"
        self._call(
            "metaWeblog.editPost", remote_id, self.user, self.secret, self._struct(payload), publish
        )
        made = self.get(remote_id)
        if made is None:
            raise PublishError("the blog updated the post but cannot find it again")
        return made

    def get(self, remote_id: str) -> RemotePost | None:
        try:
            data = self._call("metaWeblog.getPost", remote_id, self.user, self.secret)
        except AuthError:
            raise
        except PublishError as error:
            if "fault 404" in str(error) or "Invalid post ID" in str(error):
                return None
            raise
        if str(data.get("post_status")) == "trash":
            return None
        return self._remote(data)

    def find(self, slug: str, title: str) -> RemotePost | None:
        # The slug is ours (sent with every create); a title alone may be an older post's.
        for post in self.recent(20):
            if post.slug == slug if slug else post.title == title:
                return post
        return None

    def upload(self, name: str, data: bytes, mime: str) -> Media:
        media = {"name": name, "type": mime, "bits": xmlrpc.client.Binary(data)}
        answer = self._call(
            "metaWeblog.newMediaObject", self.blog_id, self.user, self.secret, media
        )
        return Media(str(answer.get("id", answer.get("url", ""))), str(answer.get("url", "")))

    def recent(self, count: int) -> list[RemotePost]:
        found = self._call("metaWeblog.getRecentPosts", self.blog_id, self.user, self.secret, count)
        return [self._remote(item) for item in found or ()]

    def by_url(self, url: str) -> RemotePost | None:
        wanted = url.rstrip("/")
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        if query.get("p", "").isdigit():
            return self.get(query["p"])
        for post in self.recent(100):
            if post.url.rstrip("/") == wanted:
                return post
        return None
