"""View → Preview Style: the plain page, the writer's CSS alone, or a blog's own theme
(captured once, shown offline), remembered per post; "Refresh Theme" captures it again.

The window adds it with two lines, and a third where it shows another post::

    self.preview_style = PreviewStyleMenu(view_menu, self.preview, lambda: self.file.path)
    self.preview_style.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
    self.preview_style.follow_post()  # after self.preview.set_base_folder(...) for a post

Without the third it still follows the post (checked each time the pane shows new text),
after one showing in the previous post's look.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from smugdesk.core.accounts import Account, AccountError, load_accounts
from smugdesk.core.config import user_css
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import read_post
from smugdesk.core.preview_styles import PLAIN, THEME, WRITER_CSS, remember_style, style_for
from smugdesk.core.resources import read_resource
from smugdesk.core.theme_store import SITE_BASE, StoredTheme, load_theme, theme_folder, themes_dir
from smugdesk.publish.remember import last_export
from smugdesk.ui.background import run_later

THEMED_KINDS = ("wordpress", "metaweblog")  # blogs with public pages smugdesk can read
# Export targets whose site's own look its real generator can build here.
SITE_TARGETS = {"hugo": "hugo", "hugo-git": "hugo", "jekyll": "jekyll", "jekyll-git": "jekyll"}


@dataclass(frozen=True)
class StaticSite:
    """A Hugo or Jekyll site folder the post was last exported to."""

    kind: str  # the generator
    folder: Path
    section: str = "posts"  # Hugo's content section
    layout: str = "post"  # Jekyll's layout

    @property
    def name(self) -> str:
        return self.folder.name


@dataclass
class ThemeStyle:
    """A stored blog theme as the preview's page (PreviewView.page_style)."""

    folder: Path
    name: str
    _cache: tuple[float, str] = field(default=(0.0, ""), repr=False, compare=False)

    def template(self) -> str:
        path = self.folder / "template.html"
        stamp = path.stat().st_mtime
        if self._cache[0] != stamp:
            self._cache = (stamp, path.read_text(encoding="utf-8"))
        return self._cache[1]

    def shell(self, extra_css: str) -> str:
        from smugdesk.core.theme_template import fill  # not before a theme is shown

        return fill(self.template(), title="", date_text="", date_iso="", extra_css=extra_css)


@dataclass
class WriterCssStyle:
    """smugdesk's page with the writer's stylesheets only (none of smugdesk's own)."""

    folder: Path | None = None

    def shell(self, extra_css: str) -> str:
        values = {
            "lang": "en",
            "title": "",
            "css": re.sub(r"</", r"<\\/", extra_css),
            "date_iso": "",
            "date_text": "",
            "body": "",
            "script": "",
        }
        page = read_resource("page.html")
        return re.sub(
            r"\{\{(\w+)\}\}",
            lambda m: values["css"] if m[1] == "css" else html.escape(values.get(m[1], "")),
            page,
        )


def account_theme_folder(account: Account) -> Path:
    return theme_folder(f"{account.kind}:{account.url}")


def site_theme_folder(site: StaticSite) -> Path:
    return theme_folder(f"{site.kind}:{site.folder}")


def static_site_of(post: Path | None) -> StaticSite | None:
    """The static site the post was last exported to (its ``export:`` front matter)."""
    if post is None:
        return None
    try:
        found = last_export(read_post(post.read_text(encoding="utf-8"), post))
    except (OSError, UnicodeDecodeError, ValueError, SmugdeskError):
        return None
    if found is None or found.target not in SITE_TARGETS or not found.folder.is_dir():
        return None
    return StaticSite(
        SITE_TARGETS[found.target],
        found.folder,
        str(found.options.get("section") or "posts"),
        str(found.options.get("layout") or "post"),
    )


