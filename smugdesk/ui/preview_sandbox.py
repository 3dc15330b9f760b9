"""The walls around the preview page: one place decides what a post shown there may reach.

A post is content from anywhere (a shared blog, a paste, a sync), so the page it lands in
has no powers of its own:
- it is served from a custom scheme (``smugdesk-post://<token>/``) whose handler answers
  the shell page and the post's own media files, inside the post's folder and nothing else
  (and, for a blog-theme preview, the stored theme's files under ``/.smugdesk-theme/``,
  inside that theme's folder and nothing else);
- every request the page or its frames make passes a request interceptor that blocks by
  default: only the page's own scheme passes, and embedded players' hosts when the writer
  allowed remote content;
- a Content-Security-Policy on the shell page says the same a second time;
- messages from the page to the app carry a nonce only the preview's own script (in its
  isolated world) knows.

Imported when the preview is made (never before the window's first paint).
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
import stat
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QFile,
    QFileDevice,
    QIODevice,
    QObject,
    QUrl,
)
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from smugdesk.core.embeds import PROVIDER_NAMES, Embed
from smugdesk.core.theme_store import THEME_PREFIX

SCHEME = "smugdesk-post"
MAX_ASSET_BYTES = 64 * 1024 * 1024  # a post's video may be large; a 4 GB file is refused

# What the page may load from the post's folder: media, stylesheets and fonts. Never the
# writer's other drafts (.md), documents, HTML or anything without a suffix we know.
ASSET_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".bmp": "image/bmp",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".vtt": "text/vtt",
    ".css": "text/css",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}
SCRIPT_TYPES = {".js": "text/javascript", ".mjs": "text/javascript"}  # only when allowed

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
_LINE = re.compile(r"[0-9]{1,7}")
BROWSER_SCHEMES = ("http", "https", "mailto")


def _player_hosts() -> frozenset[str]:
    """The hosts embedded players are served from, as core/embeds.py writes their frames."""
    hosts = set()
    for provider in PROVIDER_NAMES:
        for kind in ("video", "playlist", "audio"):
            embed = Embed(provider, kind, "https://example.invalid/a/b", "track/a")
            player = embed.player_url
            if player:
                hosts.add(urlsplit(player).hostname or "")
    hosts.discard("")
    return frozenset(hosts)


PLAYER_HOSTS = _player_hosts()


def register_scheme() -> bool:
    """Make ``smugdesk-post:`` a standard, secure scheme with hosts (so relative image paths
    resolve and the page has an origin of its own). Qt accepts this until the first web
    engine object exists; True when the scheme is registered."""
    name = SCHEME.encode()
    if QWebEngineUrlScheme.schemeByName(name).name() == name:
        return True
    scheme = QWebEngineUrlScheme(name)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    return QWebEngineUrlScheme.schemeByName(name).name() == name


def content_security_policy(*, remote: bool, scripts: bool) -> str:
    """The shell page's policy: everything from the page's own origin, nothing else; frames
    only from embedded players' hosts when remote content is allowed; scripts only when the
    writer turned them on for this post."""
    frames = " ".join(f"https://{host}" for host in sorted(PLAYER_HOSTS)) if remote else "'none'"
    return "; ".join(
        [
            "default-src 'self'",
            "img-src 'self' data:",
            "media-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self' data:",
            "script-src 'self' 'unsafe-inline'" if scripts else "script-src 'none'",
            "connect-src 'self'",
            f"frame-src {frames}",
            "child-src 'none'" if not remote else f"child-src {frames}",
            "worker-src 'none'",
            "object-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def with_policy(shell: str, policy: str) -> str:
    """``shell`` with its policy as the first thing in <head>, before anything it governs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = shell.find("<head>")
    if head < 0:
        raise ValueError("the preview page template has no <head>")
    at = head + len("<head>")
    return f"{shell[:at]}\n{meta}{shell[at:]}"


class SandboxUnavailableError(RuntimeError):
    """The preview's walls cannot be put up (its URL scheme could not be registered)."""


class AssetRefusedError(Exception):
    """A request for a file the page may not have; ``missing`` when it simply is not there."""

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.missing = missing


