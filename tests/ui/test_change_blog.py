"""Change Blog of This Post: the choice is written as ``blog:`` with the new blog's
defaults, in one undo step; a post already published elsewhere is told it stays there."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from smugdesk.core.accounts import Account
from smugdesk.publish.blog_defaults import BlogDefaults, save_defaults
from smugdesk.ui.change_blog import ChangeBlogDialog, apply_blog

WARD = Account("Ward Notes", "wordpress", "https://ward.example/", "ada")
FIELD = Account("Field Notes", "micropub", "https://field.example/mp")


def test_the_dialog_preselects_the_posts_blog_and_says_where_it_is_live(qtbot):
    text = (
        "---\ntitle: Night\nblog: Field Notes\npublished:\n"
        "  Ward Notes: {id: '7', url: 'https://ward.example/night/'}\n---\n\nQuiet.\n"
    )
    dialog = ChangeBlogDialog(text, [WARD, FIELD])
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "Field Notes"
    assert "Already published on Ward Notes" in dialog.note.text()

    fresh = ChangeBlogDialog("---\ntitle: New\n---\n\nx\n", [WARD, FIELD])
    qtbot.addWidget(fresh)
    assert fresh.chosen() == "Ward Notes" and "Already" not in fresh.note.text()


def test_choosing_a_blog_writes_it_with_its_defaults_as_one_undo_step(qtbot):
    save_defaults("Field Notes", BlogDefaults("draft", ["Rounds"]))
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    original = "---\ntitle: Night\nblog: Ward Notes\n---\n\nQuiet.\n"
    editor.setPlainText(original)
    assert apply_blog(editor, "Field Notes") == ""
    text = editor.toPlainText()
    assert "blog: Field Notes" in text and "Ward Notes" not in text
    assert "status: draft" in text and "categories: [Rounds]" in text
    assert text.endswith("\n---\n\nQuiet.\n")
    editor.undo()
    assert editor.toPlainText() == original


def test_broken_front_matter_is_reported_not_rewritten(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    broken = "---\ntitle: [unclosed\n---\n\nQuiet.\n"
    editor.setPlainText(broken)
    assert apply_blog(editor, "Ward Notes") != ""
    assert editor.toPlainText() == broken


def test_the_blog_menu_offers_it_and_says_when_there_is_no_blog(qtbot, window):
    [action] = [a for a in window.blog_menu.actions() if a.text() == "Change &Blog of This Post…"]
    action.trigger()  # no blog yet: a word in the status bar, no dialog
    assert "No blogs yet" in window.statusBar().currentMessage()
