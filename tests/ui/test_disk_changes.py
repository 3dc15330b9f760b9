"""Another program changes or deletes the open post: it is noticed, nothing is lost."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from qt_helpers import answer_dialog

POST = "---\ntitle: Shared\n---\n\nFirst version.\n"


def open_post(window, tmp_path):
    path = tmp_path / "shared.md"
    path.write_text(POST, encoding="utf-8")
    assert window.open_path(path)
    return path


def external_write(path, text):
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a distinct signature even on a coarse clock


def test_an_unmodified_post_reloads_in_place_keeping_the_cursor(qtbot, window, tmp_path):
    path = open_post(window, tmp_path)
    cursor = window.editor.textCursor()
    cursor.setPosition(12)
    window.editor.setTextCursor(cursor)
    external_write(path, POST + "Added by the sync tool.\n")
    qtbot.waitUntil(lambda: "sync tool" in window.editor.toPlainText(), timeout=5000)
    assert window.editor.textCursor().position() == 12
    assert not window.isWindowModified()


def test_with_unsaved_edits_the_writer_chooses_and_nothing_is_overwritten(qtbot, window, tmp_path):
    path = open_post(window, tmp_path)
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, "My unsaved words.")
    theirs = POST + "Theirs.\n"
    seen: list[str] = []
    answer_dialog("Keep Mine", seen)
    external_write(path, theirs)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "changed by another program" in seen[0]
    assert window.editor.toPlainText().endswith("My unsaved words.")
    assert path.read_text(encoding="utf-8") == theirs
    window.autosave()
    assert path.read_text(encoding="utf-8") == theirs  # autosave never overwrites theirs


def test_load_theirs_replaces_the_buffer(qtbot, window, tmp_path):
    path = open_post(window, tmp_path)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "x")
    seen: list[str] = []
    answer_dialog("Load Theirs", seen)
    external_write(path, POST + "Theirs wins.\n")
    qtbot.waitUntil(lambda: "Theirs wins." in window.editor.toPlainText(), timeout=5000)
    assert not window.isWindowModified()


def test_a_post_deleted_on_disk_keeps_its_text_and_can_be_saved_again(qtbot, window, tmp_path):
    path = open_post(window, tmp_path)
    path.unlink()
    qtbot.waitUntil(window.isWindowModified, timeout=5000)
    assert "deleted on disk" in window.statusBar().currentMessage()
    assert "First version." in window.editor.toPlainText()
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "typing on")
    window.autosave()
    assert not path.exists()  # autosave does not resurrect it behind the writer's back
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "First version." in path.read_text(encoding="utf-8")


def test_focus_loss_and_closing_autosave(qtbot, make_window, tmp_path):
    window = make_window()
    path = open_post(window, tmp_path)
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, "Before switching apps.")
    other = make_window()
    other.activateWindow()
    qtbot.waitUntil(lambda: "Before switching apps." in path.read_text(encoding="utf-8"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClicks(window.editor, " And before quitting.")
    window.close()  # no question: a post with a file is simply saved
    assert path.read_text(encoding="utf-8").endswith("And before quitting.")
