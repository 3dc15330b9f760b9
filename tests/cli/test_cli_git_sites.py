"""``smugdesk export --to hugo-git``: the plan with --dry-run (nothing changed), then the
publish, then errors as one line. The git publishers are found through the entry points
pyproject.toml declares for them (installed here as a dist-info of their own), real git, a
bare repository on the disk as the remote, real Hugo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not shutil.which("hugo"), reason="Hugo is not installed")

ENTRY_POINTS = """[smugdesk.exporters]
hugo-git = smugdesk.publish.git_site:hugo_git
jekyll-git = smugdesk.publish.git_site:jekyll_git
pelican-git = smugdesk.publish.git_site:pelican_git
"""
POST = """---
title: Ward news
date: 2026-11-20 09:30:00+00:00
status: published
---

The ward reopened.
"""


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def smugdesk(tmp_path):
    entries = tmp_path / "entries"
    info = entries / "smugdesk_git_sites-0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: smugdesk-git-sites\nVersion: 0\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    env = dict(os.environ, PYTHONPATH=str(entries))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "smugdesk", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )

    return run


def test_dry_run_then_publish_from_the_command_line(smugdesk, tmp_path):
    remote, site = tmp_path / "remote.git", tmp_path / "site"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(tmp_path, "init", "-q", "-b", "main", str(site))
    git(site, "config", "user.name", "w")
    git(site, "config", "user.email", "w@example.org")
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text('baseURL = "https://blog.example/"\ntitle = "T"\n')
    for name in ("single.html", "list.html", "index.html"):
        (site / "layouts" / "_default" / name).write_text("{{ .Title }}{{ .Content }}")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "site")
    git(site, "remote", "add", "origin", str(remote))
    git(site, "push", "-q", "origin", "main")
    post = tmp_path / "drafts" / "ward-news.md"
    post.parent.mkdir()
    post.write_text(POST, encoding="utf-8")

    plan = smugdesk("export", str(post), "--to", "hugo-git", "--out", str(site), "--dry-run")
    assert plan.returncode == 0, plan.stderr
    assert plan.stdout.splitlines() == [
        "commit on main, then push to origin: Publish “Ward news” "
        "(content/posts/ward-news/index.md)",
        "  add content/posts/ward-news/index.md",
    ]
    assert not (site / "content").exists()
    assert git(site, "status", "--porcelain") == ""

    done = smugdesk("export", str(post), "--to", "hugo-git", "--out", str(site))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(site / "content" / "posts" / "ward-news" / "index.md")
    assert "smugdesk: pushed " in done.stderr
    assert "content/posts/ward-news/index.md" in git(remote, "ls-tree", "-r", "main")

    (tmp_path / "plain").mkdir()
    refused = smugdesk("export", str(post), "--to", "hugo-git", "--out", str(tmp_path / "plain"))
    assert refused.returncode == 1
    assert refused.stderr.startswith("smugdesk: ") and "not inside a git working copy" in (
        refused.stderr
    )
    assert "Traceback" not in refused.stderr
    html = smugdesk("export", str(post), "--to", "html", "--out", str(tmp_path), "--dry-run")
    assert html.returncode == 1 and "html has no dry run" in html.stderr
