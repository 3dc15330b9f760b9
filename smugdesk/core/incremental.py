"""Render only what changed: the body is cut into chunks at block boundaries where no
Markdown construct can reach across, each chunk's HTML is cached by its text, and the
document-wide parts are put back so the result is the very HTML a whole render gives.

Document-wide parts, and how each stays exact:
- reference links, abbreviations and footnote definitions: every chunk is rendered with all
  of the document's definitions in front of it (they render to nothing themselves);
- footnote numbers come from the definitions' order, so they are right as they are; the
  footnote list at the end is rendered once from the references in document order (a
  footnote referenced from two chunks means a whole render: see ``render``);
- heading ids (``toc``) are unique within a whole render: chunks are rendered with a mark
  for each heading's id, and the ids are given once all chunks are known, in document
  order, by toc's own ``unique`` against every id the document writes;
- ``data-line`` (scroll sync) is kept relative to the chunk, with the chunk's first line
  beside it, so a line added above does not change the HTML of the chunks below.

Where a construct could span a boundary (fenced code, raw HTML blocks, lists, quotes,
indented code, definition lists), no boundary is placed. A test renders random documents
and random edit sequences both ways and requires identical HTML.
"""

from __future__ import annotations

import bisect
import inspect
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique

from smugdesk.core.render import Renderer, word_count

# Python-Markdown 3.10+ passes a cache of taken suffixes (the same ids, found faster).
_COUNTERS = "counters" in inspect.signature(unique).parameters


def _unique(slug: str, used: set[str], counters: dict[str, int]) -> str:
    return unique(slug, used, counters) if _COUNTERS else unique(slug, used)


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
_HEADING_MARK = re.compile(r' id="sdh(\d+)x"')  # a heading whose id is given at assembly
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
    html: str  # data-line relative to the chunk; headings' ids are marks (sdh0x, sdh1x…)
    ids: tuple[str, ...]  # the ids written in it (attr_list, raw HTML, footnotes)
    refs: tuple[str, ...]  # footnote labels referenced, in order
    heads: tuple[str, ...] = ()  # the slug each marked heading starts from, in order


@dataclass
class Result:
    """``parts[i]`` is the HTML of the chunk starting at body line ``starts[i]`` (data-line
    relative to it); the footnote list, if any, is the last part (its start is -1)."""

    parts: list[str]
    starts: list[int]
    whole: bool = False  # rendered in one piece (a construct that cannot be cut)
    words: int = 0

    def html(self) -> str:
        """The body as a whole render gives it, data-line absolute."""
        out = []
        for part, start in zip(self.parts, self.starts, strict=True):
            if start > 0:
                part = _DATA_LINE.sub(lambda m, s=start: f' data-line="{int(m[1]) + s}"', part)
            out.append(part)
        return "".join(out).strip()


@dataclass
class _Scan:
    """Where chunks start, and what the lines between hold that matters document-wide;
    line numbers, in order."""

    starts: list[int]
    definitions: list[tuple[int, str]]  # (line, text) of link, abbreviation, footnote defs
    risky: list[int]  # a definition that cannot be lifted out exactly: render whole
    dangling: list[int]  # a fence opening with no closing line (yet)
    stopped: int = -1  # the chunk start where the scan met what was known
    # After a rescan: chunks starting before ``head_end`` are as before, and so are those
    # from ``tail_start`` on (old line numbers; -1: none), shifted by ``shift`` lines.
    head_end: int = 0
    tail_start: int = -1
    shift: int = 0


def split_chunks(text: str) -> tuple[list[Chunk], list[str] | None]:
    """The body's chunks, and its definition lines (links, abbreviations, footnotes) in
    document order, ready to be put in front of each chunk; None for the definitions when
    one sits where it cannot be lifted out exactly (inside a paragraph, a quote, a list)."""
    lines = text.split("\n")
    found = _scan(lines)
    starts = [*found.starts, len(lines)]
    chunks = [Chunk(a, "\n".join(lines[a:b])) for a, b in pairwise(starts) if b > a]
    return chunks, None if found.risky else _definition_lines(found.definitions)


