"""Telling followers after a publish: "Share on Bluesky…" — a small dialog with the composed
post (editable, with a live 300-character counter), its link card as followers will see it,
its language, and each blog's "share every time" choice.

Built to be wired into any window, without the window knowing more than two functions:

- ``add_share_action(window, menu)`` puts "Share on Bluesky…" into a menu (the Blog menu);
  it is enabled for a post that is live on a blog.
- ``after_publish(window, blog, outcome)`` is what the publish flow calls after a successful
  publish: it shares at once when the blog shares every time, or else offers the dialog from
  the "Published" message box.

What it needs of the window: ``editor`` and ``file.path`` (the post shown), ``save_to(None)``
and ``statusBar()``; with tabs also ``document``, ``documents``, ``save_to(None, document=)``
and ``_busy`` (a tab kept open while its share is under way) — see ``_Host``. The network
work runs off the UI thread (``run_later``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QAction, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import Account, load_accounts
from smugdesk.core.credentials import forget_secret, get_secret, store_secret
from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.post import Post, parse_post
from smugdesk.publish.bluesky import (
    Bluesky,
    LinkCard,
    Share,
    ShareDraft,
    draft_for,
    looks_like_app_password,
)
from smugdesk.publish.bluesky_text import (
    MAX_BYTES,
    MAX_GRAPHEMES,
    byte_length,
    grapheme_count,
    too_long,
)
from smugdesk.publish.published_state import KEY as PUBLISHED_KEY
from smugdesk.publish.remote import AuthError
from smugdesk.publish.shares import (
    ShareChoice,
    live_link,
    recorded_share,
    recorded_shares,
    save_share_choice,
    share_accounts,
    share_choice,
    share_front,
)
from smugdesk.ui.background import run_later

# -- what the window gives -----------------------------------------------------------------


class _Host:
    """The few things of the window this module uses, in one place: the post a share is
    about is the one shown when the host is made, and stays that post (its tab, or its
    file) whatever the writer opens meanwhile."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.document = getattr(window, "document", None)  # a tab, where the window has them
        self.path = window.file.path

    def editor(self) -> Any:
        return self.document.editor if self.document is not None else self.window.editor

    def text(self) -> str:
        return self.editor().toPlainText()

    def post(self) -> Post | None:
        try:
            return parse_post(self.text(), self.path)
        except FrontMatterError as error:
            QMessageBox.warning(
                self.window, QCoreApplication.translate("ShareActions", "Cannot share"), str(error)
            )
            return None

    def hold(self) -> None:
        """Keep the post's tab open until its outcome is written in it (as a publish does)."""
        busy = getattr(self.window, "_busy", None)
        if self.document is not None and isinstance(busy, set):
            busy.add(self.document)

    def release(self) -> None:
        busy = getattr(self.window, "_busy", None)
        if isinstance(busy, set):
            busy.discard(self.document)

    def _open_here(self) -> bool:
        """Whether the post is still in the window: its tab, or (without tabs) the editor."""
        if self.document is not None:
            return self.document in getattr(self.window, "documents", [self.document])
        return self.path is None or self.path == self.window.file.path

    def record(self, account: str, share: Share | None) -> None:
        """Record ``share`` (None: deleted) in the post: in its editor (one undo step, then
        saved) while it is open, in its tab even if another is shown; else in its file, with
        the atomic save that refuses a file changed meanwhile."""
        from smugdesk.core.front_edit import set_values

        try:
            if self._open_here():
                from smugdesk.ui.metadata_sync import replace_span

                text = self.text()
                edit = set_values(text, share_front(parse_post(text), account, share))
                replace_span(self.editor(), text, edit)
                if self.path is not None:
                    how = {"document": self.document} if self.document is not None else {}
                    self.window.save_to(None, **how)
                return
            if self.path is None:
                return  # an unsaved post closed meanwhile: nowhere left to record it
            from smugdesk.core.store import PostFile

            binding, text = PostFile.read(self.path)
            post = parse_post(text, self.path)
            binding.save_text(set_values(text, share_front(post, account, share)).text)
        except SmugdeskError as error:  # a broken front matter, a file changed meanwhile
            where = (
                share.url
                if share is not None
                else QCoreApplication.translate("ShareActions", "deleted")
            )
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("ShareActions", "Shared, but not recorded"),
                QCoreApplication.translate(
                    "ShareActions",
                    "Bluesky has it (%s), but it could not be recorded in the post: %s",
                )
                % (where, error),
            )

    def say(self, message: str, msecs: int = 10000, notes: list[str] | None = None) -> None:
        """A line in the status bar, with what the writer should know after it."""
        self.window.statusBar().showMessage("; ".join([message, *(notes or [])]), msecs)


