"""Toolbar icons: the desktop's own (freedesktop icon names through QIcon.fromTheme), else
line drawings shipped here, drawn in the palette's text colour so they read on light and
dark toolbars alike."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QIcon, QPixmap

# action name → (freedesktop icon name, fallback drawing on a 24×24 grid)
TOOLBAR = {
    "new": ("document-new", '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M12 11v6M9 14h6"/>'),
    "open": ("document-open", '<path d="M3 6h6l2 2h10v11H3z"/><path d="M3 11h18"/>'),
    "save": (
        "document-save",
        '<path d="M5 3h11l3 3v15H5z"/><path d="M8 3v5h7V3"/><path d="M8 21v-7h8v7"/>',
    ),
    "insert_link": (
        "insert-link",
        '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/>'
        '<path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>',
    ),
    "insert_image": (
        "insert-image",
        '<rect x="3" y="5" width="18" height="14" rx="1"/><circle cx="9" cy="10" r="1.6"/>'
        '<path d="M4 18l6-6 4 4 2-2 4 4"/>',
    ),
    "insert_embed": (
        "video-x-generic",
        '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M10 9v6l5-3z"/>',
    ),
    "export_again": (
        "document-export",
        '<path d="M12 15V3M7 8l5-5 5 5"/><path d="M5 14v6h14v-6"/>',
    ),
    "publish": ("document-send", '<path d="M3 11l18-8-8 18-2-8z"/><path d="M11 13l10-10"/>'),
}


def drawn_icon(drawing: str, colour: QColor) -> QIcon:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24" '
        f'fill="none" stroke="{colour.name()}" stroke-width="1.7" stroke-linecap="round" '
        f'stroke-linejoin="round">{drawing}</svg>'
    )
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(svg.encode()), "SVG")
    return QIcon(pixmap)


def toolbar_icon(theme_name: str, drawing: str, colour: QColor) -> QIcon:
    """The desktop theme's icon when it has one, else the drawing in ``colour``."""
    if QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    return drawn_icon(drawing, colour)


def set_toolbar_icons(actions, colour: QColor) -> None:
    """Give the toolbar's actions their icons (again after a theme change: the drawings
    take the new text colour)."""
    for name, (theme_name, drawing) in TOOLBAR.items():
        getattr(actions, name).setIcon(toolbar_icon(theme_name, drawing, colour))
