"""The preview follows the writer: the caret's block while typing, the editor's top line
while scrolling, and the editor's place when a post is opened (real window, real preview)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import Qt
from qt_helpers import run_js, wait_preview

PARAGRAPHS = 120


def long_post(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(
        f"Paragraph {n} of {title}: the ward rounds start at eight and end when they end."
        for n in range(1, PARAGRAPHS + 1)
    )
    path = folder / name
    path.write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")
    return path


def wait_js(qtbot, window, script: str, timeout: float = 10.0):
    """Poll ``script`` in the preview until it gives a true value; return that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = run_js(qtbot, window, script)
        if value or time.monotonic() > deadline:
            assert value, f"never true in the preview: {script}"
            return value
        qtbot.wait(20)


def visible(text: str) -> str:
    """JS: the block containing ``text`` is wholly inside the preview's window."""
    return (
        "(() => { const el = Array.from(document.querySelectorAll('#sd-body > *'))"
        f".find((e) => e.textContent.includes({json.dumps(text)}));"
        " if (!el) return false; const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )


AT_END = (
    "window.scrollY > 0"
    " && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2"
)


def first_visible_paragraph(qtbot, window) -> int:
    return run_js(
        qtbot,
        window,
        "(() => { const el = Array.from(document.querySelectorAll('#sd-body > p'))"
        ".find((e) => e.getBoundingClientRect().bottom > 0);"
        " return Number(el.textContent.match(/Paragraph (\\d+)/)[1]); })()",
    )


def open_post(qtbot, window, path: Path) -> None:
    assert window.open_path(path)
    wait_preview(qtbot, window)


def test_typing_at_the_end_of_a_long_post_keeps_the_new_words_in_view(qtbot, window, tmp_path):
    open_post(qtbot, window, long_post(tmp_path / "drafts", "rounds.md", "Rounds"))
    editor = window.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for words in ("The last words of the night.", "And a postscript, typed at the end."):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, words)
    wait_preview(qtbot, window)
    wait_js(qtbot, window, visible("And a postscript, typed at the end."))
    assert run_js(qtbot, window, AT_END)


def test_typing_in_the_middle_shows_the_caret_block_not_the_top_line(qtbot, window, tmp_path):
    open_post(qtbot, window, long_post(tmp_path / "drafts", "rounds.md", "Rounds"))
    editor = window.editor
    editor.setFocus()
    # The editor shows paragraphs from about 40 on; the caret is in the last one it shows.
    top = editor.document().findBlockByNumber(4 + 2 * 39)
    editor.verticalScrollBar().setValue(top.firstLineNumber())
    last_shown = editor.cursorForPosition(editor.viewport().rect().bottomLeft()).block()
    while not last_shown.text().startswith("Paragraph"):
        last_shown = last_shown.previous()
    cursor = editor.textCursor()
    cursor.setPosition(last_shown.position() + len("Paragraph "))
    editor.setTextCursor(cursor)
    number = last_shown.text().split()[1]
    qtbot.keyClicks(editor, "9")  # "Paragraph 99…": the block being edited
    wait_preview(qtbot, window)
    wait_js(qtbot, window, visible(f"Paragraph 9{number} of Rounds"))


def test_scrolling_without_typing_follows_the_top_line_and_reaches_the_end(qtbot, window, tmp_path):
    open_post(qtbot, window, long_post(tmp_path / "drafts", "rounds.md", "Rounds"))
    editor = window.editor
    bar = editor.verticalScrollBar()
    block = editor.document().findBlockByNumber(4 + 2 * 59)  # "Paragraph 60"
    bar.setValue(block.firstLineNumber())
    qtbot.waitUntil(lambda: abs(first_visible_paragraph(qtbot, window) - 60) <= 1, timeout=5000)
    bar.setValue(bar.maximum())
    wait_js(qtbot, window, AT_END)


def test_opening_another_post_shows_its_top_not_the_last_posts_place(qtbot, window, tmp_path):
    drafts = tmp_path / "drafts"
    first = long_post(drafts, "rounds.md", "Rounds")
    second = long_post(drafts, "visits.md", "Visits")
    open_post(qtbot, window, first)
    bar = window.editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    wait_js(qtbot, window, AT_END)
    window.commands.sync_scroll.setChecked(False)  # even without scroll sync
    open_post(qtbot, window, second)
    wait_js(qtbot, window, visible("Paragraph 1 of Visits"))
    assert run_js(qtbot, window, "window.scrollY") == 0


