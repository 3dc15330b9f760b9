"""A long post's first preview comes in slices (issue 22), in the real preview page fed by
the real render thread: first the editor's place, then the rest, with what is on screen
kept where it is, typing meanwhile applied in order, and the end identical to a whole
render. (The slices are made small so that a short post shows the behaviour fast.)"""

from __future__ import annotations

import json
import re
import threading

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from qt_helpers import PREVIEW_WORLD

from smugdesk.core import preview_text
from smugdesk.core.render import Renderer
from smugdesk.ui import render_worker
from smugdesk.ui.preview_pane import PreviewPane
from smugdesk.ui.render_worker import RenderWorker

PARAGRAPHS = 300
FRONT = "---\ntitle: Slices\n---\n"


def post(paragraphs: int = PARAGRAPHS, edit: dict | None = None) -> str:
    lines = []
    for n in range(paragraphs):
        words = (edit or {}).get(n, "on the ward, where the rounds start at eight")
        lines.append(f"Paragraph {n} {words}.")
    return FRONT + "\n\n".join(lines) + "\n"


class Fed:
    """A preview pane fed by a render worker, as the window feeds its own."""

    def __init__(self, qtbot, folder) -> None:
        self.pane = PreviewPane()
        self.pane.resize(700, 500)
        self.pane.show()
        qtbot.waitExposed(self.pane)
        self.worker = RenderWorker()
        self.worker.finished.connect(self.pane.show_result)
        self.partly: list[int] = []
        self.whole: list[int] = []
        self.pane.partly_shown.connect(self.partly.append)
        self.pane.shown.connect(self.whole.append)
        self.pane.set_base_folder(folder)
        self.pane.start()
        self.qtbot = qtbot
        qtbot.waitUntil(lambda: self.pane.view._ready, timeout=15000)  # the page is built

    def js(self, script: str):
        box: dict = {}
        self.pane.page().runJavaScript(script, PREVIEW_WORLD, lambda v: box.setdefault("v", v))
        self.qtbot.waitUntil(lambda: "v" in box, timeout=10000)
        return box["v"]

    def numbers(self) -> list[int]:
        """The paragraph numbers in the page, in page order."""
        text = self.js("document.getElementById('sd-body').innerText")
        return [int(n) for n in re.findall(r"Paragraph (\d+)", text)]

    def top_paragraph(self) -> int:
        return self.js(
            "(() => { const el = Array.from(document.querySelectorAll('#sd-body > p'))"
            ".find((e) => e.getBoundingClientRect().bottom > 0);"
            " return Number(el.textContent.match(/Paragraph (\\d+)/)[1]); })()"
        )

    def body(self) -> str:
        html = self.js("document.getElementById('sd-body').innerHTML")
        return re.sub(r' data-line="\d+"', "", html.replace("<!--sd-->", "")).strip()


