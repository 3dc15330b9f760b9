"""HTML a draft keeps exactly as the blog had it, and the Markdown extension that sends it
out untouched.

A post brought home from a blog is made of parts Markdown can say and parts it cannot (block
comments with attributes, shortcodes, iframes, figures, footnotes, tables with alignment).
The draft keeps three kinds of text, all plain text a writer can read and edit anywhere:

- Markdown, where rendering it gives the blog's HTML back exactly;
- ``<!-- smugdesk:kept HASH html -->`` right above a Markdown block whose rendering differs
  from the blog's HTML only in ways a renderer may legitimately differ (curly quotes, a
  heading's id, ``<p>`` around a classic paragraph). While the block's text still hashes to
  HASH the original HTML is sent instead of a new rendering; once the writer edits the block
  it is rendered anew and the marker is ignored. Short forms spare repeating the block:
  ``<!-- smugdesk:kept HASH -->`` (the blog's HTML is the block's text as it stands) and
  ``<!-- smugdesk:kept HASH <p> -->`` (that text in a paragraph). The marker sits beside
  its block, not in the front matter, so every block stays self-contained: the incremental
  preview renders it the same in a chunk as in a whole render, and moving or deleting a
  block carries its marker along;
- ``<!-- smugdesk:html -->`` … ``<!-- /smugdesk:html -->``: text sent verbatim, for what
  Python-Markdown's own raw-HTML rule would not pass through unchanged (shortcodes between
  lines of text, a classic post's paragraphs without tags).

Shortcodes (``[caption …]…[/caption]``, ``[gallery …]``, ``[embed]URL[/embed]``) are
passed through anywhere outside code, never smartened or linked; a paragraph that is only a
shortcode is sent without ``<p>`` around it, as WordPress keeps it. ``<!-- wp:… -->``
block comments are raw HTML blocks already and pass through as they are.
"""

from __future__ import annotations

import hashlib
import re

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.util import HTML_PLACEHOLDER

KEPT = "smugdesk:kept"
RAW_OPEN = "<!-- smugdesk:html -->"
RAW_CLOSE = "<!-- /smugdesk:html -->"
_IN_P = "<p>"  # a kept marker's short form: the block's text in a paragraph
# The preview's source-line marks (core.source_lines, which registers this preprocessor).
SOURCE_LINE = "data-line"
_SOURCE_LINES = "smugdesk_source_lines"
_FIRST_TAG = re.compile(r"\A(<[a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])(?![^>]*\sdata-line=)")
# Python-Markdown's fenced-code opening line (at column 0), and its closing: the same fence.
FENCE_OPEN = re.compile(
    r"^(?P<fence>~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*"
    r"(?:hl_lines=(?P<quot>\"|').*?(?P=quot)[ ]*)?)[ ]*$"
)
_KEPT_START = re.compile(r"^<!-- smugdesk:kept ([0-9a-f]{12})(?: |$)")
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_ESCAPED = re.compile(r"\\(.)")
# WordPress's own shortcodes, which may stand alone; any other name only with its closing tag.
CORE_SHORTCODES = ("caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist")
_SHORTCODE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?P=ticks))"  # a code span: left alone
    r"|(?<!\\)\[(?P<name>[a-z][a-z0-9_-]*)(?P<attrs>[ \t][^\]\n]*)?\]"
    # enclosing: up to its closing tag, within the paragraph
    r"(?:(?P<inner>(?:(?!\[/?(?P=name)[\s\]]|\n[ \t]*\n).)*?)\[/(?P=name)\])?"
    r"(?![(\[:])",
    re.DOTALL,
)
# A quick look before the full pattern: a closing tag, or a core shortcode's opening one.
_CANDIDATE = re.compile(
    r"\[/[a-z]|\[(?:" + "|".join(CORE_SHORTCODES) + r")(?:[ \t][^\]\n]*)?\](?![(\[:])"
)
_INDENTED = ("    ", "\t")
# Ends like a block (WordPress's wpautop needs no paragraph break after it).
_BLOCK_END = re.compile(
    r"(?:</?(?:p|div|ul|ol|dl|table|figure|blockquote|pre|h[1-6]|section|aside|header|"
    r"footer|nav|iframe|script|style|video|audio|hr|form|details|center|noscript)\b[^>]*>"
    r"|-->)\Z",
    re.IGNORECASE,
)


