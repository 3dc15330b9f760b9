"""Publishing to a static site kept in git: the real ``git`` against a bare repository on the
local disk as the remote, a second clone as someone else pushing, and the real generators
(Hugo, Jekyll, Pelican) checking the site before a push."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from sample_posts import PIXEL

from smugdesk.core.store import load_post
from smugdesk.publish import git_command
from smugdesk.publish.base import ExportError, resolve_options
from smugdesk.publish.git_site import (
    BuildError,
    ConflictError,
    GitError,
    hugo_git,
    jekyll_git,
    pelican_git,
)

needs_hugo = pytest.mark.skipif(not shutil.which("hugo"), reason="Hugo is not installed")
needs_jekyll = pytest.mark.skipif(not shutil.which("jekyll"), reason="Jekyll is not installed")

HUGO_CONFIG = {
    "config.toml": 'baseURL = "https://blog.example/"\ntitle = "Test"\n',
    "layouts/_default/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
    "layouts/_default/list.html": "{{ .Title }}",
    "layouts/_default/index.html": "{{ .Title }}",
}
JEKYLL_CONFIG = {
    "_config.yml": "title: Test\n",
    "_layouts/post.html": "<h1>{{ page.title }}</h1>{{ content }}",
}
PELICAN_CONFIG = {
    "pelicanconf.py": "AUTHOR = 'A'\nSITENAME = 'Test'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
    "ARTICLE_URL = '{slug}.html'\nARTICLE_SAVE_AS = '{slug}.html'\n"
    "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nSTATIC_PATHS = ['images']\n",
    "content/.keep": "",
}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, f"git {args}: {result.stderr}"
    return result.stdout


def identify(repo: Path, name: str) -> None:
    git(repo, "config", "user.name", name)
    git(repo, "config", "user.email", f"{name}@example.org")
    git(repo, "config", "commit.gpgsign", "false")


def make_site(tmp_path: Path, files: dict[str, str], under: str = "") -> tuple[Path, Path]:
    """A site (in the folder ``under`` of its repository) committed and pushed to a bare
    'remote'; returns (the site's folder, remote)."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    top = tmp_path / "site"
    git(tmp_path, "init", "-q", "-b", "main", str(top))
    identify(top, "writer")
    site = top / under
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (top / "README.md").write_text("my site\n", encoding="utf-8")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "site")
    git(top, "remote", "add", "origin", str(remote))
    git(top, "push", "-q", "origin", "main")
    return site, remote


def other_clone(tmp_path: Path, remote: Path) -> Path:
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", str(remote), str(other))
    identify(other, "colleague")
    return other


def write_post(tmp_path: Path, body: str = "Hello from the ward.", slug: str = "ward-news"):
    drafts = tmp_path / "drafts"
    (drafts / f"{slug}.assets").mkdir(parents=True, exist_ok=True)
    (drafts / f"{slug}.assets" / "ward.png").write_bytes(PIXEL)
    path = drafts / f"{slug}.md"
    path.write_text(
        f"---\ntitle: Ward news\ndate: 2026-11-20 09:30:00+00:00\nstatus: published\n---\n\n"
        f"{body}\n\n![The ward]({slug}.assets/ward.png)\n",
        encoding="utf-8",
    )
    return load_post(path)


def publish(publisher, post, site: Path, **given):
    return publisher.export(post, site, resolve_options(publisher, given))


def remote_files(remote: Path) -> list[str]:
    return git(remote, "ls-tree", "-r", "--name-only", "main").split()


def state(site: Path) -> tuple[str, str, dict[str, bytes | None]]:
    """HEAD, `git status`, and every file's bytes and every folder (outside .git): 'as it
    was' means all three."""
    files = {
        str(p.relative_to(site)): p.read_bytes() if p.is_file() else None
        for p in sorted(site.rglob("*"))
        if ".git" not in p.relative_to(site).parts
    }
    status = git(site, "status", "--porcelain=v1", "--untracked-files=all")
    return git(site, "rev-parse", "HEAD"), status, files


