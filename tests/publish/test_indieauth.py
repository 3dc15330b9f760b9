"""IndieAuth sign-in against the real server's own authorization and token endpoints
(django-indieweb): PKCE, the redirect back to 127.0.0.1, the token it gives working on the
Micropub endpoint; a redirect with another state is ignored, a refusal is said.

The browser is played by the test: a writer already logged in to the blog (a session made
in the server's own database) approves the consent form, as the page's form would post it.
django-indieweb's consent page itself needs a template set-up the test server lacks, so the
form is posted directly; the endpoints, codes, PKCE check and token are the server's."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from smugdesk.core.accounts import Account
from smugdesk.publish import indieauth
from smugdesk.publish.indieauth import SignIn, SignInError
from smugdesk.publish.remote import AuthError, make_publisher

MICROPUB_DIR = Path(__file__).resolve().parents[1] / "micropub"
CSRF = "s" * 32  # a CSRF secret the "browser" holds as cookie and form field alike
SESSION_CODE = """
import django
django.setup()
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
user = User.objects.get(username="writer")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


@pytest.fixture(scope="module")
def logged_in(micropub_site) -> str:
    """A session cookie of the writer, logged in to the blog in their browser."""
    done = subprocess.run(
        [sys.executable, "-c", SESSION_CODE],
        env={
            **os.environ,
            "PYTHONPATH": str(MICROPUB_DIR),
            "DJANGO_SETTINGS_MODULE": "mp_settings",
            "SMUGDESK_MICROPUB_DATA": str(micropub_site.data),
            "SMUGDESK_MICROPUB_BASE": micropub_site.base,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def browser(session: str, action: str = "approve"):
    """The writer's browser: shown the authorization URL, the writer answers the consent
    form; the browser follows the server's redirect to wherever it points."""

    def open_url(url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        asked = dict(urllib.parse.parse_qsl(parts.query))
        form = {
            key: asked[key]
            for key in (
                "client_id",
                "redirect_uri",
                "state",
                "me",
                "scope",
                "code_challenge",
                "code_challenge_method",
            )
        }
        form.update(action=action, csrfmiddlewaretoken=CSRF)
        request = urllib.request.Request(
            urllib.parse.urlunsplit(parts._replace(query="")),
            data=urllib.parse.urlencode(form).encode(),
            headers={"Cookie": f"sessionid={session}; csrftoken={CSRF}"},
        )
        with urllib.request.urlopen(request, timeout=20) as answer:  # follows the 302
            answer.read()

    return open_url


def start(micropub_site) -> SignIn:
    return SignIn(
        micropub_site.base + "/",
        micropub_site.base + "/indieweb/auth/",
        micropub_site.base + "/indieweb/token/",
    )


def test_sign_in_gives_a_token_the_micropub_endpoint_takes(micropub_site, logged_in):
    sign_in = start(micropub_site)
    asked = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(sign_in.url).query))
    assert asked["code_challenge"] == indieauth.challenge(sign_in.code_verifier)
    assert asked["code_challenge_method"] == "S256"
    assert asked["redirect_uri"].startswith("http://127.0.0.1:")
    assert sign_in.code_verifier not in sign_in.url  # only its hash goes to the browser
    threading.Thread(target=browser(logged_in), args=(sign_in.url,), daemon=True).start()
    token = sign_in.finish(seconds=60)
    assert token.me == micropub_site.base + "/"
    assert "create" in token.scope
    account = Account("Notes", "micropub", micropub_site.endpoint)
    assert "token accepted" in make_publisher(account, token.access_token, 20).verify()


def test_a_redirect_with_another_state_is_ignored(micropub_site, logged_in):
    """A page that sends the browser to the listener with its own state (a forged sign-in)
    gets nothing, and the real answer that follows is still taken."""
    sign_in = start(micropub_site)
    forged = sign_in.redirect_uri + "?code=stolen&state=not-ours"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(forged, timeout=10)
    assert refused.value.code == 400
    threading.Thread(target=browser(logged_in), args=(sign_in.url,), daemon=True).start()
    assert sign_in.finish(seconds=60).access_token


def test_a_refusal_in_the_browser_is_said(micropub_site, logged_in):
    sign_in = start(micropub_site)
    threading.Thread(target=browser(logged_in, "deny"), args=(sign_in.url,), daemon=True).start()
    with pytest.raises(AuthError, match="did not grant access: access_denied"):
        sign_in.finish(seconds=60)


def test_a_code_without_the_verifier_is_refused(micropub_site, logged_in):
    """The real token endpoint checks PKCE: a code caught on its way is useless alone."""
    sign_in = start(micropub_site)
    threading.Thread(target=browser(logged_in), args=(sign_in.url,), daemon=True).start()
    code = sign_in.wait_for_code(seconds=60)
    sign_in.code_verifier = indieauth.verifier()  # what a thief without it would send
    with pytest.raises(AuthError, match="refused the code"):
        sign_in.exchange(code)


def test_a_plain_http_token_endpoint_elsewhere_is_refused():
    with pytest.raises(SignInError, match="plain http"):
        SignIn("https://me.example/", "https://me.example/auth", "http://tokens.example/token")


def test_waiting_ends_at_its_deadline(micropub_site):
    sign_in = start(micropub_site)
    with pytest.raises(indieauth.PublishTimeoutError):
        sign_in.wait_for_code(seconds=0.3)


def test_a_token_for_another_site_is_not_used():
    """The token endpoint answers for someone else's site: the token is not taken."""
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class OtherMe(BaseHTTPRequestHandler):
        """A stand-in token endpoint that hands out a token for another site (no real
        server does that on purpose)."""

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            body = json.dumps({"access_token": "t", "me": "https://other.example/"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), OtherMe)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        sign_in = SignIn("http://127.0.0.1:9/", base + "/auth", base + "/token")
        with pytest.raises(SignInError, match=r"the token is for https://other\.example/"):
            sign_in.exchange("code")
        sign_in.close()
    finally:
        server.shutdown()
        server.server_close()


def test_add_blog_signs_in_through_the_browser(qtbot, micropub_site, logged_in, tmp_path):
    """The Add Blog dialog with a Micropub blog: Sign In with Browser, the writer approves,
    and the account is kept with the token in the keyring."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from smugdesk.core.accounts import load_accounts, save_accounts
    from smugdesk.core.credentials import get_secret
    from smugdesk.ui.dialogs.add_blog import AddBlogDialog

    class HomePage(BaseHTTPRequestHandler):
        """A stand-in for the blog's home page only: it names the real server's Micropub,
        authorization and token endpoints."""

        def do_GET(self):
            base = micropub_site.base
            body = (
                "<title>Field Notes</title>"
                f'<link rel="micropub" href="{micropub_site.endpoint}">'
                f'<link rel="authorization_endpoint" href="{base}/indieweb/auth/">'
                f'<link rel="token_endpoint" href="{base}/indieweb/token/">'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    from smugdesk.ui.application import create_application

    create_application()
    server = ThreadingHTTPServer(("127.0.0.1", 0), HomePage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dialog = AddBlogDialog([], save_accounts)
        qtbot.addWidget(dialog)
        dialog.show()
        opened: list[str] = []

        def play_browser(url: str) -> None:
            opened.append(url)
            threading.Thread(target=browser(logged_in), args=(url,), daemon=True).start()

        dialog.open_browser = play_browser
        dialog.address.setText(f"http://127.0.0.1:{server.server_address[1]}/")
        dialog.find()
        qtbot.waitUntil(lambda: dialog.state in ("found", "error"), timeout=60_000)
        assert dialog.state == "found", dialog.status.text()
        assert dialog.browser_button.isVisible() and not dialog.user.isEnabled()
        assert dialog.browser_button.isDefault() and not dialog.add_button.isDefault()
        assert dialog.secret_caption.text() == "&Token:"
        folder = Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path)
        QApplication.processEvents()
        assert dialog.grab().save(str(folder / "add-blog-5-found-micropub.png"))
        dialog.browser_button.click()
        qtbot.waitUntil(lambda: dialog.state in ("added", "error"), timeout=60_000)
        assert dialog.state == "added", dialog.status.text()
        assert opened and opened[0].startswith(micropub_site.base + "/indieweb/auth/?")
        [kept] = load_accounts()
        assert (kept.name, kept.kind, kept.url) == (
            "Field Notes",
            "micropub",
            micropub_site.endpoint,
        )
        token = get_secret("Field Notes")
        assert token and "token accepted" in dialog.summary
    finally:
        server.shutdown()
        server.server_close()
        # Deleted now, with its finished helpers, while Qt is whole (see tests/ui/conftest).
        dialog.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
