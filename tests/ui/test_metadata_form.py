"""The post details form and the front matter stay in step, through real key presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from smugdesk.ui.metadata_form import qt_position

POST = """---
title: Ward rounds   # draft title
date: 2025-03-01 09:30:00
tags: [nurses]
layout: post
---

Body 😀 text.
"""


def open_post(window, tmp_path):
    path = tmp_path / "rounds.md"
    path.write_text(POST, encoding="utf-8")
    assert window.open_path(path)
    return path


def test_the_form_shows_the_front_matter(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    fields = window.metadata.fields
    assert fields["title"].text() == "Ward rounds"
    assert fields["tags"].text() == "nurses"
    assert fields["date"].text() == "2025-03-01 09:30:00"
    assert fields["status"].currentText() == ""


def test_typing_in_the_form_rewrites_the_front_matter_only(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    cursor = window.editor.textCursor()
    text = window.editor.toPlainText()
    cursor.setPosition(qt_position(text, text.index("text.")))  # the emoji counts two in Qt
    window.editor.setTextCursor(cursor)
    tags = window.metadata.fields["tags"]
    tags.setFocus()
    tags.selectAll()
    qtbot.keyClicks(tags, "nurses, night shifts")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    text = window.editor.toPlainText()
    assert "tags: [nurses, night shifts]" in text
    assert "# draft title" in text and "layout: post" in text
    assert text.endswith("Body 😀 text.\n")
    # The cursor stays on the same word of the body, though the front matter grew.
    position = window.editor.textCursor().position()
    assert window.editor.document().characterAt(position) == "t"
    assert window.isWindowModified()
    # One undo step takes the whole form edit back.
    window.editor.undo()
    assert window.editor.toPlainText() == POST


def test_the_title_reaches_the_preview_while_typing(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    title = window.metadata.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Night rounds")
    qtbot.waitUntil(lambda: "title: Night rounds" in window.editor.toPlainText(), timeout=3000)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Night rounds"), timeout=5000)
    assert title.text() == "Night rounds"  # not rewritten under the writer's fingers


def test_editing_the_front_matter_updates_the_form(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    window.editor.setFocus()
    text = window.editor.toPlainText()
    cursor = window.editor.textCursor()
    cursor.setPosition(text.index("layout"))
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "status: published")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    status = window.metadata.fields["status"]
    qtbot.waitUntil(lambda: status.currentText() == "published", timeout=3000)


def test_a_bad_date_is_refused_with_a_message(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    date = window.metadata.fields["date"]
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "next Tuesday")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    assert "not a date" in window.metadata.problem.text()
    assert window.editor.toPlainText() == POST


def test_broken_front_matter_disables_the_form(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    window.editor.setFocus()
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.toPlainText().index("Ward"))
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "Report: ")
    qtbot.waitUntil(lambda: not window.metadata.fields["title"].isEnabled(), timeout=3000)
    assert "cannot be read" in window.metadata.problem.text()
    window.editor.undo()
    qtbot.waitUntil(lambda: window.metadata.fields["title"].isEnabled(), timeout=3000)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)


def test_the_form_says_which_fields_the_posts_blog_does_not_take(qtbot, window, tmp_path):
    from smugdesk.core.accounts import Account, save_accounts

    save_accounts([Account("Notes", "micropub", "https://me.example.org/micropub", "")])
    path = tmp_path / "short.md"
    path.write_text(
        "---\ntitle: Short\npublished:\n  Notes:\n    id: https://me.example.org/1\n"
        "    url: https://me.example.org/1\n---\n\nA note.\n",
        encoding="utf-8",
    )
    assert window.open_path(path)
    form = window.metadata
    assert form.target.isVisibleTo(form)
    assert "A draft on Notes, only you see it" in form.target.text()
    assert "they go with the tags" in form.fields["categories"].toolTip()
    assert form.fields["tags"].toolTip() == ""

    open_post(window, tmp_path)  # never published: no note, no warnings
    assert not form.target.isVisibleTo(form)
    assert form.fields["categories"].toolTip() == ""
