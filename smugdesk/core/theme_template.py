"""A blog's page made into a safe template for the preview: the post's place marked, the
rest kept as the theme draws it, and nothing in it that could act or reach the network.

The page is parsed into a small tree and written out again from that tree alone (every
text and attribute escaped anew), keeping only elements and attributes on an allowlist:
no scripts, no inline event handlers, no frames, forms, objects or embeds, no <base>, no
meta refresh, and links in the chrome without their targets. Every URL left (stylesheets,
images, fonts, CSS ``url()`` and ``@import``) goes through a ``resolve`` callback that
answers the stored copy's local path or None, and None drops it: no other address is left.

Pure Python (no Qt, no network): ``publish/theme_capture.py`` fetches; this decides.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from smugdesk.core.theme_css import Resolver, resolve_address, rewrite_css

PLACEHOLDERS = ("title", "date_text", "date_iso", "css")
BODY_ID, TITLE_ID, DATE_ID = "sd-body", "sd-title", "sd-date"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VOID = _words("area base br col embed hr img input link meta param source track wbr")
# Taken out with everything inside them.
_DROP_WITH_CONTENT = _words(
    "script noscript template iframe frame frameset object embed applet form input button "
    "select textarea option datalist output dialog portal fencedframe canvas video audio "
    "track math foreignobject animate animatemotion animatetransform set handler listener "
    "title base meta param"
)
_HTML_ELEMENTS = _words(
    "html head body link style div span p a h1 h2 h3 h4 h5 h6 header footer main nav "
    "section article aside figure figcaption img picture source ul ol li dl dt dd "
    "blockquote pre code em strong b i u s small sub sup br hr time address table thead "
    "tbody tfoot tr th td caption colgroup col abbr cite q mark del ins kbd samp var "
    "details summary label center font big strike"
)
_SVG_ELEMENTS = _words(
    "svg g path circle rect line polyline polygon ellipse defs use symbol desc "
    "lineargradient radialgradient stop clippath mask pattern text tspan"
)
_GLOBAL_ATTRIBUTES = _words(
    "class id title lang dir role hidden tabindex translate width height align"
)
_ELEMENT_ATTRIBUTES = {
    "img": {"alt", "sizes", "loading", "decoding"},
    "source": {"sizes", "media", "type"},
    "link": {"media"},
    "style": {"media"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "abbr": {"title"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "font": {"color", "face", "size"},
}
_SVG_ATTRIBUTES = _words(
    "viewbox xmlns version d fill stroke stroke-width stroke-linecap stroke-linejoin "
    "stroke-miterlimit stroke-dasharray fill-rule clip-rule points cx cy r rx ry x y x1 y1 "
    "x2 y2 transform focusable aria-hidden preserveaspectratio offset stop-color "
    "stop-opacity gradientunits gradienttransform opacity fill-opacity patternunits "
    "text-anchor font-size font-family font-weight dx dy"
)
_CONTENT_CLASSES = ("wp-block-post-content", "entry-content", "post-content", "e-content")
_TITLE_CLASSES = ("wp-block-post-title", "entry-title", "post-title", "p-name")
_DATE_CLASSES = ("wp-block-post-date", "entry-date", "posted-on", "post-date", "dt-published")


class TemplateError(Exception):
    """The page cannot be made into a template (no place for the post found)."""


@dataclass
class Node:
    tag: str  # "" for text
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str = ""
    raw: dict[str, str] = field(default_factory=dict)  # attributes written as they are
    parent: Node | None = field(default=None, repr=False)

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def elements(self):
        """This element and every element under it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            if node.tag:
                yield node
                stack.extend(reversed(node.children))

    def text_content(self) -> str:
        if not self.tag:
            return self.text
        return "".join(child.text_content() for child in self.children)

    def append(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the allowed elements: dropped elements vanish with their
    content; unknown ones are unwrapped (their content stays)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack: list[Node] = [self.root]
        self.skip: list[str] = []  # open elements being dropped with their content
        self.svg_depth = 0
        self.seen: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.skip:
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag in _DROP_WITH_CONTENT or (tag == "style" and self.svg_depth):
            if tag not in _VOID:
                self.skip.append(tag)
            elif tag == "meta":
                self._meta(attrs)
            return
        allowed = tag in _HTML_ELEMENTS or (self.svg_depth and tag in _SVG_ELEMENTS)
        if tag == "svg":
            allowed = True
        if tag in ("html", "head", "body"):
            allowed = tag not in self.seen  # a second one is only its content
            self.seen.add(tag)
        if not allowed:
            return  # unwrapped: its content joins the parent
        if tag in ("p", "li", "dt", "dd") and self.stack[-1].tag == tag:
            self.stack.pop()  # an implied end tag
        values = {name.lower(): value or "" for name, value in attrs}
        node = self.stack[-1].append(Node(tag, values))
        if tag not in _VOID:
            self.stack.append(node)
            if tag == "svg":
                self.svg_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID and not self.skip:
            self.handle_endtag(tag)
        elif self.skip and self.skip[-1] == tag.lower() and tag.lower() not in _VOID:
            self.skip.pop()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                for closed in self.stack[depth:]:
                    if closed.tag == "svg":
                        self.svg_depth -= 1
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.stack[-1].append(Node("", text=data))

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <meta> is written anew (charset, viewport); none of the page's are kept


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


def _find_by_class(root: Node, classes: tuple[str, ...]) -> Node | None:
    for wanted in classes:
        for node in root.elements():
            if wanted in node.classes():
                return node
    return None


def _find_marker(root: Node, marker: str) -> Node | None:
    """The element whose own text (its element children aside) holds ``marker``, then
    its nearest block ancestor: the paragraph's container is the post's place."""
    found = None
    for node in root.elements():
        if node.tag and any(not c.tag and marker in c.text for c in node.children):
            found = node
    while found is not None and found.tag in ("p", "span", "strong", "em", "a", "b", "i"):
        found = found.parent
    return found


def content_element(root: Node, marker: str = "") -> Node:
    """The element that holds the post's body: a known class, else the marker's container,
    else the page's <article> or <main>."""
    node = _find_by_class(root, _CONTENT_CLASSES)
    if node is None and marker:
        node = _find_marker(root, marker)
    if node is None:
        node = next((n for n in root.elements() if n.tag in ("article", "main")), None)
    if node is None:
        raise TemplateError("no element for the post's content was found in the page")
    return node


# -- the template -------------------------------------------------------------------------


def _srcset(value: str, base_url: str, resolve: Resolver) -> str:
    kept = []
    for candidate in value.split(","):
        parts = candidate.split()
        if not parts:
            continue
        local = resolve_address(base_url, parts[0], "image", resolve)
        if local:
            kept.append(" ".join([local, *parts[1:2]]))
    return ", ".join(kept)


def _clean_attrs(node: Node, base_url: str, resolve: Resolver, in_svg: bool) -> dict[str, str]:
    tag = node.tag
    allowed = _GLOBAL_ATTRIBUTES | _ELEMENT_ATTRIBUTES.get(tag, set())
    if in_svg:
        allowed = allowed | _SVG_ATTRIBUTES
    out: dict[str, str] = {}
    for name, value in node.attrs.items():
        if name in allowed or name.startswith(("aria-", "data-")):
            if name == "id" and value.startswith("sd-"):
                continue  # the preview's own ids are ours alone
            if name == "data-line":
                continue
            out[name] = value
        elif name == "style":
            cleaned = rewrite_css(value, base_url, resolve).strip()
            if cleaned:
                out[name] = cleaned
    if tag == "img":
        src = node.attrs.get("src", "")
        local = resolve_address(base_url, src, "image", resolve) if src else None
        if local:
            out["src"] = local
        srcset = _srcset(node.attrs.get("srcset", ""), base_url, resolve)
        if srcset:
            out["srcset"] = srcset
    elif tag == "source":
        srcset = _srcset(node.attrs.get("srcset", ""), base_url, resolve)
        if srcset:
            out["srcset"] = srcset
    elif in_svg and tag == "use":
        target = node.attrs.get("href") or node.attrs.get("xlink:href") or ""
        if target.startswith("#"):
            out["href"] = target
    for name in ("clip-path", "mask", "fill", "stroke"):
        fragment = re.fullmatch(r"url\(\s*['\"]?#[\w-]+['\"]?\s*\)", out.get(name, ""))
        if name in out and "url(" in out[name].lower() and not fragment:
            del out[name]
    return out


def _write(node: Node, out: list[str], base_url: str, resolve: Resolver, in_svg: bool) -> None:
    if not node.tag:
        out.append(html.escape(node.text, quote=False).replace("{", "&#123;"))
        return
    if node.tag == "#raw":
        out.append(node.text)  # a placeholder put in by make_template, never page text
        return
    tag = node.tag
    if tag == "link":
        rel = node.attrs.get("rel", "").lower().split()
        href = node.attrs.get("href", "")
        local = (
            resolve_address(base_url, href, "stylesheet", resolve) if "stylesheet" in rel else None
        )
        if local and "alternate" not in rel:
            media = node.attrs.get("media", "")
            extra = f' media="{html.escape(media)}"' if media else ""
            out.append(f'<link rel="stylesheet" href="{local}"{extra}>')
        return
    if tag == "style":
        css = rewrite_css(node.text_content(), base_url, resolve)
        # Raw text: nothing in it may end the element early.
        css = re.sub(r"</", r"<\\/", css)
        out.append(f"<style>{css}</style>")
        return
    svg = in_svg or tag == "svg"
    # <head> exactly: the preview's policy goes in right after it (preview_sandbox).
    attrs = {} if tag == "head" else _clean_attrs(node, base_url, resolve, svg)
    written = "".join(
        f' {name}="{html.escape(value).replace("{", "&#123;")}"' for name, value in attrs.items()
    ) + "".join(f' {name}="{value}"' for name, value in node.raw.items())
    if tag in _VOID:
        out.append(f"<{tag}{written}>")
        return
    out.append(f"<{tag}{written}>")
    if tag == "head":
        out.append('\n<meta charset="utf-8">\n')
        out.append('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        out.append("<title>{{title}}</title>\n")  # the only braces not escaped: ours
    for child in node.children:
        _write(child, out, base_url, resolve, svg)
    if tag == "head":
        # The writer's own CSS and the preview's own bits last, so they win.
        out.append('\n<style id="sd-style">{{css}}</style>\n')
    out.append(f"</{tag}>")


# The preview's own pieces inside a theme: the problem banner, embed players and the cards
# shown for them offline (the blog shows its own players), wide code scrolling in its box.
_PREVIEW_CSS = """
#sd-problem { position: sticky; top: 0; z-index: 10; margin: 0 0 1em; padding: 8px 12px;
  border: 1px solid #f0b36b; border-radius: 6px; background: #fff4e5; color: #6b3d00;
  font: 14px/1.4 system-ui, sans-serif; }
#sd-problem[hidden] { display: none; }
#sd-body img, #sd-body video { max-width: 100%; height: auto; }
#sd-body pre { overflow-x: auto; }
.embed-video, .embed-playlist { position: relative; width: 100%; aspect-ratio: 16 / 9;
  background: #111; overflow: hidden; box-sizing: border-box; }
.embed-video iframe, .embed-playlist iframe { position: absolute; inset: 0; width: 100%;
  height: 100%; border: 0; }
.embed-audio iframe { width: 100%; height: 166px; border: 0; }
.embed-card { display: flex; flex-direction: column; gap: .25rem; aspect-ratio: auto;
  padding: .9rem 1.1rem; border: 1px solid #d0d7de; border-left: 4px solid currentColor;
  border-radius: 6px; font-size: .9em; }
.embed-card .embed-provider { font-weight: 650; }
.embed-card .embed-note { opacity: .75; font-size: .85em; }
.embed-card .embed-url { overflow-wrap: anywhere; }
.task-list-item { list-style: none; }
"""


def _mark(node: Node, element_id: str, placeholder: str) -> None:
    node.attrs.pop("id", None)
    node.raw["id"] = element_id
    node.children = []
    node.append(Node("#raw", text="{{" + placeholder + "}}"))


def _ensure_structure(root: Node) -> tuple[Node, Node]:
    """The page's <head> and <body>, made if it had none."""
    html_node = next((n for n in root.children if n.tag == "html"), None)
    if html_node is None:
        html_node = Node("html", children=[])
        for child in root.children:
            html_node.append(child)
        root.children = []
        root.append(html_node)
    head = next((n for n in html_node.children if n.tag == "head"), None)
    body = next((n for n in html_node.children if n.tag == "body"), None)
    if body is None:
        body = Node("body")
        for child in [c for c in html_node.children if c is not head]:
            body.append(child)
        html_node.children = [c for c in html_node.children if c is head]
        html_node.append(body)
    if head is None:
        head = Node("head")
        head.parent = html_node
        html_node.children.insert(0, head)
    return head, body


def make_template(
    page: str, page_url: str, resolve: Resolver, *, marker: str = "", title_marker: str = ""
) -> str:
    """The page at ``page_url`` as a preview template: its content element emptied and
    given the body's id, the post's title and date marked for the preview to fill, every
    address it keeps local (``resolve``), everything active gone. TemplateError when the
    page has no place for a post."""
    root = parse(page)
    _head, body = _ensure_structure(root)
    content = content_element(root, marker)
    content.children = []
    content.attrs.pop("id", None)
    content.raw["id"] = BODY_ID
    title = _find_marker(root, title_marker) if title_marker else None
    if title is None or title is content or title.tag in ("head", "html", "body"):
        title = _find_by_class(root, _TITLE_CLASSES)
    if title is None:
        title = Node("h1", {"hidden": ""})
        body.children.insert(0, title)
        title.parent = body
    _mark(title, TITLE_ID, "title")
    date_box = _find_by_class(root, _DATE_CLASSES)
    when = None
    if date_box is not None:
        when = next((n for n in date_box.elements() if n.tag == "time"), None)
        if when is None:
            when = date_box.append(Node("time"))
            for child in list(date_box.children):
                if child is not when:
                    date_box.children.remove(child)
    if when is None:
        when = body.append(Node("time", {"hidden": ""}))
    _mark(when, DATE_ID, "date_text")
    when.attrs.pop("datetime", None)
    when.raw["datetime"] = "{{date_iso}}"
    out: list[str] = ["<!DOCTYPE html>\n"]
    for child in root.children:
        _write(child, out, page_url, resolve, False)
    return "".join(out)


def fill(template: str, *, title: str, date_text: str, date_iso: str, extra_css: str = "") -> str:
    """The shell page for the preview from a stored template (one pass, so text in the
    post is never read as a placeholder)."""
    css = _PREVIEW_CSS + (f"\n/* the writer's own */\n{extra_css}\n" if extra_css else "")
    values = {
        "title": html.escape(title or "Untitled"),
        "date_text": html.escape(date_text),
        "date_iso": html.escape(date_iso),
        "css": re.sub(r"</", r"<\\/", css),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), template)
