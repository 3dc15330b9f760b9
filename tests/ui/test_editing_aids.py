"""Writing aids through real key events: emphasis, lists, headings, pairs, find/replace,
the outline and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from qt_helpers import wait_preview

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def start(window, text: str):
    editor = window.editor
    editor.setPlainText(text)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def select(editor, word: str) -> None:
    found = editor.document().find(word)
    assert not found.isNull()
    editor.setTextCursor(found)


def test_ctrl_b_and_ctrl_i_toggle_emphasis(qtbot, window):
    editor = start(window, "Make this stand out.")
    select(editor, "this")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "Make **this** stand out."
    assert editor.textCursor().selectedText() == "this"
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "Make ***this*** stand out."
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "Make this stand out."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # each toggle is one undo step
    assert editor.toPlainText() == "Make *this* stand out."


def test_enter_continues_lists_and_quotes_and_ends_them(qtbot, window):
    editor = start(window, "- first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "second")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # on the empty item: the list ends
    qtbot.keyClicks(editor, "After.")
    assert editor.toPlainText() == "- first\n- second\nAfter."

    editor = start(window, "1. one")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "two")
    assert editor.toPlainText() == "1. one\n2. two"

    editor = start(window, "> A quote")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "goes on")
    assert editor.toPlainText() == "> A quote\n> goes on"


def test_tab_and_shift_tab_nest_list_items(qtbot, window):
    editor = start(window, "- parent\n- child")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "- parent\n    - child"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.toPlainText() == "- parent\n- child"
    editor = start(window, "Plain text")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "Plain text\t"  # outside lists Tab is a tab


def test_ctrl_number_sets_the_heading_level(qtbot, window):
    editor = start(window, "Visiting hours")
    qtbot.keyClick(editor, Qt.Key.Key_2, CTRL)
    assert editor.toPlainText() == "## Visiting hours"
    qtbot.keyClick(editor, Qt.Key.Key_3, CTRL)
    assert editor.toPlainText() == "### Visiting hours"
    qtbot.keyClick(editor, Qt.Key.Key_0, CTRL)
    assert editor.toPlainText() == "Visiting hours"


def test_brackets_and_backticks_pair_and_wrap(qtbot, window):
    editor = start(window, "See ")
    qtbot.keyClicks(editor, "(page 4)")
    assert editor.toPlainText() == "See (page 4)"  # the closer typed over, not doubled
    select(editor, "page")
    qtbot.keyClicks(editor, "`")
    assert editor.toPlainText() == "See (`page` 4)"
    editor = start(window, "it's ")
    qtbot.keyClicks(editor, '"quoted"')
    assert editor.toPlainText() == 'it\'s "quoted"'  # quotes are never paired


def test_find_highlights_all_and_replace_all_is_one_undo(qtbot, window):
    editor = start(window, "The ward, the Ward and the wardrobe.\nWard 4 reopened.")
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.find.hasFocus()
    qtbot.keyClicks(bar.find, "ward")
    assert len(editor.extraSelections()) == 4
    bar.word.setChecked(True)
    assert len(bar.matches) == 3
    qtbot.keyClick(bar.find, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "ward"

    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar.regex.setChecked(True)
    bar.find.setText(r"[Ww]ard (\d)")
    bar.replace.setText(r"Unit \1")
    assert bar.replace_all() == 1
    bar.find.setText("ward")
    bar.regex.setChecked(False)
    bar.replace.setText("clinic")
    assert bar.replace_all() == 2
    assert editor.toPlainText() == "The clinic, the clinic and the wardrobe.\nUnit 4 reopened."
    editor.undo()
    assert editor.toPlainText() == "The ward, the Ward and the wardrobe.\nUnit 4 reopened."
    bar.regex.setChecked(True)
    bar.find.setText("(unclosed")
    assert "not valid" in bar.status.text() and bar.matches == []
    qtbot.keyClick(bar.find, Qt.Key.Key_Escape)
    assert not bar.isVisible() and editor.extraSelections() == []


def test_outline_lists_headings_jumps_and_follows_the_cursor(qtbot, window):
    editor = start(window, "---\ntitle: T\n---\n# Intro\n\nText\n\n## Details\n\nMore\n")
    wait_preview(qtbot, window)
    window.commands.show_outline.trigger()
    tree = window.outline.tree
    assert window.outline.isVisible()
    top = tree.topLevelItem(0)
    assert top.text(0) == "Intro" and top.child(0).text(0) == "Details"
    tree.itemClicked.emit(top.child(0), 0)
    assert editor.textCursor().blockNumber() == 7
    assert tree.currentItem() is top.child(0)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.moveCursor(QTextCursor.MoveOperation.Down)
    assert tree.currentItem() is None or not tree.selectedItems()


def test_status_bar_counts_words_characters_and_the_selection(qtbot, window):
    editor = start(window, "---\ntitle: T\n---\nOne two three four five.")
    wait_preview(qtbot, window)
    assert window.words.text() == "5 words · 24 characters · 1 min read"
    select(editor, "two three")
    assert window.words.text().startswith("2 selected · 5 words")


def colour_at(editor, block_number: int) -> str:
    block = editor.document().findBlockByNumber(block_number)
    ranges = block.layout().formats()
    return ranges[0].format.foreground().color().name() if ranges else ""


def test_focus_mode_dims_all_but_the_current_paragraph(qtbot, window):
    from smugdesk.ui.highlighter import LIGHT

    editor = start(window, "First paragraph\nstill first.\n\nSecond paragraph.\n\nThird.")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.commands.focus_mode.trigger()
    assert colour_at(editor, 0) == ""  # the paragraph being written keeps its colours
    assert colour_at(editor, 1) == ""
    assert colour_at(editor, 3) == LIGHT["dimmed"]
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert colour_at(editor, 0) == LIGHT["dimmed"]
    assert colour_at(editor, 5) == ""
    window.commands.focus_mode.trigger()
    assert colour_at(editor, 0) == ""


def test_distraction_free_shows_only_the_editor(qtbot, window):
    window.commands.full_screen.trigger()
    assert window.isFullScreen()
    assert not window.preview.isVisible() and not window.menuBar().isVisible()
    assert window.editor.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    assert window.preview.isVisible() and window.menuBar().isVisible()
