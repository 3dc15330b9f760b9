"""The front matter folds away while the details form is shown, so each field is edited
in one place; nothing the writer does through the fold loses or changes text.

The editor and form are real widgets laid out as the window lays them out (form above the
editor); the form's edits reach the text through the window's own ``replace_span``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sample_posts import POST

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.front_edit import set_field
from smugdesk.core.post import new_post_text
from smugdesk.ui.editor import MarkdownEditor
from smugdesk.ui.find_bar import FindBar
from smugdesk.ui.metadata_form import MetadataForm
from smugdesk.ui.metadata_sync import replace_span

CLOSING = 8  # the sample post's closing --- line


class Column(QWidget):
    """The window's writing column: the details form over the editor, kept in step."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.form = MetadataForm()
        self.editor = MarkdownEditor()
        layout.addWidget(self.form)
        layout.addWidget(self.editor)
        self.form.field_edited.connect(self.apply)
        self.editor.textChanged.connect(lambda: self.form.show_text(self.editor.toPlainText()))

    def apply(self, key: str, typed: str) -> None:
        text = self.editor.toPlainText()
        try:
            edit = set_field(text, key, typed)
        except FrontMatterError as error:
            self.form.show_problem(str(error))
            return
        if edit.text != text:
            replace_span(self.editor, text, edit)


@pytest.fixture
def column(qtbot):
    made = Column()
    qtbot.addWidget(made)
    made.resize(900, 700)
    made.show()
    qtbot.waitExposed(made)
    made.editor.setPlainText(POST)
    made.form.show_text(POST, fresh=True)
    return made


def hidden_lines(editor: MarkdownEditor) -> list[int]:
    document = editor.document()
    blocks = (document.findBlockByNumber(n) for n in range(document.blockCount()))
    return [block.blockNumber() for block in blocks if not block.isVisible()]


def line_of_caret(editor: MarkdownEditor) -> int:
    return editor.textCursor().blockNumber()


def test_the_front_matter_folds_to_one_marker_line(column, tmp_path):
    editor = column.editor
    assert editor.front_matter_folded
    assert hidden_lines(editor) == list(range(1, CLOSING + 1))
    assert editor.toPlainText() == POST  # hidden, never removed
    assert editor.front_fold.fields == 7  # title … summary and the post's own "audience"
    assert "7" in editor.front_fold.marker_text()
    assert "details form" in editor.accessibleDescription()  # said, not only drawn
    # The hidden lines take no room: the body starts on the line after the marker.
    assert body_gap(editor) == 0
    assert line_of_caret(editor) == CLOSING + 1  # a post opens with the caret in its body
    column.grab().save(str(tmp_path / "folded.png"))


def body_gap(editor: MarkdownEditor) -> float:
    """How far below the first line the body starts: the room the front matter takes."""
    document = editor.document()
    first = editor.blockBoundingGeometry(document.firstBlock())
    return editor.blockBoundingGeometry(document.findBlockByNumber(CLOSING + 1)).top() - (
        first.bottom()
    )


def test_hiding_the_form_gives_the_raw_block_back(column):
    editor = column.editor
    column.form.hide()
    assert not editor.front_matter_folded and hidden_lines(editor) == []
    assert editor.accessibleDescription() == ""
    assert body_gap(editor) >= CLOSING * editor.fontMetrics().height()
    lines_shown = editor.document().documentLayout().documentSize().height()
    column.form.show()
    assert editor.front_matter_folded and hidden_lines(editor) == list(range(1, CLOSING + 1))
    assert body_gap(editor) == 0
    # Laid out again: the scroll range no longer counts the hidden lines.
    lines_folded = editor.document().documentLayout().documentSize().height()
    assert lines_folded <= lines_shown - CLOSING + 1


def test_a_click_on_the_marker_unfolds_and_fold_folds_again(column, qtbot):
    editor = column.editor
    marker = editor.front_fold.marker_line()
    qtbot.mouseMove(editor.viewport(), marker.center().toPoint())
    qtbot.waitUntil(lambda: editor.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=marker.center().toPoint())
    assert not editor.front_matter_folded and hidden_lines(editor) == []
    assert editor.toPlainText() == POST
    hint = editor.front_fold.fold_hint()
    assert not hint.isEmpty()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=hint.center().toPoint())
    assert editor.front_matter_folded


def test_the_caret_arriving_by_keyboard_unfolds(column, qtbot):
    editor = column.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # onto the marker line
    assert not editor.front_matter_folded and hidden_lines(editor) == []
    assert line_of_caret(editor) == 0
    editor.fold_front_matter()
    assert editor.front_matter_folded and line_of_caret(editor) == CLOSING + 1
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert not editor.front_matter_folded and line_of_caret(editor) == 0
    # Typed there, the text goes where the caret is for everyone to see.
    qtbot.keyClicks(editor, "x")
    assert editor.toPlainText() == "x" + POST


def test_find_opens_the_block_to_show_a_match_in_it(column, qtbot):
    bar = FindBar(column.editor)
    qtbot.addWidget(bar)
    bar.find.setText("clinicians")
    bar.find_next()
    editor = column.editor
    assert editor.textCursor().selectedText() == "clinicians"
    assert not editor.front_matter_folded


def test_typing_in_the_form_while_folded_keeps_text_fold_and_caret(column, qtbot):
    editor = column.editor
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("promised."))
    editor.setTextCursor(cursor)
    title = column.form.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Films that answer")
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # on to the next field: the edit is sent
    after = editor.toPlainText()
    assert after.startswith('---\ntitle: "Films that answer"\ndate:')
    assert after.split("---\n", 2)[2] == POST.split("---\n", 2)[2]  # the body as it was
    assert editor.front_matter_folded
    assert hidden_lines(editor) == list(range(1, CLOSING + 1))
    assert after[editor.textCursor().position() :].startswith("promised.")
    # Undo in the editor takes the form's edit back, and the block stays folded: the
    # caret is not left in hidden lines.
    editor.undo()
    assert editor.toPlainText() == POST
    assert editor.front_matter_folded
    assert line_of_caret(editor) > CLOSING
    editor.redo()
    assert editor.toPlainText() == after
    assert editor.front_matter_folded and line_of_caret(editor) > CLOSING


