"""Preferences → Blog Accounts: add, edit, verify and remove the blogs a post can go to.
The password or token goes to the OS keyring; accounts.json holds the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import (
    KEYED_KINDS,
    Account,
    load_accounts,
    plain_http_warning,
    put_account,
    save_accounts,
)
from smugdesk.core.credentials import forget_secret, get_secret, keyring_problem, store_secret
from smugdesk.core.errors import SmugdeskError
from smugdesk.publish import terms
from smugdesk.publish.blog_defaults import (
    BlogDefaults,
    forget_defaults,
    load_defaults,
    rename_defaults,
    save_defaults,
)
from smugdesk.publish.image_settings import DEFAULT_MAX_SIDE
from smugdesk.ui.background import run_later

KIND_LABELS = {
    "wordpress": "WordPress (REST API, application password)",
    "metaweblog": "MetaWeblog / XML-RPC (WordPress and older blogs)",
    "micropub": "Micropub (token)",
    "ghost": "Ghost (Admin API key)",
    "bluesky": "Bluesky (handle, app password): to share published posts",
}
URL_HINTS = {
    "wordpress": "https://blog.example.org/",
    "metaweblog": "https://blog.example.org/xmlrpc.php",
    "micropub": "https://example.org/micropub",
    "ghost": "https://blog.example.org/",
    "bluesky": "https://bsky.social",
}


class AccountsDialog(QDialog):
    account_added = Signal(str)  # the name of a blog just added through Add Blog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Blog Accounts"))
        try:
            self.accounts = load_accounts()
            problem = ""
        except SmugdeskError as error:
            self.accounts, problem = [], str(error)
        self._editing = ""  # the name of the account in the form, "" for a new one

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Accounts"))
        self.list.currentItemChanged.connect(self._show_current)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Account name"))
        self.name.setPlaceholderText(self.tr("A name you will recognise, e.g. Ward Notes"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of blog"))
        for key, label in KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Blog address"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Password or token"))
        self.new_status = QComboBox()
        self.new_status.setAccessibleName(self.tr("Status of new posts for this blog"))
        for key, label in (
            ("", self.tr("as the post says")),
            ("draft", self.tr("draft")),
            ("published", self.tr("published")),
        ):
            self.new_status.addItem(label, key)
        self.new_status.setToolTip(
            self.tr("Filled in when a post is set to this blog and has no status yet")
        )
        self.default_categories = QLineEdit()
        self.default_categories.setAccessibleName(self.tr("Default categories"))
        self.default_categories.setPlaceholderText(self.tr("comma, separated"))
        self.default_categories.setToolTip(
            self.tr("Filled in when a post is set to this blog and has no categories yet")
        )
        self.slug_style = QComboBox()
        self.slug_style.setAccessibleName(self.tr("How new posts' addresses are made"))
        for key, label in (
            ("", self.tr("the whole title")),
            ("short", self.tr("short: the title's main words, at most five")),
            ("blog", self.tr("left to the blog")),
        ):
            self.slug_style.addItem(label, key)
        self.slug_style.setToolTip(
            self.tr("Used when a post has no slug of its own; a published post keeps its address")
        )
        self.image_size = QSpinBox()
        self.image_size.setAccessibleName(self.tr("Longest side of images sent to this blog"))
        self.image_size.setRange(0, 20000)
        self.image_size.setSingleStep(100)
        self.image_size.setSuffix(self.tr(" px"))
        self.image_size.setSpecialValueText(self.tr("standard (%d px)") % DEFAULT_MAX_SIDE)
        self.keep_metadata = QCheckBox(self.tr("Keep photos' metadata (location, camera)"))
        self.keep_metadata.setToolTip(
            self.tr(
                "Off: photos are sent without their EXIF data, so no one learns where they "
                "were taken"
            )
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        why = keyring_problem()
        if why:
            self.keyring_note.setText(
                self.tr(
                    "Passwords cannot be kept safely here: %s. smugdesk will remember them "
                    "only until you quit, and ask again next time."
                )
                % why
            )
        self.keyring_note.setVisible(bool(why))

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.secret)
        form.addRow(self.tr("New p&osts as:"), self.new_status)
        form.addRow(self.tr("Default cate&gories:"), self.default_categories)
        form.addRow(self.tr("Add&resses:"), self.slug_style)
        form.addRow(self.tr("&Images up to:"), self.image_size)
        form.addRow("", self.keep_metadata)
        add_blog = QPushButton(self.tr("Add &Blog…"))
        add_blog.setToolTip(self.tr("Type the blog's address: smugdesk finds out the rest"))
        add_blog.clicked.connect(self.add_blog)
        new = QPushButton(self.tr("&New by Hand"))
        new.setToolTip(self.tr("Choose the kind of blog and its API address yourself"))
        new.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("&Save Account"))
        self.save_button.clicked.connect(self.save_account)
        self.verify_button = QPushButton(self.tr("&Verify"))
        self.verify_button.setToolTip(self.tr("Sign in and report the site's name"))
        self.verify_button.clicked.connect(self.verify)
        self.terms_button = QPushButton(self.tr("Fetch &Terms"))
        self.terms_button.setToolTip(
            self.tr("Fetch the blog's categories and tags, for completion (kept offline)")
        )
        self.terms_button.clicked.connect(self.fetch_terms)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        for button in (
            add_blog,
            new,
            self.save_button,
            self.verify_button,
            self.terms_button,
            remove,
        ):
            row.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(row)
        right.addWidget(self.status)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keyring_note)
        layout.addLayout(body)
        layout.addWidget(close)
        self._fill()
        if problem:
            self.status.setText(problem)
        elif not self.accounts:
            self.status.setText(
                self.tr(
                    "Start with Add Blog…: type your blog's address and smugdesk finds out "
                    "the rest. New by Hand is for choosing the kind and API address yourself."
                )
            )
        self._kind_changed()
        self.resize(820, 420)

    def _fill(self, select: str = "") -> None:
        self.list.clear()
        for account in self.accounts:
            item = QListWidgetItem(account.name)
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            self.list.addItem(item)
            if account.name == select:
                self.list.setCurrentItem(item)
        if not select and self.list.count():
            self.list.setCurrentRow(0)
        elif not self.list.count():
            self._new()

    def _current(self) -> Account | None:
        return next((a for a in self.accounts if a.name == self._editing), None)

    def _show_current(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self._editing = item.data(Qt.ItemDataRole.UserRole)
        account = self._current()
        if account is None:
            return
        self.name.setText(account.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(account.kind)))
        self.url.setText(account.url)
        self.user.setText(account.user)
        self.secret.clear()
        defaults = load_defaults(account.name)
        self.new_status.setCurrentIndex(max(0, self.new_status.findData(defaults.status)))
        self.default_categories.setText(", ".join(defaults.categories))
        self.slug_style.setCurrentIndex(max(0, self.slug_style.findData(defaults.slug_style)))
        self.image_size.setValue(defaults.image_size)
        self.keep_metadata.setChecked(defaults.keep_metadata)
        stored = get_secret(account.name)
        self.secret.setPlaceholderText(
            self.tr("(kept; type to change)") if stored else self.tr("not stored")
        )
        self.status.clear()

    def _new(self) -> None:
        self._editing = ""
        self.list.clearSelection()
        for field in (self.name, self.url, self.user, self.secret, self.default_categories):
            field.clear()
        self.new_status.setCurrentIndex(0)
        self.slug_style.setCurrentIndex(0)
        self.image_size.setValue(0)
        self.keep_metadata.setChecked(False)
        self.secret.setPlaceholderText("")
        self.name.setFocus()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.url.setPlaceholderText(URL_HINTS.get(kind, ""))
        self.user.setEnabled(kind not in KEYED_KINDS)
        tips = {
            "wordpress": self.tr("An application password (Users → Profile in WordPress)"),
            "micropub": self.tr("The access token"),
            "ghost": self.tr(
                "The Admin API key (id:secret) from Settings → Integrations in Ghost Admin"
            ),
            "bluesky": self.tr(
                "An app password (Bluesky: Settings → Privacy and security → App passwords)"
            ),
        }
        self.secret.setToolTip(tips.get(kind, self.tr("Your password")))

    def save_account(self) -> bool:
        typed = Account(
            self.name.text(), self.kind.currentData(), self.url.text(), self.user.text()
        )
        try:
            account = typed.check()
            warning = plain_http_warning(account.url)
            if warning and not self.confirm_plain_http(account, warning):
                self.status.setText(self.tr("Not saved: change the address to https://."))
                return False
            self.accounts = put_account(self.accounts, typed, self._editing)
            save_accounts(self.accounts)
            if self._editing and self._editing != account.name:
                terms.rename(Account(self._editing, account.kind, account.url), account)
                rename_defaults(self._editing, account.name)
                old = get_secret(self._editing)
                forget_secret(self._editing)
                if old and not self.secret.text():
                    store_secret(account.name, old)
            categories = [c.strip() for c in self.default_categories.text().split(",")]
            save_defaults(
                account.name,
                BlogDefaults(
                    self.new_status.currentData() or "",
                    [c for c in categories if c],
                    self.slug_style.currentData() or "",
                    self._image_size(),
                    self.keep_metadata.isChecked(),
                ),
            )
            kept = True
            if self.secret.text():
                kept = store_secret(account.name, self.secret.text())
        except SmugdeskError as error:
            self.status.setText(str(error))
            return False
        self._editing = account.name
        self._fill(account.name)
        self.status.setText(
            self.tr("Saved.") if kept else self.tr("Saved; the password is kept until you quit.")
        )
        return True

    def _image_size(self) -> int:
        # Below 16 px no image is worth sending: read as "standard".
        value = self.image_size.value()
        return value if value >= 16 else 0

    def verify(self) -> None:
        if not self.save_account():
            return
        account = self._current()
        secret = get_secret(account.name) if account else None
        if account is None or not secret:
            self.status.setText(self.tr("Type the password or token first."))
            return
        self.status.setText(self.tr("Signing in to %s…") % account.url)
        self.verify_button.setEnabled(False)

        def work(_progress):
            from smugdesk.publish.shares import verify_account

            return verify_account(account, secret, timeout=20)

        run_later(self, work, self._verified, name="smugdesk-verify")

    def _verified(self, result) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(result, SmugdeskError):
            self.status.setText(self.tr("Could not sign in: %s") % result)
        else:
            self.status.setText(self.tr("Signed in: %s") % result)

    def fetch_terms(self, account: Account | None = None) -> None:
        """Fetch the blog's categories and tags into the cache (on demand, and after Add
        Blog), reporting how many."""
        account = account or self._current()
        secret = get_secret(account.name) if account else None
        if account is None or not secret:
            self.status.setText(self.tr("Save the account with its password first."))
            return
        self.terms_button.setEnabled(False)

        def work(_progress):
            return terms.refresh(account, secret, timeout=30)

        run_later(self, work, lambda result: self._terms_fetched(account, result))

    def _terms_fetched(self, account: Account, result) -> None:
        self.terms_button.setEnabled(True)
        if isinstance(result, SmugdeskError):
            self.status.setText(self.tr("Could not fetch the terms: %s") % result)
            return
        self.terms_result = result
        added = self.status.text() if self.status.text().startswith(self.tr("Added.")) else ""
        said = self.tr("%s: %d categories and %d tags kept for completion.") % (
            account.name,
            len(result.categories),
            len(result.tags),
        )
        self.status.setText(f"{added} {said}".strip())

    def confirm_plain_http(self, account: Account, warning: str) -> bool:
        """Asks before a password is sent unencrypted (tests answer it instead). Once per
        address: an account already confirmed at this address is not asked again."""
        if any(a.name == self._editing and a.url == account.url for a in self.accounts):
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unencrypted address"))
        box.setText(self.tr("The password for %s would travel unencrypted.") % account.name)
        box.setInformativeText(warning)
        keep = box.addButton(self.tr("Use http:// anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is keep

    def confirm_removal(self, account: Account) -> bool:
        """Asks before an account and its stored password go (tests answer it instead)."""
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Remove %s? Its password is deleted from the keyring. Posts keep the record "
                "of where they were published."
            )
            % account.name,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove(self) -> None:
        account = self._current()
        if account is None or not self.confirm_removal(account):
            return
        self.accounts = [a for a in self.accounts if a.name != account.name]
        try:
            save_accounts(self.accounts)
            forget_secret(account.name)
            terms.forget(account)
            forget_defaults(account.name)
        except (SmugdeskError, OSError) as error:
            self.status.setText(str(error))
        self._editing = ""
        self._fill()
        self.status.setText(self.tr("Removed %s.") % account.name)

    # -- Add Blog ------------------------------------------------------------------------
    def add_blog(self) -> None:
        from smugdesk.ui.dialogs.add_blog import AddBlogDialog

        dialog = AddBlogDialog(self.accounts, save_accounts, self)
        dialog.exec()
        self.after_add_blog(dialog)

    def after_add_blog(self, dialog) -> None:
        """The blog Add Blog kept (listed, its terms fetched, its posts offered), or the
        hand-made form filled with what was typed (Advanced)."""
        if dialog.manual:
            self._new()
            self.url.setText(dialog.address.text().strip())
            self.user.setText(dialog.user.text())
            self.name.setText(dialog.name.text())
            self.status.setText(self.tr("Choose the kind of blog and its API address."))
            return
        account = dialog.account
        if account is None:
            return
        self.accounts = dialog.accounts
        self._editing = account.name
        self._fill(account.name)
        self.status.setText(self.tr("Added. %s") % dialog.summary)
        self.account_added.emit(account.name)
        self.fetch_terms(account)
        window = self._window_that_downloads()
        if window is not None and self.offer_download(account):
            window.download_posts(account.name)

    def _window_that_downloads(self):
        parent = self.parent()
        while parent is not None and not hasattr(parent, "download_posts"):
            parent = parent.parent()
        return parent

    def offer_download(self, account: Account) -> bool:
        """Asks whether to bring the blog's recent posts home now (tests answer it)."""
        answer = QMessageBox.question(
            self,
            self.tr("Download recent posts"),
            self.tr(
                "%s is added. Download its recent posts now, to edit them here and publish "
                "them back?"
            )
            % account.name,
        )
        return answer == QMessageBox.StandardButton.Yes
