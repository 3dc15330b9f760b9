"""The Insert Image dialog says what the chosen photo is and that it records where it was
taken (its GPS position is removed when the post goes out): a real photo made with Pillow."""

from __future__ import annotations

from PIL import Image


def test_the_dialog_says_a_photo_records_where_it_was_taken(qtbot, tmp_path):
    from smugdesk.ui.dialogs.image import ImageDialog

    photo = tmp_path / "IMG_0042.jpg"
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    Image.new("RGB", (640, 480), (20, 90, 160)).save(photo, exif=exif)
    dialog = ImageDialog(None, start_folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.about.text() == ""
    dialog.file.setText(str(photo))
    assert dialog.about.text().startswith("640×480, ")
    assert "records where it was taken (GPS): removed when the post goes out" in (
        dialog.about.text()
    )
    dialog.show()
    dialog.grab().save(str(tmp_path / "image-dialog.png"))
    dialog.file.setText(str(tmp_path / "missing.jpg"))
    assert dialog.about.text() == ""


def test_caption_alignment_and_width_make_a_figure(qtbot, tmp_path):
    from smugdesk.core.figures import Figure, parse_figure
    from smugdesk.ui.dialogs.image import ImageDialog

    photo = tmp_path / "station.png"
    Image.new("RGB", (640, 480)).save(photo)
    dialog = ImageDialog(None, start_folder=tmp_path, file=photo)
    qtbot.addWidget(dialog)
    dialog.alt.setText("Nurses at the station")
    assert not dialog.is_figure()
    assert (
        dialog.markdown("p.assets/station.png") == "![Nurses at the station](p.assets/station.png)"
    )
    qtbot.keyClicks(dialog.title, 'The "night" shift')
    dialog.align.setCurrentIndex(dialog.align.findData("center"))
    dialog.width.setValue(480)
    assert dialog.is_figure()
    written = dialog.markdown("p.assets/station.png")
    assert parse_figure(written) == Figure(
        "Nurses at the station", "p.assets/station.png", 'The "night" shift', "center", 480
    )
    dialog.show()
    dialog.grab().save(str(tmp_path / "image-dialog-figure.png"))
