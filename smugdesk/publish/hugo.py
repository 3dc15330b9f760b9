"""Hugo: a page bundle ``content/<section>/<slug>/index.md`` with its images beside it,
embeds as Hugo's built-in shortcodes, links to other drafts as ``ref`` shortcodes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smugdesk.core.embeds import Embed
from smugdesk.core.post import Post
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress
from smugdesk.publish.frontmatter_out import yaml_front_matter
from smugdesk.publish.site import (
    SiteExport,
    is_draft,
    post_date,
    public_meta,
    require_site,
    rewrite_body,
    write_site_files,
)


def hugo_embed(embed: Embed) -> str | None:
    if embed.provider == "youtube" and embed.kind == "video":
        if embed.start:
            return f'{{{{< youtube id="{embed.ref}" start="{embed.start}" >}}}}'
        return f"{{{{< youtube {embed.ref} >}}}}"
    if embed.provider == "vimeo":
        return f"{{{{< vimeo {embed.ref} >}}}}"
    # Hugo drops raw HTML by default, and its social shortcodes need API keys: a quoted link
    # reads well on any theme.
    return f"> [{embed.title}]({embed.url})"


class HugoExporter:
    name = "hugo"
    label = "Hugo site (page bundle)"
    options = (Option("section", str, "posts", "content section the post goes into"),)

    def available(self) -> tuple[bool, str]:
        return True, ""

    def export(
        self,
        post: Post,
        destination: Path,
        options: dict[str, Any],
        progress: Progress = no_progress,
    ) -> ExportResult:
        site = require_site(destination, "the folder with hugo.toml or config.toml")
        section = options["section"].strip("/") or "posts"
        bundle = site / "content" / section / post.slug
        export = SiteExport(site, bundle / "index.md")

        def image(source: Path) -> tuple[Path, str]:
            return bundle / source.name, source.name

        def post_link(slug: str) -> str:
            if (
                not (site / "content" / section / slug).exists()
                and not (site / "content" / section / f"{slug}.md").exists()
            ):
                raise ExportError(
                    f"this post links to the draft “{slug}”, which is not in the site yet; "
                    "export that post first"
                )
            return f'{{{{< ref "{section}/{slug}" >}}}}'

        body = rewrite_body(post, export, image, post_link, hugo_embed)
        meta = public_meta(post, drop=("status", "date", "title", "slug"))
        front = {
            "title": post.title,
            "date": post_date(post).isoformat(),
            "draft": is_draft(post),
            "slug": post.slug,
        }
        for key, value in reversed(front.items()):
            meta.insert(0, key, value)
        for key in ("tags", "categories"):
            if isinstance(meta.get(key), str):  # "a, b" → a list; a list keeps its style
                meta[key] = getattr(post, key)
        written = write_site_files(export, yaml_front_matter(meta) + body, post, progress)
        return ExportResult(location=str(export.target), written=written)
