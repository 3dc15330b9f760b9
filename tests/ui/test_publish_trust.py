"""Drafts stay drafts, through the real window and the real Publish dialog, against a real
WordPress: Enter sends a draft as a draft; publishing a draft for everyone takes a click on
a button named for it; a schedule already past is asked about; afterwards the library row
and the details form say where the post is, live or a draft, on every blog it is on."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_helpers import drive_dialog

from smugdesk.core.accounts import Account, save_accounts
from smugdesk.core.credentials import store_secret
from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import placement
from smugdesk.publish.publishing import Outcome
from smugdesk.ui.dialogs.publish import PublishDialog
from tests.wordpress.server import free_port

DRAFT = """---
title: Visiting hours in winter
date: 2026-11-20 09:30:00+01:00
status: draft
---

The wards open at ten.
"""
PUBLISHED = DRAFT.replace("status: draft", "status: published")


@pytest.fixture
def blog(wordpress) -> Account:
    account = Account("Ward Notes", "wordpress", wordpress.url, wordpress.user)
    save_accounts([account])
    store_secret(account.name, wordpress.app_password)
    return account


def on_server(site, remote_id: str) -> dict:
    request = urllib.request.Request(f"{site.url}?rest_route=/wp/v2/posts/{remote_id}&context=edit")
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def open_post(window, tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "drafts" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    return path


def library_row(qtbot, window, path: Path, expected: str) -> str:
    """The library row of ``path`` as a screen reader reads it, once it says ``expected``
    (the library hears of a save a moment later)."""
    model = window.library.model

    def row_text() -> str:
        for number in range(model.rowCount()):
            index = model.index(number)
            if index.data(Qt.ItemDataRole.UserRole).file == str(path):
                return index.data(Qt.ItemDataRole.AccessibleTextRole)
        return ""

    with contextlib.suppress(AssertionError):  # the caller's assert shows what it said
        qtbot.waitUntil(lambda: expected in row_text(), timeout=10000)
    return row_text()


def press_enter(dialog: PublishDialog) -> None:
    """Enter, as a writer presses it with the dialog's choices in focus. Should Enter not
    close it (a regression), the dialog is closed a moment later so the test fails rather
    than waiting for ever on a modal dialog."""
    from PySide6.QtTest import QTest

    QTest.keyClick(dialog.status, Qt.Key.Key_Return)
    QTimer.singleShot(2000, dialog, lambda: dialog.isVisible() and dialog.reject())


def test_enter_on_the_publish_dialog_sends_a_draft_as_a_draft(
    qtbot, window, wordpress, blog, tmp_path
):
    path = open_post(window, tmp_path, "winter-hours", DRAFT)
    seen = {}

    def enter(dialog: PublishDialog) -> None:
        seen["sentence"] = dialog.sentence.text()
        seen["button"] = dialog.publish_button.text()
        press_enter(dialog)

    drive_dialog(PublishDialog, enter)
    with qtbot.waitSignal(window.published, timeout=30000, raising=False) as done:
        window.publish_dialog()
    assert done.signal_triggered, "Enter did not send the draft"
    outcome = done.args[0]
    assert isinstance(outcome, Outcome), outcome
    assert on_server(wordpress, outcome.remote.id)["status"] == "draft"
    assert seen["sentence"] == (
        "Send “Visiting hours in winter” to Ward Notes as a draft; nobody else sees it."
    )
    assert seen["button"].replace("&", "") == "Send as Draft"
    saved = parse_post(path.read_text(encoding="utf-8"))
    assert saved.meta["status"] == "draft"
    assert placement(saved, "Ward Notes").id == outcome.remote.id
    # What the window says now is what is true.
    window.refresh_metadata()
    target = window.metadata.target
    assert target.isVisibleTo(window.metadata)
    assert "A draft on Ward Notes, only you see it" in target.text()
    assert "Published" not in target.text()
    assert "a draft on Ward Notes" in library_row(qtbot, window, path, "a draft on")


def test_a_draft_goes_public_only_by_its_button_and_then_shows_as_published(
    qtbot, window, wordpress, blog, tmp_path
):
    path = open_post(window, tmp_path, "winter-hours-public", DRAFT)
    seen = {}

    def choose_public_then_enter(dialog: PublishDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData("publish"))
        seen["default"] = dialog.publish_button.isDefault()
        seen["button"] = dialog.publish_button.text().replace("&", "")
        seen["sentence"] = dialog.sentence.text()
        press_enter(dialog)
        seen["open after Enter"] = dialog.isVisible()
        seen["warning"] = dialog.warning.text()
        dialog.publish_button.click()  # the deliberate act

    drive_dialog(PublishDialog, choose_public_then_enter)
    with qtbot.waitSignal(window.published, timeout=30000) as done:
        window.publish_dialog()
    assert seen["open after Enter"], "Enter must not publish a draft for everyone"
    assert not seen["default"]
    assert seen["button"] == "Publish for Everyone"
    assert seen["sentence"] == (
        "Publish “Visiting hours in winter” on Ward Notes for everyone to read now."
    )
    assert "Enter does not do this" in seen["warning"]
    outcome = done.args[0]
    remote = on_server(wordpress, outcome.remote.id)
    assert remote["status"] == "publish"
    saved = parse_post(path.read_text(encoding="utf-8"))
    assert saved.meta["status"] == "published"

    window.refresh_metadata()
    text = window.metadata.target.text()
    assert "Published on Ward Notes, for everyone to read" in text
    assert f'href="{remote["link"]}"' in text
    assert "Published, " in library_row(qtbot, window, path, "live on Ward Notes")
    assert "live on Ward Notes" in library_row(qtbot, window, path, "live on Ward Notes")
    # The library's "Published" filter finds it.
    status = window.library.status
    status.setCurrentIndex(status.findData("published"))
    qtbot.waitUntil(
        lambda: (
            [
                window.library.model.index(n).data(Qt.ItemDataRole.UserRole).file
                for n in range(window.library.model.rowCount())
            ]
            == [str(path)]
        ),
        timeout=10000,
    )


def test_a_published_post_is_offered_as_published_and_enter_sends_it(
    qtbot, window, wordpress, blog, tmp_path
):
    open_post(window, tmp_path, "winter-hours-live", PUBLISHED)
    seen = {}

    def enter(dialog: PublishDialog) -> None:
        seen["as"] = dialog.status.currentData()
        seen["default"] = dialog.publish_button.isDefault()
        press_enter(dialog)

    drive_dialog(PublishDialog, enter)
    with qtbot.waitSignal(window.published, timeout=30000) as done:
        window.publish_dialog()
    assert seen == {"as": "publish", "default": True}
    assert on_server(wordpress, done.args[0].remote.id)["status"] == "publish"


def test_a_published_post_dated_ahead_is_offered_as_scheduled(
    qtbot, window, wordpress, blog, tmp_path
):
    ahead = PUBLISHED.replace("2026-11-20 09:30:00+01:00", "2031-05-12 08:00:00+00:00")
    open_post(window, tmp_path, "summer-fair", ahead.replace("in winter", "at the summer fair"))
    seen = {}

    def enter(dialog: PublishDialog) -> None:
        seen["as"] = dialog.status.currentData()
        seen["sentence"] = dialog.sentence.text()
        press_enter(dialog)

    drive_dialog(PublishDialog, enter)
    with qtbot.waitSignal(window.published, timeout=30000) as done:
        window.publish_dialog()
    assert seen["as"] == "future"
    assert seen["sentence"].startswith("Schedule “Visiting hours at the summer fair” to appear")
    assert "2031" in seen["sentence"]
    remote = on_server(wordpress, done.args[0].remote.id)
    assert remote["status"] == "future" and remote["date_gmt"].startswith("2031-05-12T08:00")


def test_a_schedule_already_past_is_refused_in_the_dialog_and_asked_about(qtbot, window, tmp_path):
    past = DRAFT.replace("status: draft", "status: scheduled").replace("2026-11-20", "2020-11-20")
    save_accounts([Account("Ward Notes", "wordpress", f"http://127.0.0.1:{free_port()}/", "me")])
    store_secret("Ward Notes", "not used: nothing may be sent")
    open_post(window, tmp_path, "too-late", past)
    post = window._current_post()
    dialog = PublishDialog(window, window._accounts(), post)
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "future"  # what the post asks, not "publish"
    assert not dialog.publish_button.isEnabled()
    assert "in the past: scheduling it would publish it now" in dialog.sentence.text()

    asked = []

    def answer(box: QMessageBox):
        asked.append(box.text())
        return box.button(QMessageBox.StandardButton.Cancel)

    window.choose = answer
    window.publish_to("Ward Notes", None)  # Ctrl+Shift+P on a post that went there before
    assert asked and "cannot be scheduled on Ward Notes" in asked[0]
    assert not window._publishing  # nothing was sent: the server was never asked


def test_a_post_on_two_blogs_shows_both(qtbot, window, tmp_path):
    save_accounts(
        [
            Account("Ward Notes", "wordpress", "https://ward.example.org/", "me"),
            Account("Staff blog", "metaweblog", "https://staff.example.org/xmlrpc.php", "me"),
        ]
    )
    text = DRAFT.replace("status: draft", "status: published").replace(
        "---\n\nThe",
        "published:\n  Ward Notes:\n    id: '12'\n    url: https://ward.example.org/winter/\n"
        "    time: '2026-11-29T10:00:00Z'\n    status: publish\n"
        "  Staff blog:\n    id: '7'\n    url: https://staff.example.org/?p=7\n"
        "    time: '2026-11-29T11:00:00Z'\n    status: draft\n---\n\nThe",
    )
    path = open_post(window, tmp_path, "two-blogs", text)
    window.refresh_metadata()
    shown = window.metadata.target.text()
    assert "Published on Ward Notes, for everyone to read" in shown
    assert "A draft on Staff blog, only you see it" in shown
    assert 'href="https://ward.example.org/winter/"' in shown
    row = library_row(qtbot, window, path, "Staff blog")
    assert "live on Ward Notes, a draft on Staff blog" in row
    tip = window.library.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "https://staff.example.org/?p=7" in tip


def test_a_queued_post_whose_account_was_removed_leaves_the_queue(qtbot, window, tmp_path):
    save_accounts([Account("Ward Notes", "wordpress", "https://ward.example.org/", "me")])
    path = open_post(window, tmp_path, "orphan", DRAFT)
    window.publish_queue.add(path, "Old blog", "draft", "offline")
    window.publish_queue.add(tmp_path / "drafts" / "deleted.md", "Ward Notes", "", "offline")
    window._update_queue_note()
    assert window.commands.send_queued.isEnabled()
    seen = []
    drive_dialog(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    window.send_queued(quiet=False)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert window.publish_queue.items() == []
    assert "orphan.md → Old blog (the account was removed)" in seen[0]
    assert "deleted.md → Ward Notes (the file is gone)" in seen[0]
    assert not window.commands.send_queued.isEnabled()


def test_screenshots_of_the_publish_dialog(qtbot, window, tmp_path):
    """Grabs the dialog as a person sees it, for a draft and for a published post (saved
    where SMUGDESK_SHOTS points, to look at; here they are checked to be real pictures)."""
    save_accounts([Account("Ward Notes", "wordpress", "https://ward.example.org/", "editor")])
    folder = Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path)
    for name, text, choice in (
        ("draft", DRAFT, None),
        ("draft-made-public", DRAFT, "publish"),
        ("published", PUBLISHED, None),
        ("scheduled", PUBLISHED.replace("2026-11-20", "2031-05-12"), None),
        ("past-schedule", DRAFT.replace("status: draft", "status: scheduled"), None),
    ):
        open_post(window, tmp_path, f"shot-{name}", text)
        dialog = PublishDialog(window, window._accounts(), window._current_post())
        qtbot.addWidget(dialog)
        if choice:
            dialog.status.setCurrentIndex(dialog.status.findData(choice))
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        # Shown, the send button is the default one only when it sends no more than asked.
        assert dialog.publish_button.isDefault() == (choice is None)
        assert dialog.publish_button.isEnabled() == (name != "past-schedule")
        image = dialog.grab()
        assert image.width() > 300 and image.height() > 100
        assert image.save(str(folder / f"publish-dialog-{name}.png"))
        dialog.close()
