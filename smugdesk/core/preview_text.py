"""What the preview shows for the editor's text, rendered incrementally (no Qt here: the
window's render thread calls it, and so do the tests and benchmarks)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.incremental import IncrementalRenderer
from smugdesk.core.outline import Heading, Outliner
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


def preview_renderer(embeds: str) -> IncrementalRenderer:
    """A renderer for the preview: embeds as ``embeds`` ("iframe" or "placeholder"), each
    block marked with its source line for scroll sync."""
    return IncrementalRenderer(Renderer(embeds=embeds, source_lines=True))


def failed_result(generation: int, error: Exception) -> RenderResult:
    empty = RenderedPost("", "", "", "")
    problem = f"the preview could not be rendered: {error!r}"
    return RenderResult(generation, empty, problem, 0, 0, [], 0)


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
# Per renderer, likewise: the outline of its last text, to be found again from it.
_OUTLINERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


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
        _OUTLINERS.setdefault(renderer, Outliner()).outline(text),
        body_line,
        parts,
        starts,
        renderer.rendered_chunks,
        whole,
    )
