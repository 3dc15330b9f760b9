"""The first start's greeting in the main area: where drafts are kept, and the three ways
to begin (a new post, a blog, a folder of Markdown one already has)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

POST_SUFFIXES = (".md", ".markdown", ".mdown")


def has_posts(folder: Path) -> bool:
    """Whether ``folder`` holds any post yet (stops at the first one: a large folder costs
    no more than an empty one)."""
    try:
        return any(
            path.suffix.lower() in POST_SUFFIXES and path.is_file()
            for path in Path(folder).rglob("*")
            if not any(part.startswith(".") for part in path.relative_to(folder).parts)
        )
    except OSError:
        return False


class WelcomePage(QWidget):
    new_post = Signal()
    add_blog = Signal()
    choose_folder = Signal()
    open_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName(self.tr("Welcome"))
        column = QVBoxLayout()
        column.setSpacing(12)

        heading = QLabel(self.tr("Welcome to smugdesk"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Write offline, publish in one click. Each post is a Markdown file in a "
                "folder you own: other programs can read it, and so can you in ten years."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)

        where = QFrame()
        where.setFrameShape(QFrame.Shape.StyledPanel)
        where_row = QHBoxLayout(where)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(self.tr("Where drafts are kept"))
        where_row.addWidget(self.folder_label, 1)
        self.choose_button = QPushButton(self.tr("Choose Another Folder…"))
        self.choose_button.clicked.connect(self.choose_folder)
        where_row.addWidget(self.choose_button)
        column.addWidget(where)

        self.new_button = self._choice(
            column, self.tr("New Post"), self.tr("Start writing; the post is saved as you type.")
        )
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_post)
        self.blog_button = self._choice(
            column,
            self.tr("Add Your Blog…"),
            self.tr("WordPress, Micropub, MetaWeblog: give its address, publish in one click."),
        )
        self.blog_button.clicked.connect(self.add_blog)
        self.folder_button = self._choice(
            column,
            self.tr("Open a Folder of Markdown…"),
            self.tr("Posts you already have (Jekyll, Hugo, Obsidian…) become your library."),
        )
        self.folder_button.clicked.connect(self.open_folder)
        column.addStretch(1)

        # A readable measure in the middle of a wide window.
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(620)
        outer.addWidget(holder, 4)
        outer.addStretch(1)
        outer.setContentsMargins(24, 48, 24, 24)

    def _choice(self, column: QVBoxLayout, text: str, detail: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        button.setAccessibleDescription(detail)
        note = QLabel(detail)
        note.setWordWrap(True)
        note.setIndent(4)
        column.addSpacing(6)
        column.addWidget(button)
        column.addWidget(note)
        return button

    def set_folder(self, folder: Path) -> None:
        self.folder_label.setText(self.tr("Your drafts are kept in\n%s") % folder)
