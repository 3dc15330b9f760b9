"""Publishing from the window to a real WordPress: the first publish asks, the next ones go
straight; conflicts, no network and downloads as a writer meets them."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_helpers import drive_dialog

from smugdesk.core.accounts import Account, load_accounts, save_accounts
from smugdesk.core.credentials import get_secret, store_secret
from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import placement
from smugdesk.publish.publishing import Outcome
from smugdesk.publish.remote import OfflineError
from smugdesk.ui.dialogs.accounts import AccountsDialog
from smugdesk.ui.dialogs.publish import PublishDialog
from tests.wordpress.server import free_port

POST = """---
title: Our new visiting hours
date: 2026-11-20 09:30:00+01:00
tags: [visitors]
status: draft
---

The wards open at ten.
"""


@pytest.fixture
def blog(wordpress) -> Account:
    account = Account("Ward Notes", "wordpress", wordpress.url, wordpress.user)
    save_accounts([account])
    store_secret(account.name, wordpress.app_password)
    return account


def remote_posts(site, slug):
    url = f"{site.url}?rest_route=/wp/v2/posts&slug={slug}&status=publish,draft&context=edit"
    request = urllib.request.Request(url)
    import base64

    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def open_draft(window, tmp_path, name="visiting-hours", text=POST):
    draft = tmp_path / "drafts" / f"{name}.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(text, encoding="utf-8")
    assert window.open_path(draft)
    return draft


def ctrl_shift_p(qtbot, window):
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.editor, Qt.Key.Key_P, modifiers)


def test_publish_asks_once_then_updates_in_one_click(qtbot, window, wordpress, blog, tmp_path):
    draft = open_draft(window, tmp_path)

    def choose(dialog: PublishDialog) -> None:
        assert dialog.account.currentData() == "Ward Notes"
        dialog.status.setCurrentIndex(dialog.status.findData("publish"))
        dialog.publish_button.click()

    seen = drive_dialog(PublishDialog, choose)
    with qtbot.waitSignal(window.published, timeout=30000) as first:
        ctrl_shift_p(qtbot, window)
    assert seen.get("dialog")
    outcome = first.args[0]
    assert isinstance(outcome, Outcome), outcome
    assert outcome.remote.url in window.publish_result_box.text()
    on_disk = parse_post(draft.read_text(encoding="utf-8"))
    assert placement(on_disk, "Ward Notes").id == outcome.remote.id
    assert on_disk.meta["status"] == "published"
    assert not window.editor.document().isModified()

    window.publish_result_box.close()  # as the writer would; the window is active again
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor, "Update: the cafe opens at nine.")
    with qtbot.waitSignal(window.published, timeout=30000) as second:
        ctrl_shift_p(qtbot, window)  # no dialog this time: it goes where it went

    assert isinstance(second.args[0], Outcome) and not second.args[0].created
    [remote] = remote_posts(wordpress, "visiting-hours")
    assert "Update: the cafe opens at nine." in remote["content"]["raw"]


def test_an_edit_on_the_blog_can_be_copied_home_instead(qtbot, window, wordpress, blog, tmp_path):
    draft = open_draft(window, tmp_path, "edited-twice")
    with qtbot.waitSignal(window.published, timeout=30000) as first:
        window.publish_to("Ward Notes", "publish")
    remote_id = first.args[0].remote.id
    time.sleep(1.1)  # WordPress keeps modification times to the second
    wordpress.php(
        f"wp_update_post(['ID' => {remote_id}, 'post_content' => 'A colleague fixed this.']);"
    )
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " My change.")
    asked = {}

    def choose(box):
        asked["details"] = box.detailedText()
        return next(b for b in box.buttons() if "New Draft" in b.text())

    window.choose = choose
    with qtbot.waitSignal(window.published, timeout=30000):
        window.publish()
    assert "A colleague fixed this." in asked["details"]
    copy = tmp_path / "drafts" / "edited-twice-from-blog.md"
    assert "A colleague fixed this." in copy.read_text(encoding="utf-8")
    [remote] = remote_posts(wordpress, "edited-twice")
    assert remote["content"]["raw"] == "A colleague fixed this."  # nothing overwritten
    assert "My change." in window.editor.toPlainText()
    assert draft.exists()


def test_no_network_queues_the_post_and_keeps_the_draft(qtbot, window, tmp_path):
    nowhere = Account("Offline", "wordpress", f"http://127.0.0.1:{free_port()}/", "me")
    save_accounts([nowhere])
    store_secret("Offline", "secret")
    draft = open_draft(window, tmp_path, "train")
    before = draft.read_text(encoding="utf-8")
    from PySide6.QtWidgets import QMessageBox

    drive_dialog(QMessageBox, lambda box: box.accept())  # "waiting for the network"
    with qtbot.waitSignal(window.published, timeout=30000) as done:
        window.publish_to("Offline", "publish")
    assert isinstance(done.args[0], OfflineError)
    assert draft.read_text(encoding="utf-8") == before
    assert window.publish_queue.holds(draft)
    assert window.commands.send_queued.isEnabled()
    assert "(1)" in window.commands.send_queued.text()
    assert window.library.send_waiting.isVisibleTo(window.library)
    assert "1 post waiting" in window.library.waiting_note.text()  # a plural a person writes
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=10000)
    row = window.library.model.index(0)
    assert "waiting to publish" in row.data(Qt.ItemDataRole.AccessibleTextRole)


def test_waiting_posts_are_sent_from_the_library(qtbot, window, wordpress, blog, tmp_path):
    window.show()
    draft = open_draft(window, tmp_path, "queued-on-the-train")
    other = tmp_path / "drafts" / "written-offline.md"
    other.write_text(POST.replace("Our new visiting hours", "Written offline"), encoding="utf-8")
    window.publish_queue.add(other, "Ward Notes", "draft")
    window._update_queue_note()
    assert window.library.send_waiting.isVisibleTo(window.library)
    qtbot.mouseClick(window.library.send_waiting, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.publish_queue.items(), timeout=30000)
    qtbot.waitUntil(lambda: not window.library.send_waiting.isVisibleTo(window.library))
    sent = parse_post(other.read_text(encoding="utf-8"))
    assert placement(sent, "Ward Notes").id
    [remote] = remote_posts(wordpress, "written-offline")
    assert remote["status"] == "draft"
    assert "published" not in draft.read_text(encoding="utf-8")  # the open post was not queued


def test_accounts_dialog_keeps_the_password_out_of_the_file(qtbot, wordpress):
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Ward Notes")
    dialog.kind.setCurrentIndex(dialog.kind.findData("wordpress"))
    qtbot.keyClicks(dialog.url, wordpress.url)
    qtbot.keyClicks(dialog.user, wordpress.user)
    qtbot.keyClicks(dialog.secret, wordpress.app_password)
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: "Signed in" in dialog.status.text(), timeout=30000)
    assert "Ward Notes, signed in as editor" in dialog.status.text()
    [account] = load_accounts()
    assert account.url == wordpress.url and account.user == wordpress.user
    assert get_secret("Ward Notes") == wordpress.app_password
    from smugdesk.core.accounts import accounts_file

    assert wordpress.app_password not in accounts_file().read_text(encoding="utf-8")

    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, "wrong password")
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: "Could not sign in" in dialog.status.text(), timeout=30000)
    assert "401" in dialog.status.text()


def test_download_a_post_by_its_address_and_open_it(qtbot, window, wordpress, blog, tmp_path):
    made = wordpress.php(
        "echo wp_insert_post(['post_title' => 'Flu season notes', 'post_status' => 'publish',"
        " 'post_name' => 'flu-season', 'post_content' => '<p>Get the <em>jab</em>.</p>']);"
    ).strip()
    with qtbot.waitSignal(window.downloaded, timeout=30000) as done:
        window.download_posts("Ward Notes", url=f"{wordpress.url}?p={made}")
    written, _existing = done.args[0]
    assert written == [tmp_path / "drafts" / "flu-season.md"]
    assert window.file.path == written[0]
    assert "Get the *jab*." in window.editor.toPlainText()


def test_removing_an_account_asks_first_and_forgets_its_password(qtbot):
    save_accounts([Account("Old blog", "metaweblog", "https://old.example.org/xmlrpc.php", "me")])
    store_secret("Old blog", "hunter2")
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    asked = []
    dialog.confirm_removal = lambda account: asked.append(account.name) or False
    dialog.remove()
    assert asked == ["Old blog"] and [a.name for a in load_accounts()] == ["Old blog"]
    dialog.confirm_removal = lambda account: True
    dialog.remove()
    assert load_accounts() == []
    assert get_secret("Old blog") is None
    assert "Removed Old blog" in dialog.status.text()
