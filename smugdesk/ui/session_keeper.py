"""Which posts to reopen next time: those open when the writer quit, or the last window
they closed. A window closed while others stay open is not brought back."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.session import OpenPost, save_session

QUITTING = "smugdesk_quitting"


def quit_application() -> None:
    """File → Quit: close every window (each may still ask about unsaved work)."""
    app = QApplication.instance()
    app.setProperty(QUITTING, True)
    app.closeAllWindows()
    if any(widget.isVisible() for widget in app.topLevelWidgets()):
        app.setProperty(QUITTING, False)  # someone pressed Cancel: the session goes on


class SessionKeeper(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[OpenPost] = []

    def watch(self, window) -> None:
        window.closed.connect(lambda state, w=window: self._closed(w, state))

    def _closed(self, window, state: OpenPost | None) -> None:
        app = QApplication.instance()
        others = [
            widget
            for widget in app.topLevelWidgets()
            if widget is not window and widget.isVisible() and hasattr(widget, "closed")
        ]
        if not app.property(QUITTING) and others:
            return
        if state is not None:
            self.entries.append(state)

    def save(self) -> None:
        # Losing the list of open posts is an inconvenience, never lost words.
        with contextlib.suppress(SmugdeskError):
            save_session(self.entries)
