"""A real Ghost 5 on 127.0.0.1 for the Ghost publisher's tests, or by hand:

    tests/ghost/install.sh                    # once: into the cache (see there)
    python tests/ghost/server.py [DIR]        # starts one, prints its address and key

Ghost runs from the cached install (``install.sh``), with everything that changes (its
content folder, its database) private to DIR. All settings go in through Ghost's own
environment overrides (``database__client=…``), so the cached install is never written.

The database is MariaDB through Ghost's pure-JS ``mysql2`` driver, started the way the
WordPress tests start theirs (``tests/wordpress/server.py``), or SQLite when only the
SQLite install is there (``SMUGDESK_GHOST_DB`` picks one). The owner is set up through the
Admin API (``authentication/setup/``), a staff session signs in and makes an integration,
whose Admin API key (``id:secret``) is what the publisher is given.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

GHOST_VERSION = "5.99.1"
HERE = Path(__file__).resolve().parent
EMAIL = "owner@example.org"
PASSWORD = "correct-horse-battery-staple-42"
SITE_TITLE = "Harbour Log"
DATABASES = ("mysql", "sqlite")


def _wordpress_server():
    """The WordPress test server's module, for its MariaDB start-up and process helpers
    (loaded under its own name: ``server`` is this file's name too)."""
    name = "smugdesk_tests_wordpress_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE.parent / "wordpress" / "server.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "smugdesk-ci"
    return Path(os.environ.get("SMUGDESK_CACHE") or default)


def install_dir(database: str) -> Path:
    return cache_dir() / f"ghost-{GHOST_VERSION}-{database}"


def _installed(database: str) -> bool:
    return (install_dir(database) / ".smugdesk-installed").exists()


def chosen_database() -> str:
    """$SMUGDESK_GHOST_DB, or the first install there is (MySQL first: no native code)."""
    wanted = os.environ.get("SMUGDESK_GHOST_DB", "")
    if wanted:
        return wanted
    for database in DATABASES:
        if _installed(database) and not _database_missing(database):
            return database
    return DATABASES[0]


def _database_missing(database: str) -> str:
    if database == "mysql":
        for tool in ("mariadbd", "mariadb-install-db", "mariadb"):
            if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
                return f"{tool} is not installed (apt-get install mariadb-server)"
    return ""


def missing(database: str | None = None) -> str:
    """Why a Ghost cannot run here, or "" if it can."""
    database = database or chosen_database()
    if database not in DATABASES:
        return f"SMUGDESK_GHOST_DB is {database!r}, not one of {', '.join(DATABASES)}"
    if not shutil.which("node"):
        return "node is not installed (apt-get install nodejs)"
    if not _installed(database):
        return (
            f"Ghost {GHOST_VERSION} ({database}) is not installed in {install_dir(database)}: "
            f"run tests/ghost/install.sh {database}"
        )
    return _database_missing(database)


@dataclass
class GhostSite:
    url: str  # ends with "/"
    admin_key: str  # "id:secret", the integration's Admin API key
    email: str
    password: str
    folder: Path
    database: str
    processes: list[subprocess.Popen] = field(default_factory=list)
    started_in: float = 0.0  # seconds from nothing to a key

    @property
    def api(self) -> str:
        return self.url + "ghost/api/admin/"

    def session(self) -> StaffSession:
        """A signed-in staff session (the owner), for what a person does in Ghost's editor."""
        return StaffSession(self)

    def stop(self) -> None:
        for process in reversed(self.processes):
            _wordpress_server()._stop(process)


class StaffSession:
    """The owner signed in with a session cookie, as Ghost's admin app is (Origin header
    included: Ghost refuses session requests without one)."""

    def __init__(self, site: GhostSite) -> None:
        self.site = site
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.call("POST", "session/", {"username": site.email, "password": site.password})

    def call(self, method: str, route: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(
            self.site.api + route,
            data=json.dumps(body).encode() if body is not None else None,
            method=method,
            headers={
                "Content-Type": "application/json",
                "Origin": self.site.url.rstrip("/"),
                "Accept-Version": "v5.0",
            },
        )
        with self.opener.open(request, timeout=120) as answer:
            text = answer.read().decode("utf-8")
            kind = answer.headers.get("Content-Type", "")
        # Signing in answers a bare "Created"; everything else is JSON.
        return json.loads(text) if "json" in kind and text.strip() else {}


def _env(site_url: str, port: int, folder: Path, database: dict[str, str]) -> dict[str, str]:
    env = {
        **os.environ,
        "NODE_ENV": "development",
        "url": site_url,
        "server__host": "127.0.0.1",
        "server__port": str(port),
        "paths__contentPath": str(folder / "content"),
        # sharp cannot fetch libvips here; resizing is image_prep's job anyway.
        "imageOptimization__resize": "false",
        "mail__transport": "stub",
        "logging__level": "warn",
        "logging__transports": '["stdout"]',
        "privacy__useUpdateCheck": "false",
        "privacy__useGravatar": "false",
        "privacy__useRpcPing": "false",
        "security__staffDeviceVerification": "false",
        # The tests sign in and out often, faster than a person: no lock-out.
        "spam__user_login__freeRetries": "1000",
        "spam__global_block__freeRetries": "1000",
    }
    env.update(database)
    return env


def _content(folder: Path, install: Path) -> None:
    content = folder / "content"
    for part in ("data", "images", "files", "media", "logs", "settings", "public", "adapters"):
        (content / part).mkdir(parents=True, exist_ok=True)
    themes = content / "themes"
    themes.mkdir(exist_ok=True)
    for theme in (install / "content" / "themes").iterdir():  # source (the default), casper
        if not (themes / theme.name).exists():
            (themes / theme.name).symlink_to(theme)  # read only: shared between runs


def _mysql(folder: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    wp = _wordpress_server()
    process, port, socket_path = wp._start_database(folder)
    wp._sql(
        socket_path,
        "CREATE DATABASE ghost CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;"
        "CREATE USER 'ghost'@'127.0.0.1' IDENTIFIED BY 'ghost';"
        "GRANT ALL ON ghost.* TO 'ghost'@'127.0.0.1';"
        # A throwaway test database: Ghost's first start creates ~100 tables, each commit
        # need not wait for the disk.
        "SET GLOBAL innodb_flush_log_at_trx_commit = 0;",
    )
    return process, {
        "database__client": "mysql",
        "database__connection__host": "127.0.0.1",
        "database__connection__port": str(port),
        "database__connection__user": "ghost",
        "database__connection__password": "ghost",
        "database__connection__database": "ghost",
    }


def _snapshot(database: str) -> Path:
    """Ghost's freshly created tables (no owner yet), kept after the first start: later
    starts load them instead of creating ~100 tables one by one (measured with MySQL on a
    busy machine: Ghost ready in about 18 s instead of 37 s)."""
    suffix = "sql" if database == "mysql" else "db"
    return cache_dir() / f"ghost-{GHOST_VERSION}-{database}-tables.{suffix}"


def _sqlite_file(folder: Path) -> Path:
    return folder / "content" / "data" / "ghost.db"


def _load_snapshot(folder: Path, database: str) -> bool:
    snapshot = _snapshot(database)
    if not snapshot.exists():
        return False
    if database == "sqlite":
        shutil.copyfile(snapshot, _sqlite_file(folder))
        return True
    with snapshot.open("rb") as dump:
        subprocess.run(
            ["mariadb", f"--socket={folder / 'mysql.sock'}", "-uroot", "ghost"],
            stdin=dump,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return True


def _save_snapshot(folder: Path, database: str) -> None:
    """Written beside, then renamed: a run reading it never sees half a copy."""
    snapshot = _snapshot(database)
    partial = snapshot.with_name(f"{snapshot.name}.{os.getpid()}.partial")
    if database == "sqlite":
        # SQLite's own backup: consistent while Ghost has the file open.
        with sqlite3.connect(_sqlite_file(folder)) as source, sqlite3.connect(partial) as copy:
            source.backup(copy)
        copy.close()
        partial.replace(snapshot)
        return
    with partial.open("wb") as out:
        subprocess.run(
            [
                "mariadb-dump",
                f"--socket={folder / 'mysql.sock'}",
                "-uroot",
                "--single-transaction",
                "--skip-comments",
                "ghost",
            ],
            stdout=out,
            check=True,
            timeout=300,
        )
    partial.replace(snapshot)


def _sqlite(folder: Path) -> dict[str, str]:
    return {
        "database__client": "sqlite3",
        "database__connection__filename": str(_sqlite_file(folder)),
        "database__useNullAsDefault": "true",
    }


def _answers(url: str) -> bool:
    """Ghost's site endpoint answers with JSON: the server is up and its database ready."""
    try:
        with urllib.request.urlopen(url + "ghost/api/admin/site/", timeout=5) as reply:
            return reply.status == 200 and b'"site"' in reply.read()
    except (OSError, ValueError):
        return False


def _start_ghost(folder: Path, port: int, install: Path, database: dict) -> subprocess.Popen:
    wp = _wordpress_server()
    url = f"http://127.0.0.1:{port}/"
    log_path = folder / "ghost.log"
    log = open(log_path, "ab")  # noqa: SIM115 (lives as long as the server)
    process = subprocess.Popen(
        ["node", "index.js"],
        cwd=install,
        env=_env(url, port, folder, database),
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        # A first start creates Ghost's tables: a minute or more on a busy machine.
        wp._wait_for(lambda: _answers(url), "Ghost", process, log_path, seconds=600)
    except BaseException:
        wp._stop(process)
        raise
    return process


def _post(url: str, body: dict, headers: dict | None = None) -> dict:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:
            return json.loads(answer.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as error:
        said = error.read().decode("utf-8", "replace")[:2000]
        raise RuntimeError(f"POST {url} answered {error.code}: {said}") from None


def _set_up(site: GhostSite) -> None:
    """The owner, then an integration with an Admin API key, as a person does it once."""
    _post(
        site.api + "authentication/setup/",
        {
            "setup": [
                {
                    "name": "Harbour Owner",
                    "email": site.email,
                    "password": site.password,
                    "blogTitle": SITE_TITLE,
                }
            ]
        },
    )
    made = site.session().call(
        "POST",
        "integrations/?include=api_keys",
        {"integrations": [{"name": "smugdesk tests"}]},
    )
    keys = made["integrations"][0]["api_keys"]
    admin = next(key for key in keys if key["type"] == "admin")
    # Ghost shows an admin key's secret as the whole key, "id:secret", as a person copies it.
    site.admin_key = admin["secret"]


def start(folder: Path, database: str | None = None) -> GhostSite:
    """A fresh Ghost in ``folder`` (which should be empty), with an owner and a key."""
    database = database or chosen_database()
    why = missing(database)
    if why:
        raise RuntimeError(why)
    began = time.monotonic()
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    install = install_dir(database)
    _content(folder, install)
    site = GhostSite("", "", EMAIL, PASSWORD, folder, database)
    try:
        if database == "mysql":
            db_process, settings = _mysql(folder)
            site.processes.append(db_process)
        else:
            settings = _sqlite(folder)
        loaded = _load_snapshot(folder, database)
        wp = _wordpress_server()
        web, port = wp._retrying_ports(
            lambda port: (_start_ghost(folder, port, install, settings), port)
        )
        site.processes.append(web)
        site.url = f"http://127.0.0.1:{port}/"
        if not loaded:
            _save_snapshot(folder, database)
        _set_up(site)
    except BaseException:
        site.stop()
        raise
    site.started_in = time.monotonic() - began
    return site


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd() / "ghost-site"
    site = start(folder)
    print(f"Ghost {GHOST_VERSION} ({site.database}) at {site.url} in {site.started_in:.1f} s")
    print(f"owner: {site.email} / {site.password}")
    print(f"Admin API key: {site.admin_key}")
    try:
        while all(process.poll() is None for process in site.processes):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        with contextlib.suppress(Exception):
            site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
