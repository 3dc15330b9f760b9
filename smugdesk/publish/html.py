"""Standalone HTML page: the post with its stylesheet inlined and its images beside it."""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import Post
from smugdesk.core.render import Renderer, render_page, render_post
from smugdesk.core.store import atomic_write
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress
from smugdesk.publish.site import (
    Manifest,
    SiteExport,
    Skipped,
    check_inside,
    inside_site,
    own_file,
    skipped_notes,
)

# The src of the <img> tags Python-Markdown wrote: only to find files to copy (a src not
# matched is simply not copied); what is safe in the page is decided in core.html_safety.
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


def copy_images(
    body_html: str, source_dir: Path, out_dir: Path, assets: str, skipped: list[Skipped]
) -> tuple[str, list[Path]]:
    """Copy the post's own images next to the page; keep clean relative paths, move others
    to ``assets``. References refused (outside the post's folder, not an image) are left
    as written and added to ``skipped``."""
    written: list[Path] = []
    taken: dict[Path, str] = {}

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
            target_rel = relative.as_posix() if inside else f"{assets}/{found.name}"
            target = out_dir / target_rel
            check_inside(out_dir, target)  # a linked folder where the page goes
            if target.resolve() != found:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(found, target)
            written.append(target)
            taken[found] = target_rel
        return f"{prefix}{quote}{taken[found]}{quote}"

    return _IMG_SRC.sub(place, body_html), written


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
        progress(1, 3, "Copying images")
        try:
            body, written = copy_images(
                rendered.body_html, source_dir, destination, assets, export.skipped
            )
        except OSError as error:
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
            notes=skipped_notes(export.skipped),
        )
