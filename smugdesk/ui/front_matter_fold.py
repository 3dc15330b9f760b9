"""Folding the front matter away while the details form edits it, so each field is edited
in one place.

Folding only hides lines from view (QTextBlock.setVisible): the text, undo, find, autosave
and the form's rewrites see the whole document as it is. The opening ``---`` line stays in
the layout and carries a one-line marker ("front matter · 6 fields"); a click on it, or the
caret arriving in the hidden lines (arrow keys, Ctrl+Home, find), shows them again. A block
that cannot be read is never folded: the writer must see what to mend.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QPlainTextEdit

from smugdesk.core.front_block import FrontBlock, front_block


class FrontMatterFold(QObject):
    changed = Signal()  # folded or shown again

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self._wanted = False  # the details form is shown
        self._opened = False  # the writer asked to see the block while the form is shown
        self._block: FrontBlock | None = None
        self._front_end: int | None = 0  # last position of the block; None: not closed
        self._hidden_to = 0  # blocks 1..this are hidden
        self._blocks = 1  # the document's block count when last looked at
        self._edited_front = False  # an edit inside the block happened since the caret moved
        self._was_folded = False
        self._fresh = False  # a text being set: it folds whatever the caret does
        document = editor.document()
        document.contentsChange.connect(self._contents_changed)
        editor.cursorPositionChanged.connect(self._caret_moved)
        self.refresh()

    # ----- state -----------------------------------------------------------------------
    @property
    def folded(self) -> bool:
        block = self._block
        return (
            self._wanted
            and not self._opened
            and block is not None
            and block.readable
            and block.closing_line > 0
        )

    @property
    def can_fold(self) -> bool:
        """The writer opened a block that could be folded again."""
        block = self._block
        return self._wanted and self._opened and bool(block and block.readable)

    @property
    def hidden_count(self) -> int:
        """How many lines are folded away (the editor's scroll range counts only shown
        lines)."""
        return self._hidden_to

    @property
    def fields(self) -> int:
        return self._block.fields if self._block else 0

    @property
    def wanted(self) -> bool:
        return self._wanted

    def set_wanted(self, wanted: bool) -> None:
        """Fold while the details form is shown; shown or hidden, the writer's own opening
        of the block is forgotten."""
        self._wanted = wanted
        self._opened = False
        self._apply()
        self._caret_out()

    def open(self) -> None:
        if self._opened:
            return
        self._opened = True
        self._apply()

    def fold(self) -> None:
        """Fold again (the writer's choice); the caret leaves the block for the body."""
        self._opened = False
        self._apply()
        self._caret_out()

    def new_text(self, coming: bool) -> None:
        """Another post's text is coming (True) or has come (False): it starts folded,
        the caret in its body."""
        self._opened = False
        self._fresh = coming
        if not coming:
            self._caret_out()

    def body_start(self) -> int:
        """The position of the first line after the front matter (0 without one)."""
        block = self._block
        if block is None or block.closing_line < 0:
            return 0
        after = self.editor.document().findBlockByNumber(block.closing_line + 1)
        if after.isValid():
            return after.position()
        return self.editor.document().characterCount() - 1

    # ----- following the text ----------------------------------------------------------
    def _lines(self) -> Iterator[str]:
        block = self.editor.document().firstBlock()
        while block.isValid():
            yield block.text()
            block = block.next()

    def refresh(self) -> None:
        before = self._block
        self._block = front_block(self._lines())
        block = self._block
        mended = before is not None and not before.readable and block is not None
        caret_inside = block is not None and (
            self.editor.textCursor().blockNumber() <= block.closing_line
        )
        if mended and caret_inside and self.folded and not self._fresh:
            self._opened = True  # mended under the writer's caret: it stays in view there
        document = self.editor.document()
        if block is None:
            self._front_end = len(document.firstBlock().text())
        elif block.closing_line < 0:
            self._front_end = None
        else:
            closing = document.findBlockByNumber(block.closing_line)
            self._front_end = closing.position() + len(closing.text())
        self._apply()

    def _contents_changed(self, position: int, _removed: int, _added: int) -> None:
        if self._front_end is not None and position > self._front_end:
            self._blocks = self.editor.document().blockCount()
            return  # the body changed: the block cannot have
        self._edited_front = True
        self.refresh()

    def _apply(self) -> None:
        document = self.editor.document()
        count = document.blockCount()
        target = self._block.closing_line if self.folded and self._block else 0
        # Hidden lines are at the top; an edit may have moved them down by the lines it added.
        upto = max(target, self._hidden_to + max(0, count - self._blocks))
        self._blocks = count
        self._hidden_to = target
        first = last = -1
        block = document.firstBlock().next()
        number = 1
        while block.isValid() and number <= upto:
            visible = number > target
            if block.isVisible() != visible:
                block.setVisible(visible)
                first = block.position() if first < 0 else first
                last = block.position() + block.length()
            block = block.next()
            number += 1
        if first >= 0:
            # The layout lays the lines out again: hidden ones take no height.
            document.markContentsDirty(first, last - first)
        self.editor.viewport().update()
        if self.folded != self._was_folded:
            self._was_folded = self.folded
            self.changed.emit()

    def _caret_moved(self) -> None:
        edited, self._edited_front = self._edited_front, False
        if not self.folded or self._block is None:
            return
        if self.editor.textCursor().blockNumber() > self._block.closing_line:
            return
        if edited:
            # An edit of the block put the caret there (undo of a form edit, a new text):
            # the writer did not ask to see the block, so the caret goes to the body.
            self._caret_out()
        else:
            self.open()  # the writer went there (arrow keys, Ctrl+Home, find)

    def _caret_out(self) -> None:
        if not self.folded or self._block is None:
            return
        cursor = self.editor.textCursor()
        if cursor.blockNumber() > self._block.closing_line:
            return
        cursor.setPosition(self.body_start())
        self.editor.setTextCursor(cursor)

    # ----- the marker ------------------------------------------------------------------
    def marker_line(self) -> QRectF:
        """Where the opening line is drawn in the viewport (empty when not folded)."""
        editor = self.editor
        if not self.folded:
            return QRectF()
        first = editor.document().firstBlock()
        return editor.blockBoundingGeometry(first).translated(editor.contentOffset())

    def fold_hint(self) -> QRectF:
        """Where "fold" is drawn after the opening line while the writer has the block open
        beside the form (empty otherwise)."""
        if not self.can_fold:
            return QRectF()
        editor = self.editor
        first = editor.document().firstBlock()
        line = editor.blockBoundingGeometry(first).translated(editor.contentOffset())
        metrics = QFontMetricsF(editor.font())
        margin = editor.document().documentMargin()
        left = margin + metrics.horizontalAdvance(first.text() + "    ")
        width = metrics.horizontalAdvance(self.hint_text()) + 12
        return QRectF(left, line.top(), width, line.height())

    def marker_text(self) -> str:
        return self.tr("▸ front matter · %n field(s)", "", self.fields)

    def hint_text(self) -> str:
        return self.tr("▾ fold front matter")

    def paint(self, painter: QPainter) -> None:
        editor = self.editor
        palette = editor.palette()
        line = self.marker_line()
        if not line.isEmpty():
            painter.fillRect(line, palette.color(QPalette.ColorRole.Base))  # hides "---"
            font = QGuiApplication.font()  # a control, not text of the post
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            text = self.marker_text()
            margin = editor.document().documentMargin()
            pill = QRectF(
                margin - 4,
                line.top() + 1,
                metrics.horizontalAdvance(text) + 16,
                line.height() - 2,
            )
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(pill, 6, 6)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            return
        hint = self.fold_hint()
        if not hint.isEmpty():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(hint, Qt.AlignmentFlag.AlignVCenter, self.hint_text())

    def click(self, point: QPointF) -> bool:
        """A click on the marker opens the block; one on "fold" folds it. True when the
        click was the fold's."""
        if self.marker_line().contains(point):
            self.open()
            return True
        if self.fold_hint().contains(point):
            self.fold()
            return True
        return False

    def over_control(self, point: QPointF) -> bool:
        return self.marker_line().contains(point) or self.fold_hint().contains(point)
