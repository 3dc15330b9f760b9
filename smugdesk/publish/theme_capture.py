"""Capturing a blog's theme for the offline preview: one real page of the blog, made into
a safe template (core/theme_template.py), with the stylesheets, fonts and images it needs
stored beside it, per account, in the cache folder.

Everything comes through the project's HTTP client (publish/http.py) bound to the blog's
own origin: no credentials are sent (the pages are public), a redirect to another origin
is refused, each file has a size cap and a deadline, and the whole capture has a total
size cap and a file count cap. Addresses on other origins are never fetched: the template
simply loses them.

A capture is written into a new folder and swapped in whole: a failed or cut-off capture
leaves the previous theme as it was.

A static site (Hugo, Jekyll) is not fetched: its real generator builds a copy of it, and
the built page and files are read from that build (capture_site).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit, urlunsplit

from smugdesk.core.store import atomic_write
from smugdesk.core.theme_store import (
    INFO_NAME,
    SITE_BASE,
    TEMPLATE_NAME,
    THEME_PREFIX,
    StoredTheme,
    load_theme,
)
from smugdesk.core.theme_template import TemplateError, make_template, rewrite_css
from smugdesk.publish.http import Client, Response, origin
from smugdesk.publish.remote import OfflineError, PublishError, PublishTimeoutError

MAX_PAGE_BYTES = 4 * 1024 * 1024
MAX_CSS_BYTES = 2 * 1024 * 1024
MAX_FILE_BYTES = 6 * 1024 * 1024
MAX_TOTAL_BYTES = 30 * 1024 * 1024
MAX_FILES = 300
MAX_IMPORT_DEPTH = 8
FILE_DEADLINE = 20.0
CAPTURE_DEADLINE = 120.0

# The kinds of file a theme may bring, by suffix; anything else is not stored.
SUFFIXES = {
    "text/css": ".css",
    "font/woff2": ".woff2",
    "font/woff": ".woff",
    "application/font-woff": ".woff",
    "application/font-woff2": ".woff2",
    "font/ttf": ".ttf",
    "font/otf": ".otf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/avif": ".avif",
    "image/svg+xml": ".svg",
    "image/x-icon": ".ico",
    "image/vnd.microsoft.icon": ".ico",
}
KNOWN_SUFFIXES = frozenset(SUFFIXES.values()) | {".jpeg"}


class ThemeCaptureError(PublishError):
    """The theme could not be captured (one line saying why)."""


# fetch(url, cap) -> (body, content type, the address it came from), or None when it
# could not be had (another origin, too large, missing, too slow).
Fetcher = Callable[[str, int], "tuple[bytes, str, str] | None"]


class _Collector:
    """Fetches what the template names, within the caps; answers each address with its
    stored copy's path in the page, or None."""

    def __init__(self, fetch: Fetcher, may_have: Callable[[str], bool], files: Path) -> None:
        self.fetch = fetch
        self.may_have = may_have
        self.files = files
        self.deadline = time.monotonic() + CAPTURE_DEADLINE
        self.stored: dict[str, str | None] = {}
        self.in_progress: set[str] = set()
        self.depth = 0
        self.total = 0
        self.count = 0
        self.skipped = 0

    def resolve(self, url: str, kind: str) -> str | None:
        url = urldefrag(url).url
        if url in self.stored:
            return self.stored[url]
        if url in self.in_progress:
            self.skipped += 1
            return None  # an @import loop: the sheet is already on its way in
        local = None
        if self._may_fetch(url):
            self.in_progress.add(url)
            self.count += 1  # its place is taken now: the sheets it imports come first
            try:
                local = self._fetch(url, kind)
            finally:
                self.in_progress.discard(url)
                if local is None:
                    self.count -= 1
        if local is None:
            self.skipped += 1
        self.stored[url] = local
        return local

    def _may_fetch(self, url: str) -> bool:
        return (
            self.may_have(url)
            and self.count < MAX_FILES
            and self.total < MAX_TOTAL_BYTES
            and time.monotonic() < self.deadline
        )

    def _fetch(self, url: str, kind: str) -> str | None:
        if kind == "stylesheet" and self.depth >= MAX_IMPORT_DEPTH:
            return None
        cap = MAX_CSS_BYTES if kind == "stylesheet" else MAX_FILE_BYTES
        got = self.fetch(url, min(cap, MAX_TOTAL_BYTES - self.total))
        if got is None:
            return None
        data, content_type, came_from = got
        suffix = _suffix(url, content_type, kind)
        if suffix is None:
            return None
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20] + suffix
        if suffix == ".css":
            self.depth += 1
            try:
                text = data.decode("utf-8", "replace").lstrip("\ufeff")
                data = rewrite_css(text, came_from or url, self.resolve).encode("utf-8")
            finally:
                self.depth -= 1
        if self.total + len(data) > MAX_TOTAL_BYTES:
            return None
        (self.files / name).write_bytes(data)
        self.total += len(data)
        return THEME_PREFIX + "files/" + name


