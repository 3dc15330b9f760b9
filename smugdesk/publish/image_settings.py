"""What a target's images are made with: the writer's settings (size limit, quality, keep the
metadata or not), per exporter, per blog and per post, and what a made image is (Prepared).

Nothing here imports Pillow or Qt.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smugdesk.core.errors import SmugdeskError

DEFAULT_MAX_SIDE = 2048
DEFAULT_QUALITY = 85
# Bump when the processing changes, so cached results made the old way are not reused.
PREP_VERSION = "1"


class ImagePrepError(SmugdeskError):
    """An image cannot be made ready for a target (damaged, too large, not what it says)."""


@dataclass(frozen=True)
class ImageSettings:
    """How the images of one target are made: the long side's limit in pixels, the encoder's
    quality (1-95) and whether the original's metadata is kept."""

    max_side: int = DEFAULT_MAX_SIDE
    quality: int = DEFAULT_QUALITY
    keep_metadata: bool = False

    def checked(self) -> ImageSettings:
        if not 16 <= int(self.max_side) <= 20000:
            raise ImagePrepError(
                f"the image size limit must be from 16 to 20000 pixels, not {self.max_side}"
            )
        if not 1 <= int(self.quality) <= 95:
            raise ImagePrepError(f"the image quality must be from 1 to 95, not {self.quality}")
        return ImageSettings(int(self.max_side), int(self.quality), bool(self.keep_metadata))

    def key(self) -> str:
        keep = "keep" if self.keep_metadata else "strip"
        return f"v{PREP_VERSION}-{self.max_side}-{self.quality}-{keep}"


@dataclass(frozen=True)
class Prepared:
    """One image as the target receives it."""

    source: Path
    name: str  # the file name to use on the target (the suffix follows the content)
    data: bytes
    mime: str
    width: int
    height: int
    original_bytes: int
    processed: bool  # False when it came from the cache (or is sent as it is)

    def saving(self) -> str:
        """What the processing saved, as a person reads it: "3.7 MB → 412 KB"."""
        return f"{human_size(self.original_bytes)} → {human_size(len(self.data))}"


def human_size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"


def keep_metadata_for(meta: Any, base: Path) -> Callable[[Path], bool]:
    """The writer's choice in the post's front matter: ``keep_metadata: true`` keeps every
    image's metadata, ``keep_metadata: [photo.jpg, ...]`` only those files' (by name or by
    path relative to the post)."""
    value = meta.get("keep_metadata") if hasattr(meta, "get") else None
    if value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes")):
        return lambda _path: True
    if isinstance(value, list | tuple):
        names = {str(item).strip() for item in value if str(item).strip()}

        def chosen(path: Path) -> bool:
            try:
                relative = path.relative_to(os.path.realpath(base)).as_posix()
            except ValueError:
                relative = ""
            return path.name in names or relative in names

        return chosen
    return lambda _path: False


def settings_from(options: dict[str, Any]) -> ImageSettings:
    """Image settings from an exporter's options (``image_size``, ``image_quality``,
    ``keep_metadata``), defaults for any missing."""
    return ImageSettings(
        int(options.get("image_size") or DEFAULT_MAX_SIDE),
        int(options.get("image_quality") or DEFAULT_QUALITY),
        bool(options.get("keep_metadata") or False),
    ).checked()


def _blog_entry(account: str) -> dict:
    from smugdesk.core.config import config_dir
    from smugdesk.publish.blog_defaults import load_defaults

    try:
        entries = json.loads((config_dir() / "images.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entries = {}
    entry = entries.get(account) if isinstance(entries, dict) else None
    entry = dict(entry) if isinstance(entry, dict) else {}
    # What the Blogs dialog set wins over the hand-written file.
    defaults = load_defaults(account)
    if defaults.image_size:
        entry["image_size"] = defaults.image_size
    if defaults.keep_metadata:
        entry["keep_metadata"] = True
    return entry


def blog_settings(account: str) -> ImageSettings:
    """A blog's image settings: the Blogs dialog's (blog-defaults.json), else ``images.json``
    in the config folder (``{"Ward Notes": {"image_size": 1600, "keep_metadata": false}}``),
    else the defaults."""
    try:
        return settings_from(_blog_entry(account))
    except (TypeError, ValueError, ImagePrepError):
        return ImageSettings()


def blog_shows_excerpts(account: str) -> bool:
    """Whether the blog lists posts by their summary (``"shows_excerpts": true`` in the
    same file): the check then asks for one."""
    return _blog_entry(account).get("shows_excerpts") is True
