"""Which posts to reopen next time: those open when the writer quit (every tab, and the one
shown), or the last window they closed. A window closed while others stay open is not
brought back."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.session import OpenPost, SessionState, load_session_state, save_session

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
        self.current = 0

    def watch(self, window) -> None:
        window.closed.connect(lambda state, w=window: self._closed(w, state))

    def _closed(self, window, state: SessionState | OpenPost | None) -> None:
        app = QApplication.instance()
        others = [
            widget
            for widget in app.topLevelWidgets()
            if widget is not window and widget.isVisible() and hasattr(widget, "closed")
        ]
        if not app.property(QUITTING) and others:
            return
        if isinstance(state, OpenPost):
            state = SessionState([state])
        if state is not None and state.posts:
            if not self.entries:  # the first window's shown post is shown again
                self.current = state.current
            self.entries.extend(state.posts)

    def save(self) -> None:
        # Losing the list of open posts is an inconvenience, never lost words.
        with contextlib.suppress(SmugdeskError):
            save_session(self.entries, current=self.current)


def open_session_window(drafts: Path, files: list[Path], keeper: SessionKeeper):
    """The start-up window: the posts named on the command line, else the tabs open when
    the app last quit (the one shown then shown again), else a new post."""
    from smugdesk.ui.main_window import MainWindow

    state = load_session_state()
    if files:
        state = SessionState([OpenPost(str(path)) for path in files])
    window = MainWindow(drafts, staged=True, greet=not state.posts)
    keeper.watch(window)
    window.show()
    window.restore_session(state.posts, state.current)
    return window
