"""The open posts as tabs: a tab bar over the editors (one editor per post, stacked), in tab
order. It owns which post is shown and nothing else: saving, asking and rendering are the
window's controllers', told through ``current_changed`` and ``close_requested``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QTabBar, QWidget

from smugdesk.ui.document import Document

MODIFIED_MARK = "• "
TAB_CHARACTERS = 28  # a tab is at most about this many characters wide; longer titles elide


class _PostTabBar(QTabBar):
    """Tabs no wider than a short title: ten open posts still fit across the window."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().tabSizeHint(index)
        widest = self.fontMetrics().averageCharWidth() * TAB_CHARACTERS
        return QSize(min(hint.width(), widest), hint.height())


class DocumentTabs(QObject):
    current_changed = Signal(object, object)  # the Document now shown, the one before (or None)
    close_requested = Signal(object)  # a tab's close button, a middle click

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.bar = _PostTabBar(parent)
        self.bar.setObjectName("post-tabs")
        self.bar.setAccessibleName(self.tr("Open posts"))
        self.bar.setDocumentMode(True)
        self.bar.setTabsClosable(True)
        self.bar.setMovable(True)
        self.bar.setExpanding(False)
        self.bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.bar.setUsesScrollButtons(True)
        self.bar.setAutoHide(True)  # one post open: no tab bar, the window as it always was
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F6 and Tab go to the panes
        self.stack = QStackedWidget(parent)
        self.documents: list[Document] = []
        self._current: Document | None = None
        self.bar.currentChanged.connect(self._on_bar_changed)
        self.bar.tabCloseRequested.connect(lambda index: self.close_requested.emit(self.at(index)))
        self.bar.tabMoved.connect(self._on_moved)
        self.bar.installEventFilter(self)

    @property
    def current(self) -> Document | None:
        return self._current

    def at(self, index: int) -> Document | None:
        return self.documents[index] if 0 <= index < len(self.documents) else None

    def index_of(self, document: Document) -> int:
        return self.documents.index(document)

    def find(self, path: Path) -> Document | None:
        """The open post bound to ``path``, if any."""
        wanted = Path(path).absolute()
        for document in self.documents:
            if document.file.path is not None and document.file.path.absolute() == wanted:
                return document
        return None

    def add(self, document: Document, *, after_current: bool = True) -> None:
        """A new tab (beside the current one, as browsers do), shown at once."""
        index = len(self.documents)
        if after_current and self._current is not None:
            index = self.index_of(self._current) + 1
        self.documents.insert(index, document)
        self.stack.addWidget(document.editor)
        blocked = self.bar.blockSignals(True)  # shown below, once the lists agree
        self.bar.insertTab(index, "")
        self.bar.blockSignals(blocked)
        document.label_changed.connect(lambda d=document: self._relabel(d))
        self._relabel(document)
        self.show(document)

    def remove(self, document: Document) -> None:
        """Take the tab away (the caller has decided its text may go)."""
        index = self.index_of(document)
        if document is self._current:
            self._current = None
        self.documents.pop(index)
        self.stack.removeWidget(document.editor)
        self.bar.removeTab(index)  # the bar moves to a neighbour: _on_bar_changed shows it

    def show(self, document: Document) -> None:
        index = self.index_of(document)
        if self.bar.currentIndex() != index:
            self.bar.setCurrentIndex(index)  # _on_bar_changed follows
        elif document is not self._current:
            self._on_bar_changed(index)

    def step(self, offset: int) -> None:
        """Ctrl+Tab, Ctrl+Page Down (1) and back (-1), round the ends."""
        if len(self.documents) > 1:
            self.bar.setCurrentIndex((self.bar.currentIndex() + offset) % len(self.documents))

    # ----- following the bar -------------------------------------------------------------
    def _on_bar_changed(self, index: int) -> None:
        document = self.at(index)
        if document is None or document is self._current:
            return
        before, self._current = self._current, document
        self.stack.setCurrentWidget(document.editor)
        self.current_changed.emit(document, before)

    def _on_moved(self, origin: int, target: int) -> None:
        self.documents.insert(target, self.documents.pop(origin))

    def _relabel(self, document: Document) -> None:
        if document not in self.documents:
            return
        index = self.index_of(document)
        label = document.label
        self.bar.setTabText(index, (MODIFIED_MARK if document.modified else "") + label)
        self.bar.setTabToolTip(index, str(document.file.path) if document.file.path else label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.bar
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.MiddleButton
        ):
            document = self.at(self.bar.tabAt(event.position().toPoint()))
            if document is not None:
                self.close_requested.emit(document)
                return True
        return super().eventFilter(watched, event)
