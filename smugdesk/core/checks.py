"""The check before a post goes out: what a writer would want to know before readers see
it, each finding with the place in the text it is about.

Errors (an image that is missing or cannot be sent, a link to a draft the target does not
have, a scheduled date already past) stop a publish or an export unless the writer insists;
warnings (no alt text, raw HTML the target strips, a spelling mistake) do not. The same
check runs in the window (Ctrl+Shift+K, and before each publish and export) and on the
command line (``smugdesk check POST.md``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.links import BadUrlError, check_url
from smugdesk.core.markdown_source import _segments
from smugdesk.core.post import WORDPRESS_FORMATS, Post, parse_date, parse_post
from smugdesk.core.target_dialect import differences

ERROR = "error"
WARNING = "warning"
# Targets that drop raw HTML from a post: Hugo's Goldmark renders it as "raw HTML
# omitted" unless the site turns on ``unsafe``; Micropub servers sanitize what they take.
STRIPS_HTML = ("hugo", "micropub")
BLOGS = ("wordpress", "metaweblog", "micropub")
EXCERPT_KEYS = ("summary", "excerpt", "description")
MAX_SPELLING_FINDINGS = 30

_IMAGE = re.compile(r"!\[(?P<alt>(?:[^\[\]\\]|\\.)*)\]\((?P<target><[^>\n]*>|[^\s()]+)[^)\n]*\)")
_LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]\\]|\\.)*)\]\((?P<target><[^>\n]*>|[^\s()]+)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""\b(?P<name>src|alt)\s*=\s*(["'])(?P<value>.*?)\2""", re.IGNORECASE)
_RAW_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>", re.IGNORECASE)


class CheckError(SmugdeskError):
    """The post cannot be checked at all (its front matter is broken)."""


@dataclass(frozen=True)
class Finding:
    severity: str  # ERROR or WARNING
    code: str  # a stable name: "missing-image", "no-alt-text", ...
    message: str  # one line a person can act on
    line: int  # 1-based, in the file as written (front matter included)
    column: int  # 0-based, in characters
    offset: int  # in the text (CRLF read as LF): where the place starts
    length: int  # how much of the text it is about (0: a point)

    def as_json(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.line}:{self.column + 1}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Target:
    """Where the post is going, as far as the check needs to know."""

    kind: str = ""  # an exporter or a kind of blog ("hugo", "wordpress"…); "" for any
    account: str = ""  # the blog's account name: links to drafts must be published there
    image_size: int = 2048  # the long side the target's images are made at
    shows_excerpts: bool = False  # the blog lists posts by their summary


def has_errors(findings: list[Finding]) -> bool:
    return any(found.severity == ERROR for found in findings)


class _Text:
    """Positions in the text: offsets to line and column."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for match in re.finditer("\n", text):
            self.starts.append(match.end())

    def finding(self, severity: str, code: str, message: str, offset: int, length: int = 0):
        import bisect

        line = bisect.bisect_right(self.starts, offset) - 1
        return Finding(
            severity, code, message, line + 1, offset - self.starts[line], offset, length
        )

    def key_offset(self, key: str) -> tuple[int, int]:
        """Where a front-matter key's value is (or the top of the file when absent)."""
        match = re.search(rf"^{re.escape(key)}\s*:[ \t]*(.*)$", self.text, re.MULTILINE)
        if match is None:
            return 0, 0
        return match.start(1), len(match.group(1))


def check_text(
    text: str,
    path: Path | None,
    target: Target | None = None,
    *,
    drafts: Path | None = None,
    misspelled: Callable[[str], bool] | None = None,
    now: dt.datetime | None = None,
) -> list[Finding]:
    """Check a post's text (as in the editor or on disk). ``misspelled(word)`` says whether
    a word is a mistake (the window's speller); without it, spelling is not checked."""
    target = target or Target()
    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    try:
        post = parse_post(normal, path)
    except SmugdeskError as error:
        raise CheckError(f"the post cannot be checked: {error}") from None
    where = _Text(normal)
    body_start = len(normal) - len(post.body) if normal.endswith(post.body) else 0
    base = path.parent if path else Path.cwd()
    drafts = drafts or base
    found: list[Finding] = []
    found += _front_checks(post, where, target, now)
    prose = list(_prose_lines(post.body, body_start))
    found += _image_checks(prose, where, base, target)
    found += _link_checks(prose, where, base, drafts, target)
    if target.kind.split("-")[0] in STRIPS_HTML:  # hugo-git builds with Hugo too
        found += _html_checks(prose, where, target)
    # Where the site's own Markdown reads the post differently from the preview.
    for d in differences(post.body, target.kind.removesuffix("-git")):
        found.append(where.finding(WARNING, d.code, d.message, body_start + d.offset, d.length))
    if misspelled is not None:
        found += _spelling_checks(prose, where, misspelled)
    return sorted(found, key=lambda item: (item.offset, item.severity != ERROR))


