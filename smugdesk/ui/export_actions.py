"""File → Export: the dialog, one-click re-export (Ctrl+E), progress, and the result."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressBar

from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.post import parse_post, serialize_post
from smugdesk.publish.base import resolve_options
from smugdesk.publish.registry import registry
from smugdesk.publish.remember import last_export, remember_export

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class _ExportSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)  # the exporter's result, or the SmugdeskError that stopped it


class Exporting(QObject):
    """File → Export and Ctrl+E: checks the shown post for the target, exports it in a
    thread with progress in the status bar, and remembers the target in the front matter
    of the post exported (the Document it started from, whichever tab is shown by then).
    Reports on the window's ``exported`` signal; keeps the post's tab open meanwhile
    (the window's ``_busy``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._export_signals = _ExportSignals(self)
        self._export_signals.done.connect(self._on_export_done)
        self._export_signals.progress.connect(self._on_export_progress)
        self._export_bar = QProgressBar()
        self._export_bar.setMaximumWidth(180)
        from smugdesk.ui.check_dialog import install as install_check

        check = install_check(
            self.window
        )  # Ctrl+Shift+K, first in the Blog menu: check, then publish
        first = self.window.blog_menu.actions()[0]
        self.window.blog_menu.insertAction(first, check)
        self.window.blog_menu.insertSeparator(first)
        self._export_bar.setAccessibleName(self.tr("Export progress"))
        self._export_bar.hide()
        self.window.statusBar().addPermanentWidget(self._export_bar)

    def export_dialog(self, name: str = "") -> None:
        from smugdesk.ui.dialogs.export import ExportDialog

        remembered = self._remembered_export()
        chosen = name or (remembered.target if remembered else "html")
        same = remembered is not None and remembered.target == chosen
        dialog = ExportDialog(
            self.window,
            registry().exporters,
            name=chosen,
            destination=str(remembered.folder) if same else "",
            options=remembered.options if same else {},
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.export_to(*dialog.chosen())

    def export_again(self) -> None:
        """Ctrl+E: export where this post went last time, or ask where."""
        remembered = self._remembered_export()
        if remembered is None or remembered.target not in registry().exporters:
            self.export_dialog()
            return
        self.export_to(remembered.target, remembered.folder, remembered.options)

    def _remembered_export(self):
        try:
            return last_export(parse_post(self.window.editor.toPlainText()))
        except FrontMatterError:
            return None

    def export_to(self, name: str, folder: Path, options: dict[str, Any] | None = None) -> None:
        """Check the post for this site first (errors stop it unless the writer insists),
        then export it."""
        from smugdesk.core.checks import Target
        from smugdesk.ui.check_dialog import gate

        try:
            size = int((options or {}).get("image_size") or 2048)
        except (TypeError, ValueError):
            size = 2048
        gate(
            self.window,
            Target(name, image_size=size),
            self.tr("Export Anyway"),
            lambda: self._export_checked(name, folder, options),
        )

    def _export_checked(
        self, name: str, folder: Path, options: dict[str, Any] | None = None
    ) -> None:
        """Export the editor's text in a worker thread; ``exported`` reports the outcome."""
        try:
            exporter = registry().get(name)
            ready, why = exporter.available()
            if not ready:
                raise SmugdeskError(f"{exporter.label} cannot run here: {why}")
            values = resolve_options(exporter, dict(options or {}))
            post = parse_post(self.window.editor.toPlainText(), self.window.file.path)
        except SmugdeskError as error:
            self._on_export_done(error)
            return
        # A publisher that commits and pushes (git) shows its plan before its first push.
        self._planning = self._needs_plan(exporter, name, folder, values)
        if self._planning:
            values["dry_run"] = True
        kept = {key: value for key, value in (options or {}).items() if key != "dry_run"}
        self._pending_export = (name, folder, kept)
        self._export_document = self.window.document  # the post the target is remembered in
        self.window._busy.add(self.window.document)
        if post.path is None:
            post.path = self.window.drafts / "untitled.md"  # relative images can only mean drafts/
        self._export_bar.setRange(0, 0)
        self._export_bar.show()
        self.window.statusBar().showMessage(self.tr("Exporting to %s…") % exporter.label)
        signals = self._export_signals

        def work() -> None:
            try:
                outcome = exporter.export(post, folder, values, signals.progress.emit)
            except SmugdeskError as error:
                outcome = error
            except Exception as error:  # a plug-in's bug must not take the app down
                outcome = SmugdeskError(f"the {name} exporter failed: {error!r}")
            signals.done.emit(outcome)

        threading.Thread(target=work, name=f"smugdesk-export-{name}", daemon=True).start()

    def _needs_plan(self, exporter: Any, name: str, folder: Path, values: dict) -> bool:
        if "dry_run" not in {option.name for option in exporter.options}:
            return False
        if values.get("dry_run"):
            return True  # asked for: the plan, then the same Publish or Cancel
        if getattr(self, "_plan_confirmed", None) == (name, Path(folder)):
            return False
        remembered = self._remembered_export()
        return remembered is None or (remembered.target, remembered.folder) != (name, Path(folder))

    def _confirm_plan(self, plan: Any) -> None:
        """What the first push would commit, with Publish and Cancel."""
        name, folder, options = self._pending_export
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Publish to git"))
        box.setText(self.tr("Commit and push this post?"))
        box.setInformativeText("\n".join(plan.notes))
        publish = box.addButton(self.tr("Publish"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def chosen() -> None:
            if box.clickedButton() is publish:
                self._plan_confirmed = (name, Path(folder))
                self.export_to(name, folder, options)

        box.finished.connect(chosen)
        box.setModal(False)
        self.window.git_plan_box = box  # kept for tests and so it is not collected
        box.show()

    def _remember(self, name: str, folder: Path, options: dict[str, Any], document=None) -> None:
        """Record the target in the post's front matter (``document``: the post exported,
        which may be in another tab by now), as one undoable edit."""
        editor = (document or self.window.document).editor
        text = editor.toPlainText()
        try:
            post = parse_post(text)
        except FrontMatterError:
            return
        remember_export(post, name, folder, options)
        new_text = serialize_post(post).replace("\r\n", "\n")
        if new_text == text:
            return
        position = editor.textCursor().position() + len(new_text) - len(text)
        cursor = QTextCursor(editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(new_text)
        restored = editor.textCursor()
        restored.setPosition(max(0, min(position, len(new_text))))
        editor.setTextCursor(restored)

    def _on_export_progress(self, done: int, total: int, message: str) -> None:
        self._export_bar.setRange(0, max(total, 1))
        self._export_bar.setValue(done)
        self.window.statusBar().showMessage(message)

    def _on_export_done(self, outcome: object) -> None:
        planning, self._planning = getattr(self, "_planning", False), False
        document, self._export_document = getattr(self, "_export_document", None), None
        document = document or self.window.document
        self.window._busy.discard(document)
        self._export_bar.hide()
        self.window.statusBar().clearMessage()
        location = getattr(outcome, "location", None)
        if isinstance(outcome, SmugdeskError) or not location:
            message = (
                str(outcome)
                if isinstance(outcome, SmugdeskError)
                else self.tr("the exporter finished without saying where the post went")
            )
            QMessageBox.warning(self.window, self.tr("Export failed"), message)
        elif planning:
            self._confirm_plan(outcome)
        else:
            # Only a success is remembered: a failed export leaves the draft untouched.
            self._remember(*self._pending_export, document=document)
            self._show_result(Path(location), list(getattr(outcome, "notes", None) or ()))
        self.window.exported.emit(outcome)

    def _show_result(self, location: Path, notes: list[str] | None = None) -> None:
        self.window.statusBar().showMessage(self.tr("Exported to %s") % location, 10000)
        box = QMessageBox(self.window)
        # "images: 3 images, 11 MB → 1.2 MB" is news, not a warning; the rest are.
        problems = [note for note in notes or () if not note.startswith("images: ")]
        box.setIcon(QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Exported"))
        box.setText(self.tr("The post was exported to:\n%s") % location)
        if notes:  # what the exporter left out (an image outside the post's folder…), why
            box.setInformativeText("\n".join(f"• {note}" for note in notes))
        folder = box.addButton(self.tr("Open Folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(location.parent)))
        )
        if location.suffix.lower() in (".html", ".htm"):
            browser = box.addButton(self.tr("Open in Browser"), QMessageBox.ButtonRole.ActionRole)
            browser.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(location)))
            )
        box.addButton(QMessageBox.StandardButton.Close)
        box.setModal(False)
        self.window.export_result_box = box  # kept for tests and so it is not collected
        box.show()
