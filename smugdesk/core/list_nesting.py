"""Lists nest the way CommonMark, GitHub, Goldmark and the downloader write them: an item
indented to the text of the item above (two spaces under ``- ``, three under ``1. ``) is
inside it, and Python-Markdown's own four-space habit still nests too.

Python-Markdown nests only at four spaces. Rather than replace its list parser, each list
line is re-indented to the four-space levels it reads (no line is added or removed, so
source-line marks and chunking are unaffected); text and code under an item keep what
Python-Markdown made of them before. ``mdx_truly_sane_lists`` was tried and left out: it
makes four-space nesting plain text and splits a list with blank lines between its items
into several lists, which would change posts written the old way.

A list may also start on the line right under a paragraph, as in CommonMark (a bullet, or
an item numbered 1): "Things to bring:" then "- a pen" is a paragraph and a list.
"""

from __future__ import annotations

import re

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from smugdesk.core.raw_blocks import RAW_CLOSE, RAW_OPEN

_ITEM = re.compile(r"( *)([*+-]|\d+[.)])( +|$)")
_FENCE = re.compile(r"(~{3,}|`{3,})")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
# An item's text column is where its text starts, but Python-Markdown's own rule for what
# sits under an item is four columns from its marker: text and code under an item are
# measured from the farther of the two, so a post written four spaces deep reads as before.
_PM_INDENT = 4
# What a line outside a list must start with to matter here: blank, indented, a fence, a
# raw-HTML fence, a list marker or a heading.
_MAY_MATTER = frozenset(" \t`~<*+-#0123456789") | {""}


def renest(lines: list[str]) -> list[str]:
    """``lines`` with list lines re-indented to Python-Markdown's four-space levels."""
    out = list(lines)
    # Open items, outermost first: (marker column, text column).
    items: list[tuple[int, int]] = []
    blank_before = True
    fence = ""
    # The last line each possible closing fence stands on: does a fence opened here close?
    last_at = {line.rstrip(): n for n, line in enumerate(lines) if line[:1] in "`~<"}
    for n, raw in enumerate(lines):
        if fence:
            if raw.rstrip() == fence:
                fence = ""
            blank_before = False
            continue
        if not items and raw[:1] not in _MAY_MATTER:
            blank_before = False  # most lines: text outside any list
            continue
        if raw.rstrip() == RAW_OPEN:
            closing = RAW_CLOSE
        else:
            opening = _FENCE.match(raw)
            closing = opening.group(1) if opening else ""
        # Only a fence that closes is one (Python-Markdown's rule, and raw_blocks').
        if closing and last_at.get(closing, -1) > n:
            fence = closing
            items.clear()
            continue
        line = raw.expandtabs(4) if "\t" in raw else raw
        if not line.strip():
            blank_before = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        if item is not None and items and indent >= items[-1][1] + _PM_INDENT:
            item = None  # as deep as code under the item: not an item of its own
        if item is None and items:
            under = [i for i, (_marker, text) in enumerate(items) if indent >= text]
            if under:
                depth = under[-1]
                marker, text = items[depth]
                extra = max(0, indent - max(text, marker + _PM_INDENT))
                out[n] = " " * (_PM_INDENT * (depth + 1) + extra) + line[indent:]
                del items[depth + 1 :]
                blank_before = False
                continue
            if not blank_before:
                continue  # a lazy continuation of the last item: as typed
            items.clear()  # the list has ended
        starts = blank_before or INTERRUPTING.match(line)  # a list may start here
        if item is not None and (items or (indent < _PM_INDENT and starts)):
            while items and indent < items[-1][1]:
                items.pop()
            depth = len(items)
            marker_end = indent + len(item.group(2))
            text_column = marker_end + (1 if len(item.group(3)) > 4 else len(item.group(3)))
            items.append((indent, max(text_column, marker_end + 1)))
            out[n] = " " * (_PM_INDENT * depth) + line[indent:]
            blank_before = False
            continue
        # A heading ends its block: a list may follow at once.
        blank_before = bool(_HEADING.match(line))
    return out


class _Renest(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return renest(lines)


# What may start a list right under a paragraph line, as CommonMark has it: a bullet, or
# an ordered item numbered 1 ("1990. was a year" stays text), with text after the marker.
INTERRUPTING = re.compile(r"^ {0,3}(?:[*+-]|1[.)])[ ]+\S")
_LATER_ITEM = re.compile(r"\n {0,3}(?:[*+-]|1[.)])[ ]+\S")


class _ListAfterParagraph(BlockProcessor):
    """A list written on the line right under a paragraph ("Things to bring:" then "- a
    pen") is a list, as in CommonMark (Goldmark, kramdown, GitHub), not more paragraph
    text: the paragraph's lines are parsed alone, the list as the next block."""

    def test(self, parent, block: str) -> bool:
        # One search over the block: this runs for every paragraph.
        return _LATER_ITEM.search(block) is not None and not _ITEM.match(block)

    def run(self, parent, blocks: list[str]) -> None:
        block = blocks.pop(0)
        cut = _LATER_ITEM.search(block).start()
        blocks.insert(0, block[cut + 1 :])
        self.parser.parseBlocks(parent, [block[:cut]])


class ListNestingExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        # Before every other preprocessor (source_lines remembers the text at 1000): the line
        # count is kept, so the marks still match the writer's lines.
        md.preprocessors.register(_Renest(md), "smugdesk_list_nesting", 1010)
        # After quotes and reference definitions, just before a block becomes a paragraph.
        md.parser.blockprocessors.register(_ListAfterParagraph(md.parser), "smugdesk_list_cut", 12)
