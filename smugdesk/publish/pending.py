"""Creates whose answer never came: a per-account note, kept until the post is found or
made, that a create of a post was sent. The next publish of that post looks for it on the
blog (by the marker sent with it, its slug, its title) before creating anything, so a
retry after a lost answer makes no twin even when the first look failed too."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from smugdesk.core.store import atomic_write


def post_key(path: Path | None, slug: str) -> str:
    return str(path.resolve()) if path else f"slug:{slug}"


class PendingCreates:
    def __init__(self, account: str, folder: Path) -> None:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", account) or "account"
        self.path = folder / f"{safe}.pending-creates.json"
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        self.entries: dict[str, dict] = loaded if isinstance(loaded, dict) else {}

    def marker(self, key: str) -> str | None:
        """The marker of an earlier create of this post whose outcome is unknown."""
        entry = self.entries.get(key)
        return str(entry.get("marker") or "") if isinstance(entry, dict) else None

    def sending(self, key: str, marker: str | None = None) -> str:
        """Record that a create is about to be sent; returns its marker."""
        marker = marker or uuid.uuid4().hex
        self.entries[key] = {"marker": marker}
        self._save()
        return marker

    def settled(self, key: str) -> None:
        if self.entries.pop(key, None) is not None:
            self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(
            self.path, (json.dumps(self.entries, indent=1) + "\n").encode("utf-8"), private=True
        )
