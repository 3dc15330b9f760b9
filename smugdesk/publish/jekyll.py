"""Jekyll: ``_posts/YYYY-MM-DD-slug.md`` with Jekyll's front matter, images under a
configurable assets folder linked through ``relative_url`` (so a baseurl keeps working)."""

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


def iframe_embed(embed: Embed) -> str | None:
    """Raw HTML, which kramdown and Python-Markdown pass through: a player or a link card."""
    player = embed.player_url
    if player is None:
        return f"> [{embed.title}]({embed.url})"
    kind = "embed-video" if embed.kind in ("video", "playlist") else "embed-audio"
    return (
        f'<div class="embed {kind} embed-{embed.provider}"><iframe src="{player}" '
        f'title="{embed.title}" loading="lazy" allow="encrypted-media; picture-in-picture; '
        'fullscreen" referrerpolicy="strict-origin-when-cross-origin" '
        'style="width:100%;aspect-ratio:16/9;border:0"></iframe></div>'
    )


class JekyllExporter:
    name = "jekyll"
    label = "Jekyll site (_posts)"
    options = (
        Option("layout", str, "post", "layout named in the front matter"),
        Option("assets", str, "assets/images", "site folder for images (one subfolder a post)"),
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
        site = require_site(destination, "the folder with _config.yml")
        date = post_date(post)
        export = SiteExport(site, site / "_posts" / f"{date:%Y-%m-%d}-{post.slug}.md")
        assets = options["assets"].strip("/") or "assets/images"

        def image(source: Path) -> tuple[Path, str]:
            where = f"{assets}/{post.slug}/{source.name}"
            return site / where, f'{{{{ "/{where}" | relative_url }}}}'

        def post_link(slug: str) -> str:
            found = sorted(
                (site / "_posts").glob(f"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-{slug}.md")
            )
            if not found:
                raise ExportError(
                    f"this post links to the draft “{slug}”, which is not in the site yet; "
                    "export that post first"
                )
            return f"{{% post_url {found[-1].stem} %}}"

        body = rewrite_body(post, export, image, post_link, iframe_embed)
        meta = public_meta(post, drop=("status", "date", "title", "layout"))
        front = {
            "layout": options["layout"],
            "title": post.title,
            "date": date.strftime("%Y-%m-%d %H:%M:%S %z"),
        }
        for key, value in reversed(front.items()):
            meta.insert(0, key, value)
        for key in ("categories", "tags"):
            if isinstance(meta.get(key), str):  # "a, b" → a list; a list keeps its style
                meta[key] = getattr(post, key)
        if is_draft(post):
            meta["published"] = False  # Jekyll's own switch: built only with --unpublished
        written = write_site_files(export, yaml_front_matter(meta) + body, post, progress)
        return ExportResult(location=str(export.target), written=written)
