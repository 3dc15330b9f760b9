"""Images already uploaded to an account are not uploaded again: a per-account map from an
image's content hash to its remote id and URL (a cache: losing it costs only re-uploads)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from smugdesk.core.config import cache_dir
from smugdesk.core.store import atomic_write
from smugdesk.publish.remote import Media


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class MediaCache:
    def __init__(self, account: str, folder: Path | None = None) -> None:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", account) or "account"
        self.path = (folder or cache_dir() / "media") / f"{safe}.json"
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def get(self, digest: str) -> Media | None:
        entry = self.entries.get(digest)
        return Media(str(entry["id"]), str(entry["url"])) if entry and entry.get("url") else None

    def put(self, digest: str, media: Media) -> None:
        self.entries[digest] = {"id": media.id, "url": media.url}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, (json.dumps(self.entries, indent=1) + "\n").encode("utf-8"))
