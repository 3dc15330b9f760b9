"""Edit → Preferences and View → Load Remote Content: applying settings to the windows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QStatusBar

from smugdesk.core.config import Settings, config_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post_scripts import allow_scripts, scripts_allowed
from smugdesk.core.spelling import Speller, SpellingUnavailableError, available_languages
from smugdesk.ui.icons import set_toolbar_icons
from smugdesk.ui.theme import apply_theme

_spellers: dict[tuple[str, Path], Speller] = {}
_told_about_spelling = False


def default_language() -> str:
    languages = available_languages()
    system = QLocale.system().name()
    for wanted in (system, system.split("_")[0], "en_US"):
        if wanted in languages:
            return wanted
    return languages[0] if languages else system


def speller_for(settings: Settings, status: QStatusBar) -> Speller | None:
    """The dictionary for the chosen language, loaded once per process; without one the
    writer is told once and writing goes on unchecked."""
    global _told_about_spelling
    if not settings.spell_check:
        return None
    language = settings.spell_language or default_language()
    key = (language, config_dir() / "words.txt")
    if key not in _spellers:
        try:
            _spellers[key] = Speller(*key)
        except SpellingUnavailableError as error:
            if not _told_about_spelling:
                _told_about_spelling = True
                message = QCoreApplication.translate("MainWindow", "Spell checking is off: %s")
                status.showMessage(message % error, 15000)
            return None
    return _spellers[key]


class SettingsActions:
    """Mixed into MainWindow (uses its editor, preview, worker, commands and drafts)."""

    def preferences(self) -> None:
        from smugdesk.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self, self.settings, str(self.drafts))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        settings = dialog.chosen()
        settings.recent = Settings.load().recent  # other windows may have added to it
        try:
            settings.save()
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("Preferences not saved"), str(error))
            return
        changed_drafts = settings.drafts != self.settings.drafts
        for window in QApplication.topLevelWidgets():
            if isinstance(window, SettingsActions):
                if changed_drafts and settings.drafts:
                    # Chosen just now, so it wins over --drafts and $SMUGDESK_DRAFTS.
                    window.drafts = Path(settings.drafts).expanduser()
                    window.start_library()
                window.apply_settings(settings)

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` now: theme, editor font, remote content."""
        self.settings = settings
        dark = apply_theme(settings.theme)
        set_toolbar_icons(
            self.commands, QApplication.palette().color(QPalette.ColorRole.ButtonText)
        )
        self._dark = dark
        self.preview.set_dark(dark)
        for document in self.tabs.documents:
            self.apply_settings_to(document)
        # Rebuilt so that stylesheets added to the CSS folder since take effect.
        folder = self.file.path.parent if self.file.path else self.drafts
        self.preview.scripts_allowed = self.post_scripts_allowed
        self.preview.set_remote(settings.remote_content_in_preview)
        self.preview.set_base_folder(folder, reload=True)
        self.commands.remote_content.setChecked(settings.remote_content_in_preview)
        self.worker.embed_mode = self._embed_mode()
        self.feed.render_now()

    def apply_settings_to(self, document) -> None:
        """One open post's editor: theme, font, line width, autosave delay, spelling."""
        settings, editor = self.settings, document.editor
        editor.highlighter.set_dark(getattr(self, "_dark", False))
        font = editor.font()
        if settings.editor_font:
            font.setFamily(settings.editor_font)
        if settings.editor_font_size:
            font.setPointSize(settings.editor_font_size)
        editor.setFont(font)
        editor.set_line_width(settings.line_width)
        document.autosave_timer.setInterval(max(1, settings.autosave_seconds) * 1000)
        if self._spelling_started:  # else the dictionary is loaded after the first preview
            editor.highlighter.set_speller(speller_for(settings, self.statusBar()))

    def post_scripts_allowed(self) -> bool:
        """Whether the writer let this post's own scripts run in the preview: remembered
        per post file in the config folder (never in the post), for an untitled post only
        while it is open."""
        if self.file.path is None:
            return self.document.scripts_for_untitled
        return scripts_allowed(self.file.path)

    def set_post_scripts(self, allowed: bool) -> None:
        """View → Run This Post's Scripts in Preview."""
        if self.file.path is None:
            self.document.scripts_for_untitled = allowed
        else:
            try:
                allow_scripts(self.file.path, allowed)
            except (SmugdeskError, OSError) as error:
                self.statusBar().showMessage(str(error), 6000)
        self.preview.refresh_scripts()

    def apply_speller(self) -> None:
        self._spelling_started = True
        speller = speller_for(self.settings, self.statusBar())
        for document in self.tabs.documents:
            document.editor.highlighter.set_speller(speller)

    def _embed_mode(self) -> str:
        return "iframe" if self.settings.remote_content_in_preview else "placeholder"

    def set_remote_content(self, allowed: bool) -> None:
        self.settings.remote_content_in_preview = allowed
        try:
            self.settings.save()
        except SmugdeskError as error:
            self.statusBar().showMessage(str(error), 6000)
        self.preview.set_remote(allowed)
        self.worker.embed_mode = self._embed_mode()
        self.feed.render_now()
