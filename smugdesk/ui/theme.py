"""Light and dark: follow the system unless the writer chose one in Preferences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    if not dark:
        return QApplication.style().standardPalette()
    roles = {
        QPalette.ColorRole.Window: "#22272e",
        QPalette.ColorRole.WindowText: "#e3e6ea",
        QPalette.ColorRole.Base: "#1b1f24",
        QPalette.ColorRole.AlternateBase: "#242a31",
        QPalette.ColorRole.Text: "#e3e6ea",
        QPalette.ColorRole.Button: "#2d333b",
        QPalette.ColorRole.ButtonText: "#e3e6ea",
        QPalette.ColorRole.Highlight: "#316dca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2d333b",
        QPalette.ColorRole.ToolTipText: "#e3e6ea",
        QPalette.ColorRole.PlaceholderText: "#768390",
        QPalette.ColorRole.Link: "#6cb6ff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7681"))
    return palette


def apply_theme(theme: str) -> bool:
    """Set the application's look; returns whether it is dark (for the editor and preview).
    A chosen theme uses Fusion, which honours a palette everywhere; "system" leaves the
    platform's own style and colours alone."""
    app = QApplication.instance()
    dark = is_dark(theme)
    if theme != "system":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(_palette(dark))
        app.setStyleSheet(DARK_FIELDS if dark else "")
    return dark


# Fusion draws a field's frame a shade darker than the window: on a dark window it vanishes,
# and a form reads as loose labels. Fields get a visible edge, and a blue one with focus.
DARK_FIELDS = """
QLineEdit {
    border: 1px solid #545d68;
    border-radius: 3px;
    padding: 2px 4px;
    background: #1b1f24;
    selection-background-color: #316dca;
}
QLineEdit:focus { border-color: #539bf5; }
QLineEdit:disabled { border-color: #373e47; color: #6e7681; }
"""
