"""An image's Markdown inside a line of the draft, read and written back: what the editor
needs to show an image's details (alt text, caption, alignment, display size) when the
writer clicks it, and to rewrite only that image.

The shapes are core.figures' (``![alt](src "caption"){.align-center width="480"}``);
attributes smugdesk does not set (an id, another class) are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]\\\n]|\\.)*)\]\((?P<src><[^>\n]*>|[^\s()]+)"
    r'(?:\s+"(?P<caption>(?:[^"\\\n]|\\.)*)")?\)'
    r"(?:\{:?(?P<attrs>[^{}\n]*)\})?"
)
ALIGNS = ("left", "center", "right")  # core.figures' (imported late: it loads Markdown)
_ALIGN = re.compile(r"(?:^|\s)\.align-(left|center|right)(?=\s|$)")
_WIDTH = re.compile(r"""(?:^|\s)width\s*=\s*["']?(\d{1,5})["']?(?=\s|$)""")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@dataclass(frozen=True)
class ImageMarkup:
    start: int  # where the markup is in its line: [start, end)
    end: int
    alt: str
    src: str
    caption: str = ""
    align: str = ""
    width: int = 0
    other: str = ""  # attributes kept as written: "#id .wide"


def images_in_line(line: str) -> list[ImageMarkup]:
    found = []
    for match in _IMAGE.finditer(line):
        attrs = match["attrs"] or ""
        align = _ALIGN.search(attrs)
        width = _WIDTH.search(attrs)
        other = _WIDTH.sub(" ", _ALIGN.sub(" ", attrs))
        found.append(
            ImageMarkup(
                match.start(),
                match.end(),
                _unescape(match["alt"]),
                match["src"].strip("<>"),
                _unescape(match["caption"] or ""),
                align.group(1) if align else "",
                int(width.group(1)) if width else 0,
                " ".join(other.split()),
            )
        )
    return found


def image_at(line: str, column: int) -> ImageMarkup | None:
    """The image whose markup holds ``column`` (its closing bracket included)."""
    for image in images_in_line(line):
        if image.start <= column <= image.end:
            return image
    return None


def image_markdown(
    alt: str, src: str, caption: str = "", align: str = "", width: int = 0, other: str = ""
) -> str:
    """The markup for an image with these details, the attributes it had kept."""
    from smugdesk.core.figures import markdown_figure

    written = markdown_figure(alt, src, caption, align if align in ALIGNS else "", width)
    if not other.strip():
        return written
    if written.endswith("}"):
        return f"{written[:-1]} {other.strip()}}}"
    return f"{written}{{{other.strip()}}}"
