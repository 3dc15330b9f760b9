"""Helpers for driving the real window and reading the real preview's DOM."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication, QMessageBox

from smugdesk.ui.main_window import MainWindow
from smugdesk.ui.preview_sandbox import register_scheme

# Before any test makes a web engine object: the preview's scheme must be registered first.
register_scheme()
PREVIEW_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld


def wait_preview(qtbot, window: MainWindow, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: window.preview_is_current, timeout=timeout)


def run_js(qtbot, window: MainWindow, script: str, timeout: int = 10000, *, world=PREVIEW_WORLD):
    """Evaluate ``script`` in the real preview page and return its result: in the preview
    script's isolated world by default (the post's own world has JavaScript off)."""
    box: dict = {}
    window.preview.page().runJavaScript(script, world, lambda value: box.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in box, timeout=timeout)
    return box["v"]


def real_click(qtbot, window: MainWindow, selector: str, *, double: bool = False) -> None:
    """Click the first element matching ``selector`` in the preview as the writer would: a
    mouse event through Qt into Chromium (the page sees a trusted click)."""
    where = (
        f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
        " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
        " return JSON.stringify([r.left + Math.min(r.width / 2, 8), r.top + r.height / 2]); })()"
    )
    x, y = json.loads(run_js(qtbot, window, where))
    widget = window.preview.view.focusProxy()
    point = QPoint(round(x), round(y))
    if double:
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=point)
    else:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


def preview_body(qtbot, window: MainWindow, *, lines: bool = False) -> str:
    """The preview's body HTML; without the scroll-sync ``data-line`` marks unless asked."""
    html = run_js(qtbot, window, "document.getElementById('sd-body').innerHTML")
    html = html.replace("<!--sd-->", "").strip()
    return html if lines else re.sub(r' data-line="\d+"', "", html)


def answer_dialog(button: QMessageBox.StandardButton | str, seen: list[str]) -> None:
    """Answer the next modal message box as a user would, by clicking one of its buttons
    (a standard button, or a custom one by its text); its text is appended to ``seen``."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        if isinstance(button, str):
            target = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        else:
            target = box.button(button)
        target.click()

    QTimer.singleShot(0, click)


def drive_dialog(dialog_type: type, action) -> dict:
    """When the next modal dialog of ``dialog_type`` opens, call ``action(dialog)`` as a
    user at the keyboard would act on it. Returns a dict that records it was seen."""
    seen: dict = {}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(20, poll)
            return
        seen["dialog"] = True
        action(dialog)

    QTimer.singleShot(0, poll)
    return seen
