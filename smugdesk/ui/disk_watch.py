"""Noticing when another program (a sync tool, git, another editor) changes or deletes an
open post. Nothing is silently overwritten in either direction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from smugdesk.core.errors import SmugdeskError
from smugdesk.ui.document import Document

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class DiskWatch(QObject):
    """Decides what a change on disk does to an open post: reads and reloads the Document,
    asks the writer through the window (only about the post shown: a post in another tab
    is asked about when it is shown), and says what happened in the status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def follow(self, document: Document) -> None:
        document.disk_changed.connect(lambda d=document: self.check(d))

    def check(self, document: Document) -> None:
        window = self.window
        path = document.file.path
        if path is None or document not in window.tabs.documents:
            return
        document.watch()
        current = document.disk_signature()
        if current is None:
            if document.mark_deleted_on_disk():
                window.statusBar().showMessage(
                    self.tr(
                        "%s was deleted on disk. Your text is still here: save to write it again."
                    )
                    % path.name
                )
            return
        if not document.file.changed_on_disk() or current == document.asked_about:
            return  # our own save, or a change the writer already decided about
        if not document.modified:
            self.reload(document)
            return
        if document is not window.document:
            document.question_waiting = True  # asked when the writer goes to that tab
            return
        document.question_waiting = False
        document.asked_about = current
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by another program"))
        box.setText(self.tr("“%s” was changed by another program.") % path.name)
        box.setInformativeText(
            self.tr(
                "You have unsaved edits. Load their version (your edits are dropped), or "
                "keep yours (saving will ask before overwriting theirs)?"
            )
        )
        theirs = box.addButton(self.tr("Load Theirs"), QMessageBox.ButtonRole.DestructiveRole)
        mine = box.addButton(self.tr("Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(mine)
        box.exec()
        if box.clickedButton() is theirs:
            self.reload(document)

    def reload(self, document: Document) -> None:
        try:
            text = document.reload_from_disk()
        except SmugdeskError as error:
            self.window.statusBar().showMessage(str(error), 8000)
            return
        self.window.history_control.note_loaded(
            document.file, text
        )  # their version joins the history
        self.window.statusBar().showMessage(
            self.tr("Reloaded %s: it was changed by another program") % document.file.path.name,
            6000,
        )
