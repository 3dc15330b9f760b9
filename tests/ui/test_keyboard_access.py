"""Keyboard-only use: every pane is reachable with F6, every control has a name a screen
reader can say, and every menu command has a keyboard path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)


def test_f6_visits_every_pane_and_comes_back(qtbot, window):
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(QApplication.focusWidget())
    assert visited[0] is window.preview.focusProxy() or window.preview.isAncestorOf(visited[0])
    assert visited[1] is window.library.search
    assert visited[2] is window.library.list
    assert visited[3] is window.metadata.fields["title"]
    assert visited[4] is window.editor
    qtbot.keyClick(window.editor, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.metadata.fields["title"]


def test_tab_walks_the_library_and_the_form(qtbot, window):
    window.library.search.setFocus()
    qtbot.waitUntil(window.library.search.hasFocus)
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    for widget in (
        window.library.status,
        window.library.tag,
        window.library.sort,
        window.library.list,
        window.library.new_button,
        window.library.trash_button,
    ):
        assert widget in seen, widget.accessibleName()


def test_every_control_has_an_accessible_name(window):
    kinds = (QLineEdit, QComboBox, QSpinBox, QAbstractItemView, QPlainTextEdit, QAbstractButton)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisible():
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QSpinBox)):
            continue  # the editable part of a combo box or spin box: its owner is named
        if isinstance(widget, QToolButton) and (
            widget.defaultAction() is not None or widget.text() or widget.toolTip()
        ):
            continue  # a tool bar or title bar button says its action's text
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else ""
        )
        if not name.replace("&", "").strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not unnamed


def test_every_menu_command_has_a_mnemonic(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()
