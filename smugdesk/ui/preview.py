"""The live preview: a QWebEngineView whose page is loaded once and then patched in place.
Imported only when the window makes its preview (ui/preview_pane.py)."""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import (
    QWebEngineLoadingInfo,
    QWebEnginePage,
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from smugdesk.core.config import user_css
from smugdesk.core.incremental_parts import PENDING_PART
from smugdesk.core.preview_text import RenderResult
from smugdesk.core.render import RenderedPost, render_page
from smugdesk.core.resources import read_resource
from smugdesk.ui.preview_pane import PAPER
from smugdesk.ui.preview_sandbox import BROWSER_SCHEMES, PLAYER_HOSTS, parse_message, sandbox

_EMPTY = RenderedPost(title="", date_text="", date_iso="", body_html="")
WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld  # preview.js's world, not the post's
REAL_INPUT_MS = 1500  # how long after a real click or key press a link may open something
_Nav = QWebEnginePage.NavigationType


class PreviewPage(QWebEnginePage):
    """The preview's page, in the sandbox's profile. It navigates nowhere but its own shell:
    a real click on an http(s) or mailto link opens the browser, every other navigation,
    window or message that is not the preview's own is refused."""

    open_post = Signal(str)
    goto_line = Signal(int)
    refused = Signal(QUrl)  # a navigation that did not happen (shown in the log; tests)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(sandbox().profile, parent)
        self._nonce = ""
        self._shell = QUrl()
        self._remote = False
        self._last_input: float | None = None  # time.monotonic() of the last real input
        self.permissionRequested.connect(lambda permission: permission.deny())

    def prepare(self, shell: QUrl, *, remote: bool, scripts: bool) -> None:
        """Get ready to load the shell at ``shell``: a fresh nonce, preview.js in its
        isolated world, and the post's scripts on or off."""
        # A page still loading is stopped first: a page rebuilt during the load before it
        # (a theme chosen, a policy changed) otherwise came up without preview.js.
        self.triggerAction(QWebEnginePage.WebAction.Stop)
        self._nonce = secrets.token_hex(16)
        self._shell = shell
        self._remote = remote
        source = (
            read_resource("preview.js")
            .replace("{{nonce}}", self._nonce)
            .replace("{{run_post_scripts}}", json.dumps(scripts))
        )
        for old in self.scripts().find("smugdesk-preview"):
            self.scripts().remove(old)
        script = QWebEngineScript()
        script.setName("smugdesk-preview")
        script.setWorldId(WORLD)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(source)
        self.scripts().insert(script)
        self.settings().setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, scripts)

    def note_real_input(self) -> None:
        """The writer pressed a mouse button or a key in the preview (Qt saw it)."""
        self._last_input = time.monotonic()

    def real_input_recent(self) -> bool:
        last = self._last_input
        return last is not None and time.monotonic() - last < REAL_INPUT_MS / 1000

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
        parsed = parse_message(message, self._nonce)
        if parsed is None:
            if not message.startswith("smugdesk:"):  # a forged or malformed one is dropped
                super().javaScriptConsoleMessage(level, message, line, source)
            return
        kind, value = parsed
        if kind == "goto-line":
            self.goto_line.emit(value)
        elif kind == "open-post" and self.real_input_recent():
            self.open_post.emit(value)

    def acceptNavigationRequest(self, url, navigation_type, is_main_frame):  # noqa: N802
        accepted = self._navigation_allowed(url, navigation_type, is_main_frame)
        if not accepted:
            self.refused.emit(QUrl(url))
        return accepted

    def _navigation_allowed(self, url: QUrl, navigation_type, is_main_frame: bool) -> bool:
        if not is_main_frame:
            return self._frame_may_load(url)
        if _without_fragment(url) == _without_fragment(self._shell):
            # The shell itself (its first load) and jumps inside it (footnotes, contents).
            return url.hasFragment() or navigation_type == _Nav.NavigationTypeTyped
        if (
            navigation_type == _Nav.NavigationTypeLinkClicked
            and url.scheme().lower() in BROWSER_SCHEMES
            and self.real_input_recent()
        ):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
        return False  # script-made navigations, redirects, forms, other schemes: nowhere

    def _frame_may_load(self, url: QUrl) -> bool:
        if url.scheme() == "about":
            return True  # about:blank and srcdoc frames stay in the page's sandbox
        return self._remote and url.scheme() == "https" and url.host().lower() in PLAYER_HOSTS

    def createWindow(self, _type):  # noqa: N802
        return None  # window.open, target=_blank, middle clicks: no new windows


