"""File → History in the real window: versions of each cause on the timeline, the word
diff beside the current text, Restore as one undo step, Copy, and untitled work kept safe
(recovery copy while typing, the trash after Discard)."""

from __future__ import annotations

import json

from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_helpers import answer_dialog

from smugdesk.core import history
from smugdesk.core.library import trashed_posts
from smugdesk.ui.history_dialog import VERSION_ROLE, HistoryDialog

POST = "---\ntitle: Night shift\n---\n\nThe ward was quiet at night.\n\nRain on the roof.\n"


def _open_history(qtbot, window) -> HistoryDialog:
    window.commands.history.trigger()
    qtbot.waitUntil(
        lambda: isinstance(getattr(window, "history_dialog", None), HistoryDialog), timeout=15000
    )
    dialog = window.history_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=15000)
    return dialog


def _versions(dialog: HistoryDialog):
    return [
        dialog.timeline.item(row).data(VERSION_ROLE)
        for row in range(dialog.timeline.count())
        if dialog.timeline.item(row).data(VERSION_ROLE) is not None
    ]


def _type_at_end(qtbot, window, text: str) -> None:
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, text)


def test_history_shows_each_save_and_restores_one_as_an_undoable_edit(qtbot, window, tmp_path):
    post = tmp_path / "drafts" / "night.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text(POST, encoding="utf-8")
    assert window.open_path(post)  # opening records the text found on disk
    _type_at_end(qtbot, window, "The nurse wrote her notes.")
    assert window.save()  # manual
    found = window.editor.document().find("quiet")
    found.insertText("loud")
    assert window.editor.document().isModified()
    window.autosave()
    assert window.commands.history.shortcut() == QKeySequence("Ctrl+Shift+H")

    dialog = _open_history(qtbot, window)
    versions = _versions(dialog)
    assert [v.cause for v in versions] == ["autosave", "manual", "external"]
    assert "Autosaved" in dialog.timeline.item(1).text()

    oldest_row = next(
        row
        for row in range(dialog.timeline.count())
        if dialog.timeline.item(row).data(VERSION_ROLE) == versions[-1]
    )
    dialog.timeline.setCurrentRow(oldest_row)
    old_html = dialog.version_view.toHtml()
    new_html = dialog.current_view.toHtml()
    # Word level: "quiet" is marked in the version, "loud" and the new sentence in the text now.
    assert "quiet" in dialog.version_view.toPlainText()
    assert "#fbd3d0" in old_html and "#cdeccf" in new_html
    marked_new = [part for part in new_html.split("#cdeccf")[1:]]
    assert any("loud" in part.split("</span>")[0] for part in marked_new)
    assert not any("ward" in part.split("</span>")[0] for part in marked_new)
    assert "1 words removed" in dialog.summary.text() or "removed" in dialog.summary.text()

    # Copy: the selection, or the whole version when nothing is selected.
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == POST
    cursor = dialog.version_view.textCursor()
    cursor.setPosition(dialog.version_view.toPlainText().index("Rain"))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    dialog.version_view.setTextCursor(cursor)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Rain"

    before = window.editor.toPlainText()
    dialog.restore_button.click()
    assert window.editor.toPlainText() == POST
    assert post.read_text(encoding="utf-8") == POST  # saved as a new version
    history.recorder().flush()
    newest = history.store_for(post).versions(post)[0]
    assert newest.cause == "restore"
    window.editor.undo()
    assert window.editor.toPlainText() == before  # one undo step brings back what was there


def test_a_publish_to_a_real_wordpress_marks_the_version_it_sent(
    qtbot, window, wordpress, tmp_path
):
    from smugdesk.core.accounts import Account, save_accounts
    from smugdesk.core.credentials import store_secret
    from smugdesk.publish.publishing import Outcome

    account = Account("SMUG blog", "wordpress", wordpress.url, wordpress.user)
    save_accounts([account])
    store_secret(account.name, wordpress.app_password)
    post = tmp_path / "drafts" / "sent.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text(POST.replace("Night shift", "History mark test"), encoding="utf-8")
    assert window.open_path(post)
    with qtbot.waitSignal(window.published, timeout=60000) as done:
        window.publish_to("SMUG blog", "draft")
    assert isinstance(done.args[0], Outcome), done.args[0]
    window.publish_result_box.close()
    history.recorder().flush()
    sent = history.store_for(post).versions(post)[0]
    assert sent.marks == ("SMUG blog",)
    assert history.store_for(post).text(sent.id) == post.read_text(encoding="utf-8")
    dialog = _open_history(qtbot, window)
    assert "Published to SMUG blog" in dialog.timeline.item(1).text()


