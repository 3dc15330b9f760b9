"""Add Blog: the writer types the blog's home page address, a user name and a password;
smugdesk finds out which API the blog speaks (``publish.discovery``), says so in plain
words, signs in to check, and keeps the account. Manual set-up stays under Advanced."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import Account, is_loopback, plain_http_warning, put_account
from smugdesk.core.credentials import store_secret
from smugdesk.core.errors import SmugdeskError
from smugdesk.ui.background import run_later

KIND_WORDS = {
    "wordpress": "WordPress REST API",
    "metaweblog": "XML-RPC",
    "micropub": "Micropub",
    "ghost": "Ghost Admin API",
    "bluesky": "Bluesky",
}
ERROR_STYLE = "color: #b3261e"


class AddBlogDialog(QDialog):
    """``accounts`` are the ones there are (names stay unique); ``save(accounts)`` keeps the
    new list. After ``Accepted``, ``account`` is the blog added and ``summary`` what the
    sign-in said; after Advanced, ``manual`` is True and the typed fields are kept."""

    state_changed = Signal(str)  # typing, finding, found, signing-in, error, added

    def __init__(self, accounts: list[Account], save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Blog"))
        self.accounts = accounts
        self._save = save
        self.found = None  # discovery.Found once the address was read
        self.kind = ""
        self.account: Account | None = None
        self.summary = ""
        self.manual = False
        self.state = ""

        intro = QLabel(
            self.tr(
                "Type your blog's address: smugdesk finds out how to publish to it and "
                "checks that it can sign in."
            )
        )
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Blog address"))
        self.address.setPlaceholderText("https://blog.example.org/")
        self.address.textEdited.connect(self._typing)
        self.address.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.clicked.connect(self.find)
        where = QHBoxLayout()
        where.addWidget(self.address, 1)
        where.addWidget(self.find_button)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.found_label.setTextFormat(Qt.TextFormat.PlainText)  # the page's title, verbatim
        self.found_label.setAccessibleName(self.tr("What was found"))
        self.found_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Account name"))
        self.name.setPlaceholderText(self.tr("The blog's name, found from its address"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Password"))
        self.secret_caption = QLabel(self.tr("&Password:"))
        self.secret_caption.setBuddy(self.secret)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setOpenExternalLinks(True)
        self.status.setAccessibleName(self.tr("Sign-in result"))
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )

        form = QFormLayout()
        address_caption = QLabel(self.tr("&Address:"))
        address_caption.setBuddy(self.address)
        form.addRow(address_caption, where)
        form.addRow(self.found_label)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.secret_caption, self.secret)

        buttons = QDialogButtonBox()
        self.advanced = buttons.addButton(
            self.tr("A&dvanced…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.advanced.setToolTip(self.tr("Choose the kind of blog and its API address by hand"))
        self.advanced.clicked.connect(self._go_manual)
        self.xmlrpc_button = buttons.addButton(
            self.tr("Use &XML-RPC Instead"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.xmlrpc_button.setToolTip(self.tr("Sign in with your usual password over XML-RPC"))
        self.xmlrpc_button.clicked.connect(self.use_xmlrpc)
        self.xmlrpc_button.hide()
        self.browser_button = buttons.addButton(
            self.tr("Sign In with &Browser"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.browser_button.setToolTip(
            self.tr("Approve smugdesk on your blog's sign-in page; the token is kept for you")
        )
        self.browser_button.clicked.connect(self.sign_in_with_browser)
        self.browser_button.hide()
        self._sign_in = None  # an IndieAuth sign-in waiting for the browser
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.add_button = buttons.addButton(
            self.tr("&Add Blog"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.clicked.connect(self.add)
        self.add_button.setEnabled(False)
        self.add_button.setAutoDefault(False)
        self.find_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.found_label.hide()
        self.resize(560, 320)
        self._set_state("typing")

    # -- states --------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.state = state
        busy = state in ("finding", "signing-in")
        self.find_button.setEnabled(not busy)
        self.address.setReadOnly(busy)
        self.add_button.setEnabled(self.found is not None and not busy and bool(self.kind))
        browser = not self.browser_button.isHidden()  # a sign-in page beats a pasted token
        self.add_button.setDefault(self.found is not None and not busy and not browser)
        self.browser_button.setDefault(browser and not busy)
        self.state_changed.emit(state)

    def _show_status(self, text: str, *, error: bool = False, rich: str = "") -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(rich or html.escape(text, quote=False))

    def _show_found(self, text: str) -> None:
        self.found_label.setText(text)
        self.found_label.setVisible(bool(text))

    def _typing(self) -> None:
        if self.found is not None:
            self.found = None
            self.kind = ""
            self._show_found("")
            self.xmlrpc_button.hide()
            self.browser_button.hide()
        self._show_status("")
        self._set_state("typing")

    # -- finding the blog ----------------------------------------------------------------
    def find(self) -> None:
        typed = self.address.text().strip()
        if not typed or self.state in ("finding", "signing-in"):
            return
        self.found = None
        self.kind = ""
        self._show_found("")
        self.xmlrpc_button.hide()
        self.browser_button.hide()
        self._show_status(self.tr("Looking at %s…") % typed)
        self._set_state("finding")

        def work(_progress):
            from smugdesk.publish.bluesky import found_for  # HTTP clients: when used
            from smugdesk.publish.discovery import discover

            return found_for(typed) or discover(typed)

        run_later(self, work, self._found, name="smugdesk-discover")

    def _found(self, result) -> None:
        if isinstance(result, SmugdeskError):
            said = str(result)
            self._show_status(said[:1].upper() + said[1:], error=True)
            self._set_state("error")
            return
        self.found = result
        self._use_kind(result.best())
        self.browser_button.setVisible(
            self.kind == "micropub"
            and bool(result.authorization_endpoint and result.token_endpoint)
        )
        if not self.name.text().strip() and result.title:
            self.name.setText(self._free_name(result.title))
        lines = [result.summary(), *result.notes]
        warning = plain_http_warning(result.api_address(self.kind))
        if warning:
            lines.append(warning[0].upper() + warning[1:] + ".")
        self._show_found("\n".join(lines))
        self._show_status("")
        self._set_state("found")
        (self.user if self.user.isEnabled() and not self.user.text() else self.secret).setFocus()

    def _use_kind(self, kind: str) -> None:
        self.kind = kind
        token = kind == "micropub"
        key = kind == "ghost"
        self.user.setEnabled(not (token or key))
        if key:
            self.secret_caption.setText(self.tr("Admin API &key:"))
            self.secret.setAccessibleName(self.tr("Admin API key"))
            self.secret.setPlaceholderText(
                self.tr("id:secret, from Settings → Integrations in Ghost Admin")
            )
            return
        self.secret_caption.setText(self.tr("&Token:") if token else self.tr("&Password:"))
        self.secret.setAccessibleName(self.tr("Token") if token else self.tr("Password"))
        self.secret.setPlaceholderText(
            self.tr("An application password (Users → Profile on the blog)")
            if kind == "wordpress"
            else self.tr("An access token from the blog")
            if token
            else self.tr("Your usual password")
        )

    def _free_name(self, title: str) -> str:
        names = {a.name for a in self.accounts}
        name, number = title, 2
        while name in names:
            name, number = f"{title} ({number})", number + 1
        return name

    # -- signing in ----------------------------------------------------------------------
    def use_xmlrpc(self) -> None:
        self._use_kind("metaweblog")
        self.xmlrpc_button.hide()
        self.add()

    def add(self) -> None:
        found = self.found
        if found is None or self.state == "signing-in":
            return
        secret = self.secret.text()
        try:
            account = found.account(self.name.text(), self.kind, self.user.text()).check()
            put_account(self.accounts, account)  # a name already taken is refused here
        except SmugdeskError as error:
            self._show_status(str(error), error=True)
            return
        if not secret:
            self._show_status(
                self.tr("Type the token first.")
                if self.kind == "micropub"
                else self.tr("Paste the Admin API key first.")
                if self.kind == "ghost"
                else self.tr("Type the password first."),
                error=True,
            )
            return
        warning = plain_http_warning(account.url)
        if warning and not self.confirm_plain_http(account, warning):
            self._show_status(self.tr("Not added: the blog needs an https:// address."))
            return
        self._show_status(
            self.tr("Signing in to %s through the %s…") % (account.url, KIND_WORDS[self.kind])
        )
        self._set_state("signing-in")

        def work(_progress):
            from smugdesk.publish import discovery
            from smugdesk.publish.shares import verify_account

            if account.kind == "wordpress":
                return account, discovery.wordpress_sign_in(found, account.user, secret)
            return account, verify_account(account, secret, timeout=20)

        run_later(self, work, lambda result: self._signed_in(result, secret), name="smugdesk-add")

    def _signed_in(self, result, secret: str) -> None:
        from smugdesk.publish.discovery import AppPasswordNeededError

        if isinstance(result, AppPasswordNeededError):
            link = html.escape(result.profile, quote=True)
            text = html.escape(str(result)).replace(
                html.escape(result.profile), f'<a href="{link}">{html.escape(result.profile)}</a>'
            )
            self._show_status(str(result), error=True, rich=text)
            self.xmlrpc_button.setVisible(bool(self.found and self.found.xmlrpc))
            self._set_state("error")
            return
        if isinstance(result, SmugdeskError):
            self._show_status(self.tr("Could not sign in: %s") % result, error=True)
            self._set_state("error")
            return
        account, said = result
        try:
            accounts = put_account(self.accounts, account)
            self._save(accounts)
        except SmugdeskError as error:
            self._show_status(str(error), error=True)
            self._set_state("error")
            return
        self.accounts = accounts
        kept = store_secret(account.name, secret)
        self.account, self.summary = account, said
        note = (
            ""
            if kept
            else self.tr(" (the key is kept until you quit)")
            if account.kind == "ghost"
            else self.tr(" (the password is kept until you quit)")
        )
        self._show_status(self.tr("Signed in: %s.%s") % (said, note))
        self._set_state("added")
        self.accept()

    # -- IndieAuth ------------------------------------------------------------------------
    def sign_in_with_browser(self) -> None:
        """Opens the blog's sign-in page in the browser and waits for the token it gives
        (PKCE, back on 127.0.0.1); the token then signs in like a pasted one."""
        from smugdesk.publish.indieauth import SignIn

        found = self.found
        if found is None or self.state == "signing-in":
            return
        try:
            sign_in = SignIn(found.address, found.authorization_endpoint, found.token_endpoint)
        except (SmugdeskError, OSError) as error:
            self._show_status(str(error), error=True)
            return
        self._sign_in = sign_in
        self._show_status(
            self.tr("Approve smugdesk on the page your browser opened (%s)…")
            % found.authorization_endpoint
        )
        self._set_state("signing-in")
        self.open_browser(sign_in.url)
        run_later(self, lambda _progress: sign_in.finish(), self._browser_done)

    def open_browser(self, url: str) -> None:
        """The system browser (tests play the browser instead)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))

    def _browser_done(self, result) -> None:
        self._sign_in = None
        if isinstance(result, SmugdeskError):
            self._show_status(self.tr("Not signed in: %s") % result, error=True)
            self._set_state("error")
            return
        self.secret.setText(result.access_token)
        self._set_state("found")
        self.add()

    def done(self, code: int) -> None:
        if self._sign_in is not None:
            self._sign_in.cancel()  # the listener on 127.0.0.1 stops with the dialog
        super().done(code)

    def confirm_plain_http(self, account: Account, warning: str) -> bool:
        """Asks before a password is sent unencrypted (tests answer it instead)."""
        if is_loopback(account.url):
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Unencrypted address"),
            self.tr("The password for %s would travel unencrypted: %s. Use it anyway?")
            % (account.name, warning),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _go_manual(self) -> None:
        self.manual = True
        self.reject()