def resolve_asset(folder: str | os.PathLike, url_path: str, *, scripts: bool = False) -> Path:
    """The real file a page URL's path names inside ``folder``, or AssetRefusedError: never a
    dot segment, a hidden file, a folder, a file of another type, or anything whose real
    path (symlinks followed) lies outside the folder."""
    relative = url_path.lstrip("/")
    if not relative or "\x00" in relative or "\\" in relative:
        raise AssetRefusedError("not a file name")
    segments = relative.split("/")
    if any(segment in ("", ".", "..") or segment.startswith(".") for segment in segments):
        raise AssetRefusedError("dot segments and hidden files are not served")
    suffix = os.path.splitext(segments[-1])[1].lower()
    if suffix not in ASSET_TYPES and not (scripts and suffix in SCRIPT_TYPES):
        raise AssetRefusedError(f"{suffix or 'files without a suffix'} is not a media type")
    root = os.path.realpath(folder)
    real = os.path.realpath(os.path.join(root, *segments))
    if os.path.commonpath([root, real]) != root:
        raise AssetRefusedError("leads outside the post's folder")
    return Path(real)


def asset_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return ASSET_TYPES.get(suffix) or SCRIPT_TYPES[suffix]


def open_asset(path: Path) -> int:
    """A read-only descriptor for a regular file of at most MAX_ASSET_BYTES (a FIFO, a
    device or a folder is refused without blocking on it)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise AssetRefusedError("no such file", missing=True) from None
    except OSError as error:
        raise AssetRefusedError(error.strerror or "unreadable") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ASSET_BYTES:
        os.close(fd)
        raise AssetRefusedError("not a regular file of a sensible size")
    return fd


def parse_message(message: str, nonce: str) -> tuple[str, int | str] | None:
    """A message from the preview's own script: ("goto-line", line) or ("open-post", slug).
    Anything else (another nonce, another shape, a huge number) is None."""
    if len(nonce) < 16:
        return None
    prefix = f"smugdesk:{nonce}:"
    if not message.startswith(prefix):
        return None
    kind, _, value = message[len(prefix) :].partition(":")
    if kind == "goto-line" and _LINE.fullmatch(value):
        return kind, int(value)
    if kind == "open-post" and _SLUG.fullmatch(value):
        return kind, value
    return None


def is_local_address(host: str) -> bool:
    """Loopback, private, link-local addresses and localhost: never reached from a page."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


@dataclass(frozen=True)
class PageGrant:
    """What one loaded preview page may have: its shell, its folder's files, and whether
    remote players and the post's own scripts are allowed."""

    folder: str
    shell: bytes
    policy: str
    remote: bool
    scripts: bool
    theme: str = ""  # a stored blog theme's folder: its files are served too


_RT = QWebEngineUrlRequestInfo.ResourceType


class _PostFiles(QWebEngineUrlSchemeHandler):
    """Answers ``smugdesk-post://<token>/`` with the shell and ``…/<path>`` with the
    post's own media; everything else fails."""

    def __init__(self, sandbox: PreviewSandbox) -> None:
        super().__init__(sandbox.profile)
        self._sandbox = sandbox

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt)
        url = job.requestUrl()
        grant = self._sandbox.grant_for(url)
        if grant is None or bytes(job.requestMethod().data()) != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        # The policy travels in the shell's <meta> (with_policy): PySide6 6.11 splits the
        # values given to setAdditionalResponseHeaders into single characters.
        path = url.path(QUrl.ComponentFormattingOption.FullyDecoded)
        if path in ("", "/"):
            job.reply(QByteArray(b"text/html"), _buffer(job, grant.shell))
            return
        try:
            if path.startswith(THEME_PREFIX):
                # Hidden segments are never a post's file: this name space is the theme's.
                if not grant.theme:
                    raise AssetRefusedError("this page shows no blog theme")
                real = resolve_asset(grant.theme, path[len(THEME_PREFIX) :])
            else:
                real = resolve_asset(grant.folder, path, scripts=grant.scripts)
            fd = open_asset(real)
        except AssetRefusedError as refused:
            error = QWebEngineUrlRequestJob.Error
            job.fail(error.UrlNotFound if refused.missing else error.RequestDenied)
            return
        file = QFile(job)
        file.open(fd, QIODevice.OpenModeFlag.ReadOnly, QFileDevice.FileHandleFlag.AutoCloseHandle)
        job.reply(QByteArray(asset_type(real).encode()), file)


def _buffer(parent: QObject, data: bytes) -> QBuffer:
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


class _RequestGate(QWebEngineUrlRequestInterceptor):
    """Sees every request of every preview page (documents, frames, images, CSS, fonts,
    media, fetch, XHR, WebSocket, beacons, prefetch) and blocks what the sandbox refuses."""

    def __init__(self, sandbox: PreviewSandbox) -> None:
        super().__init__(sandbox.profile)
        self._sandbox = sandbox

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt)
        allowed = self._sandbox.allows(
            info.requestUrl(), info.firstPartyUrl(), info.initiator(), info.resourceType()
        )
        if not allowed:
            info.block(True)
            self._sandbox.blocked.append(info.requestUrl().toString())


