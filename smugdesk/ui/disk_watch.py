"""Noticing when another program (a sync tool, git, another editor) changes or deletes the
open post. Nothing is silently overwritten in either direction."""

from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher, QTimer
from PySide6.QtWidgets import QMessageBox

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.store import DiskSignature, PostFile

# Editors and sync tools replace files by rename: for a moment the path does not exist.
SETTLE_MS = 150


class DiskWatch:
    """Mixed into MainWindow (uses its file, editor, status bar)."""

    def _init_watch(self) -> None:
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(
            lambda _path: QTimer.singleShot(SETTLE_MS, self.check_disk)
        )
        self._asked_about: DiskSignature | None = None

    def watch_current_file(self) -> None:
        """Watch the open post's file (again: a rename-replace drops the old watch)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self.file.path is not None and self.file.path.exists():
            self._watcher.addPath(str(self.file.path))

    def check_disk(self) -> None:
        path = self.file.path
        if path is None:
            return
        self.watch_current_file()
        current = DiskSignature.of(path)
        if current is None:
            self._deleted_on_disk()
            return
        if not self.file.changed_on_disk() or current == self._asked_about:
            return  # our own save, or a change the writer already decided about
        if not self.editor.document().isModified():
            self._reload_in_place()
            return
        self._asked_about = current
        box = QMessageBox(self)
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
            self._reload_in_place()

    def _reload_in_place(self) -> None:
        try:
            binding, text = PostFile.read(self.file.path)
        except SmugdeskError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        cursor = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        self.file = binding
        self.editor.setPlainText(text)
        restored = self.editor.textCursor()
        restored.setPosition(min(cursor, len(text)))
        self.editor.setTextCursor(restored)
        self.editor.verticalScrollBar().setValue(scroll)
        self.editor.document().setModified(False)
        self._autosave_timer.stop()
        self.note_loaded(binding, text)  # their version joins the post's history
        self.statusBar().showMessage(
            self.tr("Reloaded %s: it was changed by another program") % binding.path.name, 6000
        )

    def _deleted_on_disk(self) -> None:
        if self.file.signature is None:
            return  # already told
        self.file.signature = None  # saving writes it again, no conflict to ask about
        self.editor.document().setModified(True)
        self._autosave_timer.stop()  # never recreate a file someone deleted without asking
        self.statusBar().showMessage(
            self.tr("%s was deleted on disk. Your text is still here: save to write it again.")
            % self.file.path.name
        )
