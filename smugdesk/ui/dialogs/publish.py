"""The first publish of a post: which blog, and as what (a draft there, published now, or
scheduled for the post's date). Later publishes go straight to the same place."""

from __future__ import annotations

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
from smugdesk.publish.remote import publisher_kinds

FIELD_NAMES = {
    "tags": "tags",
    "categories": "categories",
    "excerpt": "summary",
    "slug": "slug",
    "scheduled": "scheduled date",
    "featured_image": "featured image",
}


class PublishDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        accounts: list[Account],
        *,
        account: str = "",
        status: str = "publish",
        future_date: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish"))
        self.accounts = accounts
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Blog account"))
        for item in accounts:
            self.account.addItem(f"{item.name} — {item.url}", item.name)
        self.account.setCurrentIndex(max(0, self.account.findData(account)))
        self.account.currentIndexChanged.connect(self._explain)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Publish as"))
        self.status.addItem(self.tr("Published, for everyone to read"), "publish")
        self.status.addItem(self.tr("A draft on the blog"), "draft")
        self.status.addItem(self.tr("Scheduled for the post's date"), "future")
        if future_date and status == "publish":
            status = "future"
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.manage = QPushButton(self.tr("&Accounts…"))
        form = QFormLayout()
        form.addRow(self.tr("&Blog:"), self.account)
        form.addRow(self.tr("&As:"), self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton(
            self.tr("&Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.manage, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._explain()
        self.resize(520, self.sizeHint().height())

    def chosen(self) -> tuple[str, str]:
        return self.account.currentData() or "", self.status.currentData()

    def _explain(self) -> None:
        """Say which of the post's fields this blog cannot take, and why."""
        self.publish_button.setEnabled(self.account.count() > 0)
        if not self.account.count():
            self.note.setText(self.tr("No blog accounts yet: add one with Accounts…"))
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
