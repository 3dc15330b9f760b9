"""A blog post's HTML as a draft that loses nothing: Markdown where Markdown says it exactly,
the blog's own HTML where it cannot (see ``core.raw_blocks`` for the three forms a part can
take in the draft).

Why this shape: a converter that turns all of a post into Markdown (markdownify) drops what
Markdown has no words for (block comments and their attributes, shortcodes, iframes, nested
lists it indents differently, aligned tables, figures, footnotes, image classes), and a
draft that keeps all of it as HTML is no longer pleasant to edit. So the post is cut into
its top-level parts (a WordPress block with its comments, an element, a comment, a stretch
of classic text up to a blank line) and each part is tried, cheapest first, against the very
renderer publishing uses:

1. Markdown, if rendering it gives the part back (whitespace between tags aside);
2. Markdown with a kept marker, if its rendering differs only where renderers differ
   harmlessly (typographic quotes and dashes, a heading's generated id, the ``<p>`` a
   classic paragraph gets): unedited, the original goes out; edited, the new rendering;
3. the part's HTML as it is, if Python-Markdown passes it through unchanged;
4. the part fenced as verbatim HTML.

A WordPress block around a single Markdown-able element keeps its comments on their own
lines around the Markdown, so the writer edits words, not markup. At the end the whole draft
is rendered once more and compared with the post: if the parts interfered (a paragraph that
reads as a link definition next to another), the whole post is kept verbatim instead. A
round trip is therefore lossless by construction, and the tests check it on a corpus.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from smugdesk.core.raw_blocks import kept_block, raw_block
from smugdesk.core.render import Renderer

# Elements that stand as a part of their own; anything else (text, inline elements,
# shortcodes) runs on as classic text up to a blank line.
_BLOCK_TAGS = frozenset(
    ["p", "div", "ul", "ol", "dl", "table", "figure", "blockquote", "pre", "h1", "h2", "h3",
     "h4", "h5", "h6", "hr", "iframe", "script", "style", "video", "audio", "section", "aside",
     "header", "footer", "nav", "form", "details", "address", "center", "noscript", "object",
     "canvas", "svg", "math", "fieldset", "main", "article"]
)  # fmt: skip
_RAW_TEXT = frozenset(("script", "style", "pre", "textarea"))
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_WP_OPEN = re.compile(r"<!--\s+wp:([a-z][a-z0-9_/-]*)(?:\s[^>]*?)?\s*(/)?-->", re.DOTALL)
_WP_MARK = re.compile(
    r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_/-]*)(?:\s[^>]*?)?\s*(?P<self>/)?-->", re.DOTALL
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>", re.DOTALL)
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# What smarty writes for plain typing, back to that typing.
_TYPOGRAPHY = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "--",
     "\u2014": "---", "\u2026": "...", "\u00ab": "<<", "\u00bb": ">>"}
)  # fmt: skip


@dataclass(frozen=True)
class Part:
    text: str  # exactly as in the post
    kind: str  # "block" (a WordPress block), "element", "comment", "text"


_EDGE_TAGS = (
    "p|div|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|th|td|figure|figcaption|blockquote|"
    "h[1-6]|hr|section|aside|header|footer|nav|iframe|script|style|video|audio"
)
# (Outside a <pre> only: before its opening tag and after its closing one.)
_AFTER_BLOCK = re.compile(rf"(</?(?:{_EDGE_TAGS})\b[^>]*>|</pre\s*>|-->)[ \t]*\n\s*", re.IGNORECASE)
_BEFORE_BLOCK = re.compile(rf"\s*\n[ \t]*(</?(?:{_EDGE_TAGS})\b|<pre\b|<!--)", re.IGNORECASE)


def normalise(html: str) -> str:
    """HTML compared as a blog reads it: only whitespace is normalised. Between tags it does
    not count; a line break next to a block-level tag or a comment counts once (neither a
    browser nor WordPress's wpautop tells one from a blank line there); a run of blank
    lines counts as one paragraph break."""
    html = html.replace("\r\n", "\n").strip()
    html = re.sub(r">\s+<", "><", html)
    html = _AFTER_BLOCK.sub(lambda m: m[1] + "\n", html)
    html = _BEFORE_BLOCK.sub(lambda m: "\n" + m[1], html)
    return re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", html)


def split_parts(html: str) -> list[Part]:
    """The post's top-level parts, in order; the text between them is only whitespace."""
    parts: list[Part] = []
    closes = _block_closes(html)
    i, n = 0, len(html)
    while i < n:
        if html[i].isspace():
            i += 1
            continue
        end, kind = _part_end(html, i, closes)
        parts.append(Part(html[i:end], kind))
        i = end
    return parts


def _block_closes(html: str) -> dict[int, int]:
    """Where each WordPress block's opening comment starts -> where its closing comment
    ends, matched by name in one pass (a block left open has no entry)."""
    found: dict[int, int] = {}
    open_blocks: dict[str, list[int]] = {}
    for mark in _WP_MARK.finditer(html):
        name = mark["name"]
        if mark["close"]:
            if open_blocks.get(name):
                found[open_blocks[name].pop()] = mark.end()
        elif not mark["self"]:
            open_blocks.setdefault(name, []).append(mark.start())
    return found


def _part_end(html: str, i: int, closes: dict[int, int]) -> tuple[int, str]:
    if html.startswith("<!--", i):
        close = html.find("-->", i + 4)
        if close < 0:
            return len(html), "comment"
        if i in closes and _WP_OPEN.match(html, i):
            return closes[i], "block"
        return close + 3, "comment"
    tag = _TAG.match(html, i)
    if tag and not tag[1] and tag[2].lower() in _BLOCK_TAGS:
        return _element_end(html, tag), "element"
    return _text_end(html, i), "text"


def _element_end(html: str, opening: re.Match) -> int:
    name = opening[2].lower()
    if name in _VOID or opening[3]:
        return opening.end()
    if name in _RAW_TEXT:
        close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, opening.end())
        return close.end() if close else len(html)
    depth = 1
    for tag in _TAG.finditer(html, opening.end()):
        if tag[2].lower() != name or tag[3]:
            continue
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end()
    return len(html)


