"""Hostile posts in the real preview: the page reaches no network, no file outside the post's
folder, opens nothing on the desktop without a real click, and cannot speak for preview.js.

Every network attack points at a TCP listener on 127.0.0.1 that must receive nothing. The
attacks are run with both walls (request interceptor and Content-Security-Policy), and with
each wall alone, so that each wall is shown to hold by itself. An attack "has happened" when
one of the walls reports it (the interceptor's blocked list, a CSP violation event, or a
refused navigation): the tests wait for that, never for a fixed time.
"""

from __future__ import annotations

import base64
import json
import socket
import threading

import pytest
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript, QWebEngineSettings
from PySide6.QtWidgets import QApplication
from qt_helpers import real_click, run_js, wait_preview

from smugdesk.core.post_scripts import scripts_allowed
from smugdesk.ui import preview_sandbox
from smugdesk.ui.preview import PreviewPage
from smugdesk.ui.preview_sandbox import (
    AssetRefusedError,
    PreviewSandbox,
    content_security_policy,
    parse_message,
    resolve_asset,
    sandbox,
)

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
FRONT = "---\ntitle: Hostile\n---\n"


class Listener:
    """A real TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(50)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            connection.settimeout(0.5)
            try:
                self.received.append(connection.recv(4096) or b"<connected>")
            except OSError:
                self.received.append(b"<connected>")
            finally:
                connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.socket.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def desktop(monkeypatch) -> list[str]:
    """QDesktopServices.openUrl, recorded instead of opening anything."""
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    return opened


class Attempts:
    """What the walls reported: requests the interceptor blocked, CSP violations in the
    page, navigations the page refused."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window = qtbot, window
        self.refused: list[str] = []
        page = window.preview.page()
        page.refused.connect(lambda url: self.refused.append(url.toString()))
        sandbox().blocked.clear()
        # CSP violations, noted from the page's next load on, in the preview's own world.
        script = QWebEngineScript()
        script.setName("test-violations")
        script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setSourceCode(
            "window.violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " (e) => window.violations.push(e.blockedURI + ' ' + e.effectiveDirective));"
        )
        page.scripts().insert(script)
        window.preview.reload()
        wait_page(qtbot, window)

    def seen(self) -> str:
        violations = json.loads(
            run_js(self.qtbot, self.window, "JSON.stringify(window.violations || [])")
        )
        return " ".join([*sandbox().blocked, *violations, *self.refused])

    def wait_for(self, markers: list, timeout: int = 10000) -> None:
        """Until every marker was stopped by a wall. A marker is a URL path, or a tuple of
        alternatives (CSP reports a frame's origin only, with the directive it broke)."""

        def missing() -> list:
            seen = self.seen()
            return [
                m
                for m in markers
                if not any(a in seen for a in (m if isinstance(m, tuple) else (m,)))
            ]

        try:
            self.qtbot.waitUntil(lambda: not missing(), timeout=timeout)
        except Exception:
            raise AssertionError(f"never attempted or not stopped: {missing()}") from None


def markup_attacks(base: str) -> tuple[str, list[str]]:
    """Raw HTML in a post that loads from the network without any script. (Resource hints
    and <meta http-equiv> are taken out before the HTML enters the page: no wall ever sees
    them, so they are not among the markers; the listener shows they did nothing.)"""
    html = f"""
<link rel="preconnect" href="{base}"><link rel="dns-prefetch" href="{base}">

<meta http-equiv="refresh" content="0;url={base}/refresh">

<img src="{base}/img" alt="">

<img srcset="{base}/srcset 2x" alt="">

<link rel="stylesheet" href="{base}/sheet">

<style>@import url("{base}/import");
.x {{ background: url("{base}/bg"); }}
@font-face {{ font-family: evil; src: url("{base}/font"); }}
.y {{ font-family: evil; }}</style>

<p class="x y">Styled text that needs the font.</p>

<video src="{base}/video" poster="{base}/poster" preload="auto"></video>

<audio src="{base}/audio" preload="auto"></audio>

<iframe src="{base}/frame"></iframe>

<link rel="prefetch" href="{base}/prefetch">

<object data="{base}/object"></object>

<svg width="10" height="10"><image href="{base}/svgimage" width="10" height="10"/></svg>
"""
    markers = [
        "/img",
        "/srcset",
        "/sheet",
        "/import",
        "/bg",
        "/font",
        "/video",
        "/poster",
        "/audio",
        ("/frame", "frame-src"),
        ("/object", "object-src"),
        "/svgimage",
    ]
    return html, markers


