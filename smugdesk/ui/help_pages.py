"""Help pages inside the app, offline: the keyboard shortcuts (read from the menus, so the
page never disagrees with them), a Markdown guide, and a problem report to paste."""

from __future__ import annotations

import platform
import sys
from importlib import resources

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLocale, QSysInfo, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smugdesk import __version__


def menu_shortcuts(window) -> list[tuple[str, str, str, str]]:
    """(menu, command, keys, what it does) for every menu command, in menu order."""
    rows: list[tuple[str, str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path} → {_plain(action.text())}")
                continue
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            rows.append((path, _plain(action.text()), keys, action.statusTip()))

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), _plain(action.text()))
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """Help → Keyboard Shortcuts: every command and its keys, searchable."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 620)
        column = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search commands and keys"))
        self.search.setAccessibleName(self.tr("Search shortcuts"))
        self.search.setClearButtonEnabled(True)
        column.addWidget(self.search)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Command"), self.tr("Keys"), self.tr("Menu")])
        self.table.setAccessibleName(self.tr("Shortcuts"))
        rows = [(command, keys, menu, tip) for menu, command, keys, tip in menu_shortcuts(window)]
        rows += [
            (self.tr("Leave full screen"), "Esc", "", ""),
            (self.tr("Indent a list item"), "Tab", "", ""),
            (self.tr("Show a preview block's source"), self.tr("Double-click"), "", ""),
        ]
        for command, keys, menu, tip in rows:
            item = QTreeWidgetItem([command, keys, menu])
            item.setToolTip(0, tip)  # searched too: "full" finds Distraction-Free
            self.table.addTopLevelItem(item)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        column.addWidget(self.table, 1)
        self.none = QLabel()
        self.none.hide()
        column.addWidget(self.none)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        self.search.setFocus()

    def filter(self, text: str) -> int:
        """Show the rows whose command, keys or menu contain every word typed."""
        words = text.casefold().split()
        shown = 0
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            haystack = " ".join([*(item.text(c) for c in range(3)), item.toolTip(0)]).casefold()
            match = all(word in haystack for word in words)
            item.setHidden(not match)
            shown += match
        self.none.setText(self.tr("No command or key contains “%s”.") % text.strip())
        self.none.setVisible(shown == 0)
        return shown

    def shown_commands(self) -> list[str]:
        return [
            self.table.topLevelItem(i).text(0)
            for i in range(self.table.topLevelItemCount())
            if not self.table.topLevelItem(i).isHidden()
        ]


class MarkdownGuideDialog(QDialog):
    """Help → Markdown Guide: the marks a post uses, with the keys that type them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Markdown Guide"))
        self.resize(640, 720)
        column = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find in the guide (Enter: next)"))
        self.search.setAccessibleName(self.tr("Find in the guide"))
        self.search.setClearButtonEnabled(True)
        column.addWidget(self.search)
        self.page = QTextBrowser()
        self.page.setOpenLinks(False)  # offline and self-contained: nothing to follow
        self.page.setAccessibleName(self.tr("Markdown guide"))
        guide = resources.files("smugdesk.resources").joinpath("markdown-guide.html")
        self.page.setHtml(guide.read_text(encoding="utf-8"))
        column.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.search.textChanged.connect(lambda _text: self.find(from_start=True))
        self.search.returnPressed.connect(self.find)
        self.search.setFocus()

    def find(self, *, from_start: bool = False) -> bool:
        text = self.search.text()
        if not text:
            return False
        if from_start:
            cursor = self.page.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.page.setTextCursor(cursor)
        found = self.page.find(text)
        if not found:  # wrap around
            cursor = self.page.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.page.setTextCursor(cursor)
            found = self.page.find(text, QTextDocument.FindFlag(0))
        return found


def problem_report() -> str:
    """What a bug report needs, and nothing private (no paths, no accounts)."""
    try:
        from PySide6.QtWebEngineCore import qWebEngineChromiumVersion

        chromium = qWebEngineChromiumVersion()
    except (ImportError, AttributeError):
        chromium = "unknown"
    screen = QGuiApplication.primaryScreen()
    return "\n".join(
        [
            f"smugdesk {__version__}",
            f"Python {platform.python_version()} ({sys.implementation.name})",
            f"Qt {qVersion()}, PySide6 {pyside_version}, Chromium {chromium}",
            f"System: {QSysInfo.prettyProductName()} ({QSysInfo.currentCpuArchitecture()}),"
            f" kernel {QSysInfo.kernelVersion()}",
            f"Platform: {QGuiApplication.platformName()}"
            + (
                f", {screen.size().width()}×{screen.size().height()}"
                f" at {screen.devicePixelRatio():g}×"
                if screen
                else ""
            ),
            f"Locale: {QLocale().name()}",
        ]
    )


def report_problem(window: QWidget) -> str:
    """Help → Report a Problem: the details go to the clipboard, ready to paste."""
    text = problem_report()
    QGuiApplication.clipboard().setText(text)
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(window.tr("Report a Problem"))
    box.setText(
        window.tr(
            "The version and system details are copied. Paste them into your report, with "
            "what you did and what happened."
        )
    )
    box.setDetailedText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return text


def open_help(window: QWidget, kind: type[QDialog]) -> QDialog:
    """One help window of each kind, beside the post (not modal): a second ask raises it."""
    found = next((d for d in window.findChildren(kind) if d.isVisible()), None)
    dialog = found or kind(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
