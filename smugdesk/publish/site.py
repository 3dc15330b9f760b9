"""What the static-site exporters (Jekyll, Hugo, Pelican) share: copying a post's images
into the site, rewriting links, embeds and links to other drafts into the target's idiom,
and a manifest that makes a second export replace the first instead of duplicating it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ruamel.yaml.comments import CommentedMap

from smugdesk.core.assets import sniff_media
from smugdesk.core.embeds import Embed, parse_embed
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.figures import Figure, figure_element, replace_figures
from smugdesk.core.html_safety import disarm_markdown
from smugdesk.core.markdown_source import replace_url_paragraphs, rewrite_targets
from smugdesk.core.post import Post
from smugdesk.core.render import POST_PREFIX
from smugdesk.core.store import atomic_write
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress
from smugdesk.publish.image_prep import (
    DEFAULT_MAX_SIDE,
    SMALLER_WIDTH,
    ImageCache,
    ImageSettings,
    Prepared,
    human_size,
    keep_metadata_for,
    prepare_all,
    sent_name,
    settings_from,
    smaller_version,
)
from smugdesk.publish.site_sizes import Sizing, sized_images, smaller_file, with_sizes

MANIFEST = ".smugdesk-exports.json"
# smugdesk's own bookkeeping in front matter: never copied into a site.
PRIVATE_KEYS = ("export", "published", "keep_metadata")
# Every exporter's image settings (see publish.image_prep), remembered per site.
IMAGE_OPTIONS = (
    Option("image_size", int, DEFAULT_MAX_SIDE, "longest side of an image in pixels"),
    Option("keep_metadata", bool, False, "keep the photos' metadata (GPS position, camera)"),
)


@dataclass(frozen=True)
class Skipped:
    """A file the post refers to that is not copied or uploaded, and why."""

    reference: str
    reason: str

    def __str__(self) -> str:
        return f"{self.reference}: {self.reason}"


OUTSIDE = "outside the post's folder (an absolute path, “..” or a link leading elsewhere)"
SVG = "an SVG image can carry scripts; only PNG, JPEG, GIF, WebP, AVIF/HEIC, audio and video"
NOT_MEDIA = "not an image, audio or video file, whatever its name says"


@dataclass
class SiteExport:
    """One post going into one site: what to write and which images to copy."""

    site: Path
    target: Path  # the post file inside the site
    images: dict[Path, Path] = field(default_factory=dict)  # source file -> file in the site
    skipped: list[Skipped] = field(default_factory=list)  # references not copied, and why
    links: dict[Path, str] = field(default_factory=dict)  # source file -> its link in the post
    extra: list[Path] = field(default_factory=list)  # narrower copies written for a srcset


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

    def figure(self, figure: Figure, src: str) -> str | None:
        """An image with a caption, alignment or size; ``<figure>`` unless overridden."""
        return figure_element(figure, src)

    def sizing(self, plan: SitePlan) -> Sizing | None:
        """How the site takes image sizes (see publish.site_sizes); None: it does not."""
        return None

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
        body = rewrite_body(post, export, plan.image, plan.post_link, self.embed, self.figure)
        # The site renders this Markdown itself, without smugdesk's renderer: its links
        # and raw HTML are disarmed here, in the source.
        text = self.document(post, options, disarm_markdown(body))
        written, saved = write_site_files(
            export, text, post, progress, settings_from(options), self.sizing(plan)
        )
        return ExportResult(
            location=str(export.target),
            written=written,
            notes=skipped_notes(export.skipped) + saved,
        )


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


def own_file(target: str, source_dir: Path) -> tuple[Path | None, str]:
    """Whether a reference in a post may be copied into a site or uploaded to a blog:
    ``(the real file, "")`` for an image or media file inside the post's folder;
    ``(None, why)`` for a local file that is refused; ``(None, "")`` for anything that is
    not a local file (a URL, a file that does not exist), which is left as written."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None, ""
    path = Path(unquote(parts.path))
    candidate = path if path.is_absolute() else source_dir / path
    try:
        if not candidate.exists():
            return None, ""
        # Where it really is, links followed: the folder's own files only.
        real = Path(os.path.realpath(candidate))
        if not real.is_relative_to(os.path.realpath(source_dir)):
            return None, OUTSIDE
        if not real.is_file():  # a folder, a FIFO, a device: never opened
            return None, "not a regular file"
        with real.open("rb") as stream:
            head = stream.read(64)
    except OSError as error:
        return None, f"cannot be read ({error.strerror or error})"
    kind = sniff_media(head)
    if kind is None:
        return None, NOT_MEDIA
    if kind == ".svg":
        return None, SVG
    return real, ""


