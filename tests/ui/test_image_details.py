"""Click an image in the editor for its details (alt text, caption, alignment, size): the
Insert Image dialog's fields, and OK rewrites that image's markup as one undo step. And an
image chosen again is found by its bytes and reused, not copied twice."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt
from qt_helpers import drive_dialog

from smugdesk.core.figures import Figure, parse_figure
from smugdesk.ui.dialogs.image import ImageDialog
from smugdesk.ui.editor import MarkdownEditor

TEXT = """A ward 😀 at night.

![Nurses](p.assets/station.jpg){#k}

More text with ![logo](p.assets/logo.png) inside.
"""


def editor_with_images(qtbot, tmp_path) -> MarkdownEditor:
    assets = tmp_path / "p.assets"
    assets.mkdir()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(assets / "station.jpg")
    Image.new("RGBA", (64, 64), (0, 0, 0, 0)).save(assets / "logo.png")
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.post_folder = tmp_path
    editor.setPlainText(TEXT)
    editor.resize(700, 400)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def caret_at(editor: MarkdownEditor, text: str) -> None:
    whole = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(len(whole[: whole.index(text)].encode("utf-16-le")) // 2)
    editor.setTextCursor(cursor)


def test_a_click_on_the_chip_shows_the_details_and_ok_rewrites_the_image(qtbot, tmp_path):
    editor = editor_with_images(qtbot, tmp_path)
    assert editor.image_chip().isEmpty()  # the caret is in no image
    caret_at(editor, "Nurses")
    chip = editor.image_chip()
    assert not chip.isEmpty()
    editor.viewport().grab().save(str(tmp_path / "image-chip.png"))
    shown = {}

    def describe(dialog: ImageDialog) -> None:
        shown["alt"] = dialog.alt.text()
        shown["thumb"] = not dialog.preview.pixmap().isNull()
        shown["title"] = dialog.windowTitle()
        shown["file row"] = dialog.file.isVisible()
        dialog.alt.setText("Nurses at the station")
        qtbot.keyClicks(dialog.title, "The night shift")
        dialog.align.setCurrentIndex(dialog.align.findData("center"))
        dialog.width.setValue(480)
        dialog.grab().save(str(tmp_path / "image-details.png"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    seen = drive_dialog(ImageDialog, describe)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=chip.center().toPoint())
    assert seen and shown == {
        "alt": "Nurses",
        "thumb": True,
        "title": "Image Details: station.jpg",
        "file row": False,
    }
    line = editor.toPlainText().split("\n")[2]
    assert line == (
        '![Nurses at the station](p.assets/station.jpg "The night shift")'
        '{.align-center width="480" #k}'
    )
    assert parse_figure(line) == Figure(
        "Nurses at the station", "p.assets/station.jpg", "The night shift", "center", 480
    )
    assert editor.toPlainText().replace(line, "![Nurses](p.assets/station.jpg){#k}") == TEXT
    editor.undo()  # one step takes it all back
    assert editor.toPlainText() == TEXT


def test_a_double_click_on_an_inline_image_and_cancel_changes_nothing(qtbot, tmp_path):
    editor = editor_with_images(qtbot, tmp_path)
    caret_at(editor, "logo")
    spot = editor.cursorRect().center()
    caret_at(editor, "More")

    def cancel(dialog: ImageDialog) -> None:
        assert dialog.alt.text() == "logo"
        dialog.reject()

    seen = drive_dialog(ImageDialog, cancel)
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert seen
    assert editor.toPlainText() == TEXT
    assert not editor.document().isUndoAvailable()


def test_no_details_where_there_is_no_image(qtbot, tmp_path):
    editor = editor_with_images(qtbot, tmp_path)
    caret_at(editor, "ward")
    assert editor.image_at() is None and not editor.edit_image_details()
    menu = editor.context_menu_at(editor.cursorRect().center())
    assert "Image Details…" not in [action.text() for action in menu.actions()]
    caret_at(editor, "logo")
    menu = editor.context_menu_at(editor.cursorRect().center())
    assert menu.actions()[0].text() == "Image Details…"


def test_the_same_photo_chosen_again_is_reused_not_copied(qtbot, tmp_path):
    assets = tmp_path / "p.assets"
    assets.mkdir()
    Image.new("RGB", (320, 240), (200, 30, 30)).save(assets / "ward.jpg")
    camera = tmp_path / "DCIM"
    camera.mkdir()
    (camera / "IMG_2041.JPG").write_bytes((assets / "ward.jpg").read_bytes())
    Image.new("RGB", (320, 240), (30, 200, 30)).save(camera / "IMG_2042.JPG")
    dialog = ImageDialog(None, start_folder=camera, assets=assets)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(camera / "IMG_2041.JPG"))
    assert dialog.reused() and dialog.reused_path() == assets / "ward.jpg"
    assert "Already in this post as ward.jpg" in dialog.about.text()
    dialog.file.setText(str(camera / "IMG_2042.JPG"))
    assert not dialog.reused() and dialog.reused_path() is None
    assert "Already in this post" not in dialog.about.text()
    assert sorted(p.name for p in assets.iterdir()) == ["ward.jpg"]


def test_the_chip_stays_in_sight_when_the_image_ends_at_the_right_edge(qtbot, tmp_path):
    editor = editor_with_images(qtbot, tmp_path)
    editor.setWordWrapMode(editor.wordWrapMode().NoWrap)
    image = "![a wide image](p.assets/station.jpg)"
    width = editor.viewport().width()
    for pad in range(200):  # the image's end pushed to a few pixels from the right edge
        editor.setPlainText("x" * pad + " " + image)
        end = editor.textCursor()
        end.movePosition(end.MoveOperation.End)
        if editor.cursorRect(end).right() > width - 40:
            break
    caret_at(editor, "wide")
    chip = editor.image_chip()
    assert not chip.isEmpty() and chip.right() <= width
