"""Cutting a Markdown body into chunks no construct reaches across, for incremental
rendering (``incremental.py``): blank-line boundaries outside fenced code (Python-Markdown's
exact fence rules), verbatim HTML fences (``raw_blocks``), raw HTML blocks (tag balance),
lists, quotes, indented code, definition lists (looking both ways) and definitions whose
next block may reach back. A comment alone on its line (a WordPress block's mark) may start
a chunk: a post downloaded from a block editor is not one chunk. The document's
definitions (links, abbreviations, footnotes) are collected on the way, and an edit is
scanned from a little before it to where the chunks match the old ones again.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

from smugdesk.core.common_ends import common_prefix, common_suffix
from smugdesk.core.raw_blocks import FENCE_OPEN as _FENCE_OPEN
from smugdesk.core.raw_blocks import KEPT, RAW_CLOSE, RAW_OPEN

_LIST_START = re.compile(r"(?:[*+-]|\d+[.)])(?:[ \t]|$)")
_DEFINITION = re.compile(r" {0,3}:[ ]")
# Python-Markdown's own reference pattern (a title may sit on the next line).
_REF_DEF = re.compile(
    r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*\n?[ ]*([^\s]+)[ ]*(?:\n[ ]*)?"
    r"((['\"])(.*)\4[ ]*|\((.*)\)[ ]*)?$",
    re.MULTILINE,
)
_FOOTNOTE_DEF = re.compile(r"\[\^([^\]]+)\]:")
# A comment alone on its line (a WordPress block's mark, a kept-HTML marker): a raw block
# of its own that nothing before reaches into, so a chunk may start there.
_COMMENT_LINE = re.compile(r"<!--(?:(?!-->).)*-->[ \t]*$")
_KEPT_MARKER = f"<!-- {KEPT} "
_ABBR_DEF = re.compile(r"\*\[([^\]]*)\][ ]?:")
# A start tag or an end tag, named as html.parser reads them: "<" and a letter begin one
# whatever follows ("<https:", "</bward"), a start tag runs to its ">" outside quotes (maybe
# lines down), an end tag to the first ">".
_TAG_HEAD = re.compile(r"<([A-Za-z][^\t\n\r\f />\x00]*)|</([A-Za-z][^\t\n\r\f />\x00]*)")
_TAG_NAME = re.compile(r"[a-z][a-z0-9-]*")  # others are read to their end, never nested
_END_WAITING = ">/"  # in a depth: an end tag still open at the end of a line
_ATTRIBUTES = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*""")  # to ">" or an open quote
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"]
)  # fmt: skip


class Chunk(NamedTuple):  # a tuple: thousands are made per keystroke in a manuscript
    start: int  # first line, within the body
    text: str


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
    chunks = _made(lines, [*found.starts, len(lines)])
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
    marker_end = -1  # last line of the kept-HTML marker being read

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
            if not blanks and not line.startswith(("    ", "\t")):
                # A lazy continuation, of the footnote's first line or of an indented
                # paragraph of it: how far it reaches is subtle.
                found.risky.append(i)
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
        if line.rstrip() == RAW_OPEN and not footnote:
            # Verbatim HTML (raw_blocks): blank lines inside do not end it.
            end = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip() == RAW_CLOSE), -1)
            if end > 0:
                if _boundary(lines, i, in_html or in_comment) and start(i):
                    return found
                fence_end = end
                previous_def = False
                continue
            found.dangling.append(i)  # its closing line may come with the next keystroke
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
        # A line that closes a comment (or HTML block) begins inside it: no definition there.
        began_inside = in_html or in_comment
        if not in_html and not in_comment and line.lstrip(" ")[:1] == "<":
            in_html = True
        if line.startswith(_KEPT_MARKER):
            # A kept-HTML marker (to its "-->", maybe lines down) is taken out before the
            # HTML parser reads the text: it does not close a comment left open above it.
            close = next((j for j in range(i, len(lines)) if "-->" in lines[j]), -1)
            if close >= 0 and lines[close].rstrip().endswith("-->"):
                marker_end = close
        if (in_html or in_comment or "<!--" in line) and i > marker_end:
            in_comment, in_html = _track_html(line, html_depth, in_comment, in_html)
        elif "<" in line and i > marker_end:
            # A tag in a paragraph with no ">" yet (a writer typing "</b") reads on to its
            # ">" as the HTML parser reads it, blank lines, comments and all.
            waiting = _waits_at_end(line)
            if waiting:
                html_depth.clear()
                html_depth[waiting] = 1
                in_html = True
        if "]" not in line:
            previous_def = False
            continue
        at_start = i == 0 or not lines[i - 1].strip() or previous_def
        previous_def = False
        if not at_start or in_html or in_comment or began_inside:
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


