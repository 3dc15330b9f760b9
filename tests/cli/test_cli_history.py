"""The command line keeps the history too, run as a user runs it (a separate process) against
a real WordPress: the version a publish sent is marked with the blog's name, a downloaded
post starts its history, and 'smugdesk history' lists, shows and restores."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

POST = """---
title: Flu clinic hours
status: draft
---

The flu clinic opens at nine on Saturdays.
"""


def _cli(home: Path):
    env = {
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "PATH": "/usr/bin:/bin",
    }

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "smugdesk", *args],
            input=stdin,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    return run


def test_publish_marks_download_records_and_history_restores(wordpress, tmp_path):
    cli = _cli(tmp_path / "home")
    added = cli(
        "account", "add", "Ward Notes", "--kind", "wordpress", "--url", wordpress.url,
        "--user", wordpress.user, "--password-stdin", stdin=wordpress.app_password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "flu-clinic.md"
    post.write_text(POST, encoding="utf-8")

    sent = cli("publish", str(post), "--account", "Ward Notes")
    assert sent.returncode == 0, sent.stderr
    listed = cli("history", str(post))
    assert listed.returncode == 0, listed.stderr
    [line] = listed.stdout.splitlines()
    assert "Published to Ward Notes" in line
    number = line.split()[0]
    shown = cli("history", str(post), "--show", number)
    assert shown.stdout == post.read_text(encoding="utf-8")  # what the blog got, offline

    post.write_text(shown.stdout.replace("nine", "ten"), encoding="utf-8")
    restored = cli("history", str(post), "--restore", number)
    assert restored.returncode == 0, restored.stderr
    assert "opens at nine" in post.read_text(encoding="utf-8")
    causes = re.findall(r"(Restored|Published to Ward Notes)", cli("history", str(post)).stdout)
    assert causes == ["Restored", "Published to Ward Notes"]

    laptop = tmp_path / "laptop"
    fetched = cli("download", "--account", "Ward Notes", "--count", "1", "--drafts", str(laptop))
    assert fetched.returncode == 0, fetched.stderr
    [home] = list(laptop.glob("*.md"))
    listed = cli("history", str(home), "--drafts", str(laptop))
    assert listed.returncode == 0, listed.stderr
    assert "Downloaded" in listed.stdout
    assert not list(laptop.glob(".*history*")) and not list(drafts.glob("*.sqlite3"))