def local_image(target: str, source_dir: Path) -> Path | None:
    """The file to copy or upload for an image reference, or None (see ``own_file``)."""
    return own_file(target, source_dir)[0]


def skipped_images(body: str, source_dir: Path) -> list[Skipped]:
    """The image references in a post's Markdown that are not copied or uploaded, with
    the reason, in order, each once (for a publisher to tell the writer)."""
    found: list[Skipped] = []

    def note(target: str, is_image: bool) -> None:
        if is_image and not target.startswith(POST_PREFIX):
            reason = own_file(target, source_dir)[1]
            if reason and Skipped(target, reason) not in found:
                found.append(Skipped(target, reason))

    rewrite_targets(body, note)
    return found


def skipped_notes(skipped: list[Skipped]) -> list[str]:
    return [f"not copied: {item}" for item in skipped]


def inside_site(site: Path, value: str, option: str) -> str:
    """A folder option (``assets``, ``section``, ``content``…) as a path relative to the
    site, refused when it would lead out of it (absolute, "..", a linked folder)."""
    text = str(value).strip().replace("\\", "/")
    relative = Path(text)
    odd = any(ch in text for ch in '"<>|*?') or any(ch < " " for ch in text)
    if odd or relative.is_absolute() or text.startswith("~") or ".." in relative.parts:
        raise ExportError(f"the {option} option must be a folder inside the site, not {value!r}")
    real = Path(os.path.realpath(site / relative))
    if not real.is_relative_to(os.path.realpath(site)):
        raise ExportError(
            f"the {option} option ({value!r}) leads out of the site through a link "
            f"to {real}; choose a folder inside the site"
        )
    return relative.as_posix().strip("/") if text.strip("/") else ""


def check_inside(site: Path, path: Path) -> None:
    """Refuse to write where a linked folder in the site would take the file elsewhere."""
    real = Path(os.path.realpath(path.parent))
    if not real.is_relative_to(os.path.realpath(site)):
        raise ExportError(
            f"{path.parent} leads out of the site (a link to {real}); nothing was written"
        )


def rewrite_body(
    post: Post,
    export: SiteExport,
    image_location: Callable[[Path], tuple[Path, str]],
    post_link: Callable[[str], str],
    embed_markup: Callable[[Embed], str | None],
    figure_markup: Callable[[Figure, str], str | None] | None = None,
) -> str:
    """The body for the site: images copied (``image_location(source) -> (file in site,
    link text)``), links to drafts resolved (``post_link(slug)``), URL lines as embeds
    (``embed_markup(Embed) -> str | None``)."""
    source_dir = post.path.parent if post.path else Path.cwd()
    links: dict[Path, str] = {}

    def target(value: str, is_image: bool) -> str | None:
        if value.startswith(POST_PREFIX):
            return post_link(value[len(POST_PREFIX) :])
        found, reason = own_file(value, source_dir)
        if found is None:
            # A plain link to a text file is no image left out; an image always is.
            noted = reason and (is_image or reason != NOT_MEDIA)
            if noted and Skipped(value, reason) not in export.skipped:
                export.skipped.append(Skipped(value, reason))
            return None
        if found in export.images:
            return links[found]
        # The name the site's copy gets follows what is sent (photo.heic -> photo.jpg); two
        # originals that would land on one name are told apart.
        named = found.with_name(sent_name(found))
        site_file, link = image_location(named)
        number = 2
        while site_file in export.images.values():
            site_file, link = image_location(named.with_stem(f"{named.stem}-{number}"))
            number += 1
        export.images[found] = site_file
        links[found] = export.links[found] = link
        return link

    def embed(url: str) -> str | None:
        found: Embed | None = parse_embed(url)
        return embed_markup(found) if found else None

    body = post.body
    if figure_markup is not None:
        # A captioned, aligned or sized image in the target's idiom, its file placed first.
        body = replace_figures(
            body, lambda found: figure_markup(found, target(found.src, True) or found.src)
        )
    return replace_url_paragraphs(rewrite_targets(body, target), embed)


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
            "images": sorted(
                p.relative_to(export.site).as_posix()
                for p in (*export.images.values(), *export.extra)
            ),
        }
        atomic_write(self.path, (json.dumps(self.entries, indent=2) + "\n").encode("utf-8"))


