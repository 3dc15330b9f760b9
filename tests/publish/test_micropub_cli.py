"""`smugdesk` on the command line (its own process, as a writer runs it) against the real
Micropub server: a create whose answer a gateway loses is reported as done and recorded, so
running publish three times leaves one entry; a deletion and an edit on the blog are said as
such, and --recreate / --overwrite finish them; a download brings the entry home."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
from pathlib import Path

import micropub_server as mp  # loaded by tests/publish/conftest.py
import pytest
from fault_servers import FaultProxy, Rule

from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import placement

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


class Cli:
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

    def add_account(self, endpoint: str) -> None:
        added = self(
            "account",
            "add",
            "Notes",
            "--kind",
            "micropub",
            "--url",
            endpoint,
            "--password-stdin",
            stdin=mp.TOKEN + "\n",
        )
        assert added.returncode == 0, added.stderr


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path / "home")


def _write(tmp_path: Path, name: str, title: str, body: str) -> Path:
    path = tmp_path / "drafts" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\nstatus: published\n---\n\n{body}", encoding="utf-8")
    return path


def _recorded(path: Path) -> str:
    return placement(parse_post(path.read_text(encoding="utf-8"), path), "Notes").url


def _titled(site, title: str) -> list[dict]:
    return [item for item in site.entries() if item["properties"].get("name") == [title]]


def test_publish_run_three_times_through_a_502_after_the_create_leaves_one_entry(
    cli, micropub_site, tmp_path
):
    with FaultProxy(micropub_site.base) as proxy:
        proxy.add(Rule("502_after", method="POST", body=b'"h-entry"', times=None))
        cli.add_account(proxy.url + "indieweb/micropub/")
        path = _write(tmp_path, "gateway", "Gateway trouble", "Take 1.\n")
        for take in (1, 2, 3):
            done = cli("publish", str(path), "--account", "Notes")
            assert done.returncode == 0, done.stderr  # a create that worked is not a failure
            if take == 1:  # the writer is told why nothing went wrong
                assert "note: " in done.stderr and "found the post" in done.stderr
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(f"Take {take}.", f"Take {take + 1}."), encoding="utf-8")
        assert proxy.count(method="POST", body=b'"h-entry"') == 1
    [entry] = _titled(micropub_site, "Gateway trouble")
    assert entry["properties"]["url"] == [_recorded(path)]
    assert "Take 3." in entry["properties"]["content"][0]["html"]


def test_a_deletion_and_an_edit_on_the_blog_are_finished_from_the_command_line(
    cli, micropub_site, tmp_path
):
    cli.add_account(micropub_site.endpoint)
    path = _write(tmp_path, "notice", "Car park notice", "Closed on Friday.\n")
    assert cli("publish", str(path), "--account", "Notes").returncode == 0
    first = _recorded(path)

    micropub_site.call("POST", body={"action": "delete", "url": first})
    refused = cli("publish", str(path), "--account", "Notes")
    assert refused.returncode != 0 and "deleted" in refused.stderr
    assert "Traceback" not in refused.stderr
    again = cli("publish", str(path), "--account", "Notes", "--recreate")
    assert again.returncode == 0, again.stderr
    second = _recorded(path)
    assert second != first and len(_titled(micropub_site, "Car park notice")) == 1

    change = {"content": [{"html": "<p>Closed on Friday and Saturday.</p>"}]}
    micropub_site.call("POST", body={"action": "update", "url": second, "replace": change})
    path.write_text(path.read_text().replace("Friday.", "Friday only."), encoding="utf-8")
    conflict = cli("publish", str(path), "--account", "Notes")
    assert conflict.returncode != 0 and "changed on the blog" in conflict.stderr
    forced = cli("publish", str(path), "--account", "Notes", "--overwrite")
    assert forced.returncode == 0, forced.stderr
    status, _headers, text = micropub_site.call(query="q=source&url=" + urllib.parse.quote(second))
    assert status == 200
    assert "Friday only." in json.loads(text)["properties"]["content"][0]["html"]


def test_download_brings_an_entry_home_with_its_embed_and_categories(cli, micropub_site, tmp_path):
    cli.add_account(micropub_site.endpoint)
    path = _write(tmp_path, "talk", "Recorded talk", f"The talk:\n\n{VIDEO}\n")
    path.write_text(path.read_text().replace("status:", "tags: [talks, Q&A]\nstatus:"))
    assert cli("publish", str(path), "--account", "Notes").returncode == 0
    url = _recorded(path)

    home = tmp_path / "home-drafts"
    done = cli("download", "--account", "Notes", "--url", url, "--drafts", str(home))
    assert done.returncode == 0, done.stderr
    [copy] = home.glob("*.md")
    post = parse_post(copy.read_text(encoding="utf-8"), copy)
    assert list(post.meta["tags"]) == ["talks", "Q&A"]
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in post.body
    assert placement(post, "Notes").url == url
