"""A git site whose remote is reached over HTTP with a password, as on a forge: the real
``git http-backend`` on 127.0.0.1, behind a small host that runs it as CGI and asks for Basic
authentication (the host is the tests' own: a forge's web server does this part).

The password comes from the writer's own git set-up (a credential helper in their global
config) and is never written into the site's repository; without one, the publish stops at
once with git's message and the working copy is as it was."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from smugdesk.core.store import load_post
from smugdesk.publish.base import resolve_options
from smugdesk.publish.git_site import GitError, pelican_git

USER, PASSWORD = "writer", "s3cret-pass"
PELICAN = {
    "pelicanconf.py": "AUTHOR = 'A'\nSITENAME = 'T'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
    "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n",
    "content/.keep": "",
}


class GitCgiHost(BaseHTTPRequestHandler):
    """Runs ``git http-backend`` for each request once the Basic credentials match."""

    root: Path

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def log_message(self, *args) -> None:
        pass

    def _serve(self) -> None:
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="site"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        env = {
            "PATH": os.environ["PATH"],
            "GIT_PROJECT_ROOT": str(self.root),
            "GIT_HTTP_EXPORT_ALL": "1",
            "REMOTE_USER": USER,
            "REQUEST_METHOD": self.command,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(length),
            "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
            "HTTP_GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
        }
        result = subprocess.run(
            ["git", "http-backend"], input=body, env=env, capture_output=True, timeout=60
        )
        head, _, payload = result.stdout.partition(b"\r\n\r\n")
        status = 200
        headers = []
        for line in head.decode("latin-1").split("\r\n"):
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def http_remote(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    git(served, "init", "-q", "--bare", "-b", "main", str(served / "site.git"))
    handler = type("Host", (GitCgiHost,), {"root": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served / "site.git", f"http://127.0.0.1:{server.server_address[1]}/site.git"
    server.shutdown()
    server.server_close()


def site_with_remote(tmp_path: Path, url: str) -> Path:
    site = tmp_path / "site"
    git(tmp_path, "init", "-q", "-b", "main", str(site))
    git(site, "config", "user.name", "w")
    git(site, "config", "user.email", "w@example.org")
    for name, text in PELICAN.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "site")
    git(site, "remote", "add", "origin", url)
    return site


def post(tmp_path: Path):
    path = tmp_path / "drafts" / "ward-news.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text("---\ntitle: Ward news\ndate: 2026-11-20\n---\n\nReopened.\n")
    return load_post(path)


def global_config(tmp_path: Path, monkeypatch, helper: bool) -> None:
    """The writer's global git config: with a credential helper that knows the password,
    or empty."""
    script = tmp_path / "credential-helper"
    script.write_text(
        f'#!/bin/sh\ntest "$1" = get || exit 0\necho username={USER}\necho password={PASSWORD}\n'
    )
    script.chmod(0o755)
    config = tmp_path / "gitconfig"
    config.write_text(f"[credential]\n\thelper = {script}\n" if helper else "")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_the_password_comes_from_the_writers_credential_helper(tmp_path, http_remote, monkeypatch):
    served, url = http_remote
    site = site_with_remote(tmp_path, url)
    global_config(tmp_path, monkeypatch, helper=True)
    publisher = pelican_git()
    publisher.export(post(tmp_path), site, resolve_options(publisher, {}))

    assert "content/ward-news.md" in git(served, "ls-tree", "-r", "--name-only", "main")
    local = (site / ".git" / "config").read_text(encoding="utf-8")
    assert PASSWORD not in local and USER not in local
    assert git(site, "remote", "get-url", "origin").strip() == url  # no user in the URL


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_no_credentials_stops_at_once_and_puts_the_site_back(tmp_path, http_remote, monkeypatch):
    served, url = http_remote
    site = site_with_remote(tmp_path, url)
    global_config(tmp_path, monkeypatch, helper=False)
    head = git(site, "rev-parse", "HEAD")
    publisher = pelican_git()
    with pytest.raises(GitError, match="terminal prompts disabled"):
        publisher.export(post(tmp_path), site, resolve_options(publisher, {}))
    assert git(site, "rev-parse", "HEAD") == head
    assert git(site, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(served, "for-each-ref") == ""
