"""Building a static site with its own generator (Jekyll, Hugo, Pelican) to check it before
a push. The build writes into a temporary folder, never the site's own output or caches, so a
check leaves the working copy as it was; a failed build is reported in the generator's own
words.

The generator runs the site's own configuration and plug-ins (``_plugins``, a Pelican
``pelicanconf.py``), exactly as the writer's own ``jekyll build`` would: the site is theirs.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from smugdesk.publish.git_command import last_lines, run_tool
from smugdesk.publish.remote import PublishError
from smugdesk.publish.site import inside_site

BUILD_TIMEOUT = 300.0


class BuildError(PublishError):
    """The site's generator refused the site with the post in it; nothing was pushed."""


def _pelican() -> list[str] | None:
    found = shutil.which("pelican")
    if found:
        return [found]
    if importlib.util.find_spec("pelican") is not None:
        return [sys.executable, "-m", "pelican"]
    return None


def generator_available(kind: str) -> tuple[bool, str]:
    if kind == "pelican":
        ok = _pelican() is not None
        return ok, "" if ok else "Pelican is not installed (pip install pelican)"
    if shutil.which(kind) is None:
        return False, f"{kind} is not installed, so the site cannot be checked (apt install {kind})"
    return True, ""


def _command(kind: str, site: Path, options: dict[str, Any], out: Path) -> list[str]:
    if kind == "jekyll":
        return [
            "jekyll", "build", "--source", str(site), "--destination", str(out / "site"),
            "--disable-disk-cache",
        ]  # fmt: skip
    if kind == "hugo":
        return [
            "hugo", "--source", str(site), "--destination", str(out / "site"),
            "--noBuildLock", "--cacheDir", str(out / "cache"),
        ]  # fmt: skip
    if kind == "pelican":
        content = inside_site(site, options.get("content") or "content", "content") or "content"
        settings = ["-s", "pelicanconf.py"] if (site / "pelicanconf.py").is_file() else []
        return [
            *(_pelican() or ["pelican"]), str(site / content), *settings,
            "-o", str(out / "site"), "--fatal", "errors",
        ]  # fmt: skip
    raise BuildError(f"no generator known for {kind!r}")


def build_site(kind: str, site: Path, options: dict[str, Any]) -> str:
    """Build ``site`` into a temporary folder; return the generator's output, or raise
    ``BuildError`` with the generator's own message."""
    ready, why = generator_available(kind)
    if not ready:
        raise BuildError(f"{why}; or turn the build option off to publish without the check")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")  # no __pycache__ in the site
    with tempfile.TemporaryDirectory(prefix="smugdesk-build-") as scratch:
        out = Path(scratch)
        env["HUGO_RESOURCEDIR"] = str(out / "resources")  # not the site's resources/_gen
        result = run_tool(_command(kind, site, options, out), site, BUILD_TIMEOUT, env)
    said = result.stdout + ("\n" if result.stdout else "") + result.stderr
    if result.returncode != 0:
        raise BuildError(
            f"{kind} could not build the site with this post in it, so nothing was committed "
            f"or pushed:\n{last_lines(said, 15) or f'exit status {result.returncode}'}"
        )
    return said
