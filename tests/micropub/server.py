"""A real Micropub server for the tests: django-indieweb (from PyPI) on 127.0.0.1.

``start(folder)`` runs one child process that sets Django up with ``mp_settings`` (SQLite and
uploads in ``folder``), migrates, makes the users and their tokens, and serves with
``runserver --noreload`` on a free port; the parent polls ``q=config`` until the server
answers (no fixed sleep). By hand::

    .venv/bin/python tests/micropub/server.py /tmp/mp    # prints the endpoint and token

A mutation run (scripts/mutation_servers.py) starts one server for the whole run and names it
to every pytest session in $SMUGDESK_MICROPUB_SITE (the JSON ``describe`` gives); the
``micropub_site`` fixture then ``adopt``s it and ``reset``s it instead of starting its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOKEN = "smugdesk-micropub-token-for-tests"
EXAMPLE_TOKEN = "smugdesk-micropub-token-example"
SCOPE = "create update delete media"
ME = "http://127.0.0.1/"


def missing() -> str:
    """Why the server cannot run here ('' when it can)."""
    try:
        import django  # noqa: F401
        import indieweb  # noqa: F401
    except ImportError as error:
        return f"django-indieweb is not installed ({error})"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class MicropubSite:
    base: str  # http://127.0.0.1:PORT
    data: Path
    process: subprocess.Popen
    started_in: float  # seconds from spawn to the first good answer
    log: Path = field(default=Path())

    @property
    def endpoint(self) -> str:
        return f"{self.base}/indieweb/micropub/"

    @property
    def media_endpoint(self) -> str:
        return f"{self.base}/indieweb/media/"

    def media_files(self) -> list[Path]:
        folder = self.data / "media"
        return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []

    def call(self, method: str = "GET", token: str = TOKEN, query: str = "", body=None):
        """One raw request to the endpoint: (status, headers, text). For checks by the tests
        that must not go through the code under test."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.endpoint + (f"?{query}" if query else ""),
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, dict(answer.headers), answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def entries(self, token: str = TOKEN) -> list[dict]:
        """Every entry the user has, newest first (the server's own list)."""
        status, _headers, text = self.call(token=token, query="q=source&limit=1000")
        assert status == 200, text
        return json.loads(text)["items"]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _Adopted:
    """The server process another process started: enough of Popen for ``stop``."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def poll(self) -> int | None:
        return None  # its starter stops it

    def terminate(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> int:
        return 0


def describe(site: MicropubSite) -> dict:
    """What another process needs to use ``site`` (``adopt``)."""
    return {"base": site.base, "data": str(site.data), "pid": site.process.pid}


def adopt(description: dict) -> MicropubSite:
    """The server another process started (``describe``), never stopped by this one."""
    data = Path(description["data"])
    process = _Adopted(description["pid"])
    return MicropubSite(description["base"], data, process, 0.0, data / "server.log")


@contextlib.contextmanager
def session_lock(site: MicropubSite):
    """Held by a test session for as long as it uses a shared server (see reset)."""
    with (site.data / "session.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def reset(site: MicropubSite) -> None:
    """No entries and no uploaded files, as on a server just started (mp_urls.reset)."""
    request = urllib.request.Request(
        f"{site.base}/smugdesk-tests/reset/",
        data=b"",
        method="POST",
        headers={"X-Smugdesk-Reset": "smugdesk-tests-reset"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        answer.read()


def _ready(base: str) -> bool:
    request = urllib.request.Request(
        f"{base}/indieweb/micropub/?q=config", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start(data: Path, timeout: float = 60.0) -> MicropubSite:
    """The server in ``data``, answering; a second try on another port if the free port
    found was taken before the server bound it."""
    try:
        return _start(data, timeout)
    except PortTakenError:
        return _start(data, timeout)


class PortTakenError(RuntimeError):
    pass


def _start(data: Path, timeout: float) -> MicropubSite:
    data.mkdir(parents=True, exist_ok=True)
    (data / "db.sqlite3").unlink(missing_ok=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "SMUGDESK_MICROPUB_DATA": str(data),
        "SMUGDESK_MICROPUB_BASE": base,
        "PYTHONPATH": str(HERE),
        "DJANGO_SETTINGS_MODULE": "mp_settings",
    }
    log = data / "server.log"
    began = time.monotonic()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(port)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    site = MicropubSite(base, data, process, 0.0, log)
    while not _ready(base):
        if process.poll() is not None:
            said = log.read_text(errors="replace")[-2000:]
            if "already in use" in said:
                raise PortTakenError(said)
            raise RuntimeError(f"the Micropub server stopped: {said}")
        if time.monotonic() - began > timeout:
            site.stop()
            raise RuntimeError(f"the Micropub server did not answer: {log.read_text()[-2000:]}")
        time.sleep(0.02)  # polling interval, not a wait for the server
    site.started_in = time.monotonic() - began
    return site


def _follow_parent() -> None:
    """The server ends with the process that started it, however that one ends."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _child(port: int) -> None:
    """In the server process: one Django import for set-up and serving."""
    _follow_parent()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    from django.contrib.auth.models import User
    from indieweb.models import Token

    for name, token in (("writer", TOKEN), ("example", EXAMPLE_TOKEN)):
        user = User.objects.create_user(name, password=None)
        Token(key=token, owner=user, me=ME, client_id="https://smugdesk.test/", scope=SCOPE).save()
    call_command(
        "runserver", f"127.0.0.1:{port}", use_reloader=False, skip_checks=True, verbosity=0
    )


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        _child(int(sys.argv[2]))
        return
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/smugdesk-micropub")
    site = start(folder)
    print(f"Micropub endpoint {site.endpoint}  token {TOKEN}  ({site.started_in:.2f} s)")
    try:
        site.process.wait()
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
