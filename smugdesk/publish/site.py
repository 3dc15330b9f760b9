"""What the static-site exporters (Jekyll, Hugo, Pelican) share: copying a post's images
into the site, rewriting links, embeds and links to other drafts into the target's idiom,
and a manifest that makes a second export replace the first instead of duplicating it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ruamel.yaml.comments import CommentedMap

from smugdesk.core.assets import IMAGE_SUFFIXES
from smugdesk.core.embeds import Embed, parse_embed
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.html_safety import disarm_markdown
from smugdesk.core.markdown_source import replace_url_paragraphs, rewrite_targets
from smugdesk.core.post import Post
from smugdesk.core.render import POST_PREFIX
from smugdesk.core.store import atomic_write
from smugdesk.publish.base import ExportError, ExportResult, Progress, no_progress

MANIFEST = ".smugdesk-exports.json"
# smugdesk's own bookkeeping in front matter: never copied into a site.
PRIVATE_KEYS = ("export", "published")


@dataclass
class SiteExport:
    """One post going into one site: what to write and which images to copy."""

    site: Path
    target: Path  # the post file inside the site
    images: dict[Path, Path] = field(default_factory=dict)  # source file -> file in the site


@dataclass(frozen=True)
class SitePlan:
    """Where one post goes in a site, in that generator's conventions."""

    target: Path
    image: Callable[[Path], tuple[Path, str]]  # source image -> (file in the site, its link)
    post_link: Callable[[str], str]  # slug of another draft -> the link the site understands


def missing_draft(slug: str) -> ExportError:
    return ExportError(
        f"this post links to the draft “{slug}”, which is not in the site yet; "
        "export that post first"
    )


def front_matter(post: Post, first: dict[str, Any]) -> CommentedMap:
    """The target's own keys first, in order, then the writer's keys as they wrote them."""
    meta = public_meta(post, drop=("status", *first))
    for key, value in reversed(first.items()):
        meta.insert(0, key, value)
    for key in ("tags", "categories"):
        if isinstance(meta.get(key), str):  # "a, b" becomes a list; a list keeps its style
            meta[key] = getattr(post, key)
    return meta


class SiteExporter:
    """Base of the static-site exporters: subclasses say where things go (``plan``), how
    an embed reads (``embed``) and how the file starts (``document``)."""

    name: str
    label: str
    options: tuple = ()
    site_hint: str = "the site's folder"

    def available(self) -> tuple[bool, str]:
        return True, ""

    def plan(self, post: Post, site: Path, options: dict[str, Any]) -> SitePlan:
        raise NotImplementedError

    def embed(self, embed: Embed) -> str | None:
        raise NotImplementedError

    def document(self, post: Post, options: dict[str, Any], body: str) -> str:
        raise NotImplementedError

    def export(
        self,
        post: Post,
        destination: Path,
        options: dict[str, Any],
        progress: Progress = no_progress,
    ) -> ExportResult:
        site = require_site(destination, self.site_hint)
        plan = self.plan(post, site, options)
        export = SiteExport(site, plan.target)
        body = rewrite_body(post, export, plan.image, plan.post_link, self.embed)
        # The site renders this Markdown itself, without smugdesk's renderer: its links
        # and raw HTML are disarmed here, in the source.
        text = self.document(post, options, disarm_markdown(body))
        written = write_site_files(export, text, post, progress)
        return ExportResult(location=str(export.target), written=written)


def post_date(post: Post) -> dt.datetime:
    """The post's date as an aware datetime (a bare date is midnight, local time)."""
    value = post.date
    if value is None:
        value = dt.datetime.now().astimezone().replace(microsecond=0)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if value.tzinfo is None:
        value = value.astimezone()
    return value


def public_meta(post: Post, drop: tuple[str, ...] = ()) -> CommentedMap:
    """The user's front matter, in their order, less smugdesk's private keys and ``drop``."""
    meta = CommentedMap()
    for key, value in post.meta.items():
        if key not in PRIVATE_KEYS and key not in drop:
            meta[key] = value
            if key in post.meta.ca.items:  # the writer's comment on that line
                meta.ca.items[key] = post.meta.ca.items[key]
    return meta


