"""Insert Image: pick a file, describe it (alt text), and it is copied beside the post."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.asset_reuse import same_asset
from smugdesk.core.assets import IMAGE_SUFFIXES, suggest_alt_text
from smugdesk.core.image_markup import ImageMarkup, image_markdown

IMAGE_FILTER = "Images (" + " ".join(f"*{s}" for s in IMAGE_SUFFIXES) + ");;All files (*)"


class ImageDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        start_folder: Path,
        file: Path | None = None,
        assets: Path | None = None,
        details: ImageMarkup | None = None,
    ):
        """``details``: an image already in the post, to describe again (Image Details):
        no file to choose, its markup rewritten from the fields."""
        super().__init__(parent)
        self._assets = assets
        self._same: Path | None = None  # the post's own copy of the chosen file
        self.details = details
        self.setWindowTitle(
            self.tr("Image Details: %s") % Path(details.src).name
            if details
            else self.tr("Insert Image")
        )
        self._start = start_folder
        self.file = QLineEdit(str(file) if file else "")
        self.file.setAccessibleName(self.tr("Image file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file)
        row.addWidget(browse)
        self.alt = QLineEdit()
        self.alt.setPlaceholderText(self.tr("Describe the image for people who cannot see it"))
        self.alt.setAccessibleName(self.tr("Alternative text"))
        self.title = QLineEdit()  # the caption: Markdown's image title
        self.title.setAccessibleName(self.tr("Caption"))
        self.title.setPlaceholderText(self.tr("Shown under the image (optional)"))
        self.align = QComboBox()
        self.align.setAccessibleName(self.tr("Alignment"))
        for label, value in (
            (self.tr("As the text flows"), ""),
            (self.tr("Left, text beside it"), "left"),
            (self.tr("Centred"), "center"),
            (self.tr("Right, text beside it"), "right"),
        ):
            self.align.addItem(label, value)
        self.width = QSpinBox()
        self.width.setAccessibleName(self.tr("Display width"))
        self.width.setRange(0, 4000)
        self.width.setSingleStep(40)
        self.width.setSuffix(self.tr(" px"))
        self.width.setSpecialValueText(self.tr("The column's width"))
        idiom = QLabel(
            self.tr(
                "With a caption, an alignment or a width the image becomes a figure: "
                "<figure> in the HTML page, Jekyll and Pelican, Hugo's figure shortcode, "
                "an image block on WordPress."
            )
        )
        idiom.setWordWrap(True)
        idiom.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(
            self.tr(
                "The image is copied into the post's own folder; the original stays. What a "
                "site or blog receives is made from it: upright, no larger than the target "
                "takes (2048 pixels unless set otherwise), without its metadata."
            )
        )
        hint.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setFixedSize(THUMB, THUMB)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Thumbnail of the image"))
        # The post's own images, to reuse one instead of copying it again.
        self.strip = QListWidget()
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(QSize(STRIP, STRIP))
        self.strip.setFixedHeight(STRIP + 34)
        self.strip.setAccessibleName(self.tr("Images already in this post"))
        self.strip.itemClicked.connect(
            lambda item: self.file.setText(item.data(Qt.ItemDataRole.UserRole))
        )
        self._fill_strip()
        # What this photo is, and whether it tells where it was taken.
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAccessibleName(self.tr("About the image"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.file)  # a row holding a layout gets no buddy by itself
        form.addRow(file_label, row)
        form.addRow("", self.about)
        form.addRow(self.tr("&Alt text:"), self.alt)
        form.addRow(self.tr("Ca&ption:"), self.title)
        form.addRow(self.tr("Ali&gnment:"), self.align)
        form.addRow(self.tr("Displa&y width:"), self.width)
        form.addRow("", idiom)
        if details is not None:
            self._show_details(details, form, hint)
        layout = QVBoxLayout(self)
        if self.strip.count() and details is None:
            layout.addWidget(QLabel(self.tr("In this post (click to use again):")))
            layout.addWidget(self.strip)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.file.textChanged.connect(self._file_changed)
        self._file_changed(self.file.text())
        self.resize(680, self.sizeHint().height())

    def _show_details(self, details: ImageMarkup, form: QFormLayout, hint: QLabel) -> None:
        """Fill the fields from the image's markup; the file is the one it names, not
        chosen again here."""
        self.file.setReadOnly(True)
        form.setRowVisible(0, False)
        hint.hide()
        self.alt.setText(details.alt)
        self.alt.setModified(True)  # the writer's words, not a suggestion from the name
        self.title.setText(details.caption)
        self.align.setCurrentIndex(max(0, self.align.findData(details.align)))
        self.width.setValue(details.width)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an Image"), str(self._start), IMAGE_FILTER
        )
        if path:
            self.file.setText(path)

    def _file_changed(self, text: str) -> None:
        path = Path(text.strip()) if text.strip() else None
        if path and not self.alt.isModified():
            self.alt.setText(suggest_alt_text(path.name))
        found = bool(path and path.is_file())
        about = _about(path) if path and found else ""
        self._same = same_asset(path, self._assets) if found and self._assets else None
        if self._same is not None and self.details is None and path != self._same:
            about += (
                "\n"
                + self.tr("Already in this post as %s: that copy is used again, not copied twice.")
                % self._same.name
            )
        self.about.setText(about.strip())
        thumb = thumbnail(path, THUMB) if path and found else QPixmap()
        self.preview.setPixmap(thumb)
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(found or self.details is not None)

    def chosen(self) -> tuple[Path, str, str]:
        return Path(self.file.text().strip()), self.alt.text().strip(), self.title.text().strip()

    def _fill_strip(self) -> None:
        if self._assets is None or not self._assets.is_dir():
            return
        try:
            names = sorted(p for p in self._assets.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        except OSError:
            return
        for path in names[:24]:  # decoded here, on the UI thread: a few, small
            picture = thumbnail(path, STRIP)
            if picture.isNull():
                continue
            item = QListWidgetItem(QIcon(picture), path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(path.name)
            self.strip.addItem(item)

    def reused(self) -> bool:
        """The chosen file is already the post's own (the same bytes, wherever it was
        chosen from): insert it without copying it again (``reused_path``)."""
        return self._same is not None

    def reused_path(self) -> Path | None:
        """The post's own copy of the chosen image, or None."""
        return self._same

    def details_markdown(self) -> str:
        """The image's markup rewritten from the fields (Image Details), its other
        attributes kept."""
        assert self.details is not None
        return image_markdown(
            self.alt.text().strip(),
            self.details.src,
            self.title.text().strip(),
            self.align.currentData(),
            self.width.value(),
            self.details.other,
        )

    def is_figure(self) -> bool:
        """A caption, an alignment or a width: the image stands in its own paragraph."""
        return bool(self.title.text().strip() or self.align.currentData() or self.width.value())

    def markdown(self, relative: str) -> str:
        """The Markdown for the image stored at ``relative`` (see core.figures)."""
        from smugdesk.core.figures import markdown_figure
        from smugdesk.core.links import markdown_image

        alt, caption = self.alt.text().strip(), self.title.text().strip()
        if not self.is_figure():
            return markdown_image(alt, relative)
        return markdown_figure(alt, relative, caption, self.align.currentData(), self.width.value())


def _about(path: Path) -> str:
    from smugdesk.publish.image_prep import describe

    return describe(path)


THUMB = 160  # the chosen image's thumbnail, in pixels
STRIP = 64  # the post's images in the strip


def thumbnail(path: Path, size: int) -> QPixmap:
    """A small picture of an image, decoded at its small size (Qt scales JPEG while it
    decodes, and refuses images over its allocation limit); empty when Qt cannot read it
    (HEIC, a damaged file)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # upright, as the target will get it
    found = reader.size()
    if not found.isValid() or found.isEmpty():
        return QPixmap()
    if found.width() > size or found.height() > size:  # never enlarged
        reader.setScaledSize(found.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()
