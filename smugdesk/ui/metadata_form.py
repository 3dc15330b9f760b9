"""The post's details as a form above the editor: title, slug, date, status, tags,
categories and summary. It edits the front matter in the editor's text, so the two never
disagree: typing in the form rewrites the front matter (one undo step), and typing in the
front matter refreshes the form."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QWidget,
)

from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.front_edit import STATUS_CHOICES, FrontEdit, form_values, set_field
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


class MetadataSync:
    """Mixed into MainWindow (uses its editor): keeps form and front matter in step."""

    def _init_metadata(self, form: MetadataForm) -> None:
        self.metadata = form
        self._vocabulary_blogs: list[str] = []
        self._terms_asked: set[str] = set()  # blogs whose terms were asked for this session
        self._memo: dict[str, tuple] = {}
        form.field_edited.connect(self.apply_metadata_field)
        self._metadata_timer = QTimer(self)
        self._metadata_timer.setSingleShot(True)
        self._metadata_timer.setInterval(250)
        self._metadata_timer.timeout.connect(self.refresh_metadata)
        self.editor.textChanged.connect(self._metadata_timer.start)

    def refresh_metadata(self, *, fresh: bool = False) -> None:
        self._metadata_timer.stop()
        text = self.editor.toPlainText()
        self.metadata.show_text(text, fresh=fresh)
        places, absent = self.publish_target(text)
        self.metadata.show_target(places, absent)
        chosen = chosen_blog(text)
        accounts = self._term_accounts()
        self.metadata.show_blog(chosen, [account.name for account in accounts])
        self.refresh_vocabulary([chosen] + [place.account for place in places])

    def refresh_vocabulary(self, blogs: list[str] | None = None) -> None:
        """Completion from the post's blog (its cached terms) and the drafts folder's tags;
        a blog whose terms are missing or stale is asked again, quietly, once a session."""
        from smugdesk.ui.term_completion import blog_for_post

        if blogs is None:
            blogs = self._vocabulary_blogs
        self._vocabulary_blogs = blogs
        account = blog_for_post(blogs, self._term_accounts())
        cached = self._cached_terms(account) if account else None
        self.metadata.set_vocabulary(
            Vocabulary(
                account.name if account else "",
                cached,
                self._drafts_tags(),
                account.kind if account else "",
            )
        )
        if account is not None and (cached is None or cached.stale()):
            self._refresh_terms_quietly(account)

    def _remembered(self, key: str, path: Path, make):
        """``make()``, again only when ``path`` changed (the accounts file, a terms cache)."""
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            stamp = None
        held = self._memo.get(key)
        if held is None or held[0] != stamp:
            held = self._memo[key] = (stamp, make())
        return held[1]

    def _term_accounts(self) -> list:
        from smugdesk.core.accounts import accounts_file, load_accounts

        def read() -> list:
            try:
                return load_accounts()
            except SmugdeskError:
                return []

        return self._remembered("accounts", accounts_file(), read)

    def _cached_terms(self, account):
        from smugdesk.publish import terms

        return self._remembered(
            f"terms:{account.name}", terms.cache_path(account), lambda: terms.load(account)
        )

    def _drafts_tags(self) -> list[str]:
        """Every tag used in the drafts folder, as the library pane lists them."""
        pane = getattr(self, "library", None)
        combo = getattr(pane, "tag", None)
        if combo is None:
            return []
        return [str(combo.itemData(i)) for i in range(combo.count()) if combo.itemData(i)]

    def _refresh_terms_quietly(self, account) -> None:
        from smugdesk.core.credentials import get_secret
        from smugdesk.publish import terms
        from smugdesk.ui.background import run_later

        if account.name in self._terms_asked:
            return
        self._terms_asked.add(account.name)
        secret = get_secret(account.name)  # never a password prompt for this
        if not secret:
            return

        def done(result) -> None:
            if not isinstance(result, SmugdeskError):
                self.refresh_vocabulary()

        run_later(
            self,
            lambda _progress: terms.refresh(account, secret, timeout=20),
            done,
            name="smugdesk-terms",
        )

    def publish_target(self, text: str) -> tuple[list[Where], dict[str, str]]:
        """Overridden where publishing is known (PublishActions): nowhere, nothing absent."""
        return [], {}

    def apply_metadata_field(self, key: str, typed: str) -> None:
        text = self.editor.toPlainText()
        try:
            edit = set_field(text, key, typed)
            if key == "blog" and typed:
                edit = with_blog_defaults(edit, typed)
        except FrontMatterError as error:
            self.metadata.show_problem(str(error))
            return
        self.metadata.show_problem("")
        if edit.text != text:
            replace_span(self.editor, text, edit)


def with_blog_defaults(edit: FrontEdit, blog: str) -> FrontEdit:
    """``edit`` with the blog's defaults filled in where the post has nothing yet (its
    status, its categories): one edit, so one undo step takes it all back."""
    from smugdesk.publish.blog_defaults import load_defaults

    defaults = load_defaults(blog)
    values = form_values(edit.text)
    after = edit
    if defaults.status and not values["status"]:
        after = set_field(after.text, "status", defaults.status)
    if defaults.categories and not values["categories"]:
        after = set_field(after.text, "categories", ", ".join(defaults.categories))
    return FrontEdit(after.text, edit.start, edit.end, after.new_part)


def chosen_blog(text: str) -> str:
    """The blog the post says it is for (front matter ``blog``), or ""."""
    if "\nblog:" not in text[:20000]:
        return ""  # the common case, without parsing the front matter again
    from smugdesk.core.post import read_post

    try:
        value = read_post(text).meta.get("blog")
    except FrontMatterError:
        return ""
    return str(value).strip() if isinstance(value, str | int) else ""


def replace_span(editor: QPlainTextEdit, old_text: str, edit: FrontEdit) -> None:
    """Put ``edit.new_part`` in place of its span, as one undo step, the cursor kept on the
    same word."""
    start, end = qt_position(old_text, edit.start), qt_position(old_text, edit.end)
    before = editor.textCursor()
    position, anchor = before.position(), before.anchor()
    added = len(edit.new_part.encode("utf-16-le")) // 2 - (end - start)

    def moved(point: int) -> int:
        return point + added if point >= end else min(point, start + (end - start) + added)

    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(edit.new_part)
    after = editor.textCursor()
    after.setPosition(moved(anchor))
    after.setPosition(moved(position), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(after)
