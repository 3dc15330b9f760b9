"""A long post is shown at once and coloured from its top in slices: the colours it ends
with are exactly those of colouring it at once, fences and front matter carried across
slices, and typing meanwhile is coloured too."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from smugdesk.ui.editor import MarkdownEditor
from smugdesk.ui.highlighter import FIRST_LINES, LAZY_FROM_CHARACTERS, MarkdownHighlighter


def long_post() -> str:
    lines = ["---", "title: Night shift", "tags: [ward]", "---", ""]
    while len(lines) < FIRST_LINES - 3:
        lines += [f"Paragraph {len(lines)} with **bold** and a [link](https://example.org).", ""]
    # A fence that opens in the lines coloured at once and closes in the first slice.
    lines += ["```python", "x = 1  # **not bold**", "", "y = 2", "```", ""]
    body = "\n".join(lines)
    while len(body) < LAZY_FROM_CHARACTERS + 50_000:
        body += "\n## A heading\n\n- a *list* item\n\n> a quote\n\n~~~\ncode **x**\n~~~\n"
    return body + "\n# The last heading\n"


def formats(document: QTextDocument) -> list[tuple]:
    found = []
    block = document.begin()
    while block.isValid():
        spans = block.layout().formats()
        found.append(
            (block.userState(), [(f.start, f.length, f.format.foreground().color().name(),
                                  f.format.fontWeight()) for f in spans])
        )  # fmt: skip
        block = block.next()
    return found


def test_a_long_post_ends_coloured_as_if_at_once(qtbot):
    text = long_post()
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    last = editor.document().lastBlock().previous()  # the last heading
    assert last.text() == "# The last heading"
    assert editor.highlighter.frontier is not None  # shown before it is all coloured
    assert not last.layout().formats()
    editor.highlighter._colour_a_slice()  # one turn of the loop colours one slice, no more
    assert editor.highlighter.frontier is not None and not last.layout().formats()

    at_once = QTextDocument()
    at_once.setPlainText(text)
    eager = MarkdownHighlighter(at_once)
    eager.rehighlight()
    qtbot.waitUntil(lambda: editor.highlighter.frontier is None, timeout=10000)
    assert formats(editor.document()) == formats(at_once)
    assert last.layout().formats()  # coloured in the end


def test_typing_far_down_while_colouring_is_coloured_in_the_end(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(long_post())
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("\n## Typed while colouring\n")
    qtbot.waitUntil(lambda: editor.highlighter.frontier is None, timeout=10000)
    at_once = QTextDocument()
    at_once.setPlainText(editor.toPlainText())
    MarkdownHighlighter(at_once).rehighlight()
    assert formats(editor.document()) == formats(at_once)


def test_a_short_post_is_coloured_at_once(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(long_post())
    editor.setPlainText("# Short\n\nText.\n")  # another post while the long one colours
    assert editor.highlighter.frontier is None
    assert editor.document().firstBlock().layout().formats()
