"""Paste and drop in the editor: image files and pasted pictures are stored with the post
(the window's importer) and their Markdown inserted; a URL pasted over a selection makes a
link; anything else is pasted as text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage

from smugdesk.core.assets import IMAGE_SUFFIXES
from smugdesk.core.links import BadUrlError, check_url, looks_like_url, markdown_link

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


class PasteAndDrop:
    """Mixed into the editor (a QPlainTextEdit) before its Qt class, whose paste it extends;
    it reads the editor's ``image_importer``."""

    image_importer: ImageImporter | None

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
