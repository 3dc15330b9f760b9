"""Spell checking as you type: red wavy underline, suggestions, add to dictionary; code,
URLs and front matter are left alone."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat

from smugdesk.core.spelling import available_languages

pytestmark = pytest.mark.skipif(
    "en_US" not in available_languages(), reason="no en_US dictionary (Debian: hunspell-en-us)"
)


def underlined(editor, word: str) -> bool:
    for number in range(editor.document().blockCount()):
        block = editor.document().findBlockByNumber(number)
        offset = block.text().find(word)
        if offset < 0:
            continue
        for part in block.layout().formats():
            if part.start <= offset < part.start + part.length:
                style = part.format.underlineStyle()
                return style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        return False
    raise AssertionError(f"{word} not in the text")


def test_misspellings_are_underlined_only_in_prose(qtbot, window):
    editor = window.editor
    editor.setPlainText(
        "---\ntitle: Recieved wisdom\n---\n\nThe hosptial opened.\n\n"
        "```\nhosptial_code = 1\n```\n\nSee https://hosptial.example and `hosptial`.\n"
    )
    assert window.editor.highlighter.speller is not None
    assert underlined(editor, "hosptial opened")
    assert not underlined(editor, "Recieved")  # front matter
    assert not underlined(editor, "hosptial_code")  # code block
    assert not underlined(editor, "https://hosptial")  # URL
    assert not underlined(editor, "The")


def test_context_menu_suggests_and_learns(qtbot, window):
    editor = window.editor
    editor.setPlainText("The hosptial and the Smugdeskery.")
    block = editor.document().firstBlock()
    cursor = editor.textCursor()
    cursor.setPosition(block.text().find("hosptial") + 2)
    editor.setTextCursor(cursor)
    point = editor.cursorRect(cursor).center()
    menu = editor.context_menu_at(point)
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "hospital"
    assert any(text.startswith("Add “hosptial”") for text in texts)
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "The hospital and the Smugdeskery."

    cursor.setPosition(editor.toPlainText().find("Smugdeskery") + 3)
    editor.setTextCursor(cursor)
    menu = editor.context_menu_at(editor.cursorRect(cursor).center())
    add = next(a for a in menu.actions() if a.text().startswith("Add “Smugdeskery”"))
    add.trigger()
    assert not underlined(editor, "Smugdeskery")
