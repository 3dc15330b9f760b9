"""Capturing a hostile theme: the capture fetches nothing from another origin (a listener
on 127.0.0.1 stands for it and must receive nothing), survives @import loops, endless
@import chains and huge stylesheets within its caps, refuses a page that redirects
elsewhere, and never leaves a half-made theme in place of a good one.

The blog is a real HTTP server (Python's http.server) serving a folder of hostile files;
only the redirects come from a stand-in handler, since a static server cannot make them.
"""

from __future__ import annotations

import http.server
import re
import socket
import threading
import time

import pytest
from theme_sites import WordPressTheme, wordpress_theme_installed

from smugdesk.publish import theme_capture
from smugdesk.publish.theme_capture import (
    ThemeCaptureError,
    capture_page,
    capture_wordpress,
    check_changed,
    load_theme,
)

PAGE = """<!doctype html><html><head><title>Blog</title>
<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/huge.css">
<link rel="stylesheet" href="/d0.css"><link rel="stylesheet" href="/moved.css">
<link rel="stylesheet" href="{out}/other.css">
<script src="/app.js"></script></head>
<body><header><img src="/logo.png"><img src="{out}/tracker.gif"></header>
<article><h1 class="entry-title">Old</h1><div class="entry-content"><p>old</p></div></article>
</body></html>"""


class Blog(http.server.SimpleHTTPRequestHandler):
    """Files from the folder; a stand-in only for the two redirects to another origin."""

    outside = ""

    def do_GET(self):
        if self.path in ("/moved.css", "/moved-page/"):
            self.send_response(302)
            self.send_header("Location", f"{self.outside}{self.path}")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass


class Listener:
    """A TCP listener on 127.0.0.1 that notes every connection: the other origin."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.1)
        self.base = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.received: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.received.append("connected")
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.socket.close()


@pytest.fixture
def outside():
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def blog(tmp_path, outside):
    root = tmp_path / "site"
    root.mkdir()
    out = outside.base
    (root / "index.html").write_text(PAGE.format(out=out), encoding="utf-8")
    (root / "a.css").write_text(
        '@import "b.css"; @import url(a.css);\n'
        f"body {{ background: url({out}/bg.png) }}\n"
        "@font-face { font-family: T; src: url(font.woff2) format('woff2') }\n"
        ".x { background: url('file:///etc/passwd') } .y { background: url(logo.png) }\n",
        encoding="utf-8",
    )
    (root / "b.css").write_text('@import "a.css"; .b { color: red }', encoding="utf-8")
    for n in range(30):  # an endless chain, as far as the capture is concerned
        (root / f"d{n}.css").write_text(f'@import "d{n + 1}.css"; .d{n} {{ top: {n}px }}')
    (root / "huge.css").write_bytes(b".h{color:red}" * (3 * 1024 * 1024 // 13 + 1))
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    (root / "font.woff2").write_bytes(b"wOF2" + b"0" * 100)
    (root / "app.js").write_text("alert(1)")
    handler = type("Handler", (Blog,), {"outside": out})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: handler(*a, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_hostile_theme_is_captured_within_its_caps_and_its_origin(tmp_path, blog, outside):
    folder = tmp_path / "theme"
    started = time.monotonic()
    theme = capture_page(blog + "index.html", folder, name="Hostile")
    assert time.monotonic() - started < 20
    template = theme.template()
    stored = {p.name: p.read_bytes() for p in (folder / "files").iterdir()}
    css = b"\n".join(data for name, data in stored.items() if name.endswith(".css"))
    # Nothing from the other origin was fetched, and no address of it is left.
    assert outside.received == []
    assert outside.base not in template and outside.base.encode() not in css
    assert b"file:" not in css and "script" not in template
    # The loop a.css ↔ b.css is cut; the chain stops at its depth; the huge sheet is left
    # out; the redirected one too; the font and the logo are stored.
    assert b".b { color: red }" in css
    assert b".d0 {" in css and b".d29 {" not in css
    assert sum(1 for data in stored.values() if b".d" in data and b"top:" in data) <= (
        theme_capture.MAX_IMPORT_DEPTH
    )
    assert not any(len(data) > theme_capture.MAX_CSS_BYTES for data in stored.values())
    assert any(name.endswith(".woff2") for name in stored)
    assert any(name.endswith(".png") for name in stored)
    assert not any(name.endswith(".js") for name in stored)
    assert theme.skipped >= 4
    assert theme.size == sum(len(d) for d in stored.values()) + len(template.encode())


def test_the_total_size_cap_holds(tmp_path, blog, monkeypatch):
    monkeypatch.setattr(theme_capture, "MAX_TOTAL_BYTES", 600)
    theme = capture_page(blog + "index.html", tmp_path / "theme", name="Capped")
    stored = sum(p.stat().st_size for p in (tmp_path / "theme" / "files").iterdir())
    assert stored <= 600
    assert theme.skipped > 0


def test_the_file_count_cap_holds(tmp_path, blog, monkeypatch):
    monkeypatch.setattr(theme_capture, "MAX_FILES", 2)
    theme = capture_page(blog + "index.html", tmp_path / "theme", name="Few")
    assert len(list((tmp_path / "theme" / "files").iterdir())) == theme.files == 2


def test_the_capture_deadline_holds(tmp_path, blog, monkeypatch):
    """Past the whole capture's deadline nothing more is fetched (the page is still made)."""
    monkeypatch.setattr(theme_capture, "CAPTURE_DEADLINE", 0.0)
    theme = capture_page(blog + "index.html", tmp_path / "theme", name="Late")
    assert theme.files == 0 and theme.skipped > 0
    assert 'id="sd-body"' in theme.template()