def _definition_lines(definitions: list[tuple[int, str]]) -> list[str]:
    lines = [text for _line, text in definitions]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _scan(lines: list[str], begin: int = 0, converge=None) -> _Scan:
    """Cut ``lines`` into chunks from line ``begin`` (a chunk start: nothing before it
    reaches in). ``converge(i)``: may the scan stop at chunk start ``i`` (the rest known)?"""
    found = _Scan([begin], [], [], [])
    starts, definitions = found.starts, found.definitions
    fence_end = -1  # last line of the fenced block being skipped
    html_depth: Counter[str] = Counter()
    in_html = in_comment = False
    footnote = ""  # "first": in a footnote's first block; "more": its indented blocks
    previous_def = False  # the line before was a definition (they may follow each other)
    blanks = 0  # blank lines just before this one

    def start(i: int) -> bool:
        """A chunk starts at ``i``; True when the scan may stop there."""
        if i == begin:
            return False
        if converge is not None and converge(i):
            found.stopped = i
            return True
        starts.append(i)
        return False

    for i in range(begin, len(lines)):
        if i <= fence_end:
            continue
        line = lines[i]
        if (
            # Most lines: inside a paragraph, nothing that starts, ends or defines anything.
            not blanks
            and not footnote
            and not in_html
            and not in_comment
            and line[:1] not in ("`", "~", "")
            and "]" not in line
            and "<" not in line
            and line.strip()
        ):
            previous_def = False
            continue
        if footnote and line.strip():
            if footnote == "first" and not line.startswith(("    ", "\t")):
                found.risky.append(i)  # a lazy continuation: how far it reaches is subtle
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
                if _boundary(lines, i, in_html or in_comment, end) and start(i):
                    return found
                fence_end = end
                previous_def = False
                continue
            found.dangling.append(i)
        blank = not line.strip()
        if footnote:
            definitions.append((i, line))  # a blank or indented line: the footnote goes on
            if blank:
                footnote = "more"
            continue
        if blank:
            previous_def = False
            continue
        if _boundary(lines, i, in_html or in_comment) and start(i):
            return found
        if not in_html and not in_comment and line.lstrip(" ")[:1] == "<":
            in_html = True
        if in_html or in_comment or "<!--" in line:
            in_comment, in_html = _track_html(line, html_depth, in_comment, in_html)
        if "]" not in line:
            previous_def = False
            continue
        at_start = i == 0 or not lines[i - 1].strip() or previous_def
        previous_def = False
        if not at_start or in_html or in_comment:
            if "]:" in line or "] :" in line:
                found.risky.append(i)  # a definition inside a block: not lifted out exactly
            continue
        if _FOOTNOTE_DEF.match(line):
            definitions.append((i, line))
            footnote = "first"
        elif _ABBR_DEF.match(line):
            after = lines[i + 1] if i + 1 < len(lines) else ""
            definitions.append((i, line))
            previous_def = True
            if not line.split(":", 1)[1].strip() or (after.strip() and "]:" not in after):
                found.risky.append(i)  # a title on the next line, or text: maybe a heading
        else:
            two = "\n".join(lines[i : i + 2])
            ref = _REF_DEF.match(two) if not line.startswith("[^") else None
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if ref and after.strip() and not (_REF_DEF.match(after) or _ABBR_DEF.match(after)):
                # Text right under it may make the block a heading or a table first: only
                # a whole render tells.
                found.risky.append(i)
            elif ref:
                definitions.append((i, line))
                previous_def = True
            elif "]:" in line or "] :" in line:
                found.risky.append(i)
    return found


