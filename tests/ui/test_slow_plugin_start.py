"""A plug-in whose import never finishes does not freeze the window: discovery runs off the
UI thread after the first paint, and the Export menu fills in when the deadline has passed,
built-ins and working plug-ins included, the slow one named in the status bar."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from smugdesk.publish import plugins
from smugdesk.publish.registry import registry
from smugdesk.ui.main_window import MainWindow

BROKEN = Path(__file__).parent.parent / "plugins" / "smugdesk-broken"
DEADLINE = 1.5


@pytest.fixture
def slow_plugin_installed(tmp_path, monkeypatch):
    target = tmp_path / "site-packages"
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    command += ["--no-build-isolation", "--target", str(target), str(BROKEN)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    monkeypatch.syspath_prepend(str(target))
    monkeypatch.setenv(plugins.DEADLINE_ENV, str(DEADLINE))
    registry.cache_clear()
    yield
    registry.cache_clear()


def test_a_slow_plugin_does_not_hold_up_the_window(qtbot, tmp_path, slow_plugin_installed):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    window = MainWindow(drafts, staged=True)
    try:
        window.show()
        qtbot.waitExposed(window)
        started = time.perf_counter()
        window.finish_start()  # what the first paint triggers; runs once
        assert time.perf_counter() - started < DEADLINE  # not waiting on the plug-in

        def exports() -> set[str]:
            return {action.objectName() for action in window.export_menu.actions()}

        qtbot.waitUntil(lambda: "export-checks-exit" in exports(), timeout=20000)
        assert {"export-html", "export-hugo", "export-jekyll", "export-pelican"} <= exports()
        assert "sleeps-at-import" in window.statusBar().currentMessage()
    finally:
        window.editor.document().setModified(False)
        window.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
