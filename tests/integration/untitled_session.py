"""Run by test_recovery.py as a separate process. ``type DRAFTS``: a new, untitled post in
the real window, typed into like a person (numbered words, ten characters a second), each
word printed as it is typed, until the process is killed. ``restart DRAFTS``: the window
as the app starts it; prints what it says it recovered and the text it opened, then quits."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow

mode, drafts = sys.argv[1], Path(sys.argv[2])
app = create_application()
window = MainWindow(drafts)
window.show()
count = 0


def type_word() -> None:
    global count
    count += 1
    QTest.keyClicks(window.editor, f" w{count:04d}")  # 6 characters
    print(f"{count} {time.monotonic():.3f}", flush=True)
    QTimer.singleShot(600, type_word)  # 6 characters every 0.6 s: 10 characters a second


def report() -> None:
    box = window.findChild(QMessageBox, "recovered-work")
    if box is None or not box.isVisible():
        QTimer.singleShot(20, report)
        return
    print("MESSAGE", box.text().replace("\n", " "), "|", box.informativeText().replace("\n", " "))
    print("OPENED", window.file.path)
    print("TEXT", window.editor.toPlainText().replace("\n", "\\n"), flush=True)
    app.quit()


if mode == "type":
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    print("ready", flush=True)
    QTimer.singleShot(0, type_word)
else:
    QTimer.singleShot(0, report)
    QTimer.singleShot(30000, app.quit)  # nothing recovered: the test sees no MESSAGE
app.exec()