def script_attacks(base: str) -> tuple[str, list[str]]:
    """A post's own script trying every way to talk to a server."""
    ws = base.replace("http:", "ws:")
    html = f"""
<script>
fetch("{base}/fetch").catch(() => {{}});
const xhr = new XMLHttpRequest(); xhr.open("GET", "{base}/xhr"); xhr.send();
try {{ new WebSocket("{ws}/websocket"); }} catch (e) {{}}
try {{ navigator.sendBeacon("{base}/beacon", "x"); }} catch (e) {{}}
try {{ new EventSource("{base}/eventsource"); }} catch (e) {{}}
new Image().src = "{base}/newimage";
const hint = document.createElement("link");
hint.rel = "prefetch"; hint.href = "{base}/scriptprefetch"; document.head.append(hint);
document.body.dataset.attacked = "yes";
</script>
"""
    markers = [
        "/fetch",
        "/xhr",
        "/websocket",
        "/beacon",
        "/eventsource",
        "/newimage",
        "/scriptprefetch",
    ]
    return html, markers


def show(qtbot, window, body: str) -> None:
    window.editor.setPlainText(FRONT + body)
    wait_preview(qtbot, window)


def saved_post(qtbot, window, tmp_path, body: str, name: str = "hostile") -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir(exist_ok=True)
    path = drafts / f"{name}.md"
    path.write_text(FRONT + body, encoding="utf-8")
    assert window.open_path(path)
    wait_preview(qtbot, window)
    return path


def allow_post_scripts(qtbot, window) -> None:
    """View → Run This Post's Scripts in Preview, as the writer would choose it."""
    window.commands.post_scripts.trigger()
    assert window.commands.post_scripts.isChecked()
    wait_page(qtbot, window)


def wait_page(qtbot, window) -> None:
    """Until the preview's page was rebuilt and shows the post again."""
    view = window.preview.view
    qtbot.waitUntil(lambda: view._ready and view._waiting is None, timeout=10000)
    wait_preview(qtbot, window)
    shown = "document.body.dataset.generation || ''"
    qtbot.waitUntil(lambda: run_js(qtbot, window, shown) != "", timeout=10000)


# ----- the network ------------------------------------------------------------------------


@pytest.fixture(params=["both walls", "interceptor alone", "policy alone"])
def guarded_window(request, monkeypatch, make_window):
    """A real window whose preview keeps both walls, or only one of them (the other taken
    down here), to show that each wall holds by itself."""
    if request.param == "interceptor alone":
        monkeypatch.setattr(preview_sandbox, "content_security_policy", lambda **_: "")
    elif request.param == "policy alone":
        monkeypatch.setattr(PreviewSandbox, "allows", lambda *_: True)
    return make_window()


def test_markup_reaches_no_network(qtbot, guarded_window, listener):
    window = guarded_window
    attempts = Attempts(qtbot, window)
    html, markers = markup_attacks(listener.base)
    scripts, _ = script_attacks(listener.base)  # scripts are off: these never run
    show(qtbot, window, html + scripts)
    attempts.wait_for(markers)
    assert run_js(qtbot, window, "document.body.dataset.attacked || 'no'") == "no"
    assert listener.received == []


def test_resource_hints_never_enter_the_page(qtbot, window, listener):
    """<link rel=preconnect> opens a socket without a request: neither the interceptor nor
    the policy sees it (tried: the listener got a bare connection a moment later). So it is
    taken out of the post's HTML before that HTML enters the page, as are <meta http-equiv>
    (refresh) and <base>; a stylesheet link stays."""
    base = listener.base
    show(
        qtbot,
        window,
        f'<link rel="preconnect" href="{base}"><link rel="dns-prefetch" href="{base}">\n\n'
        f'<link rel="prefetch" href="{base}/p"><link rel="preload" href="{base}/l" as="image">\n\n'
        f'<meta http-equiv="refresh" content="0;url={base}/r"><base href="{base}/">\n\n'
        '<link rel="stylesheet" href="own.css">\n\nText.\n',
    )
    left = "JSON.stringify(Array.from(document.querySelectorAll('#sd-body link, #sd-body meta,"
    left += " #sd-body base')).map((e) => e.outerHTML))"
    assert json.loads(run_js(qtbot, window, left)) == ['<link rel="stylesheet" href="own.css">']
    assert listener.received == []


