"""The first publish of a post: which blog, and as what (a draft there, published now, or
scheduled for the post's date). Later publishes go straight to the same place.

The dialog never makes a post more public than the writer marked it unless they choose so:
it starts at the post's own status, says in one sentence what will happen, and when the
choice is more public than the post (a draft published for everyone), Enter does nothing:
only the button itself, named for what it does, sends it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import Account
from smugdesk.core.post import Post
from smugdesk.publish.intent import own_status, schedule_problem
from smugdesk.publish.publishing import post_datetime
from smugdesk.publish.remote import publisher_kinds

FIELD_NAMES = {
    "tags": "tags",
    "categories": "categories",
    "excerpt": "summary",
    "slug": "slug",
    "scheduled": "scheduled date",
    "featured_image": "featured image",
}
# How public each choice is: choosing one above the post's own is a deliberate act.
_OPENNESS = {"draft": 0, "future": 1, "publish": 2}


class PublishDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        accounts: list[Account],
        post: Post,
        *,
        account: str = "",
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish"))
        self.accounts = accounts
        self.post = post
        self.now = now
        self.own = own_status(post, now)
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Blog account"))
        for item in accounts:
            self.account.addItem(f"{item.name} — {item.url}", item.name)
        self.account.setCurrentIndex(max(0, self.account.findData(account)))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Publish as"))
        self.status.addItem(self.tr("A draft on the blog, only you see it"), "draft")
        self.status.addItem(self.tr("Published, for everyone to read"), "publish")
        self.status.addItem(self.tr("Scheduled for the post's date"), "future")
        self.status.setCurrentIndex(max(0, self.status.findData(self.own)))
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setAccessibleName(self.tr("What will happen"))
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.manage = QPushButton(self.tr("&Accounts…"))
        form = QFormLayout()
        form.addRow(self.tr("&Blog:"), self.account)
        form.addRow(self.tr("&As:"), self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton(
            self.tr("&Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.manage, QDialogButtonBox.ButtonRole.ResetRole)
        self.manage.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addWidget(self.sentence)
        layout.addWidget(self.warning)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.account.currentIndexChanged.connect(self._explain)
        self.status.currentIndexChanged.connect(self._explain)
        self._explain()
        self.resize(540, self.sizeHint().height())

    def chosen(self) -> tuple[str, str]:
        return self.account.currentData() or "", self.status.currentData()

    def deliberate(self) -> bool:
        """The choice is more public than the post is marked: only a click sends it."""
        return _OPENNESS[self.status.currentData()] > _OPENNESS.get(self.own, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.deliberate() and self.focusWidget() is not self.publish_button:
            self.warning.setText(
                self.warning.text().split("\n")[0]
                + "\n"
                + self.tr("Enter does not do this: click “%s” if you mean it.")
                % self.publish_button.text().replace("&", "")
            )
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._place_default()  # showing makes the last default button default again

    def _place_default(self) -> None:
        """The send button is the default one unless the choice is more public than the
        post: then no button is (Qt gives the default back to the dialog's last default
        when a button loses focus, so that becomes Cancel, quietly, and not auto-default)."""
        deliberate = self.deliberate()
        if deliberate:
            self.cancel_button.setDefault(True)
            self.cancel_button.setDefault(False)
            self.publish_button.setDefault(False)
        for button in (self.publish_button, self.cancel_button):
            button.setAutoDefault(not deliberate)
        if not deliberate:
            self.publish_button.setDefault(True)

    def _when(self) -> str:
        date = post_datetime(self.post)
        if date is None:
            return ""
        shown = QDateTime.fromSecsSinceEpoch(int(date.timestamp()))  # in local time
        locale = QLocale()
        return self.tr("%s at %s") % (
            locale.toString(shown.date(), QLocale.FormatType.LongFormat),
            locale.toString(shown.time(), QLocale.FormatType.ShortFormat),
        )

    def _explain(self) -> None:
        """The one sentence of what will happen, the button named for it, and which of the
        post's fields this blog cannot take."""
        status = self.status.currentData()
        title = self.post.title or self.tr("Untitled")
        blog = self.account.currentData() or ""
        problem = schedule_problem(self.post, status, self.now) if status == "future" else ""
        if not self.account.count():
            sentence = self.tr("No blog accounts yet: add one with Accounts…")
        elif status == "draft":
            sentence = self.tr("Send “%s” to %s as a draft; nobody else sees it.") % (title, blog)
        elif status == "publish":
            sentence = self.tr("Publish “%s” on %s for everyone to read now.") % (title, blog)
        elif problem:
            sentence = self.tr(
                "“%s” cannot be scheduled: %s. Change its date, or choose another option."
            ) % (title, problem)
        else:
            sentence = self.tr("Schedule “%s” to appear on %s on %s.") % (
                title,
                blog,
                self._when(),
            )
        self.sentence.setText(sentence)
        label = {
            "draft": self.tr("Send as &Draft"),
            "publish": self.tr("Publish for &Everyone"),
            "future": self.tr("&Schedule"),
        }[status]
        self.publish_button.setText(label)
        self.publish_button.setEnabled(self.account.count() > 0 and not problem)
        self._place_default()
        deliberate = self.deliberate()
        self.warning.setText(
            self.tr("This post is marked as a draft here; it will be marked published.")
            if deliberate and status == "publish"
            else self.tr("This post is marked as a draft here; it will go public on that date.")
            if deliberate
            else ""
        )
        self.warning.setVisible(bool(self.warning.text()))
        self._absent_fields()

    def _absent_fields(self) -> None:
        if not self.account.count():
            self.note.setText("")
            return
        name = self.account.currentData()
        account = next(a for a in self.accounts if a.name == name)
        factory = publisher_kinds().get(account.kind)
        caps = getattr(factory, "capabilities", None)
        missing = caps.missing() if caps else {}
        absent = [f"{FIELD_NAMES[f]} ({why})" for f, why in missing.items() if f in FIELD_NAMES]
        self.note.setText(
            self.tr("Not sent to %s: %s.")
            % (getattr(factory, "label", account.kind), "; ".join(absent))
            if absent
            else ""
        )
        self.note.setVisible(bool(absent))
