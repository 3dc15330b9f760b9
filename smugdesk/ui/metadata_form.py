"""The post's details as a form above the editor: title, slug, date, status, tags,
categories and summary. It edits the front matter in the editor's text, so the two never
disagree: typing in the form rewrites the front matter (one undo step), and typing in the
front matter refreshes the form."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QWidget,
)

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.front_edit import STATUS_CHOICES, form_values
from smugdesk.core.library_view import shown_time
from smugdesk.ui.date_field import DateField
from smugdesk.ui.term_completion import CategoryTree, TermCompleter, Vocabulary

if TYPE_CHECKING:
    from smugdesk.publish.published_state import Where

TYPING_PAUSE_MS = 400

# The form's rows in each arrangement: (field, how many caption-and-field pairs it spans).
Arrangement = tuple[tuple[tuple[str, int], ...], ...]
WIDE, MEDIUM, NARROW = "wide", "medium", "narrow"
ARRANGEMENTS: dict[str, Arrangement] = {
    WIDE: (
        (("title", 3),),
        (("date", 1), ("status", 1), ("slug", 1)),
        (("tags", 1), ("categories", 2)),
        (("summary", 2), ("blog", 1)),
    ),
    MEDIUM: (
        (("title", 2),),
        (("date", 1), ("status", 1)),
        (("slug", 1), ("blog", 1)),
        (("tags", 1), ("categories", 1)),
        (("summary", 2),),
    ),
    NARROW: tuple(
        ((key, 1),)
        for key in ("title", "date", "status", "slug", "tags", "categories", "summary", "blog")
    ),
}
STRETCH = {WIDE: (0, 3, 0, 2, 0, 3), MEDIUM: (0, 1, 0, 1, 0, 0), NARROW: (0, 1, 0, 0, 0, 0)}
USEFUL_CHARACTERS = 10  # a text field narrower than this is no use


def _smallest(widget: QWidget) -> int:
    """A field's smallest useful width: a date's whole value, a text field's few words."""
    if isinstance(widget, DateField):
        return widget.minimumSizeHint().width()
    useful = widget.fontMetrics().horizontalAdvance("n" * USEFUL_CHARACTERS) + 16
    return max(useful, widget.minimumSizeHint().width())


def qt_position(text: str, index: int) -> int:
    """A Python string index as a Qt text position (UTF-16 units: an emoji counts two)."""
    return len(text[:index].encode("utf-16-le")) // 2