@needs_jekyll
def test_jekyll_plan_then_publish_commits_only_the_posts_files(tmp_path):
    site, remote = make_site(tmp_path, JEKYLL_CONFIG)
    # The writer's own unfinished work in the working copy: changed, staged and new files.
    (site / "README.md").write_text("half-written about page\n", encoding="utf-8")
    (site / "_config.yml").write_text("title: Test\nnew: setting\n", encoding="utf-8")
    git(site, "add", "_config.yml")
    (site / "_posts").mkdir()
    (site / "_posts" / "2026-01-01-unfinished.md").write_text("---\n---\nwip\n")
    post = write_post(tmp_path)
    before = state(site)

    plan = publish(jekyll_git(), post, site, dry_run=True)
    assert plan.notes[0] == (
        "commit on main, then push to origin: Publish “Ward news” (_posts/2026-11-20-ward-news.md)"
    )
    assert "  add _posts/2026-11-20-ward-news.md" in plan.notes
    assert "  add assets/images/ward-news/ward.png" in plan.notes
    assert len(plan.notes) == 3
    assert state(site) == before, "a dry run changed the working copy"
    assert remote_files(remote) == ["README.md", "_config.yml", "_layouts/post.html"]

    result = publish(jekyll_git(), post, site)
    assert any(note.startswith("pushed ") for note in result.notes)
    assert sorted(remote_files(remote)) == [
        "README.md",
        "_config.yml",
        "_layouts/post.html",
        "_posts/2026-11-20-ward-news.md",
        "assets/images/ward-news/ward.png",
    ]
    message = git(remote, "log", "-1", "--format=%s", "main").strip()
    assert message == "Publish “Ward news” (_posts/2026-11-20-ward-news.md)"
    # The writer's work is untouched: still changed, still staged, still untracked.
    assert git(remote, "show", "main:README.md") == "my site\n"
    status = git(site, "status", "--porcelain=v1", "--untracked-files=all").splitlines()
    assert " M README.md" in status and "M  _config.yml" in status
    assert "?? _posts/2026-01-01-unfinished.md" in status
    assert git(site, "rev-parse", "HEAD") == git(remote, "rev-parse", "main")
    assert not (site / ".jekyll-cache").exists() and not (site / "_site").exists()


@needs_hugo
def test_update_after_the_remote_moved_rebases_and_never_forces(tmp_path):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    first = publish(hugo_git(), write_post(tmp_path), site)
    assert first.location.endswith("content/posts/ward-news/index.md")
    other = other_clone(tmp_path, remote)
    (other / "about.md").write_text("about us\n", encoding="utf-8")
    git(other, "add", "about.md")
    git(other, "commit", "-q", "-m", "About page")
    git(other, "push", "-q", "origin", "main")
    theirs = git(other, "rev-parse", "HEAD").strip()
    (site / "README.md").write_text("local edit, not for the remote\n", encoding="utf-8")

    publish(hugo_git(), write_post(tmp_path, body="Updated: the ward reopened."), site)
    log = git(remote, "log", "--format=%s", "main").splitlines()
    assert log[0] == "Update “Ward news” (content/posts/ward-news/index.md)"
    assert log[1] == "About page", "not rebased onto the colleague's commit"
    assert len(git(remote, "log", "-1", "--format=%P", "main").split()) == 1  # no merge
    assert git(remote, "merge-base", "--is-ancestor", theirs, "main") == ""
    assert "ward reopened" in git(remote, "show", "main:content/posts/ward-news/index.md")
    assert git(remote, "show", "main:README.md") == "my site\n"
    assert (site / "README.md").read_text() == "local edit, not for the remote\n"
    assert (site / "about.md").exists()  # the working copy has the colleague's page now
    # The check built elsewhere: no lock, no resources/, no public/ left in the site.
    assert sorted(p.name for p in site.iterdir()) == [
        ".git", ".smugdesk-exports.json", "README.md", "about.md", "config.toml", "content",
        "layouts",
    ]  # fmt: skip


