"""Saving open posts: Save, Save As, autosave, and the questions they may need (unsaved
work about to go, a file another program changed). Nothing here loses the text in an
editor: a save that cannot happen says why and leaves the post as it was."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from smugdesk.core.config import ensure_drafts_dir
from smugdesk.core.errors import ConflictError, SmugdeskError
from smugdesk.core.store import unique_path
from smugdesk.ui.document import Document

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow

POST_FILTER = "Markdown posts (*.md *.markdown *.mdown *.txt);;All files (*)"


class Saving(QObject):
    """Writes Documents to their files. It touches the documents and asks through the
    window (dialogs, the status bar); it tells the library, the recent files and the
    history what was written, through the window's methods for them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def may_discard_changes(self, document: Document | None = None) -> bool:
        """True when the post may go: saved, discarded, or unchanged. The post asked about
        is shown first."""
        document = document or self.window.document
        if not document.modified:
            return True
        self.window.tabs.show(document)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to “%s”?") % (document.title or self.tr("Untitled")))
        box.setInformativeText(
            self.tr("If you don't save, the text is kept in the trash for a while.")
            if document.file.path is None
            else self.tr("If you don't save, your changes are kept in the post's history.")
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.window.history_control.keep_discarded(
                document
            )  # in the trash or the history: a way back for a while
            return True
        return False

    def save(self) -> bool:
        if self.window.file.path is None:
            return self.save_as()
        return self.save_to(None)

    def save_as(self) -> bool:
        if self.window.file.path is not None:
            suggested = self.window.file.path
        else:
            title = self.window.document.title or "untitled"
            suggested = unique_path(ensure_drafts_dir(self.window.drafts), title)
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Post As"), str(suggested), POST_FILTER
        )
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".md")
        return self.save_to(path)

    def save_to(
        self,
        path: Path | None,
        *,
        overwrite: bool = False,
        cause: str = "manual",
        document: Document | None = None,
    ) -> bool:
        """Save ``document`` (the shown post) to ``path`` (None: the post's own file). Asks
        before overwriting a file that another program changed; never loses the text in
        the editor. ``cause`` goes into the post's history with the version."""
        document = document or self.window.document
        try:
            document.save(path, overwrite=overwrite, cause=cause)
        except ConflictError as error:
            self.window.tabs.show(document)
            return self._resolve_conflict(str(error))
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("The post was not saved"), str(error))
            return False
        self.window.library_saw_save(document.file.path)
        if document is self.window.document:
            self.window.preview.set_base_folder(document.folder())
            self.window._update_title()
        self.window.recent.remember(document.file.path)
        self.window.statusBar().showMessage(self.tr("Saved %s") % document.file.path, 4000)
        return True

    def _resolve_conflict(self, message: str) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File changed on disk"))
        box.setText(message)
        box.setInformativeText(self.tr("Save your version under a new name, or overwrite theirs?"))
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        if box.clickedButton() is overwrite:
            return self.save_to(None, overwrite=True)
        if box.clickedButton() is save_as:
            return self.save_as()
        return False

    def autosave(self, document: Document | None = None) -> None:
        """Quietly save a post that has a file (the shown one unless told); never over
        another program's changes. A post with no file yet is kept in its recovery copy."""
        document = document or self.window.document
        if not document.modified:
            return
        path = document.file.path
        if path is None:
            self.window.history_control.keep_untitled(document)
            return
        if not path.exists():
            return  # deleted on disk: only an explicit Save writes it again
        if document.file.changed_on_disk():
            self.window.statusBar().showMessage(
                self.tr("Not autosaved: %s was changed by another program. Save to choose.")
                % path.name
            )
            return
        try:
            document.save(cause="autosave")
        except SmugdeskError as error:
            self.window.statusBar().showMessage(self.tr("Autosave failed: %s") % error)
            return
        self.window.library_saw_save(path)
        self.window.statusBar().showMessage(self.tr("Autosaved"), 2000)