def _text_end(html: str, i: int) -> int:
    """Classic text runs to a blank line, or to a line that starts a block of its own."""
    pattern = re.compile(r"\n[ \t]*\n|\n(?=<!--|<(?:" + "|".join(_BLOCK_TAGS) + r")\b)", re.I)
    found = pattern.search(html, i)
    return found.start() if found else len(html)


class _Tokens(HTMLParser):
    """HTML as a sequence a renderer's harmless differences do not change."""

    def __init__(self, drop_p: bool, drop_heading_ids: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_p = drop_p
        self.drop_heading_ids = drop_heading_ids
        self.items: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p" and self.drop_p:
            return
        kept = sorted(
            (name, value or "")
            for name, value in attrs
            if not (name == "id" and tag in _HEADINGS and self.drop_heading_ids)
        )
        self.items.append(("<", tag, tuple(kept)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if not (tag == "p" and self.drop_p) and tag not in _VOID:
            self.items.append(("/", tag))

    def handle_data(self, data):
        text = " ".join(data.translate(_TYPOGRAPHY).split())
        if not text:
            return
        if self.items and self.items[-1][0] == "t":
            text = f"{self.items[-1][1]} {text}"
            self.items.pop()
        self.items.append(("t", text))

    def handle_comment(self, data):
        self.items.append(("!", data.strip()))

    def handle_entityref(self, name):  # only without convert_charrefs; kept for clarity
        self.handle_data(htmllib.unescape(f"&{name};"))


def _tokens(html: str, *, drop_p: bool, rendered: bool) -> list[tuple]:
    parser = _Tokens(drop_p, rendered)
    parser.feed(html)
    parser.close()
    return parser.items


def harmlessly_different(rendered: str, original: str) -> bool:
    """Whether ``rendered`` says what ``original`` says, differing only where a renderer
    may: typographic quotes and dashes, whitespace, a heading's generated id, ``<p>``
    around classic text (WordPress adds it when it shows the post)."""
    drop_p = "<p" not in original.lower()
    return _tokens(rendered, drop_p=drop_p, rendered=True) == _tokens(
        original, drop_p=drop_p, rendered=False
    )


class Converter:
    """Turns one post's HTML into a lossless draft body (one per thread: a Renderer)."""

    def __init__(self) -> None:
        self.renderer = Renderer(embeds="iframe")  # as publishing renders

    def render(self, text: str) -> str:
        return self.renderer.render(text)

    def same(self, text: str, original: str) -> bool:
        return normalise(self.render(text)) == normalise(original)

    def body(self, html: str) -> str:
        if not html.strip():
            return ""
        try:
            return self._body(html)
        except (RecursionError, ValueError, TypeError, AttributeError):
            # A converter fails on pathological HTML (thousands of nested tags): the post
            # is kept verbatim, never lost and never a traceback.
            return raw_block(html.strip()) + "\n"

    def _body(self, html: str) -> str:
        parts = split_parts(html)
        pieces = [self.part(part) for part in parts]
        body = "\n\n".join(pieces).strip() + "\n"
        if self.same(body, html):
            return body
        # Neighbours that read differently together (two lists a blank line apart are one
        # list in Markdown): the second keeps its HTML.
        for i in range(1, len(parts)):
            pair = f"{pieces[i - 1]}\n\n{pieces[i]}"
            if not self.same(pair, f"{parts[i - 1].text}\n\n{parts[i].text}"):
                pieces[i] = self.verbatim(parts[i])
        body = "\n\n".join(pieces).strip() + "\n"
        if self.same(body, html):
            return body
        return raw_block(html.strip()) + "\n"  # the parts interfered: keep it all verbatim

    def verbatim(self, part: Part) -> str:
        """The part as the blog wrote it: as it is where Python-Markdown passes it through
        unchanged (HTML blocks, a lone shortcode), else fenced."""
        if self.same(part.text, part.text):
            return part.text
        return raw_block(part.text)

    def part(self, part: Part) -> str:
        if part.kind == "block":
            inside = self._block(part.text)
            if inside is not None:
                return inside
        elif part.kind in ("element", "text"):
            found = self._markdown(part.text)
            if found is not None:
                return found
        return self.verbatim(part)

    def _markdown(self, original: str) -> str | None:
        """The part as Markdown (kept or plain), or None if Markdown would lose something."""
        text = html_to_plain_markdown(original)
        if not text.strip():
            return None
        rendered = self.render(text)
        if normalise(rendered) == normalise(original):
            return text
        if re.search(r"\n\s*\n", text) or re.search(r"\n\s*\n", original.strip()):
            return None  # a kept marker covers one block only
        if not harmlessly_different(rendered, original):
            return None
        kept = kept_block(original, text)
        return kept if self.same(kept, original) else None

    def _block(self, text: str) -> str | None:
        """A WordPress block around one element that Markdown can hold: its comments on
        their own lines around the Markdown."""
        opening = _WP_OPEN.match(text)
        close = text.rfind("<!--")
        inner = text[opening.end() : close].strip("\n") if opening else ""
        parts = split_parts(inner)
        if len(parts) != 1 or parts[0].kind != "element" or "\n" in inner.strip()[:1]:
            return None
        found = self._markdown(parts[0].text)
        if found is None:
            return None
        draft = f"{text[: opening.end()]}\n{found}\n{text[close:]}"
        return draft if self.same(draft, text) else None


def html_to_plain_markdown(html: str) -> str:
    """markdownify with the project's choices (ATX headings, "-" bullets)."""
    import warnings

    from markdownify import markdownify

    with warnings.catch_warnings():  # BeautifulSoup warns about text that looks like a URL
        warnings.simplefilter("ignore")
        text = markdownify(html, heading_style="ATX", bullets="-", escape_underscores=False)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def post_body(html: str) -> str:
    """The draft body for a blog post's HTML: publishing it unedited gives that HTML back."""
    return Converter().body(html)
