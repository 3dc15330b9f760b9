"""Width and height on each image a static site receives, so the page does not jump while
it loads, and a narrower copy with a ``srcset`` where the site carries one through to the
page.

The post stays Markdown: a plain image gets an attribute list (kramdown's ``{: …}``, which
Python-Markdown's ``attr_list`` in Pelican reads too), a figure's raw ``<img>`` gets the
attributes themselves. Hugo is left alone: Goldmark shows an attribute list after an
inline image as text, and Hugo sites make their own sizes (image processing in page
bundles). Pelican gets no ``srcset``: it rewrites ``{static}`` in ``src`` but not in
``srcset``, so the narrower file's address would be wrong there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from smugdesk.core.markdown_source import _segments
from smugdesk.publish.image_settings import Prepared

# The text column of common blog themes; the browser picks the file from it.
SIZES = "(max-width: 48rem) 100vw, 48rem"


@dataclass(frozen=True)
class Sizing:
    """How one site takes image sizes."""

    srcset: bool  # the site passes a srcset through with working addresses
    link_of: Callable[[Path], str]  # a file beside the post's images -> its link in the post
    html_src: Callable[[str], str] = lambda link: link  # the link as a figure's <img> has it


@dataclass(frozen=True)
class SizedImage:
    width: int
    height: int
    smaller_src: str = ""  # as written in an HTML attribute
    smaller_width: int = 0


def smaller_file(site_file: Path, width: int) -> Path:
    """Where the narrower copy of ``site_file`` goes: beside it, named after it (two
    originals sent as photo.jpg and photo-2.jpg keep apart)."""
    return site_file.with_name(f"{site_file.stem}-{width}w{site_file.suffix}")


def _attributes(image: SizedImage, src: str) -> str:
    extra = f'width="{image.width}" height="{image.height}"'
    if image.smaller_src:
        srcset = f"{image.smaller_src} {image.smaller_width}w, {src} {image.width}w"
        extra += f' srcset="{srcset}" sizes="{SIZES}"'
    return extra


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def with_sizes(text: str, sized: dict[str, SizedImage], html_src: Callable[[str], str]) -> str:
    """``text`` (a post's Markdown body) with sizes on the images whose link is in
    ``sized``; code is left alone, and an image the writer sized keeps its own."""
    by_src = {
        html.unescape(html_src(link)): (image, html_src(link)) for link, image in sized.items()
    }

    # The site's links can hold spaces (Jekyll's Liquid): match the links written, exactly.
    written = "|".join(re.escape(link) for link in sorted(sized, key=len, reverse=True))
    markdown_images = re.compile(
        r"!\[(?:[^\[\]\\\n]|\\.)*\]\(<?(?P<link>"
        + written
        + r')>?(?:\s+"(?:[^"\\\n]|\\.)*")?\)(?![{])'
    )

    def markdown_image(match: re.Match) -> str:
        link = match.group("link")
        return match.group(0) + "{: " + _attributes(sized[link], html_src(link)) + "}"

    def img_tag(match: re.Match) -> str:
        tag = match.group(0)
        source = _SRC.search(tag)
        found = by_src.get(html.unescape(source.group(2))) if source else None
        if found is None or re.search(r"\b(width|height|srcset)\s*=", tag, re.IGNORECASE):
            return tag
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return tag[:end].rstrip() + " " + _attributes(found[0], found[1]) + tag[end:]

    parts = []
    for code, part in _segments(text):
        if not code:
            if sized:
                part = markdown_images.sub(markdown_image, part)
            part = _IMG_TAG.sub(img_tag, part)
        parts.append(part)
    return "\n".join(parts)


def sized_images(
    links: dict[Path, str],
    made: dict[Path, Prepared],
    smaller: dict[Path, tuple[Path, Prepared]],
    sizing: Sizing,
) -> dict[str, SizedImage]:
    """Each made image's link in the post -> its size (and its narrower copy's)."""
    found: dict[str, SizedImage] = {}
    for source, link in links.items():
        ready = made.get(source)
        if ready is None or not ready.width:
            continue
        narrow = smaller.get(source)
        if narrow is not None:
            src = sizing.html_src(sizing.link_of(narrow[0]))
            found[link] = SizedImage(ready.width, ready.height, src, narrow[1].width)
        else:
            found[link] = SizedImage(ready.width, ready.height)
    return found
