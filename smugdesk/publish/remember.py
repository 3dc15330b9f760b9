"""A post remembers where it was last exported, in its own front matter (``export:``), so
the next export is one click. The key is smugdesk's: exporters never copy it into a site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smugdesk.core.post import Post

KEY = "export"


@dataclass(frozen=True)
class LastExport:
    target: str
    folder: Path
    options: dict[str, Any]


def last_export(post: Post) -> LastExport | None:
    value = post.meta.get(KEY)
    if not isinstance(value, dict) or not value.get("target") or not value.get("folder"):
        return None
    options = value.get("options")
    return LastExport(
        str(value["target"]),
        Path(str(value["folder"])).expanduser(),
        dict(options) if isinstance(options, dict) else {},
    )


def remember_export(post: Post, target: str, folder: Path, options: dict[str, Any]) -> None:
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    entry["target"] = target
    entry["folder"] = str(folder)
    if options:
        entry["options"] = CommentedMap(options)
    post.set(KEY, entry)