def test_a_posts_scripts_reach_no_network(qtbot, guarded_window, listener, tmp_path):
    window = guarded_window
    html, markers = script_attacks(listener.base)
    markup, more = markup_attacks(listener.base)
    saved_post(qtbot, window, tmp_path, html + markup)
    allow_post_scripts(qtbot, window)
    attempts = Attempts(qtbot, window)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "document.body.dataset.attacked || ''") == "yes")
    attempts.wait_for(markers + more)
    assert listener.received == []


def test_remote_content_lets_only_players_through(qtbot, window, listener):
    window.commands.remote_content.trigger()  # View → Load Remote Content in Preview
    wait_page(qtbot, window)
    attempts = Attempts(qtbot, window)
    html, markers = markup_attacks(listener.base)
    https = listener.base.replace("http:", "https:")
    html += f'\n<iframe src="{https}/httpsframe"></iframe>\n\n<img src="{https}/httpsimg">\n'
    show(qtbot, window, html + "\nhttps://youtu.be/dQw4w9WgXcQ\n")
    attempts.wait_for([*markers, ("/httpsframe", "frame-src"), "/httpsimg"])
    assert listener.received == []
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in run_js(
        qtbot, window, "document.getElementById('sd-body').innerHTML"
    )


# ----- files ------------------------------------------------------------------------------


@pytest.fixture
def secret(tmp_path):
    """A file of the writer's outside the post's folder, and a real image beside it."""
    path = tmp_path / "secret.txt"
    path.write_text("TOP SECRET diary", encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(PNG)
    return path


def test_a_post_cannot_read_files_outside_its_folder(qtbot, window, tmp_path, secret):
    url = QUrl.fromLocalFile(str(secret)).toString()
    body = f"""
<iframe id="frame" src="{url}"></iframe>

<script>
const found = [];
const done = () => {{ document.body.dataset.found = JSON.stringify(found); }};
Promise.allSettled([
  fetch("{url}").then((r) => r.text()).then((t) => found.push(t)),
  new Promise((resolve) => {{
    const xhr = new XMLHttpRequest();
    xhr.onload = () => {{ found.push(xhr.responseText); resolve(); }};
    xhr.onerror = resolve;
    try {{ xhr.open("GET", "{url}"); xhr.send(); }} catch (e) {{ resolve(); }}
  }}),
  fetch("../secret.txt").then((r) => r.text()).then((t) => found.push(t)),
  fetch("..%2fsecret.txt").then((r) => r.text()).then((t) => found.push(t)),
]).then(done);
</script>
"""
    saved_post(qtbot, window, tmp_path, body)
    allow_post_scripts(qtbot, window)
    qtbot.waitUntil(
        lambda: run_js(qtbot, window, "document.body.dataset.found || ''") != "", timeout=10000
    )
    assert json.loads(run_js(qtbot, window, "document.body.dataset.found")) == []
    frame = (
        "(() => { try { return document.getElementById('frame').contentDocument.body.innerText;"
        " } catch (e) { return 'cross-origin'; } })()"
    )
    assert "TOP SECRET" not in (run_js(qtbot, window, frame) or "")
    # The post's script navigating the page itself to the file: the shell stays. (A
    # navigation the app refuses afterwards shows that the first one was dealt with.)
    refused = []
    window.preview.page().refused.connect(lambda url: refused.append(url.toString()))
    run_js(qtbot, window, f"location.href = {json.dumps(url)}; 1", world=0)
    run_js(qtbot, window, "location.href = 'https://example.invalid/after'; 1", world=0)
    qtbot.waitUntil(lambda: "https://example.invalid/after" in refused, timeout=5000)
    assert window.preview.page().url().scheme() == preview_sandbox.SCHEME
    assert "TOP SECRET" not in run_js(qtbot, window, "document.body.innerText")


def test_the_post_folder_serves_its_images_but_nothing_outside(qtbot, window, tmp_path, secret):
    assets = tmp_path / "drafts" / "hostile.assets"
    assets.mkdir(parents=True)
    (assets / "real.png").write_bytes(PNG)
    (assets / "link.png").symlink_to(tmp_path / "outside.png")
    (assets / "folder.png").mkdir()
    body = """
<img id="real" src="hostile.assets/real.png">

<img id="link" src="hostile.assets/link.png">

<img id="dots" src="..%2foutside.png">

<img id="up" src="hostile.assets/..%2f..%2foutside.png">

<img id="folder" src="hostile.assets/folder.png">

<img id="absolute" src="/etc/../outside.png">
"""
    saved_post(qtbot, window, tmp_path, body)
    ids = ["real", "link", "dots", "up", "folder", "absolute"]
    pairs = ",".join(
        f"[(e = document.getElementById('{i}')).complete, e.naturalWidth]" for i in ids
    )
    state = f"(() => {{ let e; return JSON.stringify([{pairs}]); }})()"
    qtbot.waitUntil(
        lambda: all(done for done, _ in json.loads(run_js(qtbot, window, state))), timeout=10000
    )
    widths = dict(zip(ids, (w for _, w in json.loads(run_js(qtbot, window, state))), strict=True))
    assert widths == {"real": 1, "link": 0, "dots": 0, "up": 0, "folder": 0, "absolute": 0}


def test_the_scheme_handler_refuses_paths_that_leave_the_folder(tmp_path, secret):
    folder = tmp_path / "drafts"
    (folder / "post.assets").mkdir(parents=True)
    (folder / "post.assets" / "a.png").write_bytes(PNG)
    (folder / "post.assets" / "out.png").symlink_to(tmp_path / "outside.png")
    (folder / "other-draft.md").write_text("private", encoding="utf-8")
    assert resolve_asset(folder, "/post.assets/a.png") == (folder / "post.assets" / "a.png")
    for path in (
        "/../outside.png",
        "/post.assets/../../outside.png",
        "/post.assets/out.png",
        "/other-draft.md",
        "/post.assets",
        "/.hidden.png",
        "/post.assets/a.png\x00.md",
        "/",
    ):
        with pytest.raises(AssetRefusedError):
            resolve_asset(folder, path)


# ----- scripts ----------------------------------------------------------------------------


@pytest.fixture(params=["both walls", "setting alone", "policy alone"])
def script_guarded_window(request, monkeypatch, make_window):
    """A real window whose preview keeps the post's JavaScript off by both walls (the page's
    JavascriptEnabled setting and the policy's script-src), or by one of them alone."""
    if request.param == "setting alone":
        monkeypatch.setattr(preview_sandbox, "content_security_policy", lambda **_: "")
    elif request.param == "policy alone":
        prepare = PreviewPage.prepare

        def scripts_always_on(page, shell, *, remote, scripts):
            prepare(page, shell, remote=remote, scripts=scripts)
            page.settings().setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, True)

        monkeypatch.setattr(PreviewPage, "prepare", scripts_always_on)
    return make_window()


