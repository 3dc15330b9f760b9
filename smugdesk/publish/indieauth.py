"""IndieAuth sign-in for a Micropub blog, as a desktop app does it (no Qt here).

The writer's browser opens the blog's authorization endpoint; the writer approves there; the
browser is sent back to a one-off listener on 127.0.0.1 with a code; smugdesk exchanges the
code at the token endpoint for an access token. PKCE (S256) binds the code to this sign-in:
a code caught on the way is useless without the verifier, which never leaves this process
except to the token endpoint. ``state`` ties the redirect to the request smugdesk made.

The client id is the listener's own origin (``http://127.0.0.1:PORT/``): servers that
require the redirect address to share the client id's origin (django-indieweb's default
rule) accept it, and nothing on the web has to be published for it."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer

from smugdesk.core.accounts import is_loopback
from smugdesk.publish import http
from smugdesk.publish.remote import AuthError, PublishError, PublishTimeoutError

SCOPE = "create update delete media"
WAIT_SECONDS = 300.0  # the writer has five minutes to approve in the browser
CALLBACK = "/callback"


class SignInError(PublishError):
    """The sign-in could not finish; the message says why and what to do."""


@dataclass(frozen=True)
class Token:
    access_token: str
    me: str
    scope: str


def verifier() -> str:
    """A PKCE code verifier: 64 random characters from the unreserved set."""
    return secrets.token_urlsafe(48)


def challenge(code_verifier: str) -> str:
    """The S256 challenge for ``code_verifier`` (RFC 7636)."""
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _check_endpoint(url: str, what: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SignInError(f"the blog's {what} ({url[:120]}) is not a web address")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise SignInError(
            f"the blog's {what} is a plain http:// address ({url[:120]}): the sign-in would "
            "travel unencrypted, so smugdesk does not use it; paste a token instead"
        )
    return url


class _Receiver(HTTPServer):
    """The one-off listener on 127.0.0.1 the browser is sent back to."""

    def __init__(self, state: str) -> None:
        super().__init__(("127.0.0.1", 0), _Callback)
        self.state = state
        self.answer: dict[str, str] | None = None
        self.arrived = threading.Event()


class _Callback(BaseHTTPRequestHandler):
    server: _Receiver

    def do_GET(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        if parts.path != CALLBACK:
            self._page(404, "Nothing here.")
            return
        if not secrets.compare_digest(query.get("state", ""), self.server.state):
            # Not the answer to smugdesk's request (another page, or a forged redirect):
            # refused, and the sign-in goes on waiting for the real one.
            self._page(400, "This sign-in was not started by smugdesk; it was ignored.")
            return
        self.server.answer = query
        self.server.arrived.set()
        if "code" in query:
            self._page(200, "Signed in. You can close this tab and go back to smugdesk.")
        else:
            self._page(200, "Sign-in not completed. You can close this tab.")

    def _page(self, status: int, text: str) -> None:
        body = (
            "<!doctype html><meta charset=utf-8><title>smugdesk</title>"
            f"<p style='font:16px sans-serif;margin:2em'>{html.escape(text)}</p>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # a request log on stderr helps no writer
        pass


class SignIn:
    """One IndieAuth sign-in: ``url`` is what the browser opens; ``finish()`` waits for the
    redirect back and returns the token. ``cancel()`` stops the wait (the dialog closed)."""

    def __init__(
        self, me: str, authorization_endpoint: str, token_endpoint: str, scope: str = SCOPE
    ) -> None:
        self.authorization_endpoint = _check_endpoint(
            authorization_endpoint, "authorization endpoint"
        )
        self.token_endpoint = _check_endpoint(token_endpoint, "token endpoint")
        self.me = me
        self.scope = scope
        self.state = secrets.token_urlsafe(24)
        self.code_verifier = verifier()
        self._receiver = _Receiver(self.state)
        port = self._receiver.server_address[1]
        self.client_id = f"http://127.0.0.1:{port}/"
        self.redirect_uri = f"http://127.0.0.1:{port}{CALLBACK}"
        self._cancelled = threading.Event()
        self._thread = threading.Thread(
            target=self._receiver.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="smugdesk-indieauth",
            daemon=True,
        )
        self._thread.start()
        query = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "state": self.state,
            "code_challenge": challenge(self.code_verifier),
            "code_challenge_method": "S256",
            "scope": scope,
            "me": me,
        }
        self.url = http._with_params(self.authorization_endpoint, query)

    def cancel(self) -> None:
        self._cancelled.set()
        self._receiver.arrived.set()

    def close(self) -> None:
        self._receiver.shutdown()
        self._receiver.server_close()

    def wait_for_code(self, seconds: float = WAIT_SECONDS) -> str:
        end = time.monotonic() + seconds
        try:
            while not self._receiver.arrived.wait(min(0.2, max(0.0, end - time.monotonic()))):
                if time.monotonic() >= end:
                    raise PublishTimeoutError(
                        "the sign-in was not approved in the browser in time; try again, or "
                        "paste a token"
                    )
        finally:
            self.close()
        if self._cancelled.is_set():
            raise SignInError("the sign-in was cancelled")
        answer = self._receiver.answer or {}
        if answer.get("error"):
            said = answer.get("error_description") or answer["error"]
            raise AuthError(f"the blog did not grant access: {said}")
        if not answer.get("code"):
            raise SignInError("the blog sent the browser back without a code")
        return answer["code"]

    def exchange(self, code: str, deadline: float = 20.0) -> Token:
        """The code (with the PKCE verifier) for an access token, at the token endpoint."""
        client = http.Client(self.token_endpoint, deadline=deadline, max_bytes=64 * 1024)
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "code_verifier": self.code_verifier,
        }
        answer = client.request("POST", self.token_endpoint, form=form, ok=tuple(range(200, 600)))
        values = _token_answer(answer)
        if answer.status not in (200, 201) or not values.get("access_token"):
            said = (
                values.get("error_description") or values.get("error") or http._snippet(answer.body)
            )
            raise AuthError(f"the token endpoint refused the code ({answer.status}): {said}")
        me = str(values.get("me") or "")
        if me and http.origin(me)[1] != http.origin(self.me)[1]:
            # A token for another person's site is not the one the writer asked for.
            raise SignInError(f"the token is for {me[:120]}, not for {self.me[:120]}: not used")
        return Token(str(values["access_token"]), me or self.me, str(values.get("scope", "")))

    def finish(self, seconds: float = WAIT_SECONDS) -> Token:
        return self.exchange(self.wait_for_code(seconds))


def _token_answer(answer: http.Response) -> dict:
    """A token endpoint's answer, JSON or form-encoded (both are in use)."""
    text = answer.body.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except ValueError:
        return dict(urllib.parse.parse_qsl(text))
    return data if isinstance(data, dict) else {}
