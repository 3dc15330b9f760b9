"""Standalone HTML page: the post with its stylesheet inlined and its images beside it."""

from __future__ import annotations

import html
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ruamel.yaml.comments import CommentedMap

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.figures import figures_in_html
from smugdesk.core.post import Post
from smugdesk.core.render import Renderer, render_page, render_post
from smugdesk.core.store import atomic_write
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress
from smugdesk.publish.image_prep import (
    ImageCache,
    ImageSettings,
    sent_name,
    settings_from,
    smaller_version,
)
from smugdesk.publish.site import (
    IMAGE_OPTIONS,
    Manifest,
    SiteExport,
    Skipped,
    check_inside,
    inside_site,
    own_file,
    prepare_images,
    skipped_notes,
)

# The src of the <img> tags Python-Markdown wrote: only to find files to copy (a src not
# matched is simply not copied); what is safe in the page is decided in core.html_safety.
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# The page's text column is 42rem wide (resources/preview.css --measure).
SIZES = "(max-width: 42rem) 100vw, 42rem"


def copy_images(
    body_html: str,
    source_dir: Path,
    out_dir: Path,
    assets: str,
    skipped: list[Skipped],
    post: Post | None = None,
    settings: ImageSettings | None = None,
    notes: list[str] | None = None,
) -> tuple[str, list[Path]]:
    """Put the site's versions of the post's own images next to the page (made from the
    originals: upright, without metadata, no larger than the limit); keep clean relative
    paths, move others to ``assets``. References refused (outside the post's folder, not an
    image) are left as written and added to ``skipped``."""
    taken: dict[Path, str] = {}
    targets: dict[Path, Path] = {}
    own = os.path.realpath(source_dir)

    def place(match: re.Match) -> str:
        prefix, quote, src = match.groups()
        found, reason = own_file(src, source_dir)
        if found is None:
            if reason and Skipped(src, reason) not in skipped:
                skipped.append(Skipped(src, reason))
            return match.group(0)
        if found not in taken:
            relative = Path(unquote(urlsplit(src).path))
            inside = not relative.is_absolute() and ".." not in relative.parts
            name = sent_name(found)
            folder = relative.parent.as_posix() if inside else assets
            target_rel = f"{folder}/{name}" if folder not in ("", ".") else name
            number = 2
            while out_dir / target_rel in targets.values():  # photo.heic and photo.jpg
                other = Path(name).with_stem(f"{Path(name).stem}-{number}").name
                target_rel = f"{folder}/{other}" if folder not in ("", ".") else other
                number += 1
            target = out_dir / target_rel
            check_inside(out_dir, target)  # a linked folder where the page goes
            if Path(os.path.realpath(target)).is_relative_to(own):
                # The page goes into the post's own folder: writing there could replace
                # an original. The image is linked as it is and the writer told.
                if notes is not None:
                    notes.append(
                        f"{found.name} is linked as it is, metadata and all: the page is "
                        "in the post's own folder, where smugdesk never writes over originals"
                    )
                taken[found] = relative.as_posix() if inside else src
                return f"{prefix}{quote}{taken[found]}{quote}"
            targets[found] = target
            taken[found] = target_rel
        return f"{prefix}{quote}{taken[found]}{quote}"

    body = _IMG_SRC.sub(place, body_html)
    if not targets:
        return body, []
    fake = post or Post(meta=CommentedMap(), body="", path=source_dir / "post.md")
    made, problems, saved = prepare_images(
        list(targets), fake, settings or ImageSettings(), no_progress, len(targets)
    )
    written: list[Path] = []
    sized: dict[str, str] = {}  # the src written in the page -> attributes to add
    for source, target in targets.items():
        if source not in made:
            continue
        ready = made[source]
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, ready.data)
        written.append(target)
        extra = f' width="{ready.width}" height="{ready.height}"' if ready.width else ""
        smaller = smaller_version(ready, cache=ImageCache())
        if smaller is not None:
            narrow = target.with_name(smaller.name)
            atomic_write(narrow, smaller.data)
            written.append(narrow)
            rel = taken[source]
            small_rel = rel[: len(rel) - len(target.name)] + narrow.name
            extra += (
                f' srcset="{html.escape(small_rel)} {smaller.width}w, '
                f'{html.escape(rel)} {ready.width}w" sizes="{SIZES}"'
            )
        sized[taken[source]] = extra
    if notes is not None:
        notes.extend(problems + saved)
    return _IMG_TAG.sub(lambda match: _with_sizes(match, sized), body), written