@needs_hugo
def test_a_conflict_stops_and_leaves_the_working_copy_as_it_was(tmp_path):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    publish(hugo_git(), write_post(tmp_path), site)
    other = other_clone(tmp_path, remote)
    page = other / "content" / "posts" / "ward-news" / "index.md"
    page.write_text(page.read_text().replace("Hello from the ward.", "Colleague's fix."))
    git(other, "commit", "-q", "-am", "Fix typo")
    git(other, "push", "-q", "origin", "main")
    remote_head = git(remote, "rev-parse", "main")
    (site / "README.md").write_text("local edit\n", encoding="utf-8")
    before = state(site)

    with pytest.raises(ConflictError) as stopped:
        publish(hugo_git(), write_post(tmp_path, body="My own rewrite."), site)
    assert "content/posts/ward-news/index.md" in str(stopped.value)
    assert "conflict" in str(stopped.value)
    assert state(site) == before
    assert not (site / ".git" / "rebase-merge").exists()
    assert git(site, "stash", "list") == ""
    assert git(remote, "rev-parse", "main") == remote_head


@needs_hugo
def test_a_failing_build_stops_the_push_with_the_generators_words(tmp_path):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    publish(hugo_git(), write_post(tmp_path), site)
    remote_head = git(remote, "rev-parse", "main")
    before = state(site)

    broken = write_post(tmp_path, body="{{< no-such-shortcode >}}")
    with pytest.raises(BuildError) as stopped:
        publish(hugo_git(), broken, site)
    assert "no-such-shortcode" in str(stopped.value)  # Hugo's own message
    assert "nothing was committed" in str(stopped.value)
    assert state(site) == before, "the earlier version of the post was not put back"
    assert git(remote, "rev-parse", "main") == remote_head


def test_pelican_site_in_a_folder_of_its_repository_builds_and_pushes(tmp_path):
    site, remote = make_site(tmp_path, PELICAN_CONFIG, under="blog")
    result = publish(pelican_git(), write_post(tmp_path), site)
    assert "blog/content/ward-news.md" in remote_files(remote)
    assert "blog/content/images/ward-news/ward.png" in remote_files(remote)
    assert git(remote, "log", "-1", "--format=%s", "main").strip() == (
        "Publish “Ward news” (blog/content/ward-news.md)"
    )
    assert result.location == str(site / "content" / "ward-news.md")
    assert git(site, "status", "--porcelain=v1", "--untracked-files=all") == (
        "?? blog/.smugdesk-exports.json\n"
    )  # the build wrote nothing into the site (no output/, no __pycache__)


@needs_hugo
def test_hostile_names_cannot_become_options_or_other_files(tmp_path):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    post = write_post(tmp_path)
    # An image whose name is a glob: as a pathspec it would commit every PNG beside it.
    (post.path.parent / "*.png").write_bytes(PIXEL)
    post.body += "\n![all](*.png)\n"
    bundle = site / "content" / "posts" / "ward-news"
    bundle.mkdir(parents=True)
    (bundle / "private.png").write_bytes(PIXEL)  # the writer's, not to be published
    pwned = tmp_path / "pwned"
    hostile = [
        ("remote", f"--upload-pack=touch {pwned}", GitError, "no remote called"),
        ("branch", f"--exec=touch {pwned}", GitError, "not a branch name"),
        ("branch", "main;touch pwned", GitError, "not a branch name"),
        ("section", "../../outside", ExportError, "must be a folder inside the site"),
    ]
    for option, value, error, words in hostile:
        with pytest.raises(error, match=words):
            publish(hugo_git(), post, site, **{option: value})
    assert not pwned.exists()
    assert not (tmp_path / "outside").exists()

    publish(hugo_git(), post, site)
    published = remote_files(remote)
    assert "content/posts/ward-news/*.png" in published
    assert "content/posts/ward-news/private.png" not in published
    assert "?? content/posts/ward-news/private.png" in git(site, "status", "--porcelain=v1")


def test_a_site_that_is_not_a_git_working_copy_is_a_clear_message(tmp_path):
    (tmp_path / "plain").mkdir()
    with pytest.raises(GitError, match="not inside a git working copy"):
        publish(pelican_git(), write_post(tmp_path), tmp_path / "plain")


