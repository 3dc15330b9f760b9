"""The Share on Bluesky dialog: the composed post (editable, a live count of what is left of
Bluesky's 300 characters), the link card as followers will see it, the language and the
blog's 'share every time' choice. The window's side (the menu, after a publish) is in
ui/share_actions.py."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QImageReader, QPixmap
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
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import Account
from smugdesk.core.credentials import forget_secret, get_secret, store_secret
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import Post
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
from smugdesk.publish.remote import AuthError
from smugdesk.publish.shares import (
    ShareChoice,
    recorded_share,
    save_share_choice,
    share_choice,
)
from smugdesk.ui.background import run_later

# The card's picture as Bluesky shows it: 1.91:1, the shape of a page's social image
# (1200x628). A flatter crop hid what followers would see at its top and bottom.
CARD_PICTURE = (500, 262)


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
        picture = _picture(card.thumb, *CARD_PICTURE)
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
