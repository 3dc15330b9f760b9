"""Renders the editor's text off the UI thread, always the newest text, never a backlog
(what is rendered: core/preview_text.py)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from smugdesk.core.incremental import IncrementalRenderer


class RenderWorker(QObject):
    """A thread that renders the latest submitted text. Submitting while a render runs
    replaces the waiting job, so typing fast costs one extra render, not a queue."""

    finished = Signal(object)  # RenderResult, delivered in the UI thread (queued)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._job: tuple[int, str, str] | None = None
        self.embed_mode = "placeholder"  # the preview makes no network request unless allowed
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="smugdesk-render", daemon=True)
        self._thread.start()

    def submit(self, generation: int, text: str) -> None:
        with self._condition:
            self._job = (generation, text, self.embed_mode)
            self._condition.notify()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        renderers: dict[str, IncrementalRenderer] = {}
        preview_text = None  # imported with the first job: Markdown is not needed before
        while True:
            with self._condition:
                while self._job is None and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                generation, text, mode = self._job
                self._job = None
            if preview_text is None:
                from smugdesk.core import preview_text
            if mode not in renderers:
                renderers[mode] = preview_text.preview_renderer(mode)
            try:
                result = preview_text.render_text(generation, text, renderers[mode])
            except Exception as error:  # whatever happens, the preview thread lives on
                result = preview_text.failed_result(generation, error)
            self.finished.emit(result)
