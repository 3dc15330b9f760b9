"""Edit → Preferences and View → Load Remote Content: applying settings to the windows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QStatusBar

from smugdesk.core.config import Settings, config_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post_scripts import allow_scripts, scripts_allowed
from smugdesk.core.spelling import Speller, SpellingUnavailableError, available_languages
from smugdesk.ui.icons import set_toolbar_icons
from smugdesk.ui.theme import apply_theme

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow

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


class SettingsControl(QObject):
    """Applies the window's settings (``window.settings``, which it replaces when they
    change): the theme, every open post's editor font, line width, autosave delay and
    spelling, remote content and the post's own scripts in the preview, and Edit →
    Preferences. Owns only whether the page is dark and whether spelling has started."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dark = False
        self.spelling_started = False  # else the dictionary loads after the first preview

    def preferences(self) -> None:
        from smugdesk.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.window, self.window.settings, str(self.window.drafts))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        settings = dialog.chosen()
        settings.recent = Settings.load().recent  # other windows may have added to it
        try:
            settings.save()
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("Preferences not saved"), str(error))
            return
        changed_drafts = settings.drafts != self.window.settings.drafts
        for window in QApplication.topLevelWidgets():
            control = getattr(window, "settings_control", None)
            if isinstance(control, SettingsControl):
                if changed_drafts and settings.drafts:
                    # Chosen just now, so it wins over --drafts and $SMUGDESK_DRAFTS.
                    window.drafts = Path(settings.drafts).expanduser()
                    window.start_library()
                control.apply(settings)

    def apply(self, settings: Settings) -> None:
        """Use ``settings`` now: theme, editor font, remote content."""
        self.window.settings = settings
        dark = apply_theme(settings.theme)
        set_toolbar_icons(
            self.window.commands, QApplication.palette().color(QPalette.ColorRole.ButtonText)
        )
        self.dark = dark
        self.window.preview.set_dark(dark)
        for document in self.window.tabs.documents:
            self.apply_to(document)
        # Rebuilt so that stylesheets added to the CSS folder since take effect.
        folder = self.window.file.path.parent if self.window.file.path else self.window.drafts
        self.window.preview.scripts_allowed = self.post_scripts_allowed
        self.window.preview.set_remote(settings.remote_content_in_preview)
        self.window.preview.set_base_folder(folder, reload=True)
        self.window.commands.remote_content.setChecked(settings.remote_content_in_preview)
        self.window.worker.embed_mode = self.embed_mode()
        self.window.feed.render_now()

    def apply_to(self, document) -> None:
        """One open post's editor: theme, font, line width, autosave delay, spelling."""
        settings, editor = self.window.settings, document.editor
        editor.highlighter.set_dark(self.dark)
        font = editor.font()
        if settings.editor_font:
            font.setFamily(settings.editor_font)
        if settings.editor_font_size:
            font.setPointSize(settings.editor_font_size)
        editor.setFont(font)
        editor.set_line_width(settings.line_width)
        document.autosave_timer.setInterval(max(1, settings.autosave_seconds) * 1000)
        if self.spelling_started:  # else the dictionary is loaded after the first preview
            editor.highlighter.set_speller(speller_for(settings, self.window.statusBar()))

    def post_scripts_allowed(self) -> bool:
        """Whether the writer let this post's own scripts run in the preview: remembered
        per post file in the config folder (never in the post), for an untitled post only
        while it is open."""
        if self.window.file.path is None:
            return self.window.document.scripts_for_untitled
        return scripts_allowed(self.window.file.path)

    def set_post_scripts(self, allowed: bool) -> None:
        """View → Run This Post's Scripts in Preview."""
        if self.window.file.path is None:
            self.window.document.scripts_for_untitled = allowed
        else:
            try:
                allow_scripts(self.window.file.path, allowed)
            except (SmugdeskError, OSError) as error:
                self.window.statusBar().showMessage(str(error), 6000)
        self.window.preview.refresh_scripts()

    def apply_speller(self) -> None:
        self.spelling_started = True
        speller = speller_for(self.window.settings, self.window.statusBar())
        for document in self.window.tabs.documents:
            document.editor.highlighter.set_speller(speller)

    def embed_mode(self) -> str:
        return "iframe" if self.window.settings.remote_content_in_preview else "placeholder"

    def set_remote_content(self, allowed: bool) -> None:
        self.window.settings.remote_content_in_preview = allowed
        try:
            self.window.settings.save()
        except SmugdeskError as error:
            self.window.statusBar().showMessage(str(error), 6000)
        self.window.preview.set_remote(allowed)
        self.window.worker.embed_mode = self.embed_mode()
        self.window.feed.render_now()
