"""Which look the preview has, remembered per post and per blog: "plain" (smugdesk's page
with the writer's CSS), "css" (the writer's CSS alone) or "theme:<folder>" (a captured
blog theme). Kept in ``preview-styles.json`` in the config folder; a damaged file means
the plain look, never an error."""

from __future__ import annotations

import json
from pathlib import Path

from smugdesk.core.config import config_dir
from smugdesk.core.store import atomic_write

PLAIN = "plain"
WRITER_CSS = "css"
THEME = "theme:"
MAX_POSTS = 2000  # the oldest choices are forgotten past this many posts


def styles_file() -> Path:
    return config_dir() / "preview-styles.json"


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"posts": {}, "last": PLAIN}
    if not isinstance(data, dict) or not isinstance(data.get("posts"), dict):
        return {"posts": {}, "last": PLAIN}
    return data


def _valid(key: object) -> bool:
    return isinstance(key, str) and (key in (PLAIN, WRITER_CSS) or key.startswith(THEME))


def style_for(post: Path | None, path: Path | None = None) -> str:
    """The look chosen for ``post``, else the one chosen last (for a new post)."""
    data = _load(path or styles_file())
    key = data["posts"].get(str(post)) if post is not None else None
    if _valid(key):
        return key
    last = data.get("last")
    return last if _valid(last) else PLAIN


def remember_style(post: Path | None, key: str, path: Path | None = None) -> None:
    if not _valid(key):
        raise ValueError(f"not a preview style: {key!r}")
    path = path or styles_file()
    data = _load(path)
    posts = data["posts"]
    if post is not None:
        posts.pop(str(post), None)
        posts[str(post)] = key  # last in order: the most recent
        while len(posts) > MAX_POSTS:
            posts.pop(next(iter(posts)))
    data["last"] = key
    atomic_write(path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