def test_a_posts_scripts_do_not_run_unless_the_writer_turns_them_on(
    qtbot, script_guarded_window, tmp_path
):
    window = script_guarded_window
    body = """
<script>document.body.dataset.ran = "script";</script>

<img id="broken" src="missing.png" onerror="document.body.dataset.ran = 'handler'">
"""
    # A hostile post cannot switch its own scripts on: the choice is never read from it.
    trusting = "---\ntitle: Hostile\nscripts: true\npreview_scripts: true\n---\n" + body
    path = saved_post(qtbot, window, tmp_path, "")
    path.write_text(trusting, encoding="utf-8")
    assert window.open_path(path)
    wait_preview(qtbot, window)
    broken = "document.getElementById('broken').complete"
    qtbot.waitUntil(lambda: run_js(qtbot, window, broken) is True, timeout=10000)
    assert run_js(qtbot, window, "document.body.dataset.ran || 'none'") == "none"
    assert not window.commands.post_scripts.isChecked()

    allow_post_scripts(qtbot, window)  # the writer's choice, for this post only
    ran = "document.body.dataset.ran || ''"
    qtbot.waitUntil(lambda: run_js(qtbot, window, ran) in ("script", "handler"), timeout=10000)
    assert scripts_allowed(path)
    assert path.read_text(encoding="utf-8") == trusting  # kept beside the app, not in the post

    other = saved_post(qtbot, window, tmp_path, body, name="another")
    assert not scripts_allowed(other)
    assert not window.commands.post_scripts.isChecked()
    wait_page(qtbot, window)
    qtbot.waitUntil(lambda: run_js(qtbot, window, broken) is True, timeout=10000)
    assert run_js(qtbot, window, "document.body.dataset.ran || 'none'") == "none"


# ----- the desktop and the editor ---------------------------------------------------------