def test_git_runs_without_prompts_and_with_literal_paths():
    env = git_command.git_env()
    assert env["GIT_TERMINAL_PROMPT"] == "0"
    assert env["GIT_LITERAL_PATHSPECS"] == "1"


def test_a_hung_command_is_stopped_at_its_deadline_with_its_children(tmp_path):
    # The background child keeps the output pipe open: unless the whole process group is
    # killed, waiting for the output lasts as long as it does (30 s).
    started = time.monotonic()
    with pytest.raises(GitError, match="took longer than"):
        git_command.run_tool(["sh", "-c", "sleep 30 & sleep 30"], tmp_path, 0.5)
    assert time.monotonic() - started < 5, "the command's child outlived the deadline"


@needs_hugo
def test_a_refused_push_keeps_the_commit_and_publishing_again_pushes_it(tmp_path):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'main is protected: ask an admin' >&2\nexit 1\n")
    hook.chmod(0o755)
    post = write_post(tmp_path)
    with pytest.raises(GitError) as refused:
        publish(hugo_git(), post, site)
    assert "main is protected: ask an admin" in str(refused.value)  # the remote's own words
    assert "publish again" in str(refused.value)
    assert git(site, "log", "-1", "--format=%s").startswith("Publish “Ward news”")
    assert "content/posts/ward-news/index.md" not in remote_files(remote)

    hook.unlink()
    again = publish(hugo_git(), post, site)
    assert any(note.startswith("pushed ") for note in again.notes)
    assert "content/posts/ward-news/index.md" in remote_files(remote)
    assert git(remote, "log", "--format=%s", "main").count("Ward news") == 1


@needs_hugo
def test_the_remote_changing_a_file_with_uncommitted_work_stops_before_any_rebase(tmp_path):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    other = other_clone(tmp_path, remote)
    (other / "README.md").write_text("the colleague's readme\n", encoding="utf-8")
    git(other, "commit", "-q", "-am", "Readme")
    git(other, "push", "-q", "origin", "main")
    (site / "README.md").write_text("my unsaved readme\n", encoding="utf-8")
    before = state(site)

    with pytest.raises(ConflictError, match=r"README\.md, which also has uncommitted changes"):
        publish(hugo_git(), write_post(tmp_path), site)
    assert state(site) == before
    assert git(site, "stash", "list") == ""
    assert "content/posts/ward-news/index.md" not in remote_files(remote)


@needs_hugo
def test_without_the_generator_the_check_says_so_and_build_off_publishes(tmp_path, monkeypatch):
    site, remote = make_site(tmp_path, HUGO_CONFIG)
    only_git = tmp_path / "bin"
    only_git.mkdir()
    (only_git / "git").symlink_to(shutil.which("git"))
    monkeypatch.setenv("PATH", str(only_git))
    post = write_post(tmp_path)
    assert hugo_git().available() == (True, "")
    with pytest.raises(BuildError, match=r"hugo is not installed.*turn the build option off"):
        publish(hugo_git(), post, site)
    assert "content/posts/ward-news/index.md" not in remote_files(remote)
    publish(hugo_git(), post, site, build=False)
    assert "content/posts/ward-news/index.md" in remote_files(remote)


@needs_jekyll
def test_a_wide_images_narrower_copy_is_committed_with_it(tmp_path):
    from PIL import Image

    site, remote = make_site(tmp_path, JEKYLL_CONFIG)
    post = write_post(tmp_path)
    Image.new("RGB", (2000, 1500), (20, 90, 160)).save(
        post.path.parent / "ward-news.assets" / "ward.png"
    )
    publish(jekyll_git(), post, site)
    images = [name for name in remote_files(remote) if name.startswith("assets/")]
    assert images == ["assets/images/ward-news/ward-1024w.png", "assets/images/ward-news/ward.png"]
    assert "?? assets" not in git(site, "status", "--porcelain=v1", "--untracked-files=all")
