"""Preferences: drafts folder, editor font, theme, remote content. Stored by
core.config.Settings in the XDG config folder; no secret ever goes there."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.config import Settings, user_css_dir
from smugdesk.core.spelling import available_languages
from smugdesk.ui.theme import THEMES


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings, drafts_shown: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings

        self.drafts = QLineEdit(settings.drafts or drafts_shown)
        self.drafts.setAccessibleName(self.tr("Drafts folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        drafts_row = QHBoxLayout()
        drafts_row.addWidget(self.drafts)
        drafts_row.addWidget(browse)

        system_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.font = QFontComboBox()
        self.font.setFontFilters(
            QFontComboBox.FontFilter.MonospacedFonts | QFontComboBox.FontFilter.ProportionalFonts
        )
        self.font.setCurrentFont(QFont(settings.editor_font or system_font.family()))
        self.font.setAccessibleName(self.tr("Editor font"))
        self.size = QSpinBox()
        self.size.setRange(6, 48)
        self.size.setValue(settings.editor_font_size or max(system_font.pointSize(), 11))
        self.size.setSuffix(" pt")
        self.size.setAccessibleName(self.tr("Editor font size"))
        font_row = QHBoxLayout()
        font_row.addWidget(self.font, 1)
        font_row.addWidget(self.size)

        self.theme = QComboBox()
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for key in THEMES:
            self.theme.addItem(names[key], key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Theme"))

        self.spell = QCheckBox(self.tr("Check spelling as I type"))
        self.spell.setChecked(settings.spell_check)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Spelling language"))
        self.language.addItem(self.tr("The system's language"), "")
        for code in available_languages():
            self.language.addItem(code, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.spell_language)))
        if self.language.count() == 1:
            self.language.setToolTip(self.tr("No spelling dictionaries are installed"))

        self.line_width = QSpinBox()
        self.line_width.setRange(0, 200)
        self.line_width.setSingleStep(5)
        self.line_width.setSpecialValueText(self.tr("As wide as the window"))
        self.line_width.setSuffix(self.tr(" characters"))
        self.line_width.setValue(settings.line_width)
        self.line_width.setAccessibleName(self.tr("Line width"))
        self.autosave = QSpinBox()
        self.autosave.setRange(1, 60)
        self.autosave.setSuffix(self.tr(" s after a change"))
        self.autosave.setValue(settings.autosave_seconds)
        self.autosave.setAccessibleName(self.tr("Autosave delay"))
        self.autosave.setToolTip(
            self.tr("A post with a file is saved this long after its first unsaved change")
        )

        self.remote = QCheckBox(self.tr("Load videos and other remote content in the preview"))
        css = QPushButton(self.tr("Open My &CSS Folder"))
        css.setToolTip(
            self.tr("Stylesheets (*.css) here are added to the preview: %s") % user_css_dir()
        )
        css.clicked.connect(self._open_css_folder)
        self.css_button = css
        self.remote.setChecked(settings.remote_content_in_preview)

        form = QFormLayout()
        for text, field, buddy in (
            (self.tr("&Drafts folder:"), drafts_row, self.drafts),
            (self.tr("Editor &font:"), font_row, self.font),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)  # a row holding a layout gets no buddy by itself
            form.addRow(label, field)
        form.addRow(self.tr("Line &width:"), self.line_width)
        form.addRow(self.tr("&Autosave:"), self.autosave)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow("", self.spell)
        form.addRow(self.tr("Spelling &language:"), self.language)
        form.addRow("", self.remote)
        form.addRow(self.tr("Preview style:"), css)
        accounts = QPushButton(self.tr("Blog &Accounts…"))
        accounts.setToolTip(self.tr("The blogs you publish to; passwords go to the keyring"))
        accounts.clicked.connect(self._accounts)
        form.addRow(self.tr("Publishing:"), accounts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Drafts folder"), self.drafts.text()
        )
        if folder:
            self.drafts.setText(folder)

    def _accounts(self) -> None:
        from smugdesk.ui.dialogs.accounts import AccountsDialog

        AccountsDialog(self).exec()

    def _open_css_folder(self) -> None:
        folder = user_css_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def chosen(self) -> Settings:
        return replace(
            self._settings,
            drafts=self.drafts.text().strip(),
            editor_font=self.font.currentFont().family(),
            editor_font_size=self.size.value(),
            theme=self.theme.currentData(),
            remote_content_in_preview=self.remote.isChecked(),
            spell_check=self.spell.isChecked(),
            spell_language=self.language.currentData(),
            line_width=self.line_width.value(),
            autosave_seconds=self.autosave.value(),
        )
