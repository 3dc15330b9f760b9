"""File → Open Recent: the posts opened or saved lately, newest first."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from smugdesk.core.config import Settings
from smugdesk.core.errors import SmugdeskError


class RecentFiles:
    """Mixed into MainWindow (uses its file, settings and recent_menu)."""

    def _remember_recent(self, path: Path | None = None) -> None:
        # Read fresh: another window may have added its own since this one started.
        fresh = Settings.load()
        fresh.remember_recent(path or self.file.path)
        self.settings.recent = fresh.recent
        with contextlib.suppress(SmugdeskError):  # a menu convenience, never worth an error
            fresh.save()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in Settings.load().recent:
            action = self.recent_menu.addAction(Path(entry).name)
            action.setToolTip(entry)
            action.triggered.connect(lambda _=False, p=entry: self._open_recent(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            settings = Settings.load()
            settings.recent = [p for p in settings.recent if p != str(path)]
            with contextlib.suppress(SmugdeskError):
                settings.save()
            QMessageBox.information(
                self, self.tr("Post not found"), self.tr("%s is no longer there.") % path
            )
            return
        self.open_path(path)
