"""Pelican: ``content/<slug>.md`` with Pelican's metadata lines, images under
``content/images/<slug>/`` linked with ``{static}``, other drafts with ``{filename}``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smugdesk.core.post import Post
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress
from smugdesk.publish.jekyll import iframe_embed
from smugdesk.publish.site import (
    SiteExport,
    is_draft,
    post_date,
    public_meta,
    require_site,
    rewrite_body,
    write_site_files,
)

_MAPPED = ("title", "date", "tags", "categories", "slug", "status", "summary")


def _line(value: Any) -> str:
    """Pelican metadata is one line per key."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return " ".join(str(value).split())


class PelicanExporter:
    name = "pelican"
    label = "Pelican site (content folder)"
    options = (Option("content", str, "content", "Pelican's content folder, inside the site"),)

    def available(self) -> tuple[bool, str]:
        return True, ""

    def export(
        self,
        post: Post,
        destination: Path,
        options: dict[str, Any],
        progress: Progress = no_progress,
    ) -> ExportResult:
        site = require_site(destination, "the folder with pelicanconf.py")
        content = site / (options["content"].strip("/") or "content")
        export = SiteExport(site, content / f"{post.slug}.md")

        def image(source: Path) -> tuple[Path, str]:
            return content / "images" / post.slug / source.name, (
                f"{{static}}/images/{post.slug}/{source.name}"
            )

        def post_link(slug: str) -> str:
            if not (content / f"{slug}.md").exists():
                raise ExportError(
                    f"this post links to the draft “{slug}”, which is not in the site yet; "
                    "export that post first"
                )
            return f"{{filename}}/{slug}.md"

        body = rewrite_body(post, export, image, post_link, iframe_embed)
        lines = [
            f"Title: {_line(post.title)}",
            f"Date: {post_date(post):%Y-%m-%d %H:%M%z}",
            f"Slug: {post.slug}",
            f"Status: {'draft' if is_draft(post) else 'published'}",
        ]
        if post.tags:
            lines.append(f"Tags: {_line(post.tags)}")
        if post.categories:
            # Pelican has one category per article; the first is the main one.
            lines.append(f"Category: {_line(post.categories[0])}")
        if post.meta.get("summary"):
            lines.append(f"Summary: {_line(post.meta['summary'])}")
        for key, value in public_meta(post, drop=_MAPPED).items():
            if isinstance(value, (str, int, float, list, tuple)) and str(key).isidentifier():
                lines.append(f"{str(key).capitalize()}: {_line(value)}")
        text = "\n".join(lines) + "\n\n" + body.lstrip("\n")
        written = write_site_files(export, text, post, progress)
        return ExportResult(location=str(export.target), written=written)
