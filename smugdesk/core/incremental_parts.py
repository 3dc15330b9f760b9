"""What an incremental render is made of (incremental.py): a chunk's render, the result
the preview is given, the document's definitions grouped for each chunk, and the test that
tells which chunks an edit left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smugdesk.core.chunking import Chunk

DATA_LINE = re.compile(r' data-line="(\d+)"')
FOOTNOTE_START = re.compile(r"[ ]{0,3}\[\^([^\]]*)\]:")  # Python-Markdown's own
FOOTNOTE_CALL = re.compile(r"\[\^([^\]]*)\]")
ATTRIBUTE_SPECIAL = frozenset("&<>\"'")  # a label written escaped in HTML: not renumbered


PENDING_PART = "<!--sd-pending-->"  # a chunk not rendered yet (compared by identity)


@dataclass
class Rendered:
    html: str  # data-line relative to the chunk; headings' ids are marks (sdh0x, sdh1x…)
    ids: tuple[str, ...]  # the ids written in it (attr_list, raw HTML, footnotes)
    refs: tuple[str, ...]  # footnote labels referenced, in order
    heads: tuple[str, ...] = ()  # the slug each marked heading starts from, in order
    # Its headings as toc lists them (level, id or mark, name, html, data-toc-label).
    toc: tuple[tuple, ...] = ()


PENDING = Rendered(PENDING_PART, (), ())


def same_ends(old: list, new: list) -> tuple[int, int]:
    """How many items at the start and at the end of ``new`` are the very ones of ``old``
    (cached renders are shared objects, so identity is the fast test)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] is new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] is new[-1 - end]:
        end += 1
    return start, end


def same_texts(old: list[Chunk], new: list[Chunk]) -> tuple[int, int]:
    """``same_ends`` for chunks, by their text (kept as the very object when unchanged,
    even where the chunk itself moved down a line)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start].text is new[start].text:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end].text is new[-1 - end].text:
        end += 1
    return start, end


@dataclass(frozen=True)
class Definitions:
    """The document's definition lines in groups: a footnote's lines with its label, every
    other definition (link, abbreviation) with the label None; and each footnote's number."""

    groups: tuple[tuple[str | None, str], ...]
    numbers: dict[str, int]

    @classmethod
    def of(cls, defs: str) -> Definitions:
        groups: list[list] = []
        for line in defs.split("\n"):
            footnote = FOOTNOTE_START.match(line)
            if footnote or (line.strip() and not line.startswith((" ", "\t"))):
                groups.append([footnote[1] if footnote else None, [line]])
            elif groups:
                groups[-1][1].append(line)  # a continuation, or the blank after
        labels = [label for label, _lines in groups if label is not None]
        numbers = {label: number for number, label in enumerate(labels, start=1)}
        return cls(tuple((label, "\n".join(lines)) for label, lines in groups), numbers)

    def for_text(self, text: str) -> str | None:
        """The definitions ``text`` can use: all but the footnotes it does not reference;
        None when its footnotes could not be renumbered by label."""
        if not self.numbers:
            return None
        called = set(FOOTNOTE_CALL.findall(text))
        if any(ATTRIBUTE_SPECIAL.intersection(label) for label in called):
            return None
        kept = [lines for label, lines in self.groups if label is None or label in called]
        return "\n\n".join(kept)


@dataclass
class Result:
    """``parts[i]`` is the HTML of the chunk starting at body line ``starts[i]`` (data-line
    relative to it); the footnote list, if any, is the last part (its start is -1)."""

    parts: list[str]
    starts: list[int]
    whole: bool = False  # rendered in one piece (a construct that cannot be cut)
    words: int = 0
    pending: int = 0  # parts still PENDING_PART (a slice of a first render)

    def html(self) -> str:
        """The body as a whole render gives it, data-line absolute."""
        out = []
        for part, start in zip(self.parts, self.starts, strict=True):
            if start > 0:
                part = DATA_LINE.sub(lambda m, s=start: f' data-line="{int(m[1]) + s}"', part)
            out.append(part)
        return "".join(out).strip()
