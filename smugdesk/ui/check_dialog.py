"""The check before a post goes out, in the window: Ctrl+Shift+K lists what core.checks
found, each line taking the writer to its place in the text; before a publish or an export
the same list stops the way when there are errors, unless the writer insists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.checks import ERROR, CheckError, Finding, Target, check_text, has_errors

SHORTCUT = "Ctrl+Shift+K"


class CheckDialog(QDialog):
    """What the check found. ``go_to`` is emitted with the finding the writer picks; with
    ``proceed`` set (before a publish or an export) an "… Anyway" button accepts."""

    go_to = Signal(object)

    def __init__(
        self, parent: QWidget | None, findings: list[Finding], *, proceed: str = ""
    ) -> None:
        super().__init__(parent)
        self.findings = findings
        self.setWindowTitle(self.tr("Check Before It Goes Out"))
        errors = sum(1 for item in findings if item.severity == ERROR)
        warnings = len(findings) - errors
        if not findings:
            summary = self.tr("Nothing to fix: no missing images, no broken links, no warnings.")
        else:
            summary = ", ".join(
                (
                    _count(errors, self.tr("error"), self.tr("errors")),
                    _count(warnings, self.tr("warning"), self.tr("warnings")),
                )
            )
            if proceed and errors:
                summary += self.tr(". Errors stop it going out: fix them, or go on anyway.")
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Problem"), self.tr("Line")])
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName(self.tr("Problems found"))
        self.list.setAlternatingRowColors(True)
        style = self.style()
        icons = {
            ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        # Errors first (they stop a publish), each group in the order of the text.
        for finding in sorted(findings, key=lambda item: item.severity != ERROR):
            item = QTreeWidgetItem([_sentence(finding.message), str(finding.line)])
            item.setIcon(0, icons.get(finding.severity, icons["warning"]))
            item.setToolTip(0, f"{finding.severity}: {finding.message}")
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, self.list.header().ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, self.list.header().ResizeMode.ResizeToContents)
        self.list.itemActivated.connect(lambda item, _column: self._go(item))
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.show_button = QPushButton(self.tr("&Show in Text"))
        self.show_button.setEnabled(bool(findings))
        self.show_button.clicked.connect(lambda: self._go(self.list.currentItem()))
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.anyway: QPushButton | None = None
        if proceed:
            self.anyway = self.buttons.addButton(proceed, QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setDefault(True)  # Enter does not send a post with errors by accident
            for button in (self.anyway, self.show_button):
                button.setAutoDefault(False)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        rows = self.list.sizeHintForRow(0) * len(findings) if findings else 0
        self.resize(640, max(220, min(480, 150 + rows)))

    def _go(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        self.go_to.emit(item.data(0, Qt.ItemDataRole.UserRole))
        if self.anyway is not None:
            self.reject()  # the writer went to fix it: nothing goes out now


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def show_place(editor, finding: Finding) -> None:
    """Select the finding's place in the editor and bring it into view."""
    length = len(editor.toPlainText())
    cursor = QTextCursor(editor.document())
    start = max(0, min(finding.offset, length))
    cursor.setPosition(start)
    cursor.setPosition(min(start + finding.length, length), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    editor.setFocus()


def findings_for(window, target: Target, *, speller: bool = True) -> list[Finding] | None:
    """Check the editor's text for ``target``; None (and the reason in the status bar)
    when the post cannot be checked."""
    misspelled: Callable[[str], bool] | None = None
    # The editor's own speller: what the check calls a mistake is what the text shows marked.
    highlighter = getattr(window.editor, "highlighter", None)
    checker = getattr(highlighter, "speller", None) if speller else None
    if checker is not None and hasattr(checker, "is_correct"):
        misspelled = lambda word: not checker.is_correct(word)  # noqa: E731
    path: Path | None = window.file.path or window.drafts / "untitled.md"
    try:
        return check_text(
            window.editor.toPlainText(), path, target, drafts=window.drafts, misspelled=misspelled
        )
    except CheckError as error:
        window.statusBar().showMessage(str(error), 8000)
        return None


def check_now(window) -> CheckDialog | None:
    """Ctrl+Shift+K: the check for any target, in a dialog that stays open while the writer
    fixes what it lists."""
    findings = findings_for(window, Target())
    if findings is None:
        return None
    old = getattr(window, "check_dialog", None)
    if old is not None:
        old.close()
    dialog = CheckDialog(window, findings)
    dialog.go_to.connect(lambda finding: show_place(window.editor, finding))
    dialog.setModal(False)
    window.check_dialog = dialog
    dialog.show()
    return dialog


def gate(window, target: Target, proceed: str, go_on: Callable[[], None], ignore=()) -> None:
    """Before a publish or an export: ``go_on()`` at once when the check finds no errors
    (warnings go to the status bar); otherwise the list, and ``go_on()`` only if the writer
    insists. Never blocks: the dialog is window-modal, not a nested event loop."""
    findings = findings_for(window, target)
    if findings is None:
        go_on()  # a post that cannot be parsed is refused by the publish itself, with why
        return
    findings = [item for item in findings if item.code not in ignore]
    if not has_errors(findings):
        if findings:
            window.statusBar().showMessage(
                window.tr("Check: %s (Ctrl+Shift+K lists them)")
                % _count(len(findings), window.tr("warning"), window.tr("warnings")),
                8000,
            )
        go_on()
        return
    dialog = CheckDialog(window, findings, proceed=proceed)
    dialog.go_to.connect(lambda finding: show_place(window.editor, finding))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.accepted.connect(go_on)
    window.check_dialog = dialog
    dialog.open()


def install(window) -> QAction:
    """The Ctrl+Shift+K action on the window (the menus may add it too)."""
    action = QAction(window.tr("&Check Post…"), window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setStatusTip(window.tr("Missing images, alt text, broken links… before it goes out"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: check_now(window))
    window.addAction(action)
    window.check_action = action
    return action
