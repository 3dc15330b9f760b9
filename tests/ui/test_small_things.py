"""Small things a writer notices: F11, the help pages, a problem report, the word-count
goal and words as a reader counts them (real window, real keys)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QToolBar, QWidget
from qt_helpers import wait_preview

from smugdesk import __version__
from smugdesk.ui.dialogs.link import LinkDialog
from smugdesk.ui.help_pages import MarkdownGuideDialog, ShortcutsDialog
from smugdesk.ui.library_pane import muted_colour
from smugdesk.ui.theme import apply_theme


def open_text(qtbot, window, tmp_path: Path, text: str, name: str = "post.md") -> Path:
    path = tmp_path / "drafts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    wait_preview(qtbot, window)
    return path


def test_f11_toggles_distraction_free_and_the_menu_says_so(qtbot, window):
    assert window.commands.full_screen.shortcut().toString() == "F11"
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert window.commands.full_screen.isChecked()
    assert not window.preview.isVisible() and window.editor.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert not window.commands.full_screen.isChecked()
    assert window.preview.isVisible()


def test_keyboard_shortcuts_page_lists_the_menus_keys_and_searches(qtbot, window):
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.table.topLevelItem(i).text(0): dialog.table.topLevelItem(i).text(1)
        for i in range(dialog.table.topLevelItemCount())
    }
    assert rows["Distraction-Free"] == "F11"
    assert rows["Link…"] == "Ctrl+K"
    assert rows["Keyboard Shortcuts"] == "Ctrl+/"
    qtbot.keyClicks(dialog.search, "full")
    assert "Distraction-Free" in dialog.shown_commands()
    assert "Link…" not in dialog.shown_commands()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "ctrl+k")
    assert dialog.shown_commands() == ["Link…"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "xyzzy")
    assert dialog.shown_commands() == [] and dialog.none.isVisible()
    assert "xyzzy" in dialog.none.text()


def test_markdown_guide_opens_with_f1_offline_and_finds(qtbot, window):
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F1)
    dialog = window.findChild(MarkdownGuideDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Footnotes" in dialog.page.toPlainText()
    qtbot.keyClicks(dialog.search, "link")
    assert dialog.page.textCursor().selectedText().casefold() == "link"
    first = dialog.page.textCursor().position()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # the next one
    assert dialog.page.textCursor().position() != first
    window.commands.markdown_guide.trigger()  # asked again: the same window, raised
    assert len([d for d in window.findChildren(MarkdownGuideDialog) if d.isVisible()]) == 1


def test_report_a_problem_copies_the_version_and_system(qtbot, window, tmp_path):
    QApplication.clipboard().clear()
    window.commands.report_problem.trigger()
    text = QApplication.clipboard().text()
    assert text.startswith(f"smugdesk {__version__}\n")
    assert "Qt " in text and "Python " in text and "System: " in text
    assert str(Path.home()) not in text and str(tmp_path) not in text  # nothing private
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "copied" in box.text()
    box.close()


def test_a_word_goal_shows_progress_in_the_status_bar(qtbot, window, tmp_path):
    open_text(
        qtbot, window, tmp_path, "---\ntitle: Rota\ngoal: 10\n---\n\nOne two three four five.\n"
    )
    assert window.goal_bar.isVisible()
    assert window.goal_bar.value() == 5 and window.goal_bar.maximum() == 10
    assert window.goal_bar.text() == "50% of 10 words"
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "Six seven eight nine ten eleven.")
    wait_preview(qtbot, window)
    assert window.goal_bar.text() == "Goal reached: 10 words"
    open_text(qtbot, window, tmp_path, "---\ntitle: No goal\n---\n\nWords.\n", "other.md")
    assert not window.goal_bar.isVisible()


def test_the_word_count_skips_link_and_image_markup(qtbot, window, tmp_path):
    open_text(
        qtbot,
        window,
        tmp_path,
        "---\ntitle: Links\n---\n\nRead [the policy](https://example.org/a/b-c) now.\n\n"
        "![A ward at dawn](images/ward-at-dawn.jpg)\n",
    )
    assert window.words.text().startswith("4 words · ")


def test_enter_on_a_bare_domain_accepts_it_with_https(qtbot, window):
    dialog = LinkDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url, "mayoclinic.org/news")
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    assert dialog.result() == LinkDialog.DialogCode.Accepted
    assert dialog.markdown() == "[https://mayoclinic.org/news](https://mayoclinic.org/news)"


def test_enter_on_a_refused_address_does_not_accept(qtbot, window):
    dialog = LinkDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url, "javascript:alert(1)")
    qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != LinkDialog.DialogCode.Accepted


def test_arrow_keys_move_from_the_draft_search_into_its_results(qtbot, window):
    drafts = [("Night shifts", "night-shifts"), ("Night owls", "night-owls")]
    dialog = LinkDialog(window, list_drafts=lambda: drafts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "night")
    assert dialog.drafts.count() == 2
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.drafts and dialog.drafts.currentRow() == 0
    qtbot.keyClick(dialog.drafts, Qt.Key.Key_Down)
    assert dialog.drafts.currentRow() == 1
    qtbot.keyClick(dialog.drafts, Qt.Key.Key_Return)  # that draft is the link
    assert dialog.url.text() == f"post:{dialog.drafts.item(1).data(Qt.ItemDataRole.UserRole)}"
    qtbot.keyClick(dialog.drafts, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.drafts, Qt.Key.Key_Up)  # from the first result, back to the search
    assert dialog.focusWidget() is dialog.search


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour.getRgb()[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def dark_theme(qapp):
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_theme("dark")
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_dark_form_fields_have_a_visible_edge(qtbot, dark_theme):
    holder = QWidget()
    qtbot.addWidget(holder)
    field = QLineEdit(holder)
    field.setGeometry(10, 10, 200, 28)
    holder.resize(220, 48)
    holder.show()
    qtbot.waitExposed(holder)
    image = holder.grab().toImage()
    window = image.pixelColor(3, 3)  # the form's background
    edge = max((image.pixelColor(x, 24) for x in range(8, 14)), key=lambda c: contrast(c, window))
    assert contrast(edge, window) >= 1.8, (edge.name(), window.name())


def test_a_selected_library_rows_second_line_keeps_its_contrast(dark_theme):
    palette = QApplication.palette()
    on_selection = QColor(muted_colour(palette, True))
    assert contrast(on_selection, palette.color(QPalette.ColorRole.Highlight)) >= 4.5
    assert muted_colour(palette, False) == palette.color(QPalette.ColorRole.PlaceholderText).name()


def row_words(window, name: str) -> int | None:
    for item in window.library.model.items:
        if item.path.name == name:
            return item.words
    return None


@pytest.mark.parametrize("open_in_window", [True, False])
def test_a_library_rows_word_count_follows_a_change_on_disk(
    qtbot, make_window, tmp_path, open_in_window
):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "rota.md"
    post.write_text("---\ntitle: Rota\n---\n\nOne two three.\n", encoding="utf-8")
    (drafts / "other.md").write_text("---\ntitle: Other\n---\n\nHi.\n", encoding="utf-8")
    window = make_window(drafts)
    qtbot.waitUntil(lambda: row_words(window, "rota.md") == 3, timeout=10000)
    if open_in_window:
        assert window.open_path(post)
    with post.open("a", encoding="utf-8") as stream:  # in place, as a sync tool writes
        stream.write("Four five six seven.\n")
    if not open_in_window:
        # The writer comes back from the program that wrote it. A stand-in for the window
        # manager: the activation event it causes is sent here.
        assert window.isActiveWindow()
        QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    qtbot.waitUntil(lambda: row_words(window, "rota.md") == 7, timeout=10000)


def test_toolbar_icons_come_from_the_desktop_theme_else_drawn_in_the_text_colour(
    qtbot, window, tmp_path, dark_theme
):
    from smugdesk.ui.icons import TOOLBAR, set_toolbar_icons

    toolbar = window.findChild(QToolBar, "main-toolbar")
    for name in TOOLBAR:
        action = getattr(window.commands, name)
        assert action in toolbar.actions() and not action.icon().isNull()
        assert action.toolTip()  # and a name beside it or in the tooltip
    # Drawn ones (no icon theme here) are in the dark palette's light text colour.
    window.apply_settings(dataclasses.replace(window.settings, theme="dark"))
    image = window.commands.save.icon().pixmap(24, 24).toImage()
    inked = [
        image.pixelColor(x, y)
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert inked and min(c.lightness() for c in inked) > 150

    # A desktop icon theme that has the name wins over the drawing.
    theme = tmp_path / "icons" / "writers"
    (theme / "24x24" / "actions").mkdir(parents=True)
    (theme / "index.theme").write_text(
        "[Icon Theme]\nName=writers\nDirectories=24x24/actions\n\n"
        "[24x24/actions]\nSize=24\nType=Fixed\n",
        encoding="utf-8",
    )
    (theme / "24x24" / "actions" / "document-save.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24">'
        '<rect width="24" height="24" fill="#ff0000"/></svg>',
        encoding="utf-8",
    )
    paths, name = QIcon.themeSearchPaths(), QIcon.themeName()
    try:
        QIcon.setThemeSearchPaths([str(tmp_path / "icons")])
        QIcon.setThemeName("writers")
        set_toolbar_icons(window.commands, QColor("#000000"))
        assert window.commands.save.icon().name() == "document-save"
        assert window.commands.save.icon().pixmap(24, 24).toImage().pixelColor(12, 12) == QColor(
            "#ff0000"
        )
        assert window.commands.open.icon().name() == ""  # not in that theme: drawn
    finally:
        QIcon.setThemeSearchPaths(paths)
        QIcon.setThemeName(name)