class MetadataForm(QWidget):
    field_edited = Signal(str, str)  # key, what was typed
    shown_changed = Signal(bool)  # shown or hidden by the writer (not by a hidden window)
    title_done = Signal()  # Enter in the title: on to the body

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadata-form")
        self.setAccessibleName(self.tr("Post details"))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self._timers: dict[str, QTimer] = {}
        self._captions: dict[str, QLabel] = {}
        labels = (
            ("title", self.tr("&Title")),
            ("date", self.tr("&Date")),
            ("status", self.tr("Stat&us")),
            ("slug", self.tr("S&lug")),
            ("tags", self.tr("Ta&gs")),
            ("categories", self.tr("C&ategories")),
            ("summary", self.tr("Su&mmary")),
        )
        for key, label in labels:
            widget: QLineEdit | QComboBox
            if key == "date":
                widget = DateField()
                widget.editingFinished.connect(lambda k=key: self._send(k))
                widget.textEdited.connect(lambda _t, k=key: self._typing(k))
                widget.picked.connect(lambda k=key: self._send(k))
                widget.textChanged.connect(lambda _t: self._reflow())
            elif key == "status":
                widget = QComboBox()
                widget.setEditable(True)  # a site may use its own words ("private")
                widget.addItems(STATUS_CHOICES)
                widget.activated.connect(lambda _i, k=key: self._send(k))
                widget.lineEdit().editingFinished.connect(lambda k=key: self._send(k))
            else:
                widget = QLineEdit()
                widget.editingFinished.connect(lambda k=key: self._send(k))
                widget.textEdited.connect(lambda _t, k=key: self._typing(k))
            placeholder = {
                "tags": self.tr("comma, separated"),
                "categories": self.tr("comma, separated"),
                "date": "2025-03-01 09:30",
                "slug": self.tr("from the file name"),
            }.get(key)
            if placeholder and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(placeholder)
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", ""))
            self._captions[key] = caption
            self.fields[key] = widget
        self.fields["title"].returnPressed.connect(self._title_entered)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.hide()
        self.target = QLabel()
        self.target.setWordWrap(True)
        self.target.setTextFormat(Qt.TextFormat.RichText)
        self.target.setOpenExternalLinks(True)
        self.target.setAccessibleName(self.tr("Where the post is published"))
        self.target.hide()
        self._shown: dict[str, str] = {}
        # Tags and categories complete from the post's blog and the drafts folder; names the
        # blog does not have yet are said, since publishing will create them.
        self.vocabulary = Vocabulary()
        self.completers: dict[str, TermCompleter] = {}
        for key in ("tags", "categories"):
            completer = self.completers[key] = TermCompleter(self)
            self.fields[key].setCompleter(completer)
            self.fields[key].textChanged.connect(self._mark_new_terms)
        self.category_tree = CategoryTree(self)
        self.category_tree.chosen.connect(self._categories_ticked)
        self.tree_action = self.fields["categories"].addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.tree_action.setToolTip(self.tr("Choose from the blog's categories"))
        self.tree_action.triggered.connect(self.show_category_tree)
        self.tree_action.setVisible(False)
        # The blog the post is for (front matter "blog"): its terms complete, and it is the
        # blog a first publish is meant for.
        self.blog = QComboBox()
        self.blog.setAccessibleName(self.tr("Blog the post is for"))
        self.blog.setToolTip(self.tr("The blog this post is for: its categories and tags complete"))
        self.blog.addItem(self.tr("(any blog)"), "")
        self.blog.activated.connect(self._blog_chosen)
        blog_caption = QLabel(self.tr("&Publish to"))
        blog_caption.setBuddy(self.blog)
        self._captions["blog"] = blog_caption
        self.new_terms = QLabel()
        self.new_terms.setWordWrap(True)
        self.new_terms.setTextFormat(Qt.TextFormat.PlainText)  # names as typed, never markup
        self.new_terms.setAccessibleName(self.tr("Terms the blog does not have yet"))
        self.new_terms.hide()
        self._grid = grid
        self.arrangement = ""
        self._arrange(WIDE)

    # ----- reflowing: fewer fields a row in a narrow window, none cut short ------------
    def _widget(self, key: str) -> QWidget:
        return self.blog if key == "blog" else self.fields[key]

    def _needed(self, rows: Arrangement) -> int:
        """The width ``rows`` need, every caption and field at its smallest useful size:
        columns are shared by the rows, so each is as wide as its widest cell."""
        grid = self._grid
        spacing = grid.horizontalSpacing()
        columns = 2 * max(sum(span for _key, span in row) for row in rows)
        least = [0] * columns
        spanning = []
        for row in rows:
            column = 0
            for key, span in row:
                least[column] = max(least[column], self._captions[key].sizeHint().width())
                smallest = _smallest(self._widget(key))
                if span == 1:
                    least[column + 1] = max(least[column + 1], smallest)
                else:
                    spanning.append((column + 1, column + 2 * span, smallest))
                column += 2 * span
        for first, end, smallest in spanning:  # a wide field gets its room in its last column
            short = smallest - (sum(least[first:end]) + spacing * (end - first - 1))
            if short > 0:
                least[end - 1] += short
        margins = grid.contentsMargins()
        return sum(least) + spacing * (columns - 1) + margins.left() + margins.right()

    def _arrange(self, name: str) -> None:
        if name == self.arrangement:
            return
        self.arrangement = name
        rows = ARRANGEMENTS[name]
        pairs = max(sum(span for _key, span in row) for row in rows)
        grid = self._grid
        for widget in (*self._captions.values(), *self.fields.values(), self.blog):
            grid.removeWidget(widget)
        for widget in (self.problem, self.target, self.new_terms):
            grid.removeWidget(widget)
        for number, row in enumerate(rows):
            column = 0
            for key, span in row:
                grid.addWidget(self._captions[key], number, column)
                grid.addWidget(self._widget(key), number, column + 1, 1, 2 * span - 1)
                column += 2 * span
        below = len(rows)
        for offset, widget in enumerate((self.problem, self.target, self.new_terms)):
            grid.addWidget(widget, below + offset, 0, 1, 2 * pairs)
        for column in range(6):
            grid.setColumnStretch(column, STRETCH[name][column] if column < 2 * pairs else 0)
        self.updateGeometry()

    def _reflow(self) -> None:
        width = self.width()
        for name in (WIDE, MEDIUM):
            if self._needed(ARRANGEMENTS[name]) <= width:
                self._arrange(name)
                return
        self._arrange(NARROW)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reflow()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as the one-field-a-row arrangement: the form reflows rather than
        holding the editor and the preview apart."""
        hint = super().minimumSizeHint()
        return QSize(self._needed(ARRANGEMENTS[NARROW]), hint.height())

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        was = not self.isHidden()
        super().setVisible(visible)
        if was != visible:
            self.shown_changed.emit(visible)

    def focus_title(self) -> None:
        """Start in the title (a new post): the caret at its end."""
        self.focus_field("title")

    def focus_field(self, key: str) -> None:
        widget = self.fields.get(key)
        if widget is None:
            return
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.end(False)

    def _title_entered(self) -> None:
        self._send("title")
        self.title_done.emit()

    def _text(self, key: str) -> str:
        widget = self.fields[key]
        return widget.currentText() if isinstance(widget, QComboBox) else widget.text()

    def _typing(self, key: str) -> None:
        timer = self._timers.get(key)
        if timer is None:
            timer = self._timers[key] = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(TYPING_PAUSE_MS)
            timer.timeout.connect(lambda k=key: self._send(k))
        timer.start()

    def _send(self, key: str) -> None:
        if key in self._timers:
            self._timers[key].stop()
        if not shiboken6.isValid(self) or not self.window().isVisible():
            # The window closed (or is being deleted, its fields losing focus one by one):
            # there is no text left to write into.
            return
        typed = self._text(key)
        if typed != self._shown.get(key):
            self._shown[key] = typed
            self.field_edited.emit(key, typed)

    def show_text(self, text: str, *, fresh: bool = False) -> None:
        """Fill the form from the post's text; a field being typed in is left alone, unless
        the text is a post just opened (``fresh``)."""
        try:
            values = form_values(text)
        except FrontMatterError as error:
            self.show_problem(self.tr("The front matter cannot be read: %s") % error)
            for widget in self.fields.values():
                widget.setEnabled(False)
            return
        self.show_problem("")
        for key, widget in self.fields.items():
            widget.setEnabled(True)
            typing = key in self._timers and self._timers[key].isActive()
            if not fresh and (widget.hasFocus() or typing):
                continue
            if typing:
                self._timers[key].stop()
            value = values[key]
            self._shown[key] = value
            if self._text(key) == value:
                continue
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            else:
                widget.setText(value)
                widget.setCursorPosition(0)
            widget.blockSignals(False)
        # Set with its signals blocked: the date's room and the arrangement are asked here.
        self.fields["date"].updateGeometry()
        self._reflow()

    def show_blog(self, chosen: str, accounts: list[str]) -> None:
        """The accounts to choose from, and the post's own choice (kept in the list even
        when no account has that name any more, so nothing is lost by looking)."""
        names = list(accounts) + ([chosen] if chosen and chosen not in accounts else [])
        current = [self.blog.itemData(i) for i in range(1, self.blog.count())]
        if current != names:
            self.blog.blockSignals(True)
            while self.blog.count() > 1:
                self.blog.removeItem(1)
            for name in names:
                self.blog.addItem(name, name)
            self.blog.blockSignals(False)
        self.blog.setCurrentIndex(max(0, self.blog.findData(chosen)))

    def _blog_chosen(self) -> None:
        self.field_edited.emit("blog", str(self.blog.currentData() or ""))

    def set_vocabulary(self, vocabulary: Vocabulary) -> None:
        """What tags and categories complete from, and which names count as new."""
        self.vocabulary = vocabulary
        self.completers["tags"].set_names(vocabulary.tag_words())
        self.completers["categories"].set_names(vocabulary.category_words())
        self.tree_action.setVisible(bool(vocabulary.terms and vocabulary.terms.categories))
        self._mark_new_terms()

    def show_category_tree(self) -> None:
        blog = self.vocabulary.terms
        if blog is None or not blog.categories:
            return
        field = self.fields["categories"]
        self.category_tree.fill(blog, field.text())
        rows = len(blog.categories) + 1
        tall = min(320, max(80, self.category_tree.sizeHintForRow(0) * rows + 8))
        self.category_tree.resize(max(field.width(), 240), tall)
        self.category_tree.move(field.mapToGlobal(field.rect().bottomLeft()))
        self.category_tree.show()
        self.category_tree.setFocus()

    def _categories_ticked(self, text: str) -> None:
        self.fields["categories"].setText(text)
        self._send("categories")

    def _mark_new_terms(self) -> None:
        made = self.vocabulary.to_create(self._text("tags"), self._text("categories"))
        if not made:
            self.new_terms.hide()
            return
        names = ", ".join(f"{kind} “{name}”" for kind, name in made)
        self.new_terms.setText(
            self.tr("✚ New on %s, will be created when published: %s")
            % (self.vocabulary.blog, names)
        )
        self.new_terms.show()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def show_target(self, places: list[Where], absent: dict[str, str]) -> None:
        """Where the post is published (each blog: live or a draft there, when, a link) and
        which of the form's fields the first blog does not take (field → why), so no one
        fills one in vain."""
        blog = places[0].account if places else ""
        for key, widget in self.fields.items():
            why = absent.get(key)
            widget.setToolTip(self.tr("Not sent to %s: %s") % (blog, why) if why else "")
        if not places:
            self.target.hide()
            return
        lines = [self._place_html(place) for place in places]
        if absent:
            lines.append(
                html.escape(
                    self.tr("Not sent to %s: %s.")
                    % (blog, ", ".join(f"{key} ({why})" for key, why in absent.items()))
                )
            )
        self.target.setText("<br>".join(lines))
        self.target.show()

    def _place_html(self, place: Where) -> str:
        state = {
            "live": self.tr("Published on %s, for everyone to read"),
            "scheduled": self.tr("Scheduled on %s"),
        }.get(place.state, self.tr("A draft on %s, only you see it"))
        text = html.escape(state % place.account)
        when = shown_time(place.time)
        if when:
            text += html.escape(self.tr(" (sent %s)") % when)
        if place.url.startswith(("http://", "https://")):
            url = html.escape(place.url, quote=True)
            text += f': <a href="{url}">{html.escape(place.url)}</a>'
        return text + "."
