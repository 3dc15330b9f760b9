"""The outline of a post: its headings and the lines they are on (front matter included
in the count, so a line number is a line of the editor)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MAY_MATTER = frozenset("#=-`~ ")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 0-based line of the heading in the whole text


def outline(text: str) -> list[Heading]:
    lines = text.split("\n")
    start = 0
    if lines and lines[0].rstrip() == "---":  # skip the front matter
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                start = index + 1
                break
    headings: list[Heading] = []
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        if not fence and line[:1] not in _MAY_MATTER:
            continue  # most lines: prose, which no heading or fence starts with
        opening = _FENCE.match(line)
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        if opening:
            fence = opening.group(1)[0] * 3
            continue
        atx = _ATX.match(line)
        if atx:
            headings.append(Heading(len(atx.group(1)), (atx.group(2) or "").strip(), index))
            continue
        setext = _SETEXT.match(line)
        previous = lines[index - 1] if index > start else ""
        if setext and previous.strip() and not previous.startswith(("    ", "\t", ">", "-")):
            if headings and headings[-1].line == index - 1:
                continue
            level = 1 if setext.group(1)[0] == "=" else 2
            headings.append(Heading(level, previous.strip(), index - 1))
    return headings