class PreviewStyleMenu(QObject):
    """The Preview Style submenu and the choice it makes for the shown post."""

    message = Signal(str)  # a line for the status bar (capture done, failed, theme changed)
    captured = Signal(str)  # a theme was captured (its folder)

    def __init__(
        self,
        menu: QMenu,
        pane,
        current_post: Callable[[], Path | None],
        accounts: Callable[[], list[Account]] = load_accounts,
    ) -> None:
        super().__init__(menu)
        self._pane = pane
        self._current_post = current_post
        self._accounts = accounts
        self._busy = False
        self._checked_change: set[str] = set()
        self.menu = menu.addMenu(self.tr("Preview &Style"))
        self.menu.aboutToShow.connect(self._fill)
        self._group = QActionGroup(self)
        self.key = PLAIN
        self._followed: Path | None = None
        # The pane says when it shows new text; a new post there gets its own look.
        pane.shown.connect(lambda _generation: self._post_maybe_changed())
        self._fill()

    # -- the menu ---------------------------------------------------------------------

    def _blogs(self) -> list[Account]:
        try:
            return [a for a in self._accounts() if a.kind in THEMED_KINDS]
        except AccountError:
            return []

    def _fill(self) -> None:
        self.menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        self._add(self.tr("Plain"), PLAIN)
        mine = self._add(self.tr("Your CSS Only"), WRITER_CSS)
        mine.setEnabled(bool(user_css().strip()) or self.key == WRITER_CSS)
        self.menu.addSeparator()
        for account in self._blogs():
            folder = account_theme_folder(account)
            label = self.tr("Blog Theme (%s)") % account.name.replace("&", "&&")
            if load_theme(folder) is None:
                label = self.tr("Blog Theme (%s): Capture…") % account.name.replace("&", "&&")
            self._add(label, THEME + folder.name, account)
        site = static_site_of(self._current_post())
        if site is not None:
            folder = site_theme_folder(site)
            label = self.tr("Site Theme (%s)") % site.name.replace("&", "&&")
            if load_theme(folder) is None:
                label = self.tr("Site Theme (%s): Build…") % site.name.replace("&", "&&")
            self._add(label, THEME + folder.name, site)
        self.menu.addSeparator()
        refresh = self.menu.addAction(self.tr("&Refresh Theme"))
        refresh.setEnabled(self.key.startswith(THEME) and not self._busy)
        refresh.triggered.connect(self.refresh)

    def _add(self, label: str, key: str, account: Account | StaticSite | None = None) -> QAction:
        action = self.menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(key == self.key)
        action.setData(key)
        self._group.addAction(action)
        action.triggered.connect(lambda _=False: self.choose(key, account))
        return action

    # -- choosing ---------------------------------------------------------------------

    def choose(self, key: str, account: Account | StaticSite | None = None) -> None:
        """Show the current post in ``key``'s look and remember it for the post; a blog
        theme not captured yet is captured first (in the background)."""
        if account is not None and load_theme(_source_folder(account)) is None:
            self._capture(account, then_use=True)
            return
        remember_style(self._current_post(), key)
        self._apply(key)

    def follow_post(self) -> None:
        """The preview shows another post: its own remembered look."""
        self._followed = self._current_post()
        self._apply(style_for(self._followed))

    def _post_maybe_changed(self) -> None:
        if self._current_post() != self._followed:
            self.follow_post()

    def _apply(self, key: str) -> None:
        style = self._style(key)
        if style is None:
            key = PLAIN
        self.key = key
        view = self._pane.view if shiboken6.isValid(self._pane) else None
        if view is None and style is not None:
            view = self._pane.start()
        if view is not None and getattr(view, "page_style", None) != style:
            view.set_page_style(style)
        if isinstance(style, ThemeStyle):
            self._notice_change(style)

    def _style(self, key: str):
        if key == WRITER_CSS:
            return WriterCssStyle()
        if key.startswith(THEME):
            name = key[len(THEME) :]
            if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
                return None  # a damaged settings file names no folder outside the themes
            theme = load_theme(themes_dir() / name)
            if theme is None:
                return None
            return ThemeStyle(theme.folder, theme.name)
        return None

    # -- capturing --------------------------------------------------------------------

    def refresh(self) -> None:
        """Capture the shown blog theme (or build the site's) again."""
        sources: list[Account | StaticSite] = list(self._blogs())
        site = static_site_of(self._current_post())
        if site is not None:
            sources.append(site)
        for source in sources:
            if THEME + _source_folder(source).name == self.key:
                self._capture(source, then_use=True)
                return

    def _capture(self, account: Account | StaticSite, *, then_use: bool) -> None:
        if self._busy:
            return
        self._busy = True
        folder = _source_folder(account)
        self.message.emit(self.tr("Capturing the theme of %s…") % account.name)
        started = time.monotonic()

        def work(_progress) -> StoredTheme:
            # Imported here: the HTTP client is not loaded before a capture is asked for.
            from smugdesk.publish.theme_capture import capture_site, capture_wordpress

            if isinstance(account, StaticSite):
                return capture_site(
                    account.kind,
                    account.folder,
                    folder,
                    section=account.section,
                    layout=account.layout,
                )
            return capture_wordpress(account.url, folder)

        def done(result) -> None:
            self._busy = False
            if isinstance(result, SmugdeskError):
                self.message.emit(self.tr("The theme was not captured: %s") % result)
                return
            self.message.emit(
                self.tr("Theme of %s captured (%d files, %.1f MB) in %.1f s")
                % (account.name, result.files, result.size / 1e6, time.monotonic() - started)
            )
            self.captured.emit(str(result.folder))
            self._checked_change.add(str(result.folder))  # just fetched: it is current
            if then_use:
                remember_style(self._current_post(), THEME + folder.name)
                self._apply(THEME + folder.name)

        run_later(self, work, done, name="smugdesk-theme-capture")

    def _notice_change(self, style: ThemeStyle) -> None:
        """Once a run per theme, when online: has the blog changed its theme since?"""
        key = str(style.folder)
        if key in self._checked_change or self._busy:
            return
        self._checked_change.add(key)
        theme = load_theme(style.folder)
        if theme is None or theme.source.startswith(SITE_BASE):
            return  # a static site's look is built from its folder, not fetched

        def work(_progress) -> bool:
            from smugdesk.publish.theme_capture import check_changed

            return check_changed(theme)

        def done(result) -> None:
            if result is True:
                self.message.emit(
                    self.tr("%s has a new look: View → Preview Style → Refresh Theme") % style.name
                )

        run_later(self, work, done, name="smugdesk-theme-check")


def _source_folder(source: Account | StaticSite) -> Path:
    if isinstance(source, StaticSite):
        return site_theme_folder(source)
    return account_theme_folder(source)
