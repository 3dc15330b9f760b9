"""The MetaWeblog API over XML-RPC, which WordPress and many older and self-hosted blogs
speak. ``mt_*`` and ``wp_*`` fields carry what plain MetaWeblog lacks (tags, excerpt, slug)."""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
import urllib.parse
import xmlrpc.client
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from defusedxml.xmlrpc import DefusedExpatParser

from smugdesk.core.accounts import Account
from smugdesk.publish import http as web
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

_AUTH_CODES = (401, 403)
_NO_SUCH_METHOD = -32601
MARKER_FIELD = (
    "smugdesk_guid"  # a custom field WordPress keeps: finds a create whose answer was lost
)


def endpoint(url: str) -> str:
    """The XML-RPC address: the URL itself if it names a script, else ``<blog>/xmlrpc.php``."""
    parts = urllib.parse.urlsplit(url)
    if parts.path.endswith((".php", ".cgi", "/xmlrpc", "/RPC2", ".ashx")):
        return url
    return url.rstrip("/") + "/xmlrpc.php"


def parse_answer(body: bytes, where: str) -> object:
    """An XML-RPC answer, read without DTDs or entities (no billion laughs, no external
    files). A fault raises ``xmlrpc.client.Fault``."""
    unmarshaller = xmlrpc.client.Unmarshaller()
    parser = DefusedExpatParser(unmarshaller, forbid_dtd=True)
    try:
        parser.feed(body)
        parser.close()
        values = unmarshaller.close()
    except DefusedXmlException:
        raise PublishError(
            f"{where} answered with XML that declares a DTD or entities: refused, as a "
            "hostile server's answer"
        ) from None
    except xmlrpc.client.Fault:
        raise
    except (ExpatError, xmlrpc.client.ResponseError, ValueError, TypeError, KeyError):
        raise PublishError(
            f"{where} did not answer as an XML-RPC server: {web.server_message(body)}"
        ) from None
    return values[0] if len(values) == 1 else list(values)


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", html.unescape(name)).casefold().strip()


def _struct_of(value, what: str) -> dict:
    return web.expect_object(value, what)


def _aware(value) -> dt.datetime | None:
    if isinstance(value, xmlrpc.client.DateTime):
        try:
            value = dt.datetime.strptime(value.value.replace("-", ""), "%Y%m%dT%H:%M:%S")
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return None