def test_a_page_that_redirects_elsewhere_is_refused_in_one_line(tmp_path, blog, outside):
    with pytest.raises(ThemeCaptureError) as caught:
        capture_page(blog + "moved-page/", tmp_path / "theme", name="Moved")
    assert "\n" not in str(caught.value)
    assert outside.received == []
    assert not (tmp_path / "theme").exists()


def test_a_failed_capture_keeps_the_theme_there_was(tmp_path, blog):
    folder = tmp_path / "theme"
    first = capture_page(blog + "index.html", folder, name="Good")
    before = first.template()
    (tmp_path / "site" / "empty.html").write_text("<html><body><p>x</p></body></html>")
    with pytest.raises(ThemeCaptureError, match="no element for the post"):
        capture_page(blog + "empty.html", folder, name="Broken")
    assert load_theme(folder) == first
    assert first.template() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".theme")] == []


def test_a_classic_wordpress_theme_and_a_new_look_noticed(wordpress, tmp_path):
    """Debian's Twenty Twenty-One (a classic theme: article .entry-content) on a real
    WordPress; switching the blog to Twenty Twenty-Three is noticed as a new look."""
    if not (wordpress_theme_installed("twentytwentyone")):
        pytest.skip("apt-get install wordpress-theme-twentytwentyone")
    if not wordpress_theme_installed("twentytwentythree"):
        pytest.skip("apt-get install wordpress-theme-twentytwentythree")
    post_id = wordpress.php(
        "echo wp_insert_post(['post_title' => 'Classic', 'post_status' => 'publish',"
        " 'post_content' => '<p>Classic words.</p>']);"
    ).strip()
    try:
        with WordPressTheme(wordpress, "twentytwentyone"):
            theme = capture_wordpress(wordpress.url, tmp_path / "theme")
            template = theme.template()
            assert re.search(r'<div class="entry-content" id="sd-body"></div>', template)
            assert '<h1 class="entry-title" id="sd-title">{{title}}</h1>' in template
            assert re.search(
                r'<time class="entry-date[^"]*" id="sd-date" datetime="\{\{date_iso\}\}">'
                r"\{\{date_text\}\}</time>",
                template,
            )
            assert "Classic words" not in template and "<script" not in template
            assert theme.name == "Ward Notes" and theme.files > 0
            assert not check_changed(theme)
            with WordPressTheme(wordpress, "twentytwentythree"):
                assert check_changed(theme)
    finally:
        wordpress.php(f"wp_delete_post({int(post_id)}, true); echo 'ok';")


def test_a_blog_without_the_wordpress_api_is_captured_from_its_home_page(tmp_path, blog):
    """A MetaWeblog account names the blog's xmlrpc.php; a blog of another kind has no
    REST API: its home page is the theme's page then."""
    theme = capture_wordpress(blog + "xmlrpc.php", tmp_path / "theme")
    assert theme.source == blog
    assert '<div class="entry-content" id="sd-body"></div>' in theme.template()


def test_a_blog_that_cannot_be_reached_says_so_in_one_line(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ThemeCaptureError, match="cannot be reached") as caught:
        capture_wordpress(f"http://127.0.0.1:{port}/", tmp_path / "theme")
    assert "\n" not in str(caught.value)
