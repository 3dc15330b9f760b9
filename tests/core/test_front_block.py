"""Where the front matter block ends and whether it can be read: what the editor folds."""

from __future__ import annotations

from smugdesk.core.front_block import FrontBlock, front_block
from smugdesk.core.post import MAX_FRONT_CHARS


def lines(text: str) -> list[str]:
    return text.split("\n")


def test_a_block_and_its_fields():
    found = front_block(lines("---\ntitle: A\ntags: [x]\n# a comment\n---\n\nBody\n"))
    assert found == FrontBlock(closing_line=4, fields=2)
    assert found.readable
    assert front_block(lines("---\ntitle: A\n...\nBody")) == FrontBlock(2, 1)
    assert front_block(lines("---\n---\nBody")) == FrontBlock(1, 0)


def test_no_block_and_broken_ones():
    assert front_block(lines("Body only\n---\n")) is None
    assert front_block([]) is None
    unclosed = front_block(lines("---\ntitle: A\n\nBody\n"))
    assert unclosed is not None and not unclosed.readable and unclosed.closing_line == -1
    broken = front_block(lines("---\ntags: [x\n---\nBody"))
    assert broken is not None and not broken.readable and broken.closing_line == 2
    assert "YAML" in broken.problem
    listed = front_block(lines("---\n- a\n- b\n---\n"))
    assert listed is not None and not listed.readable


def test_the_lines_are_read_only_as_far_as_the_block():
    read = []

    def endless():
        yield "---"
        yield "title: A"
        yield "---"
        while True:
            read.append(1)
            yield "body"

    assert front_block(endless()) == FrontBlock(2, 1)
    assert read == []
    huge = ("x: " + "y" * 1000 for _ in range(MAX_FRONT_CHARS))
    too_long = front_block(iter(["---", *list(huge)[:100], "---"]))
    assert too_long is not None and "too long" in too_long.problem
