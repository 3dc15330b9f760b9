"""Running the user's own ``git`` command for the git publishers, safely.

Why the ``git`` command and not a library (dulwich, pygit2): a site's remote is reached the
way the writer already reaches it, with their SSH agent and ``~/.ssh/config``, their
credential helper (GitHub CLI, libsecret, Git Credential Manager), ``insteadOf`` rewrites,
commit signing and hooks. dulwich has no credential helpers and pygit2 needs credential
callbacks of its own, so either would mean asking for (and keeping) credentials that git
already knows. smugdesk never writes a credential into the repository's config or a URL.

Every call: an argument list (no shell), a deadline after which the whole process group is
killed, no prompts (``GIT_TERMINAL_PROMPT=0``, no terminal, stdin closed: a missing
credential is an error, not a hung window), literal pathspecs (a file called ``*.png`` or
``:(glob)x`` names itself, never other files), and ``--`` before paths and remotes, so no
value from a post or an option can be taken for an option.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

from smugdesk.publish.remote import PublishError

LOCAL_TIMEOUT = 60.0
NETWORK_TIMEOUT = 120.0
# Variables that would point git at another repository, index or object store than the
# site's (set when smugdesk is started from a git hook, for instance).
_REDIRECTS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_COMMON_DIR",
    "GIT_PREFIX",
)


class GitError(PublishError):
    """git refused or failed; the message carries git's own words."""


def git_available() -> tuple[bool, str]:
    if shutil.which("git") is None:
        return False, "the git command is not installed (Debian/Ubuntu: apt install git)"
    return True, ""


def git_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _REDIRECTS}
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GCM_INTERACTIVE="never",
        GIT_LITERAL_PATHSPECS="1",
        GIT_MERGE_AUTOEDIT="no",
        GIT_EDITOR="true",  # nothing smugdesk runs opens an editor; if one would, it ends
    )
    return env


def run_tool(
    command: list[str],
    cwd: Path,
    timeout: float,
    env: dict[str, str] | None = None,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a command in its own session (no terminal to prompt on); on the deadline the
    whole group is killed, so a hung ssh or a generator's children go too."""
    try:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE if input_text is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
    except OSError as error:
        raise GitError(f"cannot run {command[0]}: {error.strerror or error}") from None
    try:
        out, err = process.communicate(input_text, timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise GitError(
            f"{Path(command[0]).name} {command[1] if len(command) > 1 else ''} took longer "
            f"than {timeout:.0f} s and was stopped"
        ) from None
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def last_lines(text: str, count: int = 12) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[-count:])


class Git:
    """git in one working copy (``top``: its top folder)."""

    def __init__(self, top: Path) -> None:
        self.top = top

    def run(
        self,
        *args: str,
        check: bool = True,
        timeout: float = LOCAL_TIMEOUT,
        what: str = "",
    ) -> subprocess.CompletedProcess[str]:
        result = run_tool(["git", "-C", str(self.top), *args], self.top, timeout, git_env())
        if check and result.returncode != 0:
            said = last_lines(result.stderr or result.stdout) or f"exit status {result.returncode}"
            raise GitError(f"{what or 'git ' + args[0]} failed: {said}")
        return result

    def out(self, *args: str, what: str = "") -> str:
        return self.run(*args, what=what).stdout

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    def names(self, *args: str) -> list[str]:
        """A command's NUL-separated path list (``-z``)."""
        return [name for name in self.out(*args).split("\0") if name]


def toplevel(folder: Path) -> Path:
    """The top of the git working copy holding ``folder``, or a message saying it is none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GitError(f"{folder} is not a folder; choose the site's git working copy")
    result = run_tool(
        ["git", "-C", str(folder), "rev-parse", "--show-toplevel"], folder, LOCAL_TIMEOUT, git_env()
    )
    if result.returncode != 0:
        raise GitError(
            f"{folder} is not inside a git working copy; clone the site's repository first "
            "(git clone …) and choose that folder"
        )
    return Path(result.stdout.strip())
