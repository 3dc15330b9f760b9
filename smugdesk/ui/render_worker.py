"""Renders the editor's text off the UI thread, always the newest text, never a backlog
(what is rendered: core/preview_text.py).

A long post's first render comes in slices: first what is around the editor's place (and
whatever an edit changed), then the rest, a slice at a time, looking for newer text
between slices, so a keystroke waits for one slice at most, never for the whole post."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from smugdesk.core.incremental import IncrementalRenderer

# Chunks a first result renders beyond an edit's: more than a screenful (a chunk is a
# paragraph or so), about 20 ms.
FIRST_SLICE = 24
# Chunks a later slice renders (about 40 ms of one core): newer text waits at most that.
FILL_SLICE = 48
# A partial result at most this often while the rest is filled in (and at once when the
# editor moved: its new place is shown): each costs the page an update and a layout of a
# growing document (measured: 0.4 s of Chromium's CPU more at 100,000 words with one
# every 0.4 s, than with none until the end).
FILL_EMIT_S = 1.5


class RenderWorker(QObject):
    """A thread that renders the latest submitted text. Submitting while a render runs
    replaces the waiting job, so typing fast costs one extra render, not a queue."""

    finished = Signal(object)  # RenderResult, delivered in the UI thread (queued)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._job: tuple[int, str, str] | None = None
        self._focus = 0  # the editor's line whose surroundings come first
        self.embed_mode = "placeholder"  # the preview makes no network request unless allowed
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="smugdesk-render", daemon=True)
        self._thread.start()

    def submit(self, generation: int, text: str, focus_line: int = 0) -> None:
        """Render ``text``; ``focus_line`` (a line of ``text``, 0-based) is where the
        editor is: in a long post not rendered before, what is there comes first."""
        with self._condition:
            self._job = (generation, text, self.embed_mode)
            self._focus = max(0, int(focus_line))
            self._condition.notify()

    def set_focus(self, line: int) -> None:
        """The editor moved to ``line`` (scrolled, a remembered place restored): a render
        still filling in goes on from there."""
        with self._condition:
            self._focus = max(0, int(line))

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        renderers: dict[str, IncrementalRenderer] = {}
        preview_text = None  # imported with the first job: Markdown is not needed before
        filling = None  # a job whose last result still had chunks to render
        last_emit = 0.0
        shown_focus = 0  # the focus of the last result emitted
        while True:
            with self._condition:
                while self._job is None and filling is None and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                fresh = self._job is not None  # newer text always goes before filling in
                job = self._job if fresh else filling
                self._job = None
                focus = self._focus
            generation, text, mode = job
            if preview_text is None:
                from smugdesk.core import preview_text
            if mode not in renderers:
                renderers[mode] = preview_text.preview_renderer(mode)
            renderer = renderers[mode]
            renderer.slice_limit = FIRST_SLICE if fresh else FILL_SLICE
            renderer.focus_line = _body_line(text, focus)
            try:
                result = preview_text.render_text(generation, text, renderer)
            except Exception as error:  # whatever happens, the preview thread lives on
                result = preview_text.failed_result(generation, error)
                renderer.pending = 0
            filling = job if renderer.pending else None
            now = time.monotonic()
            moved = focus != shown_focus
            if fresh or moved or filling is None or now - last_emit >= FILL_EMIT_S:
                last_emit, shown_focus = now, focus
                self.finished.emit(result)


def _body_line(text: str, line: int) -> int:
    """Editor line ``line`` as a line of the post's body (after its front matter)."""
    if line <= 0 or not text.startswith(("---", "\ufeff---")):
        return line
    from smugdesk.core.errors import FrontMatterError
    from smugdesk.core.post import split_front_matter

    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    try:
        _front, body, _closing = split_front_matter(normal)
    except FrontMatterError:
        return line  # rendered as all body then
    return max(0, line - normal.count("\n", 0, len(normal) - len(body)))
