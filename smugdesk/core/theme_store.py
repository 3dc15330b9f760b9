"""Where captured themes are kept and how one is read back: the part of the blog-theme
preview the window and the preview sandbox need, without the network code that captures
them (publish/theme_capture.py), so neither pays for importing an HTTP client."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from smugdesk.core.config import cache_dir

THEME_PREFIX = "/.smugdesk-theme/"  # where the preview page finds the stored files
TEMPLATE_NAME = "template.html"
INFO_NAME = "theme.json"
SITE_BASE = "http://smugdesk-site.invalid/"  # a built static site's address, never fetched


@dataclass(frozen=True)
class StoredTheme:
    folder: Path
    name: str  # the blog's name, for the menu ("Blog Theme (Ward Notes)")
    source: str  # the page it was made from
    captured: float  # time.time() of the capture
    files: int
    size: int  # bytes stored, the template included
    skipped: int  # addresses left out (other origins, too large, failed, over the caps)
    fingerprint: str  # of the page's own stylesheets' addresses: a new look changes it

    @property
    def template_path(self) -> Path:
        return self.folder / TEMPLATE_NAME

    def template(self) -> str:
        return self.template_path.read_text(encoding="utf-8")


def themes_dir() -> Path:
    return cache_dir() / "themes"


def theme_folder(key: str) -> Path:
    """The folder of one account's (or site's) theme: a name safe on every file system,
    distinct for distinct keys."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-")[:40] or "blog"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return themes_dir() / f"{readable}-{digest}"


def load_theme(folder: Path) -> StoredTheme | None:
    """The theme stored in ``folder``, or None when there is none (or it is damaged)."""
    try:
        info = json.loads((folder / INFO_NAME).read_text(encoding="utf-8"))
        if not (folder / TEMPLATE_NAME).is_file():
            return None
        return StoredTheme(
            folder,
            str(info["name"]),
            str(info["source"]),
            float(info["captured"]),
            int(info["files"]),
            int(info["size"]),
            int(info["skipped"]),
            str(info["fingerprint"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
