"""``data-line`` on each top-level block of the preview's HTML: the source line it starts on,
so the preview can follow the editor by line (and a double-click can find the source).

Python-Markdown does not keep line numbers. The root block parse is watched instead: before
each block processor runs, the lines still unparsed tell where it starts, and the top-level
elements it adds get that line. Preprocessors replace fenced code and raw HTML with one-line
placeholders, so those line numbers are mapped back onto the original text. Exporters never
use this: their HTML has no ``data-line``.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

ATTRIBUTE = "data-line"
_PLACEHOLDER = re.compile(r"\s*\x02wzxhzdk:\d+\x03\s*")


class _CountingBlocks(list):
    """The parser's block list, knowing how many newlines it still holds without
    re-counting (processors take from the front and put remainders back there)."""

    def __init__(self, blocks: list[str]) -> None:
        super().__init__(blocks)
        self.inner = sum(block.count("\n") for block in blocks)

    @property
    def newlines(self) -> int:
        return self.inner + 2 * max(0, len(self) - 1)  # blocks were split on "\n\n"

    def pop(self, index: int = -1) -> str:
        value = super().pop(index)
        self.inner -= value.count("\n")
        return value

    def insert(self, index: int, value: str) -> None:
        super().insert(index, value)
        self.inner += value.count("\n")

    def __setitem__(self, index, value) -> None:
        super().__setitem__(index, value)
        self.inner = sum(block.count("\n") for block in self)  # rare: recount

    def __delitem__(self, index) -> None:
        super().__delitem__(index)
        self.inner = sum(block.count("\n") for block in self)

    def append(self, value: str) -> None:
        super().append(value)
        self.inner += value.count("\n")

    def extend(self, values) -> None:
        values = list(values)
        super().extend(values)
        self.inner += sum(value.count("\n") for value in values)


_FENCE = re.compile(r"(~{3,}|`{3,})")


def map_lines(original: list[str], processed: list[str]) -> list[int]:
    """For each processed line, the original line it came from.

    Preprocessing only swaps fenced code and raw HTML for one-line placeholders (with blank
    lines around them) and normalizes whitespace, so the lines are aligned under exactly
    those rules: a text line is the next non-blank original line, and only a placeholder may
    skip text (the lines it stands for). A plain diff is not enough: it pairs the longest
    runs first, and repeated lines (a heading used twice) then pair with the wrong copy."""
    source = [line.expandtabs(4).rstrip() for line in original]
    lines = [line.rstrip() for line in processed]
    found = _align(source, lines)
    return found if found is not None else _diff(source, lines)


def _align(source: list[str], lines: list[str]) -> list[int] | None:
    """The alignment under preprocessing's rules, or None when the lines were changed some
    other way. Where code repeats the text after it, the earliest fit is tried first and
    given up when the rest of the document cannot follow it."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    text_at = [j for j, line in enumerate(source) if line.strip()]
    if not items or not text_at:
        return None
    where: dict[str, list[int]] = {}
    for j in text_at:
        where.setdefault(source[j], []).append(j)
    placeholder = [bool(_PLACEHOLDER.fullmatch(lines[i])) for i in items]

    def fits_region(start: int, end: int) -> bool:
        # What a placeholder can stand for: a fenced block, ending on its own fence, or raw
        # HTML, ending on a tag unless it runs to the end of the text (an unclosed tag).
        last = text_at[bisect.bisect_left(text_at, end) - 1]
        opening = _FENCE.match(source[start])
        if opening is not None:
            return last > start and source[last] == opening.group(1)
        if source[start].lstrip().startswith("<"):
            return source[last].endswith(">") or end == len(source)
        return False

    def options(k: int, after: int, region: int) -> Iterator[int]:
        # The original lines item k may start on: the next text line, or, after a
        # placeholder, any later one that fits (the placeholder's lines come between).
        pool = text_at if placeholder[k] else where.get(lines[items[k]], [])
        first = bisect.bisect_left(pool, after)
        if region < 0:
            nearest = bisect.bisect_left(text_at, after)
            if first < len(pool) and nearest < len(text_at) and pool[first] == text_at[nearest]:
                return iter((pool[first],))
            return iter(())
        return (pool[i] for i in range(first, len(pool)) if fits_region(region, pool[i]))

    failed: set[tuple[int, int, int]] = set()
    placed: list[int] = []
    # Depth first with an explicit stack (a long post is deeper than Python's recursion):
    # (item, first free original line, start of the open placeholder region or -1, choices).
    stack: list[tuple[int, int, int, Iterator[int]]] = []
    k, after, region = 0, 0, -1
    while True:
        if k == len(items):
            unplaced = bisect.bisect_left(text_at, after) < len(text_at)
            if not unplaced or (region >= 0 and fits_region(region, len(source))):
                break
            choices: Iterator[int] = iter(())
        elif (k, after, region) in failed:
            choices = iter(())
        else:
            choices = options(k, after, region)
        stack.append((k, after, region, choices))
        placed.append(-1)
        while stack:
            k, after, region, choices = stack[-1]
            j = next(choices, None)
            placed.pop()
            if j is not None:
                placed.append(j)
                k, after, region = k + 1, j + 1, (j if placeholder[k] else -1)
                break
            failed.add((k, after, region))
            stack.pop()
        else:
            return None
    # Blank lines belong to what follows them (a block is marked where its text starts).
    result = [0] * len(lines)
    following = placed[-1]
    position = len(placed) - 1
    for i in range(len(lines) - 1, -1, -1):
        if position >= 0 and items[position] == i:
            following = placed[position]
            position -= 1
        result[i] = following
    return result


def _diff(source: list[str], lines: list[str]) -> list[int]:
    """The fallback for text changed in unforeseen ways: unchanged lines matched, longest
    runs first; a placeholder stands where its original lines began."""
    matcher = difflib.SequenceMatcher(None, lines, source, autojunk=False)
    result = [0] * len(lines)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        for offset, i in enumerate(range(i1, i2)):
            result[i] = min(j1 + (offset if tag == "equal" else 0), max(len(source) - 1, 0))
    return result


class SourceLineExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        parser = md.parser
        parse_document = parser.parseDocument
        parse_blocks = parser.parseBlocks
        state: dict = {}

        class Remember(Preprocessor):
            def run(self, lines: list[str]) -> list[str]:
                state["original"] = list(lines)
                return lines

        # Before every other preprocessor, to see the text as the writer typed it.
        md.preprocessors.register(Remember(md), "smugdesk_source_lines", 1000)

        def document(lines):
            state["processed"] = list(lines)
            return parse_document(state["processed"])

        def blocks_of(parent, blocks):
            if parent is not getattr(parser, "root", None) or "processed" not in state:
                return parse_blocks(parent, blocks)
            processed = state.pop("processed")
            mapping = map_lines(state.pop("original", processed), processed)
            blocks = _CountingBlocks(blocks)
            total = blocks.newlines
            while blocks:
                before = len(parent)
                start = total - blocks.newlines
                for processor in parser.blockprocessors:
                    if processor.test(parent, blocks[0]) and (
                        processor.run(parent, blocks) is not False
                    ):
                        break
                line = mapping[min(start, len(mapping) - 1)] if mapping else start
                for element in list(parent)[before:]:
                    # A paragraph that only holds stashed raw HTML or code must stay a bare
                    # <p>: the stash is put back only into exactly "<p>placeholder</p>".
                    if not (element.tag == "p" and _PLACEHOLDER.fullmatch(element.text or "")):
                        element.set(ATTRIBUTE, str(line))
            return None

        parser.parseDocument = document
        parser.parseBlocks = blocks_of
