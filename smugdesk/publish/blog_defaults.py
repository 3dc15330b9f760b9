"""Per-blog defaults: what a post meant for a blog starts with (its status, its categories),
how its address is made (the slug style) and how big its images are sent. Kept in
``blog-defaults.json`` in the config folder, by account name; the account's own file stays
as it is (no Qt here)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from smugdesk.core.config import config_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.store import atomic_write

STATUSES = ("", "draft", "published")  # "" leaves the post's own status alone
# How a post's address is made when the writer gave none: the whole title; its words that
# carry meaning, at most five; or nothing sent, so the blog makes it.
SLUG_STYLES = ("", "short", "blog")


@dataclass
class BlogDefaults:
    status: str = ""
    categories: list[str] = field(default_factory=list)
    slug_style: str = ""
    image_size: int = 0  # the long side images are sent at; 0: the default
    keep_metadata: bool = False  # send photos with their EXIF/GPS (the writer asked)

    def empty(self) -> bool:
        return self == BlogDefaults()


def defaults_file() -> Path:
    return config_dir() / "blog-defaults.json"


def _read() -> dict:
    try:
        data = json.loads(defaults_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict) -> None:
    path = defaults_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))
    except OSError as error:
        raise SmugdeskError(f"the blog defaults cannot be saved in {path}: {error}") from None


def load_defaults(account: str) -> BlogDefaults:
    item = _read().get(account)
    if not isinstance(item, dict):
        return BlogDefaults()
    status = item.get("status") if item.get("status") in STATUSES else ""
    listed = item.get("categories")
    categories = (
        [str(c) for c in listed if isinstance(c, str) and c.strip()]
        if isinstance(listed, list)
        else []
    )
    style = item.get("slug_style") if item.get("slug_style") in SLUG_STYLES else ""
    size = item.get("image_size")
    size = size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else 0
    keep = item.get("keep_metadata") is True
    return BlogDefaults(status, categories, style, size, keep)


def save_defaults(account: str, defaults: BlogDefaults) -> None:
    data = _read()
    if defaults.empty():
        data.pop(account, None)
    else:
        data[account] = asdict(defaults)
    _write(data)


def rename_defaults(old: str, new: str) -> None:
    data = _read()
    if old in data and old != new:
        data[new] = data.pop(old)
        _write(data)


def forget_defaults(account: str) -> None:
    data = _read()
    if data.pop(account, None) is not None:
        _write(data)