def prepare_images(
    sources: list[Path],
    post: Post,
    settings: ImageSettings,
    progress: Progress,
    total: int,
) -> tuple[dict, list[str], list[str]]:
    """The site's versions of a post's images (see publish.image_prep): what was made, the
    notes for images that could not be (each left out, with why), and the size saved."""
    base = post.path.parent if post.path else Path.cwd()
    made, failed = prepare_all(
        sources,
        settings,
        ImageCache(),
        lambda done, _all, message: progress(done, total, message),
        keep_metadata_for(post.meta, base),
    )
    problems = [f"not copied: {error}" for error in failed.values()]
    saved: list[str] = []
    if made:
        before = sum(item.original_bytes for item in made.values())
        after = sum(len(item.data) for item in made.values())
        fresh = sum(1 for item in made.values() if item.processed)
        count = f"{len(made)} image{'s' if len(made) != 1 else ''}"
        again = f", {len(made) - fresh} from the cache" if fresh < len(made) else ""
        saved.append(f"images: {count}, {human_size(before)} → {human_size(after)}{again}")
    return made, problems, saved


def write_site_files(
    export: SiteExport,
    text: str,
    post: Post,
    progress,
    settings: ImageSettings | None = None,
    sizing: Sizing | None = None,
) -> tuple[list[Path], list[str]]:
    """Write the images made from the originals, the post, and record it; remove what an
    earlier export left behind. With ``sizing``, the post's images get their width and
    height (and a narrower copy for a srcset). Returns what was written and notes (what was
    left out, what the images weigh now)."""
    for path in (export.target, *export.images.values()):
        check_inside(export.site, path)
    manifest = Manifest(export.site)
    old = manifest.check(export, post)
    written = []
    total = 2 * len(export.images) + 1
    made, problems, saved = prepare_images(
        sorted(export.images), post, settings or ImageSettings(), progress, total
    )
    smaller: dict[Path, tuple[Path, Prepared]] = {}
    if sizing is not None:
        if sizing.srcset:
            for source, site_file in export.images.items():
                narrow = (
                    smaller_version(made[source], cache=ImageCache()) if source in made else None
                )
                if narrow is not None:
                    smaller[source] = (smaller_file(site_file, SMALLER_WIDTH), narrow)
        sized = sized_images(export.links, made, smaller, sizing)
        text = with_sizes(text, sized, sizing.html_src)
    try:
        for done, (source, site_file) in enumerate(sorted(export.images.items()), start=1):
            if source not in made:
                continue
            progress(len(export.images) + done - 1, total, f"Writing {site_file.name}")
            site_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(site_file, made[source].data)
            written.append(site_file)
            if source in smaller:
                narrow_file, narrow = smaller[source]
                atomic_write(narrow_file, narrow.data)
                written.append(narrow_file)
                export.extra.append(narrow_file)
        progress(total - 1, total, f"Writing {export.target.name}")
        atomic_write(export.target, text.encode("utf-8"))
    except (OSError, SmugdeskError) as error:
        raise ExportError(f"could not write into {export.site}: {error}") from None
    written.insert(0, export.target)
    if old is not None and old.exists() and old != export.target:
        old.unlink()
    manifest.record(export, post, old)
    progress(total, total, "Done")
    return written, problems + saved


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