def _web_fetcher(client: Client) -> Fetcher:
    def fetch(url: str, cap: int) -> tuple[bytes, str, str] | None:
        client.max_bytes = cap
        try:
            answer = client.request("GET", url, headers={"Accept": "*/*"}, deadline=FILE_DEADLINE)
        except PublishError:
            return None  # another origin after a redirect, too big, gone, too slow
        return answer.body, answer.headers.get("content-type", ""), answer.url or url

    return fetch


def _suffix(url: str, content_type: str, kind: str) -> str | None:
    if kind == "stylesheet":
        return ".css"
    suffix = os.path.splitext(urlsplit(url).path)[1].lower()
    if suffix in KNOWN_SUFFIXES:
        return ".jpg" if suffix == ".jpeg" else suffix
    announced = content_type.split(";")[0].strip().lower()
    return SUFFIXES.get(announced)


def capture_page(
    page_url: str,
    folder: Path,
    *,
    name: str,
    marker: str = "",
) -> StoredTheme:
    """Make the page at ``page_url`` into the theme stored in ``folder`` (replacing what
    was there only once the new one is complete)."""
    client = Client(page_url, deadline=FILE_DEADLINE, max_bytes=MAX_PAGE_BYTES)
    try:
        answer = _get_page(client, page_url)
    except PublishError as error:
        raise ThemeCaptureError(f"the blog's page could not be fetched: {error}") from None
    page = answer.body.decode(_charset(answer), "replace")
    return store_template(page, answer.url or page_url, folder, name=name, marker=marker)


def store_template(
    page: str,
    page_url: str,
    folder: Path,
    *,
    name: str,
    marker: str = "",
    title_marker: str = "",
    fetch: Fetcher | None = None,
) -> StoredTheme:
    """``page`` (found at ``page_url``) made into a template, its files fetched by
    ``fetch`` (by default through a client bound to ``page_url``'s origin; only that
    origin's files in any case), stored in ``folder``."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = folder.with_name(f".{folder.name}.{os.getpid()}.{time.monotonic_ns()}")
    files = work / "files"
    files.mkdir(parents=True)
    try:
        home = origin(page_url)
        fetch = fetch or _web_fetcher(Client(page_url, deadline=FILE_DEADLINE))
        collector = _Collector(fetch, lambda url: origin(url) == home, files)
        try:
            template = make_template(
                page, page_url, collector.resolve, marker=marker, title_marker=title_marker
            )
        except TemplateError as error:
            raise ThemeCaptureError(f"{page_url}: {error}") from None
        data = template.encode("utf-8")
        (work / TEMPLATE_NAME).write_bytes(data)
        info = {
            "name": name,
            "source": page_url,
            "captured": time.time(),
            "files": collector.count,
            "size": collector.total + len(data),
            "skipped": collector.skipped,
            "fingerprint": _sheets_fingerprint(page, page_url),
        }
        atomic_write(work / INFO_NAME, json.dumps(info, indent=1).encode("utf-8"))
        _swap_in(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    theme = load_theme(folder)
    if theme is None:
        raise ThemeCaptureError("the captured theme could not be read back")
    return theme


def _swap_in(work: Path, folder: Path) -> None:
    old = folder.with_name(f".{folder.name}.old.{time.monotonic_ns()}")
    if folder.exists():
        os.replace(folder, old)
    os.replace(work, folder)
    shutil.rmtree(old, ignore_errors=True)


def _get_page(client: Client, url: str) -> Response:
    return client.request("GET", url, headers={"Accept": "text/html"})


def _charset(answer: Response) -> str:
    found = re.search(r"charset=([\w-]+)", answer.headers.get("content-type", ""))
    name = found.group(1) if found else "utf-8"
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return name


# -- WordPress (and blogs with public pages) -----------------------------------------------


def wordpress_page(blog_url: str) -> tuple[str, str, str]:
    """(a recent public post's address, a marker text from its content, the blog's name)
    from the blog's public REST API; the home page when it has no post or no such API (a
    MetaWeblog blog of another kind)."""
    base = blog_home(blog_url)
    client = Client(base, deadline=FILE_DEADLINE, max_bytes=MAX_PAGE_BYTES)
    name = urlsplit(base).hostname or base
    with contextlib.suppress(PublishError):
        about = client.request("GET", base, params={"rest_route": "/"}).json_object()
        if isinstance(about.get("name"), str) and about["name"].strip():
            name = html.unescape(about["name"].strip())
    try:
        posts = client.request(
            "GET",
            base,
            params={"rest_route": "/wp/v2/posts", "per_page": 1, "_fields": "link,content"},
        ).json_list("the blog's posts")
    except (OfflineError, PublishTimeoutError) as error:
        raise ThemeCaptureError(f"the blog cannot be reached: {error}") from None
    except PublishError:
        return base, "", name  # no WordPress API there: its home page, then
    if not posts or not isinstance(posts[0], dict) or not isinstance(posts[0].get("link"), str):
        return base, "", name
    link = urljoin(base, posts[0]["link"])
    content = posts[0].get("content")
    rendered = content.get("rendered", "") if isinstance(content, dict) else ""
    text = " ".join(re.sub(r"<[^>]*>", " ", html.unescape(str(rendered))).split())
    return link, text[:40], name


def blog_home(url: str) -> str:
    """The blog's own address from an account's (which may name its xmlrpc.php)."""
    parts = urlsplit(url)
    path = parts.path
    if path.endswith("xmlrpc.php"):
        path = path[: -len("xmlrpc.php")]
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def capture_wordpress(blog_url: str, folder: Path) -> StoredTheme:
    """Capture a WordPress blog's theme from its most recent public post."""
    page_url, marker, name = wordpress_page(blog_url)
    if origin(page_url) != origin(blog_url):
        raise ThemeCaptureError(f"the blog's post is on another site ({page_url})")
    return capture_page(page_url, folder, name=name, marker=marker)


