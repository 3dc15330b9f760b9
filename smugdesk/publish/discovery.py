"""Which blogging API a blog offers, found from its home page address (no Qt here).

What a blog announces about itself, as the blogging clients read it:
- the WordPress REST API root: the ``Link: <…>; rel="https://api.w.org/"`` header, or
  ``<link rel="https://api.w.org/">`` in the page;
- XML-RPC: ``<link rel="EditURI">`` names an RSD document, whose ``<api apiLink=…>`` list
  says which APIs answer where (WordPress, MetaWeblog, Blogger, WP-API);
- Micropub: ``rel="micropub"``, with ``rel="authorization_endpoint"`` and
  ``rel="token_endpoint"`` for IndieAuth sign-in;
- Ghost: ``<meta name="generator" content="Ghost 5.…">`` in the page, confirmed by its Admin
  API's public ``ghost/api/admin/site/`` answer (asked also when a page names nothing else).

The discovery requests carry no credentials, so they may follow a redirect to another site;
the address the blog ended at is reported, and the account is made for the addresses the
blog named, where the password will later go (``Found.notes`` says when that is another
site than the one typed)."""

from __future__ import annotations

import contextlib
import dataclasses
import html
import json
import re
import time
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from smugdesk.core.accounts import Account, AccountError, check_address
from smugdesk.publish import http
from smugdesk.publish.remote import AuthError, PublishError

REST_REL = "https://api.w.org/"
PAGE_BYTES = 2 * 1024 * 1024  # a home page bigger than this is not read to the end
DEADLINE = 15.0
_WORDPRESS_APIS = ("wordpress", "metaweblog", "movable type", "blogger")


class DiscoveryError(PublishError):
    """The address could not be read, or it offers no API smugdesk speaks."""


class AppPasswordNeededError(AuthError):
    """WordPress refused the password over its REST API: it wants an application password
    (or has them turned off). ``profile`` is the page where one is made."""

    def __init__(self, message: str, profile: str) -> None:
        super().__init__(message)
        self.profile = profile


@dataclass(frozen=True)
class Found:
    """What a blog's home page says about it. Addresses are absolute; "" where absent."""

    address: str  # where the home page was read, after any redirect
    typed: str  # what the writer typed, made absolute
    title: str = ""
    rest_root: str = ""
    xmlrpc: str = ""
    rsd_apis: tuple[str, ...] = ()
    engine: str = ""  # the RSD's engineName ("WordPress")
    micropub: str = ""
    authorization_endpoint: str = ""
    token_endpoint: str = ""
    ghost: str = ""  # the Ghost site whose ghost/api/admin/ answered
    ghost_version: str = ""
    notes: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # how each API was found ("REST API: the Link header")

    @property
    def is_wordpress(self) -> bool:
        return bool(self.rest_root) or self.engine.lower() == "wordpress"

    def kinds(self) -> list[str]:
        """The account kinds this blog can be used as, best first: Ghost's Admin API (a
        Ghost site offers nothing else), WordPress REST (with an application password), then
        XML-RPC, then Micropub."""
        kinds = ["ghost"] if self.ghost else []
        if self.rest_root:
            kinds.append("wordpress")
        if self.xmlrpc:
            kinds.append("metaweblog")
        if self.micropub:
            kinds.append("micropub")
        return kinds

    def best(self) -> str:
        kinds = self.kinds()
        return kinds[0] if kinds else ""

    def api_address(self, kind: str) -> str:
        """The address an account of ``kind`` keeps for this blog."""
        if kind == "wordpress":
            return rest_site(self.rest_root)
        return {"metaweblog": self.xmlrpc, "micropub": self.micropub, "ghost": self.ghost}.get(
            kind, ""
        )

    def account(self, name: str, kind: str, user: str = "") -> Account:
        if kind not in self.kinds():
            raise DiscoveryError(f"{self.address} does not offer {kind}")
        keyed = kind in ("micropub", "ghost")  # a token or key alone signs in
        return Account(name, kind, self.api_address(kind), "" if keyed else user)

    def profile_page(self) -> str:
        """WordPress's page where a user makes an application password."""
        base = rest_site(self.rest_root) if self.rest_root else self.address
        return urllib.parse.urljoin(base.rstrip("/") + "/", "wp-admin/profile.php")

    def summary(self) -> str:
        """What was found, in plain words, for the dialog."""
        name = f"“{self.title}”" if self.title else self.address
        if self.best() == "ghost":
            version = f" (Ghost {self.ghost_version})" if self.ghost_version else ""
            return (
                f"{name} is a Ghost site{version}. smugdesk will use its Admin API: paste an "
                "Admin API key (in Ghost Admin: Settings → Integrations → Add custom "
                "integration)."
            )
        if self.is_wordpress:
            offers = []
            if self.rest_root:
                offers.append("the WordPress REST API")
            if self.xmlrpc:
                offers.append("XML-RPC")
            first = f"{name} is a WordPress blog; it offers {' and '.join(offers)}."
            if self.best() == "wordpress":
                return (
                    f"{first} smugdesk will use the REST API: sign in with your user name and "
                    "an application password (Users → Profile on the blog)."
                )
            return f"{first} smugdesk will use XML-RPC: sign in with your user name and password."
        if self.best() == "metaweblog":
            apis = ", ".join(self.rsd_apis) or "XML-RPC"
            return (
                f"{name} offers {apis} over XML-RPC at {self.xmlrpc}: sign in with your user "
                "name and password."
            )
        if self.best() == "micropub":
            sign_in = (
                "sign in through its IndieAuth server, or paste a token"
                if self.authorization_endpoint and self.token_endpoint
                else "paste an access token (it names no IndieAuth server)"
            )
            return f"{name} takes posts through Micropub at {self.micropub}: {sign_in}."
        return f"{name} does not say which blogging API it offers."


