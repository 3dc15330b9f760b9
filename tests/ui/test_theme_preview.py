"""The post in its blog's own theme, offline: a real WordPress with Debian's Twenty
Twenty-Three theme is captured through View → Preview Style, the web server is stopped, and
the real preview shows the post inside the theme (read from its DOM), with none of the
theme's scripts run and no request leaving the page.

A hostile must-use plug-in in the real WordPress adds what a compromised or tracking-heavy
theme would (a script, a stylesheet and images on another origin, an event handler, an
iframe): a TCP listener on 127.0.0.1 stands for that origin and must receive nothing, from
the capture or from the preview. Once the blog's own server is stopped, a listener takes its
port too, so a request to the blog itself from the page would be seen.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMenu
from qt_helpers import run_js, wait_preview
from test_preview_sandbox import Listener
from theme_sites import WordPressTheme, small_hugo_site, wordpress_theme_installed

from smugdesk.core.accounts import Account
from smugdesk.core.config import user_css_dir
from smugdesk.core.preview_styles import PLAIN, THEME, style_for
from smugdesk.publish.theme_capture import capture_hugo
from smugdesk.ui.main_window import MainWindow
from smugdesk.ui.preview_sandbox import sandbox
from smugdesk.ui.preview_style import PreviewStyleMenu, ThemeStyle, account_theme_folder

THEMES = Path("/usr/share/wordpress/wp-content/themes")
THEME_NAME = "twentytwentythree"
POST_TEXT = "Sample words for the theme."

HOSTILE_PLUGIN = """<?php
add_action('wp_head', function () {
    echo '<script>document.documentElement.dataset.pwned = "head";</script>';
    echo '<link rel="stylesheet" href="http://127.0.0.1:%(port)d/evil.css">';
    echo '<style>.wp-site-blocks { background-image: url(http://127.0.0.1:%(port)d/bg.png); }'
       . ' .wp-block-site-title { letter-spacing: 3px; }</style>';
});
add_action('wp_footer', function () {
    echo '<img src="http://127.0.0.1:%(port)d/pixel.gif" onerror="document.body.dataset.pwned=1">';
    echo '<iframe src="http://127.0.0.1:%(port)d/frame"></iframe>';
    echo '<a href="javascript:document.body.dataset.pwned=2" id="evil-link">x</a>';
});
"""


@pytest.fixture
def themed_blog(wordpress, tmp_path):
    """The test WordPress with Twenty Twenty-Three on, a published post, and the hostile
    plug-in; all put back as they were afterwards."""
    if not (wordpress_theme_installed(THEME_NAME) and wordpress_theme_installed("twentytwentyone")):
        pytest.skip("apt-get install wordpress-theme-twentytwentythree -twentytwentyone")
    content = wordpress.folder / "wp-content"
    link = content / "themes" / THEME_NAME
    if not link.exists():
        link.symlink_to(THEMES / THEME_NAME)
    outside = Listener()
    plugins = content / "mu-plugins"
    plugins.mkdir(exist_ok=True)
    plugin = plugins / "smugdesk-hostile-theme.php"
    plugin.write_text(HOSTILE_PLUGIN % {"port": outside.port}, encoding="utf-8")
    before = wordpress.php("echo get_stylesheet();").strip()
    post_id = wordpress.php(
        f"switch_theme('{THEME_NAME}');"
        "echo wp_insert_post(['post_title' => 'Theme sample', 'post_status' => 'publish',"
        f" 'post_content' => '<!-- wp:paragraph --><p>{POST_TEXT}</p><!-- /wp:paragraph -->']);"
    ).strip()
    yield wordpress, outside
    plugin.unlink()
    outside.close()
    wordpress.php(f"wp_delete_post({int(post_id)}, true); switch_theme('{before}'); echo 'ok';")


def wait_js(qtbot, window, script: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while True:
        value = run_js(qtbot, window, script)
        if value or time.monotonic() > deadline:
            return value
        qtbot.wait(50)


THEMED = (
    "!!document.querySelector('.wp-site-blocks #sd-body')"
    " && document.body.dataset.generation !== undefined"
    " && document.getElementById('sd-body').textContent.includes('in its theme')"
)


def test_the_post_shows_inside_the_captured_theme_offline(
    qtbot, make_window, tmp_path, themed_blog
):
    wordpress, outside = themed_blog
    account = Account("Ward Notes", "wordpress", wordpress.url, wordpress.user)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "themed.md"
    post.write_text(
        "---\ntitle: Seen in its theme\ndate: 2026-11-30\n---\n\n"
        "A paragraph in its theme.\n\n## A heading\n\nMore words.\n",
        encoding="utf-8",
    )
    window = make_window(drafts)
    assert window.open_path(post)
    wait_preview(qtbot, window)
    styles = PreviewStyleMenu(
        QMenu(window), window.preview, lambda: window.file.path, lambda: [account]
    )
    entries = [a.text() for a in styles.menu.actions() if a.text()]
    assert entries[:2] == ["Plain", "Your CSS Only"]
    assert "Blog Theme (Ward Notes): Capture…" in entries

    # Choosing the blog's theme captures it in the background, then shows it.
    key = THEME + account_theme_folder(account).name
    messages: list[str] = []
    styles.message.connect(messages.append)
    styles.choose(key, account)
    qtbot.waitUntil(lambda: styles.key == key, timeout=60000)
    assert any("captured" in m for m in messages), messages
    assert style_for(post) == key

    # No network from here on: the blog's server stops and a listener takes its port.
    wordpress.stop_web()
    blog = Listener.__new__(Listener)
    _listen_on(blog, urlsplit(wordpress.url).port)
    try:
        sandbox().blocked.clear()
        window.preview.view.set_page_style(window.preview.view.page_style)  # a fresh load
        assert wait_js(qtbot, window, THEMED), "the post never showed inside the theme"
        dom = json.loads(
            run_js(
                qtbot,
                window,
                """JSON.stringify({
                site: document.querySelector('header .wp-block-site-title').textContent,
                title: document.getElementById('sd-title').textContent,
                titleClass: document.getElementById('sd-title').className,
                body: document.querySelector('.wp-block-post-content#sd-body p').textContent,
                heading: !!document.querySelector('#sd-body h2'),
                spacing: getComputedStyle(document.querySelector('.wp-block-site-title'))
                    .letterSpacing,
                listStyle: getComputedStyle(document.querySelector('.wp-block-page-list li'))
                    .listStyleType,
                bodyFont: getComputedStyle(document.body).fontFamily,
                maxWidth: getComputedStyle(document.querySelector('#sd-body > p')).maxWidth,
                fonts: document.fonts.size,
                scripts: document.querySelectorAll('script').length,
                frames: document.querySelectorAll('iframe').length,
                pwned: [document.documentElement.dataset.pwned, document.body.dataset.pwned],
                links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.href)
                    .filter((href) => !href.startsWith(location.origin + '/#')),
            })""",
            )
        )
        # The theme's header, the post's text inside the theme's content element.
        assert dom["site"] == "Ward Notes"
        assert dom["title"] == "Seen in its theme"
        assert "wp-block-post-title" in dom["titleClass"]
        assert dom["body"] == "A paragraph in its theme."
        assert dom["heading"]
        # The theme's styles apply: its inline rules, its block stylesheet (a stored copy),
        # its layout's width for the content's children.
        assert dom["spacing"] == "3px"
        assert dom["listStyle"] == "none"  # only in the navigation block's stylesheet
        # The theme's own font (an @font-face in its page) loads from the stored copy.
        run_js(
            qtbot,
            window,
            "document.fonts.load('16px \"DM Sans\"').then("
            " (faces) => { document.body.dataset.font = faces.filter("
            "   (face) => face.status === 'loaded').length; },"
            " () => { document.body.dataset.font = 'failed'; })",
        )
        assert wait_js(qtbot, window, "document.body.dataset.font") == "1"
        assert dom["maxWidth"] not in ("none", "")
        # Nothing of the theme ran, and nothing left the page.
        assert dom["scripts"] == 0 and dom["frames"] == 0
        assert dom["pwned"] == [None, None]
        assert dom["links"] == []
        # Everything the page loads has been asked for by now: its fonts and its images.
        settled = (
            "document.fonts.status === 'loaded'"
            " && Array.from(document.images).every((image) => image.complete)"
        )
        assert wait_js(qtbot, window, settled)
        assert blog.received == []
        assert outside.received == []
        assert not [url for url in sandbox().blocked if "127.0.0.1" in url], sandbox().blocked
        # Typing still patches only the changed block inside the theme's content element.
        mark = "document.querySelector('#sd-body > p').dataset.kept = 'yes'"
        run_js(qtbot, window, mark)
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        window.editor.insertPlainText("\nThe end, typed.\n")
        assert wait_js(
            qtbot, window, "document.getElementById('sd-body').textContent.includes('typed')"
        )
        assert run_js(qtbot, window, "document.querySelector('#sd-body > p').dataset.kept") == "yes"
    finally:
        blog.close()
        wordpress.start_web()

    # Online again: the blog changes its theme; the next run notices it when the theme is
    # shown, and Refresh Theme captures the new one.
    with WordPressTheme(wordpress, "twentytwentyone"):
        later = PreviewStyleMenu(
            QMenu(window), window.preview, lambda: window.file.path, lambda: [account]
        )
        said: list[str] = []
        later.message.connect(said.append)
        later.follow_post()
        qtbot.waitUntil(lambda: any("new look" in m for m in said), timeout=30000)
        later.refresh()
        qtbot.waitUntil(lambda: any("captured" in m for m in said), timeout=60000)
        assert wait_js(qtbot, window, "!!document.querySelector('.entry-content#sd-body p')"), (
            "the post never showed in the new theme"
        )

    # Plain again: smugdesk's own page.
    styles.choose(PLAIN)
    assert wait_js(
        qtbot,
        window,
        "!document.querySelector('.wp-site-blocks')"
        " && !!document.querySelector('article.post #sd-body')",
    )
    assert style_for(post) == PLAIN


def _listen_on(listener: Listener, port: int) -> None:
    """A Listener on a given port (the stopped blog's)."""
    import socket
    import threading

    listener.socket = socket.socket()
    listener.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    deadline = time.monotonic() + 20
    while True:  # the stopped server's last workers may hold the port a moment longer
        try:
            listener.socket.bind(("127.0.0.1", port))
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    listener.socket.listen(50)
    listener.socket.settimeout(0.1)
    listener.port = port
    listener.received = []
    listener._stop = threading.Event()
    listener._thread = threading.Thread(target=listener._serve, daemon=True)
    listener._thread.start()


def test_a_hugo_sites_look_chosen_while_the_first_page_loads(qtbot, tmp_path):
    """The site built by the real hugo, its page as the template; the look is chosen at
    once after the post opens (the page is still loading): the post still shows in it,
    with the site's stylesheet and nothing of its scripts."""
    if shutil.which("hugo") is None:
        pytest.skip("hugo is not installed")
    theme = capture_hugo(small_hugo_site(tmp_path / "site"), tmp_path / "theme")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "rounds.md"
    post.write_text("---\ntitle: Rounds\n---\n\nThe ward at eight, in its theme.\n")
    # Made by hand, not by make_window (which waits for the first page).
    window = MainWindow(drafts)
    window.show()
    view = window.preview.start()
    with qtbot.waitSignal(view.loadStarted, timeout=20000):
        assert window.open_path(post)
    assert not view._ready  # the first page is still loading
    view.set_page_style(ThemeStyle(theme.folder, theme.name))
    try:
        assert wait_js(qtbot, window, "!!document.querySelector('.column .prose#sd-body p')")
        check_hugo_page(qtbot, window)
    finally:
        window.editor.document().setModified(False)
        window.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def check_hugo_page(qtbot, window) -> None:
    dom = json.loads(
        run_js(
            qtbot,
            window,
            """JSON.stringify({
            title: document.querySelector('h1.headline#sd-title').textContent,
            body: document.querySelector('#sd-body p').textContent,
            colour: getComputedStyle(document.body).color,
            width: getComputedStyle(document.querySelector('.column')).maxWidth,
            lines: getComputedStyle(document.querySelector('.prose p')).lineHeight,
            scripts: document.querySelectorAll('script').length,
            pwned: document.documentElement.dataset.pwned || null,
        })""",
        )
    )
    assert dom["title"] == "Rounds"
    assert dom["body"] == "The ward at eight, in its theme."
    assert dom["colour"] == "rgb(10, 20, 30)"  # the site's own stylesheet (a stored copy)
    assert dom["width"] == "592px"  # 37rem
    assert dom["scripts"] == 0 and dom["pwned"] is None


def test_the_menu_offers_the_hugo_site_the_post_was_exported_to(qtbot, make_window, tmp_path):
    if shutil.which("hugo") is None:
        pytest.skip("hugo is not installed")
    site = small_hugo_site(tmp_path / "ward-site")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "rounds.md"
    post.write_text(
        "---\ntitle: Rounds\nexport:\n  target: hugo\n"
        f"  folder: {site}\n  options:\n    section: posts\n---\n\nAt eight.\n"
    )
    window = make_window(drafts)
    assert window.open_path(post)
    wait_preview(qtbot, window)
    styles = PreviewStyleMenu(QMenu(window), window.preview, lambda: window.file.path, list)
    styles.menu.aboutToShow.emit()
    action = next(a for a in styles.menu.actions() if a.text().startswith("Site Theme"))
    assert action.text() == "Site Theme (ward-site): Build…"
    action.trigger()
    qtbot.waitUntil(lambda: styles.key.startswith(THEME), timeout=60000)
    assert wait_js(qtbot, window, "!!document.querySelector('.column .prose#sd-body p')")
    styles.menu.aboutToShow.emit()
    entries = [a.text() for a in styles.menu.actions()]
    assert "Site Theme (ward-site)" in entries
    checked = [a.text() for a in styles.menu.actions() if a.isChecked()]
    assert checked == ["Site Theme (ward-site)"]
    # Remembered per post: another post gets the last choice, is made plain, and each
    # post comes back in its own look when opened again.
    other = drafts / "other.md"
    other.write_text("---\ntitle: Other\n---\n\nElsewhere.\n")
    # (The window calls follow_post as it shows a post: the wiring reported for it.)
    assert window.open_path(other)
    styles.follow_post()
    assert isinstance(window.preview.view.page_style, ThemeStyle)
    styles.choose(PLAIN)
    assert window.preview.view.page_style is None
    assert window.open_path(post)
    styles.follow_post()
    assert isinstance(window.preview.view.page_style, ThemeStyle)
    assert wait_js(qtbot, window, "!!document.querySelector('.column .prose#sd-body p')")
    assert window.open_path(other)
    styles.follow_post()
    assert window.preview.view.page_style is None
    plain = (
        "!!document.querySelector('article.post #sd-body') && !document.querySelector('.column')"
    )
    assert wait_js(qtbot, window, plain)


def image_width(qtbot, window, path: str) -> int:
    """The natural width of ``path`` loaded as an image by the page (0: not served)."""
    key = "w" + str(abs(hash(path)))
    run_js(
        qtbot,
        window,
        f"(() => {{ const img = new Image(); img.onload = img.onerror = () => {{"
        f" document.body.dataset.{key} = String(img.naturalWidth); }};"
        f" img.src = {json.dumps(path)}; }})()",
    )
    return int(wait_js(qtbot, window, f"document.body.dataset.{key}"))


def test_the_theme_route_serves_only_the_themes_own_files(qtbot, make_window, tmp_path):
    """The sandbox answers /.smugdesk-theme/ from the page's theme folder alone: a stored
    image loads; a symlink out of the folder and a way up out of it do not; a page without
    a theme has no such route."""
    if shutil.which("hugo") is None:
        pytest.skip("hugo is not installed")
    theme = capture_hugo(small_hugo_site(tmp_path / "site"), tmp_path / "theme")
    files = theme.folder / "files"
    pixel = (Path(__file__).parent / "pixel.png").read_bytes()
    (files / "real.png").write_bytes(pixel)
    (tmp_path / "secret.png").write_bytes(pixel)
    (files / "leak.png").symlink_to(tmp_path / "secret.png")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "p.md").write_text("---\ntitle: P\n---\n\nText.\n")
    window = make_window(drafts)
    assert window.open_path(drafts / "p.md")
    wait_preview(qtbot, window)
    prefix = "/.smugdesk-theme/files/"
    assert image_width(qtbot, window, prefix + "real.png") == 0  # the plain page: no route
    window.preview.view.set_page_style(ThemeStyle(theme.folder, theme.name))
    assert wait_js(qtbot, window, "!!document.querySelector('.column .prose#sd-body p')")
    assert image_width(qtbot, window, prefix + "real.png") == 1
    assert image_width(qtbot, window, prefix + "leak.png") == 0
    assert image_width(qtbot, window, prefix + "..%2f..%2fsecret.png") == 0
    assert image_width(qtbot, window, prefix + "%2e%2e/%2e%2e/secret.png") == 0


