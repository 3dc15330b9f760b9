"""Renders the editor's text off the UI thread, always the newest text, never a backlog."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.incremental import IncrementalRenderer
from smugdesk.core.outline import Heading, outline
from smugdesk.core.post import Post, body_of, parse_post, split_front_matter
from smugdesk.core.render import RenderedPost, Renderer, format_date


@dataclass(frozen=True)
class RenderResult:
    """``rendered.body_html`` is left empty: the body comes as ``parts``, the HTML of each
    chunk (data-line relative to its first line, ``starts``), so the preview replaces only
    the parts that changed."""

    generation: int
    rendered: RenderedPost
    problem: str  # a front-matter problem to show above the preview, or ""
    words: int
    characters: int
    headings: list[Heading]
    body_line: int = 0  # the editor line where the body starts (after the front matter)
    parts: tuple[str, ...] = ()
    starts: tuple[int, ...] = ()
    rendered_chunks: int = 0  # how many chunks were really rendered (the rest were cached)
    whole: bool = False  # one part: a whole render (a construct that cannot be cut)

    @property
    def body_html(self) -> str:
        return "".join(self.parts).strip()


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
        while True:
            with self._condition:
                while self._job is None and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                generation, text, mode = self._job
                self._job = None
            if mode not in renderers:
                renderers[mode] = IncrementalRenderer(Renderer(embeds=mode, source_lines=True))
            renderer = renderers[mode]
            try:
                result = render_text(generation, text, renderer)
            except Exception as error:  # whatever happens, the preview thread lives on
                empty = RenderedPost("", "", "", "")
                problem = f"the preview could not be rendered: {error!r}"
                result = RenderResult(generation, empty, problem, 0, 0, [], 0)
            self.finished.emit(result)


def _parse(text: str, renderer: IncrementalRenderer) -> Post:
    """parse_post, without parsing the front matter again while only the body changes."""
    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    raw_front, body, _closing = split_front_matter(normal)
    known = _FRONTS.get(renderer)
    if raw_front is not None and known is not None and known[0] == raw_front:
        return replace(known[1], body=body)
    post = parse_post(text)
    _FRONTS[renderer] = (raw_front, post)
    return post


# Per renderer (one per worker thread and embed mode): the last front matter and its post.
_FRONTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def render_text(generation: int, text: str, renderer: IncrementalRenderer) -> RenderResult:
    """Render editor text; broken front matter still previews the body, with the problem."""
    try:
        post = _parse(text, renderer)
        problem = ""
    except FrontMatterError as error:
        post = Post(body=body_of(text))
        problem = str(error)
    date = post.date
    rendered = RenderedPost(post.title, format_date(date), date.isoformat() if date else "", "")
    try:
        result = renderer.render(post.body)
        parts, starts, words = tuple(result.parts), tuple(result.starts), result.words
        whole = result.whole
    except Exception as error:  # a Markdown extension bug must not kill the preview thread
        parts, starts, words, whole = (), (), 0, False
        problem = f"the preview could not be rendered: {error!r}"
    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    body_line = (
        normal[: len(normal) - len(post.body)].count("\n") if normal.endswith(post.body) else 0
    )
    return RenderResult(
        generation,
        rendered,
        problem,
        words,
        len(post.body),
        outline(text),
        body_line,
        parts,
        starts,
        renderer.rendered_chunks,
        whole,
    )
