"""Posts waiting for the network: a publish that found no network is queued here (the
drafts themselves are untouched) and sent when the writer asks or the network is back."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from smugdesk.core.config import APP_NAME
from smugdesk.core.store import atomic_write
from smugdesk.publish.published_state import now_stamp


@dataclass(frozen=True)
class Waiting:
    path: str
    account: str
    status: str = ""  # as asked; empty: the post's own status
    since: str = ""
    reason: str = ""


def queue_file() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME)) / "publish-queue.json"


class PublishQueue:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or queue_file()

    def items(self) -> list[Waiting]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [Waiting(**item) for item in raw if isinstance(item, dict) and item.get("path")]

    def _write(self, items: list[Waiting]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps([asdict(item) for item in items], indent=1) + "\n"
        atomic_write(self.path, data.encode("utf-8"), private=True)

    def add(self, path: Path, account: str, status: str = "", reason: str = "") -> Waiting:
        """Queue a post for an account; queued again, it keeps one place with the newest ask."""
        item = Waiting(str(Path(path).absolute()), account, status, now_stamp(), reason)
        rest = [i for i in self.items() if (i.path, i.account) != (item.path, item.account)]
        self._write([*rest, item])
        return item

    def remove(self, path: Path, account: str) -> None:
        key = (str(Path(path).absolute()), account)
        self._write([i for i in self.items() if (i.path, i.account) != key])

    def holds(self, path: Path) -> bool:
        return any(i.path == str(Path(path).absolute()) for i in self.items())
