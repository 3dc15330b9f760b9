"""The one HTTP client every publisher talks through (httpx underneath).

What it promises, whoever calls it:
- Credentials stay with their origin. A ``Client`` is bound to one account's scheme, host and
  port: it sends nothing (not the Authorization header, not an XML-RPC body with the password)
  anywhere else, follows no redirect to another origin (it reports it), never goes from https
  to http, and keeps no cookies between requests.
- A total deadline per request, not per read: a server that drips a byte a second is cut off
  at the deadline, however it paces its bytes.
- A cap on the size of an answer, counted while streaming (after decompression).
- Answers of the wrong shape give a one-line ``PublishError``: ``Response.json_object()`` /
  ``json_list()`` and ``expect_object()`` / ``expect_list()`` / ``expect_id()``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpx

from smugdesk import __version__
from smugdesk.publish.remote import (
    AnswerLostError,
    AuthError,
    OfflineError,
    PublishError,
    PublishTimeoutError,
    RefusedError,
)

USER_AGENT = f"smugdesk/{__version__}"
MAX_BYTES = 20 * 1024 * 1024
DEFAULT_DEADLINE = 30.0
_REDIRECTS = (301, 302, 303, 307, 308)
_MAX_HOPS = 5


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    url: str = ""

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise PublishError(
                f"{_host(self.url)} answered with something that is not JSON "
                f"(is this the right address?): {_snippet(self.body)}"
            ) from None

    def json_object(self, what: str = "the answer") -> dict:
        return expect_object(self.json(), what, self.url)

    def json_list(self, what: str = "the answer") -> list:
        return expect_list(self.json(), what, self.url)


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url or "the server"


def _snippet(body: bytes, limit: int = 160) -> str:
    text = " ".join(body[: limit * 4].decode("utf-8", "replace").split())
    return text[:limit] + ("…" if len(text) > limit or len(body) > limit * 4 else "")


def describe(value: Any) -> str:
    """A few words for what a server sent where something else was expected."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def expect_object(value: Any, what: str = "the answer", url: str = "") -> dict:
    if not isinstance(value, dict):
        where = f" from {_host(url)}" if url else ""
        raise PublishError(f"{what}{where} was {describe(value)}, not the object expected")
    return value


def expect_list(value: Any, what: str = "the answer", url: str = "") -> list:
    if not isinstance(value, list):
        where = f" from {_host(url)}" if url else ""
        raise PublishError(f"{what}{where} was {describe(value)}, not the list expected")
    return value


def expect_id(value: Any, what: str = "the answer") -> str:
    """The ``id`` of an object a server made: a number or a non-empty string."""
    item = expect_object(value, what).get("id")
    if isinstance(item, bool) or not isinstance(item, int | str) or not str(item).strip():
        raise PublishError(f"{what} has no usable id ({describe(item)})")
    return str(item)


