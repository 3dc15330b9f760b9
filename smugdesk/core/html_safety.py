"""Addresses that run code are disarmed wherever a post can put them: attributes of raw
HTML, Markdown links, autolinks and attribute lists.

Raw HTML stays allowed (bloggers rely on it); what is taken out is an attribute whose value,
read the way a browser reads it (HTML entities decoded, case ignored, tabs, newlines and
control characters dropped), starts with ``javascript:``, ``vbscript:``, ``file:`` or
``data:`` (a ``data:`` raster image stays allowed in an image's ``src``/``srcset``).

Tags are found with ``html.parser``'s own start-tag tokenizer, tried at *every* ``<``
followed by a letter rather than in one stateful pass: a comment, a ``<script>``, an
attribute value or a Markdown code span that one reader takes for text and another for
markup cannot hide a tag from the check. Rewriting a tag can change how the text around it
reads, so the scan is repeated until nothing is left to disarm.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from markdown.postprocessors import Postprocessor

BLOCKED_SCHEMES = ("javascript", "vbscript", "data", "file")
# Attributes that hold words for people, never an address a browser follows.
_TEXT_ATTRIBUTES = frozenset(
    [
        "alt",
        "title",
        "class",
        "id",
        "name",
        "lang",
        "dir",
        "style",
        "width",
        "height",
        "placeholder",
        "label",
        "summary",
        "abbr",
        "value",
        "content",
        "rel",
        "type",
        "target",
        "role",
        "loading",
        "decoding",
        "allow",
        "sizes",
        "media",
        "charset",
        "nonce",
        "integrity",
        "crossorigin",
        "referrerpolicy",
        "datetime",
        "colspan",
        "rowspan",
        "span",
        "start",
        "reversed",
        "hidden",
        "tabindex",
        "accesskey",
        "draggable",
        "spellcheck",
        "translate",
        "autocomplete",
    ]
)
_IMAGE_TAGS = ("img", "source")
_RASTER_DATA = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif|bmp)[;,]")
_TAG_OPEN = re.compile(r"<[a-zA-Z]")
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}
_REMOVED_TITLE = "link removed: this kind of address is not allowed"
_MAX_PASSES = 4


def _browser_view(value: str) -> str:
    """The value with what a browser skips inside a scheme removed, lowercased."""
    return "".join(
        ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE
    ).lower()


def dangerous_url(value: str, *, image: bool = False) -> bool:
    """True when ``value`` (already entity-decoded) is an address that runs code or reaches
    into the reader's machine. ``image``: it is an image's source, where a ``data:`` raster
    image is allowed (never SVG, which can carry script)."""
    seen = _browser_view(value)
    scheme, colon, _ = seen.partition(":")
    if not colon or scheme not in BLOCKED_SCHEMES:
        return False
    return not (image and scheme == "data" and _RASTER_DATA.match(seen))


def dangerous_attribute(tag: str, name: str, value: str | None) -> bool:
    """Whether one attribute of a start tag (names lowercased, value entity-decoded, as
    ``html.parser`` gives them) carries a blocked address."""
    if value and name == "srcdoc":  # a whole page in an attribute: its links count too
        return disarm_html(value) != value
    if value and name == "content" and tag == "meta":  # <meta http-equiv=refresh>
        found = re.search(r"url\s*=\s*['\"]?([^'\"]*)", value, re.IGNORECASE)
        return bool(found) and dangerous_url(found.group(1))
    if not value or name in _TEXT_ATTRIBUTES or name.startswith(("on", "aria-")):
        # on*: script, not an address (scripts are the preview's sandbox's business)
        return False
    image = tag in _IMAGE_TAGS and name in ("src", "srcset")
    if name.endswith("srcset"):  # "url 1x, url 2x": each candidate is an address
        return any(dangerous_url(part, image=image) for part in re.split(r"[\s,]+", value))
    if name == "values":  # SVG <animate values="a;b">: each one can become an href
        return any(dangerous_url(part) for part in value.split(";"))
    return dangerous_url(value, image=image)


class _StartTag(HTMLParser):
    """html.parser's start-tag tokenizer, applied at a given position of a text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rawdata = text
        self.found: tuple[str, list[tuple[str, str | None]], bool] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found = (tag, attrs, False)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.found = (tag, attrs, True)

    def handle_data(self, data: str) -> None:
        """A start tag html.parser gives up on is reported as data: looked at below."""

    def at(self, position: int) -> tuple[int, tuple | None]:
        """(end of the tag or -1 when it runs to the end of the text, what it is)."""
        self.found = None
        end = self.parse_starttag(position)
        return end, self.found


# A blocked scheme anywhere in a text, with whatever a browser skips between its letters.
_SKIPPED = r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]*"
# Searched in lower-cased text: a case-sensitive pattern is several times faster.
_ANY_BLOCKED = re.compile("|".join(_SKIPPED.join([*scheme, ":"]) for scheme in BLOCKED_SCHEMES))


def _blocked_anywhere(raw: str) -> bool:
    """Whether a blocked scheme may be in ``raw``, read through up to three layers of
    entities (an attribute holding a page, ``srcdoc``, is decoded twice by a browser)."""
    for _ in range(3):
        decoded = html.unescape(raw)
        if _ANY_BLOCKED.search(decoded.lower()):
            return True
        if decoded == raw:
            return False
        raw = decoded
    return False


