"""The main window: the open posts in tabs, each editor beside the one shared preview.

Each open post is a Document (ui/document.py); the window composes controllers that own
their state and hold the window for what they ask of it: DocumentTabs (which post is
shown), PreviewFeed (renders the shown post only), WordStatus, Saving, DiskWatch,
FirstStart, ViewModes, SettingsControl, HistoryControl, LibraryControl, DetailsSync,
Exporting, Inserting, Downloads, RecentPosts (made by the menus) and WaitingPosts (by
PublishActions). Still mixed in, sharing the window's attributes: StagedStart and
PublishActions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from smugdesk import __version__
from smugdesk.core.config import Settings, ensure_drafts_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import new_post_text
from smugdesk.core.session import OpenPost, SessionState
from smugdesk.core.store import PostFile
from smugdesk.ui.actions import build_actions
from smugdesk.ui.disk_watch import DiskWatch
from smugdesk.ui.document import Document
from smugdesk.ui.document_tabs import DocumentTabs
from smugdesk.ui.download_actions import Downloads
from smugdesk.ui.export_actions import Exporting
from smugdesk.ui.find_bar import FindBar
from smugdesk.ui.first_start import FirstStart
from smugdesk.ui.history_actions import HistoryControl
from smugdesk.ui.insert_actions import Inserting
from smugdesk.ui.library_actions import LibraryControl
from smugdesk.ui.menus import build_menus
from smugdesk.ui.metadata_form import MetadataForm
from smugdesk.ui.metadata_sync import DetailsSync
from smugdesk.ui.outline_pane import OutlinePane
from smugdesk.ui.preview_feed import PreviewFeed
from smugdesk.ui.preview_pane import PreviewPane
from smugdesk.ui.publish_actions import PublishActions
from smugdesk.ui.saving import POST_FILTER, Saving
from smugdesk.ui.session_keeper import open_post, restore_position, restore_session, session_state
from smugdesk.ui.settings_actions import SettingsControl
from smugdesk.ui.staged_start import StagedStart
from smugdesk.ui.view_modes import ViewModes
from smugdesk.ui.welcome import WelcomePage, has_posts
from smugdesk.ui.window_layout import main_area
from smugdesk.ui.word_status import WordStatus

# Characters of the post left behind above which a tab switch builds the preview page anew.
FRESH_PAGE_AFTER = 100_000

if TYPE_CHECKING:
    from smugdesk.core.preview_text import RenderResult
    from smugdesk.ui.editor import MarkdownEditor


class MainWindow(
    StagedStart,
    PublishActions,
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
        self.settings_control = SettingsControl(self)
        self._init_staged(staged)

        self.tabs = DocumentTabs(self)
        self.tabs.current_changed.connect(self._on_current_changed)
        self.tabs.close_requested.connect(self.close_tab)
        self._busy: set[Document] = set()  # posts a publish or export will write back into
        first = self._add_document()
        self.preview = PreviewPane()
        self.find_bar = FindBar(first.editor)
        form = MetadataForm()
        self.welcome = WelcomePage()
        self._main_area = main_area(
            self.tabs.bar, self.tabs.stack, form, self.find_bar, self.preview, self.welcome
        )
        self.setCentralWidget(self._main_area)

        self.counts = WordStatus(self.statusBar())
        self.words, self.goal_bar = self.counts.words, self.counts.goal_bar
        self.feed = PreviewFeed(
            self.preview, lambda: self.commands.sync_scroll.isChecked(), parent=self
        )
        self.worker = self.feed.worker
        self.worker.embed_mode = self.settings_control.embed_mode()
        self.feed.rendered.connect(self._on_rendered)
        self.inserting = Inserting(self)
        self.downloads = Downloads(self)
        self.preview.open_post.connect(self.inserting.open_post_link)
        self.preview.goto_line.connect(self.feed.show_source_line)
        self.metadata = form
        self.details = DetailsSync(self, form)

        self.library_control = LibraryControl(self)
        self.library = self.library_control.pane
        self.feed.edited.connect(self.library_control.saw_typing)
        self.outline = OutlinePane(first.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.resizeDocks([self.library], [300], Qt.Orientation.Horizontal)
        self.outline.hide()
        self.commands = build_actions(self)
        build_menus(self)
        self.exporting = Exporting(self)
        self._init_publish()
        self.disk_watch = DiskWatch(self)
        self.saving = Saving(self)
        self.first_start = FirstStart(self)
        self.view_modes = ViewModes(self)
        self.history_control = HistoryControl(self)
        self._prepare_editor(first)
        self._on_current_changed(first, None)
        self.apply_settings(self.settings)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: self.apply_settings(self.settings)
        )
        self.resize(1280, 800)
        self.new_post()
        self.editor.setFocus()  # the writer starts by writing, not in a form field
        self.first_start.begin(greet and not has_posts(drafts))
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
        document.editor.image_importer = self.inserting.import_images
        self.disk_watch.follow(document)
        self.settings_control.apply_to(document)

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
        # Leaving a long post, a fresh page is quicker than unpicking its blocks (measured:
        # 100,000 words → 2,000, 0.8-1.3 s patched, 0.1-0.25 s on a new page).
        long_before = before is not None and before.editor.document().characterCount()
        fresh_page = bool(long_before) and long_before > FRESH_PAGE_AFTER
        self.preview.set_base_folder(document.folder(), reload=fresh_page)
        self.preview_style.follow_post()
        document.editor.post_folder = document.folder() if document.file.path else None
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
            (editor.textChanged, self.details.timer.start),
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
        if document is self.document:
            self._bind_editor(document.editor, False)  # the next tab shown binds its own
        self.tabs.remove(document)
        document.discard()
        return True

    def close_post(self) -> bool:
        return self.close_tab()

    def session_state(self) -> SessionState:
        return session_state(self)

    def restore_session(self, posts: list[OpenPost], current: int = 0) -> None:
        restore_session(self, posts, current)

    # ----- first start (ui/first_start.py) ----------------------------------------------
    def show_welcome(self, shown: bool) -> None:
        self.first_start.show(shown)

    @property
    def welcome_shown(self) -> bool:
        return self.first_start.shown

    def choose_drafts_folder(self, caption: str) -> bool:
        return self.first_start.choose_drafts_folder(caption)

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
            self.recent.remember(open_already.file.path)
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
        self.recent.remember()
        self.show_welcome(False)
        return True

    def _load(self, binding: PostFile, text: str, *, pristine: bool = False) -> None:
        """Put ``text`` in the shown tab, bound to ``binding``."""
        document = self.document
        document.load(binding, text, pristine=pristine)
        # The preview opens where the editor is (its top), not where the last post was.
        self.feed.opened()
        self.preview.set_base_folder(document.folder())
        self.preview_style.follow_post()
        document.editor.post_folder = document.folder() if binding.path else None
        self.refresh_metadata(fresh=True)
        self._update_title()
        document.recovery.clear()
        self.history_control.note_loaded(binding, text)

    # ----- saving (ui/saving.py) --------------------------------------------------------
    def may_discard_changes(self, document: Document | None = None) -> bool:
        return self.saving.may_discard_changes(document)

    def save(self) -> bool:
        return self.saving.save()

    def save_as(self) -> bool:
        return self.saving.save_as()

    def save_to(self, path: Path | None, **how) -> bool:
        """See Saving.save_to: ``overwrite``, ``cause``, ``document``."""
        return self.saving.save_to(path, **how)

    def autosave(self, document: Document | None = None) -> None:
        self.saving.autosave(document)

    # ----- the preview and the counts ----------------------------------------------------
    def _on_rendered(self, result: RenderResult) -> None:
        self.document.set_title(result.rendered.title)
        self._update_title()
        self.counts.show_render(result.words, result.characters, self.editor, result.body_line)
        self.outline.set_headings(result.headings)

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
        self.library_control.stop()
        self.history_control.at_close()
        event.accept()
        self.closed.emit(state)

    def set_distraction_free(self, on: bool) -> None:
        self.view_modes.set_distraction_free(on)

    def cycle_panes(self, step: int) -> None:
        self.view_modes.cycle_panes(step)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.commands.full_screen.isChecked():
            self.commands.full_screen.setChecked(False)
            return
        super().keyPressEvent(event)

    # ----- entry points of the controllers, for dialogs and tests ----------------------------
    @property
    def library_worker(self):
        return self.library_control.worker

    def library_saw_save(self, path: Path) -> None:
        self.library_control.saw_save(path)

    def start_library(self) -> None:
        self.library_control.start()

    def export_to(self, name: str, folder: Path, options: dict | None = None) -> None:
        self.exporting.export_to(name, folder, options)

    def export_dialog(self, name: str = "") -> None:
        self.exporting.export_dialog(name)

    def export_again(self) -> None:
        self.exporting.export_again()

    def apply_settings(self, settings: Settings) -> None:
        self.settings_control.apply(settings)

    def set_remote_content(self, allowed: bool) -> None:
        self.settings_control.set_remote_content(allowed)

    def recover_untitled_work(self) -> list:
        return self.history_control.recover_untitled_work()

    def refresh_metadata(self, *, fresh: bool = False) -> None:
        self.details.refresh(fresh=fresh)

    def insert_link(self) -> None:
        self.inserting.insert_link()

    def download_posts(self, name: str, count: int = 20, url: str = "") -> None:
        self.downloads.download_posts(name, count, url)

    def _fill_recent_menu(self) -> None:
        self.recent.fill_menu()

    def check_disk(self) -> None:
        """What the file watcher calls, for the shown post."""
        self.disk_watch.check(self.document)

    def open_post_state(self) -> OpenPost | None:
        """Where the writer is in the shown post (None for a post with no file)."""
        return None if self.file.path is None else open_post(self.document)

    def restore_position(self, state: OpenPost) -> None:
        restore_position(self.editor, state)
