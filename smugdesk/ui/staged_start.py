"""Start-up in two steps: the window paints first, then starts what its first paint does not
need (the web preview and first render, the library index, exporters, then spelling)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QTimer

from smugdesk.ui.menus import add_exporters

START_AT_LATEST_MS = 1000  # finish_start, had the window not been painted by then
SPELLING_AT_LATEST_MS = 3000  # after a start-up, even if the preview has not appeared


class StagedStart:
    """Mixed into MainWindow (uses its preview, library, render and spelling)."""

    def _init_staged(self, staged: bool) -> None:
        self._started = False  # finish_start has run
        self._start_queued = False
        self._staged = staged

    def _begin(self) -> None:
        """At the end of the window's construction."""
        if self._staged:
            # A window that is never painted (started minimised) still gets its library.
            QTimer.singleShot(START_AT_LATEST_MS, self.finish_start)
        else:
            self.finish_start()

    def finish_start(self) -> None:
        """What the window needs but not for its first paint: the web preview and the first
        render, spelling, the library's index thread, plug-in problems. Runs once."""
        if self._started:
            return
        self._started = True
        self.feed.start()  # the render thread works while the web view is made
        self.preview.start()
        start_temp_cleanup(self.drafts)
        self.start_library()
        if self._staged:
            # Discovery imports every exporter and waits up to a deadline for a slow
            # third-party one: off the UI thread, the menu filled when it is done.
            from smugdesk.publish.registry import registry
            from smugdesk.ui.background import run_later

            run_later(self, lambda _progress: registry(), lambda _found: add_exporters(self))
        else:
            add_exporters(self)
        if self._staged:
            # Spelling (a dictionary to load, every line checked again) once the first
            # preview is up; the preview is what a writer waits for.
            self.preview.shown.connect(self._spelling_after_preview)
            QTimer.singleShot(SPELLING_AT_LATEST_MS, self._spelling_after_preview)
        else:
            self.settings_control.apply_speller()

    def _spelling_after_preview(self) -> None:
        if not self.settings_control.spelling_started:  # else Preferences loaded it already
            self.settings_control.apply_speller()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._started and not self._start_queued:
            # After this paint reaches the screen: the next turn of the event loop.
            self._start_queued = True
            QTimer.singleShot(0, self.finish_start)


def start_temp_cleanup(drafts: Path) -> threading.Thread | None:
    """Remove what a killed save left in the drafts folder (core.store's own temporary
    files only), off the UI thread: a walk of a large folder must not delay typing."""
    if not Path(drafts).is_dir():
        return None
    from smugdesk.core.store import clean_leftover_temps

    worker = threading.Thread(
        target=clean_leftover_temps, args=(Path(drafts),), name="temp-cleanup", daemon=True
    )
    worker.start()
    return worker
