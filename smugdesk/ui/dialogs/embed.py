"""Insert Embed: paste a URL, see what it will become, insert it alone on its own line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.embeds import parse_embed
from smugdesk.core.links import BadUrlError, check_url, looks_like_url


class EmbedDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, clipboard_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert Embed"))
        self.url = QLineEdit()
        self.url.setPlaceholderText(
            self.tr("Paste a YouTube, Vimeo, X, Instagram, SoundCloud or Spotify link")
        )
        self.url.setAccessibleName(self.tr("Address to embed"))
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        self.kind.setAccessibleName(self.tr("What the address will show"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow("", self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.url.textChanged.connect(self._describe)
        if looks_like_url(clipboard_text):
            self.url.setText(clipboard_text.strip())
        self._describe()
        self.resize(560, self.sizeHint().height())

    def _describe(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        text = self.url.text().strip()
        ok_button.setEnabled(False)
        if not text:
            self.kind.setText("")
            return
        try:
            checked = check_url(text)
        except BadUrlError as error:
            self.kind.setText(f"<span style='color:#a33'>{error}</span>")
            return
        if checked.suggestion or not text.lower().startswith(("http://", "https://")):
            self.kind.setText(self.tr("An embed needs a full address starting with https://"))
            return
        embed = parse_embed(text, link_cards=True)
        if embed.provider == "link":
            self.kind.setText(self.tr("Not a site smugdesk embeds: it will show as a link card."))
        elif embed.player_url is None:
            self.kind.setText(self.tr("%s — shown as a card linking to it.") % embed.title)
        else:
            self.kind.setText(
                self.tr("%s — a player on your blog; a card in the offline preview.") % embed.title
            )
        ok_button.setEnabled(True)

    def markdown(self) -> str:
        """The URL alone on its own paragraph: the convention WordPress and Ghost embed."""
        return self.url.text().strip()
