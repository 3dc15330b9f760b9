"""A real WordPress on 127.0.0.1 for the publishing tests, or by hand:

    python tests/wordpress/server.py [DIR]     # starts one, prints its address, Ctrl+C stops it
    python tests/wordpress/server.py --install-forwarder   # as root, once (see below)

A mutation run (scripts/mutation_servers.py) starts one site for the whole run and names it
to every pytest session in $SMUGDESK_WORDPRESS_SITE (the ``site.json`` that ``describe``
writes); the ``wordpress`` fixture then ``adopt``s it and ``reset``s its content instead of
starting a WordPress per session.

Debian's packages (``wordpress mariadb-server php-cli php-mysql php-xml``, installed by
``.ci/run``) with MariaDB and PHP's built-in web server, both private to DIR and bound to
127.0.0.1. Debian's ``wp-config.php`` reads ``/etc/wordpress/config-<host>.php``; the one
written there only forwards to the file named by $SMUGDESK_WP_CONFIG, so each run keeps its
own database, uploads and settings in DIR. ``WP_ENVIRONMENT_TYPE`` is ``local`` because
WordPress only allows application passwords over plain HTTP on a local site.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

WORDPRESS = Path("/usr/share/wordpress")
FORWARDER = Path("/etc/wordpress/config-127.0.0.1.php")
FORWARDER_TEXT = """<?php
// Written by smugdesk's tests: each test WordPress keeps its settings in its own folder.
$smugdesk_config = getenv('SMUGDESK_WP_CONFIG');
if ($smugdesk_config && file_exists($smugdesk_config)) {
    require $smugdesk_config;
}
"""
USER = "editor"
PASSWORD = "correct horse battery staple"


class UnavailableError(RuntimeError):
    """This machine cannot run a WordPress (packages missing, /etc not writable)."""


@dataclass
class WordPressSite:
    url: str  # ends with "/"
    user: str
    password: str
    app_password: str
    folder: Path
    processes: list[subprocess.Popen] = field(default_factory=list)
    shared: bool = False  # started by another process (``adopt``)

    @property
    def web(self) -> subprocess.Popen:
        return self.processes[-1]

    def stop_web(self) -> None:
        """Stops only the web server (the site goes away mid-publish)."""
        _stop(self.web)

    def start_web(self) -> None:
        port = urllib.parse.urlsplit(self.url).port
        if self.shared:
            self.processes[-1] = _start_php_detached(self.folder, port)
        else:
            self.processes[-1] = _start_php(self.folder, port)
        # Whoever stops the site later may not be this process (a shared site): the web
        # server's group is found by this file.
        (self.folder / "php.pid").write_text(str(self.web.pid), encoding="utf-8")

    def php(self, code: str) -> str:
        """Runs PHP inside the site (wp-load.php loaded) and returns what it printed."""
        script = self.folder / "run.php"
        script.write_text(
            "<?php\n$_SERVER['HTTP_HOST'] = '127.0.0.1';\n"
            f"require '{WORDPRESS}/wp-load.php';\n{code}\n",
            encoding="utf-8",
        )
        done = subprocess.run(
            ["php", str(script)],
            env=_env(self.folder),
            capture_output=True,
            text=True,
            timeout=600,  # seconds alone, minutes when eight test runs share two cores
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"php failed: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        for process in reversed(self.processes):
            _stop(process)
        restarted = _pid_in(self.folder / "php.pid")  # a web server a test started again
        if restarted and _command_of(restarted).startswith("php"):
            _stop(_Adopted(restarted))


class _Adopted:
    """A server process started by another process (a shared site), enough of Popen for
    ``_stop`` and for the fixtures that ask whether the web server still runs."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        # A killed child of another process stays a zombie until that one reaps it.
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            state = "Z"
        if self.pid <= 0 or state in ("Z", "X"):
            self.returncode = -1
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = time.monotonic() + (timeout if timeout is not None else 3600)
        while self.poll() is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            time.sleep(0.05)
        return -1


