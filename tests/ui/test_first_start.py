"""A first start with an empty drafts folder, the library's empty states and counted
words said right (real window, real index, real files, real clicks)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from qt_helpers import drive_dialog, wait_preview

from smugdesk.core.config import Settings
from smugdesk.ui.main_window import MainWindow

POSTS = {
    "walk.md": "---\ntitle: A walk through the wards\nstatus: draft\ntags: [ward]\n---\nHello.\n",
    "plan.md": "---\ntitle: Next year's plan\nstatus: draft\n---\nMore podcasts, fewer memos.\n",
}


@pytest.fixture
def start_app(qtbot):
    """A window as the app makes it at start-up (``greet``: no post named, no session)."""
    windows: list[MainWindow] = []

    def start(drafts: Path) -> MainWindow:
        window = MainWindow(drafts, greet=True)
        window.show()
        qtbot.waitExposed(window)
        wait_preview(qtbot, window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if shiboken6.isValid(window):
            window.editor.document().setModified(False)
            window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def with_posts(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in POSTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def listed(window) -> list[str]:
    return [item.title for item in window.library.model.items]


def test_a_first_start_greets_with_where_drafts_go_and_the_ways_to_begin(
    qtbot, start_app, tmp_path
):
    Settings(show_library=False).save()  # even so: on a first start the library is shown
    drafts = tmp_path / "Blog Drafts"
    window = start_app(drafts)
    assert window.welcome_shown and window.welcome.isVisible()
    assert not window.editor.isVisible()
    assert str(drafts) in window.welcome.folder_label.text()
    texts = [b.text() for b in (window.welcome.new_button, window.welcome.blog_button)]
    assert texts == ["New Post", "Add Your Blog…"]
    assert window.welcome.folder_button.text() == "Open a Folder of Markdown…"
    assert window.library.isVisible()
    # The empty library says what to do, and the count is said right.
    qtbot.waitUntil(lambda: window.library.count.text() == "0 posts", timeout=10000)
    assert window.library.empty.isVisible()
    assert window.library.empty_text.text().startswith("No posts yet.")
    assert window.library.empty_button.text() == "New Post…"

    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert not window.welcome_shown
    title = window.metadata.fields["title"]  # the new post starts with its title
    assert window.editor.isVisible() and title.hasFocus()
    qtbot.keyClicks(title, "Night shift")
    qtbot.keyClick(title, Qt.Key.Key_Return)  # Enter goes on to the body
    assert window.editor.hasFocus()
    assert "title: Night shift" in window.editor.toPlainText()


def test_a_folder_with_posts_opens_on_the_editor(qtbot, start_app, tmp_path):
    window = start_app(with_posts(tmp_path / "drafts"))
    assert not window.welcome_shown
    assert window.editor.isVisible()


def test_choosing_another_folder_is_remembered_and_fills_the_library(
    qtbot, start_app, tmp_path, monkeypatch
):
    window = start_app(tmp_path / "empty")
    mine = with_posts(tmp_path / "my posts")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(mine))
    qtbot.mouseClick(window.welcome.folder_button, Qt.MouseButton.LeftButton)
    assert Settings.load().drafts == str(mine)
    assert str(mine) in window.welcome.folder_label.text()
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=10000)
    assert window.library.count.text() == "2 posts"
    assert window.library.list.isVisible()
    # A post opened from the library ends the greeting.
    window.library.open_requested.emit(mine / "walk.md")
    assert not window.welcome_shown


def test_the_library_visibility_is_remembered(qtbot, make_window, tmp_path):
    drafts = with_posts(tmp_path / "drafts")
    window = make_window(drafts)
    assert window.library.isVisible()
    window.commands.show_library.trigger()
    assert not window.library.isVisible()
    assert Settings.load().show_library is False
    later = MainWindow(drafts, greet=True)  # as the next start makes it
    try:
        later.show()
        qtbot.waitExposed(later)
        assert not later.library.isVisible()
        assert not later.commands.show_library.isChecked()
        later.commands.show_library.trigger()
        assert later.library.isVisible()
        assert Settings.load().show_library is True
    finally:
        later.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_full_screen_does_not_change_the_remembered_library(qtbot, make_window, tmp_path):
    window = make_window(with_posts(tmp_path / "drafts"))
    window.commands.full_screen.setChecked(True)
    assert not window.library.isVisible()
    assert Settings.load().show_library is True  # quitting now, the next start shows it
    window.commands.full_screen.setChecked(False)
    assert window.library.isVisible()
    assert Settings.load().show_library is True


def test_empty_search_and_filter_say_what_to_do(qtbot, make_window, tmp_path):
    window = make_window(with_posts(tmp_path / "drafts"))
    pane = window.library
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=10000)

    pane.search.setFocus()
    qtbot.keyClicks(pane.search, "xyzzy")
    qtbot.waitUntil(lambda: pane.empty.isVisible(), timeout=10000)
    assert pane.empty_text.text() == "No post contains “xyzzy”."
    assert pane.count.text() == "0 of 2 posts"
    qtbot.mouseClick(pane.empty_button, Qt.MouseButton.LeftButton)  # Clear the Search
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=10000)
    assert pane.list.isVisible() and not pane.empty.isVisible()

    pane.status.setCurrentIndex(pane.status.findData("published"))
    qtbot.waitUntil(lambda: pane.empty.isVisible(), timeout=10000)
    assert pane.empty_text.text() == "No post is Published."
    assert pane.empty_button.text() == "Show All Posts"
    qtbot.mouseClick(pane.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=10000)

    pane.status.setCurrentIndex(pane.status.findData("published"))
    qtbot.keyClicks(pane.search, "wards")
    qtbot.waitUntil(
        lambda: pane.empty_text.text() == "No post shown here contains “wards”.", timeout=10000
    )
    qtbot.mouseClick(pane.empty_button, Qt.MouseButton.LeftButton)  # Search All Posts
    qtbot.waitUntil(lambda: listed(window) == ["A walk through the wards"], timeout=10000)
    assert pane.search.text() == "wards" and pane.status.currentData() is None
    assert pane.count.text() == "1 of 2 posts"

    pane.trash_button.setChecked(True)
    qtbot.waitUntil(lambda: pane.empty_text.text() == "The trash is empty.", timeout=10000)
    assert not pane.empty_button.isVisible()
    assert pane.count.text() == "0 posts in the trash"


def test_counts_have_their_singular(qtbot, make_window, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "one.md").write_text("---\ntitle: One\n---\nHello.\n", encoding="utf-8")
    window = make_window(drafts)
    qtbot.waitUntil(lambda: window.library.count.text() == "1 post", timeout=10000)
    assert window.open_path(drafts / "one.md")
    wait_preview(qtbot, window)
    assert window.words.text().startswith("1 word · ")
    from smugdesk.ui.library_pane import entry_html

    assert "· 1 word</span>" in entry_html(window.library.model.items[0], "#777")
    window.library.set_waiting({str(drafts / "one.md")})
    assert window.library.waiting_note.text() == "⏳ 1 post waiting for the network to publish"


def test_a_passing_hide_from_qt_does_not_hide_the_library(qtbot, make_window, tmp_path):
    """Under X11, Qt reports the dock as not visible while the preview's first page makes
    its native window (a stand-in: that report is sent here as Qt sends it); the library
    once disappeared at every start because of it."""
    window = make_window(with_posts(tmp_path / "drafts"))
    window.library.visibilityChanged.emit(False)
    assert window.library.isVisible()
    assert window.commands.show_library.isChecked()
    assert Settings.load().show_library is True


def test_add_your_blog_goes_straight_to_the_blogs_address(qtbot, start_app, tmp_path):
    from PySide6.QtWidgets import QDialog

    from smugdesk.ui.dialogs.accounts import AccountsDialog
    from smugdesk.ui.dialogs.add_blog import AddBlogDialog

    window = start_app(tmp_path / "empty")
    seen = {}

    def close_accounts(dialog: QDialog) -> None:
        seen["accounts"] = True
        dialog.reject()

    def type_address(dialog: AddBlogDialog) -> None:
        seen["focus"] = dialog.focusWidget() is dialog.address
        dialog.reject()
        drive_dialog(AccountsDialog, close_accounts)

    def give_up() -> None:  # a failure, not a hang, if Add Blog never opens
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    drive_dialog(AddBlogDialog, type_address)
    QTimer.singleShot(8000, give_up)
    qtbot.mouseClick(window.welcome.blog_button, Qt.MouseButton.LeftButton)
    assert seen == {"focus": True, "accounts": True}
