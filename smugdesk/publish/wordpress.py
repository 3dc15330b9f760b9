"""WordPress through its REST API (``/wp-json/wp/v2``, or ``?rest_route=`` on sites with plain
permalinks), signed in with an application password."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
import urllib.parse

from smugdesk.core.accounts import Account
from smugdesk.core.post import slugify
from smugdesk.publish import http
from smugdesk.publish.remote import (
    Capabilities,
    Media,
    Payload,
    PublishError,
    RefusedError,
    RemotePost,
    lost_create_matches,
)

_ANY_STATUS = "publish,future,draft,pending,private"
# Routes whose GET answers a list of objects; every other answer is one object.
_COLLECTIONS = (
    "/wp/v2/posts",
    "/wp/v2/tags",
    "/wp/v2/categories",
    "/wp/v2/media",
    "/wp/v2/users",
)


def _utc(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(stamp).replace(tzinfo=dt.UTC) if stamp else None
    except ValueError:
        return None


def _obj(value) -> dict:
    """A nested field WordPress sends as an object ({"raw": …}), or {} for anything else."""
    return value if isinstance(value, dict) else {}


def term_key(name: str) -> str:
    """A term name as WordPress compares it: unescaped, NFC, case folded, spaces trimmed."""
    return unicodedata.normalize("NFC", html.unescape(name)).casefold().strip()


def _spellings(name: str) -> list[str]:
    """What to search for to find ``name`` in another case. Blogs whose tables are latin1
    (Debian's default, many old hosts) compare only ASCII letters without regard to case,
    so "Здоровье" does not find "здоровье": the usual spellings are asked for as well."""
    if all(c.isascii() or c.lower() == c.upper() for c in name):
        return [name]
    spellings = [name, name.lower(), name.capitalize(), name.title(), name.upper()]
    return list(dict.fromkeys(spellings))


class WordPressPublisher:
    kind = "wordpress"
    label = "WordPress (REST API)"
    capabilities = Capabilities(pages=False)
    embed_style = "url"

    def __init__(self, account: Account, secret: str, timeout: float = 30.0) -> None:
        self.account = account
        self.site = account.url.rstrip("/") + "/"
        self.auth = http.basic_auth(account.user, secret.replace(" ", ""))
        self.timeout = timeout
        # Bound to the account's origin: the password goes nowhere else, whatever answers.
        self.client = http.Client(self.site, {"Authorization": self.auth}, deadline=timeout)
        self._pretty: bool | None = None
        self._terms: dict[tuple[str, str], int] = {}
        self._made: list[tuple[str, str]] = []  # (tag/category, name) made by this publish
        self.notes: list[str] = []  # what the writer should know, taken by ``publishing``

    # -- plumbing -------------------------------------------------------------------------
    def _url(self, route: str) -> tuple[str, dict]:
        if self._pretty is None:
            self._pretty = self._has_pretty_urls()
        if self._pretty:
            return self.site + "wp-json" + route, {}
        return self.site, {"rest_route": route}

    def _has_pretty_urls(self) -> bool:
        try:
            answer = self.client.request("GET", self.site + "wp-json/")
            data = answer.json()
        except PublishError as error:
            if isinstance(error, http.OfflineError | http.PublishTimeoutError):
                raise
            return False
        if "/wp-json" not in urllib.parse.urlsplit(answer.url).path:
            return False  # plain permalinks: /wp-json/ redirects to ?rest_route=/
        return isinstance(data, dict) and "wp/v2" in (data.get("namespaces") or ())

    def call(self, method: str, route: str, *, params=None, json_body=None, **extra):
        url, query = self._url(route)
        answer = self.client.request(
            method,
            url,
            params={**query, **(params or {})},
            json_body=json_body,
            **extra,
        )
        what = f"WordPress's answer to {method} {route}"
        data = answer.json()
        if method == "GET" and route in _COLLECTIONS:
            for item in http.expect_list(data, what, url):
                http.expect_id(item, f"an item in {what}")
            return data
        return http.expect_object(data, what, url)

    # -- the Publisher protocol ------------------------------------------------------------
    def verify(self) -> str:
        me = self.call("GET", "/wp/v2/users/me", params={"context": "edit"})
        site_name = ""
        try:
            url, query = self._url("/")
            index = self.client.request("GET", url, params=query).json()
            site_name = index.get("name", "") if isinstance(index, dict) else ""
        except PublishError:
            pass
        who = me.get("username") or me.get("name") or "?"
        return f"{site_name or self.site}, signed in as {who}"

    def _body(self, payload: Payload) -> dict:
        body = {"title": payload.title, "content": payload.html, "status": payload.status}
        if payload.slug:
            body["slug"] = payload.slug
        if payload.excerpt:
            body["excerpt"] = payload.excerpt
        if payload.date is not None:
            utc = payload.date.astimezone(dt.UTC).replace(tzinfo=None)
            body["date_gmt"] = utc.isoformat(timespec="seconds")
        body["tags"] = [self._term("tags", name) for name in payload.tags]
        if payload.categories:
            body["categories"] = [self._term("categories", name) for name in payload.categories]
        if payload.featured_media:
            body["featured_media"] = int(payload.featured_media)
        if payload.format:
            body["format"] = payload.format
        if self._made:
            from smugdesk.publish.terms import made_note, remember_made

            self.notes.append(made_note(self._made))
            remember_made(self.account, self._made)
            self._made = []
        return body

    def _term(self, taxonomy: str, name: str) -> int:
        """The id of the tag or category called ``name``, made if the blog has none. Names
        are compared as a reader sees them: WordPress answers them HTML-escaped (Q&amp;A),
        and case and Unicode form do not make another term."""
        wanted = term_key(name)
        key = (taxonomy, wanted)
        if key not in self._terms:
            for spelling in _spellings(name):
                found = self.call(
                    "GET", f"/wp/v2/{taxonomy}", params={"search": spelling, "per_page": 100}
                )
                same = [
                    term
                    for term in (found if isinstance(found, list) else ())
                    if isinstance(term, dict) and term_key(str(term.get("name", ""))) == wanted
                ]
                if same:
                    self._terms[key] = int(same[0]["id"])
                    break
            else:
                self._terms[key] = self._make_term(taxonomy, name)
        return self._terms[key]

    def _make_term(self, taxonomy: str, name: str) -> int:
        # The search above can miss a term WordPress stored in another form (it runs names
        # through its HTML filter: "a<b" is kept differently); the create then answers
        # "term_exists" with the id of the one it has, which is the one meant.
        made = self.call(
            "POST", f"/wp/v2/{taxonomy}", json_body={"name": name}, ok=(200, 201, 400, 409, 500)
        )
        made = made if isinstance(made, dict) else {}
        if str(made.get("id", "")).isdigit():
            self._made.append(("tag" if taxonomy == "tags" else "category", name))
            return int(made["id"])
        data = made.get("data")
        existing = str(data.get("term_id", "")) if isinstance(data, dict) else ""
        if made.get("code") == "term_exists" and existing.isdigit():
            return int(existing)
        said = made.get("message") or "no reason given"
        kind = "tag" if taxonomy == "tags" else "category"
        raise PublishError(f"the blog refused the {kind} “{name}”: {said}")

    def _names(self, taxonomy: str, ids: list[int]) -> list[str]:
        if not ids:
            return []
        found = self.call(
            "GET",
            f"/wp/v2/{taxonomy}",
            params={"include": ",".join(map(str, ids)), "per_page": 100},
        )
        # As the writer typed them: WordPress sends "Q&amp;A" for Q&A.
        terms = found if isinstance(found, list) else []
        return [html.unescape(str(t.get("name", ""))) for t in terms if isinstance(t, dict)]

    def _remote(self, data: dict, names: bool = False) -> RemotePost:
        content = _obj(data.get("content"))
        title = _obj(data.get("title"))
        excerpt = _obj(data.get("excerpt"))
        tags, categories = data.get("tags"), data.get("categories")
        return RemotePost(
            id=http.expect_id(data, "the post WordPress sent"),
            url=str(data.get("link", "")),
            title=str(title.get("raw", title.get("rendered", ""))),
            html=str(content.get("raw", content.get("rendered", ""))),
            status=str(data.get("status", "")),
            slug=str(data.get("slug", "")),
            excerpt=str(excerpt.get("raw", "")),
            date=_utc(str(data.get("date_gmt") or "")),
            modified=str(data.get("modified_gmt", "")),
            format=str(data.get("format") or ""),
            tags=self._names("tags", tags) if names and isinstance(tags, list) else [],
            categories=(
                self._names("categories", categories)
                if names and isinstance(categories, list)
                else []
            ),
        )

    def create(self, payload: Payload) -> RemotePost:
        return self._remote(self.call("POST", "/wp/v2/posts", json_body=self._body(payload)))

    def update(self, remote_id: str, payload: Payload) -> RemotePost:
        data = self.call("POST", f"/wp/v2/posts/{remote_id}", json_body=self._body(payload))
        return self._remote(data)

    def get(self, remote_id: str) -> RemotePost | None:
        try:
            data = self.call("GET", f"/wp/v2/posts/{remote_id}", params={"context": "edit"})
        except RefusedError as error:
            if "(404)" in str(error) or "(410)" in str(error):
                return None
            raise
        if data.get("status") == "trash":
            return None
        return self._remote(data, names=True)

    def find(
        self, slug: str, title: str, marker: str = "", date: dt.datetime | None = None
    ) -> RemotePost | None:
        """The post a create whose answer was lost may have made, and not an older post of
        the same name (``lost_create_matches``). The REST API keeps no marker of ours without
        a plug-in, so title, slug and date decide."""
        params = {"context": "edit", "status": _ANY_STATUS, "per_page": 20}
        found = self.call("GET", "/wp/v2/posts", params={**params, "slug": slug}) if slug else []
        if title:
            found += self.call("GET", "/wp/v2/posts", params={**params, "search": title})
        for item in found:
            post = self._remote(item)
            if lost_create_matches(post, slug, title, marker, date):
                return post
        return None

    def media_exists(self, media_id: str) -> bool:
        """Whether an image uploaded earlier is still in the media library (a writer may have
        deleted it there): a cached id is reused only if it is."""
        if not str(media_id).isdigit():
            return False
        try:
            self.call("GET", f"/wp/v2/media/{media_id}", params={"context": "edit"})
        except RefusedError as error:
            if "(404)" in str(error) or "(410)" in str(error):
                return False
            raise
        return True

    def upload(self, name: str, data: bytes, mime: str) -> Media:
        # WordPress 6.1 reads only the plain filename="…" form: keep it ASCII and unquoted.
        stem, dot, suffix = name.rpartition(".")
        plain = (slugify(stem) or "image") + dot + re.sub(r"[^A-Za-z0-9]", "", suffix)
        answer = self.call(
            "POST",
            "/wp/v2/media",
            data=data,
            headers={
                "Content-Type": mime,
                "Content-Disposition": f'attachment; filename="{plain}"',
            },
        )
        return Media(
            http.expect_id(answer, "the uploaded image"), str(answer.get("source_url", ""))
        )

    def recent(self, count: int) -> list[RemotePost]:
        found = self.call(
            "GET",
            "/wp/v2/posts",
            params={"context": "edit", "status": _ANY_STATUS, "per_page": min(count, 100)},
        )
        return [self._remote(item, names=True) for item in found or ()]

    def by_url(self, url: str) -> RemotePost | None:
        parts = urllib.parse.urlsplit(url)
        query = dict(urllib.parse.parse_qsl(parts.query))
        if query.get("p", "").isdigit():
            return self.get(query["p"])
        slug = [s for s in parts.path.split("/") if s][-1:] or [""]
        if not slug[0]:
            return None
        found = self.call(
            "GET",
            "/wp/v2/posts",
            params={"context": "edit", "status": _ANY_STATUS, "slug": slug[0]},
        )
        return self._remote(found[0], names=True) if found else None

    # -- the blog's terms, for completion ---------------------------------------------------
    def _all(self, route: str, fields: str, params: dict | None = None) -> list[dict]:
        """Every item of a collection, a hundred a page (at most 10,000)."""
        items: list[dict] = []
        for page in range(1, 101):
            try:
                found = self.call(
                    "GET",
                    route,
                    params={"per_page": 100, "page": page, "_fields": fields, **(params or {})},
                )
            except RefusedError:
                if page == 1:
                    raise
                break  # past the last page (WordPress answers 400)
            items += [item for item in found if isinstance(item, dict)]
            if len(found) < 100:
                break
        return items

    def fetch_terms(self):
        """The blog's categories with their parents, its tags and its authors."""
        from smugdesk.publish.terms import BlogTerms, Category

        categories = self._all("/wp/v2/categories", "id,name,parent")
        names = {item["id"]: html.unescape(str(item.get("name", ""))) for item in categories}
        tags = self._all("/wp/v2/tags", "id,name")
        try:
            users = self._all("/wp/v2/users", "id,name", {"who": "authors"})
        except PublishError:
            users = []  # a user who may not list authors still gets the terms
        formats = self._theme_formats()
        return BlogTerms(
            categories=[
                Category(names[item["id"]], names.get(item.get("parent"), ""))
                for item in categories
            ],
            tags=[html.unescape(str(item.get("name", ""))) for item in tags],
            authors=[html.unescape(str(item.get("name", ""))) for item in users],
            formats=formats,
        )

    def _theme_formats(self) -> list[str]:
        """The post formats the blog's theme shows (WordPress stores any, but a theme
        without "aside" shows an aside as a plain post)."""
        try:
            found = self.call(
                "GET", "/wp/v2/themes", params={"status": "active", "_fields": "theme_supports"}
            )
        except PublishError:
            return []  # an author may not read themes: no list, any format can still be typed
        theme = found[0] if isinstance(found, list) and found else {}
        formats = _obj(_obj(theme).get("theme_supports")).get("formats")
        return [str(f) for f in formats if isinstance(f, str)] if isinstance(formats, list) else []
