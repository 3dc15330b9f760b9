"""Which posts the writer let run their own scripts in the preview.

Kept in the app's config folder, keyed by the post's real path, and never in the post
itself: a hostile post would simply mark itself as trusted. Moving or renaming a post asks
again, which is the safe way to be wrong.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from smugdesk.core.config import config_dir
from smugdesk.core.store import atomic_write

FILE_NAME = "preview-scripts.json"


def _store(folder: Path | None) -> Path:
    return (folder or config_dir()) / FILE_NAME


def _key(post: Path) -> str:
    return os.path.realpath(post)


def _load(folder: Path | None) -> list[str]:
    try:
        data = json.loads(_store(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # missing or damaged: nothing is trusted
    posts = data.get("posts") if isinstance(data, dict) else None
    return [entry for entry in posts if isinstance(entry, str)] if isinstance(posts, list) else []


def scripts_allowed(post: Path, folder: Path | None = None) -> bool:
    """True when the writer turned on the scripts of the post at ``post``."""
    return _key(post) in _load(folder)


def allow_scripts(post: Path, allowed: bool, folder: Path | None = None) -> None:
    """Remember the writer's choice for ``post`` (``folder``: the config folder, for tests)."""
    key = _key(post)
    posts = [entry for entry in _load(folder) if entry != key]
    if allowed:
        posts.append(key)
    text = json.dumps({"posts": posts}, indent=2) + "\n"
    atomic_write(_store(folder), text.encode("utf-8"))