class MetaWeblogPublisher:
    kind = "metaweblog"
    label = "MetaWeblog (XML-RPC)"
    capabilities = Capabilities(featured_image=False)
    embed_style = "url"

    def __init__(self, account: Account, secret: str, timeout: float = 30.0) -> None:
        self.account = account
        self.url = endpoint(account.url)
        self.user = account.user
        self.secret = secret
        self.timeout = timeout
        # The password travels in the body: the client keeps it to the account's origin,
        # with a deadline and a size cap, and never resends a POST by itself (the standard
        # library's transport silently retries once on a reset connection: a second newPost).
        self.client = web.Client(self.url, deadline=timeout)
        self._blog_id: str | None = None
        self.notes: list[str] = []  # what the writer should know, taken by ``publishing``

    def _call(self, method: str, *args):
        body = xmlrpc.client.dumps(args, method, allow_none=True, encoding="utf-8")
        try:
            answer = self.client.request(
                "POST",
                self.url,
                data=body.encode("utf-8"),
                headers={"Content-Type": "text/xml; charset=utf-8", "Accept": "text/xml"},
            )
        except RefusedError as error:
            if "(404)" in str(error) or "(405)" in str(error):
                raise RefusedError(
                    f"{self.url} does not answer XML-RPC: check the address, "
                    "or whether XML-RPC is turned off on the blog"
                ) from None
            raise
        try:
            return parse_answer(answer.body, self.url)
        except xmlrpc.client.Fault as fault:
            raise self._fault(fault) from None

    def _fault(self, fault: xmlrpc.client.Fault) -> PublishError:
        said = str(fault.faultString)
        if fault.faultCode in _AUTH_CODES or "password" in said.lower():
            return AuthError(f"the blog refused the user name or password: {said}")
        if fault.faultCode == 405 or "disabled" in said.lower():
            return RefusedError(f"XML-RPC is turned off on this blog: {said}")
        return RefusedError(f"the blog said: {said} (fault {fault.faultCode})")

    @property
    def blog_id(self) -> str:
        if self._blog_id is None:
            self._blog_id = str(self._blogs()[0].get("blogid", "1"))
        return self._blog_id

    def _blogs(self) -> list[dict]:
        blogs = web.expect_list(
            self._call("blogger.getUsersBlogs", "smugdesk", self.user, self.secret),
            "the blog's list of blogs",
        )
        if not blogs:
            raise PublishError("this account has no blog on that server")
        return [_struct_of(blog, "a blog in the list of blogs") for blog in blogs]

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
        if payload.marker:
            struct["custom_fields"] = [{"key": MARKER_FIELD, "value": payload.marker}]
        return struct

    def _categories(self, wanted: list[str]) -> list[str]:
        """The categories to send, as the blog names them. Missing ones are made where the
        blog allows (``wp.newCategory``); the rest are named in ``notes``, never dropped
        silently (MetaWeblog itself ignores a name it does not know)."""
        if not wanted:
            return []
        try:
            listed = self._call("metaWeblog.getCategories", self.blog_id, self.user, self.secret)
        except RefusedError:
            return list(wanted)  # the blog cannot list them: send the names as they are
        known = {}
        for item in web.expect_list(listed, "the blog's categories"):
            if isinstance(item, dict) and item.get("categoryName"):
                name = html.unescape(str(item["categoryName"]))
                known.setdefault(_name_key(name), name)
        chosen, refused, made = [], [], []
        for name in wanted:
            if _name_key(name) in known:
                chosen.append(known[_name_key(name)])
                continue
            try:
                self._call("wp.newCategory", self.blog_id, self.user, self.secret, {"name": name})
            except (RefusedError, AuthError) as error:  # WordPress: 401 "not allowed to add"
                refused.append(f"{name} ({error})")
                continue
            known[_name_key(name)] = name
            chosen.append(name)
            made.append(("category", name))
        if made:
            from smugdesk.publish.terms import made_note, remember_made

            self.notes.append(made_note(made))
            remember_made(self.account, made)
        if refused:
            self.notes.append(
                "These categories do not exist on the blog and could not be made, so they "
                "were not assigned: " + "; ".join(refused)
            )
        return chosen

    def _unassigned(self, wanted: list[str], made: RemotePost) -> None:
        """Tell the writer about any category the blog did not keep."""
        kept = {_name_key(name) for name in made.categories}
        lost = [name for name in wanted if _name_key(name) not in kept]
        if lost:
            self.notes.append("The blog did not assign these categories: " + ", ".join(lost))

    def _remote(self, data: object) -> RemotePost:
        data = _struct_of(data, "the post the blog sent")
        keywords = str(data.get("mt_keywords") or "")
        # WordPress splits a post at <!--more--> into these two: put the tag back between them.
        main, more = str(data.get("description", "")), str(data.get("mt_text_more") or "")
        return RemotePost(
            id=str(data.get("postid", "")),
            url=str(data.get("permaLink") or data.get("link") or ""),
            title=str(data.get("title", "")),
            html=f"{main}\n\n<!--more-->\n\n{more}" if more else main,
            status=str(data.get("post_status", "")),
            slug=str(data.get("wp_slug", "")),
            excerpt=str(data.get("mt_excerpt", "")),
            date=_aware(data.get("date_created_gmt") or data.get("dateCreated")),
            modified=str(
                getattr(data.get("date_modified_gmt"), "value", "")
                or getattr(data.get("dateModified"), "value", "")
            ),
            tags=[tag.strip() for tag in keywords.split(",") if tag.strip()],
            categories=[
                html.unescape(str(c))
                for c in (
                    data.get("categories") if isinstance(data.get("categories"), list) else ()
                )
            ],
            marker=_marker(data.get("custom_fields")),
        )

    def create(self, payload: Payload) -> RemotePost:
        publish = payload.status != "draft"
        struct = self._struct(payload)
        if payload.categories:
            struct["categories"] = self._categories(payload.categories)
        new_id = self._call(
            "metaWeblog.newPost", self.blog_id, self.user, self.secret, struct, publish
        )
        if isinstance(new_id, bool) or not isinstance(new_id, int | str) or not str(new_id):
            raise PublishError(f"the blog answered the new post with {web.describe(new_id)}")
        made = self.get(str(new_id))
        if made is None:
            raise PublishError("the blog made the post but cannot find it again")
        self._unassigned(struct.get("categories", []), made)
        return made

    def update(self, remote_id: str, payload: Payload) -> RemotePost:
        publish = payload.status != "draft"
        struct = self._struct(payload)
        struct.pop("custom_fields", None)  # the marker belongs to the create
        if payload.categories:
            struct["categories"] = self._categories(payload.categories)
        self._call("metaWeblog.editPost", remote_id, self.user, self.secret, struct, publish)
        made = self.get(remote_id)
        if made is None:
            raise PublishError("the blog updated the post but cannot find it again")
        self._unassigned(struct.get("categories", []), made)
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
        data = _struct_of(data, "the post the blog sent")
        if str(data.get("post_status")) == "trash":
            return None
        return self._remote(data)

    def find(
        self, slug: str, title: str, marker: str = "", date: dt.datetime | None = None
    ) -> RemotePost | None:
        """The post a create whose answer was lost may have made: the one with the marker
        sent with it (a custom field WordPress keeps), else one that matches by name and
        date and carries no other create's marker (``lost_create_matches``)."""
        posts = self.recent(20)
        for post in posts:
            if marker and post.marker == marker:
                return post
        for post in posts:
            if lost_create_matches(post, slug, title, marker, date):
                return post
        return None

    def media_exists(self, media_id: str) -> bool:
        """Whether an image uploaded earlier is still in the media library. Blogs without
        ``wp.getMediaItem`` cannot say: their images are trusted to stay."""
        if not str(media_id).isdigit():
            return True
        try:
            self._call("wp.getMediaItem", self.blog_id, self.user, self.secret, int(media_id))
        except AuthError:
            raise
        except RefusedError as error:
            said = str(error)
            if f"fault {_NO_SUCH_METHOD}" in said or "fault -32" in said:
                return True
            if "fault 404" in said or "Invalid attachment" in said:
                return False
            raise
        return True

    def upload(self, name: str, data: bytes, mime: str) -> Media:
        media = {"name": name, "type": mime, "bits": xmlrpc.client.Binary(data)}
        answer = _struct_of(
            self._call("metaWeblog.newMediaObject", self.blog_id, self.user, self.secret, media),
            "the blog's answer to an image upload",
        )
        url = answer.get("url")
        if not isinstance(url, str) or not url:
            raise PublishError("the blog did not say where the uploaded image is")
        return Media(str(answer.get("id") or url), url)

    def recent(self, count: int) -> list[RemotePost]:
        found = self._call("metaWeblog.getRecentPosts", self.blog_id, self.user, self.secret, count)
        return [self._remote(item) for item in web.expect_list(found, "the blog's recent posts")]

    def by_url(self, url: str) -> RemotePost | None:
        wanted = url.rstrip("/")
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        if query.get("p", "").isdigit():
            return self.get(query["p"])
        for post in self.recent(100):
            if post.url.rstrip("/") == wanted:
                return post
        return None

    def fetch_terms(self):
        """The blog's categories with their parents and its tags, unused ones too (WordPress's
        wp.getTerms); a plain MetaWeblog blog gives its categories only."""
        from smugdesk.publish.terms import BlogTerms, Category

        try:
            categories = self._terms("category")
            tags = [name for name, _parent in self._terms("post_tag")]
        except RefusedError:  # no wp.* methods: MetaWeblog's own list, no tags
            listed = web.expect_list(
                self._call("metaWeblog.getCategories", self.blog_id, self.user, self.secret),
                "the blog's categories",
            )
            items = [i for i in listed if isinstance(i, dict) and i.get("categoryName")]
            ids = {str(i.get("categoryId", "")): str(i["categoryName"]) for i in items}
            categories = [
                (str(i["categoryName"]), ids.get(str(i.get("parentId", "")), "")) for i in items
            ]
            tags = []
        return BlogTerms(
            categories=[Category(html.unescape(n), html.unescape(p)) for n, p in categories],
            tags=[html.unescape(name) for name in tags],
        )

    def _terms(self, taxonomy: str) -> list[tuple[str, str]]:
        """(name, parent's name) of every term of ``taxonomy``, empty ones included."""
        listed = web.expect_list(
            self._call(
                "wp.getTerms", self.blog_id, self.user, self.secret, taxonomy, {"hide_empty": False}
            ),
            f"the blog's {taxonomy} terms",
        )
        items = [i for i in listed if isinstance(i, dict) and i.get("name")]
        ids = {str(i.get("term_id", "")): str(i["name"]) for i in items}
        return [(str(i["name"]), ids.get(str(i.get("parent", "")), "")) for i in items]


def _marker(fields) -> str:
    for field in fields if isinstance(fields, list) else ():
        if isinstance(field, dict) and field.get("key") == MARKER_FIELD:
            return str(field.get("value") or "")
    return ""
