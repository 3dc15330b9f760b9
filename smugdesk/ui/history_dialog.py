"""File → History: the versions of the open post on a timeline, each shown beside the
current text with the words that differ marked, and brought back with Restore (one undo
step) or in part with Copy."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.history import HistoryError, HistoryStore, Version, text_digest
from smugdesk.core.history_diff import DELETE, EQUAL, INSERT, changed_words, word_diff

VERSION_ROLE = Qt.ItemDataRole.UserRole
_REMOVED = "background:#fbd3d0;color:#8a1c12;text-decoration:line-through;"
_ADDED = "background:#cdeccf;color:#12561b;"


def when_label(when: float, now: dt.datetime | None = None) -> tuple[str, str]:
    """(day heading, time) for the timeline: "Today", "Yesterday", "Monday 23 November"."""
    moment = dt.datetime.fromtimestamp(when)
    today = (now or dt.datetime.now()).date()
    if moment.date() == today:
        day = "Today"
    elif moment.date() == today - dt.timedelta(days=1):
        day = "Yesterday"
    elif moment.year == today.year:
        day = moment.strftime("%A %-d %B")
    else:
        day = moment.strftime("%-d %B %Y")
    return day, moment.strftime("%H:%M")


def diff_html(diff: list[tuple[str, str]], side: str) -> str:
    """One side of a word diff as HTML: the version (``DELETE`` marked) or the current text
    (``INSERT`` marked)."""
    shown = EQUAL, (DELETE if side == "old" else INSERT)
    style = _REMOVED if side == "old" else _ADDED
    parts = []
    for op, text in diff:
        if op not in shown:
            continue
        escaped = html.escape(text)
        parts.append(escaped if op == EQUAL else f'<span style="{style}">{escaped}</span>')
    return '<div style="white-space:pre-wrap;">' + "".join(parts) + "</div>"


class HistoryDialog(QDialog):
    """Shows ``path``'s versions from ``store``; ``current`` gives the editor's text now."""

    restore_requested = Signal(str, object)  # text, Version

    def __init__(self, store: HistoryStore, path: Path, current, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.current = current
        self.setWindowTitle(self.tr("History of “%s”") % self.path.name)
        self.resize(1100, 700)

        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Versions"))
        self.timeline.setMinimumWidth(260)
        self.timeline.setSpacing(3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.version_view = QTextBrowser()
        self.current_view = QTextBrowser()
        for view, name in (
            (self.version_view, self.tr("This version")),
            (self.current_view, self.tr("Your text now")),
        ):
            view.setAccessibleName(name)
            view.setFont(fixed)
            view.setOpenLinks(False)
            view.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)

        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, view in (
            (self.tr("This version (removed since: red)"), self.version_view),
            (self.tr("Your text now (added since: green)"), self.current_view),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(title)
            heading.setFont(QFont(heading.font().family(), weight=QFont.Weight.Bold))
            column.addWidget(heading)
            column.addWidget(view)
            panes.addWidget(box)
        # The version as the blog would show it: the app's own sandboxed preview, made the
        # first time the tab is opened (a web view is not free).
        self.preview = None
        self._worker = None
        self._generation = 0
        self._preview_holder = QWidget()
        QVBoxLayout(self._preview_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(panes, self.tr("&Differences"))
        self.tabs.addTab(self._preview_holder, self.tr("&Preview of This Version"))
        self.tabs.currentChanged.connect(lambda _index: self._render_preview())
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.summary)
        right_column.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.timeline)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 820])

        self.restore_button = QPushButton(self.tr("&Restore This Version"))
        self.restore_button.setToolTip(
            self.tr("Bring this version back into the editor (Edit → Undo takes it back)")
        )
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(
            self.tr("Copy the selected part of this version (all of it if nothing is selected)")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        self.copy_button.clicked.connect(self.copy)

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.note = QLabel()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self._text: str | None = None
        self.finished.connect(lambda _result: self._stop_preview())
        self.timeline.currentItemChanged.connect(lambda item, _old: self.show_version(item))
        self.fill()

    def fill(self) -> None:
        self.timeline.clear()
        try:
            versions = self.store.versions(self.path)
        except HistoryError as error:
            versions = []
            self.note.setText(str(error))
        day = None
        current = self.current()
        current_digest = text_digest(current)
        for number, version in enumerate(versions):
            heading, clock = when_label(version.time)
            if heading != day:
                day = heading
                header = QListWidgetItem(heading)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
                font = header.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.1)
                header.setFont(font)
                self.timeline.addItem(header)
            older = versions[number + 1] if number + 1 < len(versions) else None
            change = ""
            if older is not None and older.words != version.words:
                change = f" ({version.words - older.words:+,})"
            details = f"{version.words:,} " + self.tr("words") + change
            if version.digest == current_digest:
                details += " · " + self.tr("as your text now")
            item = QListWidgetItem(f"{clock}  {version.describe()}\n{details}")
            item.setData(VERSION_ROLE, version)
            if version.marks:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(version.describe())
            self.timeline.addItem(item)
        if not versions:
            self.summary.setText(
                self.tr("No versions of this post are kept yet: they start with its next save.")
            )
        self.restore_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        for row in range(self.timeline.count()):
            if self.timeline.item(row).data(VERSION_ROLE) is not None:
                self.timeline.setCurrentRow(row)
                break

    def show_version(self, item: QListWidgetItem | None) -> None:
        """Show the version of ``item`` beside the current text, the differences marked."""
        version: Version | None = item.data(VERSION_ROLE) if item is not None else None
        if version is None:
            return
        try:
            self._text = self.store.text(version.id)
        except HistoryError as error:
            self._text = None
            self.version_view.setPlainText("")
            self.summary.setText(str(error))
            self.restore_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            return
        current = self.current()
        diff = word_diff(self._text, current)
        removed, added = changed_words(diff)
        self.version_view.setHtml(diff_html(diff, "old"))
        self.current_view.setHtml(diff_html(diff, "new"))
        day, clock = when_label(version.time)
        if self._text == current:
            change = self.tr("The same as your text now.")
        else:
            change = self.tr("Since then: %s words removed, %s added.") % (
                f"{removed:,}",
                f"{added:,}",
            )
        self.summary.setText(f"<b>{html.escape(version.describe())}</b> — {day} {clock}. {change}")
        self.restore_button.setEnabled(self._text != current)
        self.copy_button.setEnabled(True)
        self._render_preview()

    def _render_preview(self) -> None:
        if self.tabs.currentWidget() is not self._preview_holder or self._text is None:
            return
        if self.preview is None:
            from smugdesk.ui.preview_pane import PreviewPane
            from smugdesk.ui.render_worker import RenderWorker

            self.preview = PreviewPane()
            self._preview_holder.layout().addWidget(self.preview)
            self.preview.set_base_folder(self.path.parent)  # the post's own images
            self.preview.start()
            self._worker = RenderWorker(self)
            self._worker.finished.connect(self.preview.show_result)
        self._generation += 1
        self._worker.submit(self._generation, self._text)

    def _stop_preview(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    @property
    def selected_version(self) -> Version | None:
        item = self.timeline.currentItem()
        return item.data(VERSION_ROLE) if item is not None else None

    def restore(self) -> None:
        if self._text is None:
            return
        self.restore_requested.emit(self._text, self.selected_version)
        self.accept()

    def copy(self) -> None:
        if self._text is None:
            return
        selected = self.version_view.textCursor().selectedText().replace("\u2029", "\n")
        QGuiApplication.clipboard().setText(selected or self._text)
        self.note.setText(self.tr("Copied the selection") if selected else self.tr("Copied"))
