"""Markdown to HTML, the same for the preview and every HTML-producing exporter.

A Renderer owns one Python-Markdown instance, which is not thread-safe: each thread that
renders (the preview's worker, a CLI run) makes its own.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pygments.formatters import HtmlFormatter

from smugdesk.core.embeds import EmbedExtension
from smugdesk.core.figures import FigureExtension
from smugdesk.core.html_safety import DisarmPostprocessor
from smugdesk.core.links import POST_SCHEME, is_safe_link
from smugdesk.core.list_nesting import ListNestingExtension
from smugdesk.core.math_markup import ARITHMATEX_CONFIG, MathMLExtension
from smugdesk.core.post import Post
from smugdesk.core.raw_blocks import RemoteContentExtension
from smugdesk.core.resources import read_resource
from smugdesk.core.source_lines import SourceLineExtension

CODE_STYLE = "friendly"
CODE_STYLE_DARK = "monokai"
POST_PREFIX = f"{POST_SCHEME}:"


# slug of another draft -> the URL it has in the target, or None to leave ``post:slug``
PostLinkResolver = Callable[[str], str | None]


class _LinkPolicy(Treeprocessor):
    """Markdown links and images to javascript:, vbscript:, file: or data: are not made live
    (raw HTML the author typed is stashed before this runs and passes through untouched);
    links to other drafts (``post:slug``) get the URL the target gives them."""

    def __init__(self, md: markdown.Markdown, resolve_post: PostLinkResolver | None) -> None:
        super().__init__(md)
        self.resolve_post = resolve_post

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            if not attribute:
                continue
            value = element.get(attribute, "")
            if not is_safe_link(value):
                del element.attrib[attribute]
                element.set("class", "unsafe-link")
                element.set("title", "link removed: this kind of address is not allowed")
            elif self.resolve_post and value.startswith(POST_PREFIX):
                resolved = self.resolve_post(value[len(POST_PREFIX) :])
                if resolved:
                    element.set(attribute, resolved)


class _BareTocLabel(Treeprocessor):
    """``{data-toc-label}`` with no value (half typed) leaves the attribute None, on which
    toc fails and the whole post with it: such a label is dropped."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if "data-toc-label" in element.attrib and element.get("data-toc-label") is None:
                del element.attrib["data-toc-label"]


class _LinkPolicyExtension(Extension):
    def __init__(self, resolve_post: PostLinkResolver | None) -> None:
        self.resolve_post = resolve_post
        super().__init__()

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        policy = _LinkPolicy(md, self.resolve_post)
        md.treeprocessors.register(policy, "smugdesk_link_policy", 1)
        # Between attr_list (8) and toc (5).
        md.treeprocessors.register(_BareTocLabel(md), "smugdesk_bare_toc_label", 7)
        # Raw HTML is back in the page only after "raw_html" (30): disarm after it, last.
        md.postprocessors.register(DisarmPostprocessor(md), "smugdesk_disarm", 1)


def _extensions(
    embeds: str,
    resolve_post: PostLinkResolver | None,
    source_lines: bool = False,
    slugify: Callable[[str, str], str] | None = None,
) -> tuple[list, dict]:
    extensions = [
        "extra",  # tables, fenced code, footnotes, attr_list, abbr, def_list, md_in_html
        "toc",
        "codehilite",
        "sane_lists",
        ListNestingExtension(),  # two-space nesting, as CommonMark and the downloader write
        "smarty",
        "pymdownx.tilde",  # ~~struck~~
        "pymdownx.tasklist",  # - [ ] and - [x]
        "pymdownx.magiclink",  # bare https://… and www.… addresses
        "pymdownx.arithmatex",  # $…$ and $$…$$
        MathMLExtension(),
        EmbedExtension(embeds),
        _LinkPolicyExtension(resolve_post),
        RemoteContentExtension(),  # shortcodes, kept blog HTML: sent as they are
        # The preview shows figures as the targets make them; exporters write their own idiom.
        *([SourceLineExtension(), FigureExtension()] if source_lines else []),
    ]
    configs = {
        "codehilite": {"css_class": "codehilite", "guess_lang": False},
        "toc": {"permalink": False, **({"slugify": slugify} if slugify else {})},
        # ~sub~ is not in GitHub's, Goldmark's or kramdown's Markdown: single tildes stay.
        "pymdownx.tilde": {"subscript": False},
        "pymdownx.tasklist": {"custom_checkbox": False},
        # No GitHub/social shortening: a link reads as the address typed, as on the targets.
        "pymdownx.magiclink": {"repo_url_shortener": False, "social_url_shortener": False},
        "pymdownx.arithmatex": ARITHMATEX_CONFIG,
    }
    return extensions, configs


