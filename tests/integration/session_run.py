"""Run by test_session_restore.py as a separate process (QtWebEngine cannot start twice in
one process): starts the real app, optionally moves each window's cursor, prints every
window's post and cursor, then quits through File → Quit."""

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from smugdesk.ui import application
from smugdesk.ui.main_window import MainWindow

move_cursors = sys.argv[1] == "move"
files = [Path(arg) for arg in sys.argv[2:]]


def act() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not all(w.preview_is_current for w in windows):
        QTimer.singleShot(50, act)
        return
    for offset, window in enumerate(sorted(windows, key=lambda w: str(w.file.path))):
        if move_cursors:
            cursor = window.editor.textCursor()
            cursor.setPosition(100 + offset)
            window.editor.setTextCursor(cursor)
        print(
            window.file.path.name if window.file.path else "-",
            window.editor.textCursor().position(),
            flush=True,
        )
    windows[0].commands.quit.trigger()


QTimer.singleShot(0, act)
sys.exit(application.run_gui(argparse.Namespace(files=files, drafts=None)))
