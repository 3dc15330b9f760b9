"""View modes of the window: distraction-free full screen (F11) and moving between its
panes from the keyboard (F6)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class ViewModes(QObject):
    """Shows and hides the window's panes and bars, moves the keyboard focus between
    them; remembers which docks full screen hid. Changes no post."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._docks_shown: list[QWidget] = []

    def set_distraction_free(self, on: bool) -> None:
        """Full screen with only the editor (no tab bar either); the same key (or Esc) brings
        everything back."""
        window = self.window
        for widget in (
            window.preview,
            window.menuBar(),
            window.statusBar(),
            *window.findChildren(QToolBar),
        ):
            widget.setVisible(not on)
        window.metadata.setVisible(not on and window.commands.show_details.isChecked())
        # The form hidden for full screen is not the writer hiding it: the block stays folded.
        for document in window.documents:
            document.editor.set_front_matter_folded(window.commands.show_details.isChecked())
        bar = window.tabs.bar  # Ctrl+Tab still switches; the bar shows for two tabs or more
        bar.setVisible(not on and bar.count() > 1)
        if on:
            self._docks_shown = [
                dock for dock in (window.library, window.outline) if dock.isVisible()
            ]
            for dock in self._docks_shown:
                dock.hide()
            window.showFullScreen()
        else:
            for dock in self._docks_shown:
                dock.show()
            window.showNormal()

    def cycle_panes(self, step: int) -> None:
        """F6 / Shift+F6: library search, post list, details, editor, preview, around. Tab
        cannot do it: in the editor Tab indents."""
        window = self.window
        panes = [
            pane
            for pane in (
                window.library.search,
                window.library.list,
                window.metadata.fields["title"],
                window.editor,
                window.preview,
            )
            if pane.isVisible()
        ]
        focused = QApplication.focusWidget()
        here = next(
            (i for i, pane in enumerate(panes) if pane is focused or pane.isAncestorOf(focused)),
            panes.index(window.editor) if window.editor in panes else 0,
        )
        panes[(here + step) % len(panes)].setFocus(Qt.FocusReason.TabFocusReason)
