"""Feeds the shared preview from the post being shown: renders its text off the UI thread
(one render at a time, always the newest text) and keeps the preview at the writer's place.

Only the shown post's editor is connected: a post in another tab is never rendered; it is
rendered once when it is shown again, and the preview opens where its editor is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer, Signal

from smugdesk.ui.render_worker import RenderWorker

if TYPE_CHECKING:
    from smugdesk.core.preview_text import RenderResult
    from smugdesk.ui.editor import MarkdownEditor
    from smugdesk.ui.preview_pane import PreviewPane

RENDER_DELAY_MS = 0  # next event-loop turn: one render for a paste's several changes
SCROLL_SETTLE_MS = 30


class PreviewFeed(QObject):
    """Owns the render worker and the following of the editor; touches the preview pane and
    reads the shown editor, nothing else."""

    rendered = Signal(object)  # the RenderResult of the shown post, once it is in the page
    edited = Signal()  # the shown post's text changed (typing, a paste, an undo)

    def __init__(
        self, preview: PreviewPane, following: Callable[[], bool], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.following = following  # View → Scroll Preview with Editor
        self.editor: MarkdownEditor | None = None
        self.worker = RenderWorker(self)
        self.worker.finished.connect(self._on_rendered)
        preview.shown.connect(self._on_preview_shown)
        self.started = False  # the preview may render (after the window's first paint)
        self._wanted = False  # a render was asked for before that
        self._generation = 0
        self._shown_generation = -1
        self._first_of_editor = 0  # results older than this are another post's
        self._rendering = False  # a render is in the worker
        self._dirty = False  # the text changed while it was there
        self.body_line = 0  # the line of the shown post's body's first line
        self._typed = False  # the text changed in this turn of the event loop
        self._scrolled_by_typing = False
        self._follow_caret = False  # the writer is typing: the preview shows the caret's block
        self._place_after = -1  # a render newer than this shows a post just opened
        self._render_timer = _single_shot(self, RENDER_DELAY_MS, self.render_now)
        self._typed_end = _single_shot(self, 0, lambda: setattr(self, "_typed", False))
        self._scroll_sync = _single_shot(self, SCROLL_SETTLE_MS, self.sync_scroll)

    # ----- which editor ------------------------------------------------------------------
    def set_editor(self, editor: MarkdownEditor) -> None:
        """Show ``editor``'s post: it is rendered now, and the preview opens where the
        editor is (its top for a new post, the remembered place for a restored one)."""
        if self.editor is not None:
            self.editor.textChanged.disconnect(self._on_text_changed)
            self.editor.verticalScrollBar().valueChanged.disconnect(self._on_editor_scrolled)
        self.editor = editor
        editor.textChanged.connect(self._on_text_changed)
        editor.verticalScrollBar().valueChanged.connect(self._on_editor_scrolled)
        self._first_of_editor = self._generation + 1
        self.opened()

    def opened(self) -> None:
        """The shown editor has a new text (a post loaded into it): start from its place."""
        self._typed = self._scrolled_by_typing = self._follow_caret = False
        self._place_after = self._generation
        self.render_now()

    def start(self) -> None:
        self.started = True
        if self._wanted:
            self.render_now()

    @property
    def is_current(self) -> bool:
        """True once the preview shows the editor's latest text (tests and benchmarks)."""
        return self._shown_generation == self._generation and not (
            self._rendering or self._dirty or self._render_timer.isActive()
        )

    # ----- rendering -------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self.edited.emit()
        self._typed = self._follow_caret = True
        self._typed_end.start()
        if not self._scrolled_by_typing:
            self._scroll_sync.stop()  # a scroll not yet followed: the caret matters now
        if not self._render_timer.isActive():
            self._render_timer.start()

    def render_now(self) -> None:
        """Render at once when the worker is free; otherwise as soon as it is. One render at
        a time keeps latency at one render while typing, with no fixed delay on top."""
        self._render_timer.stop()
        if not self.started or self.editor is None:
            self._wanted = True
            return
        if self._rendering:
            self._dirty = True
            return
        self._rendering = True
        self._generation += 1
        self.worker.submit(self._generation, self.editor.toPlainText(), self._focus_line())

    def _focus_line(self) -> int:
        """Where the writer is, which a long post's first render shows first: the caret's
        line while typing, else the editor's top line."""
        if self._follow_caret:
            return self.editor.textCursor().blockNumber()
        return self.editor.cursorForPosition(QPoint(0, 0)).blockNumber()

    def _on_rendered(self, result: RenderResult) -> None:
        self._rendering = False
        if self._dirty:
            self._dirty = False
            self.render_now()
        if result.generation < self._first_of_editor:
            return  # rendered for the post shown before a switch of tabs
        self.body_line = result.body_line
        self.preview.show_result(result)
        self.rendered.emit(result)
        # Scrolls run in the page after the update just sent, so they see the new blocks.
        if self._place_after >= 0 and result.generation > self._place_after:
            self._place_after = -1
            self._follow_top_line()
        elif self._follow_caret and self.following():
            self._reveal_caret()

    def _on_preview_shown(self, generation: int) -> None:
        self._shown_generation = generation

    def stop(self) -> None:
        self.worker.stop()

    # ----- following the writer ----------------------------------------------------------
    def sync_scroll(self) -> None:
        """The preview follows the editor: while the writer types, the caret's block stays
        in view; when the editor is scrolled without typing, its top line is the top of
        the preview, and its end the preview's end."""
        if not self.following() or self.editor is None:
            return
        if self._scrolled_by_typing:
            self._scrolled_by_typing = False
            self._reveal_caret()
            return
        self._follow_caret = False
        self._follow_top_line()

    def _on_editor_scrolled(self, _value: int) -> None:
        # The editor scrolls in the same turn as the keystroke that needed it.
        self._scrolled_by_typing = self._scrolled_by_typing or self._typed
        self._scroll_sync.start()
        if self._rendering:  # a long post still being filled in: where the writer looks first
            self.worker.set_focus(self._focus_line())

    def _follow_top_line(self) -> None:
        bar = self.editor.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            self.preview.reveal_line(0, end=True)
            return
        top = self.editor.cursorForPosition(QPoint(0, 0)).blockNumber()
        self.preview.scroll_to_line(max(0, top - self.body_line))

    def _reveal_caret(self) -> None:
        block = self.editor.textCursor().block()
        line = block.blockNumber() - self.body_line
        # In the last block with words (blank lines after it do not count): the page's end.
        following = block.next()
        while following.isValid() and not following.text().strip():
            following = following.next()
        self.preview.reveal_line(max(0, line), end=not following.isValid())

    def show_source_line(self, line: int) -> None:
        """A double-click in the preview: the editor goes to that body line's source."""
        if self.editor is None:
            return
        block = self.editor.document().findBlockByNumber(line + self.body_line)
        if block.isValid():
            cursor = self.editor.textCursor()
            cursor.setPosition(block.position())
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
            self.editor.setFocus()


def _single_shot(parent: QObject, interval: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer
