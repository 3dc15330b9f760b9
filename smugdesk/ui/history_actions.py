"""The window's part in keeping every version: recording saves, publishes and downloads in
the history, the recovery copy of untitled work, and File → History."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from smugdesk.core import recovery
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.store import PostFile, add_save_listener

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class _Bridge(QObject):
    """Brings the history thread's messages to the UI thread (a queued signal)."""

    problem = Signal(str)


LOADED_DELAY_MS = 300
_replayed: set[Path] = set()  # drafts folders whose recovery slots this process replayed
_drafts: list[Path] = []  # the drafts folders of this process's windows
_ready = False


def _bridge() -> _Bridge:
    app = QApplication.instance()
    bridge = app.findChild(_Bridge, "smugdesk-history-bridge")
    if bridge is None:
        bridge = _Bridge(app)
        bridge.setObjectName("smugdesk-history-bridge")
    return bridge


def _history():
    """core.history, set up for the app the first time it is needed: it brings sqlite3,
    which the window's first paint does without."""
    global _ready
    from smugdesk.core import history

    if not _ready:
        _ready = True
        recorder = history.recorder()
        recorder.background = True  # a save pays for a queue, not for the history
        recorder.on_problem = _bridge().problem.emit
    for drafts in _drafts:
        history.use_drafts(drafts)
    return history


def _on_save(path: Path, text: str, cause: str) -> None:
    _history().record(path, text, cause)


class HistoryControl(QObject):
    """Keeps every version: what saves, publishes, downloads and reloads write goes into
    the post's history; untitled work into each tab's recovery copy, or the trash when
    discarded; File → History and restoring a version into the post it came from. Reads
    the open posts through the window and asks through its dialogs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._loaded: tuple | None = None
        if self.window.drafts.absolute() not in _drafts:
            _drafts.append(self.window.drafts.absolute())
        add_save_listener(_on_save)
        _bridge().problem.connect(self._history_problem)
        self.window.commands.history.triggered.connect(self.show)
        if self.window.drafts.absolute() not in _replayed:
            _replayed.add(self.window.drafts.absolute())
            QTimer.singleShot(0, self.recover_untitled_work)

    def _history_problem(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)

    # ----- untitled work ------------------------------------------------------------------
    def keep_untitled(self, document=None) -> None:
        """Autosave for a post with no file: its recovery copy (each tab has its own)."""
        document = document or self.window.document
        try:
            document.recovery.write(document.text())
        except SmugdeskError as error:
            self.window.statusBar().showMessage(self.tr("Recovery copy failed: %s") % error)
            return
        self.window.statusBar().showMessage(self.tr("Kept safe (not saved yet)"), 2000)

    def keep_discarded(self, document=None) -> None:
        """The writer chose Discard: untitled text goes to the trash, a post's unsaved
        changes into its history. Either way there is a way back for a while."""
        document = document or self.window.document
        text = document.text()
        try:
            if document.file.path is None:
                where = recovery.keep_in_trash(self.window.drafts, text)
                self.window.library_saw_save(where)
            else:
                _history().record(document.file.path, text, "discarded")
        except SmugdeskError as error:
            self.window.statusBar().showMessage(str(error), 8000)
        document.recovery.clear()

    def at_close(self) -> None:
        """The window closes: its untitled work was saved, unchanged or kept by
        keep_discarded, and the versions still queued are written before the app may end."""
        for document in self.window.tabs.documents:
            document.recovery.clear()
        if _ready:
            _history().recorder().flush()

    def recover_untitled_work(self) -> list[recovery.Recovered]:
        """At start: the untitled work of a smugdesk that was killed becomes posts, and the
        writer is told which."""
        try:
            found = recovery.recover(self.window.drafts)
        except OSError as error:
            self.window.statusBar().showMessage(self.tr("Could not look for lost work: %s") % error)
            return []
        if not found:
            return found
        for item in found:
            self.window.library_saw_save(item.path)
        lines = [
            self.tr("“%s”, %s words, last kept %s → %s")
            % (
                item.title or self.tr("Untitled"),
                f"{item.words:,}",
                item.written_at,
                item.path.name,
            )
            for item in found
        ]
        if not self.window.editor.document().isModified() and self.window.file.path is None:
            self.window.open_path(found[0].path)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Recovered unsaved work"))
        box.setText(
            self.tr(
                "smugdesk stopped before %n unsaved post(s) were saved. They are back:",
                "",
                len(found),
            )
        )
        box.setInformativeText("\n".join(lines))
        box.setObjectName("recovered-work")
        box.open()  # not modal: the writer can go on at once
        self.window.statusBar().showMessage(
            self.tr("Recovered %n post(s) from before smugdesk stopped", "", len(found)), 15000
        )
        return found

    # ----- recording what the file commands do not see ---------------------------------------
    def note_loaded(self, binding: PostFile, text: str) -> None:
        """A post opened or reloaded: a change made while it was closed, or by another
        program, becomes a version (the same text adds none)."""
        if binding.path is not None:
            # Recorded after the first paint (the history brings sqlite3), as of now.
            self._record_loaded()
            self._loaded = (binding.path, text, time.time())
            QTimer.singleShot(LOADED_DELAY_MS, self._record_loaded)

    def _record_loaded(self) -> None:
        loaded, self._loaded = self._loaded, None
        if loaded is not None:
            path, text, when = loaded
            _history().record(path, text, "external", when=when)

    def published(self, account, result) -> None:
        """A publish ended (its post is the one shown): a success is a version."""
        from smugdesk.publish.publishing import Outcome

        document = self.window.document
        if isinstance(result, Outcome) and document.file.path is not None:
            _history().record(document.file.path, document.text(), "publish", account.name)

    def moved(self, old: Path, new: Path) -> None:
        """A rename made here: the post's history follows it."""
        if Path(old) != Path(new):
            _history().moved(old, new)

    # ----- File → History ----------------------------------------------------------------------
    def show(self) -> None:
        from smugdesk.ui.history_dialog import HistoryDialog

        if self.window.file.path is None:
            QMessageBox.information(
                self.window,
                self.tr("History"),
                self.tr(
                    "This post has no versions yet: it is kept safe as you type, and its "
                    "history starts when you save it."
                ),
            )
            return
        self._record_loaded()
        history = _history()
        history.recorder().flush()
        try:
            store = history.store_for(self.window.file.path)
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("History"), str(error))
            return
        notice = store.take_notice()
        if notice:
            self.window.statusBar().showMessage(notice, 15000)
        dialog = HistoryDialog(
            store, self.window.file.path, self.window.editor.toPlainText, self.window
        )
        document = self.window.document  # the tab may change while the dialog is open
        dialog.restore_requested.connect(
            lambda text, version: self.restore_version(text, version, document)
        )
        self.window.history_dialog = dialog
        dialog.open()

    def restore_version(self, text: str, version, document=None) -> None:
        """The version's text replaces the editor's in one undo step, then is saved as a new
        version (the one replaced is in the history too)."""
        if document is not None:
            if document not in self.window.tabs.documents:
                return  # its tab was closed meanwhile
            self.window.show_tab(document)
        self.window.autosave()  # what is in the editor now becomes a version first
        cursor = QTextCursor(self.window.editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        if self.window.file.path is not None and self.window.file.path.exists():
            self.window.save_to(None, cause="restore")
        from smugdesk.ui.history_dialog import when_label

        day, clock = when_label(version.time) if version is not None else ("", "")
        self.window.statusBar().showMessage(
            self.tr("Restored the version of %s %s. Edit → Undo brings back what you had.")
            % (day.lower() if day in ("Today", "Yesterday") else day, clock),
            8000,
        )
