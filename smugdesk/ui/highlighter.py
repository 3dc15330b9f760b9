"""Markdown syntax colouring for the editor: front matter, headings, emphasis, links, code,
struck text, task boxes and math."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from smugdesk.core.spelling import Speller, prose_words

NORMAL, FRONT_MATTER, FENCE_BACKTICK, FENCE_TILDE, MATH_BLOCK = 0, 1, 2, 3, 4

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s.*)?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_QUOTE = re.compile(r"^ {0,3}>.*$")
_LIST = re.compile(r"^\s*([-*+]|\d{1,9}[.)])(?=\s)")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_FRONT_KEY = re.compile(r"^([\w-]+)(\s*:)")
_TASK_BOX = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(\[[ xX]\])(?=\s|$)")
# Display math opened by "$$" or "\[" alone at a line's start and closed on a later line.
_MATH_OPEN = re.compile(r"^ {0,3}(\$\$|\\\[)(?!.*(\$\$|\\\])\s*$)")
# Math as the renderer (pymdownx.arithmatex) reads it: $$…$$ and \(…\) on one line, and
# $…$ only when it hugs its text (so "$5 and $10" stays money).
_MATH = re.compile(
    r"\$\$(?:\\.|[^$\n])+?\$\$"
    r"|(?<![\\$])\$(?=\S)(?:\\.|[^$\n])*?(?<=[^\s\\])\$(?!\$)"
    r"|\\\((?:\\[^)]|[^\\\n])+?\\\)"
)
_STRUCK = re.compile(r"(?<!~)~~(?=[^\s~]).*?(?<=[^\s~])~~(?!~)")
_INLINE_RULES = (
    ("code", re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")),
    ("strong", re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1")),
    ("emphasis", re.compile(r"(?<![*_\w])([*_])(?=[^\s*_]).*?(?<=[^\s*_])\1(?![*_\w])")),
    ("link_text", re.compile(r"!?\[[^\]\n]*\](?=[(\[])")),
    ("link_url", re.compile(r"(?<=\])(\([^)\n]*\)|\[[^\]\n]*\])")),
    ("link_url", re.compile(r"<?https?://[^\s>)]+>?")),
    # A bare www. address, as the renderer links it (a sentence's last stop left out).
    ("link_url", re.compile(r"(?<![\w./@])www\.[^\s<>)]+?(?=[.,;:!?]*(?:\s|$))")),
    ("html", re.compile(r"</?[A-Za-z][\w-]*(\s[^<>]*)?/?>|<!--.*?-->")),
)


LIGHT = {
    "text": "#1f2328",
    "heading": "#1d4f91",
    "quote": "#5b6470",
    "list": "#b35900",
    "muted": "#9aa3ad",
    "code": "#8a3f8f",
    "link": "#1a6fb3",
    "url": "#6f7f8f",
    "html": "#8a6d00",
    "key": "#2e7d32",
    "value": "#37474f",
    "dimmed": "#c2c8cf",
    "math": "#0b6e4f",
}
DARK = {
    "text": "#e3e6ea",
    "heading": "#7fb8ff",
    "quote": "#a3acb8",
    "list": "#f0a860",
    "muted": "#6e7781",
    "code": "#d2a8ff",
    "link": "#6cb6ff",
    "url": "#8b98a5",
    "html": "#e3b341",
    "key": "#7ee787",
    "value": "#c9d1d9",
    "dimmed": "#4d5661",
    "math": "#56d4a4",
}


def _format(
    color: str, *, bold: bool = False, italic: bool = False, mono: bool = False, struck=False
):
    fmt = QTextCharFormat()
    if struck:
        fmt.setFontStrikeOut(True)
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFixedPitch(True)
    return fmt


# A long post is coloured from its top in slices after it is shown: colouring 100,000 words
# at once held the UI thread (and the first preview behind it) for 0.25-1.5 s.
DEFERRED = -2  # the state of a line past the frontier, not coloured yet
LAZY_FROM_CHARACTERS = 200_000
FIRST_LINES = 400  # coloured at once: the top of the post, its front matter
LINES_A_SLICE = 400  # about 5 ms of colouring
# A pause between slices: back to back, they kept the render thread from the interpreter and
# the first preview came later than with no slices at all (1.0 s instead of 0.65 s).
SLICE_PAUSE_MS = 10
FIRST_SLICE_AFTER_MS = 300  # the first preview's slice goes out first


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.focus_range: tuple[int, int] | None = None  # blocks not dimmed in focus mode
        self.speller: Speller | None = None
        self._math_spans: list[tuple[int, int]] = []  # of the line being coloured: not prose
        self.frontier: int | None = None  # lines from this number on are not coloured yet
        self._slices = QTimer(self)
        self._slices.setInterval(SLICE_PAUSE_MS)
        self._slices.timeout.connect(self._colour_a_slice)
        self.set_dark(False)

    def colour_lazily(self, lazily: bool) -> None:
        """Whether the text about to be set is coloured from its top in slices (a long
        post) or at once."""
        self.frontier = FIRST_LINES if lazily else None
        if lazily:
            self._slices.start(FIRST_SLICE_AFTER_MS)
        else:
            self._slices.stop()

    def _colour_a_slice(self) -> None:
        document = self.document()
        start = self.frontier
        if document is None or start is None or start >= document.blockCount():
            self.frontier = None
            self._slices.stop()
            return
        self.frontier = start + LINES_A_SLICE
        self._slices.setInterval(SLICE_PAUSE_MS)
        # Each line's state moves off DEFERRED, so Qt goes on line by line up to the
        # frontier, carrying fences and front matter over from the line before.
        self.rehighlightBlock(document.findBlockByNumber(start))

    def set_dark(self, dark: bool) -> None:
        """Colours that read well on the editor's background, light or dark."""
        colours = DARK if dark else LIGHT
        self.formats = {
            "heading": _format(colours["heading"], bold=True),
            "quote": _format(colours["quote"], italic=True),
            "list": _format(colours["list"], bold=True),
            "rule": _format(colours["muted"]),
            "code": _format(colours["code"], mono=True),
            "fence": _format(colours["code"]),
            "strong": _format(colours["text"], bold=True),
            "emphasis": _format(colours["text"], italic=True),
            "link_text": _format(colours["link"]),
            "link_url": _format(colours["url"]),
            "html": _format(colours["html"]),
            "front_fence": _format(colours["muted"]),
            "front_key": _format(colours["key"], bold=True),
            "front_value": _format(colours["value"]),
            "dimmed": _format(colours["dimmed"]),
            "struck": _format(colours["muted"], struck=True),
            "task": _format(colours["list"], bold=True, mono=True),
            "math": _format(colours["math"]),
        }
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if self.frontier is not None and self.currentBlock().blockNumber() >= self.frontier:
            self.setCurrentBlockState(DEFERRED)
            return
        if self._highlight(text) and self.speller is not None:
            self._underline_misspelled(text)
        focus = self.focus_range
        if focus is not None and not focus[0] <= self.currentBlock().blockNumber() <= focus[1]:
            # Focus mode: everything but the paragraph being written fades back.
            self.setFormat(0, len(text), self.formats["dimmed"])

    def _highlight(self, text: str) -> bool:
        """Colour one line; True when it is prose (worth spell checking)."""
        previous = self.previousBlockState()
        block_number = self.currentBlock().blockNumber()
        self.setCurrentBlockState(NORMAL)
        self._math_spans = []

        if block_number == 0 and text.rstrip() == "---":
            self.setFormat(0, len(text), self.formats["front_fence"])
            self.setCurrentBlockState(FRONT_MATTER)
            return False
        if previous == FRONT_MATTER:
            self._front_matter_line(text)
            return False
        if previous in (FENCE_BACKTICK, FENCE_TILDE):
            self.setFormat(0, len(text), self.formats["code"])
            closing = "```" if previous == FENCE_BACKTICK else "~~~"
            if text.strip().startswith(closing) and not text.strip().strip(closing[0]):
                self.setFormat(0, len(text), self.formats["fence"])
            else:
                self.setCurrentBlockState(previous)
            return False

        if previous == MATH_BLOCK:
            self.setFormat(0, len(text), self.formats["math"])
            stripped = text.strip()
            if not (stripped.endswith("$$") or stripped.endswith("\\]")):
                self.setCurrentBlockState(MATH_BLOCK)
            return False
        if _MATH_OPEN.match(text):
            self.setFormat(0, len(text), self.formats["math"])
            self.setCurrentBlockState(MATH_BLOCK)
            return False

        fence = _FENCE_OPEN.match(text)
        if fence:
            self.setFormat(0, len(text), self.formats["fence"])
            self.setCurrentBlockState(FENCE_BACKTICK if fence.group(1)[0] == "`" else FENCE_TILDE)
            return False
        if _RULE.match(text):
            self.setFormat(0, len(text), self.formats["rule"])
            return False
        if _HEADING.match(text) or (_SETEXT.match(text) and block_number > 0):
            self.setFormat(0, len(text), self.formats["heading"])
            return True
        if text.startswith(("    ", "\t")) and not _LIST.match(text):
            self.setFormat(0, len(text), self.formats["code"])
            return False
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.formats["quote"])
        marker = _LIST.match(text)
        if marker:
            self.setFormat(marker.start(1), len(marker.group(1)), self.formats["list"])
            box = _TASK_BOX.match(text)
            if box:
                self.setFormat(box.start(1), 3, self.formats["task"])
        self._inline(text)
        return True

    def _underline_misspelled(self, text: str) -> None:
        for start, end, word in prose_words(text):
            if any(a <= start < b for a, b in self._math_spans):
                continue  # TeX, not words
            if not self.speller.is_correct(word):
                fmt = QTextCharFormat(self.format(start))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                fmt.setUnderlineColor(QColor("#d1242f"))
                self.setFormat(start, end - start, fmt)

    def set_speller(self, speller: Speller | None) -> None:
        self.speller = speller
        self.rehighlight()

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
        code_spans: list[tuple[int, int]] = []  # nothing inside is Markdown
        for match in _INLINE_RULES[0][1].finditer(text):
            code_spans.append(match.span())
            self._merge(match.start(), match.end(), "code")
        for match in _MATH.finditer(text):
            start, end = match.span()
            if not any(a <= start < b for a, b in code_spans):
                self._math_spans.append((start, end))
                self._merge(start, end, "math")
        verbatim = code_spans + self._math_spans
        for name, pattern in (*_INLINE_RULES[1:], ("struck", _STRUCK)):
            for match in pattern.finditer(text):
                start, end = match.span()
                if not any(a <= start < b for a, b in verbatim):
                    self._merge(start, end, name)

    def _merge(self, start: int, end: int, name: str) -> None:
        fmt = QTextCharFormat(self.format(start))
        fmt.merge(self.formats[name])
        self.setFormat(start, end - start, fmt)
