"""The Markdown editor: a plain-text editor with Markdown colouring and a writer's font."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from smugdesk.core.editing import (
    PAIRS,
    auto_pair,
    continue_block,
    indent_line,
    is_list_item,
    outdent_line,
    set_heading,
    toggle_wrap,
)
from smugdesk.core.image_markup import ImageMarkup
from smugdesk.core.spelling import prose_words
from smugdesk.ui.editor_paste import ImageImporter, PasteAndDrop
from smugdesk.ui.front_matter_fold import FrontMatterFold
from smugdesk.ui.highlighter import LAZY_FROM_CHARACTERS, MarkdownHighlighter
from smugdesk.ui.image_chip import ImageChip

_LOOK_FOR_FORM = (QEvent.Type.ParentChange, QEvent.Type.Show)


class MarkdownEditor(PasteAndDrop, QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 11))
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.document().setDocumentMargin(16)
        self.setAccessibleName(self.tr("Markdown editor"))
        self.setPlaceholderText(self.tr("Write your post in Markdown…"))
        self.highlighter = MarkdownHighlighter(self.document())
        self.image_importer: ImageImporter | None = None
        # Sits just before a closer we inserted; Qt moves it along as text is typed before
        # it, so typing that closer steps over it instead of doubling it.
        self._closer: QTextCursor | None = None
        self.front_fold = FrontMatterFold(self)
        self.front_fold.changed.connect(self._fold_changed)
        self.viewport().setMouseTracking(True)  # the hand over the marker and the image chip
        self._form: QWidget | None = None
        # A form field asked for before the form was found: (key, caret, the text then).
        self._asked_field: tuple[str, int, str] | None = None
        # The folder the post's relative image paths start from (None: an untitled post).
        self.post_folder: Path | None = None
        self.chip = ImageChip(self)
        self.cursorPositionChanged.connect(self.chip.moved)

    # Image details: click an image's markup for its alt text, caption, alignment, size
    # (ui/image_chip.py).
    def image_at(self, position: int | None = None) -> tuple[int, ImageMarkup] | None:
        return self.chip.at(position)

    def edit_image_details(self, position: int | None = None) -> bool:
        return self.chip.edit(position)

    def image_chip(self) -> QRectF:
        return self.chip.rect()

    def set_front_matter_folded(self, folded: bool) -> None:
        """Fold the front matter (the details form is shown) or show it (the form is
        hidden: the writer edits the raw block)."""
        self.front_fold.set_wanted(folded)

    @property
    def front_matter_folded(self) -> bool:
        return self.front_fold.folded

    def _fold_changed(self) -> None:
        """Said to screen readers too: the marker is drawn, not a widget they could read."""
        fold = self.front_fold
        self.setAccessibleDescription(
            self.tr(
                "The front matter (%n field(s)) is folded: edit it in the details form, "
                "or press Ctrl+Home to show it here.",
                "",
                fold.fields,
            )
            if fold.folded
            else ""
        )

    def unfold_front_matter(self) -> None:
        self.front_fold.open()

    def fold_front_matter(self) -> None:
        self.front_fold.fold()

    def follow_form(self, form: QWidget) -> None:
        """Fold while ``form`` (the details form) is shown, and go to the body when the
        writer presses Enter in its title. Found by itself when the form shares an ancestor
        with the editor; several editors (tabs) may follow one form."""
        if self._form is form:
            return
        self._form = form
        shown_changed = getattr(form, "shown_changed", None)
        if shown_changed is not None:
            shown_changed.connect(self.set_front_matter_folded)
        title_done = getattr(form, "title_done", None)
        if title_done is not None:
            title_done.connect(self._title_done)
        asked, self._asked_field = self._asked_field, None
        untouched = asked is not None and (
            (self.textCursor().position(), self.toPlainText()) == asked[1:]
        )
        self.set_front_matter_folded(not form.isHidden())
        focus_field = getattr(form, "focus_field", None)
        if untouched and self.front_matter_folded and focus_field is not None:
            focus_field(asked[0])  # asked for before the form was known (a new window)

    def _find_form(self) -> None:
        from smugdesk.ui.metadata_form import MetadataForm

        ancestor = self.parentWidget()
        while self._form is None and ancestor is not None:
            form = ancestor.findChild(
                MetadataForm, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if form is not None:
                self.follow_form(form)
            ancestor = ancestor.parentWidget()

    def event(self, event: QEvent) -> bool:
        # Looked for again when shown: an editor made before its window was put together
        # (the first tab) has no form among its ancestors until then.
        if getattr(self, "_form", 1) is None and event.type() in _LOOK_FOR_FORM:
            self._find_form()
        return super().event(event)

    def _title_done(self) -> None:
        if self.isVisible():  # of several editors (tabs), the one shown
            self.go_to_body()

    def scroll_value_for(self, number: int) -> int:
        """The scroll bar value that shows block ``number`` at the top: the bar counts
        the lines shown, so folded lines (and wrapped ones) part it from block numbers."""
        lines = 0
        block = self.document().firstBlock()
        while block.isValid() and block.blockNumber() < number:
            if block.isVisible():
                lines += block.lineCount()
            block = block.next()
        return lines

    def go_to_body(self) -> None:
        """The caret on the first line after the front matter, the editor focused."""
        cursor = self.textCursor()
        cursor.setPosition(self.front_fold.body_start())
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def setPlainText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.front_fold.new_text(True)  # another post: its front matter starts folded
        self.highlighter.colour_lazily(len(text) > LAZY_FROM_CHARACTERS)
        super().setPlainText(text)
        self.front_fold.new_text(False)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        self.front_fold.paint(painter)
        self.chip.paint(painter)
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        left = event.button() == Qt.MouseButton.LeftButton
        if left and self.front_fold.click(event.position()):
            event.accept()
            return
        if left and self.image_chip().contains(event.position()):
            event.accept()
            self.edit_image_details()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """A double click on an image's markup shows its details (rather than selecting a
        word of its path)."""
        if event.button() == Qt.MouseButton.LeftButton:
            position = self.cursorForPosition(event.position().toPoint()).position()
            if self.image_at(position) is not None:
                event.accept()
                self.edit_image_details(position)
                return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().mouseMoveEvent(event)
        over = self.front_fold.over_control(event.position()) or self.image_chip().contains(
            event.position()
        )
        shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)
            tip = ""
            if self.front_fold.marker_line().contains(event.position()):
                tip = self.tr("Show the front matter here (Ctrl+Home)")
            self.viewport().setToolTip(tip)

    # Focus mode: only the paragraph being written keeps its colours.
    def set_line_width(self, characters: int) -> None:
        """Keep lines to about ``characters`` wide, centred, as writing tools do (0: use the
        whole width). QPlainTextEdit has no wrap column, so the margins make one."""
        self._line_width = characters
        self._fit_line_width()

    def _fit_line_width(self) -> None:
        characters = getattr(self, "_line_width", 0)
        if not characters:
            self.setViewportMargins(0, 0, 0, 0)
            return
        margin = int(self.document().documentMargin())
        column = self.fontMetrics().horizontalAdvance("n" * characters) + 2 * margin + 4
        spare = max(0, self.width() - self.verticalScrollBar().sizeHint().width() - column)
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_line_width()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_line_width()

    def set_focus_mode(self, on: bool) -> None:
        if on:
            self.cursorPositionChanged.connect(self._refocus)
            self.highlighter.focus_range = self._paragraph_range()
        else:
            with contextlib.suppress(RuntimeError, TypeError):
                self.cursorPositionChanged.disconnect(self._refocus)
            self.highlighter.focus_range = None
        self.highlighter.rehighlight()

    @property
    def focus_mode(self) -> bool:
        return self.highlighter.focus_range is not None

    def _paragraph_range(self) -> tuple[int, int]:
        block = self.textCursor().block()
        first = last = block
        while (
            first.previous().isValid() and first.previous().text().strip() and block.text().strip()
        ):
            first = first.previous()
        while last.next().isValid() and last.next().text().strip() and block.text().strip():
            last = last.next()
        return first.blockNumber(), last.blockNumber()

    def _refocus(self) -> None:
        old, new = self.highlighter.focus_range, self._paragraph_range()
        if old == new:
            return
        self.highlighter.focus_range = new
        document = self.document()
        for number in {*range(old[0], old[1] + 1), *range(new[0], new[1] + 1)}:
            self.highlighter.rehighlightBlock(document.findBlockByNumber(number))

    # Spelling: suggestions and "add to dictionary" on the word under the mouse.
    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.context_menu_at(event.pos()).exec(event.globalPos())

    def context_menu_at(self, point) -> QMenu:
        menu = self.createStandardContextMenu(point)
        image_here = self.cursorForPosition(point).position()
        if self.image_at(image_here) is not None:
            menu.insertAction(
                menu.actions()[0] if menu.actions() else None,
                QAction(self.tr("Image Details…"), menu),
            )
            menu.actions()[0].triggered.connect(lambda: self.edit_image_details(image_here))
            menu.insertSeparator(menu.actions()[1])
        fold = self.front_fold
        if fold.folded:
            menu.addSeparator()
            menu.addAction(self.tr("Show the Front Matter"), self.unfold_front_matter)
        elif fold.can_fold:
            menu.addSeparator()
            menu.addAction(self.tr("Fold the Front Matter"), self.fold_front_matter)
        speller = self.highlighter.speller
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        column = cursor.positionInBlock()
        for start, end, word in prose_words(block.text()) if speller else ():
            if start <= column <= end and not speller.is_correct(word):
                first = menu.actions()[0] if menu.actions() else None
                fixes = speller.suggestions(word)
                span = (block.position() + start, block.position() + end)
                for fix in fixes:
                    action = QAction(fix, menu)
                    action.triggered.connect(lambda _=False, f=fix, at=span: self._replace(at, f))
                    menu.insertAction(first, action)
                if not fixes:
                    none = QAction(self.tr("(no suggestions)"), menu)
                    none.setEnabled(False)
                    menu.insertAction(first, none)
                add = QAction(self.tr("Add “%s” to Dictionary") % word, menu)
                add.triggered.connect(lambda _=False, w=word: self._learn(w))
                menu.insertAction(first, add)
                menu.insertSeparator(first)
                break
        return menu

    def _replace(self, span: tuple[int, int], text: str) -> None:
        end = span[0] + len(text)
        self._apply(span[0], span[1], text, end, end)

    def _learn(self, word: str) -> None:
        self.highlighter.speller.add(word)
        self.highlighter.rehighlight()

    def insert_block(self, text: str) -> None:
        """Insert ``text`` as a paragraph of its own (a blank line before and after), after
        the paragraph the cursor is in: how embeds must stand to be recognised."""
        cursor = self.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        block = cursor.block()
        if block.text().strip():
            before = "\n\n"
        elif block.previous().isValid() and block.previous().text().strip():
            before = "\n"
        else:
            before = ""
        following = block.next()
        # The existing line break after this block supplies one newline of the blank line.
        after = "" if following.isValid() and not following.text().strip() else "\n"
        cursor.insertText(f"{before}{text}{after}")
        self.setTextCursor(cursor)

    # Markdown editing aids: the text logic lives in core.editing.
    def toggle_wrap(self, marker: str) -> None:
        """Ctrl+B / Ctrl+I: emphasis on or off around the selection (or the word)."""
        cursor = self.textCursor()
        text = self.toPlainText()
        edit = toggle_wrap(text, cursor.selectionStart(), cursor.selectionEnd(), marker)
        self._apply(edit.start, edit.end, edit.replacement, *edit.select)

    def set_heading(self, level: int) -> None:
        cursor = self.textCursor()
        block = cursor.block()
        new = set_heading(block.text(), level)
        start = block.position()
        self._apply(start, start + len(block.text()), new, start + len(new), start + len(new))

    def _apply(self, start: int, end: int, replacement: str, sel_start: int, sel_end: int):
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        cursor.endEditBlock()
        selection = self.textCursor()
        selection.setPosition(sel_start)
        selection.setPosition(sel_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(selection)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        key = event.key()
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._continue_block():
            return
        if key == Qt.Key.Key_Tab and plain and self._indent(outdent=False):
            return
        if key == Qt.Key.Key_Backtab and self._indent(outdent=True):
            return
        if event.text() and self._pair(event.text()):
            return
        super().keyPressEvent(event)

    def _continue_block(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        before = block.text()[: cursor.positionInBlock()]
        prefix = continue_block(before)
        if prefix is None:
            return False
        cursor.beginEditBlock()
        if prefix == "":
            # Enter on an empty item ends the list, as in every word processor.
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
        else:
            cursor.insertText("\n" + prefix)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def _indent(self, *, outdent: bool) -> bool:
        """Tab / Shift+Tab on list items (or on several selected lines) nest them."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        if first == last and not is_list_item(first.text()):
            return False
        edit = QTextCursor(document)
        edit.beginEditBlock()
        block = first
        while block.isValid():
            new = outdent_line(block.text()) if outdent else indent_line(block.text())
            edit.setPosition(block.position())
            edit.setPosition(block.position() + len(block.text()), QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(new)
            if block == last:
                break
            block = block.next()
        edit.endEditBlock()
        return True

    def _pair(self, typed: str) -> bool:
        cursor = self.textCursor()
        text = self.toPlainText()
        position = cursor.position()
        if cursor.hasSelection() and typed in PAIRS:
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            inner = text[start:end]
            self._apply(start, end, f"{typed}{inner}{PAIRS[typed]}", start + 1, end + 1)
            return True
        waiting = self._closer is not None and self._closer.position() == position
        if waiting and typed in ")]}`" and text[position : position + 1] == typed:
            cursor.movePosition(QTextCursor.MoveOperation.Right)  # step over the closer
            self.setTextCursor(cursor)
            self._closer = None
            return True
        closer = auto_pair(text, position, typed)
        if closer is None:
            return False
        cursor.insertText(typed + closer)
        cursor.movePosition(QTextCursor.MoveOperation.Left)
        self.setTextCursor(cursor)
        self._closer = QTextCursor(self.document())
        self._closer.setPosition(cursor.position())
        return True

    def place_cursor_after(self, marker: str) -> None:
        """Put the cursor right after the first ``marker`` (e.g. "title: " in a new post).
        In a front matter folded behind the details form, the form's field is where that
        is written: it gets the focus, and the editor's caret waits in the body."""
        found = self.document().find(marker)
        focus_field = getattr(self._form, "focus_field", None)
        inside = not found.isNull() and found.position() < self.front_fold.body_start()
        if self.front_matter_folded and inside and focus_field is not None:
            cursor = self.textCursor()
            cursor.setPosition(self.front_fold.body_start())
            self.setTextCursor(cursor)
            focus_field(marker.strip().rstrip(":"))
            return
        if not found.isNull():
            cursor = QTextCursor(found)
            cursor.clearSelection()
            self.setTextCursor(cursor)
            if self._form is None and inside:
                now = self.toPlainText()
                self._asked_field = (marker.strip().rstrip(":"), cursor.position(), now)
