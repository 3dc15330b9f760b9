"""Markdown syntax colouring for the editor: front matter, headings, emphasis, links, code."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

NORMAL, FRONT_MATTER, FENCE_BACKTICK, FENCE_TILDE = 0, 1, 2, 3

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s.*)?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_QUOTE = re.compile(r"^ {0,3}>.*$")
_LIST = re.compile(r"^\s*([-*+]|\d{1,9}[.)])(?=\s)")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_FRONT_KEY = re.compile(r"^([\w-]+)(\s*:)")
_INLINE_RULES = (
    ("code", re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")),
    ("strong", re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1")),
    ("emphasis", re.compile(r"(?<![*_\w])([*_])(?=[^\s*_]).*?(?<=[^\s*_])\1(?![*_\w])")),
    ("link_text", re.compile(r"!?\[[^\]\n]*\](?=[(\[])")),
    ("link_url", re.compile(r"(?<=\])(\([^)\n]*\)|\[[^\]\n]*\])")),
    ("link_url", re.compile(r"<?https?://[^\s>)]+>?")),
    ("html", re.compile(r"</?[A-Za-z][\w-]*(\s[^<>]*)?/?>|<!--.*?-->")),
)


def _format(color: str, *, bold: bool = False, italic: bool = False, mono: bool = False):
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFixedPitch(True)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = {
            "heading": _format("#1d4f91", bold=True),
            "quote": _format("#5b6470", italic=True),
            "list": _format("#b35900", bold=True),
            "rule": _format("#9aa3ad"),
            "code": _format("#8a3f8f", mono=True),
            "fence": _format("#8a3f8f"),
            "strong": _format("#1f2328", bold=True),
            "emphasis": _format("#1f2328", italic=True),
            "link_text": _format("#1a6fb3"),
            "link_url": _format("#6f7f8f"),
            "html": _format("#8a6d00"),
            "front_fence": _format("#9aa3ad"),
            "front_key": _format("#2e7d32", bold=True),
            "front_value": _format("#37474f"),
        }

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        previous = self.previousBlockState()
        block_number = self.currentBlock().blockNumber()
        self.setCurrentBlockState(NORMAL)

        if block_number == 0 and text.rstrip() == "---":
            self.setFormat(0, len(text), self.formats["front_fence"])
            self.setCurrentBlockState(FRONT_MATTER)
            return
        if previous == FRONT_MATTER:
            self._front_matter_line(text)
            return
        if previous in (FENCE_BACKTICK, FENCE_TILDE):
            self.setFormat(0, len(text), self.formats["code"])
            closing = "```" if previous == FENCE_BACKTICK else "~~~"
            if text.strip().startswith(closing) and not text.strip().strip(closing[0]):
                self.setFormat(0, len(text), self.formats["fence"])
            else:
                self.setCurrentBlockState(previous)
            return

        fence = _FENCE_OPEN.match(text)
        if fence:
            self.setFormat(0, len(text), self.formats["fence"])
            self.setCurrentBlockState(FENCE_BACKTICK if fence.group(1)[0] == "`" else FENCE_TILDE)
            return
        if _RULE.match(text):
            self.setFormat(0, len(text), self.formats["rule"])
            return
        if _HEADING.match(text) or (_SETEXT.match(text) and block_number > 0):
            self.setFormat(0, len(text), self.formats["heading"])
            return
        if text.startswith(("    ", "\t")) and not _LIST.match(text):
            self.setFormat(0, len(text), self.formats["code"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.formats["quote"])
        marker = _LIST.match(text)
        if marker:
            self.setFormat(marker.start(1), len(marker.group(1)), self.formats["list"])
        self._inline(text)

    def _front_matter_line(self, text: str) -> None:
        if text.rstrip() in ("---", "..."):
            self.setFormat(0, len(text), self.formats["front_fence"])
            return
        self.setCurrentBlockState(FRONT_MATTER)
        key = _FRONT_KEY.match(text)
        if key:
            self.setFormat(0, key.end(1), self.formats["front_key"])
            self.setFormat(key.end(), len(text) - key.end(), self.formats["front_value"])
        else:
            self.setFormat(0, len(text), self.formats["front_value"])

    def _inline(self, text: str) -> None:
        code_spans: list[tuple[int, int]] = []
        for name, pattern in _INLINE_RULES:
            for match in pattern.finditer(text):
                start, end = match.span()
                # Nothing inside a code span is Markdown.
                if name != "code" and any(a <= start < b for a, b in code_spans):
                    continue
                if name == "code":
                    code_spans.append((start, end))
                fmt = QTextCharFormat(self.format(start))
                fmt.merge(self.formats[name])
                self.setFormat(start, end - start, fmt)