def test_untitled_work_is_kept_in_a_recovery_copy_until_saved(qtbot, window, tmp_path):
    _type_at_end(qtbot, window, "Typed before any save")
    window.autosave()
    slot = window.recovery.path
    assert slot is not None and slot.exists()
    assert not slot.is_relative_to(tmp_path / "drafts")
    assert "Typed before any save" in json.loads(slot.read_text(encoding="utf-8"))["text"]
    target = tmp_path / "drafts" / "kept.md"
    assert window.save_to(target)
    assert not slot.exists()


def test_untitled_work_closed_without_saving_goes_to_the_trash(qtbot, window, tmp_path):
    window.editor.selectAll()
    window.editor.insertPlainText("---\ntitle: Second thoughts\n---\n\nDo not lose me")
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Discard, seen)
    assert window.close_post()
    assert seen and "Save the changes" in seen[0]
    [trashed] = trashed_posts(tmp_path / "drafts")
    assert trashed.path.name.startswith("second-thoughts")
    assert "Do not lose me" in trashed.path.read_text(encoding="utf-8")


def test_history_of_an_untitled_post_says_there_is_none_yet(qtbot, window):
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Ok, seen)
    window.commands.history.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert "no versions yet" in seen[0]
    assert QApplication.activeModalWidget() is None


SHOT_V1 = """---
title: Visiting hours change on Monday
---

From Monday the wards open at ten and close at eight. Two visitors at a bedside.

Children are welcome on the children's ward at any time.
"""

SHOT_NOW = """---
title: Visiting hours change on Monday
---

From Monday the wards open at nine and close at eight. Two visitors at a bedside,
and one of them may stay overnight on the maternity ward.

Children are welcome on every ward at any time.

Parking is free after six.
"""


def test_screenshot_of_the_history_dialog(qtbot, window, tmp_path):
    """Grabs the dialog as a writer sees it (saved where SMUGDESK_SHOTS points, to look at;
    here checked to be a real picture)."""
    import os
    import time
    from pathlib import Path

    post = tmp_path / "drafts" / "visiting-hours.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text(SHOT_NOW, encoding="utf-8")
    store = history.store_for(post)
    now = time.time()
    middle = SHOT_V1.replace("ten", "nine")
    store.record(post, SHOT_V1, "manual", when=now - 86400 - 3000)
    store.record(post, SHOT_V1, "publish", when=now - 86400 - 2900, target="Ward Notes")
    store.record(post, middle, "autosave", when=now - 5400)
    store.record(post, SHOT_NOW, "autosave", when=now - 120)
    assert window.open_path(post)
    window.history_dialog = None
    dialog = _open_history(qtbot, window)
    published_row = next(
        row
        for row in range(dialog.timeline.count())
        if (v := dialog.timeline.item(row).data(VERSION_ROLE)) is not None and v.marks
    )
    dialog.timeline.setCurrentRow(published_row)
    QApplication.processEvents()
    image = dialog.grab()
    assert image.width() > 600 and image.height() > 300
    folder = Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path)
    assert image.save(str(folder / "history-dialog.png"))

    from qt_helpers import PREVIEW_WORLD

    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.preview.view is not None, timeout=15000)
    box: dict = {}

    def shown() -> bool:
        dialog.preview.page().runJavaScript(
            "document.getElementById('sd-body') ? document.getElementById('sd-body').innerText"
            " : ''",
            PREVIEW_WORLD,
            lambda value: box.__setitem__("text", value or ""),
        )
        return "open at ten" in box.get("text", "")

    qtbot.waitUntil(shown, timeout=20000)
    qtbot.wait(200)  # the page paints after its DOM changes
    image = dialog.grab()
    assert image.save(str(folder / "history-dialog-preview.png"))