def _without_fragment(url: QUrl) -> str:
    return url.toString().partition("#")[0]


class _InputWatch(QObject):
    """Notes real mouse presses and key presses in the web view's widget: Qt sees them,
    a post's script cannot make them."""

    def __init__(self, page: PreviewPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in _REAL_INPUT and shiboken6.isValid(self._page):
            self._page.note_real_input()
        return False


_REAL_INPUT = frozenset(
    (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.KeyPress)
)


def _same(a: str, b: str) -> bool:
    return a is b or a == b  # parts from the renderer's cache are the very same strings


def _edits(
    old: tuple[str, ...], new: tuple[str, ...], start: int, end: int
) -> list[tuple[int, int, list[str | None]]]:
    """The page's edits, ``(at, remove, insert)``, turning ``old`` into ``new`` where their
    first ``start`` and last ``end`` parts are the same. While a long post fills in, what
    changed is spread out (above and below the reader) between parts left as they are: each
    run of changed parts is an edit of its own, and the parts on screen stay untouched."""
    middle_old = len(old) - start - end
    middle_new = new[start : len(new) - end]
    runs: list[tuple[int, int]] = []
    if middle_old == len(middle_new):
        run_start = -1
        for i in range(start, start + middle_old + 1):
            differs = i < start + middle_old and not _same(old[i], new[i])
            if differs and run_start < 0:
                run_start = i
            elif not differs and run_start >= 0:
                runs.append((run_start, i - run_start))
                run_start = -1
    else:
        runs.append((start, -1))
    edits = []
    for at, count in runs:
        remove = middle_old if count < 0 else count
        # A chunk not rendered yet goes as null: the page keeps only its marker.
        insert = [
            None if part is PENDING_PART else part
            for part in (middle_new if count < 0 else new[at : at + count])
        ]
        edits.append((at, remove, insert))
    return edits


class PreviewView(QWebEngineView):
    shown = Signal(int)  # the generation of the text now visible in the page's DOM, whole
    # A first render's slice is in the page (what is around the editor's place); the rest
    # of the same generation follows, then ``shown``.
    partly_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPage(PreviewPage(self))
        self.page().setBackgroundColor(QColor(PAPER[False]))
        self._input_watch = _InputWatch(self.page())
        self._watched: QObject | None = None
        self._base: Path | None = None
        self._policy = (False, False)  # (remote content, the post's scripts) of the page
        self._shell_url = QUrl()
        self.page_style = None  # a blog theme (ui/preview_style.py), or None: the plain page
        # The grant goes with the view (a closed window's origin reaches nothing either).
        granted: list[QUrl] = []
        self._granted = granted
        self.destroyed.connect(lambda _=None: [sandbox().revoke(url) for url in granted])
        self._dark = False
        self._ready = False
        self._waiting: RenderResult | None = None
        self._last: RenderResult | None = None
        self._parts: tuple[str, ...] = ()  # the body's parts the page shows now
        self._page_pending = False  # some of them are still PENDING_PART
        self._starts: tuple[int, ...] | None = None  # their first lines, as the page has them
        self._shell_pending = False
        self._pending_scroll = ""
        self.page().loadingChanged.connect(self._on_loading_changed)

    def set_base_folder(
        self, folder: Path, *, reload: bool = False, remote: bool = False, scripts: bool = False
    ) -> None:
        """Relative image paths resolve against ``folder`` (the post's own folder), served
        by the sandbox. The page is built once per folder and policy (remote content, the
        post's own scripts); ``reload`` rebuilds it (new user CSS)."""
        folder = Path(folder)
        policy = (remote, scripts)
        if folder == self._base and policy == self._policy and not reload:
            return
        self._base = folder
        self._policy = policy
        self._ready = False
        self._parts = ()  # the new page has none yet
        self._page_pending = False
        self._starts = None
        self._waiting = self._waiting or self._last
        if not self._shell_pending:
            # On the next turn of the event loop: the window paints first (start-up), and
            # several calls in a row build the page once.
            self._shell_pending = True
            QTimer.singleShot(0, self._load_shell)

    def _load_shell(self) -> None:
        if not shiboken6.isValid(self):
            return  # its window closed before the page was built
        self._shell_pending = False
        if self._base is None:
            return
        remote, scripts = self._policy
        style = self.page_style
        shell = style.shell(user_css()) if style else render_page(_EMPTY, extra_css=user_css())
        if not self._shell_url.isEmpty():
            sandbox().revoke(self._shell_url)  # the old page's origin reaches nothing now
        self._shell_url = sandbox().grant(
            self._base, shell, remote=remote, scripts=scripts, theme=style and style.folder
        )
        self._granted[:] = [self._shell_url]
        self.page().prepare(self._shell_url, remote=remote, scripts=scripts)
        self.load(self._shell_url)

    def set_page_style(self, style) -> None:
        """Show the post in ``style`` (a stored blog theme) or, with None, the plain page."""
        self.page_style = style
        if self._base is not None:
            remote, scripts = self._policy
            self.set_base_folder(self._base, reload=True, remote=remote, scripts=scripts)

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self.page().setBackgroundColor(QColor(PAPER[dark]))
        if self._ready:
            self.page().runJavaScript(f"smugdesk.setTheme({json.dumps(dark)})", WORLD)

    def scroll_to_line(self, line: int) -> None:
        """Show body line ``line`` at the top of the preview (scroll sync)."""
        self._scroll(f"smugdesk.scrollToLine({int(line)})")

    def reveal_line(self, line: int, *, end: bool = False) -> None:
        """Keep body line ``line`` in view, moving as little as possible (the caret while
        typing); ``end``: it is in the post's last block, show the page's end."""
        self._scroll(f"smugdesk.revealLine({int(line)}, {json.dumps(bool(end))})")

    def scroll_to_end(self) -> None:
        self._scroll("smugdesk.scrollToEnd()")

    def _scroll(self, script: str) -> None:
        # Asked before the page is ready (a post just opened, a page rebuilt): done once
        # its text is in, so the preview opens where the editor is, not where it was.
        if self._ready:
            self.page().runJavaScript(script, WORLD)
        else:
            self._pending_scroll = script

    def show_result(self, result: RenderResult) -> None:
        self._last = result  # shown again if the page is rebuilt (policy, user CSS)
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
            self._page_pending = False
            self._starts = None
            self._run_update(data, result.generation, complete=True)
            return
        old, new = self._parts, result.parts
        same_start = 0
        limit = min(len(old), len(new))
        while same_start < limit and _same(old[same_start], new[same_start]):
            same_start += 1
        same_end = 0
        while same_end < limit - same_start and _same(old[-1 - same_end], new[-1 - same_end]):
            same_end += 1
        data["edits"] = _edits(old, new, same_start, same_end)
        # Each part's first line, only when one moved (a line added or removed above):
        # a manuscript has thousands, and a keystroke within a line moves none.
        if result.starts != self._starts:
            data["starts"] = list(result.starts)
            self._starts = result.starts
        # Parts arriving above the reader (the rest of a first render): the page keeps what
        # is on screen where it is.
        data["anchor"] = self._page_pending
        pending = any(part is PENDING_PART for part in new)
        self._parts = new
        self._page_pending = pending
        self._run_update(data, result.generation, complete=not pending)

    def _run_update(self, data: dict, generation: int, *, complete: bool = True) -> None:
        script = f"smugdesk.update({json.dumps(data)})"
        signal = self.shown if complete else self.partly_shown

        def done(_changed: object = None) -> None:
            if shiboken6.isValid(self):  # the window may have closed meanwhile
                signal.emit(generation)

        self.page().runJavaScript(script, WORLD, done)

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        # Only the load of the current shell counts: a navigation the page refused (a post's
        # script) also reports a failed load, and the shell is still there.
        if info.url() != self._shell_url:
            return
        status = QWebEngineLoadingInfo.LoadStatus
        if info.status() in (status.LoadSucceededStatus, status.LoadFailedStatus):
            self._on_load_finished(info.status() == status.LoadSucceededStatus)

    def _on_load_finished(self, ok: bool) -> None:
        self._ready = ok
        self._watch_input()
        if ok and self._dark:
            self.page().runJavaScript("smugdesk.setTheme(true)", WORLD)
        if ok and self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.show_result(waiting)
        if ok and self._pending_scroll:
            script, self._pending_scroll = self._pending_scroll, ""
            self.page().runJavaScript(script, WORLD)

    def _watch_input(self) -> None:
        """Watch the widget Chromium draws into (made with the page) for real input."""
        proxy = self.focusProxy()
        if proxy is not None and proxy is not self._watched:
            proxy.installEventFilter(self._input_watch)
            self._watched = proxy
