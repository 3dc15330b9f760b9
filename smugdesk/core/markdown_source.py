"""Rewriting Markdown source without rendering it: for exporters whose target renders
Markdown itself (Jekyll, Hugo, Pelican). Code blocks are never touched."""

from __future__ import annotations

import re
from collections.abc import Callable

from smugdesk.core.raw_blocks import RAW_CLOSE, RAW_OPEN

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# ![alt](target "title") and [text](target "title"); the target has no spaces or parentheses
# unless <bracketed>, as CommonMark allows.
_INLINE_TARGET = re.compile(r"(?P<head>!?\[(?:[^\[\]\\]|\\.)*\]\()(?P<target><[^>\n]*>|[^\s()]+)")
_REFERENCE = re.compile(r"^(?P<head> {0,3}\[[^\]\n]+\]:\s*)(?P<target><[^>\n]*>|\S+)", re.M)
_HTML_IMG = re.compile(r"""(?P<head><img\b[^>]*?\bsrc\s*=\s*(["']))(?P<target>.*?)\2""", re.I)
_URL_LINE = re.compile(r"^<?(https?://[^\s<>]+?)>?$", re.IGNORECASE)


def _segments(text: str) -> list[tuple[bool, str]]:
    """(is_code, text) runs: fenced and indented code blocks are code."""
    segments: list[tuple[bool, list[str]]] = []
    fence: str | None = None
    previous_blank = True
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            code = True
        elif fence is not None:
            code = True
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        else:
            indented = (line.startswith(("    ", "\t")) and previous_blank) or (
                line.startswith(("    ", "\t")) and segments and segments[-1][0]
            )
            code = bool(indented and line.strip())
        if segments and segments[-1][0] == code:
            segments[-1][1].append(line)
        else:
            segments.append((code, [line]))
        previous_blank = not line.strip() or (code and not fence)
    return [(code, "\n".join(lines)) for code, lines in segments]


def _join(segments: list[tuple[bool, str]]) -> str:
    return "\n".join(text for _, text in segments)


def rewrite_targets(text: str, rewrite: Callable[[str, bool], str | None]) -> str:
    """Rewrite every link and image target outside code. ``rewrite(target, is_image)``
    returns the new target, or None to keep it."""

    def apply(match: re.Match, is_image: bool) -> str:
        target = match.group("target")
        bare = target[1:-1] if target.startswith("<") and target.endswith(">") else target
        new = rewrite(bare, is_image)
        if new is None:
            return match.group(0)
        return match.group(0).replace(target, new, 1)

    def prose(part: str) -> str:
        part = _INLINE_TARGET.sub(lambda m: apply(m, m.group("head").startswith("!")), part)
        part = _REFERENCE.sub(lambda m: apply(m, False), part)
        return _HTML_IMG.sub(lambda m: apply(m, True), part)

    return _join([(code, part if code else prose(part)) for code, part in _segments(text)])


def replace_url_paragraphs(text: str, replace: Callable[[str], str | None]) -> str:
    """Replace each paragraph that is only a URL (outside code and verbatim HTML fences) by
    ``replace(url)``, unless it returns None."""
    if RAW_OPEN in text:
        # A fence holds a blog's HTML exactly as it was: a URL line in it is the blog's.
        parts = re.split(f"^({re.escape(RAW_OPEN)}\n.*?^{re.escape(RAW_CLOSE)})$", text,
                         flags=re.M | re.S)  # fmt: skip
        return "".join(
            part if i % 2 else _replace_url_paragraphs(part, replace)
            for i, part in enumerate(parts)
        )
    return _replace_url_paragraphs(text, replace)


def _replace_url_paragraphs(text: str, replace: Callable[[str], str | None]) -> str:
    out = []
    for code, part in _segments(text):
        if code:
            out.append((code, part))
            continue
        lines = part.split("\n")
        for index, line in enumerate(lines):
            match = _URL_LINE.match(line.strip()) if line == line.lstrip() else None
            alone = (index == 0 or not lines[index - 1].strip()) and (
                index == len(lines) - 1 or not lines[index + 1].strip()
            )
            if match and alone:
                new = replace(match.group(1))
                if new is not None:
                    lines[index] = new
        out.append((code, "\n".join(lines)))
    return _join(out)