def _sheets_fingerprint(page: str, page_url: str) -> str:
    """The page's own stylesheets' addresses, hashed: a new theme or a theme update (its
    version is in the addresses WordPress writes) changes it."""
    found = re.findall(
        r"<link\b[^>]*\brel=[\"']?stylesheet[^>]*\bhref=[\"']?([^\"'\s>]+)", page, flags=re.I
    )
    sheets = [urljoin(page_url, html.unescape(url)) for url in found]
    own = [url for url in sheets if origin(url) == origin(page_url)]
    return hashlib.sha256("\n".join(own).encode("utf-8")).hexdigest()[:16]


def check_changed(theme: StoredTheme) -> bool:
    """Whether the blog's page now uses other stylesheets than when the theme was captured.
    Needs the network: PublishError when the blog cannot be reached."""
    client = Client(theme.source, deadline=FILE_DEADLINE, max_bytes=MAX_PAGE_BYTES)
    answer = _get_page(client, theme.source)
    page = answer.body.decode(_charset(answer), "replace")
    return _sheets_fingerprint(page, answer.url or theme.source) != theme.fingerprint


# -- static sites (Hugo, Jekyll) ------------------------------------------------------------------

BUILD_TIMEOUT = 120.0


def _folder_fetcher(root: Path) -> Fetcher:
    """Files of a built site, by their address under SITE_BASE: only inside ``root`` (its
    real path, symlinks followed), regular files of at most the cap."""
    top = os.path.realpath(root)

    def fetch(url: str, cap: int) -> tuple[bytes, str, str] | None:
        if not url.startswith(SITE_BASE):
            return None
        relative = unquote(urlsplit(url).path).lstrip("/")
        real = os.path.realpath(os.path.join(top, relative))
        if os.path.commonpath([top, real]) != top or not os.path.isfile(real):
            return None
        if os.path.getsize(real) > cap:
            return None
        with open(real, "rb") as handle:
            return handle.read(cap + 1)[:cap], "", url

    return fetch


SITE_GENERATORS = ("hugo", "jekyll")  # static sites whose own look can be built here


def capture_hugo(site: Path, folder: Path, *, section: str = "posts") -> StoredTheme:
    """A Hugo site's own look (see capture_site)."""
    return capture_site("hugo", site, folder, section=section)


