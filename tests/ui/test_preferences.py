"""Preferences: a dark theme reaches the editor and the preview, the font the editor, and
everything is saved for the next start."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from qt_helpers import drive_dialog, run_js, wait_preview

from smugdesk.core.render import page_css
from smugdesk.ui.dialogs.preferences import PreferencesDialog
from smugdesk.ui.highlighter import DARK, LIGHT


def choose(qtbot, window, tmp_path, theme: str, size: int) -> None:
    def act(dialog: PreferencesDialog) -> None:
        dialog.theme.setCurrentIndex(dialog.theme.findData(theme))
        dialog.size.setValue(size)
        dialog.drafts.setText(str(tmp_path / "my drafts"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(PreferencesDialog, act)
    window.commands.preferences.trigger()


def test_dark_theme_font_and_drafts_folder_apply_and_persist(qtbot, window, tmp_path):
    window.editor.setPlainText("# A heading\n\nBody.")
    wait_preview(qtbot, window)
    choose(qtbot, window, tmp_path, "dark", 15)
    wait_preview(qtbot, window)

    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "smugdesk" / "settings.json"
    saved = json.loads(settings.read_text(encoding="utf-8"))
    assert (saved["theme"], saved["editor_font_size"]) == ("dark", 15)
    assert saved["drafts"] == str(tmp_path / "my drafts")
    assert window.drafts == tmp_path / "my drafts"
    assert window.editor.font().pointSize() == 15
    heading = window.editor.highlighter.formats["heading"].foreground().color().name()
    assert heading == DARK["heading"]
    qtbot.waitUntil(
        lambda: run_js(qtbot, window, "document.documentElement.classList.contains('dark')")
    )
    background = run_js(qtbot, window, "getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(27, 31, 36)"
    assert "html.dark .codehilite" in page_css()

    choose(qtbot, window, tmp_path, "light", 12)
    wait_preview(qtbot, window)
    assert (
        window.editor.highlighter.formats["heading"].foreground().color().name()
        == (LIGHT["heading"])
    )
    qtbot.waitUntil(
        lambda: not run_js(qtbot, window, "document.documentElement.classList.contains('dark')")
    )


def test_the_writers_own_css_styles_the_preview(qtbot, window):
    from smugdesk.core.config import user_css_dir

    folder = user_css_dir()
    folder.mkdir(parents=True)
    (folder / "house-style.css").write_text(
        ".post-title { color: rgb(153, 0, 51); }", encoding="utf-8"
    )
    window.editor.setPlainText("---\ntitle: Styled\n---\n\nBody.")
    window.apply_settings(window.settings)  # what closing Preferences does
    wait_preview(qtbot, window)
    colour = "getComputedStyle(document.getElementById('sd-title')).color"
    qtbot.waitUntil(lambda: run_js(qtbot, window, colour) == "rgb(153, 0, 51)")
    assert run_js(qtbot, window, "document.getElementById('sd-title').textContent") == "Styled"


def test_line_width_and_autosave_delay(qtbot, window, tmp_path):
    def act(dialog: PreferencesDialog) -> None:
        dialog.line_width.setValue(30)
        dialog.autosave.setValue(7)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(PreferencesDialog, act)
    window.commands.preferences.trigger()
    saved = json.loads(
        (Path(os.environ["XDG_CONFIG_HOME"]) / "smugdesk" / "settings.json").read_text()
    )
    assert (saved["line_width"], saved["autosave_seconds"]) == (30, 7)
    assert window._autosave_timer.interval() == 7000
    # Thirty characters fit on a line and more wrap; the column is centred.
    window.editor.setPlainText("n" * 30)
    assert window.editor.document().firstBlock().layout().lineCount() == 1
    window.editor.setPlainText("n" * 40)
    assert window.editor.document().firstBlock().layout().lineCount() == 2
    margins = window.editor.viewportMargins()
    assert margins.left() > 0 and abs(margins.left() - margins.right()) <= 1

    def whole_width(dialog: PreferencesDialog) -> None:
        dialog.line_width.setValue(0)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(PreferencesDialog, whole_width)
    window.commands.preferences.trigger()
    assert window.editor.viewportMargins().left() == 0