def rest_site(rest_root: str) -> str:
    """The site address the WordPress publisher works from, given the REST API root it
    announced: ``…/wp-json/`` (pretty permalinks) or ``…/?rest_route=/`` (plain ones)."""
    parts = urllib.parse.urlsplit(rest_root)
    path = parts.path
    if "rest_route" in urllib.parse.parse_qs(parts.query):
        path = re.sub(r"index\.php$", "", path)
    else:
        path = re.sub(r"wp-json/?$", "", path)
    if not path.endswith("/"):
        path += "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


# -- reading a page --------------------------------------------------------------------------


class _Head(HTMLParser):
    """The <link rel=… href=…> elements and the <title> of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (rel, href), one per rel word
        self.title = ""
        self._in_title = False
        self.base = ""
        self.generator = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("link", "a") and values.get("href") and values.get("rel"):
            for rel in values["rel"].split():
                self.links.append((rel, values["href"].strip()))
        elif tag == "title" and not self.title:
            self._in_title = True
        elif tag == "base" and values.get("href") and not self.base:
            self.base = values["href"].strip()
        elif tag == "meta" and values.get("name", "").lower() == "generator":
            self.generator = self.generator or values.get("content", "").strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


_LINK_VALUE = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_PARAM = re.compile(r';\s*([A-Za-z*-]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))')


def link_header(value: str) -> list[tuple[str, str]]:
    """(rel, target) pairs from an HTTP ``Link`` header (RFC 8288); a rel may hold several
    space-separated words."""
    pairs = []
    for match in _LINK_VALUE.finditer(value):
        target = match.group(1).strip()
        for name, quoted, bare in _PARAM.findall(match.group(2)):
            if name.lower() == "rel":
                pairs.extend((rel, target) for rel in (quoted or bare).split())
    return pairs


def _first(links: list[tuple[str, str]], rel: str, base: str) -> str:
    for name, href in links:
        if name.lower() == rel.lower():
            target = urllib.parse.urljoin(base, href)
            if urllib.parse.urlsplit(target).scheme in ("http", "https"):
                return target
    return ""


class _Reader(http.Client):
    """GETs with no credentials at all: a redirect to another site may be followed (there
    is nothing to leak), but only to http(s), and the final address is reported."""

    def _check_origin(self, target: str, came_from: str) -> None:
        if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
            raise DiscoveryError(f"{came_from} redirected to {target[:120]}: not a web address")


def _get(
    url: str, deadline: float, accept: str = "text/html,*/*;q=0.5", ok: tuple[int, ...] = (200,)
) -> http.Response:
    reader = _Reader(url, deadline=deadline, max_bytes=PAGE_BYTES)
    return reader.request("GET", url, headers={"Accept": accept}, ok=ok)


def _rsd(url: str, deadline: float) -> tuple[str, str, tuple[str, ...], str]:
    """(engine name, XML-RPC address, API names, WP-API root) from an RSD document."""
    answer = _get(url, deadline, "application/rsd+xml, text/xml;q=0.9, */*;q=0.5")
    try:
        root = fromstring(answer.body, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        return "", "", (), ""
    engine, xmlrpc, rest, names = "", "", "", []
    for element in root.iter():
        tag = _local(element)
        if tag == "engineName" and not engine:
            engine = (element.text or "").strip()
        elif tag == "api":
            name = (element.get("name") or "").strip()
            link = urllib.parse.urljoin(answer.url or url, (element.get("apiLink") or "").strip())
            if urllib.parse.urlsplit(link).scheme not in ("http", "https"):
                continue
            names.append(name)
            if name.lower() == "wp-api":
                rest = rest or link
            elif name.lower() in _WORDPRESS_APIS and not xmlrpc:
                xmlrpc = link
    return engine, xmlrpc, tuple(n for n in names if n), rest


def _local(element: Element) -> str:
    return str(element.tag).rpartition("}")[2]


def _rest_name(root: str, deadline: float) -> str:
    """The site's name from the REST API's index (a page without a <title>)."""
    try:
        data = json.loads(_get(root, deadline, "application/json").body.decode("utf-8-sig"))
    except (PublishError, UnicodeDecodeError, ValueError, RecursionError):
        return ""
    name = data.get("name") if isinstance(data, dict) else ""
    return html.unescape(name) if isinstance(name, str) else ""


GHOST_SITE = "ghost/api/admin/site/"


def _ghost_site(candidates: list[str], deadline: float) -> tuple[str, str, str]:
    """(site address, title, version) from the first candidate whose Ghost Admin API
    answers ``site/`` with a Ghost site's shape; ("", "", "") when none does. The site
    address is where the API answered (after any redirect): where the key will go."""
    for site in dict.fromkeys(candidates):
        try:
            answer = _get(site + GHOST_SITE, deadline, "application/json")
            data = json.loads(answer.body.decode("utf-8-sig"))
        except (PublishError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        info = data.get("site") if isinstance(data, dict) else None
        if not isinstance(info, dict) or not isinstance(info.get("version", ""), str):
            continue
        if "title" not in info and "version" not in info:
            continue
        where = answer.url or site + GHOST_SITE
        root = where[: -len(GHOST_SITE)] if where.endswith(GHOST_SITE) else site
        title = info.get("title") if isinstance(info.get("title"), str) else ""
        return root, title, str(info.get("version") or "")
    return "", "", ""


def _folder(url: str) -> str:
    """The address up to its last "/": where a page's siblings live."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rpartition("/")[0] + "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def discover(typed: str, deadline: float = DEADLINE) -> Found:
    """What the blog at ``typed`` (its home page address; https:// when no scheme is given)
    offers. Raises ``DiscoveryError`` with a one-line reason when the page cannot be read
    or names no API smugdesk speaks."""
    try:
        check_address(typed)
    except AccountError as error:
        raise DiscoveryError(str(error)) from None
    end = time.monotonic() + deadline

    def left() -> float:
        """What is left of the one deadline for the whole discovery (a second at least)."""
        return max(1.0, end - time.monotonic())

    typed = typed.strip()
    url = typed if "://" in typed else "https://" + typed
    if not urllib.parse.urlsplit(url).path:
        url += "/"
    if re.search(r"/xmlrpc\.php$", urllib.parse.urlsplit(url).path):
        # Typed the XML-RPC address itself: that is the API, nothing to look for.
        return Found(address=url, typed=url, xmlrpc=url, rsd_apis=("XML-RPC",))
    try:
        page = _get(url, left(), ok=tuple(range(200, 600)))
    except PublishError as error:
        raise DiscoveryError(f"the blog's page could not be read: {error}") from None
    address = page.url or url
    if page.status != 200:
        raise DiscoveryError(
            f"{address} answered {page.status} ({http.server_message(page.body)[:80]}): is "
            "this the blog's home page?"
        )
    head = _Head()
    head.feed(page.body.decode(_charset(page), "replace"))
    head.close()
    base = urllib.parse.urljoin(address, head.base) if head.base else address
    header_links = link_header(page.headers.get("link", ""))
    evidence: list[str] = []

    def named(rel: str, what: str) -> str:
        for links, where, source in (
            (header_links, address, "the Link header"),
            (head.links, base, "a <link> in the page"),
        ):
            target = _first(links, rel, where)
            if target:
                if what:
                    evidence.append(f"{what}: {source}")
                return target
        return ""

    rest = named(REST_REL, "REST API")
    edit_uri = named("EditURI", "RSD")
    micropub = named("micropub", "Micropub")
    engine, xmlrpc, apis, rsd_rest = "", "", (), ""
    if edit_uri:
        with contextlib.suppress(PublishError):  # the page's own links still count
            engine, xmlrpc, apis, rsd_rest = _rsd(edit_uri, left())
    if not edit_uri and (rest or not micropub):
        # A WordPress keeps its RSD beside xmlrpc.php even when its theme names neither.
        guess = (rest_site(rest) if rest else _folder(address)) + "xmlrpc.php?rsd"
        try:
            engine, xmlrpc, apis, rsd_rest = _rsd(guess, left())
            if xmlrpc:
                evidence.append("RSD: xmlrpc.php?rsd, where WordPress keeps it")
        except PublishError:
            pass
    if not rest and rsd_rest:
        rest = rsd_rest
        evidence.append("REST API: the RSD's WP-API entry")
    ghost, ghost_title, ghost_version = "", "", ""
    says_ghost = head.generator.lower().startswith("ghost")
    if says_ghost or not (rest or xmlrpc or micropub):
        # A Ghost site's page names no API: its generator says Ghost, and the Admin API's
        # site/ answers anyone. Asked also when nothing else was found (a theme without
        # the generator tag), at the address's folder and at the site's root.
        root = urllib.parse.urljoin(address, "/")
        ghost, ghost_title, ghost_version = _ghost_site([_folder(address), root], left())
        if ghost:
            evidence.append(
                "Ghost: the page's generator and its Admin API"
                if says_ghost
                else "Ghost: its Admin API answered"
            )
    if not (rest or xmlrpc or micropub or ghost):
        raise DiscoveryError(
            f"{address} names no blogging API (no WordPress REST API, no RSD/XML-RPC, no "
            "Micropub link, no Ghost Admin API): set the account up by hand under Advanced"
        )
    title = " ".join(head.title.split()) or ghost_title
    if rest and not title:
        title = _rest_name(rest, left())
    notes = []
    if _origin(address) != _origin(url):
        notes.append(f"{url} sent smugdesk on to {address}.")
    found = Found(
        address=address,
        typed=url,
        title=title[:200],
        rest_root=rest,
        xmlrpc=xmlrpc,
        rsd_apis=apis,
        engine=engine,
        micropub=micropub,
        authorization_endpoint=named("authorization_endpoint", ""),
        token_endpoint=named("token_endpoint", ""),
        ghost=ghost,
        ghost_version=ghost_version,
        evidence=tuple(evidence),
    )
    names = {
        "wordpress": "REST API",
        "metaweblog": "XML-RPC",
        "micropub": "Micropub",
        "ghost": "Ghost Admin API",
    }
    for kind in found.kinds():
        api = found.api_address(kind)
        if _origin(api) != _origin(address):
            what = "tokens made from the key" if kind == "ghost" else "the password or token"
            notes.append(
                f"The blog's {names[kind]} is on another site, {http._show(_origin(api))}: "
                f"{what} for it will be sent there."
            )
    return dataclasses.replace(found, notes=tuple(notes))


