"""Export dialog: choose an exporter and a folder; its settings form is built from the
options the exporter declares, so a plug-in gets a form without smugdesk knowing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smugdesk.publish.base import Exporter, Option


def _field(option: Option, value: Any) -> QWidget:
    if option.type is bool:
        widget = QCheckBox()
        widget.setChecked(bool(value))
    elif option.type is int:
        widget = QSpinBox()
        widget.setRange(-1_000_000, 1_000_000)
        widget.setValue(int(value))
    else:
        widget = QLineEdit(str(value))
    widget.setToolTip(option.help)
    widget.setAccessibleName(option.help or option.name)
    return widget


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    return widget.text()


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        exporters: dict[str, Exporter],
        *,
        name: str = "",
        destination: str = "",
        options: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Post"))
        self._exporters = exporters
        self._remembered = {name: dict(options or {})} if name else {}
        self._fields: dict[str, QWidget] = {}

        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Export to"))
        for key, exporter in sorted(exporters.items()):
            self.target.addItem(exporter.label, key)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.folder = QLineEdit(destination)
        self.folder.setAccessibleName(self.tr("Destination folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.settings = QFormLayout()

        form = QFormLayout()
        form.addRow(self.tr("Export &to:"), self.target)
        form.addRow("", self.why)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)  # a row holding a layout gets no buddy by itself
        form.addRow(folder_label, row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.settings)
        layout.addWidget(self.buttons)

        self.target.currentIndexChanged.connect(self._exporter_changed)
        self.folder.textChanged.connect(self._update_ok)
        index = self.target.findData(name)
        self.target.setCurrentIndex(max(index, 0))
        self._exporter_changed()
        self.resize(560, self.sizeHint().height())

    @property
    def exporter(self) -> Exporter:
        return self._exporters[self.target.currentData()]

    def _exporter_changed(self) -> None:
        while self.settings.rowCount():
            self.settings.removeRow(0)
        self._fields = {}
        remembered = self._remembered.get(self.exporter.name, {})
        for option in self.exporter.options:
            widget = _field(option, remembered.get(option.name, option.default))
            self._fields[option.name] = widget
            self.settings.addRow(option.name.replace("_", " ").capitalize() + ":", widget)
        ready, why = self.exporter.available()
        self.why.setText("" if ready else self.tr("Not available here: %s") % why)
        self._update_ok()

    def _update_ok(self) -> None:
        ready, _ = self.exporter.available()
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(ready and bool(self.folder.text().strip()))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export to folder"), self.folder.text() or str(Path.home())
        )
        if folder:
            self.folder.setText(folder)

    def chosen(self) -> tuple[str, Path, dict[str, Any]]:
        options = {name: _value(widget) for name, widget in self._fields.items()}
        return self.exporter.name, Path(self.folder.text().strip()).expanduser(), options