def check_file(path: Path, target: Target | None = None, **kwargs) -> list[Finding]:
    """Check a post file (read with every check a load makes: size, encoding, binary)."""
    from smugdesk.core.store import PostFile

    binding, text = PostFile.read(Path(path))
    return check_text(text, binding.path, target, **kwargs)


def _prose_lines(body: str, start: int):
    """(offset in the text, line) of the body's lines outside code blocks, code spans
    blanked (same length) so nothing inside them is taken for a link or a tag."""
    offset = start
    for code, part in _segments(body):
        for line in part.split("\n"):
            if not code:
                yield offset, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
            offset += len(line) + 1


def _front_checks(post: Post, where: _Text, target: Target, now: dt.datetime | None):
    found = []
    if not str(post.meta.get("title") or "").strip() and target.kind != "micropub":
        offset, length = where.key_offset("title")
        found.append(
            where.finding(
                WARNING,
                "empty-title",
                "the post has no title (its address and heading fall back to the file name)",
                offset,
                length,
            )
        )
    if target.shows_excerpts and not any(
        str(post.meta.get(key) or "").strip() for key in EXCERPT_KEYS
    ):
        found.append(
            where.finding(
                WARNING,
                "no-summary",
                "the blog lists posts by their summary, and this post has none "
                "(add a summary in the front matter)",
                0,
            )
        )
    written = str(post.meta.get("format") or "").strip()
    if written and target.kind == "wordpress" and written.lower() not in WORDPRESS_FORMATS:
        offset, length = where.key_offset("format")
        found.append(
            where.finding(
                WARNING,
                "unknown-format",
                f"“{written}” is not a WordPress post format, so none is sent "
                f"(WordPress knows {', '.join(WORDPRESS_FORMATS)})",
                offset,
                length,
            )
        )
    status = str(post.meta.get("status") or "").lower()
    when = parse_date(post.meta.get("date"))
    if status in ("scheduled", "future") and when is not None:
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time(9, 0))
        when = when if when.tzinfo else when.astimezone()
        if when < (now or dt.datetime.now().astimezone()):
            offset, length = where.key_offset("date")
            found.append(
                where.finding(
                    ERROR,
                    "schedule-in-past",
                    f"the post is scheduled for {when:%Y-%m-%d %H:%M}, which has passed: "
                    "it would go out at once",
                    offset,
                    length,
                )
            )
    return found


def _local_path(target: str) -> str | None:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or target.startswith("#"):
        return None
    return unquote(parts.path)


def _image_problem(reference: str, base: Path, target: Target) -> tuple[str, str, str] | None:
    """(severity, code, message) for an image the target will not get as wanted."""
    local = _local_path(reference)
    if local is None:
        return None
    candidate = Path(local) if Path(local).is_absolute() else base / local
    if not candidate.exists():
        return ERROR, "missing-image", f"the image {reference} does not exist"
    from smugdesk.publish.site import own_file  # the one rule for what may leave the machine

    real, why = own_file(reference, base)
    if real is None:
        return ERROR, "image-not-sent", f"the image {reference} will not be sent: {why}"
    return _image_size_problem(real, reference, target)


def _image_size_problem(real: Path, reference: str, target: Target):
    """Reads the header only (Pillow opens lazily): a bomb, a file that is not the image its
    first bytes say, and the size. A file cut short is found when it is prepared, where it
    is left out with a note (decoding every photo here would make the check slow)."""
    import warnings

    from PIL import Image

    from smugdesk.core.assets import sniff_media
    from smugdesk.publish.image_prep import _IMAGE_KINDS, _open_heif

    try:
        with real.open("rb") as stream:
            kind = sniff_media(stream.read(64))
    except OSError as error:
        return ERROR, "image-not-sent", f"the image {reference} cannot be read: {error}"
    if kind not in _IMAGE_KINDS:
        return None
    if kind == ".heic":
        _open_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(real, formats=[_IMAGE_KINDS[kind][0]]) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return (
            ERROR,
            "image-not-sent",
            f"the image {reference} claims more pixels than smugdesk opens: it will not be sent",
        )
    except Exception:  # whatever is wrong with it, the writer hears it in one line
        return ERROR, "image-not-sent", f"the image {reference} is damaged or not an image"
    if max(width, height) > target.image_size:
        return (
            WARNING,
            "image-too-large",
            f"the image {reference} is {width}×{height}: it will be sent "
            f"{target.image_size} pixels on its long side",
        )
    return None


