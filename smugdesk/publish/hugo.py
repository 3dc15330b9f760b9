"""Hugo: a page bundle ``content/<section>/<slug>/index.md`` with its images beside it,
embeds as Hugo's built-in shortcodes, links to other drafts as ``ref`` shortcodes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smugdesk.core.embeds import Embed
from smugdesk.core.figures import Figure, hugo_figure
from smugdesk.core.post import Post
from smugdesk.publish.base import Option
from smugdesk.publish.frontmatter_out import yaml_front_matter
from smugdesk.publish.math_out import MATH_OPTION_HUGO, math_as_mathml
from smugdesk.publish.site import (
    IMAGE_OPTIONS,
    SiteExporter,
    SitePlan,
    front_matter,
    inside_site,
    is_draft,
    missing_draft,
    post_date,
)


class HugoExporter(SiteExporter):
    name = "hugo"
    label = "Hugo site (page bundle)"
    options = (
        Option("section", str, "posts", "content section the post goes into"),
        *IMAGE_OPTIONS,
        MATH_OPTION_HUGO,
    )
    site_hint = "the folder with hugo.toml or config.toml"

    def plan(self, post: Post, site: Path, options: dict[str, Any]) -> SitePlan:
        section = inside_site(site, options["section"], "section") or "posts"
        content = site / "content" / section
        bundle = content / post.slug

        def post_link(slug: str) -> str:
            if not (content / slug).exists() and not (content / f"{slug}.md").exists():
                raise missing_draft(slug)
            return f'{{{{< ref "{section}/{slug}" >}}}}'

        return SitePlan(
            bundle / "index.md", lambda source: (bundle / source.name, source.name), post_link
        )

    def embed(self, embed: Embed) -> str | None:
        if embed.provider == "youtube" and embed.kind == "video":
            if embed.start:
                return f'{{{{< youtube id="{embed.ref}" start="{embed.start}" >}}}}'
            return f"{{{{< youtube {embed.ref} >}}}}"
        if embed.provider == "vimeo":
            return f"{{{{< vimeo {embed.ref} >}}}}"
        # Hugo drops raw HTML by default, and its social shortcodes need API keys: a quoted
        # link reads well on any theme.
        return f"> [{embed.title}]({embed.url})"

    def figure(self, figure: Figure, src: str) -> str | None:
        return hugo_figure(figure, src)  # Hugo drops raw <figure> HTML by default

    def document(self, post: Post, options: dict[str, Any], body: str) -> str:
        meta = front_matter(
            post,
            {
                "title": post.title,
                "date": post_date(post).isoformat(),
                "draft": is_draft(post),
                "slug": post.slug,
            },
        )
        if options.get("mathml"):
            body = math_as_mathml(body)
        return yaml_front_matter(meta) + body
