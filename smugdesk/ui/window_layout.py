"""How the window's main area is laid out: the open posts' tabs over the writing column
(details form, editor, find bar) and the preview side by side, or the welcome page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget


def main_area(
    tab_bar: QWidget,
    editors: QWidget,
    form: QWidget,
    find_bar: QWidget,
    preview: QWidget,
    welcome: QWidget,
) -> QStackedWidget:
    """The posts (page 0) or the welcome page (page 1)."""
    writing = QWidget()
    column = QVBoxLayout(writing)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    for widget in (form, editors, find_bar):
        column.addWidget(widget)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(writing)
    splitter.addWidget(preview)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes([640, 640])
    posts = QWidget()  # the tabs span the editor and the preview both
    page = QVBoxLayout(posts)
    page.setContentsMargins(0, 0, 0, 0)
    page.setSpacing(0)
    page.addWidget(tab_bar)
    page.addWidget(splitter, 1)
    area = QStackedWidget()
    area.addWidget(posts)
    area.addWidget(welcome)
    return area