def _with_sizes(match: re.Match, sized: dict[str, str]) -> str:
    """The <img> tag with width, height and srcset added (so the page does not jump while
    it loads, and a phone fetches the narrower file); attributes the writer set are kept."""
    tag = match.group(0)
    source = _IMG_SRC.search(tag)
    extra = sized.get(source.group(3)) if source else None
    if not extra or re.search(r"\b(width|srcset)\s*=", tag, re.IGNORECASE):
        return tag
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return tag[:end].rstrip() + extra + " " + tag[end:]


def _adopt_earlier_page(manifest: Manifest, export: SiteExport, post: Post) -> None:
    """A page this exporter wrote before it kept a record (smugdesk's generator tag, this
    post's title) is taken as this post's, so exporting again still replaces it."""
    relative = export.target.relative_to(export.site).as_posix()
    if relative in manifest.entries or not export.target.is_file():
        return
    try:
        with export.target.open(encoding="utf-8", errors="replace") as stream:
            head = stream.read(4096)
    except OSError:
        return
    title = f"<title>{html.escape(post.title or 'Untitled')}</title>"
    if '<meta name="generator" content="smugdesk">' in head and title in head:
        manifest.entries[relative] = {"source": Manifest.identity(post), "images": []}


class HtmlExporter:
    name = "html"
    label = "Standalone HTML page"
    options = (
        Option("assets", str, "images", "folder for images that are not already beside the post"),
        Option("lang", str, "en", "language of the page (the html lang attribute)"),
        *IMAGE_OPTIONS,
    )

    def available(self) -> tuple[bool, str]:
        return True, ""

    def export(
        self,
        post: Post,
        destination: Path,
        options: dict[str, Any],
        progress: Progress = no_progress,
    ) -> ExportResult:
        destination = Path(destination)
        try:
            destination.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ExportError(f"cannot create {destination}: {error.strerror or error}") from None
        assets = inside_site(destination, options["assets"], "assets") or "images"
        target = destination / f"{post.slug}.html"
        # The same book-keeping as the site exporters: a page another draft wrote here is
        # refused, not overwritten.
        export = SiteExport(destination, target)
        manifest = Manifest(destination)
        _adopt_earlier_page(manifest, export, post)
        old = manifest.check(export, post)
        progress(0, 3, "Rendering")
        # Other drafts exported the same way sit beside this page as <slug>.html.
        rendered = render_post(post, Renderer(resolve_post=lambda slug: f"{slug}.html"))
        source_dir = post.path.parent if post.path else Path.cwd()
        progress(1, 3, "Preparing images")
        image_notes: list[str] = []
        try:
            body, written = copy_images(
                figures_in_html(rendered.body_html),
                source_dir,
                destination,
                assets,
                export.skipped,
                post,
                settings_from(options),
                image_notes,
            )
        except (OSError, SmugdeskError) as error:
            raise ExportError(f"could not copy an image: {error}") from None
        export.images = {path: path for path in written}
        page = render_page(replace(rendered, body_html=body), lang=options["lang"])
        progress(2, 3, "Writing the page")
        try:
            atomic_write(target, page.encode("utf-8"))
        except (OSError, SmugdeskError) as error:
            raise ExportError(f"could not write {target}: {error}") from None
        if old is not None and old.exists() and old != target:
            old.unlink()
        manifest.record(export, post, old)
        progress(3, 3, "Done")
        return ExportResult(
            location=str(target),
            written=[target, *written],
            notes=skipped_notes(export.skipped) + image_notes,
        )
