"""The Markdown editor: a plain-text editor with Markdown colouring and a writer's font."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QFont, QFontDatabase, QImage, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from smugdesk.core.assets import IMAGE_SUFFIXES
from smugdesk.core.links import BadUrlError, check_url, looks_like_url, markdown_link
from smugdesk.ui.highlighter import MarkdownHighlighter

# Given image files or PNG bytes, store them with the post and return the Markdown to insert
# (None when the writer cancelled or it failed, already explained to them).
ImageImporter = Callable[[list[Path] | bytes], str | None]


def _image_files(source: QMimeData) -> list[Path]:
    return [
        Path(url.toLocalFile())
        for url in source.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES
    ]


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


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
        self.image_importer: ImageImporter | None = None

    # Paste and drop: images are stored with the post, a URL over a selection makes a link.
    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt's name)
        if self.image_importer and (_image_files(source) or source.hasImage()):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        files = _image_files(source)
        if self.image_importer and files:
            self._insert_markdown(self.image_importer(files))
            return
        if self.image_importer and source.hasImage() and not source.hasText():
            image = QImage(source.imageData())
            if not image.isNull():
                self._insert_markdown(self.image_importer(_png_bytes(image)))
                return
        cursor = self.textCursor()
        text = source.text().strip()
        if cursor.hasSelection() and looks_like_url(text) and "\u2029" not in cursor.selectedText():
            try:
                url = check_url(text).url
            except BadUrlError:
                url = ""
            if url:
                cursor.insertText(markdown_link(cursor.selectedText(), url))
                return
        super().insertFromMimeData(source)

    def _insert_markdown(self, markdown: str | None) -> None:
        if markdown:
            self.textCursor().insertText(markdown)

    def insert_block(self, text: str) -> None:
        """Insert ``text`` as a paragraph of its own (a blank line before and after), after
        the paragraph the cursor is in: how embeds must stand to be recognised."""
        cursor = self.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        block = cursor.block()
        if block.text().strip():
            before = "\n\n"
        elif block.previous().isValid() and block.previous().text().strip():
            before = "\n"
        else:
            before = ""
        following = block.next()
        # The existing line break after this block supplies one newline of the blank line.
        after = "" if following.isValid() and not following.text().strip() else "\n"
        cursor.insertText(f"{before}{text}{after}")
        self.setTextCursor(cursor)

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
