"""A post's HTML as Ghost keeps it without loss (no Qt, no network).

Ghost stores a post as its editor's cards and turns HTML sent with ``?source=html`` into
them. That conversion keeps plain paragraphs, headings, lists, rules, images and embedded
players, but not the rest of what a smugdesk post holds (measured against Ghost 5.99):
code blocks lose their lines and highlighting, tables, definition lists, task lists,
footnote anchors, abbreviations, struck text and link titles are dropped or flattened, a
quote's paragraphs run together, and maths makes Ghost refuse the whole post. Ghost reads
its own cards' markup (``class="kg-card …"``, a downloaded post's) back into the same cards.

So each top-level part of the post goes as Ghost's own card where that card keeps it
exactly (the parts whose every element and attribute is on the list below), and as an HTML
card (``<!--kg-card-begin: html-->…<!--kg-card-end: html-->``), which Ghost keeps verbatim,
everywhere else. HTML cards already in the post (a downloaded Ghost post) go back as they
are, so a round trip does not nest them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from smugdesk.publish.wp_markup import split_parts

CARD_BEGIN = "<!--kg-card-begin: html-->"
CARD_END = "<!--kg-card-end: html-->"

# Elements (with the attributes they may carry) Ghost's own cards keep exactly.
_INLINE = {"strong": (), "em": (), "b": (), "i": (), "code": (), "br": (), "a": ("href",)}
_BLOCKS = {
    "p": _INLINE,
    "h1": _INLINE,
    "h2": _INLINE,
    "h3": _INLINE,
    "h4": _INLINE,
    "h5": _INLINE,
    "h6": _INLINE,
    "ul": {**_INLINE, "ul": (), "ol": (), "li": (), "p": ()},
    "ol": {**_INLINE, "ul": (), "ol": (), "li": (), "p": ()},
    "hr": {},
    # A quote of one paragraph's words, as Ghost's quote card writes it (no <p> inside:
    # Ghost runs a quote's paragraphs together).
    "blockquote": _INLINE,
}
_HEADING = re.compile(r"h[1-6]")
_IMAGE_ATTRIBUTES = ("src", "alt")


class _Elements(HTMLParser):
    """Every element of a part with its attributes, and the part's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text = ""
        self.comments = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text += data

    def handle_comment(self, data):
        self.comments += 1


def _elements(part: str) -> _Elements:
    parser = _Elements()
    parser.feed(part)
    parser.close()
    return parser


def ghost_slug(text: str) -> str:
    """The id Ghost gives a heading of plain ASCII words (its own ids replace any sent);
    other headings are not compared, they go in HTML cards."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _heading_ok(tag: str, attrs: dict[str, str], text: str) -> bool:
    if set(attrs) - {"id"}:
        return False
    wanted = attrs.get("id")
    return wanted is None or (text.isascii() and wanted == ghost_slug(text))


def _is_image(parsed: _Elements) -> bool:
    """An image alone (in a paragraph or a figure, with a caption or not) that Ghost's image
    card shows the same: no size, alignment or link of its own."""
    tags = [tag for tag, _ in parsed.elements]
    images = [attrs for tag, attrs in parsed.elements if tag == "img"]
    if len(images) != 1 or set(images[0]) - set(_IMAGE_ATTRIBUTES):
        return False
    if tags[0] == "p":
        return tags == ["p", "img"] and not parsed.text.strip()
    if tags[0] != "figure" or set(tags) - {"figure", "img", "figcaption"}:
        return False
    classes = set(parsed.elements[0][1].get("class", "").split())
    plain = {"wp-block-image"}  # what figures_in_html writes for an unaligned figure
    return not (classes - plain) and set(parsed.elements[0][1]) <= {"class"}


def _is_embed(parsed: _Elements) -> bool:
    """A player as core.embeds renders it: a div around one iframe (Ghost's embed card)."""
    tags = [tag for tag, _ in parsed.elements]
    if tags != ["div", "iframe"] or parsed.text.strip():
        return False
    return parsed.elements[0][1].get("class", "").split()[:1] == ["embed"]


def _is_ghost_card(attrs: dict[str, str]) -> bool:
    """A card as Ghost renders it (a downloaded post's image, embed, callout…): Ghost reads
    its own markup back into the same card."""
    return "kg-card" in attrs.get("class", "").split()


def native(part: str) -> bool:
    """Whether Ghost's own card keeps this top-level part as it is."""
    parsed = _elements(part)
    if not parsed.elements or parsed.comments:
        return False
    first, attrs = parsed.elements[0]
    if _is_image(parsed) or _is_embed(parsed) or _is_ghost_card(attrs):
        return True
    allowed = _BLOCKS.get(first)
    if allowed is None:
        return False
    if _HEADING.fullmatch(first):
        if not _heading_ok(first, attrs, " ".join(parsed.text.split())):
            return False
    elif attrs:
        return False
    for tag, tag_attrs in parsed.elements[1:]:
        if tag not in allowed or set(tag_attrs) - set(allowed[tag]):
            return False
    return True


def html_card(part: str) -> str:
    return f"{CARD_BEGIN}\n{part}\n{CARD_END}"


def for_ghost(html: str) -> str:
    """``html`` with every part Ghost's conversion would change inside an HTML card."""
    out: list[str] = []
    inside = False
    for part in split_parts(html):
        text = part.text
        if part.kind == "comment" and text.strip() == CARD_BEGIN:
            inside = True
            out.append(text)
        elif part.kind == "comment" and text.strip() == CARD_END:
            inside = False
            out.append(text)
        elif inside or native(text):
            out.append(text)
        else:
            out.append(html_card(text))
    return "\n".join(out)
