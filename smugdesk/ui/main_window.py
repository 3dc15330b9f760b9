"""The main window: the editor beside its live preview, and the file and export commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
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
from smugdesk.core.session import OpenPost
from smugdesk.core.store import PostFile, unique_path
from smugdesk.core.words import word_count, word_goal
from smugdesk.ui.actions import build_actions
from smugdesk.ui.disk_watch import DiskWatch
from smugdesk.ui.download_actions import DownloadActions
from smugdesk.ui.editor import MarkdownEditor
from smugdesk.ui.export_actions import ExportActions
from smugdesk.ui.find_bar import FindBar
from smugdesk.ui.history_actions import HistoryActions
from smugdesk.ui.insert_actions import InsertActions
from smugdesk.ui.library_actions import LibraryActions
from smugdesk.ui.menus import build_menus
from smugdesk.ui.metadata_form import MetadataForm
from smugdesk.ui.metadata_sync import MetadataSync
from smugdesk.ui.outline_pane import OutlinePane
from smugdesk.ui.preview_pane import PreviewPane
from smugdesk.ui.publish_actions import PublishActions
from smugdesk.ui.recent_files import RecentFiles
from smugdesk.ui.render_worker import RenderWorker
from smugdesk.ui.settings_actions import SettingsActions
from smugdesk.ui.staged_start import StagedStart
from smugdesk.ui.welcome import WelcomePage, has_posts

if TYPE_CHECKING:
    from smugdesk.core.preview_text import RenderResult

POST_FILTER = "Markdown posts (*.md *.markdown *.mdown *.txt);;All files (*)"
RENDER_DELAY_MS = 0  # next event-loop turn: one render for a paste's several changes
AUTOSAVE_DELAY_MS = 2000  # at most this much typing is ever only in memory


class MainWindow(
    StagedStart,
    HistoryActions,  # before PublishActions: it extends its outcome handler
    ExportActions,
    PublishActions,
    DownloadActions,
    InsertActions,
    DiskWatch,
    SettingsActions,
    RecentFiles,
    LibraryActions,
    MetadataSync,
    QMainWindow,
):
    exported = Signal(object)
    published = Signal(object)  # an Outcome, or the error that stopped a publish
    downloaded = Signal(object)  # (new files, files already there), or an error
    closed = Signal(object)  # OpenPost of the post this window had, or None

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
        self.file = PostFile()
        self._title = ""
        self._generation = 0
        self._shown_generation = -1
        self._rendering = False  # a render is in the worker
        self._dirty = False  # the text changed while it was there
        self._init_staged(staged)

        self.editor = MarkdownEditor()
        self.preview = PreviewPane()
        self.find_bar = FindBar(self.editor)
        writing = QWidget()
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(MetadataForm())
        column.addWidget(self.editor)
        column.addWidget(self.find_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(writing)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 640])
        self.welcome = WelcomePage()
        self._main_area = QStackedWidget()
        self._main_area.addWidget(splitter)
        self._main_area.addWidget(self.welcome)
        self.setCentralWidget(self._main_area)

        self.words = QLabel()
        self.words.setAccessibleName(self.tr("Word count"))
        self.statusBar().addPermanentWidget(self.words)
        self.goal_bar = QProgressBar()
        self.goal_bar.setAccessibleName(self.tr("Word-count goal"))
        self.goal_bar.setMaximumWidth(180)
        self.goal_bar.hide()
        self.statusBar().addPermanentWidget(self.goal_bar)
        self._goal: int | None = None

        self.settings = Settings.load()
        self.worker = RenderWorker(self)
        self.worker.embed_mode = self._embed_mode()
        self.worker.finished.connect(self._on_rendered)
        self.preview.shown.connect(self._on_preview_shown)
        self._render_timer = _single_shot(self, RENDER_DELAY_MS, self._render_now)
        self._autosave_timer = _single_shot(self, AUTOSAVE_DELAY_MS, self.autosave)

        self.editor.textChanged.connect(self._on_text_changed)
        self._init_metadata(writing.findChild(MetadataForm))
        self.editor.image_importer = self.import_images
        self.preview.open_post.connect(self.open_post_link)
        self.preview.goto_line.connect(self.show_source_line)
        self._body_line = 0
        self._typed = False  # the text changed in this turn of the event loop
        self._typed_end = _single_shot(self, 0, lambda: setattr(self, "_typed", False))
        self._scrolled_by_typing = False
        self._follow_caret = False  # the writer is typing: the preview shows the caret's block
        self._place_after = -1  # a render newer than this shows a post just opened
        self._scroll_sync = _single_shot(self, 30, self.sync_preview_scroll)
        self.editor.verticalScrollBar().valueChanged.connect(self._on_editor_scrolled)
        self.editor.document().modificationChanged.connect(self.setWindowModified)

        self._init_library()
        self.outline = OutlinePane(self.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.resizeDocks([self.library], [300], Qt.Orientation.Horizontal)
        self.outline.hide()
        self._counts = (0, 0)
        self.editor.selectionChanged.connect(self._update_counts)
        self.commands = build_actions(self)
        build_menus(self)
        self._init_export()
        self._init_publish()
        self._init_watch()
        # The open post changed on disk: its library row (words, title) is read again.
        self._watcher.fileChanged.connect(lambda path: self.library_saw_save(Path(path)))
        self._init_history()
        self.apply_settings(self.settings)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: self.apply_settings(self.settings)
        )
        self.resize(1280, 800)
        self.new_post(ask=False)
        self.editor.setFocus()  # the writer starts by writing, not in a form field
        self._init_welcome(greet and not has_posts(drafts))
        self._begin()

    # ----- documents -------------------------------------------------------------------
    def new_post(self, *, ask: bool = True) -> bool:
        if ask and not self.may_discard_changes():
            return False
        self._load(PostFile(), new_post_text())
        self.editor.place_cursor_after("title: ")
        self.show_welcome(False)
        return True

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
        self.words.setVisible(not shown)  # no post is in view to count
        self.goal_bar.setVisible(not shown and getattr(self, "_goal", None) is not None)
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
        self.autosave()  # switching posts is a moment to be safe; untitled work still asks
        if not self.may_discard_changes():
            return False
        try:
            binding, text = PostFile.read(path)
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("Cannot open this file"), str(error))
            return False
        self._load(binding, text)
        self._remember_recent()
        self.show_welcome(False)
        return True

    def close_post(self) -> bool:
        return self.new_post()

    def _load(self, binding: PostFile, text: str) -> None:
        self._autosave_timer.stop()
        self.file = binding
        self.editor.setPlainText(text)
        # The preview opens where the editor is (its top), not where the last post was.
        self._typed = self._scrolled_by_typing = self._follow_caret = False
        self._place_after = self._generation
        self.editor.document().setModified(False)
        self.preview.set_base_folder(binding.path.parent if binding.path else self.drafts)
        self._render_now()
        self.refresh_metadata(fresh=True)
        self._update_title()
        self.watch_current_file()
        self.recovery.clear()
        self.note_loaded(binding, text)

    def may_discard_changes(self) -> bool:
        """True when the current post may be replaced: saved, discarded, or unchanged."""
        if not self.editor.document().isModified():
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to “%s”?") % (self._title or self.tr("Untitled")))
        box.setInformativeText(
            self.tr("If you don't save, the text is kept in the trash for a while.")
            if self.file.path is None
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
            self.keep_discarded()  # in the trash or the history: a way back for a while
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
            suggested = unique_path(ensure_drafts_dir(self.drafts), self._title or "untitled")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Post As"), str(suggested), POST_FILTER
        )
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".md")
        return self.save_to(path)

    def save_to(self, path: Path | None, *, overwrite: bool = False, cause: str = "manual") -> bool:
        """Save to ``path`` (None: the post's own file). Asks before overwriting a file that
        another program changed; never loses the text in the editor. ``cause`` goes into
        the post's history with the version."""
        try:
            self.file.save_text(self.editor.toPlainText(), path, overwrite=overwrite, cause=cause)
        except ConflictError as error:
            return self._resolve_conflict(str(error))
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("The post was not saved"), str(error))
            return False
        self._autosave_timer.stop()
        self.editor.document().setModified(False)
        self.recovery.clear()
        self.library_saw_save(self.file.path)
        self.preview.set_base_folder(self.file.path.parent)
        self._update_title()
        self.watch_current_file()
        self._remember_recent()
        self.statusBar().showMessage(self.tr("Saved %s") % self.file.path, 4000)
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

    def autosave(self) -> None:
        """Quietly save a post that has a file; never over another program's changes. A post
        with no file yet is kept in its recovery copy."""
        if not self.editor.document().isModified():
            return
        if self.file.path is None:
            self.keep_untitled()
            return
        if not self.file.path.exists():
            return  # deleted on disk: only an explicit Save writes it again
        if self.file.changed_on_disk():
            self.statusBar().showMessage(
                self.tr("Not autosaved: %s was changed by another program. Save to choose.")
                % self.file.path.name
            )
            return
        try:
            self.file.save_text(self.editor.toPlainText(), cause="autosave")
        except SmugdeskError as error:
            self.statusBar().showMessage(self.tr("Autosave failed: %s") % error)
            return
        self.editor.document().setModified(False)
        self.watch_current_file()
        self.library_saw_save(self.file.path)
        self.statusBar().showMessage(self.tr("Autosaved"), 2000)

    # ----- rendering -------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._typed = self._follow_caret = True
        self._typed_end.start()
        if not self._scrolled_by_typing:
            self._scroll_sync.stop()  # a scroll not yet followed: the caret matters now
        if not self._render_timer.isActive():
            self._render_timer.start()
        # Started by the first unsaved change, not restarted by later ones: a pause saves
        # within AUTOSAVE_DELAY_MS, and so does every stretch of non-stop typing.
        # Untitled work goes to its recovery copy on the same clock.
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def _render_now(self) -> None:
        """Render at once when the worker is free; otherwise as soon as it is. One render at
        a time keeps latency at one render while typing, with no fixed delay on top."""
        self._render_timer.stop()
        if not self._started:
            self._render_wanted = True
            return
        if self._rendering:
            self._dirty = True
            return
        self._rendering = True
        self._generation += 1
        self.worker.submit(self._generation, self.editor.toPlainText())

    def _on_rendered(self, result: RenderResult) -> None:
        self._rendering = False
        if self._dirty:
            self._dirty = False
            self._render_now()
        self._title = result.rendered.title
        self._update_title()
        self._counts = (result.words, result.characters)
        self._goal = word_goal(self._front_matter_text(result.body_line))
        self._update_counts()
        self.outline.set_headings(result.headings)
        self._body_line = result.body_line
        self.preview.show_result(result)
        # Scrolls run in the page after the update just sent, so they see the new blocks.
        if self._place_after >= 0 and result.generation > self._place_after:
            self._place_after = -1
            self._follow_top_line()
        elif self._follow_caret and self.commands.sync_scroll.isChecked():
            self._reveal_caret()

    def sync_preview_scroll(self) -> None:
        """The preview follows the editor: while the writer types, the caret's block stays
        in view; when the editor is scrolled without typing, its top line is the top of
        the preview, and its end the preview's end."""
        if not self.commands.sync_scroll.isChecked():
            return
        if self._scrolled_by_typing:
            self._scrolled_by_typing = False
            self._reveal_caret()
            return
        self._follow_caret = False
        self._follow_top_line()

    def _on_editor_scrolled(self, _value: int) -> None:
        # The editor scrolls in the same turn as the keystroke that needed it.
        self._scrolled_by_typing = self._scrolled_by_typing or self._typed
        self._scroll_sync.start()

    def _follow_top_line(self) -> None:
        bar = self.editor.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            self.preview.reveal_line(0, end=True)
            return
        top = self.editor.cursorForPosition(QPoint(0, 0)).blockNumber()
        self.preview.scroll_to_line(max(0, top - self._body_line))

    def _reveal_caret(self) -> None:
        block = self.editor.textCursor().block()
        line = block.blockNumber() - self._body_line
        # In the last block with words (blank lines after it do not count): the page's end.
        following = block.next()
        while following.isValid() and not following.text().strip():
            following = following.next()
        self.preview.reveal_line(max(0, line), end=not following.isValid())

    def show_source_line(self, line: int) -> None:
        block = self.editor.document().findBlockByNumber(line + self._body_line)
        if block.isValid():
            cursor = self.editor.textCursor()
            cursor.setPosition(block.position())
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
            self.editor.setFocus()

    def _update_counts(self) -> None:
        words, characters = self._counts
        minutes = max(1, round(words / 230))  # an adult's silent reading pace
        text = " · ".join(
            (
                self.tr("%s word(s)", "", words) % f"{words:,}",
                self.tr("%s character(s)", "", characters) % f"{characters:,}",
                self.tr("%n min read", "", minutes),
            )
        )
        selected = self.editor.textCursor().selectedText()
        if selected:
            text = self.tr("%s selected · ") % f"{word_count(selected):,}" + text
        self.words.setText(text)
        self._show_goal(words)

    def _front_matter_text(self, lines: int) -> str:
        # Only the lines before the body: a long post is not copied out for each render.
        block = self.editor.document().firstBlock()
        head = []
        while block.isValid() and len(head) <= lines:
            head.append(block.text())
            block = block.next()
        return "\n".join(head)

    def _show_goal(self, words: int) -> None:
        """A goal in the front matter (``goal: 1500``): progress towards it."""
        goal = self._goal
        self.goal_bar.setVisible(goal is not None and not self.welcome_shown)
        if goal is None:
            return
        self.goal_bar.setMaximum(goal)
        self.goal_bar.setValue(min(words, goal))
        self.goal_bar.setFormat(
            self.tr("Goal reached: %s words") % f"{goal:,}"
            if words >= goal
            else self.tr("%s%% of %s words") % (words * 100 // goal, f"{goal:,}")
        )

    def _on_preview_shown(self, generation: int) -> None:
        self._shown_generation = generation

    @property
    def preview_is_current(self) -> bool:
        """True once the preview shows the editor's latest text (tests and benchmarks)."""
        return self._shown_generation == self._generation and not (
            self._rendering or self._dirty or self._render_timer.isActive()
        )

    def _update_title(self) -> None:
        name = self._title or (self.file.path.stem if self.file.path else self.tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — smugdesk")
        self.setWindowFilePath(str(self.file.path) if self.file.path else "")
        self.library.set_current_post(self.file.path)

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
            self.autosave()
        elif event.type() == QEvent.Type.ActivationChange and self.library_worker is not None:
            # Back from another program, which may have changed posts in place (the folder
            # watch sees files come and go, not their words): the index re-reads what changed.
            self.library_worker.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.autosave()  # a post with a file is saved; only untitled work needs a question
        if not self.may_discard_changes():
            event.ignore()
            return
        self.worker.stop()
        self.stop_library()
        self.history_at_close()
        event.accept()
        self.closed.emit(self.open_post_state())

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

    def open_post_state(self) -> OpenPost | None:
        if self.file.path is None:
            return None
        return OpenPost(
            str(self.file.path),
            self.editor.textCursor().position(),
            self.editor.verticalScrollBar().value(),
        )

    def restore_position(self, state: OpenPost) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(min(state.cursor, len(self.editor.toPlainText())))
        self.editor.setTextCursor(cursor)
        # The scroll range is known only once the text is laid out.
        QTimer.singleShot(0, lambda: self.editor.verticalScrollBar().setValue(state.scroll))


def _single_shot(parent: QObject, interval: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer
