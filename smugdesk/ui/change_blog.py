"""Blog → Change Blog of This Post: the blog a draft is for (``blog:`` in its front matter),
chosen from the writer's blogs, with that blog's defaults filled in where the post has
none, as one undo step. Where the post is already published stays as it is: the dialog
says so, and the next publish to the new blog makes a new post there."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import Account, load_accounts
from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.front_edit import set_field
from smugdesk.core.post import read_post
from smugdesk.publish.published_state import placements
from smugdesk.ui.metadata_sync import chosen_blog, replace_span, with_blog_defaults


class ChangeBlogDialog(QDialog):
    def __init__(self, text: str, accounts: list[Account], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change Blog of This Post"))
        current = chosen_blog(text)
        self.blog = QComboBox()
        self.blog.setAccessibleName(self.tr("Blog this post is for"))
        for account in accounts:
            self.blog.addItem(account.name, account.name)
        self.blog.setCurrentIndex(max(0, self.blog.findData(current)))
        try:
            live = sorted(placements(read_post(text)))
        except (FrontMatterError, SmugdeskError):
            live = []
        note = QLabel()
        note.setWordWrap(True)
        if live:
            note.setText(
                self.tr(
                    "Already published on %s: it stays there. Publishing to another blog "
                    "makes a new post on that blog."
                )
                % ", ".join(live)
            )
        else:
            note.setText(
                self.tr("Its status and categories follow the blog's defaults where it has none.")
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Write this post for:")))
        layout.addWidget(self.blog)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.note = note

    def chosen(self) -> str:
        return str(self.blog.currentData() or "")


def apply_blog(editor: QPlainTextEdit, blog: str) -> str:
    """Set the post in ``editor`` to ``blog``; "" when done, else what was wrong."""
    text = editor.toPlainText()
    try:
        edit = with_blog_defaults(set_field(text, "blog", blog), blog)
    except FrontMatterError as error:
        return str(error)
    if edit.text != text:
        replace_span(editor, text, edit)
    return ""


def change_blog(parent: QWidget, editor: QPlainTextEdit) -> str:
    """Ask for the blog and set it; returns a message for the status bar ("" if nothing)."""
    from smugdesk.core.accounts import blog_accounts

    try:
        accounts = blog_accounts(load_accounts())
    except SmugdeskError as error:
        return str(error)
    if not accounts:
        return parent.tr("No blogs yet: add one under Blog → Blogs…")
    dialog = ChangeBlogDialog(editor.toPlainText(), accounts, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    problem = apply_blog(editor, dialog.chosen())
    return problem or parent.tr("This post is now for %s.") % dialog.chosen()
