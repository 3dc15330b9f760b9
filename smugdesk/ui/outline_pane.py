"""The outline pane: the post's headings; a click jumps there, and it follows the cursor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QTreeWidget, QTreeWidgetItem, QWidget

from smugdesk.core.outline import Heading


class OutlinePane(QDockWidget):
    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outline"), parent)
        self.setObjectName("outline")
        self.editor = editor
        self.headings: list[Heading] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)  # always expanded: arrows would only add noise
        self.tree.setIndentation(14)
        self.tree.setAccessibleName(self.tr("Outline of the post"))
        self.tree.itemActivated.connect(self._jump)
        self.tree.itemClicked.connect(self._jump)
        self.setWidget(self.tree)
        editor.cursorPositionChanged.connect(self.follow_cursor)

    def set_editor(self, editor: QPlainTextEdit) -> None:
        """Follow another tab's editor (its headings come with its next render)."""
        if editor is self.editor:
            return
        self.editor.cursorPositionChanged.disconnect(self.follow_cursor)
        self.editor = editor
        editor.cursorPositionChanged.connect(self.follow_cursor)

    def set_headings(self, headings: list[Heading]) -> None:
        if headings == self.headings:
            return
        self.headings = headings
        self.tree.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for index, heading in enumerate(headings):
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            item = QTreeWidgetItem([heading.text or self.tr("(untitled heading)")])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((heading.level, item))
        self.tree.expandAll()
        self.follow_cursor()

    def _items(self) -> list[QTreeWidgetItem]:
        found = []

        def walk(item: QTreeWidgetItem) -> None:
            found.append(item)
            for child in range(item.childCount()):
                walk(item.child(child))

        for top in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(top))
        return found

    def _jump(self, item: QTreeWidgetItem) -> None:
        heading = self.headings[item.data(0, Qt.ItemDataRole.UserRole)]
        block = self.editor.document().findBlockByNumber(heading.line)
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    def follow_cursor(self) -> None:
        line = self.editor.textCursor().blockNumber()
        current = None
        for index, heading in enumerate(self.headings):
            if heading.line <= line:
                current = index
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == current:
                self.tree.setCurrentItem(item)
                return
        self.tree.clearSelection()
