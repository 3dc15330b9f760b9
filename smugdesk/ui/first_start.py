"""The first start, and the drafts folder: a greeting in the main area while the drafts
folder has no post yet (where drafts are kept, New Post, Add Your Blog, Open a Folder),
the library shown so the writer sees where their work goes, and the settings that
remember both."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog

from smugdesk.core.config import Settings
from smugdesk.core.errors import SmugdeskError

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class FirstStart(QObject):
    """Switches the window's main area between the welcome page and the posts, and owns
    the choice of drafts folder and the remembered library visibility (settings)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def begin(self, shown: bool) -> None:
        """At the end of the window's making: greet the writer (``shown``) or not."""
        window = self.window
        page = window.welcome
        page.set_folder(window.drafts)
        page.new_post.connect(self._write)
        page.add_blog.connect(self._add_blog)
        page.choose_folder.connect(
            lambda: self.choose_drafts_folder(self.tr("Where to Keep Your Drafts"))
        )
        page.open_folder.connect(
            lambda: self.choose_drafts_folder(self.tr("Open a Folder of Markdown Posts"))
        )
        # The library is where posts appear: on a first start it is shown whatever was
        # remembered, so the writer sees where their work goes.
        window.library.setVisible(shown or window.settings.show_library)
        self.show(shown)

    def show(self, shown: bool) -> None:
        window = self.window
        window._main_area.setCurrentWidget(window.welcome if shown else window._main_area.widget(0))
        window.counts.set_hidden(shown)  # no post is in view to count
        if shown:
            window.welcome.new_button.setFocus()

    def remember_library(self, shown: bool) -> None:
        """The writer showed or hid the library: the next start shows it the same way
        (not when full screen hides it, nor while the window is being set up)."""
        window = self.window
        if not window.isVisible() or window.commands.full_screen.isChecked():
            return
        if shown != window.settings.show_library:
            window.settings.show_library = shown
            self.save_setting("show_library", shown)

    def save_setting(self, name: str, value) -> None:
        window = self.window
        # Onto what is on disk now: another window may have saved other settings since.
        fresh = Settings.load()
        setattr(fresh, name, value)
        try:
            fresh.save()
        except SmugdeskError as error:
            window.statusBar().showMessage(str(error), 8000)

    @property
    def shown(self) -> bool:
        window = self.window
        return window._main_area.currentWidget() is window.welcome

    def _add_blog(self) -> None:
        """Straight to the blog's address (Add Blog), over the list of blogs it joins."""
        from smugdesk.ui.dialogs.accounts import AccountsDialog

        window = self.window
        dialog = AccountsDialog(window)
        QTimer.singleShot(0, dialog.add_blog)
        dialog.exec()
        window._known_accounts = None
        window.refresh_metadata()

    def _write(self) -> None:
        window = self.window
        self.show(False)
        window.metadata.focus_title()  # a new post starts with its title

    def choose_drafts_folder(self, caption: str) -> bool:
        """Keep drafts in a folder the writer picks (remembered in the settings); the
        library shows its posts."""
        window = self.window
        chosen = QFileDialog.getExistingDirectory(window, caption, str(window.drafts))
        if not chosen:
            return False
        window.drafts = Path(chosen).absolute()
        window.settings.drafts = str(window.drafts)
        self.save_setting("drafts", window.settings.drafts)
        window.welcome.set_folder(window.drafts)
        for document in window.documents:
            if document.file.path is None:  # untitled work belongs to the folder shown
                document.drafts = window.drafts
        if window.file.path is None:
            window.preview.set_base_folder(window.drafts)
        if window._started:
            window.start_library()
        return True