def test_your_css_only_drops_smugdesks_own_stylesheet(qtbot, make_window, tmp_path):
    sheets = user_css_dir()
    sheets.mkdir(parents=True)
    (sheets / "mine.css").write_text("body { letter-spacing: 2px } </style><p id=x>")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "p.md"
    post.write_text("---\ntitle: Mine\n---\n\nMy words.\n")
    window = make_window(drafts)
    assert window.open_path(post)
    wait_preview(qtbot, window)
    styles = PreviewStyleMenu(QMenu(window), window.preview, lambda: window.file.path, list)
    mine = next(a for a in styles.menu.actions() if a.text() == "Your CSS Only")
    assert mine.isEnabled()
    smugdesk_rule = "getComputedStyle(document.querySelector('#sd-body p')).marginBottom"
    plain_margin = run_js(qtbot, window, smugdesk_rule)
    mine.trigger()
    # smugdesk's stylesheet is gone (its paragraph margin with it), the writer's stays.
    assert wait_js(
        qtbot,
        window,
        "document.getElementById('sd-body').textContent.includes('My words')"
        f" && {smugdesk_rule} !== {json.dumps(plain_margin)}"
        " && getComputedStyle(document.body).letterSpacing === '2px'",
    )
    assert run_js(qtbot, window, "document.getElementById('x') === null")
    assert style_for(post) == "css"