def _rescan(
    old: str, known: _Scan, new: str, lines: list[str], old_lines: int | None = None
) -> _Scan | None:
    """The scan of ``new`` from the scan of ``old`` (``old_lines`` lines, when known):
    what lies before the change is kept, the changed part scanned, and once a chunk start
    is met that was one before, in text that did not change, the rest is kept too
    (shifted). None: scan it all."""
    if old == new:
        return known
    prefix = common_prefix(old, new)
    suffix = common_suffix(old, new, min(len(old), len(new)) - prefix)
    first = new.count("\n", 0, prefix)  # the first line that may differ
    if any(line < first + 2 for line in known.dangling):
        return None  # an unclosed fence above may find its closing line in the change
    # Two chunks back: a chunk start looks ahead into the next block, which may be here.
    a = max(0, bisect.bisect_right(known.starts, first) - 3)
    begin = known.starts[a]
    # Lines at the end that did not change (counted over the change only: it is short).
    same_tail = len(lines) - 1 - first - new.count("\n", prefix, len(new) - suffix)
    shift = len(lines) - (old.count("\n") + 1 if old_lines is None else old_lines)
    tail_from = len(lines) - same_tail
    old_starts = known.starts

    def converge(i: int) -> bool:
        if i <= tail_from:
            return False
        j = bisect.bisect_left(old_starts, i - shift)
        return j < len(old_starts) and old_starts[j] == i - shift

    fresh = _scan(lines, begin, converge)
    keep_from = None if fresh.stopped < 0 else fresh.stopped - shift
    head = known.starts[:a]

    # Slices, not loops: the lists are in line order, and a manuscript's are long.
    def before(items):
        return items[: bisect.bisect_left(items, begin, key=_line_of)]

    def after(items):
        if keep_from is None:
            return []
        kept = items[bisect.bisect_left(items, keep_from, key=_line_of) :]
        return kept if shift == 0 else [_shifted(item, shift) for item in kept]

    return _Scan(
        head + fresh.starts + after(known.starts),
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


def _boundary(lines: list[str], i: int, in_html: bool, block_end: int = -1) -> bool:
    """May a chunk start at line ``i``: after a blank line, nothing before reaching in, and
    nothing in the block starting here reaching back (lists, quotes, definitions)?"""
    if i == 0 or in_html or lines[i - 1].strip():
        return False
    line = lines[i]
    if line[:1] in (" ", "\t", ">", ":") or _LIST_START.match(line):
        return False
    if line[:1] == "<" and not _COMMENT_LINE.match(line):
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
    elif _pending(depth) is not None:  # a tag from above: its ">" comes first, even in "-->"
        end = _finish_pending(rest, depth)
        if end < 0:
            return False, True
        rest = rest[end:]
    while "<!--" in rest:
        before, after = rest.split("<!--", 1)
        _count_tags(before, depth)
        if "-->" not in after:
            return True, in_html or bool(+depth)
        rest = after.split("-->", 1)[1]
    _count_tags(rest, depth)
    return False, bool(+depth)


def _count_tags(text: str, depth: Counter[str]) -> None:
    """Tags opened and closed in ``text``. A tag still open at the end of the line (a quoted
    value not closed, or no ``>`` yet, as while a writer types ``class="``) runs on to the
    next lines as Python-Markdown's HTML parser reads it, blank lines and all: it is kept in
    ``depth`` under what it waits for (a quote or ">") and its name, so the block goes on."""
    pos = _finish_pending(text, depth) if _pending(depth) is not None else 0
    while pos >= 0:
        head = _TAG_HEAD.search(text, pos)
        if head is None:
            return
        if head[2] is None:
            pos = _tag_end(text, head.end(), head[1].lower(), depth)
            continue
        close = text.find(">", head.end())  # quotes or not, as html.parser reads an end tag
        if close < 0:
            depth[_END_WAITING] = 1
            return
        name = head[2].lower()
        if depth[name] > 0:
            depth[name] -= 1
        pos = close + 1


def _pending(depth: Counter[str]) -> str | None:
    """The tag left open at the end of a line above, as ``depth`` keeps it: what it waits
    for (a quote or ">") and its name."""
    return next((key for key, count in depth.items() if count and key[:1] in "\"'>"), None)


def _finish_pending(text: str, depth: Counter[str]) -> int:
    """Read on the tag left open above: where it ends in ``text`` (its name counted then),
    or -1 while it stays open."""
    pending = _pending(depth)
    del depth[pending]
    pos = 0
    if pending == _END_WAITING:
        close = text.find(">")
        if close < 0:
            depth[pending] = 1
        return close + 1 if close >= 0 else -1
    if pending[0] != ">":
        close = text.find(pending[0])
        if close < 0:
            depth[pending] = 1
            return -1
        pos = close + 1
    return _tag_end(text, pos, pending[1:], depth)


def _waits_at_end(line: str) -> str:
    """What a tag begun in ``line`` and not ended there waits for, as a depth keeps it
    (without a start tag's name: once it ends it opens no block), or ""."""
    depth: Counter[str] = Counter()
    _count_tags(line, depth)
    pending = _pending(depth)
    if pending is None:
        return ""
    return pending if pending == _END_WAITING else pending[0]


def _tag_end(text: str, start: int, name: str, depth: Counter[str]) -> int:
    """Where the start tag whose attributes start at ``start`` ends (counting it), or -1
    when it is still open at the end of the line."""
    end = _ATTRIBUTES.match(text, start).end()
    if end >= len(text) or text[end] in "\"'":
        waits = ">" if end >= len(text) else text[end]
        depth[waits + name] = 1
        return -1
    if name in _VOID or text[end - 1] == "/" or not _TAG_NAME.fullmatch(name):
        return end + 1
    depth[name] += 1
    return end + 1


def duplicate_labels(definitions: list[str]) -> bool:
    """A label defined twice: which one wins depends on the order they are read in."""
    labels = []
    for line in definitions:
        match = _FOOTNOTE_DEF.match(line) or _ABBR_DEF.match(line) or _REF_DEF.match(line)
        if match:
            kind = line.lstrip(" ")[:2]
            labels.append((kind if kind in ("[^", "*[") else "[", match[1].lower()))
    return len(labels) != len(set(labels))


_START = attrgetter("start")


def _made(lines: list[str], starts: list[int]) -> list[Chunk]:
    return [Chunk(a, "\n".join(lines[a:b])) for a, b in pairwise(starts) if b > a]


class Chunker:
    """Splits one body after another, each from the last (an editor's text as it is typed)."""

    def __init__(self) -> None:
        # The last body, its scan, its chunks and its number of lines.
        self._last: tuple[str, _Scan, list[Chunk], int] | None = None

    def split(self, body: str) -> tuple[list[Chunk], list[str] | None]:
        """``split_chunks``, but from the last body: only the lines from a little before
        the change up to where the chunks are as before again are scanned anew."""
        lines = body.split("\n")
        last = self._last
        found = _rescan(last[0], last[1], body, lines, last[3]) if last is not None else None
        if found is None:
            found = _scan(lines)
        elif found is last[1]:
            return last[2], None if found.risky else _definition_lines(found.definitions)
        # Chunks that did not change keep their very text objects: Python keeps a string's
        # hash, so finding them in the caches costs nothing however long they are. Those
        # before the change are the old list's start; after it, its end when no line was
        # added or removed (typing), else the same texts a few lines down.
        starts = [*found.starts, len(lines)]
        old = last[2] if last is not None else []
        chunks = old[: bisect.bisect_left(old, found.head_end, key=_START)]
        middle_from = bisect.bisect_left(starts, found.head_end)
        tail_from = len(starts) - 1
        if found.tail_start >= 0:
            tail_from = bisect.bisect_left(starts, found.tail_start + found.shift)
        chunks.extend(_made(lines, starts[middle_from : tail_from + 1]))
        if found.tail_start >= 0:
            old_tail = old[bisect.bisect_left(old, found.tail_start, key=_START) :]
            if found.shift == 0:
                chunks.extend(old_tail)
            else:
                texts = {chunk.start + found.shift: chunk.text for chunk in old_tail}
                for a, b in pairwise(starts[tail_from:]):
                    if b > a:
                        text = texts.get(a)
                        chunks.append(Chunk(a, "\n".join(lines[a:b]) if text is None else text))
        self._last = (body, found, chunks, len(lines))
        return chunks, None if found.risky else _definition_lines(found.definitions)
