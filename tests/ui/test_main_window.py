"""The main window driven through real key events, with the real QtWebEngine preview."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from qt_helpers import answer_dialog, preview_body, run_js, wait_preview

POST = """---
title: A walk through the wards
date: 2026-03-14 08:00:00+01:00
tags: [hospital, video]
mood: hopeful   # a key smugdesk does not know
---

Intro paragraph.
"""


def type_text(qtbot, editor, text: str) -> None:
    """Type like a person: characters as key clicks, line breaks as the Return key."""
    for index, line in enumerate(text.split("\n")):
        if index:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)


def move_to_end(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_typing_updates_the_live_preview(qtbot, window):
    editor = window.editor
    editor.setFocus()
    move_to_end(qtbot, editor)
    type_text(qtbot, editor, "\n# Hello there\n\nSome *emphasis* and a `code` span.")
    wait_preview(qtbot, window)
    body = preview_body(qtbot, window)
    assert '<h1 id="hello-there">Hello there</h1>' in body
    assert "<em>emphasis</em>" in body
    assert "<code>code</code>" in body


def test_title_from_front_matter_appears_in_window_and_preview(qtbot, window):
    title = window.metadata.fields["title"]  # a new post starts in the Title field
    qtbot.keyClicks(title, "Visiting hours, explained")
    qtbot.keyClick(title, Qt.Key.Key_Return)  # on to the body
    wait_preview(qtbot, window)
    assert run_js(qtbot, window, "document.getElementById('sd-title').textContent") == (
        "Visiting hours, explained"
    )
    assert window.windowTitle().startswith("Visiting hours, explained")
    assert window.isWindowModified()


def test_update_patches_the_page_without_reloading_or_scrolling(qtbot, window):
    paragraphs = "\n\n".join(f"Paragraph number {n} about the clinic." for n in range(200))
    window.commands.sync_scroll.setChecked(False)  # the page's own scroll must survive
    window.editor.setPlainText(POST + paragraphs)
    wait_preview(qtbot, window)
    run_js(qtbot, window, "window.scrollTo(0, 1500); window.reloadMarker = 42; true")
    third = "document.querySelector('#sd-body p:nth-of-type(3)')"
    assert run_js(qtbot, window, f"{third} !== null")
    run_js(qtbot, window, f"window.keptNode = {third}; 1")

    window.editor.setFocus()
    move_to_end(qtbot, window.editor)
    qtbot.keyClicks(window.editor, " Updated today.")
    wait_preview(qtbot, window)

    assert "Updated today." in preview_body(qtbot, window)
    assert run_js(qtbot, window, "window.reloadMarker") == 42  # same page, not reloaded
    assert run_js(qtbot, window, "window.scrollY") == 1500
    # Unchanged blocks are the very same DOM nodes: only the changed paragraph was replaced.
    assert run_js(qtbot, window, f"window.keptNode === {third}")


@pytest.mark.parametrize("whole", [False, True], ids=["in chunks", "rendered whole"])
def test_an_edit_replaces_only_what_changed(qtbot, window, whole):
    """In chunks, or whole (a footnote cited from two places is numbered over the whole
    document), a paragraph that did not change stays the very same DOM node."""
    head = "A claim.[^a]\n\nThe same claim.[^a]\n\n[^a]: The source.\n\n" if whole else ""
    paragraphs = "\n\n".join(f"Paragraph number {n} about the clinic." for n in range(40))
    window.editor.setPlainText(POST + head + paragraphs)
    wait_preview(qtbot, window)
    assert ('id="fnref2:a"' in preview_body(qtbot, window)) == whole
    fifth = "Array.from(document.querySelectorAll('#sd-body p'))[5]"
    run_js(qtbot, window, f"window.keptNode = {fifth}; 1")
    move_to_end(qtbot, window.editor)
    qtbot.keyClicks(window.editor, " Updated today.")
    wait_preview(qtbot, window)
    assert "Updated today." in preview_body(qtbot, window)
    assert run_js(qtbot, window, f"window.keptNode === {fifth}")
    # From one way to the other and back, the page stays whole and right.
    window.editor.setPlainText(POST + ("" if whole else "\nA.[^b]\n\nB.[^b]\n\n[^b]: Note."))
    wait_preview(qtbot, window)
    body = preview_body(qtbot, window)
    assert "Paragraph number" not in body
    assert ('id="fnref2:b"' in body) != whole and body.startswith("<p>Intro paragraph.</p>")


def test_preview_shows_code_colours_tables_and_video_embeds(qtbot, window):
    window.editor.setPlainText(
        "Intro\n\n```python\ndef hello():\n    return 1\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "https://youtu.be/dQw4w9WgXcQ\n"
    )
    wait_preview(qtbot, window)
    body = preview_body(qtbot, window)
    assert 'class="codehilite"' in body and '<span class="k">def</span>' in body
    assert "<table>" in body
    # Offline by default: a card with the link, and no request to the video site.
    assert "iframe" not in body
    assert 'class="embed-url" href="https://youtu.be/dQw4w9WgXcQ"' in body
    colour = run_js(
        qtbot, window, "getComputedStyle(document.querySelector('.codehilite .k')).color"
    )
    assert colour not in ("rgb(0, 0, 0)", "")  # the Pygments stylesheet is applied


def test_broken_front_matter_previews_the_body_with_a_clear_message(qtbot, window):
    window.editor.setPlainText("---\ntitle: Lunch: a story\n---\n\nStill *here*.\n")
    wait_preview(qtbot, window)
    assert "<em>here</em>" in preview_body(qtbot, window)
    banner = run_js(qtbot, window, "document.getElementById('sd-problem').textContent")
    assert "not valid YAML" in banner and "quotes" in banner


def test_save_writes_the_file_and_reopening_restores_it(qtbot, make_window, tmp_path):
    window = make_window()
    window.editor.setPlainText(POST + "\nTyped in smugdesk, with an emoji 🎉.\n")
    target = tmp_path / "drafts" / "walk.md"
    assert window.save_to(target)
    assert not window.isWindowModified()
    assert target.read_text(encoding="utf-8") == window.editor.toPlainText()
    assert not list(target.parent.glob(".*.tmp"))  # the temp file was renamed away

    other = make_window()
    assert other.open_path(target)
    wait_preview(qtbot, other)
    assert other.editor.toPlainText() == window.editor.toPlainText()
    assert "mood: hopeful   # a key smugdesk does not know" in other.editor.toPlainText()
    assert other.windowTitle().startswith("A walk through the wards")
    assert "emoji 🎉" in preview_body(qtbot, other)


def test_ctrl_s_on_a_new_post_asks_where_and_suggests_the_drafts_folder(
    qtbot, window, tmp_path, monkeypatch
):
    asked = {}

    # Stand-in for the file dialog only (a native dialog cannot be driven offscreen).
    def fake_dialog(parent, caption, suggested, filters):
        asked["suggested"] = suggested
        return str(tmp_path / "drafts" / "chosen"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    title = window.metadata.fields["title"]
    qtbot.keyClicks(title, "Flu season, in numbers")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    wait_preview(qtbot, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked["suggested"] == str(tmp_path / "drafts" / "flu-season-in-numbers.md")
    saved = tmp_path / "drafts" / "chosen.md"
    assert "title: Flu season, in numbers" in saved.read_text(encoding="utf-8")
    assert not window.isWindowModified()


def test_crlf_file_keeps_its_line_endings(qtbot, window, tmp_path):
    path = tmp_path / "windows.md"
    path.write_bytes(POST.replace("\n", "\r\n").encode())
    assert window.open_path(path)
    window.editor.setFocus()
    move_to_end(qtbot, window.editor)
    qtbot.keyClicks(window.editor, "More.")
    assert window.save_to(None)
    data = path.read_bytes()
    assert data.endswith(b"Intro paragraph.\r\nMore.")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_text(qtbot, window):
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Precious words")
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Cancel, seen)
    assert not window.close_post()
    assert seen and "Save the changes" in seen[0]
    assert "Precious words" in window.editor.toPlainText()

    answer_dialog(QMessageBox.StandardButton.Discard, seen)
    assert window.close_post()
    assert "Precious words" not in window.editor.toPlainText()
    assert not window.isWindowModified()


def test_quitting_with_unsaved_changes_can_be_cancelled(qtbot, window):
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Not yet saved")
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Cancel, seen)
    window.close()
    assert seen
    assert window.isVisible()


def test_file_changed_by_another_program_is_never_silently_overwritten(qtbot, window, tmp_path):
    path = tmp_path / "shared.md"
    path.write_text(POST, encoding="utf-8")
    assert window.open_path(path)
    their_version = POST + "\nWritten by the sync tool.\n"
    path.write_text(their_version, encoding="utf-8")
    os.utime(path, ns=(1, 1))  # make the change visible even on a coarse clock

    window.editor.setFocus()
    move_to_end(qtbot, window.editor)
    qtbot.keyClicks(window.editor, "My edit.")
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Cancel, seen)
    assert not window.save_to(None)
    assert "changed by another program" in seen[0]
    assert path.read_text(encoding="utf-8") == their_version
    assert window.editor.toPlainText().endswith("My edit.")

    window.autosave()  # autosave must not overwrite it either
    assert path.read_text(encoding="utf-8") == their_version

    answer_dialog("Overwrite", seen)
    assert window.save_to(None)
    assert path.read_text(encoding="utf-8").endswith("My edit.")


def test_autosave_writes_shortly_after_typing_stops(qtbot, window, tmp_path):
    path = tmp_path / "auto.md"
    path.write_text(POST, encoding="utf-8")
    assert window.open_path(path)
    window.editor.setFocus()
    move_to_end(qtbot, window.editor)
    qtbot.keyClicks(window.editor, "Autosaved words.")
    qtbot.waitUntil(lambda: "Autosaved words." in path.read_text(encoding="utf-8"), timeout=6000)
    assert not window.isWindowModified()


def test_opening_a_file_that_is_not_a_post_says_why_and_keeps_the_app(qtbot, window, tmp_path):
    bad = tmp_path / "latin1.md"
    bad.write_bytes("caf\xe9 au lait".encode("latin-1"))
    window.editor.setPlainText("Keep me")
    window.editor.document().setModified(False)
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Ok, seen)
    assert not window.open_path(bad)
    assert "not valid UTF-8" in seen[0]
    assert window.editor.toPlainText() == "Keep me"
    assert bad.read_bytes() == "caf\xe9 au lait".encode("latin-1")  # never rewritten


def test_export_html_writes_a_standalone_page_with_its_images(qtbot, window, tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "images").mkdir(parents=True)
    png = Path(__file__).with_name("pixel.png").read_bytes()
    (drafts / "images" / "ward.png").write_bytes(png)
    window.editor.setPlainText(POST + "\n![The ward](images/ward.png)\n")
    assert window.save_to(drafts / "walk.md")

    out = tmp_path / "site"
    with qtbot.waitSignal(window.exported, timeout=10000) as blocker:
        window.export_to("html", out)
    result = blocker.args[0]
    page = Path(result.location)
    assert page == out / "walk.html"
    html = page.read_text(encoding="utf-8")
    assert "<title>A walk through the wards</title>" in html
    assert "<style>" in html and ".post-title" in html
    assert '<img alt="The ward" src="images/ward.png"' in html
    assert (out / "images" / "ward.png").read_bytes() == png


def test_preview_follows_the_editor_by_source_line(qtbot, window):
    sections = "\n\n".join(
        f"## Section {n}\n\n" + "\n\n".join(f"Line {n}.{k} of text." for k in range(8))
        for n in range(30)
    )
    window.editor.setPlainText(POST + sections)
    wait_preview(qtbot, window)
    assert 'data-line="' in preview_body(qtbot, window, lines=True)
    target = next(b for b in _blocks(window.editor) if b.text() == "## Section 20").blockNumber()
    # A block per step, folded front matter not counted: the line at the top.
    window.editor.verticalScrollBar().setValue(window.editor.scroll_value_for(target))
    heading_top = "document.getElementById('section-20').getBoundingClientRect().top"
    qtbot.waitUntil(lambda: abs(run_js(qtbot, window, heading_top)) < 40, timeout=5000)


def test_double_click_in_the_preview_shows_the_source(qtbot, window):
    window.editor.setPlainText(POST + "First paragraph.\n\n## Far heading\n\nLast words here.\n")
    wait_preview(qtbot, window)
    with qtbot.waitSignal(window.preview.page().goto_line, timeout=5000):
        run_js(
            qtbot,
            window,
            "document.querySelector('#sd-body p:last-of-type')"
            ".dispatchEvent(new MouseEvent('dblclick', {bubbles: true})); true",
        )
    qtbot.waitUntil(lambda: window.editor.textCursor().block().text() == "Last words here.")
    assert window.editor.hasFocus()


def _blocks(editor):
    block = editor.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()