def test_deleting_everything_and_undoing_it(column, qtbot):
    editor = column.editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == "" and hidden_lines(editor) == []
    qtbot.keyClicks(editor, "Just a line")
    assert hidden_lines(editor) == []
    editor.undo()
    editor.undo()
    assert editor.toPlainText() == POST
    assert editor.front_matter_folded and hidden_lines(editor) == list(range(1, CLOSING + 1))
    assert line_of_caret(editor) > CLOSING


def test_broken_front_matter_stays_in_view_until_mended(column, qtbot):
    editor = column.editor
    broken = POST.replace("tags: [video, patients]", "tags: [video, patients")
    editor.setPlainText(broken)
    column.form.show_text(broken, fresh=True)
    assert not editor.front_matter_folded and hidden_lines(editor) == []
    assert column.form.problem.isVisibleTo(column)  # the form says what is wrong
    # Mended where it is broken: the block stays open under the writer's caret.
    cursor = editor.textCursor()
    cursor.setPosition(broken.index("patients") + len("patients"))
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "]")
    assert editor.toPlainText().startswith(POST[: POST.index("categories")])
    assert not editor.front_matter_folded and hidden_lines(editor) == []
    editor.fold_front_matter()
    assert editor.front_matter_folded
    # A block opened and never closed is not folded either.
    editor.setPlainText("---\ntitle: Open ended\n\nBody\n")
    assert not editor.front_matter_folded and hidden_lines(editor) == []


def test_a_post_without_front_matter_gets_one_from_the_form(column, qtbot):
    editor = column.editor
    editor.setPlainText("Just a body.\n")
    column.form.show_text("Just a body.\n", fresh=True)
    assert not editor.front_matter_folded and hidden_lines(editor) == []
    assert editor.front_fold.marker_line().isEmpty()
    cursor = editor.textCursor()
    cursor.setPosition(5)
    editor.setTextCursor(cursor)
    title = column.form.fields["title"]
    title.setFocus()
    qtbot.keyClicks(title, "Now titled")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    text = editor.toPlainText()
    assert text.startswith("---\ntitle: Now titled\n---\n") and text.endswith("Just a body.\n")
    assert editor.front_matter_folded  # typed in the form: it stays the place for it
    assert text[editor.textCursor().position() :] == "a body.\n"


def test_a_new_post_starts_in_the_title_and_enter_goes_to_the_body(column, qtbot):
    editor, form = column.editor, column.form
    editor.setPlainText(new_post_text())
    form.show_text(editor.toPlainText(), fresh=True)
    editor.place_cursor_after("title: ")  # what the window does for a new post
    assert form.fields["title"].hasFocus()
    assert editor.front_matter_folded
    qtbot.keyClicks(form.fields["title"], "Night shift")
    qtbot.keyClick(form.fields["title"], Qt.Key.Key_Return)
    assert editor.hasFocus()
    assert editor.toPlainText().startswith("---\ntitle: Night shift\n")
    assert editor.textCursor().position() == editor.front_fold.body_start()
    qtbot.keyClicks(editor, "First words.")
    assert editor.toPlainText().endswith("---\nFirst words.\n")
    assert editor.front_matter_folded


def test_the_editor_keeps_the_raw_block_without_a_form(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(POST)
    assert not editor.front_matter_folded
    editor.place_cursor_after("title: ")
    assert editor.textCursor().position() == POST.index("title: ") + len("title: ")
    editor.show()
    point = QPoint(20, 5)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert editor.textCursor().block() == editor.document().firstBlock()


def test_in_the_window_a_post_opens_folded_and_autosave_keeps_every_line(window, tmp_path):
    path = tmp_path / "clinic-films.md"
    path.write_text(POST, encoding="utf-8")
    assert window.open_path(path)
    editor = window.editor
    assert editor.front_matter_folded
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText("One more line.\n")
    window.autosave()
    assert path.read_text(encoding="utf-8") == POST + "One more line.\n"
    window.commands.show_details.setChecked(False)  # View → Post Details off
    assert not editor.front_matter_folded
    window.commands.show_details.setChecked(True)
    assert editor.front_matter_folded


def test_the_scroll_value_for_a_line_counts_only_shown_lines(column, qtbot):
    editor = column.editor
    editor.setPlainText(POST + "\n".join(f"Line {n}" for n in range(200)))
    target = next(
        number
        for number in range(editor.document().blockCount())
        if editor.document().findBlockByNumber(number).text() == "Line 150"
    )
    editor.verticalScrollBar().setValue(editor.scroll_value_for(target))
    assert editor.firstVisibleBlock().blockNumber() == target


def test_a_new_window_starts_in_the_title_and_enter_goes_to_the_body(window, qtbot):
    # The window put the caret after "title: " before the editor knew the form (it was
    # being put together): the title field has the focus once the window is shown.
    title = window.metadata.fields["title"]
    qtbot.waitUntil(title.hasFocus)
    assert window.editor.front_matter_folded
    qtbot.keyClicks(title, "Night shift")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert window.editor.hasFocus()
    qtbot.keyClicks(window.editor, "First words.")
    text = window.editor.toPlainText()
    assert text.startswith("---\ntitle: Night shift\n") and text.endswith("---\nFirst words.\n")
