"""Blog → Download Posts: bring an account's recent posts (or one post by its address) into
the drafts folder as Markdown, to edit offline and publish back as updates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.accounts import Account


class DownloadDialog(QDialog):
    def __init__(self, parent: QWidget | None, accounts: list[Account]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Download Posts"))
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Blog account"))
        for item in accounts:
            self.account.addItem(f"{item.name} — {item.url}", item.name)
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(20)
        self.count.setAccessibleName(self.tr("How many recent posts"))
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("One post's address"))
        self.url.setPlaceholderText(self.tr("Optional: the address of one post"))
        self.url.textChanged.connect(lambda text: self.count.setEnabled(not text.strip()))
        form = QFormLayout()
        form.addRow(self.tr("&Blog:"), self.account)
        form.addRow(self.tr("&Recent posts:"), self.count)
        form.addRow(self.tr("&Or one post:"), self.url)
        note = QLabel(
            self.tr(
                "Posts come in as Markdown drafts that remember where they live; a post "
                "downloaded before is not downloaded twice."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(self.tr("&Download"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setEnabled(bool(accounts))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def chosen(self) -> tuple[str, int, str]:
        return self.account.currentData() or "", self.count.value(), self.url.text().strip()
