"""Insert → Link, Image, Embed, and opening a linked draft from the preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from smugdesk.core.assets import (
    ImageError,
    import_image_bytes,
    import_image_file,
    suggest_alt_text,
)
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.links import markdown_image


class InsertActions:
    """Mixed into MainWindow (uses its editor, file, drafts, save and open_path). The
    dialogs are imported when first asked for: the window's first paint does not wait."""

    def insert_link(self) -> None:
        from smugdesk.core.drafts import list_drafts
        from smugdesk.ui.dialogs.link import LinkDialog

        cursor = self.editor.textCursor()
        dialog = LinkDialog(
            self,
            selected_text=cursor.selectedText().replace("\u2029", " "),
            clipboard_text=QApplication.clipboard().text(),
            list_drafts=lambda: list_drafts(self.drafts, exclude=self.file.path),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.editor.textCursor().insertText(dialog.markdown())

    def insert_embed(self) -> None:
        from smugdesk.ui.dialogs.embed import EmbedDialog

        dialog = EmbedDialog(self, clipboard_text=QApplication.clipboard().text())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.editor.insert_block(dialog.markdown())

    def insert_image(self) -> None:
        from smugdesk.ui.dialogs.image import ImageDialog

        start = self.file.path.parent if self.file.path else self.drafts
        dialog = ImageDialog(self, start_folder=start)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        source, alt, title = dialog.chosen()
        relative = self._store_image(source)
        if relative:
            self.editor.textCursor().insertText(markdown_image(alt, relative, title))

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
        if self.file.path is None:
            answer = QMessageBox.question(
                self,
                self.tr("Save the post first"),
                self.tr("Images are kept in a folder beside the post. Save the post now?"),
            )
            if answer != QMessageBox.StandardButton.Yes or not self.save():
                return None
        try:
            if isinstance(source, bytes):
                return import_image_bytes(source, self.file.path)
            return import_image_file(source, self.file.path)
        except (ImageError, SmugdeskError) as error:
            QMessageBox.warning(self, self.tr("Image not added"), str(error))
            return None

    def open_post_link(self, slug: str) -> None:
        """A click on a link to another draft in the preview opens that draft."""
        from smugdesk.core.drafts import path_for_slug

        path = path_for_slug(self.drafts, slug)
        if path is None:
            self.statusBar().showMessage(self.tr("No draft with the slug “%s”") % slug, 6000)
            return
        self.open_path(path)
