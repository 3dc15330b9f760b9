"""The Markdown editor: a plain-text editor with Markdown colouring and a writer's font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from smugdesk.ui.highlighter import MarkdownHighlighter


class MarkdownEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 11))
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.document().setDocumentMargin(16)
        self.setAccessibleName(self.tr("Markdown editor"))
        self.setPlaceholderText(self.tr("Write your post in Markdown…"))
        self.highlighter = MarkdownHighlighter(self.document())

    def set_text_keep_view(self, text: str) -> None:
        """Replace the whole text, keeping the cursor and scroll position where they were."""
        position = self.textCursor().position()
        scroll = self.verticalScrollBar().value()
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)

    def place_cursor_after(self, marker: str) -> None:
        """Put the cursor right after the first ``marker`` (e.g. "title: " in a new post)."""
        found = self.document().find(marker)
        if not found.isNull():
            cursor = QTextCursor(found)
            cursor.clearSelection()
            self.setTextCursor(cursor)