class PreviewSandbox:
    """One per process: the preview's off-the-record profile with its scheme handler and
    request gate, and the grants of the pages loaded in it."""

    def __init__(self) -> None:
        if not register_scheme():
            raise SandboxUnavailableError(
                "its URL scheme could not be registered (a web view was made before it)"
            )
        # Off the record: nothing a post does (cookies, storage, cache) outlives the run.
        self.profile = QWebEngineProfile(QCoreApplication.instance())
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self.profile.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
        )
        self.profile.setSpellCheckEnabled(False)
        harden(self.profile.settings())
        self._grants: dict[str, PageGrant] = {}
        self.blocked: deque[str] = deque(maxlen=500)  # the latest requests refused (to debug)
        self._files = _PostFiles(self)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self._files)
        self._gate = _RequestGate(self)
        self.profile.setUrlRequestInterceptor(self._gate)

    def grant(
        self,
        folder: Path,
        shell: str,
        *,
        remote: bool,
        scripts: bool,
        theme: Path | None = None,
    ) -> QUrl:
        """A new origin for a page showing a post from ``folder`` (inside the blog theme
        stored in ``theme``, if given); its URL."""
        token = secrets.token_hex(16)
        policy = content_security_policy(remote=remote, scripts=scripts)
        shell_bytes = with_policy(shell, policy).encode("utf-8")
        self._grants[token] = PageGrant(
            str(folder), shell_bytes, policy, remote, scripts, str(theme) if theme else ""
        )
        return QUrl(f"{SCHEME}://{token}/")

    def revoke(self, url: QUrl) -> None:
        self._grants.pop(url.host(), None)

    def grant_for(self, url: QUrl) -> PageGrant | None:
        if url.scheme() != SCHEME:
            return None
        return self._grants.get(url.host())

    def allows(self, url: QUrl, first_party: QUrl, initiator: QUrl, kind) -> bool:
        scheme = url.scheme()
        page = self.grant_for(first_party)
        if scheme == SCHEME:
            # Only a page's own origin: one post's page cannot read another's folder.
            own = self.grant_for(url)
            return own is not None and (page is own or kind == _RT.ResourceTypeMainFrame)
        if scheme in ("data", "blob", "about"):
            return True  # made in the page itself: no network, no file
        if page is None or not page.remote or scheme != "https":
            return False
        host = url.host().lower()
        if is_local_address(host):
            return False
        if host in PLAYER_HOSTS and kind == _RT.ResourceTypeSubFrame:
            return True  # the player's own frame
        # What a player's frame loads for itself (its scripts, thumbnails, the stream).
        return initiator.scheme() == "https" and initiator.host().lower() in PLAYER_HOSTS


def harden(settings: QWebEngineSettings) -> None:
    """No file access, no remote access from local content, no plug-ins, no windows, no
    clipboard, no link-auditing pings, no DNS prefetch, no navigation by dropping a file."""
    attribute = QWebEngineSettings.WebAttribute
    for name, value in (
        (attribute.LocalContentCanAccessFileUrls, False),
        (attribute.LocalContentCanAccessRemoteUrls, False),
        (attribute.PluginsEnabled, False),
        (attribute.PdfViewerEnabled, False),
        (attribute.JavascriptEnabled, False),
        (attribute.JavascriptCanOpenWindows, False),
        (attribute.JavascriptCanAccessClipboard, False),
        (attribute.JavascriptCanPaste, False),
        (attribute.AllowWindowActivationFromJavaScript, False),
        (attribute.HyperlinkAuditingEnabled, False),
        (attribute.DnsPrefetchEnabled, False),
        (attribute.NavigateOnDropEnabled, False),
        (attribute.AllowRunningInsecureContent, False),
        (attribute.AllowGeolocationOnInsecureOrigins, False),
        (attribute.WebRTCPublicInterfacesOnly, True),
        (attribute.ScreenCaptureEnabled, False),
        (attribute.LocalStorageEnabled, False),
        (attribute.AutoLoadIconsForPage, False),
        (attribute.TouchIconsEnabled, False),
        (attribute.ErrorPageEnabled, False),
    ):
        settings.setAttribute(name, value)


_SANDBOX: PreviewSandbox | None = None


def sandbox() -> PreviewSandbox:
    global _SANDBOX
    if _SANDBOX is None:
        _SANDBOX = PreviewSandbox()
    return _SANDBOX
