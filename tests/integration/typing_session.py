"""Run by test_sigkill.py as a separate process: opens a post in the real window and types
into it like a person (numbered words, ten characters a second), printing each word as it
is typed, until it is killed."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow

app = create_application()
window = MainWindow(Path(sys.argv[1]).parent)
window.show()
window.open_path(Path(sys.argv[1]))
window.editor.setFocus()
window.editor.moveCursor(QTextCursor.MoveOperation.End)
count = 0


def type_word() -> None:
    global count
    count += 1
    QTest.keyClicks(window.editor, f" w{count:04d}")  # 6 characters
    print(f"{count} {time.monotonic():.3f}", flush=True)
    QTimer.singleShot(600, type_word)  # 6 characters every 0.6 s: 10 characters a second


print("ready", flush=True)
QTimer.singleShot(0, type_word)
app.exec()
