"""Insert Link (Ctrl+K): a URL checked as you type, the text, an optional title, or a link to
another draft found by its title."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.drafts import match_drafts
from smugdesk.core.links import POST_SCHEME, BadUrlError, check_url, looks_like_url, markdown_link

# (title, slug) of every draft; called once, on the first search, by the dialog.
DraftLister = Callable[[], list[tuple[str, str]]]


class LinkDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        selected_text: str = "",
        clipboard_text: str = "",
        list_drafts: DraftLister | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert Link"))
        self._list_drafts = list_drafts
        self._all_drafts: list[tuple[str, str]] | None = None

        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(self.tr("Link address"))
        self.text = QLineEdit(selected_text)
        self.text.setAccessibleName(self.tr("Link text"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Optional: shown when hovering"))
        self.title.setAccessibleName(self.tr("Link title"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.fix = QPushButton()
        self.fix.setVisible(False)
        self.fix.clicked.connect(self._apply_suggestion)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a draft by title…"))
        self.search.setAccessibleName(self.tr("Find a draft to link to"))
        self.drafts = QListWidget()
        self.drafts.setAccessibleName(self.tr("Drafts"))
        self.drafts.setMaximumHeight(140)
        self.search.textChanged.connect(self._search)
        self.drafts.itemActivated.connect(self._use_draft)
        self.drafts.itemClicked.connect(self._use_draft)
        # Down from the search goes into its results, Up from the first one comes back.
        self.search.installEventFilter(self)
        self.drafts.installEventFilter(self)

        form = QFormLayout()
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow("", self.message)
        form.addRow("", self.fix)
        form.addRow(self.tr("&Text:"), self.text)
        form.addRow(self.tr("T&itle:"), self.title)
        if list_drafts is not None:
            form.addRow(self.tr("Or link to a &draft:"), self.search)
            form.addRow("", self.drafts)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.url.textChanged.connect(self._validate)
        if looks_like_url(clipboard_text):
            self.url.setText(clipboard_text.strip())
        self._validate()
        (self.text if self.url.text() and not selected_text else self.url).setFocus()
        self.resize(520, self.sizeHint().height())

    def _validate(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.fix.setVisible(False)
        text = self.url.text()
        if not text.strip():
            self.message.setText("")
            ok_button.setEnabled(False)
            return
        try:
            checked = check_url(text)
        except BadUrlError as error:
            self.message.setText(f"<span style='color:#a33'>{error}</span>")
            ok_button.setEnabled(False)
            return
        if checked.suggestion:
            self.message.setText(
                self.tr("This web address has no “https://” in front: Enter adds it.")
            )
            self.fix.setText(self.tr("Use %s") % checked.suggestion)
            self.fix.setVisible(True)
            ok_button.setEnabled(True)  # accept() puts the https:// in front
            return
        self.message.setText("")
        ok_button.setEnabled(True)

    def accept(self) -> None:
        """OK or Enter: a bare domain ("example.org/page") is taken with https://."""
        try:
            suggestion = check_url(self.url.text()).suggestion
        except BadUrlError:
            return
        if suggestion:
            self.url.setText(suggestion)
        super().accept()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == event.Type.KeyPress:
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.drafts.count():
                self.drafts.setFocus()
                self.drafts.setCurrentRow(0)
                return True
            if watched is self.drafts and key == Qt.Key.Key_Up and self.drafts.currentRow() <= 0:
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _apply_suggestion(self) -> None:
        self.url.setText(check_url(self.url.text()).suggestion)
        self.text.setFocus()

    def _search(self, query: str) -> None:
        self.drafts.clear()
        if not query.strip() or self._list_drafts is None:
            return
        if self._all_drafts is None:
            self._all_drafts = self._list_drafts()
        for title, slug in match_drafts(self._all_drafts, query)[:50]:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, slug)
            item.setToolTip(f"{POST_SCHEME}:{slug}")
            self.drafts.addItem(item)

    def _use_draft(self, item: QListWidgetItem) -> None:
        self.url.setText(f"{POST_SCHEME}:{item.data(Qt.ItemDataRole.UserRole)}")
        if not self.text.text().strip():
            self.text.setText(item.text())

    def markdown(self) -> str:
        url = self.url.text().strip()
        return markdown_link(self.text.text() or url, url, self.title.text())