def test_posts_downloaded_from_a_real_wordpress_start_their_history(
    qtbot, window, make_window, wordpress, tmp_path
):
    from smugdesk.core.accounts import Account, save_accounts
    from smugdesk.core.credentials import store_secret

    account = Account("SMUG blog", "wordpress", wordpress.url, wordpress.user)
    save_accounts([account])
    store_secret(account.name, wordpress.app_password)
    post = tmp_path / "drafts" / "to-fetch.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text(POST.replace("Night shift", "Fetched back"), encoding="utf-8")
    assert window.open_path(post)
    with qtbot.waitSignal(window.published, timeout=60000):
        window.publish_to("SMUG blog", "draft")
    window.publish_result_box.close()

    elsewhere = make_window(tmp_path / "laptop")
    with qtbot.waitSignal(elsewhere.downloaded, timeout=60000) as done:
        elsewhere.download_posts("SMUG blog", 1)
    written, _existing = done.args[0]
    assert written
    history.recorder().flush()
    [version] = history.store_for(written[0]).versions(written[0])
    assert version.cause == "download" and version.label == "Downloaded"


def test_the_preview_tab_shows_the_version_in_the_apps_own_preview(qtbot, window, tmp_path):
    from qt_helpers import PREVIEW_WORLD

    post = tmp_path / "drafts" / "preview.md"
    post.parent.mkdir(exist_ok=True)
    older = POST.replace("Rain on the roof.", "Snow on the **roof**.")
    post.write_text(older, encoding="utf-8")
    assert window.open_path(post)
    window.editor.selectAll()
    window.editor.insertPlainText(POST)
    assert window.save()
    dialog = _open_history(qtbot, window)
    rows = [
        row
        for row in range(dialog.timeline.count())
        if dialog.timeline.item(row).data(VERSION_ROLE) is not None
    ]
    dialog.timeline.setCurrentRow(rows[-1])  # the oldest: the one with snow
    dialog.tabs.setCurrentIndex(1)
    assert dialog.preview is not None
    qtbot.waitUntil(lambda: dialog.preview.view is not None, timeout=15000)
    box: dict = {}

    def body_has_snow() -> bool:
        dialog.preview.page().runJavaScript(
            "document.getElementById('sd-body') ? "
            "document.getElementById('sd-body').innerHTML : ''",
            PREVIEW_WORLD,
            lambda value: box.__setitem__("html", value or ""),
        )
        return "<strong>roof</strong>" in box.get("html", "")

    qtbot.waitUntil(body_has_snow, timeout=20000)
    assert "Snow on the" in box["html"]
    dialog.close()


def test_renaming_a_post_with_images_in_the_library_keeps_its_history(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QInputDialog
    from qt_helpers import drive_dialog

    drafts = tmp_path / "drafts"
    (drafts / "ward.assets").mkdir(parents=True)
    (drafts / "ward.assets" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    post = drafts / "ward.md"
    post.write_text("---\ntitle: Ward\n---\n\n![x](ward.assets/x.png)\n", encoding="utf-8")
    assert window.open_path(post)
    _type_at_end(qtbot, window, "Night notes.")
    assert window.save()

    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue("Night ward")
        dialog.accept()

    seen = drive_dialog(QInputDialog, answer)
    window.library.rename_requested.emit(post)  # what F2 on its row asks (test_library_pane)
    assert seen
    renamed = drafts / "night-ward.md"
    assert window.file.path == renamed
    assert "night-ward.assets/x.png" in renamed.read_text(encoding="utf-8")
    history.recorder().flush()
    causes = [v.cause for v in history.store_for(renamed).versions(renamed)]
    assert causes[:2] == ["save", "manual"], causes


def test_a_change_made_by_another_program_and_loaded_becomes_a_version(qtbot, window, tmp_path):
    post = tmp_path / "drafts" / "synced.md"
    post.parent.mkdir(exist_ok=True)
    post.write_text(POST, encoding="utf-8")
    assert window.open_path(post)
    theirs = POST + "\nAdded on the laptop.\n"
    post.write_text(theirs, encoding="utf-8")
    window.check_disk()  # what the file watcher calls: unmodified here, so reloaded in place
    assert window.editor.toPlainText() == theirs
    dialog = _open_history(qtbot, window)
    versions = _versions(dialog)
    assert [v.cause for v in versions] == ["external", "external"]
    assert history.store_for(post).text(versions[0].id) == theirs
    assert "Changed by another program" in dialog.timeline.item(1).text()
