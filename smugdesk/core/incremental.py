"""Render only what changed: the body is cut into chunks at block boundaries where no
Markdown construct can reach across, each chunk's HTML is cached by its text, and the
document-wide parts are put back so the result is the very HTML a whole render gives.

Document-wide parts, and how each stays exact:
- reference links, abbreviations and footnote definitions: every chunk is rendered with all
  of the document's definitions in front of it (they render to nothing themselves);
- footnote numbers come from the definitions' order, so they are right as they are; the
  footnote list at the end is rendered once from the references in document order (a
  footnote referenced from two chunks means a whole render: see ``render``);
- heading ids (``toc``) are unique within a whole render; if any id appears in two chunks,
  the chunks cannot be trusted and the whole body is rendered instead (rare in real posts);
- ``data-line`` (scroll sync) is kept relative to the chunk, with the chunk's first line
  beside it, so a line added above does not change the HTML of the chunks below.

Where a construct could span a boundary (fenced code, raw HTML blocks, lists, quotes,
indented code, definition lists), no boundary is placed. A test renders random documents
and random edit sequences both ways and requires identical HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from smugdesk.core.render import Renderer, word_count

# Python-Markdown's fenced-code opening line (at column 0), and its closing: the same fence.
_FENCE_OPEN = re.compile(
    r"^(?P<fence>~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*"
    r"(?:hl_lines=(?P<quot>\"|').*?(?P=quot)[ ]*)?)[ ]*$"
)
_LIST_START = re.compile(r"(?:[*+-]|\d+[.)])(?:[ \t]|$)")
_DEFINITION = re.compile(r" {0,3}:[ ]")
# Python-Markdown's own reference pattern (a title may sit on the next line).
_REF_DEF = re.compile(
    r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*\n?[ ]*([^\s]+)[ ]*(?:\n[ ]*)?"
    r"((['\"])(.*)\4[ ]*|\((.*)\)[ ]*)?$",
    re.MULTILINE,
)
_FOOTNOTE_DEF = re.compile(r"\[\^([^\]]+)\]:")
_ABBR_DEF = re.compile(r"\*\[([^\]]*)\][ ]?:")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"]
)  # fmt: skip
_DATA_LINE = re.compile(r' data-line="(\d+)"')
_FNREF = re.compile(r'<sup id="fnref(\d*):([^"]*)">')
_IDS = re.compile(r' id="([^"]*)"')
_FOOTNOTE_DIV = '\n<div class="footnote">'
_WHOLE_ONLY = ("[TOC]", "///Footnotes Go Here///")
# A paragraph put after each chunk: where it starts, the chunk's HTML ends, with the
# whitespace a whole render puts between this chunk and the next.
_END = "SMUGDESKCHUNKEND7f3a"


@dataclass(frozen=True)
class Chunk:
    start: int  # first line, within the body
    text: str


@dataclass
class _Rendered:
    html: str  # data-line relative to the chunk
    ids: tuple[str, ...]  # element ids other than footnotes', to find clashes
    refs: tuple[str, ...]  # footnote labels referenced, in order


@dataclass
class Result:
    """``parts[i]`` is the HTML of the chunk starting at body line ``starts[i]`` (data-line
    relative to it); the footnote list, if any, is the last part (its start is -1)."""

    parts: list[str]
    starts: list[int]
    whole: bool = False  # rendered in one piece (a construct that cannot be cut)
    words: int = 0
    extra: dict = field(default_factory=dict)

    def html(self) -> str:
        """The body as a whole render gives it, data-line absolute."""
        out = []
        for part, start in zip(self.parts, self.starts, strict=True):
            if start > 0:
                part = _DATA_LINE.sub(lambda m, s=start: f' data-line="{int(m[1]) + s}"', part)
            out.append(part)
        return "".join(out).strip()


def split_chunks(text: str) -> tuple[list[Chunk], list[str] | None]:
    """The body's chunks, and its definition lines (links, abbreviations, footnotes) in
    document order, ready to be put in front of each chunk; None for the definitions when
    one sits where it cannot be lifted out exactly (inside a paragraph, a quote, a list)."""
    lines = text.split("\n")
    starts = [0]
    definitions: list[str] | None = []
    fence_end = -1  # last line of the fenced block being skipped
    html_depth: Counter[str] = Counter()
    in_html = in_comment = False
    footnote = ""  # "first": in a footnote's first block; "more": its indented blocks
    previous_def = False  # the line before was a definition (they may follow each other)
    blanks = 0  # blank lines just before this one
    for i, line in enumerate(lines):
        if i <= fence_end:
            continue
        if footnote and line.strip():
            if footnote == "first" and not line.startswith(("    ", "\t")):
                definitions = None  # a lazy continuation: how far it reaches is subtle
            # After two blank lines Python-Markdown's next block starts with a newline, so
            # it is not indented, and the footnote ends.
            if not line.startswith(("    ", "\t")) or blanks > 1:
                footnote = ""
        blanks = blanks + 1 if not line.strip() else 0
        opening = _FENCE_OPEN.match(line)
        if opening and not footnote:
            close = opening["fence"]
            end = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip(" ") == close), -1)
            if end > 0:
                if _boundary(lines, i, in_html or in_comment, end):
                    starts.append(i)
                fence_end = end
                previous_def = False
                continue
        blank = not line.strip()
        if footnote and definitions is not None:
            if blank:
                definitions.append(line)
                footnote = "more"
                continue
            definitions.append(line)  # indented: the footnote goes on
            continue
        footnote = ""
        if blank:
            previous_def = False
            continue
        if _boundary(lines, i, in_html or in_comment):
            starts.append(i)
        if not in_html and not in_comment and line.lstrip(" ")[:1] == "<":
            in_html = True
        if in_html or in_comment or "<!--" in line:
            in_comment, in_html = _track_html(line, html_depth, in_comment, in_html)
        if "]" not in line or definitions is None:
            previous_def = False
            continue
        at_start = i == 0 or not lines[i - 1].strip() or previous_def
        previous_def = False
        if not at_start or in_html or in_comment:
            if "]:" in line or "] :" in line:
                definitions = None  # a definition inside a block: not lifted out exactly
            continue
        if _FOOTNOTE_DEF.match(line):
            definitions.append(line)
            footnote = "first"
        elif _ABBR_DEF.match(line):
            after = lines[i + 1] if i + 1 < len(lines) else ""
            definitions.append(line)
            previous_def = True
            if not line.split(":", 1)[1].strip() or (after.strip() and "]:" not in after):
                definitions = None  # a title on the next line, or text that may be a heading
        else:
            two = "\n".join(lines[i : i + 2])
            ref = _REF_DEF.match(two) if not line.startswith("[^") else None
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if ref and after.strip() and not (_REF_DEF.match(after) or _ABBR_DEF.match(after)):
                # Text right under it may make the block a heading or a table first: only
                # a whole render tells.
                definitions = None
            elif ref:
                definitions.append(line)
                previous_def = True
            elif "]:" in line or "] :" in line:
                definitions = None
    while definitions and not definitions[-1].strip():
        definitions.pop()
    starts.append(len(lines))
    chunks = [Chunk(a, "\n".join(lines[a:b])) for a, b in pairwise(starts) if b > a]
    return chunks, definitions


def _boundary(lines: list[str], i: int, in_html: bool, block_end: int = -1) -> bool:
    """May a chunk start at line ``i``: after a blank line, nothing before reaching in, and
    nothing in the block starting here reaching back (lists, quotes, definitions)?"""
    if i == 0 or in_html or lines[i - 1].strip():
        return False
    line = lines[i]
    if line[:1] in (" ", "\t", ">", ":", "<") or _LIST_START.match(line):
        return False
    if _FOOTNOTE_DEF.match(line) or _ABBR_DEF.match(line) or "]:" in line:
        return False  # a definition leaves no HTML: the block after it may reach back
    j = block_end + 1 if block_end >= 0 else i
    while block_end < 0 and j < len(lines) and lines[j].strip():  # this block
        if _DEFINITION.match(lines[j]):
            return False
        j += 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    # ": text" after a blank line makes this paragraph a term of the list before it.
    return not (j < len(lines) and _DEFINITION.match(lines[j]))


def _track_html(line: str, depth: Counter[str], in_comment: bool, in_html: bool):
    """Follow a raw HTML block across lines: open tags against their closing tags."""
    rest = line
    if in_comment:
        if "-->" not in rest:
            return True, in_html
        rest = rest.split("-->", 1)[1]
    while "<!--" in rest:
        before, after = rest.split("<!--", 1)
        _count_tags(before, depth)
        if "-->" not in after:
            return True, in_html or bool(+depth)
        rest = after.split("-->", 1)[1]
    _count_tags(rest, depth)
    return False, bool(+depth)


def _count_tags(text: str, depth: Counter[str]) -> None:
    for tag in _TAG.finditer(text):
        name = tag[2].lower()
        if name in _VOID or tag[3]:
            continue
        if tag[1]:
            if depth[name] > 0:
                depth[name] -= 1
        else:
            depth[name] += 1


class IncrementalRenderer:
    """Keeps the HTML of recent chunks; ``render`` costs what changed, not the document."""

    CACHE_LIMIT = 20000  # chunks kept; a 100,000-word manuscript has about 2,500

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self._cache: dict[tuple[str, str], _Rendered] = {}
        self._footnotes: dict[tuple[str, tuple[str, ...]], str] = {}
        self._words: dict[str, int] = {}
        self.rendered_chunks = 0  # how many chunks the last call really rendered

    def render(self, body: str) -> Result:
        self.rendered_chunks = 0
        if any(marker in body for marker in _WHOLE_ONLY):
            return self._whole(body)
        chunks, definitions = split_chunks(body)
        if definitions is None:
            return self._whole(body)
        defs = "\n".join(definitions)
        if defs and chunks and chunks[0].text[:1] in (" ", "\t"):
            return self._whole(body)  # indented text would join a footnote put before it
        if self._duplicate_labels(definitions):
            return self._whole(body)
        rendered = [self._chunk(chunk.text, defs) for chunk in chunks]
        if None in rendered:
            return self._whole(body)
        seen: set[str] = set()
        for item in rendered:
            for element_id in item.ids:
                if element_id in seen:
                    return self._whole(body)
                seen.add(element_id)
        # A footnote referenced from two chunks: Python-Markdown numbers repeat references
        # ("fnref2:") in the order its inline pass meets them, which is not document order
        # once lists or quotes are involved, so only a whole render gets them right.
        labels = [set(item.refs) for item in rendered if item.refs]
        if sum(len(found) for found in labels) != len(set().union(*labels)):
            return self._whole(body)
        parts = [item.html for item in rendered]
        starts = [chunk.start for chunk in chunks]
        refs = tuple(label for item in rendered for label in item.refs)
        if "[^" in defs:
            parts.append(self._footnote_list(defs, refs))
            starts.append(-1)
        self._trim()
        return Result(parts, starts, words=self._count(chunks))

    def _whole(self, body: str) -> Result:
        self.rendered_chunks = 1
        return Result([self.renderer.render(body)], [0], whole=True, words=word_count(body))

    def _count(self, chunks: list[Chunk]) -> int:
        """Words of the body: per chunk, cached (no word spans the blank line between)."""
        total = 0
        for chunk in chunks:
            found = self._words.get(chunk.text)
            if found is None:
                found = self._words[chunk.text] = word_count(chunk.text)
            total += found
        return total

    @staticmethod
    def _duplicate_labels(definitions: list[str]) -> bool:
        """A label defined twice: which one wins depends on the order they are read in."""
        labels = []
        for line in definitions:
            match = _FOOTNOTE_DEF.match(line) or _ABBR_DEF.match(line) or _REF_DEF.match(line)
            if match:
                kind = line.lstrip(" ")[:2]
                labels.append((kind if kind in ("[^", "*[") else "[", match[1].lower()))
        return len(labels) != len(set(labels))

    def _chunk(self, text: str, defs: str) -> _Rendered | None:
        # Definitions matter to a chunk that may use them: a reference or footnote needs a
        # "[", an abbreviation can be any word.
        key = (text, defs if ("[" in text or "*[" in defs) else "")
        found = self._cache.get(key)
        if found is not None:
            return found
        self.rendered_chunks += 1
        source = f"{defs}\n\n{text}\n\n{_END}" if key[1] else f"{text}\n\n{_END}"
        html = self.renderer.render(source)
        end = html.rfind(f">{_END}</p>")
        cut = html.rfind("<p", 0, end)
        after = html[end + len(_END) + 5 :]
        if end < 0 or cut < 0 or (after.strip() and not after.startswith(_FOOTNOTE_DIV)):
            return None  # the chunk swallowed what follows it: it cannot stand alone
        html = html[:cut]
        if key[1]:
            shift = source.count("\n") - text.count("\n") - 2
            html = _DATA_LINE.sub(lambda m: f' data-line="{int(m[1]) - shift}"', html)
        ids = tuple(i for i in _IDS.findall(html) if not i.startswith(("fnref", "fn:")))
        refs = tuple(m[2] for m in _FNREF.finditer(html))
        found = self._cache[key] = _Rendered(html, ids, refs)
        return found

    def _footnote_list(self, defs: str, refs: tuple[str, ...]) -> str:
        key = (defs, refs)
        found = self._footnotes.get(key)
        if found is None:
            self.rendered_chunks += 1
            calls = "".join(f"[^{label}]" for label in refs) or "x"
            html = self.renderer.render(f"{defs}\n\n{calls}")
            cut = html.find(_FOOTNOTE_DIV)
            found = self._footnotes[key] = html[cut + 1 :] if cut >= 0 else ""
        return found

    def _trim(self) -> None:
        for cache in (self._cache, self._footnotes, self._words):
            if len(cache) > self.CACHE_LIMIT:
                for key in list(cache)[: len(cache) // 2]:  # oldest first (dicts keep order)
                    del cache[key]
