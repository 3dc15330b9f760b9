"""Renders the editor's text off the UI thread, always the newest text, never a backlog."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.outline import Heading, outline
from smugdesk.core.post import Post, body_of, parse_post
from smugdesk.core.render import RenderedPost, Renderer, render_post, word_count


@dataclass(frozen=True)
class RenderResult:
    generation: int
    rendered: RenderedPost
    problem: str  # a front-matter problem to show above the preview, or ""
    words: int
    characters: int
    headings: list[Heading]
    body_line: int = 0  # the editor line where the body starts (after the front matter)


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
        renderers: dict[str, Renderer] = {}
        while True:
            with self._condition:
                while self._job is None and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                generation, text, mode = self._job
                self._job = None
            if mode not in renderers:
                renderers[mode] = Renderer(embeds=mode, source_lines=True)
            renderer = renderers[mode]
            self.finished.emit(render_text(generation, text, renderer))


def render_text(generation: int, text: str, renderer: Renderer) -> RenderResult:
    """Render editor text; broken front matter still previews the body, with the problem."""
    try:
        post = parse_post(text)
        problem = ""
    except FrontMatterError as error:
        post = Post(body=body_of(text))
        problem = str(error)
    try:
        rendered = render_post(post, renderer)
    except Exception as error:  # a Markdown extension bug must not kill the preview thread
        rendered = RenderedPost(post.title, "", "", "")
        problem = f"the preview could not be rendered: {error!r}"
    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    body_line = (
        normal[: len(normal) - len(post.body)].count("\n") if normal.endswith(post.body) else 0
    )
    return RenderResult(
        generation,
        rendered,
        problem,
        word_count(post.body),
        len(post.body),
        outline(text),
        body_line,
    )
