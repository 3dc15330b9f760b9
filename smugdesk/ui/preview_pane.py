"""The preview's place in the window, and the preview's web view made when it is wanted.

Loading QtWebEngine and making the first web view costs 0.1–0.2 s and starts Chromium's
processes; the window spends that after its first paint rather than before (start()). Until
then the pane shows the blank page's colour and keeps what it is asked to show.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEnginePage

    from smugdesk.core.preview_text import RenderResult
    from smugdesk.ui.preview import PreviewView

PAPER = {False: "white", True: "#1b1f24"}  # the page's background, light and dark


class PreviewPane(QWidget):
    shown = Signal(int)  # the generation of the text now visible in the page's DOM
    partly_shown = Signal(int)  # a long post's first slice is visible; the rest follows
    open_post = Signal(str)  # a post: link was clicked (its slug)
    goto_line = Signal(int)  # a double-click asked for this body line's source
    post_scripts = Signal(bool)  # whether the shown post's own scripts run (a new post)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: PreviewView | None = None
        self._base: Path | None = None
        self._remote = False  # embedded players may load from the internet
        # Asked each time a post is shown: may this post's own scripts run? (the window
        # knows the post and where the writer's choices are kept)
        self.scripts_allowed: Callable[[], bool] = lambda: False
        self._scripts = False
        self._problem: QLabel | None = None
        self._dark = False
        self._waiting: RenderResult | None = None
        self._waiting_scroll: Callable[[PreviewView], None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setAccessibleName(self.tr("Preview"))
        self.setAutoFillBackground(True)
        self._paint_paper()

    @property
    def started(self) -> bool:
        return self.view is not None

    def start(self) -> PreviewView | None:
        """Make the web view (once) and give it everything asked of the pane so far; None
        (and a line saying why) when the preview's sandbox cannot be made."""
        if self.view is not None:
            return self.view
        from smugdesk.ui.preview import PreviewView
        from smugdesk.ui.preview_sandbox import SandboxUnavailableError

        try:
            view = PreviewView(self)
        except SandboxUnavailableError as error:
            # No preview rather than one without its walls; the writer is told why.
            if self._problem is None:
                self._problem = QLabel(self.tr("No preview: %s") % error, self)
                self._problem.setWordWrap(True)
                self.layout().addWidget(self._problem)
            return None
        self.view = view
        view.shown.connect(self.shown)
        view.partly_shown.connect(self.partly_shown)
        view.page().open_post.connect(self.open_post)
        view.page().goto_line.connect(self.goto_line)
        view.set_dark(self._dark)
        if self._base is not None:
            view.set_base_folder(self._base, remote=self._remote, scripts=self._scripts)
        self.layout().addWidget(view)
        self.setFocusProxy(view)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            view.show_result(waiting)
        if self._waiting_scroll is not None:
            move, self._waiting_scroll = self._waiting_scroll, None
            move(view)
        return view

    def page(self) -> QWebEnginePage:
        return self.start().page()

    def set_base_folder(self, folder: Path, *, reload: bool = False) -> None:
        """Show posts from ``folder`` (called whenever a post is shown, so the post's own
        scripts are asked about each time)."""
        self._base = Path(folder)
        scripts = bool(self.scripts_allowed())
        if scripts != self._scripts:
            self._scripts = scripts
            self.post_scripts.emit(scripts)
        if self.view is not None:
            self.view.set_base_folder(
                folder, reload=reload, remote=self._remote, scripts=self._scripts
            )

    def set_remote(self, allowed: bool) -> None:
        """Let embedded players load from the internet (the page is rebuilt with a policy
        that lets their hosts in)."""
        self._remote = allowed
        if self._base is not None:
            self.set_base_folder(self._base)

    def reload(self) -> None:
        """Rebuild the page around what it shows (new user CSS)."""
        if self._base is not None:
            self.set_base_folder(self._base, reload=True)

    def refresh_scripts(self) -> None:
        """The writer changed whether this post's scripts run: rebuild the page if so."""
        if self._base is not None:
            self.set_base_folder(self._base)

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._paint_paper()
        if self.view is not None:
            self.view.set_dark(dark)

    def show_result(self, result: RenderResult) -> None:
        if self.view is None:
            self._waiting = result  # shown as soon as the view exists
            return
        self.view.show_result(result)

    def scroll_to_line(self, line: int) -> None:
        self._scroll(lambda view: view.scroll_to_line(line))

    def reveal_line(self, line: int, *, end: bool = False) -> None:
        self._scroll(lambda view: view.reveal_line(line, end=end))

    def _scroll(self, move: Callable[[PreviewView], None]) -> None:
        if self.view is None:
            self._waiting_scroll = move  # the view does it once it exists
        else:
            move(self.view)

    def _paint_paper(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(PAPER[self._dark]))
        self.setPalette(palette)