def _image_checks(prose, where: _Text, base: Path, target: Target):
    found = []
    for offset, line in prose:
        images = [
            (m.start(), m.end() - m.start(), m.group("alt"), m.group("target").strip("<>"))
            for m in _IMAGE.finditer(line)
        ]
        for match in _HTML_IMG.finditer(line):
            attributes = {
                a.group("name").lower(): a.group("value") for a in _HTML_ATTR.finditer(match[0])
            }
            if "src" in attributes:
                images.append(
                    (match.start(), len(match[0]), attributes.get("alt", ""), attributes["src"])
                )
        for start, length, alt, reference in images:
            if not alt.strip():
                found.append(
                    where.finding(
                        WARNING,
                        "no-alt-text",
                        f"the image {reference} has no alt text for people who cannot see it",
                        offset + start,
                        length,
                    )
                )
            problem = _image_problem(reference, base, target)
            if problem is not None:
                found.append(where.finding(*problem, offset + start, length))
    return found


def _link_checks(prose, where: _Text, base: Path, drafts: Path, target: Target):
    found = []
    for offset, line in prose:
        for match in _LINK.finditer(line):
            reference = match.group("target").strip("<>")
            start, length = offset + match.start(), match.end() - match.start() + 1
            problem = _link_problem(reference, base, drafts, target)
            if problem is not None:
                found.append(where.finding(*problem, start, length))
    return found


def _link_problem(reference: str, base: Path, drafts: Path, target: Target):
    if reference.lower().startswith("post:"):
        return _draft_link_problem(reference[5:], drafts, target)
    scheme = urlsplit(reference).scheme.lower()
    if scheme in ("http", "https"):
        try:
            check_url(reference)
        except BadUrlError as error:
            return WARNING, "odd-link", f"the link {reference} looks mistyped: {error}"
        return None
    if scheme or reference.startswith("#"):
        return None
    if reference.lower().startswith("www."):
        return (
            WARNING,
            "odd-link",
            f"the link {reference} has no https://: it will lead to a file on the site",
        )
    local = _local_path(reference)
    # "/about/" is a page of the site, not a file here.
    if local and not local.startswith("/") and not (base / local).exists():
        return WARNING, "missing-file", f"the link {reference} leads to no file here"
    return None


def _draft_link_problem(slug: str, drafts: Path, target: Target):
    from smugdesk.core.drafts import path_for_slug

    slug = slug.strip("/")
    path = path_for_slug(drafts, slug) if drafts.is_dir() else None
    if path is None:
        return ERROR, "missing-draft", f"the link post:{slug} leads to no draft in {drafts}"
    if target.account and target.kind in BLOGS:
        from smugdesk.core.store import load_post
        from smugdesk.publish.published_state import placement

        try:
            other = load_post(path)
        except SmugdeskError:
            other = None
        place = placement(other, target.account) if other else None
        if place is None or not place.url:
            return (
                ERROR,
                "draft-not-published",
                f"the link post:{slug} leads to a draft not on {target.account} yet: "
                "publish that post first",
            )
    return None


def _html_checks(prose, where: _Text, target: Target):
    found = []
    name = "Hugo (unless the site allows unsafe HTML)" if target.kind == "hugo" else "the blog"
    for offset, line in prose:
        blanked = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), line)
        for match in _RAW_TAG.finditer(blanked):
            found.append(
                where.finding(
                    WARNING,
                    "raw-html",
                    f"raw HTML {match.group(0)[:40]} is removed by {name}",
                    offset + match.start(),
                    match.end() - match.start(),
                )
            )
    return found


def _spelling_checks(prose, where: _Text, misspelled: Callable[[str], bool]):
    from smugdesk.core.spelling import prose_words

    found = []
    for offset, line in prose:
        for start, end, word in prose_words(line):
            if misspelled(word):
                found.append(
                    where.finding(
                        WARNING,
                        "spelling",
                        f"“{word}” may be misspelled",
                        offset + start,
                        end - start,
                    )
                )
                if len(found) >= MAX_SPELLING_FINDINGS:
                    return found
    return found
