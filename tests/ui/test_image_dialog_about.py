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


def test_a_thumbnail_and_the_posts_own_images_to_reuse(qtbot, tmp_path):
    import io
    import struct
    import time
    import zlib

    from smugdesk.ui.dialogs.image import ImageDialog

    assets = tmp_path / "p.assets"
    assets.mkdir()
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: the thumbnail is upright, as the target gets it
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(assets / "ward.jpg", exif=exif)
    Image.new("RGBA", (300, 300), (0, 0, 0, 0)).save(assets / "logo.png")
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    bomb = bytearray(buffer.getvalue())
    bomb[16:24] = struct.pack(">II", 40000, 40000)
    bomb[29:33] = struct.pack(">I", zlib.crc32(bytes(bomb[12:29])))
    (assets / "bomb.png").write_bytes(bytes(bomb))
    started = time.perf_counter()
    dialog = ImageDialog(None, start_folder=tmp_path, assets=assets)
    qtbot.addWidget(dialog)
    assert time.perf_counter() - started < 5  # the bomb is refused, not decoded
    names = [dialog.strip.item(i).text() for i in range(dialog.strip.count())]
    assert names == ["logo.png", "ward.jpg"]
    dialog.strip.itemClicked.emit(dialog.strip.item(1))
    assert dialog.file.text() == str(assets / "ward.jpg") and dialog.reused()
    picture = dialog.preview.pixmap()
    assert picture.height() == 160 and picture.width() < 160  # portrait: turned upright
    elsewhere = tmp_path / "other.png"
    Image.new("RGB", (20, 20)).save(elsewhere)
    dialog.file.setText(str(elsewhere))
    assert not dialog.reused()
    dialog.show()
    dialog.grab().save(str(tmp_path / "image-dialog-strip.png"))
