"""The File → Export menu lists every installed exporter, plug-ins included, and reports the
broken ones without failing."""

from __future__ import annotations

import pytest
from plugin_helpers import install_plugin

from smugdesk.publish.registry import registry


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(install_plugin(tmp_path / "site-packages")))
    registry.cache_clear()
    yield
    monkeypatch.undo()
    registry.cache_clear()


def test_export_menu_shows_plugins_and_reports_broken_ones(installed_plugin, make_window):
    window = make_window()
    names = sorted(
        action.objectName().removeprefix("export-")
        for action in window.findChildren(type(window.commands.save))
        if action.objectName().startswith("export-")
    )
    assert names == [
        "html",
        "hugo",
        "hugo-git",
        "jekyll",
        "jekyll-git",
        "pelican",
        "pelican-git",
        "shout",
    ]
    message = window.statusBar().currentMessage()
    assert "broken" in message and "refused" in message


POST = """---
title: Clinic films
date: 2026-11-20 09:30:00+01:00
tags: [video]
---

A short answer, filmed.
"""


def test_export_dialog_remembers_the_target_and_ctrl_e_exports_again(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox
    from qt_helpers import drive_dialog

    from smugdesk.ui.dialogs.export import ExportDialog

    draft = tmp_path / "drafts" / "clinic-films.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(POST, encoding="utf-8")
    assert window.open_path(draft)
    site = tmp_path / "hugo-site"
    seen = {}

    def choose(dialog: ExportDialog) -> None:
        dialog.target.setCurrentIndex(dialog.target.findData("hugo"))
        seen["fields"] = sorted(dialog._fields)
        qtbot.keyClicks(dialog.folder, str(site))
        section = dialog._fields["section"]
        section.selectAll()
        qtbot.keyClicks(section, "articles")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(ExportDialog, choose)
    with qtbot.waitSignal(window.exported, timeout=10000) as first:
        qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    # the form comes from the exporter's options
    assert seen["fields"] == ["image_size", "keep_metadata", "mathml", "section"]
    page = site / "content" / "articles" / "clinic-films" / "index.md"
    assert first.args[0].location == str(page)
    text = window.editor.toPlainText()
    assert f"export:\n  target: hugo\n  folder: {site}\n  options:\n    section: articles" in text
    assert "export:" not in page.read_text(encoding="utf-8")  # smugdesk's key stays home
    box = window.export_result_box
    assert {b.text() for b in box.buttons()} >= {"Open Folder"}
    box.close()

    # Second time: no dialog, same target and options.
    page.unlink()
    window.activateWindow()  # the writer is back in the main window
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.exported, timeout=10000):
        qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.exists()
    window.export_result_box.close()


def test_a_failed_export_says_why_and_leaves_the_draft_alone(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    from qt_helpers import answer_dialog

    draft = tmp_path / "drafts" / "linked.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(POST + "\nSee [before](post:missing-one).\n", encoding="utf-8")
    assert window.open_path(draft)
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Ok, seen)
    with qtbot.waitSignal(window.exported, timeout=10000) as blocker:
        window.export_to("pelican", tmp_path / "site")
        window.check_dialog.anyway.click()  # the pre-export check stops it first: insist
    assert "“missing-one”, which is not in the site yet" in seen[0]
    assert "not in the site yet" in str(blocker.args[0])
    assert draft.read_text(encoding="utf-8") == POST + "\nSee [before](post:missing-one).\n"


def test_html_export_offers_to_open_the_page_in_a_browser(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.exported, timeout=10000):
        window.export_to("html", tmp_path / "out")
    names = {b.text() for b in window.export_result_box.buttons()}
    assert {"Open Folder", "Open in Browser"} <= names
    window.export_result_box.close()
