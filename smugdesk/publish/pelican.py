"""Pelican: ``content/<slug>.md`` with Pelican's metadata lines, images under
``content/images/<slug>/`` linked with ``{static}``, other drafts with ``{filename}``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smugdesk.core.embeds import Embed
from smugdesk.core.list_nesting import renest
from smugdesk.core.post import Post
from smugdesk.publish.base import Option
from smugdesk.publish.jekyll import iframe_embed
from smugdesk.publish.site import (
    IMAGE_OPTIONS,
    SiteExporter,
    SitePlan,
    inside_site,
    is_draft,
    missing_draft,
    post_date,
    public_meta,
)
from smugdesk.publish.site_sizes import Sizing

_MAPPED = ("title", "date", "tags", "categories", "slug", "status", "summary")


def _line(value: Any) -> str:
    """Pelican metadata is one line per key: whitespace, newlines included, becomes one
    space, so a value can never start a line of its own (a key, or the block's end)."""
    if isinstance(value, (list, tuple)):
        items = [_line(item).replace(";", ",") for item in value]
        # Pelican splits a list on ";" when there is one, else on ",": "a, b" stays one tag.
        return ("; " if any("," in item for item in items) else ", ").join(items)
    return " ".join(str(value).split())


class PelicanExporter(SiteExporter):
    name = "pelican"
    label = "Pelican site (content folder)"
    options = (
        Option("content", str, "content", "Pelican's content folder, inside the site"),
        *IMAGE_OPTIONS,
    )
    site_hint = "the folder with pelicanconf.py"

    def plan(self, post: Post, site: Path, options: dict[str, Any]) -> SitePlan:
        content = site / (inside_site(site, options["content"], "content") or "content")

        def image(source: Path) -> tuple[Path, str]:
            relative = f"images/{post.slug}/{source.name}"
            return content / relative, f"{{static}}/{relative}"

        def post_link(slug: str) -> str:
            if not (content / f"{slug}.md").exists():
                raise missing_draft(slug)
            return f"{{filename}}/{slug}.md"

        return SitePlan(content / f"{post.slug}.md", image, post_link)

    def sizing(self, plan: SitePlan) -> Sizing:
        # Width and height only: Pelican rewrites {static} in src, not in srcset.
        return Sizing(False, lambda path: plan.image(path)[1])

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
        written = {line.split(":", 1)[0].lower() for line in lines} | set(_MAPPED)
        for key, value in public_meta(post, drop=_MAPPED).items():
            name = str(key)
            # Keys compare without case in Pelican: "Title:" again would be a second title.
            if name.lower() in written or not name.isidentifier():
                continue
            if isinstance(value, (str, int, float, list, tuple)):
                lines.append(f"{name.capitalize()}: {_line(value)}")
                written.add(name.lower())
        # Pelican's Python-Markdown nests lists at four spaces only: re-nest the two-space
        # lists writers type, as the preview reads them (no line added or removed).
        body = "\n".join(renest(body.split("\n")))
        return "\n".join(lines) + "\n\n" + body.lstrip("\n")
