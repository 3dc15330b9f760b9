"""What an export left out reaches the writer: an image outside the post's folder is
named, with the reason, in the export's result box (and on stderr in the CLI: tests/cli)."""

from __future__ import annotations

from pathlib import Path

PNG = (Path(__file__).parent / "pixel.png").read_bytes()


def test_the_result_box_names_each_image_left_out_and_why(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    (tmp_path / "secret.png").write_bytes(PNG + b"SECRET")
    drafts = tmp_path / "drafts"
    (drafts / "p.assets").mkdir(parents=True)
    (drafts / "p.assets" / "own.png").write_bytes(PNG)
    (drafts / "p.assets" / "notes.png").write_text("plain text", encoding="utf-8")
    draft = drafts / "p.md"
    draft.write_text(
        "---\ntitle: P\n---\n\n![own](p.assets/own.png)\n\n![secret](../secret.png)\n\n"
        "![notes](p.assets/notes.png)\n",
        encoding="utf-8",
    )
    assert window.open_path(draft)
    with qtbot.waitSignal(window.exported, timeout=10000) as done:
        window.export_to("html", tmp_path / "out")
        window.check_dialog.anyway.click()  # the pre-export check stops it first: insist
    box = window.export_result_box
    text = box.informativeText()
    assert "../secret.png: outside the post's folder" in text
    assert "p.assets/notes.png: not an image" in text
    assert "own.png" not in text
    assert box.icon() == QMessageBox.Icon.Warning
    assert done.args[0].notes and not (tmp_path / "out" / "images" / "secret.png").exists()
    box.close()


def test_a_clean_export_has_no_notes(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    with qtbot.waitSignal(window.exported, timeout=10000):
        window.export_to("html", tmp_path / "out")
    assert window.export_result_box.informativeText() == ""
    assert window.export_result_box.icon() == QMessageBox.Icon.Information
    window.export_result_box.close()
