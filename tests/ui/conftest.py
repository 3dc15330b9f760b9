from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from qt_helpers import wait_preview

from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow


@pytest.fixture(scope="session", autouse=True)
def app(qapp):
    """pytest-qt's application, named as the app names itself (XDG paths, desktop file)."""
    return create_application()


@pytest.fixture
def make_window(qtbot, tmp_path) -> Callable[..., MainWindow]:
    windows: list[MainWindow] = []

    def make(drafts: Path | None = None) -> MainWindow:
        window = MainWindow(drafts or tmp_path / "drafts")
        window.show()
        qtbot.waitExposed(window)
        wait_preview(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if not shiboken6.isValid(window):
            continue  # the test closed it (and Qt deleted it) already
        # Closed here, not by qtbot (which would close first and meet the unsaved-changes
        # question): the test is over, nothing is left to ask about.
        for document in window.documents:  # every tab
            document.set_modified(False)
        window.close()  # the window deletes itself on close (WA_DeleteOnClose)
    # Deleting the web views now, while Qt is whole, avoids a crash at interpreter exit.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