def test_a_restored_post_opens_its_preview_at_the_remembered_place(qtbot, window, tmp_path):
    path = long_post(tmp_path / "drafts", "rounds.md", "Rounds")
    editor = window.editor
    open_post(qtbot, window, path)
    block = editor.document().findBlockByNumber(4 + 2 * 79)  # "Paragraph 80"
    editor.verticalScrollBar().setValue(block.firstLineNumber())
    remembered = window.open_post_state()
    # Another folder: the preview's page is rebuilt for each, so the place is asked for
    # before the page is ready.
    open_post(qtbot, window, long_post(tmp_path / "elsewhere", "visits.md", "Visits"))
    assert window.open_path(path)
    window.restore_position(remembered)
    wait_preview(qtbot, window)
    qtbot.waitUntil(lambda: editor_top_paragraph(editor) > 40)  # not the post's top

    def same_place() -> bool:
        return abs(first_visible_paragraph(qtbot, window) - editor_top_paragraph(editor)) <= 1

    qtbot.waitUntil(same_place, timeout=5000)


def editor_top_paragraph(editor) -> int:
    block = editor.cursorForPosition(editor.viewport().rect().topLeft()).block()
    while block.isValid() and not block.text().startswith("Paragraph"):
        block = block.next()
    return int(block.text().split()[1]) if block.isValid() else 0


# The network's state as the page sees it. A stand-in: a test cannot take the machine's
# network down, so the isolated world's navigator says offline and the browser's own
# "offline" event is sent, as Chromium does when the last interface goes down.
GO_OFFLINE = (
    "Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});"
    " window.dispatchEvent(new Event('offline')); true"
)
GO_ONLINE = (
    "Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => true});"
    " window.dispatchEvent(new Event('online')); true"
)
PLAYER = (
    "(() => { const f = document.querySelector('.embed > iframe');"
    " const card = document.querySelector('.embed .embed-card');"
    " return JSON.stringify([f && !f.hidden && f.getBoundingClientRect().height > 0,"
    " card && card.textContent]); })()"
)


def test_without_network_an_embed_shows_its_title_and_link(qtbot, window, tmp_path):
    window.set_remote_content(True)
    editor = window.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    editor.insertPlainText("\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n")
    wait_preview(qtbot, window)
    wait_js(qtbot, window, "!!document.querySelector('.embed > iframe')")
    assert json.loads(run_js(qtbot, window, PLAYER)) == [True, None]

    run_js(qtbot, window, GO_OFFLINE)
    shown, card = json.loads(run_js(qtbot, window, PLAYER))
    assert not shown
    assert "YouTube video" in card and "youtube-nocookie.com/embed/dQw4w9WgXcQ" in card

    run_js(qtbot, window, GO_ONLINE)
    assert json.loads(run_js(qtbot, window, PLAYER)) == [True, None]


def test_an_embed_added_while_offline_shows_its_card_at_once(qtbot, window, tmp_path):
    window.set_remote_content(True)
    wait_preview(qtbot, window)
    run_js(qtbot, window, GO_OFFLINE)
    editor = window.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    editor.insertPlainText("\n\nhttps://vimeo.com/76979871\n")
    wait_preview(qtbot, window)
    shown, card = json.loads(run_js(qtbot, window, PLAYER))
    assert not shown
    assert "Vimeo video" in card and "player.vimeo.com/video/76979871" in card


def test_typing_in_the_front_matter_shows_the_top_of_the_preview(qtbot, window, tmp_path):
    open_post(qtbot, window, long_post(tmp_path / "drafts", "rounds.md", "Rounds"))
    editor = window.editor
    bar = editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    wait_js(qtbot, window, AT_END)
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1).position() + len("title: Rounds"))
    editor.setTextCursor(cursor)  # the editor shows the title line
    qtbot.keyClicks(editor, " at night")
    wait_preview(qtbot, window)
    wait_js(qtbot, window, "window.scrollY === 0")
