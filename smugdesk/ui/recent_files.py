"""File → Open Recent: the posts opened or saved lately, newest first."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox

from smugdesk.core.config import Settings
from smugdesk.core.errors import SmugdeskError

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class RecentPosts(QObject):
    """Owns File → Open Recent (the menu and the list in the settings); opens through the
    window."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        menu.aboutToShow.connect(self.fill_menu)
        self.fill_menu()

    def remember(self, path: Path | None = None) -> None:
        """``path`` (the shown post's file unless told) is the newest recent post."""
        # Read fresh: another window may have added its own since this one started.
        fresh = Settings.load()
        fresh.remember_recent(path or self.window.file.path)
        self.window.settings.recent = fresh.recent
        with contextlib.suppress(SmugdeskError):  # a menu convenience, never worth an error
            fresh.save()

    def fill_menu(self) -> None:
        self.menu.clear()
        for entry in Settings.load().recent:
            action = self.menu.addAction(Path(entry).name)
            action.setToolTip(entry)
            action.triggered.connect(lambda _=False, p=entry: self.open(Path(p)))
        self.menu.setEnabled(not self.menu.isEmpty())

    def open(self, path: Path) -> None:
        if not path.exists():
            settings = Settings.load()
            settings.recent = [p for p in settings.recent if p != str(path)]
            with contextlib.suppress(SmugdeskError):
                settings.save()
            QMessageBox.information(
                self.window, self.tr("Post not found"), self.tr("%s is no longer there.") % path
            )
            return
        self.window.open_path(path)
