"""Several posts open at once, in tabs: each keeps its own text, undo, caret and autosave;
the keys switch and close them; one shared preview renders only the post shown."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from qt_helpers import answer_dialog, preview_body, run_js, wait_preview

from smugdesk.core.session import OpenPost


def write_posts(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.md"
        path.write_text(
            f"---\ntitle: {name.title()}\n---\n\n{name.title()} body.\n" + "Filler line.\n" * 60,
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def open_all(qtbot, window, paths: list[Path]) -> None:
    for path in paths:
        assert window.open_path(path)
    wait_preview(qtbot, window)


def labels(window) -> list[str]:
    return [window.tabs.bar.tabText(i) for i in range(window.tabs.bar.count())]


def type_at_end(qtbot, window, text: str) -> None:
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, text)


def test_each_tab_keeps_its_own_text_undo_and_caret(qtbot, window, tmp_path):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    assert labels(window) == ["One", "Two"]  # the first post replaced the untouched new one
    assert window.tabs.bar.isVisible()

    window.show_tab(window.documents[0])
    cursor = window.editor.textCursor()
    cursor.setPosition(25)
    window.editor.setTextCursor(cursor)
    type_at_end(qtbot, window, "Only in one.")
    one_caret = window.editor.textCursor().position()

    window.show_tab(window.documents[1])
    assert "Only in one." not in window.editor.toPlainText()
    type_at_end(qtbot, window, "Only in two.")
    window.commands.undo.trigger()
    assert "Only in two." not in window.editor.toPlainText()  # undone in two...

    window.show_tab(window.documents[0])
    assert window.editor.toPlainText().endswith("Only in one.")  # ...and not in one
    assert window.editor.textCursor().position() == one_caret
    assert window.commands.undo.isEnabled()  # one's own history, ready to undo
    window.commands.undo.trigger()
    assert "Only in one." not in window.editor.toPlainText()


def test_the_keys_switch_tabs_and_ctrl_w_closes_without_asking_when_autosaved(
    qtbot, window, tmp_path, monkeypatch
):
    paths = write_posts(tmp_path, "alpha", "beta", "gamma")
    open_all(qtbot, window, paths)
    assert window.file.path == paths[2]

    def key(code, modifiers=Qt.KeyboardModifier.ControlModifier) -> Path:
        window.editor.setFocus()
        qtbot.keyClick(window.editor, code, modifiers)
        return window.file.path

    assert key(Qt.Key.Key_Tab) == paths[0]  # round the end
    assert key(Qt.Key.Key_PageDown) == paths[1]
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    assert key(Qt.Key.Key_Backtab, shift) == paths[0]
    assert key(Qt.Key.Key_PageUp) == paths[2]

    type_at_end(qtbot, window, "Last words for gamma.")
    asked: list[str] = []

    def ask(box) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel  # would keep the tab, had it asked

    monkeypatch.setattr(QMessageBox, "exec", ask)
    key(Qt.Key.Key_W)
    assert not asked, "a post with a file is saved, not asked about"
    assert "Last words for gamma." in paths[2].read_text(encoding="utf-8")
    assert [d.file.path for d in window.documents] == paths[:2]


def test_an_untitled_tab_with_words_asks_before_it_closes(qtbot, window, tmp_path):
    (post,) = write_posts(tmp_path, "kept")
    type_at_end(qtbot, window, "Untitled but precious")
    assert window.open_path(post)  # the typed-in new post keeps its tab
    assert len(window.documents) == 2
    untitled = window.documents[0]

    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Cancel, seen)
    assert not window.close_tab(untitled)
    assert seen and "Save the changes" in seen[0]
    assert window.document is untitled  # shown, so the writer sees what is asked about
    assert len(window.documents) == 2

    answer_dialog(QMessageBox.StandardButton.Discard, seen)
    assert window.close_tab(untitled)
    assert [d.file.path for d in window.documents] == [post]


def test_a_middle_click_closes_the_tab_under_it(qtbot, window, tmp_path):
    paths = write_posts(tmp_path, "left", "right")
    open_all(qtbot, window, paths)
    bar = window.tabs.bar
    centre = bar.tabRect(0).center()
    QTest.mouseClick(bar, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, centre)
    assert [d.file.path for d in window.documents] == [paths[1]]
    assert not bar.isVisible()  # one post left: no tab bar


def test_the_last_tab_closed_leaves_a_new_post(qtbot, window, tmp_path):
    (post,) = write_posts(tmp_path, "only")
    open_all(qtbot, window, [post])
    assert window.close_post()
    assert len(window.documents) == 1
    assert window.file.path is None
    assert window.document.pristine


def test_opening_an_open_post_from_the_library_shows_its_tab(qtbot, window, tmp_path):
    paths = write_posts(tmp_path / "drafts", "first", "second")
    open_all(qtbot, window, paths)
    assert window.library_control.open_post(paths[0])
    assert window.file.path == paths[0]
    assert len(window.documents) == 2


def test_only_the_shown_post_is_rendered_and_a_switch_shows_the_other(qtbot, window, tmp_path):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    submitted: list[str] = []
    submit = window.feed.worker.submit
    window.feed.worker.submit = lambda generation, text, *rest: (
        submitted.append(text),
        submit(generation, text, *rest),
    )
    hidden = window.documents[0]
    cursor = QTextCursor(hidden.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    for word in ("Typed", " while", " hidden."):
        cursor.insertText(word)  # as a publish's record or a reload would change it
    qtbot.wait(50)
    assert submitted == [], "an edit in a hidden tab made the preview work"
    assert "Two body." in preview_body(qtbot, window)

    window.show_tab(hidden)
    wait_preview(qtbot, window)
    body = preview_body(qtbot, window)
    assert "One body." in body and "Typed while hidden." in body
    assert "Two body." not in body
    assert window.windowTitle().startswith("One")


def test_a_tab_not_shown_autosaves_on_its_own_clock(qtbot, window, tmp_path):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    hidden = window.documents[0]
    hidden.autosave_timer.setInterval(50)
    cursor = QTextCursor(hidden.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("Kept while away.")
    assert window.document is not hidden
    qtbot.waitUntil(lambda: "Kept while away." in one.read_text(encoding="utf-8"), timeout=3000)
    assert not hidden.modified
    assert "Kept while away." not in two.read_text(encoding="utf-8")


def test_an_export_remembers_its_target_in_the_post_exported_not_the_one_shown(
    qtbot, window, tmp_path
):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    window.show_tab(window.documents[0])
    exported = window.document
    with qtbot.waitSignal(window.exported, timeout=10000):
        window.export_to("html", tmp_path / "out")
        window.show_tab(window.documents[1])  # the writer moves on while it runs
    assert "html" in exported.text().split("\n---", 1)[0]
    assert "html" not in window.document.text().split("\n---", 1)[0]
    assert window.close_tab(exported)  # no longer busy: it may close


def test_a_tab_being_published_does_not_close(qtbot, window, tmp_path):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    window._busy.add(window.document)  # what a publish under way does
    assert not window.close_tab()
    assert "being published" in window.statusBar().currentMessage()
    window._busy.clear()


def test_the_session_state_lists_the_tabs_and_the_one_shown(qtbot, window, tmp_path):
    paths = write_posts(tmp_path, "a", "b", "c")
    open_all(qtbot, window, paths)
    window.show_tab(window.documents[1])
    cursor = window.editor.textCursor()
    cursor.setPosition(30)
    window.editor.setTextCursor(cursor)
    window.new_post()  # untitled work is not in the session (its recovery slot has it)
    window.show_tab(window.documents[1])
    state = window.session_state()
    assert [Path(p.path) for p in state.posts] == paths
    assert state.current == 1
    assert state.posts[1].cursor == 30


def test_restoring_a_session_opens_every_tab_where_it_was(qtbot, window, tmp_path):
    paths = write_posts(tmp_path, "a", "b", "c")
    window.restore_session([OpenPost(str(p), cursor=20 + i) for i, p in enumerate(paths)], 2)
    wait_preview(qtbot, window)
    assert [d.file.path for d in window.documents] == paths
    assert window.file.path == paths[2]
    assert [d.editor.textCursor().position() for d in window.documents] == [20, 21, 22]
    assert "C body." in preview_body(qtbot, window)


def test_the_outline_and_find_bar_follow_the_tab_shown(qtbot, window, tmp_path):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    window.find_bar.open_find()
    window.find_bar.find.setText("Two body")
    assert window.find_bar.matches
    window.show_tab(window.documents[0])
    assert window.find_bar.editor is window.editor
    assert window.outline.editor is window.editor
    assert not window.find_bar.matches  # one has no "Two body"
    window.find_bar.close_bar()


def test_a_change_on_disk_to_a_hidden_tab_waits_to_be_asked_and_is_never_overwritten(
    qtbot, window, tmp_path
):
    one, two = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, [one, two])
    hidden = window.documents[0]
    hidden.autosave_timer.stop()
    cursor = QTextCursor(hidden.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("My unsaved line.")
    hidden.autosave_timer.stop()
    theirs = one.read_text(encoding="utf-8") + "Their line.\n"
    one.write_text(theirs, encoding="utf-8")
    os.utime(one, ns=(1, 1))  # a change even on a coarse clock
    seen: list[str] = []
    answer_dialog("Keep Mine", seen)  # for the question, whenever it comes
    window.disk_watch.check(hidden)  # what the file watcher does after it settles
    assert not seen and hidden.question_waiting  # not asked about a post not shown
    window.autosave(hidden)
    assert one.read_text(encoding="utf-8") == theirs  # and never written over

    window.show_tab(hidden)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "changed by another program" in seen[0]
    assert hidden.text().endswith("My unsaved line.")
    assert one.read_text(encoding="utf-8") == theirs


def test_each_untitled_tab_is_kept_in_its_own_recovery_copy(qtbot, window):
    type_at_end(qtbot, window, "First untitled words")
    first = window.document
    window.new_post()
    type_at_end(qtbot, window, "Second untitled words")
    second = window.document
    for document in (first, second):
        window.autosave(document)
    assert first.recovery.path != second.recovery.path
    assert "First untitled words" in first.recovery.path.read_text(encoding="utf-8")
    assert "Second untitled words" in second.recovery.path.read_text(encoding="utf-8")
    for document in (first, second):
        document.set_modified(False)


def test_switching_back_shows_the_preview_where_that_tabs_editor_is(qtbot, window, tmp_path):
    posts = []
    for name in ("rounds", "visits"):
        body = "\n\n".join(f"Paragraph {n} of {name}." for n in range(1, 121))
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\n---\n\n{body}\n", encoding="utf-8")
        posts.append(path)
    open_all(qtbot, window, posts)
    rounds = window.documents[0]
    window.show_tab(rounds)
    block = rounds.editor.document().findBlockByNumber(4 + 2 * 79)  # "Paragraph 80"
    rounds.editor.verticalScrollBar().setValue(block.firstLineNumber())
    window.show_tab(window.documents[1])  # visits: its own place, the top
    wait_preview(qtbot, window)
    window.show_tab(rounds)
    wait_preview(qtbot, window)
    first_shown = (
        "(() => { const el = Array.from(document.querySelectorAll('#sd-body > p'))"
        ".find((e) => e.getBoundingClientRect().bottom > 0);"
        " return el ? Number(el.textContent.match(/Paragraph (\\d+)/)[1]) : 0; })()"
    )

    def near_paragraph_80() -> bool:
        return abs(run_js(qtbot, window, first_shown) - 80) <= 2

    qtbot.waitUntil(near_paragraph_80, timeout=5000)


def test_distraction_free_hides_the_tab_bar_and_brings_it_back(qtbot, window, tmp_path):
    paths = write_posts(tmp_path, "one", "two")
    open_all(qtbot, window, paths)
    bar = window.tabs.bar
    window.commands.full_screen.trigger()
    assert not bar.isVisible()
    window.commands.next_tab.trigger()  # the keys still switch
    assert window.file.path == paths[0]
    window.commands.full_screen.trigger()
    assert bar.isVisible()
    window.close_tab()
    window.commands.full_screen.trigger()
    window.commands.full_screen.trigger()
    assert not bar.isVisible()  # one post: no bar, as before


def test_the_render_is_told_where_the_writer_is(qtbot, window, tmp_path):
    (post,) = write_posts(tmp_path, "long")
    open_all(qtbot, window, [post])
    focus: list[int] = []
    submit = window.feed.worker.submit
    window.feed.worker.submit = lambda generation, text, line=0: (
        focus.append(line),
        submit(generation, text, line),
    )
    block = window.editor.document().findBlockByNumber(40)
    cursor = window.editor.textCursor()
    cursor.setPosition(block.position())
    window.editor.setTextCursor(cursor)
    window.editor.textCursor().insertText("x")  # typing: the caret's line comes first
    wait_preview(qtbot, window)
    assert focus[-1] == 40
