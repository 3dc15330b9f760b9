"""Keeps the details form and the post's front matter in step, and feeds the form's
completion from the blog's cached terms and the drafts folder's tags."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.front_edit import FrontEdit, form_values, set_field
from smugdesk.ui.metadata_form import MetadataForm, qt_position
from smugdesk.ui.term_completion import Vocabulary

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class DetailsSync(QObject):
    """Keeps the details form (``window.metadata``) and the shown post's front matter in
    step, and feeds the form's completion. Owns the form's refresh clock and the terms it
    remembered; reads the shown editor and where the post is published (the window's
    publish_target), and writes only the front matter of the shown editor."""

    def __init__(self, window: MainWindow, form: MetadataForm) -> None:
        super().__init__(window)
        self.window = window
        self.metadata = form
        self._vocabulary_blogs: list[str] = []
        self._terms_asked: set[str] = set()  # blogs whose terms were asked for this session
        self._memo: dict[str, tuple] = {}
        form.field_edited.connect(self.apply_field)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh)
        # The shown editor's textChanged starts the timer (MainWindow._bind_editor).

    def refresh(self, *, fresh: bool = False) -> None:
        self.timer.stop()
        text = self.window.editor.toPlainText()
        self.metadata.show_text(text, fresh=fresh)
        places, absent = self.window.publish_target(text)
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
        from smugdesk.core.accounts import accounts_file, blog_accounts, load_accounts

        def read() -> list:
            try:
                return blog_accounts(load_accounts())  # Bluesky is to share, not a blog
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
        pane = getattr(self.window, "library", None)
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
            self.window,
            lambda _progress: terms.refresh(account, secret, timeout=20),
            done,
            name="smugdesk-terms",
        )

    def apply_field(self, key: str, typed: str) -> None:
        text = self.window.editor.toPlainText()
        try:
            edit = set_field(text, key, typed)
            if key == "blog" and typed:
                edit = with_blog_defaults(edit, typed)
        except FrontMatterError as error:
            self.metadata.show_problem(str(error))
            return
        self.metadata.show_problem("")
        if edit.text != text:
            replace_span(self.window.editor, text, edit)


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