def _rescan(old: str, known: _Scan, new: str, lines: list[str]) -> _Scan | None:
    """The scan of ``new`` from the scan of ``old``: what lies before the change is kept,
    the changed part scanned, and once a chunk start is met that was one before, in text
    that did not change, the rest is kept too (shifted). None: scan it all."""
    if old == new:
        return known
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    first = new.count("\n", 0, prefix)  # the first line that may differ
    if any(line < first + 2 for line in known.dangling):
        return None  # an unclosed fence above may find its closing line in the change
    # Two chunks back: a chunk start looks ahead into the next block, which may be here.
    a = max(0, bisect.bisect_right(known.starts, first) - 3)
    begin = known.starts[a]
    same_tail = new.count("\n", len(new) - suffix)  # lines at the end that did not change
    shift = len(lines) - (old.count("\n") + 1)
    old_starts = set(known.starts)
    tail_from = len(lines) - same_tail

    def converge(i: int) -> bool:
        return i > tail_from and (i - shift) in old_starts

    fresh = _scan(lines, begin, converge)
    keep_from = None if fresh.stopped < 0 else fresh.stopped - shift
    head = known.starts[:a]

    def before(items):
        return [item for item in items if _line_of(item) < begin]

    def after(items):
        if keep_from is None:
            return []
        return [_shifted(item, shift) for item in items if _line_of(item) >= keep_from]

    return _Scan(
        head + fresh.starts + [s + shift for s in known.starts if keep_from is not None
                               and s >= keep_from],
        before(known.definitions) + fresh.definitions + after(known.definitions),
        before(known.risky) + fresh.risky + after(known.risky),
        before(known.dangling) + fresh.dangling + after(known.dangling),
        head_end=begin,
        tail_start=-1 if keep_from is None else keep_from,
        shift=shift,
    )  # fmt: skip


def _line_of(item) -> int:
    return item[0] if isinstance(item, tuple) else item