def block_hash(markdown_text: str) -> str:
    """The hash a kept marker records for its block (trailing spaces and CRs ignored, as
    editors change them unasked)."""
    lines = [line.rstrip() for line in markdown_text.replace("\r\n", "\n").strip("\n").split("\n")]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]


def _escape(html: str) -> str:
    # An HTML comment ends at the first "-->": no "--" may stay inside one.
    return html.replace("\\", "\\\\").replace("--", "-\\-")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: m[1], text)


def kept_block(original_html: str, markdown_text: str) -> str:
    """``markdown_text`` with a marker above it: sent as ``original_html`` while unchanged."""
    body = markdown_text.strip("\n")
    original = original_html.strip()
    # The two commonest cases say so in a word instead of repeating the block: the blog's
    # HTML is the block's text as it stands, or that text in a <p>.
    if original == body:
        said = ""
    elif original == f"<p>{body}</p>":
        said = f" {_IN_P}"
    else:
        said = f" {_escape(original)}"
    return f"<!-- {KEPT} {block_hash(body)}{said} -->\n{body}"


def raw_block(html: str) -> str:
    """``html`` fenced so that it is sent exactly as it is."""
    return f"{RAW_OPEN}\n{html.strip(chr(10))}\n{RAW_CLOSE}"


def _block_end(lines: list[str], start: int) -> int:
    """The line after a Markdown block starting at ``start``: a blank line or a comment
    line (a WordPress block's closing comment) ends it."""
    end = start
    while end < len(lines) and lines[end].strip() and not _COMMENT_LINE.match(lines[end]):
        end += 1
    return end


class _Verbatim:
    """What this render stashed to send verbatim (their placeholders)."""

    def __init__(self, md: markdown.Markdown) -> None:
        self.md = md
        self.keys: set[str] = set()
        self.lines: dict[str, int] = {}  # placeholder -> the source line its block starts on

    def store(self, text: str, line: int = -1) -> str:
        placeholder = self.md.htmlStash.store(text)
        self.keys.add(placeholder)
        if line >= 0:
            self.lines[placeholder] = line
        return placeholder

    def clear(self) -> None:
        self.keys.clear()
        self.lines.clear()


class _KeptAndRaw(Preprocessor):
    """Kept markers and raw fences, before fenced code and raw HTML are looked at (their
    content is the blog's, not Markdown), fenced code skipped as the chunker skips it."""

    def __init__(self, md: markdown.Markdown, verbatim: _Verbatim) -> None:
        super().__init__(md)
        self.verbatim = verbatim

    def run(self, lines: list[str]) -> list[str]:
        self.verbatim.clear()  # a render that failed half way left its own
        if not any(line.startswith(("<!-- smugdesk:", RAW_OPEN)) for line in lines):
            return lines
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            fence = FENCE_OPEN.match(line) if line[:1] in "`~" else None
            if fence:
                close = fence["fence"]
                end = next(
                    (j for j in range(i + 1, len(lines)) if lines[j].rstrip(" ") == close), -1
                )
                if end > 0:  # fenced code: what looks like a marker in it is code
                    out += lines[i : end + 1]
                    i = end + 1
                    continue
            if line.rstrip() == RAW_OPEN:
                end = next(
                    (j for j in range(i + 1, len(lines)) if lines[j].rstrip() == RAW_CLOSE), -1
                )
                html = "\n".join(lines[i + 1 : end]) if end > 0 else ""
                if html.strip():  # (an empty fence stays two comments: they part lists)
                    out += ["", self.verbatim.store(html, i), ""]
                    i = end + 1
                    continue
            kept = _KEPT_START.match(line)
            if kept:
                close = next((j for j in range(i, len(lines)) if "-->" in lines[j]), -1)
                if close >= 0 and lines[close].rstrip().endswith("-->"):
                    end = _block_end(lines, close + 1)
                    block = "\n".join(lines[close + 1 : end])
                    if block.strip() and block_hash(block) == kept[1]:
                        said = "\n".join(lines[i : close + 1]).rstrip()[len(kept[0]) : -3]
                        html = _unescape(said.strip())
                        # The block as it was downloaded (the hash ignores trailing spaces).
                        block = "\n".join(line.rstrip() for line in block.split("\n"))
                        if not html:
                            html = block
                        elif html == _IN_P:
                            html = f"<p>{block}</p>"
                        out += ["", self.verbatim.store(html, i), ""]
                        i = end
                    else:
                        i = close + 1  # edited: the marker goes, the block is rendered anew
                    continue
            out.append(line)
            i += 1
        return out


