"""The library: its pane, its index thread, the watch on the drafts folder, and what the
pane's requests do to files and to the open posts."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from smugdesk.core.config import ensure_drafts_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.library import (
    TrashedPost,
    create_post,
    duplicate_post,
    rename_post,
    restore_post,
    trash_post,
    trashed_posts,
)
from smugdesk.core.library_scan import post_folders
from smugdesk.core.store import PostFile
from smugdesk.ui.library_pane import LibraryPane
from smugdesk.ui.library_worker import TYPING_PAUSE_MS, LibraryWorker

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow

FOLDER_SETTLE_MS = 400  # a sync tool writes many files in a burst: one refresh for all
MAX_WATCHED_FOLDERS = 500  # inotify watches are a shared, limited resource


class LibraryControl(QObject):
    """Owns the library pane, its index thread (LibraryWorker) and the drafts folder's
    watch. Acts on files through core.library; on open posts through the window (open,
    save, close a tab, show one), and asks the writer through the window's dialogs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pane = LibraryPane(window)
        self.worker: LibraryWorker | None = None
        pane = self.pane
        pane.open_requested.connect(self.open_post)
        pane.new_requested.connect(self.new_from_library)
        pane.rename_requested.connect(self.rename_from_library)
        pane.duplicate_requested.connect(self.duplicate_from_library)
        pane.trash_requested.connect(self.trash_from_library)
        pane.restore_requested.connect(self.restore_from_library)
        pane.trash_view_requested.connect(self.show_trash)
        pane.query_changed.connect(lambda query: self._request(query))
        self._folder_watcher = QFileSystemWatcher(self)
        self._folder_timer = QTimer(self)
        self._folder_timer.setSingleShot(True)
        self._folder_timer.setInterval(FOLDER_SETTLE_MS)
        self._folder_timer.timeout.connect(self._folder_settled)
        self._typed_at = -1e9  # time.monotonic() of the writer's last keystroke
        self._folder_watcher.directoryChanged.connect(lambda _path: self._folder_timer.start())
        # start_library() comes from finish_start, after the window's first paint.

    def start(self) -> None:
        """(Re)start the index thread for the current drafts folder."""
        try:  # on a first run the folder is made now, so it is watched from the start
            self.window.drafts.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.window.statusBar().showMessage(
                self.tr("The drafts folder cannot be made: %s") % error, 8000
            )
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
        worker = self.worker = LibraryWorker(self.window.drafts, self)
        worker.listed.connect(self.pane.show_listing)
        worker.saved.connect(self.pane.show_saved)
        worker.progress.connect(self.pane.show_progress)
        worker.refreshed.connect(lambda _stats: self._refreshed())
        worker.failed.connect(lambda message: self.window.statusBar().showMessage(message, 8000))
        self.pane.cancel_requested.connect(worker.cancel)
        self.pane.emit_query()
        self.refresh()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()

    def _request(self, query) -> None:
        if self.worker is not None:
            self.worker.request(query)

    def refresh(self) -> None:
        self._watch_folders()
        if self.worker is not None:
            self.worker.refresh()

    def _refreshed(self) -> None:
        self.pane.hide_progress()
        if self.pane.trash_button.isChecked():
            self.show_trash()

    def saw_typing(self) -> None:
        self._typed_at = time.monotonic()
        if self.worker is not None:
            self.worker.typing()

    def _folder_settled(self) -> None:
        """A change in the drafts folder, once it has settled: looked at after a pause in
        typing. Each autosave changes its post's folder, and looking at 50,000 posts
        costs the library thread 0.3 s of the interpreter the preview shares."""
        if time.monotonic() - self._typed_at < TYPING_PAUSE_MS / 1000:
            self._folder_timer.start()
        else:
            self.refresh()

    def saw_save(self, path: Path) -> None:
        if self.worker is not None:
            self.worker.file_saved(path)

    def _watch_folders(self) -> None:
        """Watch the drafts folder and its subfolders: a file saved by another program or
        a sync tool shows in the list without the writer asking."""
        drafts = self.window.drafts
        folders = post_folders(drafts, MAX_WATCHED_FOLDERS) if drafts.is_dir() else []
        wanted = {str(folder) for folder in folders}
        current = set(self._folder_watcher.directories())
        if current - wanted:
            self._folder_watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self._folder_watcher.addPaths(sorted(wanted - current))

    # ----- the pane's requests ------------------------------------------------------------
    def open_post(self, path: Path) -> bool:
        """In a tab of its own, or the tab where it is open already."""
        if self.window.open_path(Path(path)):
            self.window.editor.setFocus()
            return True
        return False

    def new_from_library(self) -> None:
        title, ok = QInputDialog.getText(
            self.window,
            self.tr("New Post"),
            self.tr("Title of the new post:"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok or not title.strip():
            return
        try:
            path = create_post(ensure_drafts_dir(self.window.drafts), title)
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("The post was not created"), str(error))
            return
        self.saw_save(path)
        if self.open_post(path):
            self.window.editor.moveCursor(QTextCursor.MoveOperation.End)

    def rename_from_library(self, path: Path) -> None:
        path = Path(path).absolute()
        document = self.window.tabs.find(path)
        if document is not None and document.modified:
            self.window.show_tab(document)
            if not self.window.save():
                return
        current = (document.title or path.stem) if document is not None else path.stem
        title, ok = QInputDialog.getText(
            self.window,
            self.tr("Rename Post"),
            self.tr("New title:"),
            QLineEdit.EchoMode.Normal,
            current,
        )
        if not ok or not title.strip():
            return
        try:
            renamed = rename_post(path, title)
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("The post was not renamed"), str(error))
            return
        self.window.history_control.moved(path, renamed)  # its versions follow it
        if document is not None and document in self.window.tabs.documents:
            self.window.show_tab(document)
            position = self.window.editor.textCursor().position()
            binding, text = PostFile.read(renamed)
            self.window._load(binding, text)
            cursor = self.window.editor.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.window.editor.setTextCursor(cursor)
        self.refresh()
        self.window.statusBar().showMessage(self.tr("Renamed to %s") % renamed.name, 5000)

    def duplicate_from_library(self, path: Path) -> None:
        try:
            copy = duplicate_post(Path(path))
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("The post was not duplicated"), str(error))
            return
        self.saw_save(copy)
        self.window.statusBar().showMessage(self.tr("Duplicated as %s") % copy.name, 5000)

    def trash_from_library(self, path: Path) -> None:
        path = Path(path).absolute()
        document = self.window.tabs.find(path)
        if document is not None:
            self.window.autosave(document)
            if document.modified:
                return  # not saved (changed on disk, or failed): the writer decides first
        try:
            trashed = trash_post(self.window.drafts, path)
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("The post was not moved"), str(error))
            return
        if document is not None and document in self.window.tabs.documents:
            self.window.close_tab(document)  # the last one leaves a new post in its place
        self.saw_save(path)
        self.window.statusBar().showMessage(
            self.tr("Moved “%s” to the trash; the Trash button brings it back.")
            % trashed.original.name,
            8000,
        )

    def show_trash(self) -> None:
        self.pane.show_trash(trashed_posts(self.window.drafts))

    def restore_from_library(self, item: TrashedPost) -> None:
        try:
            restored = restore_post(self.window.drafts, item)
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("The post was not restored"), str(error))
            return
        self.saw_save(restored)
        self.show_trash()
        self.window.statusBar().showMessage(self.tr("Restored %s") % restored, 6000)
