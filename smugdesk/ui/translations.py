"""Loading translations: smugdesk's own (``resources/translations/smugdesk_<lang>.qm``) and
Qt's for its standard dialogs. Every user-visible string in the UI goes through ``tr()``;
``make translations`` extracts them into ``resources/translations/smugdesk.ts``, the
template a translator copies to ``smugdesk_<lang>.ts``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def translations_dir() -> Path:
    return Path(str(resources.files("smugdesk.resources").joinpath("translations")))


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install the translators that exist for ``locale`` (the system's by default).
    Returns them (the application does not own them: keep them alive)."""
    locale = locale or QLocale()
    installed = []
    # English plural forms ("1 post", "2 posts") under every language: a message its
    # language does not translate yet still reads as English, never as "post(s)".
    english = QTranslator(app)
    if english.load("smugdesk_en", str(folder or translations_dir())):
        app.installTranslator(english)
        installed.append(english)
    sources = (
        ("smugdesk", str(folder or translations_dir())),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, where in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