class _Shortcodes(Preprocessor):
    """Shortcodes outside code go out verbatim (after fenced code is stashed, before raw
    HTML blocks are: a shortcode inside one is put back where it was)."""

    def __init__(self, md: markdown.Markdown, verbatim: _Verbatim) -> None:
        super().__init__(md)
        self.verbatim = verbatim

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if not self._may_hold_shortcodes(text):
            return lines  # most posts: no shortcode, nothing to scan
        out: list[str] = []
        prose: list[str] = []
        previous_blank, in_code = True, False
        for line in lines:
            blank = not line.strip()
            if not blank:
                # Indented code: after a blank line, or going on from more of it.
                in_code = line.startswith(_INDENTED) and (previous_blank or in_code)
            if in_code and not blank:
                if prose:
                    out.extend(self._protect("\n".join(prose)).split("\n"))
                    prose = []
                out.append(line)
            else:
                prose.append(line)
            previous_blank = blank
        if prose:
            out.extend(self._protect("\n".join(prose)).split("\n"))
        return out

    @staticmethod
    def _may_hold_shortcodes(text: str) -> bool:
        return "[" in text and _CANDIDATE.search(text) is not None

    def _protect(self, text: str) -> str:
        if not self._may_hold_shortcodes(text):
            return text

        def stash(match: re.Match) -> str:
            if match["code"] or (match["inner"] is None and match["name"] not in CORE_SHORTCODES):
                return match[0]
            return self.verbatim.store(match[0])

        return _SHORTCODE.sub(stash, text)


class _Unwrap(Postprocessor):
    """A paragraph that is only verbatim text loses the ``<p>`` Markdown put around it; one
    that ends in text rather than a tag is followed by a blank line (WordPress reads a
    single line break between two texts as a ``<br>``; Markdown's own blocks end in tags)."""

    def __init__(self, md: markdown.Markdown, verbatim: _Verbatim) -> None:
        super().__init__(md)
        self.verbatim = verbatim

    def run(self, text: str) -> str:
        if not self.verbatim.keys:
            return text
        stash = self.md.htmlStash.rawHtmlBlocks
        pattern = re.compile("<p>(" + HTML_PLACEHOLDER.replace("%s", r"\d+") + ")</p>")

        marking = _SOURCE_LINES in self.md.preprocessors

        def unwrap(match: re.Match) -> str:
            key = match[1]
            if key not in self.verbatim.keys:
                return match[0]
            number = int(re.search(r"\d+", key)[0])
            html = str(stash[number]).strip("\n")
            line = self.verbatim.lines.get(key, -1)
            if line >= 0 and marking:
                # The preview's scroll sync: the block's first element knows its line.
                html = _FIRST_TAG.sub(rf'\1 {SOURCE_LINE}="{line}"', html, count=1)
            if html.strip() and not _BLOCK_END.search(html):
                html += "\n"  # with the line break after the block: a blank line
            stash[number] = html
            return key

        return pattern.sub(unwrap, text)


class RemoteContentExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        verbatim = _Verbatim(md)
        # After normalize_whitespace (30), before fenced code (25).
        md.preprocessors.register(_KeptAndRaw(md, verbatim), "smugdesk_kept", 27)
        # After fenced code (25), before raw HTML blocks (20).
        md.preprocessors.register(_Shortcodes(md, verbatim), "smugdesk_shortcodes", 22)
        # Before raw_html (30) puts the stash back.
        md.postprocessors.register(_Unwrap(md, verbatim), "smugdesk_unwrap", 35)
