"""Jekyll: ``_posts/YYYY-MM-DD-slug.md`` with Jekyll's front matter, images under a
configurable assets folder linked through ``relative_url`` (so a baseurl keeps working)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from smugdesk.core.embeds import Embed
from smugdesk.core.figures import Figure, figure_element
from smugdesk.core.post import Post
from smugdesk.publish.base import Option
from smugdesk.publish.frontmatter_out import yaml_front_matter
from smugdesk.publish.math_out import MATH_OPTION, math_as_mathml
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
from smugdesk.publish.site_sizes import Sizing

_DATED = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


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


def liquid_attribute(src: str) -> str:
    """An image link as it can stand in an HTML attribute: the Liquid's quotes single
    ones, the path percent-encoded so nothing in a file name can end the attribute."""
    liquid = re.fullmatch(r'\{\{ "(.*)" \| relative_url \}\}', src)
    if liquid is None:
        return src
    return "{{ '" + quote(liquid.group(1), safe="/") + "' | relative_url }}"


class JekyllExporter(SiteExporter):
    name = "jekyll"
    label = "Jekyll site (_posts)"
    options = (
        Option("layout", str, "post", "layout named in the front matter"),
        Option("assets", str, "assets/images", "site folder for images (one subfolder a post)"),
        *IMAGE_OPTIONS,
        MATH_OPTION,
    )
    site_hint = "the folder with _config.yml"

    def plan(self, post: Post, site: Path, options: dict[str, Any]) -> SitePlan:
        assets = inside_site(site, options["assets"], "assets") or "assets/images"

        def image(source: Path) -> tuple[Path, str]:
            where = f"{assets}/{post.slug}/{source.name}"
            return site / where, f'{{{{ "/{where}" | relative_url }}}}'

        def post_link(slug: str) -> str:
            found = sorted((site / "_posts").glob(f"{_DATED}-{slug}.md"))
            if not found:
                raise missing_draft(slug)
            return f"{{% post_url {found[-1].stem} %}}"

        target = site / "_posts" / f"{post_date(post):%Y-%m-%d}-{post.slug}.md"
        return SitePlan(target, image, post_link)

    def embed(self, embed: Embed) -> str | None:
        return iframe_embed(embed)

    def figure(self, figure: Figure, src: str) -> str | None:
        attribute = liquid_attribute(src)
        if attribute == src:
            return figure_element(figure, src)
        return figure_element(figure, attribute, src_is_markup=True)

    def sizing(self, plan: SitePlan) -> Sizing:
        # Liquid runs over the whole post, srcset included: the narrower file's address
        # comes out right under any baseurl.
        return Sizing(True, lambda path: plan.image(path)[1], liquid_attribute)

    def document(self, post: Post, options: dict[str, Any], body: str) -> str:
        meta = front_matter(
            post,
            {
                "layout": options["layout"],
                "title": post.title,
                "date": post_date(post).strftime("%Y-%m-%d %H:%M:%S %z"),
            },
        )
        if is_draft(post):
            meta["published"] = False  # Jekyll's own switch: built only with --unpublished
        if options.get("mathml"):
            body = math_as_mathml(body)
        return yaml_front_matter(meta) + body