def basic_auth(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode("ascii")


def server_message(body: bytes) -> str:
    """What the server said, from a JSON error (WordPress: ``message``; Micropub:
    ``error_description``) or the text of the page."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _snippet(body)
    if isinstance(data, dict):
        for key in ("message", "error_description", "error"):
            if isinstance(data.get(key), str) and data[key]:
                return data[key]
    return _snippet(body)


def failure(status: int, body: bytes, url: str) -> PublishError:
    said = server_message(body)
    host = _host(url)
    if status == 401:
        return AuthError(f"{host} refused the user name or password (401): {said}")
    if status == 403:
        return AuthError(f"{host} says this account may not do that (403): {said}")
    if status == 404:
        return RefusedError(f"not found on {host} (404): is the blog's address right? {said}")
    if status >= 500:
        return PublishError(f"{host} had a server error ({status}): {said}")
    return RefusedError(f"{host} refused the request ({status}): {said}")


def network_error(error: BaseException, url: str) -> PublishError:
    """A failure below HTTP, as a person reads it."""
    host = _host(url)
    if isinstance(error, httpx.ConnectTimeout):
        return OfflineError(f"{host} did not accept a connection in time")
    if isinstance(error, httpx.TimeoutException | TimeoutError | socket.timeout):
        return PublishTimeoutError(f"{host} did not answer in time")
    reason: BaseException = error
    while not isinstance(reason, ssl.SSLError | OSError):
        inner = reason.__cause__ or reason.__context__
        if inner is None:
            break
        reason = inner
    if isinstance(reason, ssl.SSLCertVerificationError):
        return PublishError(f"{host}'s security certificate is not valid: {reason.verify_message}")
    if isinstance(reason, ssl.SSLError):
        return PublishError(f"a secure connection to {host} failed: {reason.reason or reason}")
    if isinstance(reason, socket.gaierror):
        return OfflineError(f"{host} cannot be found: no network, or the address is wrong")
    if isinstance(reason, ConnectionRefusedError):
        return OfflineError(f"{host} refused the connection: the site is down or the port is wrong")
    if isinstance(error, httpx.ConnectError):
        return OfflineError(f"{host} cannot be reached: {error}")
    if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        # The request may have arrived: what the server did is unknown until asked.
        return AnswerLostError(f"the connection to {host} dropped before it answered")
    if isinstance(reason, OSError):
        return OfflineError(f"{host} cannot be reached: {reason.strerror or reason}")
    return PublishError(f"{host}: {error}")


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) with the default port filled in: what credentials are bound to."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or (443 if scheme == "https" else 80)


def _short(url: str, limit: int = 120) -> str:
    """A URL for a one-line message (a hostile Location may be long)."""
    return url if len(url) <= limit else url[:limit] + "…"


def _show(where: tuple[str, str, int]) -> str:
    scheme, host, port = where
    default = 443 if scheme == "https" else 80
    host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


def _with_params(url: str, params: dict[str, Any] | None) -> str:
    """``params`` join the query already in ``url`` (WordPress's ``?rest_route=`` style)."""
    if not params:
        return url
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query += [(k, str(v)) for k, v in params.items() if v is not None]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


_shared: httpx.Client | None = None
_shared_lock = threading.Lock()


def ssl_context() -> ssl.SSLContext | bool:
    """How certificates are checked (the system's trust store); tests swap in their own."""
    return True


def _transport() -> httpx.Client:
    """One connection pool for the process. It follows no redirect and stores no cookie: a
    cookie jar keys cookies by host only, so it would hand one port's cookie to another."""
    global _shared
    with _shared_lock:
        if _shared is None:
            jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
            _shared = httpx.Client(
                follow_redirects=False,
                cookies=jar,
                verify=ssl_context(),
                headers={"User-Agent": USER_AGENT},
            )
        return _shared


def reset_transport() -> None:
    """Drop the pool (after ``ssl_context`` changed, in tests)."""
    global _shared
    with _shared_lock:
        if _shared is not None:
            _shared.close()
        _shared = None


class Client:
    """Requests on behalf of one account: bound to ``base_url``'s origin, with ``headers``
    (the credentials) added to every request, a total ``deadline`` in seconds and an answer
    cap of ``max_bytes``."""

    def __init__(
        self,
        base_url: str,
        headers: dict[str, str] | None = None,
        *,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.origin = origin(base_url)
        if self.origin[0] not in ("http", "https") or not self.origin[1]:
            raise PublishError(f"{base_url!r} is not an http(s) address with a host")
        self.headers = dict(headers or {})
        self.deadline = deadline
        self.max_bytes = max_bytes

    def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        form: dict[str, Any] | None = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200, 201, 202, 204),
        deadline: float | None = None,
    ) -> Response:
        """One HTTP exchange. A status outside ``ok`` raises ``failure``; network trouble
        raises ``network_error``; a request for another origin is refused before anything is
        sent."""
        url = _with_params(url, params)
        head = {"Accept": "application/json", **self.headers, **(headers or {})}
        if json_body is not None:
            data = json.dumps(json_body).encode("utf-8")
            head["Content-Type"] = "application/json; charset=utf-8"
        elif form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode("utf-8")
            head["Content-Type"] = "application/x-www-form-urlencoded"
        end = time.monotonic() + (self.deadline if deadline is None else deadline)
        self._check_origin(url, url)
        for _hop in range(_MAX_HOPS + 1):
            try:
                response = self._exchange(method, url, head, data, end)
            except AnswerLostError:
                if method not in ("GET", "HEAD"):
                    raise  # a POST is never sent twice by the client: it may have arrived
                # A pooled connection the server had closed: a read is safe to ask again.
                response = self._exchange(method, url, head, data, end)
            if response.status not in _REDIRECTS or "location" not in response.headers:
                break
            target = urllib.parse.urljoin(url, response.headers["location"][:2000])
            self._check_origin(target, url)
            if method not in ("GET", "HEAD") and response.status not in (307, 308):
                # Browsers would turn a POST into a GET here: the post would be lost.
                raise PublishError(
                    f"the blog redirected the request to {_short(target)}; update the account's "
                    "address?"
                )
            url = target
        else:
            raise PublishError(f"{_host(url)} redirected more than {_MAX_HOPS} times")
        if response.status not in ok:
            raise failure(response.status, response.body, url)
        return response

    def _check_origin(self, target: str, came_from: str) -> None:
        where = origin(target)
        if where == self.origin:
            return
        if self.origin[0] == "https" and where[0] == "http":
            raise PublishError(
                f"the blog sent smugdesk from https to plain http ({_short(target)}): refused, the "
                "password would travel unencrypted; check the account's address"
            )
        if target == came_from:
            raise PublishError(
                f"{_short(target)} is not on the account's site ({_show(self.origin)}): "
                "smugdesk sends the account's password only there"
            )
        raise PublishError(
            f"the blog redirected to {_short(target)}; update the account's address? "
            f"(smugdesk sends the password only to {_show(self.origin)})"
        )

    def _exchange(
        self, method: str, url: str, headers: dict[str, str], data: bytes | None, end: float
    ) -> Response:
        """Runs in a worker thread so the caller gets its answer or a timeout at ``end``
        whatever the server does; the worker is then cut off (its socket shut down)."""
        box: dict[str, Any] = {}
        done = threading.Event()
        abandoned = threading.Event()

        def work() -> None:
            try:
                box["response"] = self._read(method, url, headers, data, end, box, abandoned)
            except BaseException as error:  # handed to the caller's thread
                box["error"] = error
            finally:
                done.set()

        worker = threading.Thread(target=work, name="smugdesk-http", daemon=True)
        worker.start()
        if not done.wait(max(0.0, end - time.monotonic())):
            abandoned.set()
            _shut(box.get("socket"))
            raise PublishTimeoutError(f"{_host(url)} did not answer in time")
        if "error" in box:
            error = box["error"]
            if isinstance(error, PublishError):
                raise error
            if isinstance(error, httpx.HTTPError | OSError):
                raise network_error(error, url) from None
            raise error
        return box["response"]

    def _read(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        data: bytes | None,
        end: float,
        box: dict[str, Any],
        abandoned: threading.Event,
    ) -> Response:
        left = max(0.05, end - time.monotonic())
        client = _transport()
        request = client.build_request(
            method, url, content=data, headers=headers, timeout=httpx.Timeout(left)
        )
        answer = client.send(request, stream=True)
        try:
            stream = answer.extensions.get("network_stream")
            box["socket"] = stream.get_extra_info("socket") if stream is not None else None
            announced = answer.headers.get("content-length", "")
            if announced.isdigit() and int(announced) > self.max_bytes:
                raise self._too_big(url)
            chunks: list[bytes] = []
            size = 0
            for chunk in answer.iter_bytes():
                if abandoned.is_set() or time.monotonic() > end:
                    raise PublishTimeoutError(f"{_host(url)} did not answer in time")
                size += len(chunk)
                if size > self.max_bytes:
                    raise self._too_big(url)
                chunks.append(chunk)
            return Response(
                answer.status_code,
                {k.lower(): v for k, v in answer.headers.items()},
                b"".join(chunks),
                str(answer.url),
            )
        finally:
            answer.close()

    def _too_big(self, url: str) -> PublishError:
        megabytes = self.max_bytes / (1024 * 1024)
        return PublishError(
            f"the answer from {_host(url)} is larger than {megabytes:g} MB: stopped reading "
            "(is this the right address?)"
        )


def _shut(sock: Any) -> None:
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):  # already closed: nothing left to cut
            sock.shutdown(socket.SHUT_RDWR)


def request(
    method: str,
    url: str,
    *,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
    form: dict[str, Any] | None = None,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = DEFAULT_DEADLINE,
    ok: tuple[int, ...] = (200, 201, 202, 204),
) -> Response:
    """One request bound to ``url``'s own origin (its credentials in ``headers`` go nowhere
    else), with ``timeout`` as the total deadline. Prefer a ``Client`` per account."""
    client = Client(url, deadline=timeout)
    return client.request(
        method,
        url,
        params=params,
        json_body=json_body,
        form=form,
        data=data,
        headers=headers,
        ok=ok,
    )
