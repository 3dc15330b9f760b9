"""What the library's list shows for each post: the model of entries (or trashed posts),
their text for screen readers and tooltips, and the two- or three-line rows painted as
rich text, only for the rows on screen."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from smugdesk.core.library import TrashedPost
from smugdesk.core.library_scan import Entry
from smugdesk.core.library_view import marked_html, shown_time
from smugdesk.publish.published_state import Where, where_published

EntryRole = Qt.ItemDataRole.UserRole
PLACE_STATES = {
    "live": QT_TRANSLATE_NOOP("LibraryPane", "live on %s"),
    "draft": QT_TRANSLATE_NOOP("LibraryPane", "a draft on %s"),
    "scheduled": QT_TRANSLATE_NOOP("LibraryPane", "scheduled on %s"),
}
# Plural by the count (English forms in smugdesk_en.ts, see scripts/english_plurals.py).
WORDS = QT_TRANSLATE_NOOP("LibraryPane", "%s word(s)")
STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("LibraryPane", "Draft"),
    "scheduled": QT_TRANSLATE_NOOP("LibraryPane", "Scheduled"),
    "published": QT_TRANSLATE_NOOP("LibraryPane", "Published"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryPane", text)


def _status(status: str) -> str:
    return _tr(STATUS_LABELS[status]) if status in STATUS_LABELS else status


class EntryModel(QAbstractListModel):
    """Library entries or trashed posts; a plain list so 10,000 rows cost nothing to show."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[Entry | TrashedPost] = []
        self._rows: dict[str, int] | None = None  # a post's row by its path, made when asked
        self.with_snippets = False
        self.waiting: set[str] = set()  # absolute paths of posts queued for publishing
        # Where each post is published, read from its file when its row is first shown:
        # (path, mtime) → places, so an edit or a publish is read again and nothing else is.
        self._places: dict[tuple[str, int], list[Where]] = {}

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = items
        self._rows = None
        self.with_snippets = any(isinstance(item, Entry) and item.snippet for item in items)
        self.endResetModel()

    def row_of(self, path: Path) -> int | None:
        """The row of the post at ``path``: looked up by its text (a Path made for each of
        50,000 rows took a third of a second)."""
        if self._rows is None:
            self._rows = {
                item.file: row for row, item in enumerate(self.items) if isinstance(item, Entry)
            }
        return self._rows.get(str(path))

    def replace(self, row: int, entry: Entry) -> None:
        """The post of ``row`` as saved since, in place."""
        self.items[row] = entry
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt's API)
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == EntryRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = _plain_text(item)
            where = where_text(self.places(item))
            text = f"{text}, {where}" if where else text
            return text + ", " + _tr("waiting to publish") if self.is_waiting(item) else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item, self.places(item))
        return None

    def places(self, item: Entry | TrashedPost) -> list[Where]:
        if not isinstance(item, Entry) or item.problem:
            return []
        key = (item.file, item.edited_ns)
        if key not in self._places:
            if len(self._places) > 5000:
                self._places.clear()
            self._places[key] = places_of(item.path)
        return self._places[key]

    def is_waiting(self, item: Entry | TrashedPost) -> bool:
        return isinstance(item, Entry) and str(item.path.absolute()) in self.waiting

    def set_waiting(self, paths: set[str]) -> None:
        if paths != self.waiting:
            self.waiting = paths
            if self.items:
                self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))


def _plain_text(item: Entry | TrashedPost) -> str:
    if isinstance(item, TrashedPost):
        return _tr("%s, trashed %s") % (item.name, item.trashed_at[:10])
    if item.problem:
        return _tr("%s: cannot be opened: %s") % (item.title, item.problem)
    return f"{item.title}, {_status(item.status)}, {item.date[:10]}"


def places_of(path: Path) -> list[Where]:
    """Where the post in ``path`` is published; [] for one never published or unreadable.
    Only a file that mentions ``published:`` is parsed."""
    from smugdesk.core.errors import SmugdeskError
    from smugdesk.core.post import decode_post_bytes, read_post

    try:
        data = path.read_bytes()
        if b"\npublished:" not in data[:65536]:
            return []
        return where_published(read_post(decode_post_bytes(data, path.name), path))
    except (OSError, SmugdeskError):
        return []


