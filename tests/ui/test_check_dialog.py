"""The check in the window: Ctrl+Shift+K lists what it found and takes the writer to each
place; before an export or a publish, errors stop it unless the writer insists, warnings
do not. Real window, real exporter, the real WordPress for the publish."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt

from smugdesk.core.accounts import Account, save_accounts
from smugdesk.core.credentials import store_secret

BROKEN = """---
title: Night
---

The ward at night.

![](p.assets/ward.png)

![The corridor](p.assets/gone.png)
"""


def open_post(window, tmp_path, text=BROKEN, name="p") -> Path:
    drafts = tmp_path / "drafts"
    (drafts / f"{name}.assets").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (60, 40), (200, 30, 30)).save(drafts / f"{name}.assets" / "ward.png")
    path = drafts / f"{name}.md"
    path.write_text(text.replace("p.assets", f"{name}.assets"), encoding="utf-8")
    assert window.open_path(path)
    return path


def test_ctrl_shift_k_lists_findings_and_takes_the_writer_there(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    window.activateWindow()
    qtbot.keyClick(
        window.editor,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.check_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert rows == [  # errors first
        "The image p.assets/gone.png does not exist",
        "The image p.assets/ward.png has no alt text for people who cannot see it",
    ]
    assert dialog.summary.text() == "1 error, 1 warning"
    dialog.resize(720, 300)
    dialog.grab().save(str(tmp_path / "check-dialog.png"))
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.show_button.click()
    assert window.editor.textCursor().selectedText() == "![The corridor](p.assets/gone.png)"
    assert dialog.isVisible()  # stays open while the writer fixes things
    dialog.list.itemActivated.emit(dialog.list.topLevelItem(1), 0)
    assert window.editor.textCursor().selectedText() == "![](p.assets/ward.png)"
    dialog.close()


def test_an_error_stops_the_export_until_the_writer_insists(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    out = tmp_path / "out"
    exported = []
    window.exported.connect(exported.append)
    window.export_to("html", out)
    dialog = window.check_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.anyway is not None and dialog.anyway.text() == "Export Anyway"
    dialog.grab().save(str(tmp_path / "check-gate.png"))
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert cancel.isDefault() and not dialog.anyway.isDefault()
    dialog.reject()
    assert not out.exists() and exported == []

    window.export_to("html", out)
    with qtbot.waitSignal(window.exported, timeout=20000):
        window.check_dialog.anyway.click()
    assert (out / "p.html").exists()
    window.export_result_box.close()


def test_going_to_a_finding_from_the_gate_sends_nothing(qtbot, window, tmp_path):
    open_post(window, tmp_path)
    out = tmp_path / "out"
    window.export_to("html", out)
    dialog = window.check_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.show_button.click()
    assert not dialog.isVisible() and not out.exists()
    assert "gone.png" in window.editor.textCursor().selectedText()


def test_warnings_alone_do_not_stop_an_export(qtbot, window, tmp_path):
    open_post(window, tmp_path, BROKEN.replace("![The corridor](p.assets/gone.png)", ""))
    with qtbot.waitSignal(window.exported, timeout=20000):
        window.export_to("html", tmp_path / "out")
    assert getattr(window, "check_dialog", None) is None or not window.check_dialog.isVisible()
    assert "1 warning" in window.statusBar().currentMessage() or (tmp_path / "out").exists()
    window.export_result_box.close()


def remote_posts(site, slug):
    import base64

    url = f"{site.url}?rest_route=/wp/v2/posts&slug={slug}&status=publish,draft&context=edit"
    request = urllib.request.Request(url)
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def test_an_error_stops_a_publish_until_the_writer_insists(qtbot, window, wordpress, tmp_path):
    account = Account("Ward Notes", "wordpress", wordpress.url, wordpress.user)
    save_accounts([account])
    store_secret(account.name, wordpress.app_password)
    open_post(window, tmp_path, BROKEN.replace("title: Night", "title: Checked first"), "checked")
    window.publish_to("Ward Notes", "publish")
    dialog = window.check_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.anyway.text() == "Publish Anyway"
    dialog.reject()
    assert remote_posts(wordpress, "checked") == []

    window.publish_to("Ward Notes", "publish")
    with qtbot.waitSignal(window.published, timeout=30000):
        window.check_dialog.anyway.click()
    assert len(remote_posts(wordpress, "checked")) == 1
    window.publish_result_box.close()


def test_check_post_is_in_the_blog_menu_before_publish(window):
    blog = window.blog_menu
    texts = [action.text() for action in blog.actions() if not action.isSeparator()]
    assert texts[0] == window.check_action.text() and "Check" in texts[0]
    assert window.check_action.shortcut().toString() == "Ctrl+Shift+K"
