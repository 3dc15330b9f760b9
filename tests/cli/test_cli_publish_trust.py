"""The command line against a real WordPress, run as a user runs it (a separate process): a
draft published without --status stays a draft there; a schedule already past is refused;
a conflict can be finished (the blog's version home next to the draft with a diff, then
--overwrite or --refresh); a post already here is pointed to; a queued post whose account
was removed leaves the queue with a message."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import placement
from tests.wordpress.server import free_port

DRAFT = """---
title: Night shift rota
date: 2026-11-20 09:30:00+01:00
status: draft
---

The rota is on the board.
"""


class Cli:
    """``smugdesk`` in its own process, with its own config, state and keyring files."""

    def __init__(self, home: Path) -> None:
        self.env = {
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_DATA_HOME": str(home / "data"),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "PATH": "/usr/bin:/bin",
        }

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "smugdesk", *args],
            input=stdin,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path / "home")


@pytest.fixture
def blog(cli, wordpress) -> str:
    added = cli(
        "account",
        "add",
        "Ward Notes",
        "--kind",
        "wordpress",
        "--url",
        wordpress.url,
        "--user",
        wordpress.user,
        "--password-stdin",
        stdin=wordpress.app_password + "\n",
    )
    assert added.returncode == 0, added.stderr
    return "Ward Notes"


def on_server(site, remote_id: str) -> dict:
    request = urllib.request.Request(f"{site.url}?rest_route=/wp/v2/posts/{remote_id}&context=edit")
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_draft_published_without_status_is_a_draft_on_the_blog(cli, blog, wordpress, tmp_path):
    path = write(tmp_path / "drafts", "rota", DRAFT)
    done = cli("publish", str(path), "--account", blog)
    assert done.returncode == 0, done.stderr
    post = parse_post(path.read_text(encoding="utf-8"))
    remote = on_server(wordpress, placement(post, blog).id)
    assert remote["status"] == "draft"
    assert post.meta["status"] == "draft"


def test_a_schedule_in_the_past_is_refused_and_nothing_is_sent(cli, blog, wordpress, tmp_path):
    past = DRAFT.replace("2026-11-20", "2021-03-04").replace("Night shift rota", "Old rota")
    path = write(tmp_path / "drafts", "old-rota", past)
    before = path.read_text(encoding="utf-8")
    done = cli("publish", str(path), "--account", blog, "--status", "scheduled")
    assert done.returncode == 1
    assert "is in the past: scheduling it would publish it now" in done.stderr
    assert "--status publish" in done.stderr and "Traceback" not in done.stderr
    # Marked scheduled in the post itself: the same.
    path.write_text(past.replace("status: draft", "status: scheduled"), encoding="utf-8")
    again = cli("publish", str(path), "--account", blog)
    assert again.returncode == 1 and "in the past" in again.stderr
    assert "published:" not in path.read_text(encoding="utf-8")
    search = f"{wordpress.url}?rest_route=/wp/v2/posts&search=Old%20rota&status=publish,future"
    request = urllib.request.Request(search)
    token = base64.b64encode(f"{wordpress.user}:{wordpress.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert json.loads(answer.read()) == []
    assert before != path.read_text(encoding="utf-8")  # only the test's own edit


def test_a_conflict_can_be_finished_from_the_command_line(cli, blog, wordpress, tmp_path):
    drafts = tmp_path / "drafts"
    path = write(drafts, "handover", DRAFT.replace("status: draft", "status: published"))
    first = cli("publish", str(path), "--account", blog)
    assert first.returncode == 0, first.stderr
    url = first.stdout.strip()
    remote_id = placement(parse_post(path.read_text(encoding="utf-8")), blog).id
    time.sleep(1.1)  # WordPress keeps modification times to the second
    wordpress.php(
        f"wp_update_post(['ID' => {remote_id}, 'post_content' => '<p>A colleague fixed it.</p>']);"
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("on the board.", "on the board, and online."),
        encoding="utf-8",
    )

    refused = cli("publish", str(path), "--account", blog)
    assert refused.returncode == 1
    assert "nothing was sent" in refused.stderr and "--as-copy" in refused.stderr
    assert "A colleague fixed it." in on_server(wordpress, remote_id)["content"]["raw"]

    here = cli("download", "--account", blog, "--url", url, "--drafts", str(drafts))
    assert here.returncode == 0, here.stderr
    assert f"{path} already holds this post" in here.stdout and "--refresh" in here.stdout

    copy = cli("download", "--account", blog, "--url", url, "--drafts", str(drafts), "--as-copy")
    assert copy.returncode == 0, copy.stderr
    copy_path = Path(copy.stdout.splitlines()[0])
    assert copy_path == drafts / "handover-from-blog.md"  # next to the draft it differs from
    assert "A colleague fixed it." in copy_path.read_text(encoding="utf-8")
    assert "-The rota is on the board, and online." in copy.stdout
    assert "+A colleague fixed it." in copy.stdout
    assert "published:" not in copy_path.read_text(encoding="utf-8")  # a copy never updates

    forced = cli("publish", str(path), "--account", blog, "--overwrite")
    assert forced.returncode == 0, forced.stderr
    assert "and online." in on_server(wordpress, remote_id)["content"]["raw"]

    # The other way: keep the blog's version.
    time.sleep(1.1)
    wordpress.php(f"wp_update_post(['ID' => {remote_id}, 'post_content' => '<p>Theirs.</p>']);")
    kept = cli("download", "--account", blog, "--url", url, "--drafts", str(drafts), "--refresh")
    assert kept.returncode == 0, kept.stderr
    assert "Theirs." in path.read_text(encoding="utf-8")
    assert list((drafts / ".trash").glob("handover*.md"))  # the old text can be restored
    after = cli("publish", str(path), "--account", blog)  # an ordinary update now
    assert after.returncode == 0, after.stderr


def test_a_queued_post_whose_account_was_removed_is_dropped(cli, tmp_path):
    port = free_port()  # nothing listens: the publish is queued
    added = cli(
        "account",
        "add",
        "Closed blog",
        "--kind",
        "wordpress",
        "--url",
        f"http://127.0.0.1:{port}/",
        "--user",
        "me",
        "--password-stdin",
        stdin="secret\n",
    )
    assert added.returncode == 0, added.stderr
    path = write(tmp_path / "drafts", "on-the-train", DRAFT)
    queued = cli("publish", str(path), "--account", "Closed blog")
    assert queued.returncode == 1 and "queued" in queued.stderr
    assert cli("account", "remove", "Closed blog").returncode == 0

    sent = cli("publish", "--send-queued")
    assert sent.returncode == 0, sent.stderr
    assert "dropped from the queue: the account “Closed blog” was removed" in sent.stderr
    assert "on-the-train.md" in sent.stderr
    again = cli("publish", "--send-queued")
    assert again.returncode == 0 and again.stderr == ""  # not failing for ever
