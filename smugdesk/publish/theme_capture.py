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
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from smugdesk.core.config import cache_dir
from smugdesk.core.store import atomic_write
from smugdesk.core.theme_template import TemplateError, make_template, rewrite_css
from smugdesk.publish.http import Client, Response, origin
from smugdesk.publish.remote import PublishError

THEME_PREFIX = "/.smugdesk-theme/"  # where the preview page finds the stored files
TEMPLATE_NAME = "template.html"
INFO_NAME = "theme.json"
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
FONT_SUFFIXES = frozenset({".woff", ".woff2", ".ttf", ".otf"})


class ThemeCaptureError(PublishError):
    """The theme could not be captured (one line saying why)."""


@dataclass(frozen=True)
class StoredTheme:
    folder: Path
    name: str  # the blog's name, for the menu ("Blog theme (Ward Notes)")
    source: str  # the page it was made from
    captured: float  # time.time() of the capture
    files: int
    size: int  # bytes stored, the template included
    skipped: int  # addresses left out (other origins, too large, failed, over the caps)
    fingerprint: str  # of the stylesheets' addresses: a changed theme changes it

    @property
    def template_path(self) -> Path:
        return self.folder / TEMPLATE_NAME

    def template(self) -> str:
        return self.template_path.read_text(encoding="utf-8")


def themes_dir() -> Path:
    return cache_dir() / "themes"


def theme_folder(key: str) -> Path:
    """The folder of one account's (or site's) theme: a name safe on every file system,
    distinct for distinct keys."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-")[:40] or "blog"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return themes_dir() / f"{readable}-{digest}"


def load_theme(folder: Path) -> StoredTheme | None:
    """The theme stored in ``folder``, or None when there is none (or it is damaged)."""
    try:
        info = json.loads((folder / INFO_NAME).read_text(encoding="utf-8"))
        if not (folder / TEMPLATE_NAME).is_file():
            return None
        return StoredTheme(
            folder,
            str(info["name"]),
            str(info["source"]),
            float(info["captured"]),
            int(info["files"]),
            int(info["size"]),
            int(info["skipped"]),
            str(info["fingerprint"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class _Collector:
    """Downloads what the template names, same origin only, within the caps; answers each
    address with its stored copy's path in the page, or None."""

    def __init__(self, client: Client, files: Path, deadline: float) -> None:
        self.client = client
        self.files = files
        self.deadline = deadline
        self.stored: dict[str, str | None] = {}
        self.in_progress: set[str] = set()
        self.depth = 0
        self.total = 0
        self.count = 0
        self.skipped = 0
        self.stylesheets: list[str] = []

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
            try:
                local = self._fetch(url, kind)
            finally:
                self.in_progress.discard(url)
        if local is None:
            self.skipped += 1
        self.stored[url] = local
        return local

    def _may_fetch(self, url: str) -> bool:
        return (
            origin(url) == self.client.origin
            and self.count < MAX_FILES
            and self.total < MAX_TOTAL_BYTES
            and time.monotonic() < self.deadline
        )

    def _fetch(self, url: str, kind: str) -> str | None:
        cap = MAX_CSS_BYTES if kind == "stylesheet" else MAX_FILE_BYTES
        cap = min(cap, MAX_TOTAL_BYTES - self.total)
        left = self.deadline - time.monotonic()
        try:
            self.client.max_bytes = cap
            answer = self.client.request(
                "GET", url, headers={"Accept": "*/*"}, deadline=min(FILE_DEADLINE, left)
            )
        except PublishError:
            return None  # another origin after a redirect, too big, gone, too slow
        suffix = _suffix(url, answer, kind)
        if suffix is None:
            return None
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20] + suffix
        data = answer.body
        if suffix == ".css":
            if self.depth >= MAX_IMPORT_DEPTH:
                return None
            self.stylesheets.append(url)
            self.depth += 1
            try:
                text = data.decode("utf-8", "replace").lstrip("\ufeff")
                data = rewrite_css(text, answer.url or url, self.resolve).encode("utf-8")
            finally:
                self.depth -= 1
        if self.total + len(data) > MAX_TOTAL_BYTES:
            return None
        (self.files / name).write_bytes(data)
        self.total += len(data)
        self.count += 1
        return THEME_PREFIX + "files/" + name


def _suffix(url: str, answer: Response, kind: str) -> str | None:
    if kind == "stylesheet":
        return ".css"
    suffix = os.path.splitext(urlsplit(url).path)[1].lower()
    if suffix in KNOWN_SUFFIXES:
        return ".jpg" if suffix == ".jpeg" else suffix
    announced = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    return SUFFIXES.get(announced)


def capture_page(
    page_url: str,
    folder: Path,
    *,
    name: str,
    marker: str = "",
    fetch_page: Callable[[Client, str], Response] | None = None,
) -> StoredTheme:
    """Make the page at ``page_url`` into the theme stored in ``folder`` (replacing what
    was there only once the new one is complete)."""
    client = Client(page_url, deadline=FILE_DEADLINE, max_bytes=MAX_PAGE_BYTES)
    try:
        answer = (fetch_page or _get_page)(client, page_url)
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
    client: Client | None = None,
) -> StoredTheme:
    """``page`` (found at ``page_url``) made into a template, its files fetched through
    ``client`` (one bound to ``page_url``'s origin, by default), stored in ``folder``."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = folder.with_name(f".{folder.name}.{os.getpid()}.{time.monotonic_ns()}")
    files = work / "files"
    files.mkdir(parents=True)
    try:
        client = client or Client(page_url, deadline=FILE_DEADLINE)
        collector = _Collector(client, files, time.monotonic() + CAPTURE_DEADLINE)
        try:
            template = make_template(page, page_url, collector.resolve, marker=marker)
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


# -- WordPress ----------------------------------------------------------------------------


def wordpress_page(blog_url: str) -> tuple[str, str, str]:
    """(a recent public post's address, a marker text from its content, the blog's name)
    from the blog's public REST API; the home page when it has no post."""
    base = blog_url if blog_url.endswith("/") else blog_url + "/"
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
    except PublishError as error:
        raise ThemeCaptureError(f"the blog's posts could not be listed: {error}") from None
    if not posts or not isinstance(posts[0], dict) or not isinstance(posts[0].get("link"), str):
        return base, "", name
    link = urljoin(base, posts[0]["link"])
    content = posts[0].get("content")
    rendered = content.get("rendered", "") if isinstance(content, dict) else ""
    text = " ".join(re.sub(r"<[^>]*>", " ", html.unescape(str(rendered))).split())
    return link, text[:40], name


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
