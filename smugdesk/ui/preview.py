"""The live preview: a QWebEngineView whose page is loaded once and then patched in place.
Imported only when the window makes its preview (ui/preview_pane.py)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from smugdesk.core.config import user_css
from smugdesk.core.preview_text import RenderResult
from smugdesk.core.render import RenderedPost, render_page
from smugdesk.core.resources import read_resource
from smugdesk.ui.preview_pane import PAPER

OPEN_POST_MESSAGE = "smugdesk:open-post:"  # sent by preview.js when a post: link is clicked
GOTO_LINE_MESSAGE = "smugdesk:goto-line:"  # sent on a double-click: the block's source line
_EMPTY = RenderedPost(title="", date_text="", date_iso="", body_html="")


class PreviewPage(QWebEnginePage):
    """Links clicked in the preview open in the user's browser, never inside the preview;
    a link to another draft (post:slug) asks the window to open that draft."""

    open_post = Signal(str)
    goto_line = Signal(int)

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
        if message.startswith(OPEN_POST_MESSAGE):
            self.open_post.emit(message[len(OPEN_POST_MESSAGE) :])
            return
        if message.startswith(GOTO_LINE_MESSAGE):
            self.goto_line.emit(int(message[len(GOTO_LINE_MESSAGE) :]))
            return
        super().javaScriptConsoleMessage(level, message, line, source)

    def acceptNavigationRequest(self, url, navigation_type, is_main_frame):  # noqa: N802
        if navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.hasFragment() and url.adjusted(QUrl.UrlFormattingOption.RemoveFragment) == (
                self.url().adjusted(QUrl.UrlFormattingOption.RemoveFragment)
            ):
                return True  # footnote and table-of-contents jumps stay in the page
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
            return False
        return super().acceptNavigationRequest(url, navigation_type, is_main_frame)


def _same(a: str, b: str) -> bool:
    return a is b or a == b  # parts from the renderer's cache are the very same strings


class PreviewView(QWebEngineView):
    shown = Signal(int)  # the generation of the text now visible in the page's DOM

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPage(PreviewPage(self))
        self.page().setBackgroundColor(QColor(PAPER[False]))
        settings = self.page().settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self._base: Path | None = None
        self._dark = False
        self._ready = False
        self._waiting: RenderResult | None = None
        self._parts: tuple[str, ...] = ()  # the body's parts the page shows now
        self._shell_pending = False
        self.loadFinished.connect(self._on_load_finished)

    def set_base_folder(self, folder: Path, *, reload: bool = False) -> None:
        """Relative image paths resolve against ``folder`` (the post's own folder).
        The page is built once per folder; ``reload`` rebuilds it (new user CSS)."""
        folder = Path(folder)
        if folder == self._base and not reload:
            return
        self._base = folder
        self._ready = False
        self._parts = ()  # the new page has none yet
        if not self._shell_pending:
            # On the next turn of the event loop: the window paints first (start-up), and
            # several calls in a row build the page once.
            self._shell_pending = True
            QTimer.singleShot(0, self._load_shell)

    def _load_shell(self) -> None:
        self._shell_pending = False
        if self._base is None:
            return
        shell = render_page(
            _EMPTY,
            script=f"<script>{read_resource('preview.js')}</script>",
            extra_css=user_css(),
        )
        self.setHtml(shell, QUrl.fromLocalFile(str(self._base) + "/"))

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self.page().setBackgroundColor(QColor(PAPER[dark]))
        if self._ready:
            self.page().runJavaScript(f"smugdesk.setTheme({json.dumps(dark)})", 0)

    def scroll_to_line(self, line: int) -> None:
        """Show body line ``line`` at the top of the preview (scroll sync)."""
        if self._ready:
            self.page().runJavaScript(f"smugdesk.scrollToLine({int(line)})", 0)

    def show_result(self, result: RenderResult) -> None:
        if not self._ready:
            self._waiting = result  # applied as soon as the shell page has loaded
            return
        data = {
            "generation": result.generation,
            "title": result.rendered.title,
            "date_text": result.rendered.date_text,
            "date_iso": result.rendered.date_iso,
            "problem": result.problem,
        }
        if result.whole:
            # One part for the whole body: the page compares it block by block instead, so
            # an unchanged video still keeps playing.
            data["whole"] = result.parts[0] if result.parts else ""
            self._parts = ()
            self._run_update(data, result.generation)
            return
        old, new = self._parts, result.parts
        same_start = 0
        limit = min(len(old), len(new))
        while same_start < limit and _same(old[same_start], new[same_start]):
            same_start += 1
        same_end = 0
        while same_end < limit - same_start and _same(old[-1 - same_end], new[-1 - same_end]):
            same_end += 1
        data["at"] = same_start
        data["remove"] = len(old) - same_start - same_end
        data["insert"] = list(new[same_start : len(new) - same_end])
        data["starts"] = list(result.starts)
        self._parts = new
        self._run_update(data, result.generation)

    def _run_update(self, data: dict, generation: int) -> None:
        script = f"smugdesk.update({json.dumps(data)})"
        self.page().runJavaScript(script, 0, lambda _changed: self.shown.emit(generation))

    def _on_load_finished(self, ok: bool) -> None:
        self._ready = ok
        if ok and self._dark:
            self.page().runJavaScript("smugdesk.setTheme(true)", 0)
        if ok and self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.show_result(waiting)