def where_text(places: list[Where]) -> str:
    """``live on Ward Notes, a draft on Old blog``."""
    return ", ".join(_tr(PLACE_STATES[p.state]) % p.account for p in places)


def _tooltip(item: Entry | TrashedPost, places: list[Where] = ()) -> str:
    if isinstance(item, TrashedPost):
        return _tr("%s\nwas %s") % (item.path, item.original)
    lines = [str(item.path)]
    for place in places:
        when = shown_time(place.time)
        line = _tr(PLACE_STATES[place.state]) % place.account
        line += (" " + _tr("since %s") % when if when else "") + (
            f": {place.url}" if place.url else ""
        )
        lines.append(line[:1].upper() + line[1:])
    if item.problem:
        lines.append(item.problem)
    if item.summary:
        lines.append(item.summary)
    return "\n".join(lines)


def entry_html(
    item: Entry | TrashedPost,
    muted: str,
    elide=lambda text: text,
    waiting: bool = False,
    places: list[Where] = (),
    elide_line=lambda text: text,
) -> str:
    """Two or three lines: the title (matches in bold), what it is, and where the search
    words are in its text. ``elide`` shortens the title to the row (in the bold font),
    ``elide_line`` the line under it (in the normal font), each with "…"."""
    if isinstance(item, TrashedPost):
        return (
            f"<b>{html.escape(item.name)}</b><br><span style='color:{muted}'>"
            + html.escape(_tr("%s · trashed %s") % (item.original.parent, item.trashed_at[:16]))
            + "</span>"
        )
    title = marked_html(item.title_marked) if item.title_marked else html.escape(elide(item.title))
    if item.problem:
        problem = html.escape(elide_line(item.problem))
        return f"⚠ <b>{title}</b><br><span style='color:#b3261e'>{problem}</span>"
    facts = [_status(item.status)]
    if places:
        facts[0] = where_text(places)
        facts[0] = facts[0][:1].upper() + facts[0][1:]
    if waiting:
        facts[0] = "⏳ " + _tr("waiting to publish")
    if item.date:
        facts.append(item.date[:10])
    words = QCoreApplication.translate("LibraryPane", WORDS, "", item.words)
    facts.append(words % f"{item.words:,}")
    if item.tags:
        facts.append(" ".join(f"#{tag}" for tag in item.tags))
    line = html.escape(elide_line(" · ".join(facts)))
    text = f"<b>{title}</b><br><span style='color:{muted}'>{line}</span>"
    if item.snippet:
        text += f"<br><span style='color:{muted}'>{marked_html(item.snippet)}</span>"
    return text


def muted_colour(palette: QPalette, selected: bool) -> str:
    """The second line's colour: the placeholder grey, or on a selected row the selection's
    own text colour (grey on the selection blue could hardly be read; the bold title still
    stands out)."""
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
    return palette.color(role).name()


class EntryDelegate(QStyledItemDelegate):
    """Paints an entry as rich text (QTextDocument), only for the rows on screen."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        # One line each, clipped: rows of one height let the list show 10,000 posts without
        # laying out every one of them.
        no_wrap = QTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(no_wrap)
        muted = muted_colour(option.palette, bool(option.state & QStyle.StateFlag.State_Selected))
        bold = QFont(option.font)
        bold.setBold(True)
        width = max(40, option.rect.width() - 12)
        elide = QFontMetrics(bold).elidedText
        elide_plain = QFontMetrics(option.font).elidedText
        item = index.data(EntryRole)
        document.setHtml(
            entry_html(
                item,
                muted,
                lambda t: elide(t, Qt.TextElideMode.ElideRight, width),
                index.model().is_waiting(item),
                index.model().places(item),
                lambda t: elide_plain(t, Qt.TextElideMode.ElideRight, width),
            )
        )
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        lines = 3 if index.model().with_snippets else 2
        return QSize(200, option.fontMetrics.lineSpacing() * lines + 12)
