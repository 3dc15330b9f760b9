"""The library sidebar: every post in the drafts folder, searchable as you type.

The pane shows what the index thread sends (LibraryWorker) and asks the window to act
(open, rename, duplicate, trash, restore) through signals; it never touches files itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.library import TrashedPost
from smugdesk.core.library_scan import Entry
from smugdesk.ui.library_entries import (
    STATUS_LABELS,
    EntryDelegate,
    EntryModel,
    EntryRole,
    _tr,
    entry_html,
    muted_colour,
    places_of,
    where_text,
)
from smugdesk.ui.library_worker import Listing, Query

# Also importable from here, where they were first.
__all__ = ["LibraryPane", "entry_html", "muted_colour", "places_of", "where_text"]

SORTS = (
    ("date", QT_TRANSLATE_NOOP("LibraryPane", "Newest first")),
    ("title", QT_TRANSLATE_NOOP("LibraryPane", "Title")),
    ("edited", QT_TRANSLATE_NOOP("LibraryPane", "Last edited")),
)


class LibraryPane(QDockWidget):
    open_requested = Signal(Path)
    new_requested = Signal()
    rename_requested = Signal(Path)
    duplicate_requested = Signal(Path)
    trash_requested = Signal(Path)
    restore_requested = Signal(object)  # TrashedPost
    query_changed = Signal(object)  # Query
    trash_view_requested = Signal()
    cancel_requested = Signal()
    send_waiting_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Library"), parent)
        self.setObjectName("library")
        self._generation = 0
        self._showing_trash = False
        self._shown: Query | None = None  # the query whose answer the list shows
        self.current_post: Path | None = None  # the window's open post, shown selected
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, tags and text"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        column.addWidget(self.search)

        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Show posts with status"))
        self.status.addItem(self.tr("All posts"), None)
        for key, label in STATUS_LABELS.items():
            self.status.addItem(_tr(label), key)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Show posts with tag"))
        self.tag.addItem(self.tr("Any tag"), None)
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort posts by"))
        for key, label in SORTS:
            self.sort.addItem(_tr(label), key)
        self.sort.setToolTip(self.tr("Search results come best match first"))
        for combo in (self.status, self.tag, self.sort):
            filters.addWidget(combo, 1)
        column.addLayout(filters)

        self.model = EntryModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Posts"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.activated.connect(self._activated)
        # What an empty list means, and what to do about it, instead of a blank area: on
        # the list's own area, so the list keeps its place in F6 and Tab.
        self.empty = QWidget(self.list.viewport())
        self.empty.setObjectName("library-empty")
        empty_column = QVBoxLayout(self.empty)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_button = QPushButton()
        self.empty_button.clicked.connect(self._empty_action)
        self._empty_do = None
        empty_column.addStretch(1)
        empty_column.addWidget(self.empty_text)
        empty_column.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_column.addStretch(2)
        self.empty.hide()
        self.list.viewport().installEventFilter(self)
        column.addWidget(self.list, 1)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Indexing progress"))
        self.progress.setTextVisible(True)
        self.cancel = QToolButton()
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.clicked.connect(self.cancel_requested)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel)
        self._progress_row = QWidget()
        self._progress_row.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self._progress_row.hide()
        column.addWidget(self._progress_row)

        self.waiting_note = QLabel()
        self.send_waiting = QPushButton(self.tr("Send Now"))
        self.send_waiting.setToolTip(self.tr("Try the blog again for the posts that wait"))
        self.send_waiting.clicked.connect(self.send_waiting_requested)
        waiting_row = QHBoxLayout()
        waiting_row.setContentsMargins(0, 0, 0, 0)
        waiting_row.addWidget(self.waiting_note, 1)
        waiting_row.addWidget(self.send_waiting)
        self._waiting_row = QWidget()
        self._waiting_row.setLayout(waiting_row)
        self._waiting_row.hide()
        column.addWidget(self._waiting_row)

        bottom = QHBoxLayout()
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of posts"))
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setToolTip(self.tr("A new post, with a title"))
        self.new_button.clicked.connect(self.new_requested)
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setCheckable(True)
        self.trash_button.setToolTip(self.tr("Show posts moved to the trash, to restore them"))
        self.trash_button.toggled.connect(self._toggle_trash)
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.trash_button)
        column.addLayout(bottom)
        self.setWidget(body)

        # A short pause after typing: a query per keystroke would only be thrown away.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(120)
        self._typing.timeout.connect(self.emit_query)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        for combo in (self.status, self.tag, self.sort):
            combo.currentIndexChanged.connect(lambda _index: self.emit_query())
        self.list.installEventFilter(self)

    # ----- asking -------------------------------------------------------------------------
    def current_query(self) -> Query:
        return Query(
            self._generation,
            self.search.text(),
            self.sort.currentData(),
            self.status.currentData(),
            self.tag.currentData(),
        )

    def emit_query(self) -> None:
        if self._showing_trash:
            self.trash_button.setChecked(False)  # searching means the library again
        self._generation += 1
        self.query_changed.emit(self.current_query())

    # ----- showing ---------------------------------------------------------------------
    def show_listing(self, listing: Listing) -> None:
        if listing.query.generation < self._generation or self._showing_trash:
            return  # an answer to a query the writer has typed past
        keep = self.current_post or self.selected_path()
        self._shown = listing.query
        self.model.set_items(listing.entries)
        self._set_tags(listing.tags)
        shown = len(listing.entries)
        total = listing.total
        query = listing.query
        if query.text.strip() or query.status or query.tag:
            self.count.setText(
                self.tr("%s of %s post(s)", "", total) % (f"{shown:,}", f"{total:,}")
            )
        else:
            self.count.setText(self.tr("%s post(s)", "", total) % f"{total:,}")
        self._show_empty_state(shown, query)
        if keep is not None:
            self.select_path(keep)

    def show_saved(self, path: Path, entry: Entry | None) -> None:
        """A post the app saved (``entry``: as the index has it now, None if gone): its row
        is updated in place where the list's order and filters keep it where it is, and
        the list is asked for again where it moves, appears or goes."""
        query = self._shown
        if self._showing_trash or query is None or query.generation < self._generation:
            return  # the trash, or a newer answer on its way (saves come before it)
        row = self.model.row_of(path)
        if row is None:
            if entry is not None and _shown_under(entry, query):
                self.emit_query()  # a new post, or one now within the filters
            return
        old = self.model.items[row]
        if entry is not None and _same_place(old, entry, query, row):
            self.model.replace(row, entry)
        else:
            self.emit_query()

    def _show_empty_state(self, shown: int, query: Query) -> None:
        text = query.text.strip()
        filtered = bool(query.status or query.tag)
        if shown:
            self.empty.hide()
            return
        if text and filtered:
            what = self.tr("No post shown here contains “%s”.") % text
            button, action = self.tr("Search All Posts"), self.clear_filters
        elif text:
            what = self.tr("No post contains “%s”.") % text
            button, action = self.tr("Clear the Search"), lambda: self.search.clear()
        elif filtered:
            what = self.tr("No post is %s.") % " · ".join(
                part
                for part in (
                    self.status.currentText() if query.status else "",
                    self.tag.currentText() if query.tag else "",
                )
                if part
            )
            button, action = self.tr("Show All Posts"), self.clear_filters
        else:
            what = self.tr(
                "No posts yet.\nNew posts, and Markdown files put in the drafts folder, "
                "appear here."
            )
            button, action = self.tr("New Post…"), self.new_requested.emit
        self.empty_text.setText(what)
        self.empty_button.setText(button)
        self.empty_button.setVisible(True)
        self._empty_do = action
        self._show_empty()

    def _empty_action(self) -> None:
        if self._empty_do is not None:
            self._empty_do()

    def clear_filters(self) -> None:
        """Every post again, the search words kept."""
        for combo in (self.status, self.tag):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.emit_query()

    def set_waiting(self, paths: set[str]) -> None:
        """Posts queued for publishing: marked in the list, counted under it."""
        self.model.set_waiting(paths)
        self.waiting_note.setText(
            self.tr("⏳ %n post(s) waiting for the network to publish", "", len(paths))
        )
        self._waiting_row.setVisible(bool(paths))

    def show_trash(self, items: list[TrashedPost]) -> None:
        self._showing_trash = True
        self.model.set_items(items)
        self.count.setText(self.tr("%n post(s) in the trash", "", len(items)))
        if items:
            self.empty.hide()
        else:
            self.empty_text.setText(self.tr("The trash is empty."))
            self.empty_button.setVisible(False)
            self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setGeometry(self.list.viewport().rect())
        self.empty.show()

    def show_progress(self, done: int, total: int) -> None:
        self._progress_row.setVisible(done < total)
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Indexing %v of %m posts"))

    def hide_progress(self) -> None:
        self._progress_row.hide()

    def _set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        known = [self.tag.itemData(i) for i in range(1, self.tag.count())]
        if known == tags:
            return
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), None)
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        found = self.tag.findData(current)
        self.tag.setCurrentIndex(max(found, 0))
        self.tag.blockSignals(False)

    def set_current_post(self, path: Path | None) -> None:
        self.current_post = path
        if path is None:
            self.list.clearSelection()
        else:
            self.select_path(path)

    def selected_item(self):
        index = self.list.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def selected_path(self) -> Path | None:
        item = self.selected_item()
        return item.path if isinstance(item, Entry) else None

    def select_path(self, path: Path) -> bool:
        row = self.model.row_of(path)
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    # ----- acting ------------------------------------------------------------------------
    def _toggle_trash(self, on: bool) -> None:
        if on:
            self.trash_view_requested.emit()
        else:
            self._showing_trash = False
            self.emit_query()

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(EntryRole)
        if isinstance(item, TrashedPost):
            self.restore_requested.emit(item)
        elif isinstance(item, Entry):
            self.open_requested.emit(item.path)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.list.viewport() and event.type() == event.Type.Resize:
            self.empty.setGeometry(self.list.viewport().rect())
        if watched is self.list and event.type() == event.Type.KeyPress:
            item = self.selected_item()
            if isinstance(item, Entry):
                if event.matches(QKeySequence.StandardKey.Delete):
                    self.trash_requested.emit(item.path)
                    return True
                if event.key() == Qt.Key.Key_F2:
                    self.rename_requested.emit(item.path)
                    return True
        return super().eventFilter(watched, event)

    def _context_menu(self, point) -> None:
        item = self.list.indexAt(point).data(EntryRole)
        menu = QMenu(self)
        if isinstance(item, TrashedPost):
            menu.addAction(self.tr("Restore"), lambda: self.restore_requested.emit(item))
        elif isinstance(item, Entry):
            path = item.path
            menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(path))
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(path))
            menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_requested.emit(path))
            for place in self.model.places(item):
                if place.url.startswith(("http://", "https://")):
                    url = QUrl(place.url)
                    menu.addAction(
                        self.tr("Open on %s") % place.account,
                        lambda u=url: QDesktopServices.openUrl(u),
                    )
            menu.addSeparator()
            menu.addAction(self.tr("Move to Trash"), lambda: self.trash_requested.emit(path))
        menu.addSeparator()
        menu.addAction(self.tr("New Post…"), self.new_requested.emit)
        menu.exec(self.list.viewport().mapToGlobal(point))


def _shown_under(entry: Entry, query: Query) -> bool:
    """Whether the list of ``query`` (not a search) could hold ``entry``. The index
    compares tags without regard to ASCII case: lower() on both keeps every such match
    (and a few more, which only ask for the list again)."""
    return (not query.status or entry.status == query.status) and (
        not query.tag or query.tag.lower() in (tag.lower() for tag in entry.tags)
    )


def _same_place(old: Entry, new: Entry, query: Query, row: int) -> bool:
    """Whether ``new`` belongs in ``old``'s row of the list of ``query``: the order's keys
    and what the filters and the tag menu look at are unchanged. Newest edit first: the
    post just saved is the newest, so only the first row stays."""
    if (new.title, new.date, new.status, new.tags) != (old.title, old.date, old.status, old.tags):
        return False
    return query.sort != "edited" or row == 0
