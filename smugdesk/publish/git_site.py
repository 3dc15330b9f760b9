"""Publishing to a static site kept in git (GitHub Pages, Netlify, Codeberg Pages): the
Jekyll, Hugo or Pelican exporter writes the post into the site's working copy, the site's
own generator builds it to check it, and only the post's files are committed and pushed.

- A failed build, a conflict with what the remote has, or a refused push stops the publish
  with the generator's or git's own words; before a push the working copy is put back as it
  was (the files the export touched restored, the commit undone, the rebase aborted).
- Only the files the export wrote (the post, its images, an earlier copy it replaced) are
  committed, whatever else the writer has changed or staged in the working copy.
- The remote moved: the commit is rebased onto it (the writer's other uncommitted changes set
  aside and put back by git's ``--autostash``); never a force-push, never a merge commit.
- ``dry_run`` exports, lists what would be committed and pushed, and restores everything.

git itself is run through ``git_command`` (why the command and not a library is said there).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smugdesk.core.post import Post
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress
from smugdesk.publish.git_command import (
    NETWORK_TIMEOUT,
    Git,
    GitError,
    git_available,
    last_lines,
    toplevel,
)
from smugdesk.publish.hugo import HugoExporter
from smugdesk.publish.image_prep import SMALLER_WIDTH
from smugdesk.publish.jekyll import JekyllExporter
from smugdesk.publish.pelican import PelicanExporter
from smugdesk.publish.remote import PublishError
from smugdesk.publish.site import (
    MANIFEST,
    Manifest,
    SiteExport,
    SiteExporter,
    require_site,
    rewrite_body,
)
from smugdesk.publish.site_build import BuildError, build_site
from smugdesk.publish.site_sizes import smaller_file

__all__ = ["BuildError", "ConflictError", "GitError", "GitSitePublisher", "PublishPlan"]

GIT_OPTIONS = (
    Option("remote", str, "origin", "the git remote to push to (as `git remote` lists it)"),
    Option("branch", str, "main", "the branch the site is published from"),
    Option("build", bool, True, "build the site with its generator before pushing"),
    Option("dry_run", bool, False, "only show what would be committed and pushed"),
)
_BRANCH = re.compile(r"[A-Za-z0-9._/][A-Za-z0-9._/-]*")


class ConflictError(PublishError):
    """The remote changed the same files; nothing was pushed and the working copy is as it
    was before the publish."""


@dataclass
class PublishPlan:
    """What a publish commits and where it pushes: shown before the first push."""

    remote: str
    branch: str
    message: str
    changes: list[tuple[str, str]] = field(default_factory=list)  # (A/M/D, path from the top)

    def lines(self) -> list[str]:
        kinds = {"A": "add", "M": "change", "D": "remove"}
        lines = [f"commit on {self.branch}, then push to {self.remote}: {self.message}"]
        lines += [f"  {kinds.get(kind, kind)} {path}" for kind, path in self.changes]
        if not self.changes:
            lines.append("  nothing changed since the last publish")
        return lines


class Snapshot:
    """The bytes (or absence) of some files and which of their folders were missing, so
    a publish that stops can put the working copy back exactly."""

    def __init__(self, paths: set[Path]) -> None:
        self.files: dict[Path, bytes | None] = {}
        self.missing_dirs: list[Path] = []
        for path in sorted(paths):
            self.files[path] = path.read_bytes() if path.is_file() else None
            parent = path.parent
            while not parent.exists() and parent not in self.missing_dirs:
                self.missing_dirs.append(parent)
                parent = parent.parent

    def restore(self) -> None:
        for path, data in self.files.items():
            if data is None:
                if path.is_file() or path.is_symlink():
                    path.unlink()
            elif not path.is_file() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        for folder in sorted(self.missing_dirs, key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):  # something else is in it now: it stays
                folder.rmdir()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:120]


class GitSitePublisher:
    """An exporter-shaped publisher: a site exporter's options plus the remote's."""

    def __init__(self, site_exporter: SiteExporter, kind: str) -> None:
        self.site_exporter = site_exporter
        self.kind = kind
        self.name = f"{kind}-git"
        self.label = f"{site_exporter.label.split(' (')[0]} in git (build, commit, push)"
        self.options = (*site_exporter.options, *GIT_OPTIONS)

    def available(self) -> tuple[bool, str]:
        # The generator is only needed for the check, which the build option can turn off
        # (a site GitHub or Netlify builds, with no Jekyll on this machine).
        return git_available()

    # -- the steps -------------------------------------------------------------------

    def _checked(self, destination: Path, options: dict[str, Any]) -> tuple[Git, Path]:
        site = Path(os.path.realpath(require_site(destination, self.site_exporter.site_hint)))
        git = Git(toplevel(site))
        remote, branch = str(options["remote"]), str(options["branch"])
        if remote not in git.out("remote").split():
            known = ", ".join(git.out("remote").split()) or "none"
            raise GitError(
                f"the site's repository has no remote called {remote!r} (its remotes: {known}); "
                "add it with git remote add, or choose another"
            )
        ref_ok = _BRANCH.fullmatch(branch) and git.ok("check-ref-format", f"refs/heads/{branch}")
        if not ref_ok:
            raise GitError(f"{branch!r} is not a branch name git accepts")
        for state in ("rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD"):
            if (git.top / git.out("rev-parse", "--git-path", state).strip()).exists():
                raise GitError(
                    f"a git {state.split('-')[0].split('_')[0].lower()} is in progress in "
                    f"{git.top}; finish or abort it first"
                )
        current = git.run("symbolic-ref", "--short", "-q", "HEAD", check=False).stdout.strip()
        if current != branch:
            raise GitError(
                f"the site's working copy is on {current or 'a detached HEAD'}, not {branch}; "
                f"switch to {branch} (git switch {branch}) or set the branch option"
            )
        return git, site

    def _paths(self, post: Post, site: Path, options: dict[str, Any]) -> set[Path]:
        """The files the export will write or remove, known before it writes anything."""
        plan = self.site_exporter.plan(post, site, options)
        export = SiteExport(site, plan.target)
        rewrite_body(post, export, plan.image, plan.post_link, self.site_exporter.embed)
        old = Manifest(site).check(export, post)
        paths = {plan.target, *export.images.values(), site / MANIFEST}
        sizing = self.site_exporter.sizing(plan)
        if sizing is not None and sizing.srcset:
            # A srcset's narrower copy, where the image is wide enough to get one.
            paths |= {smaller_file(p, SMALLER_WIDTH) for p in export.images.values()}
        return paths | ({old} if old else set())

    def _changes(self, git: Git, paths: list[str]) -> list[tuple[str, str]]:
        if not paths:
            return []
        found = git.names("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths)
        changes = []
        for entry in found:
            code, name = entry[:2], entry[3:]
            kind = "A" if "?" in code or "A" in code else "D" if "D" in code else "M"
            changes.append((kind, name))
        return sorted(changes, key=lambda item: item[1])

    def export(
        self,
        post: Post,
        destination: Path,
        options: dict[str, Any],
        progress: Progress = no_progress,
    ) -> ExportResult:
        git, site = self._checked(destination, options)
        remote, branch = str(options["remote"]), str(options["branch"])
        site_options = {o.name: options[o.name] for o in self.site_exporter.options}
        paths = self._paths(post, site, site_options)
        outside = [p for p in paths if not Path(os.path.realpath(p)).is_relative_to(git.top)]
        if outside:
            raise ExportError(f"{outside[0]} is outside the site's repository; nothing written")
        mine = sorted(os.path.relpath(p, git.top) for p in paths if p.name != MANIFEST)
        staged = git.names("diff", "--cached", "--name-only", "-z", "--", *mine)
        if staged:
            raise GitError(
                f"{staged[0]} has staged changes in the site's working copy; commit or unstage "
                "them first (smugdesk commits only what it wrote)"
            )
        head = git.run("rev-parse", "-q", "--verify", "HEAD", check=False).stdout.strip()
        snapshot = Snapshot(paths)
        progress(0, 4, "Writing the post into the site")
        try:
            result = self.site_exporter.export(post, site, site_options)
        except Exception:  # an image written before the failure goes too
            snapshot.restore()
            raise
        unexpected = [p for p in result.written if Path(p) not in paths]
        if unexpected:
            snapshot.restore()
            raise ExportError(f"the export wrote {unexpected[0]}, which was not planned")
        target_rel = os.path.relpath(result.location, git.top)
        verb = "Update" if head and git.ok("cat-file", "-e", f"{head}:{target_rel}") else "Publish"
        plan = PublishPlan(remote, branch, f"{verb} “{_one_line(post.title)}” ({target_rel})", [])
        plan.changes = self._changes(git, mine)
        if options.get("dry_run"):
            snapshot.restore()
            return ExportResult(location=result.location, written=[], notes=plan.lines())
        try:
            if options.get("build", True):
                progress(1, 4, f"Building the site with {self.kind}")
                build_site(self.kind, site, site_options)
            progress(2, 4, "Committing the post")
            changed = [path for _, path in plan.changes]
            if changed:
                git.run("add", "-A", "--", *changed, what="git add")
                git.run(
                    "commit", "-q", "--only", "-m", plan.message, "--", *changed, what="git commit"
                )
            progress(3, 4, f"Pushing to {remote}")
            self._sync(git, remote, branch, head, changed)
        except Exception:  # the writer's error, or one of ours: back to as it was
            self._undo(git, head, plan, snapshot)
            raise
        try:
            pushed = self._push(git, remote, branch)
        except GitError as error:
            raise GitError(
                f"{error}\nThe post is committed in the site's working copy; publish again "
                "to push it."
            ) from None
        progress(4, 4, "Done")
        notes = [*result.notes, *plan.lines()[1:], pushed]
        return ExportResult(location=result.location, written=result.written, notes=notes)

    def _undo(self, git: Git, head: str, plan: PublishPlan, snapshot: Snapshot) -> None:
        """Back to before the publish: the commit undone, the index and files restored."""
        now = git.run("rev-parse", "-q", "--verify", "HEAD", check=False).stdout.strip()
        changed = [path for _, path in plan.changes]
        if head and now != head:
            git.run("reset", "-q", "--soft", head, what="undoing the commit")
        if head and changed:
            git.run("reset", "-q", head, "--", *changed, check=False)
        elif changed:
            git.run("rm", "-q", "--cached", "--ignore-unmatch", "--", *changed, check=False)
        snapshot.restore()

    def _sync(self, git: Git, remote: str, branch: str, head: str, mine: list[str]) -> None:
        """Rebase onto the remote branch when it moved; a conflict aborts the rebase."""
        ref = f"refs/heads/{branch}"
        listed = git.run(
            "ls-remote", "--", remote, ref, timeout=NETWORK_TIMEOUT, what="reaching the remote"
        )
        if not listed.stdout.strip():
            return  # a new branch on the remote: the push creates it
        git.run(
            "fetch", "-q", "--no-tags", "--", remote, ref, timeout=NETWORK_TIMEOUT, what="git fetch"
        )
        theirs = git.out("rev-parse", "--verify", "FETCH_HEAD^{commit}").strip()
        if git.ok("merge-base", "--is-ancestor", theirs, "HEAD"):
            return
        base = git.run("merge-base", "HEAD", theirs, check=False).stdout.strip()
        moved = set(git.names("diff", "--name-only", "-z", base or head, theirs, "--"))
        dirty = set(git.names("diff", "--name-only", "-z", "HEAD", "--")) - set(mine)
        if moved & dirty:
            raise ConflictError(
                f"the remote changed {sorted(moved & dirty)[0]}, which also has uncommitted "
                "changes in the site's working copy; commit or discard them, then publish again"
            )
        rebase = git.run("rebase", "-q", "--autostash", theirs, check=False)
        if rebase.returncode != 0:
            conflicted = git.names("diff", "--name-only", "-z", "--diff-filter=U")
            git.run("rebase", "--abort", check=False)
            if not conflicted:  # refused before it began (an untracked file in the way…)
                raise ConflictError(
                    f"could not rebase onto {remote}/{branch}, so nothing was pushed: "
                    f"{last_lines(rebase.stderr or rebase.stdout, 4)}"
                )
            raise ConflictError(
                f"{remote}/{branch} has changes to {', '.join(conflicted)} that conflict with "
                "this post; nothing was pushed and the site's working copy is as it was. Pull "
                "and merge them (git pull --rebase), then publish again"
            )

    def _push(self, git: Git, remote: str, branch: str) -> str:
        result = git.run(
            "push", "--porcelain", "--", remote, f"HEAD:refs/heads/{branch}",
            check=False, timeout=NETWORK_TIMEOUT,
        )  # fmt: skip
        if result.returncode != 0:
            text = result.stderr or result.stdout
            said = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
            if "[rejected]" in result.stdout or "non-fast-forward" in result.stderr:
                raise GitError(
                    f"{remote} refused the push: its {branch} moved again while publishing"
                )
            raise GitError(f"git push failed: {'; '.join(said[-3:]) or result.returncode}")
        commit = git.out("rev-parse", "--short", "HEAD").strip()
        return f"pushed {commit} to {remote} {branch}"


def jekyll_git() -> GitSitePublisher:
    return GitSitePublisher(JekyllExporter(), "jekyll")


def hugo_git() -> GitSitePublisher:
    return GitSitePublisher(HugoExporter(), "hugo")


def pelican_git() -> GitSitePublisher:
    return GitSitePublisher(PelicanExporter(), "pelican")
