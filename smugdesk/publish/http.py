"""A small HTTP client on the standard library for the publishers: a timeout on every call,
and every failure turned into an error a person can act on."""

from __future__ import annotations

import base64
import json
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from smugdesk import __version__
from smugdesk.publish.remote import AuthError, OfflineError, PublishError, PublishTimeoutError

USER_AGENT = f"smugdesk/{__version__}"


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise PublishError(
                "the server answered with something that is not JSON "
                f"(is this the right address?): {_snippet(self.body)}"
            ) from None


def _snippet(body: bytes, limit: int = 160) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text[:limit] + ("…" if len(text) > limit else "")


def basic_auth(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode("ascii")


def server_message(body: bytes) -> str:
    """What the server said, from a JSON error (WordPress: ``message``; Micropub:
    ``error_description``) or the text of the page."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return _snippet(body)
    if isinstance(data, dict):
        for key in ("message", "error_description", "error"):
            if isinstance(data.get(key), str) and data[key]:
                return data[key]
    return _snippet(body)


def failure(status: int, body: bytes, url: str) -> PublishError:
    said = server_message(body)
    host = urllib.parse.urlsplit(url).netloc
    if status == 401:
        return AuthError(f"{host} refused the user name or password (401): {said}")
    if status == 403:
        return AuthError(f"{host} says this account may not do that (403): {said}")
    if status == 404:
        return PublishError(f"not found on {host} (404): is the blog's address right? {said}")
    if status >= 500:
        return PublishError(f"{host} had a server error ({status}): {said}")
    return PublishError(f"{host} refused the request ({status}): {said}")


def network_error(error: BaseException, url: str) -> PublishError:
    host = urllib.parse.urlsplit(url).netloc or url
    reason = getattr(error, "reason", error)
    if isinstance(reason, TimeoutError | socket.timeout):
        return PublishTimeoutError(f"{host} did not answer in time")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return PublishError(f"{host}'s security certificate is not valid: {reason.verify_message}")
    if isinstance(reason, ssl.SSLError):
        return PublishError(f"a secure connection to {host} failed: {reason}")
    if isinstance(reason, socket.gaierror):
        return OfflineError(f"{host} cannot be found: no network, or the address is wrong")
    if isinstance(reason, ConnectionRefusedError):
        return OfflineError(f"{host} refused the connection: the site is down or the port is wrong")
    if isinstance(reason, OSError):
        return OfflineError(f"{host} cannot be reached: {reason.strerror or reason}")
    return PublishError(f"{host}: {reason}")


def request(
    method: str,
    url: str,
    *,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
    form: dict[str, Any] | None = None,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
    ok: tuple[int, ...] = (200, 201, 202, 204),
) -> Response:
    """One HTTP call. ``params`` join any query already in ``url``. A status outside ``ok``
    raises ``failure``; network trouble raises ``network_error``."""
    if params:
        parts = urllib.parse.urlsplit(url)
        query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        query += [(k, str(v)) for k, v in params.items() if v is not None]
        url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
    head = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    if json_body is not None:
        data = json.dumps(json_body).encode("utf-8")
        head["Content-Type"] = "application/json; charset=utf-8"
    elif form is not None:
        data = urllib.parse.urlencode(form, doseq=True).encode("utf-8")
        head["Content-Type"] = "application/x-www-form-urlencoded"
    call = urllib.request.Request(url, data=data, headers=head, method=method)
    try:
        with urllib.request.urlopen(call, timeout=timeout) as answer:
            response = Response(
                answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
            )
    except urllib.error.HTTPError as error:
        body = error.read() if error.fp else b""
        response = Response(error.code, {k.lower(): v for k, v in error.headers.items()}, body)
    except (urllib.error.URLError, OSError) as error:
        raise network_error(error, url) from None
    if response.status not in ok:
        raise failure(response.status, response.body, url)
    return response
