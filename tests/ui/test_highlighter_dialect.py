"""The editor colours the dialect the preview renders: struck text is struck, task boxes
stand out like list markers, math is coloured as math (and nothing inside it as Markdown)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QTextDocument

from smugdesk.ui.highlighter import LIGHT, MarkdownHighlighter


class Look(NamedTuple):
    colour: str
    italic: bool
    struck: bool


def formats_of(qapp, text: str) -> list[list[tuple[int, int, Look]]]:
    document = QTextDocument()
    highlighter = MarkdownHighlighter(document)
    document.setPlainText(text)
    highlighter.rehighlight()
    lines = []
    block = document.begin()
    while block.isValid():
        lines.append(
            [
                (
                    r.start,
                    r.length,
                    Look(
                        r.format.foreground().color().name(),
                        r.format.fontItalic(),
                        r.format.fontStrikeOut(),
                    ),
                )
                for r in block.layout().formats()
            ]
        )
        block = block.next()
    return lines


def at(ranges, position: int):
    return next((fmt for start, length, fmt in ranges if start <= position < start + length), None)


def test_struck_text_is_struck_and_single_tildes_are_not(qapp):
    (line,) = formats_of(qapp, "Update: ~~12 beds~~ now 14, ~about~ that")
    assert at(line, 12).struck
    assert at(line, 29) is None or not at(line, 29).struck


def test_a_task_box_is_marked_like_the_list_marker(qapp):
    open_box, done = formats_of(qapp, "- [ ] buy film\n- [x] book the visit")
    for ranges in (open_box, done):
        box = at(ranges, 3)
        assert box is not None and box.colour == LIGHT["list"]
        assert at(ranges, 7) is None  # the text after it is prose


def test_math_spans_are_coloured_and_nothing_inside_is_markdown(qapp):
    (line,) = formats_of(qapp, "So $a_1 *b* c_2$ and \\(x\\) but $5 and $10.")
    math = at(line, 8)
    assert math is not None and math.colour == LIGHT["math"]
    assert not math.italic  # *b* inside math is not emphasis
    assert at(line, 22).colour == LIGHT["math"]  # \(x\)
    assert at(line, 31) is None  # money is not math


def test_a_display_math_block_is_coloured_to_its_closing_line(qapp):
    lines = formats_of(qapp, "$$\n\\frac{a}{b} *x*\n$$\n\nAfter *that*.")
    assert all(at(lines[i], 0).colour == LIGHT["math"] for i in range(3))
    assert at(lines[4], 7).italic  # the block ended: Markdown again


def test_a_bare_www_address_is_coloured_like_a_link_without_its_full_stop(qapp):
    (line,) = formats_of(qapp, "Details at www.example.org.")
    assert at(line, 11).colour == LIGHT["url"]
    assert at(line, 26) is None  # the sentence's full stop