def _shifted(item, shift: int):
    return (item[0] + shift, item[1]) if isinstance(item, tuple) else item + shift


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start, by halving (each comparison runs in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


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
        self.renderer = renderer  # whole renders
        # Chunks: the same, but a heading's id is a mark, given its final value once all
        # chunks are known (toc makes ids unique over the whole document).
        self._slugs: list[str] = []
        self._marking = Renderer(
            renderer.embeds,
            renderer.resolve_post,
            source_lines=renderer.source_lines,
            slugify=self._mark,
        )
        self._headed: dict[tuple[str, tuple[str, ...]], str] = {}
        self._cache: dict[tuple[str, str], _Rendered] = {}
        self._footnotes: dict[tuple[str, tuple[str, ...]], _Rendered] = {}
        self._words: dict[str, int] = {}
        self._last: tuple[str, _Scan, list[Chunk]] | None = None  # the last body, scanned
        self.rendered_chunks = 0  # how many chunks the last call really rendered

    def render(self, body: str) -> Result:
        self.rendered_chunks = 0
        if any(marker in body for marker in _WHOLE_ONLY):
            return self._whole(body)
        chunks, definitions = self._split(body)
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
        # A footnote referenced from two chunks: Python-Markdown numbers repeat references
        # ("fnref2:") in the order its inline pass meets them, which is not document order
        # once lists or quotes are involved, so only a whole render gets them right.
        labels = [set(item.refs) for item in rendered if item.refs]
        if sum(len(found) for found in labels) != len(set().union(*labels)):
            return self._whole(body)
        starts = [chunk.start for chunk in chunks]
        refs = tuple(label for item in rendered for label in item.refs)
        if "[^" in defs:
            rendered.append(self._footnote_list(defs, refs))
            starts.append(-1)
        parts = self._name_headings(rendered)
        self._trim()
        return Result(parts, starts, words=self._count(chunks))

    def _mark(self, value: str, separator: str) -> str:
        self._slugs.append(toc_slugify(value, separator))
        return f"sdh{len(self._slugs) - 1}x"

    def _render_marked(self, source: str) -> tuple[str, list[str]]:
        self._slugs = []
        return self._marking.render(source), self._slugs

    @staticmethod
    def _kept_marks(html: str, slugs: list[str]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """The marks left in ``html`` numbered from 0, their slugs, and the other ids."""
        heads: list[str] = []

        def renumber(match: re.Match) -> str:
            heads.append(slugs[int(match[1])])
            return f' id="sdh{len(heads) - 1}x"'

        html = _HEADING_MARK.sub(renumber, html)
        ids = tuple(i for i in _IDS.findall(html) if not _HEADING_MARK.fullmatch(f' id="{i}"'))
        return html, tuple(heads), ids

    def _name_headings(self, rendered: list[_Rendered]) -> list[str]:
        """Headings' ids as toc gives them in a whole render: in document order, each made
        unique against every id written in the document and the headings' before it."""
        used: set[str] = set()
        for item in rendered:
            used.update(item.ids)
        counters: dict[str, int] = {}
        parts = []
        for item in rendered:
            if not item.heads:
                parts.append(item.html)
                continue
            named = tuple(_unique(slug, used, counters) for slug in item.heads)
            key = (item.html, named)
            html = self._headed.get(key)
            if html is None:
                html = self._headed[key] = _HEADING_MARK.sub(
                    lambda m, named=named: f' id="{named[int(m[1])]}"', item.html
                )
            parts.append(html)
        return parts

    def _split(self, body: str) -> tuple[list[Chunk], list[str] | None]:
        """``split_chunks``, but from the last body: only the lines from a little before
        the change up to where the chunks are as before again are scanned anew."""
        lines = body.split("\n")
        last = self._last
        found = _rescan(last[0], last[1], body, lines) if last is not None else None
        if found is None:
            found = _scan(lines)
        elif found is last[1]:
            return last[2], None if found.risky else _definition_lines(found.definitions)
        # Chunks that did not change keep their very text objects: Python keeps a string's
        # hash, so finding them in the caches costs nothing however long they are.
        old = {c.start: c for c in last[2]} if last is not None else {}
        starts = [*found.starts, len(lines)]
        chunks = []
        for a, b in pairwise(starts):
            if b <= a:
                continue
            kept = old.get(a) if a < found.head_end else None
            if kept is None and found.tail_start >= 0 and a - found.shift >= found.tail_start:
                before = old.get(a - found.shift)
                kept = Chunk(a, before.text) if before is not None else None
            chunks.append(kept or Chunk(a, "\n".join(lines[a:b])))
        self._last = (body, found, chunks)
        return chunks, None if found.risky else _definition_lines(found.definitions)

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
        html, slugs = self._render_marked(source)
        end = html.rfind(f">{_END}</p>")
        cut = html.rfind("<p", 0, end)
        after = html[end + len(_END) + 5 :]
        if end < 0 or cut < 0 or (after.strip() and not after.startswith(_FOOTNOTE_DIV)):
            return None  # the chunk swallowed what follows it: it cannot stand alone
        html = html[:cut]
        if key[1]:
            shift = source.count("\n") - text.count("\n") - 2
            html = _DATA_LINE.sub(lambda m: f' data-line="{int(m[1]) - shift}"', html)
        html, heads, ids = self._kept_marks(html, slugs)
        refs = tuple(m[2] for m in _FNREF.finditer(html))
        found = self._cache[key] = _Rendered(html, ids, refs, heads)
        return found

    def _footnote_list(self, defs: str, refs: tuple[str, ...]) -> _Rendered:
        key = (defs, refs)
        found = self._footnotes.get(key)
        if found is None:
            self.rendered_chunks += 1
            calls = "".join(f"[^{label}]" for label in refs) or "x"
            html, slugs = self._render_marked(f"{defs}\n\n{calls}")
            cut = html.find(_FOOTNOTE_DIV)
            html, heads, ids = self._kept_marks(html[cut + 1 :] if cut >= 0 else "", slugs)
            found = self._footnotes[key] = _Rendered(html, ids, (), heads)
        return found

    def _trim(self) -> None:
        for cache in (self._cache, self._footnotes, self._words, self._headed):
            if len(cache) > self.CACHE_LIMIT:
                for key in list(cache)[: len(cache) // 2]:  # oldest first (dicts keep order)
                    del cache[key]
