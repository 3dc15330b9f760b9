"""The post's details as a form above the editor: title, slug, date, status, tags,
categories and summary. It edits the front matter in the editor's text, so the two never
disagree: typing in the form rewrites the front matter (one undo step), and typing in the
front matter refreshes the form."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
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
from smugdesk.ui.term_completion import CategoryTree, TermCompleter, Vocabulary

if TYPE_CHECKING:
    from smugdesk.publish.published_state import Where

TYPING_PAUSE_MS = 400


def qt_position(text: str, index: int) -> int:
    """A Python string index as a Qt text position (UTF-16 units: an emoji counts two)."""
    return len(text[:index].encode("utf-16-le")) // 2


class MetadataForm(QWidget):
    field_edited = Signal(str, str)  # key, what was typed

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
        layout = (
            ("title", self.tr("&Title"), 0, 0, 5),
            ("date", self.tr("&Date"), 1, 0, 1),
            ("status", self.tr("Stat&us"), 1, 2, 1),
            ("slug", self.tr("S&lug"), 1, 4, 1),
            ("tags", self.tr("Ta&gs"), 2, 0, 1),
            ("categories", self.tr("C&ategories"), 2, 2, 3),
            ("summary", self.tr("Su&mmary"), 3, 0, 5),
        )
        for key, label, row, column, span in layout:
            if key == "status":
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
            grid.addWidget(caption, row, column)
            grid.addWidget(widget, row, column + 1, 1, span)
            self.fields[key] = widget
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 3)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.hide()
        grid.addWidget(self.problem, 4, 0, 1, 6)
        self.target = QLabel()
        self.target.setWordWrap(True)
        self.target.setTextFormat(Qt.TextFormat.RichText)
        self.target.setOpenExternalLinks(True)
        self.target.setAccessibleName(self.tr("Where the post is published"))
        self.target.hide()
        grid.addWidget(self.target, 5, 0, 1, 6)
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
        grid.removeWidget(self.fields["summary"])
        grid.addWidget(self.fields["summary"], 3, 1, 1, 3)
        grid.addWidget(blog_caption, 3, 4)
        grid.addWidget(self.blog, 3, 5)
        self.new_terms = QLabel()
        self.new_terms.setWordWrap(True)
        self.new_terms.setTextFormat(Qt.TextFormat.PlainText)  # names as typed, never markup
        self.new_terms.setAccessibleName(self.tr("Terms the blog does not have yet"))
        self.new_terms.hide()
        grid.addWidget(self.new_terms, 6, 0, 1, 6)

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
            text += html.escape(self.tr(", sent %s") % when)
        if place.url.startswith(("http://", "https://")):
            url = html.escape(place.url, quote=True)
            text += f': <a href="{url}">{html.escape(place.url)}</a>'
        return text + "."
