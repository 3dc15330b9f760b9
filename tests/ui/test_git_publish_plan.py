"""Publishing to a Hugo site in git from the window: the first push shows what will be
committed (nothing written, nothing pushed yet); Publish commits and pushes; the next Ctrl+E
pushes straight away. Real git, a bare repository on the disk as the remote, real Hugo."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from smugdesk.publish.git_site import hugo_git
from smugdesk.publish.registry import Registry, registry

pytestmark = pytest.mark.skipif(not shutil.which("hugo"), reason="Hugo is not installed")

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
def hugo_site(tmp_path) -> tuple[Path, Path]:
    remote, site = tmp_path / "remote.git", tmp_path / "site"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(tmp_path, "init", "-q", "-b", "main", str(site))
    for key, value in (("user.name", "w"), ("user.email", "w@example.org")):
        git(site, "config", key, value)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text('baseURL = "https://blog.example/"\ntitle = "T"\n')
    for name in ("single.html", "list.html", "index.html"):
        (site / "layouts" / "_default" / name).write_text("{{ .Title }}{{ .Content }}")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "site")
    git(site, "remote", "add", "origin", str(remote))
    git(site, "push", "-q", "origin", "main")
    return site, remote


@pytest.fixture
def with_hugo_git(monkeypatch):
    """hugo-git registered as its entry point will register it."""
    from smugdesk.ui import export_actions

    found = registry()
    extended = Registry({**found.exporters, "hugo-git": hugo_git()}, found.problems)
    monkeypatch.setattr(export_actions, "registry", lambda: extended)


def test_first_push_shows_the_plan_then_publishes(
    qtbot, window, tmp_path, hugo_site, with_hugo_git
):
    site, remote = hugo_site
    draft = tmp_path / "drafts" / "ward-news.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(POST, encoding="utf-8")
    assert window.open_path(draft)
    pushed = git(remote, "rev-parse", "main")

    with qtbot.waitSignal(window.exported, timeout=30000) as planned:
        window.export_to("hugo-git", site)
    box = window.git_plan_box
    assert box.isVisible()
    assert "add content/posts/ward-news/index.md" in box.informativeText()
    assert planned.args[0].written == []
    assert git(remote, "rev-parse", "main") == pushed
    assert not (site / "content").exists()  # the plan left the working copy as it was

    publish = next(b for b in box.buttons() if b.text() == "Publish")
    with qtbot.waitSignal(window.exported, timeout=30000) as done:
        publish.click()
    assert any(note.startswith("pushed ") for note in done.args[0].notes)
    assert "content/posts/ward-news/index.md" in git(remote, "ls-tree", "-r", "main")
    window.export_result_box.close()
    text = window.editor.toPlainText()
    assert "target: hugo-git" in text and "dry_run" not in text

    window.editor.setPlainText(text.replace("The ward reopened.", "Open all week."))
    with qtbot.waitSignal(window.exported, timeout=30000):
        window.export_again()  # Ctrl+E: remembered, so no plan this time
    assert "Open all week." in git(remote, "show", "main:content/posts/ward-news/index.md")
    window.export_result_box.close()


def test_the_export_dialog_offers_the_remote_branch_and_check(qtbot, window):
    from smugdesk.ui.dialogs.export import ExportDialog

    exporters = {**registry().exporters, "hugo-git": hugo_git()}
    dialog = ExportDialog(window, exporters, name="hugo-git")
    qtbot.addWidget(dialog)
    fields = set(dialog._fields)
    assert {"remote", "branch", "build", "dry_run", "section"} <= fields
    name, _folder, options = dialog.chosen()
    assert name == "hugo-git"
    assert (options["remote"], options["branch"], options["build"]) == ("origin", "main", True)
    assert options["dry_run"] is False
