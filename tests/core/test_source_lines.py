"""The preview's source-line marks: right lines, and otherwise the very same HTML."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from smugdesk.core.render import Renderer

DOC = """# Title

Para one
continues.

```python
a = 1

b = 2
```

- item
- item two

<div>
raw
</div>

## Second

Last para[^1].

[^1]: note
"""


def marks(html: str) -> list[tuple[str, int]]:
    return [(tag, int(line)) for tag, line in re.findall(r'<(\w+)[^>]*data-line="(\d+)"', html)]


def unmarked(html: str) -> str:
    return re.sub(r' data-line="\d+"', "", html)


def test_blocks_carry_the_line_they_start_on():
    html = Renderer(source_lines=True).render(DOC)
    assert marks(html) == [("h1", 0), ("p", 2), ("ul", 11), ("h2", 18), ("p", 20)]
    # Fenced code and raw HTML stay exactly as without marks (their stash needs a bare <p>).
    assert "<p><div" not in html and "<p data-line" in html


def test_exports_have_no_marks():
    assert "data-line" not in Renderer().render(DOC)


_block = st.sampled_from(
    [
        "# Heading",
        "Some *text* here.",
        "> quote\nlazy",
        "- a\n- b",
        "1. one\n\n2. two",
        "```\ncode\n\nmore\n```",
        "    indented code",
        "<div>\nraw\n</div>",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Term\n: definition",
        "Footnote[^n].\n\n[^n]: the note",
        "https://youtu.be/dQw4w9WgXcQ",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_block, min_size=1, max_size=10))
def test_marks_never_change_the_html_and_lines_point_at_their_block(blocks):
    text = "\n\n".join(blocks)
    html = Renderer(source_lines=True).render(text)
    assert unmarked(html) == Renderer().render(text)
    lines = text.split("\n")
    for _tag, line in marks(html):
        assert 0 <= line < len(lines)
        assert lines[line].strip(), (line, text)  # a block starts on a line with text
