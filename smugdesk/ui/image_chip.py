"""The "Image details…" chip: with the caret in an image's markup, a small button drawn after
it opens that image's alt text, caption, alignment and size (also on a double click); OK
rewrites only its markup, as one undo step. Kept beside the editor, which calls it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QPainter, QPalette, QTextCursor

from smugdesk.core.image_markup import ImageMarkup, image_at

if TYPE_CHECKING:
    from smugdesk.ui.editor import MarkdownEditor


def _utf16(text: str) -> int:
    """The length of ``text`` in Qt's positions (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def _column(text: str, qt_column: int) -> int:
    """A Qt position in a line as an index into the Python string."""
    units = 0
    for index, character in enumerate(text):
        if units >= qt_column:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text)


class ImageChip:
    def __init__(self, editor: MarkdownEditor) -> None:
        self.editor = editor
        self._shown = QRectF()

    @staticmethod
    def text() -> str:
        return QCoreApplication.translate("MarkdownEditor", "Image details…")

    def moved(self) -> None:
        """The caret moved: repaint where the chip was and where it is now."""
        chip = self.rect()
        if chip != self._shown:
            area = self._shown.united(chip).toAlignedRect().adjusted(-2, -2, 2, 2)
            self.editor.viewport().update(area)
            self._shown = chip

    def at(self, position: int | None = None) -> tuple[int, ImageMarkup] | None:
        """The image whose markup holds ``position`` (the caret's by default), with the
        position its line starts at."""
        cursor = self.editor.textCursor()
        if position is not None:
            cursor.setPosition(position)
        block = cursor.block()
        found = image_at(block.text(), _column(block.text(), cursor.positionInBlock()))
        return (block.position(), found) if found else None

    def edit(self, position: int | None = None) -> bool:
        """Show the details of the image at ``position`` (the caret's); OK rewrites its
        markup as one undo step. False when there is no image there or it was cancelled."""
        from smugdesk.ui.dialogs.image import ImageDialog

        held = self.at(position)
        if held is None:
            return False
        line_start, image = held
        editor = self.editor
        folder = editor.post_folder
        local = None
        if folder is not None and "://" not in image.src and not image.src.startswith("/"):
            local = folder / image.src
        dialog = ImageDialog(
            editor,
            start_folder=folder or Path.home(),
            file=local if local and local.is_file() else None,
            details=image,
        )
        if dialog.exec() != dialog.DialogCode.Accepted:
            return False
        new = dialog.details_markdown()
        text = editor.document().findBlock(line_start).text()
        start = line_start + _utf16(text[: image.start])
        end = line_start + _utf16(text[: image.end])
        if new != text[image.start : image.end]:
            after = start + _utf16(new)
            editor._apply(start, end, new, after, after)
        return True

    def rect(self) -> QRectF:
        """Where the chip is drawn, after the markup the caret is in (empty when the caret
        is in none)."""
        editor = self.editor
        held = self.at()
        if held is None or editor.textCursor().hasSelection():
            return QRectF()
        line_start, image = held
        text = editor.document().findBlock(line_start).text()
        end = QTextCursor(editor.document())
        end.setPosition(line_start + _utf16(text[: image.end]))
        spot = editor.cursorRect(end)
        width = QFontMetricsF(QGuiApplication.font()).horizontalAdvance(self.text()) + 16
        # After the markup, or against the right edge when the markup ends near it (the
        # chip then covers the line's end rather than being out of sight).
        left = min(spot.right() + 8, editor.viewport().width() - width - 4)
        return QRectF(max(0, left), spot.top(), width, spot.height())

    def paint(self, painter: QPainter) -> None:
        chip = self.rect()
        if chip.isEmpty():
            return
        palette = self.editor.palette()
        painter.setFont(QGuiApplication.font())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(chip.adjusted(0, 1, 0, -1), 6, 6)
        painter.setPen(palette.color(QPalette.ColorRole.Link))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, self.text())
