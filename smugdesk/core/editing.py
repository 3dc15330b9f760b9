"""Markdown editing aids as pure text functions: the editor widget only applies them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LIST_ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[-*+]|(?P<number>\d{1,9})(?P<delim>[.)]))"
    r"(?P<space>\s+)(?P<task>\[[ xX]\]\s+)?"
)
_QUOTE = re.compile(r"^(?P<prefix>\s*(?:>\s?)+)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+|$)")
INDENT = "    "  # four spaces: nests a list item under any marker in every Markdown flavour


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``, then select ``select`` (absolute)."""

    start: int
    end: int
    replacement: str
    select: tuple[int, int]


def toggle_wrap(text: str, start: int, end: int, marker: str) -> Edit:
    """Ctrl+B / Ctrl+I: add ``marker`` around the selection, or remove it when already there
    (inside the selection or just around it). With no selection, the word at the cursor."""
    if start == end:
        start, end = _word_at(text, start)
    size = len(marker)
    inner = text[start:end]
    wrapped_inside = len(inner) >= 2 * size and inner.startswith(marker) and inner.endswith(marker)
    if wrapped_inside and not _is_other_marker(inner, marker):
        stripped = inner[size:-size]
        return Edit(start, end, stripped, (start, start + len(stripped)))
    before, after = text[max(0, start - size) : start], text[end : end + size]
    if (
        before == marker
        and after == marker
        and not _doubled(text, start - size, end + size, marker)
    ):
        return Edit(start - size, end + size, inner, (start - size, end - size))
    wrapped = f"{marker}{inner}{marker}"
    return Edit(start, end, wrapped, (start + size, end + size))


def _is_other_marker(inner: str, marker: str) -> bool:
    """``**bold**`` is not italic: toggling ``*`` must not strip one star of ``**``."""
    return len(marker) == 1 and inner.startswith(marker * 2) and not inner.startswith(marker * 3)


def _doubled(text: str, outer_start: int, outer_end: int, marker: str) -> bool:
    if len(marker) != 1:
        return False
    before = text[outer_start - 1 : outer_start] if outer_start > 0 else ""
    return (
        before == marker
        and text[outer_end : outer_end + 1] == marker
        and text[outer_start - 2 : outer_start - 1] != marker
    )


def _word_at(text: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-_"):
        start -= 1
    end = position
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-_"):
        end += 1
    return start, end


def continue_block(line: str) -> str | None:
    """What Enter should start the next line with after ``line`` (the part before the
    cursor): the next list marker or the quote prefix. "" ends an empty item or quote
    (the caller removes the marker); None means an ordinary new line."""
    item = _LIST_ITEM.match(line)
    if item:
        if not line[item.end() :].strip():
            return ""
        marker = item.group("marker")
        if item.group("number"):
            marker = f"{int(item.group('number')) + 1}{item.group('delim')}"
        task = "[ ] " if item.group("task") else ""
        return f"{item.group('indent')}{marker}{item.group('space')}{task}"
    quote = _QUOTE.match(line)
    if quote:
        if not line[quote.end() :].strip():
            return ""
        prefix = quote.group("prefix")
        return prefix if prefix.endswith(" ") else prefix + " "
    return None


def is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None


def indent_line(line: str) -> str:
    return INDENT + line


def outdent_line(line: str) -> str:
    if line.startswith("\t"):
        return line[1:]
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, len(INDENT)) :]


def set_heading(line: str, level: int) -> str:
    """Ctrl+1…6: make the line a heading of ``level`` (0: plain paragraph again); pressing
    the same level twice turns the heading off."""
    body = _HEADING.sub("", line, count=1) if _HEADING.match(line) else line.lstrip()
    current = len(line.lstrip()) - len(line.lstrip().lstrip("#")) if _HEADING.match(line) else 0
    if level == 0 or level == current:
        return body
    return f"{'#' * level} {body}"


PAIRS = {"(": ")", "[": "]", "{": "}", "`": "`"}


def auto_pair(text: str, position: int, typed: str) -> str | None:
    """The closing character to insert after ``typed``, or None. Pairs only when the next
    character is a space, a closer or the end, so typing inside a word stays plain."""
    closer = PAIRS.get(typed)
    if closer is None:
        return None
    following = text[position : position + 1]
    if following and not following.isspace() and following not in ")]}`":
        return None
    if typed == "`" and text[max(0, position - 1) : position] == "`":
        return None  # building a ``` fence: leave the writer alone
    return closer
