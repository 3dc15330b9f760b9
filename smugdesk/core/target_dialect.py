"""Where a target site will render a post differently from the preview, found in the
Markdown: each a place in the body and a sentence for the writer ("Hugo will render this
list differently: ..."). The differences are the ones the real generators were seen to
make on ordinary posts (tests/integration/test_target_parity.py keeps this list honest);
raw HTML that Hugo drops is the check's own ``raw-html`` finding, not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from smugdesk.core.list_nesting import INTERRUPTING as _INTERRUPTING

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^( *)(?:[*+-]|\d+[.)])[ ]+(?:\[[ xX]\][ ]+)?")
_TASK = re.compile(r"^ *(?:[*+-]|\d+[.)])[ ]+\[[ xX]\](?=[ ])")
_BARE_URL = re.compile(r"(?<![(<\[\"'=\w/])(?:https?://|www\.)[^\s<>()\[\]]+")
_STRUCK = re.compile(r"(?<!~)~~(?=\S).+?(?<=\S)~~(?!~)")
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])(?:\\.|[^\\$\n])+?(?<![\s\\])\$(?!\$)")
_DISPLAY_MATH = re.compile(r"\$\$.+?\$\$")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")

NAMES = {"hugo": "Hugo", "jekyll": "Jekyll", "pelican": "Pelican"}
TARGETS = tuple(NAMES)


class Difference(NamedTuple):
    offset: int  # in the body
    length: int
    code: str  # a stable name: "list-after-paragraph", ...
    message: str


def differences(body: str, target: str) -> list[Difference]:
    """What ``target`` (hugo, jekyll or pelican) renders differently from the preview."""
    if target not in NAMES:
        return []
    return sorted(_scan(body, target, NAMES[target]))


def _lines(body: str) -> Iterator[tuple[int, str, str | None]]:
    """(offset, line, the line before or None after a blank) outside fenced code."""
    offset = 0
    fence = ""
    before: str | None = None
    for line in body.split("\n"):
        here = offset
        offset += len(line) + 1
        if fence:
            if line.strip() == fence:
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            before = None
            continue
        yield here, line, before
        before = line if line.strip() else None


def _scan(body: str, target: str, name: str) -> Iterator[Difference]:
    in_list = False
    list_start = -1
    blank_inside = False
    loose_reported = False
    in_display = False
    tight = False
    for offset, line, before in _lines(body):
        item = _ITEM.match(line)
        if not line.strip():
            if in_list:
                blank_inside = True
            continue
        if (
            _INTERRUPTING.match(line)
            and not in_list
            and before is not None
            and not before.lstrip().startswith(("#", ">", "|", "<"))
            and target == "pelican"
        ):
            yield Difference(
                offset, len(line), "list-after-paragraph",
                f"{name} will show this list as paragraph text: put a blank line before it",
            )  # fmt: skip
        if item:
            if not in_list:
                in_list, list_start, blank_inside, loose_reported = True, offset, False, False
                tight = False
            elif before is not None:
                tight = True  # two items with no blank line between them
            # Some items apart and some together: CommonMark makes every item loose.
            if tight and blank_inside and not loose_reported and target in ("hugo", "jekyll"):
                loose_reported = True
                yield Difference(
                    list_start, offset + len(line) - list_start, "partly-loose-list",
                    f"{name} will space this list's items differently: a blank line"
                    " between some items only",
                )  # fmt: skip
            if target == "pelican" and _TASK.match(line):
                yield Difference(
                    offset, len(line), "task-box",
                    "Pelican will show [ ] as text unless the site adds pymdownx.tasklist",
                )  # fmt: skip
        elif before is None and not line.startswith((" ", "\t")):
            in_list = False
        if line.strip() == "$$":
            in_display = not in_display
            if in_display:
                yield _math(offset, line, name, target)
            continue
        if in_display or _DEFINITION.match(line):
            continue
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        yield from _inline(text, offset, target, name)


def _inline(text: str, offset: int, target: str, name: str) -> Iterator[Difference]:
    if target in ("jekyll", "pelican"):
        for match in _BARE_URL.finditer(text):
            yield Difference(
                offset + match.start(), len(match.group(0)), "bare-address",
                f"{name} will show this address as text, not a link: write <https://…>",
            )  # fmt: skip
    if target == "hugo":
        for match in _BARE_URL.finditer(text):
            if match.group(0).startswith("www."):
                yield Difference(
                    offset + match.start(), len(match.group(0)), "www-scheme",
                    "Hugo will link this address with https://, the preview with http://",
                )  # fmt: skip
    if target == "pelican":
        for match in _STRUCK.finditer(text):
            yield Difference(
                offset + match.start(), len(match.group(0)), "strikethrough",
                "Pelican will show ~~ as text unless the site adds pymdownx.tilde",
            )  # fmt: skip
    for pattern in (_DISPLAY_MATH, _INLINE_MATH):
        for match in pattern.finditer(text):
            yield _math(offset + match.start(), match.group(0), name, target)
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)


def _math(offset: int, source: str, name: str, target: str) -> Difference:
    return Difference(
        offset, len(source), "math",
        f"{name} will show this math as TeX unless the site has its own math set-up"
        + (" (or export with the mathml option)" if target != "pelican" else ""),
    )  # fmt: skip
