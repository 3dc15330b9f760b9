"""Links, images and embeds inserted through the real dialogs, keys, clipboard and drops."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from qt_helpers import answer_dialog, drive_dialog, preview_body, real_click, run_js, wait_preview

from smugdesk.ui.dialogs.embed import EmbedDialog
from smugdesk.ui.dialogs.image import ImageDialog
from smugdesk.ui.dialogs.link import LinkDialog

PIXEL = Path(__file__).with_name("pixel.png")


def saved_post(window, tmp_path, body="Read the article today.") -> Path:
    path = tmp_path / "drafts" / "today.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Today\n---\n\n{body}\n", encoding="utf-8")
    assert window.open_path(path)
    return path


def select_word(editor, word: str) -> None:
    found = editor.document().find(word, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull()
    editor.setTextCursor(found)


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_ctrl_k_prefills_url_from_clipboard_and_text_from_selection(qtbot, window, tmp_path):
    saved_post(window, tmp_path)
    select_word(window.editor, "article")
    QApplication.clipboard().setText("https://www.latimes.com/health/doctors-on-twitter")
    seen = {}

    def fill(dialog: LinkDialog) -> None:
        seen["url"], seen["text"] = dialog.url.text(), dialog.text.text()
        qtbot.keyClicks(dialog.title, "LA Times")
        ok(dialog)

    drive_dialog(LinkDialog, fill)
    qtbot.keyClick(window.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"url": "https://www.latimes.com/health/doctors-on-twitter", "text": "article"}
    assert (
        '[article](https://www.latimes.com/health/doctors-on-twitter "LA Times")'
        in window.editor.toPlainText()
    )


def test_link_dialog_offers_https_for_a_bare_domain_and_refuses_javascript(qtbot, window):
    QApplication.clipboard().setText("")
    states = {}

    def act(dialog: LinkDialog) -> None:
        ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.keyClicks(dialog.url, "javascript:alert(1)")
        states["js"] = (ok_button.isEnabled(), dialog.message.text())
        dialog.url.clear()
        qtbot.keyClicks(dialog.url, "mayoclinic.org/news")
        states["bare"] = (ok_button.isEnabled(), dialog.fix.isVisible(), dialog.fix.text())
        dialog.fix.click()
        states["fixed"] = (ok_button.isEnabled(), dialog.url.text())
        qtbot.keyClicks(dialog.text, "Mayo news")
        ok(dialog)

    drive_dialog(LinkDialog, act)
    window.insert_link()
    assert states["js"][0] is False and "not allowed" in states["js"][1]
    assert states["bare"] == (True, True, "Use https://mayoclinic.org/news")  # Enter adds it
    assert states["fixed"] == (True, "https://mayoclinic.org/news")
    assert "[Mayo news](https://mayoclinic.org/news)" in window.editor.toPlainText()


def test_link_to_another_draft_keeps_a_stable_reference_and_opens_it(qtbot, window, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir(exist_ok=True)  # the window made it already
    (drafts / "flu.md").write_text("---\ntitle: Flu season, in numbers\n---\nFlu body\n", "utf-8")
    path = saved_post(window, tmp_path, "See my earlier post.")
    select_word(window.editor, "earlier post")

    def pick(dialog: LinkDialog) -> None:
        qtbot.keyClicks(dialog.search, "flu num")
        assert dialog.drafts.count() == 1
        dialog.drafts.itemClicked.emit(dialog.drafts.item(0))
        ok(dialog)

    drive_dialog(LinkDialog, pick)
    window.insert_link()
    assert "[earlier post](post:flu)" in window.editor.toPlainText()
    assert window.save_to(None)
    wait_preview(qtbot, window)
    assert 'href="post:flu"' in preview_body(qtbot, window)

    # A click on that link in the preview opens the linked draft.
    real_click(qtbot, window, 'a[href="post:flu"]')
    qtbot.waitUntil(lambda: window.file.path == drafts / "flu.md", timeout=5000)
    assert "Flu body" in window.editor.toPlainText()
    assert path.read_text(encoding="utf-8").count("post:flu") == 1


def test_pasting_a_url_over_a_selection_makes_a_link(qtbot, window, tmp_path):
    saved_post(window, tmp_path)
    select_word(window.editor, "article")
    QApplication.clipboard().setText("https://example.org/story")
    qtbot.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Read the [article](https://example.org/story) today." in window.editor.toPlainText()

    select_word(window.editor, "today")
    QApplication.clipboard().setText("tomorrow")  # not a URL: an ordinary paste
    qtbot.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "(https://example.org/story) tomorrow." in window.editor.toPlainText()


def test_dropping_an_image_file_copies_it_beside_the_post(qtbot, window, tmp_path):
    path = saved_post(window, tmp_path)
    photo = tmp_path / "elsewhere" / "nurses-station.png"
    photo.parent.mkdir()
    photo.write_bytes(PIXEL.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    viewport = window.editor.viewport()
    point = QPoint(20, 20)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, drop)

    assert "![Nurses station](today.assets/nurses-station.png)" in window.editor.toPlainText()
    assert (path.parent / "today.assets" / "nurses-station.png").read_bytes() == PIXEL.read_bytes()
    assert photo.exists()
    wait_preview(qtbot, window)
    # The preview shows the local copy: the image decodes to its real size (1×1).
    width = "document.querySelector('#sd-body img').naturalWidth"
    qtbot.waitUntil(lambda: run_js(qtbot, window, width) == 1, timeout=5000)


def test_pasting_image_data_stores_a_png(qtbot, window, tmp_path):
    path = saved_post(window, tmp_path)
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    QApplication.clipboard().setImage(image)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "![](today.assets/pasted-image.png)" in window.editor.toPlainText()
    stored = QImage(str(path.parent / "today.assets" / "pasted-image.png"))
    assert (stored.width(), stored.height()) == (4, 3)


def test_images_in_an_unsaved_post_ask_to_save_first(qtbot, window, tmp_path):
    image = QImage(2, 2, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    QApplication.clipboard().setImage(image)
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.No, seen)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (seen and "Save the post now" in seen[0]) or seen
    assert "pasted-image" not in window.editor.toPlainText()


def test_insert_image_dialog_suggests_alt_text_and_copies_the_file(qtbot, window, tmp_path):
    path = saved_post(window, tmp_path)
    photo = tmp_path / "Chancellor_interview.png"
    photo.write_bytes(PIXEL.read_bytes())
    seen = {}

    def fill(dialog: ImageDialog) -> None:
        qtbot.keyClicks(dialog.file, str(photo))
        seen["alt"] = dialog.alt.text()
        dialog.alt.selectAll()
        qtbot.keyClicks(dialog.alt, "The chancellor answers questions")
        ok(dialog)

    drive_dialog(ImageDialog, fill)
    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen["alt"] == "Chancellor interview"
    assert (
        "![The chancellor answers questions](today.assets/chancellor-interview.png)"
        in window.editor.toPlainText()
    )
    assert (path.parent / "today.assets" / "chancellor-interview.png").exists()


def test_insert_embed_puts_the_url_on_its_own_paragraph(qtbot, window, tmp_path, monkeypatch):
    saved_post(window, tmp_path, "First paragraph.\nStill the first.\n\nSecond paragraph.")
    select_word(window.editor, "Still")
    QApplication.clipboard().setText("https://youtu.be/dQw4w9WgXcQ?t=42")
    seen = {}

    def check(dialog: EmbedDialog) -> None:
        seen["kind"] = dialog.kind.text()
        ok(dialog)

    drive_dialog(EmbedDialog, check)
    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "YouTube video" in seen["kind"]
    assert (
        "First paragraph.\nStill the first.\n\nhttps://youtu.be/dQw4w9WgXcQ?t=42\n\n"
        "Second paragraph." in window.editor.toPlainText()
    )
    wait_preview(qtbot, window)
    body = preview_body(qtbot, window)
    assert "embed-card" in body and "<iframe" not in body  # offline: no network request

    window.commands.remote_content.trigger()  # View → Load Remote Content in Preview
    wait_preview(qtbot, window)
    body = preview_body(qtbot, window)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42"' in body
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "smugdesk" / "settings.json"
    assert json.loads(settings.read_text())["remote_content_in_preview"] is True
    window.commands.remote_content.trigger()
    assert json.loads(settings.read_text())["remote_content_in_preview"] is False
