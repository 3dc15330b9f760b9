"""Stand-ins on 127.0.0.1 for what no real server produces on demand: a proxy in front of a
real server that loses answers, and small scripted servers (redirects, drips, endless bodies,
wrong shapes). Each is a stand-in, named as such; the real servers stay behind them.

``FaultProxy`` — a reverse proxy in front of a real server::

    from fault_servers import FaultProxy, Rule   # tests/ is on sys.path (conftest.py)

    with FaultProxy("http://127.0.0.1:8080/") as proxy:      # upstream base URL
        proxy.add(Rule("502_after", method="POST", path="/wp/v2/posts", times=3))
        publish_to(proxy.url)                               # the same path, the proxy's port
        assert proxy.count(method="POST", path="/wp/v2/posts") == 3

A ``Rule`` matches a request by ``method`` (exact), ``path`` (a substring of the path with
its query, or a callable taking it) and ``body`` (a bytes substring, or a callable taking the
body); every given criterion must hold. It acts on the first ``times`` matching requests
(``None``: all of them). Actions:

- ``"502_after"``: pass the request on, wait for the server's answer, then answer the client
  ``502 Bad Gateway`` with an HTML page (what a load balancer says when its backend is slow).
- ``"drop_after"``: pass it on, then close the client's connection with no answer.
- ``"reset_after"``: pass it on, then reset the client's connection (TCP RST).
- ``"timeout_after"``: pass it on, then hold the client's connection silent until the client
  gives up (or the proxy stops).
- ``"drop_before"`` / ``"reset_before"``: close / reset without passing anything on.
- ``"answer"``: do not pass it on; answer ``Rule.answer`` (an ``Answer``) instead.
- ``"answer_after"``: pass it on, then answer ``Rule.answer`` instead of the server's answer
  (an answer of the wrong shape to a create that happened).

Everything the proxy received is in ``proxy.seen`` (``Seen``: method, path, headers with
lower-case names, body), with ``proxy.count(...)`` taking the same criteria as a ``Rule``.

``ScriptedServer(handler, tls=None)`` — a stand-in server where ``handler(seen) -> Answer``
decides each answer; an ``Answer`` body may be bytes or an iterable of (delay_seconds, bytes)
chunks sent with those pauses (a slow drip, an endless body). ``tls=(certfile, keyfile)``
serves https; ``self_signed(folder)`` makes such a pair for 127.0.0.1 with openssl.
"""

from __future__ import annotations

import http.client
import select
import socket
import ssl
import struct
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "upgrade"}
BAD_GATEWAY_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
    b"<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
)


@dataclass
class Seen:
    method: str
    path: str  # with the query
    headers: dict[str, str]  # lower-case names
    body: bytes


@dataclass
class Answer:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterable[tuple[float, bytes]] = b""


def _matches(seen: Seen, method, path, body) -> bool:
    if method is not None and seen.method != method:
        return False
    if path is not None and not (path(seen.path) if callable(path) else path in seen.path):
        return False
    return body is None or (body(seen.body) if callable(body) else body in seen.body)


@dataclass
class Rule:
    action: str
    method: str | None = None
    path: str | Callable[[str], bool] | None = None
    body: bytes | Callable[[bytes], bool] | None = None
    times: int | None = 1
    answer: Answer | None = None
    used: int = 0

    def take(self, seen: Seen) -> bool:
        if self.times is not None and self.used >= self.times:
            return False
        if not _matches(seen, self.method, self.path, self.body):
            return False
        self.used += 1
        return True


