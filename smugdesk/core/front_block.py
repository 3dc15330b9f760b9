"""Where a post's front matter block is, line by line, and whether it can be read: what
the editor needs to fold the block away behind the details form.

Lines are read lazily, so an editor can hand over its first few lines without copying a
whole manuscript on every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.post import MAX_FRONT_CHARS, read_post

_OPENING = "---"
_CLOSING = ("---", "...")


@dataclass(frozen=True)
class FrontBlock:
    """A front matter block: its last line (the closing fence, counted from 0 at the
    opening one), and its fields; ``problem`` says why it cannot be read (then it must stay
    in view, where the writer can mend it)."""

    closing_line: int
    fields: int
    problem: str = ""

    @property
    def readable(self) -> bool:
        return not self.problem


def front_block(lines: Iterable[str]) -> FrontBlock | None:
    """The front matter block at the start of ``lines``, or None when the text has none.
    An opened block that never closes (or is too long to be metadata) is returned with a
    problem and ``closing_line`` -1."""
    found = iter(lines)
    first = next(found, None)
    if first is None or first.rstrip() != _OPENING:
        return None
    inside: list[str] = []
    size = 0
    for number, line in enumerate(found, start=1):
        if line.rstrip() in _CLOSING:
            return _read("\n".join(inside), number)
        inside.append(line)
        size += len(line) + 1
        if size > MAX_FRONT_CHARS:
            return FrontBlock(-1, 0, "the front matter is too long to be metadata")
    return FrontBlock(-1, 0, "the front matter starts with --- but has no closing --- line")


@lru_cache(maxsize=16)  # asked on every keystroke in the front matter; it rarely changes
def _read(front: str, closing_line: int) -> FrontBlock:
    try:
        meta = read_post(f"---\n{front}\n---\n").meta
    except FrontMatterError as error:
        return FrontBlock(closing_line, 0, str(error))
    return FrontBlock(closing_line, len(meta))
