"""The status bar's counts for the post shown: words, characters, reading time, the
selection's words, and progress towards a word-count goal (``goal: 1500``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QStatusBar

from smugdesk.core.words import word_count, word_goal

READING_PACE = 230  # words a minute: an adult's silent reading pace


class WordStatus(QObject):
    """Owns its two status-bar widgets; reads the editor it is given, changes nothing.
    (Its strings keep the window's translation context, where they were first.)"""

    def __init__(self, status: QStatusBar) -> None:
        super().__init__(status)
        self.words = QLabel()
        self.words.setAccessibleName(QCoreApplication.translate("MainWindow", "Word count"))
        status.addPermanentWidget(self.words)
        self.goal_bar = QProgressBar()
        self.goal_bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Word-count goal"))
        self.goal_bar.setMaximumWidth(180)
        self.goal_bar.hide()
        status.addPermanentWidget(self.goal_bar)
        self.counts = (0, 0)
        self.goal: int | None = None
        self.hidden = False  # no post in view (the welcome page)

    def show_render(self, words: int, characters: int, editor: QPlainTextEdit, body_line: int):
        """A render's counts, and the goal read from the front matter's lines only (a long
        post is not copied out for each render)."""
        self.counts = (words, characters)
        self.goal = word_goal(_front_matter_text(editor, body_line))
        self.update(editor)

    def update(self, editor: QPlainTextEdit) -> None:
        words, characters = self.counts
        minutes = max(1, round(words / READING_PACE))
        text = " · ".join(
            (
                QCoreApplication.translate("MainWindow", "%s word(s)", "", words) % f"{words:,}",
                QCoreApplication.translate("MainWindow", "%s character(s)", "", characters)
                % f"{characters:,}",
                QCoreApplication.translate("MainWindow", "%n min read", "", minutes),
            )
        )
        selected = editor.textCursor().selectedText()
        if selected:
            text = (
                QCoreApplication.translate("MainWindow", "%s selected · ")
                % f"{word_count(selected):,}"
                + text
            )
        self.words.setText(text)
        self._show_goal(words)

    def set_hidden(self, hidden: bool) -> None:
        self.hidden = hidden
        self.words.setVisible(not hidden)
        self.goal_bar.setVisible(not hidden and self.goal is not None)

    def _show_goal(self, words: int) -> None:
        goal = self.goal
        self.goal_bar.setVisible(goal is not None and not self.hidden)
        if goal is None:
            return
        self.goal_bar.setMaximum(goal)
        self.goal_bar.setValue(min(words, goal))
        self.goal_bar.setFormat(
            QCoreApplication.translate("MainWindow", "Goal reached: %s words") % f"{goal:,}"
            if words >= goal
            else QCoreApplication.translate("MainWindow", "%s%% of %s words")
            % (words * 100 // goal, f"{goal:,}")
        )


def _front_matter_text(editor: QPlainTextEdit, lines: int) -> str:
    block = editor.document().firstBlock()
    head = []
    while block.isValid() and len(head) <= lines:
        head.append(block.text())
        block = block.next()
    return "\n".join(head)
