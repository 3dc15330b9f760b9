"""The main window: the editor beside its live preview, and the file and export commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from smugdesk import __version__
from smugdesk.core.config import Settings, ensure_drafts_dir
from smugdesk.core.errors import ConflictError, SmugdeskError
from smugdesk.core.post import new_post_text
from smugdesk.core.session import OpenPost, SessionState
from smugdesk.core.store import PostFile, unique_path
from smugdesk.ui.actions import build_actions
from smugdesk.ui.disk_watch import DiskWatch
from smugdesk.ui.document import Document
from smugdesk.ui.document_tabs import DocumentTabs
from smugdesk.ui.download_actions import DownloadActions
from smugdesk.ui.export_actions import ExportActions
from smugdesk.ui.find_bar import FindBar
from smugdesk.ui.history_actions import HistoryActions
from smugdesk.ui.insert_actions import InsertActions
from smugdesk.ui.library_actions import LibraryActions
from smugdesk.ui.menus import build_menus
from smugdesk.ui.metadata_form import MetadataForm
from smugdesk.ui.metadata_sync import MetadataSync
from smugdesk.ui.outline_pane import OutlinePane
from smugdesk.ui.preview_feed import PreviewFeed
from smugdesk.ui.preview_pane import PreviewPane
from smugdesk.ui.publish_actions import PublishActions
from smugdesk.ui.recent_files import RecentFiles
from smugdesk.ui.settings_actions import SettingsActions
from smugdesk.ui.staged_start import StagedStart
from smugdesk.ui.welcome import WelcomePage, has_posts
from smugdesk.ui.word_status import WordStatus

if TYPE_CHECKING:
    from smugdesk.core.preview_text import RenderResult
    from smugdesk.ui.editor import MarkdownEditor

POST_FILTER = "Markdown posts (*.md *.markdown *.mdown *.txt);;All files (*)"


class MainWindow(
    StagedStart,
    HistoryActions,  # before PublishActions: it extends its outcome handler
    ExportActions,
    PublishActions,
    DownloadActions,
    InsertActions,
    SettingsActions,
    RecentFiles,
    LibraryActions,
    MetadataSync,
    QMainWindow,
):
    exported = Signal(object)
    published = Signal(object)  # an Outcome, or the error that stopped a publish
    downloaded = Signal(object)  # (new files, files already there), or an error
    closed = Signal(object)  # SessionState: the posts this window had open, and which was shown

    def __init__(
        self,
        drafts: Path,
        parent: QWidget | None = None,
        *,
        staged: bool = False,
        greet: bool = False,
    ) -> None:
        """``staged``: the preview, spelling, library index and plug-ins start after the
        window's first paint (finish_start), so the window appears sooner. ``greet``: when
        the drafts folder has no post yet, the main area greets the writer first."""
        super().__init__(parent)
        # Deleted on close so its web page goes before the web engine profile at exit.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.drafts = drafts
        self.settings = Settings.load()
        self._init_staged(staged)

        self.tabs = DocumentTabs(self)
        self.tabs.current_changed.connect(self._on_current_changed)
        self.tabs.close_requested.connect(self.close_tab)
        self._busy: set[Document] = set()  # posts a publish or export will write back into
        first = self._add_document()
        self.preview = PreviewPane()
        self.find_bar = FindBar(first.editor)
        writing = QWidget()
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(MetadataForm())
        column.addWidget(self.tabs.stack)
        column.addWidget(self.find_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(writing)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 640])
        posts = QWidget()  # the tabs over the editor and the preview both
        page = QVBoxLayout(posts)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.tabs.bar)
        page.addWidget(splitter, 1)
        self.welcome = WelcomePage()
        self._main_area = QStackedWidget()
        self._main_area.addWidget(posts)
        self._main_area.addWidget(self.welcome)
        self.setCentralWidget(self._main_area)

        self.counts = WordStatus(self.statusBar())
        self.words, self.goal_bar = self.counts.words, self.counts.goal_bar
        self.feed = PreviewFeed(
            self.preview, lambda: self.commands.sync_scroll.isChecked(), parent=self
        )
        self.worker = self.feed.worker
        self.worker.embed_mode = self._embed_mode()
        self.feed.rendered.connect(self._on_rendered)
        self.preview.open_post.connect(self.open_post_link)
        self.preview.goto_line.connect(self.feed.show_source_line)
        self._init_metadata(writing.findChild(MetadataForm))

        self._init_library()
        self.outline = OutlinePane(first.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.resizeDocks([self.library], [300], Qt.Orientation.Horizontal)
        self.outline.hide()
        self.commands = build_actions(self)
        build_menus(self)
        self._init_export()
        self._init_publish()
        self.disk_watch = DiskWatch(self)
        self._init_history()
        self._prepare_editor(first)
        self._on_current_changed(first, None)
        self.apply_settings(self.settings)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: self.apply_settings(self.settings)
        )
        self.resize(1280, 800)
        self.new_post()
        self.editor.setFocus()  # the writer starts by writing, not in a form field
        self._init_welcome(greet and not has_posts(drafts))
        self._begin()

    # ----- the open posts ----------------------------------------------------------------
    @property
    def document(self) -> Document:
        """The post shown (there is always one)."""
        return self.tabs.current

    @property
    def documents(self) -> list[Document]:
        """Every open post, in tab order."""
        return list(self.tabs.documents)

    @property
    def editor(self) -> MarkdownEditor:
        return self.tabs.current.editor

    @property
    def file(self) -> PostFile:
        return self.tabs.current.file

    @file.setter
    def file(self, binding: PostFile) -> None:
        self.tabs.current.file = binding

    @property
    def recovery(self):
        return self.tabs.current.recovery

    @property
    def _autosave_timer(self):
        return self.tabs.current.autosave_timer

    def _add_document(self) -> Document:
        document = Document(self.drafts, self)
        document.autosave_due.connect(lambda d=document: self.autosave(d))
        # Written by another program: its library row (words, title) is read again.
        document.file_touched.connect(self.library_saw_save)
        if hasattr(self, "disk_watch"):
            self._prepare_editor(document)
        self.tabs.add(document)
        return document

    def _prepare_editor(self, document: Document) -> None:
        """What every editor gets: the window's settings, images kept with the post, the
        disk watch."""
        document.editor.image_importer = self.import_images
        self.disk_watch.follow(document)
        self.apply_settings_to(document)

    def _on_current_changed(self, document: Document, before: Document | None) -> None:
        """Another tab is shown: the shared panes follow it and the one left is kept."""
        if not hasattr(self, "disk_watch"):
            return  # the window is being made: its end shows the first post
        if before is not None:
            self._bind_editor(before.editor, False)
            self.autosave(before)  # leaving a post is a moment to be safe
        self._bind_editor(document.editor, True)
        self.feed.set_editor(document.editor)
        self.find_bar.set_editor(document.editor)
        self.outline.set_editor(document.editor)
        if document.editor.focus_mode != self.commands.focus_mode.isChecked():
            document.editor.set_focus_mode(self.commands.focus_mode.isChecked())
        self.setWindowModified(document.modified)
        self.preview.set_base_folder(document.folder())
        self.refresh_metadata(fresh=True)
        self._update_title()
        self.show_welcome(False)
        if document.question_waiting:  # changed on disk while in another tab
            QTimer.singleShot(0, lambda: self.disk_watch.check(document))
        if self.isVisible():
            document.editor.setFocus()

    def _bind_editor(self, editor: MarkdownEditor, bind: bool) -> None:
        """The window's parts that follow the shown editor: title mark, counts, details
        form, Undo and Redo."""
        pairs = (
            (editor.document().modificationChanged, self.setWindowModified),
            (editor.selectionChanged, self._update_counts),
            (editor.textChanged, self._metadata_timer.start),
            (editor.undoAvailable, self._undo_available),
            (editor.redoAvailable, self._redo_available),
        )
        for signal, slot in pairs:
            if bind:
                signal.connect(slot)
            else:
                signal.disconnect(slot)
        if bind:
            self.commands.undo.setEnabled(editor.document().isUndoAvailable())
            self.commands.redo.setEnabled(editor.document().isRedoAvailable())

    def _undo_available(self, available: bool) -> None:
        self.commands.undo.setEnabled(available)

    def _redo_available(self, available: bool) -> None:
        self.commands.redo.setEnabled(available)

    def new_post(self, *, ask: bool = False) -> bool:
        """A new untitled post in a tab of its own (in the shown one when that is a new
        post nobody typed in). ``ask`` is kept for callers: nothing is replaced, so there
        is nothing to ask."""
        if not self.document.pristine:
            self._add_document()
        self._load(PostFile(), new_post_text(), pristine=True)
        self.editor.place_cursor_after("title: ")
        self.show_welcome(False)
        return True

    def show_tab(self, document: Document) -> None:
        self.tabs.show(document)

    def close_tab(self, document: Document | None = None) -> bool:
        """Ctrl+W, a tab's close button, a middle click. A post with a file was autosaved,
        so only unsaved work asks; the last tab closed leaves a new post."""
        document = document or self.document
        if document in self._busy:
            self.statusBar().showMessage(
                self.tr("“%s” is being published or exported: close it when that is done")
                % document.label,
                6000,
            )
            return False
        self.autosave(document)
        if not self.may_discard_changes(document):
            return False
        document.set_modified(False)  # decided: nothing more is saved from it
        if len(self.tabs.documents) == 1:
            if document.pristine:
                return True  # a new post in place of a new post
            self._add_document()
            self._load(PostFile(), new_post_text(), pristine=True)
        self.tabs.remove(document)
        document.discard()
        return True

    def close_post(self) -> bool:
        return self.close_tab()

    def session_state(self) -> SessionState:
        """The posts open here (those with a file), and which one is shown."""
        posts, current = [], 0
        for document in self.tabs.documents:
            if document.file.path is None:
                continue  # untitled work is in its recovery slot, not in the session
            if document is self.document:
                current = len(posts)
            posts.append(_open_post(document))
        return SessionState(posts, current)

    def restore_session(self, posts: list[OpenPost], current: int = 0) -> None:
        """Open ``posts`` in tabs where they were, and show the ``current`` one."""
        shown = None
        for index, state in enumerate(posts):
            if self.open_path(Path(state.path)):
                self.restore_position(state)
                if index == current or shown is None:
                    shown = self.document
        if shown is not None:
            self.tabs.show(shown)

    # ----- first start -------------------------------------------------------------------
    def _init_welcome(self, shown: bool) -> None:
        page = self.welcome
        page.set_folder(self.drafts)
        page.new_post.connect(self._write_from_welcome)
        page.add_blog.connect(self._add_blog_from_welcome)
        page.choose_folder.connect(
            lambda: self.choose_drafts_folder(self.tr("Where to Keep Your Drafts"))
        )
        page.open_folder.connect(
            lambda: self.choose_drafts_folder(self.tr("Open a Folder of Markdown Posts"))
        )
        # The library is where posts appear: on a first start it is shown whatever was
        # remembered, so the writer sees where their work goes.
        self.library.setVisible(shown or self.settings.show_library)
        self.show_welcome(shown)

    def show_welcome(self, shown: bool) -> None:
        self._main_area.setCurrentWidget(self.welcome if shown else self._main_area.widget(0))
        self.counts.set_hidden(shown)  # no post is in view to count
        if shown:
            self.welcome.new_button.setFocus()

    def remember_library(self, shown: bool) -> None:
        """The writer showed or hid the library: the next start shows it the same way
        (not when full screen hides it, nor while the window is being set up)."""
        if not self.isVisible() or self.commands.full_screen.isChecked():
            return
        if shown != self.settings.show_library:
            self.settings.show_library = shown
            self._save_setting("show_library", shown)

    def _save_setting(self, name: str, value) -> None:
        # Onto what is on disk now: another window may have saved other settings since.
        fresh = Settings.load()
        setattr(fresh, name, value)
        try:
            fresh.save()
        except SmugdeskError as error:
            self.statusBar().showMessage(str(error), 8000)

    @property
    def welcome_shown(self) -> bool:
        return self._main_area.currentWidget() is self.welcome

    def _add_blog_from_welcome(self) -> None:
        """Straight to the blog's address (Add Blog), over the list of blogs it joins."""
        from smugdesk.ui.dialogs.accounts import AccountsDialog

        dialog = AccountsDialog(self)
        QTimer.singleShot(0, dialog.add_blog)
        dialog.exec()
        self._known_accounts = None
        self.refresh_metadata()

    def _write_from_welcome(self) -> None:
        self.show_welcome(False)
        self.editor.setFocus()

    def choose_drafts_folder(self, caption: str) -> bool:
        """Keep drafts in a folder the writer picks (remembered in the settings); the
        library shows its posts."""
        chosen = QFileDialog.getExistingDirectory(self, caption, str(self.drafts))
        if not chosen:
            return False
        self.drafts = Path(chosen).absolute()
        self.settings.drafts = str(self.drafts)
        self._save_setting("drafts", self.settings.drafts)
        self.welcome.set_folder(self.drafts)
        if self.file.path is None:
            self.preview.set_base_folder(self.drafts)
        if self._started:
            self.start_library()
        return True

    def open_dialog(self) -> None:
        start = self.file.path.parent if self.file.path else ensure_drafts_dir(self.drafts)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Post"), str(start), POST_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open the post at ``path`` in a tab of its own (the shown one when it is a new
        post nobody typed in); a post open already is shown."""
        open_already = self.tabs.find(path)
        if open_already is not None:
            self.tabs.show(open_already)
            self._remember_recent(open_already.file.path)
            self.show_welcome(False)
            return True
        try:
            binding, text = PostFile.read(path)
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("Cannot open this file"), str(error))
            return False
        if not self.document.pristine:
            self._add_document()
        self._load(binding, text)
        self._remember_recent()
        self.show_welcome(False)
        return True

    def _load(self, binding: PostFile, text: str, *, pristine: bool = False) -> None:
        """Put ``text`` in the shown tab, bound to ``binding``."""
        document = self.document
        document.load(binding, text, pristine=pristine)
        # The preview opens where the editor is (its top), not where the last post was.
        self.feed.opened()
        self.preview.set_base_folder(document.folder())
        self.refresh_metadata(fresh=True)
        self._update_title()
        document.recovery.clear()
        self.note_loaded(binding, text)

    def may_discard_changes(self, document: Document | None = None) -> bool:
        """True when the post may go: saved, discarded, or unchanged. The post asked about
        is shown first."""
        document = document or self.document
        if not document.modified:
            return True
        self.tabs.show(document)
        box = QMessageBox(self)
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
            self.keep_discarded(document)  # in the trash or the history: a way back for a while
            return True
        return False

    # ----- saving ----------------------------------------------------------------------
    def save(self) -> bool:
        if self.file.path is None:
            return self.save_as()
        return self.save_to(None)

    def save_as(self) -> bool:
        if self.file.path is not None:
            suggested = self.file.path
        else:
            title = self.document.title or "untitled"
            suggested = unique_path(ensure_drafts_dir(self.drafts), title)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Post As"), str(suggested), POST_FILTER
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
        document = document or self.document
        try:
            document.save(path, overwrite=overwrite, cause=cause)
        except ConflictError as error:
            self.tabs.show(document)
            return self._resolve_conflict(str(error))
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("The post was not saved"), str(error))
            return False
        self.library_saw_save(document.file.path)
        if document is self.document:
            self.preview.set_base_folder(document.folder())
            self._update_title()
        self._remember_recent(document.file.path)
        self.statusBar().showMessage(self.tr("Saved %s") % document.file.path, 4000)
        return True

    def _resolve_conflict(self, message: str) -> bool:
        box = QMessageBox(self)
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
        document = document or self.document
        if not document.modified:
            return
        path = document.file.path
        if path is None:
            self.keep_untitled(document)
            return
        if not path.exists():
            return  # deleted on disk: only an explicit Save writes it again
        if document.file.changed_on_disk():
            self.statusBar().showMessage(
                self.tr("Not autosaved: %s was changed by another program. Save to choose.")
                % path.name
            )
            return
        try:
            document.save(cause="autosave")
        except SmugdeskError as error:
            self.statusBar().showMessage(self.tr("Autosave failed: %s") % error)
            return
        self.library_saw_save(path)
        self.statusBar().showMessage(self.tr("Autosaved"), 2000)

    # ----- the preview and the counts ----------------------------------------------------
    def _on_rendered(self, result: RenderResult) -> None:
        self.document.set_title(result.rendered.title)
        self._update_title()
        self.counts.show_render(result.words, result.characters, self.editor, result.body_line)
        self.outline.set_headings(result.headings)

    def _render_now(self) -> None:
        self.feed.render_now()

    def sync_preview_scroll(self) -> None:
        self.feed.sync_scroll()

    def show_source_line(self, line: int) -> None:
        self.feed.show_source_line(line)

    def _update_counts(self) -> None:
        self.counts.update(self.editor)

    @property
    def preview_is_current(self) -> bool:
        """True once the preview shows the editor's latest text (tests and benchmarks)."""
        return self.feed.is_current

    def _update_title(self) -> None:
        document = self.document
        self.setWindowTitle(f"{document.label}[*] — smugdesk")
        self.setWindowFilePath(str(document.file.path) if document.file.path else "")
        self.library.set_current_post(document.file.path)

    # ----- window ----------------------------------------------------------------------
    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About smugdesk"),
            self.tr("<b>smugdesk %s</b><p>Write offline, publish in one click.</p>") % __version__,
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Leaving the window (another app, a dialog) is a natural moment to be safe.
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            for document in self.tabs.documents:
                self.autosave(document)
        elif event.type() == QEvent.Type.ActivationChange and self.library_worker is not None:
            # Back from another program, which may have changed posts in place (the folder
            # watch sees files come and go, not their words): the index re-reads what changed.
            self.library_worker.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        # Posts with a file are saved; only untitled work (or a failed save) asks.
        for document in self.tabs.documents:
            self.autosave(document)
        shown = self.document
        for document in self.tabs.documents:
            if not self.may_discard_changes(document):
                event.ignore()
                return
        self.tabs.show(shown)  # the session remembers the tab the writer was in
        state = self.session_state()
        self.feed.stop()
        self.stop_library()
        self.history_at_close()
        event.accept()
        self.closed.emit(state)

    def set_distraction_free(self, on: bool) -> None:
        """Full screen with only the editor; the same key (or Esc) brings everything back."""
        for widget in (
            self.preview,
            self.menuBar(),
            self.statusBar(),
            *self.findChildren(QToolBar),
        ):
            widget.setVisible(not on)
        self.metadata.setVisible(not on and self.commands.show_details.isChecked())
        if on:
            self._docks_shown = [dock for dock in (self.library, self.outline) if dock.isVisible()]
            for dock in self._docks_shown:
                dock.hide()
            self.showFullScreen()
        else:
            for dock in getattr(self, "_docks_shown", []):
                dock.show()
            self.showNormal()

    def cycle_panes(self, step: int) -> None:
        """F6 / Shift+F6: library search, post list, details, editor, preview, around. Tab
        cannot do it: in the editor Tab indents."""
        panes = [
            pane
            for pane in (
                self.library.search,
                self.library.list,
                self.metadata.fields["title"],
                self.editor,
                self.preview,
            )
            if pane.isVisible()
        ]
        focused = QApplication.focusWidget()
        here = next(
            (i for i, pane in enumerate(panes) if pane is focused or pane.isAncestorOf(focused)),
            panes.index(self.editor) if self.editor in panes else 0,
        )
        panes[(here + step) % len(panes)].setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.commands.full_screen.isChecked():
            self.commands.full_screen.setChecked(False)
            return
        super().keyPressEvent(event)

    def check_disk(self) -> None:
        """What the file watcher calls, for the shown post."""
        self.disk_watch.check(self.document)

    def open_post_state(self) -> OpenPost | None:
        """Where the writer is in the shown post (None for a post with no file)."""
        return None if self.file.path is None else _open_post(self.document)

    def restore_position(self, state: OpenPost) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(min(state.cursor, len(self.editor.toPlainText())))
        self.editor.setTextCursor(cursor)
        # The scroll range is known only once the text is laid out.
        bar = self.editor.verticalScrollBar()
        QTimer.singleShot(0, lambda: bar.setValue(state.scroll))


def _open_post(document: Document) -> OpenPost:
    editor = document.editor
    return OpenPost(
        str(document.file.path),
        editor.textCursor().position(),
        editor.verticalScrollBar().value(),
    )