def _sharing_accounts(parent: QWidget) -> list[Account]:
    try:
        return share_accounts(load_accounts())
    except SmugdeskError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ShareActions", "Accounts"), str(error)
        )
        return []


def _secret(parent: QWidget, account: Account) -> str | None:
    """The app password from the keyring, or asked for (and kept there)."""
    try:
        secret = get_secret(account.name)
    except SmugdeskError:
        secret = None
    if secret:
        return secret
    secret, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ShareActions", "App password for %s") % account.name,
        QCoreApplication.translate(
            "ShareActions",
            "App password for @%s (make one in Bluesky under Settings → Privacy and security → "
            "App passwords; never your account's own password):",
        )
        % account.user.removeprefix("@"),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not secret.strip():
        return None
    secret = secret.strip()
    if not looks_like_app_password(secret):
        answer = QMessageBox.warning(
            parent,
            QCoreApplication.translate("ShareActions", "Not an app password?"),
            QCoreApplication.translate(
                "ShareActions",
                "This does not look like a Bluesky app password (xxxx-xxxx-xxxx-xxxx). Your "
                "account's own password gives full control of the account: use an app "
                "password instead. Use this one anyway?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    with contextlib.suppress(SmugdeskError):  # kept for this session: the share still goes
        store_secret(account.name, secret)
    return secret


def writer_language() -> str:
    """The writer's language as Bluesky's apps tag posts ("fr"), or "" for the C locale."""
    primary = QLocale().bcp47Name().split("-")[0]
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else ""


# -- the dialog ----------------------------------------------------------------------------


class ShareDialog(QDialog):
    """Compose, update or delete the Bluesky post about one published post."""

    def __init__(
        self,
        parent: QWidget | None,
        post: Post,
        link: str,
        blog: str,
        accounts: list[Account],
        chosen: str = "",
    ) -> None:
        super().__init__(parent)
        self.post = post
        self.link = link
        self.blog = blog
        self.accounts = {account.name: account for account in accounts}
        self.result_share: Share | None = None
        self.notes: list[str] = []  # what the writer should know: a card without its picture
        self.deleted = False
        self._busy = False
        self.setWindowTitle(self.tr("Share on Bluesky"))
        self.setMinimumWidth(520)

        self.draft = draft_for(post, link, writer_language())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.account_box = QComboBox()
        self.account_box.addItems(list(self.accounts))
        if chosen in self.accounts:
            self.account_box.setCurrentText(chosen)
        self.account_box.setAccessibleName(self.tr("Bluesky account"))
        self.account_box.currentTextChanged.connect(self._account_changed)
        form.addRow(self.tr("Account:"), self.account_box)
        layout.addLayout(form)

        self.text = QPlainTextEdit(self.draft.text)
        self.text.setAccessibleName(self.tr("Text of the Bluesky post"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.text.textChanged.connect(self._count)
        layout.addWidget(self.text)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setAccessibleName(self.tr("Characters left"))
        layout.addWidget(self.counter)

        layout.addWidget(self._card(self.draft.card))

        lower = QFormLayout()
        self.langs = QLineEdit(", ".join(self.draft.langs))
        self.langs.setPlaceholderText(self.tr("for example en, or fr, de"))
        self.langs.setToolTip(self.tr("The post's language, so followers' feeds can filter it"))
        lower.addRow(self.tr("Language:"), self.langs)
        self.every_time = QCheckBox(self.tr("Share every post I publish on %s") % blog)
        self.every_time.setChecked(share_choice(blog).every_time)
        lower.addRow("", self.every_time)
        layout.addLayout(lower)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button = QPushButton(self.tr("Delete from Bluesky"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.clicked.connect(self.send)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._account_changed(self.account_box.currentText())
        self._count()

    # -- parts ---------------------------------------------------------------------------
    def _card(self, card: LinkCard) -> QFrame:
        """The link card as Bluesky shows it: picture, title, description, site."""
        frame = QFrame()
        frame.setObjectName("linkCard")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAccessibleName(self.tr("Link card"))
        box = QVBoxLayout(frame)
        box.setContentsMargins(0, 0, 0, 8)
        self.card_picture = QLabel()
        self.card_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture = _picture(card.thumb, 500, 200)
        if picture is not None:
            self.card_picture.setPixmap(picture)
            box.addWidget(self.card_picture)
        words = QVBoxLayout()
        words.setContentsMargins(10, 4, 10, 0)
        site = QLabel(QUrl(card.uri).host())
        site.setStyleSheet("color: palette(placeholder-text)")
        title = QLabel(card.title)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.card_description = QLabel(card.description)
        self.card_description.setWordWrap(True)
        for widget in (site, title, self.card_description):
            words.addWidget(widget)
        box.addLayout(words)
        return frame

    def account(self) -> Account:
        return self.accounts[self.account_box.currentText()]

    def recorded(self) -> Share | None:
        return recorded_share(self.post, self.account_box.currentText())

    def _account_changed(self, _name: str) -> None:
        shared = self.recorded()
        self.send_button.setText(self.tr("Update on Bluesky") if shared else self.tr("Share"))
        self.delete_button.setVisible(shared is not None)

    def _count(self) -> None:
        text = self.text.toPlainText()
        left = MAX_GRAPHEMES - grapheme_count(text)
        over = bool(too_long(text))
        if byte_length(text) > MAX_BYTES:
            said = self.tr("Too long for Bluesky: fewer emoji or other long characters")
        elif left < 0:
            said = self.tr("%n character(s) too many", "", -left)
        else:
            said = self.tr("%n character(s) left", "", left)
        self.counter.setText(said)
        self.counter.setStyleSheet("color: #b00020; font-weight: bold" if over else "")
        self.send_button.setEnabled(not over and bool(text.strip()) and not self._busy)

    def chosen_draft(self) -> ShareDraft:
        langs = tuple(part.strip() for part in self.langs.text().split(",") if part.strip())
        return ShareDraft(self.text.toPlainText(), self.draft.card, langs)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        for widget in (self.text, self.account_box, self.langs, self.delete_button):
            widget.setEnabled(not busy)
        self._count()
        if busy:
            self._show_problem("")
            self.counter.setText(message)

    # -- sending ---------------------------------------------------------------------------
    def send(self) -> None:
        account = self.account()
        secret = _secret(self, account)
        if secret is None:
            return
        draft = self.chosen_draft()
        shared = self.recorded()
        save_share_choice(self.blog, ShareChoice(account.name, self.every_time.isChecked()))
        self._set_busy(True, self.tr("Sending…"))

        def work(_progress):
            bluesky = Bluesky(account, secret)
            made = bluesky.update(shared, draft) if shared else bluesky.share(draft)
            return made, bluesky.notes

        self._relay = run_later(self, work, self._sent, name="smugdesk-bluesky")

    def delete(self) -> None:
        shared = self.recorded()
        account = self.account()
        if shared is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete from Bluesky"),
            self.tr(
                "Delete the post about this article from Bluesky? Replies and reposts of it go too."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        secret = _secret(self, account)
        if secret is None:
            return
        self._set_busy(True, self.tr("Deleting…"))

        def work(_progress):
            Bluesky(account, secret).delete(shared)
            return True

        self._relay = run_later(self, work, self._deleted, name="smugdesk-bluesky")

    def _failed(self, result: Any) -> bool:
        if not isinstance(result, SmugdeskError):
            return False
        self._set_busy(False)
        if isinstance(result, AuthError):
            with contextlib.suppress(SmugdeskError):  # asked again at the next try
                forget_secret(self.account().name)
        self._show_problem(str(result))
        return True

    def _sent(self, result: Any) -> None:
        if self._failed(result):
            return
        self.result_share, self.notes = result
        self.accept()

    def _deleted(self, result: Any) -> None:
        if self._failed(result):
            return
        self.deleted = True
        self.accept()


def _picture(path: Path | None, width: int, height: int) -> QPixmap | None:
    if path is None:
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # upright, as the uploaded thumbnail will be
    image = reader.read()
    if image.isNull():
        return None
    scaled = image.scaled(
        width,
        height,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    left = max(0, (scaled.width() - width) // 2)
    top = max(0, (scaled.height() - height) // 2)
    return QPixmap.fromImage(scaled.copy(left, top, width, height))


# -- the window's side ---------------------------------------------------------------------


def open_share_dialog(window: QWidget, blog: str = "", link: str = "") -> ShareDialog | None:
    """The share dialog for the window's post (live on ``blog`` at ``link``, or wherever it
    is live); its outcome recorded in the post. Returns the dialog, shown non-modal."""
    host = _Host(window)
    post = host.post()
    if post is None:
        return None
    if not link:
        blog, link = live_link(post)
    if not link:
        QMessageBox.information(
            window,
            QCoreApplication.translate("ShareActions", "Share on Bluesky"),
            QCoreApplication.translate(
                "ShareActions",
                "Publish the post first: only a post that is live on a blog can be shared.",
            ),
        )
        return None
    accounts = _sharing_accounts(window)
    if not accounts:
        QMessageBox.information(
            window,
            QCoreApplication.translate("ShareActions", "Share on Bluesky"),
            QCoreApplication.translate(
                "ShareActions",
                "Add your Bluesky account first (Blog ▸ Accounts…, kind Bluesky: your handle "
                "and an app password).",
            ),
        )
        return None
    dialog = ShareDialog(window, post, link, blog, accounts, share_choice(blog).account)

    def finished(code: int) -> None:
        host.release()
        if code != QDialog.DialogCode.Accepted:
            return
        name = dialog.account().name
        if dialog.deleted:
            host.record(name, None)
            host.say(QCoreApplication.translate("ShareActions", "Deleted from Bluesky"))
        elif dialog.result_share is not None:
            host.record(name, dialog.result_share)
            host.say(
                QCoreApplication.translate("ShareActions", "On Bluesky: %s")
                % dialog.result_share.url,
                notes=dialog.notes,
            )

    dialog.finished.connect(finished)
    host.hold()
    window.share_dialog = dialog  # kept for tests and so it is not collected
    dialog.show()
    return dialog


def add_share_action(window: QWidget, menu: QMenu) -> QAction:
    """ "Share on Bluesky…" in ``menu``, enabled for a post that is live on a blog."""
    action = QAction(QCoreApplication.translate("ShareActions", "&Share on Bluesky…"), window)
    action.setObjectName("shareBluesky")
    action.setStatusTip(
        QCoreApplication.translate(
            "ShareActions", "Tell your followers on Bluesky about this published post"
        )
    )
    action.triggered.connect(lambda: open_share_dialog(window))

    def refresh() -> None:
        try:
            post = parse_post(window.editor.toPlainText())
        except FrontMatterError:
            post = None
        action.setEnabled(post is not None and bool(live_link(post)[1]))

    menu.aboutToShow.connect(refresh)
    menu.addAction(action)
    return action


def after_publish(window: QWidget, blog: Account, outcome: Any) -> None:
    """After a successful publish to ``blog``: share at once if the blog shares every time
    (a new post only, never twice), or offer "Share on Bluesky…" in the Published box."""
    link = outcome.remote.url
    if not link or _sent_status(outcome, blog.name) not in ("publish", "private"):
        return  # a draft or a scheduled post has no public page to share yet
    accounts = share_accounts_quiet()
    if not accounts:
        return
    choice = share_choice(blog.name)
    account = next((a for a in accounts if a.name == choice.account), None)
    host = _Host(window)
    post = host.post()
    if post is None:
        return
    if choice.every_time and account is not None:
        if recorded_share(post, account.name) is None:
            share_now(window, account, draft_for(post, link, writer_language()))
        return
    box = getattr(window, "publish_result_box", None)
    if isinstance(box, QMessageBox):
        label = (
            QCoreApplication.translate("ShareActions", "Update on Bluesky…")
            if recorded_shares(post)
            else QCoreApplication.translate("ShareActions", "Share on Bluesky…")
        )
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: open_share_dialog(window, blog.name, link))
    else:
        open_share_dialog(window, blog.name, link)


def _sent_status(outcome: Any, blog: str) -> str:
    """The blog's word for the post after this publish, as the publish records it (the
    server's, else what was asked for)."""
    places = outcome.front.get(PUBLISHED_KEY)
    entry = places.get(blog) if isinstance(places, dict) else None
    status = entry.get("status") if isinstance(entry, dict) else None
    return str(status or outcome.remote.status or "")


def share_accounts_quiet() -> list[Account]:
    try:
        return share_accounts(load_accounts())
    except SmugdeskError:
        return []


def share_now(window: QWidget, account: Account, draft: ShareDraft) -> None:
    """Share without asking (the blog's "every time" choice), off the UI thread; a problem
    is shown, never lost."""
    host = _Host(window)  # the post this share is of, whatever is open when it is done
    secret = _secret(window, account)
    if secret is None:
        return
    host.say(QCoreApplication.translate("ShareActions", "Sharing on Bluesky…"), 0)

    def work(_progress):
        bluesky = Bluesky(account, secret)
        return bluesky.share(draft), bluesky.notes

    def done(result: Any) -> None:
        host.release()
        if isinstance(result, SmugdeskError):
            host.say("")
            QMessageBox.warning(
                window,
                QCoreApplication.translate("ShareActions", "Not shared on Bluesky"),
                str(result),
            )
            return
        share, notes = result
        host.record(account.name, share)
        message = QCoreApplication.translate("ShareActions", "On Bluesky: %s") % share.url
        host.say(message, notes=notes)
        window.last_share = share

    host.hold()
    window._share_relay = run_later(window, work, done, name="smugdesk-bluesky")


__all__ = [
    "ShareDialog",
    "add_share_action",
    "after_publish",
    "open_share_dialog",
    "share_now",
]