def _command_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _pid_in(path: Path) -> int:
    try:
        return int(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0


def describe(site: WordPressSite) -> dict:
    """What another process needs to use ``site`` (``adopt``): address, credentials, folder."""
    return {
        "url": site.url,
        "user": site.user,
        "password": site.password,
        "app_password": site.app_password,
        "folder": str(site.folder),
        "database_pid": site.processes[0].pid,
        "web_pid": site.web.pid,
    }


def adopt(description: dict) -> WordPressSite:
    """The site another process started (``describe``), usable as if started here; its
    web server may be stopped and started again by a test."""
    folder = Path(description["folder"])
    web_pid = _pid_in(folder / "php.pid") or description["web_pid"]
    return WordPressSite(
        description["url"],
        description["user"],
        description["password"],
        description["app_password"],
        folder,
        [_Adopted(description["database_pid"]), _Adopted(web_pid)],
        shared=True,
    )


# What a fresh install holds: the first post, the sample page, the privacy page draft, the
# "Uncategorized" category (term 1) and the admin user. A reset brings back that much (the
# first post and pages gone too: the tests never rely on them), so counts and slugs seen by
# one test session are not those left by the session before.
RESET_PHP = """
global $wpdb;
$wpdb->query("DELETE FROM {$wpdb->posts}");
$wpdb->query("DELETE FROM {$wpdb->postmeta}");
$wpdb->query("DELETE FROM {$wpdb->comments}");
$wpdb->query("DELETE FROM {$wpdb->commentmeta}");
$wpdb->query("DELETE FROM {$wpdb->term_relationships}");
$wpdb->query("DELETE FROM {$wpdb->termmeta}");
$wpdb->query("DELETE FROM {$wpdb->term_taxonomy} WHERE term_id <> 1");
$wpdb->query("DELETE FROM {$wpdb->terms} WHERE term_id <> 1");
$wpdb->query("UPDATE {$wpdb->term_taxonomy} SET count = 0, parent = 0");
$wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name LIKE '%_children'");
$wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_%'");
$wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_site\\_transient\\_%'");
wp_cache_flush();
echo 'ok';
"""


@contextlib.contextmanager
def session_lock(site: WordPressSite):
    """Held by a test session for as long as it uses a shared site: a reset by a session
    running beside it (mutmut with two children) would delete what this one just made."""
    with (site.folder / "session.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def reset(site: WordPressSite) -> None:
    """Empties a shared site of what earlier test sessions made (posts, media, terms), and
    brings its web server back if a test left it stopped."""
    if site.web.poll() is not None:
        site.start_web()
    site.php(RESET_PHP)
    uploads = site.folder / "wp-content" / "uploads"
    shutil.rmtree(uploads, ignore_errors=True)
    uploads.mkdir(parents=True, exist_ok=True)


def missing() -> str:
    """Why a WordPress cannot run here, or "" if it can."""
    for tool in ("php", "mariadbd", "mariadb-install-db", "mariadb"):
        if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
            return f"{tool} is not installed (apt-get install wordpress mariadb-server php-cli)"
    if not (WORDPRESS / "wp-load.php").exists():
        return "Debian's wordpress package is not installed"
    current = FORWARDER.read_text(encoding="utf-8") if FORWARDER.exists() else ""
    if current != FORWARDER_TEXT and not os.access(FORWARDER.parent, os.W_OK):
        return f"{FORWARDER} is not smugdesk's and /etc/wordpress is not writable"
    return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(folder: Path) -> dict[str, str]:
    return {**os.environ, "SMUGDESK_WP_CONFIG": str(folder / "config.php")}


def _stop(process: subprocess.Popen) -> None:
    """Stops a server and its workers (PHP's built-in server forks them): its whole group."""
    if process.pid <= 0:  # killpg(0) would be this process's own group
        return
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # workers that outlived their parent


class StartError(RuntimeError):
    """A server exited while starting (its port taken by another run, most often)."""


def _wait_for(check, what: str, process: subprocess.Popen, log: Path, seconds: float = 180) -> None:
    """Polls ``check`` until it holds. Under load (eight test runs on two cores) a server
    can take far longer than usual, so the deadline is generous; it only matters when the
    server is broken, and a server that exits is reported at once, with its log."""
    deadline = time.monotonic() + seconds
    pause = 0.02
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StartError(f"{what} exited while starting ({process.returncode}):\n{_tail(log)}")
        if check():
            return
        time.sleep(pause)
        pause = min(pause * 1.5, 0.5)
    raise RuntimeError(f"{what} did not start within {seconds:.0f} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-2000:]
    except OSError:
        return "(no log)"


def _retrying_ports(start_one, attempts: int = 4):
    """Starts a server on a free port, again on another if its port was taken between
    choosing it and binding it (free_port cannot reserve it)."""
    for attempt in range(attempts):
        try:
            return start_one(free_port())
        except StartError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _start_database(folder: Path) -> tuple[subprocess.Popen, int, Path]:
    data = folder / "db"
    socket_path = folder / "mysql.sock"
    subprocess.run(
        ["mariadb-install-db", f"--datadir={data}", "--user=root", "--skip-test-db"],
        capture_output=True,
        check=True,
        timeout=600,
    )
    process, port = _retrying_ports(lambda port: _start_mariadbd(folder, port))
    _sql(
        socket_path,
        "CREATE DATABASE wordpress;"
        "CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress';"
        "GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';",
    )
    return process, port, socket_path


def _sql(socket_path: Path, statements: str) -> str:
    done = subprocess.run(
        ["mariadb", f"--socket={socket_path}", "-uroot", "--batch", "--skip-column-names"],
        input=statements,
        text=True,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return done.stdout


def _database_ready(socket_path: Path, port: int) -> bool:
    """The server answers on its private socket and listens on the port given to it (so
    the port is ours, not another run's)."""
    if not socket_path.exists():
        return False
    try:
        return _sql(socket_path, "SELECT @@port;").strip() == str(port) and _port_open(port)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return False


def _start_mariadbd(folder: Path, port: int) -> tuple[subprocess.Popen, int]:
    data = folder / "db"
    socket_path = folder / "mysql.sock"
    log_path = folder / "mariadb.log"
    log = open(log_path, "ab")  # noqa: SIM115 (lives as long as the server)
    process = subprocess.Popen(
        [
            shutil.which("mariadbd") or "/usr/sbin/mariadbd",
            "--no-defaults",
            f"--datadir={data}",
            f"--socket={socket_path}",
            f"--pid-file={folder / 'mariadb.pid'}",
            "--bind-address=127.0.0.1",
            f"--port={port}",
            "--user=root",
            "--skip-log-bin",
        ],
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: _database_ready(socket_path, port), "MariaDB", process, log_path)
    except BaseException:
        _stop(process)
        raise
    return process, port


def _write_config(folder: Path, db_port: int) -> None:
    content = folder / "wp-content"
    for part in ("plugins", "themes", "uploads"):
        (content / part).mkdir(parents=True, exist_ok=True)
    (folder / "config.php").write_text(
        f"""<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', '127.0.0.1:{db_port}');
define('WP_CONTENT_DIR', '{content}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTH_KEY', 'test'); define('SECURE_AUTH_KEY', 'test'); define('LOGGED_IN_KEY', 'test');
define('NONCE_KEY', 'test'); define('AUTH_SALT', 'test'); define('SECURE_AUTH_SALT', 'test');
define('LOGGED_IN_SALT', 'test'); define('NONCE_SALT', 'test');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
""",
        encoding="utf-8",
    )
    install_forwarder()


def _start_php(folder: Path, port: int) -> subprocess.Popen:
    log_path = folder / "php.log"
    log = open(log_path, "ab")  # noqa: SIM115 (lives as long as the server)
    process = subprocess.Popen(
        ["php", "-S", f"127.0.0.1:{port}", "-t", str(WORDPRESS)],
        env={**_env(folder), "PHP_CLI_SERVER_WORKERS": "4"},
        stdout=log,
        stderr=log,
        cwd=folder,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: _serves(port) and process.poll() is None, "PHP", process, log_path)
    except BaseException:
        _stop(process)
        raise
    return process


def _start_php_detached(folder: Path, port: int) -> _Adopted:
    """The web server of a shared site, started again by a test: not a child of this
    process (mutmut waits for any child of its own and fails on one it did not fork), so
    that it is left to the process that owns the site to stop, through php.pid."""
    log_path = folder / "php.log"
    command = ["php", "-S", f"127.0.0.1:{port}", "-t", str(WORDPRESS)]
    started = subprocess.run(
        ["sh", "-c", 'setsid "$@" >>"$0" 2>&1 </dev/null & echo $!', str(log_path), *command],
        env={**_env(folder), "PHP_CLI_SERVER_WORKERS": "4"},
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    process = _Adopted(int(started.stdout.strip()))
    try:
        _wait_for(lambda: _serves(port) and process.poll() is None, "PHP", process, log_path)
    except BaseException:
        _stop(process)
        raise
    return process


def _serves(port: int) -> bool:
    """A file of the site comes back: the server reads its folder, not only listens. (A
    server that lost the port to another run has exited by the time this answers.)"""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readme.html", timeout=2) as reply:
            return reply.status == 200
    except (OSError, ValueError):
        return False


def _install(url: str) -> None:
    form = urllib.parse.urlencode(
        {
            "weblog_title": "Ward Notes",
            "user_name": USER,
            "admin_password": PASSWORD,
            "admin_password2": PASSWORD,
            "pw_weak": "1",
            "admin_email": "editor@example.org",
            "blog_public": "0",
            "language": "",
        }
    ).encode()
    request = urllib.request.Request(url + "wp-admin/install.php?step=2", data=form)
    with urllib.request.urlopen(request, timeout=600) as response:
        page = response.read().decode("utf-8", "replace")
    if "Success!" not in page and "already installed" not in page:
        raise RuntimeError("WordPress did not install:\n" + page[:2000])


def start(folder: Path) -> WordPressSite:
    """A fresh WordPress in ``folder`` (which should be empty), with an application password."""
    why = missing()
    if why:
        raise UnavailableError(why)
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    database, db_port, _socket = _start_database(folder)
    site = WordPressSite("", USER, PASSWORD, "", folder, [database])
    try:
        _write_config(folder, db_port)
        web, port = _retrying_ports(lambda port: (_start_php(folder, port), port))
        site.url = f"http://127.0.0.1:{port}/"
        site.processes.append(web)
        _install(site.url)
        site.app_password = site.php(
            "$user = get_user_by('login', '" + USER + "');\n"
            "[$password] = WP_Application_Passwords::create_new_application_password("
            "$user->ID, ['name' => 'smugdesk tests']);\n"
            "echo $password;"
        ).strip()
        # XML-RPC and the REST API both on; the author may upload files.
        site.php("update_option('default_category', 1); echo 'ok';")
    except BaseException:
        site.stop()
        raise
    return site


def install_forwarder() -> None:
    if not FORWARDER.exists() or FORWARDER.read_text(encoding="utf-8") != FORWARDER_TEXT:
        FORWARDER.write_text(FORWARDER_TEXT, encoding="utf-8")


def main() -> int:
    if sys.argv[1:] == ["--install-forwarder"]:  # .ci/run, as root, for tests run as a user
        install_forwarder()
        return 0
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/smugdesk-wordpress")
    if folder.exists():
        shutil.rmtree(folder)
    started = time.monotonic()
    site = start(folder)
    description = describe(site)
    (folder / "site.json").write_text(json.dumps(description), encoding="utf-8")
    description["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(description, indent=2), flush=True)
    # SIGTERM too stops the servers (they run in sessions of their own and would stay).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
