"""Which posts to reopen next time: those open when the writer quit (every tab, and the one
shown), or the last window they closed. A window closed while others stay open is not
brought back."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

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


def session_state(window) -> SessionState:
    """The posts open in ``window`` (those with a file), and which one is shown."""
    posts, current = [], 0
    for document in window.documents:
        if document.file.path is None:
            continue  # untitled work is in its recovery slot, not in the session
        if document is window.document:
            current = len(posts)
        posts.append(open_post(document))
    return SessionState(posts, current)


def restore_session(window, posts: list[OpenPost], current: int = 0) -> None:
    """Open ``posts`` in tabs of ``window`` where they were, and show the ``current`` one."""
    shown = None
    for index, state in enumerate(posts):
        if window.open_path(Path(state.path)):
            restore_position(window.editor, state)
            if index == current or shown is None:
                shown = window.document
    if shown is not None:
        window.show_tab(shown)


def open_post(document) -> OpenPost:
    """Where the writer is in an open post with a file."""
    editor = document.editor
    return OpenPost(
        str(document.file.path), editor.textCursor().position(), editor.verticalScrollBar().value()
    )


def restore_position(editor: QPlainTextEdit, state: OpenPost) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(min(state.cursor, len(editor.toPlainText())))
    editor.setTextCursor(cursor)
    # The scroll range is known only once the text is laid out.
    bar = editor.verticalScrollBar()
    QTimer.singleShot(0, lambda: bar.setValue(state.scroll))


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