def test_forged_messages_and_script_clicks_open_nothing(qtbot, window, tmp_path, desktop):
    drafts = tmp_path / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "flu.md").write_text("---\ntitle: Flu\n---\nFlu body\n", encoding="utf-8")
    (drafts / "other.md").write_text("---\ntitle: Other\n---\nOther body\n", encoding="utf-8")
    body = """
[flu](post:flu) and [other](post:other) and [the web](https://example.org/web)

<script>
// When the writer presses the mouse anywhere, the post tries to act in their name.
document.addEventListener("mousedown", () => {
  console.info("smugdesk:open-post:flu");
  console.info("smugdesk:" + "0".repeat(32) + ":open-post:flu");
  console.info("smugdesk:goto-line:3");
  document.querySelector('a[href="post:flu"]').click();
  document.querySelector('a[href^="https:"]').click();
  document.querySelector('a[href="post:flu"]').dispatchEvent(
    new MouseEvent("click", {bubbles: true, cancelable: true}));
  window.open("https://example.org/popup");
}, true);
</script>
"""
    saved_post(qtbot, window, tmp_path, body)
    allow_post_scripts(qtbot, window)
    slugs: list[str] = []
    lines: list[int] = []
    window.preview.open_post.connect(slugs.append)
    window.preview.goto_line.connect(lines.append)

    real_click(qtbot, window, 'a[href="post:other"]')  # the writer's one real click
    qtbot.waitUntil(lambda: window.file.path == drafts / "other.md", timeout=5000)
    assert slugs == ["other"]  # messages arrive in order: the forged ones came first
    assert lines == []
    assert desktop == []


def test_real_clicks_open_only_web_links_in_the_browser(qtbot, window, tmp_path, desktop, secret):
    file_url = QUrl.fromLocalFile(str(secret)).toString()
    body = f"""
[the web](https://example.org/ok)

<p id="links"></p>

<script>
// Made by the script, so no renderer or exporter rule can have disarmed them.
for (const [id, href] of [["js", "javascript:document.title='pwned'"],
                          ["file", {json.dumps(file_url)}],
                          ["data", "data:text/html,<b>x</b>"],
                          ["scheme", "smugdesk-post://elsewhere/"],
                          ["vbs", "vbscript:msgbox(1)"]]) {{
  const a = document.createElement("a");
  a.id = id; a.href = href; a.textContent = id + " ";
  document.getElementById("links").append(a);
}}
</script>
"""
    saved_post(qtbot, window, tmp_path, body)
    allow_post_scripts(qtbot, window)
    qtbot.waitUntil(lambda: run_js(qtbot, window, "!!document.getElementById('vbs')") is True)
    for link in ("#js", "#file", "#data", "#scheme", "#vbs"):
        real_click(qtbot, window, link)
    real_click(qtbot, window, 'a[href="https://example.org/ok"]')
    qtbot.waitUntil(lambda: desktop == ["https://example.org/ok"], timeout=5000)
    assert run_js(qtbot, window, "document.title", world=0) != "pwned"
    assert window.preview.page().url().scheme() == preview_sandbox.SCHEME


def test_script_navigations_forms_and_windows_go_nowhere(qtbot, window, tmp_path, listener):
    base = listener.base
    body = f"""
<form id="form" action="{base}/form" method="post"><input name="a" value="b"></form>

<script>
document.body.dataset.popup = String(window.open("{base}/popup"));
document.getElementById("form").submit();
</script>
"""
    saved_post(qtbot, window, tmp_path, body)
    attempts = Attempts(qtbot, window)
    allow_post_scripts(qtbot, window)
    attempts.wait_for([("/form", "form-action")])
    run_js(qtbot, window, f"location = '{base}/location'; 1", world=0)  # the post's world
    attempts.wait_for(["/location"])
    assert run_js(qtbot, window, "document.body.dataset.popup") == "null"
    assert window.preview.page().url().scheme() == preview_sandbox.SCHEME
    assert listener.received == []
    # A refused navigation reports a failed load; the preview still follows the editor.
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText("\n\nStill live after the attempts.\n")
    wait_preview(qtbot, window)
    assert "Still live after the attempts." in run_js(qtbot, window, "document.body.innerText")


# ----- the pieces, one by one -------------------------------------------------------------


def test_only_the_preview_scripts_messages_count():
    nonce = "a" * 32
    assert parse_message(f"smugdesk:{nonce}:goto-line:12", nonce) == ("goto-line", 12)
    assert parse_message(f"smugdesk:{nonce}:open-post:flu-season", nonce) == (
        "open-post",
        "flu-season",
    )
    for forged in (
        "smugdesk:open-post:flu",  # the old, unsigned form
        f"smugdesk:{'b' * 32}:open-post:flu",  # a guessed nonce
        f"smugdesk:{nonce}:goto-line:-1",
        f"smugdesk:{nonce}:goto-line:99999999999",
        f"smugdesk:{nonce}:goto-line:1e3",
        f"smugdesk:{nonce}:open-post:../../etc/passwd",
        f"smugdesk:{nonce}:open-post:",
        f"smugdesk:{nonce}:open-post:a b",
        f"smugdesk:{nonce}:run:anything",
    ):
        assert parse_message(forged, nonce) is None, forged
    assert parse_message("smugdesk::goto-line:1", "") is None  # no nonce yet: nothing counts


