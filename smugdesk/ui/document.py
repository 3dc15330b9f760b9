"""One open post: its text (an editor with its own undo history, caret and scroll), the file
it is bound to, its autosave clock, its recovery slot and the watch on its file.

A Document decides nothing that needs the writer (no dialogs): it says what happened
through its signals, and the window's controllers decide what to do about it. Several can
be open at once (tabs); only the one shown is rendered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal

from smugdesk.core import recovery
from smugdesk.core.store import DiskSignature, PostFile
from smugdesk.ui.editor import MarkdownEditor

AUTOSAVE_DELAY_MS = 2000  # at most this much typing is ever only in memory
# Editors and sync tools replace files by rename: for a moment the path does not exist.
SETTLE_MS = 150


class Document(QObject):
    """An open post. ``editor`` holds the text and everything that belongs to it on screen
    (undo, caret, scroll); ``file`` the binding to the file on disk."""

    autosave_due = Signal()  # the autosave clock ran out: the text should be kept now
    disk_changed = Signal()  # the file changed or went away on disk (settled)
    file_touched = Signal(Path)  # the watched file was written by someone (library row)
    modified_changed = Signal(bool)
    label_changed = Signal()  # the title, the file or the modified mark changed

    def __init__(self, drafts: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drafts = drafts
        self.file = PostFile()
        self.editor = MarkdownEditor()
        self.recovery = recovery.RecoverySlot(drafts)
        self.title = ""  # the title the last render found (or the front matter's)
        # The text of a new post nobody has typed in yet (opening a post replaces it);
        # None once the document holds anything else.
        self._pristine_text: str | None = ""
        self.asked_about: DiskSignature | None = None  # a disk change already decided
        self.question_waiting = False  # a disk change to ask about once the tab is shown
        self.scripts_for_untitled = False  # View → Run This Post's Scripts, no file yet

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave_due)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        text = self.editor.document()
        text.contentsChanged.connect(self._on_edited)
        text.modificationChanged.connect(self.modified_changed)
        text.modificationChanged.connect(lambda _modified: self.label_changed.emit())

    # ----- state -------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self.editor.document().isModified()

    def set_modified(self, modified: bool) -> None:
        self.editor.document().setModified(modified)

    def text(self) -> str:
        return self.editor.toPlainText()

    @property
    def pristine(self) -> bool:
        """A new post as it came (formatting passes do not count, typing does)."""
        held = self._pristine_text
        if held is None or self.file.path is not None:
            return False
        # A long text is not copied out to learn that it differs.
        return self.editor.document().characterCount() == len(held) + 1 and self.text() == held

    @property
    def label(self) -> str:
        """What the tab says: the title, else the file's name, else Untitled."""
        if self.title:
            return self.title
        if self.file.path is not None:
            return self.file.path.stem
        return QCoreApplication.translate("MainWindow", "Untitled")

    def set_title(self, title: str) -> None:
        if title != self.title:
            self.title = title
            self.label_changed.emit()

    def folder(self) -> Path:
        """Where the post's relative images and links point."""
        return self.file.path.parent if self.file.path else self.drafts

    def load(self, binding: PostFile, text: str, *, pristine: bool = False) -> None:
        """Show ``text`` bound to ``binding``: a fresh undo history, unmodified."""
        self.file = binding
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.autosave_timer.stop()
        self._pristine_text = text if pristine else None
        self.asked_about = None
        self.question_waiting = False
        self.scripts_for_untitled = False
        self.title = recovery.title_of(text)
        self.watch()
        self.label_changed.emit()

    def _on_edited(self) -> None:
        # Started by the first unsaved change, not restarted by later ones: a pause saves
        # within the autosave delay, and so does every stretch of non-stop typing.
        if self.modified and not self.autosave_timer.isActive():
            self.autosave_timer.start()

    # ----- saving ------------------------------------------------------------------------
    def save(self, path: Path | None = None, *, overwrite: bool = False, cause: str) -> None:
        """Write the text to ``path`` (None: its own file). Raises ConflictError when
        another program changed the file, SmugdeskError when it cannot be written."""
        self.file.save_text(self.text(), path, overwrite=overwrite, cause=cause)
        self.autosave_timer.stop()
        self.set_modified(False)
        self.recovery.clear()
        self.watch()
        self.label_changed.emit()

    def reload_from_disk(self) -> str:
        """Their version replaces the text, the caret and scroll kept near where they were;
        returns the text read. Raises SmugdeskError."""
        binding, text = PostFile.read(self.file.path)
        editor = self.editor
        position = editor.textCursor().position()
        scroll = editor.verticalScrollBar().value()
        self.file = binding
        editor.setPlainText(text)
        cursor = editor.textCursor()
        cursor.setPosition(min(position, len(text)))
        editor.setTextCursor(cursor)
        editor.verticalScrollBar().setValue(scroll)
        self.set_modified(False)
        self.autosave_timer.stop()
        self.watch()
        return text

    def mark_deleted_on_disk(self) -> bool:
        """The file is gone: the text stays, modified, and is never written back without
        the writer asking. False when this was known already."""
        if self.file.signature is None:
            return False
        self.file.signature = None  # saving writes it again, no conflict to ask about
        self.set_modified(True)
        self.autosave_timer.stop()
        return True

    # ----- the watch on its file ---------------------------------------------------------
    def watch(self) -> None:
        """Watch the post's file (again: a rename-replace drops the old watch)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self.file.path is not None and self.file.path.exists():
            self._watcher.addPath(str(self.file.path))

    def watched(self) -> list[str]:
        return self._watcher.files()

    def _on_file_changed(self, path: str) -> None:
        self.file_touched.emit(Path(path))
        QTimer.singleShot(SETTLE_MS, self.disk_changed)

    def disk_signature(self) -> DiskSignature | None:
        return DiskSignature.of(self.file.path) if self.file.path is not None else None

    # ----- closing -----------------------------------------------------------------------
    def discard(self) -> None:
        """Closed: no more saves, watches or recovery copy for it."""
        self.autosave_timer.stop()
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.recovery.clear()
        self.editor.deleteLater()
        self.deleteLater()
