"""Run by test_session_restore.py as a separate process (QtWebEngine cannot start twice in
one process): starts the app's window as run_gui does (session_keeper.open_session_window),
optionally moves each tab's cursor and shows the second tab, prints every tab's post and
cursor (the shown one marked), then quits through File → Quit."""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from smugdesk.core.config import Settings, drafts_dir
from smugdesk.ui import application
from smugdesk.ui.main_window import MainWindow
from smugdesk.ui.session_keeper import SessionKeeper, open_session_window

move_cursors = sys.argv[1] == "move"
files = [Path(arg) for arg in sys.argv[2:]]


def act() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not all(w.preview_is_current for w in windows):
        QTimer.singleShot(50, act)
        return
    (window,) = windows  # every post in tabs of one window
    for offset, document in enumerate(window.documents):
        if move_cursors:
            window.show_tab(document)
            cursor = window.editor.textCursor()
            cursor.setPosition(100 + offset)
            window.editor.setTextCursor(cursor)
    if move_cursors:
        window.show_tab(window.documents[1])
    for document in window.documents:
        print(
            document.file.path.name if document.file.path else "-",
            document.editor.textCursor().position(),
            "shown" if document is window.document else "",
            flush=True,
        )
    window.commands.quit.trigger()


app = application.create_application()
keeper = SessionKeeper(app)
app.aboutToQuit.connect(keeper.save)
drafts = drafts_dir(None, Settings.load().drafts or None)
open_session_window(drafts, files, keeper)
QTimer.singleShot(0, act)
sys.exit(app.exec())
