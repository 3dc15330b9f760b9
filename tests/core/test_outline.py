import re

from hypothesis import given, settings
from hypothesis import strategies as st

from smugdesk.core.outline import Heading, Outliner, outline


def test_outline_reads_atx_and_setext_headings_outside_code():
    text = (
        "---\ntitle: T\n# not a heading: front matter\n---\n"
        "# Intro\n\nText\n\n## Why video ##\n\n```\n# comment in code\n```\n"
        "Results\n-------\n\n### \n"
    )
    assert outline(text) == [
        Heading(1, "Intro", 4),
        Heading(2, "Why video", 8),
        Heading(2, "Results", 13),
        Heading(3, "", 16),
    ]


def test_a_list_item_then_dashes_is_not_a_heading():
    assert outline("- item\n---\n") == []


def _line_by_line(text: str) -> list[Heading]:
    """The outline as first written, a line at a time: the oracle for the faster one."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                start = index + 1
                break
    headings: list[Heading] = []
    fence = None
    for index in range(start, len(lines)):
        line = lines[index]
        if not fence and line[:1] not in "#=-`~ ":
            continue
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        opening = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if opening:
            fence = opening.group(1)[0] * 3
            continue
        atx = re.match(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", line)
        if atx:
            headings.append(Heading(len(atx.group(1)), (atx.group(2) or "").strip(), index))
            continue
        setext = re.match(r"^ {0,3}(=+|-+)[ \t]*$", line)
        previous = lines[index - 1] if index > start else ""
        if setext and previous.strip() and not previous.startswith(("    ", "\t", ">", "-")):
            if headings and headings[-1].line == index - 1:
                continue
            headings.append(Heading(1 if setext.group(1)[0] == "=" else 2, previous.strip(),
                                    index - 1))  # fmt: skip
    return headings


LINES = st.sampled_from(
    ["---", "...", "# Title", "## Two ##", "#", "   ### Indented", "    # code", "Text",
     "", "===", "---", "- item", "> quote", "```", "~~~", "  ```", "\t```", "\u3000```",
     "````python", "Setext", "\tTabbed", " ", "title: x", "\r", "-- ", "\x1c~~~", "- ",
     "-", "=", "#######", "#tag", "#\r", "   ~~~", "    ```", "== \t", "=-", "  -- "]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=25), st.sampled_from(["\n", "\n\n"]))
def test_the_outline_is_the_line_by_line_one(lines, glue):
    text = glue.join(lines)
    assert outline(text) == _line_by_line(text)


EDITS = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.integers(0, 3),
        st.sampled_from(["x", "#", "=", "\n", "-", "`", " ", ""]),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=20), EDITS)
def test_an_outline_found_again_after_each_edit_is_the_outline(lines, edits):
    text = "\n".join(lines)
    outliner = Outliner()
    assert outliner.outline(text) == outline(text)
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
        assert outliner.outline(text) == outline(text), text
