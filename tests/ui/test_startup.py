"""Start-up as the app does it: the window paints first with the post in the editor, and
the web preview, spelling, library index and plug-ins come after, all of them really."""

from __future__ import annotations

import os
import subprocess
import sys

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qt_helpers import preview_body

from smugdesk.core.spelling import available_languages
from smugdesk.ui.main_window import MainWindow

POST = """---
title: Night shift notes
tags: [nursing]
---

The night shift keeps its own *quiet* rhythm, and this post is spelt wronlgy once.
"""


class _Paints(QObject):
    """Records what the window looked like at its first paint."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.at_first_paint: dict | None = None

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.at_first_paint is None:
            self.at_first_paint = {
                "text": self.window.editor.toPlainText(),
                "preview": self.window.preview.started,
                "library": self.window.library_worker is not None,
                "speller": self.window.editor.highlighter.speller is not None,
            }
        return False


def test_the_window_paints_first_and_the_rest_follows(qtbot, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "night-shift.md"
    post.write_text(POST, encoding="utf-8")
    window = MainWindow(drafts, staged=True)
    paints = _Paints(window)
    window.installEventFilter(paints)
    try:
        assert window.open_path(post)
        window.show()
        qtbot.waitUntil(lambda: paints.at_first_paint is not None, timeout=10000)
        first = paints.at_first_paint
        assert first["text"] == POST  # the post is there at the first paint…
        assert not first["preview"] and not first["library"]  # …the heavy parts are not
        qtbot.waitUntil(lambda: window.preview_is_current, timeout=20000)
        assert "<em>quiet</em>" in preview_body(qtbot, window)
        assert window.windowTitle().startswith("Night shift notes")
        assert window.library_worker is not None
        qtbot.waitUntil(lambda: window.library.list.model().rowCount() == 1, timeout=10000)
        export_names = {action.objectName() for action in window.export_menu.actions()}
        assert {"export-html", "export-jekyll", "export-hugo"} <= export_names
        if available_languages():  # else spelling is off, and the window says so
            qtbot.waitUntil(lambda: window.editor.highlighter.speller is not None, timeout=5000)
    finally:
        window.editor.document().setModified(False)
        window.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)


def test_the_first_paint_imports_no_renderer_web_engine_or_network(tmp_path):
    """What the window imports before its first paint decides how soon it appears: the
    renderer, QtWebEngine, YAML, SQLite, the keyring, HTTP and plug-in discovery load
    afterwards."""
    later = [
        "markdown",
        "pygments",
        "keyring",
        "enchant",
        "importlib.metadata",
        "http.client",
        "xmlrpc.client",
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtNetwork",
        "ruamel.yaml",
        "sqlite3",
        "smugdesk.cli",
    ]
    script = (
        "import sys\n"
        "import smugdesk.app, smugdesk.ui.application, smugdesk.ui.main_window\n"
        f"print(sorted(set({later!r}) & set(sys.modules)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_started_window_has_loaded_no_network_or_sharing_code(tmp_path):
    """Once the window is up (menus, preview, library, spelling), nothing of publishing or
    sharing is loaded: the HTTP library alone is 18 MB (it brings its command line's
    terminal libraries), loaded at the first network use instead."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("---\ntitle: A\n---\nSome words.\n", encoding="utf-8")
    later = ["httpx", "rich", "click", "smugdesk.publish.http", "smugdesk.publish.bluesky"]
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from smugdesk.ui import application\n"
        "from smugdesk.ui.main_window import MainWindow\n"
        "app = application.create_application([])\n"
        f"window = MainWindow(Path({str(drafts)!r}))\n"
        "window.show()\n"
        "window.finish_start()\n"
        "window.open_path(Path(" + repr(str(drafts / "a.md")) + "))\n"
        "window.blog_menu.aboutToShow.emit()\n"
        f"QTimer.singleShot(1500, lambda: (print(sorted(set({later!r}) & set(sys.modules))),"
        " app.quit()))\n"
        "app.exec()\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
