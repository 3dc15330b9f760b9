"""Images with a caption, an alignment or a display size, as the writer keeps them in
Markdown and as each target wants them.

In the draft a figure is an image alone in its paragraph, its title the caption, an
attribute list for alignment and size (Python-Markdown's ``attr_list``, which the preview
already reads)::

    ![Nurses](ward.assets/station.jpg "The night shift at 3 a.m."){.align-center width="480"}

Each target gets its own idiom: ``<figure>``/``<figcaption>`` for the HTML page, Jekyll and
Pelican; Hugo's ``figure`` shortcode; WordPress's image-block markup.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from smugdesk.core.markdown_source import _segments

ALIGNS = ("left", "center", "right")

_LINE = re.compile(
    r"^!\[(?P<alt>(?:[^\[\]\\\n]|\\.)*)\]\((?P<src><[^>\n]*>|[^\s()]+)"
    r'(?:\s+"(?P<caption>(?:[^"\\\n]|\\.)*)")?\)'
    r"(?:\{:?(?P<attrs>[^{}\n]*)\})?[ \t]*$"
)
_ALIGN_CLASS = re.compile(r"(?:^|\s)\.align-(left|center|right)(?=\s|$)")
_WIDTH = re.compile(r"""(?:^|\s)width\s*=\s*["']?(\d{1,5})["']?(?=\s|$)""")


@dataclass(frozen=True)
class Figure:
    alt: str
    src: str
    caption: str = ""
    align: str = ""  # "", "left", "center" or "right"
    width: int = 0  # display width in CSS pixels; 0: the column's

    @property
    def classes(self) -> str:
        return f"align-{self.align}" if self.align else ""


def markdown_figure(alt: str, src: str, caption: str = "", align: str = "", width: int = 0) -> str:
    """The Markdown the image dialog writes for an image with these settings."""
    alt = alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    target = f"<{src}>" if any(ch in src for ch in " ()") else src
    title = ""
    if caption.strip():
        title = ' "' + caption.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'
    attributes = []
    if align in ALIGNS:
        attributes.append(f".align-{align}")
    if width > 0:
        attributes.append(f'width="{int(width)}"')
    tail = "{" + " ".join(attributes) + "}" if attributes else ""
    return f"![{alt}]({target}{title}){tail}"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_figure(line: str) -> Figure | None:
    """The figure a line holds, or None (not a lone image, or a plain one)."""
    match = _LINE.match(line.strip())
    if match is None:
        return None
    attrs = match.group("attrs") or ""
    align = _ALIGN_CLASS.search(attrs)
    width = _WIDTH.search(attrs)
    found = Figure(
        _unescape(match.group("alt")),
        match.group("src").strip("<>"),
        _unescape(match.group("caption") or ""),
        align.group(1) if align else "",
        int(width.group(1)) if width else 0,
    )
    return found if (found.caption or found.align or found.width) else None


def replace_figures(body: str, render: Callable[[Figure], str | None]) -> str:
    """Each figure alone in its paragraph (outside code) replaced by ``render(figure)``;
    a None keeps the line as written."""
    parts = []
    for code, part in _segments(body):
        if code:
            parts.append(part)
            continue
        lines = part.split("\n")
        for number, line in enumerate(lines):
            alone = (number == 0 or not lines[number - 1].strip()) and (
                number == len(lines) - 1 or not lines[number + 1].strip()
            )
            found = parse_figure(line) if alone and line.lstrip().startswith("![") else None
            if found is not None:
                made = render(found)
                if made is not None:
                    lines[number] = made
        parts.append("\n".join(lines))
    return "\n".join(parts)


def figure_element(
    figure: Figure, src: str, *, wordpress: bool = False, src_is_markup: bool = False
) -> str:
    """``<figure>`` markup (HTML page, Jekyll, Pelican; WordPress's block classes).
    ``src_is_markup``: the source is the site's own template code, already safe in an
    attribute (Jekyll's Liquid), and is written as it is."""
    attr = html.escape
    width = f' width="{figure.width}"' if figure.width else ""
    shown = src if src_is_markup else attr(src)
    image = f'<img src="{shown}" alt="{attr(figure.alt)}"{width}>'
    classes = ["wp-block-image"] if wordpress else []
    if figure.align:
        classes.append(f"align{figure.align}" if wordpress else figure.classes)
    if figure.width and wordpress:
        classes.append("is-resized")
    caption = ""
    if figure.caption:
        kind = ' class="wp-element-caption"' if wordpress else ""
        caption = f"<figcaption{kind}>{attr(figure.caption)}</figcaption>"
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f"<figure{cls}>{image}{caption}</figure>"


def hugo_figure(figure: Figure, src: str) -> str:
    """Hugo's built-in ``figure`` shortcode."""

    def value(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")

    parts = [f'src="{value(src)}"', f'alt="{value(figure.alt)}"']
    if figure.caption:
        parts.append(f'caption="{value(figure.caption)}"')
    if figure.align:
        parts.append(f'class="{figure.classes}"')
    if figure.width:
        parts.append(f'width="{figure.width}"')
    return "{{< figure " + " ".join(parts) + " >}}"


_RENDERED = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)
_ATTR = re.compile(r"""\b([a-z-]+)\s*=\s*"([^"]*)\"""", re.IGNORECASE)


def figures_in_html(body_html: str, *, wordpress: bool = False) -> str:
    """Python-Markdown's ``<p><img title=… class="align-…" width=…></p>`` (a figure in the
    draft) as a ``<figure>`` with its caption; other images are left alone."""

    def one(match: re.Match) -> str:
        attributes = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(match.group(1))}
        align = re.search(r"\balign-(left|center|right)\b", attributes.get("class", ""))
        width = attributes.get("width", "")
        figure = Figure(
            attributes.get("alt", ""),
            attributes.get("src", ""),
            attributes.get("title", ""),
            align.group(1) if align else "",
            int(width) if width.isdigit() else 0,
        )
        if "src" not in attributes or not (figure.caption or figure.align or figure.width):
            return match.group(0)
        return figure_element(figure, figure.src, wordpress=wordpress)

    return _RENDERED.sub(one, body_html)


class _FigureTree(Treeprocessor):
    """In the preview, a paragraph holding only a figure's image becomes the ``<figure>``
    the targets will make, so the writer sees the caption and the alignment while writing.
    The paragraph's own attributes (the preview's ``data-line``) stay on the figure."""

    def run(self, root: etree.Element) -> None:
        for paragraph in root.iter("p"):
            if len(paragraph) != 1 or (paragraph.text or "").strip():
                continue
            image = paragraph[0]
            if image.tag != "img" or (image.tail or "").strip() or not image.get("src"):
                continue
            align = re.search(r"\balign-(left|center|right)\b", image.get("class", ""))
            caption = image.get("title", "")
            width = image.get("width", "")
            if not (caption or align or width.isdigit()):
                continue
            paragraph.tag = "figure"
            if align:
                classes = " ".join(filter(None, [paragraph.get("class"), f"align-{align[1]}"]))
                paragraph.set("class", classes)
                rest = re.sub(r"\balign-(left|center|right)\b", "", image.get("class", ""))
                if rest.strip():
                    image.set("class", " ".join(rest.split()))
                else:
                    image.attrib.pop("class", None)
            image.tail = None
            if caption:
                image.attrib.pop("title", None)
                etree.SubElement(paragraph, "figcaption").text = caption


class FigureExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        # After attr_list (8) has put the class and width on the image.
        md.treeprocessors.register(_FigureTree(md), "smugdesk_figures", 6)