def _safe_tag(tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> str:
    kept = [(name, value) for name, value in attrs if not dangerous_attribute(tag, name, value)]
    if not any(name == "title" for name, _ in kept):
        kept.append(("title", _REMOVED_TITLE))
    parts = [tag]
    for name, value in kept:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if closed else ">")


def _one_pass(text: str, last: bool, budget: list[int]) -> tuple[str, bool]:
    parser = _StartTag(text)
    pieces: list[str] = []
    done = 0
    changed = False
    clean_from = len(text) + 1  # a malformed tag from here to the end holds nothing blocked
    for match in _TAG_OPEN.finditer(text):
        start = match.start()
        if start < done:
            continue  # inside a tag rewritten in this pass: looked at again in the next
        bracket = text.find(">", start)
        budget[0] -= (len(text) if bracket < 0 else bracket) - start
        if budget[0] < 0:
            replacement, end = "&lt;", start + 1
        else:
            end, found = parser.at(start)
            replacement = None
            if found is None:
                # Unfinished or malformed: a browser may still read attributes in it.
                stop = text.find(">", end if end > start else start)
                stop = len(text) if stop < 0 else stop + 1
                if stop == len(text) and start >= clean_from:
                    pass  # a shorter piece of a tail already found clean
                elif _blocked_anywhere(text[start:stop]):
                    replacement, end = "&lt;", start + 1
                elif stop == len(text):
                    clean_from = start
            else:
                tag, attrs, closed = found
                if any(dangerous_attribute(tag, name, value) for name, value in attrs):
                    replacement = "&lt;" if last else _safe_tag(tag, attrs, closed)
                    end = start + 1 if last else end
        if replacement is not None:
            pieces.append(text[done:start])
            pieces.append(replacement)
            done = end
            changed = True
    pieces.append(text[done:])
    return "".join(pieces), changed


def disarm_html(text: str) -> str:
    """``text`` (HTML, or Markdown with raw HTML in it) with every start tag that carries a
    blocked address rewritten without those attributes; anything else is left as written."""
    if "<" not in text or not _blocked_anywhere(text):
        return text  # the common case: nothing that could be a blocked address
    # Tags nested in one long unfinished tag each cost a parse to the same end: past this
    # much reading, every tag left is shown as text instead (safe, and only ever reached
    # by text built to be slow).
    budget = [4 * len(text) + 200_000]
    for number in range(_MAX_PASSES + 1):
        text, changed = _one_pass(text, number == _MAX_PASSES, budget)
        if not changed:
            break
    return text


class DisarmPostprocessor(Postprocessor):
    """Runs on the finished HTML, after Python-Markdown has put the raw HTML it stashed
    back: the one place that sees every attribute the page will have."""

    def run(self, text: str) -> str:
        return disarm_html(text)


# --- Markdown source (for site generators that render Markdown themselves) -------------

# Where a Markdown link destination starts: "](" (inline), "]:" (reference definition),
# "<" (autolink), each followed by optional space and "<".
_DESTINATION = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|<)")
_BACKSLASH = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark's escapable punctuation
# {: key="value" …} attribute lists (kramdown, Python-Markdown's attr_list)
_ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*=[^{}\n]*\}")
_KEY_VALUE = re.compile(r"""([^\s=}{]+)\s*=\s*("[^"\n]*"|'[^'\n]*'|[^\s}]+)""")
BLOCKED_PREFIX = "#blocked:"


def _markdown_text(raw: str) -> str:
    """A destination as a Markdown renderer decodes it: backslash escapes and entities."""
    return html.unescape(_BACKSLASH.sub(r"\1", raw))


def _disarm_destinations(text: str) -> str:
    pieces: list[str] = []
    done = 0
    for match in _DESTINATION.finditer(text):
        start = match.end()
        if start < done:
            continue
        token = re.match(r"[^\s>]*", text[start : start + 4096]).group(0)
        if token and dangerous_url(_markdown_text(token)):
            # A fragment in front leaves the writer's text readable and the link inert.
            pieces.append(text[done:start] + BLOCKED_PREFIX)
            done = start
    pieces.append(text[done:])
    return "".join(pieces)


def _disarm_attribute_lists(text: str) -> str:
    def one_list(match: re.Match) -> str:
        def pair(found: re.Match) -> str:
            key, value = found.groups()
            quoted = value[:1] in "\"'" and value[:1] == value[-1:] and len(value) > 1
            inner = value[1:-1] if quoted else value
            if dangerous_attribute("", key.lower(), _markdown_text(inner)):
                inner = BLOCKED_PREFIX + inner
                return f"{key}={value[0]}{inner}{value[0]}" if quoted else f"{key}={inner}"
            return found.group(0)

        return _KEY_VALUE.sub(pair, match.group(0))

    return _ATTRIBUTE_LIST.sub(one_list, text)


def disarm_markdown(text: str) -> str:
    """Markdown for a site generator that renders it itself (Jekyll, Hugo, Pelican): raw
    HTML, link destinations, autolinks and attribute lists disarmed. Code is not spared:
    which lines are code is the site's Markdown renderer's decision, not smugdesk's, and a
    guess that differs from it would let a live link through."""
    return _disarm_attribute_lists(_disarm_destinations(disarm_html(text)))