def _origin(url: str) -> tuple[str, str, int]:
    return http.origin(url)


def _charset(page: http.Response) -> str:
    found = re.search(r"charset=([\w-]+)", page.headers.get("content-type", ""), re.I)
    name = found.group(1) if found else "utf-8"
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return name


# -- signing in ------------------------------------------------------------------------------

_APP_PASSWORD_CODES = ("incorrect_password", "rest_not_logged_in", "invalid_username")


def wordpress_sign_in(found: Found, user: str, secret: str, deadline: float = 20.0) -> str:
    """Signs in to the REST API as ``user``; "<site>, signed in as <user>". WordPress
    refusing the password there (a normal password, or application passwords turned off)
    raises ``AppPasswordNeededError`` with what to do and where."""
    site = rest_site(found.rest_root)
    client = http.Client(
        site,
        {"Authorization": http.basic_auth(user, secret.replace(" ", ""))},
        deadline=deadline,
    )
    answer = client.request(
        "GET",
        site,
        params={"rest_route": "/wp/v2/users/me", "context": "edit"},
        ok=(200, 401, 403),
    )
    if answer.status == 200:
        me = answer.json_object("WordPress's answer about the user")
        who = me.get("username") or me.get("name") or user
        return f"{found.title or site}, signed in as {who}"
    try:
        code = str(answer.json().get("code", ""))
    except (PublishError, AttributeError):
        code = ""
    if answer.status == 401 and code in _APP_PASSWORD_CODES:
        profile = found.profile_page()
        raise AppPasswordNeededError(
            "The blog refused the user name or password over its REST API. WordPress takes an "
            "application password here, not your usual one: create one in Users → Profile "
            f"({profile}) and paste it here"
            + (", or use XML-RPC with your usual password." if found.xmlrpc else "."),
            profile,
        )
    raise http.failure(answer.status, answer.body, answer.url)
