"""``data-line`` on each top-level block of the preview's HTML: the source line it starts on,
so the preview can follow the editor by line (and a double-click can find the source).

Python-Markdown does not keep line numbers. The root block parse is watched instead: before
each block processor runs, the lines still unparsed tell where it starts, and the top-level
elements it adds get that line. Preprocessors replace fenced code and raw HTML with one-line
placeholders, so those line numbers are mapped back onto the original text. Exporters never
use this: their HTML has no ``data-line``.
"""

from __future__ import annotations

import difflib
import re

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


def map_lines(original: list[str], processed: list[str]) -> list[int]:
    """For each processed line, the original line it came from. Unchanged lines are matched
    (longest runs first); a placeholder stands where its original lines began."""
    matcher = difflib.SequenceMatcher(
        None,
        [line.rstrip() for line in processed],
        [line.expandtabs(4).rstrip() for line in original],
        autojunk=False,
    )
    result = [0] * len(processed)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        for offset, i in enumerate(range(i1, i2)):
            result[i] = j1 + (offset if tag == "equal" else 0)
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