def is_draft(post: Post) -> bool:
    return str(post.meta.get("status") or "draft").lower() not in ("published", "publish")


def local_image(target: str, source_dir: Path) -> Path | None:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = Path(unquote(parts.path))
    found = path if path.is_absolute() else source_dir / path
    return found if found.suffix.lower() in IMAGE_SUFFIXES and found.is_file() else None


def rewrite_body(
    post: Post,
    export: SiteExport,
    image_location: Callable[[Path], tuple[Path, str]],
    post_link: Callable[[str], str],
    embed_markup: Callable[[Embed], str | None],
) -> str:
    """The body for the site: images copied (``image_location(source) -> (file in site,
    link text)``), links to drafts resolved (``post_link(slug)``), URL lines as embeds
    (``embed_markup(Embed) -> str | None``)."""
    source_dir = post.path.parent if post.path else Path.cwd()

    def target(value: str, is_image: bool) -> str | None:
        if value.startswith(POST_PREFIX):
            return post_link(value[len(POST_PREFIX) :])
        found = local_image(value, source_dir)
        if found is None:
            return None
        site_file, link = image_location(found)
        export.images[found] = site_file
        return link

    def embed(url: str) -> str | None:
        found: Embed | None = parse_embed(url)
        return embed_markup(found) if found else None

    return replace_url_paragraphs(rewrite_targets(post.body, target), embed)


class Manifest:
    """Which site file came from which draft, so a re-export replaces and a different draft
    with the same slug is refused instead of overwriting someone's post."""

    def __init__(self, site: Path) -> None:
        self.path = site / MANIFEST
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def identity(post: Post) -> str:
        return post.path.name if post.path else str(post.meta.get("title") or "untitled")

    def check(self, export: SiteExport, post: Post) -> Path | None:
        """Raise on a clash; return the file an earlier export of this post wrote elsewhere
        (its date or slug changed) so it can be removed."""
        relative = export.target.relative_to(export.site).as_posix()
        mine = self.identity(post)
        owner = self.entries.get(relative, {}).get("source")
        if export.target.exists() and owner != mine:
            who = f"“{owner}”" if owner else "a post not exported by smugdesk"
            raise ExportError(
                f"{relative} already exists in the site and belongs to {who}; "
                "give this post a different slug"
            )
        for other, entry in self.entries.items():
            if entry.get("source") == mine and other != relative:
                return export.site / other
        return None

    def record(self, export: SiteExport, post: Post, old: Path | None) -> None:
        if old is not None:
            self.entries.pop(old.relative_to(export.site).as_posix(), None)
        relative = export.target.relative_to(export.site).as_posix()
        self.entries[relative] = {
            "source": self.identity(post),
            "images": sorted(p.relative_to(export.site).as_posix() for p in export.images.values()),
        }
        atomic_write(self.path, (json.dumps(self.entries, indent=2) + "\n").encode("utf-8"))


def write_site_files(export: SiteExport, text: str, post: Post, progress) -> list[Path]:
    """Copy images, write the post, record it; remove what an earlier export left behind."""
    manifest = Manifest(export.site)
    old = manifest.check(export, post)
    written = []
    total = len(export.images) + 1
    try:
        for done, (source, site_file) in enumerate(sorted(export.images.items()), start=1):
            progress(done - 1, total, f"Copying {source.name}")
            site_file.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, site_file)
            written.append(site_file)
        progress(total - 1, total, f"Writing {export.target.name}")
        atomic_write(export.target, text.encode("utf-8"))
    except (OSError, SmugdeskError) as error:
        raise ExportError(f"could not write into {export.site}: {error}") from None
    written.insert(0, export.target)
    if old is not None and old.exists() and old != export.target:
        old.unlink()
    manifest.record(export, post, old)
    progress(total, total, "Done")
    return written


def require_site(destination: Path, marker_hint: str) -> Path:
    destination = Path(destination)
    try:
        destination.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create {destination}: {error.strerror or error}") from None
    if not destination.is_dir():
        raise ExportError(
            f"{destination} is not a folder; choose the site's folder ({marker_hint})"
        )
    return destination