def _footnotes_defined_in_footnotes_ignored(md: markdown.Markdown) -> None:
    """A footnote definition indented under another footnote is met only while the footnote
    list is being built, and Python-Markdown then fails ("OrderedDict mutated during
    iteration"): such a definition is ignored instead, so the post still renders."""
    from markdown.extensions.footnotes import FootnoteExtension

    extension = next((e for e in md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
    if extension is None:
        return
    make_list = extension.makeFootnotesDiv

    def footnote_list(root: etree.Element) -> etree.Element | None:
        extension.setFootnote = lambda _id, _text: None
        try:
            return make_list(root)
        finally:
            del extension.setFootnote  # the class's own again

    extension.makeFootnotesDiv = footnote_list


class Renderer:
    """``embeds``: "iframe" for pages readers open, "placeholder" for an offline preview.
    ``resolve_post``: how a link to another draft (``post:slug``) reads in the target.
    ``source_lines``: mark top-level blocks with their source line (the preview only).
    ``slugify``: how a heading's text becomes its id (``toc``'s own by default)."""

    def __init__(
        self,
        embeds: str = "iframe",
        resolve_post: PostLinkResolver | None = None,
        *,
        source_lines: bool = False,
        slugify: Callable[[str, str], str] | None = None,
    ) -> None:
        self.embeds = embeds
        self.resolve_post = resolve_post
        self.source_lines = source_lines
        extensions, configs = _extensions(embeds, resolve_post, source_lines, slugify)
        self._md = markdown.Markdown(
            extensions=extensions, extension_configs=configs, output_format="html"
        )
        _footnotes_defined_in_footnotes_ignored(self._md)

    def render(self, text: str) -> str:
        """HTML for a Markdown body (no front matter)."""
        return self._md.reset().convert(text)

    def last_headings(self) -> list[dict]:
        """The headings of the last render as toc lists them (level, id, name, html,
        data-toc-label), flat, in document order."""
        flat: list[dict] = []

        def walk(tokens: list[dict]) -> None:
            for token in tokens:
                flat.append({key: value for key, value in token.items() if key != "children"})
                walk(token["children"])

        walk(getattr(self._md, "toc_tokens", []))
        return flat

    def table_of_contents(self, headings: list[dict]) -> str:
        """The ``[TOC]`` div toc writes for ``headings`` (flat, in document order)."""
        from markdown.extensions.toc import nest_toc_tokens

        processor = self._md.treeprocessors["toc"]
        div = processor.build_toc_div(nest_toc_tokens([dict(item) for item in headings]))
        html = self._md.serializer(div)
        for postprocessor in self._md.postprocessors:
            html = postprocessor.run(html)
        return html.strip()


@dataclass(frozen=True)
class RenderedPost:
    title: str
    date_text: str
    date_iso: str
    body_html: str


def render_post(post: Post, renderer: Renderer | None = None) -> RenderedPost:
    renderer = renderer or Renderer()
    date = post.date
    return RenderedPost(
        title=post.title,
        date_text=format_date(date),
        date_iso=date.isoformat() if date else "",
        body_html=renderer.render(post.body),
    )


def format_date(date: dt.date | None) -> str:
    if date is None:
        return ""
    return f"{date.day} {date:%B %Y}"


@lru_cache(maxsize=1)
def page_css() -> str:
    """The preview and export stylesheet: the blog theme plus Pygments' colours."""
    code = HtmlFormatter(style=CODE_STYLE).get_style_defs(".codehilite")
    # The dark preview sets class="dark" on <html>; a standalone page never does.
    dark = HtmlFormatter(style=CODE_STYLE_DARK).get_style_defs("html.dark .codehilite")
    return f"{read_resource('preview.css')}\n/* code colours (Pygments) */\n{code}\n{dark}\n"


def render_page(
    rendered: RenderedPost, *, script: str = "", lang: str = "en", extra_css: str = ""
) -> str:
    """A standalone HTML page around a rendered post, its stylesheet inlined (``extra_css``
    after it, so the writer's own rules win)."""
    template = read_resource("page.html")
    values = {
        "lang": html.escape(lang),
        "title": html.escape(rendered.title or "Untitled"),
        "css": page_css() + (f"\n/* the writer's own */\n{extra_css}\n" if extra_css else ""),
        "date_iso": html.escape(rendered.date_iso),
        "date_text": html.escape(rendered.date_text),
        "body": rendered.body_html,
        "script": script,
    }
    # One pass, so a "{{…}}" typed in a post is never taken for a placeholder.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), template)