def capture_site(
    kind: str, site: Path, folder: Path, *, section: str = "posts", layout: str = "post"
) -> StoredTheme:
    """A static site's own look: the site (a copy, so its folder stays as it was) is built
    by its real generator with a marker post (Hugo: in ``section``; Jekyll: in ``_posts``
    with ``layout``), and the marker post's page becomes the template, its CSS, fonts and
    images taken from the built site."""
    site = Path(site)
    if kind not in SITE_GENERATORS:
        raise ThemeCaptureError(f"no generator known for {kind!r}")
    if shutil.which(kind) is None:
        raise ThemeCaptureError(f"{kind} is not installed (apt install {kind})")
    for value, what in ((section, "content section"), (layout, "layout")):
        if not re.fullmatch(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*", value):
            raise ThemeCaptureError(f"{value!r} is not a {what}")
    scratch = Path(tempfile.mkdtemp(prefix="smugdesk-theme-"))
    try:
        return _build_and_store(kind, site, folder, scratch, section=section, layout=layout)
    finally:
        # A built site of a thousand pages takes seconds to delete on a busy disk: the
        # theme is ready before that, so the deleting goes on behind it.
        threading.Thread(
            target=shutil.rmtree, args=(scratch, True), name="smugdesk-theme-cleanup", daemon=True
        ).start()


def _marker_post(kind: str, work: Path, section: str, layout: str, token: str) -> None:
    title, body = f"SMUGDESK-TITLE-{token}", f"SMUGDESK-BODY-{token}"
    slug = f"smugdesk-preview-{token}"
    if kind == "hugo":
        path = work / "content" / section / f"{slug}.md"
        front = f'title: "{title}"\ndate: 2000-01-01T00:00:00Z\ndraft: false\n'
    else:
        path = work / "_posts" / f"2000-01-01-{slug}.md"
        front = f'layout: {layout}\ntitle: "{title}"\ndate: 2000-01-01 00:00:00 +0000\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")


def _build_command(kind: str, work: Path, out: Path, scratch: Path) -> list[str]:
    if kind == "hugo":
        return [
            "hugo", "--source", str(work), "--destination", str(out), "--baseURL", SITE_BASE,
            "--noBuildLock", "--cacheDir", str(scratch / "cache"), "--quiet",
        ]  # fmt: skip
    # The site's absolute links (absolute_url, site.url) point at the build, not the web.
    override = scratch / "smugdesk-preview.yml"
    override.write_text(f'url: "{SITE_BASE.rstrip("/")}"\nbaseurl: ""\n', encoding="utf-8")
    configs = [work / name for name in ("_config.yml", "_config.yaml") if (work / name).is_file()]
    return [
        "jekyll", "build", "--source", str(work), "--destination", str(out),
        "--config", ",".join(str(p) for p in [*configs[:1], override]),
        "--disable-disk-cache", "--quiet",
    ]  # fmt: skip


def _marker_page(out: Path, token: str) -> Path | None:
    """The built page of the marker post, wherever the site's permalinks put it."""
    for page in sorted(out.rglob("*.html")):
        if f"smugdesk-preview-{token}" in page.as_posix():
            return page
    return None


def _build_and_store(
    kind: str, site: Path, folder: Path, scratch: Path, *, section: str, layout: str
) -> StoredTheme:
    from smugdesk.publish.git_command import GitError, last_lines, run_tool

    token = secrets.token_hex(8)
    work = scratch / "site"
    ignore = shutil.ignore_patterns("public", "_site", "resources", ".git", "node_modules")
    shutil.copytree(site, work, ignore=ignore, symlinks=True)
    _marker_post(kind, work, section, layout, token)
    out = scratch / "public"
    env = dict(
        os.environ,
        HUGO_RESOURCEDIR=str(scratch / "resources"),  # not the site's resources/_gen
        JEKYLL_ENV="production",
    )
    try:
        done = run_tool(_build_command(kind, work, out, scratch), work, BUILD_TIMEOUT, env)
    except GitError as error:
        raise ThemeCaptureError(str(error)) from None
    if done.returncode != 0:
        said = last_lines(done.stderr + done.stdout, 5).replace("\n", " / ")
        raise ThemeCaptureError(f"{kind} could not build the site: {said}")
    page = _marker_page(out, token)
    if page is None:
        raise ThemeCaptureError("the built site has no page for the preview's sample post")
    relative = page.relative_to(out).as_posix()
    address = SITE_BASE + (
        relative[: -len("index.html")] if page.name == "index.html" else relative
    )
    return store_template(
        page.read_text(encoding="utf-8", errors="replace"),
        address,
        folder,
        name=site.name,
        marker=f"SMUGDESK-BODY-{token}",
        title_marker=f"SMUGDESK-TITLE-{token}",
        fetch=_folder_fetcher(out),
    )
