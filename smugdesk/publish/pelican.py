"""Pelican: ``content/<slug>.md`` with Pelican's metadata lines, images under
``content/images/<slug>/`` linked with ``{static}``, other drafts with ``{filename}``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smugdesk.core.embeds import Embed
from smugdesk.core.post import Post
from smugdesk.publish.base import Option
from smugdesk.publish.jekyll import iframe_embed
from smugdesk.publish.site import (
    SiteExporter,
    SitePlan,
    is_draft,
    missing_draft,
    post_date,
    public_meta,
)

_MAPPED = ("title", "date", "tags", "categories", "slug", "status", "summary")


def _line(value: Any) -> str:
    """Pelican metadata is one line per key."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return " ".join(str(value).split())


class PelicanExporter(SiteExporter):
    name = "pelican"
    label = "Pelican site (content folder)"
    options = (Option("content", str, "content", "Pelican's content folder, inside the site"),)
    site_hint = "the folder with pelicanconf.py"

    def plan(self, post: Post, site: Path, options: dict[str, Any]) -> SitePlan:
        content = site / (options["content"].strip("/") or "content")

        def image(source: Path) -> tuple[Path, str]:
            relative = f"images/{post.slug}/{source.name}"
            return content / relative, f"{{static}}/{relative}"

        def post_link(slug: str) -> str:
            if not (content / f"{slug}.md").exists():
                raise missing_draft(slug)
            return f"{{filename}}/{slug}.md"

        return SitePlan(content / f"{post.slug}.md", image, post_link)

    def embed(self, embed: Embed) -> str | None:
        return iframe_embed(embed)

    def document(self, post: Post, options: dict[str, Any], body: str) -> str:
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
        return "\n".join(lines) + "\n\n" + body.lstrip("\n")