@pytest.fixture
def fed(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(render_worker, "FIRST_SLICE", 12)
    monkeypatch.setattr(render_worker, "FILL_SLICE", 20)
    monkeypatch.setattr(render_worker, "FILL_EMIT_S", 0.0)  # every slice reaches the page
    made = Fed(qtbot, tmp_path)
    yield made
    made.worker.stop()
    if shiboken6.isValid(made.pane):
        made.pane.close()
        made.pane.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def whole_render(text: str) -> str:
    body = text.split("---\n", 2)[2]
    return Renderer(embeds="placeholder", source_lines=False).render(body).strip()


def line_of(paragraph: int) -> int:
    return FRONT.count("\n") + 2 * paragraph  # the editor's line of that paragraph


@pytest.fixture(params=["scrolled to the place", "left at the page's top"])
def scrolled(request) -> bool:
    return request.param == "scrolled to the place"


@pytest.fixture
def held(monkeypatch) -> threading.Event:
    """Filling in waits until the test sets this: the first slice can be looked at alone."""
    gate = threading.Event()
    real = preview_text.render_text

    def render_text(generation, text, renderer):
        if renderer.slice_limit == render_worker.FILL_SLICE:
            gate.wait(20)
        return real(generation, text, renderer)

    monkeypatch.setattr(preview_text, "render_text", render_text)
    return gate


def test_the_first_preview_is_the_editors_place_and_the_rest_follows_above_it(
    fed, qtbot, held, scrolled
):
    text = post()
    fed.worker.submit(1, text, focus_line=line_of(150))
    qtbot.waitUntil(lambda: bool(fed.partly), timeout=15000)
    first = fed.numbers()
    assert 150 in first and 0 not in first and len(first) == 12  # the place, not the post
    assert first == sorted(set(first)) and first[-1] - first[0] == 11  # in order, once each
    if scrolled:
        # The window shows the editor's place at the preview's top (as it does on open).
        fed.pane.scroll_to_line(2 * 150)
        qtbot.waitUntil(lambda: fed.top_paragraph() == 150, timeout=5000)
    # (Left at the page's top, Chromium's own scroll anchoring does nothing: the page's
    # script keeps the place.)
    where = fed.js(WHERE)
    held.set()
    qtbot.waitUntil(lambda: fed.whole == [1], timeout=30000)
    assert fed.numbers() == list(range(PARAGRAPHS))  # complete, no block twice
    assert fed.body() == whole_render(text)  # as a whole render gives it
    assert len(fed.partly) >= 3  # it did come in slices, above and below the reader
    # Everything above arrived, and what the reader saw is still where it was.
    assert abs(fed.js(WHERE) - where) <= 1
    assert fed.js("window.scrollY") > 1000


WHERE = (
    "Array.from(document.querySelectorAll('#sd-body > p'))"
    ".find((e) => e.textContent.startsWith('Paragraph 150 ')).getBoundingClientRect().top"
)


def test_typing_while_the_rest_fills_in_is_applied_in_order(fed, qtbot, held):
    fed.worker.submit(1, post(), focus_line=0)
    qtbot.waitUntil(lambda: bool(fed.partly), timeout=15000)
    # Three keystrokes' worth of text, far from the place shown first, while filling in
    # (held in its first slice: unheld, a quick machine had filled it all in before the
    # test could type, and the typing then came whole).
    fed.worker.submit(2, post(edit={250: "typed"}), focus_line=0)
    fed.worker.submit(3, post(edit={250: "typed more"}), focus_line=0)
    last = post(edit={250: "typed more", 3: "and here"})
    fed.worker.submit(4, last, focus_line=0)
    held.set()
    qtbot.waitUntil(lambda: 4 in fed.whole, timeout=30000)
    # The typing reached the page before the post was complete (typing goes first)...
    assert any(generation >= 2 for generation in fed.partly)
    assert 1 not in fed.whole  # ...and the first text was never completed: it was old
    shown = fed.partly + fed.whole
    assert shown == sorted(shown)  # never an older text after a newer one
    assert fed.whole[-1] == 4
    assert fed.numbers() == list(range(PARAGRAPHS))
    assert fed.body() == whole_render(last)
    assert json.loads(json.dumps(fed.js("document.body.dataset.generation"))) == "4"


def test_a_place_asked_for_before_its_part_arrived_is_shown_when_it_does(fed, qtbot, held):
    # The window asks for the editor's place right after the first result; here the
    # render began at the top (the place came later, as a restored session's scroll does).
    fed.worker.submit(1, post(), focus_line=0)
    qtbot.waitUntil(lambda: bool(fed.partly), timeout=15000)
    assert 250 not in fed.numbers()
    fed.pane.scroll_to_line(2 * 250)
    held.set()
    qtbot.waitUntil(lambda: fed.whole == [1], timeout=30000)
    qtbot.waitUntil(lambda: fed.top_paragraph() == 250, timeout=5000)