class _Base:
    """A threaded HTTP server on 127.0.0.1 with its own handler; started by ``with``."""

    def __init__(self, tls: tuple[str, str] | None = None) -> None:
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _any(self) -> None:
                owner._handle(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _any  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.url = f"https://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def count(self, method=None, path=None, body=None) -> int:
        with self._lock:
            return sum(1 for s in self.seen if _matches(s, method, path, body))

    def _read(self, handler: BaseHTTPRequestHandler) -> Seen:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    handler.rfile.readline()
                    break
                body += handler.rfile.read(size)
                handler.rfile.readline()
        else:
            body = handler.rfile.read(int(headers.get("content-length") or 0))
        seen = Seen(handler.command, handler.path, headers, body)
        with self._lock:
            self.seen.append(seen)
        return seen

    def _send(self, handler: BaseHTTPRequestHandler, answer: Answer) -> None:
        handler.close_connection = True
        handler.send_response(answer.status)
        for name, value in answer.headers.items():
            if name.lower() not in _HOP and name.lower() != "content-length":
                handler.send_header(name, value)
        handler.send_header("Connection", "close")
        if isinstance(answer.body, bytes):
            handler.send_header("Content-Length", str(len(answer.body)))
            handler.end_headers()
            if handler.command != "HEAD":
                handler.wfile.write(answer.body)
            return
        handler.end_headers()  # no length: the body ends when the connection closes
        try:
            for delay, chunk in answer.body:
                if delay and self._stopping.wait(delay):
                    return
                handler.wfile.write(chunk)
                handler.wfile.flush()
        except OSError:
            pass  # the client gave up: that is what these bodies are for

    @staticmethod
    def _reset(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()

    @staticmethod
    def _drop(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)
        handler.connection.close()

    def _hold(self, handler: BaseHTTPRequestHandler) -> None:
        """Say nothing until the client hangs up or the stand-in stops."""
        handler.close_connection = True
        connection = handler.connection
        while not self._stopping.is_set():
            ready, _, _ = select.select([connection], [], [], 0.1)
            if ready:
                try:
                    if not connection.recv(1, socket.MSG_PEEK):
                        return
                except OSError:
                    return

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        raise NotImplementedError


class FaultProxy(_Base):
    """Stand-in for a flaky network or gateway in front of a real server (see the module's
    docstring for the rules)."""

    def __init__(self, upstream: str, timeout: float = 60.0) -> None:
        super().__init__()
        parts = urllib.parse.urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.timeout = timeout
        self.rules: list[Rule] = []

    def add(self, rule: Rule) -> Rule:
        with self._lock:
            self.rules.append(rule)
        return rule

    def _rule_for(self, seen: Seen) -> Rule | None:
        with self._lock:
            for rule in self.rules:
                if rule.take(seen):
                    return rule
        return None

    def forward(self, seen: Seen) -> Answer:
        connection = http.client.HTTPConnection(
            self.upstream_host, self.upstream_port, timeout=self.timeout
        )
        headers = {k: v for k, v in seen.headers.items() if k not in _HOP}
        headers["host"] = f"{self.upstream_host}:{self.upstream_port}"
        headers["content-length"] = str(len(seen.body))
        try:
            connection.request(seen.method, seen.path, body=seen.body, headers=headers)
            response = connection.getresponse()
            body = response.read()
            # Several Set-Cookie headers must survive: keep the raw list.
            pairs = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP]
        finally:
            connection.close()
        answer = Answer(response.status, {}, body)
        answer.headers = _MultiHeaders(pairs)
        return answer

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        seen = self._read(handler)
        rule = self._rule_for(seen)
        action = rule.action if rule else "pass"
        if action == "answer":
            self._send(handler, rule.answer or Answer())
            return
        if action == "answer_after":
            self.forward(seen)
            self._send(handler, rule.answer or Answer())
            return
        if action == "drop_before":
            self._drop(handler)
            return
        if action == "reset_before":
            self._reset(handler)
            return
        answer = self.forward(seen)
        if action == "pass":
            self._send(handler, answer)
        elif action == "502_after":
            self._send(handler, Answer(502, {"Content-Type": "text/html"}, BAD_GATEWAY_PAGE))
        elif action == "drop_after":
            self._drop(handler)
        elif action == "reset_after":
            self._reset(handler)
        elif action == "timeout_after":
            self._hold(handler)
        else:
            raise ValueError(f"unknown FaultProxy action {action!r}")


class _MultiHeaders(dict):
    """Response headers that may repeat (Set-Cookie), iterated as pairs by ``_send``."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__()
        self.pairs = pairs

    def items(self):  # type: ignore[override]
        return list(self.pairs)


class ScriptedServer(_Base):
    """Stand-in server whose every answer is written by the test: ``handler(seen)`` returns
    an ``Answer``, or the string ``"drop"``/``"reset"``/``"hold"``."""

    def __init__(
        self, handler: Callable[[Seen], Answer | str], tls: tuple[str, str] | None = None
    ) -> None:
        super().__init__(tls)
        self.handler = handler

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        seen = self._read(handler)
        answer = self.handler(seen)
        if answer == "drop":
            self._drop(handler)
        elif answer == "reset":
            self._reset(handler)
        elif answer == "hold":
            self._hold(handler)
        else:
            self._send(handler, answer)


def drip(chunk: bytes = b" ", every: float = 1.0, count: int | None = None):
    """A body sent one chunk per ``every`` seconds (forever when ``count`` is None)."""
    sent = 0
    while count is None or sent < count:
        yield every, chunk
        sent += 1


def endless(chunk: bytes = b"A" * 65536):
    """A body that never ends, as fast as the client reads it."""
    while True:
        yield 0.0, chunk


def self_signed(folder) -> tuple[str, str]:
    """A certificate and key for 127.0.0.1 (the certificate is its own authority)."""
    cert, key = f"{folder}/cert.pem", f"{folder}/key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-nodes", "-days", "2"),
            *("-pkeyopt", "ec_paramgen_curve:prime256v1", "-keyout", key, "-out", cert),
            *("-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def xmlrpc_fault(code: int, message: str) -> Answer:
    body = (
        "<?xml version='1.0'?><methodResponse><fault><value><struct>"
        f"<member><name>faultCode</name><value><int>{code}</int></value></member>"
        f"<member><name>faultString</name><value><string>{message}</string></value></member>"
        "</struct></value></fault></methodResponse>"
    )
    return Answer(200, {"Content-Type": "text/xml"}, body.encode())


def json_answer(text: str, status: int = 200) -> Answer:
    return Answer(status, {"Content-Type": "application/json; charset=UTF-8"}, text.encode())


def wait_until(check: Callable[[], bool], seconds: float = 10.0) -> None:
    """Poll ``check`` until true (no fixed sleep in the tests); fail after ``seconds``."""
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


__all__ = [
    "BAD_GATEWAY_PAGE",
    "Answer",
    "FaultProxy",
    "Rule",
    "ScriptedServer",
    "Seen",
    "drip",
    "endless",
    "json_answer",
    "self_signed",
    "wait_until",
    "xmlrpc_fault",
]
