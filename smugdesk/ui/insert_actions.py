"""Insert → Link, Image, Embed, and opening a linked draft from the preview."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from smugdesk.core.assets import (
    ImageError,
    assets_dir,
    import_image_bytes,
    import_image_file,
    suggest_alt_text,
)
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.links import markdown_image

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class Inserting(QObject):
    """Puts links, images and embeds into the shown post's editor, stores images beside the
    post (asking to save it first), and opens a draft linked from the preview. Reads the
    window's shown post and drafts folder; saves and opens through the window. The dialogs
    are imported when first asked for: the window's first paint does not wait."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def insert_link(self) -> None:
        from smugdesk.core.drafts import list_drafts
        from smugdesk.ui.dialogs.link import LinkDialog

        cursor = self.window.editor.textCursor()
        dialog = LinkDialog(
            self.window,
            selected_text=cursor.selectedText().replace("\u2029", " "),
            clipboard_text=QApplication.clipboard().text(),
            list_drafts=lambda: list_drafts(self.window.drafts, exclude=self.window.file.path),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.editor.textCursor().insertText(dialog.markdown())

    def insert_embed(self) -> None:
        from smugdesk.ui.dialogs.embed import EmbedDialog

        dialog = EmbedDialog(self.window, clipboard_text=QApplication.clipboard().text())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.editor.insert_block(dialog.markdown())

    def insert_image(self) -> None:
        from smugdesk.ui.dialogs.image import ImageDialog

        path = self.window.file.path
        start = path.parent if path else self.window.drafts
        dialog = ImageDialog(
            self.window, start_folder=start, assets=assets_dir(path) if path else None
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        source, _alt, _title = dialog.chosen()
        own = dialog.reused_path()  # already in the post's assets: used again, not copied
        if own is not None and path is not None:
            relative = own.relative_to(path.parent).as_posix()
        else:
            relative = self._store_image(source)
        if not relative:
            return
        cursor = self.window.editor.textCursor()
        markup = dialog.markdown(relative)
        if dialog.is_figure():  # a caption, alignment or width: a paragraph of its own
            line = cursor.block().text()
            at = cursor.positionInBlock()
            markup = ("\n\n" if line[:at].strip() else "") + markup
            markup += "\n\n" if line[at:].strip() else ""
        cursor.insertText(markup)

    def import_images(self, sources: list[Path] | bytes) -> str | None:
        """Store dropped or pasted images with the post; the Markdown for them, or None."""
        items = [sources] if isinstance(sources, bytes) else sources
        stored = []
        for item in items:
            relative = self._store_image(item)
            if relative:
                alt = "" if isinstance(item, bytes) else suggest_alt_text(item.name)
                stored.append(markdown_image(alt, relative))
        return "\n\n".join(stored) or None

    def _store_image(self, source: Path | bytes) -> str | None:
        if self.window.file.path is None:
            answer = QMessageBox.question(
                self.window,
                self.tr("Save the post first"),
                self.tr("Images are kept in a folder beside the post. Save the post now?"),
            )
            if answer != QMessageBox.StandardButton.Yes or not self.window.save():
                return None
        try:
            if isinstance(source, bytes):
                return import_image_bytes(source, self.window.file.path)
            return import_image_file(source, self.window.file.path)
        except (ImageError, SmugdeskError) as error:
            QMessageBox.warning(self.window, self.tr("Image not added"), str(error))
            return None

    def open_post_link(self, slug: str) -> None:
        """A click on a link to another draft in the preview opens that draft."""
        from smugdesk.core.drafts import path_for_slug

        path = path_for_slug(self.window.drafts, slug)
        if path is None:
            self.window.statusBar().showMessage(self.tr("No draft with the slug “%s”") % slug, 6000)
            return
        self.window.open_path(path)