def test_the_interceptor_lets_through_only_players_and_only_when_allowed(qtbot, window):
    types = preview_sandbox.QWebEngineUrlRequestInfo.ResourceType
    frame, image = types.ResourceTypeSubFrame, types.ResourceTypeImage
    gate = sandbox()
    offline = gate.grant(tmp_folder := window.drafts, "<head></head>", remote=False, scripts=False)
    online = gate.grant(tmp_folder, "<head></head>", remote=True, scripts=False)
    player = QUrl("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    youtube = QUrl("https://www.youtube-nocookie.com")
    assert gate.allows(player, online, online, frame)
    assert not gate.allows(player, offline, offline, frame)
    assert gate.allows(QUrl("https://i.ytimg.com/vi/x.jpg"), online, youtube, image)
    assert not gate.allows(QUrl("https://127.0.0.1/x.jpg"), online, youtube, image)
    assert not gate.allows(QUrl("http://www.youtube-nocookie.com/embed/x"), online, online, frame)
    assert not gate.allows(QUrl("https://tracker.example/pixel.gif"), online, online, image)
    assert not gate.allows(QUrl("file:///etc/passwd"), online, online, frame)
    other_page = QUrl(online.toString() + "x.png")
    assert gate.allows(other_page, online, online, image)
    assert not gate.allows(other_page, offline, offline, image)  # another page's folder
    gate.revoke(online)
    assert not gate.allows(other_page, online, online, image)
    gate.revoke(offline)
    policy = content_security_policy(remote=False, scripts=False)
    assert "script-src 'none'" in policy and "frame-src 'none'" in policy
    assert "https://www.youtube-nocookie.com" in content_security_policy(remote=True, scripts=False)


def test_link_navigations_need_a_real_click_and_a_web_scheme(window, desktop):
    page = window.preview.page()
    clicked = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    web = QUrl("https://example.org/story")
    assert page.acceptNavigationRequest(web, clicked, True) is False
    assert desktop == []  # no real input: a script's click
    page.note_real_input()
    for url in ("file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "post:flu"):
        assert page.acceptNavigationRequest(QUrl(url), clicked, True) is False
    assert desktop == []
    assert page.acceptNavigationRequest(web, clicked, True) is False  # never inside the preview
    assert desktop == ["https://example.org/story"]
    redirected = QWebEnginePage.NavigationType.NavigationTypeRedirect
    assert page.acceptNavigationRequest(QUrl("https://example.org/x"), redirected, True) is False
    assert desktop == ["https://example.org/story"]


def test_no_preview_rather_than_one_without_its_walls(qtbot, monkeypatch, tmp_path):
    """If the scheme cannot be registered (a web view made before the preview), the window
    still opens, without a preview and with a line saying why."""
    from smugdesk.ui.main_window import MainWindow

    monkeypatch.setattr(preview_sandbox, "_SANDBOX", None)
    monkeypatch.setattr(preview_sandbox, "register_scheme", lambda: False)
    window = MainWindow(tmp_path / "drafts")
    qtbot.addWidget(window)
    assert window.preview.start() is None
    assert "No preview: its URL scheme could not be registered" in window.preview._problem.text()


def test_footnote_and_contents_links_still_jump_inside_the_page(qtbot, window, desktop):
    filler = "\n\n".join(f"Paragraph {n} of filler text." for n in range(60))
    show(qtbot, window, f"A claim.[^1]\n\n{filler}\n\n[^1]: The source.\n")
    real_click(qtbot, window, 'a[href="#fn:1"]')
    qtbot.waitUntil(lambda: run_js(qtbot, window, "location.hash") == "#fn:1", timeout=5000)
    assert run_js(qtbot, window, "window.scrollY > 0") is True
    assert desktop == []


def test_a_closed_window_leaves_no_grant_behind(qtbot, make_window):
    window = make_window()
    url = window.preview.page().url()
    assert sandbox().grant_for(url) is not None
    window.close()  # deleted on close
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: sandbox().grant_for(url) is None, timeout=5000)
