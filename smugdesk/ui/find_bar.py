"""Find and replace bar under the editor (Ctrl+F, Ctrl+H): every match highlighted,
replace all as one undo step. Matching is core.search_text's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from smugdesk.core.search_text import PatternError, Query, find_all, replacement_for

MATCH_COLOUR = QColor("#ffe58a")


class FindBar(QWidget):
    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.matches: list[tuple[int, int]] = []

        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Find"))
        self.find.setAccessibleName(self.tr("Find"))
        self.replace = QLineEdit()
        self.replace.setPlaceholderText(self.tr("Replace with"))
        self.replace.setAccessibleName(self.tr("Replace with"))
        self.case = QCheckBox(self.tr("Match &case"))
        self.word = QCheckBox(self.tr("&Whole word"))
        self.regex = QCheckBox(self.tr("Re&gex"))
        for field in (self.find, self.replace):
            field.setMinimumWidth(160)
        self.status = QLabel()
        previous = QPushButton(self.tr("Previous"))
        following = QPushButton(self.tr("Next"))
        self.replace_one = QPushButton(self.tr("&Replace"))
        self.replace_every = QPushButton(self.tr("Replace &All"))
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the find bar"))

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.find, 0, 0)
        grid.addWidget(previous, 0, 1)
        grid.addWidget(following, 0, 2)
        grid.addWidget(close, 0, 3)
        grid.addWidget(self.replace, 1, 0)
        grid.addWidget(self.replace_one, 1, 1)
        grid.addWidget(self.replace_every, 1, 2)
        options = QHBoxLayout()
        for box in (self.case, self.word, self.regex):
            options.addWidget(box)
        options.addWidget(self.status, 1)
        grid.addLayout(options, 2, 0, 1, 4)
        grid.setColumnStretch(0, 1)

        self.find.textChanged.connect(self.refresh)
        for box in (self.case, self.word, self.regex):
            box.toggled.connect(self.refresh)
        editor.textChanged.connect(self._text_changed)
        self.find.returnPressed.connect(self.find_next)
        following.clicked.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        self.replace_one.clicked.connect(self.replace_current)
        self.replace_every.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def set_editor(self, editor: QPlainTextEdit) -> None:
        """Search another tab's editor; its matches are found again if the bar is open."""
        if editor is self.editor:
            return
        self.editor.textChanged.disconnect(self._text_changed)
        self.editor.setExtraSelections([])
        self.editor = editor
        editor.textChanged.connect(self._text_changed)
        if self.isVisible():
            self.refresh()

    def query(self) -> Query:
        return Query(
            self.find.text(),
            case_sensitive=self.case.isChecked(),
            whole_word=self.word.isChecked(),
            regex=self.regex.isChecked(),
        )

    def open_find(self, *, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find.setText(selected)
        self.replace.setVisible(replace)
        self.replace_one.setVisible(replace)
        self.replace_every.setVisible(replace)
        self.show()
        self.find.setFocus()
        self.find.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setExtraSelections([])
        self.editor.setFocus()

    def _text_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Find every match and highlight them all."""
        try:
            self.matches = find_all(self.editor.toPlainText(), self.query())
        except PatternError as error:
            self.matches = []
            self.status.setText(str(error))
            self.status.setToolTip(str(error))
            self.editor.setExtraSelections([])
            return
        count = len(self.matches)
        self.status.setText(self.tr("%n match(es)", "", count) if self.find.text() else "")
        fmt = QTextCharFormat()
        fmt.setBackground(MATCH_COLOUR)
        selections = []
        for start, end in self.matches[:5000]:  # past that, highlighting costs more than it helps
            selection = QTextEdit.ExtraSelection()
            selection.format = fmt
            selection.cursor = QTextCursor(self.editor.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _select(self, span: tuple[int, int]) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def find_next(self) -> None:
        if not self.matches:
            return
        after = self.editor.textCursor().selectionEnd()
        following = [span for span in self.matches if span[0] >= after]
        self._select(following[0] if following else self.matches[0])  # wraps around

    def find_previous(self) -> None:
        if not self.matches:
            return
        before = self.editor.textCursor().selectionStart()
        earlier = [span for span in self.matches if span[1] <= before]
        self._select(earlier[-1] if earlier else self.matches[-1])

    def replace_current(self) -> None:
        cursor = self.editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        if span not in self.matches:
            self.find_next()
            return
        text = self.editor.toPlainText()
        try:
            new = replacement_for(text, span, self.query(), self.replace.text())
        except PatternError as error:
            self.status.setText(str(error))
            return
        cursor.insertText(new)
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match, from the end so earlier positions stay valid, as one
        undo step."""
        text = self.editor.toPlainText()
        query = self.query()
        try:
            replacements = [
                (span, replacement_for(text, span, query, self.replace.text()))
                for span in self.matches
            ]
        except PatternError as error:
            self.status.setText(str(error))
            return 0
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for (start, end), new in reversed(replacements):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new)
        cursor.endEditBlock()
        self.status.setText(self.tr("Replaced %n match(es)", "", len(replacements)))
        return len(replacements)
